"""Every construct of the table as Chromium and LibreOffice draw it: nothing off a slide, no
text over text, no word broken where HTML keeps it whole, and long columns continued on the
next slide with every word."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pypandoc
import pytest
from pptx import Presentation

from clirun import deckgen
from deckgen.constructs import CONSTRUCTS, Status
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide, visible_text
from e2e.office import convert_to_pdf, render_problems, rendered_pages, shape_text, text_shapes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "constructs"
PICTURES = Path(__file__).resolve().parents[2] / "src" / "deckgen" / "starter_deck" / "images"


def build(source: Path, out: Path, *args: str) -> Path:
    result = deckgen("build", str(source), "-o", str(out), "-f", "html,pptx", *args)
    assert result.returncode == 0, result.stderr
    return out / f"{source.stem}.pptx"


def html_problems(html: Path) -> tuple[int, list[str], str]:
    """Return the HTML deck's slide count, the text drawn outside a slide, and all its text."""
    problems, text = [], []
    with open_deck(html) as (page, log):
        count = slide_count(page)
        for index in range(count):
            show_slide(page, index)
            problems += [f"slide {index + 1}: {t}" for t in text_outside_slide(page)]
            text.append(visible_text(page))
        problems += log.errors
    return count, problems, "\n".join(text)


def check_both(pptx: Path, tmp_path: Path, office_profile: Path) -> tuple[str, str]:
    """Assert both formats draw the same number of slides, cleanly; return their text."""
    slides = list(Presentation(str(pptx)).slides)
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []
    count, problems, html_text = html_problems(pptx.with_suffix(".html"))
    assert problems == []
    assert count == len(slides)
    pptx_text = "\n".join(shape_text(shape) for slide in slides for shape in slide.shapes)
    return html_text, pptx_text


@pytest.mark.browser
@pytest.mark.office
def test_every_rendered_construct_draws_cleanly_in_both_formats(
    tmp_path: Path, office_profile: Path
) -> None:
    examples = [
        c.example
        for c in CONSTRUCTS
        if c.status is Status.RENDERED and c.example and not c.example.startswith("---")
    ]
    source = tmp_path / "constructs.md"
    source.write_text("\n\n".join(examples), encoding="utf-8")
    shutil.copy(next(PICTURES.iterdir()), tmp_path / "picture.png")
    check_both(build(source, tmp_path / "out"), tmp_path, office_profile)


@pytest.mark.browser
@pytest.mark.office
def test_overflowing_columns_continue_on_the_next_slide_never_off_it(
    tmp_path: Path, office_profile: Path
) -> None:
    source = FIXTURES / "overflowing-columns.md"
    pptx = build(source, tmp_path / "out")
    html_text, pptx_text = check_both(pptx, tmp_path, office_profile)
    written = source.read_text(encoding="utf-8")
    lines = re.findall(r"^- (.+)$|^(step_\d+ = .+?)  #", written, re.MULTILINE)
    sentences = [item or code for item, code in lines] + [
        "This sentence says the same thing again, so the column runs past the foot of the slide."
    ]
    flat_html, flat_pptx = " ".join(html_text.split()), " ".join(pptx_text.split())
    for sentence in sentences:
        assert sentence in flat_html and sentence in flat_pptx, sentence
    assert "(3/3)" in flat_pptx


def straight(text: str) -> str:
    """Return ``text`` with curly quotes straight (both formats set pandoc's typography)."""
    return text.translate(str.maketrans("\u2018\u2019\u201c\u201d", "''\"\""))


def _pieces(word: str) -> set[str]:
    """Return ``word`` and the parts a line may break it into at its hyphens."""
    parts = re.split(r"(?<=-)", word)
    return {"".join(parts[a:b]) for a in range(len(parts)) for b in range(a + 1, len(parts) + 1)}


def broken_table_words(source: Path, pptx: Path, pdf: Path) -> list[str]:
    """Return the words LibreOffice draws in tables that are not words of ``source``."""
    words: set[str] = set()
    for token in source.read_text(encoding="utf-8").split():
        words |= _pieces(token.strip("|+:=*.,;!?()'\""))
    broken = []
    slides = Presentation(str(pptx)).slides
    for number, (slide, page) in enumerate(zip(slides, rendered_pages(pdf), strict=True), 1):
        tables = [s for s in text_shapes(slide, number) if s.name.startswith("Table")]
        for word in page.words:
            text = straight(word.text).strip(".,;:!?()'\"")
            if text and any(t.holds(word) for t in tables) and text not in words:
                broken.append(f"slide {number}: {word.text!r}")
    return broken


@pytest.mark.office
@pytest.mark.parametrize("page", ["16:9", "4:3"])
def test_table_words_break_only_where_html_breaks_them(
    page: str, tmp_path: Path, office_profile: Path
) -> None:
    source = FIXTURES / "tables.md"
    args: tuple[str, ...] = ()
    if page == "4:3":
        Presentation().save(str(tmp_path / "school.pptx"))  # python-pptx's default is 10 x 7.5 in
        args = ("--template", str(tmp_path / "school.pptx"))
    result = deckgen("build", str(source), "-o", str(tmp_path / "out"), "-f", "pptx", *args)
    assert result.returncode == 0, result.stderr
    assert "wider than its box" not in result.stderr
    pptx = tmp_path / "out" / "tables.pptx"
    pdf = convert_to_pdf(pptx, tmp_path, office_profile)
    assert render_problems(pptx, pdf) == []
    assert broken_table_words(source, pptx, pdf) == []
    pages = rendered_pages(pdf)
    shown = {straight(w.text).strip(".,;:!?()'\"") for page in pages for w in page.words}
    plain = pypandoc.convert_text(source.read_text(encoding="utf-8"), "plain", format="markdown")
    said = set(re.findall(r"[A-Za-z][\w'-]*", straight(plain)))
    assert said - shown == set()  # every word pandoc shows (its quotes made straight)


FOOT = """---
title: Notes at the foot
---

# A section[^s]

## A statement

Said once.[^a]

## A list

- one point[^b]
- another

The takeaway.

[^s]: On the section slide.
[^a]: Under a statement.
[^b]: Under a list and its takeaway.
"""

POSITIONS = """() => {
  const slide = Reveal.getCurrentSlide();
  const frame = slide.querySelector('.frame').getBoundingClientRect();
  const top = sel => { const el = slide.querySelector(sel); return el ?
    (el.getBoundingClientRect().top - frame.top) / Reveal.getScale() : null; };
  return {title: top('.title'), footnotes: top('.footnotes')};
}"""
EMU_PER_PX = 9525


@pytest.mark.browser
def test_footnotes_and_titles_stand_where_the_layout_put_them(tmp_path: Path) -> None:
    """The HTML flows the slide; its footnotes and a statement's centred title must land
    where the layout stage placed them for the .pptx (within 2 px)."""
    from deckgen.build import load
    from deckgen.layout.pieces import TextPiece

    source = tmp_path / "deck.md"
    source.write_text(FOOT, encoding="utf-8")
    _, laid_out, _ = load(source)
    build(source, tmp_path / "out")
    with open_deck(tmp_path / "out" / "deck.html") as (page, _):
        for index, placed in enumerate(laid_out.slides):
            show_slide(page, index)
            found = page.evaluate(POSITIONS)
            plan = placed.plan
            small = placed.sizes.small or placed.sizes.body
            notes = [
                p for p in plan.pieces if isinstance(p, TextPiece) and p.paragraphs[0].size == small
            ]
            expected = {
                "title": plan.title.box.y / EMU_PER_PX if plan.title else None,
                "footnotes": notes[-1].box.y / EMU_PER_PX if placed.slide.footnotes else None,
            }
            for key, value in expected.items():
                if value is None:
                    assert found[key] is None, (index, key)
                else:
                    assert abs(found[key] - value) <= 2, (index, key, found[key], value)

"""``--format pdf``: the study guide printed by Chromium, read back with poppler as a person would.

The slides' PDF must show the presented deck (the golden copy, from the source material) one
slide per page at the slide's size, with real text in embedded fonts; the handout must follow
each slide with all of its notes; links must work.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from clirun import deckgen
from deckgen.build import load
from deckgen.model import Block, BulletList, Heading, Paragraph, plain_text
from deckgen.passes.walk import walk_blocks as iter_blocks
from e2e.pdf import page_lines, pdf_fonts, pdf_info, pdf_links, without_slide_number
from textnorm import golden_lines, normalize_lines

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
QUICKSTART = REPO / "examples" / "quickstart.md"
POINTS_PER_INCH = 72


def build_pdf(source: Path, outdir: Path, *extra: str) -> Path:
    result = deckgen("build", str(source), "-o", str(outdir), "--format", "pdf", *extra)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    name = source.stem if source.suffix == ".md" else source.name
    [pdf] = outdir.iterdir()
    assert pdf.name == f"{name}.pdf"
    assert result.stdout.strip() == f"wrote {pdf}"
    return pdf


@pytest.fixture(scope="module")
def slides_pdf(study_guide: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pdf(study_guide, tmp_path_factory.mktemp("slides"))


@pytest.fixture(scope="module")
def handout_pdf(study_guide: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_pdf(study_guide, tmp_path_factory.mktemp("handout"), "--pdf-notes")


def slide_pages(pdf: Path) -> list[list[str]]:
    info = pdf_info(pdf)
    return [
        without_slide_number(lines, number)
        for number, lines in enumerate(page_lines(pdf, info.pages), start=1)
    ]


def test_one_page_per_slide_at_the_slides_size(slides_pdf: Path) -> None:
    info = pdf_info(slides_pdf)
    assert info.pages == 55
    # the theme's page: 13.333 in x 7.5 in (reveal.js lays it out at 1280 x 720 CSS pixels)
    assert info.width == pytest.approx(13.333 * POINTS_PER_INCH, abs=0.5)
    assert info.height == pytest.approx(7.5 * POINTS_PER_INCH, abs=0.5)


def test_text_of_the_pages_is_the_presented_deck(slides_pdf: Path) -> None:
    """Every word in order from page to page; on a page, pdftotext's reading order may differ

    from the source's (it splits a code line's spaced columns), so a page is compared as a bag.
    """
    golden = [word for line in golden_lines("generative-production.txt") for word in line.split()]
    start = 0
    for number, lines in enumerate(slide_pages(slides_pdf), start=1):
        words = [word for line in lines for word in line.split()]
        expected = golden[start : start + len(words)]
        assert Counter(words) == Counter(expected), f"page {number}"
        start += len(words)
    assert start == len(golden)


def test_fonts_are_the_themes_and_embedded(slides_pdf: Path) -> None:
    fonts = pdf_fonts(slides_pdf)
    assert fonts and all(font.embedded for font in fonts)
    families = {font.name.split("+", 1)[-1].split("-")[0] for font in fonts}
    assert families == {"Caladea", "Carlito", "Cousine"}  # the cinematic theme's three


def test_handout_follows_each_slide_with_all_its_notes(
    study_guide: Path, slides_pdf: Path, handout_pdf: Path
) -> None:
    _, laid_out, _ = load(study_guide)
    slides = slide_pages(slides_pdf)
    handout = page_lines(handout_pdf, pdf_info(handout_pdf).pages)
    notes: dict[int, list[str]] = {}  # slide index -> the text of the notes pages after it
    shown = 0
    for lines in handout:
        if shown < len(slides) and _is_slide(lines, shown, slides):
            shown += 1
            continue
        assert shown > 0, "a notes page before the first slide"
        if shown - 1 not in notes:
            assert lines[0] == "speaker notes", lines[:3]  # reveal.js's heading of a notes page
            notes[shown - 1] = []
        notes[shown - 1] += lines
    assert shown == len(slides) == 55
    with_notes = {i for i, placed in enumerate(laid_out.slides) if placed.slide.notes}
    assert set(notes) == with_notes
    missing = [
        (index + 1, text[:60])
        for index in sorted(with_notes)
        for text in _notes_texts(laid_out.slides[index].slide.notes)
        if _squashed(text) not in _squashed(" ".join(notes[index]))
    ]
    assert missing == []


def _is_slide(lines: list[str], index: int, slides: list[list[str]]) -> bool:
    return str(index + 1) in lines and without_slide_number(lines, index + 1) == slides[index]


def _squashed(text: str) -> str:
    """Return ``text`` without spaces and hyphens (pdftotext joins a word hyphenated at a line
    break, "golden-" + "hour" -> "goldenhour")."""
    return re.sub(r"[\s\-\u2010]", "", text)


def _notes_texts(blocks: tuple[Block, ...]) -> list[str]:
    """Return the normalized text of each paragraph, heading and list item of the notes."""
    texts = []
    for block in iter_blocks(blocks):
        if isinstance(block, Paragraph | Heading):
            texts.append(plain_text(block.runs))
        elif isinstance(block, BulletList):
            texts += [plain_text(item.runs) for item in block.items]
    return [" ".join(normalize_lines(text)) for text in texts if text.strip()]


def test_slide_links_go_to_the_slides_page_and_web_links_stay(tmp_path: Path) -> None:
    pdf = build_pdf(QUICKSTART, tmp_path / "out")
    pages = page_lines(pdf, pdf_info(pdf).pages)
    code_page = next(n for n, lines in enumerate(pages, start=1) if lines[0] == "code")
    assert set(pdf_links(pdf)) == {f"#{code_page}", "https://pandoc.org/MANUAL.html"}


def test_the_students_copy_prints_without_teacher_content(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text(
        "## Open\n\nFor everyone.\n\n::: notes\nA note for the teacher.\n:::\n\n"
        "## Answers {.teacher}\n\nThe answer is 42.\n",
        encoding="utf-8",
    )
    pdf = build_pdf(source, tmp_path / "out", "--audience", "student")
    assert page_lines(pdf, pdf_info(pdf).pages) == [["open", "for everyone.", "1"]]
    refused = deckgen(
        "build", "talk.md", "-f", "pdf", "--pdf-notes", "--audience", "student", cwd=tmp_path
    )
    assert refused.returncode == 1
    assert refused.stderr == (
        "--pdf-notes: error: the students' copy has no speaker notes to print\n"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "talk.md"]


@pytest.mark.parametrize("formats", ["pdf", "html,pdf"])
def test_the_htmls_warnings_are_reported_once(formats: str, tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## Raw\n\n<iframe></iframe>\n\nText.\n", "utf-8")
    result = deckgen("build", "talk.md", "-o", "out", "-f", formats, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [warning] = result.stderr.splitlines()
    assert warning.startswith("talk.md:3: warning: ")


def test_printing_is_offline_and_says_what_it_refused(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text(
        '## Remote\n\n<img src="http://127.0.0.1:9/logo.png" alt="logo">\n\nText.\n', "utf-8"
    )
    result = deckgen("build", "talk.md", "-o", "out", "-f", "pdf", "--allow-html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "talk.md:3: warning: remote image: linked, not embedded, in the HTML deck (needs the "
        "network) and shown as a link in the .pptx\n"
        "talk.md: warning: the PDF is printed offline: 1 network request(s) refused "
        "(first: http://127.0.0.1:9/logo.png)\n"
    )
    assert (tmp_path / "out" / "talk.pdf").read_bytes().startswith(b"%PDF-")

"""Steps in both formats: the HTML plays pandoc's fragments, the .pptx one click per fragment.

Each step fixture is built in both formats. The HTML's fragments, read as reveal.js plays them
(``pandocsteps.html_steps``), must be pandoc's own (its reveal.js output is the oracle), less
the steps deckgen reports it cannot place. The .pptx must hold one click per HTML step, each
acting on the paragraphs or shapes written out below by hand from the sources; every file
validates against the OOXML schemas, and LibreOffice renders every slide complete. The
students' copy has no step at all, ``deckgen check`` names each step it cannot place, and the
shared real decks that pause show no literal ``. . .`` and click as their HTML steps.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pptx import Presentation

from clicks import slide_clicks
from clirun import deckgen
from deckgen.audience import Audience
from deckgen.backends.html import HtmlOptions, render_html
from deckgen.backends.pptx import PptxOptions, render_pptx
from deckgen.build import BuildOptions, Format, render
from deckgen.diagnostics import Diagnostic, Origin
from deckgen.layout.deck import lay_out
from deckgen.layout.text import TextMeasure
from deckgen.model import Deck, DeckMeta, Paragraph, Run, Slide, SlideKind, Step
from deckgen.passes.steps import assign_steps
from deckgen.themes import load_theme
from e2e.office import convert_to_pdf, render_problems
from ooxml import missing_animation_targets, pptx_problems
from pandocsteps import SlideSteps, html_steps, pandoc_steps
from test_slide_structure import NO_DECKS, realworld_decks
from test_steps_oracle import EXPECTED, FIXTURES

BOTH = BuildOptions(formats=(Format.HTML, Format.PPTX))

# Per fixture, per slide that has steps: each click's effects, as "preset text" (the preset as
# PowerPoint files it, the paragraph's text, or the shape's name for a shape animated whole).
APPEAR, FADE, FADE_OUT, DIM, COLOUR = "entr.1", "entr.10", "exit.10", "emph.9", "emph.3"
PPTX_CLICKS: dict[str, dict[str, list[list[str]]]] = {
    "pause.md": {
        "Think first": [[f"{APPEAR} It is forty-two."], [f"{APPEAR} Because six sevens make"]],
        "A pause before a list": [
            [
                f"{APPEAR} students think first",
                f"{APPEAR} the answer means more",
                f"{APPEAR} the pace is the teacher",
            ]
        ],
        "A pause inside a list item": [[f"{APPEAR} and its second paragraph"]],
        "A pause before several blocks": [  # a code block is one shape, animated whole
            [f"{APPEAR} The code:", f"{APPEAR} Code 1", f"{APPEAR} and what it prints"]
        ],
    },
    "incremental-front-matter.md": {
        "Every list builds": [
            [f"{APPEAR} first bullet"],
            [f"{APPEAR} second bullet"],
            [f"{APPEAR} first number"],
            [f"{APPEAR} second number"],
            [f"{APPEAR} a nested bullet"],
        ]
    },
    "incremental-divs.md": {
        "An incremental div": [
            [f"{APPEAR} alpha"],
            [f"{APPEAR} beta"],
            [f"{APPEAR} beta's own point"],
        ]
    },
    "quote-list.md": {
        "A list in a block quote": [[f"{APPEAR} builds"], [f"{APPEAR} one by one"]],
    },
    "fragment-divs.md": {
        "Effects": [
            [f"{FADE} Fades up"],
            [f"{COLOUR} Turns red"],
            [f"{FADE} Comes and goes"],
            [f"{FADE_OUT} Comes and goes", f"{DIM} Dims"],  # it goes as the next one comes
        ],
        "Order by fragment-index": [
            [f"{APPEAR} First"],
            [f"{APPEAR} Second"],
            [f"{APPEAR} Third"],
            [f"{APPEAR} After every numbered one"],
        ],
        "Same index, same step": [[f"{APPEAR} Together, one", f"{FADE} Together, two"]],
        "Nested fragments": [
            [f"{APPEAR} Outer comes first", f"{APPEAR} then the inner one is struck"],
            [f"{DIM} then the inner one is struck"],  # strike: PowerPoint dims it
        ],
    },
    "columns.md": {
        "A column that comes later": [[f"{APPEAR} The right column comes later."]],
        "Steps inside columns": [
            [f"{APPEAR} Left later."],
            [f"{APPEAR} right one"],
            [f"{APPEAR} right two"],
        ],
    },
    "deck-yaml": {"Lists build here too": [[f"{APPEAR} first"], [f"{APPEAR} second"]]},
    "unplaceable.md": {},
    "fragment-spans.md": {
        "Spans in a sentence": [[f"{APPEAR} The answer is"], [f"{DIM} The answer is"]],
        "A span with an index": [[f"{COLOUR} This comes first"], ["emph.6 This comes first"]],
    },
}


FIXTURE_PARAMS = sorted(EXPECTED)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, Path]]:
    """Return each fixture's HTML and the path of its .pptx."""
    folder = tmp_path_factory.mktemp("steps")
    outputs = {}
    for name in sorted(EXPECTED):
        rendered = render(FIXTURES / name, BOTH)
        pptx = folder / f"{Path(name).stem}.pptx"
        pptx.write_bytes(rendered.outputs[Format.PPTX])
        outputs[name] = (rendered.outputs[Format.HTML].decode("utf-8"), pptx)
    return outputs


def normalized(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").split())


def as_played(slides: list[SlideSteps]) -> dict[str, list[tuple[str, tuple[str, ...], int]]]:
    return {
        slide.title: [(normalized(s.text), s.effects, s.index) for s in slide.steps if not s.place]
        for slide in slides
    }


def pptx_clicks(path: Path) -> dict[str, list[list[str]]]:
    """Return each animated slide's clicks as ``preset text`` (read back with ``clicks.py``)."""
    found = {}
    for slide in Presentation(str(path)).slides:
        clicks = slide_clicks(slide.element)
        if not clicks:
            continue
        shapes = {shape.shape_id: shape for shape in slide.shapes}
        title = slide.shapes.title.text_frame.text
        found[title] = [
            [
                f"{played.preset} "
                + normalized(
                    shapes[played.shape_id].text_frame.paragraphs[played.paragraph].text
                    if played.paragraph is not None
                    else shapes[played.shape_id].name
                )
                for played in click
            ]
            for click in clicks
        ]
    return found


def matches(found: dict[str, list[list[str]]], expected: dict[str, list[list[str]]]) -> bool:
    """Return True when each found effect starts with the one expected at its place."""
    if found.keys() != expected.keys():
        return False
    for title, clicks in expected.items():
        if [len(click) for click in found[title]] != [len(click) for click in clicks]:
            return False
        for got, want in zip(found[title], clicks, strict=True):
            if not all(g.startswith(w) for g, w in zip(got, want, strict=True)):
                return False
    return True


# -- the HTML against pandoc ----------------------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURE_PARAMS)
def test_the_html_plays_the_fragments_pandoc_writes(
    built: dict[str, tuple[str, Path]], name: str
) -> None:
    ours = as_played(html_steps(built[name][0]))
    theirs = as_played(pandoc_steps(FIXTURES / name))
    assert {title: ours[title] for title in theirs} == theirs


def test_fragments_carry_their_click_and_effects_for_reveal_js(
    built: dict[str, tuple[str, Path]],
) -> None:
    html = built["fragment-divs.md"][0]
    assert '<div class="fragment fade-up steps" data-fragment-index="0">' in html
    assert '<div class="fragment steps" data-fragment-index="2">' in html  # Third: index 3
    items = built["incremental-divs.md"][0]
    assert items.count('<li class="fragment" data-fragment-index="') == 3


# -- the .pptx: one click per HTML step -----------------------------------------------------------


@pytest.mark.parametrize("name", FIXTURE_PARAMS)
def test_the_pptx_has_one_click_per_html_step_on_the_right_paragraphs(
    built: dict[str, tuple[str, Path]], name: str
) -> None:
    html, pptx = built[name]
    found = pptx_clicks(pptx)
    html_clicks = {
        slide.title: len({step.index for step in slide.steps})
        for slide in html_steps(html)
        if slide.steps
    }
    assert {title: len(clicks) for title, clicks in found.items()} == html_clicks
    assert matches(found, PPTX_CLICKS[name]), found


def test_every_step_pptx_is_valid_ooxml(built: dict[str, tuple[str, Path]]) -> None:
    for _, pptx in built.values():
        assert pptx_problems(pptx) == [] and missing_animation_targets(pptx) == [], pptx.name


@pytest.mark.office
def test_libreoffice_shows_every_step_slide_complete(
    built: dict[str, tuple[str, Path]], tmp_path: Path, office_profile: Path
) -> None:
    for name, (_, pptx) in built.items():
        assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == [], name


# -- spans, from runs as the span reader gives them -----------------------------------------------


def span(text: str, *classes: str, index: int | None = None) -> Run:
    return Run(
        text, classes=("fragment", *classes), step=None if index is None else Step((), index)
    )


def test_fragment_spans_play_as_pandoc_writes_them_in_both_formats(tmp_path: Path) -> None:
    """The two slides of fragment-spans.md, as runs: a paragraph plays each span's click."""
    where = Origin("fragment-spans.md", 3)
    first = (
        Run("The answer is "),
        span("forty-two"),
        Run(" and "),
        span("not forty-one", "strike"),
        Run("."),
    )
    second = (
        span("This comes first", "highlight-blue", index=0),
        Run(", and "),
        span("this second", "grow"),
        Run("."),
    )
    slides = [
        Slide(SlideKind.CONTENT, (Run(title),), where, body=(Paragraph(runs, where),))
        for title, runs in (("Spans in a sentence", first), ("A span with an index", second))
    ]
    diagnostics: list[Diagnostic] = []
    deck = Deck("spans", DeckMeta(), tuple(assign_steps(slides, False, diagnostics)), tmp_path)
    theme = load_theme(None)
    laid_out = lay_out(deck, theme, TextMeasure(theme.fonts), lambda image: None, diagnostics)
    html = render_html(laid_out, HtmlOptions(), diagnostics).decode("utf-8")
    assert as_played(html_steps(html)) == as_played(pandoc_steps(FIXTURES / "fragment-spans.md"))
    pptx = tmp_path / "spans.pptx"
    pptx.write_bytes(render_pptx(laid_out, PptxOptions(), diagnostics))
    assert matches(pptx_clicks(pptx), PPTX_CLICKS["fragment-spans.md"]), pptx_clicks(pptx)
    assert pptx_problems(pptx) == [] and missing_animation_targets(pptx) == []
    assert diagnostics == []


# -- copies shown whole, decks without steps, deckgen check ---------------------------------------


def test_the_students_copy_has_no_step_in_either_format(tmp_path: Path) -> None:
    options = BuildOptions(formats=(Format.HTML, Format.PPTX), audience=Audience.STUDENT)
    rendered = render(FIXTURES / "fragment-divs.md", options)
    html = rendered.outputs[Format.HTML].decode("utf-8")
    assert [slide.steps for slide in html_steps(html)] == [()] * 4
    assert "Comes and goes" in html and "then the inner one is struck" in html
    pptx = tmp_path / "students.pptx"
    pptx.write_bytes(rendered.outputs[Format.PPTX])
    assert [slide_clicks(s.element) for s in Presentation(str(pptx)).slides] == [[]] * 4


def test_a_deck_without_steps_has_no_fragment_and_no_timing(tmp_path: Path) -> None:
    source = tmp_path / "plain.md"
    source.write_text("## A\n\n- one\n- two\n\n> a quote\n\n## B\n\nText.\n", encoding="utf-8")
    rendered = render(source, BOTH)
    html = rendered.outputs[Format.HTML].decode("utf-8")
    assert [slide.steps for slide in html_steps(html)] == [(), ()]
    slides = html.split('<div class="slides">')[1].split("<script")[0]
    assert "fragment" not in slides and "steps" not in slides
    pptx = tmp_path / "plain.pptx"
    pptx.write_bytes(rendered.outputs[Format.PPTX])
    with zipfile.ZipFile(pptx) as package:
        slides = [name for name in package.namelist() if name.startswith("ppt/slides/slide")]
        assert len(slides) == 2
        assert not any(b"p:timing" in package.read(name) for name in slides)


def test_deckgen_check_names_each_step_it_cannot_place_once_per_file(tmp_path: Path) -> None:
    notes = "::: notes\nFirst.\n\n. . .\n\nLater.\n:::\n"
    (tmp_path / "deck.md").write_text(
        f"## One\n\nShown.\n\n{notes}\n## Two\n\nShown too.\n\n{notes}", encoding="utf-8"
    )
    result = deckgen("check", "deck.md", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "deck.md:8: warning: a step in speaker notes is ignored (notes are shown whole) "
        "(and 1 more in this file: lines 20)"
    ]
    assert result.returncode == 0


def test_a_slide_split_in_parts_plays_each_part_from_its_first_click(tmp_path: Path) -> None:
    items = "".join(f"- point number {n} of a list that goes on and on\n" for n in range(1, 31))
    source = tmp_path / "long.md"
    source.write_text(
        f"## Long\n\n::: incremental\n{items}:::\n\n## Paused\n\nIntro.\n\n. . .\n\n{items}",
        encoding="utf-8",
    )
    rendered = render(source, BOTH)
    html = rendered.outputs[Format.HTML].decode("utf-8")
    parts = html_steps(html)
    assert len(parts) > 4
    for section in lxml_html.fromstring(html).iter("section"):
        written = [int(e.get("data-fragment-index")) for e in section.find_class("fragment")]
        assert written == list(range(len(written)))  # each part from its first click
    long_parts = [part for part in parts if part.title.startswith("Long")]
    assert sum(len(part.steps) for part in long_parts) == 30
    paused = [part for part in parts if part.title.startswith("Paused")]
    assert [len(part.steps) for part in paused] == [1] * len(paused)  # the pause goes on
    assert html.count("<ul>") == len(parts)  # each part's items are one list
    pptx = tmp_path / "long.pptx"
    pptx.write_bytes(rendered.outputs[Format.PPTX])
    shown = Presentation(str(pptx)).slides
    assert [len(slide_clicks(slide.element)) for slide in shown] == [
        len(part.steps) for part in parts
    ]


# -- the shared real decks that pause -------------------------------------------------------------

PAUSE_LINE = re.compile(r"^ {0,3}\.[ \t]+\.[ \t]+\.[ \t]*$", re.M)
LITERAL_PAUSE = re.compile(r"\.\s+\.\s+\.")
PAUSING = [
    pytest.param(deck, id=deck.parent.name)
    for deck in realworld_decks()
    if PAUSE_LINE.search(deck.read_text(encoding="utf-8"))
]


@pytest.mark.parametrize("deck", PAUSING or [pytest.param(None, marks=NO_DECKS)])
def test_a_real_deck_that_pauses_shows_no_dots_and_clicks_as_its_html(
    deck: Path, tmp_path: Path
) -> None:
    rendered = render(deck, BOTH)
    html = rendered.outputs[Format.HTML].decode("utf-8")
    slides = lxml_html.fromstring(html).find_class("slides")[0]
    assert not LITERAL_PAUSE.search(slides.text_content())
    pptx = tmp_path / "deck.pptx"
    pptx.write_bytes(rendered.outputs[Format.PPTX])
    shown = Presentation(str(pptx)).slides
    assert not any(
        LITERAL_PAUSE.search(shape.text_frame.text)
        for slide in shown
        for shape in slide.shapes
        if shape.has_text_frame
    )
    html_clicks = [len({step.index for step in slide.steps}) for slide in html_steps(html)]
    assert sum(html_clicks) > 0
    assert [len(slide_clicks(slide.element)) for slide in shown] == html_clicks
    assert pptx_problems(pptx) == [] and missing_animation_targets(pptx) == []

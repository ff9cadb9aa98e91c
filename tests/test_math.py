"""TeX math in a deck: read as pandoc reads it, typeset with the deck's macros, measured by layout.

The fixture deck (``tests/fixtures/math/math.md``) covers inline and display math, fractions,
roots, sums and integrals, Greek, accents, matrices, cases and aligned environments.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import load
from deckgen.diagnostics import Diagnostic, Origin
from deckgen.inline import merge_runs, sentences
from deckgen.layout.deck import LaidOutDeck
from deckgen.layout.formulas import formula_extent, pitch_with_math
from deckgen.layout.pieces import TextPiece
from deckgen.markdown import parse_blocks
from deckgen.model import BulletList, CodeBlock, Equation, Math, MathMacros, Paragraph, Run, Slide
from deckgen.passes.walk import runs_in, walk
from deckgen.read import DeckError
from deckgen.tex.box import measure
from deckgen.tex.formula import Formula, convert
from deckgen.units import EMU_PER_PT, pt

FIXTURE = Path(__file__).parent / "fixtures" / "math" / "math.md"
INLINE_FORMULAS = 14  # in the fixture's slides (besides the notes), display math in a list too
EQUATIONS = 10


@pytest.fixture(scope="module")
def fixture_deck() -> tuple[list[Slide], LaidOutDeck, list[Diagnostic]]:
    deck, laid_out, diagnostics = load(FIXTURE)
    return list(deck.slides), laid_out, diagnostics


def shown_runs(slide: Slide) -> list[Run]:
    return list(runs_in((slide.title, slide.subtitle, slide.body, slide.takeaways)))


def write_deck(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "deck.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_formula_of_the_fixture_is_typeset(
    fixture_deck: tuple[list[Slide], LaidOutDeck, list[Diagnostic]],
) -> None:
    slides, _, _ = fixture_deck
    runs = [run for slide in slides for run in shown_runs(slide)]
    formulas = [run for run in runs if isinstance(run.math, Formula)]
    assert sum(not run.math.display for run in formulas if run.math) == INLINE_FORMULAS
    equations = [b for slide in slides for b in walk(slide.body) if isinstance(b, Equation)]
    assert len(equations) == EQUATIONS
    assert all(isinstance(b.runs[0].math, Formula) for b in equations)
    assert all(run.text == run.math.linear for run in formulas if isinstance(run.math, Formula))
    assert not any(isinstance(item, MathMacros) for slide in slides for item in walk(slide))
    assert not any(run.math is not None and not isinstance(run.math, Formula) for run in runs)


def test_macros_from_newcommand_lines_apply_and_show_nothing(
    fixture_deck: tuple[list[Slide], LaidOutDeck, list[Diagnostic]],
) -> None:
    slides, _, _ = fixture_deck
    texts = [run.text for slide in slides for run in shown_runs(slide)]
    assert "𝐩 ∈ ℝ³" in texts
    assert not any("newcommand" in text for text in texts)
    assert [plain for slide in slides if not (plain := slide.title)] == []  # no untitled slide


def test_prices_and_escaped_dollars_stay_text(
    fixture_deck: tuple[list[Slide], LaidOutDeck, list[Diagnostic]],
) -> None:
    slides, _, _ = fixture_deck
    text = "".join(run.text for slide in slides for run in shown_runs(slide))
    assert "it costs $20/month, or $50 a year. Escaped $5 too." in text


def test_tex_that_cannot_be_typeset_is_code_with_one_warning_per_file(
    fixture_deck: tuple[list[Slide], LaidOutDeck, list[Diagnostic]],
) -> None:
    slides, _, diagnostics = fixture_deck
    code = [run.text for slide in slides for run in shown_runs(slide) if run.code]
    assert "$\\frac{a$" in code and "$\\notacommand x$" in code
    [warning] = [d for d in diagnostics if d.group == "math"]
    assert str(warning).startswith(str(warning.origin)) and warning.origin.path.endswith("math.md")
    assert "cannot typeset TeX math $\\frac{a$" in warning.message
    assert "shown as code (and 1 more in this file" in warning.message


def test_an_equation_that_cannot_be_typeset_becomes_a_code_block(tmp_path: Path) -> None:
    deck, _, diagnostics = load(write_deck(tmp_path, "## Bad\n\n$$\\frac{1}{$$\n\nText.\n"))
    [block, _] = deck.slides[0].body
    assert isinstance(block, CodeBlock) and block.text == "$$\\frac{1}{$$"
    assert [d.origin.line for d in diagnostics if d.group == "math"] == [3]


def test_speaker_notes_keep_math_as_readable_text(
    fixture_deck: tuple[list[Slide], LaidOutDeck, list[Diagnostic]],
) -> None:
    slides, _, _ = fixture_deck
    notes = "".join(run.text for run in runs_in(slides[-1].notes))
    assert "E = mc²" in notes and "∫₀¹ xdx" in notes and "$" not in notes


def test_front_matter_macros_apply(tmp_path: Path) -> None:
    source = '---\nmath:\n  macros:\n    R: "\\\\mathbb{R}"\n    vv: \\mathbf{#1}\n---\n\n'
    deck, _, diagnostics = load(write_deck(tmp_path, source + "## A\n\n$\\vv{x} \\in \\R$\n"))
    [formula] = [run for run in shown_runs(deck.slides[0]) if run.math]
    assert formula.text == "𝐱 ∈ ℝ"
    assert diagnostics == []


def test_a_bad_front_matter_math_key_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DeckError, match="front-matter key 'math'"):
        load(write_deck(tmp_path, "---\nmath:\n  fonts: x\n---\n\n## A\n\nText.\n"))


def test_display_math_inside_a_paragraph_and_a_list_item_stands_apart() -> None:
    diagnostics: list[Diagnostic] = []
    lines = ("So $$x^2$$ holds.", "", "- Item: $$y$$")
    paragraph_before, equation, paragraph_after, items = parse_blocks(
        lines, Origin("x.md", 1), diagnostics
    )
    assert isinstance(equation, Equation) and equation.runs[0].math == Math("x^2", True)
    assert isinstance(paragraph_before, Paragraph) and isinstance(paragraph_after, Paragraph)
    assert isinstance(items, BulletList)
    assert [type(b) for b in items.items[0].blocks] == [Equation]


def test_a_formula_is_never_merged_or_cut_into_sentences() -> None:
    x = convert("x. Y", False)
    runs = (Run("a "), Run(x.linear, math=x), Run(x.linear, math=x), Run(". Next one."))
    assert len(merge_runs(runs)) == 4
    first, second = sentences(tuple(merge_runs(runs)))
    assert [run.math for run in first if run.math] == [x, x]
    assert second == (Run("Next one."),)


def test_the_study_guides_hold_no_math(repo: Path) -> None:
    for deck_dir in ("decks/generative-production", "decks/study-guide"):
        deck, _, _ = load(repo / deck_dir)
        assert not any(run.math for run in runs_in(deck.slides)), deck_dir


# -- layout ----------------------------------------------------------------------------------


def test_an_inline_formula_takes_its_measured_width_in_a_line() -> None:
    wide = convert(r"\sum_{i=1}^{n} \frac{a_i}{b_i} + \sqrt{x^2 + y^2 + z^2}", False)
    size = pt(24)
    extent = formula_extent(Run(wide.linear, math=wide), size)
    assert extent is not None
    box = measure(wide.mathml, 24, False)
    assert extent[0] >= box.width * EMU_PER_PT  # never narrower than the browser's measure
    assert formula_extent(Run("text"), size) is None


def test_tall_inline_math_raises_the_line_pitch() -> None:
    line = pt(24 * 1.2)
    plain = convert("x", False)
    matrix = convert(r"\begin{pmatrix} a & b \\ c & d \end{pmatrix}", False)
    assert pitch_with_math((Run("x", math=plain),), pt(24), line) == line
    assert pitch_with_math((Run("m", math=matrix),), pt(24), line) > line * 2


def test_equations_take_their_measured_height_and_are_never_split(tmp_path: Path) -> None:
    matrix = r"$$\begin{bmatrix} 1 & 0 & 0 \\ 0 & 1 & 0 \\ 0 & 0 & 1 \end{bmatrix}$$"
    source = "## Many\n\n" + "\n\n".join(matrix for _ in range(8)) + "\n"
    _, laid_out, diagnostics = load(write_deck(tmp_path, source))
    assert len(laid_out.slides) > 1  # continuation slides, not an overflowing one
    formula = convert(matrix.strip("$"), True)
    seen = 0
    for placed in laid_out.slides:
        assert placed.plan.overflow == 0
        for piece in placed.plan.pieces:
            if not isinstance(piece, TextPiece):
                continue  # the title's rule
            size_pt = piece.paragraphs[0].size / EMU_PER_PT
            assert piece.box.h >= measure(formula.mathml, size_pt, True).total * EMU_PER_PT
            seen += 1
    assert seen == 8


def test_an_equation_wider_than_the_slide_is_set_smaller(tmp_path: Path) -> None:
    long = " + ".join(f"\\frac{{a_{n}}}{{b_{n}}}" for n in range(30))
    _, laid_out, _ = load(write_deck(tmp_path, f"## Wide\n\n$${long}$$\n"))
    [placed] = laid_out.slides
    assert placed.sizes.body < laid_out.theme.sizes["body"]


def test_only_a_deck_with_math_embeds_the_math_font(tmp_path: Path, repo: Path) -> None:
    from deckgen.build import BuildOptions, Format, render

    with_math = render(FIXTURE, BuildOptions(formats=(Format.HTML,))).outputs[Format.HTML]
    assert with_math.count(b"@font-face{font-family:'Noto Sans Math'") == 1
    assert with_math.count(b"<math ") == INLINE_FORMULAS + EQUATIONS + 2  # and 2 in the notes
    plain = write_deck(tmp_path, "## Prices\n\nIt costs $20/month, or $50 a year.\n")
    without = render(plain, BuildOptions(formats=(Format.HTML,))).outputs[Format.HTML]
    assert b"Noto Sans Math" not in without and b"<math" not in without

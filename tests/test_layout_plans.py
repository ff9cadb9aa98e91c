"""Slide plans (where every piece of a slide goes, for both formats) and the text measure they
rest on."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import load
from deckgen.diagnostics import Origin
from deckgen.geometry import Box, content_frame
from deckgen.highlight import highlight
from deckgen.kinds import kind_of
from deckgen.layout.deck import LaidOutDeck, lay_out
from deckgen.layout.pieces import (
    BarPiece,
    CardPiece,
    CodePiece,
    Piece,
    SlidePlan,
    TablePiece,
    TextPiece,
    TextSizes,
)
from deckgen.layout.slide import Arrangement, Arranger
from deckgen.layout.text import Face, Span, TextMeasure
from deckgen.model import (
    BulletList,
    CodeBlock,
    Deck,
    DeckMeta,
    ListItem,
    Run,
    Slide,
    SlideKind,
    Table,
)
from deckgen.themes import Theme, load_theme
from deckgen.units import pt

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pptx"
ORIGIN = Origin("test.md", 1)


def laid_out_in(theme: Theme, *slides: Slide) -> LaidOutDeck:
    deck = Deck("d", DeckMeta(), slides, Path("."))
    return lay_out(deck, theme, TextMeasure(theme.fonts), lambda image: (400, 200), [])


def arranger_for(theme: Theme) -> Arranger:
    return Arranger(
        theme,
        TextMeasure(theme.fonts),
        lambda image: (400, 200),
        kind_of,
        theme.page_width,
        theme.page_height,
    )


def theme_sizes(theme: Theme) -> TextSizes:
    s = theme.sizes
    return TextSizes(
        s["title"], s["subtitle"], s["body"], s["takeaway"], s["code"], s["card"], s["table"]
    )


def text_boxes(plan: SlidePlan) -> list[tuple[str, Box]]:
    """Return the boxes that hold text, named for failure messages."""
    named: list[tuple[str, Piece | None]] = [
        ("title", plan.title),
        ("subtitle", plan.subtitle),
        ("body", plan.body),
        ("takeaways", plan.takeaways),
    ]
    named += [(type(p).__name__, p) for p in plan.pieces if not isinstance(p, BarPiece)]
    return [(name, piece.box) for name, piece in named if piece is not None]


@pytest.mark.parametrize("deck", ["study_guide", "features"])
def test_text_boxes_stay_in_the_frame_and_never_overlap(deck: str, study_guide: Path) -> None:
    source = study_guide if deck == "study_guide" else FIXTURES / "features.md"
    _, laid_out, _ = load(source)
    theme = laid_out.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    for placed in laid_out.slides:
        plan = placed.plan
        assert plan.overflow == 0, placed.slide.id
        boxes = text_boxes(plan)
        for name, box in boxes:
            assert frame.contains(box), (placed.slide.id, name, box, frame)
        for i, (name, box) in enumerate(boxes):
            for other_name, other in boxes[i + 1 :]:
                assert not box.intersects(other), (placed.slide.id, name, other_name)


def test_the_title_rule_spans_the_title_or_the_frame_when_it_wraps(study_guide: Path) -> None:
    _, laid_out, _ = load(study_guide)
    theme = laid_out.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    plans = {placed.slide.id: placed.plan for placed in laid_out.slides}
    short, long = plans["typical-pricing"], plans["blindly-running-agent-suggested-shell-commands"]
    short_rule, long_rule = short.pieces[0], long.pieces[0]
    assert isinstance(short_rule, BarPiece) and isinstance(long_rule, BarPiece)
    assert frame.w / 4 < short_rule.box.w < frame.w / 2
    assert long_rule.box.w == frame.w
    assert long.title is not None and long.title.box.h > short.title.box.h  # two lines
    for plan, rule in ((short, short_rule), (long, long_rule)):
        assert plan.title.box.bottom < rule.box.y < plan.subtitle.box.y


def test_takeaways_sit_at_the_bottom_and_statements_in_the_middle(study_guide: Path) -> None:
    _, laid_out, _ = load(study_guide)
    theme = laid_out.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    plans = {placed.slide.id: placed.plan for placed in laid_out.slides}
    takeaways = plans["what-is-an-agent"].takeaways
    assert takeaways is not None and takeaways.box.bottom == frame.bottom
    statement = plans["tracking-your-work"]
    above = statement.title.box.y - frame.y
    below = frame.bottom - statement.subtitle.box.bottom
    assert abs(above - below) <= pt(1)


def test_cards_fill_three_columns(study_guide: Path) -> None:
    _, laid_out, _ = load(study_guide)
    placed = next(p for p in laid_out.slides if p.slide.id == "frameworks-vs-rolling-your-own-1")
    cards = [p for p in placed.plan.pieces if isinstance(p, CardPiece)]
    assert len(cards) == 6
    assert len({card.box.x for card in cards}) == laid_out.theme.box.card_columns
    assert len({card.box.y for card in cards}) == 2


def test_code_shrinks_to_fit_a_long_line_but_not_below_the_minimum() -> None:
    """The layout stage shrinks code for a long line; the .pptx writes it at that size."""
    theme = load_theme("cinematic")
    short = "print('hello')"
    longish = "x = " + "'word', " * 9 + "'end'"
    huge = "y = " + "'word', " * 40
    slides = tuple(
        Slide(
            SlideKind.CONTENT,
            (Run("Code"),),
            ORIGIN,
            body=(CodeBlock(text, "python", highlight(text, "python"), ORIGIN),),
        )
        for text in (short, longish, huge)
    )
    laid_out = laid_out_in(theme, *slides)
    code = {}
    for name, placed in zip(("short", "longish", "huge"), laid_out.slides, strict=True):
        piece = next(p for p in placed.plan.pieces if isinstance(p, CodePiece))
        assert piece.size == placed.sizes.code
        code[name] = piece
    assert code["short"].size == theme.sizes["code"]
    assert theme.min_sizes["code"] < code["longish"].size < theme.sizes["code"]
    assert code["huge"].size == theme.min_sizes["code"]
    one_line = code["short"].line + 2 * code["short"].pad_y
    assert code["short"].box.h == one_line
    assert code["huge"].box.h > 2 * code["huge"].line  # wrapped rather than run off the slide


def test_fitting_shrinks_then_splits_and_a_plan_reports_overflow() -> None:
    """A slide the layout stage fitted has a plan with no overflow; a body placed too tall for
    the page (bypassing fitting) keeps its sizes and reports how far it overflows.
    """
    theme = load_theme("cinematic")
    arranger = arranger_for(theme)

    def checklist(count: int) -> Slide:
        items = tuple(
            ListItem((Run(f"Checklist item {n}: confirm the setting"),)) for n in range(count)
        )
        return Slide(
            SlideKind.CONTENT, (Run("Checklist"),), ORIGIN, body=(BulletList(items, ORIGIN),)
        )

    laid_out = laid_out_in(theme, checklist(12), checklist(40))
    for placed in laid_out.slides:
        assert placed.plan.overflow == 0, placed.slide.id
        assert {p.size for p in placed.plan.body.paragraphs} == {placed.sizes.body}
    assert any(p.sizes.body < theme.sizes["body"] for p in laid_out.slides)
    assert len(laid_out.slides) > 2  # 40 items: shrunk, then split

    too_tall = arranger.plan(checklist(40), Arrangement.CONTENT, theme_sizes(theme))
    assert {p.size for p in too_tall.body.paragraphs} == {theme.sizes["body"]}
    assert too_tall.overflow > 0


def test_tables_are_at_least_half_the_width_and_as_wide_as_their_text() -> None:
    theme = load_theme("cinematic")
    arranger = arranger_for(theme)
    frame = content_frame(theme, theme.page_width, theme.page_height)
    table = Table(((Run("A"),), (Run("B"),)), (((Run("1"),), (Run("2"),)),), (None, None), ORIGIN)
    slide = Slide(SlideKind.CONTENT, (Run("Table"),), ORIGIN, body=(table,))
    piece = next(
        p
        for p in arranger.plan(slide, Arrangement.CONTENT, theme_sizes(theme)).pieces
        if isinstance(p, TablePiece)
    )
    assert abs(piece.box.w - frame.w / 2) <= 2
    assert sum(piece.widths) == piece.box.w
    assert sum(piece.heights) == piece.box.h


def test_line_count_wraps_at_spaces_and_keeps_indentation() -> None:
    theme = load_theme("cinematic")
    measure = TextMeasure(theme.fonts)
    body, code = Face("body"), Face("code")
    size = pt(20)
    word = measure.width("word", body, size)
    space = measure.width(" ", body, size)
    assert measure.line_count([Span("word word", body, size)], 3 * word) == 1
    assert measure.line_count([Span("word word word", body, size)], 2 * word + 2 * space) == 2
    assert measure.line_count([Span("one\ntwo", body, size)], 10 * word) == 2
    assert measure.line_count([Span("w" * 40, body, size)], word) > 5  # an unbreakable run breaks
    indented = measure.line_count(
        [Span("    abc", code, size)], measure.width("abcdefg", code, size)
    )
    assert indented == 2  # four spaces plus three letters need 7 columns, beyond the 6.7 allowed
    assert measure.width("iiii", body, size) < measure.width("MMMM", body, size)
    assert measure.width("iiii", code, size) == measure.width("MMMM", code, size)


def test_text_pieces_carry_the_html_sizes(study_guide: Path) -> None:
    _, laid_out, _ = load(study_guide)
    placed = next(p for p in laid_out.slides if p.slide.id == "what-is-an-agent")
    plan = placed.plan
    assert isinstance(plan.body, TextPiece)
    assert {spec.size for spec in plan.body.paragraphs} == {placed.sizes.body}
    assert plan.title.paragraphs[0].size == placed.sizes.title
    assert plan.takeaways.paragraphs[0].colour == "takeaway" and plan.takeaways.paragraphs[0].bold

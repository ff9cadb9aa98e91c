"""Layout and fitting: sizes kept when text fits, shrunk within bounds, else continuation slides."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import load
from deckgen.layout.deck import LaidOutDeck, PlacedSlide
from deckgen.layout.slide import Arrangement as Layout
from deckgen.model import BulletList, CodeBlock, Image, Table, plain_text
from deckgen.themes import list_themes, load_theme

STRESS = Path(__file__).parent / "fixtures" / "stress" / "stress.md"


def parts_of(laid_out: LaidOutDeck, slide_id: str) -> list[PlacedSlide]:
    return [p for p in laid_out.slides if p.source is not None and p.source.id == slide_id]


@pytest.fixture(scope="module", params=[t for t in list_themes()])
def stress(request: pytest.FixtureRequest) -> LaidOutDeck:
    _, laid_out, _ = load(STRESS, theme=request.param)
    return laid_out


def test_study_guide_keeps_every_slide_whole_at_theme_sizes(study_guide: Path) -> None:
    deck, laid_out, diagnostics = load(study_guide)
    theme = laid_out.theme
    assert diagnostics == []
    assert len(laid_out.slides) == len(deck.slides) == 55
    for placed in laid_out.slides:
        assert placed.parts == 1
        if placed.arrangement not in (Layout.TITLE, Layout.SECTION):
            assert placed.sizes.body == theme.sizes["body"]
            assert placed.sizes.code == theme.sizes["code"]


def test_forty_bullets_split_between_items_in_order(stress: LaidOutDeck) -> None:
    parts = parts_of(stress, "forty-bullets")
    total = len(parts)
    assert total >= 2
    items = []
    for number, placed in enumerate(parts, start=1):
        assert plain_text(placed.slide.title) == f"Forty bullets ({number}/{total})"
        [block] = placed.slide.body
        assert isinstance(block, BulletList)
        items += [plain_text(item.runs) for item in block.items]
        assert bool(placed.slide.takeaways) == (number == total)
        assert bool(placed.slide.notes) is False
    assert items == [
        f"Checklist item number {i}: confirm the setting before the shoot" for i in range(1, 41)
    ]
    assert [p.slide.id for p in parts][:2] == ["forty-bullets", "forty-bullets-part-2"]


def test_code_splits_between_lines_at_statement_boundaries(stress: LaidOutDeck) -> None:
    parts = parts_of(stress, "eighty-lines-of-code")
    assert len(parts) >= 2
    shown = []
    for placed in parts:
        [block] = placed.slide.body
        assert isinstance(block, CodeBlock)
        assert block.text.split("\n")[0].startswith("def step_"), "each part starts a statement"
        shown += [line for line in block.text.split("\n") if line.strip()]
    original = (STRESS.read_text(encoding="utf-8").split("```python\n")[1]).split("\n```")[0]
    assert shown == [line for line in original.split("\n") if line.strip()]


def test_table_splits_between_rows_and_repeats_the_header(stress: LaidOutDeck) -> None:
    parts = parts_of(stress, "thirty-table-rows")
    assert len(parts) >= 2
    rows = []
    for placed in parts:
        [table] = placed.slide.body
        assert isinstance(table, Table)
        assert [plain_text(c) for c in table.header] == ["Shot", "Lens", "Light", "Notes"]
        rows += [plain_text(row[0]) for row in table.rows]
    assert rows == [str(i) for i in range(1, 31)]


@pytest.mark.parametrize("slide_id", ["one-very-long-bullet", "an-image-with-a-long-caption"])
def test_what_fits_stays_on_one_slide(stress: LaidOutDeck, slide_id: str) -> None:
    assert len(parts_of(stress, slide_id)) == 1


def test_long_title_wraps_and_stays_above_the_minimum(stress: LaidOutDeck) -> None:
    [placed] = parts_of(
        stress, "a-title-of-twelve-words-that-a-teacher-wrote-without-thinking-about-slides"
    )
    assert placed.sizes.title >= stress.theme.min_sizes["title"]


def test_no_size_below_the_theme_minimum(stress: LaidOutDeck) -> None:
    minimum = stress.theme.min_sizes
    for placed in stress.slides:
        assert placed.sizes.body >= minimum["body"]
        assert placed.sizes.code >= minimum["code"]


def test_splits_are_reported_at_the_slide_line() -> None:
    _, _, diagnostics = load(STRESS, theme="cinematic")
    lines = {d.origin.line for d in diagnostics if "split into" in d.message}
    text = STRESS.read_text(encoding="utf-8").split("\n")
    assert {text[n - 1] for n in lines} == {
        "## Forty bullets",
        "## Eighty lines of code",
        "## Thirty table rows",
    }


def test_an_image_is_never_split(stress: LaidOutDeck) -> None:
    [placed] = parts_of(stress, "an-image-with-a-long-caption")
    assert any(isinstance(b, Image) for b in placed.slide.body)


def test_a_huge_paragraph_splits_between_sentences(tmp_path: Path) -> None:
    sentence = "Every seed goes into the prompt book next to the model version and the sampler."
    source = tmp_path / "long.md"
    source.write_text("## Wall of text\n\n" + " ".join([sentence] * 60) + "\n", encoding="utf-8")
    _, laid_out, diagnostics = load(source, theme="cinematic")
    assert len(laid_out.slides) > 1
    words = " ".join(plain_text(b.runs) for p in laid_out.slides for b in p.slide.body)  # type: ignore[union-attr]
    assert words == " ".join([sentence] * 60)
    assert any("split into" in d.message for d in diagnostics)


def test_theme_sizes_come_from_tokens() -> None:
    theme = load_theme("classroom")
    assert theme.sizes["body"] > load_theme("base").sizes["body"]

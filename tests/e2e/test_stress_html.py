"""Stress decks in every theme, as Chromium renders them: no text leaves a slide, none too small."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import BuildOptions, build
from deckgen.themes import list_themes, load_theme
from e2e.browser import open_deck, show_slide, slide_count, text_outside_slide

pytestmark = pytest.mark.browser

STRESS = Path(__file__).parents[1] / "fixtures" / "stress" / "stress.md"
PX_PER_PT = 96 / 72

# Smallest computed font size (CSS px, before reveal's scaling) of visible text, by role.
SMALLEST_TEXT = """() => {
  const slide = Reveal.getCurrentSlide();
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  const smallest = {body: Infinity, code: Infinity};
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || el.closest('aside.notes') || !el.closest('.body')) continue;
    if (el.closest('figcaption')) continue;
    const role = el.closest('pre') ? 'code' : (el.closest('code') ? null : 'body');
    if (!role) continue;
    smallest[role] = Math.min(smallest[role], parseFloat(getComputedStyle(el).fontSize));
  }
  return smallest;
}"""


@pytest.mark.parametrize("viewport", [(1280, 720), (1920, 1080)], ids=["720p", "1080p"])
@pytest.mark.parametrize("theme", list_themes())
def test_stress_deck_fits_every_slide(
    theme: str, viewport: tuple[int, int], tmp_path: Path
) -> None:
    [html] = build(STRESS, tmp_path, BuildOptions(theme=theme)).outputs
    minimum = load_theme(theme).min_sizes
    with open_deck(html, *viewport) as (page, log):
        outside: dict[int, list[str]] = {}
        too_small: dict[int, dict[str, float]] = {}
        for index in range(slide_count(page)):
            show_slide(page, index)
            if found := text_outside_slide(page):
                outside[index] = found
            smallest = page.evaluate(SMALLEST_TEXT)
            if smallest["body"] < minimum["body"].pt * PX_PER_PT - 0.01 or (
                smallest["code"] < minimum["code"].pt * PX_PER_PT - 0.01
            ):
                too_small[index] = smallest
        assert outside == {}
        assert too_small == {}
        assert log.errors == [] and log.requests == []


def test_a_forty_percent_column_is_forty_percent_of_the_row(tmp_path: Path) -> None:
    source = tmp_path / "cols.md"
    source.write_text(
        "## Columns\n\n:::: columns\n"
        '::: {.column width="40%"}\nLeft\n:::\n::: column\nRight\n:::\n::::\n',
        encoding="utf-8",
    )
    [html] = build(source, tmp_path, BuildOptions()).outputs
    with open_deck(html) as (page, _):
        widths = page.evaluate(
            "() => [...document.querySelectorAll('.column')]"
            ".map(c => c.getBoundingClientRect().width)"
        )
        gap = page.evaluate(
            "() => { const [a, b] = document.querySelectorAll('.column');"
            " return b.getBoundingClientRect().left - a.getBoundingClientRect().right; }"
        )
    left, right = widths
    assert left / (left + right) == pytest.approx(0.4, abs=0.01)
    assert gap > 0


# A frame as tall as the page (the theme's rule), or one that grows with its text; the same
# stylesheet sets the body far above the size the layout stage fitted, so text runs off the page.
FRAMES = {
    "height": "",
    "min-height": ".reveal .frame { height: auto; min-height: var(--page-height); }",
}


@pytest.mark.parametrize("frame", sorted(FRAMES))
def test_the_check_flags_text_that_runs_off_the_page(frame: str, tmp_path: Path) -> None:
    """Negative control: the overflow check must see a deck built to overflow, whatever the
    frame does (measuring against .frame, a frame with min-height hid everything)."""
    deck = tmp_path / "deck"
    (deck / "big").mkdir(parents=True)
    (deck / "big" / "theme.toml").write_text('name = "big"\nextends = "base"\n', "utf-8")
    (deck / "big" / "style.css").write_text(
        f".reveal .body {{ font-size: 72pt !important; }}\n{FRAMES[frame]}\n", "utf-8"
    )
    items = "\n".join(f"- Point number {n} of the slide" for n in range(1, 7))
    (deck / "talk.md").write_text(f"---\ntheme: big\n---\n\n## Too much\n\n{items}\n", "utf-8")
    [html] = build(deck / "talk.md", tmp_path / "out", BuildOptions()).outputs
    with open_deck(html) as (page, _):
        show_slide(page, 0)
        outside = text_outside_slide(page)
    assert "Point number 6 of the slide" in outside
    assert "Too much" not in outside  # the title is where it belongs

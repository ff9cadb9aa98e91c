"""Chromium breaks Chinese and Japanese lines where the layout stage does: the same line count
for text set in the width ``TextMeasure.wrap`` was given, in the fonts the HTML embeds, with the
stylesheet's line-break rule. Where Japanese meets other characters the layout stage also
counts the gap LibreOffice sets there, so it may count more lines than Chromium, never fewer."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from deckgen.backends.web_assets import embedded_fonts
from deckgen.fontstack import chains
from deckgen.layout.text import WIDTH_SAFETY, Face, Span, TextMeasure
from deckgen.themes import load_theme
from deckgen.units import pt
from e2e.browser import launch

pytestmark = pytest.mark.browser

POOL = (
    "日本語の文章を書く時には読点と句点に気を付けます"  # kanji and kana
    "ちょっとキャッシュコーヒー"  # small kana and the prolonged sound mark
    "、。「」（）・？！ー々〜ゝ"  # punctuation that may not start or end a line
)
MIXED = POOL + "…" * 3 + "ABC" + "1"  # characters of the theme's own font among them
SIZE = 20  # pt
WIDTHS = (7.5, 9.3, 12.25, 16.6)  # em; never whole: a line exactly full is a tie of rounding


def paragraphs(pool: str, seed: int, count: int) -> list[str]:
    chooser = random.Random(seed)
    return [
        "".join(chooser.choice(pool) for _ in range(chooser.randint(20, 70)))
        for _ in range(count)
    ]


def lines(texts: list[str], tmp_path: Path) -> list[tuple[int, int]]:
    """Return, for each text at each of ``WIDTHS``, the lines Chromium and the layout stage
    set it in."""
    theme = load_theme("base")
    measure = TextMeasure(theme.fonts, chains=chains(theme, "ja"))
    fonts = embedded_fonts(theme, {"body": MIXED, "heading": "", "code": ""}, "ja")
    stylesheet = (theme.folders[-1] / "style.css").read_text("utf-8")
    family = ", ".join(f"'{f}'" for f in ("Carlito", *fonts.fallbacks["body"]))
    cases = [(text, width) for text in texts for width in WIDTHS]
    boxes = "".join(
        f'<p style="width:{width * SIZE}pt">{text}</p>' for text, width in cases
    )
    page_html = (
        f"<!doctype html><html lang=ja><meta charset=utf-8><style>{fonts.css}"
        f"body{{margin:0}} .frame p{{font:{SIZE}pt/{1.5 * SIZE}pt {family};margin:0;"
        f"padding:0}}</style><style>{stylesheet.split('.reveal .frame {')[0]}</style>"
        f"<div class=frame style='line-break:strict;word-break:normal;overflow-wrap:anywhere'>"
        f"{boxes}</div>"
    )
    path = tmp_path / "lines.html"
    path.write_text(page_html, "utf-8")
    with launch() as browser:
        page = browser.new_page()
        page.goto(path.as_uri())
        page.evaluate("() => document.fonts.ready")
        heights = page.evaluate(
            "() => [...document.querySelectorAll('p')].map(p => p.getBoundingClientRect().height)"
        )
    line_px = 1.5 * SIZE * 96 / 72
    found = []
    for (text, width), height in zip(cases, heights, strict=True):
        measured, _ = measure.wrap(
            [Span(text, Face("body"), pt(SIZE))], round(pt(width * SIZE) * WIDTH_SAFETY)
        )
        found.append((round(height / line_px), measured))
    return found


def test_chromium_breaks_japanese_lines_where_the_layout_stage_does(tmp_path: Path) -> None:
    texts = paragraphs(POOL, 18, 40)
    found = lines(texts, tmp_path)
    assert [shown for shown, _ in found] == [measured for _, measured in found]


def test_with_other_characters_the_layout_stage_never_counts_fewer_lines(tmp_path: Path) -> None:
    found = lines(paragraphs(MIXED, 7, 40), tmp_path)
    assert all(shown <= measured for shown, measured in found)

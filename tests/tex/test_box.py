"""Formula sizes from the math font never fall short of what Chromium draws."""

from __future__ import annotations

import pytest

from deckgen.backends.math_assets import math_css
from deckgen.tex.box import measure
from deckgen.tex.formula import convert
from mathcases import FIXTURES

PX_PER_PT = 4 / 3
SIZE = 30.0  # points (40 px)
TOLERANCE = 0.5  # points
OVERESTIMATE = 2.2  # a measure may be generous, not wild: at most this many times the drawing


@pytest.mark.browser
def test_measure_never_underestimates_chromium() -> None:
    from e2e.browser import launch

    formulas = [convert(tex, display) for _, tex, display, _, _ in FIXTURES]
    body = "".join(f"<div style='margin:20px'>{f.mathml}</div>" for f in formulas)
    page_html = (
        f"<!doctype html><html><head><style>{math_css()}"
        f"body{{font-size:{SIZE}pt;margin:0}} math[display=block]{{margin:0}}</style></head>"
        f"<body>{body}</body></html>"
    )
    with launch() as browser:
        page = browser.new_page()
        page.set_content(page_html)
        page.evaluate("document.fonts.ready")
        assert page.evaluate("document.fonts.check(\"30pt 'Noto Sans Math'\")")
        rects = page.evaluate(
            "() => [...document.querySelectorAll('math')].map(m => {"
            " const r = m.getBoundingClientRect();"
            " let left = Infinity, right = -Infinity;"
            # the ink: tables and their cells may be as wide as the page (align's 50% cells)
            " const ink = ':not(semantics, mrow, mstyle, mtable, mtr, mtd)';"
            " for (const c of m.querySelectorAll(ink)) {"
            "   const b = c.getBoundingClientRect();"
            "   if (b.width) { left = Math.min(left, b.left); right = Math.max(right, b.right); } }"
            " return [right - left, r.height]; })"
        )
    report = []
    for (name, *_), formula, (width_px, height_px) in zip(FIXTURES, formulas, rects, strict=True):
        box = measure(formula.mathml, SIZE)
        drawn_width, drawn_height = width_px / PX_PER_PT, height_px / PX_PER_PT
        report.append(
            f"{name}: width {box.width:.1f}/{drawn_width:.1f} "
            f"height {box.total:.1f}/{drawn_height:.1f}"
        )
        assert box.width + TOLERANCE >= drawn_width, report[-1]
        assert box.total + TOLERANCE >= drawn_height, report[-1]
        assert box.width <= OVERESTIMATE * drawn_width + SIZE, report[-1]
        assert box.total <= OVERESTIMATE * drawn_height + SIZE, report[-1]
    print("\n".join(report))

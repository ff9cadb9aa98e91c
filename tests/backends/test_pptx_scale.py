"""The .pptx writer does work in proportion to the deck: no per-slide scan of the whole package.

Timing is left to ``benchmarks/pptx_scale.py``; here the work python-pptx does is counted, which
is exact: the parts visited by package walks and the relationships scanned by look-ups. Stock
python-pptx visits every part for each new slide and notes page (the count grows with the square
of the deck); deckgen's must grow in step with the deck.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.opc.package import OpcPackage, Part, _Relationships

from deckgen.backends.pptx import PptxOptions, render_pptx
from deckgen.backends.pptx.package import SlideAppender, open_presentation
from deckgen.backends.pptx.template import DEFAULT_TEMPLATE
from deckgen.build import load


def write_deck(folder: Path, slides: int) -> Path:
    lines = ["---", "title: Counting", "---", "", "# Part one", ""]
    for number in range(slides):
        lines += [
            f"## Slide {number}",
            "",
            f"- point {number} with a [link](#slide-{(number + 1) % slides})",
        ]
        lines += [
            "",
            "```python",
            f"print({number})",
            "```",
            "",
            "::: notes",
            f"Say {number}.",
            ":::",
            "",
        ]
    path = folder / f"deck-{slides}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.fixture
def work(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Count parts visited by package walks and relationships scanned by type look-ups."""
    counts: Counter[str] = Counter()
    walk = OpcPackage.iter_parts
    by_type = _Relationships._rels_by_reltype

    def counting_walk(self: OpcPackage) -> Iterator[Part]:
        for part in walk(self):
            counts["parts visited"] += 1
            yield part

    def counting_by_type(self: _Relationships):  # type: ignore[no-untyped-def]
        counts["relationships scanned"] += len(self)
        return by_type.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(OpcPackage, "iter_parts", counting_walk)
    monkeypatch.setattr(_Relationships, "_rels_by_reltype", property(counting_by_type))
    return counts


def test_writing_a_deck_does_work_in_proportion_to_its_slides(
    tmp_path: Path, work: Counter[str]
) -> None:
    totals = []
    for slides in (20, 80):
        _, laid_out, diagnostics = load(write_deck(tmp_path, slides))
        assert len(laid_out.slides) == slides + 2  # and the title and section slides
        work.clear()
        render_pptx(laid_out, PptxOptions(), diagnostics)
        totals.append(dict(work))
    for kind in ("parts visited", "relationships scanned"):
        small, large = totals[0][kind], totals[1][kind]
        assert large < 5 * small, (kind, small, large)  # 4x the slides; stock python-pptx: ~16x


def test_the_measure_tells_linear_from_quadratic(work: Counter[str]) -> None:
    """Stock python-pptx, counted the same way, grows with the square of the deck."""
    totals = []
    for slides in (20, 80):
        prs = Presentation(str(DEFAULT_TEMPLATE))
        work.clear()
        for _ in range(slides):
            prs.slides.add_slide(prs.slide_layouts[5]).notes_slide.notes_text_frame.text = "notes"
        totals.append(work["parts visited"])
    assert totals[1] > 7 * totals[0]  # 4x the slides
    linear = []
    for slides in (20, 80):
        prs = open_presentation(DEFAULT_TEMPLATE)
        appender = SlideAppender(prs)
        work.clear()
        for _ in range(slides):
            appender.add(prs.slide_layouts[5])
        linear.append(work["parts visited"] + work["relationships scanned"])
    assert linear[1] < 5 * max(linear[0], 1)

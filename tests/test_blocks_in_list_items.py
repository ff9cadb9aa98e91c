"""A code block, quote or table written inside a list item belongs to that item (pandoc's list
rules), in both formats, as a reader sees them: in the HTML inside the item's ``<li>``; in the
.pptx between that item and the next, and never as literal Markdown.

Today's parser hoists such blocks out of the list, after it, or flattens a table into the item's
text; the core restructure fixes that.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from pptx import Presentation

from clirun import deckgen

ITEMS = {
    "code": ("```console\n$ pip install deckgen\n```", "pre", "$ pip install deckgen"),
    "quote": ("> Quoted advice for this step.", "blockquote", "Quoted advice for this step."),
    "table": ("| Tool | Cost |\n|------|------|\n| Free | none |", "table", "Free"),
}


def deck(kind: str) -> str:
    block = ITEMS[kind][0].replace("\n", "\n  ")
    return f"## Steps\n\n- First step:\n\n  {block}\n\n- Second step\n"


class _Owners(HTMLParser):
    """Records, for each element of ``tag``, the first text of the list item it sits in."""

    def __init__(self, tag: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tag = tag
        self.items: list[str] = []  # the first text of each open <li>, innermost last
        self.owners: list[str | None] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")
        if tag == "li":
            self.items.append("")
        if tag == self.tag:
            self.owners.append(self.items[-1].strip() if self.items else None)

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")
        if tag == "li" and self.items:
            self.items.pop()

    def handle_data(self, data: str) -> None:
        if self.items and not self.skip and not self.items[-1].strip():
            self.items[-1] += data


def pptx_lines(path: Path) -> list[str]:
    """Return the first slide's text, paragraph by paragraph, shapes from top to bottom."""
    slide = Presentation(str(path)).slides[0]
    lines = []
    for shape in sorted(slide.shapes, key=lambda s: (s.top, s.left)):
        if shape.has_text_frame:
            lines += [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
        if getattr(shape, "has_table", False):
            lines += [cell.text for row in shape.table.rows for cell in row.cells]
    return lines


@pytest.mark.parametrize("kind", sorted(ITEMS))
def test_a_block_inside_a_list_item_stays_in_its_item(tmp_path: Path, kind: str) -> None:
    (tmp_path / "steps.md").write_text(deck(kind), encoding="utf-8")
    result = deckgen("build", "steps.md", "-f", "all", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    _, tag, text = ITEMS[kind]
    html = (tmp_path / "out" / "steps.html").read_text(encoding="utf-8")
    owners = _Owners(tag)
    owners.feed(html)
    assert owners.owners == ["First step:"]
    lines = pptx_lines(tmp_path / "out" / "steps.pptx")
    assert not any(line.lstrip().startswith(("|", ">", "```")) for line in lines), lines
    assert lines.index("First step:") < lines.index(text) < lines.index("Second step")

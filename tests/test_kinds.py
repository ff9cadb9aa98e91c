"""Every block kind has one record, one HTML macro, and is never dropped without a word."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

import pytest

from deckgen.diagnostics import Diagnostic, Origin
from deckgen.kinds import KINDS, kind_of
from deckgen.markdown import parse_blocks
from deckgen.model import Block
from deckgen.themes import builtin_themes_dir

BLOCKS_TEMPLATE = builtin_themes_dir() / "base" / "templates" / "blocks.html.j2"


def test_every_block_type_has_a_record() -> None:
    assert set(get_args(Block)) == set(KINDS)


def test_every_kind_has_an_html_macro_of_its_name() -> None:
    macros = set(re.findall(r"{% macro (\w+)\(block, placed\) %}", BLOCKS_TEMPLATE.read_text()))
    assert macros == {kind.name for kind in KINDS.values()}


def test_a_block_without_a_record_is_an_error_not_a_silent_drop() -> None:
    class Stray:
        kind = "stray"

    with pytest.raises(TypeError, match="no kind record for Stray"):
        kind_of(Stray())  # type: ignore[arg-type]


def test_markdown_no_rule_reads_is_reported_and_its_text_kept() -> None:
    diagnostics: list[Diagnostic] = []
    blocks = parse_blocks(("Before.", "", "***", "", "After."), Origin("x.md", 1), diagnostics)
    assert [d.group for d in diagnostics] == ["thematic-break"]
    assert str(diagnostics[0]) == (
        "x.md:3: warning: horizontal rule inside a slide (not drawn)"
    )
    assert len(blocks) == 2


def test_items_keep_their_code_quotes_tables_and_headings(tmp_path: Path) -> None:
    markdown = (
        "1. First step\n\n   ```sh\n   make test\n   ```\n\n"
        "2. Second step\n\n   > a quote\n\n   | a | b |\n   |---|---|\n   | 1 | 2 |\n"
    )
    diagnostics: list[Diagnostic] = []
    [steps] = parse_blocks(tuple(markdown.split("\n")), Origin("x.md", 1), diagnostics)
    kinds = [[block.kind for block in item.blocks] for item in steps.items]  # type: ignore[union-attr]
    assert kinds == [["code"], ["quote", "table"]]
    assert diagnostics == []

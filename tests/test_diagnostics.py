"""Findings of one kind in one file are one line; errors and ungrouped findings stay apart."""

from __future__ import annotations

from pathlib import Path

from clirun import deckgen
from deckgen.diagnostics import Diagnostic, Level, Origin, grouped


def test_one_line_per_group_and_file_with_the_other_lines_named() -> None:
    found = [Diagnostic(Origin("a.md", n), Level.WARNING, "odd", "odd") for n in (3, 9, 12)]
    found += [
        Diagnostic(Origin("b.md", 1), Level.WARNING, "odd", "odd"),
        Diagnostic(Origin("a.md", 5), Level.ERROR, "broken"),
        Diagnostic(Origin("a.md", 6), Level.WARNING, "plain"),
        Diagnostic(Origin("a.md", 7), Level.WARNING, "plain"),
    ]
    assert [str(d) for d in grouped(found)] == [
        "a.md:3: warning: odd (and 2 more in this file: lines 9, 12)",
        "b.md:1: warning: odd",
        "a.md:5: error: broken",
        "a.md:6: warning: plain",
        "a.md:7: warning: plain",
    ]


def test_a_deck_repeating_a_construct_gets_one_warning(tmp_path: Path) -> None:
    code = "".join(f"## Slide {n}\n\n```klingon\nqapla'\n```\n\n" for n in range(30))
    (tmp_path / "deck.md").write_text(code, encoding="utf-8")
    result = deckgen("check", "deck.md", cwd=tmp_path)
    assert result.stdout.splitlines() == [
        "deck.md:3: warning: unknown code language 'klingon' (shown as plain text) "
        "(and 29 more in this file: lines 9, 15, 21, 27, 33, 39, 45, 51…)"
    ]

"""Fixture files: Markdown in, a hand-checked dump of the slide model out."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.parse import parse_deck
from deckgen.read import read_deck
from modeldump import dump_deck

FIXTURES = Path(__file__).parent / "fixtures" / "parse"
CASES = sorted(FIXTURES.glob("*.md"))


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_model_matches_expected(source: Path) -> None:
    deck, diagnostics = parse_deck(read_deck(source))
    expected = source.with_suffix(".expected").read_text(encoding="utf-8")
    assert dump_deck(deck) == expected
    assert [str(d) for d in diagnostics] == []

"""Explainer fixtures: a page in, a hand-checked dump of its slides (and diagnostics) out.

Each ``tests/fixtures/explainer/<name>.md`` is built as a one-file deck; ``<name>.expected`` holds
the model dump (``modeldump.py``), then a ``diagnostics:`` line and the diagnostics, one a line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.parse import parse_deck
from deckgen.read import read_deck
from modeldump import dump_deck

FIXTURES = Path(__file__).parent / "fixtures" / "explainer"
CASES = sorted(FIXTURES.glob("*.md"))


def render(source: Path) -> str:
    """Return the dump of the deck at ``source`` and its diagnostics, as in a ``.expected``."""
    deck, diagnostics = parse_deck(read_deck(source))
    messages = [f"{d.origin.line}: {d.level.value}: {d.message}" for d in diagnostics]
    return dump_deck(deck) + "diagnostics:\n" + "".join(f"  {m}\n" for m in messages)


def test_there_are_fixtures() -> None:
    assert len(CASES) >= 6


@pytest.mark.parametrize("source", CASES, ids=[p.stem for p in CASES])
def test_slides_match_expected(source: Path) -> None:
    expected = source.with_suffix(".expected").read_text(encoding="utf-8")
    assert render(source) == expected

"""Every example in examples/ builds cleanly: the documentation's examples stay runnable."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import BuildOptions, build

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SOURCES = sorted(
    [*EXAMPLES.glob("*.md"), *(p for p in EXAMPLES.iterdir() if (p / "deck.yaml").is_file())]
)


def test_there_are_examples() -> None:
    assert len(SOURCES) >= 3


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_example_builds_without_warnings(source: Path, tmp_path: Path) -> None:
    result = build(source, tmp_path, BuildOptions())
    assert [str(d) for d in result.diagnostics] == []
    [output] = result.outputs
    assert output.name == f"{source.stem if source.is_file() else source.name}.html"
    assert output.stat().st_size > 100_000

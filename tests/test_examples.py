"""Every example in examples/ builds cleanly: the documentation's examples stay runnable."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pypandoc
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
    written = [title for path in markdown_files(source) for title in slide_titles(path)]
    assert written and shown_titles(output.read_text(encoding="utf-8")) == written


def markdown_files(source: Path) -> list[Path]:
    if source.is_file():
        return [source]
    return sorted(source.glob("*.md"))  # the examples' deck.yaml lists its files by name


def slide_titles(path: Path) -> list[str]:
    """Return the text of the ``#`` and ``##`` headings of ``path``, as pandoc reads them."""
    ast = json.loads(pypandoc.convert_file(str(path), "json", format="markdown"))
    titles = []
    for block in ast["blocks"]:
        if block["t"] == "Header" and block["c"][0] <= 2:
            text = pypandoc.convert_text(
                json.dumps({**ast, "blocks": [{"t": "Plain", "c": block["c"][2]}]}),
                "plain",
                format="json",
            )
            titles.append(" ".join(text.split()))
    return titles


def shown_titles(document: str) -> list[str]:
    """Return the text of each slide title of an HTML deck, the deck's title slide left out."""
    found = re.findall(r'<h([12]) class="title"[^>]*>(.*?)</h\1>', document, flags=re.DOTALL)
    texts = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split()) for _, text in found]
    return texts[1:] if 'id="title"' in document else texts

"""Pandoc's typography, with pandoc as the oracle: smart quotes, dashes, ellipses, character
references and the lone-backslash line break."""

from __future__ import annotations

import pypandoc
import pytest

from deckgen.diagnostics import Origin
from deckgen.markdown import parse_blocks
from deckgen.model import Paragraph, plain_text

CASES = [
    'She said "hello" -- and left...',
    "It's done --- or 'nearly' done.",
    "Pages 3--4, (\"quoted\") and [a 'b' c].",
    "A&nbsp;B &copy; &amp; &lt;tag&gt; &#8364;",
    "Code `a--b` stays as written.",
    'Git uses a "[Merkle tree](https://example.org)" under the hood.',
    "He said '*hi*' and \"**bold**\" twice.",
    "*\\\"oh sh\\*\\* git\\\"* and \\'escaped\\' quotes \\-\\- stay straight.",
]


@pytest.mark.parametrize("markdown", CASES)
def test_text_reads_as_pandoc_renders_it(markdown: str) -> None:
    [paragraph] = parse_blocks((markdown,), Origin("x.md", 1), [])
    assert isinstance(paragraph, Paragraph)
    expected = pypandoc.convert_text(markdown, "plain", "markdown", extra_args=["--wrap=none"])
    assert plain_text(paragraph.runs) == expected.strip()


def test_a_lone_backslash_is_a_line_break() -> None:
    blocks = parse_blocks(("One.", "", "\\", "", "Two."), Origin("x.md", 1), [])
    texts = [plain_text(block.runs) for block in blocks if isinstance(block, Paragraph)]
    assert texts == ["One.", "\n", "Two."]

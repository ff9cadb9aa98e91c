"""Math in Markdown is found where pandoc finds it: each case is compared with pandoc's own AST."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import mistune
import pypandoc
import pytest

from deckgen.tex.syntax import MATH_ENVIRONMENTS, math

ROOT = Path(__file__).resolve().parents[2]
# pandoc's default markdown, plus \(…\) and \[…\], which deckgen reads too
PANDOC_FORMAT = "markdown+tex_math_single_backslash"

CASES = [
    "It costs $20/month, or $50 a year.",
    "$ x$ and $x $ and $x$5 and $x$.",
    "Price $5 and \\$x$ here",
    "Escaped \\$x\\$ stays text",
    "`$x$` and $a `b` c$",
    "`a $x` and $y$ b`",
    "$a\\,b$ keeps \\, and $\\{x\\}$ its braces",
    "$$\na^2\n+ b\n$$",
    "$$\n\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix}\n$$",
    "text $$x$$ more",
    "Some text\n$$x = 1$$\nmore text",
    "- item\n\n  $$\n  x^2\n  $$\n",
    "1. first $a_1$\n2. second $$b$$",
    "> quoted $$x^2$$\n",
    "\\begin{align*}\na &= b\n\\end{align*}",
    "\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}",
    "\\begin{gather*}\nx\n\\end{gather*}",
    "\\begin{equation}\\begin{aligned}a\\end{aligned}\\end{equation}",
    "\\begin{bmatrix} 1 \\end{bmatrix}",
    "\\begin{cases} a & b \\end{cases}",
    "text \\begin{equation}x\\end{equation} more",
    "\\begin{itemize} not math \\end{itemize}",
    "\\(a^2\\) and \\[b\\] and \\( x \\) and \\(y\\)z",
    "\\(x\\)5 and \\(a\n\nb\\)",
    "unclosed \\( paren and \\[ bracket",
    "$\\text{a $ b}$ and $a \\$ b$",
    "$a\n b$ spans a line",
    "$a\n\nb$ does not span a blank line",
    "$$a\n\nb$$ neither does display",
    "$x$,$y$ and a$x$b",
    "$$ x $$ and $$a$b$$",
    "$a\n$ b",
    "*emphasis $x^*$ y*",
    "[link $x$](https://example.org)",
    "A | B\n--|--\n$x$ | $\\frac{1}{2}$\n",
]


def pandoc_items(source: str) -> list[Any]:
    """Return pandoc's reading: math as (tex, display) pairs between runs of text."""
    document = json.loads(pypandoc.convert_text(source, "json", format=PANDOC_FORMAT))
    items: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not isinstance(node, dict) or "t" not in node:
            return
        kind, content = node["t"], node.get("c")
        if kind == "Math":
            items.append((content[1], content[0]["t"] == "DisplayMath"))
        elif kind in ("RawInline", "RawBlock") and content[0] == "tex":
            env = re.match(r"\\begin\{([^}]*)\}", content[1])
            # pandoc's HTML writer shows math environments as display math, nothing else
            if env and env.group(1) in MATH_ENVIRONMENTS:
                items.append((content[1], True))
            else:
                items.append(content[1])
        elif kind == "Str":
            items.append(content)
        elif kind == "Code":
            items.append(content[1])
        elif kind in ("Space", "SoftBreak"):
            items.append(" ")
        elif kind in ("Para", "Plain"):
            walk(content)
            items.append("\n")
        elif isinstance(content, list):
            walk(content)

    walk(document["blocks"])
    return merge_text(items)


def deckgen_items(source: str) -> list[Any]:
    """Return the same view of what the plugin's mistune tokens hold."""
    tokens = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough", math])(
        source
    )
    items: list[Any] = []

    def walk(token: Any, block: bool) -> None:
        kind = token["type"]
        if kind == "math":
            items.append((token["raw"], token["attrs"]["display"]))
            if block:  # pandoc puts display math standing alone in a paragraph
                items.append("\n")
        elif kind in ("text", "codespan", "raw_latex"):  # raw LaTeX: pandoc's RawBlock text
            items.append(token["raw"])
        elif kind in ("softbreak", "linebreak"):
            items.append(" ")
        holds_blocks = kind in ("list", "list_item", "block_quote")
        for child in token.get("children", ()):
            walk(child, holds_blocks)
        if kind in ("paragraph", "block_text", "table_cell"):
            items.append("\n")

    for token in tokens:
        walk(token, True)
    return merge_text(items)


def merge_text(items: list[Any]) -> list[Any]:
    """Join neighbouring text, squeeze whitespace: the comparison is about where math is."""
    merged: list[Any] = []
    for item in items:
        if isinstance(item, str) and merged and isinstance(merged[-1], str):
            merged[-1] += item
        else:
            merged.append(item)
    squeezed = [" ".join(i.split()) if isinstance(i, str) else i for i in merged]
    return [i for i in squeezed if i != ""]


@pytest.mark.parametrize("source", CASES)
def test_math_is_found_where_pandoc_finds_it(source: str) -> None:
    assert deckgen_items(source) == pandoc_items(source)


def test_the_comparison_sees_math() -> None:
    # the two views agree on something that has math in it, and tell math from text
    assert pandoc_items("a $x$ b") == ["a", ("x", False), "b"]
    assert deckgen_items("a $x$ b") == ["a", ("x", False), "b"]
    assert deckgen_items("a $x$ b") != deckgen_items("a \\$x\\$ b")


def test_display_math_standing_alone_is_a_block() -> None:
    tokens = mistune.create_markdown(renderer=None, plugins=[math])("$$\nx^2\n$$\n\nafter")
    assert tokens[0] == {"type": "math", "raw": "\nx^2\n", "attrs": {"display": True}}


def test_macro_definitions_standing_alone_are_one_token() -> None:
    source = "\\newcommand{\\R}{\\mathbb{R}}\n\\def\\v{\\mathbf{v}}\n\n$\\R$"
    tokens = mistune.create_markdown(renderer=None, plugins=[math])(source)
    assert tokens[0] == {
        "type": "math_macros",
        "raw": "\\newcommand{\\R}{\\mathbb{R}}\n\\def\\v{\\mathbf{v}}",
    }


def test_prices_in_the_study_guide_stay_text() -> None:
    pages = [
        ROOT / "decks/study-guide/vibe-coding/platforms/index.md",
        ROOT / "examples/quickstart.md",
    ]
    parse = mistune.create_markdown(renderer=None, plugins=["table", "strikethrough", math])
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "$2" in text  # the prices are still there to test
        found: list[Any] = []

        def walk(token: Any) -> None:
            if token["type"] == "math":
                found.append(token["raw"])  # noqa: B023
            for child in token.get("children", ()):
                walk(child)

        for token in parse(text):
            walk(token)
        assert found == [], page

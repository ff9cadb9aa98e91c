"""MathML -> a linear, readable line of Unicode: for speaker notes, search, alt text and fallbacks.

In the spirit of pandoc's "unicode" math: x² + y² = z², √(x + 1), (a + b)/(2c), ∑_(i=1)^n i,
matrices as [1 0; 0 1]. Scripts use Unicode superscript and subscript digits where every character
has one, and ^(…)/_(…) otherwise.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from deckgen.tex.mathml import (
    clean,
    em,
    fence_parts,
    is_large_operator,
    is_spacer_cell,
    kids,
    parse,
    tag,
    text,
    unwrap,
)

SUPERSCRIPTS = dict(zip("0123456789+-−=()ni", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱ", strict=True))
SUBSCRIPTS = dict(zip("0123456789+-−=()", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎", strict=True))
SPACED = set("=<>≤≥≠≈≡∼→←↔⇒⇐⇔∈∉⊂⊆+−±∓×÷⋅·")  # operators written with a space on each side
BARS = {"\u0332", "_", "\u203e", "\u2015"}  # \overline and \underline (not the \bar accent)
COMBINING_ACCENTS = {"ˆ": "\u0302", "^": "\u0302", "¯": "\u0304", "˙": "\u0307", "¨": "\u0308",
                     "˜": "\u0303", "~": "\u0303", "ˇ": "\u030c", "˘": "\u0306", "´": "\u0301",
                     "`": "\u0300", "⃗": "\u20d7", "→": "\u20d7"}  # fmt: skip


def mathml_to_linear(mathml: str) -> str:
    """Return a one-line Unicode rendering of a ``<math>`` element."""
    return " ".join(_row(kids(parse(mathml))).split())


def _row(nodes: list[ET.Element]) -> str:
    return "".join(_node(node) for node in nodes)


def _grouped(node: ET.Element) -> str:
    """Return ``node`` linear, in parentheses unless it is a single symbol."""
    inner = _node(node).strip()
    simple = len(inner) <= 1 or tag(unwrap(node)) in ("mi", "mn") or inner.startswith("(")
    return inner if simple else f"({inner})"


def _script(node: ET.Element, table: dict[str, str], mark: str) -> str:
    inner = _node(node).strip()
    if inner and all(char in table for char in inner):
        return "".join(table[char] for char in inner)
    return mark + (inner if len(inner) == 1 else f"({inner})")


def _node(node: ET.Element) -> str:
    name = tag(node)
    args = kids(node)
    if name in ("mi", "mn", "mtext", "ms"):
        return text(node)
    if name == "mo":
        if text(node) == "\u2061":  # function application: sin x, det A
            return " "
        chars = clean(text(node)).strip()
        if len(chars) > 1 and chars.isalpha():  # an operator name set as mo: sin, lim
            return chars + " "
        if chars in (",", ";"):
            return chars + " "
        return f" {chars} " if chars in SPACED else chars
    if name == "mspace":
        return " " if em(node.get("width")) > 0.2 else ""
    if name == "mfrac" and len(args) == 2:
        return f"{_grouped(args[0])}/{_grouped(args[1])}"
    if name == "msqrt":
        return f"√({_row(args).strip()})" if len(_row(args).strip()) > 1 else f"√{_row(args)}"
    if name == "mroot" and len(args) == 2:
        return f"√[{_node(args[1]).strip()}]({_node(args[0]).strip()})"
    if name in ("msub", "msup", "msubsup") and args:
        base = _node(args[0])
        gap = " " if is_large_operator(args[0]) else ""
        scripts = list(zip(("_", "^") if name != "msup" else ("^",), args[1:], strict=False))
        return (
            base
            + "".join(
                _script(arg, SUBSCRIPTS if mark == "_" else SUPERSCRIPTS, mark)
                for mark, arg in scripts
            )
            + gap
        )
    if name in ("munder", "mover", "munderover") and args:
        return _under_over(name, args)
    if name == "mtable":
        rows = [
            [_row(kids(cell)).strip() for cell in kids(row) if not is_spacer_cell(cell)]
            for row in args
        ]
        return "; ".join(" ".join(cells) for cells in rows)
    fenced = fence_parts(node)
    if fenced is not None:
        opening, inside, closing = fenced
        return f"{opening}{_row(inside).strip()}{closing}"
    if name == "mphantom":
        return ""
    return _row(args)


def _under_over(name: str, args: list[ET.Element]) -> str:
    base = _node(args[0])
    mark = clean(text(unwrap(args[1]))).strip() if len(args) == 2 else ""
    if mark in BARS:
        line = "\u0305" if name == "mover" else "\u0332"
        return "".join(char + line for char in base.strip())
    if name == "mover" and len(args) == 2:
        if mark in COMBINING_ACCENTS and len(base.strip()) == 1:
            return base.strip() + COMBINING_ACCENTS[mark]
        if tag(unwrap(args[1])) == "mo" and len(mark) <= 1:
            return f"{_grouped(args[0])}{mark}" if mark else base
    lower = _node(args[1]).strip() if name in ("munder", "munderover") and len(args) > 1 else ""
    upper = _node(args[-1]).strip() if name in ("mover", "munderover") and len(args) > 1 else ""
    gap = " " if is_large_operator(args[0]) else ""
    return (
        base
        + (f"_({lower})" if len(lower) > 1 else f"_{lower}" if lower else "")
        + (f"^({upper})" if len(upper) > 1 else f"^{upper}" if upper else "")
        + gap
    )

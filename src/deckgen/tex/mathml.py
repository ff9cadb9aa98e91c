"""MathML trees as math-core writes them: parsing and the few facts every reader of them needs.

``omml``, ``linear`` and ``box`` each walk the same tree; this module is where they agree
on what a node is (a fence, a large operator, an accent, an equation-array table).
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET

XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
INVISIBLE = {"\u2061", "\u2062", "\u2063", "\u2064"}  # function application, times, separator, plus
FENCES = set("()[]{}|‖⟨⟩⌊⌋⌈⌉⟦⟧∣") | {"\u2063", ""}
LARGE_OPERATORS = set("∑∏∐∫∬∭∮∯∰∱∲∳⋀⋁⋂⋃⨀⨁⨂⨄⨆⨌")
INTEGRALS = set("∫∬∭∮∯∰∱∲∳⨌")
WRAPPERS = {"mrow", "mstyle", "mpadded", "semantics", "math", "mphantom"}


def parse(mathml: str) -> ET.Element:
    """Return the ``<math>`` element of ``mathml`` (HTML entity names allowed, no namespace)."""

    def entity(match: re.Match[str]) -> str:
        name = match.group(1)
        return match.group(0) if name in XML_ENTITIES else html.unescape(match.group(0))

    return ET.fromstring(_ENTITY.sub(entity, mathml))


def tag(node: ET.Element) -> str:
    """Return the local name of ``node``."""
    return node.tag.rsplit("}", 1)[-1]


def kids(node: ET.Element) -> list[ET.Element]:
    """Return the children that carry math (annotations left out)."""
    return [child for child in node if tag(child) not in ("annotation", "annotation-xml")]


def text(node: ET.Element) -> str:
    """Return the characters of a token element."""
    return "".join(node.itertext())


def unwrap(node: ET.Element) -> ET.Element:
    """Return the one meaningful node inside wrappers that hold a single child."""
    while tag(node) in WRAPPERS:
        inner = kids(node)
        if len(inner) != 1:
            return node
        node = inner[0]
    return node


def is_large_operator(node: ET.Element) -> bool:
    """Return whether ``node`` is an n-ary operator such as a sum or an integral."""
    node = unwrap(node)
    return tag(node) == "mo" and text(node).strip() in LARGE_OPERATORS


def fence_parts(node: ET.Element) -> tuple[str, list[ET.Element], str] | None:
    """Return (open, inside, close) of a stretchy fenced row (``\\left( … \\right)``), or None."""
    if tag(node) != "mrow":
        return None
    inner = kids(node)
    if len(inner) < 2:
        return None
    first, last = inner[0], inner[-1]
    for edge in (first, last):
        if tag(edge) != "mo" or edge.get("stretchy") == "false" or text(edge) not in FENCES:
            return None
    return clean(text(first)), inner[1:-1], clean(text(last))


def clean(chars: str) -> str:
    """Return ``chars`` without invisible operators."""
    return "".join(c for c in chars if c not in INVISIBLE)


def styles(node: ET.Element) -> dict[str, str]:
    """Return the inline CSS of ``node`` as a dict."""
    found = {}
    for declaration in (node.get("style") or "").split(";"):
        name, _, value = declaration.partition(":")
        if name.strip():
            found[name.strip()] = value.strip()
    return found


def is_spacer_cell(cell: ET.Element) -> bool:
    """Return whether a table cell is math-core's empty 50% column around a numbered equation."""
    return styles(cell).get("width") == "50%" and not kids(cell)


def cell_align(cell: ET.Element) -> str:
    """Return a table cell's horizontal alignment: left, right or center."""
    align = styles(cell).get("text-align") or cell.get("columnalign") or "center"
    return align if align in ("left", "right") else "center"


def em(length: str | None) -> float:
    """Return a MathML length in em (unknown units count as zero)."""
    if not length:
        return 0.0
    match = re.fullmatch(r"\s*(-?[\d.]+)\s*(em|ex|pt|px|mu)?\s*", length)
    if not match:
        return 0.0
    value, unit = float(match.group(1)), match.group(2) or "em"
    return value * {"em": 1.0, "ex": 0.5, "pt": 0.1, "px": 0.0625, "mu": 1 / 18}[unit]

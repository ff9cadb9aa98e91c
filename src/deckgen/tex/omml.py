"""MathML (as math-core writes it) -> Office Math (OMML), which PowerPoint's equation editor edits.

A structural mapping, element for element, in the forms Word and PowerPoint write (and pandoc's
texmath): fractions ``m:f``, roots ``m:rad``, scripts ``m:sSub``/``m:sSup``/``m:sSubSup``, sums and
integrals ``m:nary`` taking what follows as their operand, ``\\left…\\right`` ``m:d``, accents
``m:acc``, bars ``m:bar``, braces ``m:groupChr``, limits ``m:limLow``/``m:limUpp``, matrices
``m:m``, aligned equations ``m:eqArr`` with ``&`` alignment marks. Every property element ends
in an empty ``<m:ctrlPr/>``, where the .pptx backend puts its run properties. No TeX is parsed here.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

from deckgen.tex.mathml import (
    INTEGRALS,
    cell_align,
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

OMML_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
CTRL = "<m:ctrlPr/>"
ACCENTS = {  # spacing accent MathML uses -> the combining character OMML names
    "^": "\u0302", "\u02c6": "\u0302", "\u0302": "\u0302",
    "\u00af": "\u0305", "\u203e": "\u0305", "\u0304": "\u0304", "\u0305": "\u0305",
    "\u02d9": "\u0307", "\u0307": "\u0307", "\u00a8": "\u0308", "\u0308": "\u0308",
    "~": "\u0303", "\u02dc": "\u0303", "\u0303": "\u0303", "\u02c7": "\u030c", "\u030c": "\u030c",
    "\u02d8": "\u0306", "\u0306": "\u0306", "\u00b4": "\u0301", "\u0301": "\u0301",
    "`": "\u0300", "\u0300": "\u0300", "\u02da": "\u030a", "\u030a": "\u030a",
    "\u20d7": "\u20d7", "\u2192": "\u20d7", "\u20d6": "\u20d6", "\u2190": "\u20d6",
}  # fmt: skip
BARS = {"\u0332", "_", "\u203e", "\u00af", "\u2015", "\u0305"}  # stretchy over/underlines
GROUP_CHARS = set("⏞⏟︷︸⏜⏝⎴⎵")
STOPS = set("=<>≤≥≠≈≡∼≃≅∝→←↔⇒⇐⇔↦,;:∈∉⊂⊃⊆⊇") | {"\u2061"}
SPACES = ((0.2, "\u2006"), (0.25, "\u2005"), (0.3, "\u2004"), (0.75, "\u2002"), (1.5, "\u2003"))


def mathml_to_omml(mathml: str) -> str:
    """Return the ``m:oMath`` for a ``<math>`` element (with its ``xmlns:m``)."""
    root = parse(mathml)
    return f"<m:oMath xmlns:m={quoteattr(OMML_NS)}>{_row(kids(root))}</m:oMath>"


def _run(chars: str, properties: str = "") -> str:
    if not chars:
        return ""
    rpr = f"<m:rPr>{properties}</m:rPr>" if properties else ""
    return f'<m:r>{rpr}<m:t xml:space="preserve">{escape(chars)}</m:t></m:r>'


def _plain(chars: str) -> str:
    return _run(chars, '<m:sty m:val="p"/>')


def _arg(name: str, content: str) -> str:
    return f"<m:{name}>{content}</m:{name}>" if content else f"<m:{name}/>"


def _val(name: str, value: str) -> str:
    return f"<m:{name} m:val={quoteattr(value)}/>"


def _row(nodes: list[ET.Element]) -> str:
    parts, index = [], 0
    while index < len(nodes):
        node = nodes[index]
        nary = _nary_parts(node)
        if nary is None:
            parts.append(_node(node))
            index += 1
            continue
        end = index + 1
        while end < len(nodes) and not _stops_operand(nodes[end]):
            end += 1
        parts.append(_nary(*nary, _row(nodes[index + 1 : end])))
        index = end
    return "".join(parts)


def _stops_operand(node: ET.Element) -> bool:
    inner = unwrap(node)
    return (tag(inner) == "mo" and text(inner).strip() in STOPS) or _nary_parts(node) is not None


def _nary_parts(node: ET.Element) -> tuple[str, str, str, str] | None:
    """Return (operator, lower limit, upper limit, placement) if ``node`` is an n-ary operator."""
    node = unwrap(node)
    name = tag(node)
    if name == "mo" and is_large_operator(node):
        return text(node).strip(), "", "", "undOvr"
    args = kids(node)
    if name not in ("msub", "msup", "msubsup", "munder", "mover", "munderover") or not args:
        return None
    if not is_large_operator(args[0]):
        return None
    chr_ = text(unwrap(args[0])).strip()
    scripts = [_node(a) for a in args[1:]]
    lower = scripts[0] if name in ("msub", "msubsup", "munder", "munderover") else ""
    upper = scripts[-1] if name in ("msup", "msubsup", "mover", "munderover") else ""
    sub_sup = name.startswith("msub") or name == "msup" or chr_ in INTEGRALS
    return chr_, lower, upper, "subSup" if sub_sup else "undOvr"


def _nary(chr_: str, lower: str, upper: str, placement: str, operand: str) -> str:
    hides = _val("subHide", "1") if not lower else ""
    hides += _val("supHide", "1") if not upper else ""
    properties = f"{_val('chr', chr_)}{_val('limLoc', placement)}{hides}{CTRL}"
    return (
        f"<m:nary><m:naryPr>{properties}</m:naryPr>"
        f"{_arg('sub', lower)}{_arg('sup', upper)}{_arg('e', operand)}</m:nary>"
    )


def _node(node: ET.Element) -> str:
    name = tag(node)
    args = kids(node)
    if name in ("mrow", "mstyle", "mpadded", "semantics", "math"):
        fenced = fence_parts(node)
        if fenced is not None:
            opening, inside, closing = fenced
            properties = f"{_val('begChr', opening)}{_val('endChr', closing)}{CTRL}"
            return f"<m:d><m:dPr>{properties}</m:dPr>{_arg('e', _row(inside))}</m:d>"
        return _row(args)
    if name == "mphantom":
        return ""
    if name == "menclose":
        box = f"<m:borderBoxPr>{CTRL}</m:borderBoxPr>{_arg('e', _row(args))}"
        return f"<m:borderBox>{box}</m:borderBox>"
    if name == "mi":
        chars = text(node)
        upright = node.get("mathvariant") == "normal" or len(chars) > 1
        return _plain(chars) if upright else _run(chars)
    if name == "mn":
        return _run(text(node))
    if name == "mo":
        return _plain(clean(text(node)))
    if name in ("mtext", "ms"):
        return _run(text(node), "<m:nor/>")
    if name == "mspace":
        width = em(node.get("width"))
        for limit, space in SPACES:
            if 0 < width < limit:
                return _plain(space)
        return _plain("\u2003" * round(width)) if width > 0 else ""
    if name == "mfrac" and len(args) == 2:
        kind = _val("type", "noBar") if node.get("linethickness") in ("0", "0px", "0em") else ""
        return (
            f"<m:f><m:fPr>{kind}{CTRL}</m:fPr>"
            f"{_arg('num', _node(args[0]))}{_arg('den', _node(args[1]))}</m:f>"
        )
    if name == "msqrt":
        return (
            f"<m:rad><m:radPr>{_val('degHide', '1')}{CTRL}</m:radPr><m:deg/>"
            f"{_arg('e', _row(args))}</m:rad>"
        )
    if name == "mroot" and len(args) == 2:
        return (
            f"<m:rad><m:radPr>{CTRL}</m:radPr>{_arg('deg', _node(args[1]))}"
            f"{_arg('e', _node(args[0]))}</m:rad>"
        )
    if name in ("msub", "msup", "msubsup", "munder", "mover", "munderover"):
        nary = _nary_parts(node)
        if nary is not None:
            return _nary(*nary, "")
        return _scripts(name, node, args)
    if name == "mtable":
        return _table(node)
    if name == "mmultiscripts" and args:
        return _node(args[0]) + "".join(_node(a) for a in args[1:] if tag(a) != "mprescripts")
    return _row(args)  # merror and anything unforeseen: keep the content


def _scripts(name: str, node: ET.Element, args: list[ET.Element]) -> str:
    base = _node(args[0]) if args else ""
    if name in ("msub", "msup", "msubsup"):
        kind = {"msub": "sSub", "msup": "sSup", "msubsup": "sSubSup"}[name]
        scripts = "".join(
            _arg(part, _node(arg))
            for part, arg in zip(
                ("sub", "sup") if name != "msup" else ("sup",), args[1:], strict=False
            )
        )
        return f"<m:{kind}><m:{kind}Pr>{CTRL}</m:{kind}Pr>{_arg('e', base)}{scripts}</m:{kind}>"
    if name == "munderover" and len(args) == 3:
        lower = _limit("limLow", base, _node(args[1]))
        return _limit("limUpp", lower, _node(args[2]))
    if len(args) != 2:
        return base
    mark = unwrap(args[1])
    chars = text(mark).strip() if tag(mark) == "mo" else ""
    over = name == "mover"
    if chars in GROUP_CHARS:
        position = _val("pos", "top" if over else "bot") + _val("vertJc", "bot" if over else "top")
        return (
            f"<m:groupChr><m:groupChrPr>{_val('chr', chars)}{position}{CTRL}</m:groupChrPr>"
            f"{_arg('e', base)}</m:groupChr>"
        )
    if chars in BARS and (mark.get("stretchy") == "true" or chars in ("\u0332", "_")):
        return (
            f"<m:bar><m:barPr>{_val('pos', 'top' if over else 'bot')}{CTRL}</m:barPr>"
            f"{_arg('e', base)}</m:bar>"
        )
    if over and chars in ACCENTS:
        accent = f"<m:accPr>{_val('chr', ACCENTS[chars])}{CTRL}</m:accPr>"
        return f"<m:acc>{accent}{_arg('e', base)}</m:acc>"
    return _limit("limUpp" if over else "limLow", base, _node(args[1]))


def _limit(kind: str, base: str, limit: str) -> str:
    parts = f"<m:{kind}Pr>{CTRL}</m:{kind}Pr>{_arg('e', base)}{_arg('lim', limit)}"
    return f"<m:{kind}>{parts}</m:{kind}>"


def _table(node: ET.Element) -> str:
    rows = [
        [cell for cell in kids(row) if not is_spacer_cell(cell)]
        for row in kids(node)
        if tag(row) in ("mtr", "mlabeledtr")
    ]
    if node.get("displaystyle") == "true":  # align, aligned, gather, equation: an equation array
        marker = _plain("&")
        lines = [marker.join(_row(kids(cell)) for cell in row) for row in rows]
        rows_xml = "".join(_arg("e", line) for line in lines)
        return f"<m:eqArr><m:eqArrPr>{CTRL}</m:eqArrPr>{rows_xml}</m:eqArr>"
    width = max((len(row) for row in rows), default=0)
    aligns = [
        next((cell_align(row[i]) for row in rows if i < len(row)), "center") for i in range(width)
    ]
    columns = "".join(
        f"<m:mc><m:mcPr>{_val('count', '1')}{_val('mcJc', align)}</m:mcPr></m:mc>"
        for align in aligns
    )
    properties = (
        f"{_val('baseJc', 'center')}{_val('plcHide', '1')}<m:mcs>{columns}</m:mcs>{CTRL}"
        if width
        else CTRL
    )
    body = "".join(
        "<m:mr>"
        + "".join(_arg("e", _row(kids(cell))) for cell in row)
        + "<m:e/>" * (width - len(row))
        + "</m:mr>"
        for row in rows
    )
    return f"<m:m><m:mPr>{properties}</m:mPr>{body}</m:m>"

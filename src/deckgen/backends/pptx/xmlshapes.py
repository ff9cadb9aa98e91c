"""Slide shapes written as XML text: text boxes, placeholders and filled boxes, one parse per slide.

Like the paragraphs in ``xmltext.py``: each shape is one string in schema order, a slide's shapes
are parsed together and appended to its shape tree. Pictures and tables, which need parts and
relationships python-pptx manages, are still added through python-pptx (``ShapeTree.flush``
keeps the reading order).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.sax.saxutils import quoteattr

from lxml import etree
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import BaseOxmlElement

from deckgen.backends.pptx.look import Colour
from deckgen.backends.pptx.xmltext import colour_xml
from deckgen.geometry import Box

Insets = tuple[int, int, int, int]  # left, top, right, bottom
NO_INSETS: Insets = (0, 0, 0, 0)


# The largest extent PowerPoint and the Open XML SDK accept (a 32-bit EMU count, 2,348 inches).
# Only a shape already reported as running off the slide comes near it.
MAX_EXTENT = 2**31 - 1


def ext_xml(box: Box) -> str:
    """Return the size of ``box`` as an ``a:ext``, cut to the largest extent a file may hold."""
    return f'<a:ext cx="{min(int(box.w), MAX_EXTENT)}" cy="{min(int(box.h), MAX_EXTENT)}"/>'


def xfrm_xml(box: Box) -> str:
    """Return the position and size of ``box`` as an ``a:xfrm``."""
    offset = f'<a:off x="{int(box.x)}" y="{int(box.y)}"/>'
    return f"<a:xfrm>{offset}{ext_xml(box)}</a:xfrm>"


def text_body_xml(paragraphs: Sequence[str], insets: Insets = NO_INSETS) -> str:
    """Return a ``p:txBody`` that wraps, never autofits, and anchors its text at the top."""
    left, top, right, bottom = (int(i) for i in insets)
    body = (
        f'<a:bodyPr wrap="square" lIns="{left}" tIns="{top}" rIns="{right}" bIns="{bottom}" '
        f'rtlCol="0" anchor="t"><a:noAutofit/></a:bodyPr>'
    )
    return f"<p:txBody>{body}<a:lstStyle/>{''.join(paragraphs) or '<a:p/>'}</p:txBody>"


def _names(
    shape_id: int, name: str, locks: str = "<p:cNvSpPr/>", ph: str = "", descr: str = ""
) -> str:
    described = f" descr={quoteattr(descr)}" if descr else ""
    nvpr = f"<p:nvPr>{ph}</p:nvPr>" if ph else "<p:nvPr/>"
    ids = f'<p:cNvPr id="{shape_id}" name={quoteattr(name)}{described}/>'
    return f"<p:nvSpPr>{ids}{locks}{nvpr}</p:nvSpPr>"


def text_box_xml(
    shape_id: int, name: str, box: Box, paragraphs: Sequence[str], insets: Insets = NO_INSETS
) -> str:
    """Return a text box (``txBox``) at ``box`` holding ``paragraphs``."""
    geometry = f'{xfrm_xml(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/>'
    names = _names(shape_id, name, '<p:cNvSpPr txBox="1"/>')
    return f"<p:sp>{names}<p:spPr>{geometry}</p:spPr>{text_body_xml(paragraphs, insets)}</p:sp>"


def placeholder_xml(shape_id: int, name: str, ph: str, box: Box, paragraphs: Sequence[str]) -> str:
    """Return a placeholder shape (``ph``: its ``p:ph`` element) moved to ``box``, with text."""
    names = _names(shape_id, name, '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>', ph)
    return f"<p:sp>{names}<p:spPr>{xfrm_xml(box)}</p:spPr>{text_body_xml(paragraphs)}</p:sp>"


def filled_box_xml(
    shape_id: int,
    name: str,
    box: Box,
    fill: Colour,
    radius: int = 0,
    paragraphs: Sequence[str] | None = None,
    insets: Insets = NO_INSETS,
) -> str:
    """Return a rectangle (rounded by ``radius``) filled with ``fill``; no outline, no effects.

    ``paragraphs`` None leaves it without text (a rule or an accent bar).
    """
    if radius:
        adjust = round(min(radius / max(min(box.w, box.h), 1), 0.5) * 100_000)
        adjustment = f'<a:avLst><a:gd name="adj" fmla="val {adjust}"/></a:avLst>'
        geometry = f'<a:prstGeom prst="roundRect">{adjustment}</a:prstGeom>'
    else:
        geometry = '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
    fill_xml = f"<a:solidFill>{colour_xml(fill)}</a:solidFill><a:ln><a:noFill/></a:ln>"
    text = text_body_xml(paragraphs, insets) if paragraphs is not None else ""
    properties = f"<p:spPr>{xfrm_xml(box)}{geometry}{fill_xml}</p:spPr>"
    return f"<p:sp>{_names(shape_id, name)}{properties}{text}</p:sp>"


def placeholder_element(layout_shape: BaseOxmlElement) -> str:
    """Return the ``p:ph`` of a layout placeholder: a slide's placeholder repeats it to inherit."""
    ph = layout_shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    attributes = " ".join(f"{key}={quoteattr(value)}" for key, value in ph.attrib.items())
    return f"<p:ph {attributes}/>"


_START_TAG = re.compile(r"^\s*<([\w:]+)")


class ShapeTree:
    """Collects a slide's shapes as XML and appends them in order, numbering their ids."""

    def __init__(self, tree: BaseOxmlElement) -> None:
        self.tree = tree
        used = [int(value) for value in tree.xpath(".//@id") if str(value).isdigit()]
        self._next = max(used, default=1) + 1
        self._pending: list[str] = []

    def next_id(self) -> int:
        """Return a shape id not yet used on the slide."""
        self._next += 1
        return self._next - 1

    def add(self, xml: str) -> None:
        """Queue a shape written by one of the ``*_xml`` functions."""
        self._pending.append(xml)

    def flush(self) -> None:
        """Append the queued shapes to the tree (before python-pptx adds one of its own)."""
        if not self._pending:
            return
        # Each shape declares its namespaces: lxml then moves it in linear time (declared only
        # on the wrapper, a shape of n elements takes O(n^2): minutes for a huge code block).
        declarations = nsdecls("p", "a", "r")
        shapes = "".join(
            _START_TAG.sub(rf"<\1 {declarations}", xml, count=1) for xml in self._pending
        )
        fragment = parse_xml(f"<p:spTree {declarations}>{shapes}</p:spTree>")
        for shape in list(fragment):
            self.tree.append(shape)
        self._pending.clear()

    def adopt(self, element: etree._Element) -> None:
        """Note a shape python-pptx added, so later ids stay unique."""
        self._next = max(self._next, int(element.xpath("./*[1]/p:cNvPr/@id")[0]) + 1)


NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"


def table_xml(
    shape_id: int,
    name: str,
    box: Box,
    widths: Sequence[int],
    heights: Sequence[int],
    cells: Sequence[Sequence[Sequence[str]]],
    padding: tuple[int, int],
    rule: tuple[Colour, int],
) -> str:
    """Return a native table (``p:graphicFrame``): header row first, only a rule under each cell.

    ``cells`` holds each cell's ``a:p`` elements; ``padding`` is (across, down); ``rule`` is the
    colour and width of the line under each cell, as the HTML table draws it.
    """
    pad_x, pad_y = (int(p) for p in padding)
    colour, width = rule
    borders = "".join(f'<a:{side} w="0"><a:noFill/></a:{side}>' for side in ("lnL", "lnR", "lnT"))
    borders += f'<a:lnB w="{int(width)}"><a:solidFill>{colour_xml(colour)}</a:solidFill></a:lnB>'
    cell_properties = (
        f'<a:tcPr marL="{pad_x}" marR="{pad_x}" marT="{pad_y}" marB="{pad_y}" anchor="t">'
        f"{borders}<a:noFill/></a:tcPr>"
    )
    rows = "".join(
        f'<a:tr h="{int(height)}">'
        + "".join(
            f"<a:tc><a:txBody><a:bodyPr/><a:lstStyle/>{''.join(paragraphs) or '<a:p/>'}"
            f"</a:txBody>{cell_properties}</a:tc>"
            for paragraphs in row
        )
        + "</a:tr>"
        for height, row in zip(heights, cells, strict=True)
    )
    grid = "".join(f'<a:gridCol w="{int(w)}"/>' for w in widths)
    table = (
        f'<a:tbl><a:tblPr firstRow="1"><a:tableStyleId>{NO_STYLE_TABLE}</a:tableStyleId></a:tblPr>'
        f"<a:tblGrid>{grid}</a:tblGrid>{rows}</a:tbl>"
    )
    names = (
        f'<p:nvGraphicFramePr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/>'
        "</p:nvGraphicFramePr>"
    )
    frame = f'<p:xfrm><a:off x="{int(box.x)}" y="{int(box.y)}"/>{ext_xml(box)}</p:xfrm>'
    graphic = (
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table">'
        f"{table}</a:graphicData></a:graphic>"
    )
    return f"<p:graphicFrame>{names}{frame}{graphic}</p:graphicFrame>"

"""The few shape details python-pptx has no API for, on shapes python-pptx adds.

Alt text on pictures, table cell rules and a plain table style. (Text and plain shapes are
written whole, in ``xmltext.py`` and ``xmlshapes.py``.)
"""

from __future__ import annotations

from lxml import etree
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.shapes.base import BaseShape
from pptx.table import _Cell

from deckgen.backends.pptx.look import Colour
from deckgen.backends.pptx.xmltext import colour_xml

NO_STYLE_TABLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # "No Style, No Grid"


def set_alt_text(shape: BaseShape, text: str) -> None:
    """Set the shape's alternative text (what a screen reader says)."""
    shape.element.xpath("./*[1]/p:cNvPr")[0].set("descr", text)


def set_cell_rules(cell: _Cell, colour: Colour, width: int) -> None:
    """Give the cell only a bottom rule (the HTML table look): no other borders, no fill."""
    tcPr = cell._tc.get_or_add_tcPr()
    for tag in ("a:lnL", "a:lnR", "a:lnT", "a:lnB", "a:noFill", "a:solidFill"):
        for found in tcPr.findall(qn(tag)):
            tcPr.remove(found)
    lines = "".join(f'<a:{side} w="0"><a:noFill/></a:{side}>' for side in ("lnL", "lnR", "lnT"))
    fill = f"<a:solidFill>{colour_xml(colour)}</a:solidFill>"
    lines += f'<a:lnB w="{int(width)}">{fill}</a:lnB>'
    for element in list(parse_xml(f"<a:x {nsdecls('a')}>{lines}<a:noFill/></a:x>")):
        tcPr.append(element)


def set_table_style(table_element: BaseOxmlElement, style_id: str = NO_STYLE_TABLE) -> None:
    """Give the table a plain style, so only the cell formatting deckgen writes shows."""
    tblPr = table_element.find(qn("a:tblPr"))
    style = tblPr.find(qn("a:tableStyleId"))
    if style is None:
        style = etree.SubElement(tblPr, qn("a:tableStyleId"))
    style.text = style_id

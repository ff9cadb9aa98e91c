"""DrawingML paragraphs and runs written as XML text, one parse per text frame.

python-pptx's object API builds a run attribute by attribute, each step searching the element
for where a child belongs; a deck of thousands of highlighted code lines spends most of its time
there. Writing each frame's paragraphs as one string (in schema order) and parsing it once is
many times faster and says exactly what goes into the file.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from deckgen.backends.pptx.look import Colour

EMU_PER_CENTIPOINT = 127
HLINK_COLOUR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"
HLINK_COLOUR_NS = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"
SLIDE_JUMP = "ppaction://hlinksldjump"
SLIDE_NUMBER_FIELD = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "deckgen:slidenum")).upper() + "}"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")  # not allowed in XML text (tabs and newlines are)


def colour_xml(colour: Colour) -> str:
    """Return ``colour`` as a DrawingML colour element."""
    if colour.scheme is not None:
        return f'<a:schemeClr val="{colour.scheme.xml_value}"/>'
    return f'<a:srgbClr val="{(colour.rgb or "#000000").lstrip("#").upper()}"/>'


def centipoints(length: int) -> int:
    """Return an EMU length in hundredths of a point (DrawingML font sizes and spacing)."""
    return round(length / EMU_PER_CENTIPOINT)


@dataclass(frozen=True, slots=True)
class RunStyle:
    """How a run is set. None (and False) leave a property to the placeholder or master."""

    size: int | None = None
    typeface: str | None = None
    colour: Colour | None = None
    bold: bool = False
    italic: bool = False
    strike: bool = False
    underline: bool = False
    caps_off: bool = False
    lang: str | None = None
    smallcaps: bool = False
    baseline: int = 0  # thousandths of a percent: superscript up, subscript down
    highlight: Colour | None = None
    east_asian: str | None = None  # the typeface of Chinese, Japanese and Korean text (a:ea)
    complex_script: str | None = None  # of Arabic, Hebrew, Indic… text (a:cs)


def hyperlink_xml(rId: str, slide_jump: bool = False, run_colour: bool = False) -> str:
    """Return an ``a:hlinkClick``: to a URL, or (``slide_jump``) to the slide related by ``rId``.

    ``run_colour`` asks PowerPoint to show the run's own colour rather than the theme's.
    """
    action = f' action="{SLIDE_JUMP}"' if slide_jump else ""
    ext = (
        f'<a:extLst><a:ext uri="{HLINK_COLOUR_EXT}">'
        f'<ahyp:hlinkClr xmlns:ahyp="{HLINK_COLOUR_NS}" val="tx"/></a:ext></a:extLst>'
        if run_colour
        else ""
    )
    return f'<a:hlinkClick r:id="{rId}"{action}>{ext}</a:hlinkClick>'


def properties_xml(tag: str, style: RunStyle, link: str = "") -> str:
    """Return run properties (``a:rPr`` or ``a:endParaRPr``) for ``style``, children in order."""
    attributes = []
    if style.lang:
        attributes.append(f"lang={quoteattr(style.lang)}")
    if style.size is not None:
        attributes.append(f'sz="{centipoints(style.size)}"')
    if style.bold:
        attributes.append('b="1"')
    if style.italic:
        attributes.append('i="1"')
    if style.underline:
        attributes.append('u="sng"')
    if style.strike:
        attributes.append('strike="sngStrike"')
    if style.smallcaps:
        attributes.append('cap="small"')
    elif style.caps_off:
        attributes.append('cap="none"')
    if style.baseline:
        attributes.append(f'baseline="{style.baseline}"')
    children = f"<a:solidFill>{colour_xml(style.colour)}</a:solidFill>" if style.colour else ""
    if style.highlight:
        children += f"<a:highlight>{colour_xml(style.highlight)}</a:highlight>"
    if style.typeface:
        children += f"<a:latin typeface={quoteattr(style.typeface)}/>"
    if style.east_asian:
        children += f"<a:ea typeface={quoteattr(style.east_asian)}/>"
    if style.complex_script:
        children += f"<a:cs typeface={quoteattr(style.complex_script)}/>"
    children += link
    opening = " ".join([f"<{tag}", *attributes])
    return f"{opening}>{children}</{tag}>" if children else f"{opening}/>"


def run_xml(text: str, style: RunStyle, link: str = "") -> str:
    """Return an ``a:r`` showing ``text`` (characters XML cannot hold are dropped)."""
    properties = properties_xml("a:rPr", style, link)
    return f"<a:r>{properties}<a:t>{escape(_CONTROL.sub('', text))}</a:t></a:r>"


LINE_BREAK = "<a:br/>"


@dataclass(frozen=True, slots=True)
class Bullet:
    """A list marker: a glyph, or numbers from ``start`` (``char`` None), in ``colour``."""

    colour: Colour
    typeface: str
    char: str | None = "\u2022"
    start: int = 1
    scheme: str = "arabicPeriod"  # an ST_TextAutonumberScheme: how numbers are written


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    """Paragraph properties. None leaves one to the placeholder; ``bullet`` None turns it off."""

    level: int = 0
    align: str | None = "l"
    line: int | None = None  # exact line pitch, EMU
    before: int | None = None  # space above, EMU
    after: int | None = None
    margin: int | None = None  # where text lines start, EMU
    indent: int | None = None  # first line relative to the margin (negative: hanging)
    bullet: Bullet | None = None
    rtl: bool = False  # right to left: the margin, indent and bullet are on the right
    unhung: bool = False  # punctuation stays inside the box (LibreOffice hangs CJK stops out)


def _spacing(tag: str, length: int | None) -> str:
    return "" if length is None else f'<a:{tag}><a:spcPts val="{centipoints(length)}"/></a:{tag}>'


def paragraph_properties_xml(fmt: ParagraphFormat) -> str:
    """Return the ``a:pPr`` for ``fmt``, its children in schema order."""
    attributes = [f'lvl="{fmt.level}"'] if fmt.level else []
    if fmt.margin is not None:
        attributes.append(f'marL="{int(fmt.margin)}"')
    if fmt.indent is not None:
        attributes.append(f'indent="{int(fmt.indent)}"')
    if fmt.align:
        attributes.append(f'algn="{fmt.align}"')
    if fmt.rtl:
        attributes.append('rtl="1"')
    if fmt.unhung:
        attributes.append('hangingPunct="0"')
    children = (
        _spacing("lnSpc", fmt.line) + _spacing("spcBef", fmt.before) + _spacing("spcAft", fmt.after)
    )
    bullet = fmt.bullet
    if bullet is None:
        children += "<a:buNone/>"
    else:
        marker = (
            f'<a:buAutoNum type="{bullet.scheme}" startAt="{bullet.start}"/>'
            if bullet.char is None
            else f"<a:buChar char={quoteattr(bullet.char)}/>"
        )
        children += (
            f'<a:buClr>{colour_xml(bullet.colour)}</a:buClr><a:buSzPct val="100000"/>'
            f"<a:buFont typeface={quoteattr(bullet.typeface)}/>{marker}"
        )
    return f"<a:pPr{''.join(' ' + a for a in attributes)}>{children}</a:pPr>"


def paragraph_xml(fmt: ParagraphFormat, content: str, end: RunStyle) -> str:
    """Return an ``a:p`` with properties, content (runs, breaks, fields) and its end mark."""
    return (
        f"<a:p>{paragraph_properties_xml(fmt)}{content}{properties_xml('a:endParaRPr', end)}</a:p>"
    )


def slide_number_xml(style: RunStyle) -> str:
    """Return a paragraph holding a slide-number field in ``style``.

    The field's cached text stays empty: the viewer fills in the number, and nothing but the
    slide's own words is in the file's text.
    """
    properties = properties_xml("a:rPr", style)
    field = f'<a:fld id="{SLIDE_NUMBER_FIELD}" type="slidenum">{properties}<a:t></a:t></a:fld>'
    return paragraph_xml(ParagraphFormat(), field, style)

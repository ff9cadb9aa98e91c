"""The presentation's Office theme: read a template's fonts, or dress the default in the tokens.

Without a template deckgen starts from python-pptx's default file; writing the theme's colours
and fonts into its colour scheme, font scheme and master background (and fitting its layouts to
the theme's page size) means slides a teacher adds later in PowerPoint match the built ones.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.ns import qn
from pptx.presentation import Presentation
from pptx.util import Emu as PptxEmu

from deckgen.backends.pptx.look import Colour, TemplateTheme
from deckgen.contrast import luminance
from deckgen.themes import Theme

DARK_MAP = {"bg1": "dk1", "tx1": "lt1", "bg2": "dk2", "tx2": "lt2"}
LIGHT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}


def _theme_part(prs: Presentation) -> Part:
    return prs.slide_masters[0].part.part_related_by(RT.THEME)


def read_template_theme(prs: Presentation) -> TemplateTheme:
    """Return the heading and body typefaces of the template's (first master's) theme."""
    root = etree.fromstring(_theme_part(prs).blob)

    def typeface(kind: str) -> str | None:
        found = root.find(f".//{qn('a:fontScheme')}/{qn(kind)}/{qn('a:latin')}")
        name = found.get("typeface") if found is not None else None
        return name or None

    return TemplateTheme(heading_font=typeface("a:majorFont"), body_font=typeface("a:minorFont"))


def _set_colour(scheme: etree._Element, slot: str, hex_colour: str) -> None:
    element = scheme.find(qn(f"a:{slot}"))
    if element is None:
        return
    for child in list(element):
        element.remove(child)
    etree.SubElement(element, qn("a:srgbClr"), val=hex_colour.lstrip("#").upper())


def _write_theme_part(prs: Presentation, theme: Theme, dark: bool) -> None:
    part = _theme_part(prs)
    root = etree.fromstring(part.blob)
    root.set("name", f"deckgen {theme.name}")
    colours = theme.colors
    scheme = root.find(f".//{qn('a:clrScheme')}")
    if scheme is not None:
        scheme.set("name", f"deckgen {theme.name}")
        background, text = colours["background"], colours["text"]
        slots = {
            "dk1": background if dark else text,
            "lt1": text if dark else background,
            "dk2": colours["surface"] if dark else colours["subtitle"],
            "lt2": colours["subtitle"] if dark else colours["surface"],
            "accent1": colours["accent"],
            "accent2": colours["link"],
            "hlink": colours["link"],
            "folHlink": colours["link"],
        }
        for slot, value in slots.items():
            _set_colour(scheme, slot, value)
    for kind, role in (("a:majorFont", "heading"), ("a:minorFont", "body")):
        latin = root.find(f".//{qn('a:fontScheme')}/{qn(kind)}/{qn('a:latin')}")
        if latin is not None:
            latin.set("typeface", theme.fonts[role].office)
    part.blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _fit_layouts(prs: Presentation, width: int, height: int) -> None:
    """Scale the masters' and layouts' shapes from the old page size to ``width`` x ``height``."""
    sx, sy = width / int(prs.slide_width or width), height / int(prs.slide_height or height)
    for master in prs.slide_masters:
        for owner in (master, *master.slide_layouts):
            for shape in owner.shapes:
                if shape.element.find(f".//{qn('a:off')}") is None:
                    continue
                shape.left, shape.width = (
                    PptxEmu(round(shape.left * sx)),
                    PptxEmu(round(shape.width * sx)),
                )
                shape.top, shape.height = (
                    PptxEmu(round(shape.top * sy)),
                    PptxEmu(round(shape.height * sy)),
                )
    prs.slide_width, prs.slide_height = PptxEmu(width), PptxEmu(height)


def dress_default(prs: Presentation, theme: Theme) -> None:
    """Give the default presentation the theme's page size, colours, fonts and background."""
    _fit_layouts(prs, theme.page_width, theme.page_height)
    dark = luminance(theme.colors["background"]) < luminance(theme.colors["text"])
    _write_theme_part(prs, theme, dark)
    for master in prs.slide_masters:
        colour_map = master.element.find(qn("p:clrMap"))
        if colour_map is not None:
            for key, value in (DARK_MAP if dark else LIGHT_MAP).items():
                colour_map.set(key, value)
        master.background.fill.solid()
        Colour(rgb=theme.colors["background"]).apply(master.background.fill.fore_color)

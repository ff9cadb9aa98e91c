"""A slide's background (``p:bg``): a solid fill, or a picture fill composed as reveal.js paints it.

The layout stage has placed the background picture (``Backdrop.box``); the picture fill is that
page composed once in pixels (``raster.compose_backdrop``: the colour under it, the picture at
its size, position, opacity, tiled if it repeats), so PowerPoint and LibreOffice show what the
browser shows. A theme's colour role (a section slide's) is painted only when the deck is not
built on a teacher's template, whose own backgrounds then show; a background the slide itself
sets is always painted.
"""

from __future__ import annotations

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.slide import Slide

from deckgen.backends.pptx.look import Colour, Look
from deckgen.backends.pptx.pictures import PictureParts
from deckgen.backends.pptx.xmltext import colour_xml
from deckgen.layout.pieces import Backdrop
from deckgen.raster import backdrop_scale, compose_backdrop, encode, is_photo


def _fill_xml(
    backdrop: Backdrop,
    look: Look,
    base: str,
    page: tuple[int, int],
    slide: Slide,
    parts: PictureParts,
) -> str | None:
    """Return the fill of the slide's ``p:bgPr``, or None to leave the master's."""
    written = backdrop.written
    if written is not None and written.image:
        composed = compose_backdrop(backdrop, base, page, backdrop_scale(backdrop))
        if composed is not None:
            data, _ = encode(composed, is_photo(written.image))
            rId = parts.relate_image(slide.part, data)
            return (
                f'<a:blipFill dpi="0" rotWithShape="1"><a:blip r:embed="{rId}"/><a:srcRect/>'
                "<a:stretch><a:fillRect/></a:stretch></a:blipFill>"
            )
    if backdrop.colour is None:
        return None
    if backdrop.colour.startswith("#"):
        colour = Colour(rgb=backdrop.colour)
    elif look.paint_backgrounds:
        colour = look.colour(backdrop.colour)
    else:
        return None
    return f"<a:solidFill>{colour_xml(colour)}</a:solidFill>"


def paint_background(
    slide: Slide,
    backdrop: Backdrop,
    look: Look,
    base: str,
    page: tuple[int, int],
    parts: PictureParts,
) -> None:
    """Give ``slide`` the background ``backdrop`` paints (``base``: the theme's page colour)."""
    fill = _fill_xml(backdrop, look, base, page, slide, parts)
    if fill is None:
        return
    c_sld = slide.element.find(qn("p:cSld"))
    for old in c_sld.findall(qn("p:bg")):
        c_sld.remove(old)
    background = parse_xml(
        f"<p:bg {nsdecls('p', 'a', 'r')}><p:bgPr>{fill}<a:effectLst/></p:bgPr></p:bg>"
    )
    c_sld.insert(0, background)

"""Pictures as PowerPoint writes them: a ``p:pic`` with its alt text and the link around it.

A raster picture PowerPoint reads (PNG, JPEG, GIF, BMP, TIFF, WMF) is embedded as it is; one it
does not (WebP...) as PNG. An SVG is embedded as PowerPoint 2016+ inserts one: the SVG itself
(``asvg:svgBlip``, in the blip's extension list) with a PNG rendering (CairoSVG) as the blip that
older programs and LibreOffice show. Where a picture cannot be embedded at all (remote, or an
SVG on a system without cairo), its alt text stands in its place, a link to it if remote.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.parts.slide import SlidePart

from deckgen.backends.pptx.text import internal_target
from deckgen.backends.pptx.xmlshapes import xfrm_xml
from deckgen.backends.pptx.xmltext import hyperlink_xml
from deckgen.geometry import Box
from deckgen.images import is_remote, read_picture
from deckgen.raster import picture_png, svg_png

PPTX_RASTERS = frozenset({"PNG", "JPEG", "GIF", "BMP", "TIFF", "WMF"})
SVG_BLIP_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
SVG_PIXELS_PER_PX = 2  # the PNG beside an SVG is rendered at twice its drawn size
SlideParts = Callable[[str], Part | None]


@dataclass
class PictureParts:
    """Adds picture parts to a package once each, and relates them from slides."""

    slide_parts: SlideParts
    _svgs: dict[str, Part] = field(default_factory=dict)

    def relate_image(self, slide: SlidePart, data: bytes) -> str:
        """Return the rId of an image part holding ``data`` (added once per package)."""
        _, rId = slide.get_or_add_image_part(io.BytesIO(data))
        return str(rId)

    def relate_file(self, slide: SlidePart, path: str) -> str:
        """Return the rId of an image part holding the file at ``path``."""
        _, rId = slide.get_or_add_image_part(path)
        return str(rId)

    def relate_svg(self, slide: SlidePart, data: bytes) -> str:
        """Return the rId of an SVG image part holding ``data`` (added once per package)."""
        key = hashlib.sha1(data).hexdigest()
        part = self._svgs.get(key)
        if part is None:
            package = slide.package
            partname = package.next_image_partname("svg")
            part = self._svgs[key] = Part(partname, "image/svg+xml", package, data)
        return str(slide.relate_to(part, RT.IMAGE))

    def link_xml(self, slide: SlidePart, link: str | None) -> str:
        """Return the ``a:hlinkClick`` of a link around a picture ("" for none)."""
        if not link:
            return ""
        target = internal_target(link)
        if target is None:
            return hyperlink_xml(slide.relate_to(link, RT.HYPERLINK, is_external=True))
        part = self.slide_parts(target)
        if part is None:
            return ""
        return hyperlink_xml(slide.relate_to(part, RT.SLIDE), slide_jump=True)

    def blip_xml(self, slide: SlidePart, src: str, box: Box) -> str | None:
        """Return the ``a:blip`` showing the picture file ``src`` drawn in ``box``, or None
        when a .pptx cannot hold it."""
        if is_remote(src):
            return None
        picture = read_picture(src)
        if picture is None:
            return None
        if picture.format == "SVG":
            png = svg_png(src, round(box.w.px * SVG_PIXELS_PER_PX))
            if png is None:
                return None
            with open(src, "rb") as file:
                svg = self.relate_svg(slide, file.read())
            ext = (
                f'<a:extLst><a:ext uri="{SVG_BLIP_EXT}">'
                f'<asvg:svgBlip xmlns:asvg="{SVG_NS}" r:embed="{svg}"/></a:ext></a:extLst>'
            )
            return f'<a:blip r:embed="{self.relate_image(slide, png)}">{ext}</a:blip>'
        if picture.format in PPTX_RASTERS:
            return f'<a:blip r:embed="{self.relate_file(slide, src)}"/>'
        converted = picture_png(src)
        if converted is None:
            return None
        return f'<a:blip r:embed="{self.relate_image(slide, converted)}"/>'


def pic_xml(
    shape_id: int, name: str, descr: str, box: Box, blip: str, link: str = "", nvpr: str = ""
) -> str:
    """Return a ``p:pic`` drawing ``blip`` stretched over ``box``, its proportions locked.

    ``link`` is an ``a:hlinkClick``; ``nvpr`` what ``p:nvPr`` holds (a video's file).
    """
    described = f" descr={quoteattr(descr)}" if descr else ""
    names = (
        f'<p:nvPicPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}{described}>{link}</p:cNvPr>'
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr>'
        f"<p:nvPr>{nvpr}</p:nvPr></p:nvPicPr>"
    )
    fill = f"<p:blipFill>{blip}<a:stretch><a:fillRect/></a:stretch></p:blipFill>"
    geometry = f'<p:spPr>{xfrm_xml(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr>'
    return f"<p:pic>{names}{fill}{geometry}</p:pic>"

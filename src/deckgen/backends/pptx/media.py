"""Videos and sounds as PowerPoint inserts them: a picture (the poster frame) that plays a media
part, and the slide's timing node that gives it its play controls.

The ``p:pic`` links the file twice, as PowerPoint does: ``a:videoFile``/``a:audioFile`` (the
2006 schema) and ``p14:media`` (PowerPoint 2010+); both relationships point at one embedded media
part. The poster frame is the ``poster`` the Markdown names, else one drawn here (a play mark or
a speaker on a dark ground): PowerPoint shows it until the media plays.
"""

from __future__ import annotations

from pathlib import Path

from pptx.media import Video
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.slide import SlidePart

from deckgen.backends.pptx.pictures import PictureParts, pic_xml
from deckgen.images import media_type
from deckgen.layout.pieces import ImagePiece
from deckgen.model import Media
from deckgen.raster import poster_png

MEDIA_EXT = "{DAA4B4D4-6D71-4841-9C94-3DE7FCFB9230}"
P14_NS = "http://schemas.microsoft.com/office/powerpoint/2010/main"
VOLUME = 80000  # PowerPoint's default: 80 %
MEDIA_ACTION = '<a:hlinkClick r:id="" action="ppaction://media"/>'


def media_pic_xml(
    shape_id: int, name: str, piece: ImagePiece, parts: PictureParts, slide: SlidePart
) -> str:
    """Return the ``p:pic`` of a video or a sound, its media and poster related from ``slide``."""
    image = piece.image
    video = image.media is Media.VIDEO
    with open(image.src, "rb") as file:
        blob = file.read()
    media = Video.from_blob(blob, media_type(image.src), Path(image.src).name)
    part = slide.package.get_or_add_media_part(media)
    media_rId = slide.relate_to(part, RT.MEDIA)
    link_rId = slide.relate_to(part, RT.VIDEO if video else RT.AUDIO)
    poster = parts.blip_xml(slide, image.poster, piece.box) if image.poster else None
    if poster is None:
        size = (round(piece.box.w.px), round(piece.box.h.px))
        poster = f'<a:blip r:embed="{parts.relate_image(slide, poster_png(not video, size))}"/>'
    tag = "videoFile" if video else "audioFile"
    nvpr = (
        f'<a:{tag} r:link="{link_rId}"/>'
        f'<p:extLst><p:ext uri="{MEDIA_EXT}">'
        f'<p14:media xmlns:p14="{P14_NS}" r:embed="{media_rId}"/></p:ext></p:extLst>'
    )
    return pic_xml(shape_id, name, image.alt, piece.box, poster, MEDIA_ACTION, nvpr)



"""Build the package in linear time: part names from counters, slides appended in O(1) each.

python-pptx finds a name for each new part by walking every part in the package
(``next_partname``, ``next_image_partname``, the image look-up), relates each new slide to the
presentation after scanning all of its relationships, and picks each slide id after reading all
of them: n slides with notes cost O(n^2). ``LinearPackage`` keeps counters and an image index
instead; ``SlideAppender`` adds slides and notes pages without the scans. python-pptx itself is
unchanged: the subclass and the appender use its part classes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.package import Package
from pptx.parts.image import Image, ImagePart
from pptx.parts.slide import NotesMasterPart, NotesSlidePart, SlidePart
from pptx.presentation import Presentation
from pptx.slide import NotesMaster, NotesSlide, Slide, SlideLayout

SLIDE_PARTNAME = "/ppt/slides/slide%d.xml"
NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
IMAGE_PREFIX = "/ppt/media/image"
MIN_SLIDE_ID = 256
PRESENTATION_TYPES = (CT.PML_PRESENTATION_MAIN, CT.PML_PRES_MACRO_MAIN)


class LinearPackage(Package):
    """A python-pptx package that names new parts from counters and finds images by hash."""

    def __init__(self, pkg_file: str | IO[bytes]) -> None:
        super().__init__(pkg_file)
        self._counters: dict[str, Iterator[int]] = {}
        self._images: dict[str, ImagePart] | None = None

    def _counter(self, prefix: str, pattern: str) -> Iterator[int]:
        """Return the counter for names starting ``prefix``, starting after the highest in use."""
        if prefix not in self._counters:
            found = (re.fullmatch(pattern, str(part.partname)) for part in self.iter_parts())
            highest = max((int(match.group(1)) for match in found if match), default=0)
            self._counters[prefix] = itertools.count(highest + 1)
        return self._counters[prefix]

    def next_partname(self, tmpl: str) -> PackURI:
        """Return the next free partname for ``tmpl`` (a ``%d`` template), in constant time."""
        head, tail = tmpl.split("%d")
        pattern = re.escape(head) + r"(\d+)" + re.escape(tail)
        return PackURI(tmpl % next(self._counter(tmpl, pattern)))

    def next_image_partname(self, ext: str) -> PackURI:
        """Return the next free image partname with extension ``ext``, in constant time."""
        number = next(self._counter(IMAGE_PREFIX, re.escape(IMAGE_PREFIX) + r"(\d+)\.\w+"))
        return PackURI(f"{IMAGE_PREFIX}{number}.{ext}")

    def get_or_add_image_part(self, image_file: str | IO[bytes]) -> ImagePart:
        """Return the image part holding ``image_file``'s picture, adding it when new."""
        if self._images is None:
            self._images = {
                part.sha1: part for part in self.iter_parts() if isinstance(part, ImagePart)
            }
        image = Image.from_file(image_file)
        part = self._images.get(image.sha1)
        if part is None:
            part = self._images[image.sha1] = ImagePart.new(self, image)
        return part


def open_presentation(source: str | Path | IO[bytes]) -> Presentation:
    """Return the presentation in ``source`` opened on a ``LinearPackage``.

    Raises ValueError when ``source`` is a package but not a presentation.
    """
    part = LinearPackage.open(
        str(source) if isinstance(source, Path) else source
    ).main_document_part
    if part.content_type not in PRESENTATION_TYPES:
        raise ValueError(f"not a PowerPoint presentation (content type {part.content_type})")
    return part.presentation


class SlideAppender:
    """Appends slides and notes pages to a presentation in constant time each."""

    def __init__(self, prs: Presentation) -> None:
        self._part = prs.part
        self._package = prs.part.package
        self._slide_list = prs.element.get_or_add_sldIdLst()
        used = [int(value) for value in self._slide_list.xpath("./p:sldId/@id")]
        self._next_ids = itertools.count(max([MIN_SLIDE_ID - 1, *used]) + 1)
        self._notes_master: NotesMasterPart | None = None
        self.slide_ids: list[int] = []

    def add(self, layout: SlideLayout) -> Slide:
        """Return a new, empty slide on ``layout`` at the end of the deck."""
        partname = self._package.next_partname(SLIDE_PARTNAME)
        part = SlidePart.new(partname, self._package, layout.part)
        # python-pptx's relate_to() first scans every relationship of the presentation for a
        # match; a new part can have none, so the relationship is added directly.
        rId = self._part.rels._add_relationship(RT.SLIDE, part)
        slide_id = next(self._next_ids)
        self._slide_list.append(
            parse_xml(f'<p:sldId {nsdecls("p", "r")} id="{slide_id}" r:id="{rId}"/>')
        )
        self.slide_ids.append(slide_id)
        return part.slide

    @property
    def notes_master(self) -> NotesMaster:
        """Return the notes master (python-pptx makes a default one if the file has none)."""
        if self._notes_master is None:
            self._notes_master = self._part.notes_master_part
        return self._notes_master.notes_master

    def add_notes(self, slide: Slide, notes: BaseOxmlElement) -> NotesSlide:
        """Return ``notes`` (a ``p:notes`` element) made the notes page of ``slide``."""
        master = self.notes_master
        partname = self._package.next_partname(NOTES_PARTNAME)
        part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self._package, notes)
        part.relate_to(master.part, RT.NOTES_MASTER)
        part.relate_to(slide.part, RT.SLIDE)
        slide.part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide


def remove_slides(prs: Presentation) -> None:
    """Remove every slide a template came with (its parts drop out of the package)."""
    slide_list = prs.element.get_or_add_sldIdLst()
    for entry in list(slide_list):
        rId = entry.rId
        slide_list.remove(entry)
        prs.part.drop_rel(rId)

"""Speaker notes -> the notes page, each block as its kind's notes view says (``kinds``).

Notes keep the notes master's size and colour (a notes page is printed or read beside the slide);
only emphasis, inline code, links and list structure are written.
"""

from __future__ import annotations

from collections.abc import Sequence

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.slide import NotesMaster, NotesSlide

from deckgen.backends.pptx.text import TextWriter
from deckgen.backends.pptx.xmlshapes import ShapeTree, placeholder_element
from deckgen.backends.pptx.xmltext import EMU_PER_CENTIPOINT
from deckgen.kinds import notes_of
from deckgen.model import Block
from deckgen.units import Emu, pt

DEFAULT_NOTES_SIZE = pt(12)  # what PowerPoint uses when the notes master says nothing


def notes_text_size(master: NotesMaster) -> Emu:
    """Return the body text size the notes master sets (level 1), in EMU."""
    style = master.element.find(qn("p:notesStyle"))
    found = style.find(f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}") if style is not None else None
    size = found.get("sz") if found is not None else None
    return Emu(int(size) * EMU_PER_CENTIPOINT) if size else DEFAULT_NOTES_SIZE


class NotesPages:
    """Writes notes pages that inherit from one notes master: its slide image and text body."""

    def __init__(self, master: NotesMaster) -> None:
        found = {s.placeholder_format.type: s.element for s in master.shapes if s.is_placeholder}
        self.image = (
            placeholder_element(found[PP_PLACEHOLDER.SLIDE_IMAGE])
            if PP_PLACEHOLDER.SLIDE_IMAGE in found
            else None
        )
        self.body = (
            placeholder_element(found[PP_PLACEHOLDER.BODY])
            if PP_PLACEHOLDER.BODY in found
            else '<p:ph type="body" idx="1"/>'
        )
        self.size = notes_text_size(master)

    def skeleton(self) -> BaseOxmlElement:
        """Return an empty ``p:notes`` element: a notes page before ``fill`` writes on it."""
        group = (
            '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
            '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/>'
            '<a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
        )
        return parse_xml(
            f"<p:notes {nsdecls('p', 'a', 'r')}><p:cSld><p:spTree>{group}</p:spTree></p:cSld>"
            "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
        )

    def fill(self, notes: NotesSlide, blocks: Sequence[Block], writer: TextWriter) -> None:
        """Put the slide's picture and ``blocks`` as text on a notes page from ``skeleton``."""
        tree = ShapeTree(notes.shapes.element)
        if self.image is not None:
            locks = '<p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>'
            tree.add(
                f'<p:sp><p:nvSpPr><p:cNvPr id="{tree.next_id()}" name="Slide Image"/>{locks}'
                f"<p:nvPr>{self.image}</p:nvPr></p:nvSpPr><p:spPr/></p:sp>"
            )
        paragraphs = "".join(writer.xml(list(notes_of(blocks, self.size)))) or "<a:p/>"
        locks = '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        tree.add(
            f'<p:sp><p:nvSpPr><p:cNvPr id="{tree.next_id()}" name="Notes"/>{locks}'
            f"<p:nvPr>{self.body}</p:nvPr></p:nvSpPr><p:spPr/>"
            f"<p:txBody><a:bodyPr/><a:lstStyle/>{paragraphs}</p:txBody></p:sp>"
        )
        tree.flush()

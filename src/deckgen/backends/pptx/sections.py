"""PowerPoint sections: one per section divider (and one for the slides before the first).

The slide sorter then groups the deck by its parts. Written as the ``p14:sectionLst`` extension.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.presentation import Presentation

SECTIONS_EXT = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


@dataclass(frozen=True, slots=True)
class Section:
    """A named run of slides, given by their slide ids (``p:sldId/@id``)."""

    name: str
    slide_ids: tuple[int, ...]


def group_sections(slides: Sequence[tuple[bool, str, int]], first_name: str) -> list[Section]:
    """Return sections from (starts a section, section name, slide id) per slide.

    Slides before the first divider form a section called ``first_name``.
    """
    groups: list[tuple[str, list[int]]] = []
    for starts, name, slide_id in slides:
        if starts or not groups:
            groups.append((name if starts else first_name, []))
        groups[-1][1].append(slide_id)
    return [Section(name, tuple(ids)) for name, ids in groups]


def _section_guid(deck: str, index: int, name: str) -> str:
    """Return a stable GUID for a section, so rebuilding a deck gives the same file."""
    return "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"deckgen:{deck}:{index}:{name}")).upper() + "}"


def write_sections(prs: Presentation, sections: Sequence[Section], deck: str) -> None:
    """Replace the presentation's section list with ``sections``."""
    root = prs.element
    ext_list = root.find(qn("p:extLst"))
    if ext_list is None:
        ext_list = parse_xml(f"<p:extLst {nsdecls('p')}/>")
        root.append(ext_list)
    for ext in ext_list.findall(qn("p:ext")):
        if ext.get("uri") == SECTIONS_EXT:
            ext_list.remove(ext)
    body = "".join(
        f"<p14:section name={quoteattr(section.name)}"
        f' id="{_section_guid(deck, index, section.name)}">'
        "<p14:sldIdLst>"
        + "".join(f'<p14:sldId id="{i}"/>' for i in section.slide_ids)
        + "</p14:sldIdLst>"
        "</p14:section>"
        for index, section in enumerate(sections)
    )
    ext_list.insert(
        0,
        parse_xml(
            f'<p:ext {nsdecls("p")} uri="{SECTIONS_EXT}">'
            f'<p14:sectionLst xmlns:p14="{P14}">{body}</p14:sectionLst></p:ext>'
        ),
    )

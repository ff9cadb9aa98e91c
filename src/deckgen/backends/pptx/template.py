"""Open the file the slides are built on: a teacher's template, or the default in the theme.

Layouts are found by name (never by position), so a template with renamed-in-order or extra
layouts works; one lacking a layout the deck needs stops the build with one line naming what is
missing. A template's own slides are dropped; its masters, layouts, theme and page size are kept.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import pptx
from pptx.exc import PackageNotFoundError
from pptx.presentation import Presentation
from pptx.slide import SlideLayout

from deckgen.backends.pptx.look import Look, look_from_template, look_from_theme
from deckgen.backends.pptx.office_theme import dress_default, read_template_theme
from deckgen.backends.pptx.package import open_presentation, remove_slides
from deckgen.diagnostics import DeckError
from deckgen.layout.pieces import MasterLayout
from deckgen.read import display_path
from deckgen.themes import Theme
from deckgen.units import Emu

DEFAULT_TEMPLATE = Path(pptx.__file__).parent / "templates" / "default.pptx"

LAYOUT_NAMES: Mapping[MasterLayout, str] = MappingProxyType(
    {
        MasterLayout.TITLE: "Title Slide",
        MasterLayout.SECTION: "Section Header",
        MasterLayout.CONTENT: "Title and Content",
        MasterLayout.TITLE_ONLY: "Title Only",
        MasterLayout.BLANK: "Blank",
    }
)


@dataclass(frozen=True, slots=True)
class Template:
    """The presentation to build on, the look, the page size, and what to call it in errors."""

    prs: Presentation
    look: Look
    page_width: int
    page_height: int
    origin: str


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_layouts(
    prs: Presentation, roles: Iterable[MasterLayout], origin: str
) -> dict[MasterLayout, SlideLayout]:
    """Return the layout for each of ``roles``, by name; raise DeckError listing any missing."""
    by_name: dict[str, SlideLayout] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            by_name.setdefault(_key(layout.name), layout)
    wanted = sorted(set(roles), key=list(LAYOUT_NAMES).index)
    missing = [LAYOUT_NAMES[role] for role in wanted if _key(LAYOUT_NAMES[role]) not in by_name]
    if missing:
        names = ", ".join(f"'{name}'" for name in missing)
        raise DeckError(
            origin, f"template has no slide layout named {names} (deckgen finds layouts by name)"
        )
    return {role: by_name[_key(LAYOUT_NAMES[role])] for role in wanted}


@dataclass(frozen=True, slots=True)
class TemplateFacts:
    """What a template imposes on the layout stage: its page, and the typefaces its theme names
    for headings and body text (None: not named)."""

    page: tuple[Emu, Emu]
    fonts: Mapping[str, str]
    origin: str


def template_facts(path: Path) -> TemplateFacts:
    """Return the page size and theme fonts of the template at ``path``."""
    prs = _open_template(path)
    named = read_template_theme(prs)
    fonts = {
        role: name
        for role, name in (("heading", named.heading_font), ("body", named.body_font))
        if name
    }
    page = Emu(int(prs.slide_width or 0)), Emu(int(prs.slide_height or 0))
    return TemplateFacts(page, MappingProxyType(fonts), display_path(path))


def _open_template(path: Path) -> Presentation:
    origin = display_path(path)
    if not path.is_file():
        raise DeckError(origin, "template file not found")
    try:
        return open_presentation(path)
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as exc:
        reason = str(exc) if isinstance(exc, ValueError) else "not a .pptx file"
        raise DeckError(origin, f"cannot use as a template: {reason}") from None


def open_template(path: Path | None, theme: Theme) -> Template:
    """Return the presentation to build on: ``path``, or the default dressed in ``theme``."""
    if path is None:
        prs = open_presentation(DEFAULT_TEMPLATE)
        dress_default(prs, theme)
        look = look_from_theme(theme)
        origin = "default template"
    else:
        prs = _open_template(path)
        remove_slides(prs)
        look = look_from_template(theme, read_template_theme(prs))
        origin = display_path(path)
    page_width, page_height = (
        prs.slide_width or theme.page_width,
        prs.slide_height or theme.page_height,
    )
    return Template(prs, look, int(page_width), int(page_height), origin)

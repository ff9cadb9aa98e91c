"""The look of the .pptx: which colour and typeface each role of the theme is written as.

Without a template every colour and font comes from deckgen's theme tokens, written explicitly
(the same as the HTML deck). With a teacher's template, text colours refer to the template's
colour scheme and headings/body use its theme fonts, so the deck follows the institution's
design; code keeps deckgen's code colours, which are made for its own code background.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from pptx.dml.color import ColorFormat, RGBColor
from pptx.enum.dml import MSO_THEME_COLOR

from deckgen.themes import Theme


@dataclass(frozen=True, slots=True)
class Colour:
    """A colour: an ``#rrggbb`` value, or a slot of the template's colour scheme."""

    rgb: str | None = None
    scheme: MSO_THEME_COLOR | None = None

    def apply(self, target: ColorFormat) -> None:
        """Set ``target`` (a python-pptx colour) to this colour."""
        if self.scheme is not None:
            target.theme_color = self.scheme
        elif self.rgb is not None:
            target.rgb = RGBColor.from_string(self.rgb.lstrip("#"))


@dataclass(frozen=True, slots=True)
class TemplateTheme:
    """What a template's theme part says: its heading and body typefaces (None: not given)."""

    heading_font: str | None
    body_font: str | None


# deckgen colour role -> slot of a template's colour scheme (roles not listed keep deckgen's colour)
SCHEME_SLOTS: Mapping[str, MSO_THEME_COLOR] = MappingProxyType(
    {
        "text": MSO_THEME_COLOR.TEXT_1,
        "title": MSO_THEME_COLOR.TEXT_1,
        "subtitle": MSO_THEME_COLOR.TEXT_2,
        "accent": MSO_THEME_COLOR.ACCENT_1,
        "takeaway": MSO_THEME_COLOR.ACCENT_1,
        "link": MSO_THEME_COLOR.HYPERLINK,
        "surface": MSO_THEME_COLOR.BACKGROUND_2,
        "section_text": MSO_THEME_COLOR.TEXT_1,
        "section_subtitle": MSO_THEME_COLOR.ACCENT_1,
    }
)


@dataclass(frozen=True, slots=True)
class Look:
    """Resolved colours and typefaces for one build.

    ``typefaces`` are the names written into the file (the layout stage measured them);
    ``paint_backgrounds`` is False when the template's own backgrounds should show.
    """

    colours: Mapping[str, Colour]
    typefaces: Mapping[str, str]
    paint_backgrounds: bool

    def colour(self, role: str) -> Colour:
        """Return the colour for ``role`` (a key of the theme's ``[colors]``)."""
        return self.colours.get(role) or self.colours["text"]

    def typeface(self, role: str) -> str:
        """Return the typeface named for the font role ``role``."""
        return self.typefaces.get(role) or self.typefaces["body"]


def look_from_theme(theme: Theme) -> Look:
    """Return the look written from deckgen's theme tokens alone."""
    return Look(
        colours=MappingProxyType({role: Colour(rgb=value) for role, value in theme.colors.items()}),
        typefaces=MappingProxyType({role: font.office for role, font in theme.fonts.items()}),
        paint_backgrounds=True,
    )


def look_from_template(theme: Theme, template: TemplateTheme) -> Look:
    """Return the look of a deck built on a template: its scheme colours and theme fonts."""
    colours = {role: Colour(rgb=value) for role, value in theme.colors.items()}
    colours.update({role: Colour(scheme=slot) for role, slot in SCHEME_SLOTS.items()})
    typefaces = {role: font.office for role, font in theme.fonts.items()}
    for role, name in (("heading", template.heading_font), ("body", template.body_font)):
        if name:
            typefaces[role] = name
    return Look(
        colours=MappingProxyType(colours),
        typefaces=MappingProxyType(typefaces),
        paint_backgrounds=False,
    )

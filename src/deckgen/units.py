"""Lengths as int subclasses of English Metric Units, as python-pptx does.

Every size in deckgen is an ``Emu``; the helpers below make one from the unit a theme author
writes, and the properties convert back for each backend (points for .pptx fonts, CSS pixels for
HTML at the 96 dpi reveal.js assumes).
"""

from __future__ import annotations

EMU_PER_INCH = 914_400
EMU_PER_PT = 12_700
EMU_PER_PX = 9_525


class Emu(int):
    """A length in English Metric Units (914,400 per inch)."""

    @property
    def pt(self) -> float:
        """Return the length in typographic points."""
        return self / EMU_PER_PT

    @property
    def px(self) -> float:
        """Return the length in CSS pixels (96 per inch)."""
        return self / EMU_PER_PX

    @property
    def inches(self) -> float:
        """Return the length in inches."""
        return self / EMU_PER_INCH


def pt(value: float) -> Emu:
    """Return ``value`` points as an Emu."""
    return Emu(round(value * EMU_PER_PT))


def px(value: float) -> Emu:
    """Return ``value`` CSS pixels as an Emu."""
    return Emu(round(value * EMU_PER_PX))


def inches(value: float) -> Emu:
    """Return ``value`` inches as an Emu."""
    return Emu(round(value * EMU_PER_INCH))


def parse_length(text: str | float | int) -> Emu:
    """Return a length written as ``"24pt"``, ``"1280px"``, ``"13.333in"`` or a number of points.

    Raises ValueError for anything else.
    """
    if isinstance(text, int | float):
        return pt(text)
    raw = text.strip().lower()
    for suffix, convert in (("pt", pt), ("px", px), ("in", inches)):
        if raw.endswith(suffix):
            return convert(float(raw[: -len(suffix)]))
    return pt(float(raw))

"""Formulas measured for layout: the width inline math takes in a line, the pitch a line with tall
inline math needs, and the height of a display equation, in EMU.

``tex.box`` measures with the math font the HTML deck embeds and errs on the large side (checked
against Chromium). PowerPoint draws the same formulas in Cambria Math, whose metrics are not on
this machine: ``OFFICE_MARGIN`` more in each direction keeps the plan on the safe side there too.
"""

from __future__ import annotations

from functools import lru_cache

from deckgen.model import Inline, Run
from deckgen.units import EMU_PER_PT, Emu

OFFICE_MARGIN = 1.1
# Where a line's strut reaches above and below the baseline, beyond half the line pitch, in em
# of the text (the body fonts' ascent and descent): the low end above, the high end below, so a
# formula is taken to reach past the strut as soon as it might.
STRUT_ABOVE, STRUT_BELOW = 0.25, 0.4


def _mathml(run: Run) -> str | None:
    return getattr(run.math, "mathml", None)


@lru_cache(maxsize=4096)
def _measured(mathml: str, size: int, display: bool) -> tuple[Emu, Emu, Emu]:
    from deckgen.tex.box import measure

    box = measure(mathml, size / EMU_PER_PT, display)
    return tuple(  # type: ignore[return-value]
        Emu(round(length * OFFICE_MARGIN * EMU_PER_PT))
        for length in (box.width, box.height, box.depth)
    )


def formula_extent(run: Run, size: int) -> tuple[Emu, Emu, Emu] | None:
    """Return (width, height above the baseline, depth below) of a typeset formula run set at
    ``size``, or None for any other run."""
    mathml = _mathml(run)
    if mathml is None or run.math is None:
        return None
    return _measured(mathml, int(size), run.math.display)


def formula_width(run: Run, size: int) -> Emu | None:
    """Return the width a typeset formula run takes at ``size`` (None: not a formula)."""
    extent = formula_extent(run, size)
    return None if extent is None else extent[0]


def pitch_with_math(runs: Inline, size: int, line: int) -> Emu:
    """Return the line pitch for ``runs`` at ``size``: ``line``, or more where inline math
    reaches past a line's strut (the .pptx sets every line of the paragraph at that pitch;
    a browser grows only that line, so the plan holds in both)."""
    pitch = line
    for run in runs:
        extent = formula_extent(run, size)
        if extent is None:
            continue
        _, height, depth = extent
        top = max(line / 2 + STRUT_ABOVE * size, height)
        bottom = max(line / 2 - STRUT_BELOW * size, depth)
        pitch = max(pitch, round(top + bottom))
    return Emu(pitch)

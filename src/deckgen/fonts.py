"""Font metrics from font files (the only fontTools import).

The layout stage measures text with the advance widths of the font files the HTML deck embeds,
so what it wraps and fits is what the browser shows; the .pptx names metric-compatible fonts
(Carlito ~ Calibri, Caladea ~ Cambria, Cousine ~ Courier New), so PowerPoint and LibreOffice wrap
the same way. A .pptx template's own fonts are found on the machine (fontconfig's ``fc-match``)
and measured too.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from deckgen.npm import font_file, node_package

FALLBACK_EM = 0.62  # width of a glyph the font lacks (the browser borrows it from another font)
FC_MATCH_TIMEOUT = 10  # seconds


@dataclass(frozen=True, slots=True, eq=False)
class FontMetrics:
    """Advance widths of one font face, in font units (``units_per_em`` to the em).

    Compared and hashed by identity: ``load_metrics`` returns one object per face.
    """

    units_per_em: int
    advances: Mapping[int, int]

    def width(self, text: str, size: float) -> float:
        """Return the advance width of ``text`` set at ``size`` points, in points."""
        advances = self.advances
        units: float
        if isinstance(advances, Advances):  # it finds each missing width itself
            units = sum(map(advances.__getitem__, map(ord, text)))
        else:
            fallback = FALLBACK_EM * self.units_per_em
            units = sum(advances.get(ord(char), fallback) for char in text)
        return units * size / self.units_per_em


class Advances(dict[int, int]):
    """Advance widths by code point; one not there yet is asked of ``find`` once, then kept."""

    __slots__ = ("find",)

    def __init__(self, known: Mapping[int, int], find: Callable[[int], int]) -> None:
        super().__init__(known)
        self.find = find

    def __missing__(self, code: int) -> int:
        value = self[code] = self.find(code)
        return value


def _read(path: Path, index: int = 0) -> FontMetrics:
    font = TTFont(str(path), lazy=True, fontNumber=index)
    cmap = font.getBestCmap() or {}
    hmtx = font["hmtx"]
    advances = {code: hmtx[glyph][0] for code, glyph in cmap.items()}
    units_per_em = int(font["head"].unitsPerEm)
    font.close()
    return FontMetrics(units_per_em, advances)


@lru_cache(maxsize=32)
def load_metrics(package: str, weight: str = "400", style: str = "normal") -> FontMetrics:
    """Return the metrics of a fontsource face (falls back to the regular face if it is missing)."""
    path = font_file(package, weight, style, "woff")
    if not path.is_file():
        path = font_file(package, "400", "normal", "woff")
    return _read(path)


@lru_cache(maxsize=32)
def load_file_metrics(path: Path, index: int = 0) -> FontMetrics:
    """Return the metrics of the font file at ``path`` (TrueType, OpenType, or face ``index``
    of a collection)."""
    return _read(path, index)


@lru_cache(maxsize=64)
def load_subset_metrics(package: str, subset: str, weight: str, style: str) -> FontMetrics | None:
    """Return the metrics of one unicode-range subset file of a fontsource face (None: the
    family has no such file; the regular face stands in for a missing bold or italic)."""
    for face in ((weight, style), ("400", "normal")):
        for suffix in ("woff", "woff2"):  # an installed deckgen carries woff2 only
            path = font_file(package, *face, suffix, subset)
            if path.is_file():
                return _read(path)
    return None


@lru_cache(maxsize=16)
def _subset_ranges(package: str) -> tuple[list[int], list[tuple[int, int, str]]]:
    """Return a fontsource package's subsets as sorted (first, last, subset) code point ranges,
    with their starts, from its ``unicode.json`` (none when it has no such file)."""
    path = node_package(package) / "unicode.json"
    if not path.is_file():
        return [], []
    ranges = []
    for subset, spec in json.loads(path.read_text(encoding="utf-8")).items():
        for part in str(spec).split(","):
            first, _, last = part.strip().removeprefix("U+").partition("-")
            if first.strip("0123456789abcdefABCDEF"):
                continue  # a wildcard range (U+4??): none of fontsource's latin-script fonts
            ranges.append((int(first, 16), int(last or first, 16), str(subset)))
    ranges.sort()
    return [first for first, _, _ in ranges], ranges


def subsets_of(package: str, code: int) -> list[str]:
    """Return the fontsource subsets of ``package`` whose unicode range holds ``code``."""
    starts, ranges = _subset_ranges(package)
    found = []
    for first, last, subset in ranges[: bisect_right(starts, code)]:
        if first <= code <= last:
            found.append(subset)
    return found


def subset_ranges(package: str, subset: str) -> str:
    """Return the CSS ``unicode-range`` of one subset of a fontsource package."""
    _, ranges = _subset_ranges(package)
    return ",".join(
        f"U+{first:X}" if first == last else f"U+{first:X}-{last:X}"
        for first, last, name in ranges
        if name == subset
    )


@lru_cache(maxsize=64)
def widest(first: FontMetrics, second: FontMetrics) -> FontMetrics:
    """Return metrics where every character is as wide as in the wider of the two fonts."""
    scale = first.units_per_em / second.units_per_em
    fallback_first = round(FALLBACK_EM * first.units_per_em)
    advances = dict(first.advances)
    for code, advance in second.advances.items():
        advances[code] = max(advances.get(code, fallback_first), round(advance * scale))
    return FontMetrics(first.units_per_em, advances)


@dataclass(frozen=True, slots=True)
class SystemFont:
    """A font file installed on this machine, and the family fontconfig says it is."""

    path: Path
    family: str
    index: int = 0  # the face's number in a font collection (.ttc)


@lru_cache(maxsize=64)
def find_system_font(family: str, bold: bool = False, italic: bool = False) -> SystemFont | None:
    """Return the installed font fontconfig draws ``family`` with, or None without fontconfig.

    fontconfig substitutes a metric-compatible font for a missing one where it knows one
    (Arial -> Liberation Sans), else its default font: compare ``family`` to tell.
    """
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = f"{family}:weight={200 if bold else 80}:slant={100 if italic else 0}"
    try:
        found = subprocess.run(
            [fc_match, "--format=%{file}\n%{family[0]}\n%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=FC_MATCH_TIMEOUT,
            check=True,
        ).stdout.split("\n")
    except (OSError, subprocess.SubprocessError):
        return None
    if len(found) < 2 or not Path(found[0]).is_file():
        return None
    index = found[2].strip() if len(found) > 2 else "0"
    return SystemFont(Path(found[0]), found[1].strip(), int(index) if index.isdigit() else 0)


# OpenType features a subset drops: vertical writing and alternate widths are never set, and
# a Chinese or Japanese font's language forms (locl) would pull in every region's glyphs.
UNSET_FEATURES = frozenset(
    {"vert", "vrt2", "vkrn", "vpal", "vhal", "valt", "palt", "halt", "chws", "vchw"}
)


@dataclass(frozen=True, slots=True)
class FontData:
    """A font file's bytes and its CSS ``format()`` name (woff2, or woff without brotli)."""

    data: bytes
    format: str


@lru_cache(maxsize=32)
def subset_font(path: Path, index: int, characters: str, regional: bool = True) -> FontData:
    """Return the face ``index`` of the font file at ``path`` with only the glyphs that set
    ``characters`` (with their ligatures and marks), compressed as a web font.

    ``regional`` False drops the language forms (locl) a Chinese or Japanese font holds for
    every other region.
    """
    import io

    from fontTools import subset

    font = TTFont(str(path), fontNumber=index, lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    options = subset.Options()
    dropped = UNSET_FEATURES if regional else UNSET_FEATURES | {"locl"}
    options.layout_features = [f for f in options.layout_features if f not in dropped]
    options.name_IDs = ["*"]  # the licence and names travel with the glyphs
    options.notdef_outline = True
    options.hinting = False
    options.flavor = "woff2" if importlib.util.find_spec("brotli") else "woff"  # woff2 needs it
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(char) for char in characters}))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = options.flavor
    font.save(buffer)
    font.close()
    return FontData(buffer.getvalue(), options.flavor)

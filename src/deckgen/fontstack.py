"""Which font draws each character: a role's own font, then the theme's fallback font for the
character's script. The one rule the layout stage measures by, the HTML deck embeds and lists
fonts by, and the .pptx names typefaces by, so all three agree.

A role's own font is a fontsource package: its latin subset, then any other unicode-range subset
(greek, cyrillic…) that holds the character. A fallback font is found installed on the machine
(fontconfig). A character neither has is measured by an estimate (about 1 em for Chinese and
Japanese, ``FALLBACK_EM`` otherwise) and left to the reader's own fonts; a fallback font that
is not installed is reported (``FontStack.missing``).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from deckgen.fonts import (
    FALLBACK_EM,
    Advances,
    FontMetrics,
    find_system_font,
    load_file_metrics,
    load_metrics,
    load_subset_metrics,
    subsets_of,
    widest,
)
from deckgen.language import subtags
from deckgen.scripts import COMMON, EM_WIDE, LANGUAGE_SCRIPTS, script_of
from deckgen.themes import Font, Theme

OWN = ""  # font_of's answer for the role's own font
Chain = tuple[tuple[str, str], ...]  # (script, family) in the theme's order


@dataclass(frozen=True, slots=True)
class FontFile:
    """One installed font face: its file and, in a collection, its number."""

    path: Path
    index: int = 0


def chain_for(fonts: Mapping[str, Mapping[str, str]], lang: str) -> Chain:
    """Return the fallback family of each script for a deck in ``lang``: the table entry for
    its whole tag, then for shorter ones (``zh-hant-tw``, ``zh-hant``, ``zh``), then ``*``.

    Characters of no one script (``COMMON``: symbols, arrows) take the font of the language's
    script, if it is not Latin: a Japanese deck's ※ and ①, a Greek deck's log₂.
    """
    parts = subtags(lang)
    keys = ["-".join(parts[:count]) for count in range(len(parts), 0, -1)] + ["*"]
    chain = []
    for script, by_lang in fonts.items():
        family = next((by_lang[key] for key in keys if key in by_lang), None)
        if family:
            chain.append((script, family))
    own = LANGUAGE_SCRIPTS.get(parts[0]) if parts else None
    common = dict(chain).get(own) if own else None
    return (*chain, (COMMON, common)) if common else tuple(chain)


def chains(theme: Theme, lang: str) -> dict[str, Chain]:
    """Return each font role's fallback chain for a deck in ``lang``."""
    return {role: chain_for(theme.fallback.get(role, {}), lang) for role in theme.fonts}


@lru_cache(maxsize=64)
def installed(family: str, bold: bool, italic: bool) -> FontFile | None:
    """Return the installed face of ``family`` closest to bold/italic, or None when fontconfig
    finds no font of that family (it would stand in another)."""
    found = find_system_font(family, bold, italic)
    if found is None or found.family.casefold() != family.casefold():
        return None
    return FontFile(found.path, found.index)


class FontStack:
    """The fonts one face (bold, italic) of a font role draws with, and their widths.

    ``metrics`` measures every character in the font that draws it, in the own font's units;
    ``extra`` widens the own font's characters to another font's (a .pptx template's).
    """

    def __init__(
        self,
        font: Font,
        chain: Chain,
        bold: bool = False,
        italic: bool = False,
        extra: FontMetrics | None = None,
    ) -> None:
        self.font = font
        self.chain = dict(chain)
        self.bold, self.italic = bold, italic
        self.weight, self.style = ("700" if bold else "400"), ("italic" if italic else "normal")
        self.own = load_metrics(font.package, self.weight, self.style)
        latin = widest(self.own, extra) if extra is not None else self.own
        self.units_per_em = latin.units_per_em
        self.metrics = FontMetrics(self.units_per_em, Advances(latin.advances, self._advance))
        self._owners: dict[int, str | None] = {}
        # what the stack learnt of characters (it is shared by every build in the process):
        self._missing: dict[int, tuple[str, str]] = {}  # -> (script, family) not installed
        self._unknown: set[int] = set()  # letters of a script the theme names no font for

    def font_of(self, code: int) -> str | None:
        """Return who draws the character ``code``: ``OWN``, a fallback family, or None."""
        if code in self.own.advances:
            return OWN
        try:
            return self._owners[code]
        except KeyError:
            owner = self._owners[code] = self._find(code)
            return owner

    def missing(self, text: Iterable[str]) -> set[tuple[str, str]]:
        """Return the (script, family) fallback fonts ``text``'s characters need that are not
        installed."""
        return {self._missing[code] for code in self._codes(text) if code in self._missing}

    def unknown(self, text: Iterable[str]) -> set[str]:
        """Return the letters of ``text`` no font of the theme has (measured by an estimate)."""
        return {chr(code) for code in self._codes(text) if code in self._unknown}

    def _codes(self, text: Iterable[str]) -> set[int]:
        codes = {ord(char) for char in text}
        for code in codes:
            self.font_of(code)  # learn what the stack lacks for each
        return codes

    def _find(self, code: int) -> str | None:
        if self.subset_of(code) is not None:
            return OWN
        script = script_of(code) or COMMON
        family = self.chain.get(script)
        if family is None:
            if unicodedata.category(chr(code)).startswith("L"):
                self._unknown.add(code)  # a letter no font of the theme has (a symbol is fine)
            return None
        found = self.fallback_file(family)
        if found is None:
            if script != COMMON:  # reported under the language's own script
                self._missing[code] = (script, family)
            return None
        return family if code in load_file_metrics(found.path, found.index).advances else None

    def subset_of(self, code: int) -> str | None:
        """Return the own font's subset beyond latin that has ``code``, or None."""
        for subset in subsets_of(self.font.package, code):
            if subset == "latin":
                continue
            metrics = load_subset_metrics(self.font.package, subset, self.weight, self.style)
            if metrics is not None and code in metrics.advances:
                return subset
        return None

    def fallback_file(self, family: str) -> FontFile | None:
        """Return the installed file of a fallback ``family`` in this stack's weight, upright:
        the HTML embeds no italic of a fallback font (the browser slants the upright one)."""
        return installed(family, self.bold, False)

    def _advance(self, code: int) -> int:
        """Return the advance of ``code`` in the font drawing it, in the own font's units."""
        owner = self.font_of(code)
        metrics: FontMetrics | None = None
        if owner == OWN:
            subset = self.subset_of(code)
            if subset is not None:
                metrics = load_subset_metrics(self.font.package, subset, self.weight, self.style)
        elif owner is not None:
            found = self.fallback_file(owner)
            metrics = load_file_metrics(found.path, found.index) if found else None
        if metrics is not None and code in metrics.advances:
            return round(metrics.advances[code] * self.units_per_em / metrics.units_per_em)
        script = script_of(code)
        return round((1.0 if script in EM_WIDE else FALLBACK_EM) * self.units_per_em)


@lru_cache(maxsize=64)
def font_stack(font: Font, chain: Chain, bold: bool = False, italic: bool = False) -> FontStack:
    """Return the (shared) stack of one face of ``font`` with fallback ``chain``."""
    return FontStack(font, chain, bold, italic)


Segment = tuple[str, str | None]  # text, and the fallback family drawing it (None: the own font)
_ATTACHED = frozenset({"Mn", "Mc", "Me", "Cf"})  # marks and joiners go with the character before


class RunFonts:
    """Which font each stretch of a run's text is drawn in, for a writer that names fonts run
    by run (the .pptx): the same choice the layout stage measured and the HTML embeds."""

    def __init__(self, theme: Theme, lang: str) -> None:
        self.fonts = dict(theme.fonts)
        self.chains = chains(theme, lang)

    def segments(
        self, text: str, role: str, bold: bool = False, italic: bool = False
    ) -> list[Segment]:
        """Return ``text`` cut where the font drawing it changes."""
        if text.isascii():
            return [(text, None)]
        role = role if role in self.fonts else "body"
        stack = font_stack(self.fonts[role], self.chains.get(role, ()), bold, italic)
        segments: list[Segment] = []
        start, current = 0, None
        for index, char in enumerate(text):
            if char.isascii():
                family = None
            elif unicodedata.category(char) in _ATTACHED:
                continue
            else:
                owner = stack.font_of(ord(char))
                family = owner or None
            if family != current and index > start:
                segments.append((text[start:index], current))
                start = index
            current = family
        segments.append((text[start:], current))
        return segments

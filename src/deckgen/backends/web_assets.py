"""Files the HTML deck embeds: reveal.js and the theme's fonts (found by ``deckgen.npm``).

Each font role's own font is embedded as its latin subset file, whole, plus any other subset
file (greek, cyrillic…) of the characters the deck uses; a fallback font (``fontstack.py``) only
with the glyphs of the characters it draws, cut from the installed file. A deck in Latin script
embeds what it always did.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from deckgen.fonts import subset_font, subset_ranges
from deckgen.fontstack import OWN, FontFile, chains, font_stack, installed
from deckgen.npm import font_file, node_package
from deckgen.scripts import EM_WIDE, script_of
from deckgen.themes import Theme

REVEAL_PACKAGE = "reveal.js"
FONT_FACES = {  # font role -> (weight, style) pairs the templates use
    "heading": (("700", "normal"),),  # style.css sets every heading bold (and it is measured so)
    "body": (("400", "normal"), ("400", "italic"), ("700", "normal"), ("700", "italic")),
    "code": (("400", "normal"), ("700", "normal")),
}


@lru_cache(maxsize=16)
def read_text(path: Path) -> str:
    """Return the text of an asset file (cached: one build may render many decks)."""
    return path.read_text(encoding="utf-8")


def reveal_dist() -> Path:
    """Return reveal.js's ``dist`` folder."""
    return node_package(REVEAL_PACKAGE) / "dist"


def data_uri(path: Path, mime: str = "") -> str:
    """Return the file at ``path`` as a ``data:`` URI (of type ``mime``, "" to guess it)."""
    mime = mime or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".woff2":
        mime = "font/woff2"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


@lru_cache(maxsize=8)
def _font_face_css(family: str, package: str, roles: tuple[tuple[str, str], ...]) -> str:
    rules = []
    for weight, style in roles:
        path = font_file(package, weight, style, "woff2")
        if not path.is_file():
            continue  # the family lacks this face; the browser synthesizes it
        rules.append(
            f"@font-face{{font-family:'{family}';font-style:{style};font-weight:{weight};"
            f"font-display:block;src:url({data_uri(path)}) format('woff2');}}"
        )
    return "\n".join(rules)


@dataclass(frozen=True, slots=True)
class EmbeddedFonts:
    """The ``@font-face`` rules of a deck, and each role's fallback families they define (in
    the order CSS must list them after the role's own font)."""

    css: str
    fallbacks: Mapping[str, tuple[str, ...]]


WHOLE_SUBSET_BYTES = 32_000  # a larger subset file (latin-ext) is cut to the glyphs used


@lru_cache(maxsize=64)
def _subset_face_css(
    family: str, package: str, subset: str, weight: str, style: str, characters: str
) -> str:
    path = font_file(package, weight, style, "woff2", subset)
    if not path.is_file():
        return ""
    if path.stat().st_size > WHOLE_SUBSET_BYTES:
        font = subset_font(path, 0, characters)
        source = f"data:font/{font.format};base64,{base64.b64encode(font.data).decode('ascii')}"
        kind = font.format
    else:
        source, kind = data_uri(path), "woff2"
    return (
        f"@font-face{{font-family:'{family}';font-style:{style};font-weight:{weight};"
        f"font-display:block;src:url({source}) format('{kind}');"
        f"unicode-range:{subset_ranges(package, subset)};}}"
    )


def _fallback_face_css(family: str, found: FontFile, characters: str, weight: str) -> str:
    cjk = any(script_of(ord(char)) in EM_WIDE for char in characters)
    font = subset_font(found.path, found.index, characters, regional=not cjk)
    encoded = base64.b64encode(font.data).decode("ascii")
    return (
        f"@font-face{{font-family:'{family}';font-style:normal;font-weight:{weight};"
        f"font-display:block;src:url(data:font/{font.format};base64,{encoded}) "
        f"format('{font.format}');}}"
    )


def embedded_fonts(
    theme: Theme, characters: Mapping[str, str] | None = None, lang: str = "en"
) -> EmbeddedFonts:
    """Return the fonts to embed for a deck in ``lang`` that shows ``characters`` in each font
    role (a role not given: the body's): each role's own font, and the glyphs each fallback
    font draws of them."""
    faces: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for role, font in theme.fonts.items():
        faces.setdefault((font.family, font.package), set()).update(FONT_FACES.get(role, ()))
    rules = [
        _font_face_css(family, package, tuple(sorted(roles)))
        for (family, package), roles in faces.items()
    ]
    shown = characters or {}
    if not any(char > "\x7f" for text in shown.values() for char in text):
        return EmbeddedFonts("\n".join(rules), {})
    own_subsets: dict[tuple[str, str, str, str, str], set[str]] = {}
    glyphs: dict[tuple[str, FontFile, str], set[str]] = {}  # (family, file, weight) -> chars
    used: dict[str, dict[str, None]] = {}
    role_chains = chains(theme, lang)
    for role, font in theme.fonts.items():
        chain = role_chains.get(role, ())
        wide = sorted({char for char in shown.get(role, shown.get("body", "")) if char > "\x7f"})
        for weight, style in FONT_FACES.get(role, ()):
            stack = font_stack(font, chain, weight == "700", style == "italic")
            for char in wide:
                owner = stack.font_of(ord(char))
                if owner == OWN:
                    subset = stack.subset_of(ord(char))
                    if subset is not None:
                        key = (font.family, font.package, subset, weight, style)
                        own_subsets.setdefault(key, set()).add(char)
                elif owner is not None:
                    found = installed(owner, weight == "700", False)
                    if found is not None:
                        glyphs.setdefault((owner, found, weight), set()).add(char)
                        used.setdefault(role, {})[owner] = None
    rules += [_subset_face_css(*key, "".join(sorted(chars))) for key, chars in own_subsets.items()]
    declared: set[FontFile] = set()
    for family, found, weight in sorted(glyphs, key=lambda key: key[2]):
        if found in declared:  # the family has no bold: the browser emboldens the regular
            continue
        declared.add(found)
        everything = set().union(*(c for (f, _, _), c in glyphs.items() if f == family))
        rules.append(_fallback_face_css(family, found, "".join(sorted(everything)), weight))
    fallbacks = {
        role: tuple(
            dict.fromkeys(family for _, family in role_chains.get(role, ()) if family in families)
        )
        for role, families in used.items()
    }
    return EmbeddedFonts("\n".join(rule for rule in rules if rule), fallbacks)

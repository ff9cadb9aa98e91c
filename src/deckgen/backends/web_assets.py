"""Files the HTML deck embeds: reveal.js and the theme's fonts (found by ``deckgen.npm``)."""

from __future__ import annotations

import base64
import mimetypes
from functools import lru_cache
from pathlib import Path

from deckgen.npm import font_file, node_package
from deckgen.themes import Theme

REVEAL_PACKAGE = "reveal.js"
FONT_FACES = {  # font role -> (weight, style) pairs the templates use
    "heading": (("700", "normal"), ("400", "normal")),
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


def font_face_css(theme: Theme) -> str:
    """Return ``@font-face`` rules embedding the theme's fonts as data URIs."""
    faces: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for role, font in theme.fonts.items():
        faces.setdefault((font.family, font.package), set()).update(FONT_FACES.get(role, ()))
    return "\n".join(
        _font_face_css(family, package, tuple(sorted(roles)))
        for (family, package), roles in faces.items()
    )

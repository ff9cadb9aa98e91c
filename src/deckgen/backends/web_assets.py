"""Files the HTML deck embeds: reveal.js and the theme's fonts, installed from the npm registry.

``package.json`` pins them and ``npm ci`` installs them into ``node_modules/`` beside the checkout;
``DECKGEN_NODE_MODULES`` points elsewhere (for a deckgen installed from a wheel).
"""

from __future__ import annotations

import base64
import mimetypes
import os
from functools import lru_cache
from pathlib import Path

from deckgen.diagnostics import DeckError
from deckgen.themes import Theme

REVEAL_PACKAGE = "reveal.js"
FONT_SUBSET = "latin"
FONT_FACES = {  # font role -> (weight, style) pairs the templates use
    "heading": (("700", "normal"), ("400", "normal")),
    "body": (("400", "normal"), ("400", "italic"), ("700", "normal"), ("700", "italic")),
    "code": (("400", "normal"), ("700", "normal")),
}


def _search_roots() -> list[Path]:
    roots = []
    if os.environ.get("DECKGEN_NODE_MODULES"):
        roots.append(Path(os.environ["DECKGEN_NODE_MODULES"]))
    roots.append(Path(__file__).resolve().parents[3] / "node_modules")
    roots += [folder / "node_modules" for folder in (Path.cwd(), *Path.cwd().parents)]
    return roots


@lru_cache(maxsize=16)
def node_package(name: str) -> Path:
    """Return the folder of the installed npm package ``name``; raise DeckError when missing."""
    for root in _search_roots():
        if (root / name / "package.json").is_file():
            return root / name
    raise DeckError(
        name,
        "npm package not installed: run 'npm ci' in the deckgen checkout "
        "(or set DECKGEN_NODE_MODULES to a node_modules folder that has it)",
    )


@lru_cache(maxsize=16)
def read_text(path: Path) -> str:
    """Return the text of an asset file (cached: one build may render many decks)."""
    return path.read_text(encoding="utf-8")


def reveal_dist() -> Path:
    """Return reveal.js's ``dist`` folder."""
    return node_package(REVEAL_PACKAGE) / "dist"


def data_uri(path: Path) -> str:
    """Return the file at ``path`` as a ``data:`` URI."""
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix == ".woff2":
        mime = "font/woff2"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


@lru_cache(maxsize=8)
def _font_face_css(family: str, package: str, roles: tuple[tuple[str, str], ...]) -> str:
    folder = node_package(package) / "files"
    font_id = package.rsplit("/", 1)[-1]
    rules = []
    for weight, style in roles:
        path = folder / f"{font_id}-{FONT_SUBSET}-{weight}-{style}.woff2"
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

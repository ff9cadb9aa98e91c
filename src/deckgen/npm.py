"""Find front-end packages installed from the npm registry (reveal.js, the theme fonts).

``package.json`` pins them and ``npm ci`` installs them into ``node_modules/`` beside the checkout;
``DECKGEN_NODE_MODULES`` points elsewhere (for a deckgen installed from a wheel).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from deckgen.diagnostics import DeckError


def _search_roots() -> list[Path]:
    roots = []
    if os.environ.get("DECKGEN_NODE_MODULES"):
        roots.append(Path(os.environ["DECKGEN_NODE_MODULES"]))
    roots.append(Path(__file__).resolve().parents[2] / "node_modules")
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


def font_file(package: str, weight: str, style: str, suffix: str) -> Path:
    """Return a fontsource package's latin-subset file for one face (``suffix``: woff or woff2)."""
    font_id = package.rsplit("/", 1)[-1]
    return node_package(package) / "files" / f"{font_id}-latin-{weight}-{style}.{suffix}"

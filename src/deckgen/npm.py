"""Find front-end packages from the npm registry (reveal.js, the theme fonts).

An installed deckgen carries the files it reads in its own package (``deckgen/_npm/``, put
there by the wheel build hook, ``hatch_build.py``), so it needs neither Node.js nor npm. A
checkout uses ``node_modules/`` from ``npm ci``; ``DECKGEN_NODE_MODULES`` names another
``node_modules`` folder (for a package that is not bundled, such as a custom theme's font).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from deckgen.diagnostics import DeckError

NODE_MODULES_VARIABLE = "DECKGEN_NODE_MODULES"


def bundled_root() -> Path:
    """Return the folder of npm files an installed deckgen carries (absent in a checkout)."""
    return Path(__file__).resolve().parent / "_npm"


def _search_roots() -> list[Path]:
    """Return the folders to look in, first match wins: the installed package's own files,

    then ``DECKGEN_NODE_MODULES``, the checkout's ``node_modules/`` and any above the
    working folder.
    """
    roots = [bundled_root()]
    if os.environ.get(NODE_MODULES_VARIABLE):
        roots.append(Path(os.environ[NODE_MODULES_VARIABLE]))
    roots.append(Path(__file__).resolve().parents[2] / "node_modules")
    roots += [folder / "node_modules" for folder in (Path.cwd(), *Path.cwd().parents)]
    return roots


@lru_cache(maxsize=16)
def node_package(name: str) -> Path:
    """Return the folder of the npm package ``name``; raise DeckError when it is nowhere."""
    for root in _search_roots():
        if (root / name / "package.json").is_file():
            return root / name
    raise DeckError(
        name,
        "npm package not found: in a deckgen checkout, run 'npm ci'; otherwise install it "
        f"with npm and set {NODE_MODULES_VARIABLE} to the node_modules folder that has it",
    )


def font_file(
    package: str, weight: str, style: str, suffix: str, subset: str = "latin"
) -> Path:
    """Return a fontsource package's file of one face and unicode-range ``subset`` (latin,
    greek, cyrillic…; ``suffix``: woff or woff2)."""
    font_id = package.rsplit("/", 1)[-1]
    return node_package(package) / "files" / f"{font_id}-{subset}-{weight}-{style}.{suffix}"

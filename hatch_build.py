"""Wheel build hook: put the npm files deckgen reads at run time into the wheel.

reveal.js and the theme fonts come from the npm registry, pinned by ``package-lock.json``. The
hook runs ``npm ci`` in a scratch folder (never touching a checkout's own ``node_modules/``),
copies only the files deckgen reads (``deckgen/backends/web_assets.py``, ``deckgen/fonts.py``)
and each package's licence, and maps them to ``deckgen/_npm/`` in the wheel, where
``deckgen.npm`` looks first. An editable install skips this: it uses the checkout's
``node_modules/``. A wheel built from the sdist works the same way (the sdist carries the lock
file). Nothing fetched is ever committed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

WHEEL_FOLDER = "deckgen/_npm"
COMMON_FILES = ("package.json", "LICENSE")
REVEAL_FILES = ("dist/reveal.css", "dist/reveal.js", "dist/plugin/notes.js")
FONT_FACES = tuple(
    f"{weight}-{style}" for weight in ("400", "700") for style in ("normal", "italic")
)
FONT_FORMATS = ("woff", "woff2")  # woff: measured by fontTools; woff2: embedded in the HTML
OPTIONAL_FACE = re.compile(r"-(700-normal|400-italic|700-italic)\.woff2?$")
OPTIONAL_SUBSET = re.compile(r"-[a-z-]+-\d00-(normal|italic)\.woff2$")  # not every face has all
UNICODE_RANGES = "unicode.json"  # a fontsource package's subsets and their unicode ranges


def package_files(name: str, folder: Path | None = None) -> tuple[str, ...]:
    """Return the files of npm package ``name`` that deckgen reads, relative to its folder.

    A font's latin subset, in both formats; its other unicode-range subsets (greek,
    cyrillic…, listed in the package's ``unicode.json`` in ``folder``) as woff2 only, which
    deckgen measures and embeds only for a deck whose text needs them.
    """
    if name == "reveal.js":
        return COMMON_FILES + REVEAL_FILES
    if name.startswith("@fontsource/"):
        font_id = name.rsplit("/", 1)[-1]
        faces = tuple(
            f"files/{font_id}-latin-{face}.{suffix}"
            for face in FONT_FACES
            for suffix in FONT_FORMATS
        )
        ranges = folder / UNICODE_RANGES if folder is not None else None
        if ranges is None or not ranges.is_file():
            return COMMON_FILES + faces
        subsets = [s for s in json.loads(ranges.read_text("utf-8")) if s != "latin"]
        others = tuple(
            f"files/{font_id}-{subset}-{face}.woff2" for subset in subsets for face in FONT_FACES
        )
        return COMMON_FILES + (UNICODE_RANGES,) + faces + others
    raise RuntimeError(f"package.json names {name}, which the wheel build hook does not know")


def npm_ci(root: Path, scratch: Path) -> Path:
    """Return the ``node_modules`` folder ``npm ci`` installs from ``root``'s lock file."""
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(
            "building deckgen's wheel needs npm (Node.js): it fetches reveal.js and the theme "
            "fonts from the npm registry, pinned by package-lock.json"
        )
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(root / name, scratch / name)
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"],
        cwd=scratch,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return scratch / "node_modules"


def stage(node_modules: Path, names: list[str], staged: Path) -> int:
    """Copy each package's run-time files into ``staged``; return the bytes copied."""
    total = 0
    for name in names:
        for relative in package_files(name, node_modules / name):
            source = node_modules / name / relative
            if not source.is_file():
                if OPTIONAL_FACE.search(relative) or OPTIONAL_SUBSET.search(relative):
                    continue  # a family without bold or italic faces
                raise RuntimeError(f"npm package {name} has no {relative}")
            target = staged / name / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            total += target.stat().st_size
    return total


class NpmFilesHook(BuildHookInterface):
    """Fetch the pinned npm packages and add their run-time files to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        root = Path(self.root)
        names = sorted(json.loads((root / "package.json").read_text("utf-8"))["dependencies"])
        self._scratch = Path(tempfile.mkdtemp(prefix="deckgen-npm-"))
        staged = self._scratch / "staged"
        staged.mkdir()
        self.app.display_info(f"npm ci: {', '.join(names)} (pinned by package-lock.json)")
        size = stage(npm_ci(root, self._scratch), names, staged)
        self.app.display_info(f"adding {size // 1024} KiB of npm files as {WHEEL_FOLDER}/")
        build_data["force_include"][str(staged)] = WHEEL_FOLDER

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        scratch = getattr(self, "_scratch", None)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)

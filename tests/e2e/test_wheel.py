"""The package a teacher installs: ``python -m build`` (an sdist, then the wheel from it),

installed into a fresh virtual environment and run from a folder outside the checkout, with no
``node`` or ``npm`` on PATH and no ``DECKGEN_NODE_MODULES``: everything deckgen reads at run time
must be in the wheel.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from e2e.browser import open_deck
from e2e.pdf import pdf_fonts, pdf_info

pytestmark = [pytest.mark.wheel, pytest.mark.browser]

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
MAX_WHEEL_BYTES = 5_000_000
NPM_FILES = (  # what deckgen reads at run time, under deckgen/_npm/ in the wheel
    "reveal.js/dist/reveal.css",
    "reveal.js/dist/reveal.js",
    "reveal.js/dist/plugin/notes.js",
    "reveal.js/LICENSE",
    "@fontsource/carlito/files/carlito-latin-400-normal.woff",
    "@fontsource/carlito/files/carlito-latin-700-italic.woff2",
    "@fontsource/caladea/files/caladea-latin-700-normal.woff2",
    "@fontsource/cousine/files/cousine-latin-400-normal.woff",
    "@fontsource/cousine/LICENSE",
    "@fontsource/carlito/unicode.json",  # which subset file holds a character
    "@fontsource/carlito/files/carlito-greek-700-normal.woff2",  # Greek in the theme's font
    "@fontsource/cousine/files/cousine-hebrew-400-normal.woff2",
)
# The loaded faces' families, as the page's FontFaceSet reports them (status "loaded").
LOADED_FONTS = """() => Array.from(document.fonts)
  .filter((face) => face.status === 'loaded')
  .map((face) => face.family.replace(/['"]/g, ''))"""


@dataclass(frozen=True)
class Built:
    sdist: Path
    wheel: Path


@dataclass(frozen=True)
class Installed:
    bin: Path
    work: Path  # a folder outside the checkout to run deckgen in
    env: dict[str, str]


def run(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Return the finished ``command``, which must succeed."""
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=900, cwd=cwd, env=env
    )
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """Return the sdist and the wheel ``python -m build`` makes (the wheel from the sdist)."""
    outdir = tmp_path_factory.mktemp("wheelhouse")
    run([sys.executable, "-m", "build", "--outdir", str(outdir), str(REPO)])
    [sdist] = outdir.glob("deckgen-*.tar.gz")
    [wheel] = outdir.glob("deckgen-*-py3-none-any.whl")
    return Built(sdist, wheel)


@pytest.fixture(scope="module")
def installed(built: Built, tmp_path_factory: pytest.TempPathFactory) -> Installed:
    """Return deckgen installed from the wheel, with its 'pdf' extra, in a fresh venv."""
    root = tmp_path_factory.mktemp("teacher")
    venv = root / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", f"{built.wheel}[pdf]"])
    work = root / "work"
    work.mkdir()
    home = root / "home"
    home.mkdir()
    env = {"PATH": str(venv / "bin"), "HOME": str(home), "LANG": "C.UTF-8"}
    return Installed(venv / "bin", work, env)


def test_the_sdist_carries_the_lock_file_and_no_node_modules(built: Built) -> None:
    with tarfile.open(built.sdist) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert {"package.json", "package-lock.json", "hatch_build.py", "pyproject.toml"} <= names
    assert not any(name.startswith("node_modules") for name in names)


def test_the_wheel_carries_the_npm_files_and_stays_small(built: Built) -> None:
    with zipfile.ZipFile(built.wheel) as wheel:
        names = set(wheel.namelist())
    assert {f"deckgen/_npm/{name}" for name in NPM_FILES} <= names
    assert "deckgen/_themes/base/theme.toml" in names
    assert "deckgen/starter_deck/images/flow.png" in names
    assert built.wheel.stat().st_size < MAX_WHEEL_BYTES


def test_the_installed_deckgen_needs_no_node(installed: Installed) -> None:
    assert shutil.which("node", path=installed.env["PATH"]) is None
    assert shutil.which("npm", path=installed.env["PATH"]) is None
    assert "DECKGEN_NODE_MODULES" not in installed.env
    assert not installed.work.is_relative_to(REPO)
    where = run(
        [str(installed.bin / "python"), "-c", "import deckgen; print(deckgen.__file__)"],
        cwd=installed.work,
        env=installed.env,
    ).stdout
    assert Path(where.strip()).is_relative_to(installed.bin.parent)  # not the checkout's


def test_an_example_builds_in_both_formats_and_opens_offline(installed: Installed) -> None:
    shutil.copy(REPO / "examples" / "quickstart.md", installed.work)
    shutil.copytree(REPO / "examples" / "images", installed.work / "images")
    result = run(
        [str(installed.bin / "deckgen"), "build", "quickstart.md", "--format", "html,pptx"],
        cwd=installed.work,
        env=installed.env,
    )
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "wrote dist/quickstart.html",
        "wrote dist/quickstart.pptx",
    ]
    with zipfile.ZipFile(installed.work / "dist" / "quickstart.pptx") as pptx:
        assert "ppt/slides/slide1.xml" in pptx.namelist()
    with open_deck(installed.work / "dist" / "quickstart.html") as (page, log):
        loaded = set(page.evaluate(LOADED_FONTS))
        assert page.evaluate("() => Reveal.getTotalSlides()") == 9
        assert log.requests == []
        assert log.errors == []
    assert loaded == {"Caladea", "Carlito", "Cousine"}  # the cinematic theme's three


def test_a_new_deck_builds_every_format_with_the_pdf_extra(installed: Installed) -> None:
    env = {**installed.env, "DECKGEN_BROWSER": CHROMIUM}
    deckgen = str(installed.bin / "deckgen")
    run([deckgen, "new", "course"], cwd=installed.work, env=env)
    result = run([deckgen, "build", "course", "-o", "out", "-f", "all"], installed.work, env)
    assert result.stderr == ""
    outputs = sorted(os.listdir(installed.work / "out"))
    assert outputs == ["course.html", "course.pdf", "course.pptx"]
    pdf = installed.work / "out" / "course.pdf"
    assert pdf_info(pdf).pages == 10
    assert {font.name.split("+")[-1].split("-")[0] for font in pdf_fonts(pdf)} == {
        "Carlito",
        "Cousine",
    }  # the classroom theme's

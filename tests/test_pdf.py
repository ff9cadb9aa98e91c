"""``--format pdf`` without printing: choosing formats and a browser, and the one-line errors.

The printed PDF itself is checked in ``e2e/test_pdf.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import pytest

from clirun import deckgen
from deckgen.build import Format
from deckgen.cli import FormatList
from deckgen.diagnostics import DeckError
from deckgen.pdf import BROWSER_VARIABLE, NO_BROWSER, NO_PLAYWRIGHT, find_browser
from test_startup import loaded_modules

CHROMIUM = Path("/usr/bin/chromium")
WITHOUT_PLAYWRIGHT = """
import sys
sys.modules["playwright"] = None  # as if the 'pdf' extra were not installed
sys.modules["playwright.sync_api"] = None
from deckgen.cli import main
main(sys.argv[1:], prog_name="deckgen")
"""


@pytest.mark.parametrize(
    "value, formats",
    [
        ("html", (Format.HTML,)),
        ("pdf,html", (Format.HTML, Format.PDF)),
        ("PPTX, pdf", (Format.PPTX, Format.PDF)),
        ("html,pptx,pdf", (Format.HTML, Format.PPTX, Format.PDF)),
        ("all", (Format.HTML, Format.PPTX, Format.PDF)),
        ("pdf,all,html", (Format.HTML, Format.PPTX, Format.PDF)),
    ],
)
def test_formats_combine_and_all_is_every_format(
    value: str, formats: tuple[Format, ...]
) -> None:
    assert FormatList().convert(value, None, None) == formats


@pytest.mark.parametrize("value", ["docx", "html,", "html,,pdf", "pdf html"])
def test_an_unknown_format_is_refused(value: str) -> None:
    with pytest.raises(click.BadParameter, match="is not one of html, pptx, pdf, all"):
        FormatList().convert(value, None, None)


def test_deckgen_browser_names_the_browser(tmp_path: Path) -> None:
    program = tmp_path / "my-browser"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    environ = {"PATH": str(tmp_path), BROWSER_VARIABLE: "my-browser"}
    assert find_browser(environ) == program
    assert find_browser({"PATH": "", BROWSER_VARIABLE: str(program)}) == program


def test_a_browser_is_found_on_path(tmp_path: Path) -> None:
    for name in ("chromium", "google-chrome"):  # both found: Chrome comes first
        (tmp_path / name).symlink_to(CHROMIUM)
    assert find_browser({"PATH": str(tmp_path)}) == tmp_path / "google-chrome"
    assert find_browser({"PATH": f"/nonexistent{os.pathsep}/usr/bin"}) == CHROMIUM


def test_no_browser_is_one_error_that_says_how_to_get_one(tmp_path: Path) -> None:
    with pytest.raises(DeckError) as raised:
        find_browser({"PATH": str(tmp_path)})
    assert raised.value.message == NO_BROWSER
    assert "install" in NO_BROWSER and BROWSER_VARIABLE in NO_BROWSER
    with pytest.raises(DeckError, match=f"{BROWSER_VARIABLE}=no-such-browser: no such program"):
        find_browser({"PATH": str(tmp_path), BROWSER_VARIABLE: "no-such-browser"})


@pytest.fixture
def talk_with_old_pdf(tmp_path: Path) -> Path:
    (tmp_path / "talk.md").write_text("## Hello\n\n- one\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "talk.pdf").write_bytes(b"%PDF- an earlier good PDF")
    return tmp_path


def assert_old_pdf_kept(folder: Path) -> None:
    assert [p.name for p in (folder / "out").iterdir()] == ["talk.pdf"]
    assert (folder / "out" / "talk.pdf").read_bytes() == b"%PDF- an earlier good PDF"


def test_build_without_a_browser_fails_in_one_line(talk_with_old_pdf: Path) -> None:
    empty = talk_with_old_pdf / "empty-bin"
    empty.mkdir()
    result = deckgen(
        "build", "talk.md", "-o", "out", "-f", "html,pdf",
        cwd=talk_with_old_pdf, env={"PATH": str(empty), "HOME": str(talk_with_old_pdf)},
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == f"--format pdf: error: {NO_BROWSER}\n"
    assert result.stdout == ""
    assert_old_pdf_kept(talk_with_old_pdf)  # no HTML either: nothing is written on an error


def test_build_without_playwright_says_which_extra_to_install(talk_with_old_pdf: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_PLAYWRIGHT, "build", "talk.md", "-o", "out", "-f", "pdf"],
        capture_output=True,
        text=True,
        cwd=talk_with_old_pdf,
        env={**os.environ, BROWSER_VARIABLE: sys.executable},  # any program: found, never run
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr == f"--format pdf: error: {NO_PLAYWRIGHT}\n"
    assert "deckgen[pdf]" in NO_PLAYWRIGHT
    assert_old_pdf_kept(talk_with_old_pdf)


def test_pdf_notes_needs_the_pdf_format(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## Hello\n", encoding="utf-8")
    result = deckgen("build", "talk.md", "--pdf-notes", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "--pdf-notes: error: prints the PDF handout: add pdf to --format\n"
    assert not (tmp_path / "dist").exists()


def test_a_build_without_pdf_does_not_load_playwright(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## Hello\n\n- one\n", encoding="utf-8")
    assert "playwright" not in loaded_modules("build", "talk.md", "-f", "html,pptx", cwd=tmp_path)

"""Outputs are written whole or not at all, through the real command line.

A write that fails midway (here: a file size limit, ``RLIMIT_FSIZE``, as a full disk or a quota
would) and a format that fails to render must both leave yesterday's deck exactly as it was, with
no temporary file beside it.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

from pptx import Presentation

from clirun import deckgen

FILE_SIZE_LIMIT = 8 * 1024  # bytes: far less than either output


def write_deck(folder: Path, text: str) -> Path:
    source = folder / "talk.md"
    source.write_text(f"---\ntitle: Talk\n---\n\n## {text}\n\n- {text} point\n", "utf-8")
    return source


def yesterday(tmp_path: Path) -> dict[str, bytes]:
    """Build yesterday's deck into ``tmp_path/out``; return its files' bytes by name."""
    write_deck(tmp_path, "Yesterday")
    result = deckgen("build", "talk.md", "-f", "html,pptx", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}


def limit_file_size() -> None:
    """In the child: no file may grow past FILE_SIZE_LIMIT; a write past it fails (EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (FILE_SIZE_LIMIT, FILE_SIZE_LIMIT))


def test_a_write_that_fails_midway_keeps_yesterdays_deck(tmp_path: Path) -> None:
    before = yesterday(tmp_path)
    assert all(len(data) > FILE_SIZE_LIMIT for data in before.values())
    write_deck(tmp_path, "Today")
    result = subprocess.run(
        [sys.executable, "-m", "deckgen", "build", "talk.md", "-f", "html,pptx", "-o", "out"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        timeout=600,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.count("\n") == 1 and "error: cannot write: File too large" in result.stderr
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert after == before  # same files, byte for byte, and no temporary file left


def test_a_format_that_fails_to_render_writes_no_format(tmp_path: Path) -> None:
    """The .pptx fails after the HTML rendered: the HTML must not be written either."""
    before = yesterday(tmp_path)
    template = Presentation()
    layouts = template.slide_masters[0].slide_layouts
    layouts.remove(layouts.get_by_name("Title Slide"))
    template.save(str(tmp_path / "no-title-layout.pptx"))
    write_deck(tmp_path, "Today")
    result = deckgen(
        "build",
        "talk.md",
        "-f",
        "all",
        "-o",
        "out",
        "--template",
        "no-title-layout.pptx",
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "template has no slide layout named 'Title Slide'" in result.stderr
    after = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert after == before

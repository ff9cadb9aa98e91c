"""Start-up time: a build loads only the libraries its formats need (python-pptx is the slowest)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BUILD_AND_LIST_MODULES = """
import sys
import deckgen.cli
sys.argv = ["deckgen", *sys.argv[1:]]
try:
    deckgen.cli.main()
except SystemExit as stop:
    assert not stop.code, stop.code
print(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def loaded_modules(*args: str, cwd: Path) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_LIST_MODULES, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return set(result.stdout.splitlines()[-1].split())


@pytest.mark.parametrize(
    "args, loaded, not_loaded",
    [
        (["--version"], set(), {"pptx", "jinja2", "watchfiles", "http"}),
        (["build", "talk.md", "-f", "html"], {"jinja2"}, {"pptx", "watchfiles", "http"}),
        # python-pptx imports http.client itself, so only the HTML build is held to it
        (["build", "talk.md", "-f", "pptx"], {"pptx"}, {"jinja2", "watchfiles"}),
    ],
    ids=["version", "html", "pptx"],
)
def test_only_the_needed_libraries_are_imported(
    args: list[str], loaded: set[str], not_loaded: set[str], tmp_path: Path
) -> None:
    (tmp_path / "talk.md").write_text("## Hello\n\n- one\n- two\n", encoding="utf-8")
    modules = loaded_modules(*args, cwd=tmp_path)
    assert loaded <= modules
    assert not_loaded & modules == set()

"""Run the real ``deckgen`` command line in a child process, as a user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def deckgen(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None, timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """Return the finished ``deckgen ARGS`` run: exit code, stdout and stderr as text."""
    return subprocess.run(
        [sys.executable, "-m", "deckgen", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
    )

"""Write output files atomically: a temporary file beside the target, then a rename.

A failed build never leaves a half-written file and never destroys an earlier good one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from deckgen.diagnostics import DeckError
from deckgen.read import display_path


def prepare_outdir(outdir: Path) -> None:
    """Create ``outdir`` if needed; raise DeckError when it cannot be written to."""
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DeckError(
            display_path(outdir), f"cannot create output folder: {exc.strerror}"
        ) from None
    if not os.access(outdir, os.W_OK | os.X_OK):
        raise DeckError(display_path(outdir), "output folder is not writable")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename."""
    try:
        handle, temp_name = tempfile.mkstemp(
            prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
        )
    except OSError as exc:
        raise DeckError(display_path(path), f"cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temp_name, 0o644)
        os.replace(temp_name, path)
    except BaseException as exc:  # Ctrl+C included: never leave the temporary file behind
        Path(temp_name).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise DeckError(display_path(path), f"cannot write: {exc.strerror}") from None
        raise

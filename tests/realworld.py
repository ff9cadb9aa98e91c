"""The shared real decks: slide decks teachers wrote for pandoc and Quarto, kept outside the
repository (their licences differ) in ``shared/realworld`` beside the checkout, as CI lays it
out, or beside a folder above it (a git worktree). Tests of them report themselves skipped,
with this reason, where the folder is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path("shared") / "realworld"
REALWORLD = next(
    (folder / SHARED for folder in REPO.parents if (folder / SHARED).is_dir()), REPO.parent / SHARED
)
NO_DECKS = pytest.mark.skip(reason=f"the shared real decks are not here ({REALWORLD} is missing)")


def realworld_decks() -> list[Path]:
    """Return the deck file of each shared real deck (``deck:`` in its SOURCE.txt)."""
    decks = []
    for source in sorted(REALWORLD.glob("*/SOURCE.txt")):
        fields = dict(
            line.split(": ", 1) for line in source.read_text("utf-8").splitlines() if ": " in line
        )
        name = fields["deck"].strip()
        found = source.parent / name
        decks.append(found if found.is_file() else next(source.parent.rglob(Path(name).name)))
    return decks


def deck_params() -> list[object]:
    """Return one pytest parameter per shared real deck, named by its folder (one skipped
    parameter, with the reason, when there are none)."""
    decks = realworld_decks()
    return [pytest.param(d, id=d.relative_to(REALWORLD).parts[0]) for d in decks] or [
        pytest.param(None, marks=NO_DECKS, id="no-real-decks")
    ]

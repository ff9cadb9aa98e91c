"""``deckgen new``: a starter deck (``deck.yaml``, a Markdown file of the common constructs and
an image), copied from the ``starter_deck`` folder with the deck's title filled in.
"""

from __future__ import annotations

import json
import shutil
import string
import uuid
from pathlib import Path

from deckgen.diagnostics import DeckError
from deckgen.read import display_path

TEMPLATE = Path(__file__).resolve().parent / "starter_deck"
SETTINGS = "deck.yaml"


def title_for(folder: Path) -> str:
    """Return a deck title made from the folder's name (``my-course`` -> ``My course``)."""
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    title = " ".join(words) or "My deck"
    return title[0].upper() + title[1:]


def template_files() -> list[Path]:
    """Return the starter deck's files, relative to the template folder, sorted."""
    return sorted(path.relative_to(TEMPLATE) for path in TEMPLATE.rglob("*") if path.is_file())


def write_starter(folder: Path) -> list[Path]:
    """Write the starter deck into ``folder`` (new or empty); return the files, as written.

    The deck is written into a hidden folder beside it and renamed into place, so a failure
    leaves nothing half-written. Raise DeckError when ``folder`` holds anything.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise DeckError(display_path(folder), "already exists and is not empty: name a new folder")
    target = folder.resolve()
    staging = target.parent / f".{target.name}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        staging.mkdir()
        for relative in template_files():
            destination = staging / relative
            destination.parent.mkdir(parents=True, exist_ok=True)
            if relative.as_posix() == SETTINGS:
                text = (TEMPLATE / relative).read_text(encoding="utf-8")
                title = json.dumps(title_for(folder), ensure_ascii=False)  # a quoted YAML string
                destination.write_text(
                    string.Template(text).substitute(title=title), encoding="utf-8"
                )
            else:
                shutil.copyfile(TEMPLATE / relative, destination)
        if target.is_dir():
            target.rmdir()
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DeckError(display_path(folder), f"cannot write: {exc.strerror or exc}") from None
    return [folder / relative for relative in template_files()]

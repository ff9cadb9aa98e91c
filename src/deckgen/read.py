"""Read a deck's sources: a Markdown file, or a folder of them with an optional ``deck.yaml``.

Returns text as numbered lines (front matter removed, line numbers kept) plus the deck settings,
checked against a table of known keys. Nothing here knows about Markdown syntax beyond the
front-matter fence.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from deckgen.diagnostics import DeckError, Diagnostic, Level, Origin

MANIFEST_NAME = "deck.yaml"
MARKDOWN_SUFFIXES = (".md", ".markdown")
MAX_SOURCE_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One Markdown file's body: ``lines[i]`` is line ``first_line + i`` of ``display``."""

    path: Path
    display: str
    lines: tuple[str, ...]
    first_line: int

    def origin(self, index: int) -> Origin:
        """Return the origin of ``lines[index]``."""
        return Origin(self.display, self.first_line + index)


@dataclass(frozen=True, slots=True)
class Setting:
    """A deck setting's value and where it was written."""

    value: Any
    origin: Origin


@dataclass(frozen=True, slots=True)
class DeckSource:
    """Everything read from disk for one deck, before any Markdown is parsed."""

    name: str
    root: Path
    files: tuple[SourceFile, ...]
    settings: dict[str, Setting]
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _text(value: Any) -> str:
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value)
    raise ValueError("expected text")


def _slide_level(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 6:
        raise ValueError("expected a whole number from 1 to 6")
    return value


def _file_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError("expected a list of file names")
    return value


@dataclass(frozen=True, slots=True)
class Part:
    """One entry of ``parts:`` in deck.yaml: its files, in order, and the divider before them.

    An empty ``title`` means no divider (files grouped without a part slide); ``intro`` is
    Markdown shown under the part's title.
    """

    title: str
    intro: str
    files: tuple[str, ...]


# Keys of one ``parts:`` entry: name -> validator, as for SETTINGS.
PART_KEYS: dict[str, Callable[[Any], Any]] = {"title": _text, "intro": _text, "files": _file_list}


def _parts(value: Any) -> tuple[Part, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError("expected a list of parts, each with 'files:'")
    parts = []
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            raise ValueError(f"part {number}: expected a mapping with 'title:' and 'files:'")
        clean = {}
        for key, raw in entry.items():
            validate = PART_KEYS.get(str(key))
            if validate is None:
                raise ValueError(f"part {number}: unknown key '{key}'")
            try:
                clean[str(key)] = validate(raw)
            except ValueError as exc:
                raise ValueError(f"part {number}, '{key}': {exc}") from None
        if not clean.get("files"):
            raise ValueError(f"part {number}: expected a non-empty 'files:' list")
        if clean.get("intro") and not clean.get("title"):
            raise ValueError(f"part {number}: an 'intro:' needs a 'title:'")
        parts.append(Part(clean.get("title", ""), clean.get("intro", ""), tuple(clean["files"])))
    return tuple(parts)


# Known settings: name -> validator returning the clean value or raising ValueError.
SETTINGS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "subtitle": _text,
    "author": _text,
    "date": _text,
    "lang": _text,
    "theme": _text,
    "slide-level": _slide_level,
    "notes": _text,
    "files": _file_list,
    "parts": _parts,
}


def decode(path: Path, display: str) -> str:
    """Return the text of ``path``; raise DeckError for binary, non-UTF-8 or oversized files."""
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise DeckError(display, f"file is larger than {MAX_SOURCE_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise DeckError(display, f"cannot read file: {exc.strerror}") from None
    if b"\0" in data:
        line = data[: data.index(b"\0")].count(b"\n") + 1
        raise DeckError(Origin(display, line), "binary data (NUL byte): not a Markdown file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DeckError(Origin(display, line), "invalid UTF-8 (save the file as UTF-8)") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parse_settings(
    text: str, display: str, first_line: int, diagnostics: list[Diagnostic]
) -> dict[str, Setting]:
    """Return the settings in YAML ``text`` whose first line is ``first_line`` of ``display``."""
    try:
        loaded = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise DeckError(Origin(display, line), f"invalid YAML: {problem}") from None
    if not isinstance(loaded, dict):
        raise DeckError(Origin(display, first_line), "front matter must be a YAML mapping")
    lines = text.split("\n")
    settings: dict[str, Setting] = {}
    for key, raw in loaded.items():
        offset = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), 0)
        origin = Origin(display, first_line + offset)
        validate = SETTINGS.get(str(key))
        if validate is None:
            diagnostics.append(
                Diagnostic(origin, Level.WARNING, f"unknown front-matter key '{key}' (ignored)")
            )
            continue
        try:
            settings[str(key)] = Setting(validate(raw), origin)
        except ValueError as exc:
            raise DeckError(origin, f"front-matter key '{key}': {exc}") from None
    return settings


def _split_front_matter(
    text: str, display: str, diagnostics: list[Diagnostic]
) -> tuple[dict[str, Setting], list[str], int]:
    """Return (settings, body lines, line number of the first body line)."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].rstrip() != "---":
        return {}, lines, 1
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            yaml_text = "\n".join(lines[1:end])
            settings = _parse_settings(yaml_text, display, 2, diagnostics)
            return settings, lines[end + 1 :], end + 2
    raise DeckError(Origin(display, 1), "front matter opened with '---' is never closed")


def _read_markdown(
    path: Path, diagnostics: list[Diagnostic]
) -> tuple[SourceFile, dict[str, Setting]]:
    display = display_path(path)
    settings, body, first_line = _split_front_matter(decode(path, display), display, diagnostics)
    for key in ("files", "parts"):
        if key in settings:
            diagnostics.append(
                Diagnostic(
                    settings[key].origin, Level.WARNING, f"'{key}' belongs in deck.yaml (ignored)"
                )
            )
            del settings[key]
    return SourceFile(path, display, tuple(body), first_line), settings


def _folder_files(folder: Path, manifest: dict[str, Setting]) -> list[Path]:
    """Return the folder's Markdown files in the order of ``files:`` or ``parts:``, or by name."""
    if "files" in manifest and "parts" in manifest:
        raise DeckError(manifest["parts"].origin, "use either 'files:' or 'parts:', not both")
    if "files" in manifest or "parts" in manifest:
        key = "files" if "files" in manifest else "parts"
        origin = manifest[key].origin
        names = (
            manifest["files"].value
            if key == "files"
            else [name for part in manifest["parts"].value for name in part.files]
        )
        paths = []
        for name in names:
            path = (folder / name).resolve()
            if not path.is_file():
                raise DeckError(origin, f"listed file '{name}' does not exist")
            paths.append(path)
        return paths
    return sorted(
        (p for p in folder.iterdir() if p.suffix.lower() in MARKDOWN_SUFFIXES and p.is_file()),
        key=lambda p: p.name,
    )


def read_deck(source: Path) -> DeckSource:
    """Return the deck at ``source`` (a Markdown file or a folder); raise DeckError if unusable."""
    diagnostics: list[Diagnostic] = []
    if not source.exists():
        raise DeckError(display_path(source), "no such file or folder")
    settings: dict[str, Setting] = {}
    if source.is_dir():
        root = source.resolve()
        manifest_path = root / MANIFEST_NAME
        if manifest_path.is_file():
            display = display_path(manifest_path)
            settings = _parse_settings(decode(manifest_path, display), display, 1, diagnostics)
        paths = _folder_files(root, settings)
        if not paths:
            raise DeckError(display_path(source), "folder holds no Markdown (.md) files")
        name = root.name
    else:
        root = source.resolve().parent
        paths = [source.resolve()]
        name = source.stem
    files = []
    for path in paths:
        file, file_settings = _read_markdown(path, diagnostics)
        files.append(file)
        settings.update(file_settings)  # as in pandoc, a later block overrides an earlier one
    return DeckSource(name, root, tuple(files), settings, tuple(diagnostics))


def is_within(path: Path, folder: Path) -> bool:
    """Return True when ``path`` lies inside ``folder`` (after resolving links)."""
    return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())

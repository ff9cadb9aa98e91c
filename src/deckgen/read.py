"""Read a deck's sources: a Markdown file, or a folder of them with an optional ``deck.yaml``.

Returns text as numbered lines (metadata blanked, line numbers kept) plus the deck settings,
checked against a table of known keys. Metadata is found as pandoc finds it (``frontmatter``);
keys deckgen does not use, and values meant for other tools (a reveal.js ``theme: white``), are
reported in one warning line and ignored; only a bad value of deckgen's own keys is an error.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from deckgen.diagnostics import DeckError, Diagnostic, Level, Origin
from deckgen.frontmatter import Entry, load_yaml, read_metadata

MANIFEST_NAME = "deck.yaml"
MARKDOWN_SUFFIXES = (".md", ".markdown")
QUARTO_SUFFIX = ".qmd"
MAX_SOURCE_BYTES = 64 * 1024 * 1024
MAX_VALUE_ITEMS = 100_000  # items of one metadata value, with YAML aliases expanded
TODAY = ("today", "now")  # Quarto's words for the build date


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
    """Everything read from disk for one deck, before any Markdown is parsed.

    ``root`` is the deck's folder (relative links start there); ``project`` is the folder its
    files may read from (``project_root``). ``quarto`` is True for a Quarto document, whose
    slide level is 2 unless set, as Quarto's reveal.js format has it.
    """

    name: str
    root: Path
    files: tuple[SourceFile, ...]
    settings: dict[str, Setting]
    project: Path
    quarto: bool = False
    diagnostics: tuple[Diagnostic, ...] = field(default=())


def display_path(path: Path) -> str:
    """Return ``path`` relative to the working directory when it lies below it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def project_root(path: Path) -> Path:
    """Return the folder a deck at ``path`` may read files from: its git work tree, or its folder.

    A course repository keeps images beside its lectures (``lectures/week1/`` using
    ``../images/x.png``). The home folder or the file-system root is never a deck's project,
    even when it is a git work tree (a home folder kept in git would expose ``~/.ssh``).
    """
    folder = path.resolve()
    if not folder.is_dir():
        folder = folder.parent
    never = {Path.home().resolve(), Path(folder.anchor)}
    for candidate in (folder, *folder.parents):
        if candidate in never:
            break
        if (candidate / ".git").exists():
            return candidate
    return folder


def _value_size(value: Any, sizes: dict[int, int]) -> int:
    """Return how many items ``value`` holds with YAML aliases expanded, without expanding them."""
    if id(value) in sizes:
        return sizes[id(value)]
    children = value.values() if isinstance(value, dict) else value
    size = 1 + (
        sum(_value_size(item, sizes) for item in children) if isinstance(value, dict | list) else 0
    )
    sizes[id(value)] = size
    return size


def _text(value: Any) -> str:
    """Return a text value: a string, or a list of strings joined by commas."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return ", ".join(text for text in map(_text, value) if text)
    raise ValueError("expected text")


def _scalar(value: Any) -> str:
    """Return a text or a number as text."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def _date(value: Any) -> str:
    text = _text(value)
    return datetime.date.today().isoformat() if text.lower() in TODAY else text


def _person(value: Any) -> str:
    """Return an author's name: a string, or a map's ``name`` (text, or given and family)."""
    if isinstance(value, str):
        return value.strip()
    name = value.get("name") if isinstance(value, dict) else None
    if isinstance(name, dict):
        literal = name.get("literal")
        parts = [literal] if literal else [name.get("given"), name.get("family")]
        name = " ".join(part.strip() for part in parts if isinstance(part, str))
    if isinstance(name, str):
        return name.strip()
    raise ValueError("expected a name, a list of names, or entries with 'name:'")


def _authors(value: Any) -> str:
    people = value if isinstance(value, list) else [value]
    return ", ".join(name for name in map(_person, people) if name)


def _affiliations(value: Any) -> list[str]:
    """Return the affiliations given with the authors in ``value`` (``affiliation(s):``)."""
    found = []
    for person in value if isinstance(value, list) else [value]:
        if not isinstance(person, dict):
            continue
        for key in ("affiliation", "affiliations"):
            given = person.get(key)
            for item in given if isinstance(given, list) else [given]:
                name = item.get("name") if isinstance(item, dict) else item
                if isinstance(name, str) and name.strip():
                    found.append(name.strip())
    return found


def _author_extras(value: Any) -> list[str]:
    """Return the fields of author entries that deckgen does not show (``email``, ``orcid``)."""
    people = value if isinstance(value, list) else [value]
    shown = {"name", "affiliation", "affiliations"}
    extras = {key for p in people if isinstance(p, dict) for key in p if key not in shown}
    return [f"author {key}" for key in sorted(extras)]


def _slide_level(value: Any) -> int:
    if not isinstance(value, str) or not re.fullmatch(r"[0-6]", value.strip()):
        raise ValueError("expected a whole number from 0 to 6")
    return int(value)


def _direction(value: Any) -> str:
    """Return a text direction as pandoc's ``dir`` takes it: ``rtl`` or ``ltr``."""
    text = value.strip().lower() if isinstance(value, str) else ""
    if text not in ("rtl", "ltr"):
        raise ValueError("expected rtl or ltr")
    return text


def _flag(value: Any) -> bool:
    """Return a YAML yes/no value (``true``, ``false``; ``yes``, ``no`` as YAML 1.1 has them)."""
    text = value.strip().lower() if isinstance(value, str) else ""
    if text in ("true", "yes", "on"):
        return True
    if text in ("false", "no", "off"):
        return False
    raise ValueError("expected true or false")


def _depth(value: Any) -> int:
    if not isinstance(value, str) or not re.fullmatch(r"[1-6]", value.strip()):
        raise ValueError("expected a whole number from 1 to 6")
    return int(value)


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


def _math(value: Any) -> dict[str, str]:
    """Return the TeX macros of ``math: {macros: {name: body}}`` (KaTeX's and MathJax's form)."""
    if not isinstance(value, dict) or set(value) - {"macros"}:
        raise ValueError("expected 'macros:', a mapping of TeX macro names to their bodies")
    macros = value.get("macros") or {}
    if not isinstance(macros, dict):
        raise ValueError("'macros' must map TeX macro names to their bodies")
    from deckgen.tex.formula import MathError, macros_from_mapping

    try:
        return macros_from_mapping(macros)
    except MathError as exc:
        raise ValueError(str(exc)) from None


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


BACKGROUND_KEYS = ("color", "image", "size", "position", "repeat", "opacity")

# Known settings: name -> validator returning the clean value or raising ValueError.
# ``theme`` is checked apart (``_deck_theme``): a theme meant for another tool is only a warning.
SETTINGS: dict[str, Callable[[Any], Any]] = {
    "title": _text,
    "subtitle": _text,
    "author": _authors,
    "institute": _text,
    "date": _date,
    "lang": _text,
    "dir": _direction,  # the deck's text direction (else the language's, language.py)
    "slide-level": _slide_level,
    "incremental": _flag,  # every list builds item by item (pandoc's -i; Quarto reads the key)
    "notes": _text,
    "files": _file_list,
    "parts": _parts,
    "toc": _flag,
    "toc-title": _text,
    "toc-depth": _depth,
    "math": _math,
    # a deck-wide slide background, as reveal.js's attributes set one slide's (passes/backgrounds)
    **{f"background-{key}": _scalar for key in BACKGROUND_KEYS},
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


def _deck_theme(value: Any, root: Path) -> str | None:
    """Return ``value`` when it names a deckgen theme (built-in, installed, or a folder in the
    deck), else None: ``theme: white`` is meant for reveal.js, ``default`` for beamer."""
    from deckgen import themes  # loads pygments: only when a deck names a theme

    if not isinstance(value, str) or not value.strip():
        return None
    name = value.strip()
    for folder in (root / name, themes.builtin_themes_dir() / name):
        if (folder / themes.TOKENS_FILE).is_file():
            return name
    return name if name in themes.list_themes() else None


def _settings(
    entries: list[Entry], display: str, root: Path, diagnostics: list[Diagnostic]
) -> dict[str, Setting]:
    """Return the settings among metadata ``entries`` of ``display``; warn once for the rest."""
    settings: dict[str, Setting] = {}
    unused: list[tuple[str, Origin]] = []
    affiliations: list[str] = []
    for entry in entries:
        origin = Origin(display, entry.line)
        if _value_size(entry.value, {}) > MAX_VALUE_ITEMS:
            raise DeckError(origin, f"front-matter key '{entry.key}': value is too large")
        if entry.key == "theme":
            theme = _deck_theme(entry.value, root)
            if theme is not None:
                settings["theme"] = Setting(theme, origin)
            else:
                from deckgen.themes import list_themes

                diagnostics.append(
                    Diagnostic(
                        origin,
                        Level.WARNING,
                        f"theme {entry.value!r} is not a deckgen theme (ignored; deckgen "
                        f"themes: {', '.join(list_themes())})",
                    )
                )
            continue
        validate = SETTINGS.get(entry.key)
        if validate is None:
            unused.append((entry.key, origin))
            continue
        try:
            settings[entry.key] = Setting(validate(entry.value), origin)
        except ValueError as exc:
            raise DeckError(origin, f"front-matter key '{entry.key}': {exc}") from None
        if entry.key == "author":
            affiliations = _affiliations(entry.value)
            unused += [(extra, origin) for extra in _author_extras(entry.value)]
    if affiliations:
        given = settings.get("institute")
        names = [name for name in given.value.split(", ") if name] if given else []
        names += [name for name in dict.fromkeys(affiliations) if name not in names]
        origin = given.origin if given else settings["author"].origin
        settings["institute"] = Setting(", ".join(names), origin)
    if unused:
        listed = ", ".join(dict.fromkeys(name for name, _ in unused))
        message = f"front matter deckgen does not use (ignored): {listed}"
        diagnostics.append(Diagnostic(unused[0][1], Level.WARNING, message, "front-matter"))
    return settings


def _read_markdown(
    path: Path, root: Path, diagnostics: list[Diagnostic]
) -> tuple[SourceFile, dict[str, Setting], bool]:
    """Return the file's body, its settings, and whether its metadata is Quarto's."""
    display = display_path(path)
    metadata = read_metadata(decode(path, display), display, diagnostics)
    settings = _settings(list(metadata.entries), display, root, diagnostics)
    for key in ("files", "parts"):
        if key in settings:
            diagnostics.append(
                Diagnostic(
                    settings[key].origin, Level.WARNING, f"'{key}' belongs in deck.yaml (ignored)"
                )
            )
            del settings[key]
    body = list(metadata.body)
    first_line = 1
    while body and not body[0].strip():
        body.pop(0)
        first_line += 1
    quarto = path.suffix.lower() == QUARTO_SUFFIX or any(
        entry.key == "format" for entry in metadata.entries
    )
    return SourceFile(path, display, tuple(body), first_line), settings, quarto


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
            entries = load_yaml(decode(manifest_path, display), display, 1)
            if entries is None:
                raise DeckError(Origin(display, 1), "deck.yaml must be a YAML mapping")
            settings = _settings(entries, display, root, diagnostics)
        paths = _folder_files(root, settings)
        if not paths:
            raise DeckError(display_path(source), "folder holds no Markdown (.md) files")
        name = root.name
    else:
        root = source.resolve().parent
        paths = [source.resolve()]
        name = source.stem
    files = []
    quarto = False
    for path in paths:
        file, file_settings, file_quarto = _read_markdown(path, root, diagnostics)
        files.append(file)
        quarto = quarto or file_quarto
        settings.update(file_settings)  # as in pandoc, a later block overrides an earlier one
    return DeckSource(
        name=name,
        root=root,
        files=tuple(files),
        settings=settings,
        project=project_root(root),
        quarto=quarto,
        diagnostics=tuple(diagnostics),
    )


def is_within(path: Path, folder: Path) -> bool:
    """Return True when ``path`` lies inside ``folder`` (after resolving links)."""
    return os.path.commonpath([path.resolve(), folder.resolve()]) == str(folder.resolve())

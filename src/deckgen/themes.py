"""Themes: folders of tokens (``theme.toml``), templates and CSS, with ``extends`` inheritance.

One set of tokens drives both backends: page size, colours, fonts (the open font the HTML embeds
and measures, and the metric-compatible font the .pptx names), sizes and the code style. A theme
is found by name among the built-in themes or given as a path to a folder of one's own.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from deckgen.boxmodel import BoxModel, box_model
from deckgen.diagnostics import DeckError, Origin
from deckgen.highlight import TokenStyle, token_styles
from deckgen.read import is_within
from deckgen.scripts import SCRIPTS
from deckgen.units import Emu, parse_length

TOKENS_FILE = "theme.toml"
DEFAULT_THEME = "cinematic"
MAX_EXTENDS_DEPTH = 10
ENTRY_POINT_GROUP = "deckgen.themes"


@dataclass(frozen=True, slots=True)
class Font:
    """A font role: ``family`` is embedded in HTML and used to measure text; ``office`` is the

    metric-compatible font named in the .pptx; ``package`` is the npm package with the files.
    """

    family: str
    office: str
    package: str


@dataclass(frozen=True, slots=True)
class Theme:
    """A resolved theme. ``folders`` lists the theme's folder first, then its parents'."""

    name: str
    description: str
    folders: tuple[Path, ...]
    page_width: Emu
    page_height: Emu
    margin_x: Emu
    margin_y: Emu
    gap: Emu
    colors: Mapping[str, str]
    fonts: Mapping[str, Font]
    sizes: Mapping[str, Emu]
    min_sizes: Mapping[str, Emu]
    line_height: Mapping[str, float]
    box: BoxModel
    code_style: str
    code_tokens: Mapping[str, TokenStyle]
    # font role -> script -> language ("*": any other) -> the family drawing that script's
    # characters the role's font lacks (``fontstack.py``)
    fallback: Mapping[str, Mapping[str, Mapping[str, str]]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def files(self, name: str) -> list[Path]:
        """Return each of the theme's folders' file called ``name``, parents first."""
        return [folder / name for folder in reversed(self.folders) if (folder / name).is_file()]

    def stylesheets(self) -> list[Path]:
        """Return the theme's CSS files, parents first, so a child's rules win: the slides'

        ``style.css``, then ``ui.css`` for the HTML deck's menu, search and print view.
        """
        return self.files("style.css") + self.files("ui.css")

    def scripts(self) -> list[Path]:
        """Return the HTML deck's scripts (``deck.js``: menu, search), parents first."""
        return self.files("deck.js")


def builtin_themes_dir() -> Path:
    """Return the folder of built-in themes (packaged in a wheel, or the checkout's ``themes/``)."""
    packaged = Path(__file__).parent / "_themes"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "themes"


def _theme_folder(name: str, origin: Origin | str) -> Path:
    candidate = Path(name)
    if (candidate / TOKENS_FILE).is_file():
        return candidate.resolve()
    builtin = builtin_themes_dir() / name
    if (builtin / TOKENS_FILE).is_file():
        return builtin
    installed = _entry_point_themes().get(name)
    if installed is not None and (installed / TOKENS_FILE).is_file():
        return installed
    known = ", ".join(list_themes()) or "none installed"
    raise DeckError(origin, f"unknown theme '{name}' (known: {known}; or give a theme folder)")


def _merge(base: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _load_tokens(folder: Path) -> dict[str, Any]:
    path = folder / TOKENS_FILE
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DeckError(str(path), f"invalid theme tokens: {exc}") from None


def _is_installed(folder: Path) -> bool:
    """Return True for a built-in theme's folder or one installed by a package."""
    resolved = folder.resolve()
    if resolved.parent == builtin_themes_dir().resolve():
        return True
    return resolved in {path.resolve() for path in _entry_point_themes().values()}


def _chain(
    name: str, origin: Origin | str, confine: Path | None = None
) -> tuple[list[Path], dict[str, Any]]:
    """Return the theme's folders (child first) and its tokens merged over its parents'.

    With ``confine``, every folder must be an installed theme or lie inside ``confine``.
    """
    folders: list[Path] = []
    layers: list[dict[str, Any]] = []
    current: str | None = name
    while current is not None:
        folder = _theme_folder(current, origin if not folders else str(folders[-1] / TOKENS_FILE))
        if confine is not None and not is_within(folder, confine) and not _is_installed(folder):
            raise DeckError(
                origin,
                f"theme folder '{folder}' lies outside the deck folder; a theme's templates run "
                "when it is used, so name it with --theme to trust it",
            )
        if folder in folders or len(folders) >= MAX_EXTENDS_DEPTH:
            raise DeckError(str(folder / TOKENS_FILE), "theme 'extends' chain loops")
        tokens = _load_tokens(folder)
        folders.append(folder)
        layers.append(tokens)
        parent = tokens.get("extends")
        current = str(parent) if parent is not None else None
        if (
            current is not None
            and not Path(current).is_absolute()
            and (folder.parent / current).is_dir()
        ):
            current = str(folder.parent / current)
    merged: dict[str, Any] = {}
    for layer in reversed(layers):
        merged = _merge(merged, layer)
    return folders, merged


def _code_tokens(style: str, overrides: dict[str, dict[str, Any]]) -> dict[str, TokenStyle]:
    """Return the pygments style's token looks with the theme's per-token overrides applied."""
    styles = token_styles(style)
    for token, spec in overrides.items():
        styles[token] = TokenStyle(
            spec.get("color"), bool(spec.get("bold")), bool(spec.get("italic"))
        )
    return styles


def _script_fonts(table: dict[str, Any], where: str) -> dict[str, dict[str, str]]:
    """Return a ``[fallback]`` table as script -> language -> family (``"*"``: any language)."""
    fonts: dict[str, dict[str, str]] = {}
    for script, value in table.items():
        if script not in SCRIPTS:
            raise ValueError(f"{where}: unknown script '{script}' (known: {', '.join(SCRIPTS)})")
        if isinstance(value, str):
            fonts[script] = {"*": value}
        elif isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
            fonts[script] = {str(lang).lower(): family for lang, family in value.items()}
        else:
            raise ValueError(f"{where}.{script}: expected a font family or a table by language")
    return fonts


def _fallbacks(tokens: dict[str, Any]) -> dict[str, Mapping[str, Mapping[str, str]]]:
    """Return each font role's fallback fonts: the theme's ``[fallback]`` under the role's own
    ``[fonts.<role>.fallback]``, script by script."""
    shared = _script_fonts(tokens.get("fallback", {}), "fallback")
    chains: dict[str, Mapping[str, Mapping[str, str]]] = {}
    for role, spec in tokens["fonts"].items():
        own = _script_fonts(spec.get("fallback", {}), f"fonts.{role}.fallback")
        chains[role] = MappingProxyType({**shared, **own})
    return chains


def load_theme(
    name: str | None, origin: Origin | str = "--theme", confine: Path | None = None
) -> Theme:
    """Return the theme called ``name`` (None: the default); raise DeckError if it is unusable.

    ``confine`` is the deck folder when the deck itself names the theme: a deck may use
    installed themes and theme folders inside it, not run templates from elsewhere.
    """
    folders, tokens = _chain(name or DEFAULT_THEME, origin, confine)
    where = str(folders[0] / TOKENS_FILE)
    try:
        page = tokens["page"]
        fonts = {
            role: Font(**{k: v for k, v in spec.items() if k != "fallback"})
            for role, spec in tokens["fonts"].items()
        }
        code_style = tokens["code"]["style"]
        theme = Theme(
            name=str(tokens.get("name", folders[0].name)),
            description=str(tokens.get("description", "")),
            folders=tuple(folders),
            page_width=parse_length(page["width"]),
            page_height=parse_length(page["height"]),
            margin_x=parse_length(page["margin_x"]),
            margin_y=parse_length(page["margin_y"]),
            gap=parse_length(page["gap"]),
            colors=MappingProxyType(dict(tokens["colors"])),
            fonts=MappingProxyType(fonts),
            sizes=MappingProxyType({k: parse_length(v) for k, v in tokens["sizes"].items()}),
            min_sizes=MappingProxyType(
                {k: parse_length(v) for k, v in tokens["min_sizes"].items()}
            ),
            line_height=MappingProxyType({k: float(v) for k, v in tokens["line_height"].items()}),
            box=box_model(tokens["box"]),
            code_style=code_style,
            code_tokens=MappingProxyType(
                _code_tokens(code_style, tokens["code"].get("tokens", {}))
            ),
            fallback=MappingProxyType(_fallbacks(tokens)),
        )
    except KeyError as exc:
        raise DeckError(where, f"theme token {exc} is missing") from None
    except (TypeError, ValueError) as exc:
        raise DeckError(where, f"bad theme token: {exc}") from None
    return theme


def _entry_point_themes() -> dict[str, Path]:
    """Return themes installed by other packages under the ``deckgen.themes`` entry point group.

    Each entry point names a theme and loads to the path of its folder (a str or Path).
    """
    import importlib.metadata  # slow to import; only theme look-ups by name need it

    found = {}
    for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            found[entry.name] = Path(entry.load())
        except Exception:  # a broken plug-in must not stop the build; it is just not listed
            continue
    return found


def list_themes() -> list[str]:
    """Return the names of the built-in themes and of those installed by other packages."""
    root = builtin_themes_dir()
    names = (
        {p.name for p in root.iterdir() if (p / TOKENS_FILE).is_file()} if root.is_dir() else set()
    )
    return sorted(names | set(_entry_point_themes()))

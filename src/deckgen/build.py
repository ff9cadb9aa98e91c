"""The build facade: read -> parse -> layout -> backend -> write, in that order, once per deck."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.audience import Audience, for_audience
from deckgen.backends.html import HtmlOptions, render_html
from deckgen.diagnostics import DeckError, Diagnostic, Level
from deckgen.layout import LaidOutDeck, lay_out
from deckgen.model import Deck
from deckgen.parse import parse_deck
from deckgen.read import display_path, read_deck
from deckgen.themes import load_theme
from deckgen.write import prepare_outdir, write_atomic

if TYPE_CHECKING:  # python-pptx loads only when a .pptx is asked for (start-up time)
    from deckgen.backends.pptx import PptxOptions


class Format(enum.Enum):
    HTML = "html"
    PPTX = "pptx"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build: formats, theme override (None: the deck's own), audience, backend options."""

    formats: tuple[Format, ...] = (Format.HTML,)
    theme: str | None = None
    audience: Audience = Audience.TEACHER
    html: HtmlOptions = field(default_factory=HtmlOptions)
    pptx: PptxOptions | None = None  # None: the .pptx defaults
    allow_outside: bool = False  # embed images from outside the deck folder


@dataclass(frozen=True, slots=True)
class BuildResult:
    outputs: tuple[Path, ...]
    diagnostics: tuple[Diagnostic, ...]


Renderer = Callable[[LaidOutDeck, BuildOptions, list[Diagnostic]], bytes]


def _render_html(
    laid_out: LaidOutDeck, options: BuildOptions, diagnostics: list[Diagnostic]
) -> bytes:
    return render_html(laid_out, options.html, diagnostics)


def _render_pptx(
    laid_out: LaidOutDeck, options: BuildOptions, diagnostics: list[Diagnostic]
) -> bytes:
    from deckgen.backends.pptx import PptxOptions, render_pptx

    return render_pptx(laid_out, options.pptx or PptxOptions(), diagnostics)


RENDERERS: dict[Format, tuple[str, Renderer]] = {
    Format.HTML: (".html", _render_html),
    Format.PPTX: (".pptx", _render_pptx),
}


def load(
    source: Path,
    theme: str | None = None,
    audience: Audience = Audience.TEACHER,
    allow_outside: bool = False,
) -> tuple[Deck, LaidOutDeck, list[Diagnostic]]:
    """Return the deck at ``source`` for ``audience``, laid out in its theme, and diagnostics."""
    deck_source = read_deck(source)
    deck, diagnostics = parse_deck(deck_source, allow_outside)
    deck = for_audience(deck, audience, diagnostics)
    theme_setting = deck_source.settings.get("theme")
    theme_origin = (
        "--theme" if theme else theme_setting.origin if theme_setting else display_path(source)
    )
    if theme is not None:
        chosen = load_theme(theme, theme_origin)
    else:  # the deck's own setting: a theme folder is relative to the deck, and must lie in it
        local = deck.root / deck.meta.theme if deck.meta.theme else None
        name = str(local) if local is not None and local.is_dir() else deck.meta.theme
        chosen = load_theme(name, theme_origin, confine=deck.root)
    laid_out = lay_out(deck, chosen, diagnostics)
    return deck, laid_out, diagnostics


def first_error(diagnostics: list[Diagnostic]) -> Diagnostic | None:
    """Return the first error among ``diagnostics``, or None."""
    return next((d for d in diagnostics if d.level is Level.ERROR), None)


def build(source: Path, outdir: Path, options: BuildOptions) -> BuildResult:
    """Build the deck at ``source`` into ``outdir`` in each requested format.

    Every output is rendered before any is written, so an error leaves earlier outputs intact.
    """
    _, laid_out, diagnostics = load(source, options.theme, options.audience, options.allow_outside)
    error = first_error(diagnostics)
    if error is not None:
        raise DeckError(error.origin, error.message)
    rendered = []
    for fmt in options.formats:
        suffix, render = RENDERERS[fmt]
        rendered.append(
            (outdir / f"{laid_out.deck.name}{suffix}", render(laid_out, options, diagnostics))
        )
    prepare_outdir(outdir)
    for path, data in rendered:
        write_atomic(path, data)
    return BuildResult(tuple(path for path, _ in rendered), tuple(diagnostics))

"""The build facade: read -> parse -> layout -> backend -> write, in that order, once per deck."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.backends.html import HtmlOptions, render_html
from deckgen.diagnostics import DeckError, Diagnostic, Level
from deckgen.layout import LaidOutDeck, lay_out
from deckgen.model import Deck
from deckgen.parse import parse_deck
from deckgen.read import display_path, read_deck
from deckgen.themes import load_theme
from deckgen.write import prepare_outdir, write_atomic


class Format(enum.Enum):
    HTML = "html"
    PPTX = "pptx"


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build: formats, theme override (None: the deck's own), and HTML options."""

    formats: tuple[Format, ...] = (Format.HTML,)
    theme: str | None = None
    html: HtmlOptions = field(default_factory=HtmlOptions)


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
    raise DeckError(
        "--format", "the PowerPoint (.pptx) backend is not available yet; use --format html"
    )


RENDERERS: dict[Format, tuple[str, Renderer]] = {
    Format.HTML: (".html", _render_html),
    Format.PPTX: (".pptx", _render_pptx),
}


def load(source: Path, theme: str | None = None) -> tuple[Deck, LaidOutDeck, list[Diagnostic]]:
    """Return the deck at ``source``, laid out in its theme, and its diagnostics."""
    deck, diagnostics = parse_deck(read_deck(source))
    theme_origin = "--theme" if theme else display_path(source)
    laid_out = lay_out(deck, load_theme(theme or deck.meta.theme, theme_origin))
    return deck, laid_out, diagnostics


def first_error(diagnostics: list[Diagnostic]) -> Diagnostic | None:
    """Return the first error among ``diagnostics``, or None."""
    return next((d for d in diagnostics if d.level is Level.ERROR), None)


def build(source: Path, outdir: Path, options: BuildOptions) -> BuildResult:
    """Build the deck at ``source`` into ``outdir`` in each requested format.

    Every output is rendered before any is written, so an error leaves earlier outputs intact.
    """
    _, laid_out, diagnostics = load(source, options.theme)
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

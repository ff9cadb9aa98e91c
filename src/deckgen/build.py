"""The build facade: read -> parse -> layout -> backend -> write, in that order, once per deck."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.audience import Audience, for_audience
from deckgen.backends.html import HtmlOptions, linked_media, render_html
from deckgen.diagnostics import DeckError, Diagnostic, Level, Origin
from deckgen.fontstack import chains
from deckgen.images import read_picture
from deckgen.layout.deck import LaidOutDeck, lay_out
from deckgen.layout.text import TextMeasure
from deckgen.layout.typefaces import report_missing_fonts, template_measure
from deckgen.legibility import check_legibility
from deckgen.model import Deck, Image
from deckgen.parse import parse_deck
from deckgen.passes.raw_html import apply_raw_html
from deckgen.pdf import PdfOptions, print_pdf
from deckgen.read import DeckSource, display_path, read_deck
from deckgen.themes import Theme, load_theme
from deckgen.write import prepare_outdir, write_atomic

if TYPE_CHECKING:  # python-pptx loads only when a .pptx is asked for (start-up time)
    from deckgen.backends.pptx import PptxOptions


class Format(enum.Enum):
    HTML = "html"
    PPTX = "pptx"
    PDF = "pdf"  # the HTML deck, printed by a browser on the machine


@dataclass(frozen=True, slots=True)
class BuildOptions:
    """What to build: formats, theme override (None: the deck's own), audience, backend options."""

    formats: tuple[Format, ...] = (Format.HTML,)
    theme: str | None = None
    audience: Audience = Audience.TEACHER
    html: HtmlOptions = field(default_factory=HtmlOptions)
    pptx: PptxOptions | None = None  # None: the .pptx defaults
    pdf: PdfOptions = field(default_factory=PdfOptions)
    allow_outside: bool = False  # embed images from outside the deck folder


@dataclass(frozen=True, slots=True)
class BuildResult:
    outputs: tuple[Path, ...]
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A deck rendered in memory: its name, each format's bytes, the build's warnings, the

    folders of the theme it used (what a watcher must watch besides the deck) and the media
    files the HTML deck links rather than embeds, to be copied beside it.
    """

    name: str
    outputs: dict[Format, bytes]
    diagnostics: tuple[Diagnostic, ...]
    theme_folders: tuple[Path, ...]
    beside: tuple[tuple[Path, str], ...] = ()  # files the HTML links: (source, path from outdir)


Renderer = Callable[[LaidOutDeck, BuildOptions, list[Diagnostic]], bytes]


def _render_html(
    laid_out: LaidOutDeck, options: BuildOptions, diagnostics: list[Diagnostic]
) -> bytes:
    speaker_notes = options.audience is Audience.TEACHER
    return render_html(laid_out, replace(options.html, speaker_notes=speaker_notes), diagnostics)


def _render_pptx(
    laid_out: LaidOutDeck, options: BuildOptions, diagnostics: list[Diagnostic]
) -> bytes:
    from deckgen.backends.pptx import PptxOptions, render_pptx

    return render_pptx(laid_out, options.pptx or PptxOptions(), diagnostics)


def _render_pdf(
    laid_out: LaidOutDeck, options: BuildOptions, diagnostics: list[Diagnostic]
) -> bytes:
    """Return the HTML deck printed to PDF (always embedded: printing is offline).

    The HTML's warnings are the HTML format's; each is reported once when both are built.
    """
    html_diagnostics: list[Diagnostic] = []
    html = render_html(laid_out, replace(options.html, reveal_url=None), html_diagnostics)
    diagnostics.extend(d for d in html_diagnostics if d not in diagnostics)
    deck = laid_out.deck
    origin = Origin(display_path(deck.sources[0] if len(deck.sources) == 1 else deck.root))
    return print_pdf(html, options.pdf, diagnostics, origin)


RENDERERS: dict[Format, tuple[str, Renderer]] = {
    Format.HTML: (".html", _render_html),
    Format.PPTX: (".pptx", _render_pptx),
    Format.PDF: (".pdf", _render_pdf),
}


def _image_size(image: Image) -> tuple[int, int] | None:
    """Return the pixel size of a picture or a video (else of the video's poster)."""
    picture = read_picture(image.src)
    if picture is None and image.poster:
        picture = read_picture(image.poster)
    return (picture.width, picture.height) if picture else None


def load(
    source: Path,
    theme: str | None = None,
    audience: Audience = Audience.TEACHER,
    allow_outside: bool = False,
    template: Path | None = None,
    allow_html: bool = False,
    pptx: bool = True,
) -> tuple[Deck, LaidOutDeck, list[Diagnostic]]:
    """Return the deck at ``source`` for ``audience``, laid out in its theme, and diagnostics.

    With a .pptx ``template``, slides are laid out on its page and measured in its fonts too;
    ``pptx`` False leaves out the warnings that only concern a .pptx (no .pptx is made).
    """
    deck_source = read_deck(source)
    deck, diagnostics = parse_deck(deck_source, allow_outside)
    deck = for_audience(deck, audience, diagnostics)
    slides = apply_raw_html(list(deck.slides), allow_html, pptx, diagnostics)
    deck = replace(deck, slides=tuple(slides))
    chosen = theme_for(deck_source, theme)
    fallbacks = chains(chosen, deck.meta.lang)
    measure = TextMeasure(chosen.fonts, chains=fallbacks)
    if template is not None:
        from deckgen.backends.pptx import template_facts

        facts = template_facts(template)
        chosen = replace(chosen, page_width=facts.page[0], page_height=facts.page[1])
        measure = template_measure(chosen, facts.fonts, facts.origin, diagnostics, fallbacks)
    laid_out = lay_out(deck, chosen, measure, _image_size, diagnostics)
    report_missing_fonts(measure, display_path(deck_source.root), diagnostics)
    check_legibility(laid_out, diagnostics)
    return deck, laid_out, diagnostics


def theme_for(deck_source: DeckSource, theme: str | None) -> Theme:
    """Return the theme to build with: ``--theme`` (trusted), else the deck's own setting.

    A deck's own theme folder is relative to the deck and must lie inside it.
    """
    if theme is not None:
        return load_theme(theme, "--theme")
    setting = deck_source.settings.get("theme")
    if setting is None:
        return load_theme(None, display_path(deck_source.root))
    local = deck_source.root / str(setting.value)
    name = str(local) if local.is_dir() else str(setting.value)
    return load_theme(name, setting.origin, confine=deck_source.root)


def first_error(diagnostics: list[Diagnostic]) -> Diagnostic | None:
    """Return the first error among ``diagnostics``, or None."""
    return next((d for d in diagnostics if d.level is Level.ERROR), None)


def render(source: Path, options: BuildOptions) -> Rendered:
    """Return the deck at ``source`` rendered in each format asked for; raise DeckError on error.

    With a .pptx template, the slides are laid out on the template's page, in both formats.
    """
    template = None
    if Format.PPTX in options.formats and options.pptx is not None:
        template = options.pptx.template
    _, laid_out, diagnostics = load(
        source,
        options.theme,
        options.audience,
        options.allow_outside,
        template,
        options.html.allow_html,
        Format.PPTX in options.formats,
    )
    error = first_error(diagnostics)
    if error is not None:
        raise DeckError(error.origin, error.message)
    outputs = {fmt: RENDERERS[fmt][1](laid_out, options, diagnostics) for fmt in options.formats}
    beside: tuple[tuple[Path, str], ...] = ()
    if Format.HTML in options.formats:
        beside = tuple((Path(src), path) for src, path in linked_media(laid_out).items())
    return Rendered(
        laid_out.deck.name, outputs, tuple(diagnostics), laid_out.theme.folders, beside
    )


def write_outputs(rendered: Rendered, outdir: Path) -> tuple[Path, ...]:
    """Write each rendered format into ``outdir`` as ``<deck name>.<suffix>``; return the paths."""
    prepare_outdir(outdir)
    paths = []
    for source, relative in rendered.beside:  # before the deck that links them
        path = outdir / relative
        prepare_outdir(path.parent)
        write_atomic(path, source.read_bytes())
        paths.append(path)
    for fmt, data in rendered.outputs.items():
        path = outdir / f"{rendered.name}{RENDERERS[fmt][0]}"
        write_atomic(path, data)
        paths.append(path)
    return tuple(paths)


def build(source: Path, outdir: Path, options: BuildOptions) -> BuildResult:
    """Build the deck at ``source`` into ``outdir`` in each requested format.

    Every output is rendered before any is written, so an error leaves earlier outputs intact.
    """
    rendered = render(source, options)
    return BuildResult(write_outputs(rendered, outdir), rendered.diagnostics)

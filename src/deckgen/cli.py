"""The command line: options in, one call into the build, diagnostics out. Only wiring."""

from __future__ import annotations

import gc
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

import click

from deckgen import __version__
from deckgen.audience import Audience
from deckgen.backends.html import HtmlOptions
from deckgen.build import BuildOptions, Format, build, load
from deckgen.diagnostics import DeckError, Level, grouped
from deckgen.pdf import PdfOptions
from deckgen.read import display_path
from deckgen.themes import list_themes, load_theme

if TYPE_CHECKING:  # imported where used: a plain build loads neither python-pptx nor a server
    from deckgen.backends.pptx import PptxOptions
    from deckgen.watch import Outcome, Rebuilder

FORMAT_NAMES = {fmt.value: (fmt,) for fmt in Format} | {"all": tuple(Format)}


class FormatList(click.ParamType):
    """Formats separated by commas (``html,pptx,pdf``); ``all`` is every format."""

    name = "formats"

    def convert(
        self, value: object, param: click.Parameter | None, ctx: click.Context | None
    ) -> tuple[Format, ...]:
        if isinstance(value, tuple):
            return value
        chosen: set[Format] = set()
        for name in str(value).split(","):
            if name.strip().lower() not in FORMAT_NAMES:
                self.fail(f"{name.strip()!r} is not one of {', '.join(FORMAT_NAMES)}", param, ctx)
            chosen.update(FORMAT_NAMES[name.strip().lower()])
        return tuple(fmt for fmt in Format if fmt in chosen)  # HTML before the PDF printed from it


ALLOW_HTML_OPTION = click.option(
    "--allow-html", is_flag=True, help="Pass raw HTML in the source through to the HTML deck."
)
ALLOW_OUTSIDE_OPTION = click.option(
    "--allow-outside",
    is_flag=True,
    help="Embed images from outside the deck folder (default: an error).",
)
AUDIENCE_OPTION = click.option(
    "--audience",
    type=click.Choice([audience.value for audience in Audience]),
    default=Audience.TEACHER.value,
    show_default=True,
    help="student: no speaker notes and no teacher-only content, anywhere in the output.",
)


DEBUG_VARIABLE = "DECKGEN_DEBUG"
GC_THRESHOLDS = (50_000, 20, 100)


class InternalError(click.ClickException):
    """A bug in deckgen, not in the deck: one line asking for a report, exit status 2."""

    exit_code = 2

    def show(self, file: object = None) -> None:
        click.echo(f"deckgen: internal error: {self.message} (please report)", err=True)


class SafeGroup(click.Group):
    """A command group that shows an unexpected exception as one line, never a traceback.

    Set ``DECKGEN_DEBUG=1`` to see the traceback instead.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if os.environ.get(DEBUG_VARIABLE):
                raise
            summary = (str(exc).strip().splitlines() or [""])[0][:200]
            name = type(exc).__name__
            raise InternalError(f"{name}: {summary}" if summary else name) from None


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
def main() -> None:
    """Compile Markdown course material into reveal.js HTML and PowerPoint decks."""
    # A build makes millions of small objects that live until it ends: collecting the young
    # generation less often spares the collector re-scanning them (10% of a 10,000-slide build).
    gc.set_threshold(*GC_THRESHOLDS)


@main.command("build")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--outdir",
    type=click.Path(path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="Folder to write <deck name>.html / .pptx into.",
)
@click.option(
    "-f",
    "--format",
    "formats",
    type=FormatList(),
    default="html",
    show_default=True,
    help="Output formats, separated by commas: html, pptx, pdf; all is every one of them.",
)
@click.option(
    "-t", "--theme", default=None, help="Theme name or theme folder (default: the deck's own)."
)
@click.option(
    "--reveal-url",
    default=None,
    metavar="URL",
    help="Link reveal.js from URL (a folder with reveal.css, reveal.js) instead of embedding it.",
)
@ALLOW_HTML_OPTION
@ALLOW_OUTSIDE_OPTION
@click.option(
    "--template",
    type=click.Path(path_type=Path),
    default=None,
    metavar="FILE.pptx",
    help="Build the .pptx on this PowerPoint template (its masters, layouts by name, theme).",
)
@click.option(
    "--pdf-notes",
    is_flag=True,
    help="Print the PDF as the handout: each slide, then its speaker notes.",
)
@AUDIENCE_OPTION
@click.option("--watch", is_flag=True, help="Rebuild after every save until Ctrl+C (one SOURCE).")
def build_command(
    sources: tuple[Path, ...],
    outdir: Path,
    formats: tuple[Format, ...],
    theme: str | None,
    reveal_url: str | None,
    allow_html: bool,
    allow_outside: bool,
    template: Path | None,
    pdf_notes: bool,
    audience: str,
    watch: bool,
) -> None:
    """Build the deck in each SOURCE (a Markdown file or a folder of them), in one process.

    A deck with an error is reported and skipped; the others are still built (exit status 1).
    """
    if pdf_notes and Format.PDF not in formats:
        raise DeckError("--pdf-notes", "prints the PDF handout: add pdf to --format")
    if pdf_notes and Audience(audience) is Audience.STUDENT:
        raise DeckError("--pdf-notes", "the students' copy has no speaker notes to print")
    options = BuildOptions(
        formats=formats,
        theme=theme,
        html=HtmlOptions(reveal_url=reveal_url, allow_html=allow_html),
        pptx=_pptx_options(template),
        pdf=PdfOptions(notes=pdf_notes),
        allow_outside=allow_outside,
        audience=Audience(audience),
    )
    if watch:
        if len(sources) != 1:
            raise DeckError("--watch", "watches one SOURCE; give exactly one")
        from deckgen.watch import Rebuilder

        _watch(Rebuilder(sources[0], options, outdir))
        return
    _check_distinct_names(sources)
    failed = False
    for source in sources:
        try:
            result = build(source, outdir, options)
        except DeckError as error:
            if len(sources) == 1:
                raise
            error.show()
            failed = True
            continue
        for diagnostic in grouped(result.diagnostics):
            click.echo(str(diagnostic), err=True)
        for path in result.outputs:
            click.echo(f"wrote {display_path(path)}")
    if failed:
        raise click.exceptions.Exit(1)


def _report(outcome: Outcome) -> None:
    from deckgen.watch import describe

    for diagnostic in grouped(outcome.diagnostics):
        click.echo(str(diagnostic), err=True)
    click.echo(describe(outcome), err=not outcome.ok)


def _watch(rebuilder: Rebuilder) -> None:
    """Build, then rebuild and write after every save until Ctrl+C; keep the last good files."""

    def write(outcome: Outcome) -> None:
        _report(outcome)
        if outcome.ok:
            try:
                paths = rebuilder.write(outcome)
            except DeckError as error:
                error.show()
                return
            for path in paths:
                click.echo(f"wrote {display_path(path)}")

    try:
        rebuilder.loop(write, threading.Event())
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@main.command("serve")
@click.argument("source", type=click.Path(path_type=Path))
@click.option(
    "-p",
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port on 127.0.0.1 (0: any free port).",
)
@click.option(
    "-t", "--theme", default=None, help="Theme name or theme folder (default: the deck's own)."
)
@AUDIENCE_OPTION
@ALLOW_HTML_OPTION
@ALLOW_OUTSIDE_OPTION
def serve_command(
    source: Path,
    port: int,
    theme: str | None,
    audience: str,
    allow_html: bool,
    allow_outside: bool,
) -> None:
    """Preview the deck in SOURCE on http://127.0.0.1:PORT/, rebuilt and reloaded on each save.

    On an error the last good deck stays and the page shows the error until the next good save.
    """
    options = BuildOptions(
        theme=theme,
        audience=Audience(audience),
        html=HtmlOptions(allow_html=allow_html),
        allow_outside=allow_outside,
    )
    from deckgen.serve import serve
    from deckgen.watch import Rebuilder

    try:
        serve(
            Rebuilder(source, options),
            port,
            threading.Event(),
            on_outcome=_report,
            on_listening=lambda url: click.echo(f"serving {url} (Ctrl+C to stop)"),
        )
    except KeyboardInterrupt:
        click.echo("stopped serving", err=True)


def _pptx_options(template: Path | None) -> PptxOptions | None:
    """Return the .pptx options, or None for the defaults (python-pptx is not imported then)."""
    if template is None:
        return None
    from deckgen.backends.pptx import PptxOptions

    return PptxOptions(template=template)


def _check_distinct_names(sources: tuple[Path, ...]) -> None:
    """Raise DeckError when two sources would write the same output file."""
    seen: dict[str, Path] = {}
    for source in sources:
        name = source.resolve().name if source.is_dir() else source.stem
        if name in seen:
            raise DeckError(
                display_path(source),
                f"builds to '{name}' as {display_path(seen[name])} does (use separate -o folders)",
            )
        seen[name] = source


@main.command("themes")
def themes_command() -> None:
    """List the built-in themes."""
    for name in list_themes():
        click.echo(f"{name:12} {load_theme(name).description}")


@main.command("check")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-t", "--theme", default=None, help="Check the fit in this theme (default: the deck's)."
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.pass_context
def check_command(
    ctx: click.Context, sources: tuple[Path, ...], theme: str | None, strict: bool
) -> None:
    """Lint decks without writing anything: one 'file:line: level: message' per finding.

    Reports slides that must be split to fit, empty slides, images without alt text or file,
    text below WCAG AA contrast over a slide's own background, broken internal links, unknown
    code languages, unknown front-matter keys and steps that cannot be shown step by step.
    Exits 1 on an error (or on any finding with --strict).
    """
    failed = False
    for source in sources:
        try:
            _, _, diagnostics = load(source, theme)
        except DeckError as error:  # reported, and the other decks are still checked
            error.show()
            failed = True
            continue
        in_order = sorted(diagnostics, key=lambda d: (d.origin.path, d.origin.line))
        for diagnostic in grouped(in_order):
            click.echo(str(diagnostic))
        failed |= any(strict or d.level is Level.ERROR for d in diagnostics)
    ctx.exit(1 if failed else 0)


@main.command("new")
@click.argument("folder", type=click.Path(path_type=Path))
def new_command(folder: Path) -> None:
    """Write a starter deck into FOLDER (new or empty): deck.yaml, slides.md and an image.

    It shows the common constructs, builds with no warning and passes 'deckgen check --strict'.
    """
    from deckgen.starter import write_starter

    for path in write_starter(folder):
        click.echo(f"wrote {display_path(path)}")
    click.echo(f"next: deckgen build {display_path(folder)} --format html,pptx,pdf")

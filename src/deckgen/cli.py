"""The command line: options in, one call into the build, diagnostics out. Only wiring."""

from __future__ import annotations

from pathlib import Path

import click

from deckgen import __version__
from deckgen.backends.html import HtmlOptions
from deckgen.build import BuildOptions, Format, build
from deckgen.read import display_path
from deckgen.themes import list_themes, load_theme

FORMAT_CHOICES = {"html": (Format.HTML,), "pptx": (Format.PPTX,), "all": (Format.HTML, Format.PPTX)}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckgen")
def main() -> None:
    """Compile Markdown course material into reveal.js HTML and PowerPoint decks."""


@main.command("build")
@click.argument("source", type=click.Path(path_type=Path))
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
    "format_name",
    type=click.Choice(sorted(FORMAT_CHOICES)),
    default="html",
    show_default=True,
    help="Output format(s).",
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
@click.option(
    "--allow-html", is_flag=True, help="Pass raw HTML in the source through to the HTML deck."
)
def build_command(
    source: Path,
    outdir: Path,
    format_name: str,
    theme: str | None,
    reveal_url: str | None,
    allow_html: bool,
) -> None:
    """Build the deck in SOURCE (a Markdown file or a folder of them)."""
    options = BuildOptions(
        formats=FORMAT_CHOICES[format_name],
        theme=theme,
        html=HtmlOptions(reveal_url=reveal_url, allow_html=allow_html),
    )
    result = build(source, outdir, options)
    for diagnostic in result.diagnostics:
        click.echo(str(diagnostic), err=True)
    for path in result.outputs:
        click.echo(f"wrote {display_path(path)}")


@main.command("themes")
def themes_command() -> None:
    """List the built-in themes."""
    for name in list_themes():
        click.echo(f"{name:12} {load_theme(name).description}")

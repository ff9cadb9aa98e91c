"""Laid-out deck -> reveal.js HTML (the only jinja2 import).

By default everything is inlined (reveal.js, its notes plugin, fonts, images), so the single file
works from a USB stick with no network. ``reveal_url`` links reveal.js from a URL instead.
Structure lives in the theme's templates; this module renders inline text and code, which need
exact control of white space.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from deckgen.backends import web_assets
from deckgen.diagnostics import Diagnostic, Level
from deckgen.geometry import column_weights
from deckgen.layout import LaidOutDeck, Layout
from deckgen.measure import line_number
from deckgen.model import CodeBlock, Heading, Image, Inline, RawHtml, Run
from deckgen.passes import REMOTE, iter_blocks
from deckgen.themes import Theme

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "deck.html.j2"


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """How to write the HTML: ``reveal_url`` None embeds reveal.js, else links it from there;

    ``speaker_notes`` False leaves the notes out (a slide's "more" text is written either way).
    """

    reveal_url: str | None = None
    allow_html: bool = False
    speaker_notes: bool = True


def _run_html(run: Run, allow_html: bool) -> Markup:
    if run.raw and allow_html:
        return Markup(run.text)
    text = escape(run.text).replace("\n", Markup("<br>"))
    if run.code:
        text = Markup("<code>%s</code>") % text
    if run.bold:
        text = Markup("<strong>%s</strong>") % text
    if run.italic:
        text = Markup("<em>%s</em>") % text
    if run.strike:
        text = Markup("<del>%s</del>") % text
    if run.link:
        href = f"#/{run.link[1:]}" if run.link.startswith("#") else run.link
        text = Markup('<a href="%s">%s</a>') % (href, text)
    return text


def runs_html(runs: Inline, allow_html: bool = False) -> Markup:
    """Return ``runs`` as escaped inline HTML (raw source HTML passes only if ``allow_html``)."""
    return Markup("").join(_run_html(run, allow_html) for run in runs)


def code_html(block: CodeBlock) -> Markup:
    """Return a code block's lines as token-classed spans, one source line per output line."""
    lines = []
    for index, line in enumerate(block.lines):
        spans = Markup("").join(
            Markup('<span class="%s">%s</span>') % (span.token, span.text)
            if span.token
            else escape(span.text)
            for span in line
        )
        if number := line_number(block, index):
            spans = Markup('<span class="ln" aria-hidden="true">%s</span>') % number + spans
        lines.append(spans)
    return Markup("\n").join(lines)


def code_css(theme: Theme) -> str:
    """Return CSS colouring code token classes with the theme's code style."""
    rules = []
    for token, style in sorted(theme.code_tokens.items()):
        if not token:
            continue
        declarations = []
        if style.color:
            declarations.append(f"color:{style.color}")
        if style.bold:
            declarations.append("font-weight:700")
        if style.italic:
            declarations.append("font-style:italic")
        if declarations:
            rules.append(f".code .{token}{{{';'.join(declarations)}}}")
    return "\n".join(rules)


def theme_variables(theme: Theme) -> str:
    """Return the theme tokens as CSS custom properties for the theme's stylesheet."""
    values = {f"--color-{name.replace('_', '-')}": value for name, value in theme.colors.items()}
    for role, font in theme.fonts.items():
        fallback = "monospace" if role == "code" else "sans-serif"
        values[f"--font-{role}"] = f"'{font.family}', '{font.office}', {fallback}"
    for name, size in theme.sizes.items():
        values[f"--size-{name.replace('_', '-')}"] = f"{size.pt:g}pt"
    for name, ratio in theme.line_height.items():
        values[f"--line-height-{name}"] = f"{ratio:g}"
    values["--margin-x"] = f"{theme.margin_x.pt:g}pt"
    values["--margin-y"] = f"{theme.margin_y.pt:g}pt"
    values["--gap"] = f"{theme.gap.pt:g}pt"
    values["--page-width"] = f"{theme.page_width.px:g}px"
    values["--page-height"] = f"{theme.page_height.px:g}px"
    return ":root{" + ";".join(f"{k}:{v}" for k, v in values.items()) + "}"


def inline_script(text: str) -> Markup:
    """Return JavaScript safe to inline in a <script> element."""
    return Markup(text.replace("</script", "<\\/script").replace("<!--", "<\\!--"))


def _style(text: str) -> Markup:
    return Markup(text.replace("</style", "<\\/style"))


class _ImageSources:
    """Turns image paths into data URIs (embedded) and records what could not be embedded."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics

    def __call__(self, image: Image) -> str:
        if REMOTE.match(image.src):
            self.diagnostics.append(
                Diagnostic(
                    image.origin,
                    Level.WARNING,
                    "remote image is linked, not embedded (needs network)",
                )
            )
            return image.src
        return web_assets.data_uri(Path(image.src))


@lru_cache(maxsize=8)
def _environment(folders: tuple[Path, ...], allow_html: bool) -> jinja2.Environment:
    """Return the template environment of a theme's ``folders``.

    Cached, as compiling the templates is most of a render's time; jinja2 still reloads a
    template whose file changed (``deckgen serve`` picks up template edits).
    """
    import jinja2  # imported on first use: a .pptx-only build never pays for it

    loader = jinja2.ChoiceLoader(
        [jinja2.FileSystemLoader(str(folder / "templates")) for folder in folders]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["runs"] = lambda runs: runs_html(runs, allow_html)
    env.filters["code"] = code_html
    env.filters["column_weights"] = lambda block: column_weights([c.width for c in block.columns])
    env.filters["pt"] = lambda emu: f"{emu.pt:g}pt"
    return env


def _heading_level_lookup(laid_out: LaidOutDeck) -> Callable[[Heading], int]:
    """Return a function giving each heading's HTML level (see ``heading_levels``)."""
    levels = heading_levels(laid_out)
    return lambda block: levels.get(id(block), min(block.level + 1, 6))


def _report_raw_html(
    laid_out: LaidOutDeck, options: HtmlOptions, diagnostics: list[Diagnostic]
) -> None:
    """Warn about each raw HTML block that is dropped because the build does not allow HTML."""
    if options.allow_html:
        return
    for placed in laid_out.slides:
        for block in iter_blocks(placed.slide.body + placed.slide.notes):
            if isinstance(block, RawHtml):
                diagnostics.append(
                    Diagnostic(
                        block.origin,
                        Level.WARNING,
                        "raw HTML block dropped (build with --allow-html to keep it)",
                    )
                )


def heading_levels(laid_out: LaidOutDeck) -> dict[int, int]:
    """Return the HTML level of each heading inside a slide, keyed by ``id(block)``.

    Title and section slides are ``h1``, slide titles ``h2``; a heading inside a slide goes one
    level per Markdown level below the slide level, but never more than one below the heading
    before it on the page, so a screen reader's outline skips no level.
    """
    levels: dict[int, int] = {}
    slide_level = laid_out.deck.meta.slide_level
    previous = 1
    for placed in laid_out.slides:
        slide = placed.slide
        if placed.layout in (Layout.TITLE, Layout.SECTION):
            previous = 1
        elif slide.title:
            previous = 2
        for block in iter_blocks(slide.body + slide.notes):
            if isinstance(block, Heading):
                level = min(6, max(3, 2 + block.level - slide_level), previous + 1)
                levels[id(block)] = previous = level
    return levels


def reveal_config(theme: Theme) -> dict[str, object]:
    """Return the options passed to ``Reveal.initialize``.

    Phones keep the paged deck (swipe to turn) rather than reveal.js's scroll view, which does
    not fit fixed-size slides; printing (``?print-pdf``) puts each slide on exactly one page.
    """
    return {
        "width": round(theme.page_width.px),
        "height": round(theme.page_height.px),
        "margin": 0.04,
        "center": False,
        "hash": True,
        "slideNumber": "c/t",
        "progress": True,
        "controls": True,
        "transition": "none",
        "backgroundTransition": "none",
        "scrollActivationWidth": None,
        "pdfMaxPagesPerSlide": 1,
    }


def render_html(
    laid_out: LaidOutDeck, options: HtmlOptions, diagnostics: list[Diagnostic]
) -> bytes:
    """Return the deck as a reveal.js HTML document."""
    theme = laid_out.theme
    embed = options.reveal_url is None
    if embed:
        dist = web_assets.reveal_dist()
        reveal = {
            "css": _style(web_assets.read_text(dist / "reveal.css")),
            "js": inline_script(web_assets.read_text(dist / "reveal.js")),
            "notes": inline_script(web_assets.read_text(dist / "plugin" / "notes.js")),
        }
    else:
        reveal = {"url": Markup.escape(str(options.reveal_url).rstrip("/"))}
    stylesheet = "\n".join(path.read_text(encoding="utf-8") for path in theme.stylesheets())
    scripts = "\n".join(path.read_text(encoding="utf-8") for path in theme.scripts())
    _report_raw_html(laid_out, options, diagnostics)
    template = _environment(theme.folders, options.allow_html).get_template(TEMPLATE)
    html = template.render(
        deck=laid_out.deck,
        slides=laid_out.slides,
        theme=theme,
        embed=embed,
        reveal=reveal,
        fonts=_style(web_assets.font_face_css(theme)),
        variables=_style(theme_variables(theme)),
        stylesheet=_style(stylesheet),
        code_css=_style(code_css(theme)),
        config=inline_script(json.dumps(reveal_config(theme))),
        deck_script=inline_script(scripts),
        image_src=_ImageSources(diagnostics),
        heading_level=_heading_level_lookup(laid_out),
        allow_html=options.allow_html,
        speaker_notes=options.speaker_notes,
    )
    return html.encode("utf-8")

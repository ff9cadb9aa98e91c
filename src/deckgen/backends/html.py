"""Laid-out deck -> reveal.js HTML (the only jinja2 import).

By default everything is inlined (reveal.js, its notes plugin, fonts, images), so the single file
works from a USB stick with no network. ``reveal_url`` links reveal.js from a URL instead.
Structure lives in the theme's templates; this module renders inline text and code, which need
exact control of white space.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

from deckgen import constructs
from deckgen.backends import web_assets
from deckgen.backends.math_assets import math_css
from deckgen.constructs import Scope
from deckgen.diagnostics import Diagnostic, Level
from deckgen.geometry import column_weights
from deckgen.images import is_remote, media_type
from deckgen.inlines import INLINE_KINDS
from deckgen.kinds import kind_of
from deckgen.kinds.code import line_number
from deckgen.kinds.lists import marker_indent
from deckgen.language import LABELS_FILE, direction, interface_labels
from deckgen.layout.deck import LaidOutDeck, PlacedSlide
from deckgen.layout.pieces import ImagePiece, SlidePlan
from deckgen.layout.slide import Arrangement
from deckgen.model import (
    Block,
    BulletList,
    CodeBlock,
    Heading,
    Image,
    Inline,
    Media,
    Run,
    Slide,
    Step,
    plain_text,
)
from deckgen.passes.footnotes import footnote_line
from deckgen.passes.math import has_math
from deckgen.passes.walk import walk_blocks
from deckgen.themes import Theme

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "deck.html.j2"
FONTS_PLACEHOLDER = "/*deckgen: fonts*/"  # the fonts are chosen once the deck's text is known
_SCRIPTS_AND_STYLES = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
ROLE_ELEMENTS = {  # font role -> the elements style.css sets in it (the body's: everything)
    "heading": re.compile(r"<(h[1-6])\b.*?</\1>", re.DOTALL),
    "code": re.compile(r"<(code|pre)\b.*?</\1>", re.DOTALL),
}
EMBED_LIMIT = 10 * 2**20  # bytes: a larger video or sound is copied beside the deck and linked
BLOCKS_TEMPLATE = "blocks.html.j2"


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
    mathml = getattr(run.math, "mathml", None)  # a typeset formula (tex.formula.Formula)
    text = Markup(mathml) if mathml else escape(run.text).replace("\n", Markup("<br>"))
    for kind in INLINE_KINDS:
        if kind.applies(run):
            tag = kind.html.split()[0]
            text = Markup(f"<{kind.html}>%s</{tag}>") % text
    if run.classes:
        text = Markup('<span class="%s">%s</span>') % (" ".join(run.classes), text)
    if run.link:
        href = f"#/{run.link[1:]}" if run.link.startswith("#") else run.link
        text = Markup('<a href="%s">%s</a>') % (href, text)
    return text


def fragment_attributes(step: Step | None, *classes: str) -> Markup:
    """Return the attributes of an element that plays at ``step`` (a reveal.js fragment, its
    effects and its click as ``data-fragment-index``), with ``classes``; '' for no step."""
    if step is None or step.click < 1:
        return Markup(' class="%s"') % " ".join(classes) if classes else Markup("")
    names = " ".join(("fragment", *step.effects, *classes))
    return Markup(' class="%s" data-fragment-index="%d"') % (names, step.click - 1)


def runs_html(runs: Inline, allow_html: bool = False) -> Markup:
    """Return ``runs`` as escaped inline HTML (raw source HTML passes only if ``allow_html``).

    Neighbouring runs of one fragment span are one ``<span class="fragment">``.
    """
    if not any(run.step for run in runs):
        return Markup("").join(_run_html(run, allow_html) for run in runs)
    parts = []
    for step, group in itertools.groupby(runs, key=lambda run: run.step):
        html = Markup("").join(_run_html(run, allow_html) for run in group)
        parts.append(
            html
            if step is None
            else Markup("<span%s>%s</span>") % (fragment_attributes(step), html)
        )
    return Markup("").join(parts)


ATTRIBUTE_NAME = re.compile(r"[A-Za-z][\w-]*")
PASSED = constructs.by_name("slide classes and data attributes")


def section_attributes(slide: Slide) -> Markup:
    """Return a slide's classes and ``data-*`` attributes for its ``<section>`` (pandoc writes
    ``key=value`` as ``data-key``); those deckgen reads or reports otherwise are left out."""
    parts = []
    if slide.classes:
        parts.append(Markup(' class="%s"') % " ".join(slide.classes))
    for key, value in slide.attributes:
        if (
            not ATTRIBUTE_NAME.fullmatch(key)
            or constructs.find(Scope.SLIDE, f"{key}={value}") is not PASSED
        ):
            continue
        name = key if key.startswith("data-") else f"data-{key}"
        parts.append(Markup(' %s="%s"') % (name, value))
    return Markup("").join(parts)


def list_numbering(block: BulletList, list_indent: float) -> Markup:
    """Return the ``style`` that numbers an ordered list as written (``a)``, ``(iv)``...),
    its text as far in as the layout stage put it (``kinds.lists.marker_indent``)."""
    if block.numbering == "decimal" and block.delimiter == ".":
        return Markup("")
    prefix = {".": "", ")": "paren-", "()": "parens-"}.get(block.delimiter, "")
    indent = marker_indent(block, list_indent)
    return Markup(
        ' style="list-style-type:%s%s;padding-inline-start:calc(%gem - var(--box-bullet-offset))"'
    ) % (prefix, block.numbering, indent)


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
    values.update(theme.box.css_variables())
    return ":root{" + ";".join(f"{k}:{v}" for k, v in values.items()) + "}"


def inline_script(text: str) -> Markup:
    """Return JavaScript safe to inline in a <script> element."""
    return Markup(text.replace("</script", "<\\/script").replace("<!--", "<\\!--"))


def _style(text: str) -> Markup:
    return Markup(text.replace("</style", "<\\/style"))


def image_src(src: str) -> str:
    """Return the ``src`` of a picture: its file as a data URI, or its URL when remote (the
    images pass has reported that)."""
    return src if is_remote(src) else web_assets.data_uri(Path(src))


def href(link: str) -> str:
    """Return a link as reveal.js follows it (``#id`` jumps to the slide: ``#/id``)."""
    return f"#/{link[1:]}" if link.startswith("#") else link


def linked_media(laid_out: LaidOutDeck) -> dict[str, str]:
    """Return each video or sound file too large to embed, by path, with the path the HTML
    deck links it as: ``<deck>-media/<file name>``, beside the deck (``EMBED_LIMIT``)."""
    linked: dict[str, str] = {}
    taken: set[str] = set()
    for placed in laid_out.slides:
        for piece in placed.plan.pieces:
            if not isinstance(piece, ImagePiece) or piece.image.media is Media.PICTURE:
                continue
            src = piece.image.src
            if is_remote(src) or src in linked or Path(src).stat().st_size <= EMBED_LIMIT:
                continue
            path = Path(src)
            name, number = path.name, 1
            while name in taken:
                number += 1
                name = f"{path.stem}-{number}{path.suffix}"
            taken.add(name)
            linked[src] = f"{laid_out.deck.name}-media/{name}"
    return linked


def _media_source(linked: dict[str, str]) -> Callable[[Image], str]:
    """Return the function giving a video's or a sound's ``src``: its URL when remote, its
    path beside the deck when too large to embed, else its file as a data URI."""

    def source(image: Image) -> str:
        if is_remote(image.src):
            return image.src
        if image.src in linked:
            return linked[image.src]
        return web_assets.data_uri(Path(image.src), media_type(image.src))

    return source


def _report_linked(
    linked: dict[str, str], diagnostics: list[Diagnostic], laid_out: LaidOutDeck
) -> None:
    origins = {
        piece.image.src: piece.image.origin
        for placed in laid_out.slides
        for piece in placed.plan.pieces
        if isinstance(piece, ImagePiece) and piece.image.src in linked
    }
    limit = EMBED_LIMIT // 2**20
    for src, relative in linked.items():
        size = Path(src).stat().st_size / 2**20
        message = (
            f"{Path(src).name} ({size:.0f} MB) is larger than the {limit} MB the HTML deck "
            f"embeds: copied beside it as {relative} (keep the two together)"
        )
        diagnostics.append(Diagnostic(origins[src], Level.WARNING, message, "media-linked"))


def background_attributes(plan: SlidePlan) -> Markup:
    """Return reveal.js's ``data-background-*`` attributes of a slide's own background."""
    written = plan.background.written if plan.background is not None else None
    if written is None:
        return Markup("")
    values: dict[str, str] = {}
    if written.color:
        values["color"] = written.color
    if written.image:
        values["image"] = image_src(written.image)
        values["size"] = written.size
        values["position"] = written.position
        values["repeat"] = written.repeat
        if written.opacity != 1.0:
            values["opacity"] = f"{written.opacity:g}"
    return Markup("").join(
        Markup(' data-background-%s="%s"') % (name, value) for name, value in values.items()
    )


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
    env.filters["fragment"] = fragment_attributes
    env.filters["code"] = code_html
    env.filters["column_weights"] = lambda block: column_weights([c.width for c in block.columns])
    env.filters["section_attributes"] = section_attributes
    env.filters["numbering"] = list_numbering
    env.filters["footnote"] = footnote_line
    env.filters["pt"] = lambda emu: f"{emu.pt:g}pt"
    env.filters["href"] = href
    env.filters["plain"] = plain_text
    env.filters["background"] = background_attributes
    env.filters["px"] = lambda emu: f"{emu.px:.2f}px"
    return env


def _heading_level_lookup(laid_out: LaidOutDeck) -> Callable[[Heading], int]:
    """Return a function giving each heading's HTML level (see ``heading_levels``)."""
    levels = heading_levels(laid_out)
    return lambda block: levels.get(id(block), min(block.level + 1, 6))


class BlockRenderer:
    """Renders blocks with the macro of each block's kind in the theme's ``blocks.html.j2``."""

    def __init__(self, env: jinja2.Environment, context: dict[str, object]) -> None:
        context = {**context, "render_blocks": self}
        self.macros = env.get_template(BLOCKS_TEMPLATE).make_module(context)

    def __call__(self, blocks: tuple[Block, ...], placed: PlacedSlide) -> Markup:
        parts = []
        for block in blocks:
            macro = getattr(self.macros, kind_of(block).name, None)
            if macro is None:
                raise TypeError(f"{BLOCKS_TEMPLATE} has no macro for '{kind_of(block).name}'")
            parts.append(macro(block, placed))
        return Markup("").join(parts)


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
        if placed.arrangement in (Arrangement.TITLE, Arrangement.SECTION):
            previous = 1
        elif slide.title:
            previous = 2
        for block in walk_blocks(slide.body + slide.notes):
            if isinstance(block, Heading):
                level = min(6, max(3, 2 + block.level - slide_level), previous + 1)
                levels[id(block)] = previous = level
    return levels


def reveal_config(theme: Theme) -> dict[str, object]:
    """Return the options passed to ``Reveal.initialize``.

    Phones keep the paged deck (swipe to turn) rather than reveal.js's scroll view, which does
    not fit fixed-size slides; printing (``?print-pdf``) puts each slide on exactly one page,
    complete (every step shown).
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
        "pdfSeparateFragments": False,
    }


def font_families(theme: Theme, fallbacks: Mapping[str, tuple[str, ...]]) -> str:
    """Return CSS that lists, after each role's own font, the fallback fonts the deck embeds
    for it (an embedded family hides an installed one of the same name)."""
    values = []
    for role, families in fallbacks.items():
        font = theme.fonts[role]
        generic = "monospace" if role == "code" else "sans-serif"
        listed = ", ".join(f"'{family}'" for family in (font.family, *families, font.office))
        values.append(f"--font-{role}:{listed}, {generic}")
    return ":root{" + ";".join(values) + "}" if values else ""


def shown_characters(html: str, labels: Mapping[str, object]) -> dict[str, str]:
    """Return the characters the deck shows in each font role: the body's are all its text
    outside scripts and styles, and the interface labels its script writes."""
    text = _SCRIPTS_AND_STYLES.sub("", html)
    shown = {"body": "".join(set(text) | set(json.dumps(labels, ensure_ascii=False)))}
    for role, elements in ROLE_ELEMENTS.items():
        inside = "".join(match.group(0) for match in elements.finditer(text))
        shown[role] = "".join(set(_TAG.sub("", inside)))
    return shown


def _fonts(laid_out: LaidOutDeck, characters: Mapping[str, str]) -> str:
    """Return the deck's ``@font-face`` rules and font lists for the text it shows."""
    theme = laid_out.theme
    embedded = web_assets.embedded_fonts(theme, characters, laid_out.deck.meta.lang)
    return "\n".join(
        part
        for part in (embedded.css, font_families(theme, embedded.fallbacks), _math_css(laid_out))
        if part
    )


def _math_css(laid_out: LaidOutDeck) -> str:
    """Return the math font and rules for a deck with math, else nothing (its file stays small)."""
    deck = laid_out.deck
    return math_css() if has_math((deck.slides, deck.meta.notes)) else ""


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
    env = _environment(theme.folders, options.allow_html)
    labels = interface_labels(theme.files(LABELS_FILE), laid_out.deck.meta.lang)
    linked = linked_media(laid_out)
    _report_linked(linked, diagnostics, laid_out)
    shared: dict[str, object] = {
        "image_src": image_src,
        "media_src": _media_source(linked),
        "heading_level": _heading_level_lookup(laid_out),
        "allow_html": options.allow_html,
        "list_indent": theme.box.list_indent,
    }
    html = env.get_template(TEMPLATE).render(
        render_blocks=BlockRenderer(env, shared),
        **shared,
        deck=laid_out.deck,
        slides=laid_out.slides,
        theme=theme,
        embed=embed,
        reveal=reveal,
        fonts=Markup(FONTS_PLACEHOLDER),
        variables=_style(theme_variables(theme)),
        stylesheet=_style(stylesheet),
        code_css=_style(code_css(theme)),
        config=inline_script(json.dumps(reveal_config(theme))),
        direction=direction(laid_out.deck.meta),
        labels=inline_script(json.dumps(labels)),
        deck_script=inline_script(scripts),
        speaker_notes=options.speaker_notes,
    )
    fonts = _style(_fonts(laid_out, shown_characters(html, labels)))
    return html.replace(FONTS_PLACEHOLDER, fonts, 1).encode("utf-8")

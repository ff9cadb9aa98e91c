"""Inline HTML among a paragraph's Markdown: the tags, read one at a time, in order.

mistune gives each tag as its own token between the text tokens, as pandoc's raw inlines are.
``Tags`` keeps the elements open in one sequence of tokens (a paragraph, a link's text): a styling
element (``<sub>``, ``<span class>``, ``<font size>``, ``<a href>``...) sets its ``Run`` fields on
the text up to its end tag (or the end of the sequence); ``<br>`` is a line break; ``<img>`` a
picture; an element deckgen does not show (``<button>``, ``<script>``) is read whole, tags and
text, into one raw run for the raw-HTML pass (dropped with a warning, or with ``--allow-html``
kept for the HTML deck). Comments are hidden; a block-level tag here (a ``<div>`` inside a
paragraph) keeps its text in place.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.htmlsource.blocks import report_comment, report_script, script_attribute
from deckgen.htmlsource.elements import QUIET_ATTRIBUTES, Element, Role, element
from deckgen.htmlsource.scan import Comment, Tag, scan
from deckgen.htmlsource.styles import font_runs, report_ignored, sized, style_runs
from deckgen.images import media_of
from deckgen.model import Image, Media, Run, Step

# pandoc's span classes that are styles ([text]{.underline}); "fragment" is a step (steps pass)
SPAN_STYLES = {"underline": "underline", "smallcaps": "smallcaps", "mark": "mark"}
QUOTES = ("\u201c", "\u201d")  # <q>: the quotation marks a browser draws around it
FONT_CSS = {"color": "color", "face": "font-family"}  # <font>'s attributes, as CSS says them
ATTRIBUTE_NAME = re.compile(r"[A-Za-z][\w:.-]*")
READ = "class style id href size src alt width height align poster data-fragment-index"
READ_ATTRIBUTES = frozenset(READ.split())


@dataclass
class _Open:
    name: str
    changes: dict[str, object]
    wrapped: bool = False  # its unread attributes wrap its text in a raw <span> (--allow-html)


@dataclass
class _Whole:
    """An element read whole: its name, how deep its own name nests, its source so far."""

    name: str
    origin: Origin
    parts: list[str]
    shown: bool  # its source becomes a raw run (False: a player's fallback, not shown)
    depth: int = 1


def _with(run: Run, changes: dict[str, object]) -> Run:
    """Return ``run`` with an element's ``changes``: styles added, classes appended."""
    fields: dict[str, object] = {}
    for key, value in changes.items():
        if key == "classes":
            added = tuple(name for name in value if name not in run.classes)  # type: ignore[attr-defined]
            fields[key] = run.classes + added
        else:
            fields[key] = value
    return replace(run, **fields)  # type: ignore[arg-type]


@dataclass
class Tags:
    """The HTML elements open in one sequence of inline tokens. ``where`` finds the source
    line of a tag by its text; warnings go to ``diagnostics``."""

    where: Callable[[str], Origin]
    diagnostics: list[Diagnostic]
    open: list[_Open] = field(default_factory=list)
    whole: _Whole | None = None

    @property
    def reading_whole(self) -> bool:
        """Return True inside an element read whole (its tokens go to ``swallow``)."""
        return self.whole is not None

    def style(self, base: Run) -> Run:
        """Return ``base`` with the styles of the open elements."""
        for item in self.open:
            base = _with(base, item.changes)
        return base

    def tag(self, raw: str, style: Run, images: list[Image]) -> list[Run]:
        """Read the tag (or comment) ``raw``; return the runs it stands for where it stands
        (a line break, a quotation mark, an element read whole). A picture goes to ``images``."""
        found = scan(raw)
        if not found:
            return [replace(style, text=raw)]
        first = found[0]
        if isinstance(first, Comment):
            report_comment(raw, self.where(raw), self.diagnostics)
            return []
        record = element(first.name)
        if first.closing and not first.self_closing:
            return self._close(first.name, style)
        origin = self.where(raw)
        if record is None:
            message = f"HTML element <{first.name}> not known: its tag is left out, its text shown"
            self.diagnostics.append(Diagnostic(origin, Level.WARNING, message, "html-unknown"))
            return []
        for name, _ in first.attributes:
            if script_attribute(name):
                report_script(name, first.name, origin, self.diagnostics)
        return self._start(first, record, raw, origin, style, images)

    def _start(
        self, tag: Tag, record: Element, raw: str, origin: Origin, style: Run, images: list[Image]
    ) -> list[Run]:
        role = record.role
        ends = record.void or tag.self_closing
        if role is Role.STYLE:
            if ends:
                return []
            changes, unread = self._changes(tag, record, origin)
            self.open.append(_Open(tag.name, changes, bool(unread)))
            runs = [replace(style, text=unread, raw=True)] if unread else []
            return runs + ([replace(self.style(style), text=QUOTES[0])] if tag.name == "q" else [])
        if role is Role.BREAK:
            return [replace(style, text="\n")] if tag.name == "br" else []
        if role is Role.PICTURE and tag.get("src"):
            picture = Image(tag.get("src"), tag.get("alt"), origin, tag.get("title"))
            picture = replace(picture, link=style.link, media=media_of(picture.src))
            images.append(sized(picture, tag, self.diagnostics))
        elif role is Role.MEDIA:
            src = tag.get("src")
            if src:
                media = media_of(src)
                media = Media.AUDIO if media is Media.PICTURE and tag.name == "audio" else media
                player = Image(src, tag.get("aria-label") or tag.get("title"), origin)
                images.append(sized(replace(player, media=media), tag, self.diagnostics))
            if not ends:  # its fallback content (shown by players that cannot play) is not
                self.whole = _Whole(tag.name, origin, [raw], shown=not src)
        elif role is Role.DROPPED:
            if ends:
                return [replace(style, text=raw, raw=True)]
            self.whole = _Whole(tag.name, origin, [raw], shown=True)
        return []

    def _changes(self, tag: Tag, record: Element, origin: Origin) -> tuple[dict[str, object], str]:
        """Return the Run fields a styling element sets on its text, and a ``<span>`` start tag
        with what else it writes (styles, colours, attributes: "" for nothing), which the HTML
        deck keeps when the build allows HTML."""
        changes: dict[str, object] = dict(record.style)
        classes = list(record.classes)
        for name in tag.get("class").split():
            if name in SPAN_STYLES:
                changes[SPAN_STYLES[name]] = True
            else:
                classes.append(name)
        if classes:
            changes["classes"] = tuple(classes)
        index = tag.get("data-fragment-index").strip()
        if index.lstrip("-").isdigit():
            changes["step"] = Step(index=int(index))
        found, css = style_runs(tag.get("style"))
        changes.update(found)
        ignored = [f"style '{name}'" for name, _ in css]
        if tag.name == "a" and tag.get("href"):
            changes["link"] = tag.get("href")
        if tag.name == "font":
            found, larger = font_runs(tag.get("size"))
            changes.update(found)
            ignored += ["size"] if larger else []
            css += larger
            for name, property_name in FONT_CSS.items():
                if tag.get(name):
                    ignored.append(name)
                    css.append((property_name, tag.get(name)))
        unread = [
            (name, value)
            for name, value in tag.attributes
            if name not in READ_ATTRIBUTES
            and name not in QUIET_ATTRIBUTES
            and not name.startswith(("aria-", "data-", "on"))
            and not (tag.name == "font" and name in FONT_CSS)
            and ATTRIBUTE_NAME.fullmatch(name)
        ]
        ignored += [f"attribute '{name}'" for name, _ in unread]
        report_ignored(ignored, tag.name, origin, self.diagnostics, html_keeps=True)
        if css:
            declarations = "; ".join(f"{name}: {value}" for name, value in css)
            unread.insert(0, ("style", declarations))
        written = "".join(f' {name}="{html.escape(value)}"' for name, value in unread)
        return changes, f"<span{written}>" if unread else ""

    def _close(self, name: str, style: Run) -> list[Run]:
        """End the innermost open element called ``name`` (an end tag with none is ignored)."""
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].name == name:
                runs = [replace(self.style(style), text=QUOTES[1])] if name == "q" else []
                if self.open[index].wrapped:
                    runs.append(replace(style, text="</span>", raw=True))
                del self.open[index]
                return runs
        return []

    def close_all(self, style: Run) -> list[Run]:
        """Return the end tags of the raw ``<span>``s still open at the end of the tokens."""
        wrapped = sum(item.wrapped for item in self.open)
        self.open.clear()
        return [replace(style, text="</span>" * wrapped, raw=True)] if wrapped else []

    def swallow(self, text: str, tag: str | None, style: Run) -> list[Run]:
        """Add the source ``text`` of one token to the element read whole (``tag``: the token
        is a tag); return its raw run once its end tag is read."""
        whole = self.whole
        assert whole is not None
        whole.parts.append(text)
        found = scan(tag)[0] if tag else None
        if isinstance(found, Tag) and found.name == whole.name and not found.self_closing:
            whole.depth += -1 if found.closing else 1
        return self.finish(style) if whole.depth == 0 else []

    def finish(self, style: Run) -> list[Run]:
        """Return the raw run of an element read whole that is still open (at the end of the
        tokens, or once its end tag is read)."""
        whole, self.whole = self.whole, None
        if whole is None or not whole.shown:
            return []
        return [replace(style, text="".join(whole.parts), raw=True)]

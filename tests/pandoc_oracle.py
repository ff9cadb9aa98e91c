"""pandoc as the oracle: its slides (level and title) and its metadata, next to deckgen's.

Slides come from pandoc's reveal.js output: each ``<section class="slide levelN">`` is a slide,
titled by its first element when that is a heading of level N (an untitled slide may start
with a deeper heading). A slide with no title, no content and no ``data-`` attribute (a
``---`` right before a section heading gives one) shows nothing and is left out, as deckgen
makes no slide of it. Titles on both sides are made plain text by pandoc itself, so Markdown
markup and smart quotes compare equal.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import pypandoc

from deckgen.parse import slide_level
from deckgen.read import read_deck
from deckgen.split import Div, SlideSource, Text, split_slides

Slides = list[tuple[int, str]]
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
SEPARATOR = "DECKGENTITLESEPARATOR"
EMPTY = "DECKGENEMPTYTITLE"


class _Sections(HTMLParser):
    """Collect the slides of pandoc's reveal.js HTML: [level, title, shows something].

    A slide section inside another slide or inside speaker notes (pandoc nests one in a
    ``notes`` aside when a note holds a heading) is no slide of reveal.js.
    """

    def __init__(self) -> None:
        super().__init__()
        self.slides: list[list[object]] = []
        self.sections: list[bool] = []  # open sections: True for a slide
        self.asides = 0  # open <aside> elements (speaker notes)
        self.fresh = False  # nothing seen yet in the current slide
        self.heading: str | None = None
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        level = re.search(r"\blevel(\d)\b", found.get("class") or "")
        is_slide = tag == "section" and "slide" in (found.get("class") or "").split()
        inside_slide = any(self.sections) or self.asides > 0
        if tag == "aside":
            self.asides += 1
        if tag == "section":
            self.sections.append(is_slide)
        if is_slide and not inside_slide:
            data = any(name.startswith("data-") for name, _ in attrs)
            self.slides.append([int(level.group(1)) if level else 0, "", data])
            self.fresh = True
            return
        if not self.slides or (tag == "section" and not inside_slide):
            return
        if self.fresh and tag == f"h{self.slides[-1][0]}":
            self.heading, self.text = tag, ""
        else:
            self.slides[-1][2] = True
        self.fresh = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "section" and self.sections:
            self.sections.pop()
        if tag == "aside":
            self.asides -= 1
        if tag == self.heading:
            self.slides[-1][1] = " ".join(self.text.split())
            self.heading = None

    def handle_data(self, data: str) -> None:
        if self.heading is not None:
            self.text += data
        elif self.slides and data.strip():
            self.slides[-1][2] = True
            self.fresh = False


@lru_cache(maxsize=64)
def pandoc_slides(text: str, level: int | None) -> Slides:
    """Return pandoc's slides of the Markdown ``text`` at ``level`` (None: pandoc decides)."""
    extra = [] if level is None else [f"--slide-level={level}"]
    html = pypandoc.convert_text(text, "revealjs", format="markdown", extra_args=extra)
    parser = _Sections()
    parser.feed(html)
    return [(int(lvl), str(title)) for lvl, title, shows in parser.slides if title or shows]


def plain(texts: list[str]) -> list[str]:
    """Return each Markdown inline text of ``texts`` as pandoc's plain text, white space
    collapsed."""
    if not texts:
        return []
    joined = f"\n\n{SEPARATOR}\n\n".join(text if text.strip() else EMPTY for text in texts)
    out = pypandoc.convert_text(joined, "plain", format="markdown", extra_args=["--wrap=none"])
    parts = [" ".join(part.split()) for part in out.split(SEPARATOR)]
    return ["" if part == EMPTY else part for part in parts]


def _shows_something(source: SlideSource) -> bool:
    """Return True unless ``source`` is untitled and holds only blank lines and comments."""
    if source.level is not None:
        return True
    for segment in source.segments:
        if isinstance(segment, Div):
            return True
        if isinstance(segment, Text) and COMMENT.sub("", "\n".join(segment.lines)).strip():
            return True
    return False


def deckgen_slides(path: Path, level: int | None = None) -> tuple[int, Slides]:
    """Return the slide level deckgen uses for the deck at ``path`` (``level`` when given) and
    its slides, as the slide scanner splits them."""
    source = read_deck(path)
    used = slide_level(source) if level is None else level
    sources = [
        found
        for file in source.files
        for found in split_slides(file, used, [])
        if _shows_something(found)
    ]
    titles = plain([found.title for found in sources])
    return used, [
        (used if found.level is None else found.level, title)
        for found, title in zip(sources, titles, strict=True)
    ]


METADATA_TEMPLATE = """\
title: $title$
subtitle: $subtitle$
author: $for(author)$$if(author.name)$$author.name$$else$$author$$endif$$sep$, $endfor$
institute: $for(institute)$$institute$$sep$, $endfor$
date: $date$
"""


def pandoc_metadata(text: str, template: Path) -> dict[str, str]:
    """Return pandoc's title, subtitle, authors, institute and date of ``text``, as plain text.

    ``template`` is a writable path for the template file pandoc reads.
    """
    template.write_text(METADATA_TEMPLATE, encoding="utf-8")
    out = pypandoc.convert_text(
        text, "plain", format="markdown", extra_args=["--template", str(template), "--wrap=none"]
    )
    fields = {}
    for line in out.splitlines():
        key, _, value = line.partition(": ")
        fields[key.rstrip(":")] = " ".join(value.split())
    return fields

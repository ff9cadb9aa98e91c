"""The steps of a reveal.js deck as reveal.js plays them: pandoc's output is the oracle.

``pandoc_steps`` runs pandoc's revealjs writer on a fixture and returns, per slide, every element
with the ``fragment`` class: its text, its reveal.js effect classes and the click it shows at.
``html_steps`` reads any reveal.js HTML the same way, so a test can hold deckgen's deck against
pandoc's. The click numbers follow reveal.js's own rule (``Fragments.sort``): fragments with a
``data-fragment-index`` first, by that index (gaps closed), then the rest one by one in document
order; the first click is 0.

``incremental: true`` in front matter or ``deck.yaml`` is what ``-i`` is to pandoc (Quarto reads
it so; pandoc's own reader ignores the key), so it is passed as ``--incremental``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pypandoc
import yaml
from lxml import html as lxml_html

REPO = Path(__file__).resolve().parents[1]
REVEAL_CSS = REPO / "node_modules" / "reveal.js" / "dist" / "reveal.css"
STATE_CLASSES = frozenset({"visible", "current-fragment", "disabled", "custom"})
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.S)


@dataclass(frozen=True)
class Step:
    """One fragment: its text, effect classes (none: a plain fragment) and click (from 0).

    ``place`` names where deckgen cannot show a step ("table" cell, speaker "notes"), else "".
    """

    text: str
    effects: tuple[str, ...]
    index: int
    place: str = ""


@dataclass(frozen=True)
class SlideSteps:
    """A slide's title and its fragments in the order they appear (click, then document)."""

    title: str
    steps: tuple[Step, ...]


@cache
def effect_classes() -> frozenset[str]:
    """Return reveal.js's fragment effect classes, read from its stylesheet (plus ``fade-in``)."""
    css = REVEAL_CSS.read_text(encoding="utf-8")
    found = set(re.findall(r"\.fragment\.([a-z][a-z-]*)", css)) - STATE_CLASSES
    assert "fade-up" in found, f"no fragment effects found in {REVEAL_CSS}"
    return frozenset(found | {"fade-in"})


def _settings(markdown: str) -> dict[str, object]:
    match = FRONT_MATTER.match(markdown)
    loaded = yaml.safe_load(match.group(1)) if match else None
    return loaded if isinstance(loaded, dict) else {}


def deck_source(path: Path) -> tuple[str, bool]:
    """Return a deck's Markdown (a folder's files joined, by ``files:`` or name) and ``-i``."""
    if path.is_file():
        markdown = path.read_text(encoding="utf-8")
        return markdown, _settings(markdown).get("incremental") is True
    manifest_file = path / "deck.yaml"
    manifest = yaml.safe_load(manifest_file.read_text(encoding="utf-8")) or {}
    names = manifest.get("files") or sorted(p.name for p in path.glob("*.md"))
    markdown = "\n\n".join((path / name).read_text(encoding="utf-8") for name in names)
    incremental = manifest.get("incremental") is True or _settings(markdown).get("incremental")
    return markdown, incremental is True


def pandoc_revealjs(path: Path) -> str:
    """Return pandoc's reveal.js slides for the deck at ``path`` (slide level 2)."""
    markdown, incremental = deck_source(path)
    options = ["--slide-level=2"] + (["--incremental"] if incremental else [])
    return str(pypandoc.convert_text(markdown, "revealjs", format="markdown", extra_args=options))


def _text(element: lxml_html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _place(element: lxml_html.HtmlElement) -> str:
    for ancestor in element.iterancestors():
        if ancestor.tag in ("td", "th"):
            return "table"
        if ancestor.tag == "aside" and "notes" in ancestor.classes:
            return "notes"
    return ""


def _reveal_order(fragments: list[lxml_html.HtmlElement]) -> list[list[lxml_html.HtmlElement]]:
    """Return the fragments grouped by click, as reveal.js's ``Fragments.sort`` groups them."""
    numbered: dict[int, list[lxml_html.HtmlElement]] = {}
    unnumbered = []
    for fragment in fragments:
        index = re.match(r"\s*(\d+)", fragment.get("data-fragment-index", ""))  # parseInt
        if index:
            numbered.setdefault(int(index.group(1)), []).append(fragment)
        else:
            unnumbered.append([fragment])
    return [numbered[i] for i in sorted(numbered)] + unnumbered


def html_steps(page: str) -> list[SlideSteps]:
    """Return every slide of reveal.js HTML ``page`` (innermost ``section``) with its steps."""
    root = lxml_html.fromstring(f"<div>{page}</div>")
    slides = []
    for section in root.iter("section"):
        if section.find(".//section") is not None:
            continue  # a stack of vertical slides
        headings = list(section.iter("h1", "h2", "h3"))
        title = _text(headings[0]) if headings else ""
        fragments = [e for e in section.iter() if "fragment" in getattr(e, "classes", ())]
        steps = tuple(
            Step(
                _text(fragment),
                tuple(c for c in fragment.classes if c in effect_classes()),
                click,
                _place(fragment),
            )
            for click, group in enumerate(_reveal_order(fragments))
            for fragment in group
        )
        slides.append(SlideSteps(title, steps))
    return slides


def pandoc_steps(path: Path) -> list[SlideSteps]:
    """Return the steps of each slide of the deck at ``path`` as pandoc and reveal.js show them."""
    return html_steps(pandoc_revealjs(path))

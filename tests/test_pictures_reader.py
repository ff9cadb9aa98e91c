"""Pictures as pandoc reads them: sizes, ids, classes, alt text, implicit figures, links around.

pandoc's JSON AST of the fixture deck is the oracle: every image in it, with the figure it
makes (or not) and the link it stands in, is compared with the picture deckgen reads.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypandoc

from deckgen.diagnostics import Diagnostic, Origin
from deckgen.markdown import parse_blocks
from deckgen.model import Image, ImageRow, Media, plain_text
from deckgen.parse import parse_deck
from deckgen.passes.walk import walk_blocks
from deckgen.read import read_deck

FIXTURE = Path(__file__).parent / "fixtures" / "pictures" / "pictures.md"
Seen = tuple[str, str, str, str, tuple[str, ...], str, str, str]


def _stringify(inlines: list[dict[str, Any]]) -> str:
    """Return the plain text of pandoc inlines (as pandoc's own ``stringify``)."""
    out = []
    for inline in inlines:
        kind, content = inline["t"], inline.get("c")
        if kind == "Str":
            out.append(content)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif kind == "Code":
            out.append(content[1])
        elif kind in ("Emph", "Strong", "Strikeout", "Underline", "SmallCaps"):
            out.append(_stringify(content))
        elif kind in ("Span", "Link", "Quoted"):
            out.append(_stringify(content[1]))
    return "".join(out)


def _size(value: str) -> str:
    return f"{value}px" if value and value[-1].isdigit() else value


def _pandoc_images(node: Any, figure: dict[str, Any] | None, link: str) -> Iterator[Seen]:
    """Yield what pandoc says of each image: (file, width, height, id, classes, alt, caption,
    link), in document order."""
    if isinstance(node, list):
        for item in node:
            yield from _pandoc_images(item, figure, link)
        return
    if not isinstance(node, dict) or "t" not in node:
        return
    kind, content = node["t"], node.get("c")
    if kind == "Figure":
        for block in content[2]:
            yield from _pandoc_images(block, node, link)
        return
    if kind == "Link":
        yield from _pandoc_images(content[1], figure, content[2][0])
        return
    if kind == "Image":
        (ident, classes, pairs), description, (url, _) = content
        values = dict(pairs)
        caption = ""
        if figure is not None:
            ident = ident or figure["c"][0][0]
            caption = " ".join(_stringify(b["c"]) for b in figure["c"][1][1])
        alt = values.get("alt") or _stringify(description)
        yield (
            Path(url).name,
            _size(values.get("width", "")),
            _size(values.get("height", "")),
            ident,
            tuple(classes),
            alt,
            caption,
            link,
        )
        return
    if isinstance(content, list):
        yield from _pandoc_images(content, figure, link)


def _length(length: object) -> str:
    return "" if length is None else f"{length.value:g}{length.unit}"  # type: ignore[attr-defined]


def _ours(image: Image) -> Seen:
    return (
        Path(image.src).name,
        _length(image.width),
        _length(image.height),
        image.id,
        image.classes,
        image.alt,
        plain_text(image.caption),
        image.link or "",
    )


def test_every_picture_reads_as_pandoc_reads_it() -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    ast = json.loads(pypandoc.convert_text(text, "json", format="markdown"))
    expected = list(_pandoc_images(ast["blocks"], None, ""))
    deck, diagnostics = parse_deck(read_deck(FIXTURE))
    ours = [
        _ours(block)
        for slide in deck.slides
        for block in walk_blocks(slide.body)
        if isinstance(block, Image)
    ]
    assert len(expected) == 13
    assert ours == expected
    assert [str(d) for d in diagnostics] == []


def _read(text: str) -> tuple[list[object], list[str]]:
    diagnostics: list[Diagnostic] = []
    blocks = parse_blocks(tuple(text.split("\n")), Origin("x.md", 1), diagnostics)
    return list(blocks), [str(d) for d in diagnostics]


def test_several_pictures_in_a_paragraph_are_one_row_with_no_caption() -> None:
    [row], _ = _read("![One](a.png){width=20%} ![Two](b.png)")
    assert isinstance(row, ImageRow)
    assert [(i.alt, i.caption, _length(i.width)) for i in row.images] == [
        ("One", (), "20%"),
        ("Two", (), ""),
    ]


def test_a_linked_picture_is_no_figure_and_the_links_attributes_are_not_text() -> None:
    [image], warnings = _read('[![Logo](a.png){width="40%"}](https://x.org){fig-align="center"}')
    assert isinstance(image, Image)
    assert (image.link, image.caption, _length(image.width)) == ("https://x.org", (), "40%")
    assert warnings == []


def test_media_are_told_apart_by_file_type() -> None:
    blocks, _ = _read("![](a.mp4)\n\n![](b.MP3)\n\n![](c.png)\n\n![](https://x.org/d.webm?x=1)")
    assert [b.media for b in blocks if isinstance(b, Image)] == [
        Media.VIDEO,
        Media.AUDIO,
        Media.PICTURE,
        Media.VIDEO,
    ]


def test_quarto_alt_text_and_alignment() -> None:
    [image], _ = _read('![A caption](a.png){fig-alt="What it shows" fig-align=left}')
    assert isinstance(image, Image)
    assert (image.alt, plain_text(image.caption), image.align) == (
        "What it shows",
        "A caption",
        "left",
    )


def test_attributes_deckgen_cannot_use_are_reported_not_shown() -> None:
    [image], warnings = _read("![A](a.png){width=wide data-x=1}")
    assert isinstance(image, Image)
    assert image.width is None and plain_text(image.caption) == "A"
    assert warnings == [
        "x.md:1: warning: image width 'wide' is not a length such as 30% (ignored)",
        "x.md:1: warning: image attribute 'data-x' is not used by deckgen (ignored)",
    ]

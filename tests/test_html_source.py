"""HTML written in Markdown is read into the model (``deckgen.htmlsource``), as pandoc reads it.

Pandoc is the oracle for what is text and what is Markdown: the Markdown between block-level
tags is read as Markdown (``markdown_in_html_blocks``), so every word pandoc's AST holds is on
the slide, with the emphasis, code and links pandoc gives it. What the tags themselves mean
(styles, pictures, tables, notes, alignment) pandoc leaves to the browser; here each is checked
against what the HTML says.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pypandoc
import pytest

from deckgen.diagnostics import Diagnostic
from deckgen.htmlsource.elements import document
from deckgen.kinds import text_of
from deckgen.model import (
    Aligned,
    Block,
    BulletList,
    CodeBlock,
    Heading,
    Image,
    Length,
    Media,
    Paragraph,
    Quote,
    RawHtml,
    Run,
    Slide,
    Table,
    plain_text,
)
from deckgen.parse import parse_deck
from deckgen.passes.walk import runs_in, walk_blocks
from deckgen.read import SourceFile, read_deck
from deckgen.slides import build_slide
from deckgen.split import split_slides

Word = tuple[str, frozenset[str]]
STYLES = {"Strong": "bold", "Emph": "italic", "Link": "link"}


def slide_of(markdown: str, diagnostics: list[Diagnostic] | None = None) -> Slide:
    """Return the one slide ``## A slide`` followed by ``markdown`` makes."""
    text = "## A slide\n\n" + markdown
    file = SourceFile(Path("x.md"), "x.md", tuple(text.split("\n")), 1)
    found = diagnostics if diagnostics is not None else []
    [source] = split_slides(file, 2, found)
    return build_slide(source, 2, found)


def body_of(markdown: str, diagnostics: list[Diagnostic] | None = None) -> list[Block]:
    """Return the blocks of a slide of ``markdown`` (its subtitle first, as a paragraph)."""
    slide = slide_of(markdown, diagnostics)
    subtitle = [Paragraph(slide.subtitle, slide.origin)] if slide.subtitle else []
    return [*subtitle, *slide.body, *slide.takeaways]


# -- the oracle: every word pandoc reads, with its Markdown emphasis, code and links -----------


Piece = tuple[str, frozenset[str]]
SPACE: Piece = (" ", frozenset())


def _pandoc_inlines(inlines: list[dict[str, Any]], styles: frozenset[str]) -> list[Piece]:
    pieces: list[Piece] = []
    for item in inlines:
        kind, content = item["t"], item.get("c")
        if kind == "Str":
            pieces.append((content, styles))
        elif kind == "Code":
            pieces.append((content[1], styles | {"code"}))
        elif kind in STYLES:
            inner = content[1] if kind == "Link" else content
            pieces += _pandoc_inlines(inner, styles | {STYLES[kind]})
        elif kind == "Span":
            pieces += _pandoc_inlines(content[1], styles)
        elif kind in ("Space", "SoftBreak", "LineBreak"):
            pieces.append(SPACE)
        elif kind != "RawInline":
            pieces += _pandoc_inlines(content, styles)
    return pieces


def _pandoc_blocks(blocks: list[dict[str, Any]]) -> list[Piece]:
    """Return the text pieces of pandoc's blocks, in order, blocks apart."""
    pieces: list[Piece] = []
    for block in blocks:
        kind, content = block["t"], block.get("c")
        if kind in ("Para", "Plain"):
            pieces += [*_pandoc_inlines(content, frozenset()), SPACE]
        elif kind == "Header":
            pieces += [*_pandoc_inlines(content[2], frozenset()), SPACE]
        elif kind in ("Div", "BlockQuote"):
            pieces += _pandoc_blocks(content[1] if kind == "Div" else content)
        elif kind == "BulletList":
            for item in content:
                pieces += _pandoc_blocks(item)
        elif kind != "RawBlock":
            raise AssertionError(f"a pandoc block this test does not read: {kind}")
    return pieces


def _words(pieces: list[Piece]) -> list[Word]:
    """Return the words of text ``pieces``, each with the styles of any of its characters."""
    words: list[Word] = []
    current, styles = "", frozenset[str]()
    for text, style in [*pieces, SPACE]:
        for char in text:
            if not char.isspace():
                current, styles = current + char, styles | style
            elif current:
                words.append((current, styles))
                current, styles = "", frozenset()
    return words


def pandoc_words(markdown: str) -> list[Word]:
    """Return the words of ``markdown`` as pandoc reads them, in order, with their styles."""
    ast = json.loads(pypandoc.convert_text(markdown, "json", format="markdown"))
    return _words(_pandoc_blocks(ast["blocks"]))


def deckgen_words(blocks: list[Block]) -> list[Word]:
    """Return the words the runs of ``blocks`` show, in reading order, with their Markdown
    styles (the styles HTML tags give, which pandoc leaves to the browser, are not compared)."""
    pieces: list[Piece] = []
    for block in blocks:
        lines = (
            [cell for row in (block.header, *block.rows) for cell in row]
            if isinstance(block, Table)
            else text_of((block,))
        )
        for line in lines:
            for run in line:
                styles = {name for name in ("bold", "italic", "code") if getattr(run, name)}
                pieces.append((run.text, frozenset(styles | ({"link"} if run.link else set()))))
            pieces.append(SPACE)
    return _words(pieces)


BLOCK_MARKDOWN = [
    '<div class="box">\n**Bold** and *emph* with `code`.\n</div>',
    '<div style="text-align: center">**Event page**: [the page](https://example.org/)</div>',
    "<center>\nCentred *text*\n\nA second paragraph.\n</center>",
    "<table>\n  <tr><th>Name *x*</th><th>Score</th></tr>\n  <tr><td>Ada **L**</td><td>10</td></tr>"
    "\n</table>",
    "<ul>\n  <li>one *x*</li>\n  <li>two `y`</li>\n</ul>",
    '<p align="right">Right **bold**</p>',
    "<section>\n\n- item *a*\n- item b\n\n</section>",
    '<div class="a">Ogi *Moore*</div> trailing words',
    'Water is H<sub>2</sub>O, <small>small *x*</small> and <span class="k">a **b**</span>.',
    '<font size="3">Image: [Rebus\ncommunity](https://example.org/)</font>',
    '<div class="outer">\n<div class="inner">\n\n### A heading *inside*\n\nText.\n\n</div>\n</div>',
    "<blockquote>\nQuoted *words*.\n</blockquote>",
]


@pytest.mark.parametrize("markdown", BLOCK_MARKDOWN)
def test_markdown_inside_html_is_read_as_pandoc_reads_it(markdown: str) -> None:
    found: list[Diagnostic] = []
    words = deckgen_words(body_of(markdown, found))
    assert words == pandoc_words(markdown)
    # a class no rule reads is reported as a fenced div's is (the "unknown div class" construct)
    assert [diagnostic for diagnostic in found if diagnostic.group != "div-class"] == []


# -- what the tags mean ---------------------------------------------------------------------


def runs_of(markdown: str) -> tuple[Run, ...]:
    [paragraph] = body_of(markdown)
    assert isinstance(paragraph, Paragraph)
    return paragraph.runs


def test_inline_tags_style_their_text() -> None:
    runs = runs_of(
        "H<sub>2</sub>O, E=mc<sup>two</sup>, <u>u</u> <ins>i</ins>, <s>s</s> <del>d</del>, "
        "<mark>m</mark>, <small>sm</small>, <b>b</b> <strong>st</strong>, <i>i</i> <em>e</em>, "
        '<code>c</code> <kbd>K</kbd>, <span class="smallcaps">sc</span>.'
    )
    styled = {run.text: run for run in runs if run.text.strip(" ,.=") == run.text}
    expected = {
        "2": ("sub",),
        "two": ("sup",),
        "u": ("underline",),
        "s": ("strike",),
        "d": ("strike",),
        "m": ("mark",),
        "sm": ("small",),
        "b": ("bold",),
        "st": ("bold",),
        "e": ("italic",),
        "c": ("code",),
        "sc": ("smallcaps",),
    }
    for text, fields in expected.items():
        assert styled[text] == replace(Run(text), **dict.fromkeys(fields, True)), text
    assert styled["K"] == Run("K", code=True, classes=("kbd",))


def test_span_classes_and_styles_and_an_unclosed_tag_ends_with_its_paragraph() -> None:
    runs = runs_of(
        '<span class="keyword fragment" data-fragment-index="2">k</span> '
        '<span style="font-weight: bold; font-style: italic">bi</span> <b>to the end'
    )
    keyword, _, both, _, rest = runs
    assert keyword.classes == ("keyword", "fragment") and keyword.step is not None
    assert keyword.step.index == 2
    assert both.bold and both.italic and rest.bold and rest.text == "to the end"


def test_a_markdown_spans_style_reads_as_an_html_spans() -> None:
    found: list[Diagnostic] = []
    [paragraph] = body_of("[bold]{style='font-weight: bold; color: red'} text", found)  # pandoc
    # reads single quotes as double ones
    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs[0] == Run("bold", bold=True)
    assert [d.message for d in found] == [
        "HTML style 'color' on <span> not shown (the theme sets colours, fonts and sizes)"
    ]


def test_line_breaks_quotes_links_and_font_sizes() -> None:
    runs = runs_of(
        'One<br>two<br/>three <q>said</q> <a href="https://example.org" class="x">link</a> '
        '<font size="2">small</font> <font size="+2">big</font>'
    )
    text = plain_text(tuple(run for run in runs if not run.raw))
    assert text == "One\ntwo\nthree \u201csaid\u201d link small big"
    # what only HTML shows (a larger size) wraps its text for the HTML deck (--allow-html)
    assert [run.text for run in runs if run.raw] == ['<span style="font-size: larger">', "</span>"]
    [link] = [run for run in runs if run.text == "link"]
    assert link.link == "https://example.org" and link.classes == ("x",)
    assert [run.text for run in runs if run.small] == ["small"]


def test_an_img_is_a_picture_with_its_size_class_and_link() -> None:
    blocks = body_of(
        '<a href="https://example.org"><img src="pic.png" alt="A pic" width="50%" class="plain">'
        "</a>\n\n"
        '<img src="two.png" width=65%; style="height: 120px; margin-left: auto" align="right">'
    )
    first, second = blocks
    assert isinstance(first, Image) and isinstance(second, Image)
    assert (first.src, first.alt, first.width, first.classes, first.link) == (
        "pic.png",
        "A pic",
        Length(50, "%"),
        ("plain",),
        "https://example.org",
    )
    assert first.caption == ()  # pandoc makes no figure of raw HTML: the alt is not a caption
    assert (second.width, second.height, second.align) == (
        Length(65, "%"),
        Length(120, "px"),
        "right",
    )


def test_block_elements_become_blocks() -> None:
    blocks = body_of(
        "Before.\n\n"
        "<h3>A <em>heading</em></h3>\n"
        '<ol start="4"><li>four</li><li>five\n<ul><li>nested</li></ul></li></ol>\n'
        '<pre><code class="language-python">x = 1 &lt; 2\n\nprint(x)</code></pre>\n'
        "<blockquote><p>Quoted.</p></blockquote>\n"
        "<details><summary>More</summary>\n\nShown *open*.\n\n</details>\n"
    )
    kinds = [type(block) for block in blocks]
    assert kinds == [Paragraph, Heading, BulletList, CodeBlock, Quote, Paragraph, Paragraph]
    _, heading, numbered, code, quote, summary, details = blocks
    assert isinstance(heading, Heading) and heading.level == 3
    assert plain_text(heading.runs) == "A heading"
    assert isinstance(numbered, BulletList) and numbered.ordered and numbered.start == 4
    assert [plain_text(item.runs) for item in numbered.items] == ["four", "five"]
    assert isinstance(numbered.items[1].blocks[0], BulletList)
    assert isinstance(code, CodeBlock) and code.language == "python"
    assert code.text == "x = 1 < 2\n\nprint(x)"
    assert isinstance(summary, Paragraph) and all(run.bold for run in summary.runs)
    assert plain_text(details.runs) == "Shown open."  # type: ignore[union-attr]


def test_a_table_reads_its_header_cells_spans_and_alignment() -> None:
    [table] = body_of(
        "<table>\n<caption>Scores</caption>\n"
        '<thead><tr><th>Name</th><th align="right">Score</th><th>Note</th></tr></thead>\n'
        "<tbody>\n<tr><td>Ada</td><td>10</td><td>first<br>of two</td></tr>\n"
        '<tr><td colspan="2">Both</td><td>x</td>\n<tr><td>short</td></tr>\n</tbody></table>'
    )[1:] or [None]
    assert isinstance(table, Table)
    assert [plain_text(cell) for cell in table.header] == ["Name", "Score", "Note"]
    assert table.aligns == (None, "right", None)
    rows = [[plain_text(cell) for cell in row] for row in table.rows]
    assert rows == [["Ada", "10", "first\nof two"], ["Both", "", "x"], ["short", "", ""]]


def test_html_divs_mean_what_fenced_divs_mean() -> None:
    slide = slide_of(
        "Shown.\n\n"
        '<aside class="notes">\nSay *this*.\n</aside>\n\n'
        '<div class="notes">Say that.</div>\n\n'
        '<div class="columns"><div class="column" style="width: 40%">Left</div>'
        '<div class="column">Right</div></div>\n\n'
        '<div class="fragment">Later.</div>\n'
    )
    assert [plain_text(block.runs) for block in slide.notes] == ["Say this.", "Say that."]  # type: ignore[union-attr]
    kinds = [block.kind for block in slide.body]
    assert kinds == ["columns", "fragment"]


def test_alignment_from_center_p_align_and_styles() -> None:
    blocks = body_of(
        "<center>\nCentred\n</center>\n\n"
        '<p align="right">Right <img src="r.png" alt="R"></p>\n\n'
        '<div style="text-align: left; font-size: 80%">Left and small</div>\n\n'
        '::: {style="text-align: center"}\nA fenced div, centred too.\n:::\n'
    )
    centred, right, left, fenced = blocks
    assert isinstance(centred, Aligned) and centred.align == "center"
    assert isinstance(right, Aligned) and right.align == "right"
    [picture] = right.blocks
    assert isinstance(picture, Image) and picture.align == "right"
    assert isinstance(left, Paragraph) and all(run.small for run in left.runs)
    assert isinstance(fenced, Aligned) and fenced.align == "center"


def test_a_video_plays_its_first_source_and_falls_back_when_it_is_missing(tmp_path: Path) -> None:
    (tmp_path / "there.mp4").write_bytes(b"")
    (tmp_path / "talk.md").write_text(
        "## Films\n\n"
        '<video width="100%" controls>\n  <source src="there.mp4" type="video/mp4">\n'
        "  Your browser cannot play it.\n</video>\n\n"
        '<video controls>\n\t<source src="missing.mp4" type="video/mp4">\n'
        '\t<img src="poster.png" alt="What the film shows">\n</video>\n',
        encoding="utf-8",
    )
    (tmp_path / "poster.png").write_bytes(
        (Path(__file__).parent / "fixtures" / "parse" / "media" / "dot.png").read_bytes()
    )
    deck, diagnostics = parse_deck(read_deck(tmp_path / "talk.md"))
    [slide] = deck.slides
    player, picture = slide.body
    assert isinstance(player, Image) and player.media is Media.VIDEO
    assert player.src == str(tmp_path / "there.mp4") and player.fallback is None
    assert player.width == Length(100, "%")
    assert isinstance(picture, Image) and picture.media is Media.PICTURE
    assert picture.alt == "What the film shows"
    assert [(d.origin.line, d.message) for d in diagnostics] == [
        (8, "video file not found: missing.mp4 (its fallback content is shown instead)")
    ]


# -- what is left out is named ----------------------------------------------------------------


def test_what_no_slide_can_show_stays_raw_html_and_code_is_never_read() -> None:
    blocks = body_of(
        "<style>\np { color: red }\n</style>\n\n"
        '<iframe src="https://example.org/embed">A frame</iframe>\n\n'
        "Press <button>the button</button> now.\n\n"
        '```html\n<div class="notes">code, not a note</div>\n```\n\n'
        "Inline `<div>code</div>` too.\n"
    )
    raw = [block.html for block in blocks if isinstance(block, RawHtml)]
    assert raw == [
        "<style>\np { color: red }\n</style>",
        '<iframe src="https://example.org/embed">A frame</iframe>',
    ]
    [paragraph] = [b for b in blocks if isinstance(b, Paragraph) and "Press" in plain_text(b.runs)]
    assert [run.text for run in paragraph.runs if run.raw] == ["<button>the button</button>"]
    [code] = [block for block in blocks if isinstance(block, CodeBlock)]
    assert code.text == '<div class="notes">code, not a note</div>'
    assert any(
        run.code and run.text == "<div>code</div>" for block in blocks for run in runs_in(block)
    )


def test_comments_unknown_elements_and_script_attributes_are_reported() -> None:
    found: list[Diagnostic] = []
    blocks = body_of(
        "<!-- a comment\nover two lines -->\n\n"
        'Text <!-- inline --> and <widget>its text</widget> <b onclick="x()">bold</b>.\n\n'
        '<span style="color: red; font-weight: 700">red</span>\n',
        found,
    )
    texts = [plain_text(tuple(r for r in block.runs if not r.raw)) for block in blocks]  # type: ignore[union-attr]
    assert texts == ["Text  and its text bold.", "red"]
    red = blocks[1].runs  # type: ignore[union-attr]
    assert [run.text for run in red if run.raw] == ['<span style="color: red">', "</span>"]
    assert all(run.bold for run in red if not run.raw)
    assert [(d.origin.line, d.group, d.message) for d in found] == [
        (3, "comment", "HTML comment not shown (for speaker notes, use '::: notes')"),
        (6, "comment", "HTML comment not shown (for speaker notes, use '::: notes')"),
        (6, "html-unknown", "HTML element <widget> not known: its tag is left out, its text shown"),
        (6, "html-script", "HTML attribute 'onclick' on <b> dropped (deckgen runs no script)"),
        (
            8,
            "html-style",
            "HTML style 'color' on <span> not shown (the theme sets colours, fonts and sizes; "
            "--allow-html keeps it in the HTML deck)",
        ),
    ]


def test_dropped_html_is_reported_by_name_once_per_kind_and_file(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text(
        "## One\n\n<script>alert(1)</script>\n\n<form><input name=q> Search</form>\n\n"
        "## Two\n\n<script>alert(2)</script>\n\n[js](javascript:alert(3))\n",
        encoding="utf-8",
    )
    from deckgen.build import load
    from deckgen.diagnostics import grouped

    deck, _, diagnostics = load(tmp_path / "talk.md")
    assert not any(isinstance(b, RawHtml) for s in deck.slides for b in walk_blocks(s.body))
    assert [f"{d.origin.line}: {d.message}" for d in grouped(diagnostics)] == [
        "11: unsafe link 'javascript:alert(3)' removed",
        "3: HTML <script> dropped (build with --allow-html to keep it in the HTML deck) "
        "(and 1 more in this file: lines 9)",
        "5: HTML <form> dropped with the text in it (build with --allow-html to keep it in the "
        "HTML deck)",
    ]


def test_html_in_titles_and_front_matter_is_read() -> None:
    slide = slide_of("Text.\n")
    assert plain_text(slide.title) == "A slide"
    file = SourceFile(
        Path("x.md"), "x.md", ("## Line<br>break <small>here</small>", "", "Text."), 1
    )
    [source] = split_slides(file, 2, [])
    title = build_slide(source, 2, []).title
    assert plain_text(title) == "Line\nbreak here" and title[-1].small


def test_the_docs_list_every_element_as_the_table_says(repo: Path) -> None:
    docs = (repo / "docs" / "format.md").read_text(encoding="utf-8")
    assert document(docs) == docs, "run: python -m deckgen.htmlsource.elements docs/format.md"
    assert "| `<img>` | a picture" in docs


def test_dropping_an_inline_element_leaves_one_space_between_its_neighbours() -> None:
    from deckgen.passes.raw_html import apply_raw_html

    slide = slide_of("- Press <button>the button</button> now, <input type=checkbox> then.\n")
    [kept] = apply_raw_html([slide], allow_html=False, pptx=True, diagnostics=[])
    [items] = kept.body
    assert isinstance(items, BulletList)
    assert plain_text(items.items[0].runs) == "Press now, then."

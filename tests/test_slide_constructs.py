"""Constructs that span slides: footnotes numbered through the deck, the contents slide, hidden
slides, slide attributes on the HTML section, warnings grouped per file, and columns that
continue on the next slide with both columns together."""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.build import BuildOptions, Format, load, render
from deckgen.diagnostics import grouped
from deckgen.kinds import kind_of
from deckgen.layout.fitting import chunks_of, merge
from deckgen.model import (
    BulletList,
    Callout,
    Columns,
    Image,
    Length,
    Paragraph,
    Slide,
    SlideKind,
    plain_text,
)
from deckgen.parse import parse_deck
from deckgen.read import read_deck

PICTURE = Path(__file__).resolve().parents[1] / "src/deckgen/starter_deck/images/flow.png"


def deck(tmp_path: Path, markdown: str) -> tuple[list[Slide], list[str]]:
    (tmp_path / "deck.md").write_text(markdown, encoding="utf-8")
    parsed, diagnostics = parse_deck(read_deck(tmp_path / "deck.md"))
    return list(parsed.slides), [str(d).replace(f"{tmp_path}/", "") for d in grouped(diagnostics)]


FOOTNOTES = """## One

A claim.[^b] And another.[^a]

## Two

Again.[^a] Inline.^[Written in place.]

::: notes
Said aloud.[^c]
:::

[^a]: Note a.
[^b]: Note b.
[^c]: Note c.
[^unused]: Never referred to.
"""


def test_footnotes_are_numbered_through_the_deck_in_the_order_they_are_referred_to(
    tmp_path: Path,
) -> None:
    slides, diagnostics = deck(tmp_path, FOOTNOTES)
    shown = [[(n.number, plain_text(n.runs)) for n in s.footnotes] for s in slides]
    assert shown == [[(1, "Note b."), (2, "Note a.")], [(2, "Note a."), (3, "Written in place.")]]
    assert plain_text(slides[0].subtitle) == "A claim.1 And another.2"
    notes = [plain_text(b.runs) for b in slides[1].notes if isinstance(b, Paragraph)]
    assert notes == ["Said aloud.4", "4 Note c."]
    assert diagnostics == [
        "deck.md:16: warning: footnote [^unused] is never referred to (not shown)"
    ]


def test_a_footnote_without_a_definition_is_reported_and_shown_as_written(tmp_path: Path) -> None:
    slides, diagnostics = deck(tmp_path, "## One\n\nA claim.[^missing]\n")
    assert plain_text(slides[0].subtitle) == "A claim.[^missing]"
    assert diagnostics == [
        "deck.md:1: warning: footnote [^missing] has no definition (shown as written)"
    ]


def test_a_continuation_slide_shows_the_footnotes_of_its_own_part(tmp_path: Path) -> None:
    items = "\n".join(
        f"- item {n}{'[^x]' if n == 2 else ''}{'[^y]' if n == 30 else ''}" for n in range(1, 31)
    )
    source = tmp_path / "deck.md"
    source.write_text(f"## Long\n\n{items}\n\n[^x]: Note x.\n[^y]: Note y.\n", encoding="utf-8")
    _, laid_out, _ = load(source)
    parts = [placed.slide for placed in laid_out.slides]
    assert len(parts) > 1
    assert [plain_text(n.runs) for n in parts[0].footnotes] == ["Note x."]
    assert [plain_text(n.runs) for n in parts[-1].footnotes] == ["Note y."]
    assert all(not p.footnotes for p in parts[1:-1])


def test_toc_adds_a_contents_slide_linking_sections_and_slides(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: T\ntoc: true\ntoc-title: Plan\n---\n\n# Part one\n\n## A\n\nx\n\n"
        "# Part two\n\n## B\n\ny\n"
    )
    slides, diagnostics = deck(tmp_path, markdown)
    assert diagnostics == []
    assert [s.kind for s in slides[:2]] == [SlideKind.TITLE, SlideKind.CONTENT]
    contents = slides[1]
    assert plain_text(contents.title) == "Plan"
    [outline] = contents.body
    assert isinstance(outline, BulletList)
    links = [(plain_text(i.runs), i.runs[0].link) for i in outline.items]
    assert links == [("Part one", "#part-one"), ("Part two", "#part-two")]
    nested = outline.items[0].blocks[0]
    assert isinstance(nested, BulletList)
    assert [i.runs[0].link for i in nested.items] == ["#a"]


def test_toc_depth_above_the_slide_level_lists_sections_only(tmp_path: Path) -> None:
    markdown = "---\ntitle: T\ntoc: true\ntoc-depth: 1\n---\n\n# Part\n\n## A\n\nx\n"
    slides, _ = deck(tmp_path, markdown)
    [outline] = slides[1].body
    assert isinstance(outline, BulletList)
    assert [(plain_text(i.runs), i.blocks) for i in outline.items] == [("Part", ())]


def test_a_hidden_slide_is_in_neither_format(tmp_path: Path) -> None:
    markdown = '## Shown\n\nYes.\n\n## Hidden {visibility="hidden"}\n\nSecret words.\n'
    slides, diagnostics = deck(tmp_path, markdown)
    assert [plain_text(s.title) for s in slides] == ["Shown"]
    assert diagnostics == []


def test_slide_classes_and_data_attributes_reach_the_html_section(tmp_path: Path) -> None:
    markdown = '## Styled {.wide .dark data-topic=intro level=2 transition="fade"}\n\nText.\n'
    (tmp_path / "deck.md").write_text(markdown, encoding="utf-8")
    rendered = render(tmp_path / "deck.md", BuildOptions(formats=(Format.HTML,)))
    html = rendered.outputs[Format.HTML].decode()
    [section] = re.findall(r'<section id="styled"[^>]*>', html)
    assert 'class="wide dark"' in section
    assert 'data-topic="intro"' in section and 'data-level="2"' in section
    assert "transition" not in section  # an effect deckgen does not draw: reported, left out
    assert [d.group for d in rendered.diagnostics] == ["slide-effect"]


def test_warnings_of_one_kind_are_one_line_per_file_with_a_count(tmp_path: Path) -> None:
    markdown = "## A\n\nx {{< fa a >}} y {{< fa b >}}\n\n## B\n\n\\vspace{1em}\n\nz {{< fa c >}}\n"
    _, diagnostics = deck(tmp_path, markdown)
    assert diagnostics == [
        "deck.md:3: warning: Quarto shortcode '{{< … >}}' dropped (deckgen does not run Quarto)"
        " (and 2 more in this file: lines 3, 9)",
        "deck.md:7: warning: raw LaTeX dropped (pandoc keeps it only for LaTeX and Beamer)",
    ]


def test_columns_cut_into_rows_join_back_to_the_columns_as_written(tmp_path: Path) -> None:
    left = "\n".join(f"- point {n}" for n in range(6))
    right = "\n".join(f"Sentence {n} of the right column." for n in range(3))
    markdown = f"## C\n\n:::: columns\n::: column\n{left}\n:::\n::: column\n{right}\n:::\n::::\n"
    slides, _ = deck(tmp_path, markdown)
    [columns] = slides[0].body
    assert isinstance(columns, Columns)
    rows = chunks_of((columns,))
    assert len(rows) == 6  # the longer column's parts; the other's spread over them
    assert all(isinstance(chunk.block, Columns) for chunk in rows)
    assert merge(rows) == (columns,)
    finer = kind_of(columns).finer(rows[0].block)
    assert merge([*[type(rows[0])(part, 0) for part in finer], *rows[1:]])[0] == columns


def test_an_untitled_slide_continued_over_pages_stays_on_each_page(tmp_path: Path) -> None:
    """Its continuations get a title line ("(1/3)"): pages are measured with it."""
    items = "\n".join(f"- item {n} with a few words" for n in range(40))
    source = tmp_path / "deck.md"
    source.write_text(f"Some text before any heading.\n\n{items}\n", encoding="utf-8")
    _, laid_out, _ = load(source)
    assert len(laid_out.slides) > 1
    assert [placed.plan.overflow for placed in laid_out.slides] == [0] * len(laid_out.slides)


def test_words_deckgen_writes_follow_the_decks_language(tmp_path: Path) -> None:
    """An untitled callout (Quarto's or GitHub's) and the contents slide speak the deck's
    language, as Quarto's do; a written title stays; an unknown language reads English."""
    body = (
        "\n\n# Teil\n\n## A\n\n::: callout-tip\nx\n:::\n\n> [!WARNING]\n> y\n\n"
        '::: {.callout-note title="Eigener Titel"}\nz\n:::\n'
    )
    slides, _ = deck(tmp_path, "---\ntitle: T\ntoc: true\nlang: de-AT\n---" + body)
    assert plain_text(slides[1].title) == "Inhalt"
    callouts = [block for block in slides[-1].body if isinstance(block, Callout)]
    assert [plain_text(c.title) for c in callouts] == ["Tipp", "Warnung", "Eigener Titel"]
    slides, _ = deck(tmp_path, "---\ntitle: T\ntoc: true\nlang: ko\n---" + body)
    assert plain_text(slides[1].title) == "Contents"


def test_code_block_attributes_deckgen_does_not_read_are_reported_once_each(
    tmp_path: Path,
) -> None:
    markdown = (
        '## Code\n\n```{.python .numberLines startFrom="5" filename="a.py"}\nx = 1\n```\n\n'
        '```{.python filename="b.py"}\ny = 2\n```\n\n'
        "```{.mermaid loc=img format=png}\ngraph TD\n```\n"
    )
    _, diagnostics = deck(tmp_path, markdown)
    assert diagnostics == [
        "deck.md:3: warning: code block attribute not used by deckgen (ignored): 'filename' "
        "(and 1 more in this file: lines 7)",
        "deck.md:11: warning: diagram shown as its source code (deckgen does not draw mermaid "
        "or graphviz)",
    ]


def test_marp_image_keywords_size_the_picture_and_are_no_description(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(PICTURE.read_bytes())
    slides, diagnostics = deck(tmp_path, "## Marp\n\n![w:200](x.png)\n\n![bg left](x.png)\n")
    first, second = (block for block in slides[0].body if isinstance(block, Image))
    assert first.alt == second.alt == "" and first.width == Length(200, "px")
    assert diagnostics == [
        "deck.md:5: warning: Marp image keyword ignored (the picture is shown in the slide "
        "body): 'bg'",
        "deck.md:5: warning: Marp image keyword ignored (the picture is shown in the slide "
        "body): 'left'",
        "deck.md:3: warning: image has no alt text (and 1 more in this file: lines 5)",
    ]


def test_a_marp_bg_picture_is_its_slides_background_once(tmp_path: Path) -> None:
    for name in ("x.png", "y.png"):
        (tmp_path / name).write_bytes(PICTURE.read_bytes())
    markdown = "## One\n\n![bg](x.png)\n\nText.\n\n## Two\n\n![bg contain](x.png)\n\n![bg](y.png)\n"
    slides, diagnostics = deck(tmp_path, markdown)
    one, two = slides
    assert [type(block) for block in one.body] == [Paragraph]
    assert one.background is not None and one.background.image == str(tmp_path / "x.png")
    assert one.background.size == "cover"
    assert two.background is not None and two.background.size == "contain"
    [kept] = two.body
    assert isinstance(kept, Image) and not kept.backdrop  # a second one stays a picture
    assert (
        "deck.md:11: warning: Marp image keyword ignored (the picture is shown in the slide "
        "body): 'bg'" in diagnostics
    )

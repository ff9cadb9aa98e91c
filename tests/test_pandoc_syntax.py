"""pandoc's Markdown as pandoc reads it: tables, lists, definition lists, line blocks and
footnotes compared with pandoc's own AST (``pypandoc``, the manual's reference reader)."""

from __future__ import annotations

import json
from typing import Any

import pypandoc
import pytest

from deckgen.diagnostics import Diagnostic, Origin
from deckgen.markdown import parse_blocks
from deckgen.model import (
    Block,
    BulletList,
    DefinitionList,
    Footnote,
    Inline,
    Paragraph,
    Table,
    plain_text,
)
from nothing_lost import inline_text

ALIGN = {"AlignLeft": "left", "AlignRight": "right", "AlignCenter": "center", "AlignDefault": None}
STYLE = {
    "Decimal": "decimal",
    "DefaultStyle": "decimal",
    "Example": "decimal",
    "LowerAlpha": "lower-alpha",
    "UpperAlpha": "upper-alpha",
    "LowerRoman": "lower-roman",
    "UpperRoman": "upper-roman",
}
DELIMITER = {"Period": ".", "DefaultDelim": ".", "OneParen": ")", "TwoParens": "()"}


def pandoc_blocks(markdown: str) -> list[dict[str, Any]]:
    return list(json.loads(pypandoc.convert_text(markdown, "json", format="markdown"))["blocks"])


def block_text(blocks: list[dict[str, Any]]) -> str:
    return " ".join(inline_text(b["c"]) for b in blocks if b["t"] in ("Plain", "Para"))


def words(runs: Inline) -> str:
    return " ".join(plain_text(runs).replace("\u00a0", " ").split())


def ours(markdown: str) -> tuple[list[Block], list[Diagnostic], list[Footnote]]:
    diagnostics: list[Diagnostic] = []
    footnotes: list[Footnote] = []
    blocks = parse_blocks(tuple(markdown.split("\n")), Origin("x.md", 1), diagnostics, footnotes)
    return blocks, diagnostics, footnotes


TABLES = {
    "simple": """  Right     Left     Center     Default
-------     ------ ----------   -------
     12     12        12            12
    123     123       123          123
      1     1          1             1

Table:  Demonstration of simple table syntax.""",
    "headerless simple": """-------     ------ ----------   -------
     12     12        12             12
    123     123       123           123
      1     1          1              1
-------     ------ ----------   -------""",
    "multiline": """: Here's the caption.

-------------------------------------------------------------
 Centered   Default           Right Left
  Header    Aligned         Aligned Aligned
----------- ------- --------------- -------------------------
   First    row                12.0 Example of a row that
                                    spans multiple lines.

  Second    row                 5.0 Here's another one. Note
                                    the blank line between
                                    rows.
-------------------------------------------------------------""",
    "headerless multiline": """----------- ------- --------------- -------------------------
   First    row                12.0 Example of a row that
                                    spans multiple lines.

  Second    row                 5.0 Here's another one. Note
                                    the blank line between
                                    rows.
----------- ------- --------------- -------------------------""",
    "grid": """: Sample grid table.

+---------------+---------------+--------------------+
| Fruit         | Price         | Advantages         |
+===============+===============+====================+
| Bananas       | $1.34         | built-in wrapper   |
|               |               | bright colour      |
+---------------+---------------+--------------------+
| Oranges       | $2.10         | cures scurvy       |
|               |               | tasty              |
+---------------+---------------+--------------------+""",
    "grid with alignments": """+---------------+---------------+--------------------+
| Right         | Left          | Centered           |
+==============:+:==============+:==================:+
| Bananas       | $1.34         | built-in wrapper   |
+---------------+---------------+--------------------+""",
    "long pipe": """| Right | Left | Default |
|------:|:-----|---------|
| 12 | a cell whose text runs on long enough to make the line longer than 72 | x |""",
}


def _pandoc_table(block: dict[str, Any]) -> tuple[Any, ...]:
    _, caption, colspecs, head, bodies, _ = block["c"]
    aligns = tuple(ALIGN[spec[0]["t"]] for spec in colspecs)
    widths = tuple(spec[1]["c"] if spec[1]["t"] == "ColWidth" else None for spec in colspecs)
    header = tuple(block_text(cell[4]) for row in head[1] for cell in row[1])
    rows = tuple(
        tuple(block_text(cell[4]) for cell in row[1]) for body in bodies for row in body[3]
    )
    return block_text(caption[1]), header, rows, aligns, widths


@pytest.mark.parametrize("name", TABLES)
def test_tables_read_as_pandoc_reads_them(name: str) -> None:
    markdown = TABLES[name]
    [expected] = [_pandoc_table(b) for b in pandoc_blocks(markdown) if b["t"] == "Table"]
    caption, header, rows, aligns, widths = expected
    header, rows, aligns = tuple(header), tuple(tuple(r) for r in rows), tuple(aligns)
    blocks, diagnostics, _ = ours(markdown)
    assert diagnostics == []
    [table] = blocks
    assert isinstance(table, Table)
    assert words(table.caption) == caption
    assert tuple(words(cell) for cell in table.header) == tuple(h for h in header if h) or header
    assert tuple(tuple(words(cell) for cell in row) for row in table.rows) == rows
    assert table.aligns == aligns
    if all(width is None for width in widths):
        assert table.widths == ()
    else:
        assert table.widths == pytest.approx(widths)


LISTS = {
    "letters": "a) alpha\nb) beta",
    "capital letters": "C.  gamma\nD.  delta",
    "roman in parentheses": "(iv) four\n(v) five",
    "capital roman": "IX. nine\nX. ten",
    "numbers in parentheses": "(2) two\n(3) three",
    "hash": "#. one\n#. two",
    "letters going on to i": "h. eight\ni. nine",
    "example": "(@) first\n(@) second",
    "plain": "3. three\n4. four",
    "one paren": "1) one\n2) two",
}


@pytest.mark.parametrize("name", LISTS)
def test_fancy_lists_read_as_pandoc_reads_them(name: str) -> None:
    markdown = LISTS[name]
    [expected] = [b for b in pandoc_blocks(markdown) if b["t"] == "OrderedList"]
    (start, style, delimiter), items = expected["c"]
    blocks, diagnostics, _ = ours(markdown)
    [found] = blocks
    assert isinstance(found, BulletList) and found.ordered
    assert (found.start, found.numbering) == (start, STYLE[style["t"]])
    if style["t"] != "Example":  # examples are numbered through the file (parse.py)
        assert found.delimiter == DELIMITER[delimiter["t"]]
    assert [words(item.runs) for item in found.items] == [block_text(i) for i in items]


def test_lists_of_another_style_are_separate_lists_as_in_pandoc() -> None:
    markdown = "a) alpha\nb) beta\n\n(iv) four\n(v) five\n\n1. one\n2. two"
    expected = [b["c"][0][0] for b in pandoc_blocks(markdown) if b["t"] == "OrderedList"]
    blocks, _, _ = ours(markdown)
    assert [b.start for b in blocks if isinstance(b, BulletList)] == expected


def test_a_capital_letter_and_one_space_is_text_not_a_list() -> None:
    blocks, _, _ = ours("B. Russell wrote it.")
    assert [type(b) for b in blocks] == [Paragraph]
    assert [b["t"] for b in pandoc_blocks("B. Russell wrote it.")] == ["Para"]


def test_definition_lists_read_as_pandoc_reads_them() -> None:
    markdown = "Term 1\n\n:   Definition 1\n\nTerm 2\n  ~ Definition 2a\n  ~ Definition 2b"
    [expected] = pandoc_blocks(markdown)
    blocks, diagnostics, _ = ours(markdown)
    [found] = blocks
    assert isinstance(found, DefinitionList)
    assert [words(item.term) for item in found.items] == [
        inline_text(term) for term, _ in expected["c"]
    ]
    definitions = [
        [words(b.runs) for b in item.blocks if isinstance(b, Paragraph)] for item in found.items
    ]
    assert definitions == [[block_text(d) for d in defs] for _, defs in expected["c"]]


def test_line_blocks_keep_their_lines_and_indents() -> None:
    markdown = (
        "| The limerick packs laughs anatomical\n|    Into space that is quite economical\n| But"
    )
    [expected] = pandoc_blocks(markdown)
    blocks, _, _ = ours(markdown)
    [found] = blocks
    assert isinstance(found, Paragraph)
    lines = plain_text(found.runs).split("\n")
    assert lines == [inline_text(line) for line in expected["c"]]


def test_task_list_items_are_boxes_not_text() -> None:
    blocks, _, _ = ours("- [ ] to do\n- [x] done\n- plain")
    [found] = blocks
    assert isinstance(found, BulletList)
    assert [(words(i.runs), i.checked) for i in found.items] == [
        ("to do", False),
        ("done", True),
        ("plain", None),
    ]


def test_footnote_definitions_and_inline_notes_are_collected_and_referenced() -> None:
    markdown = (
        "A claim.[^src] Another.^[Inline *note*.]\n\n[^src]: The source,\n"
        "    on two lines.\n\nAfter."
    )
    blocks, diagnostics, footnotes = ours(markdown)
    assert diagnostics == []
    assert [words(b.runs) for b in blocks if isinstance(b, Paragraph)] == [
        "A claim.[^src] Another.^[Inline note.]",
        "After.",
    ]
    labels = [run.note for b in blocks if isinstance(b, Paragraph) for run in b.runs if run.note]
    notes = {note.label: words(note.runs) for note in footnotes}
    assert [notes[label] for label in labels] == ["The source, on two lines.", "Inline note."]


def test_spans_sub_and_superscripts_as_pandoc() -> None:
    markdown = "H~2~O, x^2^, [sc]{.smallcaps}, [u]{.underline}, [m]{.mark}, [k]{.keyword .x}"
    blocks, diagnostics, _ = ours(markdown)
    [paragraph] = blocks
    assert isinstance(paragraph, Paragraph)
    styled = {
        run.text: (run.sub, run.sup, run.smallcaps, run.underline, run.mark, run.classes)
        for run in paragraph.runs
        if run.text.strip(", ")
    }
    assert styled["2"] in (
        (True, False, False, False, False, ()),
        (False, True, False, False, False, ()),
    )
    assert styled["sc"][2] and styled["u"][3] and styled["m"][4]
    assert styled["k"][5] == ("keyword", "x")
    assert diagnostics == []

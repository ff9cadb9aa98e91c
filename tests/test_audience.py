"""The audience pass: the teacher's copy keeps everything, the students' copy has no notes and no
teacher-only content, in the model both backends read."""

from __future__ import annotations

import html
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from clirun import deckgen
from deckgen.audience import Audience
from deckgen.build import BuildOptions, Format, build, load
from deckgen.model import Columns, Deck, Paragraph, plain_text
from deckgen.passes.walk import walk_blocks as iter_blocks

SOURCE = """---
title: Lesson
notes: Welcome, teachers only.
---

## Exercise

Try it yourself.

- Step one
- Step two

::: teacher
The answer is 42.
:::

::: notes
Give them five minutes.
:::

## Side by side

:::: columns
::: column
Left.
:::
::: column
Right.

::: teacher
Right, for the teacher.
:::
:::
::::

## Answers {.teacher}

See [the exercise](#exercise).

# Marking {.teacher}

## Rubric

Three points per answer.

# Wrap-up

## Next time

See [the answers](#answers) and [the rubric](#rubric).

---

::: teacher
An untitled slide with only teacher content.
:::
"""


def deck_for(tmp_path: Path, audience: Audience) -> tuple[Deck, list[str]]:
    source = tmp_path / "lesson.md"
    source.write_text(SOURCE, encoding="utf-8")
    deck, _, diagnostics = load(source, audience=audience)
    return deck, [str(d) for d in diagnostics]


def shown_text(deck: Deck) -> str:
    lines = []
    for slide in deck.slides:
        lines += [plain_text(slide.title), plain_text(slide.subtitle)]
        for block in iter_blocks(slide.body + slide.takeaways):
            if isinstance(block, Paragraph):
                lines.append(plain_text(block.runs))
    return "\n".join(lines)


def test_teachers_copy_keeps_everything_in_place(tmp_path: Path) -> None:
    deck, diagnostics = deck_for(tmp_path, Audience.TEACHER)
    assert [slide.id for slide in deck.slides] == [
        "title",
        "exercise",
        "side-by-side",
        "answers",
        "marking",
        "rubric",
        "wrap-up",
        "next-time",
        "slide-9",
    ]
    text = shown_text(deck)
    assert "The answer is 42." in text and "Right, for the teacher." in text
    [columns] = [b for b in deck.slides[2].body if isinstance(b, Columns)]
    right = columns.columns[1].blocks
    assert [plain_text(b.runs) for b in right if isinstance(b, Paragraph)] == [
        "Right.",
        "Right, for the teacher.",
    ]
    assert deck.slides[1].notes and deck.meta.notes
    assert diagnostics == []


def test_students_copy_drops_notes_and_teacher_content(tmp_path: Path) -> None:
    deck, diagnostics = deck_for(tmp_path, Audience.STUDENT)
    assert [slide.id for slide in deck.slides] == [
        "title",
        "exercise",
        "side-by-side",
        "wrap-up",
        "next-time",
    ]
    text = shown_text(deck)
    for teacher_only in ("42", "for the teacher", "Rubric", "Three points", "Answers"):
        assert teacher_only not in text
    assert "Right." in text and "Try it yourself." in text
    assert all(not slide.notes for slide in deck.slides) and deck.meta.notes == ()
    [next_time] = [slide for slide in deck.slides if slide.id == "next-time"]
    assert plain_text(next_time.subtitle) == "See the answers and the rubric."
    assert all(run.link is None for run in next_time.subtitle)
    line = SOURCE.split("\n").index("## Next time") + 1
    assert diagnostics == [
        f"{tmp_path / 'lesson.md'}:{line}: warning: link '#{target}' points at a teacher-only "
        "slide (plain text for students)"
        for target in ("answers", "rubric")
    ]


def test_students_pptx_has_no_notes_pages(tmp_path: Path) -> None:
    source = tmp_path / "lesson.md"
    source.write_text(SOURCE, encoding="utf-8")
    pptx = {}
    for audience in Audience:
        options = BuildOptions(formats=(Format.PPTX,), audience=audience)
        [path] = build(source, tmp_path / audience.value, options).outputs
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            xml = "".join(archive.read(n).decode("utf-8", "replace") for n in names)
        pptx[audience] = (names, xml)
    teacher_names, teacher_xml = pptx[Audience.TEACHER]
    student_names, student_xml = pptx[Audience.STUDENT]
    assert any("notesSlide" in name for name in teacher_names)
    assert not any("notesSlide" in name for name in student_names)
    assert "Give them five minutes" in teacher_xml and "The answer is 42." in teacher_xml
    assert "Give them five minutes" not in student_xml and "The answer is 42." not in student_xml


# -- through the command line, in both formats --------------------------------------------------

QUOTED_TEACHER = """
## Quiz

> Think about it first.
>
> ::: teacher
> The answer is 43.
> :::
"""
TEACHER_ONLY = (
    "The answer is 42.",
    "The answer is 43.",
    "Right, for the teacher.",
    "Give them five minutes.",
    "Welcome, teachers only.",
    "Three points per answer.",
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self.skip -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.chunks.append(data)


def html_text(path: Path) -> str:
    parser = _Text()
    parser.feed(path.read_text(encoding="utf-8"))
    return " ".join(" ".join(parser.chunks).split())


def pptx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        xml = "".join(archive.read(n).decode("utf-8") for n in archive.namelist() if "xml" in n)
    return " ".join(
        " ".join(html.unescape(t) for t in re.findall(r"<a:t>([^<]*)</a:t>", xml)).split()
    )


@pytest.mark.parametrize("audience", list(Audience), ids=[a.value for a in Audience])
def test_the_cli_builds_each_audience_in_both_formats(tmp_path: Path, audience: Audience) -> None:
    (tmp_path / "lesson.md").write_text(SOURCE + QUOTED_TEACHER, encoding="utf-8")
    result = deckgen(
        "build", "lesson.md", "--audience", audience.value, "-f", "all", "-o", "out", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    for text in (
        html_text(tmp_path / "out" / "lesson.html"),
        pptx_text(tmp_path / "out" / "lesson.pptx"),
    ):
        assert "Try it yourself." in text and "Think about it first." in text
        assert ":::" not in text  # a fenced div is never shown as text
        found = [line for line in TEACHER_ONLY if line in text]
        assert found == (list(TEACHER_ONLY) if audience is Audience.TEACHER else [])

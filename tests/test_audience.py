"""The audience pass: the teacher's copy keeps everything, the students' copy has no notes and no
teacher-only content, in the model both backends read."""

from __future__ import annotations

import zipfile
from pathlib import Path

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

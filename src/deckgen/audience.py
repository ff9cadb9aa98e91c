"""The audience pass: one source, a teacher's copy and a students' copy.

It runs on the slide model after parsing and before layout, so both backends get the same deck.
The teacher's copy keeps everything (``::: teacher`` content shows in place, as ordinary content).
The students' copy has no speaker notes, no teacher-only content and no steps (each slide is
shown complete, as students read it after class), but keeps each slide's "more" text (the
page's own prose that explainer mode moved into the notes, ``Slide.more_notes``):

- ``::: teacher`` divs are dropped, wherever they sit (also inside columns and quotes);
- a slide whose heading has the ``.teacher`` class is dropped; on a section heading, the whole
  section (its divider and every slide up to the next section) is dropped;
- a slide left with nothing to show is dropped; a link to a dropped slide becomes plain text.

Slide ids are kept as they are, so a deep link means the same slide in both copies.
"""

from __future__ import annotations

import enum
from dataclasses import replace

from deckgen.diagnostics import Diagnostic
from deckgen.model import Deck, Slide, SlideKind, TeacherOnly
from deckgen.passes.ids import is_empty
from deckgen.passes.links import slide_target, unlink_where
from deckgen.passes.steps import without_steps
from deckgen.passes.walk import Splice, map_tree
from deckgen.slides import TEACHER_CLASS


class Audience(enum.Enum):
    TEACHER = "teacher"
    STUDENT = "student"


def _unwrap(item: object) -> tuple[object, ...] | None:
    return item.blocks if isinstance(item, TeacherOnly) else None


def _drop(item: object) -> tuple[object, ...] | None:
    return () if isinstance(item, TeacherOnly) else None


def _copy(slide: Slide, splice: Splice, speaker_notes: bool) -> Slide:
    """Return ``slide`` with its teacher-only parts, wherever they sit, spliced by ``splice``;
    its "more" text (the page's own prose explainer mode moved off the slide) always kept, its
    speaker notes only with ``speaker_notes``."""
    more = map_tree(slide.notes[: slide.more_notes], splice=splice)
    notes = map_tree(slide.notes[slide.more_notes :], splice=splice) if speaker_notes else ()
    shown = map_tree(slide.with_changes(notes=()), splice=splice)
    return shown.with_changes(notes=more + notes, more_notes=len(more))


def _teacher_slides(slides: tuple[Slide, ...]) -> set[str]:
    """Return the ids of the slides marked teacher-only, with every slide of a marked section."""
    dropped: set[str] = set()
    in_marked_section = False
    for slide in slides:
        if slide.kind is not SlideKind.CONTENT:
            in_marked_section = slide.kind is SlideKind.SECTION and TEACHER_CLASS in slide.classes
        if in_marked_section or TEACHER_CLASS in slide.classes:
            dropped.add(slide.id)
    return dropped


def for_audience(deck: Deck, audience: Audience, diagnostics: list[Diagnostic]) -> Deck:
    """Return ``deck`` as ``audience`` gets it (see the module docstring)."""
    if audience is Audience.TEACHER:
        slides = tuple(_copy(slide, _unwrap, speaker_notes=True) for slide in deck.slides)
        return replace(deck, slides=slides)
    marked = _teacher_slides(deck.slides)
    kept: list[Slide] = []
    for slide in deck.slides:
        if slide.id in marked:
            continue
        slide = without_steps(_copy(slide, _drop, speaker_notes=False))
        if not is_empty(slide):
            kept.append(slide)
    gone = {slide.id for slide in deck.slides} - {slide.id for slide in kept}
    if gone:

        def problem(link: str) -> str | None:
            if slide_target(link) in gone:
                return f"link '{link}' points at a teacher-only slide (plain text for students)"
            return None

        kept = unlink_where(kept, problem, diagnostics)
    return replace(deck, slides=tuple(kept), meta=replace(deck.meta, notes=()))

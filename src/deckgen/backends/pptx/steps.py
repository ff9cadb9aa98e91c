"""A slide's steps as click animations: each shape drawn says what its piece waits for.

The layout stage put the steps on the plan (a piece's ``reveals``, each paragraph's); the
slide writer reports every shape it draws here with its id, and ``timing`` turns them into the
slide's main sequence (``animation.py``): a text frame is animated by paragraph, any other
shape whole. A target inside several steps plays each of them, except that it enters only
once, at the latest of its entrances (an item inside a fragment appears with the later one).
"""

from __future__ import annotations

from collections.abc import Sequence

from deckgen.backends.pptx.animation import (
    Effect,
    Fragment,
    Target,
    click_steps,
    reveal_effects,
    timing_xml,
)
from deckgen.layout.paragraphs import ParagraphSpec
from deckgen.model import Step

ENTRANCES = frozenset({Effect.APPEAR, Effect.FADE})


def _enters(step: Step) -> bool:
    return reveal_effects(step.effects)[0] in ENTRANCES


def played(reveals: Sequence[Step]) -> list[Step]:
    """Return the steps a target plays: all of ``reveals`` but entrances before its last."""
    entrances = [step for step in reveals if _enters(step)]
    last = max(entrances, key=lambda step: step.click, default=None)
    return [step for step in reveals if step is last or not _enters(step)]


class SlideSteps:
    """Collects the animated shapes of one slide, in the order they are drawn."""

    def __init__(self) -> None:
        self._fragments: list[Fragment] = []

    def text(self, shape_id: int, paragraphs: Sequence[ParagraphSpec]) -> None:
        """Note a text shape: each of its ``paragraphs`` plays the steps it waits for."""
        for number, paragraph in enumerate(paragraphs):
            if paragraph.reveals:
                self._add(Target(shape_id, (number, number)), paragraph.reveals)

    def shape(self, shape_id: int, reveals: Sequence[Step], has_text: bool = True) -> None:
        """Note a shape animated whole (``has_text``: it has a text body, a ``p:sp``)."""
        if reveals:
            self._add(Target(shape_id, None, has_text), reveals)

    def _add(self, target: Target, reveals: Sequence[Step]) -> None:
        for step in played(reveals):
            self._fragments.append(Fragment(step.click, target, step.effects))

    def timing(self, media: Sequence[tuple[int, bool]] = ()) -> str:
        """Return the slide's ``p:timing``, with the play controls of its ``media`` (shape id,
        is a video); '' when nothing on it is animated or played."""
        return timing_xml(click_steps(self._fragments), media)

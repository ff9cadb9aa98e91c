"""Words deckgen writes on slides itself, in the deck's language (``language.slide_words``):
the title of a callout whose source names none ("Note", "Hinweis", "注記"...)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from deckgen.model import Callout, Run, Slide
from deckgen.passes.walk import map_tree


def title_callouts(slides: list[Slide], words: Mapping[str, str]) -> list[Slide]:
    """Return ``slides`` with each untitled callout titled by its style, in ``words``."""

    def titled(block: object) -> object:
        if isinstance(block, Callout) and not block.title:
            word = words.get(f"callout_{block.style}") or block.style.capitalize()
            return replace(block, title=(Run(word),))
        return block

    return [map_tree(slide, block=titled) for slide in slides]

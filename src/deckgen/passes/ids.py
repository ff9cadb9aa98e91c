"""Stable slide ids (anchors for deep links) and the section each slide falls under."""

from __future__ import annotations

from deckgen.model import Slide, SlideKind, plain_text

ALLOWED_PUNCTUATION = frozenset("_-.")


def _kept(char: str) -> bool:
    """Return whether an identifier keeps ``char``: a letter or number of any script, white
    space (a word break), or one of ``_ - .`` (combining marks and other punctuation go)."""
    return char.isalnum() or char.isspace() or char in ALLOWED_PUNCTUATION


def slugify(text: str) -> str:
    """Return the identifier pandoc's ``auto_identifiers`` makes of ``text`` ("" if none).

    Letters and numbers of every script are kept (``日本語のタイトル``, ``über-uns``), lower
    cased one character at a time as pandoc does; other punctuation is dropped, words are joined
    by ``-``, and anything before the first letter goes.
    """
    lowered = "".join(char.lower() for char in text)
    words = "".join(char for char in lowered if _kept(char)).split()
    slug = "-".join(words)
    start = next((index for index, char in enumerate(slug) if char.isalpha()), len(slug))
    return slug[start:]


def assign_ids(slides: list[Slide]) -> list[Slide]:
    """Return ``slides`` with unique ids: the written ``{#id}``, else a slug of the title (a
    title with no letter, or none: ``slide-N``); a repeat gets ``-1``, ``-2``… as in pandoc."""
    taken: set[str] = set()
    result = []
    for number, slide in enumerate(slides, start=1):
        base = slide.id or slugify(plain_text(slide.title)) or f"slide-{number}"
        candidate, n = base, 0
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        result.append(slide.with_changes(id=candidate))
    return result


def assign_sections(slides: list[Slide]) -> list[Slide]:
    """Return ``slides`` with ``section`` set to the title of the divider each falls under."""
    section = ""
    result = []
    for slide in slides:
        if slide.kind is SlideKind.SECTION:
            section = plain_text(slide.title)
        result.append(slide.with_changes(section=section))
    return result


def is_empty(slide: Slide) -> bool:
    """Return True for a slide with nothing to show, no notes and no attributes (a slide whose
    heading only sets, say, a background is kept)."""
    shown = slide.title or slide.subtitle or slide.body or slide.takeaways or slide.notes
    return not (shown or slide.attributes)

"""Footnotes: numbered through the deck in the order they are referred to, each shown at the
foot of the slides that refer to it (as pandoc numbers notes through a document).

Before this pass a slide's ``footnotes`` are the definitions written on it and a reference is
a run whose ``note`` is a label; after it, a reference shows its number as a superscript and a
slide's ``footnotes`` are the numbered notes it refers to. A note referred to only in the
speaker notes is added to them. A reference with no definition, and a definition never
referred to, are reported.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.model import Footnote, Inline, Paragraph, Run, Slide
from deckgen.passes.walk import map_runs, runs_in

GROUP = "footnote"


def _warn(origin: Origin, message: str) -> Diagnostic:
    return Diagnostic(origin, Level.WARNING, message, GROUP)


class _Numberer:
    """Gives each footnote its number at its first reference."""

    def __init__(self, definitions: dict[str, Footnote], diagnostics: list[Diagnostic]) -> None:
        self.definitions = definitions
        self.numbers: dict[str, int] = {}
        self.diagnostics = diagnostics
        self.undefined: set[str] = set()

    def reference(self, run: Run, origin: Origin, seen: list[Footnote]) -> Run:
        """Return ``run`` (a reference) as its number, and note its footnote in ``seen``."""
        note = self.definitions.get(run.note)
        if note is None:
            if run.note not in self.undefined:
                self.undefined.add(run.note)
                message = f"footnote [^{run.note}] has no definition (shown as written)"
                self.diagnostics.append(_warn(origin, message))
            return replace(run, note="")
        number = self.numbers.setdefault(run.note, len(self.numbers) + 1)
        numbered = replace(note, number=number)
        if numbered not in seen:
            seen.append(numbered)
        return replace(run, text=str(number), sup=True)


def number_footnotes(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Return ``slides`` with footnote references numbered and each slide's notes at its foot."""
    definitions: dict[str, Footnote] = {}
    for slide in slides:
        for note in slide.footnotes:
            if note.label in definitions:
                message = f"footnote [^{note.label}] is defined twice (the first is used)"
                diagnostics.append(_warn(note.origin, message))
            else:
                definitions[note.label] = note
    numberer = _Numberer(definitions, diagnostics)
    result = []
    for slide in slides:
        if not any(run.note for run in runs_in(slide.with_changes(footnotes=()))):
            result.append(slide.with_changes(footnotes=()) if slide.footnotes else slide)
            continue
        seen: list[Footnote] = []

        def number(run: Run, slide: Slide = slide, seen: list[Footnote] = seen) -> Run:
            return numberer.reference(run, slide.origin, seen) if run.note else run

        shown = slide.with_changes(
            title=map_runs(slide.title, number),
            subtitle=map_runs(slide.subtitle, number),
            body=map_runs(slide.body, number),
            takeaways=map_runs(slide.takeaways, number),
        )
        spoken: list[Footnote] = []

        def speak(run: Run, slide: Slide = slide, spoken: list[Footnote] = spoken) -> Run:
            return number(run, slide, spoken)

        notes = map_runs(slide.notes, speak)
        extra = tuple(
            Paragraph(footnote_line(note), note.origin) for note in spoken if note not in seen
        )
        result.append(shown.with_changes(notes=notes + extra, footnotes=tuple(seen)))
    for label, note in definitions.items():
        if label not in numberer.numbers:
            message = f"footnote [^{label}] is never referred to (not shown)"
            diagnostics.append(_warn(note.origin, message))
    return result


def footnote_line(note: Footnote) -> Inline:
    """Return a footnote's text after its number, as shown at the foot of a slide."""
    return (Run(str(note.number), sup=True), Run(" "), *note.runs)

"""Styled inline text (tuples of ``Run``): merge, strip, and cut into sentences.

Sentences keep every run's style (bold, code, links) on their pieces.

A sentence ends at ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed by white
space and a character that is not a lower-case letter, so "``vs. what``" and "``?” invites``" stay
whole. A few abbreviations never end a sentence, and nothing inside inline code does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from deckgen.model import Inline, Run, plain_text

BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(\s+)(?=[^\sa-z])")
ABBREVIATIONS = frozenset({"e.g.", "i.e.", "vs.", "cf.", "etc.", "approx.", "no."})


def slice_runs(runs: Inline, start: int, end: int) -> Inline:
    """Return the runs covering characters ``start``..``end`` of ``plain_text(runs)``."""
    pieces: list[Run] = []
    offset = 0
    for run in runs:
        low, high = max(start, offset), min(end, offset + len(run.text))
        if low < high:
            pieces.append(replace(run, text=run.text[low - offset : high - offset]))
        offset += len(run.text)
    return tuple(pieces)


def merge_runs(runs: Iterable[Run]) -> list[Run]:
    """Return ``runs`` with empty runs dropped and neighbours of the same style joined."""
    merged: list[Run] = []
    texts: list[list[str]] = []  # joined once at the end: repeated ``+`` is quadratic
    previous_style = None
    for run in runs:
        if not run.text:
            continue
        style = replace(run, text="")
        if merged and style == previous_style and run.math is None:  # a formula stays whole
            texts[-1].append(run.text)
        else:
            merged.append(run)
            texts.append([run.text])
            previous_style = style
    return [
        run if len(parts) == 1 else replace(run, text="".join(parts))
        for run, parts in zip(merged, texts, strict=True)
    ]


def strip_runs(runs: Iterable[Run]) -> Inline:
    """Return ``runs`` without white space at either end (inline code is kept as written)."""
    pieces = [run for run in runs if run.text]
    if pieces and not pieces[0].code:
        pieces[0] = replace(pieces[0], text=pieces[0].text.lstrip())
    if pieces and not pieces[-1].code:
        pieces[-1] = replace(pieces[-1], text=pieces[-1].text.rstrip())
    return tuple(run for run in pieces if run.text)


def _code_spans(runs: Inline) -> list[tuple[int, int]]:
    """Return where inline code and formulas stand: no sentence ends inside them."""
    spans, offset = [], 0
    for run in runs:
        if run.code or run.math is not None:
            spans.append((offset, offset + len(run.text)))
        offset += len(run.text)
    return spans


def sentence_ends(runs: Inline) -> list[tuple[int, int]]:
    """Return (end of sentence, start of the next) offsets of each boundary in ``runs``."""
    text = plain_text(runs)
    code = _code_spans(runs)
    ends = []
    for match in BOUNDARY.finditer(text):
        end, start = match.start(1), match.end(1)
        words = text[:end].split()
        if words and words[-1].lower() in ABBREVIATIONS:
            continue
        if any(low < end <= high for low, high in code):
            continue
        ends.append((end, start))
    return ends


def sentences(runs: Inline) -> list[Inline]:
    """Return the sentences of ``runs``, each stripped of surrounding white space."""
    pieces, start = [], 0
    for end, next_start in sentence_ends(runs):
        pieces.append(strip_runs(slice_runs(runs, start, end)))
        start = next_start
    pieces.append(strip_runs(slice_runs(runs, start, len(plain_text(runs)))))
    return [piece for piece in pieces if piece]


def join_sentences(parts: list[Inline]) -> Inline:
    """Return ``parts`` joined into one line, a space between sentences, like runs merged."""
    runs: list[Run] = []
    for number, part in enumerate(parts):
        if number:
            runs.append(Run(" "))
        runs += part
    return tuple(merge_runs(runs))

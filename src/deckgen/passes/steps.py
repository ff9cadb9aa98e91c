"""The steps pass: when each block, list item and span of a slide appears (reveal.js fragments).

The source forms, read as pandoc reads them:

- a pause (``. . .``) puts what follows it, up to the next pause or the end of its slide, list
  item, quote or column, into one fragment (an empty one is dropped);
- a list is incremental, each item a step of its own (nested items too), when a
  ``::: incremental`` div around it says so, or the deck's ``incremental`` setting where no div
  does; a block quote holding nothing but a list shows that list, with the setting turned over;
- ``::: fragment`` divs (``slides.py``) and ``[text]{.fragment}`` spans (``Run.classes``) are
  steps with their effect classes and ``fragment-index``.

Clicks are numbered per slide as reveal.js orders fragments (``Fragments.sort``): those with a
``fragment-index`` first, by index (equal ones play together), then the others one by one in
reading order (title, subtitle, body, takeaways; an outer fragment before those inside it).
Steps deckgen cannot place (a span in a table cell; anything in the speaker notes) are shown
from the start and reported. Both backends read the numbered steps; layout fits every slide
with all of them shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import Any

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.model import (
    Block,
    BulletList,
    Fragment,
    ListItem,
    Pause,
    Quote,
    Run,
    Slide,
    Step,
    Table,
)
from deckgen.passes.walk import map_tree, own_runs, runs_in, walk

FRAGMENT_CLASS = "fragment"
GROUP = "unplaced-step"
IN_TABLE = "a fragment in a table cell is shown from the start (a table is animated whole)"
IN_NOTES = "a step in speaker notes is ignored (notes are shown whole)"

Parts = tuple[Any, ...]  # a slide's title, subtitle, body and takeaways, in reading order


def assign_steps(
    slides: Iterable[Slide], incremental: bool, diagnostics: list[Diagnostic]
) -> list[Slide]:
    """Return ``slides`` with their steps read and numbered (``incremental``: the deck's
    setting for lists no div sets)."""
    return [_slide_steps(slide, incremental, diagnostics) for slide in slides]


def without_steps(slide: Slide) -> Slide:
    """Return ``slide`` shown whole: no fragment, no step on any item or span."""
    if not slide.steps:
        return slide
    shown = map_tree(
        slide,
        run=lambda run: replace(run, step=None) if run.step is not None else run,
        splice=lambda item: item.blocks if isinstance(item, Fragment) else None,
        enter=lambda node: replace(node, step=None) if _stepped_item(node) else node,
    )
    return shown.with_changes(steps=0)


def renumber(slide: Slide) -> Slide:
    """Return ``slide`` (a part of a longer one) with its clicks numbered from 1 again."""
    if not slide.steps:
        return slide
    used = sorted({step.click for step in _steps_in(_parts(slide))})
    new = {click: number for number, click in enumerate(used, start=1)}

    def renumbered(step: Step) -> Step:
        return replace(step, click=new[step.click])

    parts = map_tree(
        _parts(slide),
        run=lambda run: replace(run, step=renumbered(run.step)) if run.step else run,
        enter=lambda node: replace(node, step=renumbered(node.step)) if _stepped(node) else node,
    )
    return _with_parts(slide, parts).with_changes(steps=len(used))


# -- reading --------------------------------------------------------------------------------------


def _parts(slide: Slide) -> Parts:
    return (slide.title, slide.subtitle, slide.body, slide.takeaways)


def _with_parts(slide: Slide, parts: Parts) -> Slide:
    title, subtitle, body, takeaways = parts
    return slide.with_changes(title=title, subtitle=subtitle, body=body, takeaways=takeaways)


def _stepped_item(node: object) -> bool:
    return isinstance(node, ListItem) and node.step is not None


def _stepped(node: object) -> bool:
    return isinstance(node, Fragment) or _stepped_item(node)


def _is_span(run: Run) -> bool:
    return run.step is not None or FRAGMENT_CLASS in run.classes


def _is_quoted_list(node: object) -> bool:
    return (
        isinstance(node, Quote) and len(node.blocks) == 1 and isinstance(node.blocks[0], BulletList)
    )


def _may_step(node: object, incremental: bool) -> bool:
    """Return True when ``node`` is or may make a step (``incremental``: the deck's setting)."""
    if isinstance(node, Run):
        return _is_span(node)
    if isinstance(node, BulletList):
        return incremental if node.incremental is None else node.incremental
    return isinstance(node, Pause | Fragment) or _is_quoted_list(node)


def _has_steps(slide: Slide, incremental: bool) -> bool:
    """Return True when anything on ``slide`` (notes included) is or may be a step."""
    return any(_may_step(node, incremental) for node in walk((*_parts(slide), slide.notes)))


def _span(run: Run) -> Run:
    """Return a fragment span's run with its step (its other classes are the effects)."""
    if FRAGMENT_CLASS not in run.classes:
        return run
    effects = tuple(name for name in run.classes if name != FRAGMENT_CLASS)
    written = run.step or Step()  # a reader may give its fragment-index
    return replace(run, classes=(), step=replace(written, effects=written.effects + effects))


def _incremental(block: BulletList, setting: bool) -> BulletList:
    """Return ``block`` with its items stepped when ``setting`` says it is incremental."""
    items = tuple(replace(item, step=Step() if setting else None) for item in block.items)
    return replace(block, items=items, incremental=setting)


def _flipped(block: BulletList) -> BulletList:
    """Return a quoted list with every list in it built the other way (pandoc's rule)."""

    def flip(inner: Any) -> Any:
        if isinstance(inner, BulletList):
            return _incremental(inner, not inner.incremental)
        return inner

    return map_tree(block, block=flip)


def grouped(sequence: tuple[Any, ...]) -> tuple[Any, ...]:
    """Return blocks with what follows each pause in a fragment (empty ones dropped)."""
    if not any(isinstance(item, Pause) for item in sequence):
        return sequence
    result: list[Any] = []
    fragment: Fragment | None = None
    for item in sequence:
        if isinstance(item, Pause):
            if fragment is not None and fragment.blocks:
                result.append(fragment)
            fragment = Fragment((), item.origin)
        elif fragment is not None:
            fragment = replace(fragment, blocks=(*fragment.blocks, item))
        else:
            result.append(item)
    if fragment is not None and fragment.blocks:
        result.append(fragment)
    return tuple(result)


def _unplaced(runs: Iterable[Run], origin: Origin, message: str, report: list[Diagnostic]) -> None:
    if any(_is_span(run) for run in runs):
        report.append(Diagnostic(origin, Level.WARNING, message, GROUP))


def _plain(run: Run) -> Run:
    """Return ``run`` shown from the start (no step, no ``fragment`` class)."""
    if not _is_span(run):
        return run
    return replace(run, step=None, classes=tuple(c for c in run.classes if c != FRAGMENT_CLASS))


def _reader(incremental: bool, diagnostics: list[Diagnostic]) -> Callable[[Any], Any]:
    """Return the block rule of the reading pass: lists, quoted lists, tables."""

    def read(block: Any) -> Any:
        if isinstance(block, BulletList):
            setting = incremental if block.incremental is None else block.incremental
            return _incremental(block, setting)
        if _is_quoted_list(block):
            return _flipped(block.blocks[0])
        if isinstance(block, Table):
            _unplaced(runs_in(block), block.origin, IN_TABLE, diagnostics)
            return map_tree(block, run=_plain)
        return block

    return read


def shown_whole(blocks: tuple[Block, ...], diagnostics: list[Diagnostic]) -> tuple[Block, ...]:
    """Return ``blocks`` (speaker notes) with no step: pauses and fragment divs and spans are
    ignored, each kind reported once at its line."""

    def open_fragment(item: Any) -> tuple[Any, ...] | None:
        if isinstance(item, Pause):
            diagnostics.append(Diagnostic(item.origin, Level.WARNING, IN_NOTES, GROUP))
            return ()
        if isinstance(item, Fragment):
            diagnostics.append(Diagnostic(item.origin, Level.WARNING, IN_NOTES, GROUP))
            return item.blocks
        return None

    def plain(block: Any) -> Any:
        if any(_is_span(run) for run in own_runs(block)):
            _unplaced(own_runs(block), block.origin, IN_NOTES, diagnostics)
            return map_tree(block, run=_plain)
        return block

    return map_tree(blocks, block=plain, splice=open_fragment)


# -- numbering ------------------------------------------------------------------------------------


class _Reading:
    """Says, node by node in reading order, which step each node starts: a fragment, a stepped
    list item, or a span (neighbouring runs with the same step are one span)."""

    def __init__(self) -> None:
        self.last: Step | None = None

    def starts(self, node: object) -> Step | None:
        """Return the step ``node`` starts (None: none, or it goes on with the span before)."""
        if isinstance(node, Run):
            previous, self.last = self.last, node.step
            return None if node.step is None or node.step == previous else node.step
        self.last = None
        if isinstance(node, Fragment | ListItem):
            return node.step
        return None


def _clicks(steps: list[Step]) -> list[int]:
    """Return the click of each of ``steps`` (in reading order), as reveal.js plays them."""
    indices = sorted({step.index for step in steps if step.index is not None})
    click_of = {index: number for number, index in enumerate(indices, start=1)}
    clicks, following = [], len(indices)
    for step in steps:
        if step.index is not None:
            clicks.append(click_of[step.index])
        else:
            following += 1
            clicks.append(following)
    return clicks


def _numbered(parts: Parts) -> tuple[Parts, int]:
    """Return ``parts`` with every step's click, and how many clicks there are."""
    reading = _Reading()
    found = [step for node in walk(parts) if (step := reading.starts(node)) is not None]
    if not found:
        return parts, 0
    numbers = _clicks(found)
    clicks = iter(numbers)
    reading = _Reading()
    span: list[Step] = []  # the step given to the span being read

    def enter(node: Any) -> Any:
        step = reading.starts(node)
        return node if step is None else replace(node, step=replace(step, click=next(clicks)))

    def run(node: Run) -> Run:
        step = reading.starts(node)
        if step is not None:
            span[:] = [replace(step, click=next(clicks))]
        elif node.step is None:
            return node
        return replace(node, step=span[0])

    return map_tree(parts, run=run, enter=enter), len(set(numbers))


def _slide_steps(slide: Slide, incremental: bool, diagnostics: list[Diagnostic]) -> Slide:
    if not _has_steps(slide, incremental):
        return slide
    more = shown_whole(slide.notes[: slide.more_notes], diagnostics)  # the page's own text
    notes = more + shown_whole(slide.notes[slide.more_notes :], diagnostics)
    body = map_tree(
        slide.body, block=_reader(incremental, diagnostics), run=_span, sequence=grouped
    )
    title, subtitle, takeaways = map_tree((slide.title, slide.subtitle, slide.takeaways), run=_span)
    parts, steps = _numbered((title, subtitle, body, takeaways))
    return _with_parts(slide, parts).with_changes(notes=notes, more_notes=len(more), steps=steps)


def _steps_in(parts: Parts) -> list[Step]:
    return [
        node.step
        for node in walk(parts)
        if isinstance(node, Run | Fragment | ListItem) and node.step is not None
    ]

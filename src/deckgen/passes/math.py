"""The math pass: every formula typeset with the deck's macros, or shown as code and said so.

Macros come from front matter (``math: macros:``) and from ``\\newcommand`` lines standing alone
anywhere in the deck (``MathMacros`` blocks, removed here); unlike pandoc, which applies a
definition only after it, they hold for the whole deck. A formula becomes its ``Formula`` (its
run's text the readable linear form); TeX that cannot be typeset becomes inline code, or a code
block for an equation, with one warning per file that names the first failure and counts the
rest. A slide that held nothing but macro definitions is dropped, as pandoc shows nothing there.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from deckgen.diagnostics import MAX_LINES_SHOWN, Diagnostic, Level, Origin
from deckgen.model import Block, CodeBlock, CodeSpan, Equation, Math, MathMacros, Run, Slide
from deckgen.passes.ids import is_empty
from deckgen.passes.walk import map_tree, walk

GROUP = "math"


def has_math(node: object) -> bool:
    """Return whether ``node`` (slides, blocks) holds any formula or macro definition."""
    return any(
        isinstance(item, MathMacros) or (isinstance(item, Run) and item.math is not None)
        for item in walk(node)
    )


def delimited(math: Math) -> str:
    """Return the TeX of ``math`` between dollars, as a reader would type it."""
    return f"$${math.tex}$$" if math.display else f"${math.tex}$"


@dataclass
class _Typesetter:
    """Converts each distinct formula once and remembers where the failures are."""

    macros: dict[str, str]
    done: dict[Math, Math | None] = field(default_factory=dict)
    failures: list[tuple[Origin, str, str]] = field(default_factory=list)

    def formula(self, math: Math, origin: Origin) -> Math | None:
        """Return the typeset ``math`` (None when it cannot be), noting the failure's origin."""
        if math not in self.done:
            from deckgen.tex.formula import MathError, convert

            try:
                self.done[math] = convert(math.tex, math.display, self.macros)
            except MathError as error:
                self.done[math] = None
                self.failures.append((origin, delimited(math), str(error)))
        elif self.done[math] is None:
            self.failures.append((origin, delimited(math), ""))
        return self.done[math]


def _macros(node: object, diagnostics: list[Diagnostic]) -> dict[str, str]:
    """Return the macros the ``MathMacros`` blocks in ``node`` define, in reading order."""
    from deckgen.tex.formula import MathError, macros_from

    macros: dict[str, str] = {}
    for item in walk(node):
        if isinstance(item, MathMacros):
            try:
                macros.update(macros_from(item.tex))
            except MathError as error:
                diagnostics.append(
                    Diagnostic(item.origin, Level.WARNING, f"{error} (ignored)", "math-macros")
                )
    return macros


def _splice(item: object) -> tuple[object, ...] | None:
    """Drop macro definitions; an equation that could not be typeset becomes a code block."""
    if isinstance(item, MathMacros):
        return ()
    if isinstance(item, Equation) and not any(run.math for run in item.runs):
        text = "".join(run.text for run in item.runs)  # the TeX, between dollars
        lines = tuple((CodeSpan(line),) for line in text.split("\n"))
        return (CodeBlock(text, None, lines, item.origin),)
    return None


def _typeset(node: Any, origin: Origin, typesetter: _Typesetter) -> Any:
    """Return ``node`` (runs or blocks) with every formula typeset; ``origin`` for failures."""

    def run(item: Run) -> Run:
        if item.math is None:
            return item
        formula = typesetter.formula(item.math, origin)
        if formula is None:
            return replace(item, text=delimited(item.math), code=True, math=None)
        return replace(item, text=getattr(formula, "linear", item.text), math=formula)

    return map_tree(node, run=run, splice=_splice)


def _blocks(blocks: tuple[Any, ...], typesetter: _Typesetter) -> tuple[Any, ...]:
    """Return ``blocks`` typeset, each at its own line (blocks inside it at the same)."""
    return tuple(item for block in blocks for item in _typeset((block,), block.origin, typesetter))


def _slide(slide: Slide, typesetter: _Typesetter) -> Slide:
    return slide.with_changes(
        title=_typeset(slide.title, slide.origin, typesetter),
        subtitle=_typeset(slide.subtitle, slide.origin, typesetter),
        body=_blocks(slide.body, typesetter),
        takeaways=_blocks(slide.takeaways, typesetter),
        notes=_blocks(slide.notes, typesetter),
    )


def _report(failures: list[tuple[Origin, str, str]], diagnostics: list[Diagnostic]) -> None:
    """Add one warning per file: the first failure, its reason, and the lines of the others."""
    by_file: dict[str, list[tuple[Origin, str, str]]] = {}
    for failure in failures:
        by_file.setdefault(failure[0].path, []).append(failure)
    for found in by_file.values():
        origin, tex, reason = found[0]
        shown = tex if len(tex) <= 40 else tex[:39] + "…"
        why = reason.removeprefix("cannot typeset TeX math: ").rstrip(".")
        message = f"cannot typeset TeX math {shown} ({why}): shown as code"
        lines = sorted({where.line for where, _, _ in found[1:]})
        if len(found) > 1:
            listed = ", ".join(str(line) for line in lines[:MAX_LINES_SHOWN])
            extra = "…" if len(lines) > MAX_LINES_SHOWN else ""
            message += f" (and {len(found) - 1} more in this file: lines {listed}{extra})"
        diagnostics.append(Diagnostic(origin, Level.WARNING, message, GROUP))


def typeset_math(
    slides: list[Slide],
    notes: tuple[Block, ...],
    front_matter: Mapping[str, str],
    diagnostics: list[Diagnostic],
) -> tuple[list[Slide], tuple[Block, ...]]:
    """Return ``slides`` and the deck's ``notes`` with every formula typeset (see the module)."""
    if not has_math((tuple(slides), notes)):
        return slides, notes
    typesetter = _Typesetter({**front_matter, **_macros((tuple(slides), notes), diagnostics)})
    result = []
    for slide in slides:
        typeset = _slide(slide, typesetter)
        if is_empty(typeset) and not is_empty(slide):
            continue  # it held only macro definitions
        result.append(typeset)
    notes = _blocks(notes, typesetter)
    _report(typesetter.failures, diagnostics)
    return result, notes

"""TeX math -> a Formula in every form the backends need: MathML, Office Math (OMML), linear text.

TeX is read by math-core (a compiled, maintained LaTeX-to-MathML Core converter, imported only when
a deck has math). Its MathML goes into the HTML deck as is; ``omml`` and ``linear`` derive the
.pptx equation and the readable line from that MathML, so all three show the same formula.

Equation numbers are not drawn (as in pandoc's HTML with MathJax, and in its .pptx): numbered
environments are read as their starred forms unless they carry a ``\\tag``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from deckgen.model import Math
from deckgen.tex.linear import mathml_to_linear
from deckgen.tex.omml import mathml_to_omml
from deckgen.tex.syntax import balanced_braces

NUMBERED = ("align", "alignat", "eqnarray", "equation", "gather", "multline")
_NUMBERED_ENV = re.compile(r"\\(begin|end)\{(" + "|".join(NUMBERED) + r")\}")
_MACRO_NAME = re.compile(r"\\([A-Za-z]+|.)")


class MathError(ValueError):
    """TeX that cannot be typeset; ``str(error)`` is one line saying why."""


@dataclass(frozen=True, slots=True)
class Formula(Math):
    """One formula in each form: ``mathml`` (a ``<math>`` element with alttext and the TeX as an
    annotation), ``omml`` (an ``m:oMath``) and ``linear`` (readable Unicode on one line)."""

    mathml: str
    omml: str
    linear: str


@lru_cache(maxsize=32)
def _converter(macros: tuple[tuple[str, str], ...]) -> Any:
    import math_core  # a compiled extension: loaded only for decks that have math

    return math_core.LatexToMathML(
        macros=dict(macros),
        annotation=True,
        fancy_error=False,
        allow_unreliable_rendering=True,  # \widehat and \widetilde rather than an error
    )


def _unnumbered(tex: str) -> str:
    if "\\tag" in tex:
        return tex
    return _NUMBERED_ENV.sub(lambda m: f"\\{m.group(1)}{{{m.group(2)}*}}", tex)


def convert(tex: str, display: bool, macros: Mapping[str, str] | None = None) -> Formula:
    """Return ``tex`` as a Formula; raise MathError if it cannot be typeset.

    ``macros`` maps a command name (without the backslash) to its body, ``#1``… for arguments.
    """
    key = tuple(sorted((macros or {}).items()))
    try:
        read = _unnumbered(tex)
        mathml = _converter(key).convert_with_local_state(read, displaystyle=display)
        if read != tex:  # the annotation keeps the TeX as written
            mathml = mathml.replace(f">{escape(read)}</annotation>", f">{escape(tex)}</annotation>")
        linear = mathml_to_linear(mathml)
        omml = mathml_to_omml(mathml)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # math-core's Rust panics are BaseExceptions
        reason = " ".join(str(error).split()) or type(error).__name__
        raise MathError(f"cannot typeset TeX math: {reason}") from None
    mathml = mathml.replace("<math", f"<math alttext={quoteattr(linear)}", 1)
    return Formula(tex, display, mathml, omml, linear)


def _braced(text: str, start: int) -> tuple[str, int]:
    """Return the contents of the brace group at ``start`` and the index after it."""
    if start >= len(text) or text[start] != "{":
        raise MathError(f"cannot read macro definition: expected '{{' in {text.strip()!r}")
    end = balanced_braces(text, start)
    if end is not None:
        return text[start + 1 : end - 1], end
    raise MathError(f"cannot read macro definition: unbalanced braces in {text.strip()!r}")


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def macros_from(text: str) -> dict[str, str]:
    """Return the macros that ``\\newcommand``, ``\\renewcommand``, ``\\providecommand``,
    ``\\def`` and ``\\DeclareMathOperator`` lines in ``text`` define (name -> body)."""
    macros: dict[str, str] = {}
    index = _skip_space(text, 0)
    command = re.compile(r"\\(newcommand|renewcommand|providecommand|def|DeclareMathOperator)\*?")
    while index < len(text):
        found = command.match(text, index)
        if found is None:
            raise MathError(f"cannot read macro definition: {text[index:].splitlines()[0]!r}")
        kind, index = found.group(1), _skip_space(text, found.end())
        braced_name = text.startswith("{", index)
        if braced_name:
            name_text, index = _braced(text, index)
        else:
            name_match = _MACRO_NAME.match(text, index)
            if name_match is None:
                raise MathError(f"cannot read macro definition: no name after \\{kind}")
            name_text, index = name_match.group(0), name_match.end()
        name = name_text.strip().removeprefix("\\")
        if kind == "def":  # \def\name#1#2{body}
            while index < len(text) and text[index] != "{":
                index += 1
        else:
            index = _skip_space(text, index)
            if text.startswith("[", index):  # [number of arguments]
                index = text.index("]", index) + 1
                index = _skip_space(text, index)
            if text.startswith("[", index):
                raise MathError(f"cannot read macro definition: optional arguments of \\{name}")
        body, index = _braced(text, index)
        macros[name] = f"\\operatorname{{{body}}}" if kind == "DeclareMathOperator" else body
        index = _skip_space(text, index)
    return macros


def macros_from_mapping(mapping: Mapping[str, object]) -> dict[str, str]:
    """Return macros given in front matter as a mapping (``R: \\mathbb{R}``; keys with or without
    the backslash), as KaTeX's and MathJax's ``macros`` options take them."""
    macros = {}
    for name, body in mapping.items():
        if not isinstance(body, str | int | float) or not str(name).strip():
            raise MathError(f"math macro {name!r}: the body must be TeX text")
        macros[str(name).strip().removeprefix("\\")] = str(body)
    return macros


def merge_macros(*sources: Iterable[tuple[str, str]] | Mapping[str, str]) -> dict[str, str]:
    """Return one mapping of macros, later sources overriding earlier ones."""
    merged: dict[str, str] = {}
    for source in sources:
        merged.update(source)
    return merged

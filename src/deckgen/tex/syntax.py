"""Find TeX math in Markdown source as pandoc does: a mistune plugin that never imports mistune.

pandoc's rules (``tex_math_dollars``, plus ``tex_math_single_backslash`` and raw math
environments, which pandoc's HTML writer shows as display math):

- ``$…$``: the opening ``$`` has a non-space right after it; no whitespace stands right before the
  closing ``$``, which is not followed by a digit; no blank line inside. So "$20/month … $50"
  stays text. ``\\$`` inside does not close; ``\\text{…}`` may hold a ``$``.
- ``$$…$$``: display math, anywhere in a paragraph; anything but a blank line inside.
- ``\\(…\\)`` inline and ``\\[…\\]`` display (pandoc trims the inline one).
- ``\\begin{align}…\\end{align}`` and the other math environments pandoc knows, starred or not:
  display math, whether they stand alone or sit inside a paragraph.
- Lines of ``\\newcommand``/``\\renewcommand``/``\\def`` standing alone: macro definitions
  (pandoc applies them to the math and shows nothing).

The rules run before mistune's backslash escapes, so the TeX reaches the tokens untouched:
``{"type": "math", "raw": tex, "attrs": {"display": bool}}`` (inline, and as a block when display
math stands alone) and ``{"type": "math_macros", "raw": text}`` (a block of definitions).
"""

from __future__ import annotations

import re
from typing import Any, Protocol

MATH_ENVIRONMENTS = frozenset(
    {
        "align", "align*", "alignat", "alignat*", "aligned", "alignedat", "array", "Bmatrix",
        "bmatrix", "cases", "CD", "eqnarray", "eqnarray*", "equation", "equation*", "gather",
        "gather*", "gathered", "matrix", "multline", "multline*", "pmatrix", "smallmatrix",
        "split", "subarray", "Vmatrix", "vmatrix",
    }
)  # fmt: skip
MACRO_COMMANDS = ("newcommand", "renewcommand", "providecommand", "def", "DeclareMathOperator")

_ENV_NAME = r"[A-Za-z]+\*?"
_BEGIN = re.compile(r"\\begin\{(" + _ENV_NAME + r")\}")
_ENVIRONMENT_EDGE = re.compile(r"\\(begin|end)\{(" + _ENV_NAME + r")\}")
INLINE_PATTERN = r"\$|\\[(\[]|\\begin\{" + _ENV_NAME + r"\}"
BLOCK_MATH_PATTERN = r"^ {0,3}(?:\$\$|\\\[|\\begin\{" + _ENV_NAME + r"\})"
BLOCK_MACROS_PATTERN = r"^ {0,3}\\(?:" + "|".join(MACRO_COMMANDS) + r")(?![A-Za-z])"
_REST_OF_LINE = re.compile(r"[ \t]*(?:\n|$)")

Token = dict[str, Any]


class _State(Protocol):
    src: str
    cursor: int
    cursor_max: int

    def append_token(self, token: Token) -> None: ...


def math_token(tex: str, display: bool) -> Token:
    """Return the token for one formula."""
    return {"type": "math", "raw": tex, "attrs": {"display": display}}


def _blank_line_follows(src: str, newline: int) -> bool:
    """Return whether the line after the newline at ``newline`` is blank (pandoc's limit)."""
    rest = _REST_OF_LINE.match(src, newline + 1)
    return rest is not None and rest.end() > newline + 1 and src[rest.end() - 1] == "\n"


def balanced_braces(src: str, start: int) -> int | None:
    """Return the index after the brace group opening at ``start``, or None if it never closes."""
    depth, index = 0, start
    while index < len(src):
        char = src[index]
        if char == "\\":
            index += 2
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


def scan_inline(src: str, start: int, opening: str, closing: str) -> tuple[int, str] | None:
    """Return (end, tex) of inline math opening at ``start`` under pandoc's rules, or None."""
    index = start + len(opening)
    if opening == "$" and (index >= len(src) or src[index].isspace()):
        return None
    first = True
    while True:
        if not first and src.startswith(closing, index):
            end = index + len(closing)
            if end < len(src) and src[end].isdigit():
                return None
            return end, src[start + len(opening) : index]
        first = False
        if index >= len(src):
            return None
        char = src[index]
        if char == "\\":
            if src.startswith("\\text{", index):
                after = balanced_braces(src, index + 5)
                if after is not None:
                    index = after
                    continue
            index += 2
        elif char.isspace():
            if index + 1 < len(src) and src[index + 1] == "$":
                return None
            if char == "\n" and _blank_line_follows(src, index):
                return None
            index += 1
        else:
            index += 1


def scan_display(src: str, start: int, opening: str, closing: str) -> tuple[int, str] | None:
    """Return (end, tex) of display math opening at ``start`` (no blank line inside), or None."""
    index = start + len(opening)
    first = True
    while True:
        if not first and src.startswith(closing, index):
            return index + len(closing), src[start + len(opening) : index]
        first = False
        if index >= len(src):
            return None
        if src[index] == "\n" and _blank_line_follows(src, index):
            return None
        index += 1


def environment_end(src: str, start: int) -> int | None:
    """Return the end of the LaTeX environment (any) beginning at ``start``, or None when
    ``\\begin`` is not there or never ends."""
    begin = _BEGIN.match(src, start)
    if begin is None:
        return None
    name, depth = begin.group(1), 0
    for edge in _ENVIRONMENT_EDGE.finditer(src, start):
        if edge.group(2) != name:
            continue
        depth += 1 if edge.group(1) == "begin" else -1
        if depth == 0:
            return edge.end()
    return None


def scan_environment(src: str, start: int) -> tuple[int, str] | None:
    """Return (end, tex) of the math environment beginning at ``start``, or None."""
    begin = _BEGIN.match(src, start)
    if begin is None or begin.group(1) not in MATH_ENVIRONMENTS:
        return None
    end = environment_end(src, start)
    return None if end is None else (end, src[start:end])


def scan_math(src: str, start: int) -> tuple[int, Token] | None:
    """Return (end, token) of the formula starting at ``start``, or None if there is none."""
    if src.startswith("$$", start):
        found = scan_display(src, start, "$$", "$$")
        if found is not None:
            return found[0], math_token(found[1], True)
    if src.startswith("$", start):
        found = scan_inline(src, start, "$", "$")
        return None if found is None else (found[0], math_token(found[1], False))
    if src.startswith("\\(", start):
        found = scan_inline(src, start, "\\(", "\\)")
        return None if found is None else (found[0], math_token(found[1].strip(), False))
    if src.startswith("\\[", start):
        found = scan_display(src, start, "\\[", "\\]")
        return None if found is None else (found[0], math_token(found[1], True))
    found = scan_environment(src, start)
    return None if found is None else (found[0], math_token(found[1], True))


def parse_inline_math(parser: Any, match: re.Match[str], state: _State) -> int | None:
    """Append a math token for the formula at ``match`` (a ``raw_latex`` one for an environment
    that is not math); None leaves the text to other rules.

    An unclosed ``\\(`` or ``\\[`` is still a backslash escape, as in pandoc.
    """
    start = match.start()
    found = scan_math(state.src, start)
    if found is not None:
        state.append_token(found[1])
        return found[0]
    if state.src.startswith(("\\(", "\\["), start):
        parser.process_text(state.src[start + 1], state, parse_emphasis=False)
        return start + 2
    end = environment_end(state.src, start)  # another environment (tikzpicture): raw LaTeX
    if end is not None:
        state.append_token({"type": "raw_latex", "raw": state.src[start:end]})
        return end
    return None


def parse_block_math(_parser: object, match: re.Match[str], state: _State) -> int | None:
    """Append display math standing alone on its lines; None lets a paragraph take the text."""
    start = match.end() - len(match.group(0).lstrip(" "))
    found = scan_math(state.src, start)
    if found is None or not found[1]["attrs"]["display"]:
        return None
    rest = _REST_OF_LINE.match(state.src, found[0])
    if rest is None:
        return None
    state.append_token(found[1])
    return rest.end()


def parse_block_macros(_parser: object, match: re.Match[str], state: _State) -> int | None:
    """Append a paragraph made only of macro definitions as one ``math_macros`` token."""
    lines, end = [], match.start()
    line_start = re.compile(BLOCK_MACROS_PATTERN, re.M)
    while end < state.cursor_max and line_start.match(state.src, end):
        newline = state.src.find("\n", end)
        stop = state.cursor_max if newline == -1 else newline + 1
        lines.append(state.src[end:stop])
        end = stop
    if _REST_OF_LINE.match(state.src, end) is None and end < state.cursor_max:
        return None
    state.append_token({"type": "math_macros", "raw": "".join(lines).strip()})
    return end


def math(md: Any) -> None:
    """Register the math rules on the ``mistune.Markdown`` object ``md`` (a mistune plugin)."""
    md.inline.register(
        "math", INLINE_PATTERN, parse_inline_math, before="escape", start_chars=("$", "\\")
    )
    for name, pattern, method in (
        ("math", BLOCK_MATH_PATTERN, parse_block_math),
        ("math_macros", BLOCK_MACROS_PATTERN, parse_block_macros),
    ):
        md.block.register(name, pattern, method, before="list")
        md.block.insert_rule(md.block.block_quote_rules, name, before="list")
        md.block.insert_rule(md.block.list_rules, name, before="list")

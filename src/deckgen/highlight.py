"""Syntax highlighting: code text -> lines of token-classed spans (the only pygments import).

Spans carry pygments' short token classes (``gp`` prompt, ``go`` output, ``k`` keyword...), so the
model stays free of colours; ``token_styles`` turns a pygments style into the colour table a theme
hands to both backends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.lexers.shell import BashSessionLexer
from pygments.styles import get_style_by_name
from pygments.token import STANDARD_TYPES, _TokenType
from pygments.util import ClassNotFound

from deckgen.model import CodeLine, CodeSpan

PLAIN_LANGUAGES = frozenset({"", "text", "plain", "plaintext", "txt", "none"})


@dataclass(frozen=True, slots=True)
class TokenStyle:
    """How one token class looks: ``color`` None means the theme's default code colour."""

    color: str | None = None
    bold: bool = False
    italic: bool = False


class ConsoleLexer(BashSessionLexer):
    """A console session where only ``$``, ``%`` and ``❯`` start a command line.

    pygments also takes ``#`` as a root prompt, which colours shell output such as a Markdown
    heading (``# My Project``) as a command; teaching decks rarely show root shells.
    """

    _ps1rgx = re.compile(
        r"^((?:(?:\[.*?\])|(?:\(\S+\))?(?:| |sh\S*?|\w+\S+[@:]\S+(?:\s+\S+)?"
        r"|\[\S+[@:][^\n]+\].+))\s*[$%❯]\s*)(.*\n?)"
    )


CONSOLE_ALIASES = frozenset(BashSessionLexer.aliases)


@lru_cache(maxsize=64)
def _lexer(language: str) -> Lexer | None:
    if language.lower() in CONSOLE_ALIASES:
        return ConsoleLexer(stripnl=False, ensurenl=True)
    try:
        return get_lexer_by_name(language, stripnl=False, ensurenl=True)
    except ClassNotFound:
        return None


def is_known_language(language: str | None) -> bool:
    """Return True when ``language`` is plain text or a language pygments can highlight."""
    return (language or "").lower() in PLAIN_LANGUAGES or _lexer(language or "") is not None


def _short_class(ttype: _TokenType) -> str:
    while ttype not in STANDARD_TYPES:
        ttype = ttype.parent
    return STANDARD_TYPES[ttype]


def highlight(code: str, language: str | None) -> tuple[CodeLine, ...]:
    """Return ``code`` split into lines of spans; plain spans when the language is unknown."""
    lexer = None if (language or "").lower() in PLAIN_LANGUAGES else _lexer(language or "")
    if lexer is None:
        return tuple((CodeSpan(line),) if line else () for line in code.split("\n"))
    lines: list[list[CodeSpan]] = [[]]
    for ttype, value in lexer.get_tokens(code):
        token = _short_class(ttype)
        for i, part in enumerate(value.split("\n")):
            if i:
                lines.append([])
            if part:
                current = lines[-1]
                if current and current[-1].token == token:
                    current[-1] = CodeSpan(current[-1].text + part, token)
                else:
                    current.append(CodeSpan(part, token))
    while len(lines) > len(code.split("\n")) and not lines[-1]:
        lines.pop()
    return tuple(tuple(line) for line in lines)


def token_styles(style_name: str) -> dict[str, TokenStyle]:
    """Return the look of every short token class in the pygments style ``style_name``.

    Raises ValueError when no such style exists.
    """
    try:
        style = get_style_by_name(style_name)
    except ClassNotFound:
        raise ValueError(f"unknown pygments style '{style_name}'") from None
    styles: dict[str, TokenStyle] = {}
    for ttype, short in STANDARD_TYPES.items():
        found = style.style_for_token(ttype)
        color = f"#{found['color']}" if found["color"] else None
        styles[short] = TokenStyle(color, bool(found["bold"]), bool(found["italic"]))
    return styles

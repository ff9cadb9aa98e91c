"""Pandoc's typography for text (its ``smart`` extension): curly quotes, dashes, ellipses.

``--`` is an en dash, ``---`` an em dash, ``...`` an ellipsis; a straight quote opens after
white space or an opening bracket (or at the start) and closes elsewhere; an apostrophe inside a
word (``don't``, ``'90s``) is a closing single quote. Code is never changed.
"""

from __future__ import annotations

import re

OPENERS = " \t\n([{\u2014\u2013\u201c\u2018/"
_DASHES_AND_DOTS = re.compile(r"---|--|\.\.\.")
_REPLACEMENT = {"---": "\u2014", "--": "\u2013", "...": "\u2026"}
_YEARS = re.compile(r"\d0s\b")


def smarten(text: str, before: str = "") -> str:
    """Return ``text`` with pandoc's smart punctuation; ``before`` is the character preceding
    it ("" at the start of a paragraph), which decides whether a leading quote opens."""
    text = _DASHES_AND_DOTS.sub(lambda match: _REPLACEMENT[match.group(0)], text)
    if "'" not in text and '"' not in text:
        return text
    out: list[str] = []
    previous = before
    for index, char in enumerate(text):
        following = text[index + 1 : index + 2]
        # at the end of the text ("") the quote opens what the next run holds ("[a link]")
        opens = (not previous or previous in OPENERS) and following not in (" ", "\t", "\n")
        if char == '"':
            char = "\u201c" if opens else "\u201d"
        elif char == "'":
            apostrophe = _YEARS.match(text, index + 1) is not None
            char = "\u2018" if opens and not apostrophe else "\u2019"
        out.append(char)
        previous = char
    return "".join(out)

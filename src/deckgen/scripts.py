"""Writing systems: the script a character is written in, and where text without spaces breaks.

Themes name a fallback font per script (``themes.py``) for the characters a role's own font
lacks; ``script_of`` says which script a character belongs to, by Unicode block. Chinese and
Japanese put no spaces between words: a line may break between any two of their characters,
except before closing punctuation, small kana and the like, or after opening punctuation
(kinsoku shori). ``break_before`` is that rule, the strict one, so wherever it allows a break,
browsers (CSS ``line-break: strict``), LibreOffice and PowerPoint allow it too.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

# script -> the Unicode blocks written in it (first and last code point)
SCRIPT_BLOCKS: dict[str, tuple[tuple[int, int], ...]] = {
    "greek": ((0x0370, 0x03FF), (0x1F00, 0x1FFF)),
    "cyrillic": ((0x0400, 0x052F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "armenian": ((0x0530, 0x058F), (0xFB13, 0xFB17)),
    "hebrew": ((0x0590, 0x05FF), (0xFB1D, 0xFB4F)),
    "arabic": (
        (0x0600, 0x06FF),
        (0x0750, 0x077F),
        (0x0870, 0x08FF),
        (0xFB50, 0xFDFF),
        (0xFE70, 0xFEFF),
    ),
    "devanagari": ((0x0900, 0x097F), (0xA8E0, 0xA8FF)),
    "bengali": ((0x0980, 0x09FF),),
    "tamil": ((0x0B80, 0x0BFF),),
    "thai": ((0x0E00, 0x0E7F),),
    "georgian": ((0x10A0, 0x10FF), (0x2D00, 0x2D2F)),
    # Chinese characters, kana, hangul and bopomofo, with their punctuation and full-width forms
    "cjk": (
        (0x1100, 0x11FF),
        (0x2E80, 0x2FFF),
        (0x3000, 0x33FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xA960, 0xA97F),
        (0xAC00, 0xD7FF),
        (0xF900, 0xFAFF),
        (0xFE10, 0xFE1F),
        (0xFE30, 0xFE4F),
        (0xFF00, 0xFFEF),
        (0x1B000, 0x1B16F),
        (0x1F200, 0x1F2FF),
        (0x20000, 0x3FFFF),
    ),
}
SCRIPTS = tuple(SCRIPT_BLOCKS)
COMMON = "common"  # characters of no one script (symbols, arrows, sub- and superscripts)

# language (BCP 47 primary subtag) -> the script it is written in, where that is not Latin
LANGUAGE_SCRIPTS = {
    **dict.fromkeys(("ja", "zh", "ko", "yue"), "cjk"),
    **dict.fromkeys(("el",), "greek"),
    **dict.fromkeys(("ru", "uk", "bg", "sr", "mk", "be", "kk", "ky", "mn", "tg"), "cyrillic"),
    **dict.fromkeys(("hy",), "armenian"),
    **dict.fromkeys(("he", "iw", "yi"), "hebrew"),
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ckb", "sd", "ug"), "arabic"),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), "devanagari"),
    **dict.fromkeys(("bn", "as"), "bengali"),
    **dict.fromkeys(("ta",), "tamil"),
    **dict.fromkeys(("th",), "thai"),
    **dict.fromkeys(("ka",), "georgian"),
}
EM_WIDE = frozenset({"cjk"})  # scripts whose characters are about 1 em wide, for estimates

_BLOCKS = sorted(
    (first, last, script) for script, blocks in SCRIPT_BLOCKS.items() for first, last in blocks
)
_STARTS = [first for first, _, _ in _BLOCKS]


def script_of(code: int) -> str | None:
    """Return the script the character with code point ``code`` is written in, or None (Latin,
    digits, punctuation and symbols every script shares)."""
    index = bisect_right(_STARTS, code) - 1
    if index < 0:
        return None
    first, last, script = _BLOCKS[index]
    return script if first <= code <= last else None


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in ranges)


# Text in which a line may break between characters without a space (Chinese, Japanese, Korean).
_UNSPACED = re.compile(f"[{_class(SCRIPT_BLOCKS['cjk'])}]")

# A line may not start with these: closing brackets and quotes, stops and commas, iteration
# marks, the prolonged sound mark, small kana, ellipses and the like.
NO_LINE_START = frozenset(
    "!%),.:;?]}¢°’”‰′″℃…‥、。〃〆〕〉》」』】〙〗〟ゝゞヽヾ々〻ー゛゜・：；？！，．）］｝〜～"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "｡｣､･ｧｨｩｪｫｬｭｮｯｰﾞﾟ゠–‐\"'"
)
# A line may not end with these: opening brackets and quotes, currency signs before a number.
NO_LINE_END = frozenset("([{‘“〈《「『【〔〖〘〝（［｛｟«$£¥＄￥＃\"'")
_ATTACHED = frozenset({"Mn", "Mc", "Me", "Cf"})  # marks and joiners stay with the character before


def has_unspaced(text: str) -> bool:
    """Return whether ``text`` holds characters written without spaces between words."""
    return _UNSPACED.search(text) is not None


def is_unspaced(char: str) -> bool:
    """Return whether ``char`` is written without spaces (a line may break around it)."""
    return _UNSPACED.match(char) is not None


def break_before(before: str, char: str) -> bool:
    """Return whether a line may break between ``before`` and ``char`` (no space between):
    around a Chinese or Japanese character, unless the rules of kinsoku forbid it."""
    if not (is_unspaced(char) or is_unspaced(before)):
        return False
    if unicodedata.category(char) in _ATTACHED:
        return False
    return char not in NO_LINE_START and before not in NO_LINE_END


def break_points(text: str, before: str = "") -> list[int]:
    """Return where in ``text`` (no spaces) a line may break: the indexes it may break before.

    ``before`` is the character that comes before ``text`` ("" at a paragraph's start).
    """
    if not (has_unspaced(text) or (before and is_unspaced(before))):
        return []
    points = []
    previous = before
    for index, char in enumerate(text):
        if previous and break_before(previous, char):
            points.append(index)
        previous = char
    return points


def script_gaps(text: str, before: str = "") -> int:
    """Return how many times ``text`` (no spaces; after ``before``) changes between Chinese or
    Japanese characters and others: LibreOffice sets a gap there ("spacing between Asian and
    non-Asian text", on in every paragraph it reads from a .pptx)."""
    count = 0
    previous = is_unspaced(before) if before and not before.isspace() else None
    for char in text:
        current = is_unspaced(char)
        if previous is not None and current != previous:
            count += 1
        previous = current
    return count

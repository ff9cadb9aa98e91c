"""Scripts: which script a character is in, and where Chinese and Japanese lines may break."""

from __future__ import annotations

import pytest

from deckgen.scripts import break_points, script_gaps, script_of


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("A", None),
        ("é", None),
        ("→", None),
        ("λ", "greek"),
        ("Ж", "cyrillic"),
        ("ש", "hebrew"),
        ("ب", "arabic"),
        ("ह", "devanagari"),
        ("あ", "cjk"),
        ("ア", "cjk"),
        ("漢", "cjk"),
        ("한", "cjk"),
        ("、", "cjk"),
        ("（", "cjk"),
        ("𠀋", "cjk"),
    ],
)
def test_script_of(char: str, script: str | None) -> None:
    assert script_of(ord(char)) == script


def cut(text: str) -> list[str]:
    points = [0, *break_points(text), len(text)]
    return [text[a:b] for a, b in zip(points, points[1:], strict=False)]


def test_japanese_breaks_between_any_two_characters() -> None:
    assert cut("日本語") == ["日", "本", "語"]


def test_no_line_starts_with_closing_punctuation_or_small_kana() -> None:
    assert cut("です。」") == ["で", "す。」"]
    assert cut("ちょっと") == ["ちょっ", "と"]
    assert cut("コーヒー") == ["コー", "ヒー"]
    assert cut("待って…") == ["待っ", "て…"]


def test_no_line_ends_with_opening_punctuation() -> None:
    assert cut("「はい」") == ["「は", "い」"]
    assert cut("図（1）") == ["図", "（1）"]


def test_latin_words_stay_whole_between_japanese() -> None:
    assert cut("PowerPointが") == ["PowerPoint", "が"]
    assert cut("Latin") == ["Latin"]
    assert cut("1995年") == ["1995", "年"]


def test_marks_stay_with_their_character() -> None:
    assert cut("か\u3099き") == ["か\u3099", "き"]  # a combining voiced mark


def test_a_break_after_a_character_of_the_span_before() -> None:
    assert break_points("です", before="語") == [0, 1]
    assert break_points("です", before="「") == [1]
    assert break_points("words", before="語") == [0]


def test_libreoffice_gaps_between_asian_and_other_characters() -> None:
    assert script_gaps("日本語") == 0
    assert script_gaps("Aあ") == 1
    assert script_gaps("Markdownお使い") == 1
    assert script_gaps("（1）") == 2
    assert script_gaps("あ", before="A") == 1
    assert script_gaps("あ", before=" ") == 0

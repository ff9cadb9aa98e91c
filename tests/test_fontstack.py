"""Fonts by script: which font draws each character, how wide it is, what the .pptx names and
what the HTML embeds. Needs the Noto fonts scripts/install-system-deps installs."""

from __future__ import annotations

import re
from pathlib import Path

from deckgen.backends.web_assets import embedded_fonts
from deckgen.build import BuildOptions, Format, build, load
from deckgen.fonts import load_metrics
from deckgen.fontstack import OWN, RunFonts, chains, font_stack
from deckgen.layout.text import Face, Span, TextMeasure
from deckgen.themes import load_theme
from deckgen.units import pt
from webfonts import embedded_characters

BASE = load_theme("base")
CINEMATIC = load_theme("cinematic")


def owner(theme_name: str, role: str, lang: str, char: str) -> str | None:
    theme = load_theme(theme_name)
    stack = font_stack(theme.fonts[role], chains(theme, lang)[role])
    return stack.font_of(ord(char))


def test_each_character_is_drawn_by_the_first_font_that_has_it() -> None:
    assert owner("base", "body", "en", "A") == OWN
    assert owner("base", "body", "el", "λ") == OWN  # Carlito's greek subset
    assert owner("cinematic", "heading", "el", "λ") == "Noto Serif"  # Caladea has no Greek
    assert owner("base", "body", "ja", "あ") == "Noto Sans CJK JP"
    assert owner("base", "body", "zh-CN", "汉") == "Noto Sans CJK SC"
    assert owner("base", "body", "zh-TW", "漢") == "Noto Sans CJK TC"
    assert owner("base", "code", "ja", "あ") == "Noto Sans Mono CJK JP"
    assert owner("base", "body", "ar", "ب") == "Noto Sans Arabic"
    assert owner("base", "body", "he", "ש") == "Noto Sans Hebrew"


def test_symbols_take_the_font_of_the_decks_language_only() -> None:
    assert owner("base", "body", "ja", "※") == "Noto Sans CJK JP"
    assert owner("base", "body", "el", "₂") == "Noto Sans"
    assert owner("base", "body", "en", "→") is None  # as before: the reader's fonts


def measure(lang: str, theme: str = "base") -> TextMeasure:
    chosen = load_theme(theme)
    return TextMeasure(chosen.fonts, chains=chains(chosen, lang))


def test_chinese_and_japanese_characters_measure_one_em() -> None:
    width = measure("ja").width("日本語のテキスト", Face("body"), pt(20))
    assert width == pt(8 * 20)  # a missing glyph counted 0.62 em before


def test_a_latin_text_measures_as_before() -> None:
    text = "Quick brown fox — “quoted” naïve café"
    latin = load_metrics("@fontsource/carlito")
    expected = latin.width(text, 20)
    assert measure("en").width(text, Face("body"), pt(20)) == round(expected * 12700)


def test_greek_is_measured_in_carlitos_greek_glyphs() -> None:
    text = "Ελληνικά"
    greek = load_metrics("@fontsource/carlito")  # latin subset: no Greek glyphs
    assert measure("el").width(text, Face("body"), pt(20)) != round(greek.width(text, 20) * 12700)
    assert measure("el").width(text, Face("body"), pt(20)) < pt(20 * 0.62 * len(text))


def test_japanese_wraps_between_characters_without_breaking_a_word() -> None:
    text = "あ" * 40
    lines, broke = measure("ja").wrap([Span(text, Face("body"), pt(10))], pt(10 * 10 * 1.04))
    assert (lines, broke) == (4, False)


def test_a_japanese_link_breaks_before_it_never_inside() -> None:
    """LibreOffice draws a .pptx hyperlink as a field it never breaks (layout/paragraphs.py):
    a link after Japanese text that does not fit starts a new line, whole; one wider than the
    line is a word that had to break."""
    ja, body, line = measure("ja"), Face("body"), pt(10 * 10 * 1.04)  # ten characters a line

    def spans(link: int, whole: bool) -> list[Span]:
        return [
            Span("あ" * 6, body, pt(10)),
            Span("い" * link, body, pt(10), whole=whole),
            Span("う" * 6, body, pt(10)),
        ]

    assert ja.wrap(spans(8, whole=False), line) == (2, False)
    assert ja.wrap(spans(8, whole=True), line) == (3, False)  # 6 | 8 + 2 | 4
    assert ja.wrap(spans(12, whole=True), line) == (3, True)  # 6 | 10 | 2 + 6
    assert ja.longest_word(spans(12, whole=True)) > 11 * ja.longest_word(spans(12, whole=False))


def test_a_pptx_run_is_cut_where_the_font_changes() -> None:
    fonts = RunFonts(BASE, "ja")
    assert fonts.segments("PowerPointが嫌", "body") == [
        ("PowerPoint", None),
        ("が嫌", "Noto Sans CJK JP"),
    ]
    assert fonts.segments("plain text", "body") == [("plain text", None)]
    assert fonts.segments("か\u3099", "body") == [("か\u3099", "Noto Sans CJK JP")]


def test_the_html_of_a_latin_deck_embeds_no_fallback_font() -> None:
    embedded = embedded_fonts(BASE, {"body": "Plain text — “quoted” → café"}, "en")
    assert embedded.fallbacks == {}
    assert "Noto" not in embedded.css


def test_the_html_embeds_only_the_glyphs_a_japanese_deck_uses() -> None:
    own = len(embedded_fonts(BASE).css)  # the role fonts' latin files alone
    small = embedded_fonts(BASE, {"body": "日本語", "heading": "", "code": ""}, "ja")
    large = embedded_fonts(BASE, {"body": "日本語のテキスト表示", "heading": "", "code": ""}, "ja")
    assert small.fallbacks == {"body": ("Noto Sans CJK JP",)}
    assert "font-family:'Noto Sans CJK JP'" in small.css
    assert own < len(small.css) < len(large.css) < own + 40_000  # not the 16 MB font


def test_a_missing_fallback_font_is_reported(tmp_path: Path) -> None:
    theme = tmp_path / "nofont"
    theme.mkdir()
    (theme / "theme.toml").write_text(
        'name = "nofont"\nextends = "base"\n[fallback]\ncjk = "No Such Font CJK"\n', "utf-8"
    )
    (tmp_path / "slides.md").write_text("---\nlang: ja\n---\n\n## 日本語\n\n本文\n", "utf-8")
    _, _, diagnostics = load(tmp_path / "slides.md", str(theme))
    messages = [d.message for d in diagnostics]
    assert any("'No Such Font CJK', is not installed" in m for m in messages), messages


def test_pptx_names_the_east_asian_and_complex_script_fonts(tmp_path: Path) -> None:
    (tmp_path / "slides.md").write_text(
        "---\nlang: ja\n---\n\n## 概要\n\n- PowerPointで作る\n- Latin only\n", "utf-8"
    )
    options = BuildOptions(formats=(Format.PPTX,), theme="base")
    [pptx] = build(tmp_path / "slides.md", tmp_path / "out", options).outputs
    import zipfile

    xml = zipfile.ZipFile(pptx).read("ppt/slides/slide1.xml").decode()
    ja = re.search(r"<a:rPr[^>]*>(?:(?!</a:rPr>).)*</a:rPr><a:t>で作る</a:t>", xml)
    assert ja is not None
    assert re.search(
        r'<a:latin typeface="Noto Sans CJK JP"/><a:ea typeface="Noto Sans CJK JP"/>'
        r'<a:cs typeface="Noto Sans CJK JP"/>',
        ja.group(0),
    )
    latin = re.search(r"<a:rPr[^>]*>(?:(?!</a:rPr>).)*</a:rPr><a:t>Latin only</a:t>", xml)
    assert latin is not None and "<a:ea" not in latin.group(0)  # a Latin paragraph: as before


def test_a_thirty_slide_japanese_deck_stays_under_one_and_a_half_megabytes(
    tmp_path: Path,
) -> None:
    """Thirty slides of 40 different Chinese characters each (1,200 in all: more than a real
    deck of that length uses), every one with a glyph in the HTML."""
    characters = [chr(0x4E00 + 7 * n) for n in range(1200)]
    lines = ["".join(characters[n : n + 20]) for n in range(0, 1200, 20)]
    slides = [
        f"## 第{n + 1}章 {lines[2 * n][:4]}\n\n- {lines[2 * n]}\n- {lines[2 * n + 1]}\n"
        for n in range(30)
    ]
    (tmp_path / "slides.md").write_text("---\nlang: ja\n---\n\n" + "\n".join(slides), "utf-8")
    [html] = build(tmp_path / "slides.md", tmp_path / "out", BuildOptions()).outputs
    assert html.stat().st_size < 1_500_000
    text = html.read_text("utf-8")
    covered = set().union(*embedded_characters(text).values())
    assert {ord(c) for c in characters} <= covered


def test_letters_of_a_script_without_a_font_are_reported(tmp_path: Path) -> None:
    (tmp_path / "slides.md").write_text("---\nlang: am\n---\n\n## ሰላም\n\nጽሑፍ → ≠\n", "utf-8")
    _, _, diagnostics = load(tmp_path / "slides.md")
    [warning] = [d.message for d in diagnostics if d.group == "missing-font"]
    assert warning.startswith("6 letters have no font in the theme")  # not the arrow or ≠


def test_a_later_build_reports_only_its_own_letters(tmp_path: Path) -> None:
    """Font stacks are shared by the builds of one process (``deckgen serve``): a deck's
    warning names its own letters, not those an earlier deck had."""
    amharic, english = tmp_path / "am.md", tmp_path / "en.md"
    amharic.write_text("---\nlang: am\n---\n\n## ሰላም\n\nጽሑፍ\n", "utf-8")
    english.write_text("## Hello\n\nText → ≠\n", "utf-8")
    load(amharic)
    _, _, diagnostics = load(english)
    assert [d.message for d in diagnostics if d.group == "missing-font"] == []

"""Reading sources: front matter, manifests, and clear errors for unusable files."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagnostics import DeckError, Level
from deckgen.read import read_deck


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_of(source: Path) -> str:
    with pytest.raises(DeckError) as caught:
        read_deck(source)
    return caught.value.format_message()


def test_front_matter_settings_and_body_line_numbers(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", "---\ntitle: Hello\nslide-level: 1\n---\n# One\n")
    deck = read_deck(source)
    assert deck.name == "talk"
    assert deck.settings["title"].value == "Hello"
    assert deck.settings["slide-level"].value == 1
    assert deck.files[0].lines == ("# One",)
    assert deck.files[0].first_line == 5


def test_unknown_front_matter_keys_are_one_warning_at_the_first(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", "---\ntitle: Hello\ncolour: red\nsize: 3\n---\n")
    deck = read_deck(source)
    [warning] = deck.diagnostics
    assert warning.level is Level.WARNING
    assert str(warning) == (
        f"{source}:3: warning: front matter deckgen does not use (ignored): colour, size"
    )


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", "---\ntitle: Hello\nsubtitle: [unclosed\n---\n")
    message = error_of(source)
    assert message.startswith(f"{source}:") and "invalid YAML" in message
    line = int(message.split(":")[1])
    assert line in (3, 4)


def test_bad_setting_value_is_an_error(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", "---\nslide-level: seven\n---\n")
    assert (
        error_of(source)
        == f"{source}:2: error: front-matter key 'slide-level': expected a whole number from 0 to 6"
    )


def test_unclosed_front_matter_is_read_as_pandoc_reads_it(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", "---\ntitle: x\n# Slide\n")
    deck = read_deck(source)
    assert deck.settings == {} and deck.files[0].lines == ("---", "title: x", "# Slide")
    [warning] = deck.diagnostics
    assert str(warning).startswith(f"{source}:1: warning: front matter '---' is never closed")


def test_binary_file(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", b"# A\n\x00\x01\x02")
    assert error_of(source) == f"{source}:2: error: binary data (NUL byte): not a Markdown file"


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    source = write(tmp_path / "talk.md", b"# A\n\nok\n\xff\xfe bad\n")
    assert error_of(source) == f"{source}:4: error: invalid UTF-8 (save the file as UTF-8)"


def test_folder_without_markdown(tmp_path: Path) -> None:
    (tmp_path / "deck").mkdir()
    write(tmp_path / "deck" / "notes.txt", "hello")
    assert (
        error_of(tmp_path / "deck")
        == f"{tmp_path / 'deck'}: error: folder holds no Markdown (.md) files"
    )


def test_missing_source(tmp_path: Path) -> None:
    assert (
        error_of(tmp_path / "nope.md") == f"{tmp_path / 'nope.md'}: error: no such file or folder"
    )


def test_folder_order_from_manifest_then_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "course"
    write(folder / "a.md", "# A\n")
    write(folder / "b.md", "# B\n")
    assert [f.path.name for f in read_deck(folder).files] == ["a.md", "b.md"]
    write(folder / "deck.yaml", "title: Course\nfiles:\n  - b.md\n  - a.md\n")
    deck = read_deck(folder)
    assert deck.name == "course"
    assert [f.path.name for f in deck.files] == ["b.md", "a.md"]
    assert deck.settings["title"].value == "Course"


def test_manifest_listing_a_missing_file(tmp_path: Path) -> None:
    folder = tmp_path / "course"
    write(folder / "deck.yaml", "files:\n  - gone.md\n")
    assert (
        error_of(folder) == f"{folder / 'deck.yaml'}:1: error: listed file 'gone.md' does not exist"
    )


def test_later_front_matter_overrides_manifest(tmp_path: Path) -> None:
    folder = tmp_path / "course"
    write(folder / "deck.yaml", "title: From manifest\ntheme: cinematic\n")
    write(folder / "a.md", "---\ntitle: From file\n---\n# A\n")
    settings = read_deck(folder).settings
    assert settings["title"].value == "From file"
    assert settings["theme"].value == "cinematic"

"""The command line, driven as a user would: real processes, exit codes and one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from clirun import deckgen
from deckgen import __version__


def test_version() -> None:
    result = deckgen("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"deckgen, version {__version__}"


@pytest.mark.parametrize("command", [[], ["build"], ["themes"]])
def test_help_on_every_command(command: list[str]) -> None:
    result = deckgen(*command, "--help")
    assert result.returncode == 0 and "Usage: deckgen" in result.stdout


def test_build_writes_named_after_the_source(tmp_path: Path) -> None:
    source = tmp_path / "lesson-one.md"
    source.write_text("---\ntitle: Lesson\n---\n## Hello\n", encoding="utf-8")
    result = deckgen("build", str(source), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    output = tmp_path / "out" / "lesson-one.html"
    assert result.stdout.strip() == f"wrote {output}"
    assert "Hello" in output.read_text(encoding="utf-8")


def test_default_outdir_is_dist(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## Hi\n", encoding="utf-8")
    result = deckgen("build", "talk.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "wrote dist/talk.html"
    assert (tmp_path / "dist" / "talk.html").is_file()


def test_bad_input_is_one_line_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## A\n\n```python\nx = 1\n", encoding="utf-8")
    result = deckgen("build", "talk.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "talk.md:3: error: code fence is never closed\n"
    assert result.stdout == ""
    assert not (tmp_path / "dist").exists()


def test_failed_build_keeps_the_earlier_output(tmp_path: Path) -> None:
    source = tmp_path / "talk.md"
    source.write_text("## Good\n", encoding="utf-8")
    assert deckgen("build", "talk.md", cwd=tmp_path).returncode == 0
    good = (tmp_path / "dist" / "talk.html").read_bytes()
    source.write_text("## Broken\n\n::: notes\nnever closed\n", encoding="utf-8")
    result = deckgen("build", "talk.md", cwd=tmp_path)
    assert result.returncode == 1 and "talk.md:3: error:" in result.stderr
    assert (tmp_path / "dist" / "talk.html").read_bytes() == good
    assert sorted(p.name for p in (tmp_path / "dist").iterdir()) == ["talk.html"]


def test_unknown_theme_lists_the_known_ones(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## A\n", encoding="utf-8")
    result = deckgen("build", "talk.md", "--theme", "nope", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("--theme: error: unknown theme 'nope' (known: ")
    assert "cinematic" in result.stderr and result.stderr.count("\n") == 1


def test_unwritable_outdir(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_text("## A\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file, not a folder", encoding="utf-8")
    result = deckgen("build", "talk.md", "-o", "blocker/out", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("blocker/out: error: cannot create output folder")
    assert "Traceback" not in result.stderr


def test_themes_lists_one_line_each() -> None:
    result = deckgen("themes")
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert any(line.startswith("cinematic ") for line in lines)
    assert all(len(line.split()) >= 2 for line in lines)


LONG = "Long " * 60  # 300 characters: python-pptx refuses document properties over 255


@pytest.mark.parametrize("key", ["title", "subtitle", "author", "lang"])
def test_long_front_matter_builds_both_formats(tmp_path: Path, key: str) -> None:
    from pptx import Presentation

    value = f"<b>Ann</b> {LONG}" if key == "author" else LONG
    source = tmp_path / "talk.md"
    source.write_text(f"---\ntitle: Talk\n{key}: {value}\n---\n\n## One\n\nHello\n", "utf-8")
    result = deckgen("build", str(source), "-f", "all", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "talk.html").read_text(encoding="utf-8")
    assert LONG.strip() in html
    properties = Presentation(str(tmp_path / "out" / "talk.pptx")).core_properties
    shown = {
        "title": properties.title,
        "subtitle": properties.subject,
        "author": properties.author,
        "lang": properties.language,
    }
    assert len(shown[key]) <= 255 and shown[key].endswith("\u2026")
    start = "Ann Long" if key == "author" else "Long"
    assert "<" not in shown[key] and shown[key].startswith(start)

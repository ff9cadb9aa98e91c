"""Bad input, through the real command line: a correct deck, or one line and exit 1; never a crash.

The small cases are files in ``tests/bad_input/``; the huge ones (a 20 MB source, lists nested 500
deep, 100,000-character lines) are written at test time. Every case is built with ``--format
html,pptx`` into an output folder that already holds a good deck: a failed build must leave that
deck untouched and no temporary file behind.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pptx import Presentation

from clirun import deckgen

CORPUS = Path(__file__).parent / "bad_input"
OLD_HTML = b"<!doctype html><title>the good deck from yesterday</title>"


def _empty_pptx() -> bytes:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    return buffer.getvalue()


OLD_PPTX = _empty_pptx()  # a real .pptx (every .pptx the tests write must be valid OOXML)
# openxml-audit takes half a minute or more for each of these outputs (millions of elements);
# every kind of element in them is validated in the small decks of the other tests.
TOO_LARGE_TO_VALIDATE = "tens of MB of slide XML"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Return a copy of the corpus (so outputs land in a temporary folder)."""
    shutil.copytree(CORPUS, tmp_path / "corpus")
    return tmp_path / "corpus"


def seed_outputs(outdir: Path, name: str) -> None:
    """Put a previous good build of deck ``name`` in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / f"{name}.html").write_bytes(OLD_HTML)
    (outdir / f"{name}.pptx").write_bytes(OLD_PPTX)


def assert_outputs_untouched(outdir: Path, name: str) -> None:
    assert (outdir / f"{name}.html").read_bytes() == OLD_HTML
    assert (outdir / f"{name}.pptx").read_bytes() == OLD_PPTX
    assert sorted(p.name for p in outdir.iterdir()) == [f"{name}.html", f"{name}.pptx"]


def assert_one_error_line(result: subprocess.CompletedProcess[str], pattern: str) -> None:
    """Exit status 1, nothing on stdout, and stderr exactly one line matching ``pattern``."""
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.endswith("\n"), result.stderr
    assert re.fullmatch(pattern, result.stderr.rstrip("\n")), result.stderr


def slide_ids(html: str) -> list[str]:
    return re.findall(r'<section id="([^"]*)"', html)


def pptx_slide_count(path: Path) -> int:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
    return sum(bool(re.fullmatch(r"ppt/slides/slide\d+\.xml", name)) for name in names)


def build_ok(source: str, cwd: Path, *extra: str) -> tuple[str, Path]:
    """Build ``source`` (relative to ``cwd``) in both formats; return its HTML and .pptx path."""
    name = Path(source).stem if source.endswith(".md") else Path(source).name
    result = deckgen("build", source, "-o", "out", "--format", "html,pptx", *extra, cwd=cwd)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert all(re.match(r"^\S+:\d+: warning: ", line) for line in result.stderr.splitlines())
    html = (cwd / "out" / f"{name}.html").read_text(encoding="utf-8")
    assert html.rstrip().endswith("</html>")
    pptx = cwd / "out" / f"{name}.pptx"
    assert pptx_slide_count(pptx) == len(slide_ids(html))
    return html, pptx


# name -> the one line expected (a regular expression): file:line: error: message
ERRORS = {
    "empty.md": r"empty\.md:1: error: the deck has no slides.*",
    "binary.md": r"binary\.md:5: error: binary data .*",
    "invalid-utf8.md": r"invalid-utf8\.md:5: error: invalid UTF-8.*",
    "unclosed-fence.md": r"unclosed-fence\.md:5: error: code fence is never closed",
    "unclosed-div.md": r"unclosed-div\.md:5: error: fenced div ':::' is never closed",
    "invalid-yaml.md": r"invalid-yaml\.md:4: error: invalid YAML: .*",
    "missing-image.md": r"missing-image\.md:5: error: image file not found: no-such-picture\.png",
    "outside-image/deck/talk.md": (
        r"outside-image/deck/talk\.md:5: error: image outside-image/secret\.png is outside the "
        r"deck folder \(build with --allow-outside to embed it\)"
    ),
    "no-markdown": r"no-markdown: error: folder holds no Markdown \(\.md\) files",
}


@pytest.mark.parametrize("source", sorted(ERRORS))
def test_bad_file_is_one_line_and_leaves_the_old_deck(source: str, corpus: Path) -> None:
    name = Path(source).stem if source.endswith(".md") else source
    seed_outputs(corpus / "out", name)
    result = deckgen("build", source, "-o", "out", "--format", "html,pptx", cwd=corpus)
    assert_one_error_line(result, ERRORS[source])
    assert_outputs_untouched(corpus / "out", name)


def test_the_corpus_is_covered() -> None:
    on_disk = {p.name for p in CORPUS.iterdir()} - {"whitespace-slide.md", "unknown-theme.md"}
    assert on_disk == {source.split("/")[0] for source in ERRORS}


def test_a_theme_deckgen_does_not_know_is_a_warning(corpus: Path) -> None:
    result = deckgen("build", "unknown-theme.md", "-o", "out", "--format", "html", cwd=corpus)
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "unknown-theme.md:3: warning: theme 'no-such-theme' is not a deckgen theme (ignored; "
        "deckgen themes: base, cinematic, classroom, handout)"
    ]


def test_a_slide_of_only_white_space_is_dropped(corpus: Path) -> None:
    html, _ = build_ok("whitespace-slide.md", corpus)
    assert slide_ids(html) == ["first", "second"]


def test_image_outside_the_deck_folder_builds_when_allowed(corpus: Path) -> None:
    html, _ = build_ok("outside-image/deck/talk.md", corpus, "--allow-outside")
    assert 'alt="A secret"' in html and "data:image/png;base64," in html


@pytest.mark.parametrize(
    "target",
    ["../secret.png", "{outside}", "link.png", "/etc/passwd", "sub/../../secret.png"],
    ids=["parent", "absolute", "link-inside-pointing-out", "system-file", "dotdot-in-the-middle"],
)
def test_nothing_outside_the_deck_folder_is_embedded(target: str, corpus: Path) -> None:
    deck = corpus / "outside-image" / "deck"
    (deck / "sub").mkdir()
    (deck / "link.png").symlink_to(corpus / "outside-image" / "secret.png")
    target = target.format(outside=corpus / "outside-image" / "secret.png")
    (deck / "talk.md").write_text(f"## Leaky\n\nText.\n\n![A secret]({target})\n", encoding="utf-8")
    seed_outputs(corpus / "out", "talk")
    source = "outside-image/deck/talk.md"
    result = deckgen("build", source, "-o", "out", "-f", "html,pptx", cwd=corpus)
    assert_one_error_line(
        result, r"outside-image/deck/talk\.md:5: error: image \S+ is outside the deck folder .*"
    )
    assert_outputs_untouched(corpus / "out", "talk")


def test_an_image_in_the_speaker_notes_is_checked_too(corpus: Path) -> None:
    deck = corpus / "outside-image" / "deck"
    (deck / "talk.md").write_text(
        "## Notes\n\nText.\n\n::: notes\n![A secret](../secret.png)\n:::\n", encoding="utf-8"
    )
    result = deckgen("build", "outside-image/deck/talk.md", "-o", "out", cwd=corpus)
    assert_one_error_line(result, r"outside-image/deck/talk\.md:6: error: image .* outside .*")


# -- huge input, written at test time --------------------------------------------------------


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return path.name


@pytest.mark.unvalidated_pptx(TOO_LARGE_TO_VALIDATE)
def test_a_20_mb_source_builds(tmp_path: Path) -> None:
    """A whole course in one 20 MB file: 2,000+ slides with long speaker notes."""
    words = ["agent", "model", "prompt", "frame", "shot", "scene", "render", "camera"]
    paragraph = " ".join(words[i % len(words)] for i in range(150))
    slides = []
    size = number = 0
    while size < 20_000_000:
        number += 1
        slide = (
            f"## Slide {number}\n\n- first point of slide {number}\n- second point\n\n"
            f"::: notes\n{(paragraph + chr(10) + chr(10)) * 10}:::\n\n"
        )
        slides.append(slide)
        size += len(slide)
    source = write(tmp_path / "course.md", "".join(slides) + "## The end\n\nfinis\n")
    assert (tmp_path / source).stat().st_size >= 20_000_000
    html, _ = build_ok(source, tmp_path)
    assert len(slide_ids(html)) == number + 1
    assert "finis" in html


DEEP = 500
DEEP_SOURCES = {
    "bullets-two-spaces": "\n".join("  " * d + f"- level{d}" for d in range(DEEP)),
    "bullets-four-spaces": "\n".join("    " * d + f"- level{d}" for d in range(DEEP)),
    "ordered": "\n".join("   " * d + f"1. level{d}" for d in range(DEEP)),
    "markers-on-one-line": "- " * DEEP + "level499",
    "quotes": "> " * DEEP + "level499",
    "quoted-lists": "\n".join("> " * d + f"- level{d}" for d in range(DEEP)),
    "emphasis": "*" * DEEP + "level499" + "*" * DEEP,
    "links": "[" * DEEP + "level499" + "](#x)" * DEEP,
}


@pytest.mark.parametrize("shape", sorted(DEEP_SOURCES))
def test_500_deep_nesting_builds(shape: str, tmp_path: Path) -> None:
    source = write(tmp_path / "deep.md", f"## Deep\n\n{DEEP_SOURCES[shape]}\n\n## After\n\nend\n")
    html, _ = build_ok(source, tmp_path)
    assert "level499" in html  # the deepest words are kept, even where nesting is capped
    assert slide_ids(html)[-1] == "after"


@pytest.mark.parametrize("kind", ["div", "columns"])
def test_500_deep_fenced_divs_are_one_clear_error(kind: str, tmp_path: Path) -> None:
    opening = ":::: columns\n::: column" if kind == "columns" else "::: {.box}"
    closing = ":::\n::::" if kind == "columns" else ":::"
    depth = DEEP // 2 if kind == "columns" else DEEP
    body = "\n".join([opening] * depth + ["text"] + [closing] * depth)
    source = write(tmp_path / "deep.md", f"## Deep\n\n{body}\n")
    seed_outputs(tmp_path / "out", "deep")
    result = deckgen("build", source, "-o", "out", "--format", "html,pptx", cwd=tmp_path)
    assert_one_error_line(
        result, r"deep\.md:\d+: error: fenced divs ':::' nested more than \d+ deep"
    )
    assert_outputs_untouched(tmp_path / "out", "deep")


LONG = 100_000
LONG_LINES = {
    "one-word": "x" * LONG,
    "words": ("word " * (LONG // 5)).strip(),
    "code": "```python\n" + "a = 1; " * (LONG // 7) + "\n```",
    "heading": "### " + "title " * (LONG // 6),
    "table-cell": "| a | b |\n|---|---|\n| " + "cell " * (LONG // 5) + " | x |",
    "bullet": "- " + "item " * (LONG // 5),
    "notes": "text\n\n::: notes\n" + "note " * (LONG // 5) + "\n:::",
}


@pytest.mark.parametrize(
    "shape",
    [
        pytest.param(shape, marks=pytest.mark.unvalidated_pptx(TOO_LARGE_TO_VALIDATE))
        if shape == "code"  # one run per token: 600,000 elements
        else shape
        for shape in sorted(LONG_LINES)
    ],
)
def test_a_100000_character_line_builds(shape: str, tmp_path: Path) -> None:
    body = LONG_LINES[shape]
    assert max(len(line) for line in body.split("\n")) >= LONG - 10
    source = write(tmp_path / "long.md", f"## Long\n\n{body}\n\n## After\n\nend\n")
    html, _ = build_ok(source, tmp_path)
    assert slide_ids(html)[-1] == "after"


def test_a_100000_character_title_builds(tmp_path: Path) -> None:
    title = ("title " * (LONG // 6)).strip()
    source = write(tmp_path / "long.md", f"## {title}\n\ntext\n\n## After\n\nend\n")
    html, pptx = build_ok(source, tmp_path)
    ids = slide_ids(html)
    assert len(ids) == 2 and ids[-1] == "after"  # one slide, its title whole, then the next
    assert f">{title}</h2>" in html
    with zipfile.ZipFile(pptx) as package:
        first = package.read("ppt/slides/slide1.xml").decode("utf-8")
    assert " ".join(re.findall(r"<a:t>([^<]*)</a:t>", first)).count("title") == LONG // 6


# -- output folders that cannot be written -----------------------------------------------------
#
# CI runs as root, and root ignores permission bits, so "chmod 555" proves nothing there. These
# cases fail for root too: a path below a regular file (ENOTDIR), an output file that is a folder
# (EISDIR on the final rename), and a folder in /proc (the kernel refuses). The permission-bit
# case runs only when not root.


def test_outdir_below_a_regular_file(corpus: Path) -> None:
    (corpus / "blocker").write_text("a file, not a folder", encoding="utf-8")
    source = "whitespace-slide.md"
    result = deckgen("build", source, "-o", "blocker/out", "-f", "html,pptx", cwd=corpus)
    assert_one_error_line(result, r"blocker/out: error: cannot create output folder: .*")
    assert (corpus / "blocker").read_text(encoding="utf-8") == "a file, not a folder"


def test_output_file_is_a_folder(corpus: Path) -> None:
    out = corpus / "out"
    (out / "whitespace-slide.pptx").mkdir(parents=True)
    (out / "whitespace-slide.pptx" / "keep.txt").write_text("mine", encoding="utf-8")
    result = deckgen("build", "whitespace-slide.md", "-o", "out", "-f", "pptx", cwd=corpus)
    assert_one_error_line(result, r"out/whitespace-slide\.pptx: error: cannot write: .*")
    assert (out / "whitespace-slide.pptx" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["whitespace-slide.pptx"]  # no temp file


def test_outdir_in_proc(corpus: Path) -> None:
    result = deckgen("build", "whitespace-slide.md", "-o", "/proc/deckgen-out", cwd=corpus)
    assert_one_error_line(result, r"/proc/deckgen-out: error: .*")


# -- several decks in one call, and the safety net ---------------------------------------------


def test_several_sources_build_in_one_call_and_a_bad_one_is_skipped(corpus: Path) -> None:
    (corpus / "good.md").write_text("## Good\n\nFine.\n", encoding="utf-8")
    result = deckgen("build", "good.md", "unclosed-fence.md", "whitespace-slide.md", cwd=corpus)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "wrote dist/good.html",
        "wrote dist/whitespace-slide.html",
    ]
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == ["unclosed-fence.md:5: error: code fence is never closed"]


def test_two_sources_with_the_same_output_name_are_refused(corpus: Path) -> None:
    (corpus / "other").mkdir()
    (corpus / "other" / "whitespace-slide.md").write_text("## Other\n", encoding="utf-8")
    result = deckgen("build", "whitespace-slide.md", "other/whitespace-slide.md", cwd=corpus)
    assert_one_error_line(
        result, r"other/whitespace-slide\.md: error: builds to 'whitespace-slide'.*"
    )
    assert not (corpus / "dist").exists()


CRASH = """
import sys
import deckgen.cli

def crash(*args, **kwargs):
    raise {exception}

deckgen.cli.build = crash
sys.argv = ["deckgen", "build", "deck.md"]
deckgen.cli.main()
"""


@pytest.mark.parametrize(
    "exception, shown",
    [
        ('ValueError("a bug\\nsecond line")', "ValueError: a bug"),
        ("RecursionError()", "RecursionError"),
        ("MemoryError()", "MemoryError"),
    ],
)
def test_an_unexpected_exception_is_one_line_and_exit_2(
    exception: str, shown: str, tmp_path: Path
) -> None:
    code = CRASH.format(exception=exception)
    env = {k: v for k, v in os.environ.items() if k != "DECKGEN_DEBUG"}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert result.returncode == 2
    assert result.stderr == f"deckgen: internal error: {shown} (please report)\n"
    debug = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**env, "DECKGEN_DEBUG": "1"},
    )
    assert debug.returncode == 1 and "Traceback" in debug.stderr

"""``deckgen new``: the starter deck a teacher begins with builds clean in every format."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image

from clirun import deckgen
from deckgen.build import load
from deckgen.layout.slide import Arrangement as Layout
from deckgen.model import BulletList, CodeBlock, Columns, Paragraph, Table
from deckgen.model import Image as ImageBlock
from deckgen.passes.walk import walk_blocks as iter_blocks
from deckgen.starter import title_for
from deckgen.themes import load_theme
from e2e.office import convert_to_pdf, render_problems


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("work")
    result = deckgen("new", "week-1_intro", cwd=folder)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        "wrote week-1_intro/deck.yaml",
        "wrote week-1_intro/images/flow.png",
        "wrote week-1_intro/slides.md",
        "next: deckgen build week-1_intro --format html,pptx,pdf",
    ]
    return folder / "week-1_intro"


def test_the_title_comes_from_the_folder_name(starter: Path) -> None:
    assert title_for(Path("week-1_intro")) == "Week 1 intro"
    deck, _, _ = load(starter)
    assert deck.meta.title == "Week 1 intro"


def test_it_passes_check_strict(starter: Path) -> None:
    result = deckgen("check", "--strict", str(starter))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_it_shows_the_common_constructs(starter: Path) -> None:
    deck, laid_out, _ = load(starter)
    blocks = [
        block
        for slide in deck.slides
        for block in iter_blocks(slide.body + slide.takeaways + slide.notes)
    ]
    kinds = {type(block) for block in blocks}
    assert {BulletList, CodeBlock, Columns, ImageBlock, Table, Paragraph} <= kinds
    assert any(slide.notes for slide in deck.slides)
    assert any(slide.subtitle for slide in deck.slides) and any(s.takeaways for s in deck.slides)
    assert any("teacher" in slide.classes for slide in deck.slides)
    markdown = (starter / "slides.md").read_text(encoding="utf-8")
    assert "](#a-slide-with-a-list)" in markdown and "](https://" in markdown
    assert len(laid_out.slides) == len(deck.slides)  # nothing split: every slide fits


@pytest.mark.parametrize("audience", ["teacher", "student"])
def test_it_builds_with_no_warning(starter: Path, audience: str, tmp_path: Path) -> None:
    result = deckgen(
        "build", str(starter), "-o", str(tmp_path), "-f", "html,pptx", "--audience", audience
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["week-1_intro.html", "week-1_intro.pptx"]


@pytest.mark.browser
def test_its_pdf_prints_every_slide_in_the_themes_colours(starter: Path, tmp_path: Path) -> None:
    result = deckgen("build", str(starter), "-o", str(tmp_path), "-f", "pdf")
    assert (result.returncode, result.stderr) == (0, "")
    _, laid_out, _ = load(starter)
    pdf = tmp_path / "week-1_intro.pdf"
    subprocess.run(["pdftoppm", "-r", "12", "-png", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(laid_out.slides)
    colors = load_theme("classroom").colors
    for placed, page in zip(laid_out.slides, pages, strict=True):
        corner = Image.open(page).convert("RGB").getpixel((2, 2))
        kind = "section_background" if placed.arrangement is Layout.SECTION else "background"
        assert _near(corner, colors[kind]), (page.name, kind, corner)


def _near(rgb: object, color: str) -> bool:
    """Return whether the pixel ``rgb`` is the theme colour ``color`` (#rrggbb), give or take."""
    assert isinstance(rgb, tuple)
    want = tuple(int(color[i : i + 2], 16) for i in (1, 3, 5))
    return all(abs(int(a) - b) <= 3 for a, b in zip(rgb, want, strict=True))


@pytest.mark.office
def test_its_pptx_renders_cleanly_in_libreoffice(
    starter: Path, tmp_path: Path, office_profile: Path
) -> None:
    result = deckgen("build", str(starter), "-o", str(tmp_path), "-f", "pptx")
    assert (result.returncode, result.stderr) == (0, "")
    pptx = tmp_path / "week-1_intro.pptx"
    assert render_problems(pptx, convert_to_pdf(pptx, tmp_path, office_profile)) == []


def test_new_refuses_a_folder_that_holds_anything(tmp_path: Path) -> None:
    (tmp_path / "course").mkdir()
    (tmp_path / "course" / "notes.txt").write_text("mine", encoding="utf-8")
    result = deckgen("new", "course", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr == "course: error: already exists and is not empty: name a new folder\n"
    assert [p.name for p in (tmp_path / "course").iterdir()] == ["notes.txt"]


def test_new_fills_an_empty_folder_and_leaves_nothing_else(tmp_path: Path) -> None:
    (tmp_path / "course").mkdir()
    assert deckgen("new", "course", cwd=tmp_path).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["course"]
    assert sorted(p.name for p in (tmp_path / "course").iterdir()) == [
        "deck.yaml",
        "images",
        "slides.md",
    ]


def test_new_below_a_file_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("a file, not a folder", encoding="utf-8")
    result = deckgen("new", "file/course", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("file/course: error: cannot write: ")
    assert result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]

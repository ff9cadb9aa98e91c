"""Pictures as a person sees them: the fixture deck in Chromium and in LibreOffice, measured.

A ``{width=30%}`` picture is found in each render by its flat colour and must measure 30 % of
the content width (± 2 %); the SVG, the video's poster and a background picture must show in
the LibreOffice render; every picture of the shared real decks must be drawn at least 8 px.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from deckgen.build import BuildOptions, Format, build, load
from deckgen.geometry import content_frame
from deckgen.layout.pieces import ImagePiece
from e2e.browser import launch, open_deck, show_slide, slide_count
from e2e.office import convert_to_pdf, render_problems
from realworld import REALWORLD, realworld_decks

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "pictures" / "pictures.md"
BLUE = (30, 120, 200)  # wide.png's flat colour
PINK = (255, 230, 240)  # diagram.svg's ground
NIGHT = ((25, 30, 45), (45, 55, 80))  # night.jpg's two stripes
MIN_PICTURE_PX = 8


@pytest.fixture(scope="module")
def outdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pictures")
    result = build(FIXTURE, out, BuildOptions(formats=(Format.HTML, Format.PPTX)))
    assert result.diagnostics == ()
    return out


@pytest.fixture(scope="module")
def pages(outdir: Path, office_profile: Path) -> list[Image.Image]:
    """Return LibreOffice's render of the .pptx, one picture per slide, 1280 px wide."""
    pdf = convert_to_pdf(outdir / "pictures.pptx", outdir, office_profile)
    assert render_problems(outdir / "pictures.pptx", pdf) == []
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-scale-to-x",
            "1280",
            "-scale-to-y",
            "-1",
            str(pdf),
            str(outdir / "page"),
        ],
        check=True,
    )
    return [Image.open(path).convert("RGB") for path in sorted(outdir.glob("page-*.png"))]


def near(pixel: tuple[int, ...], colour: tuple[int, int, int], tolerance: int = 12) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=False))


def bounds(image: Image.Image, colour: tuple[int, int, int]) -> tuple[int, int, int, int]:
    """Return the box (left, top, right, bottom) of the pixels of ``colour`` in ``image``."""
    mask = Image.eval(image, lambda value: value)  # a copy
    width, height = image.size
    xs, ys = [], []
    pixels = mask.load()
    assert pixels is not None
    for y in range(0, height, 2):
        for x in range(0, width, 2):
            if near(pixels[x, y], colour):
                xs.append(x)
                ys.append(y)
    assert xs, f"no pixel of {colour} on the page"
    return min(xs), min(ys), max(xs) + 1, max(ys) + 1


def content_share() -> float:
    """Return the content width as a share of the page width."""
    _, laid_out, _ = load(FIXTURE)
    theme = laid_out.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    return frame.w / theme.page_width


# -- Chromium -------------------------------------------------------------------------------------

MEASURE = """() => {
  const slide = Reveal.getCurrentSlide();
  const body = slide.querySelector('.body').getBoundingClientRect();
  const img = slide.querySelector('img').getBoundingClientRect();
  return img.width / body.width;
}"""

PICTURES = """() => {
  const slide = Reveal.getCurrentSlide();
  const scale = Reveal.getScale();
  const frame = slide.querySelector('.frame').getBoundingClientRect();
  return Array.from(slide.querySelectorAll('img, video, audio')).map((element) => {
    const box = element.getBoundingClientRect();
    const inside = box.left >= frame.left - 1 && box.right <= frame.right + 1
      && box.top >= frame.top - 1 && box.bottom <= frame.bottom + 1;
    return [element.tagName, box.width / scale, box.height / scale, inside];
  });
}"""


WITH_PICTURES = """() => Reveal.getSlides().flatMap(
  (slide, index) => slide.querySelector('img, video, audio') ? [index] : [])"""


@pytest.mark.browser
def test_thirty_percent_in_chromium(outdir: Path) -> None:
    with open_deck(outdir / "pictures.html", fragment="#/thirty-percent-of-the-content-width") as (
        page,
        log,
    ):
        assert page.evaluate(MEASURE) == pytest.approx(0.30, abs=0.02)
        assert log.errors == [] and log.requests == []


@pytest.mark.browser
def test_every_picture_shows_inside_its_slide_in_chromium(outdir: Path) -> None:
    with open_deck(outdir / "pictures.html") as (page, log):
        seen = []
        for index in range(slide_count(page)):
            show_slide(page, index)
            seen += page.evaluate(PICTURES)
        assert len(seen) == 13
        assert [s for s in seen if min(s[1], s[2]) < MIN_PICTURE_PX or not s[3]] == []
        duration = page.evaluate(
            "() => new Promise((done) => { const a = document.querySelector('audio');"
            " a.src = a.src; a.addEventListener('loadedmetadata', () => done(a.duration));"
            " a.load(); })"
        )
        assert duration == pytest.approx(1.0, abs=0.1)
        assert log.errors == []


@pytest.mark.browser
def test_a_background_picture_fills_its_slide_in_chromium(outdir: Path, tmp_path: Path) -> None:
    with open_deck(outdir / "pictures.html") as (page, _):
        bare = page.evaluate(
            "() => Reveal.getSlides().findIndex((s) => !s.querySelector('.title'))"
        )
        show_slide(page, bare)
        page.wait_for_timeout(300)
        page.screenshot(path=str(tmp_path / "shot.png"))
    shot = Image.open(tmp_path / "shot.png").convert("RGB")
    for x, y in ((20, 20), (640, 360), (1260, 700)):
        assert any(near(shot.getpixel((x, y)), colour) for colour in NIGHT), (x, y)


# -- LibreOffice ----------------------------------------------------------------------------------


@pytest.mark.office
def test_thirty_percent_in_libreoffice(pages: list[Image.Image]) -> None:
    page = pages[1]
    left, _, right, _ = bounds(page, BLUE)
    share = (right - left) / page.width / content_share()
    assert share == pytest.approx(0.30, abs=0.02)


@pytest.mark.office
def test_the_svg_the_poster_and_the_backgrounds_show_in_libreoffice(
    pages: list[Image.Image],
) -> None:
    svg, video, bare, contained = pages[5], pages[6], pages[7], pages[8]
    left, top, right, bottom = bounds(svg, PINK)
    assert right - left > 100 and bottom - top > 50
    circle = (left + (right - left) // 4, (top + bottom) // 2)  # the red circle's centre
    assert near(svg.getpixel(circle), (204, 0, 51), 30)
    poster = Image.open(FIXTURE.parent / "media" / "poster.png").convert("RGB")
    colours = {poster.getpixel((x, 40)) for x in range(0, poster.width, 20)}
    shown = {video.getpixel((x, y)) for x in range(0, video.width, 4) for y in range(0, 400, 4)}
    assert sum(any(near(c, s, 20) for s in shown) for c in colours) >= len(colours) - 2
    for x, y in ((10, 10), (640, 360), (1270, 710)):
        assert any(near(bare.getpixel((x, y)), colour, 16) for colour in NIGHT), (x, y)
    assert not any(near(contained.getpixel((5, 360)), colour, 16) for colour in NIGHT)
    assert any(near(contained.getpixel((640, 360)), colour, 16) for colour in NIGHT)


# -- the real decks -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_builds(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path, Path]]:
    """Return each real deck's folder, source and the folder it is built into (HTML and .pptx),
    from a copy in its own git work tree."""
    assert REALWORLD.is_dir(), f"the shared real decks are not at {REALWORLD}"
    built = []
    for deck in realworld_decks():
        folder = deck.relative_to(REALWORLD).parts[0]
        copy = tmp_path_factory.mktemp(folder) / folder
        shutil.copytree(REALWORLD / folder, copy)
        subprocess.run(["git", "init", "-q", str(copy)], check=True)
        source = copy / deck.relative_to(REALWORLD / folder)
        out = copy / "out"
        result = build(source, out, BuildOptions(formats=(Format.HTML, Format.PPTX)))
        assert sorted(p.suffix for p in result.outputs) == [".html", ".pptx"]
        built.append((folder, source, out))
    return built


def test_no_real_deck_plans_a_picture_smaller_than_8_px(
    real_builds: list[tuple[str, Path, Path]],
) -> None:
    small = []
    drawn = 0
    for folder, source, out in real_builds:
        _, laid_out, _ = load(source)
        for placed in laid_out.slides:
            for piece in placed.plan.pieces:
                if isinstance(piece, ImagePiece):
                    drawn += 1
                    if min(piece.box.w.px, piece.box.h.px) < MIN_PICTURE_PX:
                        small.append((folder, placed.number, Path(piece.image.src).name))
        [pptx] = out.glob("*.pptx")
        for number, slide in enumerate(Presentation(str(pptx)).slides, start=1):
            for shape in slide.shapes:
                if (
                    shape.shape_type == 13
                    and min(shape.width, shape.height) < MIN_PICTURE_PX * 9525
                ):
                    small.append((folder, number, shape.name))
    assert drawn >= 30
    assert small == []


@pytest.mark.browser
def test_no_real_deck_shows_a_picture_smaller_than_8_px_in_chromium(
    real_builds: list[tuple[str, Path, Path]],
) -> None:
    small, seen = [], 0
    with launch() as browser:
        for folder, _, out in real_builds:
            [html] = out.glob("*.html")
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(html.resolve().as_uri())
            page.wait_for_function("() => window.Reveal && Reveal.isReady()")
            for index in page.evaluate(WITH_PICTURES):
                show_slide(page, index)
                for tag, width, height, _ in page.evaluate(PICTURES):
                    seen += 1
                    if min(width, height) < MIN_PICTURE_PX:
                        small.append((folder, index + 1, tag, round(width), round(height)))
            page.close()
    assert seen >= 30
    assert small == []

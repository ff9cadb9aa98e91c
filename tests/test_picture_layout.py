"""The layout stage sizes and places pictures: from pixels and written sizes, in rows, in columns,
shrunk (down to the theme's minimum height) before a slide is split."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.build import load
from deckgen.diagnostics import Origin
from deckgen.geometry import content_frame
from deckgen.images import Picture, read_picture
from deckgen.layout.backdrop import picture_box
from deckgen.layout.deck import LaidOutDeck, PlacedSlide
from deckgen.layout.pictures import AUDIO_SIZE, Room, fit_scale, wanted_size
from deckgen.layout.pieces import ImagePiece
from deckgen.model import Background, Image, Length, Media
from deckgen.units import inches, pt, px

FIXTURES = Path(__file__).parent / "fixtures" / "pictures"
MEDIA = FIXTURES / "media"
ROOM = Room(width=px(1000), frame_height=px(600), em=pt(20), min_height=pt(120))


def image(**changes: object) -> Image:
    return Image("x.png", "x", Origin("x.md", 1), **changes)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def fixture_deck() -> LaidOutDeck:
    _, laid_out, diagnostics = load(FIXTURES / "pictures.md")
    assert diagnostics == []
    return laid_out


def pictures(placed: PlacedSlide) -> list[ImagePiece]:
    return [piece for piece in placed.plan.pieces if isinstance(piece, ImagePiece)]


def slide(laid_out: LaidOutDeck, title: str) -> PlacedSlide:
    return next(p for p in laid_out.slides if "".join(r.text for r in p.slide.title) == title)


# -- sizes ----------------------------------------------------------------------------------------


def test_a_picture_without_sizes_is_drawn_at_its_pixels() -> None:
    assert wanted_size(image(), (320, 200), ROOM) == (px(320), px(200))


@pytest.mark.parametrize(
    ("length", "emu"),
    [
        (Length(30, "%"), px(300)),
        (Length(250, "px"), px(250)),
        (Length(2, "in"), inches(2)),
        (Length(2.54, "cm"), inches(1)),
        (Length(50.8, "mm"), inches(2)),
        (Length(36, "pt"), pt(36)),
        (Length(5, "em"), pt(100)),
    ],
    ids=lambda value: getattr(value, "unit", ""),
)
def test_a_written_width_in_each_unit_keeps_the_proportions(length: Length, emu: int) -> None:
    width, height = wanted_size(image(width=length), (400, 100), ROOM)
    assert abs(width - emu) <= 1 and abs(height - emu / 4) <= 1


def test_a_height_in_percent_is_of_the_content_height() -> None:
    assert wanted_size(image(height=Length(50, "%")), (400, 100), ROOM) == (px(1200), px(300))


def test_both_sizes_written_set_both() -> None:
    both = image(width=Length(100, "px"), height=Length(300, "px"))
    assert wanted_size(both, (400, 100), ROOM) == (px(100), px(300))


def test_r_stretch_fills_the_width_fitting_then_shrinks_it() -> None:
    assert wanted_size(image(classes=("r-stretch",)), (100, 50), ROOM) == (px(1000), px(500))


def test_an_unreadable_picture_gets_a_16_9_box_and_a_sound_its_player() -> None:
    assert wanted_size(image(), None, ROOM) == (px(1000), px(1000) * 9 // 16)
    assert wanted_size(image(media=Media.AUDIO), None, ROOM) == AUDIO_SIZE


def test_fitting_shrinks_to_the_room_but_not_below_the_minimum_height() -> None:
    assert fit_scale([px(2000)], [px(400)], 0, ROOM, px(10_000)) == pytest.approx(0.5)
    assert fit_scale([px(500)], [px(1000)], 0, ROOM, px(500)) == pytest.approx(0.5)
    floor = ROOM.min_height / px(1000)
    assert fit_scale([px(500)], [px(1000)], 0, ROOM, px(10)) == pytest.approx(floor)
    assert fit_scale([px(50)], [px(50)], 0, ROOM, px(10)) == 1.0  # smaller than the minimum


def test_an_mp4_videos_size_comes_from_its_track_header() -> None:
    assert read_picture(str(MEDIA / "clip.mp4")) == Picture("VIDEO", 320, 180)
    assert read_picture(str(MEDIA / "tone.mp3")) is None


# -- placed on slides -----------------------------------------------------------------------------


def test_thirty_percent_is_thirty_percent_of_the_content_width(fixture_deck: LaidOutDeck) -> None:
    theme = fixture_deck.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    [piece] = pictures(slide(fixture_deck, "Thirty percent of the content width"))
    assert piece.box.w == pytest.approx(0.3 * frame.w, abs=1)
    assert piece.box.h == pytest.approx(piece.box.w / 2, abs=1)
    assert piece.box.x + piece.box.w / 2 == pytest.approx(frame.x + frame.w / 2, abs=1)


def test_a_row_stands_on_one_baseline_a_gap_apart_centred(fixture_deck: LaidOutDeck) -> None:
    theme = fixture_deck.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    row = pictures(slide(fixture_deck, "A row of pictures"))
    assert [Path(p.image.src).name for p in row] == ["wide.png", "tall.png", "icon.webp"]
    assert len({p.box.bottom for p in row}) == 1
    assert [round(p.box.h) for p in row] == [px(150), px(150), px(64)]
    gaps = [b.box.x - a.box.right for a, b in zip(row, row[1:], strict=False)]
    assert gaps == [theme.gap, theme.gap]
    left, right = row[0].box.x - frame.x, frame.right - row[-1].box.right
    assert abs(left - right) <= 1


def test_a_picture_in_a_column_fits_its_column(fixture_deck: LaidOutDeck) -> None:
    placed = slide(fixture_deck, "A picture in a column")
    [piece] = pictures(placed)
    theme = fixture_deck.theme
    frame = content_frame(theme, theme.page_width, theme.page_height)
    assert frame.x <= piece.box.x and piece.box.right <= frame.x + 0.4 * frame.w
    assert theme.box.image_min_height <= piece.box.h < px(600)  # shrunk to the height left
    assert piece.box.bottom <= frame.bottom and placed.plan.overflow == 0


def write_deck(tmp_path: Path, body: str) -> Path:
    deck = tmp_path / "deck.md"
    deck.write_text(body, encoding="utf-8")
    return deck


def test_a_picture_shrinks_before_the_slide_is_split(tmp_path: Path) -> None:
    tall = MEDIA / "tall.png"
    paragraphs = "\n\n".join(f"Paragraph {n} of a few lines of text." for n in range(4))
    deck = write_deck(
        tmp_path, f"## Shrinks\n\n{paragraphs}\n\n![A tall one]({tall}){{height=900px}}\n"
    )
    _, laid_out, diagnostics = load(deck, allow_outside=True)
    [placed] = laid_out.slides
    [piece] = pictures(placed)
    assert diagnostics == []
    assert laid_out.theme.box.image_min_height <= piece.box.h < px(900)
    assert placed.sizes.body == laid_out.theme.sizes["body"]  # the text kept its size


def test_a_slide_is_split_once_its_picture_is_at_the_minimum(tmp_path: Path) -> None:
    tall = MEDIA / "tall.png"
    paragraphs = "\n\n".join(f"Paragraph {n} with enough words to take a line." for n in range(14))
    deck = write_deck(tmp_path, f"## Splits\n\n{paragraphs}\n\n![A tall one]({tall})\n")
    _, laid_out, _ = load(deck, allow_outside=True)
    assert len(laid_out.slides) >= 2
    placed = next(p for p in laid_out.slides if pictures(p))
    [piece] = pictures(placed)
    assert piece.box.h >= laid_out.theme.box.image_min_height
    assert placed.plan.overflow == 0


def test_a_video_takes_its_own_proportions(fixture_deck: LaidOutDeck) -> None:
    video, audio = pictures(slide(fixture_deck, "A video and a sound"))
    assert (video.image.media, audio.image.media) == (Media.VIDEO, Media.AUDIO)
    assert video.box.h == pytest.approx(video.box.w * 180 / 320, abs=2)
    assert (audio.box.w, audio.box.h) == AUDIO_SIZE


# -- backgrounds ----------------------------------------------------------------------------------

PAGE = (px(1280), px(720))


@pytest.mark.parametrize(
    ("size", "position", "expected"),
    [
        ("cover", "center", (0, -120, 1280, 960)),  # 4:3 on 16:9: cropped top and bottom
        ("contain", "center", (160, 0, 960, 720)),
        ("contain", "left", (0, 0, 960, 720)),
        ("contain", "right top", (320, 0, 960, 720)),
        ("auto", "top left", (0, 0, 640, 480)),
        ("auto", "25% 100%", (160, 240, 640, 480)),
        ("50%", "center", (320, 120, 640, 480)),
        ("auto 360px", "10px 20px", (10, 20, 480, 360)),
    ],
)
def test_a_background_picture_lands_where_css_puts_it(
    size: str, position: str, expected: tuple[int, int, int, int]
) -> None:
    box = picture_box(
        Background(image="x", size=size, position=position), (px(640), px(480)), *PAGE
    )
    assert tuple(round(v / px(1)) for v in (box.x, box.y, box.w, box.h)) == expected


def test_a_slide_that_only_sets_a_background_is_kept_and_painted(fixture_deck: LaidOutDeck) -> None:
    bare = [p for p in fixture_deck.slides if not p.slide.title and not p.slide.body]
    assert len(bare) == 1
    backdrop = bare[0].plan.background
    assert backdrop is not None and Path(backdrop.picture).name == "night.jpg"
    assert backdrop.box is not None and backdrop.box.w == fixture_deck.page_width  # cover

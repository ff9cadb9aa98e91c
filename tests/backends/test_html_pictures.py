"""Pictures, media and backgrounds in the HTML deck: elements, sizes from the plan, attributes."""

from __future__ import annotations

import base64
from html.parser import HTMLParser
from pathlib import Path

import pytest

from deckgen.backends import html as html_backend
from deckgen.build import BuildOptions, Format, build, load
from deckgen.layout.pieces import ImagePiece

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "pictures" / "pictures.md"
MEDIA = FIXTURE.parent / "media"

Element = tuple[str, dict[str, str]]


class _Elements(HTMLParser):
    """Collect each slide's elements (tag and attributes), by section id."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, list[Element]] = {}
        self.attributes: dict[str, dict[str, str]] = {}
        self.current: list[Element] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: value or "" for name, value in attrs}
        if tag == "section" and "data-layout" in found:
            self.current = self.sections.setdefault(found["id"], [])
            self.attributes[found["id"]] = found
        elif self.current is not None:
            self.current.append((tag, found))


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> _Elements:
    outdir = tmp_path_factory.mktemp("pictures")
    result = build(FIXTURE, outdir, BuildOptions(formats=(Format.HTML,)))
    assert result.diagnostics == ()
    parser = _Elements()
    parser.feed((outdir / "pictures.html").read_text(encoding="utf-8"))
    return parser


def tags(page: _Elements, slide_id: str, *names: str) -> list[dict[str, str]]:
    return [attributes for tag, attributes in page.sections[slide_id] if tag in names]


def test_a_figure_keeps_its_id_classes_alt_and_the_plans_size(page: _Elements) -> None:
    _, laid_out, _ = load(FIXTURE)
    placed = next(p for p in laid_out.slides if p.slide.id == "thirty-percent-of-the-content-width")
    [piece] = [p for p in placed.plan.pieces if isinstance(p, ImagePiece)]
    [figure] = tags(page, placed.slide.id, "figure")
    [img] = tags(page, placed.slide.id, "img")
    assert figure["id"] == "wide-figure"
    assert (img["class"], img["alt"]) == ("framed", "A wide blue picture")
    assert img["style"] == f"width:{piece.box.w.px:.2f}px;height:{piece.box.h.px:.2f}px"
    [caption] = tags(page, placed.slide.id, "figcaption")
    assert caption == {"aria-hidden": "true"}  # the caption repeats the alt text


def test_several_pictures_are_one_row(page: _Elements) -> None:
    [row] = [a for a in tags(page, "a-row-of-pictures", "div") if a.get("class") == "image-row"]
    assert row
    assert [img["alt"] for img in tags(page, "a-row-of-pictures", "img")] == [
        "Wide",
        "Tall",
        "Icon",
    ]
    assert tags(page, "a-row-of-pictures", "figcaption") == []


def test_a_link_around_a_picture_is_kept(page: _Elements) -> None:
    [link] = tags(page, "a-linked-svg-diagram", "a")
    assert link == {"class": "image-link", "href": "https://example.org/diagram"}
    [img] = tags(page, "a-linked-svg-diagram", "img")
    assert img["src"].startswith("data:image/svg+xml;base64,")


def test_video_and_sound_are_players_with_their_files_embedded(page: _Elements) -> None:
    [video] = tags(page, "a-video-and-a-sound", "video")
    [audio] = tags(page, "a-video-and-a-sound", "audio")
    assert "controls" in video and "controls" in audio
    clip = base64.b64encode((MEDIA / "clip.mp4").read_bytes()).decode()
    assert video["src"] == f"data:video/mp4;base64,{clip}"
    assert video["poster"].startswith("data:image/png;base64,")
    assert audio["src"].startswith("data:audio/mpeg;base64,")
    assert (video["aria-label"], audio["aria-label"]) == ("A test pattern", "A tone")
    assert tags(page, "a-video-and-a-sound", "a") == []  # no second copy in a fallback link


def test_backgrounds_are_reveals_data_attributes(page: _Elements) -> None:
    photo = page.attributes["light-text-on-a-dark-photo"]
    assert photo["data-background-image"].startswith("data:image/jpeg;base64,")
    assert (photo["data-background-size"], photo["data-background-position"]) == (
        "contain",
        "top",
    )
    coloured = page.attributes["a-coloured-slide"]
    assert coloured["data-background-color"] == "#1d3557"
    assert "data-background-image" not in coloured
    faded = page.attributes["a-faded-picture"]
    assert (faded["data-background-opacity"], faded["data-background-color"]) == ("0.25", "#000000")
    assert "data-background-color" not in page.attributes["a-row-of-pictures"]


def test_a_large_video_is_copied_beside_the_deck_and_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(html_backend, "EMBED_LIMIT", 1000)
    outdir = tmp_path / "out"
    result = build(FIXTURE, outdir, BuildOptions(formats=(Format.HTML,)))
    linked = [d for d in result.diagnostics if d.group == "media-linked"]
    assert [Path(d.origin.path).name for d in linked] == ["pictures.md", "pictures.md"]
    assert "copied beside it as pictures-media/clip.mp4" in linked[0].message
    copied = outdir / "pictures-media"
    assert sorted(p.name for p in copied.iterdir()) == ["clip.mp4", "tone.mp3"]
    assert (copied / "clip.mp4").read_bytes() == (MEDIA / "clip.mp4").read_bytes()
    html = (outdir / "pictures.html").read_text(encoding="utf-8")
    assert 'src="pictures-media/clip.mp4"' in html and 'src="pictures-media/tone.mp3"' in html


def test_remote_media_plays_from_its_url_with_a_warning(tmp_path: Path) -> None:
    deck = tmp_path / "deck.md"
    deck.write_text("## Remote\n\n![A talk](https://example.org/talk.mp4)\n", encoding="utf-8")
    result = build(deck, tmp_path, BuildOptions(formats=(Format.HTML,)))
    [warning] = result.diagnostics
    assert warning.group == "media-remote" and "will not play offline" in warning.message
    html = (tmp_path / "deck.html").read_text(encoding="utf-8")
    assert '<video controls preload="metadata" src="https://example.org/talk.mp4"' in html

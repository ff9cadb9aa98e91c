"""Click animations in .pptx files: written by ``animation.py``, read back, validated, rendered.

Small decks built with python-pptx get their timing from ``timing_xml``; each is read back with
an independent reader (``clicks.py``), validated against the OOXML schemas by two checkers, and
opened by LibreOffice: its PDF shows every slide complete (the final state), and its own import
of the file (to ODP) finds the same clicks and effects, by LibreOffice's names for them.
"""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.slide import Slide
from pptx.util import Inches, Pt

from clicks import Played, build_list, slide_clicks, timing_ids
from deckgen.backends.pptx.animation import (
    REVEAL_EFFECTS,
    Animation,
    ClickStep,
    Effect,
    Fragment,
    Target,
    click_steps,
    insert_timing,
    reveal_effects,
    timing_xml,
)
from e2e.office import convert_to_pdf, render_problems
from ooxmlcheck import audit_findings, shared_findings, validation_problems

REVEAL_CSS = Path(__file__).resolve().parents[2] / "node_modules/reveal.js/dist/reveal.css"
# Classes reveal.js sets on a fragment as it plays, and ``custom`` (the author styles it): not
# effects.
STATE_CLASSES = {"visible", "current-fragment", "disabled", "custom"}


# -- the reveal.js mapping and the order of clicks -------------------------------------------------


def test_every_reveal_js_fragment_effect_has_a_pptx_effect() -> None:
    css = REVEAL_CSS.read_text(encoding="utf-8")
    effects = set(re.findall(r"\.fragment\.([a-z][a-z-]*)", css)) - STATE_CLASSES
    assert len(effects) >= 19, sorted(effects)  # the CSS is read, not an empty match
    assert effects - set(REVEAL_EFFECTS) == set()
    assert {"fade-in"} == set(REVEAL_EFFECTS) - effects  # reveal.js's default, named


def test_a_plain_fragment_appears_and_an_unknown_class_is_skipped() -> None:
    assert reveal_effects(()) == (Effect.APPEAR, None)
    assert reveal_effects(("fragment", "small")) == (Effect.APPEAR, None)
    assert reveal_effects(("small", "fade-up", "grow")) == (Effect.FADE, None)
    assert reveal_effects(("current-visible",)) == (Effect.APPEAR, Effect.DISAPPEAR)


def test_clicks_follow_the_index_and_keep_source_order_within_one() -> None:
    a, b, c = Target(2), Target(3), Target(4, (1, 1))
    steps = click_steps([Fragment(5, a), Fragment(2, c, ("fade-in",)), Fragment(5, b)])
    assert steps == [
        ClickStep((Animation(c, Effect.FADE),)),
        ClickStep((Animation(a, Effect.APPEAR), Animation(b, Effect.APPEAR))),
    ]


def test_an_effect_that_ends_takes_the_next_click_and_stays_on_the_last() -> None:
    first, second, last = Target(2), Target(3), Target(4)
    steps = click_steps(
        [
            Fragment(0, first, ("fade-in-then-out",)),
            Fragment(3, second),
            Fragment(7, last, ("current-visible",)),
        ]
    )
    assert steps == [
        ClickStep((Animation(first, Effect.FADE),)),
        ClickStep((Animation(first, Effect.FADE_OUT), Animation(second, Effect.APPEAR))),
        ClickStep((Animation(last, Effect.APPEAR),)),
    ]


def test_no_step_means_no_timing() -> None:
    assert timing_xml([]) == ""


def test_a_step_without_effects_or_a_backwards_range_is_refused() -> None:
    with pytest.raises(ValueError):
        timing_xml([ClickStep(())])
    with pytest.raises(ValueError):
        timing_xml([ClickStep((Animation(Target(2, (3, 1)), Effect.APPEAR),))])


def test_effects_carry_reveal_js_values() -> None:
    xml = timing_xml(
        [
            ClickStep((Animation(Target(2), Effect.GROW),)),
            ClickStep((Animation(Target(2), Effect.SHRINK),)),
            ClickStep((Animation(Target(2), Effect.HIGHLIGHT_RED),)),
            ClickStep((Animation(Target(2), Effect.HIGHLIGHT_GREEN),)),
            ClickStep((Animation(Target(2), Effect.HIGHLIGHT_BLUE),)),
            ClickStep((Animation(Target(2), Effect.DIM),)),
        ]
    )
    assert '<p:by x="130000" y="130000"/>' in xml
    assert '<p:by x="70000" y="70000"/>' in xml
    assert re.findall(r'srgbClr val="(\w+)"', xml) == ["FF2C2D", "17FF2E", "1B91FF"]
    assert '<p:strVal val="0.5"/>' in xml


# -- where the timing goes in a slide --------------------------------------------------------------

SLIDE = (
    '<p:sld xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    "<p:cSld><p:spTree/></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>{rest}</p:sld>"
)
ONE_STEP = timing_xml([ClickStep((Animation(Target(2), Effect.APPEAR),))])


def _children(slide: etree._Element) -> list[str]:
    return [etree.QName(child).localname for child in slide]


@pytest.mark.parametrize(
    ("rest", "order"),
    [
        ("", ["cSld", "clrMapOvr", "timing"]),
        ("<p:transition/>", ["cSld", "clrMapOvr", "transition", "timing"]),
        ("<p:extLst/>", ["cSld", "clrMapOvr", "timing", "extLst"]),
        ("<p:transition/><p:extLst/>", ["cSld", "clrMapOvr", "transition", "timing", "extLst"]),
    ],
)
def test_timing_goes_after_the_transition_and_before_extensions(
    rest: str, order: list[str]
) -> None:
    slide = parse_xml(SLIDE.format(rest=rest))
    insert_timing(slide, ONE_STEP)
    assert _children(slide) == order


def test_a_new_timing_replaces_the_old_and_none_removes_it() -> None:
    slide = parse_xml(SLIDE.format(rest="<p:extLst/>"))
    insert_timing(slide, ONE_STEP)
    insert_timing(slide, timing_xml([ClickStep((Animation(Target(7), Effect.FADE),))] * 2))
    assert _children(slide) == ["cSld", "clrMapOvr", "timing", "extLst"]
    assert len(slide_clicks(slide)) == 2
    insert_timing(slide, "")
    assert _children(slide) == ["cSld", "clrMapOvr", "extLst"]


# -- small decks, written, read back, validated, rendered ------------------------------------------


@dataclass
class Deck:
    """A .pptx written by a test and, per slide, the clicks and builds it should hold."""

    path: Path
    clicks: list[list[list[Played]]]
    builds: list[list[tuple[int, int, str]]]


def _box(slide: Slide, top: float, lines: list[str], size: int = 24) -> int:
    """Add a text box of ``lines`` (one paragraph each) at ``top`` inches; return its id."""
    shape = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(9), Inches(0.6 * len(lines)))
    frame = shape.text_frame
    for number, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.runs[0].font.size = Pt(size)
    return int(shape.shape_id)


def click(preset: str, shape: int, paragraph: int | None = None) -> Played:
    return Played("clickEffect", preset, shape, paragraph)


def also(preset: str, shape: int, paragraph: int | None = None) -> Played:
    return Played("withEffect", preset, shape, paragraph)


Builder = Callable[[Presentation, Path], Deck]


def _save(prs: Presentation, path: Path, slides: list[tuple[Slide, list[Fragment]]]) -> None:
    for slide, fragments in slides:
        insert_timing(slide.element, timing_xml(click_steps(fragments)))
    prs.save(str(path))


def one_shape(prs: Presentation, path: Path) -> Deck:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _box(slide, 0.5, ["What is six times seven?"], 32)
    answer = _box(slide, 3, ["Forty-two"], 40)
    _save(prs, path, [(slide, [Fragment(0, Target(answer))])])
    return Deck(path, [[[click("entr.1", answer)]]], [[(answer, 0, "whole")]])


def list_by_paragraph(prs: Presentation, path: Path) -> Deck:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _box(slide, 0.3, ["Why steps help"], 32)
    items = ["Students think first", "Then see the answer", "One point at a time"]
    items += ["A two-paragraph item", "and its second paragraph"]
    body = _box(slide, 1.5, items)
    fragments = [Fragment(i, Target(body, (i, i))) for i in range(3)]
    fragments.append(Fragment(3, Target(body, (3, 4))))
    _save(prs, path, [(slide, fragments)])
    clicks = [[click("entr.1", body, i)] for i in range(3)]
    clicks.append([click("entr.1", body, 3), also("entr.1", body, 4)])
    return Deck(path, [clicks], [[(body, 0, "p")]])


def fade(prs: Presentation, path: Path) -> Deck:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    whole = _box(slide, 0.5, ["A fading box"], 32)
    body = _box(slide, 2, ["Fades up", "Fades in"])
    fragments = [
        Fragment(0, Target(whole), ("fade-in",)),
        Fragment(1, Target(body, (0, 0)), ("fade-up",)),
        Fragment(2, Target(body, (1, 1)), ("fragment", "fade-in")),
    ]
    _save(prs, path, [(slide, fragments)])
    clicks = [[click("entr.10", whole)], [click("entr.10", body, 0)], [click("entr.10", body, 1)]]
    return Deck(path, [clicks], [[(whole, 0, "whole"), (body, 0, "p")]])


def mixed(prs: Presentation, path: Path) -> Deck:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _box(slide, 0.3, ["Shapes and paragraphs in order"], 28)
    body = _box(slide, 1.2, ["First point", "Second point"])
    picture_file = path.with_suffix(".png")
    Image.new("RGB", (120, 80), (40, 110, 200)).save(picture_file)
    picture = slide.shapes.add_picture(str(picture_file), Inches(6), Inches(3), Inches(2))
    note = _box(slide, 5.5, ["A closing note"])
    fragments = [
        Fragment(0, Target(body, (0, 0))),
        Fragment(1, Target(picture.shape_id, has_text=False)),
        Fragment(2, Target(body, (1, 1))),
        Fragment(3, Target(note)),
    ]
    _save(prs, path, [(slide, fragments)])
    clicks = [
        [click("entr.1", body, 0)],
        [click("entr.1", picture.shape_id)],
        [click("entr.1", body, 1)],
        [click("entr.1", note)],
    ]
    return Deck(path, [clicks], [[(body, 0, "p"), (note, 0, "whole")]])


def together(prs: Presentation, path: Path) -> Deck:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    left = _box(slide, 0.5, ["Left"])
    right = _box(slide, 1.5, ["Right"])
    body = _box(slide, 2.5, ["Comes with them", "Comes first"])
    fragments = [
        Fragment(5, Target(left)),
        Fragment(5, Target(right), ("fade-in",)),
        Fragment(5, Target(body, (0, 0))),
        Fragment(2, Target(body, (1, 1))),
    ]
    _save(prs, path, [(slide, fragments)])
    clicks = [
        [click("entr.1", body, 1)],
        [click("entr.1", left), also("entr.10", right), also("entr.1", body, 0)],
    ]
    return Deck(path, [clicks], [[(body, 0, "p"), (left, 0, "whole"), (right, 0, "whole")]])


# The effects each reveal.js class plays in PowerPoint (docs/steps.md): at its own click, and at
# the next one (where a second effect follows), as PowerPoint's "class.presetID".
REVEAL_PLAYS: dict[str, tuple[str, str | None]] = {
    "": ("entr.1", None),
    "fade-in": ("entr.10", None),
    "fade-out": ("exit.10", None),
    "fade-up": ("entr.10", None),
    "fade-down": ("entr.10", None),
    "fade-left": ("entr.10", None),
    "fade-right": ("entr.10", None),
    "zoom-in": ("entr.10", None),
    "fade-in-then-out": ("entr.10", "exit.10"),
    "fade-in-then-semi-out": ("entr.10", "emph.9"),
    "current-visible": ("entr.1", "exit.1"),
    "semi-fade-out": ("emph.9", None),
    "strike": ("emph.9", None),
    "grow": ("emph.6", None),
    "shrink": ("emph.6", None),
    "highlight-red": ("emph.3", None),
    "highlight-green": ("emph.3", None),
    "highlight-blue": ("emph.3", None),
    "highlight-current-red": ("emph.3", None),
    "highlight-current-green": ("emph.3", None),
    "highlight-current-blue": ("emph.3", None),
}


def reveal_classes(prs: Presentation, path: Path) -> Deck:
    clicks, builds, slides = [], [], []
    for name, (first, then) in REVEAL_PLAYS.items():
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        _box(slide, 0.3, [f"Class: {name or 'plain fragment'}"], 28)
        target = _box(slide, 2, ["The target"])
        after = _box(slide, 4, ["The next step"])
        fragments = [Fragment(0, Target(target), (name,)), Fragment(1, Target(after))]
        slides.append((slide, fragments))
        second = [click(then, target), also("entr.1", after)] if then else [click("entr.1", after)]
        clicks.append([[click(first, target)], second])
        target_builds = [(target, 0, "whole")] + ([(target, 1, "whole")] if then else [])
        builds.append(target_builds + [(after, 0, "whole")])
    # Paragraphs that come and go: the shape's entrance and exit are two builds by paragraph.
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    body = _box(slide, 1, ["Now this", "then this", "and this"])
    slides.append(
        (slide, [Fragment(i, Target(body, (i, i)), ("fade-in-then-out",)) for i in range(3)])
    )
    clicks.append(
        [
            [click("entr.10", body, 0)],
            [click("exit.10", body, 0), also("entr.10", body, 1)],
            [click("exit.10", body, 1), also("entr.10", body, 2)],
        ]
    )
    builds.append([(body, 0, "p"), (body, 1, "p")])
    _save(prs, path, slides)
    return Deck(path, clicks, builds)


BUILDERS: list[Builder] = [one_shape, list_by_paragraph, fade, mixed, together, reveal_classes]


@pytest.fixture(scope="module")
def decks(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Deck]:
    folder = tmp_path_factory.mktemp("animated")
    return {
        build.__name__: build(Presentation(), folder / f"{build.__name__.replace('_', '-')}.pptx")
        for build in BUILDERS
    }


@pytest.mark.parametrize("name", [b.__name__ for b in BUILDERS])
def test_python_pptx_reads_back_the_clicks_asked_for(decks: dict[str, Deck], name: str) -> None:
    deck = decks[name]
    slides = list(Presentation(str(deck.path)).slides)
    assert [slide_clicks(slide.element) for slide in slides] == deck.clicks
    assert [build_list(slide.element) for slide in slides] == deck.builds
    for slide in slides:
        ids = timing_ids(slide.element)
        assert ids == list(range(1, len(ids) + 1)), "time nodes numbered in document order"


def test_every_file_validates(decks: dict[str, Deck]) -> None:
    assert validation_problems(*(deck.path for deck in decks.values())) == []


# -- negative controls: the checkers do reject a broken timing tree --------------------------------


def _broken(source: Path, target: Path, edit: Callable[[str], str]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "ppt/slides/slide1.xml":
                edited = edit(data.decode("utf-8"))
                assert edited != data.decode("utf-8"), "the edit changed nothing"
                data = edited.encode("utf-8")
            new.writestr(item, data)
    return target


def _without_first_behaviour_time(xml: str) -> str:
    return re.sub(r"(<p:cBhvr>)<p:cTn [^>]*>.*?</p:cTn>", r"\1", xml, count=1)


def _timing_first(xml: str) -> str:
    timing = re.search(r"<p:timing>.*</p:timing>", xml, re.S)
    assert timing is not None
    return xml.replace(timing.group(0), "").replace(
        "<p:clrMapOvr>", timing.group(0) + "<p:clrMapOvr>"
    )


SCHEMA_BREAKS: dict[str, Callable[[str], str]] = {
    "no-behaviour-time": _without_first_behaviour_time,  # p:cBhvr needs its p:cTn
    "no-target": lambda xml: re.sub(r"<p:tgtEl>.*?</p:tgtEl>", "", xml, count=1),
    "bad-node-type": lambda xml: xml.replace('nodeType="clickEffect"', 'nodeType="onClick"', 1),
    "timing-before-colours": _timing_first,
}


@pytest.mark.unvalidated_pptx("writes broken timing trees on purpose")
@pytest.mark.parametrize("kind", list(SCHEMA_BREAKS))
def test_both_checkers_reject_a_broken_timing_tree(
    decks: dict[str, Deck], tmp_path: Path, kind: str
) -> None:
    broken = _broken(
        decks["list_by_paragraph"].path, tmp_path / f"{kind}.pptx", SCHEMA_BREAKS[kind]
    )
    shared = shared_findings(broken)[broken]
    assert shared and all(f.startswith("schema.") for f in shared), shared
    assert audit_findings(broken), "openxml-audit let a schema error through"


def test_the_shared_checker_rejects_an_animation_of_a_missing_shape(
    decks: dict[str, Deck], tmp_path: Path
) -> None:
    deck = decks["one_shape"]
    answer = deck.clicks[0][0][0].shape_id
    broken = _broken(
        deck.path, tmp_path / "ghost.pptx", lambda xml: xml.replace(f'spid="{answer}"', 'spid="99"')
    )
    findings = shared_findings(broken)[broken]
    assert findings and all(f.startswith("pml.timing-target-missing") for f in findings), findings
    # openxml-audit checks no cross-reference from an animation to a shape: the shared checker
    # is the one that catches this.
    assert audit_findings(broken) == []


# -- LibreOffice -----------------------------------------------------------------------------------

ANIM = "urn:oasis:names:tc:opendocument:xmlns:animation:1.0"
PRES = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
LIBREOFFICE_NAMES = {  # PowerPoint preset -> the effect LibreOffice imports it as
    "entr.1": "ooo-entrance-appear",
    "entr.10": "ooo-entrance-fade-in",
    "exit.1": "ooo-exit-disappear",
    "exit.10": "ooo-exit-fade-out",
    "emph.3": "ooo-emphasis-font-color",
    "emph.6": "ooo-emphasis-grow-and-shrink",
    "emph.9": "ooo-emphasis-transparency",
}


def _odp_clicks(odp: Path) -> list[list[list[str]]]:
    """Return, per page of an ODP, its clicks as the effects LibreOffice plays on each."""
    with zipfile.ZipFile(odp) as package:
        content = etree.fromstring(package.read("content.xml"))
    pages = []
    for page in content.iter(f"{{{DRAW}}}page"):
        sequences = [
            s
            for s in page.iter(f"{{{ANIM}}}seq")
            if s.get(f"{{{PRES}}}node-type") == "main-sequence"
        ]
        clicks = []
        for group in sequences[0] if sequences else []:
            effects = [
                e.get(f"{{{PRES}}}preset-id")
                for e in group.iter()
                if e.get(f"{{{PRES}}}preset-id") is not None
            ]
            clicks.append(effects)
        pages.append(clicks)
    return pages


@pytest.mark.office
def test_libreoffice_shows_every_slide_complete_and_plays_the_same_clicks(
    decks: dict[str, Deck], tmp_path: Path, office_profile: Path
) -> None:
    for name, deck in decks.items():
        pdf = convert_to_pdf(deck.path, tmp_path, office_profile)
        assert render_problems(deck.path, pdf) == [], name
        subprocess.run(
            [
                "libreoffice",
                f"-env:UserInstallation={office_profile.as_uri()}",
                "--headless",
                "--convert-to",
                "odp",
                "--outdir",
                str(tmp_path),
                str(deck.path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        expected = [
            [[LIBREOFFICE_NAMES[played.preset] for played in step] for step in slide]
            for slide in deck.clicks
        ]
        assert _odp_clicks(tmp_path / f"{deck.path.stem}.odp") == expected, name

"""Click animations (``p:timing``) written as XML text, in the form PowerPoint itself writes.

A slide's steps become its *main sequence*: one click group per step, each starting the effects
of that step together (the first "On Click", the others "With Previous"). Entrance effects hide
their target until its click, exit and emphasis effects act on a target that is shown from the
start. A target is a whole shape or paragraphs of its text; paragraphs are built one by one
(``p:bldP build="p"``), as PowerPoint's "By paragraph" writes them, so a teacher sees and edits
every step in the Animation Pane. The reveal.js fragment classes map onto the nearest effect
here (``REVEAL_EFFECTS``; docs/steps.md has the table and what each one loses).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.oxml.xmlchemy import BaseOxmlElement

FADE_MS = 500  # PowerPoint's default for Fade, and what deckgen uses for every timed effect


class Effect(enum.Enum):
    """What a click does to its target (the PowerPoint preset named in each comment)."""

    APPEAR = "appear"  # entrance: Appear
    FADE = "fade"  # entrance: Fade
    DISAPPEAR = "disappear"  # exit: Disappear
    FADE_OUT = "fade-out"  # exit: Fade
    DIM = "dim"  # emphasis: Transparency, to half
    GROW = "grow"  # emphasis: Grow/Shrink, to 130% (reveal.js's ``grow``)
    SHRINK = "shrink"  # emphasis: Grow/Shrink, to 70% (reveal.js's ``shrink``)
    HIGHLIGHT_RED = "highlight-red"  # emphasis: Font Color, reveal.js's red
    HIGHLIGHT_GREEN = "highlight-green"  # emphasis: Font Color, reveal.js's green
    HIGHLIGHT_BLUE = "highlight-blue"  # emphasis: Font Color, reveal.js's blue


@dataclass(frozen=True, slots=True)
class Target:
    """A whole shape (``paragraphs`` None) or paragraphs first..last (0-based) of its text.

    ``has_text`` says the shape has a text body (``p:sp``): only those go in the build list;
    a picture, a table or a group is animated as a whole, with ``has_text`` False.
    """

    shape_id: int
    paragraphs: tuple[int, int] | None = None
    has_text: bool = True


@dataclass(frozen=True, slots=True)
class Animation:
    """One effect on one target."""

    target: Target
    effect: Effect


@dataclass(frozen=True, slots=True)
class ClickStep:
    """The effects one click starts, together, in order."""

    animations: tuple[Animation, ...]


@dataclass(frozen=True, slots=True)
class Fragment:
    """A target of a reveal.js fragment: its ``index`` (the step) and its effect classes."""

    index: int
    target: Target
    classes: tuple[str, ...] = ()


# -- reveal.js fragment classes -> effects ---------------------------------------------------------

# class -> (effect at the fragment's own step, effect when the next step comes, if any).
# A plain fragment (no effect class) is PowerPoint's default, Appear.
REVEAL_EFFECTS: dict[str, tuple[Effect, Effect | None]] = {
    "fade-in": (Effect.FADE, None),
    "fade-out": (Effect.FADE_OUT, None),
    "fade-up": (Effect.FADE, None),
    "fade-down": (Effect.FADE, None),
    "fade-left": (Effect.FADE, None),
    "fade-right": (Effect.FADE, None),
    "zoom-in": (Effect.FADE, None),
    "fade-in-then-out": (Effect.FADE, Effect.FADE_OUT),
    "fade-in-then-semi-out": (Effect.FADE, Effect.DIM),
    "current-visible": (Effect.APPEAR, Effect.DISAPPEAR),
    "semi-fade-out": (Effect.DIM, None),
    "grow": (Effect.GROW, None),
    "shrink": (Effect.SHRINK, None),
    "strike": (Effect.DIM, None),
    "highlight-red": (Effect.HIGHLIGHT_RED, None),
    "highlight-green": (Effect.HIGHLIGHT_GREEN, None),
    "highlight-blue": (Effect.HIGHLIGHT_BLUE, None),
    "highlight-current-red": (Effect.HIGHLIGHT_RED, None),
    "highlight-current-green": (Effect.HIGHLIGHT_GREEN, None),
    "highlight-current-blue": (Effect.HIGHLIGHT_BLUE, None),
}
PLAIN_FRAGMENT: tuple[Effect, Effect | None] = (Effect.APPEAR, None)


def reveal_effects(classes: Iterable[str]) -> tuple[Effect, Effect | None]:
    """Return the effects for a fragment with ``classes``: its first effect class decides.

    Classes that name no reveal.js effect (``fragment`` itself, a user's own) are skipped; with
    none left it is a plain fragment (Appear).
    """
    for name in classes:
        if name in REVEAL_EFFECTS:
            return REVEAL_EFFECTS[name]
    return PLAIN_FRAGMENT


def click_steps(fragments: Iterable[Fragment]) -> list[ClickStep]:
    """Return the clicks that play ``fragments``: one per distinct index, in index order.

    Fragments of one index start together, in the order given (source order). An effect that
    ends when the next step comes (``fade-in-then-out``, ``current-visible`` …) adds its second
    effect to the next click, before that click's own effects; on the last step it stays.
    """
    by_index: dict[int, list[Animation]] = {}
    later: list[tuple[int, Animation]] = []
    for fragment in fragments:
        first, then = reveal_effects(fragment.classes)
        by_index.setdefault(fragment.index, []).append(Animation(fragment.target, first))
        if then is not None:
            later.append((fragment.index, Animation(fragment.target, then)))
    order = sorted(by_index)
    following: dict[int, list[Animation]] = {index: [] for index in order}
    for index, animation in later:
        after = [i for i in order if i > index]
        if after:
            following[after[0]].append(animation)
    return [ClickStep(tuple(following[i] + by_index[i])) for i in order]


# -- XML -------------------------------------------------------------------------------------------


class _Class(enum.Enum):
    ENTRANCE = "entr"
    EXIT = "exit"
    EMPHASIS = "emph"


@dataclass(frozen=True, slots=True)
class _Preset:
    """How PowerPoint files an effect: class, preset id and subtype (its Animation Pane entry)."""

    kind: _Class
    preset_id: int
    subtype: int = 0


_PRESETS: dict[Effect, _Preset] = {
    Effect.APPEAR: _Preset(_Class.ENTRANCE, 1),
    Effect.FADE: _Preset(_Class.ENTRANCE, 10),
    Effect.DISAPPEAR: _Preset(_Class.EXIT, 1),
    Effect.FADE_OUT: _Preset(_Class.EXIT, 10),
    Effect.DIM: _Preset(_Class.EMPHASIS, 9),
    Effect.GROW: _Preset(_Class.EMPHASIS, 6),
    Effect.SHRINK: _Preset(_Class.EMPHASIS, 6),
    Effect.HIGHLIGHT_RED: _Preset(_Class.EMPHASIS, 3, 2),
    Effect.HIGHLIGHT_GREEN: _Preset(_Class.EMPHASIS, 3, 2),
    Effect.HIGHLIGHT_BLUE: _Preset(_Class.EMPHASIS, 3, 2),
}
_SCALE = {Effect.GROW: 130_000, Effect.SHRINK: 70_000}  # thousandths of a percent
_COLOUR = {  # reveal.js's highlight colours
    Effect.HIGHLIGHT_RED: "FF2C2D",
    Effect.HIGHLIGHT_GREEN: "17FF2E",
    Effect.HIGHLIGHT_BLUE: "1B91FF",
}


def _target_xml(shape_id: int, paragraph: int | None) -> str:
    if paragraph is None:
        return f'<p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl>'
    text = f'<p:txEl><p:pRg st="{paragraph}" end="{paragraph}"/></p:txEl>'
    return f'<p:tgtEl><p:spTgt spid="{shape_id}">{text}</p:spTgt></p:tgtEl>'


def _delay(ms: int | str) -> str:
    return f'<p:stCondLst><p:cond delay="{ms}"/></p:stCondLst>'


def _set_xml(ids: Iterator[int], target: str, name: str, value: str, at: int = 0) -> str:
    """Return a ``p:set`` of attribute ``name`` to ``value``, ``at`` ms into its effect."""
    timing = f'<p:cTn id="{next(ids)}" dur="1" fill="hold">{_delay(at)}</p:cTn>'
    names = f"<p:attrNameLst><p:attrName>{name}</p:attrName></p:attrNameLst>"
    return (
        f"<p:set><p:cBhvr>{timing}{target}{names}</p:cBhvr>"
        f'<p:to><p:strVal val="{value}"/></p:to></p:set>'
    )


def _fade_xml(ids: Iterator[int], target: str, transition: str) -> str:
    timing = f'<p:cTn id="{next(ids)}" dur="{FADE_MS}"/>'
    return (
        f'<p:animEffect transition="{transition}" filter="fade">'
        f"<p:cBhvr>{timing}{target}</p:cBhvr></p:animEffect>"
    )


def _appear(ids: Iterator[int], target: str, effect: Effect) -> str:
    return _set_xml(ids, target, "style.visibility", "visible")


def _fade_in(ids: Iterator[int], target: str, effect: Effect) -> str:
    return _set_xml(ids, target, "style.visibility", "visible") + _fade_xml(ids, target, "in")


def _disappear(ids: Iterator[int], target: str, effect: Effect) -> str:
    return _set_xml(ids, target, "style.visibility", "hidden")


def _fade_out(ids: Iterator[int], target: str, effect: Effect) -> str:
    fade = _fade_xml(ids, target, "out")
    return fade + _set_xml(ids, target, "style.visibility", "hidden", at=FADE_MS - 1)


def _dim(ids: Iterator[int], target: str, effect: Effect) -> str:
    names = "<p:attrNameLst><p:attrName>style.opacity</p:attrName></p:attrNameLst>"
    opacity = (
        f'<p:set><p:cBhvr><p:cTn id="{next(ids)}" dur="indefinite"/>{target}{names}</p:cBhvr>'
        '<p:to><p:strVal val="0.5"/></p:to></p:set>'
    )
    image = (
        '<p:animEffect filter="image" prLst="opacity: 0.5"><p:cBhvr rctx="IE">'
        f'<p:cTn id="{next(ids)}" dur="indefinite"/>{target}</p:cBhvr></p:animEffect>'
    )
    return opacity + image


def _scale(ids: Iterator[int], target: str, effect: Effect) -> str:
    by = _SCALE[effect]
    timing = f'<p:cTn id="{next(ids)}" dur="{FADE_MS}" fill="hold"/>'
    return (
        f'<p:animScale><p:cBhvr>{timing}{target}</p:cBhvr><p:by x="{by}" y="{by}"/></p:animScale>'
    )


def _font_colour(ids: Iterator[int], target: str, effect: Effect) -> str:
    timing = f'<p:cTn id="{next(ids)}" dur="{FADE_MS}" fill="hold"/>'
    names = "<p:attrNameLst><p:attrName>style.color</p:attrName></p:attrNameLst>"
    return (
        f'<p:animClr clrSpc="hsl" dir="cw"><p:cBhvr override="childStyle">{timing}{target}{names}'
        f'</p:cBhvr><p:to><a:srgbClr val="{_COLOUR[effect]}"/></p:to></p:animClr>'
    )


_BEHAVIOURS: dict[Effect, Callable[[Iterator[int], str, Effect], str]] = {
    Effect.APPEAR: _appear,
    Effect.FADE: _fade_in,
    Effect.DISAPPEAR: _disappear,
    Effect.FADE_OUT: _fade_out,
    Effect.DIM: _dim,
    Effect.GROW: _scale,
    Effect.SHRINK: _scale,
    Effect.HIGHLIGHT_RED: _font_colour,
    Effect.HIGHLIGHT_GREEN: _font_colour,
    Effect.HIGHLIGHT_BLUE: _font_colour,
}


class _Builds:
    """Numbers each shape's builds (``grpId``) and lists them for ``p:bldLst``.

    A build is one shape's effects of one class, as a whole or by paragraph: PowerPoint groups
    a by-paragraph entrance under one build, and gives the shape's exit another.
    """

    def __init__(self) -> None:
        self._groups: dict[tuple[int, _Class, bool], int] = {}
        self._per_shape: dict[int, int] = {}
        self._listed: list[tuple[Target, int]] = []

    def group(self, target: Target, kind: _Class) -> int:
        """Return the ``grpId`` of ``target``'s build of ``kind``."""
        key = (target.shape_id, kind, target.paragraphs is not None)
        if key not in self._groups:
            number = self._per_shape.get(target.shape_id, 0)
            self._per_shape[target.shape_id] = number + 1
            self._groups[key] = number
            if target.has_text:
                self._listed.append((target, number))
        return self._groups[key]

    def xml(self) -> str:
        """Return the ``p:bldLst`` ('' when no text shape is animated)."""
        entries = "".join(
            f'<p:bldP spid="{target.shape_id}" grpId="{group}" build="p"/>'
            if target.paragraphs is not None
            else f'<p:bldP spid="{target.shape_id}" grpId="{group}" animBg="1"/>'
            for target, group in self._listed
        )
        return f"<p:bldLst>{entries}</p:bldLst>" if entries else ""


def _effect_xml(
    ids: Iterator[int], builds: _Builds, animation: Animation, paragraph: int | None, node: str
) -> str:
    preset = _PRESETS[animation.effect]
    target = _target_xml(animation.target.shape_id, paragraph)
    opening = (
        f'<p:cTn id="{next(ids)}" presetID="{preset.preset_id}" presetClass="{preset.kind.value}" '
        f'presetSubtype="{preset.subtype}" fill="hold" '
        f'grpId="{builds.group(animation.target, preset.kind)}" nodeType="{node}">'
    )
    behaviours = _BEHAVIOURS[animation.effect](ids, target, animation.effect)
    return f"<p:par>{opening}{_delay(0)}<p:childTnLst>{behaviours}</p:childTnLst></p:cTn></p:par>"


def _paragraphs(target: Target) -> list[int | None]:
    if target.paragraphs is None:
        return [None]
    first, last = target.paragraphs
    if first < 0 or last < first:
        raise ValueError(f"paragraphs {first}..{last} of shape {target.shape_id}: not a range")
    return list(range(first, last + 1))


def _click_xml(ids: Iterator[int], builds: _Builds, step: ClickStep) -> str:
    if not step.animations:
        raise ValueError("a click step starts at least one effect")
    click = f'<p:cTn id="{next(ids)}" fill="hold">{_delay("indefinite")}<p:childTnLst><p:par>'
    together = f'<p:cTn id="{next(ids)}" fill="hold">{_delay(0)}<p:childTnLst>'
    effects: list[str] = []
    for animation in step.animations:
        for paragraph in _paragraphs(animation.target):
            node = "withEffect" if effects else "clickEffect"
            effects.append(_effect_xml(ids, builds, animation, paragraph, node))
    closing = "</p:childTnLst></p:cTn></p:par></p:childTnLst></p:cTn>"
    return f"<p:par>{click}{together}{''.join(effects)}{closing}</p:par>"


_SLIDE_CONDITION = "<p:tgtEl><p:sldTgt/></p:tgtEl>"


VOLUME = 80000  # a media node's volume, as PowerPoint sets it


def _media_xml(ids: Iterator[int], shape_id: int, video: bool) -> str:
    """Return the node that gives a video or sound shape its play controls (click to play)."""
    tag = "video" if video else "audio"
    return (
        f'<p:{tag}><p:cMediaNode vol="{VOLUME}"><p:cTn id="{next(ids)}" fill="hold" display="0">'
        '<p:stCondLst><p:cond delay="indefinite"/></p:stCondLst></p:cTn>'
        f'<p:tgtEl><p:spTgt spid="{shape_id}"/></p:tgtEl></p:cMediaNode></p:{tag}>'
    )


def timing_xml(steps: Sequence[ClickStep], media: Sequence[tuple[int, bool]] = ()) -> str:
    """Return the slide's ``p:timing`` playing ``steps`` one click each, with the play controls
    of its ``media`` shapes (shape id, is a video); '' when there is neither.

    Paragraph targets expand to one effect per paragraph. Namespaces are not declared (the
    prefixes are ``p`` and ``a``): ``insert_timing`` declares them.
    """
    if not steps and not media:
        return ""
    ids = itertools.count(3)  # 1 and 2 are the root and the main sequence
    builds = _Builds()
    sequence = ""
    if steps:
        clicks = "".join(_click_xml(ids, builds, step) for step in steps)
        conditions = (
            f'<p:prevCondLst><p:cond evt="onPrev" delay="0">{_SLIDE_CONDITION}</p:cond>'
            f'</p:prevCondLst><p:nextCondLst><p:cond evt="onNext" delay="0">{_SLIDE_CONDITION}'
            "</p:cond></p:nextCondLst>"
        )
        sequence = (
            '<p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" nodeType="mainSeq">'
            f"<p:childTnLst>{clicks}</p:childTnLst></p:cTn>{conditions}</p:seq>"
        )
    players = "".join(_media_xml(ids, shape_id, video) for shape_id, video in media)
    root = (
        '<p:par><p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot">'
        f"<p:childTnLst>{sequence}{players}</p:childTnLst></p:cTn></p:par>"
    )
    return f"<p:timing><p:tnLst>{root}</p:tnLst>{builds.xml()}</p:timing>"


def insert_timing(slide: BaseOxmlElement, timing: str) -> None:
    """Put ``timing`` (from ``timing_xml``) into the ``p:sld`` element ``slide``, in schema order.

    A slide is ``cSld, clrMapOvr?, transition?, timing?, extLst?``: the timing goes just before
    ``p:extLst``, or last. A timing the slide had is replaced; ``timing`` '' only removes it.
    """
    for old in slide.findall(qn("p:timing")):
        slide.remove(old)
    if not timing:
        return
    element = parse_xml(timing.replace("<p:timing>", f"<p:timing {nsdecls('p', 'a')}>", 1))
    extensions = slide.find(qn("p:extLst"))
    if extensions is not None:
        extensions.addprevious(element)
    else:
        slide.append(element)

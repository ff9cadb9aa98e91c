"""Read a slide's clicks back from its ``p:timing``, as PowerPoint's Animation Pane lists them.

Written independently of ``backends/pptx/animation.py``: it walks the main sequence the way the
schema nests it, so a test compares what the file says with what the source asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree

P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS = {"p": P}


def _xpath(element: etree._Element, path: str) -> list[Any]:
    """Return ``path`` evaluated on ``element`` (python-pptx's own ``xpath`` fixes the prefixes)."""
    return list(etree.XPath(path, namespaces=NS)(element))


@dataclass(frozen=True)
class Played:
    """One effect of a click: how it starts, its preset, and its target (shape, paragraph)."""

    node: str  # clickEffect (starts the click) or withEffect
    preset: str  # class.id, e.g. "entr.1" (Appear) or "exit.10" (Fade out)
    shape_id: int
    paragraph: int | None  # None: the whole shape


def _target(effect: etree._Element) -> tuple[int, int | None]:
    """Return the one (shape id, paragraph) that all behaviours of ``effect`` act on."""
    found = {
        (
            int(target.get("spid")),
            tuple(_xpath(target, "p:txEl/p:pRg/@st")),
            tuple(_xpath(target, "p:txEl/p:pRg/@end")),
        )
        for target in _xpath(effect, ".//p:spTgt")
    }
    assert len(found) == 1, f"effect {effect.get('id')} targets {found or 'nothing'}"
    ((shape, starts, ends),) = found
    assert starts == ends, f"effect {effect.get('id')}: one paragraph per effect"
    return shape, (int(starts[0]) if starts else None)


def slide_clicks(slide: etree._Element) -> list[list[Played]]:
    """Return the slide's clicks in order, each the effects it starts ([] without animation)."""
    timings = _xpath(slide, "p:timing")
    if not timings:
        return []
    main = _xpath(
        timings[0],
        "p:tnLst/p:par/p:cTn[@nodeType='tmRoot']/p:childTnLst/p:seq/p:cTn[@nodeType='mainSeq']",
    )
    assert len(main) == 1, "one main sequence under the timing root"
    clicks = []
    for click in _xpath(main[0], "p:childTnLst/p:par/p:cTn"):
        assert _xpath(click, "p:stCondLst/p:cond/@delay") == ["indefinite"]
        played = []
        for effect in _xpath(click, ".//p:cTn[@presetClass]"):
            shape, paragraph = _target(effect)
            preset = f"{effect.get('presetClass')}.{effect.get('presetID')}"
            played.append(Played(effect.get("nodeType"), preset, shape, paragraph))
        clicks.append(played)
    return clicks


def build_list(slide: etree._Element) -> list[tuple[int, int, str]]:
    """Return the slide's ``p:bldP`` entries: (shape id, group, build: 'p' or 'whole')."""
    return [
        (int(b.get("spid")), int(b.get("grpId")), b.get("build", "whole"))
        for b in _xpath(slide, "p:timing/p:bldLst/p:bldP")
    ]


def timing_ids(slide: etree._Element) -> list[int]:
    """Return the ids of every time node on the slide, in document order."""
    return [int(i) for i in _xpath(slide, "p:timing//p:cTn/@id")]

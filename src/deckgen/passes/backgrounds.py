"""Slide backgrounds: reveal.js's ``background-*`` attributes read into each slide's ``Background``.

A slide heading (``## Title {background-color="#123"}``, or an empty ``## {...}`` for a slide
that is only a picture) sets its slide's background; the ``data-background-*`` spelling and
reveal.js's ``data-background`` shorthand (a colour or a picture) work too. Front matter sets a
deck-wide default with the same keys: every slide that sets no background of its own takes it.
Colours are read as CSS reads them (names, ``#rgb``, ``rgb()``, ``hsl()``); a picture's path is
relative to its Markdown file (the default's to the deck) and must lie in the deck's project,
as an image's must. A value deckgen cannot use is reported and left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from deckgen.constructs import by_name
from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.images import is_remote, read_picture
from deckgen.model import Background, Image, Slide
from deckgen.passes.images import file_problems
from deckgen.passes.walk import map_blocks

KEYS = ("color", "image", "size", "position", "repeat", "opacity")
UNSUPPORTED = ("video", "iframe", "gradient", "transition", "interactive")  # reveal.js has them
LENGTH = r"(?:-?\d+(?:\.\d+)?(?:%|px|em|rem|pt|cm|mm|in|vw|vh)|0)"
SIZE = re.compile(rf"^(?:cover|contain|(?:auto|{LENGTH})(?:\s+(?:auto|{LENGTH}))?)$")
POSITION = re.compile(
    rf"^(?:left|right|top|bottom|center|{LENGTH})(?:\s+(?:left|right|top|bottom|center|{LENGTH})){{0,1}}$"
)
REPEAT = re.compile(r"^(?:no-repeat|repeat|repeat-x|repeat-y|space|round)$")


def background_key(key: str) -> str | None:
    """Return the part after ``background-`` of a background attribute (``data-`` or not):
    ``color``, ``image``..., ``""`` for the bare ``data-background`` shorthand, else None."""
    bare = key.lower().removeprefix("data-")
    if bare == "background":
        return ""
    return bare.removeprefix("background-") if bare.startswith("background-") else None


def css_colour(value: str) -> str | None:
    """Return the CSS colour ``value`` as ``#rrggbb``, or None when it is not one."""
    from PIL import ImageColor  # only decks with backgrounds pay for Pillow

    try:
        rgb = ImageColor.getrgb(value.strip())
    except ValueError:
        return None
    return "#{:02x}{:02x}{:02x}".format(*rgb[:3])


class _Reader:
    """Reads the background attributes of one slide (or of the front matter)."""

    def __init__(self, root: Path, allow_outside: bool, diagnostics: list[Diagnostic]) -> None:
        self.root = root
        self.allow_outside = allow_outside
        self.diagnostics = diagnostics

    def warn(self, origin: Origin, message: str) -> None:
        self.diagnostics.append(Diagnostic(origin, Level.WARNING, message, "background"))

    def read(
        self, pairs: Iterable[tuple[str, str]], folder: Path, origin: Origin
    ) -> Background | None:
        """Return the background the ``pairs`` set, or None when they set none."""
        values: dict[str, str] = {}
        for key, value in pairs:
            name = background_key(key)
            if name is None:
                continue
            if name == "":  # reveal.js's shorthand: a colour, else a picture
                name = "color" if css_colour(value) is not None else "image"
            if name in UNSUPPORTED or name not in KEYS:
                self.warn(origin, f"background-{name} is not supported (ignored)")
                continue
            values[name] = value.strip()
        if not values:
            return None
        return self._background(values, folder, origin)

    def _background(self, values: dict[str, str], folder: Path, origin: Origin) -> Background:
        background = Background()
        if "color" in values:
            colour = css_colour(values["color"])
            if colour is None:
                self.warn(origin, f"background-color '{values['color'][:30]}' is not a colour")
            else:
                background = replace(background, color=colour)
        if values.get("image"):
            background = replace(background, image=self._image(values["image"], folder, origin))
        written: dict[str, str] = {}
        for name, pattern in (("size", SIZE), ("position", POSITION), ("repeat", REPEAT)):
            if name in values:
                value = " ".join(values[name].lower().split())
                if pattern.match(value):
                    written[name] = value
                else:
                    self.warn(origin, f"background-{name} '{value[:30]}' is not one (ignored)")
        background = replace(background, **written)  # type: ignore[arg-type]
        if "opacity" in values:
            try:
                opacity = float(values["opacity"])
            except ValueError:
                opacity = -1.0
            if 0.0 <= opacity <= 1.0:
                background = replace(background, opacity=opacity)
            else:
                self.warn(origin, f"background-opacity '{values['opacity'][:30]}' is not 0 to 1")
        return background

    def _image(self, src: str, folder: Path, origin: Origin) -> str:
        """Return the picture ``src`` made absolute, or "" when it cannot be used (reported)."""
        if is_remote(src):
            self.warn(
                origin,
                "remote background image: linked in the HTML deck (needs the network), "
                "not drawn in the .pptx",
            )
            return src
        path = str((folder / src).resolve())
        problems = file_problems(path, "background image", self.root, self.allow_outside)
        if not problems and read_picture(path) is None:
            problems = [(Level.ERROR, f"background image cannot be read: {Path(path).name}", "")]
        for level, message, group in problems:
            self.diagnostics.append(Diagnostic(origin, level, message, group))
        return "" if problems else path


def apply_backgrounds(
    slides: list[Slide],
    folders: list[Path],
    default: Iterable[tuple[str, str, Origin]],
    deck_folder: Path,
    root: Path,
    allow_outside: bool,
    diagnostics: list[Diagnostic],
) -> list[Slide]:
    """Return ``slides`` with the background each sets, or the deck-wide ``default``.

    ``folders[i]`` is the folder slide ``i`` was written in; ``default`` holds the front
    matter's background settings (key, value, where written), relative to ``deck_folder``.
    """
    reader = _Reader(root, allow_outside, diagnostics)
    default = list(default)
    deck_background = None
    if default:
        pairs = [(key, value) for key, value, _ in default]
        deck_background = reader.read(pairs, deck_folder, default[0][2])
    result = []
    for slide, folder in zip(slides, folders, strict=True):
        own = reader.read(slide.attributes, folder, slide.origin)
        background = own or deck_background
        result.append(slide if background is None else slide.with_changes(background=background))
    return result


def marp_backdrops(slides: list[Slide], diagnostics: list[Diagnostic]) -> list[Slide]:
    """Return ``slides`` with each Marp ``![bg](x.png)`` in a slide's body made the slide's
    ``background-image`` (its size ``cover`` or ``contain``); one the slide cannot take (a
    second one, one inside a column, a slide with a background of its own) stays a picture,
    reported."""
    return [_marp_backdrop(slide, diagnostics) for slide in slides]


def _marp_backdrop(slide: Slide, diagnostics: list[Diagnostic]) -> Slide:
    has_own = any(background_key(key) is not None for key, _ in slide.attributes)
    body, taken = [], None
    for block in slide.body:
        if isinstance(block, Image) and block.backdrop and taken is None and not has_own:
            taken = block
        else:
            body.append(block)
    if taken is not None:
        attributes = (("background-image", taken.src), ("background-size", taken.backdrop))
        slide = slide.with_changes(body=tuple(body), attributes=slide.attributes + attributes)

    def unmark(block: object) -> object:
        if isinstance(block, Image) and block.backdrop:
            marp = by_name("Marp image keyword")
            message = f"{marp.message}: 'bg'"
            diagnostics.append(Diagnostic(block.origin, Level.WARNING, message, marp.group))
            return replace(block, backdrop="")
        return block

    return slide.with_changes(body=map_blocks(slide.body, unmark))

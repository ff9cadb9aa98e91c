"""Text over a slide's own background: is it readable? WCAG AA contrast where the text lies.

For each text box on a slide that sets its background (``background-color``/``-image``), the
colour under it is the background's colour or, over a picture, the picture's average relative
luminance inside the box, as the slide is painted (``raster.compose_backdrop``: opacity and the
colour under it included). The text's colour is the theme's for its role. Below WCAG AA (4.5:1,
3:1 for large text: 18 pt, or 14 pt bold) the slide is reported, once per role.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.contrast import AA_NORMAL_TEXT, luminance
from deckgen.diagnostics import Diagnostic, Level
from deckgen.geometry import Box
from deckgen.layout.deck import LaidOutDeck, PlacedSlide
from deckgen.layout.pieces import Backdrop, TextPiece
from deckgen.model import plain_text
from deckgen.units import EMU_PER_PX, pt

AA_LARGE_TEXT = 3.0
LARGE, LARGE_BOLD = pt(18), pt(14)
SAMPLE_SCALE = 0.25  # pixels per CSS pixel the background is sampled at


# An sRGB channel value's linear light (a grey's relative luminance is its channels').
LINEAR = [luminance(f"#{value:02x}{value:02x}{value:02x}") for value in range(256)]


def _text_pieces(placed: PlacedSlide) -> Iterator[TextPiece]:
    plan = placed.plan
    for piece in (plan.title, plan.subtitle, plan.body, plan.takeaways, *plan.pieces):
        if isinstance(piece, TextPiece) and piece.paragraphs:
            yield piece


class _Sampler:
    """The luminance under boxes of one slide's background."""

    def __init__(self, backdrop: Backdrop, base: str, page: tuple[int, int]) -> None:
        from deckgen.raster import compose_backdrop

        self.colour = backdrop.colour or base
        self.image = compose_backdrop(backdrop, base, page, SAMPLE_SCALE)

    def luminance(self, box: Box) -> float:
        """Return the average relative luminance of the background inside ``box``."""
        if self.image is None:
            return luminance(self.colour)
        scale = SAMPLE_SCALE / EMU_PER_PX
        width, height = self.image.size
        left = min(max(int(box.x * scale), 0), width - 1)
        top = min(max(int(box.y * scale), 0), height - 1)
        right = min(max(round(box.right * scale), left + 1), width)
        bottom = min(max(round(box.bottom * scale), top + 1), height)
        counts = self.image.crop((left, top, right, bottom)).histogram()
        total = sum(counts[:256]) or 1
        r, g, b = (
            sum(n * LINEAR[i] for i, n in enumerate(counts[offset : offset + 256])) / total
            for offset in (0, 256, 512)
        )
        return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _needed(piece: TextPiece) -> float:
    paragraph = piece.paragraphs[0]
    large = paragraph.size >= LARGE or (paragraph.bold and paragraph.size >= LARGE_BOLD)
    return AA_LARGE_TEXT if large else AA_NORMAL_TEXT


def check_legibility(laid_out: LaidOutDeck, diagnostics: list[Diagnostic]) -> None:
    """Report text whose contrast with the slide's own background is below WCAG AA."""
    theme = laid_out.theme
    page = (laid_out.page_width, laid_out.page_height)
    reported: set[tuple[str, int, str]] = set()
    for placed in laid_out.slides:
        backdrop = placed.plan.background
        if backdrop is None or backdrop.written is None:
            continue
        sampler = _Sampler(backdrop, theme.colors["background"], page)
        under = "background image" if backdrop.picture else "background colour"
        for piece in _text_pieces(placed):
            role = piece.paragraphs[0].colour
            text = theme.colors.get(role, theme.colors["text"])
            ground = sampler.luminance(piece.box)
            ratio = _ratio(text, ground)
            needed = _needed(piece)
            origin = (placed.source or placed.slide).origin
            key = (origin.path, origin.line, role)
            if ratio >= needed or key in reported:
                continue
            reported.add(key)
            name = plain_text(placed.slide.title) or "untitled slide"
            message = (
                f"'{name}': {role} text ({text}) over the {under} has contrast {ratio:.1f}:1, "
                f"below WCAG AA ({needed:g}:1)"
            )
            diagnostics.append(Diagnostic(origin, Level.WARNING, message, "background-contrast"))


def _ratio(colour: str, ground: float) -> float:
    """Return the WCAG contrast of ``colour`` against a ground of relative luminance ``ground``."""
    high, low = sorted((luminance(colour), ground), reverse=True)
    return (high + 0.05) / (low + 0.05)

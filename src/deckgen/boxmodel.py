"""The box model: every padding, indent, rule and gap ratio of slide content, from theme tokens.

One source for all three readers: the layout stage measures and places with it, the .pptx draws
the places it computed, and the HTML's CSS reads it as custom properties (``css_variables``), so
the browser's boxes are the measured ones. Ratios are of the element's font size (CSS ``em``);
rules and fixed lengths are ``Emu``. Themes set them under ``[box]`` in ``theme.toml``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any

from deckgen.units import Emu, parse_length

SIDES = ("left", "top")
UNITLESS = frozenset({"heading_line_height", "table_min_width"})  # ratios CSS takes bare


@dataclass(frozen=True, slots=True)
class BoxModel:
    """Proportions of every element; ``float`` fields are em of the element's font size."""

    heading_line_height: float  # line height of titles and headings
    body_heading_scale: float  # a heading inside a slide's body, em of the body text
    title_rule: Emu  # the rule under a slide title (0: none)
    title_rule_gap: float  # space between the title and its rule, em of the title
    section_rule: Emu  # the accent rule of a section divider's headline (0: none)
    section_rule_side: str  # where it stands: "left" (a bar beside) or "top" (a line above)
    section_rule_padding: Emu  # space between that rule and the headline
    list_indent: float  # where list item text starts
    bullet_offset: float  # how far left of the text edge's indent the marker hangs less
    nested_list_scale: float  # a nested list's text, em of its parent's
    inline_code_scale: float  # inline code, em of the text around it
    corner_radius: Emu  # code boxes and cards
    code_padding_y: float
    code_padding_x: float
    card_columns: int  # cards per row
    card_padding_y: float
    card_padding_x: float
    card_bar: Emu  # a card's accent bar
    cell_padding_y: float
    cell_padding_x: float
    cell_rule: Emu  # the rule under each table cell
    table_min_width: float  # a table is at least this share of its box's width
    quote_bar: Emu  # a block quote's accent bar
    quote_padding: float  # between the bar and the quote's text
    caption_scale: float  # figure captions, em of the body text
    callout_bar: Emu  # a callout's coloured bar
    callout_padding_y: float
    callout_padding_x: float
    column_gap_scale: float  # the gap between columns, in theme gaps
    image_min_height: Emu  # fitting shrinks a picture down to this before it splits a slide
    slide_number_size: Emu
    slide_number_left: Emu
    slide_number_bottom: Emu

    def css_variables(self) -> dict[str, str]:
        """Return the box model as CSS custom properties (``--box-code-padding-y: 0.6em``)."""
        values: dict[str, str] = {}
        for spec in fields(self):
            value = getattr(self, spec.name)
            name = f"--box-{spec.name.replace('_', '-')}"
            if isinstance(value, Emu):
                values[name] = f"{value.px:g}px"
            elif isinstance(value, float):
                bare = spec.name in UNITLESS or spec.name.endswith("_scale")
                values[name] = f"{value:g}" if bare else f"{value:g}em"
            elif isinstance(value, int):
                values[name] = str(value)
        if not self.title_rule:  # no rule: no gap for it either
            values["--box-title-rule-gap"] = "0em"
        for side in SIDES:  # the section rule, as a border and padding on each side it may take
            on = self.section_rule_side == side
            values[f"--box-section-rule-{side}"] = f"{self.section_rule.px if on else 0:g}px"
            values[f"--box-section-pad-{side}"] = (
                f"{self.section_rule_padding.px if on and self.section_rule else 0:g}px"
            )
        return values


def _length(value: Any) -> Emu:
    return parse_length(value)


def _side(value: Any) -> str:
    if value not in SIDES:
        raise ValueError(f"section_rule_side must be one of {', '.join(SIDES)}")
    return str(value)


def _convert(kind: type | str) -> Callable[[Any], Any]:
    if kind in (Emu, "Emu"):
        return _length
    if kind in (int, "int"):
        return int
    if kind in (str, "str"):
        return _side
    return float


def box_model(tokens: Mapping[str, Any]) -> BoxModel:
    """Return the box model of a theme's ``[box]`` tokens; raise KeyError/ValueError if bad."""
    values = {spec.name: _convert(spec.type)(tokens[spec.name]) for spec in fields(BoxModel)}
    return BoxModel(**values)

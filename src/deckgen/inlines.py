"""One record per inline kind: a style a stretch of text can have (``Run`` fields).

Each says how the source writes it, which HTML element draws it and how the .pptx run says it.
The HTML backend wraps text in the elements of this table, in this order (innermost first); the
.pptx backend sets the run properties its ``RunStyle`` names. Adding an inline kind: its field
on ``model.Run``, its record here, its reader rule, and its ``RunStyle`` property.
"""

from __future__ import annotations

from dataclasses import dataclass

from deckgen.model import Run


@dataclass(frozen=True, slots=True)
class InlineKind:
    """A style of text: the ``Run`` field that marks it, how it is written, how it is drawn."""

    field: str
    read: str
    html: str  # the element wrapping the text (attributes included)
    pptx: str  # what the .pptx run says (for the docs)

    def applies(self, run: Run) -> bool:
        """Return True when ``run`` has this style."""
        return bool(getattr(run, self.field))


INLINE_KINDS: tuple[InlineKind, ...] = (
    InlineKind("code", "`code`", "code", "the code typeface, a little smaller"),
    InlineKind("bold", "**strong** / __strong__", "strong", 'b="1"'),
    InlineKind("italic", "*emphasis* / _emphasis_", "em", 'i="1"'),
    InlineKind("strike", "~~strikeout~~", "del", 'strike="sngStrike"'),
    InlineKind("underline", "[text]{.underline}", "u", 'u="sng"'),
    InlineKind("smallcaps", "[text]{.smallcaps}", 'span class="smallcaps"', 'cap="small"'),
    InlineKind("mark", "[text]{.mark}", "mark", "a:highlight in the theme's mark colour"),
    InlineKind("sub", "H~2~O", "sub", 'baseline="-25000"'),
    InlineKind("sup", "x^2^", "sup", 'baseline="30000"'),
    InlineKind("small", "<small>", "small", "the run's size times the box model's small_scale"),
)

"""What an HTML deck with math adds: the embedded math font and the rules that use it.

Only a deck that has math calls this, so a deck without (the study guide) does not grow.
"""

from __future__ import annotations

from functools import lru_cache

from deckgen.backends.web_assets import data_uri
from deckgen.npm import font_file
from deckgen.tex.box import MATH_FONT_FAMILY, MATH_FONT_PACKAGE


@lru_cache(maxsize=1)
def math_css() -> str:
    """Return the ``@font-face`` embedding the math font and the CSS for ``<math>`` elements."""
    font = data_uri(font_file(MATH_FONT_PACKAGE, "400", "normal", "woff2"))
    return (
        f"@font-face{{font-family:'{MATH_FONT_FAMILY}';font-style:normal;font-weight:400;"
        f"font-display:block;src:url({font}) format('woff2');}}\n"
        f"math{{font-family:'{MATH_FONT_FAMILY}',math;}}\n"
        # an equation's height is what the layout stage measured: no margin of its own
        ".reveal .equation{text-align:center;}\n"
        ".reveal .equation math[display=block]{margin:0 auto;overflow-x:auto;overflow-y:hidden;}"
    )

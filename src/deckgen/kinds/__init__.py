"""One record per block kind: every stage's rule for a kind of content, in one place.

A record (``Kind``) says how the kind is read (for the docs), how the layout stage sets it (as
paragraphs of a text frame, or as pieces it places itself), where a slide may be split inside
it and how the parts join again, what text it shows (the plain-text view: search, the
nothing-lost checks) and what the .pptx notes page shows. Each kind lives in its own module
here, beside which it needs only its model type (``model.py``), its reader rule
(``markdown.py`` or ``slides.py``) and its HTML macro (``blocks.html.j2``, named as the kind).

Modules are found and imported here; ``kind_of`` fails loudly for a block with no record, and
``tests/test_kinds.py`` checks every block type of the model has one.
"""

from __future__ import annotations

import importlib
import pkgutil

from deckgen.kinds.record import KINDS, Kind, kind_of, notes_of, text_of

for _module in pkgutil.iter_modules(__path__):
    if _module.name != "record":
        importlib.import_module(f"{__name__}.{_module.name}")

__all__ = ["KINDS", "Kind", "kind_of", "notes_of", "text_of"]

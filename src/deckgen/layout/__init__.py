"""The layout stage: arrangement, sizes, continuation slides and every piece's place, for both
formats. ``deck.py`` fits slides (``lay_out``); ``slide.py`` places one; ``flow.py`` stacks body
blocks through the kind records; ``fitting.py`` cuts a body into pages; ``text.py``,
``paragraphs.py`` and ``typefaces.py`` measure text; ``pieces.py`` is what they produce."""

"""HTML written in the Markdown source, read into the model so both formats show it.

Pandoc passes such HTML through to HTML output and reads the Markdown between block-level tags
(``markdown_in_html_blocks``); deckgen reads the tags too, by one table of elements:

    elements.py   one record per HTML element: what it becomes (a style, a div, a table...)
    scan.py       the source's tags and comments, found by the standard library's HTML parser
    blocks.py     a Markdown segment -> segments: block-level elements and the Markdown between
    convert.py    a block-level element (table, list, heading, <pre>, <video>...) -> model blocks
    inline.py     inline tags among a paragraph's text -> run styles, line breaks, pictures

What deckgen cannot show (scripts, frames, forms) stays raw HTML (``model.RawHtml``, ``Run.raw``):
the raw-HTML pass drops it with a warning, or (``--allow-html``) keeps it for the HTML deck only.
"""

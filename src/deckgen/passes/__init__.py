"""Whole-deck passes after parsing, each with one job, over one generic walker (``walk.py``):
ids and sections, links (internal, page-to-page, unsafe), pictures (paths, confinement, what a
format cannot hold), raw HTML, code languages, steps, footnotes, the contents slide, and the
words deckgen writes itself in the deck's language. Policies live here, not in the backends, so
every format gets the same treatment and the same warnings."""

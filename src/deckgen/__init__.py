"""deckgen: compile Markdown course material into reveal.js HTML and editable PowerPoint.

The pipeline, one module (or package) per stage:

    read.py       source files, deck manifest, front matter (keeps file:line)
    split.py      line scanner: slides, fenced divs and code fences, with line numbers
    markdown.py   mistune tokens -> model blocks and runs, by rule tables (the only mistune import)
    syntax/       pandoc's Markdown mistune lacks (tables, fancy lists...), as plain rule functions
    constructs.py the table of every construct: how it is read, rendered or only reported
    tex/          TeX math: found as pandoc finds it, typeset to MathML, Office Math, a linear line
    slides.py     slide sources -> Slide model (subtitle, takeaway, notes; fenced div rules)
    explainer/    long-form explainer pages -> slides and notes (recognised by structure)
    parse.py      a deck's files -> Deck, then the whole-deck passes
    passes/       one job each over one generic walker (walk.py): ids, links, images,
                  backgrounds, raw HTML, math, steps, footnotes, contents, words by language
    audience.py   the teacher's or the students' copy (notes, teacher-only content)
    layout/       arrangement, sizes, continuation slides and every piece's place, measured
    backends/     the laid-out deck -> reveal.js HTML (jinja2) or .pptx (python-pptx), drawn
    write.py      outputs written through a temporary file and a rename
    build.py      the facade that wires the stages in order

The model in the middle: model.py (frozen dataclasses). Each block kind has one record in
kinds/ (how it is set, split, joined, shown as text and in notes) and one HTML macro named
after it; each inline style one record in inlines.py. The box model (boxmodel.py) comes from
the theme (themes.py) and is read by the layout stage, the .pptx and the HTML's CSS alike.
Beside it: inline.py (styled runs: merge, strip, sentences), fonts.py and images.py (font
metrics, picture and video sizes, media types), fontstack.py (which font draws each character:
the role's own, else the theme's fallback for its script), scripts.py (scripts, and where
Chinese and Japanese lines break), language.py (text direction, interface labels), raster.py
(SVG to PNG, backgrounds composed, poster frames), legibility.py (text contrast over slide
backgrounds), geometry.py (box arithmetic), highlight.py (pygments), watch.py and serve.py
(rebuild on save, live preview), pdf.py (the HTML deck printed), cli.py.
"""

__version__ = "0.1.0"

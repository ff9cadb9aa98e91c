"""deckgen: compile Markdown course material into reveal.js HTML and editable PowerPoint.

The pipeline, one module per stage:

    read.py       source files, deck manifest, front matter (keeps file:line)
    split.py      line scanner: slides, fenced divs and code fences, with line numbers
    markdown.py   mistune tokens -> model blocks (the only mistune import)
    slides.py     slide sources -> Slide model (subtitle, takeaway, notes rules)
    explainer/    long-form explainer pages -> slides and notes (recognised by structure)
    parse.py      a deck's files -> Deck, then the whole-deck passes (passes.py)
    audience.py   the teacher's or the students' copy (notes, teacher-only content)
    layout.py     slide kind, sizes and continuation slides, measured (measure.py, fitting.py)
    backends/     the laid-out deck -> reveal.js HTML (jinja2) or .pptx (python-pptx)
    write.py      outputs written through a temporary file and a rename
    build.py      the facade that wires the stages in order

Beside it: model.py (the slide model), inline.py (styled runs: merge, strip, sentences),
themes.py (theme tokens), fonts.py and geometry.py
(font metrics and the box model both the layout stage and the .pptx backend use),
highlight.py (pygments), watch.py and serve.py (rebuild on save, live preview), cli.py.
"""

__version__ = "0.1.0"

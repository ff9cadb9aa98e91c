"""deckgen: compile Markdown course material into reveal.js HTML and editable PowerPoint.

The pipeline, one module per stage:

    read.py      source files, deck manifest, front matter (keeps file:line)
    split.py     line scanner: slides, fenced divs and code fences, with line numbers
    markdown.py  mistune tokens -> model blocks (the only mistune import)
    slides.py    slide sources -> Slide model (subtitle, takeaway, notes rules)
    passes.py    whole-deck passes: ids, internal links, diagnostics
    audience.py  the teacher's or the students' copy (notes, teacher-only content)
    layout.py    slide kind and sizes per slide, from the theme
    backends/    the laid-out deck -> reveal.js HTML (jinja2) or .pptx (python-pptx)
    build.py     the facade that wires the stages in order
    watch.py     rebuild on every save (build --watch), reusing unchanged files
    serve.py     the live preview on 127.0.0.1 (deckgen serve)
"""

__version__ = "0.1.0"

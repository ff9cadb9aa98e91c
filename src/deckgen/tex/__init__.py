"""TeX math, from the Markdown source to every form the backends draw.

    syntax.py   finds $…$, $$…$$, \\(…\\), \\[…\\] and math environments as pandoc does (a mistune
                plugin that never imports mistune) and macro definitions standing alone
    formula.py  TeX -> Formula (MathML, Office Math, a linear line); macros; MathError
    mathml.py   what the readers below agree a MathML node is (fence, large operator, table…)
    omml.py     MathML -> Office Math (OMML), as PowerPoint's equation editor writes it
    linear.py   MathML -> one readable line of Unicode (notes, fallbacks, alt text)
    box.py      the size of a formula at a font size, from the embedded math font's metrics

``deckgen.tex.formula`` loads the compiled converter (math-core) only when a deck has math.
"""

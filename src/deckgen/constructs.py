"""The table of Markdown constructs: every one deckgen reads, and every one it only reports.

One row per construct: how it is read, the model type it becomes, whether deckgen renders it
(in both formats) or warns about it, and an example. The table drives three things:

- the parser's warnings: a warned construct's ``detect`` says where the reader looks for it
  (``Scope``) and what it looks like; ``markdown.py`` and ``slides.py`` ask ``find``;
- the generated list in ``docs/format.md`` (``python -m deckgen.constructs docs/format.md``);
- ``tests/test_constructs.py``, which builds every example and checks that no source syntax
  (the rows' ``syntax`` patterns) reaches a slide unless a warning of the row's group names it.

Another engineer's construct (pictures, math, steps, raw HTML) is one row each: when it is
rendered, its row changes status and loses its ``detect``.
"""

from __future__ import annotations

import enum
import re
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from deckgen.diagnostics import Diagnostic, Level, Origin


class Status(enum.Enum):
    RENDERED = "rendered"  # shown in both formats
    WARNED = "warned"  # not rendered: a warning names it (``deckgen check --strict`` fails)


class Scope(enum.Enum):
    """Where the reader looks for a construct's ``detect`` pattern."""

    INLINE = "inline"  # in text (never in code): a mistune inline rule matches it
    PARAGRAPH = "paragraph"  # a whole paragraph's text
    HTML = "html"  # a raw HTML block
    CODE = "code"  # a code block's language (``=latex`` for a ```` ```{=latex} ```` block)
    DIV = "div"  # a fenced div's class
    SPAN = "span"  # a bracketed span's class
    SLIDE = "slide"  # a slide heading's ``key=value`` attribute


@dataclass(frozen=True, slots=True)
class Detect:
    """Where (``scope``) and what (``pattern``, a regular expression) to look for.

    DIV, SPAN, CODE and SLIDE patterns must match the whole class, language or ``key=value``;
    the others are searched for. ``keep`` (INLINE): the text stays on the slide as written
    (False: it is dropped). ``start`` (INLINE): the characters a match can start with.
    ``fallback``: tried only after every other construct of its scope (a catch-all).
    ``bracketed`` (INLINE): tried before links, which would read its ``[`` first.
    """

    scope: Scope
    pattern: str
    keep: bool = True
    start: str = ""
    fallback: bool = False
    bracketed: bool = False  # INLINE: read before links (it starts with "[" as they do)


@dataclass(frozen=True, slots=True)
class Construct:
    """One construct: ``read`` says how the source writes it and which rule reads it; ``model``
    names the model type (or field) it becomes (None: nothing); ``group`` and ``message`` are
    the warning of a warned one; ``syntax`` are patterns of its source syntax, which must never
    reach a slide unless the construct is warned."""

    name: str
    read: str
    model: str | None
    status: Status
    example: str
    detect: Detect | None = None
    group: str = ""
    message: str = ""
    syntax: tuple[str, ...] = ()
    owner: str = ""  # the issue that will render a warned construct, if another's

    def warning(self, origin: Origin) -> Diagnostic:
        """Return this construct's warning at ``origin``."""
        return Diagnostic(origin, Level.WARNING, self.message, self.group)


R, W = Status.RENDERED, Status.WARNED


def _slide(body: str, title: str = "A slide") -> str:
    return f"## {title}\n\n{body}\n"


CALLOUT_STYLES = ("note", "tip", "warning", "important", "caution")

CONSTRUCTS: tuple[Construct, ...] = (
    # -- blocks ----------------------------------------------------------------------------------
    Construct(
        "paragraph",
        "text separated by blank lines (mistune paragraph)",
        "Paragraph",
        R,
        _slide(
            "A first paragraph long enough not to be read as the slide's subtitle, so it "
            "stays in the body.\n\nA second paragraph."
        ),
    ),
    Construct(
        "heading inside a slide",
        "`###` below the slide level; `{#id .class}` after it is dropped (mistune heading)",
        "Heading",
        R,
        _slide("### A smaller heading {#small .wide}\n\n- a point under it"),
        syntax=(r"\{[#.]",),
    ),
    Construct(
        "bullet list",
        "`-`, `*` or `+` items, nested by indenting (mistune list)",
        "BulletList",
        R,
        _slide("- one\n- two\n  - nested"),
    ),
    Construct(
        "numbered list",
        "`1.` or `1)` items; the first number is the start (mistune list)",
        "BulletList(ordered)",
        R,
        _slide("3. three\n4. four"),
    ),
    Construct(
        "fancy list",
        "pandoc's `a)`, `A.`, `(i)`, `iv.` and `#.` markers (syntax/lines.py)",
        "BulletList(numbering, delimiter)",
        R,
        _slide("a) alpha\nb) beta\n\niv. four\nv. five\n\n#. auto\n#. numbered"),
        syntax=(r"(^|\s)(#\.|\(?[a-hA-H]\)|[ivx]+\.)\s",),
    ),
    Construct(
        "example list",
        "pandoc's `(@)` and `(@label)` items, numbered through the file; `@label` refers to "
        "one (syntax/lines.py)",
        "BulletList(delimiter='()')",
        R,
        _slide("(@) First example.\n(@good) Second example.\n\nExample @good is better."),
        syntax=(r"\(@", r"@good"),
    ),
    Construct(
        "task list",
        "`- [ ]` and `- [x]` items (mistune task_lists plugin)",
        "ListItem.checked",
        R,
        _slide("- [ ] to do\n- [x] done"),
        syntax=(r"\[[ xX]\]",),
    ),
    Construct(
        "definition list",
        "a term line, then `:` or `~` definitions indented below it (mistune def_list)",
        "DefinitionList",
        R,
        _slide("Term one\n\n:   Its definition.\n\nTerm two\n  ~ Another definition."),
        syntax=(r"(^|\n)\s*[:~]\s",),
    ),
    Construct(
        "line block",
        "lines starting with `| `, line breaks and indents kept (syntax/rules.py)",
        "Paragraph",
        R,
        _slide("| The first line\n|     an indented line\n| the last line"),
        syntax=(r"(^|\n)\s*\|",),
    ),
    Construct(
        "code block",
        "fenced with ``` or ~~~, highlighted by pygments (mistune block_code)",
        "CodeBlock",
        R,
        _slide("```python\nprint('hello')\n```"),
        syntax=(r"```",),
    ),
    Construct(
        "block quote",
        "`> ` lines (mistune block_quote)",
        "Quote",
        R,
        _slide("> A quoted line."),
    ),
    Construct(
        "pipe table",
        "`| a | b |` rows under a `|---|` line, with `:` alignment; with a line over 72 "
        "characters, unequal dashes set relative widths (mistune table)",
        "Table",
        R,
        _slide("| Name | Score |\n|:-----|------:|\n| Ada  | 10    |"),
        syntax=(r"\|", r"-{3,}"),
    ),
    Construct(
        "simple table",
        "columns under a line of dashes, aligned by where the header sits (syntax/tables.py)",
        "Table",
        R,
        _slide("  Right     Left\n-------     ------\n     12     twelve\n    123     more"),
        syntax=(r"-{3,}",),
    ),
    Construct(
        "multiline table",
        "rows of several lines between dashed rules; widths from the dashes (syntax/tables.py)",
        "Table(widths)",
        R,
        _slide(
            "-------------------------------\n Term      Meaning\n---------- --------------------\n"
            " First     A meaning that runs\n           over two lines.\n\n Second    Short.\n"
            "-------------------------------"
        ),
        syntax=(r"-{3,}",),
    ),
    Construct(
        "grid table",
        "`+---+` ruled cells, `+===+` under the header; widths from the rules (syntax/tables.py)",
        "Table(widths)",
        R,
        _slide(
            "+-------+--------------+\n| Fruit | Price        |\n+=======+==============+\n"
            "| Apple | cheap, and   |\n|       | crisp        |\n+-------+--------------+"
        ),
        syntax=(r"\+[-=:]{2,}", r"\|"),
    ),
    Construct(
        "table caption",
        "`: caption` or `Table: caption` before or after a table; attributes after it are "
        'dropped, and Quarto\'s `{tbl-colwidths="[30,70]"}` sets the widths (markdown.py)',
        "Table.caption",
        R,
        _slide("| a | b |\n|---|---|\n| 1 | 2 |\n\n: The numbers, captioned."),
        syntax=(r"(^|\n)\s*:\s", r"Table:"),
    ),
    Construct(
        "columns",
        "`:::: columns` holding `::: column` divs with an optional `width` (slides.py)",
        "Columns",
        R,
        _slide(
            ':::: columns\n::: {.column width="40%"}\nLeft.\n:::\n::: column\nRight.\n:::\n::::'
        ),
        detect=Detect(Scope.DIV, r"columns?"),
        syntax=(r":::",),
    ),
    Construct(
        "card grid",
        "a list inside `::: cards` (slides.py)",
        "Cards",
        R,
        _slide("::: cards\n- Rails\n- Django\n- Next.js\n:::"),
        detect=Detect(Scope.DIV, r"cards"),
    ),
    Construct(
        "speaker notes",
        "`::: notes` (slides.py)",
        "Slide.notes",
        R,
        _slide("Shown.\n\n::: notes\nSaid by the presenter.\n:::"),
        detect=Detect(Scope.DIV, r"notes"),
    ),
    Construct(
        "teacher-only content",
        "`::: teacher`, or `{.teacher}` on a slide heading (slides.py, audience.py)",
        "TeacherOnly",
        R,
        _slide("For everyone.\n\n::: teacher\nFor the teacher only.\n:::"),
        detect=Detect(Scope.DIV, r"teacher"),
    ),
    Construct(
        "callout",
        "Quarto's `::: callout-note` (tip, warning, important, caution), with an optional "
        "`title=` or a first heading (slides.py)",
        "Callout",
        R,
        _slide(
            '::: {.callout-tip title="A tip"}\nKeep slides short.\n:::\n\n'
            "::: callout-warning\nMind the gap.\n:::"
        ),
        detect=Detect(Scope.DIV, r"callout-(" + "|".join(CALLOUT_STYLES) + ")|callout"),
        syntax=(r"callout-",),
    ),
    Construct(
        "GitHub alert",
        "a block quote starting `[!NOTE]` (TIP, IMPORTANT, WARNING, CAUTION) (markdown.py)",
        "Callout",
        R,
        _slide("> [!NOTE]\n> Alerts are boxes too."),
        syntax=(r"\[!\w+\]",),
    ),
    Construct(
        "aside",
        "`::: aside`: small print below the body (slides.py)",
        "Aside",
        R,
        _slide("- a point\n\n::: aside\nSmall print under the body.\n:::"),
        detect=Detect(Scope.DIV, r"aside"),
    ),
    Construct(
        "footnote",
        "`[^label]` and a `[^label]: text` definition anywhere in the deck (markdown.py, "
        "passes/footnotes.py): numbered, the note at the foot of the slide",
        "Run.note, Slide.footnotes",
        R,
        _slide(
            "A claim that needs a source.[^src] Another one.[^2]\n\n"
            "[^src]: The source of the claim.\n[^2]: A second note."
        ),
        syntax=(r"\[\^",),
    ),
    Construct(
        "inline footnote",
        "`^[text]` (markdown.py, passes/footnotes.py)",
        "Run.note, Slide.footnotes",
        R,
        _slide("A claim with its note written inline.^[The inline note.]"),
        syntax=(r"\^\[",),
    ),
    Construct(
        "picture",
        "`![alt](path)`; a paragraph beside a lone picture is its caption (markdown.py)",
        "Image",
        R,
        _slide("![A red square](picture.png)"),
        owner="issue 15",
    ),
    Construct(
        "HTML in Markdown",
        "block and inline tags read as pandoc reads them (htmlsource/): `<br>`, `<img>`, "
        "`<small>`, `<sub>`, `<u>`, `<mark>`, `<span>`/`<div>` classes and styles, alignment, "
        'tables, lists, `<aside class="notes">`, `<details>`; the Markdown between them as '
        "Markdown (docs/format.md lists each element)",
        "the model type each element stands for",
        R,
        _slide(
            '<div style="text-align: center">A <small>centred</small> line<br>\nand another.</div>'
        ),
        syntax=(r"</?(div|small|br|span)\b",),
    ),
    Construct(
        "raw HTML",
        "an element no slide can show (`<script>`, `<style>`, `<iframe>`, `<form>`...): kept in "
        "the HTML deck only with `--allow-html` (passes/raw_html.py)",
        "RawHtml, Run.raw",
        W,
        _slide('Text.\n\n<iframe src="https://example.org"></iframe>'),
        group="raw-html",
    ),
    Construct(
        "horizontal rule",
        "`***` inside a quote, list or div (at the top of a slide it starts a new slide)",
        None,
        W,
        _slide("> Above.\n>\n> ***\n>\n> Below."),
        group="thematic-break",
    ),
    # -- slides ----------------------------------------------------------------------------------
    Construct(
        "slide classes and data attributes",
        "`{.class data-x=1}` on a slide heading: on the HTML `<section>`; other `key=value` "
        "become `data-key` (slides.py, html.py)",
        "Slide.classes, Slide.attributes",
        R,
        "## A styled slide {.highlight data-state=calm}\n\nText.\n",
        detect=Detect(Scope.SLIDE, r"[\w-]+=.*", fallback=True),
    ),
    Construct(
        "hidden slide",
        '`visibility="hidden"` on a slide heading: left out of both formats (parse.py)',
        None,
        R,
        '## Shown\n\nText.\n\n## Hidden {visibility="hidden"}\n\nNot shown.\n',
        detect=Detect(Scope.SLIDE, r"(data-)?visibility=hidden"),
    ),
    Construct(
        "table of contents",
        "`toc: true` in front matter (with `toc-title`, `toc-depth`): a contents slide after "
        "the title slide, linking each section and slide (passes/toc.py)",
        "Slide",
        R,
        "---\ntitle: A deck\ntoc: true\ntoc-title: Overview\n---\n\n# Part one\n\n## A slide\n\n"
        "Text.\n",
    ),
    # -- inline ----------------------------------------------------------------------------------
    Construct(
        "bold",
        "`**strong**`, `__strong__`",
        "Run.bold",
        R,
        _slide("Some **bold** text."),
        syntax=(r"\*\*", "__"),
    ),
    Construct(
        "italic", "`*emphasis*`, `_emphasis_`", "Run.italic", R, _slide("Some *italic* text.")
    ),
    Construct(
        "inline code", "`` `code` ``", "Run.code", R, _slide("Run `make test` now."), syntax=("`",)
    ),
    Construct(
        "strikeout",
        "`~~strikeout~~`",
        "Run.strike",
        R,
        _slide("Not ~~this~~ that."),
        syntax=("~~",),
    ),
    Construct(
        "subscript",
        "`H~2~O` (mistune subscript)",
        "Run.sub",
        R,
        _slide("Water is H~2~O."),
        syntax=("~",),
    ),
    Construct(
        "superscript",
        "`x^2^` (mistune superscript)",
        "Run.sup",
        R,
        _slide("Area is r^2^ times pi."),
        syntax=(r"\^",),
    ),
    Construct(
        "underline",
        "`[text]{.underline}` (markdown.py: bracketed span)",
        "Run.underline",
        R,
        _slide("An [underlined]{.underline} word."),
        syntax=(r"\]\{",),
    ),
    Construct(
        "small caps",
        "`[text]{.smallcaps}`",
        "Run.smallcaps",
        R,
        _slide("In [Small Caps]{.smallcaps} here."),
    ),
    Construct("highlight", "`[text]{.mark}`", "Run.mark", R, _slide("A [marked]{.mark} word.")),
    Construct(
        "span with classes",
        "`[text]{.class}`: the HTML keeps the class for a theme to style (markdown.py)",
        "Run.classes",
        R,
        _slide("A [styled]{.keyword} word."),
        detect=Detect(Scope.SPAN, r"[\w-]+", fallback=True),
    ),
    Construct(
        "link",
        "`[text](url)`, `<url>`, `[text](#slide-id)`; `{...}` after it is dropped",
        "Run.link",
        R,
        _slide("See [the docs](https://example.org){target=_blank}."),
        syntax=(r"\]\(",),
    ),
    Construct(
        "reference link",
        "`[text][label]` or `[label]`, with `[label]: url` anywhere in the file (markdown.py)",
        "Run.link",
        R,
        "## One\n\nSee [the manual][docs].\n\n## Two\n\nMore.\n\n[docs]: https://example.org\n",
        syntax=(r"\]\[",),
    ),
    Construct(
        "line break",
        "a `\\` or two spaces at a line's end",
        "Run (newline)",
        R,
        _slide("First line\\\nsecond line."),
    ),
    # -- warned ----------------------------------------------------------------------------------
    Construct(
        "Quarto shortcode",
        "`{{< name args >}}`",
        None,
        W,
        _slide("Star it {{< fa star >}} now."),
        detect=Detect(Scope.INLINE, r"\{\{<.*?>\}\}", keep=False, start="{"),
        group="shortcode",
        message="Quarto shortcode '{{< … >}}' dropped (deckgen does not run Quarto)",
        syntax=(r"\{\{<",),
    ),
    Construct(
        "citation",
        "`[@key, p. 3]`, `[-@key]`: kept as written, as pandoc writes them without `--citeproc` "
        "(a bare `@name`, pandoc's in-text citation, is text to the reader and stays as it is)",
        None,
        W,
        _slide("As Knuth showed [see @lamport1994, p. 3]. Mail [ada@example.org]."),
        detect=Detect(
            Scope.INLINE,
            r"\[[^\[\]\n]*(?<![\w.+])-?@[A-Za-z0-9_][^\[\]\n]*\](?![({\[])",
            start="[",
            bracketed=True,
        ),
        group="citation",
        message="citation shown as written (deckgen does not read bibliographies)",
        syntax=(r"\[[^\]]*(?<![\w.+])@[A-Za-z]",),
    ),
    Construct(
        "code block attribute",
        "`key=value` on a code block other than `startFrom` (Quarto's `filename`, "
        "`code-line-numbers`; a diagram filter's): ignored (markdown.py)",
        None,
        W,
        _slide('```{.python filename="run.py"}\nprint("hi")\n```'),
        group="code-attribute",
        message="code block attribute not used by deckgen (ignored)",
    ),
    Construct(
        "Marp image keyword",
        "Marp's `![bg right:40%](x.png)`, filters: the alt text is all keywords; `w:`/`h:` size "
        "the picture, a plain `![bg](x.png)` is the slide's background (passes/backgrounds.py), "
        "the others are ignored and the picture stays in the body (markdown.py)",
        None,
        W,
        _slide("![bg right:40%](picture.png)\n\n![w:120](picture.png)"),
        group="marp-image",
        message="Marp image keyword ignored (the picture is shown in the slide body)",
    ),
    Construct(
        "raw LaTeX",
        "`\\command[...]{...}` in text, `\\begin{env}`, a ```` ```{=latex} ```` block",
        None,
        W,
        _slide(
            "Before.\n\n\\vspace{1em}\n\n\\centerline{\\textbf{Centred}} after \\only<2>{later}."
            "\n\n\\begin{tikzpicture}\n\\draw (0,0) -- (1,1);\n\\end{tikzpicture}"
        ),
        detect=Detect(
            Scope.INLINE,
            r"\\(?:begin|end)\{[A-Za-z*]+\}|\\[A-Za-z]+\*?(?:<[^<>\n]*>)?(?:\[[^\]\n]*\])*"
            r"(?:\{(?:[^{}\n]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})*\})*",
            keep=False,
            start="\\",
        ),
        group="raw-latex",
        message="raw LaTeX dropped (pandoc keeps it only for LaTeX and Beamer)",
        syntax=(r"\\[A-Za-z]{2,}",),
    ),
    Construct(
        "raw block for another format",
        "```` ```{=latex} ```` (or any format but html)",
        None,
        W,
        _slide("Text.\n\n```{=latex}\n\\newpage\n```"),
        detect=Detect(Scope.CODE, r"=(?!html$)\w+"),
        group="raw-latex",
        message="raw LaTeX dropped (pandoc keeps it only for LaTeX and Beamer)",
    ),
    Construct(
        "diagram",
        "a mermaid, graphviz or dot code block (Quarto draws these)",
        "CodeBlock",
        W,
        _slide("```{mermaid}\ngraph LR\n  A --> B\n```"),
        detect=Detect(Scope.CODE, r"mermaid|graphviz|dot"),
        group="diagram",
        message="diagram shown as its source code (deckgen does not draw mermaid or graphviz)",
    ),
    Construct(
        "TeX math",
        "`$...$`, `$$...$$` (tex/syntax.py; typeset by passes/math.py)",
        "Run.math, Equation",
        R,
        _slide("Einstein: $E = mc^2$."),
        syntax=(r"\$",),
    ),
    Construct(
        "pause",
        "a paragraph of `. . .`: what follows appears on the next click (markdown.py, "
        "passes/steps.py)",
        "Pause",
        R,
        _slide("First.\n\n. . .\n\nThen."),
        syntax=(r"\. \. \.",),
    ),
    Construct(
        "incremental list",
        "`::: incremental` / `::: nonincremental` around a list, or `incremental: true` "
        "(slides.py, passes/steps.py)",
        "BulletList.incremental, ListItem.step",
        R,
        _slide("::: incremental\n- one\n- two\n:::"),
        detect=Detect(Scope.DIV, r"(non)?incremental"),
    ),
    Construct(
        "fragment",
        "`::: fragment` (its other classes are effects, `fragment-index`) (slides.py)",
        "Fragment",
        R,
        _slide("Shown.\n\n::: {.fragment .fade-up}\nLater.\n:::"),
        detect=Detect(Scope.DIV, r"fragment"),
    ),
    Construct(
        "fragment span",
        "`[text]{.fragment}`, with effect classes and `fragment-index` (markdown.py, "
        "passes/steps.py)",
        "Run.step",
        R,
        _slide("Shown [later]{.fragment} here."),
        detect=Detect(Scope.SPAN, r"fragment"),
    ),
    Construct(
        "slide background",
        "`background-image`, `background-color`... on a slide heading, or deck-wide in the "
        "front matter (passes/backgrounds.py)",
        "Slide.background",
        R,
        '## A slide {background-color="#224"}\n\nText.\n',
        detect=Detect(Scope.SLIDE, r"(data-)?background(-[\w-]+)?=.*"),
    ),
    Construct(
        "reveal.js slide effect",
        "`auto-animate`, `transition`, `timing`, `autoslide`, `visibility=uncounted`... on a "
        "slide heading",
        None,
        W,
        '## A slide {auto-animate=true transition="fade"}\n\nText.\n',
        detect=Detect(
            Scope.SLIDE,
            r"(data-)?(auto-animate[\w-]*|transition[\w-]*|timing|autoslide|"
            r"visibility=(?!hidden$).*|menu-title|background-transition)(=.*)?",
        ),
        group="slide-effect",
        message="reveal.js slide effects (auto-animate, transitions, timing) are ignored",
    ),
    Construct(
        "Marp directive",
        "`<!-- _class: lead -->`, `<!-- paginate: true -->`...",
        None,
        W,
        _slide("Text.\n\n<!-- _class: lead -->"),
        detect=Detect(
            Scope.HTML,
            r"<!--\s*_?(class|paginate|header|footer|backgroundColor|backgroundImage|"
            r"backgroundPosition|backgroundRepeat|backgroundSize|color|theme|size|style|"
            r"headingDivider|math|lang|transition|marp)\s*:",
        ),
        group="marp-directive",
        message="Marp directive in an HTML comment ignored",
        syntax=("<!--",),
    ),
    Construct(
        "comment notes",
        "an HTML comment `<!-- ... -->`: speaker notes in Marp and Slidev, hidden in pandoc",
        None,
        W,
        _slide("Text.\n\n<!-- Say this out loud. -->"),
        detect=Detect(Scope.HTML, r"<!--"),
        group="comment",
        message="HTML comment not shown (for speaker notes, use '::: notes')",
    ),
    Construct(
        "Slidev slide settings",
        "a `key: value` block between `---` lines (Slidev's per-slide front matter): metadata, "
        "as pandoc reads it; its keys are reported and ignored (read.py)",
        None,
        W,
        _slide("Text.\n\n---\nlayout: center\nclass: text-center\n---\n\nMore."),
        group="front-matter",
    ),
    Construct(
        "unknown div class",
        "`::: name` with a class no rule reads: its content is kept in place",
        None,
        W,
        _slide("::: box\nKept in place.\n:::"),
        detect=Detect(Scope.DIV, r".+", fallback=True),
        group="div-class",
        message="div class not read: its content is shown in place, unstyled",
    ),
)


@cache
def detectors(scope: Scope) -> tuple[tuple[Construct, re.Pattern[str]], ...]:
    """Return the constructs found in ``scope``, in table order, with compiled patterns."""
    flags = re.DOTALL
    found = [c for c in CONSTRUCTS if c.detect is not None and c.detect.scope is scope]
    found.sort(key=lambda c: c.detect is not None and c.detect.fallback)  # stable: table order
    return tuple((c, re.compile(c.detect.pattern, flags)) for c in found if c.detect is not None)


WHOLE = frozenset({Scope.DIV, Scope.SPAN, Scope.CODE, Scope.SLIDE})


@cache
def quick(scope: Scope) -> re.Pattern[str]:
    """Return one pattern matching where any construct of ``scope`` does (a quick "no")."""
    flags = re.DOTALL
    found = "|".join(f"(?:{pattern.pattern})" for _, pattern in detectors(scope))
    return re.compile(found or "(?!)", flags)


def find(scope: Scope, text: str) -> Construct | None:
    """Return the first construct of ``scope`` that ``text`` is, or None."""
    whole = scope in WHOLE
    if not whole and quick(scope).search(text) is None:
        return None
    for construct, pattern in detectors(scope):
        if (pattern.fullmatch(text) if whole else pattern.search(text)) is not None:
            return construct
    return None


def warned(scope: Scope, text: str) -> Construct | None:
    """Return the warned construct of ``scope`` that ``text`` is, or None (rendered, unknown)."""
    construct = find(scope, text)
    return construct if construct is not None and construct.status is W else None


def by_name(name: str) -> Construct:
    """Return the construct called ``name``."""
    return next(construct for construct in CONSTRUCTS if construct.name == name)


# -- the generated section of docs/format.md ------------------------------------------------------

DOC_START = "<!-- constructs: generated by `python -m deckgen.constructs docs/format.md` -->"
DOC_END = "<!-- end of constructs -->"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table() -> str:
    """Return the table of constructs as Markdown, for ``docs/format.md``."""
    lines = [
        "| construct | how you write it | status | model |",
        "|---|---|---|---|",
    ]
    for construct in CONSTRUCTS:
        if construct.status is R:
            status = "rendered"
        else:
            status = f"**warned** (`{construct.group}`)"
            if construct.owner:
                status += f"; {construct.owner} renders it"
        model = f"`{construct.model}`" if construct.model else ""
        lines.append(f"| {construct.name} | {_cell(construct.read)} | {status} | {model} |")
    return "\n".join(lines)


def document(text: str) -> str:
    """Return ``text`` (docs/format.md) with its generated section brought up to date."""
    start, end = text.index(DOC_START), text.index(DOC_END)
    return text[: start + len(DOC_START)] + "\n\n" + markdown_table() + "\n\n" + text[end:]


def main(argv: list[str]) -> int:
    """Rewrite the generated section of the file named in ``argv`` (docs/format.md)."""
    path = Path(argv[0])
    path.write_text(document(path.read_text(encoding="utf-8")), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

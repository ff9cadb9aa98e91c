"""Does the .pptx backend stay linear? Time per slide for generated decks of growing size.

    python benchmarks/pptx_scale.py [--sizes 100 1000 5000] [--baseline]

Each deck is generated Markdown: a section divider every 25 slides, and content slides cycling
through bullets (with a nested level and inline code), a code block, and a console session, each
with speaker notes and some with a takeaway line or a link to another slide. The deck is parsed
and laid out once (timed apart), then written to .pptx in memory by ``render_pptx`` (timed).

python-pptx on its own names each new slide and notes page by walking every part of the package,
so its cost per slide grows with the deck (n^2 in all). ``--baseline`` times that (stock
``add_slide`` plus ``notes_slide``) beside deckgen's ``SlideAppender`` adding the same slides and
empty notes pages.

Prints a table and the ratio of the largest deck's time per slide to the smallest's; exits 1 when
that ratio is above ``MAX_RATIO`` (per-slide time must not grow with the size of the deck).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

from pptx import Presentation

from deckgen.backends.pptx import PptxOptions, render_pptx
from deckgen.backends.pptx.notes import NotesPages
from deckgen.backends.pptx.package import SlideAppender, open_presentation
from deckgen.backends.pptx.template import DEFAULT_TEMPLATE
from deckgen.build import load

MAX_RATIO = 1.5
SLIDES_PER_SECTION = 25
VOCABULARY = (
    "agent model prompt frame shot scene render camera light colour grade edit timeline clip "
    "token context budget review commit branch merge test deploy script storyboard asset"
)
WORDS = VOCABULARY.split()


def _words(seed: int, count: int) -> str:
    return " ".join(WORDS[(seed * 7 + i * 3) % len(WORDS)] for i in range(count))


def _content(number: int) -> list[str]:
    lines = [
        f"## Slide {number}: {_words(number, 3)}",
        "",
        f"{_words(number + 1, 6).capitalize()}.",
        "",
    ]
    kind = number % 3
    if kind == 0:
        lines += [f"- {_words(number + i, 7)} with `code {i}`" for i in range(4)]
        lines += [f"  - nested {_words(number + 9, 4)}", ""]
    elif kind == 1:
        lines += ["```python", f"def step_{number}(frame):"]
        lines += [
            f"    frame = {WORDS[(number + i) % len(WORDS)]}(frame, {i})  # {_words(i, 2)}"
            for i in range(6)
        ]
        lines += ["    return frame", "```", ""]
    else:
        lines += ["```console", f"$ deckgen build deck-{number}", f"wrote dist/deck-{number}.pptx"]
        lines += ["$ git status", "nothing to commit, working tree clean", "```", ""]
    if number % 4 == 0:
        lines += [
            f"Back to [the start of this part](#part-{number // SLIDES_PER_SECTION + 1}).",
            "",
        ]
    lines += [
        "::: notes",
        f"Say {_words(number + 2, 12)}.",
        "",
        f"- {_words(number + 3, 5)}",
        ":::",
        "",
    ]
    return lines


def write_deck(folder: Path, slides: int) -> Path:
    """Write a deck of ``slides`` slides to ``folder``; return its Markdown file."""
    lines = ["---", f"title: Scale test, {slides} slides", "---", ""]
    number = 0
    while number < slides:
        if number % SLIDES_PER_SECTION == 0:
            part = number // SLIDES_PER_SECTION + 1
            lines += [f"# Part {part} {{#part-{part}}}", "", f"{_words(part, 5).capitalize()}.", ""]
        else:
            lines += _content(number)
        number += 1
    path = folder / f"scale-{slides}.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def time_deck(slides: int) -> tuple[int, float, float, float, int]:
    """Return (slides, parse+layout CPU s, .pptx CPU s, .pptx wall s, bytes) for one deck.

    CPU time (``process_time``) is what the ratio uses: on a shared machine it is far steadier
    than wall time, which is printed beside it.
    """
    with tempfile.TemporaryDirectory() as folder:
        source = write_deck(Path(folder), slides)
        gc.collect()
        start = time.process_time()
        _, laid_out, diagnostics = load(source)
        loaded, wall = time.process_time(), time.perf_counter()
        data = render_pptx(laid_out, PptxOptions(), diagnostics)
        done, wall = time.process_time(), time.perf_counter() - wall
    return len(laid_out.slides), loaded - start, done - loaded, wall, len(data)


def time_baseline(slides: int) -> tuple[float, float]:
    """Return seconds for ``slides`` slides with notes: stock python-pptx, then SlideAppender."""
    prs = Presentation(str(DEFAULT_TEMPLATE))
    layout = prs.slide_layouts[5]
    start = time.process_time()
    for _ in range(slides):
        slide = prs.slides.add_slide(layout)
        slide.notes_slide.notes_text_frame.text = "notes"
    stock = time.process_time() - start
    prs = open_presentation(DEFAULT_TEMPLATE)
    layout = prs.slide_layouts[5]
    appender = SlideAppender(prs)
    notes = NotesPages(appender.notes_master)
    start = time.process_time()
    for _ in range(slides):
        slide = appender.add(layout)
        appender.add_notes(slide, notes.skeleton())
    return stock, time.process_time() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--baseline", action="store_true", help="also time stock python-pptx")
    args = parser.parse_args()

    columns = ("slides", 7), ("parse+layout s", 15), ("pptx s", 8), ("pptx ms/slide", 14)
    print(" ".join(f"{name:>{width}}" for name, width in (*columns, ("wall s", 7), ("MB", 5))))
    per_slide = []
    for size in args.sizes:
        count, load_s, pptx_s, wall_s, size_bytes = time_deck(size)
        per_slide.append(pptx_s / count)
        print(
            f"{count:>7} {load_s:>15.2f} {pptx_s:>8.2f} {1000 * pptx_s / count:>14.2f} "
            f"{wall_s:>7.2f} {size_bytes / 1e6:>5.1f}"
        )
    ratio = per_slide[-1] / per_slide[0]
    sizes = f"{args.sizes[-1]} vs {args.sizes[0]} slides"
    print(f"CPU time per slide, {sizes}: {ratio:.2f}x (limit {MAX_RATIO}x)")

    if args.baseline:
        columns = ("slides", 7), ("python-pptx s", 14), ("ms/slide", 9), ("deckgen s", 10)
        print("\n" + " ".join(f"{name:>{width}}" for name, width in (*columns, ("ms/slide", 9))))
        for size in (500, 1000, 2000):
            stock, linear = time_baseline(size)
            each, each_linear = 1000 * stock / size, 1000 * linear / size
            print(f"{size:>7} {stock:>14.2f} {each:>9.2f} {linear:>10.2f} {each_linear:>9.2f}")
    return 0 if ratio <= MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())

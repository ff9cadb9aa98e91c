"""Continuation slides, as the built deck shows them: a slide too long for one page goes on over
several, its speaker notes on the first part only, and no part ends with a heading whose text is
on the next part.

Written against public behaviour only (the command line's files, and ``deckgen.build.load``'s
laid-out slides), so they hold whatever the layout code looks like inside.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from pptx import Presentation

from clirun import deckgen
from deckgen.build import load
from deckgen.model import Heading

NOTES = "Say this only once, on the first part."


def long_slide(tmp_path: Path) -> Path:
    points = "\n".join(f"- Point {n} of a slide far too long for one page" for n in range(40))
    source = tmp_path / "talk.md"
    source.write_text(
        f"## Before\n\nA slide.\n\n## Long\n\n{points}\n\n::: notes\n{NOTES}\n:::\n\n"
        "## After\n\nAnother slide.\n",
        encoding="utf-8",
    )
    return source


def test_a_split_slides_notes_are_on_its_first_part_only(tmp_path: Path) -> None:
    long_slide(tmp_path)
    result = deckgen("build", "talk.md", "-f", "all", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "talk.html").read_text(encoding="utf-8")
    sections = re.findall(r"<section id=\"([^\"]*)\".*?</section>", html, flags=re.DOTALL)
    bodies = re.findall(r"<section id=\"[^\"]*\".*?</section>", html, flags=re.DOTALL)
    parts = [i for i, body in enumerate(bodies) if "Long (" in body]
    assert len(parts) >= 2 and sections[parts[0]] == "long"
    assert [i for i, body in enumerate(bodies) if NOTES in body] == [parts[0]]

    prs = Presentation(str(tmp_path / "out" / "talk.pptx"))
    titles = [slide.shapes.title.text if slide.shapes.title else "" for slide in prs.slides]
    pptx_parts = [i for i, title in enumerate(titles) if title.startswith("Long (")]
    assert pptx_parts == parts
    with_notes = [
        i
        for i, slide in enumerate(prs.slides)
        if slide.has_notes_slide and NOTES in slide.notes_slide.notes_text_frame.text
    ]
    assert with_notes == [parts[0]]


def test_a_split_explainer_slides_more_text_is_on_its_first_part_only(tmp_path: Path) -> None:
    """The students' copy: a split slide's "more" text (aside.more) is on its first part only."""
    entries = "\n".join(f"- **Term {n}** — what term {n} means, in a few words." for n in range(40))
    (tmp_path / "glossary.md").write_text(
        "# Glossary\n\nEvery term of the course. Each entry links to its page.\n\n"
        f"## T\n\n{entries}\n\n## U\n\n- **Unit** — one more entry.\n",
        encoding="utf-8",
    )
    result = deckgen("build", "glossary.md", "--audience", "student", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "glossary.html").read_text(encoding="utf-8")
    bodies = re.findall(r"<section id=\"[^\"]*\".*?</section>", html, flags=re.DOTALL)
    assert len(bodies) >= 2 and all("Glossary (" in body for body in bodies)
    assert ['aside class="more"' in body for body in bodies] == [True] + [False] * (len(bodies) - 1)
    assert "Every term of the course. Each entry links to its page." in bodies[0]


# -- headings are kept with what follows them ------------------------------------------------

BLOCKS: dict[str, Callable[[random.Random], str]] = {
    "para": lambda r: " ".join(["word"] * r.randint(5, 60)) + ".",
    "list": lambda r: "\n".join(
        f"- item {i} " + "x " * r.randint(1, 20) for i in range(r.randint(1, 6))
    ),
    "code": lambda r: (
        "```python\n" + "\n".join(f"x{i} = {i}" for i in range(r.randint(1, 15))) + "\n```"
    ),
    "table": lambda r: (
        "| a | b |\n|---|---|\n" + "\n".join(f"| {i} | v |" for i in range(r.randint(1, 10)))
    ),
    "heading": lambda r: f"### Heading {r.randint(1, 99)}",
    "quote": lambda r: "> " + " ".join(["quoted"] * r.randint(3, 40)),
}
DECKS = 120


def random_slide(seed: int) -> str:
    rng = random.Random(seed)
    blocks = [BLOCKS[rng.choice(sorted(BLOCKS))](rng) for _ in range(rng.randint(3, 14))]
    takeaway = "\n\nTakeaway line." if rng.random() < 0.3 else ""
    return "## Slide\n\n" + "\n\n".join(blocks) + takeaway + "\n"


def test_no_part_of_a_split_slide_ends_with_a_heading(tmp_path: Path) -> None:
    orphans, carried = [], 0
    for seed in range(DECKS):
        source = tmp_path / f"deck-{seed}.md"
        source.write_text(random_slide(seed), encoding="utf-8")
        _, laid_out, _ = load(source)
        for placed in laid_out.slides:
            body = placed.slide.body
            if placed.part < placed.parts and body and isinstance(body[-1], Heading):
                orphans.append((seed, placed.part))
            carried += placed.part > 1 and bool(body) and isinstance(body[0], Heading)
    assert orphans == []
    assert carried >= 3  # the decks do put headings at page breaks: the check is exercised

"""Nothing lost: every sentence of an explainer page is on a slide or in that slide's notes.

Checked in the built files, as a reader gets them: the HTML deck (each ``<section>``'s text, its
``aside.notes`` and its ``aside.more``) and the .pptx (each slide's shapes, and its notes page),
for every page of ``decks/study-guide/`` and for decks of pages this test writes itself from fixed
random seeds, in the teacher's copy and in the students' copy.

A page's *units* are the sentences of its paragraphs and list items, its headings, its code lines,
table cells and image descriptions, read from the raw Markdown by pandoc (its JSON AST), not by
deckgen's own parser. The bold label of a labelled paragraph (``**In one sentence:**``) is
structure, like a heading's ``#``, and is not a unit. Rules:

- every unit appears in the text of the page's slides or their notes (the teacher's copy), or on
  the slides or in their "more" text (the students' copy: HTML ``aside.more``, .pptx notes);
- in the students' copy, the sentences of ``::: notes`` and ``::: teacher`` divs appear nowhere;
- no sentence appears on slides more often than in the sources (nothing twice on slides). A
  continuation slide made by layout ("Glossary (2/2)") repeats its slide's title and subtitle as
  a running head; that repeat is not counted.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from clirun import deckgen
from deckgen.audience import Audience
from deckgen.build import BuildOptions, Format, build, load
from deckgen.model import BulletList, SlideKind, plain_text
from deckgen.read import read_deck
from nothing_lost import Shown, Units, deck_units, html_slides, norm, pptx_slides

REPO = Path(__file__).resolve().parents[1]
STUDY_GUIDE = REPO / "decks" / "study-guide"
BOTH = (Format.HTML, Format.PPTX)
PANDOC_FORMAT = "markdown-smart"  # pandoc's Markdown, quotes and dashes as written


READERS = {Format.HTML: html_slides, Format.PPTX: pptx_slides}


# -- the check -------------------------------------------------------------------------------


def built(source: Path, outdir: Path, formats: tuple[Format, ...]) -> dict[Format, list[Shown]]:
    """Return the slides of each built format of ``source`` (the teacher's copy)."""
    result = build(source, outdir, BuildOptions(formats=formats))
    return {fmt: READERS[fmt](path) for fmt, path in zip(formats, result.outputs, strict=True)}


def built_for_students(source: Path, outdir: Path) -> dict[Format, list[Shown]]:
    """Return the slides of the students' copy of ``source``, built by the command line."""
    result = deckgen("build", str(source), "--audience", "student", "-f", "all", "-o", str(outdir))
    assert result.returncode == 0, result.stderr
    name = read_deck(source).name
    return {fmt: READERS[fmt](outdir / f"{name}.{fmt.value}") for fmt in BOTH}


def problems(
    source: Path, outputs: dict[Format, list[Shown]], audience: Audience = Audience.TEACHER
) -> list[str]:
    """Return what each output of ``source`` lost, doubled or (students) let through."""
    deck_source = read_deck(source)
    _, laid_out, _ = load(source, audience=audience)
    page_of = [placed.source.origin.path if placed.source else "" for placed in laid_out.slides]
    running_heads = [
        norm(plain_text(placed.slide.subtitle)) if placed.part > 1 else ""
        for placed in laid_out.slides
    ]
    units = deck_units(source, PANDOC_FORMAT, labels=True)
    if audience is Audience.TEACHER:  # the notes and the teacher's parts are all there
        units = {d: Units(u.sentences + u.withheld, u.others) for d, u in units.items()}
    source_text = norm(" ".join(" ".join(u.sentences + u.withheld) for u in units.values()))
    source_text += " " + norm(" ".join(str(s.value) for s in deck_source.settings.values()))
    found = []
    for fmt, shown in outputs.items():
        assert len(shown) == len(page_of), f"{fmt.value}: {len(shown)} slides, not {len(page_of)}"
        slides = [
            Shown(norm(s.visible).replace(head, "", 1) if head else s.visible, s.notes, s.more)
            for s, head in zip(shown, running_heads, strict=True)
        ]
        for display, page in units.items():
            mine = [s for s, p in zip(slides, page_of, strict=True) if p == display]
            everything = norm(" ".join(f"{s.visible} {s.notes} {s.more}" for s in mine))
            visible = norm(" ".join(s.visible for s in mine))
            for unit in page.sentences + page.others:
                if unit not in everything:
                    found.append(f"{fmt.value}: {display}: lost: {unit!r}")
            for unit in set(page.sentences):
                if visible.count(unit) > source_text.count(unit):
                    found.append(f"{fmt.value}: {display}: on slides twice: {unit!r}")
            for unit in set(page.withheld) - set(page.sentences):
                if unit in everything:
                    found.append(f"{fmt.value}: {display}: teacher's text for students: {unit!r}")
        all_visible = norm(" ".join(s.visible for s in slides))
        for unit in {u for page in units.values() for u in page.sentences}:
            if all_visible.count(unit) > source_text.count(unit):
                found.append(f"{fmt.value}: deck: on slides more often than written: {unit!r}")
    return found


@pytest.fixture(scope="module")
def study_guide_outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[Format, list[Shown]]:
    return built(STUDY_GUIDE, tmp_path_factory.mktemp("study-guide"), BOTH)


@pytest.fixture(scope="module")
def study_guide_students(tmp_path_factory: pytest.TempPathFactory) -> dict[Format, list[Shown]]:
    return built_for_students(STUDY_GUIDE, tmp_path_factory.mktemp("study-guide-students"))


def test_study_guide_pages_lose_nothing_in_html_and_pptx(
    study_guide_outputs: dict[Format, list[Shown]],
) -> None:
    assert problems(STUDY_GUIDE, study_guide_outputs) == []


def test_the_students_copy_of_the_study_guide_loses_nothing_and_has_no_notes(
    study_guide_students: dict[Format, list[Shown]],
) -> None:
    assert problems(STUDY_GUIDE, study_guide_students, Audience.STUDENT) == []
    assert all(not s.notes for s in study_guide_students[Format.HTML])  # no speaker notes


def test_the_check_notices_a_lost_and_a_doubled_sentence(
    study_guide_outputs: dict[Format, list[Shown]],
) -> None:
    html = list(study_guide_outputs[Format.HTML])
    index = next(i for i, s in enumerate(html) if "Specificity beats cleverness." in s.visible)
    changed = html[index].notes.replace("vagueness", "vagueness?")
    html[index] = Shown(html[index].visible, changed, html[index].more.replace("vagueness", "?"))
    html[index + 1] = Shown(html[index + 1].visible + " Specificity beats cleverness.", "")
    found = problems(STUDY_GUIDE, {Format.HTML: html})
    lost_unit = "prompting-principles.md: lost: 'The most common prompt mistake is vagueness.'"
    assert any(lost_unit in f for f in found)
    assert any("on slides twice: 'Specificity beats cleverness.'" in f for f in found)


def test_the_check_notices_a_students_copy_with_the_notes_or_without_the_more_text(
    study_guide_outputs: dict[Format, list[Shown]],
) -> None:
    """The teacher's HTML passed off as the students' copy, once with its notes as they are
    (teacher's notes let through), once without notes and "more" text (page prose lost)."""
    teacher = study_guide_outputs[Format.HTML]
    with_notes = [Shown(s.visible, s.notes, "") for s in teacher]
    found = problems(STUDY_GUIDE, {Format.HTML: with_notes}, Audience.STUDENT)
    assert any("introduction.md: teacher's text for students" in f for f in found)
    without = [Shown(s.visible, "", "") for s in teacher]
    found = problems(STUDY_GUIDE, {Format.HTML: without}, Audience.STUDENT)
    assert any(": lost: " in f and "introduction.md" not in f for f in found)


# -- pages this test writes ------------------------------------------------------------------

WORDS = (
    "light",
    "shot",
    "frame",
    "lens",
    "grade",
    "seed",
    "prompt",
    "model",
    "edit",
    "cut",
    "scene",
    "color",
    "sound",
    "take",
    "noise",
    "render",
    "codec",
    "sensor",
    "focus",
    "depth",
    "motion",
    "script",
    "cast",
    "budget",
    "crew",
    "agent",
    "commit",
    "review",
)


class PageWriter:
    """Writes random explainer pages whose every sentence is different (a running number)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.count = 0

    def sentence(self, long: bool = False) -> str:
        rng = self.rng
        self.count += 1
        words = [
            rng.choice(WORDS) for _ in range(rng.randint(14, 32) if long else rng.randint(3, 8))
        ]
        words.insert(rng.randrange(len(words) + 1), f"n{self.count}")
        style = rng.random()
        at = rng.randrange(len(words))
        if style < 0.15:
            words[at] = f"`{words[at]}`"
        elif style < 0.25:
            words[at] = f"*{words[at]}*"
        elif style < 0.32:
            words.insert(at, "vs.")
        elif style < 0.38:
            words[at] = f"“{words[at]}?”"
        text = " ".join(words)
        return text[0].upper() + text[1:] + self.rng.choice(".!?" if style > 0.5 else "..")

    def sentences(self, low: int, high: int) -> str:
        return " ".join(
            self.sentence(self.rng.random() < 0.4) for _ in range(self.rng.randint(low, high))
        )

    def topic(self, title: str, links: list[str]) -> str:
        rng = self.rng
        out = [f"# {title}", "", f"**In one sentence:** {self.sentences(1, 2)}", ""]
        out += [f"**Why it matters for filmmakers:** {self.sentences(1, 4)}", ""]
        if rng.random() < 0.3:
            out += [f"**Before you start:** {self.sentences(1, 2)}", ""]
        out += ["## Key ideas", ""]
        for _ in range(rng.randint(1, 7)):
            out.append(f"- **{self.sentence()}** {self.sentences(0, 3)}".rstrip())
        out += ["", "## Common mistakes", ""]
        out += [f"- {self.sentences(1, 3)}" for _ in range(rng.randint(1, 4))]
        if rng.random() < 0.6:
            out += ["", "## Try this", "", self.sentences(1, 3)]
            if rng.random() < 0.5:
                out += ["", "```console", f"$ deckgen build {rng.choice(WORDS)}", "```"]
        if rng.random() < 0.3:
            out += ["", "## How it works", "", self.sentences(1, 5), "", self.sentences(1, 2)]
        out += ["", "## Related pages", ""]
        for link in links:
            out.append(f"- [{link}]({link}) — {self.sentence()}")
        return "\n".join(out) + "\n"

    def section(self, title: str) -> str:
        rng = self.rng
        out = [f"# {title}", "", self.sentences(2, 4)]
        for number in range(rng.randint(0, 4)):
            out += ["", f"## Part {number} {rng.choice(WORDS)}", ""]
            if rng.random() < 0.5:
                out.append(self.sentences(1, 6))
                if rng.random() < 0.3:
                    out += ["", "```python", f"print({rng.randint(1, 99)})", "```"]
            else:
                long = rng.random() < 0.5
                out += [f"- {self.sentence(long)}" for _ in range(rng.randint(2, 9))]
                if rng.random() < 0.4:
                    out += ["", self.sentence()]
        return "\n".join(out) + "\n"

    def glossary(self) -> str:
        out = ["# Glossary", "", self.sentences(2, 3)]
        for letter in "ABC":
            out += ["", f"## {letter}", ""]
            out += [
                f"- **{letter}{self.count}** — {self.sentence()}"
                for _ in range(self.rng.randint(0, 3))
            ]
        return "\n".join(out) + "\n"


def write_deck(folder: Path, seed: int) -> Path:
    """Write a deck of random explainer pages, a glossary and a slide-Markdown page."""
    rng = random.Random(seed)
    writer = PageWriter(rng)
    topics = [f"a/topic-{n}.md" for n in range(rng.randint(1, 4))]
    sections = [f"b/section-{n}/index.md" for n in range(rng.randint(1, 3))]
    files: dict[str, str] = {}
    for number, name in enumerate(topics):
        others = [t.removeprefix("a/") for t in topics if t != name][:2] + ["../b/section-0/"]
        others += ["missing.md"] if rng.random() < 0.5 else []
        files[name] = writer.topic(f"Topic {number} {rng.choice(WORDS)}", others)
    for number, name in enumerate(sections):
        files[name] = writer.section(f"Section {number} {rng.choice(WORDS)}")
    files["glossary.md"] = writer.glossary()
    files["slides.md"] = (
        f"## Slides {seed}\n\n{writer.sentence()}\n\n"
        f"- {writer.sentence()}\n- {writer.sentence()}\n\n"
        f"::: notes\n{writer.sentences(1, 3)}\n:::\n"
    )
    manifest = [
        "parts:",
        "  - files: [slides.md]",
        "  - title: Part A",
        f"    intro: {writer.sentences(1, 2)}",
        f"    files: [{', '.join(topics)}]",
        "  - title: Part B",
        f"    files: [{', '.join(sections)}, glossary.md]",
    ]
    files["deck.yaml"] = "\n".join(manifest) + "\n"
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


SEEDS = range(12)


@pytest.mark.parametrize("seed", SEEDS)
def test_written_pages_lose_nothing_in_html_and_pptx(tmp_path: Path, seed: int) -> None:
    deck = write_deck(tmp_path / f"deck-{seed}", seed)
    outputs = built(deck, tmp_path / "dist", BOTH)
    assert problems(deck, outputs) == []


@pytest.mark.parametrize("seed", SEEDS[:4])
def test_the_students_copy_of_written_pages_loses_nothing(tmp_path: Path, seed: int) -> None:
    deck = write_deck(tmp_path / f"deck-{seed}", seed)
    outputs = built_for_students(deck, tmp_path / "dist")
    assert problems(deck, outputs, Audience.STUDENT) == []


@pytest.mark.parametrize("seed", SEEDS)
def test_written_pages_open_with_their_title_and_link_to_each_other(
    tmp_path: Path, seed: int
) -> None:
    deck_dir = write_deck(tmp_path / f"deck-{seed}", seed)
    deck, laid_out, diagnostics = load(deck_dir)
    firsts = {}
    for slide in deck.slides:
        firsts.setdefault(slide.origin.path, slide)
    for file in read_deck(deck_dir).files:
        text = "\n".join(file.lines)
        first = firsts[file.display]
        if "**In one sentence:**" in text:
            assert first.kind is SlideKind.TITLE
            assert f"# {plain_text(first.title)}\n" in text
            assert first.subtitle
    ids = {slide.id for slide in deck.slides}
    links = [
        run.link
        for slide in deck.slides
        for block in slide.body
        if isinstance(block, BulletList)
        for item in block.items
        for run in item.runs
        if run.link
    ]
    assert links and all(link.startswith("#") and link[1:] in ids for link in links)
    missing = [d.message for d in diagnostics if "matches no page" in d.message]
    links_missing_page = any("missing.md" in "\n".join(f.lines) for f in read_deck(deck_dir).files)
    assert bool(missing) == links_missing_page
    assert all("missing.md" in message for message in missing)
    html = build(deck_dir, tmp_path / "dist", BuildOptions()).outputs[0].read_text()
    assert all(f'href="#/{link[1:]}"' in html for link in links)
    assert "missing.md</a>" not in html

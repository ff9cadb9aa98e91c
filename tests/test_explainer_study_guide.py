"""decks/study-guide: the seed's study guide as site pages, and the slides made from them.

The pages must say what the seed says, character for character (``fixtures/explainer/seed/``),
with nothing added and nothing left out; every page of the seed must open with its own slide.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from pptx import Presentation

from deckgen.build import BuildOptions, Format, build, load
from deckgen.diagnostics import Level
from deckgen.markdown import parse_blocks
from deckgen.model import Block, BulletList, Heading, ListItem, Paragraph, SlideKind, plain_text
from deckgen.read import Part, read_deck
from deckgen.split import DIV_CLOSE, DIV_OPEN

REPO = Path(__file__).resolve().parents[1]
STUDY_GUIDE = REPO / "decks" / "study-guide"
SEED = Path(__file__).parent / "fixtures" / "explainer" / "seed" / "study-guide.txt"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[.!?][\"'”’)])\s+")

# The seed's topic pages (those with "In one sentence:") and its other pages, in its order.
TOPICS = [
    "What is Generative Production?",
    "Prompting Principles",
    "Iteration and Selection",
    "Tracking Your Work",
    "Seeds",
]
PAGES = [
    "Concepts",
    "Model Basics",
    "Modalities",
    "Tools and Vendors",
    "Craft",
    "Lifecycle Crosswalk",
    "Foundations (Vibe-coding)",
    "Platforms",
    "Setup and Safety",
    "Working with Models",
    "Building Software",
    "Common Traps",
    "Committing Secrets to Git",
    "Blindly Running Agent-Suggested Shell Commands",
    "Force-Push Disasters",
    "Letting the Agent Refactor Without Review",
    "Accepting the First Thing That Compiles",
    "Scope-Creep Prompts",
    "Building on Sand",
    "Runaway API Bills",
    "Deploying to Production Without Testing",
    "Trusting a Local-Running Model Demo",
    "“Works on My Machine” Illusions",
    "Practical",
    "Glossary",
    "Learning Sources",
]


def sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()
    return [s for s in SENTENCE_END.split(text) if s]


def _texts(blocks: list[Block] | tuple[Block, ...]) -> list[str]:
    found = []

    def items(entries: tuple[ListItem, ...]) -> None:
        for item in entries:
            found.append(plain_text(item.runs))
            found.extend(_texts(item.blocks))

    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            found.append(re.sub(r"\s*\{[^}]*\}$", "", plain_text(block.runs)))
        elif isinstance(block, BulletList):
            items(block.items)
    return found


def deck_texts() -> list[str]:
    """Return every paragraph, item and heading of the deck's pages, and its part lines."""
    source = read_deck(STUDY_GUIDE)
    texts = []
    for file in source.files:
        lines = tuple("" if DIV_OPEN.match(x) or DIV_CLOSE.match(x) else x for x in file.lines)
        texts += _texts(parse_blocks(lines, file.origin(0), []))
    parts: tuple[Part, ...] = source.settings["parts"].value
    texts += [f"{part.title}. {part.intro}" for part in parts if part.title]
    return texts


def test_every_sentence_of_the_pages_is_the_seeds() -> None:
    seed = " ".join(sentences(SEED.read_text(encoding="utf-8")))
    added = [s for text in deck_texts() for s in sentences(text) if s not in seed]
    assert added == []


def test_every_sentence_of_the_seed_is_in_the_pages() -> None:
    pages = " ".join(s for text in deck_texts() for s in sentences(text))
    lost = [s for s in sentences(SEED.read_text(encoding="utf-8")) if s not in pages]
    assert lost == []


@pytest.fixture(scope="module")
def laid_out_guide():  # type: ignore[no-untyped-def]
    return load(STUDY_GUIDE)


def test_every_page_of_the_seed_opens_with_its_own_slide(laid_out_guide) -> None:  # type: ignore[no-untyped-def]
    deck, _, _ = laid_out_guide
    firsts: dict[str, object] = {}
    for slide in deck.slides:
        firsts.setdefault(slide.origin.path, slide)
    opening = {plain_text(s.title): s.kind for s in firsts.values()}  # type: ignore[attr-defined]
    assert {title: opening.get(title) for title in TOPICS} == dict.fromkeys(TOPICS, SlideKind.TITLE)
    assert [title for title in PAGES if title not in opening] == []


def test_the_guide_fits_with_continuations_but_never_overflows(tmp_path: Path) -> None:
    """Built in both formats: the only warnings are continuation slides (no "runs off the
    bottom" from the .pptx writer's own measure, no block too large), and every shape of the
    .pptx lies on its page. Chromium checks the HTML's lines (e2e/test_study_guide_explainer)."""
    result = build(STUDY_GUIDE, tmp_path, BuildOptions(formats=(Format.HTML, Format.PPTX)))
    messages = [str(d) for d in result.diagnostics]
    assert all(d.level is Level.WARNING for d in result.diagnostics)
    assert any("split into" in m for m in messages)
    assert [m for m in messages if "split into" not in m] == []
    prs = Presentation(str(result.outputs[1]))
    assert len(prs.slides) >= 90
    width, height = prs.slide_width, prs.slide_height
    off_page = [
        (number, shape.name)
        for number, slide in enumerate(prs.slides, start=1)
        for shape in slide.shapes
        if shape.left < 0
        or shape.top < 0
        or shape.left + shape.width > width
        or shape.top + shape.height > height
    ]
    assert off_page == []

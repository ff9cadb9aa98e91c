"""Explainer mode: recognizing pages, cutting sentences, deck parts and links between pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.diagnostics import DeckError, Origin
from deckgen.explainer.page import PageKind, read_page
from deckgen.inline import sentences
from deckgen.model import Run, SlideKind, plain_text
from deckgen.parse import parse_deck
from deckgen.read import SourceFile, display_path, read_deck

REPO = Path(__file__).resolve().parents[1]


def source(text: str, name: str = "page.md") -> SourceFile:
    return SourceFile(Path(name), name, tuple(text.split("\n")), 1)


def write(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def texts(runs_list: list[tuple[Run, ...]]) -> list[str]:
    return [plain_text(runs) for runs in runs_list]


# -- sentences -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two! Three? Four", ["One.", "Two!", "Three?", "Four"]),
        (
            "Compare this vs. what you had. Then stop.",
            ["Compare this vs. what you had.", "Then stop."],
        ),
        (
            "“Is it good?” invites a yes. Ask better.",
            ["“Is it good?” invites a yes.", "Ask better."],
        ),
        ("It is “done.” The skill is more.", ["It is “done.”", "The skill is more."]),
        ("Use e.g. Rails here. Fine.", ["Use e.g. Rails here.", "Fine."]),
        ("Rails 8.1 and Python 3.12 work.", ["Rails 8.1 and Python 3.12 work."]),
        ("A decision. .gitignore is a file.", ["A decision.", ".gitignore is a file."]),
        ("(Planned: a, b.) Next one.", ["(Planned: a, b.)", "Next one."]),
    ],
)
def test_sentences_end_where_a_reader_would_stop(text: str, expected: list[str]) -> None:
    assert texts(sentences((Run(text),))) == expected


def test_sentences_keep_styles_and_never_cut_inline_code() -> None:
    runs = (Run("Run "), Run("a. B", code=True), Run(" now. "), Run("Then", bold=True), Run(" go."))
    first, second = sentences(runs)
    assert first == (Run("Run "), Run("a. B", code=True), Run(" now."))
    assert second == (Run("Then", bold=True), Run(" go."))


# -- recognizing pages by structure ------------------------------------------------------------

TOPIC = """# Seeds

**In one sentence:** A seed makes a generation reproducible.

## Key ideas

- **Lock the seed.** Then change one word.
"""

SECTION = """# Platforms

Where you write code with a model. Options span a spectrum from hosted to local.

## In-browser environments

Tools like Bolt build an app in a tab. They are the fastest path from idea to code.
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (TOPIC, PageKind.TOPIC),
        (TOPIC.replace("**In one sentence:**", "**In one sentence**:"), PageKind.TOPIC),
        (SECTION, PageKind.SECTION),
        ("# Force-Push\n\nIt overwrites the branch. Never do it on main.\n", PageKind.SECTION),
        ("\n\n" + TOPIC, PageKind.TOPIC),
    ],
)
def test_pages_are_recognized_by_structure(text: str, kind: PageKind) -> None:
    page = read_page(source(text, "anything-at-all.md"), [])
    assert page is not None
    assert page.kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "## A slide\n\nA subtitle. With two sentences.\n",  # no '#' title
        "Intro text.\n\n" + TOPIC,  # text before the title
        "# Part\n\nWhy this part exists.\n\n## Slide\n\n- one\n- two\n\nThe takeaway.\n",
        SECTION + "\n::: notes\nSpeaker notes.\n:::\n",  # slide syntax
        SECTION + "\n---\n\nA slide of its own.\n",
        SECTION + "\n# A second title\n",
        "# Seeds\n\n- a list first. Not prose? No.\n",  # a title over a list is a slide
    ],
)
def test_slide_markdown_is_left_to_the_slide_rules(text: str) -> None:
    assert read_page(source(text), []) is None


def test_a_topic_page_with_slide_syntax_is_reported_and_read_as_slides() -> None:
    diagnostics: list = []
    text = TOPIC + "\n:::: columns\n::: column\nLeft.\n:::\n::::\n"
    assert read_page(source(text), diagnostics) is None
    [warning] = diagnostics
    assert warning.origin == Origin("page.md", 9)
    assert "has a fenced div '::: columns'" in warning.message


def test_a_topic_page_may_hold_speaker_notes() -> None:
    page = read_page(source(TOPIC + "\n::: notes\nSay this.\n:::\n"), [])
    assert page is not None and page.kind is PageKind.TOPIC
    assert [b.kind for b in page.subsections[0].notes] == ["paragraph"]


def test_any_bold_spelling_of_the_summary_label_is_one_topic_page() -> None:
    underscored = TOPIC.replace("**In one sentence:**", "__In one sentence:__")
    page = read_page(source(underscored + "\n::: notes\nSay this.\n:::\n"), [])
    assert page is not None and page.kind is PageKind.TOPIC


@pytest.mark.parametrize(
    "deck",
    [
        *sorted((REPO / "decks" / "generative-production").glob("*.md")),
        *sorted((REPO / "examples").rglob("*.md")),
        *sorted((REPO / "tests" / "fixtures" / "parse").glob("*.md")),
    ],
    ids=lambda p: str(p.relative_to(REPO)),
)
def test_no_slide_markdown_in_the_repository_is_taken_for_an_explainer(deck: Path) -> None:
    [file] = read_deck(deck).files
    assert read_page(file, []) is None


# -- parts in deck.yaml ------------------------------------------------------------------------

PAGES = {
    "intro.md": "## Hello\n\nA slide written as slides.\n",
    "a/seeds.md": TOPIC,
    "a/index.md": SECTION,
}


def test_parts_give_order_and_a_divider_per_titled_part(tmp_path: Path) -> None:
    manifest = (
        "parts:\n"
        "  - files: [intro.md]\n"
        "  - title: Part I — Media\n"
        "    intro: Pages on images. And video.\n"
        "    files: [a/seeds.md, a/index.md]\n"
    )
    deck, diagnostics = parse_deck(read_deck(write(tmp_path, {**PAGES, "deck.yaml": manifest})))
    assert diagnostics == []
    kinds = [(s.kind, plain_text(s.title)) for s in deck.slides]
    assert kinds[:4] == [
        (SlideKind.CONTENT, "Hello"),
        (SlideKind.SECTION, "Part I — Media"),
        (SlideKind.TITLE, "Seeds"),
        (SlideKind.CONTENT, "Key ideas"),
    ]
    divider = deck.slides[1]
    assert plain_text(divider.subtitle) == "Pages on images. And video."
    assert divider.origin == Origin(display_path(tmp_path / "deck.yaml"), 1)  # the 'parts:' line


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("parts: []\n", "expected a list of parts"),
        ("parts:\n  - intro.md\n", "part 1: expected a mapping"),
        ("parts:\n  - title: X\n", "part 1: expected a non-empty 'files:' list"),
        ("parts:\n  - files: [intro.md]\n    colour: red\n", "part 1: unknown key 'colour'"),
        ("parts:\n  - files: [intro.md]\n    intro: Hi.\n", "part 1: an 'intro:' needs a 'title:'"),
        ("parts:\n  - files: intro.md\n", "part 1, 'files': expected a list of file names"),
        ("parts:\n  - files: [nope.md]\n", "listed file 'nope.md' does not exist"),
        ("title: T\nparts:\n  - files: [intro.md]\nfiles: [intro.md]\n", "use either"),
    ],
)
def test_bad_parts_are_errors_at_their_line(tmp_path: Path, manifest: str, message: str) -> None:
    write(tmp_path, {**PAGES, "deck.yaml": manifest})
    with pytest.raises(DeckError) as caught:
        read_deck(tmp_path)
    line = 2 if manifest.startswith("title") else 1
    assert caught.value.format_message().startswith(
        f"{display_path(tmp_path / 'deck.yaml')}:{line}: error: "
    )
    assert message in caught.value.format_message()


def test_parts_in_front_matter_are_reported_and_ignored(tmp_path: Path) -> None:
    write(tmp_path, {"a.md": "---\nparts:\n  - files: [a.md]\n---\n## A\n"})
    source_deck = read_deck(tmp_path)
    assert "parts" not in source_deck.settings
    assert [d.message for d in source_deck.diagnostics] == [
        "'parts' belongs in deck.yaml (ignored)"
    ]


# -- links between pages -----------------------------------------------------------------------


def test_links_to_pages_jump_to_their_first_slide(tmp_path: Path) -> None:
    files = {
        "deck.yaml": "files: [a/seeds.md, b/index.md, b/more.md]\n",
        "a/seeds.md": TOPIC + "\n## Related pages\n\n"
        "- [Platforms](../b/) — the folder's index page.\n"
        "- [More](../b/more.md#anchor) — a page with a fragment.\n"
        "- [Handout](handout.pdf) — not a page: left alone.\n"
        "- [Gone](gone.md) — not in the deck.\n",
        "b/index.md": SECTION,
        "b/more.md": (
            "## More\n\nSee [seeds](../a/seeds.md) too.\n\n::: notes\n[Back](../a/seeds.md)\n:::\n"
        ),
    }
    deck, diagnostics = parse_deck(read_deck(write(tmp_path, files)))
    related = next(s for s in deck.slides if s.id == "seeds-related-pages")
    links = [run.link for item in related.body[0].items for run in item.runs]  # type: ignore[union-attr]
    assert links == ["#platforms", None, "#more", None, "handout.pdf", None, None, None]
    more = next(s for s in deck.slides if s.id == "more")
    assert [run.link for run in more.subtitle if run.link] == ["#seeds"]
    assert [run.link for run in more.notes[0].runs] == ["#seeds"]  # type: ignore[union-attr]
    assert [str(d) for d in diagnostics] == [
        f"{display_path(tmp_path / 'a' / 'seeds.md')}:11: warning: "
        "link to 'gone.md' matches no page of the deck (kept as text)"
    ]


def test_explainer_pages_and_slide_markdown_mix_in_one_deck(tmp_path: Path) -> None:
    files = {"1-seeds.md": TOPIC, "2-hello.md": PAGES["intro.md"], "3-platforms.md": SECTION}
    deck, diagnostics = parse_deck(read_deck(write(tmp_path, files)))
    assert diagnostics == []
    assert [(s.kind.value, s.id) for s in deck.slides] == [
        ("title", "seeds"),
        ("content", "seeds-key-ideas"),
        ("content", "hello"),
        ("section", "platforms"),
        ("content", "in-browser-environments"),
    ]

"""The model dump of the fixture tests prints every field and refuses what it does not know."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import ClassVar

import pytest

from deckgen.diagnostics import Origin
from deckgen.model import Deck, DeckMeta, Paragraph, Run, Slide, SlideKind
from modeldump import dump_deck

HERE = Origin("talk.md", 3)


@dataclass(frozen=True, slots=True)
class Poll:
    """A block kind the model does not have (yet)."""

    question: tuple[Run, ...]
    choices: tuple[tuple[Run, ...], ...]
    origin: Origin
    anonymous: bool = False
    kind: ClassVar[str] = "poll"


@dataclass(frozen=True, slots=True)
class Opaque:
    data: dict[str, int] = field(default_factory=dict)
    kind: ClassVar[str] = "opaque"


def deck_of(*blocks: object) -> Deck:
    slide = Slide(SlideKind.CONTENT, (Run("Title"),), Origin("talk.md", 1), body=blocks, id="t")  # type: ignore[arg-type]
    return Deck("talk", DeckMeta(), (slide,), Path("."), (Path("talk.md"),))


def test_a_new_block_kind_is_printed_field_by_field() -> None:
    poll = Poll((Run("Which "), Run("lens", bold=True), Run("?")), ((Run("35mm"),),), HERE, True)
    assert dump_deck(deck_of(poll)).splitlines()[2:] == [
        "  title: Title",
        "  body:",
        "    poll anonymous=True  @3",
        "      question: Which **lens**?",
        "      choices:",
        "        - 35mm",
    ]


def test_a_field_that_changes_from_its_default_is_printed() -> None:
    plain = dump_deck(deck_of(Paragraph((Run("x"),), HERE)))
    raw = dump_deck(deck_of(Paragraph((Run("<b>x</b>", raw=True),), HERE)))
    assert "paragraph: x  @3" in plain and "paragraph: <raw><b>x</b></raw>  @3" in raw


def test_a_value_of_an_unknown_type_is_an_error() -> None:
    with pytest.raises(TypeError, match="does not know dict"):
        dump_deck(deck_of(Opaque({"a": 1})))


def test_a_new_field_on_a_run_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    import modeldump

    monkeypatch.setattr(modeldump, "RUN_FIELDS", ("text", "bold"))
    with pytest.raises(TypeError, match="does not know Run fields"):
        dump_deck(deck_of(Paragraph((Run("x"),), HERE)))


def test_every_slide_field_is_printed() -> None:
    slide = deck_of().slides[0]
    full = replace(
        slide, classes=("a",), section="S", more_notes=1, notes=(Paragraph((Run("n"),), HERE),)
    )
    lines = dump_deck(replace(deck_of(), slides=(full,))).splitlines()
    assert lines[1] == '[content] #t classes=[a] section="S" more_notes=1  @1'
    assert lines[-2:] == ["  notes:", "    paragraph: n  @3"]

"""The deck's language: its text direction and the HTML deck's interface labels in it.

``lang`` is a BCP 47 tag (``de-AT``, ``zh-Hant-TW``, ``ar``). A right-to-left language (Arabic,
Hebrew, Persian, Urdu…) or script subtag (``-Arab``, ``-Hebr``) makes the deck right to left,
unless the deck says ``dir: ltr``; ``dir: rtl`` makes any deck right to left, as in pandoc.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from deckgen.diagnostics import DeckError
from deckgen.model import DeckMeta
from deckgen.themes import builtin_themes_dir

RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi"}
)
RTL_SCRIPTS = frozenset({"arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg", "mand", "samr"})
LTR_SCRIPTS = frozenset({"latn", "cyrl", "grek", "deva", "hans", "hant", "jpan", "kore"})
LABELS_FILE = "labels.toml"
FALLBACK_LANGUAGE = "en"


def subtags(lang: str) -> list[str]:
    """Return the lower-cased subtags of ``lang`` (``de-AT`` -> ``["de", "at"]``)."""
    return [part for part in lang.replace("_", "-").lower().split("-") if part]


def is_rtl_language(lang: str) -> bool:
    """Return whether text in ``lang`` runs right to left (by its script subtag, else its
    language: ``az-Arab`` does, ``az`` does not)."""
    parts = subtags(lang)
    for part in parts[1:]:
        if part in RTL_SCRIPTS:
            return True
        if part in LTR_SCRIPTS:
            return False
    return bool(parts) and parts[0] in RTL_LANGUAGES


def direction(meta: DeckMeta) -> str:
    """Return the deck's text direction, ``rtl`` or ``ltr``: its ``dir``, else its language's."""
    if meta.dir:
        return meta.dir
    return "rtl" if is_rtl_language(meta.lang) else "ltr"


def label_tables(lang: str) -> list[str]:
    """Return the label tables to read for ``lang``, most specific first, English last."""
    parts = subtags(lang)
    tables = ["-".join(parts[:count]) for count in range(len(parts), 0, -1)]
    return [*dict.fromkeys([*tables, FALLBACK_LANGUAGE])]


@lru_cache(maxsize=16)
def _read_labels(path: Path) -> Mapping[str, object]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DeckError(str(path), f"invalid labels: {exc}") from None


def interface_labels(files: list[Path], lang: str) -> dict[str, object]:
    """Return the labels of the HTML deck's controls in ``lang`` from the theme's label
    ``files`` (parents first, a child's labels win), each missing one in English."""
    merged: dict[str, dict[str, object]] = {}
    for path in files:
        for table, labels in _read_labels(path).items():
            if isinstance(labels, dict):
                merged.setdefault(table.lower(), {}).update(labels)
    chosen: dict[str, object] = {}
    help_texts: dict[str, object] = {}
    for table in reversed(label_tables(lang)):
        labels = dict(merged.get(table, {}))
        found_help = labels.pop("help", {})
        if isinstance(found_help, dict):
            help_texts.update(found_help)
        chosen.update(labels)
    chosen["help"] = help_texts
    return chosen


def slide_words(lang: str) -> dict[str, str]:
    """Return the words deckgen writes on slides itself (``contents``, ``callout_note``...) in
    ``lang``, from the built-in labels: they are read into the model, before any theme."""
    labels = interface_labels([builtin_themes_dir() / "base" / LABELS_FILE], lang)
    return {key: value for key, value in labels.items() if isinstance(value, str)}

"""Rebuild a deck each time its sources or its theme change: ``deckgen build --watch``, and the
loop under ``deckgen serve``.

What a rebuild reuses from the one before:

- the parsed slides of every Markdown file whose text did not change (``parse.parse_file`` is
  memoized on the file's text), so a save re-runs mistune and pygments for that one file;
- reveal.js, its plugins and the embedded fonts, read once per process (``web_assets``).

What it always redoes, because it is cheap or because it depends on the whole deck: reading the
files (to see what changed), the whole-deck passes (ids, sections, links, images), the audience
pass, the theme's tokens, layout, and the render of each output, which is one file. It renders
through ``build.render``, the same facade as ``deckgen build``.

A rebuild that fails keeps nothing half done: the caller gets the error and keeps its last good
output (``build --watch`` leaves the files on disk alone, ``serve`` keeps serving the last deck).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import watchfiles

from deckgen.build import BuildOptions, Format, Rendered, render, theme_for, write_outputs
from deckgen.diagnostics import DeckError, Diagnostic
from deckgen.read import display_path, read_deck

WATCHED_SUFFIXES = frozenset(
    {".md", ".markdown", ".yaml", ".yml", ".toml", ".css", ".js", ".j2", ".html"}
    | {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"}
)
STEP_MS = 10  # a batch of changes ends after this long without another (an editor's save)
MAX_BATCH_MS = 400
IDLE_MS = 100  # how often an idle watcher looks at the stop event


@dataclass(frozen=True, slots=True)
class Outcome:
    """One rebuild: the rendered deck, or the error that stopped it.

    ``changed`` lists the files whose change caused the rebuild (empty for the first build).
    """

    rendered: Rendered | None
    error: DeckError | None
    seconds: float
    changed: tuple[Path, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def outputs(self) -> dict[Format, bytes]:
        """Return the rendered bytes by format (none after an error)."""
        return self.rendered.outputs if self.rendered is not None else {}

    @property
    def diagnostics(self) -> tuple[Diagnostic, ...]:
        return self.rendered.diagnostics if self.rendered is not None else ()


class _RelevantFiles(watchfiles.DefaultFilter):
    """Changes to files a deck is built from; never the output folder, dot files or editor junk."""

    def __init__(self, ignored: tuple[Path, ...]) -> None:
        super().__init__(ignore_paths=[str(path) for path in ignored])

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        name = Path(path).name
        return (
            super().__call__(change, path)
            and not name.startswith(".")
            and Path(path).suffix.lower() in WATCHED_SUFFIXES
        )


class Rebuilder:
    """Builds the deck at ``source`` again and again, reusing what did not change."""

    def __init__(self, source: Path, options: BuildOptions, outdir: Path | None = None) -> None:
        self.source = source
        self.options = options
        self.outdir = outdir
        # The theme's folders, known before the first build so a save made during it is seen;
        # each good build then keeps them current (a deck may switch themes).
        try:
            self.theme_folders = theme_for(read_deck(source), options.theme).folders
        except DeckError:
            self.theme_folders = ()

    def rebuild(self, changed: tuple[Path, ...] = ()) -> Outcome:
        """Return the outcome of building the deck now (errors are returned, not raised)."""
        started = time.perf_counter()
        try:
            rendered = render(self.source, self.options)
        except DeckError as exc:
            return Outcome(None, exc, time.perf_counter() - started, changed)
        self.theme_folders = rendered.theme_folders
        return Outcome(rendered, None, time.perf_counter() - started, changed)

    def loop(self, on_outcome: Callable[[Outcome], None], stop: threading.Event) -> None:
        """Build once, then again after every change until ``stop`` is set (or Ctrl+C);

        ``on_outcome`` gets each outcome.
        """
        for changed in self.changes(stop):
            on_outcome(self.rebuild(changed))

    def write(self, outcome: Outcome) -> tuple[Path, ...]:
        """Write a good outcome's outputs into the output folder; return their paths."""
        assert self.outdir is not None and outcome.rendered is not None
        return write_outputs(outcome.rendered, self.outdir)

    def watched_paths(self) -> tuple[Path, ...]:
        """Return the folders to watch: the deck's folder (a file deck: the file's folder) and

        the folders of its theme (as of the last good build). Raise DeckError when the deck's
        folder does not exist (there is nothing to watch for).
        """
        source = self.source.resolve()
        folder = source if source.is_dir() else source.parent
        if not folder.is_dir():
            raise DeckError(display_path(self.source), "no such file or folder")
        paths = [folder, *self.theme_folders]
        unique: list[Path] = []
        for path in sorted(set(paths), key=lambda p: len(p.parts)):
            if not any(path.is_relative_to(kept) for kept in unique):
                unique.append(path)
        return tuple(unique)

    def changes(self, stop: threading.Event) -> Iterator[tuple[Path, ...]]:
        """Yield ``()`` as soon as the folders are watched, then the files changed by each save,
        until ``stop`` is set.

        Building after the first yield, not before watching, loses no save made meanwhile. The
        watched folders are worked out again after each batch, so switching the deck's theme
        starts watching the new theme (with a new first yield).
        """
        ignored = (self.outdir.resolve(),) if self.outdir is not None else ()
        while not stop.is_set():
            paths = self.watched_paths()
            watching = False
            for batch in watchfiles.watch(
                *paths,
                watch_filter=_RelevantFiles(ignored),
                step=STEP_MS,
                debounce=MAX_BATCH_MS,
                stop_event=stop,
                rust_timeout=IDLE_MS,
                yield_on_timeout=True,
            ):
                if watching and not batch:
                    continue  # an idle timeout: nothing changed
                watching = True
                yield tuple(sorted({Path(path) for _, path in batch}))
                if self.watched_paths() != paths:
                    break


def describe(outcome: Outcome) -> str:
    """Return one line about a rebuild: what changed and how long it took, or the error."""
    if outcome.error is not None:
        return outcome.error.format_message()
    names = ", ".join(path.name for path in outcome.changed[:3])
    more = f" and {len(outcome.changed) - 3} more" if len(outcome.changed) > 3 else ""
    because = f" after a change to {names}{more}" if names else ""
    return f"built in {outcome.seconds * 1000:.0f} ms{because}"

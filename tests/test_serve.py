"""``deckgen serve`` and ``deckgen build --watch``: rebuilds that reuse what did not change, the
live preview in Chromium (reload on the same slide, error overlay, recovery), and the watch loop.

Servers run as real ``deckgen`` processes on 127.0.0.1 and a free port, and are stopped after
each test.
"""

from __future__ import annotations

import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from clirun import deckgen
from deckgen import parse
from deckgen.build import BuildOptions, Format
from deckgen.serve import LiveDeck, start_server
from deckgen.watch import Rebuilder, describe
from e2e.browser import launch

EDITED_FILE = "01-foundations.md"
EDITED_LINE = "Constrain to create. Iterate in small moves."
SLIDE_ID = "prompting-principles"
TIMEOUT = 30.0


@pytest.fixture
def deck(study_guide: Path, tmp_path: Path) -> Path:
    """A copy of the study guide to edit."""
    copy = tmp_path / study_guide.name
    shutil.copytree(study_guide, copy)
    return copy


class Running:
    """A ``deckgen`` process whose output lines are collected as they come."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "deckgen", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def expect(self, pattern: str, timeout: float = TIMEOUT) -> re.Match[str]:
        """Return the first new output line matching ``pattern``; fail after ``timeout`` s."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(deadline - time.monotonic(), 0.01))
            except queue.Empty:
                pytest.fail(f"no line matching {pattern!r} in {timeout} s; saw {self.seen}")
            self.seen.append(line)
            found = re.search(pattern, line)
            if found:
                return found

    def stop(self) -> int:
        """Stop the process as Ctrl+C does; return its exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.reader.join(timeout=5)
        assert self.process.stdout is not None
        self.process.stdout.close()
        return self.process.returncode


@contextmanager
def running(*args: str) -> Iterator[Running]:
    process = Running(*args)
    try:
        yield process
    finally:
        process.stop()


def edit(deck: Path, new: str) -> None:
    source = deck / EDITED_FILE
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace(EDITED_LINE, new, 1), encoding="utf-8")


def test_a_rebuild_parses_only_the_changed_file(deck: Path) -> None:
    rebuilder = Rebuilder(deck, BuildOptions())
    first = rebuilder.rebuild()
    assert first.ok and first.outputs[Format.HTML].startswith(b"<!doctype html>")
    before = parse.parse_file.cache_info()
    again = rebuilder.rebuild()
    after_same = parse.parse_file.cache_info()
    assert again.outputs == first.outputs
    assert after_same.misses == before.misses and after_same.hits == before.hits + 4
    edit(deck, "Constrain to create. Iterate in tiny moves.")
    changed = rebuilder.rebuild((deck / EDITED_FILE,))
    after_edit = parse.parse_file.cache_info()
    assert after_edit.misses == before.misses + 1 and after_edit.hits == before.hits + 4 + 3
    assert b"Iterate in tiny moves." in changed.outputs[Format.HTML]
    assert describe(changed).startswith("built in ") and "01-foundations.md" in describe(changed)


def test_a_failed_rebuild_reports_file_and_line(deck: Path) -> None:
    rebuilder = Rebuilder(deck, BuildOptions())
    (deck / EDITED_FILE).write_text("## Broken\n\n```python\nx = 1\n", encoding="utf-8")
    outcome = rebuilder.rebuild()
    assert not outcome.ok and outcome.outputs == {}
    assert describe(outcome) == f"{deck / EDITED_FILE}:3: error: code fence is never closed"


def test_watched_paths_are_the_deck_and_its_theme(deck: Path, repo: Path) -> None:
    paths = Rebuilder(deck, BuildOptions()).watched_paths()
    assert deck.resolve() in paths
    assert repo / "themes" / "cinematic" in paths and repo / "themes" / "base" in paths


def test_watching_a_deck_whose_folder_does_not_exist_is_one_line(tmp_path: Path) -> None:
    for command in (["serve"], ["build", "--watch"]):
        result = deckgen(*command, "nosuch/deck.md", cwd=tmp_path, timeout=60)
        assert (result.returncode, result.stderr) == (
            1,
            "nosuch/deck.md: error: no such file or folder\n",
        )


def test_built_files_never_carry_the_live_reload_script(deck: Path, tmp_path: Path) -> None:
    with running("serve", str(deck), "--port", "0") as server:
        url = server.expect(r"serving (http://127\.0\.0\.1:\d+/)").group(1)
        served = urllib.request.urlopen(url, timeout=10).read()
    built = Rebuilder(deck, BuildOptions()).rebuild().outputs[Format.HTML]
    assert b"window.deckgenLive" in served and b"window.deckgenLive" not in built
    assert (
        served.replace(served[served.rindex(b"<script>window.deckgenLive") :], b"")
        == (built[: built.rindex(b"</body>")])
    )


@pytest.mark.browser
def test_serve_reloads_shows_errors_and_recovers(deck: Path) -> None:
    with running("serve", str(deck), "--port", "0") as server:
        url = server.expect(r"serving (http://127\.0\.0\.1:\d+/)").group(1)
        with launch() as browser:
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(f"{url}#/{SLIDE_ID}")
            page.wait_for_function("() => window.Reveal && Reveal.isReady()")
            slide_text = "() => Reveal.getCurrentSlide().textContent"
            overlay = page.locator(".deckgen-live-error")

            edit(deck, "Constrain to create. Iterate in tiny moves.")
            server.expect(r"built in \d+ ms after a change to 01-foundations\.md")
            page.wait_for_function(f"() => ({slide_text})().includes('tiny moves')")
            assert page.evaluate("() => Reveal.getCurrentSlide().id") == SLIDE_ID

            (deck / EDITED_FILE).write_text(
                (deck / EDITED_FILE).read_text(encoding="utf-8") + "\n```python\nx = 1\n",
                encoding="utf-8",
            )
            line = server.expect(r"01-foundations\.md:(\d+): error: code fence is never closed")
            overlay.wait_for(state="visible", timeout=TIMEOUT * 1000)
            message = overlay.inner_text()
            assert f"01-foundations.md:{line.group(1)}: error: code fence" in message
            assert "tiny moves" in page.evaluate(slide_text)  # the last good deck stays

            text = (deck / EDITED_FILE).read_text(encoding="utf-8")
            fixed = text.replace("\n```python\nx = 1\n", "").replace("tiny", "small, sure")
            (deck / EDITED_FILE).write_text(fixed, encoding="utf-8")
            page.wait_for_function(f"() => ({slide_text})().includes('small, sure moves')")
            overlay.wait_for(state="hidden", timeout=TIMEOUT * 1000)
            assert page.evaluate("() => Reveal.getCurrentSlide().id") == SLIDE_ID
            assert all(request.startswith((url, "data:")) for request in requests)


def test_serve_listens_on_localhost_only(deck: Path) -> None:
    server = start_server(LiveDeck(), 0)
    try:
        assert server.server_address[0] == "127.0.0.1"
    finally:
        server.shutdown()
        server.server_close()
    with running("serve", str(deck), "--port", "0") as served:
        port = int(served.expect(r"serving http://127\.0\.0\.1:(\d+)/").group(1))
        state = urllib.request.urlopen(f"http://127.0.0.1:{port}/_deckgen/state", timeout=10)
        assert b"generation" in state.read()
    assert served.process.returncode == 0


def test_build_watch_rewrites_the_file_and_keeps_it_on_errors(deck: Path, tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    output = outdir / f"{deck.name}.html"
    with running("build", str(deck), "-o", str(outdir), "--watch") as watcher:
        watcher.expect(r"wrote .*generative-production\.html")
        edit(deck, "Constrain to create. Iterate in tiny moves.")
        watcher.expect(r"built in \d+ ms after a change to 01-foundations\.md")
        watcher.expect(r"wrote .*generative-production\.html")
        assert "tiny moves" in output.read_text(encoding="utf-8")
        good = output.read_bytes()
        (deck / EDITED_FILE).write_text("## Broken\n\n```python\nx = 1\n", encoding="utf-8")
        watcher.expect(r"01-foundations\.md:3: error: code fence is never closed")
        assert output.read_bytes() == good
        assert sorted(path.name for path in outdir.iterdir()) == [output.name]
    assert watcher.process.returncode == 0


def test_watch_takes_one_source(deck: Path) -> None:
    result = deckgen("build", str(deck), str(deck), "--watch", timeout=60)
    assert result.returncode == 1
    assert result.stderr == "--watch: error: watches one SOURCE; give exactly one\n"

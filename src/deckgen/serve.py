"""``deckgen serve``: the teacher's live preview on http://127.0.0.1:PORT/.

The deck is built in memory (nothing is written to disk) and rebuilt on every save
(``watch.py``). Served pages, and only they, carry a small live-reload script
(``live_reload.js``) that listens to ``/_deckgen/events`` (server-sent events): after a good
rebuild the page reloads on the slide it showed; after a failed one the last good deck stays and
an overlay shows the error as ``file:line: error: message`` until the next good save.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from deckgen.backends import web_assets
from deckgen.backends.html import inline_script
from deckgen.build import Format
from deckgen.diagnostics import DeckError
from deckgen.watch import Outcome, Rebuilder

HOST = "127.0.0.1"
EVENTS_PATH = "/_deckgen/events"
STATE_PATH = "/_deckgen/state"
KEEPALIVE_SECONDS = 10.0
CLIENT_SCRIPT = Path(__file__).with_name("live_reload.js")
ERROR_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>deckgen: no deck yet</title></head>
<body style="background:#111;color:#eee;font-family:sans-serif">
<p>deckgen serve: the deck has not built yet.</p>
</body></html>
"""


class LiveDeck:
    """The deck being served: the last good page, its generation, and the current error.

    ``generation`` counts good builds; pages and event streams compare it to know when to reload.
    """

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self.generation = 0
        self.page = ERROR_PAGE.encode("utf-8")
        self.error: str | None = None
        self.closed = False
        self._served: tuple[int, bytes] = (-1, b"")

    def publish(self, outcome: Outcome) -> None:
        """Take a rebuild's outcome: a new page when it is good, else the error beside the old."""
        with self._changed:
            if outcome.ok:
                self.generation += 1
                self.page = outcome.outputs[Format.HTML]
                self.error = None
            else:
                assert outcome.error is not None
                self.error = outcome.error.format_message()
            self._changed.notify_all()

    def state(self) -> dict[str, object]:
        with self._changed:
            return {"generation": self.generation, "error": self.error}

    def wait(self, seen: dict[str, object], timeout: float) -> dict[str, object]:
        """Return the state once it differs from ``seen``, or after ``timeout`` seconds."""
        with self._changed:
            self._changed.wait_for(lambda: self.closed or self.state() != seen, timeout)
            return self.state()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def served_page(self) -> bytes:
        """Return the page with the live-reload script added before ``</body>``."""
        with self._changed:
            if self._served[0] != self.generation:
                self._served = (self.generation, _with_live_reload(self.page, self.generation))
            return self._served[1]


def _with_live_reload(page: bytes, generation: int) -> bytes:
    """Return ``page`` with the live-reload script of build ``generation`` before ``</body>``."""
    script = inline_script(web_assets.read_text(CLIENT_SCRIPT))
    tag = (
        f"<script>window.deckgenLive = {{generation: {generation}, "
        f"events: {json.dumps(EVENTS_PATH)}}};\n{script}</script>\n"
    ).encode()
    at = page.rfind(b"</body>")
    return page[:at] + tag + page[at:] if at >= 0 else page + tag


def _handler(deck: LiveDeck) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "deckgen"

        def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
            path = self.path.split("?", 1)[0]
            if path in ("/", "/index.html"):
                self._send(deck.served_page(), "text/html; charset=utf-8")
            elif path == STATE_PATH:
                self._send(json.dumps(deck.state()).encode(), "application/json")
            elif path == EVENTS_PATH:
                self._events()
            else:
                self.send_error(HTTPStatus.NOT_FOUND)

        def _send(self, body: bytes, content_type: str) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def _events(self) -> None:
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            state = deck.state()
            try:
                self._event(state)
                while not deck.closed:
                    latest = deck.wait(state, KEEPALIVE_SECONDS)
                    if latest != state:
                        state = latest
                        self._event(state)
                    else:
                        self.wfile.write(b": keep-alive\n\n")
                        self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return

        def _event(self, state: dict[str, object]) -> None:
            self.wfile.write(f"event: state\ndata: {json.dumps(state)}\n\n".encode())
            self.wfile.flush()

        def log_message(self, format: str, *args: object) -> None:
            """Stay quiet: the terminal shows rebuilds, not requests."""

    return Handler


class DeckServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start_server(deck: LiveDeck, port: int) -> DeckServer:
    """Return a server for ``deck`` on 127.0.0.1:``port`` (0: any free port), serving already."""
    try:
        server = DeckServer((HOST, port), _handler(deck))
    except OSError as exc:
        raise DeckError(
            f"--port {port}", f"cannot listen on {HOST}:{port}: {exc.strerror}"
        ) from None
    threading.Thread(target=server.serve_forever, name="deckgen-serve", daemon=True).start()
    return server


def serve(
    rebuilder: Rebuilder,
    port: int,
    stop: threading.Event,
    on_outcome: Callable[[Outcome], None],
    on_listening: Callable[[str], None],
) -> None:
    """Serve the deck on ``port`` and rebuild it on every change until ``stop`` is set.

    The server starts after the first build, good or not, and ``on_listening`` gets its URL.
    """
    deck = LiveDeck()
    server: DeckServer | None = None

    def publish(outcome: Outcome) -> None:
        nonlocal server
        deck.publish(outcome)
        on_outcome(outcome)
        if server is None:
            server = start_server(deck, port)
            on_listening(f"http://{HOST}:{server.server_address[1]}/")

    try:
        rebuilder.loop(publish, stop)
    finally:
        deck.close()
        if server is not None:
            server.shutdown()
            server.server_close()

"""How fast a big HTML deck opens and moves in Chromium: the 1,000-slide test of issue 6.

Builds a synthetic deck (``synthetic.py``), opens it from disk in headless Chromium (Debian's
``/usr/bin/chromium`` driven by Playwright) and reports, in milliseconds:

- time to first slide: from the start of navigation to the first frame after reveal.js is ready;
- per navigation step, each timed inside the page from the action to the end of the next frame
  (so style, layout and paint are counted): next slide, jump through the menu, search (typing a
  query until its results are drawn) and opening a search hit (jump plus highlight).

    python benchmarks/html_navigation.py [--slides 1000] [--steps 40]

Exits with status 1 when a median step, or the time to first slide, is over its budget.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import Page

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from synthetic import write_deck  # noqa: E402

from deckgen.build import BuildOptions, build  # noqa: E402
from e2e.browser import launch  # noqa: E402  (the tests' Chromium, same flags)

STEP_BUDGET_MS = 100.0
WARM_UP = 3
FIRST_SLIDE_BUDGET_MS = 1000.0

# Records the first frame after reveal.js is ready, in ms since navigation started.
FIRST_SLIDE_PROBE = """
(function poll() {
  if (window.Reveal && Reveal.isReady && Reveal.isReady()) {
    requestAnimationFrame(() => setTimeout(() => { window.__firstSlide = performance.now(); }));
  } else {
    requestAnimationFrame(poll);
  }
})();
"""

# ``timed(action)`` runs ``action`` and resolves to the ms until the frame after it has painted.
TIMER = """() => {
  window.__timed = (action) => new Promise((resolve) => {
    const start = performance.now();
    action();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start)));
  });
}"""


def _steps(
    page: Page, script: str, count: int, warm_up: int = WARM_UP, prepare: str = ""
) -> list[float]:
    """Return the time of each of ``count`` runs of ``script`` (JavaScript statements that may
    use the step number ``i``), after ``warm_up`` untimed runs (the JIT's first compiles);
    ``prepare`` runs untimed before each."""
    times = page.evaluate(
        f"""async ([count, warmUp]) => {{
          const times = [];
          for (let i = -warmUp; i < count; i++) {{
            {{ {prepare}; }}
            await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
            const time = await __timed(() => {{ {script}; }});
            if (i >= 0) times.push(time);
          }}
          return times;
        }}""",
        [count, warm_up],
    )
    return [float(t) for t in times]


def measure(html: Path, steps: int) -> dict[str, list[float]]:
    """Return the timings (ms) of each kind of step for the deck at ``html``."""
    with launch() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        page.add_init_script(FIRST_SLIDE_PROBE)
        started = time.perf_counter()
        page.goto(html.resolve().as_uri())
        page.wait_for_function("() => window.__firstSlide !== undefined", timeout=60_000)
        wall = (time.perf_counter() - started) * 1000
        page.evaluate("() => document.fonts.ready")
        page.evaluate(TIMER)
        total = int(page.evaluate("() => Reveal.getTotalSlides()"))
        results: dict[str, list[float]] = {
            "time to first slide (in page)": [float(page.evaluate("() => __firstSlide"))],
            "time to first slide (wall, incl. launch of page)": [wall],
        }
        results["next slide"] = _steps(page, "Reveal.next()", steps)
        results["open the menu, first time"] = _steps(page, "deckTools.open(false)", 1, warm_up=0)
        results["close and open the menu"] = _steps(
            page, "deckTools.close(false); deckTools.open(false)", steps
        )
        stride = max(total // steps, 1)
        target = (
            f"document.querySelector('.deck-outline a[data-index=\"' + "
            f"(({total} - 1 - i * {stride}) % {total}) + '\"]')"
        )
        results["jump via menu (click a slide in the outline)"] = _steps(
            page,
            f"{target}.click()",
            steps,
            # as a reader would: unfold the slide's part first (untimed)
            prepare=f"const part = {target}.closest('.deck-outline-part'); "
            "if (part) deckTools.fold(part, false)",
        )
        # Queries: words from slides spread over the deck, so hits are everywhere.
        queries = page.evaluate(
            f"""() => Reveal.getSlides()
                .filter((_, i) => i % {stride} === {stride} - 1)
                .map(s => (s.querySelector('.frame .title') || s).textContent.trim())
                .filter(Boolean).slice(0, {steps})"""
        )
        page.evaluate("() => document.querySelector('.deck-search-input').focus()")
        results["search, first query"] = _steps(
            page,
            f"deckTools.input.value = {queries[0]!r}; deckTools.search({queries[0]!r})",
            1,
            warm_up=0,
        )
        results["search (type a query, draw results)"] = _steps(
            page,
            f"const q = {queries!r}[(i + {len(queries)}) % {len(queries)}]; "
            "deckTools.input.value = q; deckTools.search(q)",
            steps,
        )
        results["open a search hit (jump and highlight)"] = _steps(
            page,
            f"const q = {queries!r}[(i + {len(queries)}) % {len(queries)}]; "
            "deckTools.search(q); "
            "const hit = deckTools.results[deckTools.results.length - 1]; "
            "deckTools.go(hit.index, deckTools.results.length - 1)",
            steps,
        )
        assert page.evaluate("() => Reveal.getTotalSlides()") == total
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--slides", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="deckgen-nav-") as temp:
        source = write_deck(Path(temp) / "big", args.slides)
        started = time.perf_counter()
        [html] = build(source, Path(temp) / "dist", BuildOptions()).outputs
        built = time.perf_counter() - started
        print(
            f"deck: {args.slides} slides, {html.stat().st_size / 2**20:.1f} MiB, "
            f"built in {built:.1f} s"
        )
        results = measure(html, args.steps)
    print(f"{'step':52} {'median':>8} {'p95':>8} {'max':>8}  (ms)")
    over = []
    for name, times in results.items():
        ordered = sorted(times)
        median = statistics.median(ordered)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(f"{name:52} {median:8.1f} {p95:8.1f} {ordered[-1]:8.1f}")
        budget = FIRST_SLIDE_BUDGET_MS if name.startswith("time to first") else STEP_BUDGET_MS
        if median > budget and "wall" not in name:
            over.append(f"{name}: {median:.1f} ms > {budget:.0f} ms")
    for line in over:
        print(f"over budget: {line}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())

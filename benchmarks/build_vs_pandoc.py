"""Time ``deckgen build`` against pandoc on the same Markdown, in the same run.

    python benchmarks/build_vs_pandoc.py [--sizes 100 1000 10000] [--repeat 3] [--keep DIR]

Decks: the study guide (``decks/generative-production``) and synthetic decks of each size
(``benchmarks/synthetic.py``: bullets, code, notes, tables, images, columns, cards). For each deck
it runs ``deckgen build --format html,pptx`` as a child process and measures its wall time, time per
slide and peak memory (the child's maximum resident set size, from ``os.wait4``). pandoc (from
the ``pypandoc-binary`` wheel) converts the very same Markdown (a folder deck's files joined in
manifest order under one YAML block) to self-contained reveal.js HTML, offline, with the same
reveal.js from ``node_modules``, and to .pptx; the ratio is deckgen's time over pandoc's total.
pandoc runs on decks up to ``--pandoc-max-slides`` (1,000 by default: its .pptx writer takes
minutes on 10,000 slides, and no target compares with it there).

deckgen runs as after any install: from cached bytecode (kept in the work folder, filled by a
warm-up build), even where ``PYTHONDONTWRITEBYTECODE`` is set. Times are the median of
``--repeat`` runs (one run above 1,000 slides). On a busy machine wall times swing; the
"cpu ratio" column (user + system time of both programs) is the steadier comparison.

Prints a table and the verdict on each target; exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import synthetic

REPO = Path(__file__).resolve().parents[1]
STUDY_GUIDE = REPO / "decks" / "generative-production"
REVEAL = REPO / "node_modules" / "reveal.js"
REVEAL_PLUGINS = ("notes", "search", "zoom")
MB = 1024 * 1024

# Targets from issue 7: deckgen's time over pandoc's (both formats), growth and memory at 10,000.
STUDY_GUIDE_RATIO = 0.35
THOUSAND_RATIO = 0.4
TEN_THOUSAND_GROWTH = 12.0
PEAK_MEMORY_BYTES = 1.5 * 1024 * MB


@dataclass(frozen=True)
class Timing:
    """One child process: wall seconds, CPU seconds (user + system), peak resident bytes."""

    seconds: float
    cpu_seconds: float
    peak_bytes: int


def child_environment(workdir: Path) -> dict[str, str]:
    """Return the environment for deckgen: Python's bytecode cache on, kept in ``workdir``.

    An installed deckgen runs from cached bytecode; an environment with PYTHONDONTWRITEBYTECODE
    (some CI images) would recompile deckgen's modules on every run and time that instead.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    return env


CHILD_ENV: dict[str, str] | None = None  # set by main()


def run_child(command: list[str], cwd: Path) -> Timing:
    """Run ``command``; return its wall time and peak memory. Raise RuntimeError if it fails."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV
    )
    assert process.stderr is not None
    stderr = process.stderr.read()  # fine: every command here writes little to stderr
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {process.returncode}: {stderr.decode(errors='replace')}"
        )
    cpu = usage.ru_utime + usage.ru_stime
    return Timing(seconds, cpu, usage.ru_maxrss * 1024)  # Linux reports kilobytes


def median(runs: list[Timing]) -> Timing:
    """Return the median wall and CPU time of ``runs``, and their largest peak memory."""
    return Timing(
        statistics.median(r.seconds for r in runs),
        statistics.median(r.cpu_seconds for r in runs),
        max(r.peak_bytes for r in runs),
    )


def deckgen_command() -> list[str]:
    """Return the command that runs deckgen: the script beside this Python, else ``-m``."""
    script = Path(sys.executable).with_name("deckgen")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "deckgen"]


def pandoc_binary() -> str:
    """Return pandoc's path from the pypandoc-binary wheel."""
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def reveal_for_pandoc(workdir: Path) -> Path:
    """Return a folder laid out as pandoc's revealjs template expects, linking node_modules.

    reveal.js 6 ships its plugins as ``dist/plugin/<name>.js``; pandoc's template asks for
    ``plugin/<name>/<name>.js``. Links to the very same files keep pandoc offline.
    """
    if not (REVEAL / "dist" / "reveal.js").is_file():
        raise SystemExit("reveal.js is not installed: run 'npm ci' in the checkout")
    folder = workdir / "reveal.js"
    (folder / "plugin").mkdir(parents=True, exist_ok=True)
    (folder / "dist").symlink_to(REVEAL / "dist")
    for name in REVEAL_PLUGINS:
        (folder / "plugin" / name).mkdir()
        (folder / "plugin" / name / f"{name}.js").symlink_to(
            REVEAL / "dist" / "plugin" / f"{name}.js"
        )
    return folder


def warm_up(workdir: Path) -> bool:
    """Build a small deck once (filling the bytecode cache); return True if .pptx works.

    The .pptx backend may not have landed yet in a given checkout.
    """
    probe = workdir / "probe"
    synthetic.write_deck(probe, 10)
    command = [*deckgen_command(), "build", str(probe), "-o", str(workdir / "probe-out")]
    html = subprocess.run([*command, "-f", "html"], capture_output=True, env=CHILD_ENV)
    if html.returncode != 0:
        raise SystemExit(f"deckgen fails on a synthetic deck: {html.stderr.decode()}")
    pptx = subprocess.run([*command, "-f", "pptx"], capture_output=True, env=CHILD_ENV)
    return pptx.returncode == 0


@dataclass(frozen=True)
class Row:
    name: str
    slides: int
    deckgen: Timing
    pandoc_html: Timing | None
    pandoc_pptx: Timing | None

    @property
    def pandoc_seconds(self) -> float | None:
        parts = [t.seconds for t in (self.pandoc_html, self.pandoc_pptx) if t is not None]
        return sum(parts) if parts else None

    @property
    def ratio(self) -> float | None:
        pandoc = self.pandoc_seconds
        return self.deckgen.seconds / pandoc if pandoc else None

    @property
    def cpu_ratio(self) -> float | None:
        """Return deckgen's CPU time over pandoc's: steadier than wall time on a busy machine."""
        parts = [t.cpu_seconds for t in (self.pandoc_html, self.pandoc_pptx) if t is not None]
        return self.deckgen.cpu_seconds / sum(parts) if parts else None


def count_slides(html: Path) -> int:
    """Return the number of slides in a deckgen HTML deck."""
    return html.read_text(encoding="utf-8").count("<section id=")


def measure(
    name: str,
    deck: Path,
    workdir: Path,
    formats: str,
    with_pandoc: bool,
    repeat: int,
    reveal: Path,
) -> Row:
    """Return the timings of deckgen and pandoc on the deck folder ``deck``.

    The runs alternate (deckgen, pandoc html, pandoc pptx, then again), so a passing burst of
    load on the machine falls on both programs alike.
    """
    outdir = workdir / "out" / name
    commands: dict[str, tuple[list[str], Path]] = {
        "deckgen": (
            [*deckgen_command(), "build", str(deck), "-o", str(outdir), "--format", formats],
            REPO,
        )
    }
    if with_pandoc:
        source = workdir / "pandoc" / f"{name}.md"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text(synthetic.pandoc_source(deck), encoding="utf-8")
        pandoc = pandoc_binary()
        commands["html"] = (
            [
                pandoc, str(source), "-t", "revealjs", "--standalone", "--embed-resources",
                "-V", f"revealjs-url={reveal}", "-o", str(source.with_suffix(".html")),
            ],
            deck,  # images resolve against the deck folder
        )  # fmt: skip
        if formats == "html,pptx":
            commands["pptx"] = ([pandoc, str(source), "-o", str(source.with_suffix(".pptx"))], deck)
    runs: dict[str, list[Timing]] = {key: [] for key in commands}
    for _ in range(repeat):
        for key, (command, cwd) in commands.items():
            runs[key].append(run_child(command, cwd))
    timings = {key: median(values) for key, values in runs.items()}
    slides = count_slides(outdir / f"{deck.name}.html")
    return Row(name, slides, timings["deckgen"], timings.get("html"), timings.get("pptx"))


def seconds(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def print_table(rows: list[Row], formats: str) -> None:
    header = (
        f"{'deck':22} {'slides':>6} {'deckgen s':>9} {'ms/slide':>8} {'peak MB':>8} "
        f"{'pandoc html':>11} {'pandoc pptx':>11} {'pandoc s':>8} {'ratio':>6} {'cpu ratio':>9}"
    )
    print(f"deckgen build --format {formats}  vs  pandoc (revealjs self-contained + pptx)")
    print(header)
    print("-" * len(header))
    for row in rows:
        ratio = "—" if row.ratio is None else f"{row.ratio:.2f}×"
        cpu_ratio = "—" if row.cpu_ratio is None else f"{row.cpu_ratio:.2f}×"
        print(
            f"{row.name:22} {row.slides:6d} {row.deckgen.seconds:9.2f} "
            f"{1000 * row.deckgen.seconds / row.slides:8.2f} {row.deckgen.peak_bytes / MB:8.0f} "
            f"{seconds(row.pandoc_html and row.pandoc_html.seconds):>11} "
            f"{seconds(row.pandoc_pptx and row.pandoc_pptx.seconds):>11} "
            f"{seconds(row.pandoc_seconds):>8} {ratio:>6} {cpu_ratio:>9}"
        )


def verdicts(rows: dict[str, Row]) -> list[tuple[str, bool | None, str]]:
    """Return (target, met or None when not measured, measured value) for each target."""
    results: list[tuple[str, bool | None, str]] = []

    def ratio_target(name: str, label: str, limit: float) -> None:
        row = rows.get(name)
        if row is None or row.ratio is None:
            results.append((f"{label} ≤ {limit}× pandoc", None, "not measured"))
        else:
            results.append((f"{label} ≤ {limit}× pandoc", row.ratio <= limit, f"{row.ratio:.2f}×"))

    ratio_target("generative-production", "study guide", STUDY_GUIDE_RATIO)
    ratio_target("synthetic-1000", "1,000 slides", THOUSAND_RATIO)
    small, large = rows.get("synthetic-1000"), rows.get("synthetic-10000")
    if small and large:
        growth = large.deckgen.seconds / small.deckgen.seconds
        results.append(
            (f"10,000 slides ≤ {TEN_THOUSAND_GROWTH:g}× the 1,000-slide time",
             growth <= TEN_THOUSAND_GROWTH, f"{growth:.1f}×")
        )  # fmt: skip
    if large:
        peak = large.deckgen.peak_bytes
        results.append(("10,000 slides peak memory ≤ 1.5 GB", peak <= PEAK_MEMORY_BYTES,
                        f"{peak / MB:.0f} MB"))  # fmt: skip
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--pandoc-max-slides",
        type=int,
        default=1000,
        help="run pandoc only on decks up to this many slides (default 1000; pandoc's pptx "
        "writer needs minutes for 10,000)",
    )
    parser.add_argument("--no-study-guide", action="store_true", help="skip the study guide")
    parser.add_argument("--keep", type=Path, help="keep the generated decks and outputs here")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="deckgen-bench-"))
    global CHILD_ENV
    CHILD_ENV = child_environment(workdir)
    try:
        formats = "html,pptx" if warm_up(workdir) else "html"
        if formats == "html":
            print("note: this deckgen has no .pptx backend yet; timing HTML only, and pandoc's")
            print("      revealjs only, so the ratios compare like with like.\n")
        reveal = reveal_for_pandoc(workdir)
        decks: list[tuple[str, Path]] = []
        if not args.no_study_guide:
            decks.append(("generative-production", STUDY_GUIDE))
        for size in args.sizes:
            folder = workdir / "decks" / f"synthetic-{size}"
            synthetic.write_deck(folder, size)
            decks.append((f"synthetic-{size}", folder))
        os.sync()  # write the generated decks out now, not while something is being timed
        rows: list[Row] = []
        for name, deck in decks:
            size = count_source_slides(deck)
            repeat = args.repeat if size <= 1000 else 1
            with_pandoc = size <= args.pandoc_max_slides
            rows.append(measure(name, deck, workdir, formats, with_pandoc, repeat, reveal))
            print(f"  measured {name}", file=sys.stderr)
        print_table(rows, formats)
        several = measure_several([deck for _, deck in decks if count_source_slides(deck) <= 1000],
                                  workdir, formats)  # fmt: skip
        if several is not None:
            together, apart, count = several
            print(f"\n{count} decks in one call: {together:.2f} s (one call each: {apart:.2f} s)")
        print()
        missed = False
        for target, met, value in verdicts({row.name: row for row in rows}):
            mark = "not measured" if met is None else ("met" if met else "MISSED")
            missed |= met is False
            print(f"{target:48} {value:>14}  {mark}")
        if args.keep:
            shutil.copytree(workdir, args.keep, dirs_exist_ok=True, symlinks=True)
        return 1 if missed else 0
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def count_source_slides(deck: Path) -> int:
    """Return a rough slide count of a folder deck: its slide headings (to pick repeats)."""
    return sum(
        line.startswith(("# ", "## "))
        for path in deck.glob("*.md")
        for line in path.read_text(encoding="utf-8").splitlines()
    )


def measure_several(
    decks: list[Path], workdir: Path, formats: str
) -> tuple[float, float, int] | None:
    """Return (seconds for one call building ``decks``, seconds for one call per deck, count)."""
    if len(decks) < 2:
        return None
    outdir = workdir / "out" / "several"
    base = [*deckgen_command(), "build", "-o", str(outdir), "--format", formats]
    together = run_child([*base, *map(str, decks)], REPO).seconds
    apart = sum(run_child([*base, str(deck)], REPO).seconds for deck in decks)
    return together, apart, len(decks)


if __name__ == "__main__":
    sys.exit(main())

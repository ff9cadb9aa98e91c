"""Generate synthetic decks for benchmarks: a folder deck of N slides in pandoc slide Markdown.

The slides cycle through what course material holds (bullets with nested items, inline styles,
code, console sessions, tables, images with captions, columns, card grids) and almost every slide
has speaker notes. Text is drawn from a fixed vocabulary with a seeded random generator, so the
same arguments always write the same bytes.

    python benchmarks/synthetic.py OUTDIR --slides 1000

``write_deck`` is the entry point for other scripts; ``pandoc_source`` turns any folder deck into
the single Markdown file (a YAML block, then the files in manifest order) that pandoc reads.
"""

from __future__ import annotations

import argparse
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import yaml

SLIDES_PER_FILE = 100
SLIDES_PER_SECTION = 25
IMAGE_COUNT = 4
VOCABULARY = (
    "agent model prompt frame shot scene render camera light colour grade edit timeline clip "
    "token context budget review commit branch merge test deploy script storyboard asset "
    "texture motion sound mix export preview iterate refine compose sketch palette lens focus "
    "depth shadow contrast workflow pipeline version archive license credit schedule draft"
)
WORDS = tuple(VOCABULARY.split())
LANGUAGES = ("python", "javascript", "bash", "yaml")


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """Return a PNG of ``width`` x ``height`` pixels: a gradient band on a ``rgb`` background."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter: none
        for x in range(width):
            shade = (x * 255) // max(width - 1, 1) if height // 3 <= y < 2 * height // 3 else None
            rows += bytes(rgb if shade is None else (shade, shade, 255 - shade))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


class _Text:
    """Seeded sentences and phrases from ``WORDS``."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)

    def words(self, low: int, high: int) -> str:
        return " ".join(self.random.choice(WORDS) for _ in range(self.random.randint(low, high)))

    def sentence(self, low: int = 6, high: int = 14) -> str:
        text = self.words(low, high)
        return text[0].upper() + text[1:] + "."

    def title(self, number: int) -> str:
        return f"{self.words(2, 4).capitalize()} {number}"


def _bullets(text: _Text, number: int) -> list[str]:
    return [
        text.sentence(4, 8),
        "",
        f"- **{text.words(1, 2)}** — {text.words(3, 8)}",
        f"- {text.words(3, 7)} with `{text.random.choice(WORDS)}()`",
        f"  - {text.words(2, 5)}",
        f"  - *{text.words(2, 4)}*",
        f"- {text.words(4, 9)}",
        "",
        text.sentence(8, 14),
    ]


def _code(text: _Text, number: int) -> list[str]:
    language = LANGUAGES[number % len(LANGUAGES)]
    name = text.random.choice(WORDS)
    body = {
        "python": [
            f"def {name}_{number}(frames):",
            f'    """{text.sentence(3, 6)}"""',
            "    total = 0",
            "    for frame in frames:",
            f"        total += frame.{text.random.choice(WORDS)}",
            "    return total",
        ],
        "javascript": [
            f"function {name}{number}(clips) {{",
            f"  // {text.words(3, 6)}",
            "  return clips.filter((c) => c.length > 2).map((c) => c.id);",
            "}",
        ],
        "bash": [
            f"for f in {name}/*.mov; do",
            '  ffmpeg -i "$f" -vf scale=1280:-2 "out/${f##*/}"',
            "done",
        ],
        "yaml": [f"{name}:", f"  draft: {number}", f"  note: {text.words(2, 5)}"],
    }[language]
    return [text.sentence(3, 7), "", f"```{language}", *body, "```"]


def _console(text: _Text, number: int) -> list[str]:
    folder = text.random.choice(WORDS)
    return [
        "```console",
        f"$ cd ~/{folder}-{number}",
        "$ ls",
        f"README.md   {text.random.choice(WORDS)}.py   assets/",
        "$ git status --short",
        f" M {text.random.choice(WORDS)}.md",
        "```",
        "",
        text.sentence(6, 12),
    ]


def _table(text: _Text, number: int) -> list[str]:
    lines = [text.sentence(3, 6), "", "| Tool | Use | Cost | Rating |", "|:--|:--|--:|:-:|"]
    for row in range(4):
        cost = text.random.randint(0, 90)
        stars = "★" * (1 + (row + number) % 5)
        lines.append(f"| {text.words(1, 2)} | {text.words(2, 5)} | {cost} | {stars} |")
    return lines


def _image(text: _Text, number: int) -> list[str]:
    return [
        f"![{text.words(3, 6)}](images/figure-{number % IMAGE_COUNT}.png)",
        "",
        text.sentence(5, 10),
    ]


def _columns(text: _Text, number: int) -> list[str]:
    return [
        ":::: columns",
        '::: {.column width="40%"}',
        f"- {text.words(2, 5)}",
        f"- {text.words(2, 5)}",
        ":::",
        "::: column",
        text.sentence(6, 12),
        ":::",
        "::::",
    ]


def _cards(text: _Text, number: int) -> list[str]:
    return [
        text.sentence(3, 6),
        "",
        "::: cards",
        *(f"- {text.words(1, 2)} · {text.words(1, 2)}" for _ in range(4)),
        ":::",
    ]


SLIDE_BODIES: tuple[Callable[[_Text, int], list[str]], ...] = (
    _bullets,
    _code,
    _table,
    _image,
    _console,
    _bullets,
    _columns,
    _cards,
)


def _slide(text: _Text, number: int) -> list[str]:
    lines = [
        f"## {text.title(number)}",
        "",
        *SLIDE_BODIES[number % len(SLIDE_BODIES)](text, number),
    ]
    if number % 7:
        lines += ["", "::: notes", text.sentence(20, 40), "", text.sentence(10, 20), ":::"]
    return lines + [""]


def write_deck(folder: Path, slides: int, seed: int = 0) -> Path:
    """Write a folder deck of ``slides`` slides (title slide and section dividers included).

    Returns ``folder``. Files hold ``SLIDES_PER_FILE`` slides each and are listed in
    ``deck.yaml``; images live in ``folder/images``.
    """
    if slides < 2:
        raise ValueError("a synthetic deck has at least 2 slides (title and one more)")
    text = _Text(seed)
    (folder / "images").mkdir(parents=True, exist_ok=True)
    palette = [(30, 40, 60), (200, 80, 40), (40, 140, 90), (120, 60, 160)]
    for index in range(IMAGE_COUNT):
        (folder / "images" / f"figure-{index}.png").write_bytes(png(160, 90, palette[index]))
    remaining = slides - 1  # the title slide comes from deck.yaml
    files: list[str] = []
    number = 0
    while remaining:
        lines: list[str] = []
        for _ in range(min(SLIDES_PER_FILE, remaining)):
            number += 1
            if number % SLIDES_PER_SECTION == 1:
                lines += [f"# Part {number // SLIDES_PER_SECTION + 1}", "", text.sentence(4, 8), ""]
            else:
                lines += _slide(text, number)
            remaining -= 1
        name = f"{len(files) + 1:03d}-part.md"
        (folder / name).write_text("\n".join(lines), encoding="utf-8")
        files.append(name)
    manifest = {
        "title": f"Synthetic deck of {slides} slides",
        "subtitle": "Generated for benchmarks",
        "lang": "en",
        "slide-level": 2,
        "files": files,
    }
    (folder / "deck.yaml").write_text(
        yaml.safe_dump(manifest, sort_keys=False, allow_unicode=True), encoding="utf-8"
    )
    return folder


# deckgen settings that mean something else to pandoc (pandoc's ``theme`` is a reveal.js theme).
NOT_FOR_PANDOC = ("files", "theme")


def pandoc_source(folder: Path) -> str:
    """Return a folder deck as one Markdown document for pandoc: YAML block, then the files.

    The files come in ``deck.yaml`` order (by name without a manifest), each separated by a blank
    line, exactly as written; settings pandoc would misread are left out of the YAML block.
    """
    manifest_path = folder / "deck.yaml"
    manifest = (
        yaml.safe_load(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    )
    names = manifest.get("files") or sorted(p.name for p in folder.glob("*.md"))
    settings = {key: value for key, value in manifest.items() if key not in NOT_FOR_PANDOC}
    parts = []
    if settings:
        parts.append(
            "---\n" + yaml.safe_dump(settings, sort_keys=False, allow_unicode=True) + "---\n"
        )
    parts += [(folder / name).read_text(encoding="utf-8") for name in names]
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path, help="folder to write the deck into")
    parser.add_argument("--slides", type=int, default=100, help="number of slides (default 100)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    args = parser.parse_args()
    write_deck(args.outdir, args.slides, args.seed)
    print(f"wrote a {args.slides}-slide deck to {args.outdir}")


if __name__ == "__main__":
    main()

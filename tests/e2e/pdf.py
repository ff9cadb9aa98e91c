"""Read a PDF as a person would with poppler's tools: its pages, their text, fonts and links."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from textnorm import normalize_lines


def run(*command: str) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout


@dataclass(frozen=True)
class PdfInfo:
    pages: int
    width: float  # points
    height: float


def pdf_info(pdf: Path) -> PdfInfo:
    text = run("pdfinfo", str(pdf))
    pages = re.search(r"^Pages:\s+(\d+)$", text, re.M)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", text, re.M)
    assert pages and size, text
    return PdfInfo(int(pages[1]), float(size[1]), float(size[2]))


def page_lines(pdf: Path, pages: int) -> list[list[str]]:
    """Return each page's text (pdftotext, reading order) as normalized lines."""
    return [
        normalize_lines(run("pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"))
        for n in range(1, pages + 1)
    ]


def without_slide_number(lines: list[str], number: int) -> list[str]:
    """Return ``lines`` without the slide number reveal.js prints at the bottom of the page."""
    position = max((i for i, line in enumerate(lines) if line == str(number)), default=None)
    assert position is not None, f"page of slide {number} has no slide number: {lines}"
    return lines[:position] + lines[position + 1 :]


@dataclass(frozen=True)
class FontRow:
    name: str
    embedded: bool


def pdf_fonts(pdf: Path) -> list[FontRow]:
    """Return the fonts ``pdffonts`` lists: name and whether it is embedded."""
    rows = []
    for line in run("pdffonts", str(pdf)).splitlines()[2:]:
        fields = line.split()
        # name, type words..., encoding, emb, sub, uni, object number, generation
        rows.append(FontRow(fields[0], fields[-5] == "yes"))
    return rows


def pdf_links(pdf: Path) -> list[str]:
    """Return the link targets ``pdftohtml -xml`` finds: URLs, and ``#N`` for a link to page N."""
    xml = run("pdftohtml", "-xml", "-i", "-stdout", str(pdf))
    targets = []
    for href in re.findall(r'<a href="([^"]*)"', xml):
        page = re.fullmatch(r"[^#]*\.html#(\d+)", href)
        targets.append(f"#{page[1]}" if page else href)
    return targets

"""Diagnostics: warnings travel as data beside the model; errors stop the build in one line."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

import click

MAX_LINES_SHOWN = 8


class Level(enum.Enum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where something came from: a source file and a 1-based line number (0 = whole file)."""

    path: str
    line: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One finding about the source, reported as ``file:line: level: message``.

    ``group`` names the kind of finding; the same finding of one group in one file is reported
    as one line (``grouped``), so a deck that repeats a construct gets one warning, not hundreds.
    """

    origin: Origin
    level: Level
    message: str
    group: str = ""

    def __str__(self) -> str:
        return f"{self.origin}: {self.level.value}: {self.message}"


def grouped(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Return ``diagnostics`` with repeats of a grouped finding in one file merged into the
    first, which says how many more there are and on which lines; ungrouped ones stay apart.
    """
    firsts: dict[tuple[str, str, Level, str], int] = {}
    lines: dict[int, list[int]] = {}
    result: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if not diagnostic.group:
            result.append(diagnostic)
            continue
        key = (diagnostic.origin.path, diagnostic.group, diagnostic.level, diagnostic.message)
        if key in firsts:
            lines[firsts[key]].append(diagnostic.origin.line)
            continue
        firsts[key] = len(result)
        lines[len(result)] = []
        result.append(diagnostic)
    for index, more in lines.items():
        if more:
            shown = ", ".join(str(line) for line in sorted(set(more))[:MAX_LINES_SHOWN])
            extra = "…" if len(set(more)) > MAX_LINES_SHOWN else ""
            first = result[index]
            message = f"{first.message} (and {len(more)} more in this file: lines {shown}{extra})"
            result[index] = Diagnostic(first.origin, first.level, message, first.group)
    return result


class DeckError(click.ClickException):
    """A problem with the input or output that stops the build; shown as one line, exit 1."""

    def __init__(self, origin: Origin | str, message: str) -> None:
        super().__init__(message)
        self.origin = origin

    def format_message(self) -> str:
        return f"{self.origin}: error: {self.message}"

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)

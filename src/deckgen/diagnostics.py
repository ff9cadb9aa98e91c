"""Diagnostics: warnings travel as data beside the model; errors stop the build in one line."""

from __future__ import annotations

import enum
from dataclasses import dataclass

import click


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
    """One finding about the source, reported as ``file:line: level: message``."""

    origin: Origin
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.level.value}: {self.message}"


class DeckError(click.ClickException):
    """A problem with the input or output that stops the build; shown as one line, exit 1."""

    def __init__(self, origin: Origin | str, message: str) -> None:
        super().__init__(message)
        self.origin = origin

    def format_message(self) -> str:
        return f"{self.origin}: error: {self.message}"

    def show(self, file: object = None) -> None:
        click.echo(self.format_message(), err=True)

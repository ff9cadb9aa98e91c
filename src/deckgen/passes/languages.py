"""Code blocks whose language no highlighter knows: shown as plain text, and said so."""

from __future__ import annotations

from deckgen import constructs
from deckgen.constructs import Scope
from deckgen.diagnostics import Diagnostic, Level
from deckgen.highlight import is_known_language
from deckgen.model import CodeBlock, Slide
from deckgen.passes.walk import walk_blocks


def check_code_languages(slides: list[Slide], diagnostics: list[Diagnostic]) -> None:
    """Report code blocks whose language no highlighter knows (they are shown as plain text)."""
    for slide in slides:
        for block in walk_blocks(slide.body + slide.takeaways):
            if (
                isinstance(block, CodeBlock)
                and not is_known_language(block.language)
                and constructs.warned(Scope.CODE, (block.language or "").lower()) is None
            ):  # a diagram's own warning says more
                diagnostics.append(
                    Diagnostic(
                        block.origin,
                        Level.WARNING,
                        f"unknown code language '{block.language}' (shown as plain text)",
                        "code-language",
                    )
                )

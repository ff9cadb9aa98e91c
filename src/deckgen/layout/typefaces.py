"""The fonts text is measured with: the theme's, widened by a .pptx template's own typefaces.

A template names its heading and body typefaces; PowerPoint and LibreOffice draw the .pptx with
them, so the layout stage measures with their files too, found on this machine through
fontconfig. When a named font is not installed, fontconfig's stand-in is measured instead and a
warning says which (a metric-compatible one, such as Liberation Sans for Arial, wraps the same).
"""

from __future__ import annotations

from collections.abc import Mapping

from deckgen.diagnostics import Diagnostic, Level, Origin
from deckgen.fonts import FontMetrics, find_system_font, load_file_metrics
from deckgen.fontstack import Chain
from deckgen.layout.text import TextMeasure
from deckgen.themes import Theme

# Debian's packages of the fallback fonts the built-in themes name (scripts/install-system-deps)
FONT_PACKAGES = {"Noto Sans CJK": "fonts-noto-cjk", "Noto Serif CJK": "fonts-noto-cjk"}

# Open fonts with the same advance widths as common Office fonts (fontconfig's own list).
METRIC_TWINS = {
    "arial": {"liberation sans", "arimo"},
    "helvetica": {"liberation sans", "arimo"},
    "times new roman": {"liberation serif", "tinos"},
    "courier new": {"liberation mono", "cousine"},
    "calibri": {"carlito"},
    "cambria": {"caladea"},
    "georgia": {"gelasio"},
    "arial narrow": {"liberation sans narrow"},
}


def _stand_in_message(name: str, found: str | None) -> str | None:
    """Return the warning for measuring ``name`` with ``found`` (None: nothing to say)."""
    if found is None:
        return (
            f"cannot look up the template's font '{name}' (fontconfig's fc-match is not "
            "installed): measured with the theme's font; text may wrap differently in PowerPoint"
        )
    if found.casefold() == name.casefold():
        return None
    if found.casefold() in METRIC_TWINS.get(name.casefold(), set()):
        return (
            f"the template's font '{name}' is not installed: measured with the "
            f"metric-compatible '{found}'"
        )
    return (
        f"the template's font '{name}' is not installed and has no metric-compatible stand-in "
        f"here: measured with '{found}'; text may wrap differently in PowerPoint"
    )


def report_missing_fonts(measure: TextMeasure, origin: str, diagnostics: list[Diagnostic]) -> None:
    """Report each fallback font the deck's text needed that is not installed, once."""
    for script, family in sorted(measure.missing_fonts()):
        package = next(
            (name for prefix, name in FONT_PACKAGES.items() if family.startswith(prefix)),
            "fonts-noto-core" if family.startswith("Noto ") else None,
        )
        hint = f" (Debian: apt install {package})" if package else ""
        message = (
            f"the theme's font for {script} characters, '{family}', is not installed{hint}: "
            "they are measured by estimate and the HTML leaves them to the reader's fonts"
        )
        diagnostics.append(Diagnostic(Origin(origin), Level.WARNING, message, "missing-font"))
    letters = measure.unknown_letters()
    if letters:
        message = (
            f"{len(letters)} letters have no font in the theme ('{letters[:12]}'): they are "
            "measured by estimate and left to the reader's fonts; give their script a font in "
            "the theme's [fallback]"
        )
        diagnostics.append(Diagnostic(Origin(origin), Level.WARNING, message, "missing-font"))


def template_measure(
    theme: Theme,
    named: Mapping[str, str],
    origin: str,
    diagnostics: list[Diagnostic],
    chains: Mapping[str, Chain] | None = None,
) -> TextMeasure:
    """Return a text measure for ``theme`` that also fits the typefaces a template ``named``

    for its roles (heading, body); each stand-in used is reported once, at ``origin``.
    """
    extra: dict[str, str] = {}
    for role, name in named.items():
        font = theme.fonts.get(role)
        if font is not None and name.casefold() in (font.office.casefold(), font.family.casefold()):
            continue  # the theme's own font is the template's, or its metric twin
        reported = name in extra.values()
        extra[role] = name
        found = find_system_font(name)
        message = _stand_in_message(name, found.family if found else None)
        if message is not None and not reported:
            diagnostics.append(Diagnostic(Origin(origin), Level.WARNING, message, "template-font"))

    def metrics(role: str, bold: bool, italic: bool) -> FontMetrics | None:
        name = extra.get(role)
        found = find_system_font(name, bold, italic) if name else None
        return load_file_metrics(found.path) if found else None

    return TextMeasure(theme.fonts, metrics if extra else None, chains)

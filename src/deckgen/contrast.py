"""Colour contrast as WCAG 2 defines it, to check that every text role of a theme is readable."""

from __future__ import annotations

from deckgen.themes import Theme

AA_NORMAL_TEXT = 4.5
INVISIBLE_TOKENS = frozenset({"w"})  # white space: drawn as nothing


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4


def luminance(color: str) -> float:
    """Return the relative luminance of ``#rrggbb``."""
    raw = color.lstrip("#")
    if len(raw) == 3:
        raw = "".join(ch * 2 for ch in raw)
    r, g, b = (int(raw[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_pairs(theme: Theme) -> list[tuple[str, str, str]]:
    """Return (role, text colour, background colour) for every text role the theme draws."""
    c = theme.colors
    pairs = [
        ("text", c["text"], c["background"]),
        ("title", c["title"], c["background"]),
        ("subtitle", c["subtitle"], c["background"]),
        ("takeaway", c["takeaway"], c["background"]),
        ("link", c["link"], c["background"]),
        ("accent", c["accent"], c["background"]),
        ("card text", c["text"], c["surface"]),
        ("marked text", c["text"], c["mark"]),
        ("section title", c["section_text"], c["section_background"]),
        ("code", c["code_text"], c["code_background"]),
    ]
    pairs.append(("section subtitle", c["section_subtitle"], c["section_background"]))
    for role in sorted(c):
        if role.startswith("callout_"):
            pairs.append((f"{role.replace('_', ' ')} title", c[role], c["surface"]))
    for token, style in sorted(theme.code_tokens.items()):
        if style.color and token not in INVISIBLE_TOKENS:
            pairs.append((f"code token '{token}'", style.color, c["code_background"]))
    return pairs


def failing_pairs(theme: Theme, minimum: float = AA_NORMAL_TEXT) -> list[str]:
    """Return a line for each text role whose contrast is below ``minimum``."""
    return [
        f"{role}: {fg} on {bg} = {contrast_ratio(fg, bg):.2f}"
        for role, fg, bg in text_pairs(theme)
        if contrast_ratio(fg, bg) < minimum
    ]

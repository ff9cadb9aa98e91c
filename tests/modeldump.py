"""A plain-text dump of the slide model, for fixture files a person can read and check."""

from __future__ import annotations

from pathlib import Path

from deckgen.model import (
    Block,
    BulletList,
    Cards,
    CodeBlock,
    Columns,
    Deck,
    Heading,
    Image,
    ImageRow,
    Inline,
    Length,
    Media,
    Paragraph,
    Quote,
    RawHtml,
    Run,
    Slide,
    Table,
)


def _run(run: Run) -> str:
    text = run.text.replace("\n", "\\n")
    if run.code:
        text = f"`{text}`"
    if run.italic:
        text = f"*{text}*"
    if run.bold:
        text = f"**{text}**"
    if run.strike:
        text = f"~~{text}~~"
    if run.link:
        text = f"[{text}]({run.link})"
    return text


def inline(runs: Inline) -> str:
    return "".join(_run(run) for run in runs)


def _list(block: BulletList, indent: str) -> list[str]:
    lines = []
    for number, item in enumerate(block.items, start=block.start):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{indent}{marker} {inline(item.runs)}")
        for inner in item.blocks:
            if isinstance(inner, BulletList):
                lines += _list(inner, indent + "  ")
            else:
                lines += dump_blocks((inner,), indent + "  ")
    return lines


def _length(length: Length | None) -> str:
    return "" if length is None else f"{length.value:g}{length.unit}"


def _image(block: Image) -> str:
    """Return one line for a picture, video or sound: what it is and every setting it has."""
    name = "image" if block.media is Media.PICTURE else block.media.value
    parts = [f"{name}: alt={block.alt!r} src={Path(block.src).name}"]
    if block.caption:
        parts.append(f"caption={inline(block.caption)!r}")
    for label, value in (
        ("width", _length(block.width)),
        ("height", _length(block.height)),
        ("id", block.id),
        ("classes", " ".join(block.classes)),
        ("link", block.link or ""),
        ("poster", Path(block.poster).name if block.poster else ""),
    ):
        if value:
            parts.append(f"{label}={value}")
    if block.align != "center":
        parts.append(f"align={block.align}")
    return " ".join(parts)


def dump_blocks(blocks: tuple[Block, ...], indent: str = "  ") -> list[str]:
    lines: list[str] = []
    for block in blocks:
        where = f"  @{block.origin.line}" if hasattr(block, "origin") else ""
        if isinstance(block, Paragraph):
            lines.append(f"{indent}paragraph: {inline(block.runs)}{where}")
        elif isinstance(block, Heading):
            lines.append(f"{indent}heading{block.level}: {inline(block.runs)}{where}")
        elif isinstance(block, BulletList):
            lines.append(f"{indent}list:{where}")
            lines += _list(block, indent + "  ")
        elif isinstance(block, CodeBlock):
            numbered = f" numbered from {block.first_line_number}" if block.number_lines else ""
            lines.append(f"{indent}code({block.language or ''}){numbered}:{where}")
            lines += [f"{indent}  | {line}" for line in block.text.split("\n")]
        elif isinstance(block, Image):
            lines.append(f"{indent}{_image(block)}{where}")
        elif isinstance(block, ImageRow):
            lines.append(f"{indent}image row:{where}")
            lines += [f"{indent}  {_image(image)}" for image in block.images]
        elif isinstance(block, Table):
            lines.append(f"{indent}table: {' | '.join(inline(c) for c in block.header)}{where}")
            lines += [f"{indent}  {' | '.join(inline(c) for c in row)}" for row in block.rows]
        elif isinstance(block, Quote):
            lines.append(f"{indent}quote:{where}")
            lines += dump_blocks(block.blocks, indent + "  ")
        elif isinstance(block, Columns):
            lines.append(f"{indent}columns:{where}")
            for column in block.columns:
                lines.append(f"{indent}  column{f' width={column.width}' if column.width else ''}:")
                lines += dump_blocks(column.blocks, indent + "    ")
        elif isinstance(block, Cards):
            lines.append(
                f"{indent}cards: {' | '.join(inline(card) for card in block.cards)}{where}"
            )
        elif isinstance(block, RawHtml):
            lines.append(f"{indent}raw html: {block.html.strip()}{where}")
    return lines


def dump_slide(slide: Slide) -> list[str]:
    lines = [f"[{slide.kind.value}] {inline(slide.title)}  #{slide.id}  @{slide.origin.line}"]
    if slide.section:
        lines.append(f"  section: {slide.section}")
    if slide.subtitle:
        lines.append(f"  subtitle: {inline(slide.subtitle)}")
    lines += dump_blocks(slide.body)
    lines += [f"  takeaway: {inline(p.runs)}" for p in slide.takeaways]
    if slide.notes:
        lines.append("  notes:")
        lines += dump_blocks(slide.notes, "    ")
    return lines


def dump_deck(deck: Deck) -> str:
    lines = []
    for slide in deck.slides:
        lines += dump_slide(slide)
    return "\n".join(lines) + "\n"

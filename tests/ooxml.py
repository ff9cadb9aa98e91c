"""Validate .pptx files against the OOXML schemas and rules with openxml-audit (from PyPI).

python-pptx and LibreOffice open files that PowerPoint would "repair" (shapes sharing an id,
elements out of schema order); this validator does not, so every .pptx the tests write goes
through it (``conftest.py`` checks each test's new .pptx files after the test).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import openxml_audit.context
from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity

_positions: dict[etree._Element, dict[etree._Element, int]] = {}


def _sibling_position(element: etree._Element) -> int:
    """Return the 1-based position of ``element`` among its parent's children of its tag.

    openxml-audit 0.8.0 finds it by walking the siblings for every element, which is quadratic:
    minutes for one paragraph of 40,000 runs (the 100,000-character stress lines). Here each
    parent's children are counted once per file. The position only names where an error is.
    The table holds the elements, so lxml hands out the same objects while it is in use.
    """
    parent = element.getparent()
    if parent is None:
        return 1
    table = _positions.get(parent)
    if table is None:
        table, counts = {}, {}
        for child in parent:
            counts[child.tag] = counts.get(child.tag, 0) + 1
            table[child] = counts[child.tag]
        _positions[parent] = table
    return table[element]


@cache
def _validator() -> OpenXmlValidator:
    openxml_audit.context._sibling_position = _sibling_position
    return OpenXmlValidator(file_format=FileFormat.OFFICE_2019, max_errors=20)


def pptx_problems(path: Path) -> list[str]:
    """Return the errors openxml-audit finds in the .pptx at ``path`` (none: a valid file)."""
    try:
        result = _validator().validate(path)
    finally:
        _positions.clear()
    return [str(e) for e in result.errors if e.severity is ValidationSeverity.ERROR]


def pptx_files_since(folder: Path, start_ns: int) -> list[Path]:
    """Return the .pptx files under ``folder`` written at or after ``start_ns`` (a time in ns)."""
    found = []
    for path in sorted(folder.rglob("*.pptx")):
        try:
            if path.is_file() and path.stat().st_mtime_ns >= start_ns:
                found.append(path)
        except FileNotFoundError:  # removed while we looked
            continue
    return found

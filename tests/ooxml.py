"""Validate .pptx files against the OOXML schemas and rules with openxml-audit (from PyPI).

python-pptx and LibreOffice open files that PowerPoint would "repair" (shapes sharing an id,
elements out of schema order); this validator does not, so every .pptx the tests write goes
through it (``conftest.py`` checks each test's new .pptx files after the test).
"""

from __future__ import annotations

import re
import zipfile
from functools import cache
from pathlib import Path

import openxml_audit.context
from lxml import etree
from openxml_audit import FileFormat, OpenXmlValidator, ValidationSeverity

_positions: dict[etree._Element, dict[etree._Element, int]] = {}

# Office Math in DrawingML ([MS-ODRAWXML] 2.2.5) takes DrawingML's run properties (``a:rPr``)
# where Word's (``w:rPr``) stand, in ``m:r`` and ``m:ctrlPr``, as PowerPoint writes them;
# openxml-audit knows only Word's math schema there, so exactly those findings are set aside.
DRAWINGML_MATH_RUN = re.compile(r"/(?:oMath|oMathPara)\[\d+\]/.*'rPr'")
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


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
    errors = (str(e) for e in result.errors if e.severity is ValidationSeverity.ERROR)
    return [error for error in errors if not DRAWINGML_MATH_RUN.search(error)]


def missing_animation_targets(path: Path) -> list[str]:
    """Return each animation target naming no shape on its slide (openxml-audit checks no
    cross-reference from an animation to a shape; PowerPoint repairs such a file)."""
    missing = []
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if not re.fullmatch(r"ppt/slides/slide\d+\.xml", name):
                continue
            slide = etree.fromstring(package.read(name))
            ids = set(slide.xpath(".//p:cSld//p:cNvPr/@id", namespaces={"p": P[1:-1]}))
            for target in slide.iter(f"{P}spTgt"):
                if target.get("spid") not in ids:
                    missing.append(f"{name}: animation of shape {target.get('spid')}, not there")
    return missing


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

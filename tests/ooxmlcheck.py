"""Validate a .pptx against the OOXML schemas two ways: the shared strict checker, openxml-audit.

The shared checker (``shared/ooxml/validate.py``, beside the repository, as CI lays it out) checks
every XML part against ECMA-376 and PresentationML's cross-references, animation targets
included. openxml-audit (PyPI, pinned in pyproject.toml) is a maintained port of the Open XML
SDK's validator: schema and semantic rules, but not whether an animation names a real shape.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from openxml_audit import OpenXmlValidator

REPO = Path(__file__).resolve().parents[1]


def shared_validator() -> Path:
    """Return ``shared/ooxml/validate.py`` from the nearest folder above the repository."""
    for folder in REPO.parents:
        script = folder / "shared" / "ooxml" / "validate.py"
        if script.is_file():
            return script
    raise AssertionError(f"no shared/ooxml/validate.py in any folder above {REPO}")


def shared_findings(*paths: Path) -> dict[Path, list[str]]:
    """Return each file's errors as the shared checker reports them (``kind: message``)."""
    run = subprocess.run(
        [sys.executable, str(shared_validator()), "--json", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    reports = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == len(paths), run.stderr or run.stdout
    return {
        path: [
            f"{finding['kind']}: {finding['message']}"
            for finding in report["findings"]
            if finding["severity"] == "error"
        ]
        for path, report in zip(paths, reports, strict=True)
    }


# Office Math in DrawingML ([MS-ODRAWXML] 2.2.5) takes DrawingML's run properties (``a:rPr``)
# where Word's (``w:rPr``) stand, in ``m:r`` and ``m:ctrlPr``, as PowerPoint writes them;
# openxml-audit knows only Word's math schema there. The shared checker reads these parts as a
# consumer without a14 would (the fallback), and the math tests check the OMML apart.
DRAWINGML_MATH_RUN = re.compile(r"/(?:oMath|oMathPara)\[\d+\]/.*'rPr'")


@cache
def _audit() -> OpenXmlValidator:
    return OpenXmlValidator()


def audit_findings(path: Path) -> list[str]:
    """Return the errors openxml-audit finds in ``path``."""
    errors = (str(error) for error in _audit().validate(path).errors)
    return [error for error in errors if not DRAWINGML_MATH_RUN.search(error)]


def validation_problems(*paths: Path) -> list[str]:
    """Return every error either checker finds in ``paths`` (none: the files are valid)."""
    problems = [
        f"{path.name}: validate.py: {finding}"
        for path, findings in shared_findings(*paths).items()
        for finding in findings
    ]
    for path in paths:
        problems += [f"{path.name}: openxml-audit: {error}" for error in audit_findings(path)]
    return problems

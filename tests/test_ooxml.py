"""The OOXML validator every .pptx of the tests goes through catches what PowerPoint repairs.

python-pptx and LibreOffice open a file whose shapes share an id, or whose run properties are out
of schema order; PowerPoint offers to repair it. These are negative controls for ``ooxml.py``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.build import BuildOptions, Format, build
from ooxml import pptx_problems

FEATURES = Path(__file__).parent / "fixtures" / "pptx" / "features.md"
SLIDE = re.compile(r"ppt/slides/slide\d+\.xml")


@pytest.fixture(scope="module")
def good_pptx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("features")
    [path] = build(FEATURES, outdir, BuildOptions(formats=(Format.PPTX,))).outputs
    return path


def rewritten(source: Path, target: Path, change: Callable[[str], str]) -> Path:
    """Return ``target``: ``source`` with ``change`` applied to the first slide it alters."""
    changed = False
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if not changed and SLIDE.fullmatch(info.filename):
                text = change(data.decode("utf-8"))
                changed = text != data.decode("utf-8")
                data = text.encode("utf-8")
            new.writestr(info, data)
    assert changed, "no slide had what the change needs"
    return target


def duplicate_shape_id(xml: str) -> str:
    """Give a slide's second shape the id of its first (the first id is the shape tree's)."""
    ids = re.findall(r'<p:cNvPr id="(\d+)"', xml)
    if len(ids) < 3:
        return xml
    return xml.replace(f'<p:cNvPr id="{ids[2]}"', f'<p:cNvPr id="{ids[1]}"', 1)


def latin_before_fill(xml: str) -> str:
    """Put ``a:latin`` before ``a:solidFill`` in one run's properties (the schema says after)."""
    return re.sub(
        r"(<a:solidFill>(?:(?!</a:solidFill>).)*</a:solidFill>)(<a:latin [^>]*/>)",
        r"\2\1",
        xml,
        count=1,
    )


def test_a_built_deck_is_valid(good_pptx: Path) -> None:
    assert pptx_problems(good_pptx) == []


@pytest.mark.unvalidated_pptx("broken on purpose")
def test_two_shapes_with_one_id_are_caught(good_pptx: Path, tmp_path: Path) -> None:
    broken = rewritten(good_pptx, tmp_path / "duplicate-id.pptx", duplicate_shape_id)
    assert any("Duplicate shape ID" in p for p in pptx_problems(broken))


@pytest.mark.unvalidated_pptx("broken on purpose")
def test_run_properties_out_of_schema_order_are_caught(good_pptx: Path, tmp_path: Path) -> None:
    broken = rewritten(good_pptx, tmp_path / "out-of-order.pptx", latin_before_fill)
    assert any("Unexpected element 'solidFill'" in p for p in pptx_problems(broken))


@pytest.mark.unvalidated_pptx("broken on purpose")
def test_the_suite_check_fails_a_test_that_writes_an_invalid_pptx(
    good_pptx: Path, pytester: pytest.Pytester
) -> None:
    """The autouse check in conftest.py fails a test whose .pptx is invalid, unasked."""
    broken = rewritten(good_pptx, pytester.path / "broken.pptx", duplicate_shape_id)
    here = Path(__file__).parent
    pytester.makeconftest((here / "conftest.py").read_text(encoding="utf-8"))
    pytester.makepyfile(ooxml=(here / "ooxml.py").read_text(encoding="utf-8"))
    pytester.makepyfile(
        test_writer=f"""
import shutil
def test_writes(tmp_path):
    shutil.copy({str(broken)!r}, tmp_path / "deck.pptx")
"""
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, errors=1)
    assert "not valid OOXML" in result.stdout.str()

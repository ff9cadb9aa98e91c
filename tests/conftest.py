"""Shared fixtures: the repository paths, a LibreOffice profile, and OOXML validation of every
.pptx a test writes."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from ooxml import pptx_files_since, pptx_problems  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
STUDY_GUIDE = REPO / "decks" / "generative-production"
UNVALIDATED_MARK = "unvalidated_pptx"
# File times come from the kernel's coarse clock, a few ms behind time.time_ns(): look back this
# far, and skip files an earlier test already checked.
CLOCK_SLACK_NS = 200_000_000
_checked: set[tuple[Path, int]] = set()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{UNVALIDATED_MARK}(reason): the .pptx files the test writes are not validated "
        "(broken on purpose, or too large to validate in reasonable time)",
    )


@pytest.fixture(autouse=True)
def every_pptx_is_valid_ooxml(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[None]:
    """After each test, validate every .pptx it wrote under the test run's temporary folder.

    Files in ``tmp_path``, in module-scoped folders and from ``deckgen`` child processes are all
    under that folder, so a new test gets the check without asking for it.
    """
    start = time.time_ns() - CLOCK_SLACK_NS
    yield
    new = [
        path
        for path in pptx_files_since(tmp_path_factory.getbasetemp(), start)
        if (path, path.stat().st_mtime_ns) not in _checked
    ]
    _checked.update((path, path.stat().st_mtime_ns) for path in new)
    if request.node.get_closest_marker(UNVALIDATED_MARK):
        return
    invalid = {str(path): problems[:5] for path in new if (problems := pptx_problems(path))}
    assert invalid == {}, "the test wrote .pptx files that are not valid OOXML"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def study_guide() -> Path:
    return STUDY_GUIDE


@pytest.fixture(scope="session")
def office_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a LibreOffice user profile folder of the test run's own (never the user's)."""
    return tmp_path_factory.mktemp("libreoffice-profile")

"""Shared fixtures: the repository paths and a built copy of the study guide deck."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

REPO = Path(__file__).resolve().parents[1]
STUDY_GUIDE = REPO / "decks" / "generative-production"


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

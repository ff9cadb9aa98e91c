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

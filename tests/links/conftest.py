"""Fixtures for the wiki-link tests (data in conftest_links.py, importable by property tests)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from conftest_links import ATTACHMENTS, NOTES  # noqa: E402

from studyguide.links import LinkIndex  # noqa: E402


@pytest.fixture
def index() -> LinkIndex:
    return LinkIndex.from_notes(NOTES.items(), ATTACHMENTS)

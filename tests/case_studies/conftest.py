from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "case_studies"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES

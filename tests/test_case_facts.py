"""Each new case study and topic page carries the facts its content plan lists.

One YAML file per page in tests/fixtures/case_facts/ (written with the page, from
../shared/research/content-2.md): `page:` the docs-relative path, `facts:` a list of
{fact: what the plan says, pattern: a case-insensitive regex that must match the page}.
The plan itself is not read by tests (shared/ is not part of the repository).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from site_build import ROOT

FACTS_DIR = ROOT / "tests" / "fixtures" / "case_facts"
FACT_FILES = sorted(FACTS_DIR.glob("*.yml"))


def _flat(text: str) -> str:
    # Line breaks and repeated spaces are not meaningful in Markdown prose.
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("facts_file", FACT_FILES, ids=lambda p: p.stem)
def test_page_carries_every_planned_fact(facts_file: Path):
    spec = yaml.safe_load(facts_file.read_text(encoding="utf-8"))
    page = ROOT / "docs" / spec["page"]
    assert page.is_file(), f"{facts_file.name}: no page {spec['page']}"
    text = _flat(page.read_text(encoding="utf-8"))
    assert len(spec["facts"]) >= 3, f"{facts_file.name}: too few facts to mean anything"
    missing = [f["fact"] for f in spec["facts"] if not re.search(f["pattern"], text, re.I)]
    assert missing == [], f"{spec['page']} lacks: {missing}"

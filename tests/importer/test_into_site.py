"""The whole flow of the README on a copy of the project: import a Dendron vault whose note names
collide with curated pages (metrics, ab-testing, feature-engineering, class-imbalance) into
docs/notes/<vault>, beside the other fixture vault shapes, then build the whole site strictly. Curated pages must link exactly where they
did before the import; the collisions are reported at INFO, never as warnings."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from helpers import FIXTURE_VAULTS, VAULTS

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from site_build import build_site, project_copy  # noqa: E402

from studyguide.importer import run_import  # noqa: E402

pytestmark = pytest.mark.slow
COLLIDING = ("metrics", "ab-testing", "feature-engineering", "class-imbalance")


def article_links(site: Path) -> dict[str, list[str]]:
    """Every curated page's links, in page order. Left out: imported pages, backlinks, and the tags
    index (Material lists the imported notes' tags there too, as it should)."""
    found = {}
    for page in sorted(site.rglob("index.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("notes/", "assets/", "tags/")):
            continue
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        if article is None:
            continue
        for section in article.select("section.wikilink-backlinks"):
            section.decompose()
        found[rel] = [a.get("href") for a in article.find_all("a")]
    return found


def test_imported_vault_beside_the_curated_guide_builds_strict(built_site, tmp_path):
    project = project_copy(tmp_path / "project")
    for other in FIXTURE_VAULTS:  # the other vault shapes beside it: Obsidian, Dendron, plain
        run_import(VAULTS / other, project / "docs" / "notes" / other)
    report = run_import(VAULTS / "dendron-ml", project / "docs" / "notes" / "dendron-ml")
    assert {Path(p.dest).stem for p in report.pages} >= set(COLLIDING) - {"feature-engineering", "class-imbalance"}
    assert {Path(p.dest).name for p in report.pages} >= {f"{name}.md" for name in COLLIDING}

    site = build_site(tmp_path / "site", built_site.url, project=project)

    problems = [line for line in site.log.splitlines() if re.match(r"\s*(WARNING|ERROR)", line)]
    assert problems == []
    settled = [line for line in site.log.splitlines() if "candidates (topics/" in line]
    assert settled and all(line.lstrip().startswith("INFO") and "own namespace first" in line
                           for line in settled)
    assert {re.search(r"\[\[([^\]|#]+)", line).group(1) for line in settled} >= {"metrics", "ab-testing"}
    assert article_links(site.path) == article_links(built_site.path)
    for name in ("metrics", "ab-testing"):  # the imported twins are built, outside the nav
        page = site.path / "notes" / "dendron-ml" / name / "index.html"
        assert page.exists()
    home = (site.path / "index.html").read_text(encoding="utf-8")
    assert "notes/dendron-ml" not in home  # not in the navigation
    svg = (site.path / "notes" / "dendron-ml" / "assets" / "flow.svg").read_text()
    assert "<script" not in svg and "onload" not in svg and "tracker.example" not in svg

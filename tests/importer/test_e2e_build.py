"""End to end: import each fixture vault into a temporary docs tree and build it with
`mkdocs build --strict` (the project's Markdown extensions, validation and wiki-link hook)."""
import re

import pytest

from helpers import FIXTURE_VAULTS, VAULTS, bad_vault_for_build
from sitebuild import ROOT, build
from studyguide.importer import run_import

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("links", ["wiki", "markdown"])
@pytest.mark.parametrize("vault", FIXTURE_VAULTS)
def test_imported_vault_builds_strict(vault, links, tmp_path):
    docs = tmp_path / "docs"
    report = run_import(VAULTS / vault, docs / "notes", links=links)
    assert all(p.status == "written" for p in report.pages)
    done = build(docs, tmp_path)
    assert done.returncode == 0, done.stderr[-6000:]
    assert not re.search(r"^(WARNING|ERROR)", done.stderr, re.M), done.stderr[-6000:]
    site = tmp_path / "site"
    for page in report.pages:
        stem = page.dest[:-3]
        html = site / "notes" / (stem[:-len("index")] if stem.endswith("index") else stem + "/") / "index.html"
        assert html.exists(), html
        text = html.read_text()
        assert "<script>alert" not in text and "onclick=" not in text and "javascript:" not in text


def test_imported_pages_get_backlinks_from_the_hook(tmp_path):
    if not (ROOT / "hooks" / "wikilinks.py").exists():
        pytest.skip("wiki-link hook not present")
    docs = tmp_path / "docs"
    run_import(VAULTS / "obsidian", docs / "notes")
    assert build(docs, tmp_path).returncode == 0
    metrics = (tmp_path / "site" / "notes" / "ml" / "ml-metrics" / "index.html").read_text()
    assert "Linked from" in metrics and "Study index" in metrics


def test_bad_input_vault_builds_strict(tmp_path):
    docs = tmp_path / "docs"
    run_import(bad_vault_for_build(tmp_path / "vault"), docs / "notes")
    done = build(docs, tmp_path)
    assert done.returncode == 0, done.stderr[-6000:]

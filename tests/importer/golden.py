"""Golden output trees for the fixture vaults.

    .venv/bin/python tests/importer/golden.py --regen   # rewrite tests/fixtures/vaults/expected/

Each expected tree holds the pages (.md) exactly as imported, `_files.txt` (every file written,
attachments included) and `_diagnostics.txt` (what the report says, one line per diagnostic).
Regenerate deliberately, then review the diff like any other code change.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import EXPECTED, FIXTURE_VAULTS, VAULTS  # noqa: E402

from studyguide.importer import run_import  # noqa: E402


def render(vault: str, work: Path) -> dict[str, bytes]:
    dest = work / vault
    report = run_import(VAULTS / vault, dest)
    out: dict[str, bytes] = {}
    files = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file())
    for rel in files:
        if rel.endswith(".md"):
            out[rel] = (dest / rel).read_bytes()
    out["_files.txt"] = ("\n".join(files) + "\n").encode()
    lines = [f"{d.where() or '-'} {d.severity} {d.code}: {d.message}" for d in
             sorted(report.diagnostics, key=lambda d: (d.file, d.line or 0, d.code, d.message))]
    out["_diagnostics.txt"] = ("\n".join(lines) + "\n").encode()
    return out


def regen() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for vault in FIXTURE_VAULTS:
            target = EXPECTED / vault
            if target.exists():
                shutil.rmtree(target)
            for rel, data in render(vault, Path(tmp)).items():
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                (target / rel).write_bytes(data)
            print(f"wrote {target}")


if __name__ == "__main__":
    if "--regen" not in sys.argv:
        sys.exit(__doc__)
    regen()

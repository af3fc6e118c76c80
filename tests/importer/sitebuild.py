"""Build an imported tree with `mkdocs build --strict`, using the project's Markdown extensions,
validation settings and (when present) its wiki-link hook, but no nav, so every page is built."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _section(config: str, key: str) -> str:
    match = re.search(rf"^{key}:\n(?:(?:[ \t]+.*|)\n)+", config, re.M)
    return match.group(0) if match else ""


def minimal_config(docs_dir: Path, site_dir: Path) -> str:
    project = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    hooks = [str(ROOT / "hooks" / name) for name in ("imported_notes.py", "wikilinks.py") if (ROOT / "hooks" / name).exists()]
    parts = [
        "site_name: Import test",
        f"docs_dir: {docs_dir}",
        f"site_dir: {site_dir}",
        "site_url: http://127.0.0.1:8000/",
        "theme:\n  name: material",
        "plugins:\n  - search",
        _section(project, "markdown_extensions"),
        _section(project, "validation").replace("omitted_files: warn", "omitted_files: info"),
    ]
    if hooks:
        parts.append("hooks:\n" + "".join(f"  - {hook}\n" for hook in hooks))
    return "\n".join(parts) + "\n"


def build(docs_dir: Path, work: Path) -> subprocess.CompletedProcess:
    """Returns the finished process; callers assert on returncode and show stderr."""
    config = work / "mkdocs.yml"
    site = work / "site"
    if not (docs_dir / "index.md").exists():
        (docs_dir / "index.md").write_text("# Imported notes\n", encoding="utf-8")
    config.write_text(minimal_config(docs_dir, site), encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)

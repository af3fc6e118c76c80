"""Why the site does not use mkdocs-mermaid2-plugin: a reproducible check (see bench/README.md).

Builds a two-page Material site with navigation.instant and mermaid2 pointed at a local Mermaid
file, then, in Debian's Chromium: (1) loads the diagram page directly, (2) reaches it by instant
navigation from a page without a diagram. Also builds with mermaid2's defaults under --strict.
Installs mermaid2 into a throw-away venv (bench/work/venv-mermaid2) so the project never depends on it.

    .venv/bin/python bench/mermaid2/run.py
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "bench" / "work" / "mermaid2"
VENV = ROOT / "bench" / "work" / "venv-mermaid2"
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]
from chromium import CHROMIUM, CHROMIUM_FLAGS, OPEN_SHADOW_ROOTS  # noqa: E402
from site_build import serve_directory  # noqa: E402

PAGES = {
    "index.md": "# Home\n\n[Go to the diagram](diagram.md)\n",
    "diagram.md": "# Diagram\n\n```mermaid\ngraph LR\n  A[Corpus] --> B[Candidates] --> C[Ranking]\n```\n",
}


def config(local_javascript: bool) -> str:
    plugin = "  - mermaid2:\n      javascript: js/mermaid.min.js\n" if local_javascript else "  - mermaid2\n"
    return (
        "site_name: mermaid2 check\nsite_url: http://127.0.0.1:8797/\n"
        "theme:\n  name: material\n  font: false\n  features: [navigation.instant]\n"
        f"plugins:\n  - search\n{plugin}"
        "markdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n"
        "        - name: mermaid\n          class: mermaid\n"
        "          format: !!python/name:mermaid2.fence_mermaid_custom\n"
    )


def setup() -> Path:
    if not (VENV / "bin" / "mkdocs").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([VENV / "bin" / "pip", "install", "-q", "-c", ROOT / "constraints.txt",
                        "mkdocs", "mkdocs-material", "mkdocs-mermaid2-plugin==1.2.3"], check=True)
    shutil.rmtree(WORK, ignore_errors=True)
    (WORK / "docs" / "js").mkdir(parents=True)
    for name, text in PAGES.items():
        (WORK / "docs" / name).write_text(text)
    shutil.copy(ROOT / "node_modules" / "mermaid" / "dist" / "mermaid.min.js", WORK / "docs" / "js")
    return VENV / "bin" / "mkdocs"


def build(mkdocs: Path, local_javascript: bool) -> subprocess.CompletedProcess:
    name = "local" if local_javascript else "default"
    (WORK / f"mkdocs-{name}.yml").write_text(config(local_javascript))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([mkdocs, "build", "--strict", "-f", WORK / f"mkdocs-{name}.yml", "-d", WORK / f"site-{name}"],
                          capture_output=True, text=True, env=env)


def browse(site: Path) -> dict[str, object]:
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    has_svg = "() => [...document.querySelectorAll('.mermaid')].some(e => (e.shadowRoot || e).querySelector('svg'))"
    with serve_directory(site, 8797), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.add_init_script(OPEN_SHADOW_ROOTS)
        page.on("request", lambda r: outside.append(r.url) if "127.0.0.1" not in r.url else None)
        page.goto("http://127.0.0.1:8797/diagram/")
        page.wait_for_timeout(3000)
        direct = page.evaluate(has_svg)
        page.goto("http://127.0.0.1:8797/")
        page.click("text=Go to the diagram")
        page.wait_for_url("**/diagram/")
        page.wait_for_timeout(4000)
        after_instant = page.evaluate(has_svg)
        browser.close()
    return {"direct load renders": direct, "after instant navigation renders": after_instant,
            "requests outside 127.0.0.1": sorted(set(outside))}


def main() -> None:
    mkdocs = setup()
    default = build(mkdocs, local_javascript=False)
    print(f"mermaid2 defaults, --strict, no internet: exit {default.returncode}",
          *[line for line in default.stderr.splitlines() if "WARNING" in line][:1], sep="\n  ")
    local = build(mkdocs, local_javascript=True)
    print(f"mermaid2 with a local javascript file, --strict: exit {local.returncode}")
    for key, value in browse(WORK / "site-local").items():
        print(f"  {key}: {value}")


if __name__ == "__main__":
    main()

"""Performance budgets: Lighthouse (mobile, simulated throttling) on every page type, median of N runs.

    .venv/bin/python bench/lighthouse/run.py [--runs 5] [--record current|before]

Builds the site with --strict, serves it gzip-compressed on 127.0.0.1, runs Lighthouse from node_modules with
Debian's Chromium, and writes bench/lighthouse/results[-before].json and the table between the
`lighthouse[-before]` markers in bench/README.md. Pages: home, a topic page with many formulas, a case
study with diagrams, the checklist booklet, and (when the content has them) the first GenAI case and
a practice page. Scores vary ±25 points between runs on a 2-core machine (research/browser.md §7),
which is why the table reports medians and every run's value.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]
from chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from site_build import QuietHandler, build_site, free_port, serve_directory  # noqa: E402

PAGES = {
    "home": "/",
    "topic": "/topics/metrics/",
    "case study": "/case-studies/video-recommendation/",
    "checklist booklet": "/checklists/",
    "mock interview": "/practice/mock-interview/",
    "card review": "/practice/review/",
    "progress": "/practice/progress/",
}


def optional_pages(docs: Path) -> dict[str, str]:
    """Page types that exist only once the content has them: a GenAI case, a practice page."""
    found = {}
    genai = [p for p in sorted((docs / "case-studies").glob("*.md"))
             if re.search(r"^kind:\s*genai\s*$", p.read_text(encoding="utf-8"), re.M)]
    if genai:
        found["GenAI case"] = f"/case-studies/{genai[0].stem}/"
    practice = sorted(docs.glob("practice*/*.md")) + sorted(docs.glob("practice*.md"))
    if practice:
        rel = practice[0].relative_to(docs).with_suffix("")
        found["practice"] = "/" + (rel.parent.as_posix() + "/" if rel.name == "index" else rel.as_posix() + "/")
    return found


PAGES.update({name: path for name, path in optional_pages(ROOT / "docs").items() if path not in PAGES.values()})
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CLS_BUDGET = 0.02


COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")


class GzipHandler(QuietHandler):
    """Serves the site the way static hosts do: text files gzip-compressed when the browser asks.

    Lighthouse's page weight is bytes transferred, so an uncompressed test server would overstate
    it three- to fivefold compared with any real host.
    """

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.suffix in COMPRESSIBLE and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse(url: str, out: Path) -> dict:
    command = [
        "npx", "--no-install", "lighthouse", url, f"--chrome-path={CHROMIUM}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}", "--quiet",
    ]
    subprocess.run(command, cwd=ROOT, check=True)
    report = json.loads(out.read_text())
    return {
        **{c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES},
        "bytes": report["audits"]["total-byte-weight"]["numericValue"],
        "lcp_ms": report["audits"]["largest-contentful-paint"]["numericValue"],
        "tbt_ms": report["audits"]["total-blocking-time"]["numericValue"],
        "cls": report["audits"]["cumulative-layout-shift"]["numericValue"],
    }


def table(results: dict[str, list[dict]]) -> str:
    rows = ["| page | perf (runs) | a11y | best pr. | SEO | weight KB | LCP s | TBT ms | CLS | budget met |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    for name, runs in results.items():
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        met = all(med[c] >= BUDGET[c] for c in CATEGORIES) and med.get("cls", 0) <= CLS_BUDGET
        perf_runs = ", ".join(str(r["performance"]) for r in runs)
        rows.append(
            f"| {name} (`{PAGES[name]}`) | **{med['performance']:.0f}** ({perf_runs}) | {med['accessibility']:.0f} | "
            f"{med['best-practices']:.0f} | {med['seo']:.0f} | {med['bytes'] / 1024:.0f} | {med['lcp_ms'] / 1000:.1f} | "
            f"{med['tbt_ms']:.0f} | {med.get('cls', float('nan')):.3f} | {'yes' if met else 'no'} |"
        )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--record", default="current", choices=["current", "before"],
                        help="which table to write: the current one, or the 'before' baseline of a change")
    args = parser.parse_args()
    suffix = "" if args.record == "current" else f"-{args.record}"
    markers = (f"<!-- lighthouse{suffix}:start -->", f"<!-- lighthouse{suffix}:end -->")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp) / "site", f"http://127.0.0.1:{port}/").path
        results: dict[str, list[dict]] = {name: [] for name in PAGES}
        with serve_directory(site, port, GzipHandler) as url:
            for run in range(args.runs):  # interleave pages so machine noise spreads over all of them
                for name, path in PAGES.items():
                    results[name].append(lighthouse(url + path, Path(tmp) / f"{run}.json"))
                    print(name, run, results[name][-1], flush=True)
    (ROOT / "bench" / "lighthouse" / f"results{suffix}.json").write_text(json.dumps(results, indent=2) + "\n")
    readme = ROOT / "bench" / "README.md"
    text = readme.read_text()
    block = f"{markers[0]}\n{table(results)}\n{markers[1]}"
    if markers[0] not in text:
        raise SystemExit(f"bench/README.md has no {markers[0]} ... {markers[1]} block to fill:\n{block}")
    readme.write_text(re.sub(re.escape(markers[0]) + ".*?" + re.escape(markers[1]), lambda _: block, text, flags=re.S))
    print(table(results))


if __name__ == "__main__":
    main()

"""Search quality in real Chromium: hit@1, hit@3 and MRR on the dev half, the test half and the
visible queries of tests/browser/test_search.py (the first 20, and the 20 GenAI ones), typed into the built site's search box with key events.

    .venv/bin/python bench/search/run.py                      # build docs/, measure, record
    .venv/bin/python bench/search/run.py --splits dev --label my-variant --no-record
    .venv/bin/python bench/search/run.py --site site --label as-built   # an already built site

A query hits at k when any of its pages is among the first k pages listed; its reciprocal rank is
1/rank of the first such page (0 when none is listed). Results go to bench/search/results/<label>.json
(every query with its ranked pages; bench/work/search/ with --no-record) and, unless --no-record, to the table between the markers in
bench/README.md. Tune only on dev: the test half is the reported figure.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser")]
from chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from search_reader import search  # noqa: E402
from site_build import build_site, free_port, serve_directory  # noqa: E402

QUERIES = Path(__file__).with_name("queries.yml")
RESULTS = Path(__file__).with_name("results")
MARKERS = ("<!-- search-quality:start -->", "<!-- search-quality:end -->")


def load_queries(splits: list[str]) -> dict[str, list[dict]]:
    """{'dev': [{'q':..., 'pages': [...]}, ...], 'test': [...], 'visible': [...]}"""
    out: dict[str, list[dict]] = {}
    rows = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    for split in splits:
        if split in ("visible", "visible-genai"):
            from test_search import GENAI_QUERIES, VISIBLE_QUERIES

            visible = VISIBLE_QUERIES if split == "visible" else GENAI_QUERIES
            out[split] = [{"q": q, "pages": [best]} for q, best, _ in visible]
        else:
            out[split] = [row for row in rows if row["split"] == split]
    return out


def score(ranked: list[str], relevant: list[str]) -> tuple[int, int, float]:
    for rank, page in enumerate(ranked, start=1):
        if page in relevant:
            return int(rank == 1), int(rank <= 3), 1 / rank
    return 0, 0, 0.0


def summarise(rows: list[dict]) -> dict:
    n = len(rows)
    return {
        "n": n,
        "hit@1": sum(r["hit1"] for r in rows) / n,
        "hit@3": sum(r["hit3"] for r in rows) / n,
        "mrr": sum(r["rr"] for r in rows) / n,
    }


def measure(url: str, queries: dict[str, list[dict]]) -> dict:
    from playwright.sync_api import sync_playwright

    report: dict = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url, wait_until="networkidle")
        for split, rows in queries.items():
            measured = []
            for row in rows:
                ranked = search(page, row["q"], base=url)
                hit1, hit3, rr = score(ranked, row["pages"])
                measured.append({**row, "ranked": ranked[:10], "hit1": hit1, "hit3": hit3, "rr": rr})
            report[split] = {"summary": summarise(measured), "queries": measured}
        browser.close()
    return report


def table(reports: dict[str, dict]) -> str:
    lines = [
        "| variant | split | n | hit@1 | hit@3 | MRR |",
        "|---|---|---|---|---|---|",
    ]
    for label, report in reports.items():
        for split, part in report["splits"].items():
            s = part["summary"]
            lines.append(
                f"| {label} | {split} | {s['n']} | {s['hit@1']:.0%} | {s['hit@3']:.0%} | {s['mrr']:.3f} |"
            )
    return "\n".join(lines)


def record(readme: Path, text: str) -> None:
    body = readme.read_text(encoding="utf-8")
    start, end = MARKERS
    block = f"{start}\n{text}\n{end}"
    if start in body:
        body = re.sub(re.escape(start) + ".*?" + re.escape(end), lambda _: block, body, flags=re.S)
    else:
        body = body.rstrip() + "\n\n" + block + "\n"
    readme.write_text(body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build docs/ now)")
    parser.add_argument("--label", default="site", help="name of this variant in the results")
    parser.add_argument("--splits", nargs="+", default=["dev", "test", "visible", "visible-genai"])
    parser.add_argument("--no-record", action="store_true", help="do not update bench/README.md")
    parser.add_argument("--show-misses", action="store_true", help="list dev and visible misses (never test)")
    args = parser.parse_args(argv)

    queries = load_queries(args.splits)
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build_site(site, f"http://127.0.0.1:{port}/")
        with serve_directory(site, port) as url:
            started = time.perf_counter()
            splits = measure(url + "/", queries)
            seconds = time.perf_counter() - started
    out_dir = ROOT / "bench" / "work" / "search" if args.no_record else RESULTS
    out_dir.mkdir(parents=True, exist_ok=True)
    report = {"label": args.label, "date": time.strftime("%Y-%m-%d %H:%M"), "seconds": round(seconds, 1),
              "splits": splits}
    (out_dir / f"{args.label}.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(table({args.label: report}))
    if args.show_misses:
        for split, part in splits.items():
            if split == "test":
                continue  # never look at test misses while tuning
            for row in part["queries"]:
                if not row["hit1"]:
                    print(f"  {split} miss@1 {row['q']!r}: want {row['pages']}, got {row['ranked'][:4]}")
    if not args.no_record:
        reports = {json.loads(f.read_text())["label"]: json.loads(f.read_text()) for f in sorted(RESULTS.glob("*.json"))}
        record(ROOT / "bench" / "README.md", table(reports))
    return 0


if __name__ == "__main__":
    sys.exit(main())

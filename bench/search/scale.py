"""Search at scale: index size, indexing time and query latency on the 1,000- and 3,000-page bench
vaults (bench/links/generate.py), in Debian's Chromium.

    .venv/bin/python bench/search/scale.py --sizes 1000 3000

For each size: build the vault's Markdown-link copy with Material + the search plugin, once
without and once with hooks/search.py (build wall and CPU time, so the hook's cost shows); the
index sizes (raw and gzip) against Material's own index; then in Chromium, with the site served
on 127.0.0.1: fetch the index, hand it to our worker (SETUP -> READY, the worker's indexing time),
and time each query from QUERY to RESULT: the test half of bench/search/queries.yml (as the issue
asks) and 20 queries in the vault's own words. Writes bench/search/scale-results.json and the table
between the markers in bench/README.md.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "browser"), str(ROOT / "bench" / "links")]
from chromium import CHROMIUM, CHROMIUM_FLAGS  # noqa: E402
from generate import write as generate_vault  # noqa: E402
from site_build import free_port, serve_directory  # noqa: E402

WORK = ROOT / "bench" / "work" / "search-scale"
MARKERS = ("<!-- search-scale:start -->", "<!-- search-scale:end -->")
VAULT_QUERIES = [
    "amber falcon", "ranking latency", "embedding drift", "silent harbor", "feature store",
    "training serving", "vector index shard", "embeding", "rankng latency", "cache",
    "stream window", "quiet meadow trade offs", "failure modes", "gradient loss", "batch",
    "bias sample", "user item", "open questions", "lunar comet", "evaluation plan",
]

CONFIG = """site_name: Search scale bench
site_url: http://127.0.0.1/
theme: {{name: material, font: false, custom_dir: {root}/overrides, features: [search.suggest, search.highlight]}}
plugins: [search]
markdown_extensions: [attr_list, toc]
{hooks}
"""

PROBE = """async ({worker, index, queries}) => {
  const t0 = performance.now();
  const full = await (await fetch(index)).json();
  const fetched = performance.now();
  const w = new Worker(worker);
  const next = () => new Promise((resolve, reject) => {
    w.onmessage = ev => resolve(ev.data);
    w.onerror = ev => reject(new Error("worker failed: " + ev.message));
    setTimeout(() => reject(new Error("worker timed out")), 60000);
  });
  const t1 = performance.now();
  w.postMessage({type: 0, data: {config: full.config, docs: full.docs, options: {suggest: true}}});
  await next();
  const ready = performance.now() - t1;
  const times = [];
  for (const q of queries) {
    const t = performance.now();
    w.postMessage({type: 2, data: q});
    const r = await next();
    times.push(performance.now() - t);
    if (r.type !== 3) throw new Error("unexpected message " + r.type);
  }
  w.terminate();
  return {fetch_ms: fetched - t0, setup_ms: ready, times};
}"""


def build(docs_parent: Path, with_hook: bool) -> dict:
    hooks = f"hooks: [{ROOT / 'hooks' / 'search.py'}]" if with_hook else ""
    (docs_parent / "mkdocs.yml").write_text(CONFIG.format(hooks=hooks, root=ROOT))
    site = docs_parent / ("site-ours" if with_hook else "site-material")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--site-dir", str(site)], cwd=docs_parent,
                   check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"site": site, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1)}


def size(path: Path) -> dict:
    data = path.read_bytes()
    return {"raw_kb": round(len(data) / 1024), "gzip_kb": round(len(gzip.compress(data, 6)) / 1024)}


def chromium_latency(site: Path, queries: dict[str, list[str]]) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with serve_directory(site, free_port()) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(url + "/", wait_until="networkidle")
        for name, qs in queries.items():
            r = page.evaluate(PROBE, {"worker": url + "/assets/javascripts/search/worker.js",
                                      "index": url + "/search/studyguide_index.json", "queries": qs})
            times = sorted(r["times"])
            out[name] = {"n": len(times), "median_ms": round(statistics.median(times), 1),
                         "p90_ms": round(times[int(0.9 * (len(times) - 1))], 1), "max_ms": round(times[-1], 1),
                         "setup_ms": round(r["setup_ms"]), "fetch_ms": round(r["fetch_ms"])}
        browser.close()
    return out


def table(results: list[dict]) -> str:
    lines = [
        "| pages | sections | Material index raw / gzip | our index raw / gzip | build wall s (CPU s): Material only | + our hook | worker indexing (SETUP->READY) | query median / p90 / max, test half | same, vault-word queries |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        t, v = r["latency"]["test half"], r["latency"]["vault words"]
        lines.append(
            f"| {r['pages']:,} | {r['sections']:,} | {r['material_index']['raw_kb']:,} KB / {r['material_index']['gzip_kb']:,} KB"
            f" | {r['our_index']['raw_kb']:,} KB / {r['our_index']['gzip_kb']:,} KB"
            f" | {r['build_material']['wall_s']} ({r['build_material']['cpu_s']}) | {r['build_ours']['wall_s']} ({r['build_ours']['cpu_s']})"
            f" | {t['setup_ms']:,} ms | {t['median_ms']} / {t['p90_ms']} / {t['max_ms']} ms | {v['median_ms']} / {v['p90_ms']} / {v['max_ms']} ms |"
        )
    return "\n".join(lines)


def record(text: str) -> None:
    readme = ROOT / "bench" / "README.md"
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
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--latency-only", action="store_true",
                        help="reuse the vaults and builds of the last run (bench/search/scale-results.json) and measure the "
                             "current worker.js again (copied into the built site)")
    args = parser.parse_args(argv)
    test_half = [r["q"] for r in yaml.safe_load((ROOT / "bench/search/queries.yml").read_text())["queries"] if r["split"] == "test"]
    results = []
    if args.latency_only:
        results = json.loads(Path(__file__).with_name("scale-results.json").read_text())
        for result in results:
            site = WORK / f"vault-{result['pages'] - 1}" / "floor" / "site-ours"
            shutil.copy(ROOT / "overrides/assets/javascripts/search/worker.js", site / "assets/javascripts/search/worker.js")
            result["latency"] = chromium_latency(site, {"test half": test_half, "vault words": VAULT_QUERIES})
            print(json.dumps(result["latency"]))
    for n in ([] if args.latency_only else args.sizes):
        vault = WORK / f"vault-{n}"
        generate_vault(n, vault)
        floor = vault / "floor"
        material = build(floor, with_hook=False)
        ours = build(floor, with_hook=True)
        index = json.loads((ours["site"] / "search" / "studyguide_index.json").read_text())
        result = {
            "pages": len(index["docs"]["pages"]), "sections": len(index["docs"]["sections"]),
            "material_index": size(material["site"] / "search" / "search_index.json"),
            "our_index": size(ours["site"] / "search" / "studyguide_index.json"),
            "stub": size(ours["site"] / "search" / "search_index.json"),
            "build_material": {k: v for k, v in material.items() if k != "site"},
            "build_ours": {k: v for k, v in ours.items() if k != "site"},
            "latency": chromium_latency(ours["site"], {"test half": test_half, "vault words": VAULT_QUERIES}),
        }
        print(json.dumps(result, indent=1))
        results.append(result)
    (Path(__file__).with_name("scale-results.json")).write_text(json.dumps(results, indent=1) + "\n")
    print(table(results))
    if not args.no_record:
        record(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build-time cost of typesetting formulas with KaTeX (studyguide.formulas, hooks/formulas.py).

    .venv/bin/python bench/math/run.py [--sizes 1000 5000] [--reps 3] [--site-reps 3]

1. The renderer alone: N distinct formulas (templates like the site's own, made distinct by an
   index; a quarter in display mode) typeset in one Node run with an empty cache ("cold"), then
   again from a new renderer that reads the cache file ("warm": no Node run).
2. The whole site: `mkdocs build --strict` of the real docs/ without the formulas hook (formulas
   left as TeX, as before issue 13), with it and an empty cache, and with it and a warm cache.
   Builds are interleaved; medians of --site-reps.

Wall time and CPU time (user+sys of this process's children: mkdocs and the Node process it
starts) are reported; on a shared 2-CPU machine the CPU time is the steadier number. Writes
bench/math/results.json and the table between the `math` markers in bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from studyguide.formulas import Formula, FormulaRenderer  # noqa: E402

MARKERS = ("<!-- math:start -->", "<!-- math:end -->")
TEMPLATES = [
    r"\mathrm{{Precision}}@{k} = \frac{{TP_{{{k}}}}}{{TP_{{{k}}} + FP_{{{k}}}}}",
    r"\mathrm{{DCG}}@{k} = \sum_{{i=1}}^{{{k}}} \frac{{2^{{rel_i}} - 1}}{{\log_2(i + 1)}}",
    r"L_{{{k}}} = -\frac{{1}}{{N}} \sum_{{i=1}}^{{N}} \left[ y_i \log p_i + (1 - y_i) \log (1 - p_i) \right]",
    r"\hat{{y}}_{{{k}}} = \sigma\left(w^\top x + b_{{{k}}}\right)",
    r"\text{{QPS}}_{{{k}}} = \frac{{{k} \times 10^{{6}}\ \text{{requests}}}}{{86\,400\ \text{{s}}}}",
    r"n_{{{k}}} \approx \frac{{2 (z_{{1-\alpha/2}} + z_{{1-\beta}})^2 \sigma^2}}{{\delta^2}}",
    r"\mathrm{{softmax}}(z)_{{{k}}} = \frac{{e^{{z_{k}}}}}{{\sum_j e^{{z_j}}}}",
    r"x_{{{k}}}",
]


def formulas(n: int) -> list[Formula]:
    out = []
    for i in range(n):
        template = TEMPLATES[i % len(TEMPLATES)]
        tex = template.replace("{k}", str(i)).replace("{{", "{").replace("}}", "}")
        out.append(Formula(tex, display=i % 4 == 0))
    return out


def cpu_children() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(action) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), cpu_children()
    own = time.process_time()
    action()
    return time.perf_counter() - wall, (cpu_children() - cpu) + (time.process_time() - own)


def bench_renderer(sizes: list[int], reps: int) -> list[dict]:
    rows = []
    node_modules = ROOT / "node_modules"
    for n in sizes:
        batch = formulas(n)
        cold, warm = [], []
        for _ in range(reps):
            with tempfile.TemporaryDirectory() as tmp:
                cache = Path(tmp) / "katex.json"
                renderer = FormulaRenderer(node_modules, cache)
                cold.append(timed(lambda: renderer.render_all(batch)))
                assert renderer.node_runs == 1
                assert all(r.error is None for r in renderer.render_all(batch).values())
                holder = {}
                warm.append(timed(lambda: holder.setdefault("r", FormulaRenderer(node_modules, cache)).render_all(batch)))
                assert holder["r"].node_runs == 0
        for label, runs in (("cold (one Node run)", cold), ("warm (cache file)", warm)):
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            rows.append({"formulas": n, "case": label, "wall_s": wall, "cpu_s": cpu,
                         "wall_per_1000": wall * 1000 / n, "cpu_per_1000": cpu * 1000 / n,
                         "runs_wall": [r[0] for r in runs]})
            print(rows[-1], flush=True)
    return rows


def build(config: str, cache_dir: Path, out: Path) -> tuple[float, float, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STUDYGUIDE_CACHE_DIR": str(cache_dir)}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(out)]
    holder = {}
    wall, cpu = timed(lambda: holder.setdefault("done", subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True)))
    done = holder["done"]
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr[-3000:]}")
    return wall, cpu, done.stderr


def bench_site(reps: int) -> tuple[list[dict], str]:
    no_math = ROOT / ".bench-math-nohook.yml"
    hooks = re.findall(r"^\s+- (hooks/\S+\.py)$", (ROOT / "mkdocs.yml").read_text(), re.M)
    no_math.write_text("INHERIT: mkdocs.yml\nhooks:\n" + "".join(
        f"  - {h}\n" for h in hooks if h != "hooks/formulas.py"))
    results: dict[str, list] = {"without the formulas hook (TeX left for the browser)": [],
                                "with the hook, empty cache": [], "with the hook, warm cache": []}
    summary = ""
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for rep in range(reps):
                cold_cache = Path(tmp) / f"cache-{rep}"
                runs = [
                    ("without the formulas hook (TeX left for the browser)", str(no_math), Path(tmp) / "unused"),
                    ("with the hook, empty cache", "mkdocs.yml", cold_cache),
                    ("with the hook, warm cache", "mkdocs.yml", cold_cache),
                ]
                for label, config, cache in runs:
                    wall, cpu, log = build(config, cache, Path(tmp) / "site")
                    results[label].append((wall, cpu))
                    found = re.search(r"formulas: .*", log)
                    if found and "empty" in label:
                        summary = found.group(0)
                    print(label, rep, round(wall, 2), round(cpu, 2), found.group(0) if found else "", flush=True)
    finally:
        no_math.unlink(missing_ok=True)
    rows = []
    base_wall = statistics.median(r[0] for r in results["without the formulas hook (TeX left for the browser)"])
    base_cpu = statistics.median(r[1] for r in results["without the formulas hook (TeX left for the browser)"])
    for label, runs in results.items():
        wall, cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        rows.append({"case": label, "wall_s": wall, "cpu_s": cpu, "wall_vs_without": wall / base_wall,
                     "cpu_vs_without": cpu / base_cpu, "runs": runs})
    return rows, summary


def table(renderer_rows: list[dict], site_rows: list[dict], summary: str) -> str:
    lines = ["| formulas | case | wall s | CPU s | wall ms per 1,000 | CPU ms per 1,000 |",
             "|---|---|---|---|---|---|"]
    for r in renderer_rows:
        lines.append(f"| {r['formulas']:,} | {r['case']} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | "
                     f"{r['wall_per_1000'] * 1000:.0f} | {r['cpu_per_1000'] * 1000:.0f} |")
    lines += ["", f"Whole site (`mkdocs build --strict`, real docs/; {summary}):", "",
              "| build | wall s (median) | CPU s (median) | wall vs without | CPU vs without |",
              "|---|---|---|---|---|"]
    for r in site_rows:
        lines.append(f"| {r['case']} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['wall_vs_without']:.2f}× | "
                     f"{r['cpu_vs_without']:.2f}× |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--site-reps", type=int, default=3)
    args = parser.parse_args()
    renderer_rows = bench_renderer(args.sizes, args.reps)
    site_rows, summary = bench_site(args.site_reps)
    (ROOT / "bench" / "math" / "results.json").write_text(
        json.dumps({"renderer": renderer_rows, "site": site_rows, "summary": summary}, indent=2) + "\n")
    text = table(renderer_rows, site_rows, summary)
    readme = ROOT / "bench" / "README.md"
    current = readme.read_text()
    block = f"{MARKERS[0]}\n{text}\n{MARKERS[1]}"
    if MARKERS[0] not in current:
        raise SystemExit(f"bench/README.md has no {MARKERS[0]} block:\n{block}")
    readme.write_text(re.sub(re.escape(MARKERS[0]) + ".*?" + re.escape(MARKERS[1]), lambda _: block, current, flags=re.S))
    print(text)


if __name__ == "__main__":
    main()

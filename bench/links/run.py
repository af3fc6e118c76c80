"""Time `mkdocs build` of synthetic vaults: plain vs floor vs our wiki-link hook vs peer plugins.

    python bench/links/run.py --sizes 1000 3000 --reps 3

Peers are installed from PyPI into bench/work/venv-peers (ignored by git); every variant runs in
that venv (same mkdocs/material/pymdown pins as the project, our package installed editable) so
only the link layer differs. Builds are interleaved (A B C .. then B C .. A, ...), the site dir is
deleted before each build (outside the timing); the ratio is the median of per-repetition ratios
to `plain` (and to `floor`) of the same repetition. Results: bench/work/links/results-<N>.json and
a Markdown table on stdout (paste into bench/README.md).
"""
from __future__ import annotations

import argparse
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

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "bench" / "work" / "links"
VENV = ROOT / "bench" / "work" / "venv-peers"
sys.path.insert(0, str(Path(__file__).parent))
import generate  # noqa: E402

PEERS = ["mkdocs-roamlinks-plugin==0.3.2", "mkdocs-ezlinks-plugin==0.1.14",
         "mkdocs-obsidian-bridge==1.3.1", "mkdocs-backlinks==0.9.1", "beautifulsoup4"]
BASE = """site_name: bench
use_directory_urls: true
theme:
  name: material
  font: false
  features: [navigation.prune{features}]
{custom_dir}plugins:
  - search
{plugins}{hooks}markdown_extensions:
  - toc:
      permalink: true
  - admonition
  - attr_list
  - md_in_html
  - pymdownx.superfences
"""
BACKLINKS_TEMPLATE = """{% extends "base.html" %}
{% block content %}
{{ super() }}
{% if backlinks %}<h2>Backlinks</h2><ul>{% for b in backlinks %}<li><a href="{{ b.url | url }}">{{ b.title }}</a></li>{% endfor %}</ul>{% endif %}
{% endblock %}
"""
VARIANTS = {
    # name: (vault copy, plugins, hooks, needs backlinks template)
    "plain": ("wiki", "", "", False),
    "floor": ("floor", "", "", False),
    "ours": ("wiki", "", f"hooks:\n  - {WORK / 'snapshot' / 'wikilinks.py'}\n", False),
    "roamlinks": ("wiki", "  - roamlinks\n", "", False),
    "ezlinks": ("wiki", "  - ezlinks\n", "", False),
    "obsidian-bridge": ("wiki", "  - obsidian-bridge\n", "", False),
    "obsidian-bridge+backlinks": ("wiki", "  - obsidian-bridge\n  - mkdocs-backlinks\n", "", True),
}


def setup_venv() -> Path:
    if not (VENV / "bin" / "mkdocs").exists() or subprocess.run(
            [VENV / "bin" / "python", "-c", "import mkdocs_roamlinks_plugin, mkdocs_ezlinks_plugin, "
             "mkdocs_obsidian_bridge, backlinks_plugin, studyguide.links"],
            capture_output=True).returncode:
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        pip = [str(VENV / "bin" / "pip"), "install", "-q", "-c", str(ROOT / "constraints.txt")]
        subprocess.run(pip + ["mkdocs", "mkdocs-material", "pymdown-extensions", "markdown", *PEERS],
                       check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "--no-deps", "-e", str(ROOT)],
                       check=True)
    return VENV / "bin" / "mkdocs"


def write_configs(vault: Path, fullnav: bool) -> dict[str, Path]:
    configs = {}
    override = vault / "overrides-backlinks"
    override.mkdir(exist_ok=True)
    (override / "main.html").write_text(BACKLINKS_TEMPLATE)
    variants = dict(VARIANTS)
    if fullnav:
        variants["plain-fullnav"] = ("wiki", "", "", False)
    for name, (copy, plugins, hooks, template) in variants.items():
        text = BASE.format(
            features="" if name != "plain-fullnav" else "",
            custom_dir=f"  custom_dir: {override}\n" if template else "",
            plugins=plugins, hooks=hooks)
        if name == "plain-fullnav":
            text = text.replace("features: [navigation.prune]", "features: []")
        text += f"docs_dir: {vault / copy / 'docs'}\n"
        path = vault / f"mkdocs-{name}.yml"
        path.write_text(text)
        configs[name] = path
    return configs


def snapshot() -> None:
    """Freeze the hook and library being measured (edits during a long run do not leak in)."""
    target = WORK / "snapshot"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / "studyguide", target / "studyguide",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "hooks" / "wikilinks.py", target / "wikilinks.py")


def build(mkdocs: Path, config: Path, site: Path, timeout: int) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(WORK / "snapshot")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        proc = subprocess.run([str(mkdocs), "build", "-f", str(config), "-d", str(site)],
                              capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return {"timeout": True, "wall": float(timeout)}
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    warnings = sum(1 for line in proc.stderr.splitlines() if line.startswith("WARNING"))
    return {"wall": wall, "cpu": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "rss_mb": after.ru_maxrss / 1024, "rc": proc.returncode, "warnings": warnings,
            "timeout": False, "stderr_tail": proc.stderr[-400:] if proc.returncode else ""}


_HREF = re.compile(r'<a [^>]*href="([^"#]*)(#[^"]*)?"')
_ID = re.compile(r'\bid="([^"]+)"')


def link_check(site: Path) -> dict:
    """Inside <article>: hrefs to existing pages, broken hrefs, raw [[ left, missing stubs."""
    pages = {p.relative_to(site).as_posix(): p for p in site.rglob("*.html")}
    ids: dict[str, set] = {}
    stats = {"resolved": 0, "broken": 0, "raw": 0, "stubs": 0, "anchors_ok": 0, "anchors": 0,
             "backlink_lists": 0}
    articles = {}
    for rel, path in pages.items():
        html = path.read_text(errors="replace")
        start, end = html.find("<article"), html.rfind("</article>")
        article = html[start:end] if start != -1 else ""
        articles[rel] = article
        ids[rel] = set(_ID.findall(article))
    for rel, article in articles.items():
        stats["raw"] += article.count("[[")
        stats["stubs"] += article.count("wikilink-missing")
        stats["backlink_lists"] += ("wikilink-backlinks" in article) or ("<h2>Backlinks</h2>" in article)
        base = os.path.dirname(rel)
        for match in _HREF.finditer(article):
            href, frag = match.group(1), match.group(2)
            if not href or href.startswith(("http", "mailto", "/")) or 'class="headerlink"' in match.group(0):
                continue
            from urllib.parse import unquote
            target = os.path.normpath(os.path.join(base, unquote(href)))
            if not target.endswith(".html"):
                target = os.path.join(target, "index.html")
            target = target.lstrip("./") if target.startswith("./") else target
            if target in pages:
                stats["resolved"] += 1
                if frag and len(frag) > 1:
                    stats["anchors"] += 1
                    stats["anchors_ok"] += unquote(frag[1:]) in ids[target]
            else:
                stats["broken"] += 1
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=list(VARIANTS))
    parser.add_argument("--timeout", type=int, default=300)
    parser.add_argument("--slow-reps", type=int, default=1, help="reps for roamlinks (quadratic)")
    parser.add_argument("--fullnav-max", type=int, default=1000,
                        help="also time plain without navigation.prune up to this size")
    parser.add_argument("--report", type=Path, nargs="*",
                        help="only print the tables from saved results-<N>.json files")
    parser.add_argument("--tag", default="", help="suffix for the results file name")
    args = parser.parse_args()
    if args.report:
        print(report(args.report))
        return
    mkdocs = setup_venv()
    snapshot()
    for size in args.sizes:
        vault = WORK / f"vault-{size}"
        manifest = generate.write(size, vault)
        configs = write_configs(vault, fullnav=size <= args.fullnav_max)
        names = [n for n in configs if n in args.variants or n == "plain-fullnav"]
        runs: dict[str, list[dict]] = {n: [] for n in names}
        for rep in range(args.reps):
            order = names[rep % len(names):] + names[:rep % len(names)]
            for name in order:
                if name in ("roamlinks", "plain-fullnav") and rep >= args.slow_reps:
                    continue
                if name == "roamlinks" and any(r.get("timeout") for r in runs[name]):
                    continue
                result = build(mkdocs, configs[name], vault / "site" / name, args.timeout)
                result["rep"] = rep
                runs[name].append(result)
                print(f"N={size} rep={rep} {name}: {result['wall']:.1f}s"
                      f"{' TIMEOUT' if result['timeout'] else ''} rc={result.get('rc')}", flush=True)
        checks = {n: link_check(vault / "site" / n) for n in names
                  if runs[n] and not runs[n][-1]["timeout"]}
        summary = summarize(runs)
        out = {"size": size, "manifest": manifest, "runs": runs, "checks": checks, "summary": summary}
        (WORK / f"results-{size}{args.tag}.json").write_text(json.dumps(out, indent=1))
        print(table(size, summary, checks), flush=True)


def summarize(runs: dict[str, list[dict]]) -> dict:
    def per_rep(name, ref, key="wall"):
        ratios = []
        for r in runs[name]:
            base = next((b for b in runs.get(ref, []) if b["rep"] == r["rep"]), None)
            if base and not r["timeout"] and not base["timeout"]:
                ratios.append(r[key] / base[key])
        return statistics.median(ratios) if ratios else None

    summary = {}
    for name, results in runs.items():
        done = [r for r in results if not r["timeout"]]
        summary[name] = {
            "median": statistics.median(r["wall"] for r in done) if done else None,
            "cpu": statistics.median(r["cpu"] for r in done) if done else None,
            "reps": len(done), "timeout": any(r["timeout"] for r in results),
            "vs_plain": per_rep(name, "plain"), "vs_floor": per_rep(name, "floor"),
            "cpu_vs_plain": per_rep(name, "plain", "cpu"), "cpu_vs_floor": per_rep(name, "floor", "cpu"),
            "rss_mb": max((r["rss_mb"] for r in done), default=None),
            "warnings": done[-1]["warnings"] if done else None,
        }
    return summary


def table(size: int, summary: dict, checks: dict, header: bool = True) -> str:
    rows = ["| N | variant | wall s, median (reps) | wall vs plain | wall vs floor | CPU s | CPU vs plain | CPU vs floor | hrefs to pages (anchors OK / with anchor) | broken hrefs | raw `[[` | missing-link stubs | WARNINGs |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|"] if header else []
    fmt = lambda v: f"{v:.2f}×" if v else "–"
    for name, s in summary.items():
        c = checks.get(name, {})
        if s["timeout"] and not s["reps"]:
            rows.append(f"| {size} | {name} | TIMEOUT > 300 s | > {300 / summary['plain']['median']:.0f}× | – | – | – | – | – | – | – | – | – |")
            continue
        rows.append(f"| {size} | {name} | {s['median']:.1f} ({s['reps']}) | {fmt(s['vs_plain'])} | "
                    f"{fmt(s['vs_floor'])} | {s['cpu']:.1f} | {fmt(s.get('cpu_vs_plain'))} | {fmt(s.get('cpu_vs_floor'))} | "
                    f"{c.get('resolved', '–')} ({c.get('anchors_ok', '–')}/{c.get('anchors', '–')}) | "
                    f"{c.get('broken', '–')} | {c.get('raw', '–')} | {c.get('stubs', '–')} | {s['warnings']} |")
    return "\n".join(rows)


def report(paths: list[Path]) -> str:
    """Tables (re-summarised) and scaling from saved results-<N>.json files."""
    done = [json.loads(p.read_text()) for p in paths]
    out = []
    for i, d in enumerate(done):
        out.append(table(d["size"], summarize(d["runs"]), d["checks"], header=i == 0))
    if len(done) >= 2:
        a, b = sorted(done, key=lambda d: d["size"])[:2]
        sa, sb = summarize(a["runs"]), summarize(b["runs"])
        out.append(f"\n| variant | CPU t({b['size']})/t({a['size']}) | wall t({b['size']})/t({a['size']}) |\n|---|---|---|")
        for name in sb:
            if name in sa and sa[name]["cpu"] and sb[name]["cpu"]:
                out.append(f"| {name} | {sb[name]['cpu'] / sa[name]['cpu']:.2f} | "
                           f"{sb[name]['median'] / sa[name]['median']:.2f} |")
    return "\n".join(out)


if __name__ == "__main__":
    main()

"""Where the `ours` build spends CPU that `floor` does not: the hook's own events, timed inside the build.

    .venv/bin/python bench/links/hook_share.py --sizes 1000 2000 3000 --reps 5

`run.py` times whole `mkdocs build` processes; on this 2-core VM one build's CPU time varies by
10 to 25 % between repetitions, more than the difference being measured. This script runs the
same vaults and configs (``bench/work/links/vault-<N>/``, made by `run.py`; the frozen snapshot
of the hook) in a fresh process per build, but times inside it: the build's CPU (interpreter start
and imports excluded), the CPU of each MkDocs event (all handlers: the search plugin's and ours)
and of garbage collection. Builds are interleaved (floor, ours, then ours, floor, ...).

Per repetition it reports ours/floor of the build CPU, and the CPU in the events the hook handles
(``files``, ``page_markdown``, ``page_context``, ``post_page``, ``post_build``), ours minus the
floor's in each. The hook's share of the floor is the ratio the link layer would have if nothing else differed; the rest of
ours minus floor is cost outside the hook, or noise. Medians over repetitions.
Results: bench/work/links/hook-share-<N>.json and a Markdown table on stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "bench" / "work" / "links"
VENV_PYTHON = ROOT / "bench" / "work" / "venv-peers" / "bin" / "python"

# Runs in the child: one build, timed from inside, as one JSON line on stdout.
CHILD = r"""
import gc, json, logging, os, shutil, sys, time
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.plugins import PluginCollection

logger = logging.getLogger("mkdocs")
logger.propagate = False
logger.addHandler(logging.NullHandler())  # the WARNINGs are still created and filtered
events, run_event = {}, PluginCollection.run_event

def timed(self, name, item=None, **kwargs):
    start = time.process_time()
    try:
        return run_event(self, name, item, **kwargs)
    finally:
        events[name] = events.get(name, 0.0) + time.process_time() - start

PluginCollection.run_event = timed
collecting = {"cpu": 0.0, "since": 0.0}

def on_gc(phase, info):
    if phase == "start":
        collecting["since"] = time.process_time()
    else:
        collecting["cpu"] += time.process_time() - collecting["since"]

gc.callbacks.append(on_gc)
config_file, site = sys.argv[1], sys.argv[2]
shutil.rmtree(site, ignore_errors=True)
start = time.process_time()
build(load_config(config_file, site_dir=site))
print(json.dumps({"cpu": time.process_time() - start, "gc": collecting["cpu"], "events": events}))
"""

HOOK_EVENTS = ("files", "page_markdown", "page_context", "post_page", "post_build")


def one_build(python: Path, config: Path, site: Path) -> dict:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(WORK / "snapshot")}
    proc = subprocess.run([str(python), "-c", CHILD, str(config), str(site)], env=env,
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def hook_cpu(ours: dict, floor: dict) -> float:
    """CPU in the events our hook handles, minus what the floor spends in the same events."""
    return sum(ours["events"].get(e, 0.0) - floor["events"].get(e, 0.0) for e in HOOK_EVENTS)


def measure(size: int, reps: int, python: Path) -> dict:
    vault = WORK / f"vault-{size}"
    configs = {name: vault / f"mkdocs-{name}.yml" for name in ("floor", "ours")}
    missing = [str(c) for c in configs.values() if not c.exists()]
    if missing:
        sys.exit(f"run bench/links/run.py --sizes {size} first (missing {', '.join(missing)})")
    rows = []
    for rep in range(reps):
        order = ("floor", "ours") if rep % 2 == 0 else ("ours", "floor")
        got = {name: one_build(python, configs[name], vault / "site-share" / name) for name in order}
        ours, floor = got["ours"], got["floor"]
        hook = hook_cpu(ours, floor)
        rows.append({"rep": rep, "floor": floor, "ours": ours, "ratio": ours["cpu"] / floor["cpu"],
                     "hook": hook, "hook_share_of_floor": hook / floor["cpu"],
                     "outside": ours["cpu"] - floor["cpu"] - hook,
                     "gc_extra": ours["gc"] - floor["gc"]})
        print(f"N={size} rep={rep}: floor {floor['cpu']:.2f} s, ours {ours['cpu']:.2f} s "
              f"({rows[-1]['ratio']:.3f}x), hook {hook:.2f} s, outside {rows[-1]['outside']:+.2f} s",
              flush=True)
    median = lambda key: statistics.median(r[key] for r in rows)  # noqa: E731
    events = {e: statistics.median(r["ours"]["events"].get(e, 0.0) - r["floor"]["events"].get(e, 0.0)
                                   for r in rows) for e in HOOK_EVENTS}
    return {"size": size, "reps": rows, "summary": {
        "floor_cpu": statistics.median(r["floor"]["cpu"] for r in rows),
        "ours_cpu": statistics.median(r["ours"]["cpu"] for r in rows),
        "ratio": median("ratio"), "ratio_min": min(r["ratio"] for r in rows),
        "ratio_max": max(r["ratio"] for r in rows), "hook": median("hook"),
        "hook_share_of_floor": median("hook_share_of_floor"), "outside": median("outside"),
        "gc_extra": median("gc_extra"), "events": events}}


def table(results: list[dict]) -> str:
    rows = ["| N | floor CPU s | ours CPU s | ours / floor, median (min–max) | hook CPU s (files / page_markdown / page_context) | 1 + hook / floor | ours − floor − hook | GC, ours − floor |",
            "|---|---|---|---|---|---|---|---|"]
    for r in results:
        s, e = r["summary"], r["summary"]["events"]
        rows.append(f"| {r['size']} | {s['floor_cpu']:.2f} | {s['ours_cpu']:.2f} | {s['ratio']:.3f}× "
                    f"({s['ratio_min']:.3f}–{s['ratio_max']:.3f}) | {s['hook']:.2f} ({e['files']:.2f} / "
                    f"{e['page_markdown']:.2f} / {e['page_context']:.2f}) | {1 + s['hook_share_of_floor']:.3f}× "
                    f"| {s['outside']:+.2f} s | {s['gc_extra']:+.2f} s |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--reps", type=int, default=5)
    parser.add_argument("--python", type=Path, default=VENV_PYTHON,
                        help="the interpreter of run.py's bench venv (same pins as the project)")
    args = parser.parse_args()
    results = []
    for size in args.sizes:
        result = measure(size, args.reps, args.python)
        (WORK / f"hook-share-{size}.json").write_text(json.dumps(result, indent=1))
        results.append(result)
    print(table(results))


if __name__ == "__main__":
    main()

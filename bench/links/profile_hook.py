"""Profile the wiki-link hook on the link-bench vault: where `ours` spends CPU that `floor` does not.

    .venv/bin/python bench/links/profile_hook.py --pages 3000                  # cProfile report
    .venv/bin/python bench/links/profile_hook.py --pages 3000 --flame FILE.svg # + py-spy flame graph

Generates the bench vault (``generate.py``, same seed) under ``bench/work/links/profile-<N>/``,
builds the ``ours`` variant (the live ``hooks/wikilinks.py``, not the bench's snapshot) and the
``floor`` variant in this process under cProfile, and prints:

* each hook entry point's cumulative time;
* the ``studyguide`` functions with the most cumulative and own time;
* the functions whose own time grows most from ``floor`` to ``ours`` (what the layer costs
  outside its own code too: extra output, logging).

cProfile inflates Python-heavy code, MkDocs' included, so read the shares, not the seconds.
``--flame`` also records the ``ours`` build with py-spy (sampling, no such inflation; py-spy is
in the ``dev`` extra) as an SVG flame graph.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).parent))
import generate  # noqa: E402
from run import BASE, WORK  # noqa: E402  (the bench's own mkdocs.yml, so both profile the same site)

HOOK = ROOT / "hooks" / "wikilinks.py"
ENTRY_POINTS = ("on_files", "on_page_markdown", "on_page_context")


def config(vault: Path, variant: str) -> Path:
    hooks = f"hooks:\n  - {HOOK}\n" if variant == "ours" else ""
    text = BASE.format(features="", custom_dir="", plugins="", hooks=hooks)
    text += f"docs_dir: {vault / ('wiki' if variant == 'ours' else 'floor') / 'docs'}\n"
    path = vault / f"mkdocs-profile-{variant}.yml"
    path.write_text(text)
    return path


def build(path: Path, site: Path) -> None:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    shutil.rmtree(site, ignore_errors=True)
    cfg = load_config(str(path), site_dir=str(site))
    mkdocs_build(cfg)


def profiled(path: Path, site: Path) -> tuple[pstats.Stats, float]:
    profile = cProfile.Profile()
    start = time.process_time()
    profile.enable()
    build(path, site)
    profile.disable()
    return pstats.Stats(profile), time.process_time() - start


def _name(func: tuple) -> str:
    filename, line, name = func
    for marker in ("/studyguide/", "/hooks/", "/site-packages/"):
        if marker in filename:
            filename = filename.split(marker, 1)[1] if marker == "/site-packages/" \
                else marker.strip("/") + "/" + filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({name})"


def report(ours: pstats.Stats, ours_cpu: float, floor: pstats.Stats, floor_cpu: float,
           top: int) -> str:
    out = io.StringIO()
    w = lambda line="": print(line, file=out)  # noqa: E731
    w(f"CPU under cProfile: ours {ours_cpu:.2f} s, floor {floor_cpu:.2f} s, "
      f"ours/floor {ours_cpu / floor_cpu:.3f}")
    stats = ours.stats  # {func: (cc, nc, tottime, cumtime, callers)}
    w("\nHook entry points (cumulative s, calls):")
    for func, (_, calls, _, cum, _) in sorted(stats.items(), key=lambda kv: -kv[1][3]):
        if func[0] == str(HOOK) and func[2] in ENTRY_POINTS:
            w(f"  {cum:7.3f}  {calls:6d}  {_name(func)}")
    ours_code = {f: s for f, s in stats.items() if "/studyguide/" in f[0] or f[0] == str(HOOK)}
    w(f"\nstudyguide + hook functions by cumulative time (top {top}):")
    w("   cum s   own s    calls  function")
    for func, (_, calls, own, cum, _) in sorted(ours_code.items(), key=lambda kv: -kv[1][3])[:top]:
        w(f"  {cum:6.3f}  {own:6.3f}  {calls:7d}  {_name(func)}")
    w(f"\nstudyguide + hook functions by own time (top {top}):")
    for func, (_, calls, own, cum, _) in sorted(ours_code.items(), key=lambda kv: -kv[1][2])[:top]:
        w(f"  {cum:6.3f}  {own:6.3f}  {calls:7d}  {_name(func)}")
    w(f"\nOwn time, ours minus floor, every function (top {top}; positive = costs more in ours):")
    w("   delta    ours   floor  function")
    deltas = []
    for func in set(stats) | set(floor.stats):
        a = stats.get(func, (0, 0, 0.0))[2]
        b = floor.stats.get(func, (0, 0, 0.0))[2]
        deltas.append((a - b, a, b, func))
    deltas.sort(key=lambda d: -d[0])
    for delta, a, b, func in deltas[:top]:
        w(f"  {delta:6.3f}  {a:6.3f}  {b:6.3f}  {_name(func)}")
    w(f"  sum of all deltas: {sum(d[0] for d in deltas):.3f} s")
    return out.getvalue()


def flame(path: Path, site: Path, svg: Path) -> None:
    spy = Path(sys.executable).with_name("py-spy")
    if not spy.exists():
        sys.exit("py-spy is not installed: pip install -c constraints.txt -e '.[dev]'")
    shutil.rmtree(site, ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(spy), "record", "--rate", "250", "--format", "flamegraph", "-o", str(svg),
                    "--", sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(path),
                    "-d", str(site)], check=True, env=env)


_FRAME = re.compile(r"<title>(\S+) \((.*?):\d+\) \(([\d,]+) samples, [\d.]+%\)</title>")


def flame_shares(svg: Path) -> str:
    """The hook entry points' share of the sampled build, read back from the flame graph.

    py-spy draws one box per (function, line); the boxes of one entry point are siblings (the
    hook is not recursive), so their samples add up to the function's inclusive samples.
    """
    frames = [(name, where, int(count.replace(",", "")))
              for name, where, count in _FRAME.findall(svg.read_text())]
    total = int(re.search(r"<title>all \(([\d,]+) samples", svg.read_text()).group(1).replace(",", ""))
    lines = [f"py-spy, {total} samples of the ours build; hook entry points (inclusive):"]
    hook = 0
    for entry in ENTRY_POINTS:
        count = sum(c for name, where, c in frames if name == entry and where == HOOK.name)
        hook += count
        lines.append(f"  {100 * count / total:5.1f}%  {count:6d}  {entry}")
    lines.append(f"  {100 * hook / total:5.1f}%  {hook:6d}  the hook in all")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--flame", type=Path, help="also write a py-spy flame graph (SVG) here")
    parser.add_argument("--out", type=Path, help="also write the text report here")
    parser.add_argument("--no-cprofile", action="store_true", help="only the flame graph")
    args = parser.parse_args()
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    vault = WORK / f"profile-{args.pages}"
    generate.write(args.pages, vault)
    import logging
    # The missing-link WARNINGs are part of the cost: log them, to nowhere.
    logging.getLogger("mkdocs").addHandler(logging.NullHandler())
    logging.getLogger("mkdocs").propagate = False
    ours_cfg, floor_cfg = config(vault, "ours"), config(vault, "floor")
    text = f"# {args.pages} pages; {' '.join(sys.argv)}\n"
    if not args.no_cprofile:
        build(floor_cfg, vault / "site-floor")  # warm-up: imports, caches on disk
        floor, floor_cpu = profiled(floor_cfg, vault / "site-floor")
        ours, ours_cpu = profiled(ours_cfg, vault / "site-ours")
        floor.dump_stats(vault / "floor.pstats")  # for pstats' print_callers and friends
        ours.dump_stats(vault / "ours.pstats")
        text += report(ours, ours_cpu, floor, floor_cpu, args.top)
        print(text)
    if args.out:
        args.out.write_text(text)
    if args.flame:
        flame(ours_cfg, vault / "site-ours", args.flame)
        shares = flame_shares(args.flame)
        print(f"flame graph: {args.flame}\n{shares}")
        if args.out:
            args.out.write_text(text + "\n" + shares + "\n")


if __name__ == "__main__":
    main()

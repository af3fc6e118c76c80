"""Importer benchmark: generate a 3,000-note vault, import it 3 times, report notes/second.

    .venv/bin/python bench/importer/run.py [--notes 3000] [--runs 3] [--json out.json]

The vault mixes what real vaults hold: wiki-links between notes (some to missing notes), heading
and block links, callouts, %%comments%%, images (some missing), an HTML Mermaid block, code
fences, mojibake, front matter with epoch dates, nested folders and duplicate names. Each run
imports into a fresh DEST (cold: every page written); a last run re-imports into the same DEST
(warm: nothing changes). The median of the cold runs is the headline number; CPU time and the
load average are recorded too, because wall time on a shared machine is noisy.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import struct
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from studyguide.importer import run_import  # noqa: E402

WORDS = ("model feature ranking retrieval label metric latency serving embedding candidate drift "
         "calibration sample negative position bias cold start freshness budget baseline").split()


def png() -> bytes:
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    raw = b"\x00\x10\x20\x30"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def sentence(rng: random.Random, n: int = 14) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def generate(root: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    names = [f"Note {i:04d}" for i in range(count)]
    (root / "Attachments").mkdir(parents=True)
    for i in range(0, count, 10):
        (root / "Attachments" / f"figure {i}.png").write_bytes(png())
    for i, name in enumerate(names):
        folder = root / f"Area {i % 12}" / f"Topic {i % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        other = names[rng.randrange(count)]
        body = [
            "---", f"created: {1642338141330 + i * 1000}", f"tags: [{rng.choice(WORDS)}, bench]", "---",
            f"# {name}", "", sentence(rng), "",
            f"## Section {i % 5} ^sec{i}", "",
            f"See [[{other}]], [[{other}#Section {rng.randrange(5)}|a section]], [[{names[i - 1]}#^sec{i - 1}]]"
            f" and [[Missing {i}]]. {sentence(rng)}",
            "",
            f"> [!tip] Remember {i}", f"> {sentence(rng)}", "",
            f"%%private note {i}%%", "",
            f"![[figure {i - i % 10}.png|300]]" if i % 3 else f"![](../../Attachments/figure%20{i}.png)", "",
            "```python", f"print('[[not a link {i}]]')", "```", "",
            f"Discuss how youâ€™ll scale it. {sentence(rng)} ^p{i}", "",
        ]
        if i % 50 == 0:
            body += ['<div class="mermaid">', "graph LR; a --&gt; b --&gt; c", "</div>", ""]
        body += [f"- {sentence(rng, 8)}" for _ in range(5)] + [""]
        (folder / f"{name}.md").write_text("\n".join(body), encoding="utf-8")
    # duplicate names in another folder
    for i in range(0, count, 100):
        (root / "Archive").mkdir(exist_ok=True)
        (root / "Archive" / f"{names[i]}.md").write_text(f"# Old {names[i]}\n\n{sentence(rng)}\n")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="importer-bench-") as tmp:
        vault = Path(tmp) / "vault"
        generate(vault, args.notes)
        total_notes = sum(1 for _ in vault.rglob("*.md"))
        cold, cpu = [], []
        report = None
        for run in range(args.runs):
            dest = Path(tmp) / f"out{run}"
            start, start_cpu = time.perf_counter(), time.process_time()
            report = run_import(vault, dest)
            cold.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            if run < args.runs - 1:
                shutil.rmtree(dest)
        start = time.perf_counter()
        warm_report = run_import(vault, Path(tmp) / f"out{args.runs - 1}")
        warm = time.perf_counter() - start
    median = statistics.median(cold)
    result = {
        "notes": total_notes,
        "runs_seconds": [round(s, 3) for s in cold],
        "median_seconds": round(median, 3),
        "notes_per_second": round(total_notes / median, 1),
        "cpu_seconds": [round(s, 3) for s in cpu],
        "notes_per_cpu_second": round(total_notes / statistics.median(cpu), 1),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "cpus": os.cpu_count(),
        "reimport_seconds": round(warm, 3),
        "reimport_unchanged": warm_report.counts()["unchanged"],
        "counts": report.counts(),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    print(json.dumps(result, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

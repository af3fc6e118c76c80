"""Assign the dev/test split of bench/search/queries.yml ONCE, by a fixed seed.

    .venv/bin/python bench/search/split.py --seed 12          # writes `split:` into every query

Refuses to run when any query already has a split, so the split cannot be redrawn after tuning has
started. New queries added later (after new pages arrive) are split with `--new-only`: they are
shuffled with the same seed among themselves and alternate dev/test, leaving existing ones as they are.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

QUERIES = Path(__file__).with_name("queries.yml")
LINE = re.compile(r"^- \{q: (?P<q>.*?), pages:")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--new-only", action="store_true", help="split only queries without a split")
    args = parser.parse_args(argv)
    lines = QUERIES.read_text(encoding="utf-8").splitlines()
    rows = [i for i, line in enumerate(lines) if LINE.match(line)]
    done = [i for i in rows if "split:" in lines[i]]
    if done and not args.new_only:
        print(f"{len(done)} queries already have a split; refusing to redraw it", file=sys.stderr)
        return 1
    todo = [i for i in rows if "split:" not in lines[i]]
    order = todo[:]
    random.Random(args.seed).shuffle(order)
    half = (len(order) + 1) // 2
    for rank, i in enumerate(order):
        split = "dev" if rank < half else "test"
        lines[i] = lines[i].rstrip()[:-1].rstrip() + f", split: {split}}}"
    QUERIES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"split {len(order)} queries: {half} dev, {len(order) - half} test (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

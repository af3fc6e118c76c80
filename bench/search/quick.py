"""Write the queries (dev, test, visible, visible-genai) as JSON for the Node tools (rank.js, compare.js):

    .venv/bin/python bench/search/quick.py bench/work/search/queries.json
"""
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "tests" / "browser")]
from test_search import GENAI_QUERIES, VISIBLE_QUERIES  # noqa: E402

rows = yaml.safe_load((ROOT / "bench/search/queries.yml").read_text(encoding="utf-8"))["queries"]
rows += [{"q": q, "pages": [best], "split": "visible"} for q, best, _ in VISIBLE_QUERIES]
rows += [{"q": q, "pages": [best], "split": "visible-genai"} for q, best, _ in GENAI_QUERIES]
out = Path(sys.argv[1])
out.parent.mkdir(parents=True, exist_ok=True)
out.write_text(json.dumps(rows, indent=1), encoding="utf-8")
print(f"{len(rows)} queries -> {out}")

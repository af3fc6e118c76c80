"""The search worker's engine (overrides/assets/javascripts/search/worker.js), run in Node."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "overrides" / "assets" / "javascripts" / "search" / "worker.js"

# A small site: the fraud case is about chargebacks (glossary name), the matrix only mentions them.
DOCS = {
    "version": 1,
    "pages": [
        {"loc": "case-studies/fraud-detection/", "title": "Fraud detection", "description": "Card-payment fraud with delayed labels.",
         "aliases": [], "tags": ["fraud"], "terms": ["chargeback"], "boost": 1},
        {"loc": "case-studies/", "title": "Compare the case studies", "description": "A matrix of every case.",
         "aliases": [], "tags": [], "terms": [], "boost": 1},
        {"loc": "case-studies/people-you-may-know/", "title": "People you may know", "description": "Friend suggestions.",
         "aliases": [], "tags": ["graph"], "terms": ["friends of friends"], "boost": 1},
        {"loc": "topics/metrics/", "title": "Metrics", "description": "Offline metrics.", "aliases": [], "tags": [],
         "terms": ["mrr", "mean reciprocal rank"], "boost": 1},
        {"loc": "glossary/", "title": "Glossary", "description": "Every term.", "aliases": [], "tags": [], "terms": [], "boost": 0.5},
    ],
    "sections": [
        [0, "", "Fraud detection", "Score each payment."],
        [0, "#labels", "Labels", "Labels arrive late: a chargeback can take weeks. Chargebacks are the positive label."],
        [1, "", "Compare the case studies", "Fraud: label chargeback, chargeback, chargeback rate, chargeback delay."],
        [2, "", "People you may know", "Suggest friends of friends with link prediction."],
        [3, "", "Metrics", "Ranking metrics."],
        [3, "#mrr", "MRR", "The mean of 1/rank of the first relevant item, <b>not</b> graded."],
        [4, "", "Glossary", "Chargeback: a reversed payment. PYMK: people you may know. MRR: mean reciprocal rank."],
    ],
    "synonyms": [["pymk", "people you may know"], ["mrr", "mean reciprocal rank"]],
}

SCRIPT = """
const e = require(process.argv[1]);
const idx = new e.SearchIndex(JSON.parse(process.argv[2]));
const out = {};
for (const q of JSON.parse(process.argv[3])) {
  const r = idx.search(q);
  out[q] = {pages: r.items.map(g => g[0].location), groups: r.items, suggest: r.suggest};
}
out.stems = ["embeddings", "embedding", "embedded", "labels", "labelled", "sampling", "samples", "news", "bias"].map(e.stem);
out.distance = [e.distance("callibration", "calibration", 2), e.distance("lamdamart", "lambdamart", 2), e.distance("abc", "xyz", 1)];
console.log(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def run():
    node = shutil.which("node")
    if not node:
        pytest.fail("node is missing: `make assets` needs Node.js 20+")

    def search(*queries: str) -> dict:
        done = subprocess.run([node, "-e", SCRIPT, str(WORKER), json.dumps(DOCS), json.dumps(list(queries))],
                              capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    return search


def test_the_page_about_a_term_outranks_pages_that_repeat_it(run):
    assert run("chargeback")["chargeback"]["pages"][0] == "case-studies/fraud-detection/"


def test_abbreviations_and_expansions_find_each_other(run):
    out = run("PYMK", "mean reciprocal rank", "MRR")
    assert out["PYMK"]["pages"][0] == "case-studies/people-you-may-know/"
    assert out["mean reciprocal rank"]["pages"][0] == "topics/metrics/"
    assert out["MRR"]["pages"][0] == "topics/metrics/"


def test_misspellings_and_prefixes(run):
    out = run("chargebak", "frau", "peple you may know")
    assert out["chargebak"]["pages"][0] == "case-studies/fraud-detection/"
    assert out["frau"]["pages"][0] == "case-studies/fraud-detection/"
    assert out["peple you may know"]["pages"][0] == "case-studies/people-you-may-know/"


def test_material_result_shape_best_section_and_highlighting(run):
    groups = run("mrr")["mrr"]["groups"]
    first = groups[0]
    # Every group starts with its page (Material needs the article in each group), then sections.
    assert first[0]["location"] == "topics/metrics/"
    assert first[1]["location"] == "topics/metrics/#mrr"
    assert first[1]["score"] >= first[0]["score"] - 1e-9  # shown as the best section, not folded
    assert first[1]["title"] == "<mark>MRR</mark>"
    # Text is escaped before marking: the page's "<b>" is shown, not interpreted.
    assert "&lt;b&gt;not&lt;/b&gt;" in first[1]["text"]
    assert first[0]["terms"] == {"mrr": True}


def test_suggestion_completes_the_last_word(run):
    assert run("peo")["peo"]["suggest"] == ["people"]


def test_stemmer_and_distance(run):
    out = run()
    assert out["stems"][:3] == ["embed", "embed", "embed"]
    assert out["stems"][3:5] == ["label", "label"]
    assert out["stems"][5] == out["stems"][6]
    assert out["stems"][7:] == ["news", "bias"]
    assert out["distance"] == [1, 1, 2]


def test_nothing_matches_nothing(run):
    assert run("zzzzqqq")["zzzzqqq"]["pages"] == []

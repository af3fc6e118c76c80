"""The index the worker loads, and the stub Material fetches on every page load."""
import json

from studyguide.search.hooks import INDEX_JSON, MATERIAL_JS, MATERIAL_JSON, SearchBuild
from studyguide.search.index import PageMeta, build_index, plain_text
from studyguide.search.vocabulary import Vocabulary

MATERIAL = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+", "pipeline": [], "fields": {}},
    "docs": [
        {"location": "topics/metrics/", "title": "Metrics", "text": "<p>Intro &amp; more</p>", "tags": ["metrics"]},
        {"location": "topics/metrics/#mrr", "title": "MRR", "text": "<p>Mean <code>reciprocal</code> rank</p>"},
        {"location": "glossary/", "title": "Glossary", "text": "", "boost": 0.5},
    ],
}


def test_plain_text():
    assert plain_text("<p>A &lt;b&gt;  <em>c</em></p>") == "A <b> c"


def test_build_index_groups_sections_under_pages_with_front_matter():
    vocabulary = Vocabulary(groups=[["mrr", "mean reciprocal rank"]], page_terms={"topics/metrics/": ["mrr"]})
    pages = {"topics/metrics/": PageMeta(title="Metrics for ML systems", description="Offline metrics", aliases=["Evaluation metrics"])}
    index = build_index(MATERIAL, pages, vocabulary)
    assert index["config"] == MATERIAL["config"]
    docs = index["docs"]
    assert [p["loc"] for p in docs["pages"]] == ["topics/metrics/", "glossary/"]
    metrics = docs["pages"][0]
    assert metrics["title"] == "Metrics for ML systems"
    assert metrics["aliases"] == ["Evaluation metrics"] and metrics["terms"] == ["mrr"]
    assert metrics["tags"] == ["metrics"]
    assert docs["pages"][1]["boost"] == 0.5
    assert docs["sections"] == [[0, "", "Metrics", "Intro & more"], [0, "#mrr", "MRR", "Mean reciprocal rank"]] + [[1, "", "Glossary", ""]]
    assert docs["synonyms"] == [["mrr", "mean reciprocal rank"]]


def test_write_replaces_materials_index_with_a_stub(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / MATERIAL_JSON).write_text(json.dumps(MATERIAL))
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "glossary.md").write_text("- **MRR** (mean reciprocal rank): the mean of 1/rank. See [[metrics]].\n")
    build = SearchBuild()
    build.reset(docs, [], [])
    build.add_page("topics/metrics/", "topics/metrics.md", "Metrics", {"description": "d", "search": {"boost": 2}})
    build.write(site)
    stub = json.loads((site / MATERIAL_JSON).read_text())
    assert stub == {"config": MATERIAL["config"], "docs": {"version": 1, "lazy": INDEX_JSON}}
    full = json.loads((site / INDEX_JSON).read_text())
    assert full["docs"]["pages"][0]["terms"] == ["mrr", "mean reciprocal rank"]
    assert full["docs"]["pages"][0]["boost"] == 2
    script = (site / MATERIAL_JS).read_text()
    assert script.startswith("var __index = ") and json.loads(script[len("var __index = "):].rstrip(";\n")) == full


def test_point_at_worker():
    html = '<script id="__config">{"search": "../assets/javascripts/workers/search.a7633da7.min.js"}</script>'
    assert SearchBuild().point_at_worker(html) == '<script id="__config">{"search": "../assets/javascripts/search/worker.js"}</script>'

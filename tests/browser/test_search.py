"""Search as a reader uses it: type a query into Material's search box, read the first results.

The queries and the page each should find are the visible sets of research/content.md §3 and
research/content-2.md §5 (the GenAI track and the six newer cases).
A query passes when its page is among the first three documents listed.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Page, expect
from search_reader import search

# (query, page that should rank first, page that is also acceptable)
VISIBLE_QUERIES = [
    ("NDCG", "topics/metrics", "case-studies/web-search-ranking"),
    ("cold start", "topics/candidate-generation-ranking", "case-studies/event-recommendation"),
    ("SMOTE", "topics/class-imbalance", None),
    ("two tower", "topics/candidate-generation-ranking", "case-studies/video-recommendation"),
    ("feature cross", "topics/feature-engineering", "case-studies/ad-click-prediction"),
    ("position bias", "topics/data-and-labels", "case-studies/web-search-ranking"),
    ("calibration", "topics/metrics", "case-studies/ad-click-prediction"),
    ("data drift", "topics/deployment-monitoring", None),
    ("batch vs real-time prediction", "topics/serving-batch-vs-realtime", None),
    ("A/B test sample size", "topics/ab-testing", None),
    ("clarifying questions", "framework/clarify-requirements", None),
    ("negative sampling", "topics/data-and-labels", "topics/candidate-generation-ranking"),
    ("feature store", "topics/architecture", "topics/serving-batch-vs-realtime"),
    ("shadow deployment", "topics/deployment-monitoring", "topics/ab-testing"),
    ("GDPR", "topics/risks-ethics-privacy", None),
    ("ad click prediction", "case-studies/ad-click-prediction", None),
    ("people you may know", "case-studies/people-you-may-know", None),
    ("train test split by time", "topics/evaluation-offline-online", "topics/data-and-labels"),
    ("one-hot encoding vs embeddings", "topics/feature-engineering", None),
    ("GBDT vs neural network", "topics/model-selection", None),
]

GENAI_QUERIES = [
    ("kv cache memory", "topics/llm-serving-cost", None),
    ("LLM as a judge position bias", "topics/llm-evaluation", "case-studies/rag-document-assistant"),
    ("hybrid search BM25 dense reciprocal rank fusion", "topics/rag-retrieval",
     "case-studies/rag-document-assistant"),
    ("LoRA vs full fine-tuning", "topics/adapting-llms", None),
    ("prompt injection", "topics/llm-safety-guardrails", "case-studies/customer-support-agent"),
    ("function calling agent loop", "topics/agents-tool-use", "case-studies/customer-support-agent"),
    ("chatbot over internal documents with citations", "case-studies/rag-document-assistant",
     "topics/rag-retrieval"),
    ("hand off to a human agent", "case-studies/customer-support-agent", "topics/agents-tool-use"),
    ("copilot acceptance rate", "case-studies/code-completion-assistant", None),
    ("gmail smart compose", "case-studies/smart-compose-autocomplete", None),
    ("shopping assistant rufus", "case-studies/conversational-shopping-search",
     "case-studies/product-search-ranking"),
    ("LLM labels for content moderation", "case-studies/llm-content-moderation",
     "case-studies/harmful-content-detection"),
    ("BLEU vs COMET", "case-studies/machine-translation", "topics/llm-evaluation"),
    ("FID CLIP score diffusion", "case-studies/text-to-image-generation", "topics/llm-evaluation"),
    ("delivery time estimate", "case-studies/food-delivery-eta", None),
    ("typeahead suggestions", "case-studies/query-autocomplete", "case-studies/smart-compose-autocomplete"),
    ("exact substitute complement irrelevant", "case-studies/product-search-ranking",
     "case-studies/web-search-ranking"),
    ("lidar pedestrian detection", "case-studies/pedestrian-detection", "case-studies/street-view-blurring"),
    ("design an ML platform", "case-studies/ml-platform-feature-store", "topics/architecture"),
    ("notification fatigue volume", "case-studies/push-notification-ranking", None),
]


@pytest.mark.parametrize(("query", "best", "also_ok"), VISIBLE_QUERIES + GENAI_QUERIES,
                         ids=[q for q, _, _ in VISIBLE_QUERIES + GENAI_QUERIES])
def test_query_finds_its_page_in_the_top_three(page: Page, site_url, query, best, also_ok):
    page.goto(site_url + "/")
    results = search(page, query)
    assert best in results[:3], f"{query!r}: expected {best} in the top 3, got {results[:5]}"


def test_search_is_reachable_on_a_phone(page: Page, site_url):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(site_url + "/")
    page.locator('label.md-header__button[for="__search"]').click()
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially("calibration", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=10_000)


# The held-out dev half of bench/search/queries.yml (tuning was done on it; the test half is the
# reported figure, measured by bench/search/run.py). Below this hit@3 the ranking has regressed.
DEV_HIT_AT_3 = 0.90
QUERIES = Path(__file__).resolve().parents[2] / "bench" / "search" / "queries.yml"


def dev_queries() -> list[dict]:
    return [row for row in yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"] if row["split"] == "dev"]


def test_dev_half_finds_its_pages_in_the_top_three(page: Page, site_url):
    page.goto(site_url + "/")
    rows = dev_queries()
    misses = []
    for row in rows:
        results = search(page, row["q"], base=site_url + "/")
        if not set(row["pages"]) & set(results[:3]):
            misses.append(f"{row['q']!r}: want {row['pages']}, got {results[:3]}")
    hit3 = 1 - len(misses) / len(rows)
    assert hit3 >= DEV_HIT_AT_3, f"dev hit@3 {hit3:.0%} < {DEV_HIT_AT_3:.0%}; misses:\n" + "\n".join(misses)


def test_the_index_is_fetched_when_the_reader_turns_to_search(page: Page, site_url):
    fetched: dict[str, int] = {}
    page.on("response", lambda r: fetched.__setitem__(r.url.rsplit("/", 1)[-1], len(r.body())) if "/search/" in r.url else None)
    page.goto(site_url + "/", wait_until="networkidle")
    page.wait_for_timeout(500)
    assert "studyguide_index.json" not in fetched, "the full index was fetched on page load"
    assert fetched.get("search_index.json", 0) < 1024, f"Material's eager index should be a stub: {fetched}"
    with page.expect_response(lambda r: r.url.endswith("/search/studyguide_index.json")):
        page.keyboard.press("/")
    # Typing right away is answered once the index is in.
    page.locator("input.md-search__input").press_sequentially("pymk", delay=20)
    expect(page.locator("li.md-search-result__item").first).to_contain_text("People you may know", timeout=10_000)


def test_search_after_instant_navigation_with_keyboard_suggestion_and_highlight(page: Page, site_url):
    page.goto(site_url + "/", wait_until="networkidle")
    page.evaluate("window.__notReloaded = true")
    page.locator('.md-sidebar--primary a.md-nav__link[href$="topics/metrics/"]').first.click()
    expect(page).to_have_url(re.compile(r"topics/metrics/$"))
    assert page.evaluate("window.__notReloaded === true"), "expected instant navigation, got a full reload"
    expect(page.locator(".md-content h1").first).to_contain_text("Metrics for ML systems")
    # Material pushes the URL on click and closes search 125 ms after any location change;
    # a reader does not open search within that window, a test would (and lose the toggle).
    page.wait_for_timeout(300)
    page.keyboard.press("/")
    box = page.locator("input.md-search__input")
    box.press_sequentially("smo", delay=20)
    expect(page.locator("[data-md-toggle=search]")).to_be_checked()
    expect(page.locator(".md-search__suggest")).to_have_text("smote", timeout=10_000)
    box.press("ArrowRight")  # accept the suggestion
    expect(box).to_have_value("smote")
    first = page.locator("li.md-search-result__item").first
    expect(first.locator("mark").first).to_have_text(re.compile("smote", re.I))
    page.wait_for_timeout(600)  # accepting the suggestion re-runs the query; let the list settle
    # Keyboard: down to the first result, Enter follows it, with the terms highlighted there.
    box.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"topics/class-imbalance/\?h=smote"))
    expect(page.locator("article mark:visible").first).to_have_text(re.compile("smote", re.I))
    assert page.evaluate("window.__notReloaded === true")


def test_a_shared_search_url_opens_with_its_results(page: Page, site_url):
    page.goto(site_url + "/?q=friends+of+friends")
    first = page.locator("li.md-search-result__item").first
    expect(first).to_contain_text("People you may know", timeout=10_000)

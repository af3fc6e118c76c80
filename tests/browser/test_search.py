"""Search as a reader uses it: type a query into Material's search box, read the first results.

The queries and the page each should find are the visible set of research/content.md §3.
A query passes when its page is among the first three documents listed.
"""
from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

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


def search(page: Page, query: str) -> list[str]:
    """Type the query like a reader and return the result pages, best first, as 'topics/metrics'."""
    page.keyboard.press("/")  # Material's shortcut focuses the search box at every width
    box = page.locator("input.md-search__input")
    expect(box).to_be_focused()
    box.press_sequentially(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text("Type to start searching", timeout=10_000)
    expect(meta).not_to_have_text("Initializing search", timeout=10_000)
    # The worker answers every keystroke; read the list once it has stopped changing, so the
    # answer is the one for the whole query, not for a prefix typed a moment earlier.
    previous, results = None, []
    for _ in range(40):
        page.wait_for_timeout(250)
        results = result_pages(page)
        if results and results == previous:
            return results
        previous = results
    return results


def result_pages(page: Page) -> list[str]:
    # One list item per document; its first link is the document itself, later ones its sections.
    items = page.locator("li.md-search-result__item")
    hrefs = items.evaluate_all("els => els.map(e => e.querySelector('a.md-search-result__link').href)")
    return [urlparse(href).path.strip("/") for href in hrefs]


@pytest.mark.parametrize(("query", "best", "also_ok"), VISIBLE_QUERIES, ids=[q for q, _, _ in VISIBLE_QUERIES])
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

"""Search as a reader uses it: type a query into Material's search box, read the first results.

The queries and the page each should find are the visible sets of research/content.md §3 and
research/content-2.md §5 (the GenAI track and the six newer cases).
A query passes when its page is among the first three documents listed.
"""
from __future__ import annotations

import pytest
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

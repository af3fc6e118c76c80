"""Regression tests for the correctness pass of issue 10 (and the GenAI framework additions of issue 9).

Each check is written as a function of the page texts, so it can be run against any version of the
docs (for example `git show HEAD~1:docs/...`) to confirm it fails on the old wording.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data

from site_build import ROOT

DOCS = ROOT / "docs"
PAGES = {p.relative_to(DOCS).as_posix(): p.read_text(encoding="utf-8") for p in DOCS.rglob("*.md")}
CASE_STUDIES = sorted(p for p in PAGES if p.startswith("case-studies/") and p != "case-studies/index.md")


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def segments(text: str) -> list[str]:
    """Sentences and clauses: split on . ; ? ! and on blank lines, after folding whitespace.

    A Markdown table row stays in one piece unless it contains one of those marks, so a row such as
    `| Save to a list | 2 | Explicit interest |` is judged as a whole.
    """
    parts = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\|)", text):
        parts += re.split(r"(?<=[.;?!])\s+|;\s*", fold(paragraph))
    return [p for p in parts if p.strip()]


def sentences(text: str) -> list[str]:
    """Whole sentences (split on . ? ! only), for claims that span a semicolon."""
    parts = []
    for paragraph in re.split(r"\n\s*\n|\n(?=\|)", text):
        parts += re.split(r"(?<=[.?!])\s+", fold(paragraph))
    return [p for p in parts if p.strip()]


# ---------------------------------------------------------------- explicit versus implicit feedback

SAVE = re.compile(r"\b(saves?|saved|saving|save for later|bookmarks?|bookmarked|wishlists?)\b", re.I)
EXPLICIT = re.compile(r"\bexplicit\b", re.I)
# A segment that names saves and "explicit" is fine only if it says they are implicit or not explicit,
# or describes the mistake of calling them explicit.
EXEMPT = re.compile(r"\bimplicit\b|not explicit|never \"?explicit|\bcalling\b", re.I)


def saves_called_explicit(pages: dict[str, str]) -> list[str]:
    found = []
    for path, text in pages.items():
        for seg in segments(text):
            if SAVE.search(seg) and EXPLICIT.search(seg) and not EXEMPT.search(seg):
                found.append(f"{path}: {seg[:160]}")
        # "all implicit, except ratings and saves" makes saves explicit without the word.
        for m in re.finditer(r"implicit,? except[^.);]{0,40}\b(saves?|bookmarks?)\b", fold(text), re.I):
            found.append(f"{path}: {m.group(0)}")
    return found


def test_no_page_calls_saves_or_bookmarks_explicit_feedback():
    assert saves_called_explicit(PAGES) == []


def test_glossary_states_the_one_convention():
    glossary = fold(PAGES["glossary.md"])
    implicit = re.search(r"\*\*Implicit feedback\*\*:(.*?)(?= - \*\*)", glossary).group(1)
    explicit = re.search(r"\*\*Explicit feedback\*\*:(.*?)(?= - \*\*|## )", glossary).group(1)
    for word in ("saves", "bookmarks", "add-to-cart", "purchases"):
        assert word in implicit, word
    assert "not interested" in explicit


# ------------------------------------------------------------------------------ fraud exploration

def test_fraud_exploration_slice_comes_from_would_be_blocked_payments():
    text = fold("\n".join(PAGES.values())).lower()
    assert not re.search(r"holdout of low-risk|low-risk blocks|low-risk[- ]\w* payments that are allowed", text)
    assert re.search(r"payments the model would block|would-be block", fold(PAGES["framework/prepare-data.md"]))


# --------------------------------------------------------------------------------------- arithmetic

def test_restaurant_cache_arithmetic():
    page = fold(PAGES["case-studies/restaurant-recommendation.md"])
    assert "48 billion IDs" in page
    assert "few tens of GB" not in page


def test_trip_peak_scoring_rate():
    page = fold(PAGES["case-studies/trip-recommendation.md"])
    assert re.search(r"2,000 × 200 ≈ 400K", page)
    assert "about 100K GBDT scorings a second at peak" not in page


def test_trip_latency_is_not_an_offline_online_gap_reason():
    page = fold(PAGES["case-studies/trip-recommendation.md"])
    reasons = re.search(r"\*\*How they disagree\.\*\*(.*?)Their answer", page).group(1)
    assert "latency" not in reasons.lower()


# ----------------------------------------------------------------------------------- terminology

def test_krippendorff_is_alpha_not_kappa():
    text = fold("\n".join(PAGES.values()))
    assert not re.search(r"Krippendorff['’]s kappa", text, re.I)


def test_twitter_fifty_fifty_describes_the_for_you_timeline():
    bad = []
    for path, text in PAGES.items():
        for seg in sentences(text):
            if re.search(r"\b1,?500\b", seg) and re.search(r"\bhalf\b|50 ?%|50/50", seg, re.I) \
                    and "For You" not in seg:
                bad.append(f"{path}: {seg[:160]}")
    assert bad == []


GBDT = re.compile(r"\b(GBDTs?|gradient-boosted|XGBoost|LightGBM|trees?)\b", re.I)
NO_UPDATE = re.compile(r"(cannot|can't|can not) (be )?(fine-tuned?|updated?)( it)? incrementally|"
                       r"(must be|is|are) retrained from scratch|retrains from scratch|no incremental updates", re.I)


def gbdt_retrain_from_scratch_claims(pages: dict[str, str]) -> list[str]:
    """A no-incremental-update claim in a paragraph (or table row) that is about a GBDT."""
    found = []
    for path, text in pages.items():
        for paragraph in re.split(r"\n\s*\n|\n(?=\||- )", text):
            flat = fold(paragraph)
            if GBDT.search(flat):
                found += [f"{path}: {m.group(0)} in {flat[:100]}" for m in NO_UPDATE.finditer(flat)]
    return found


def test_no_claim_that_gbdt_must_retrain_from_scratch():
    assert gbdt_retrain_from_scratch_claims(PAGES) == []


@pytest.mark.parametrize("path", ["topics/model-selection.md", "topics/deployment-monitoring.md",
                                  "framework/develop-model.md", "case-studies/event-recommendation.md"])
def test_gbdt_continue_boosting_is_stated(path):
    assert "continue boosting" in fold(PAGES[path])


LAMBDA = re.compile(r"Lambda(MART|Rank)", re.I)


def lambdamart_misstatements(pages: dict[str, str]) -> list[str]:
    bad = []
    for path, text in pages.items():
        for seg in sentences(text):
            # "optimises NDCG directly" / "directly optimises NDCG", unless it says it cannot.
            if re.search(r"optimi[sz]\w* (the )?NDCG directly|directly optimi[sz]\w* NDCG", seg, re.I) \
                    and not re.search(r"can['’]?not|can't|not directly|why", seg, re.I):
                bad.append(f"{path}: {seg[:160]}")
            if LAMBDA.search(seg) and re.search(r"\blistwise\b", seg, re.I) \
                    and not re.search(r"\bpairwise\b", seg, re.I):
                bad.append(f"{path}: {seg[:160]}")
            if LAMBDA.search(seg) and re.search(r"optimi[sz]\w*[^.]{0,30}\bdirectly|directly optimi", seg, re.I) \
                    and not re.search(r"not directly|can['’]?not|can't", seg, re.I):
                bad.append(f"{path}: {seg[:160]}")
    return bad


def test_lambdamart_is_pairwise_weighted_by_listwise_delta_ndcg():
    assert lambdamart_misstatements(PAGES) == []
    glossary = fold(PAGES["glossary.md"])
    entry = re.search(r"\*\*LambdaMART\*\*:(.*?)(?= - \*\*)", glossary).group(1)
    assert "pairwise" in entry and "approximately" in entry


def test_reliability_diagram_reading():
    page = fold(PAGES["topics/metrics.md"])
    assert "points below it mean over-confidence" not in page
    assert "over-predicts" in page
    assert re.search(r"below the diagonal at high scores and above it at low scores", page)


def test_backtest_means_one_thing():
    evaluation = fold(PAGES["topics/evaluation-offline-online.md"])
    ab = fold(PAGES["topics/ab-testing.md"])
    # The old evaluation page sent readers to ab-testing for a "holdback" backtest that page never defined.
    assert "(holding a launched feature back from some users) is a different idea" not in evaluation
    assert "backtest always means this offline replay" in evaluation
    assert re.search(r"\*\*backtest\*\* is offline", ab)
    for text in (evaluation, ab):
        assert "reverse test" in text


# ------------------------------------------------------------------------------- cited figures

@pytest.mark.parametrize("figure, citation", [
    (r"100 times fewer", r"Netflix Technology Blog 2017"),
    (r"30% (in|more) latency", r"Bernardi et al\."),
    (r"800M search click sessions", r"Grbovic"),
])
def test_figures_name_source_and_year(figure, citation):
    hits = 0
    for path, text in PAGES.items():
        flat = fold(text)
        for m in re.finditer(figure, flat):
            hits += 1
            window = flat[max(0, m.start() - 300): m.end() + 300]
            assert re.search(citation, window), f"{path}: {figure} without {citation}"
    assert hits, figure


# ----------------------------------------------------------------------------- case-study shape

def summary_paragraph(text: str) -> str:
    body = get_data(text)[0]
    before = body.split("## The prompt")[0]
    return re.sub(r"^# .*$", "", before, flags=re.M).strip()


@pytest.mark.parametrize("path", CASE_STUDIES)
def test_case_study_opens_with_a_summary(path):
    summary = summary_paragraph(PAGES[path])
    n_sentences = len(re.findall(r"[.!?](\s|$)", summary))
    assert len(summary.split()) >= 30 and 2 <= n_sentences <= 5, f"{path}: {summary[:80]!r}"


def monitoring_words(text: str) -> int:
    body = get_data(text)[0]
    m = re.search(r"^## Monitoring and retraining\s*\n(.*?)(?=^## )", body, re.S | re.M)
    return len(m.group(1).split()) if m else 0


@pytest.mark.parametrize("path", CASE_STUDIES)
def test_monitoring_section_is_deep_enough(path):
    words = monitoring_words(PAGES[path])
    assert words >= 180, f"{path}: {words} words"
    section = re.search(r"^## Monitoring and retraining\s*\n(.*?)(?=^## )", get_data(PAGES[path])[0],
                        re.S | re.M).group(1).lower()
    assert "retrain" in section, "say the retraining cadence and its trigger"
    assert "alert" in section or "threshold" in section or "±" in section, "say what is watched with thresholds"


# --------------------------------------------------------------------------- GenAI in the framework

FRAMEWORK_GENAI = ["framework/clarify-requirements.md", "framework/frame-problem.md",
                   "framework/define-metrics.md", "framework/prepare-data.md", "framework/engineer-features.md",
                   "framework/develop-model.md", "framework/evaluate-offline.md",
                   "framework/design-serving.md", "framework/deploy-and-test-online.md",
                   "framework/monitor-and-iterate.md", "framework/wrap-up-risks.md"]


@pytest.mark.parametrize("path", FRAMEWORK_GENAI)
def test_framework_step_has_a_genai_section(path):
    body = get_data(PAGES[path])[0]
    m = re.search(r"^## For a GenAI prompt\s*\n(.*?)(?=^## |\Z)", body, re.S | re.M)
    assert m, f"{path}: no '## For a GenAI prompt' section"
    words = len(m.group(1).split())
    assert 120 <= words <= 250, f"{path}: {words} words"
    assert re.search(r"\[\[(llm-serving-cost|llm-evaluation|rag-retrieval|adapting-llms|"
                     r"llm-safety-guardrails|agents-tool-use)", m.group(1)), "link a GenAI topic page"


def test_overview_says_how_the_plan_shifts_for_genai():
    overview = fold(PAGES["framework/overview.md"])
    assert re.search(r"bring evaluation, cost and safety unprompted", overview, re.I)


def test_resources_cover_generative_ai():
    resources = fold(PAGES["resources.md"])
    assert not re.search(r"generative AI[^.]{0,60}out of scope|out of scope[^.]{0,60}generative", resources, re.I)
    assert "## Generative AI system design" in PAGES["resources.md"]


@pytest.mark.parametrize("term", ["RAG", "TTFT", "KV cache", "LoRA", "DPO", "RLHF", "LLM-as-judge",
                                  "Groundedness", "Prompt injection", "Indirect prompt injection",
                                  "Continuous batching", "Speculative decoding", "Reciprocal rank fusion",
                                  "pass@k", "pass^k", "Deflection", "Hallucination", "COMET", "FID",
                                  "CLIP score"])
def test_glossary_has_genai_terms(term):
    assert re.search(r"^- \*\*" + re.escape(term), PAGES["glossary.md"], re.M | re.I), term


def test_abbreviations_cover_genai():
    abbreviations = (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8")
    for abbr in ["RAG", "TTFT", "LLM", "LoRA", "QLoRA", "DPO", "RLHF", "SFT", "RRF", "KV", "MCP", "FID",
                 "COMET", "BLEU", "SSE", "HNSW"]:
        assert re.search(r"^\*\[" + re.escape(abbr) + r"\]:", abbreviations, re.M), abbr

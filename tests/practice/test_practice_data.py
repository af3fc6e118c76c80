"""Mock-interview data: scaled phase plans, case entries, coverage pages, generated files."""
import json
from pathlib import Path

import pytest

from studyguide.cases import is_case_study, load_case_file
from studyguide.cases.checklist import load_standard
from studyguide.practice import practice_data, scaled_minutes
from studyguide.practice.site import generated_files, in_nav_order, page_title

ROOT = Path(__file__).resolve().parents[2]


def test_scaled_minutes_keep_proportions_and_total():
    plan = [s.minutes for s in load_standard().steps]
    assert sum(plan) == 45
    for total in (35, 45, 60):
        scaled = scaled_minutes(plan, total)
        assert sum(scaled) == pytest.approx(total, abs=0.05)
        assert scaled[0] / scaled[1] == pytest.approx(plan[0] / plan[1], rel=0.01)
    assert scaled_minutes(plan, 45) == plan
    with pytest.raises(ValueError):
        scaled_minutes(plan, 0)


@pytest.fixture(scope="module")
def real():
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    cases = {src: load_case_file(docs / src, text) for src, text in pages.items() if is_case_study(src)}
    return pages, cases


def test_every_case_has_prompt_rubric_and_follow_ups(real):
    pages, cases = real
    data = practice_data(pages, cases, url=lambda s: s.removesuffix(".md") + "/")
    assert len(data["cases"]) == len(cases) and len(data["phases"]) == 11
    for case in data["cases"]:
        assert case["prompt"] and case["follow_ups"], case["slug"]
        assert [g["key"] for g in case["rubric"]] == [p["key"] for p in data["phases"]]
        assert case["follow_ups"][0]["url"] == case["url"] + "#follow-up-questions"
    assert {"ranking", "integrity", "predictive"} <= set(data["tags"])
    kinds = {c["kind"] for c in data["cases"]}
    if "genai" in kinds:  # GenAI cases get the GenAI variant of the checklist
        genai = next(c for c in data["cases"] if c["kind"] == "genai")
        assert any(i["id"] == "frame.genai-adaptation" for g in genai["rubric"] for i in g["items"])
    predictive = next(c for c in data["cases"] if c["kind"] == "predictive")
    assert not any(i["id"] == "frame.genai-adaptation" for g in predictive["rubric"] for i in g["items"])


def test_coverage_pages_are_framework_topics_and_cases_without_indexes(real):
    pages, _ = real
    data = practice_data(pages, {}, title=lambda s: s)
    sections = {p["section"] for p in data["pages"]}
    assert sections == {"Framework", "Topics", "Case studies"}
    assert not any(p["src"].endswith("index.md") for p in data["pages"])
    assert len(data["pages"]) == sum(1 for s in pages if s.split("/")[0] in ("framework", "topics", "case-studies")
                                     and not s.endswith("index.md"))


def test_nav_order_and_titles():
    nav = [{"Home": "index.md"}, {"T": ["topics/b.md", "topics/a.md"]}]
    assert in_nav_order(nav, {"topics/a.md", "topics/b.md", "index.md", "z.md"}) == \
        ["index.md", "topics/b.md", "topics/a.md", "z.md"]
    assert page_title("x.md", "---\ntitle: \"Front\"\n---\n# H1\n") == "Front"
    assert page_title("x.md", "# The H1\n") == "The H1"
    assert page_title("a/long-name.md", "text") == "Long name"


def test_generated_files_are_json_and_matching_scripts(real):
    pages, cases = real
    files = generated_files(pages, "*[CTR]: Click-through rate\n", cases, lambda s: s)
    assert set(files) == {f"assets/practice/{name}.{ext}" for name in ("deck", "deck-index", "practice")
                          for ext in ("json", "js")}
    index = json.loads(files["assets/practice/deck-index.json"])
    assert [c["id"] for c in index["cards"]] == [c["id"] for c in json.loads(files["assets/practice/deck.json"])["cards"]]
    assert set(index["cards"][0]) == {"id", "deck", "source"}
    deck = json.loads(files["assets/practice/deck.json"])
    assert files["assets/practice/deck.js"] == f"window.StudyGuideDeck = {files['assets/practice/deck.json']};\n"
    assert deck["format"] == "ml-system-design-guide/deck" and deck["version"] == 1


def test_formula_cards_carry_their_answer_typeset_once_per_distinct_tex():
    from studyguide.practice.site import typeset_formula_cards

    calls = []

    def typeset(tex):
        calls.append(tex)
        return {t: f"<span class=\"katex\">{t}</span>" for t in tex}

    cards = [{"id": "a", "tex": "x^2"}, {"id": "b", "tex": "x^2"}, {"id": "c", "back": "words"}]
    typeset_formula_cards(cards, typeset)
    assert calls == [["x^2"]]
    assert cards[0]["html"] == cards[1]["html"] == '<span class="katex">x^2</span>'
    assert "html" not in cards[2]

"""Card ids: stable under small edits and front edits, new when the answer changes."""
from pathlib import Path
from textwrap import dedent

import pytest

from studyguide.cases import is_case_study, load_case_file
from studyguide.practice import build_deck
from studyguide.practice.deck import Card, with_ids

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = dedent("""\
    # Glossary

    - **CTR** (click-through rate): clicks divided by impressions. See [[metrics]].
    - **NDCG** (normalized discounted cumulative gain): graded ranking quality. See [[metrics]].
""")
TOPIC = "# Metrics\n\n## Log loss\n\n$$\nL = -y \\log p\n$$\n"


def deck_for(glossary=GLOSSARY, topic=TOPIC, abbreviations="*[CTR]: Click-through rate\n"):
    pages = {"glossary.md": glossary, "topics/metrics.md": topic}
    return build_deck(pages, abbreviations, {}, url=lambda s: s.replace(".md", "/"),
                      title=lambda s: {"topics/metrics.md": "Metrics"}.get(s, s))


def ids(deck, kind):
    return [card["id"] for card in deck["cards"] if card["deck"] == kind]


def test_deck_has_each_source_and_counts():
    deck = deck_for()
    counts = {d["key"]: d["cards"] for d in deck["decks"]}
    assert counts == {"glossary": 2, "abbreviations": 1, "follow-ups": 0, "formulas": 1, "figures": 0}
    card = next(c for c in deck["cards"] if c["deck"] == "glossary")
    assert card["front"] == "What is CTR?"
    assert card["back"] == "click-through rate: clicks divided by impressions."
    assert card["url"] == "topics/metrics/"  # the "See [[metrics]]" page
    formula = next(c for c in deck["cards"] if c["deck"] == "formulas")
    assert formula["tex"] == "L = -y \\log p" and formula["url"] == "topics/metrics/#log-loss"
    assert formula["front"] == "Write the formula: Log loss"


def test_ids_are_unique_and_recorded_with_the_answer_fingerprint():
    deck = deck_for()
    all_ids = [c["id"] for c in deck["cards"]]
    assert len(all_ids) == len(set(all_ids))
    assert all(c["answer"] and c["id"].startswith(c["deck"] + "-") for c in deck["cards"])


def test_ids_do_not_depend_on_order_or_on_the_front():
    before = deck_for()
    reordered = deck_for(GLOSSARY.replace("- **CTR**", "- **CTR (clicks)**"))
    assert ids(before, "glossary") == ids(reordered, "glossary")


def test_small_edit_of_the_answer_keeps_the_id():
    edited = deck_for(GLOSSARY.replace("clicks divided by impressions.", "Clicks  divided by impressions"))
    assert ids(edited, "glossary") == ids(deck_for(), "glossary")
    spaced = deck_for(topic=TOPIC.replace("L = -y \\log p", "L = - y \\log  p"))
    assert ids(spaced, "formulas") == ids(deck_for(), "formulas")


def test_changed_answer_gets_a_new_id_and_the_others_keep_theirs():
    changed = deck_for(GLOSSARY.replace("clicks divided by impressions", "clicks divided by views"))
    old, new = ids(deck_for(), "glossary"), ids(changed, "glossary")
    assert old[0] != new[0] and old[1] == new[1]
    changed_formula = deck_for(topic=TOPIC.replace("\\log p", "\\log q"))
    assert ids(changed_formula, "formulas") != ids(deck_for(), "formulas")


def test_same_answer_twice_in_one_deck_gets_two_ids():
    cards = with_ids([Card("glossary", "What is A?", "same", "g.md"), Card("glossary", "What is B?", "same", "g.md"),
                      Card("glossary", "What is B?", "same", "g.md")])
    assert len({c.id for c in cards}) == 3


@pytest.fixture(scope="module")
def real_deck():
    docs = ROOT / "docs"
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8") for p in sorted(docs.rglob("*.md"))}
    cases = {src: load_case_file(docs / src, text) for src, text in pages.items() if is_case_study(src)}
    return build_deck(pages, (ROOT / "includes" / "abbreviations.md").read_text(encoding="utf-8"), cases), pages, cases


def test_real_docs_give_every_deck_cards(real_deck):
    deck, pages, cases = real_deck
    counts = {d["key"]: d["cards"] for d in deck["decks"]}
    glossary_entries = pages["glossary.md"].count("\n- **")
    assert counts["glossary"] == glossary_entries
    assert counts["abbreviations"] == (ROOT / "includes" / "abbreviations.md").read_text().count("*[")
    # every ??? question block of every follow-up section becomes a card
    assert counts["follow-ups"] >= 6 * len(cases)
    assert counts["formulas"] >= 20
    assert counts["figures"] >= len(cases)
    fronts = " ".join(c["front"] for c in deck["cards"])
    for needed in ("NDCG", "Log loss", "Normalized cross-entropy", "sample size"):
        assert needed.lower() in fronts.lower(), needed
    assert any("____ listing embeddings" in c["front"] and c["back"].startswith("32") for c in deck["cards"])
    assert any("heavy ranker" in c["front"] for c in deck["cards"])

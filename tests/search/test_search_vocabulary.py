"""The site's vocabulary, parsed from the glossary, the abbreviation list and aliases."""
from pathlib import Path

from studyguide.search.vocabulary import build_vocabulary, normalise, parse_abbreviations, parse_glossary

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = """# Glossary

## A

- **ANN** (approximate nearest neighbour search): finds vectors close to a query vector. See
  [[candidate-generation-ranking]].
- **BERT** (Bidirectional Encoder Representations from Transformers): a pretrained transformer
  (Google, 2018). See [[feature-engineering|features]].
- **Candidate generation** (retrieval, first stage): the cheap, high-recall stage. See
  [[candidate-generation-ranking#The funnel]].
- **Chargeback**: a payment reversed by the card issuer. See [[fraud-detection]].
- **MAP** (mean average precision, as written in information retrieval): the mean of AP.

## B
"""


def test_glossary_entries_give_term_synonyms_and_target_page():
    entries = {e.term: e for e in parse_glossary(GLOSSARY)}
    assert entries["ANN"].synonyms == ("approximate nearest neighbour search",)
    assert entries["ANN"].target == "candidate-generation-ranking"
    assert entries["Candidate generation"].synonyms == ("retrieval", "first stage")
    assert entries["Candidate generation"].target == "candidate-generation-ranking"
    assert entries["BERT"].target == "feature-engineering"
    assert entries["Chargeback"].synonyms == ()
    assert entries["Chargeback"].definition.startswith("a payment reversed")
    # A parenthesis that is a remark, not a name, is not a synonym.
    assert entries["MAP"].synonyms == ()
    assert entries["MAP"].target is None


def test_abbreviations_drop_remarks():
    text = "*[CTR]: Click-through rate\n*[HNSW]: Hierarchical navigable small world (graph-based ANN index)\n"
    assert parse_abbreviations(text) == [("CTR", "Click-through rate"), ("HNSW", "Hierarchical navigable small world")]


def test_vocabulary_groups_and_page_terms():
    pages = {"candidate-generation-ranking": "topics/candidate-generation-ranking/", "fraud-detection": "case-studies/fraud-detection/"}
    vocabulary = build_vocabulary(
        [("PYMK", "People you may know"), ("CTR", "Click-through rate")],
        parse_glossary(GLOSSARY),
        {"case-studies/people-you-may-know/": ["People you may know", "Friend suggestions"]},
        pages.get,
    )
    assert ["pymk", "people you may know"] in vocabulary.groups
    assert ["people you may know", "friend suggestions"] in vocabulary.groups
    assert vocabulary.page_terms["case-studies/fraud-detection/"] == ["chargeback"]
    assert "approximate nearest neighbour search" in vocabulary.page_terms["topics/candidate-generation-ranking/"]
    # Unresolvable targets enrich nothing; single-name entries make no group.
    assert all(len(group) > 1 for group in vocabulary.groups)


def test_normalise():
    assert normalise("Deep & Cross Network") == "deep and cross network"
    assert normalise("  Hierarchical navigable small world (graph-based) ") == "hierarchical navigable small world"


def test_the_real_glossary_points_every_see_link_at_a_page():
    entries = parse_glossary((ROOT / "docs" / "glossary.md").read_text(encoding="utf-8"))
    assert len(entries) > 80
    stems = {p.stem for p in (ROOT / "docs").rglob("*.md")}
    targets = [e.target for e in entries if e.target]
    assert len(targets) > 60
    assert [t for t in targets if t.rsplit("/", 1)[-1] not in stems] == []

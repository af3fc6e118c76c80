"""resolve.py: the documented rule, tier by tier, and its tie-breaks."""
from __future__ import annotations

import pytest

from studyguide.links import LinkIndex


@pytest.mark.parametrize("target, source, path, rule", [
    ("topics/metrics", "index.md", "topics/metrics.md", "path"),          # exact path
    ("topics/metrics.md", "index.md", "topics/metrics.md", "path"),       # .md optional
    ("/topics/metrics", "index.md", "topics/metrics.md", "path"),         # docs-absolute
    ("../topics/metrics", "framework/overview.md", "topics/metrics.md", "path"),  # relative
    ("metrics", "index.md", "topics/metrics.md", "name"),                 # exact-case name
    ("METRICS", "index.md", "topics/metrics.md", "name-ci"),              # case-insensitive
    ("case", "index.md", "Case.md", "name-ci"),
    ("Offline metrics", "index.md", "topics/metrics.md", "title"),        # title
    ("kpis", "index.md", "topics/metrics.md", "title"),                   # alias
    ("My%20Note", "topics/x.md", "topics/My Note.md", "name"),            # %20
    ("My  Note", "topics/x.md", "topics/My Note.md", "name"),             # repeated spaces
    ("deep/My Note", "index.md", "archive/deep/My Note.md", "name"),      # partial path suffix
    ("DEEP/my note", "index.md", "archive/deep/My Note.md", "name-ci"),
    ("ml.ranking.metrics", "index.md", "ml.ranking.metrics.md", "path"),  # Dendron file name
    ("ml.ranking", "index.md", "ml/ranking.md", "dendron"),               # Dendron -> path
    ("dendron://vault/ml.ranking", "index.md", "ml/ranking.md", "dendron"),
    ("diagram.png", "index.md", "img/diagram.png", "name"),               # attachment by name
    ("img/diagram.png", "index.md", "img/diagram.png", "path"),
])
def test_tiers(index, target, source, path, rule):
    res = index.resolve(target, source)
    assert (res.path, res.rule, res.ambiguous) == (path, rule, False)


def test_fragment_in_target_is_ignored(index):
    assert index.resolve("metrics#NDCG", "index.md").path == "topics/metrics.md"


def test_attachments_need_their_extension(index):
    assert not index.resolve("diagram", "index.md").found
    assert not index.resolve("paper", "index.md").found


def test_exact_case_beats_case_insensitive():
    index = LinkIndex.from_notes([("a/Note.md", "x"), ("b/note.md", "y")])
    assert index.resolve("Note", "c/x.md").path == "a/Note.md"
    assert index.resolve("note", "c/x.md").path == "b/note.md"
    assert index.resolve("NOTE", "c/x.md").ambiguous


def test_same_folder_wins_without_ambiguity(index):
    res = index.resolve("My Note", "archive/x.md")
    assert (res.path, res.ambiguous) == ("archive/My Note.md", False)


def test_fewest_segments_then_alphabetical_and_warn(index):
    res = index.resolve("My Note", "index.md")
    assert res.path == "archive/My Note.md"   # archive/ < topics/ alphabetically, same depth
    assert res.candidates == ("archive/My Note.md", "topics/My Note.md", "archive/deep/My Note.md")
    assert res.ambiguous


def test_unresolved(index):
    res = index.resolve("No Such Page", "index.md")
    assert (res.found, res.path, res.candidates) == (False, None, ())


def test_did_you_mean(index):
    assert index.names_like("metrcs") == ["topics/metrics", "ml.ranking.metrics"]
    assert index.names_like("My Nte")[:1] == ["archive/My Note"]


@pytest.mark.parametrize("fragments, anchor", [
    (["NDCG"], "ndcg"),
    (["ndcg"], "ndcg"),                       # heading text, any case
    (["Ideal DCG"], "ideal-dcg"),
    (["ideal-dcg"], "ideal-dcg"),             # Dendron: already slugged
    (["NDCG", "Ideal DCG"], "ideal-dcg"),     # heading path
    (["ndcg_1"], "ndcg_1"),                   # the second NDCG by its id
    (["^intro"], "^intro"),
    (["^table-id"], "^table-id"),
])
def test_anchors(index, fragments, anchor):
    assert index.anchor("topics/metrics.md", fragments).id == anchor


def test_heading_path_must_match_ancestors(index):
    assert index.anchor("topics/metrics.md", ["Precision", "Ideal DCG"]).id is None


def test_missing_anchor_suggests(index):
    found = index.anchor("topics/metrics.md", ["NDGC"])
    assert found.id is None and found.suggestions[0] == "NDCG"
    assert index.anchor("topics/metrics.md", ["^nope"]).id is None

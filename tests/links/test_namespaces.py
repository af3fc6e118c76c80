"""Namespaces: curated pages and imported vaults side by side; which twin a link means, and how
loudly the choice is reported."""
from __future__ import annotations

from studyguide.links import VAULT_MARKER, LinkIndex, namespace_roots, rewrite

NOTES = {
    "topics/metrics.md": "# Metrics\n\n## NDCG\n",
    "topics/ab-testing.md": "# A/B testing\n",
    "framework/overview.md": "See [[metrics]] and [[Metrics]] and [[ab-testing]].\n",
    "notes/ml/metrics.md": "# Metrics (my notes)\n",
    "notes/ml/ab-testing.md": "# A/B (my notes)\n",
    "notes/ml/sub/feature-engineering.md": "See [[metrics]] and [[learning-to-rank]].\n",
    "topics/learning-to-rank.md": "# LTR\n",
    "notes/other/metrics.md": "# Someone else's metrics\n",
}
ROOTS = ["notes/ml", "notes/other"]


def index(roots=ROOTS) -> LinkIndex:
    return LinkIndex.from_notes(NOTES.items(), namespaces=roots)


def test_the_marker_file_names_the_namespace():
    paths = ["index.md", f"notes/ml/{VAULT_MARKER}", "notes/ml/a.md", f"notes/other/{VAULT_MARKER}",
             "notes/ml/.obsidian/app.json"]
    assert namespace_roots(paths) == ["notes/ml", "notes/other"]


def test_curated_page_prefers_curated_twin_and_reports_the_choice_as_settled():
    res = index().resolve("metrics", "framework/overview.md")
    assert (res.path, res.ambiguous, res.settled_by) == ("topics/metrics.md", False, "namespace")
    assert res.candidates == ("topics/metrics.md", "notes/ml/metrics.md", "notes/other/metrics.md")


def test_own_namespace_wins_over_a_better_tier_elsewhere():
    # "Metrics" matches notes' file names only case-insensitively, like topics/metrics.md; the
    # curated page keeps its curated target.
    assert index().resolve("Metrics", "framework/overview.md").path == "topics/metrics.md"


def test_imported_note_prefers_its_own_vault():
    res = index().resolve("metrics", "notes/ml/sub/feature-engineering.md")
    assert (res.path, res.ambiguous, res.settled_by) == ("notes/ml/metrics.md", False, "namespace")


def test_a_name_only_elsewhere_resolves_across_namespaces():
    assert index().resolve("learning-to-rank", "notes/ml/sub/feature-engineering.md").path \
        == "topics/learning-to-rank.md"


def test_without_namespaces_the_twins_are_an_unsettled_ambiguity():
    res = index(roots=[]).resolve("metrics", "framework/overview.md")
    assert res.path == "topics/metrics.md" and res.settled_by == "depth"
    assert not res.ambiguous  # fewest segments; Obsidian (shortest path) agrees


def test_only_alphabetical_order_is_a_warning():
    idx = LinkIndex.from_notes([("a/x.md", ""), ("b/x.md", ""), ("c/y.md", "[[x]]")])
    res = idx.resolve("x", "c/y.md")
    assert (res.path, res.ambiguous, res.settled_by) == ("a/x.md", True, "alphabetical")


def test_a_winner_obsidian_would_not_open_is_a_warning():
    # Fewest segments picks zzzz/x.md; Obsidian takes the shortest path string, a/b/x.md.
    idx = LinkIndex.from_notes([("zzzz/x.md", ""), ("a/b/x.md", ""), ("c/y.md", "")])
    res = idx.resolve("x", "c/y.md")
    assert (res.path, res.ambiguous, res.obsidian) == ("zzzz/x.md", True, "a/b/x.md")


def test_rewrite_levels():
    idx = index()
    info = rewrite(NOTES["framework/overview.md"], "framework/overview.md", idx).diagnostics
    assert [(d.level, d.line) for d in info] == [("info", 1)] * 3
    assert info[0].message == ("wiki-link [[metrics]]: 3 candidates (topics/metrics.md, notes/ml/metrics.md, "
                               "notes/other/metrics.md); using topics/metrics.md (own namespace first)")
    idx = LinkIndex.from_notes([("a/x.md", ""), ("b/x.md", ""), ("c/y.md", "")])
    [warning] = rewrite("[[x]]", "c/y.md", idx).diagnostics
    assert warning.level == "warning" and warning.message.startswith("ambiguous wiki-link [[x]]: 2 candidates")


def test_self_links_are_not_cached_across_pages():
    # `[[%20]]` and `[[dendron://vault/]]` mean "this page": the answer depends on the page,
    # not only on its folder (the cache is keyed by folder).
    idx = LinkIndex.from_notes([("a/one.md", ""), ("a/two.md", "")])
    for target in ("%20", "dendron://vault/"):
        assert idx.resolve(target, "a/one.md").path == "a/one.md"
        assert idx.resolve(target, "a/two.md").path == "a/two.md"

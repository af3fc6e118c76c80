"""The importer resolves with the site's resolver (studyguide.links), through a thin adapter."""
from studyguide.importer.linkindex import SharedIndex


def index():
    return SharedIndex([
        ("Notes/Meeting.md", "# Weekly"), ("Archive/Meeting.md", "# Old"), ("guide.txt", "plain"),
        ("guide.md", "# A Markdown guide"),
        ("seed.Product Management.Book.md", "---\ntitle: Book\naliases: [PSB]\n---\n## Goals ^g\n\npara ^p\n"),
        ("ML/ML Metrics.md", "# ML Metrics\n\n## Recall at k\n"), ("ML/Interviews/Design.md", "x"),
    ])


def test_source_paths_in_and_out_txt_notes_included():
    idx = index()
    assert idx.resolve("guide.txt", "x.md").rel == "guide.txt"
    assert idx.resolve("guide.md", "x.md").rel == "guide.md"
    assert idx.resolve("../ML Metrics.md", "ML/Interviews/Design.md").rel == "ML/ML Metrics.md"
    assert idx.resolve("ml metrics", "x.md").rel == "ML/ML Metrics.md"
    assert idx.resolve("PSB", "x.md").rel == "seed.Product Management.Book.md"
    assert idx.resolve("seed.product management.book", "x.md").rel == "seed.Product Management.Book.md"
    assert idx.resolve("Nope", "x.md") is None


def test_duplicates_follow_the_shared_rule():
    idx = index()
    assert idx.resolve("Meeting", "Notes/Index.md") == idx.resolve("Meeting", "Notes/Other.md")
    assert idx.resolve("Meeting", "Notes/Index.md").rel == "Notes/Meeting.md"
    far = idx.resolve("Meeting", "Top.md")
    assert far.rel == "Archive/Meeting.md" and far.ambiguous == ("Notes/Meeting.md",)


def test_anchors_are_the_ids_the_site_uses():
    idx = index()
    assert idx.anchor("ML/ML Metrics.md", ("Recall at k",)) == "recall-at-k"
    assert idx.anchor("ML/ML Metrics.md", ("recall-at-k",)) == "recall-at-k"
    assert idx.anchor("seed.Product Management.Book.md", ("^g",)) == "goals"  # a heading's block id
    assert idx.anchor("seed.Product Management.Book.md", ("^p",)) == "^p"
    assert idx.anchor("ML/ML Metrics.md", ("Nope",)) is None

import pytest

from studyguide.importer.plan import NotePlan, assign_destinations, slug


@pytest.mark.parametrize("text, expected", [
    ("My Note", "my-note"),
    ("Q&A #1 (50%)", "q-a-1-50"),
    ("{{title}}", "title"),
    ("Привет мир", "привет-мир"),
    ("日本語 ノート", "日本語-ノート"),
    ("..", "note"),
    ("a/b\\c", "a-b-c"),
    ("CON", "con-note"),
    ("x" * 200, "x" * 80),
])
def test_slug(text, expected):
    assert slug(text) == expected


def plan(rel, flavour="markdown", name=None):
    return NotePlan(rel, "", flavour, rel, name or rel.rsplit("/", 1)[-1].rsplit(".", 1)[0])


def test_dendron_hierarchy_to_folders_with_index_pages():
    plans = [plan("root.md", "dendron", "root"), plan("a.md", "dendron", "a"), plan("a.b.md", "dendron", "a.b"),
             plan("a.b.c d.md", "dendron", "a.b.c d"), plan("x.y.md", "dendron", "x.y")]
    assign_destinations(plans)
    assert [p.dest for p in plans] == ["index.md", "a/index.md", "a/b/index.md", "a/b/c-d.md", "x/y.md"]


def test_dendron_flat_layout():
    plans = [plan("a.md", "dendron", "a"), plan("a.b.md", "dendron", "a.b")]
    assign_destinations(plans, "flat")
    assert [p.dest for p in plans] == ["a.md", "a.b.md"]


def test_collisions_get_numbered_in_source_order():
    plans = [plan("My Note.md"), plan("my-note.md"), plan("my note.txt"), plan("Sub Dir/x.md")]
    renamed = assign_destinations(plans)
    assert [p.dest for p in plans] == ["my-note.md", "my-note-3.md", "my-note-2.md", "sub-dir/x.md"]  # sorted: "My Note", "my note", "my-note"
    assert len(renamed) == 2

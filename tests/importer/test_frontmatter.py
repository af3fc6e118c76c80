import pytest

from studyguide.importer.frontmatter import normalise_date, render, split, unify


@pytest.mark.parametrize("value, expected", [
    (1642338141330, "2022-01-16T13:02:21Z"),  # Dendron epoch milliseconds
    ("1642338141330", "2022-01-16T13:02:21Z"),
    (1700000000, "2023-11-14T22:13:20Z"),  # epoch seconds
    ("2024-12-15T22:35", "2024-12-15T22:35:00"),  # ISO without seconds
    ("2024-12-15T22:35:10", "2024-12-15T22:35:10"),
    ("2024-10-06, 00:55", "2024-10-06T00:55:00"),  # Obsidian "date, time"
    ("2024-10-06", "2024-10-06"),
    ("2024-10-06 00:55", "2024-10-06T00:55:00"),
    ("2024-10-06T00:55:12Z", "2024-10-06T00:55:12+00:00"),
    ("October 6, 2024", "2024-10-06"),
    ("yesterday", None),
    ("{{date}}", None),
    (True, None),
])
def test_dates(value, expected):
    assert normalise_date(value) == expected


def test_dendron_front_matter_unified_unknown_keys_kept():
    fm = split("---\nid: abc\ntitle: T\ndesc: ''\nupdated: 2024-12-15T22:35\ncreated: 1642338141330\n---\nbody\n", "n.md")
    meta, diags = unify(fm.meta, "n.md")
    assert meta == {"created": "2022-01-16T13:02:21Z", "updated": "2024-12-15T22:35:00", "id": "abc", "desc": ""}
    assert diags == [] and fm.body == "body\n" and fm.body_line == 8


def test_tags_and_aliases_from_strings_and_lists():
    meta, _ = unify({"tags": ["a", "#b", "a"], "aliases": "One, Two", "cssclass": "wide"}, "n.md")
    assert meta == {"tags": ["a", "b"], "aliases": ["One", "Two"], "cssclass": "wide"}
    meta, _ = unify({"tag": "x y"}, "n.md")
    assert meta["tags"] == ["x", "y"]


def test_unparsable_date_is_kept_and_reported():
    meta, diags = unify({"created": "{{date}}"}, "n.md")
    assert meta == {"created": "{{date}}"}
    assert diags[0].code == "date-unparsed"


@pytest.mark.parametrize("text", [
    "---\ntitle: [unclosed\n---\nbody\n",
    "---\n- just\n- a list\n---\nbody\n",
    "---\nkey: value\n  bad indent: x\n---\nbody\n",
])
def test_malformed_yaml_is_kept_verbatim(text):
    fm = split(text, "n.md")
    assert fm.meta == {} and fm.body == "body\n"
    assert fm.raw_invalid is not None and fm.raw_invalid in text
    assert fm.diagnostics[0].code == "frontmatter-invalid" and fm.diagnostics[0].severity == "error"


def test_no_front_matter_and_thematic_break_is_not_front_matter():
    assert split("# Title\n---\nx\n", "n.md").body == "# Title\n---\nx\n"


def test_render_is_stable_and_unicode():
    out = render({"zeta": 1, "title": "日本語: a title", "tags": ["x"]})
    assert out == "---\ntitle: '日本語: a title'\ntags:\n- x\nzeta: 1\n---\n"

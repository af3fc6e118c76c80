"""studyguide.markdown: the scanner finds wiki-links only in prose and parses every form."""
from __future__ import annotations

import pytest

from studyguide.markdown import find_block_markers, find_links, parse_link, protected_ranges


def targets(text: str) -> list[str]:
    return [link.raw for link in find_links(text)]


@pytest.mark.parametrize("text", [
    "```\n[[x]]\n```\n",
    "```python\n[[x]]\n```\n",
    "~~~\n[[x]]\n~~~\n",
    "````\n```\n[[x]]\n```\n````\n",
    "- item\n\n    ```\n    [[x]]\n    ```\n",
    "> ```\n> [[x]]\n> ```\n",
    "para\n\n    [[x]] indented code\n",
    "`[[x]]`",
    "``a ` [[x]]``",
    "$[[x]]$",
    "$$\n[[x]]\n$$\n",
    "\\([[x]]\\)",
    "<!-- [[x]] -->",
    "<!--\n[[x]]\n-->",
    "```\nunclosed fence [[x]]\n",
])
def test_links_in_code_math_and_comments_are_ignored(text):
    assert targets(text) == []


@pytest.mark.parametrize("text", [
    "- item\n\n    [[x]] is list content, not code\n",
    "!!! note\n\n    [[x]] inside an admonition\n",
    "=== \"Tab\"\n\n    [[x]] inside a tab\n",
    "para\n    [[x]] lazy continuation\n",
    "costs USD 5 and [[x]]",
    "a ` single backtick and [[x]]",
])
def test_links_in_prose_are_found(text):
    assert targets(text) == ["[[x]]"]


def test_forms_are_parsed():
    link = parse_link("[[Page#H1#H2|label]]")
    assert (link.target, link.fragments, link.label, link.embed) == ("Page", ("H1", "H2"), "label", False)
    link = parse_link("[[#Heading]]")
    assert (link.target, link.fragments) == ("", ("Heading",))
    link = parse_link("![[image.png|alt|300x200]]")
    assert (link.embed, link.target, link.parts) == (True, "image.png", ("alt", "300x200"))
    link = parse_link("[[Page\\|label]]")
    assert (link.target, link.label) == ("Page", "label")
    link = parse_link("[[Page#^block-1]]")
    assert link.fragments == ("^block-1",)


def test_offsets_point_at_the_link():
    text = "a [[b]] c ![[d]]"
    links = find_links(text)
    assert [text[link.start:link.end] for link in links] == ["[[b]]", "![[d]]"]


def test_empty_and_nested_brackets_are_not_links():
    assert targets("[[]] and [[ ]] and [[a[b]]") == []


def test_protected_ranges_merge_and_sort():
    text = "`a` $b$ <!-- c -->"
    assert protected_ranges(text) == [(0, 3), (4, 7), (8, 18)]


def test_block_markers():
    text = "Para text ^para-id\n\n- item ^item-id\n\n| a |\n\n^table-id\n\n`code ^no`\n\nx^2 and $a ^b$\n"
    found = [(m.block_id, m.standalone) for m in find_block_markers(text)]
    assert found == [("para-id", False), ("item-id", False), ("table-id", True)]

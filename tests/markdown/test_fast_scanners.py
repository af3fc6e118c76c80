"""The Markdown core's fast scanners equal the definitions they replace (issue 13: link layer cost).

Each fast path (a regex with a literal start, a search from the last candidate, a cache) is
checked against the plain definition on Markdown-like text made of the characters that matter.
"""
from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from hypothesis import given, settings, strategies as st
from mkdocs.utils import get_relative_url

from studyguide.markdown import code, headings, wikilinks
from studyguide.markdown.urls import _relative, relative_page_url

settings.register_profile("fast-scanners", max_examples=400, deadline=None)
settings.load_profile("fast-scanners")

PIECES = ["[", "]", "[[", "]]", "!", "![[", "#", "## ", "\n", "\n\n", " ", "    ", "\t", "\\", "`",
          "```", "~~~", "$", "<!--", "-->", "|", "^", " ^b1", "x^2", "a", "B c", ". ", "? ", "A", "1",
          "- ", "> ", "**", "_", "*", "==", "{x}", "<b>", "](u)", "\"", "(", "é"]
markdown = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

# The definitions, as they were written before the fast paths.
WIKILINK = re.compile(r"(?<!\[)(!?)\[\[((?:[^\[\]\n\\]|\\.)+?)\]\](?!\])")
INLINE = re.compile(r"\\[(\[]|\\.|`+|\$\$|\$|<!--")


@given(markdown)
def test_links_are_the_wikilink_regex_matches_outside_code(text):
    protected = code.protected_ranges(text)
    expected = [(m.start(), m.end(), bool(m.group(1)), m.group(0))
                for start, end in code.open_ranges(text, protected)
                for m in WIKILINK.finditer(text, start, end)
                if wikilinks.parse_link(m.group(0)) is not None]
    found = [(link.start, link.end, link.embed, link.raw) for link in wikilinks.find_links(text, protected)]
    assert found == expected


@given(markdown)
def test_sub_links_is_the_wikilink_regex_sub(text):
    assert wikilinks.sub_links(text, lambda inner: f"<{inner}>") == \
        WIKILINK.sub(lambda m: f"<{m.group(2)}>", text)


@given(markdown)
def test_atx_headings_are_the_atx_regex_matches(text):
    assert [m.span() for m in headings.atx_matches(text)] == [m.span() for m in headings.ATX.finditer(text)]


@given(markdown)
def test_inline_tokens_are_the_same(text):
    assert [m.span() for m in code._INLINE.finditer(text)] == [m.span() for m in INLINE.finditer(text)]


@given(markdown)
def test_a_text_without_fence_or_indent_has_no_code_block(text):
    text = text.replace("```", "").replace("~~~", "")
    if "\n " in text or "\n\t" in text or text.startswith((" ", "\t")):
        return
    assert code.block_code_ranges(text) == []


@given(st.lists(st.sampled_from(["^", "a", " ", "\t", "-", "^b", "\n", "x^2", " ^a1"]), max_size=12).map("".join))
def test_ends_with_marker_is_the_regex_search(text):
    assert wikilinks._ends_with_marker(text) == bool(wikilinks._ENDS_WITH_MARKER.search(text))


segment = st.sampled_from(["a", "b", "A b", "é", ".", "..", "", "x.md", "%", "#", "c d.png"])
path = st.lists(segment, min_size=1, max_size=4).map("/".join).filter(bool)


@given(st.lists(segment, max_size=3).map("/".join), path)
def test_relative_path_is_posixpath_relpath_quoted(folder, target):
    assert _relative(folder, target) == quote(posixpath.relpath(target, folder or "."), safe="/")


@given(path, path, st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_relative_page_url_is_mkdocs_get_relative_url(url, other, slash, other_slash, root, other_root):
    url = ("/" if root else "") + url + ("/" if slash else "")
    other = ("/" if other_root else "") + other + ("/" if other_slash else "")
    assert relative_page_url(url, other) == get_relative_url(url, other)

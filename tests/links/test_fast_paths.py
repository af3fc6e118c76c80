"""The link layer's fast paths give the answers of the plain definitions (issue 13: link layer cost).

Backlink contexts use regexes rewritten to start with a literal; resolutions are cached by the
link as written and, for targets that mean one file from every folder, by the target alone: the
answer must not depend on which page asked first.
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from studyguide.links import LinkIndex, backlinks
from studyguide.markdown import find_links

settings.register_profile("fast-paths", max_examples=400, deadline=None)
settings.load_profile("fast-paths")

PIECES = ["[", "]", "[[", "]]", "!", "#", "\n", " ", "\\", "`", "|", "^", "a", "B c", ". ", "? ", "! ",
          ".) ", "A", "1", "- ", "> ", "**", "_", "*", "==", "{x}", "<b>", "](u)", "\"", "'", "(", "é"]
markdown = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)

# As written before the fast paths.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9\"'(\[*_])")
MARKUP = re.compile(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)|==|`|\{[^}]*\}|<[^>]+>")


@given(markdown)
def test_sentence_ends_and_markup_are_the_same(text):
    assert [m.end() for m in backlinks._SENTENCE_END.finditer(text)] == \
        [m.end() for m in SENTENCE_END.finditer(text)]
    assert [m.start(1) for m in backlinks._SENTENCE_END.finditer(text)] == \
        [m.start() for m in SENTENCE_END.finditer(text)]
    assert backlinks._MARKUP.sub("", text) == MARKUP.sub("", text)


NOTES = {
    "index.md": "# Home\n",
    "a/Note.md": "# Note\n\n## Part\n",
    "a/Twin.md": "# Twin in a\n",
    "b/Twin.md": "# Twin in b\n",
    "b/deep/Other.md": "---\naliases: [Alias]\n---\n# Other\n",
    "c/v1.2.md": "# Version\n",
}
SOURCES = sorted(NOTES)
TARGETS = ["Note", "note", "Twin", "twin", "a/Twin", "../a/Note", "./Twin", "Alias", "Other", "v1.2",
           "Note%20", "Missing", "", "b/deep/Other", "/a/Note", "Note.md"]


@given(st.lists(st.tuples(st.sampled_from(TARGETS), st.sampled_from(SOURCES)), min_size=1, max_size=30))
def test_cached_resolutions_do_not_depend_on_who_asked_first(asks):
    shared = LinkIndex.from_notes(NOTES.items())
    for target, source in asks:
        fresh = LinkIndex.from_notes(NOTES.items())
        assert shared.resolve(target, source) == fresh.resolve(target, source), (target, source)
        for link in find_links(f"[[{target}|x]] [[{target}#Part]]"):
            assert shared.resolve_link(link, source) == fresh.resolve_link(link, source)

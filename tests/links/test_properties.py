"""Property-based: rewriting never crashes, never touches bytes outside link spans, is idempotent."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings, strategies as st

from studyguide.links import LinkIndex, rewrite

from conftest_links import ATTACHMENTS, NOTES

INDEX = LinkIndex.from_notes(NOTES.items(), ATTACHMENTS)
SETTINGS = settings(max_examples=int(__import__("os").environ.get("LINKS_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text made of the characters that matter to the scanner, plus real and broken targets.
PIECES = st.sampled_from([
    "[[", "]]", "![[", "[", "]", "|", "\\|", "#", "^", "^id-1", " ^blk", "`", "``", "```", "~~~",
    "$", "$$", "<!--", "-->", "\\", "\n", "\n\n", "    ", "- ", "> ", "!!! note\n", "metrics",
    "My Note", "diagram.png", "nope", "NDCG", "a", " ", "x.y", "%20", "[[metrics]]",
    "[[metrics#NDCG|n]]", "![[metrics#^intro]]", "![[My Note]]", "[[nope]]", "![[diagram.png|9]]",
])
MARKDOWNISH = st.lists(PIECES, max_size=40).map("".join)
SPAN = re.compile(r"^(?:!?\[\[.*\]\]|[ \t]*\^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*\n?)$", re.S)


def check_edits(text: str, result) -> None:
    out, pos = [], 0
    for start, end, replacement in result.edits:
        assert start >= pos
        span = text[start:end]
        # Every change is a wiki-link / embed, a block marker, or a block-anchor insertion.
        assert SPAN.match(span) or (start == end and 'class="wikilink-block-anchor"' in replacement), span
        out += [text[pos:start], replacement]
        pos = end
    out.append(text[pos:])
    assert "".join(out) == result.markdown


@SETTINGS
@given(st.text(max_size=300))
def test_never_crashes_on_arbitrary_text(text):
    result = rewrite(text, "topics/x.md", INDEX)
    check_edits(text, result)


@SETTINGS
@given(MARKDOWNISH)
def test_changes_only_link_spans(text):
    check_edits(text, rewrite(text, "topics/x.md", INDEX))


@SETTINGS
@given(MARKDOWNISH)
@example("[[|[[nope]]|]]")  # the stub between literal brackets once completed a new wiki-link
def test_idempotent_on_its_own_output(text):
    once = rewrite(text, "topics/x.md", INDEX).markdown
    assert rewrite(once, "topics/x.md", INDEX).markdown == once


@SETTINGS
@given(st.text(alphabet=st.characters(blacklist_characters="[]^"), max_size=300))
def test_text_without_links_is_unchanged(text):
    assert rewrite(text, "topics/x.md", INDEX).markdown == text

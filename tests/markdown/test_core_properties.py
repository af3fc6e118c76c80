"""Property tests on the Markdown core: split/join round-trips, code ranges never cut a fence,
parse/format round-trips, line maps and relative URLs agree with their definitions."""
from __future__ import annotations

import posixpath
from urllib.parse import unquote

import yaml
from hypothesis import given, settings, strategies as st

from studyguide.markdown import (
    LineMap, find_links, format_link, parse_front_matter, parse_link, protected_ranges, relative_url,
    scan_fences, split_front_matter)

settings.register_profile("core", max_examples=200, deadline=None)
settings.load_profile("core")

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)
plain = st.text(st.sampled_from("abc XYZ-_.,é日"), min_size=1, max_size=12).map(str.strip).filter(bool)


@given(st.text(max_size=200))
def test_split_then_join_gives_the_text_back(text):
    parts = split_front_matter(text)
    assert parts.head + parts.body == text
    assert parts.body_line == parts.head.count("\n") + 1


@given(st.dictionaries(plain, st.one_of(plain, st.integers(), st.lists(plain, max_size=3)), max_size=5),
       st.text(max_size=80), st.sampled_from(["\n", "\r\n"]), st.sampled_from(["---", "..."]))
def test_front_matter_written_is_read_back(meta, body, newline, closer):
    dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) if meta else ""
    head = "---" + newline + dumped.replace("\n", newline) + closer + newline
    parts = split_front_matter(head + body)
    assert parts.head == head and parts.body == body
    assert parse_front_matter(parts.raw) == meta
    assert parts.body_line == head.count("\n") + 1


blocks = st.lists(st.one_of(
    words.map(lambda w: w.replace("`", "").replace("~", "") + " [[note]]"),
    st.tuples(st.sampled_from(["```", "~~~", "````"]), st.sampled_from(["", "py", "funnel"]),
              st.lists(words.map(lambda w: w.replace("`", "").replace("~", "") + " [[code]]"), max_size=3))
    .map(lambda f: "\n".join([f[0] + f[1], *f[2], f[0]])),
), max_size=6)


@given(blocks)
def test_code_ranges_never_cut_a_fence(parts):
    text = "\n\n".join(parts) + "\n"
    fences = scan_fences(text)
    assert len(fences) == sum(1 for p in parts if p.startswith(("```", "~~~")))
    for fence in fences:
        assert fence.closed
        assert fence.start_offset == 0 or text[fence.start_offset - 1] == "\n"
        assert text[fence.end_offset - 1] == "\n"
        for start, end in protected_ranges(text):
            assert not (fence.start_offset < start < fence.end_offset)
            assert not (fence.start_offset < end < fence.end_offset)
    assert all(link.target == "note" for link in find_links(text))


@given(plain, st.lists(plain, max_size=3), st.lists(plain, max_size=2), st.booleans(),
       st.sampled_from(["|", "\\|"]))
def test_format_then_parse_gives_the_link_back(target, fragments, parts, embed, pipe):
    raw = format_link(target, tuple(fragments), tuple(parts), embed, pipe)
    link = parse_link(raw)
    assert (link.target, link.fragments, link.parts, link.embed, link.raw) == (
        target, tuple(fragments), tuple(parts), embed, raw)


@given(st.text(max_size=100), st.data(), st.integers(1, 50))
def test_line_map_counts_newlines(text, data, first):
    offset = data.draw(st.integers(0, len(text)))
    assert LineMap(text, first).line(offset) == text[:offset].count("\n") + first


segment = st.text(st.sampled_from("ab c%#é"), min_size=1, max_size=4).filter(lambda s: s not in (".", ".."))
path = st.lists(segment, min_size=1, max_size=4).map("/".join)


@given(path, path)
def test_relative_url_leads_to_the_target(source, target):
    url = relative_url(source, target)
    assert "#" not in url and " " not in url
    assert posixpath.normpath(posixpath.join(posixpath.dirname(source), unquote(url))) == target

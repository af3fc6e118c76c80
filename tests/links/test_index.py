"""index.py: titles, aliases, headings with the toc extension's ids, block ids."""
from __future__ import annotations

import markdown

from studyguide.links import LinkIndex
from studyguide.links.index import make_note
from studyguide.markdown.frontmatter import read as split_front_matter


def slug(text, sep):
    from markdown.extensions.toc import slugify
    return slugify(text, sep)


def test_title_aliases_and_body(index):
    note = index.note("topics/metrics.md")
    assert note.title == "Offline Metrics"
    assert note.aliases == ("Eval metrics", "KPIs")
    assert note.body.startswith("# Offline Metrics")
    assert note.body_line == 5


def test_title_falls_back_to_h1_then_stem():
    assert make_note("a.md", "# From H1\n", slug, "-").title == "From H1"
    assert make_note("dir/b c.md", "no heading\n", slug, "-").title == "b c"


def test_alias_as_comma_string():
    assert make_note("a.md", "---\nalias: One, Two\n---\n", slug, "-").aliases == ("One", "Two")


def test_heading_ids_match_the_toc_extension():
    text = ("# Title\n\n## Open Questions\n\n## Open Questions\n\n## Open Questions\n\n"
            "## Café & *emphasis* `code`\n\n## Custom {#own-id}\n\n```\n# not a heading\n```\n\n"
            "Setext heading\n--------------\n")
    note = make_note("a.md", text, slug, "-")
    html = markdown.markdown(text, extensions=["toc", "attr_list", "fenced_code"])
    import re
    real = re.findall(r'<h\d id="([^"]+)"', html)
    assert [h.id for h in note.headings] == real
    assert real == ["title", "open-questions", "open-questions_1", "open-questions_2",
                    "cafe-emphasis-code", "own-id", "setext-heading"]


def test_custom_slugify_is_used():
    from pymdownx.slugs import slugify
    uslug = slugify(case="lower")
    index = LinkIndex.from_notes([("a.md", "## Über Größe\n")], slugify=uslug, separator="_")
    assert index.note("a.md").headings[0].id == "über_größe"


def test_sections_end_at_the_next_heading_of_same_or_higher_level(index):
    note = index.note("topics/metrics.md")
    ndcg = note.headings[1]
    section = note.body[ndcg.start:ndcg.section_end]
    assert section.startswith("## NDCG") and "### Ideal DCG" in section and "## Precision" not in section


def test_block_ids(index):
    blocks = index.note("topics/metrics.md").blocks
    assert {k: (b.kind, b.anchor) for k, b in blocks.items()} == {
        "intro": ("paragraph", "^intro"), "item": ("item", "^item"), "table-id": ("block", "^table-id")}


def test_block_id_on_heading_targets_the_heading_id():
    note = make_note("a.md", "## Setup ^setup-block\n\ntext\n", slug, "-")
    assert note.headings[0].id == "setup"
    assert note.blocks["setup-block"].anchor == "setup"


def test_front_matter_split():
    meta, body, line = split_front_matter("---\ntitle: X\n---\nbody\n")
    assert (meta, body, line) == ({"title": "X"}, "body\n", 4)
    assert split_front_matter("no front matter") == ({}, "no front matter", 1)
    assert split_front_matter("---\n: bad: yaml: [\n---\nbody")[0] == {}

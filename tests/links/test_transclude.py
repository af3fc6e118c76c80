"""transclude.py via rewrite: page, section and block embeds; cycles and depth stop with a warning."""
from __future__ import annotations

import markdown

from studyguide.links import LinkIndex, rewrite


def build(notes: dict[str, str]) -> LinkIndex:
    return LinkIndex.from_notes(notes.items())


def render(index, path):
    return rewrite(index.note(path).body, path, index)


def test_section_embed_html():
    index = build({
        "host/page.md": "# Host\n\n![[notes/src#Part]]\n",
        "notes/src.md": "# Src\n\n## Part\n\nSee [[other]] and [local](other.md).\n\n## Next\n\nno\n",
        "notes/other.md": "# Other\n",
    })
    result = render(index, "host/page.md")
    assert result.diagnostics == []
    assert result.markdown == (
        "# Host\n\n"
        '<div class="wikilink-embed" markdown="1">\n\n'
        "**Part**\n\n"
        "See [Other](../notes/other.md) and [local](../notes/other.md).\n\n"
        "[↪ Src › Part](../notes/src.md#part){ .wikilink-embed-source }\n\n"
        "</div>\n")
    out = markdown.markdown(result.markdown, extensions=["attr_list", "md_in_html", "toc"])
    assert out == (
        '<h1 id="host">Host</h1>\n<div class="wikilink-embed">\n<p><strong>Part</strong></p>\n'
        '<p>See <a href="../notes/other.md">Other</a> and <a href="../notes/other.md">local</a>.</p>\n'
        '<p><a class="wikilink-embed-source" href="../notes/src.md#part">↪ Src › Part</a></p>\n'
        '</div>')


def test_block_and_page_embeds():
    index = build({
        "a.md": "![[b#^claim]]\n\n![[b]]\n",
        "b.md": "# B\n\nFirst claim. ^claim\n\nSecond para.\n",
    })
    out = render(index, "a.md").markdown
    assert ('<div class="wikilink-embed" markdown="1">\n\nFirst claim.\n\n'
            "[↪ B](b.md#^claim){ .wikilink-embed-source }\n\n</div>") in out
    # the whole page: its H1 is replaced by the source link, its block marker hidden
    assert ('<div class="wikilink-embed" markdown="1">\n\nFirst claim.\n\nSecond para.\n\n'
            "[↪ B](b.md){ .wikilink-embed-source }\n\n</div>") in out


def test_embed_inside_a_list_item_keeps_the_indent():
    index = build({"a.md": "- item\n\n    ![[b]]\n", "b.md": "# B\n\nBody.\n"})
    out = render(index, "a.md").markdown
    assert out == ("- item\n\n    <div class=\"wikilink-embed\" markdown=\"1\">\n\n    Body.\n\n"
                   "    [↪ B](b.md){ .wikilink-embed-source }\n\n    </div>\n")


def test_cycle_stops_with_a_warning():
    index = build({"a.md": "# A\n\n![[b]]\n", "b.md": "# B\n\n![[a]]\n"})
    result = render(index, "a.md")
    assert "[A](a.md)" in result.markdown  # the inner embed of a.md became a plain link
    assert [str(d) for d in result.diagnostics] == [
        "b.md:3: transclusion ![[a]] not expanded (cycle: a.md -> b.md -> a.md)"]


def test_self_embed_is_a_cycle():
    index = build({"a.md": "# A\n\n![[a]]\n"})
    result = render(index, "a.md")
    assert result.markdown == "# A\n\n[A](a.md)\n"
    assert len(result.diagnostics) == 1


def test_depth_limit():
    notes = {f"n{i}.md": f"# N{i}\n\n![[n{i + 1}]]\n" for i in range(6)}
    notes["n6.md"] = "# N6\n\nend\n"
    index = build(notes)
    result = render(index, "n0.md")
    assert [str(d) for d in result.diagnostics] == [
        "n3.md:3: transclusion ![[n4]] not expanded (depth over 3: n0.md -> n1.md -> n2.md -> n3.md -> n4.md)"]
    assert "[N4](n4.md)" in result.markdown


def test_missing_section_embed_links_the_page():
    index = build({"a.md": "![[b#Nope]]\n", "b.md": "# B\n"})
    result = render(index, "a.md")
    assert result.markdown == "[b](b.md)\n"
    assert "no heading 'Nope' in b.md" in str(result.diagnostics[0])

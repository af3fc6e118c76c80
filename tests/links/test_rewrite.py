"""rewrite.py: Markdown out and the HTML Python-Markdown makes of it, per form and diagnostic."""
from __future__ import annotations

import markdown
import pytest

from studyguide.links import LinkIndex, rewrite


def md(index, text, source="framework/overview.md"):
    return rewrite(text, source, index)


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "toc", "tables"])


@pytest.mark.parametrize("text, expected", [
    ("[[metrics]]", "[Offline Metrics](../topics/metrics.md)"),
    ("[[metrics|offline metrics]]", "[offline metrics](../topics/metrics.md)"),
    ("[[metrics#NDCG]]", "[Offline Metrics › NDCG](../topics/metrics.md#ndcg)"),
    ("[[metrics#ndcg|the NDCG]]", "[the NDCG](../topics/metrics.md#ndcg)"),
    ("[[metrics#NDCG#Ideal DCG]]", "[Offline Metrics › Ideal DCG](../topics/metrics.md#ideal-dcg)"),
    ("[[metrics#^intro]]", "[Offline Metrics](../topics/metrics.md#^intro)"),
    ("[[topics/My Note]]", "[My Note](../topics/My%20Note.md)"),
    ("[[topics/My%20Note#Open Questions]]",
     "[My Note › Open Questions](../topics/My%20Note.md#open-questions)"),
    ("[[diagram.png]]", "[diagram.png](../img/diagram.png)"),
    ("[[label|ml.ranking]]", "[label](../ml/ranking.md)"),                 # Dendron label first
    ("[[label|dendron://v/ml.ranking.metrics#precision-at-k]]",
     "[label](../ml.ranking.metrics.md#precision-at-k)"),
    ("| [[metrics\\|m]] |", "| [m](../topics/metrics.md) |"),             # escaped pipe in tables
])
def test_link_forms(index, text, expected):
    result = md(index, text)
    assert result.markdown == expected
    assert result.diagnostics == []


def test_same_page_heading():
    index = LinkIndex.from_notes([("a.md", "# A\n\nSee [[#Second Part]].\n\n## Second Part\n")])
    out = rewrite(index.note("a.md").body, "a.md", index).markdown
    assert "See [Second Part](a.md#second-part)." in out


@pytest.mark.parametrize("text, expected", [
    ("![[diagram.png]]", '<p><img alt="diagram" src="../img/diagram.png" /></p>'),
    ("![[diagram.png|300]]", '<p><img alt="diagram" src="../img/diagram.png" width="300" /></p>'),
    ("![[diagram.png|Flow|300x200]]",
     '<p><img alt="Flow" height="200" src="../img/diagram.png" width="300" /></p>'),
    ("![[paper.pdf]]", '<p><a href="../files/paper.pdf">paper.pdf</a></p>'),
])
def test_image_embeds_html(index, text, expected):
    assert html(md(index, text).markdown) == expected


def test_link_html(index):
    out = html(md(index, "See [[metrics#NDCG|NDCG]] now.").markdown)
    assert out == '<p>See <a href="../topics/metrics.md#ndcg">NDCG</a> now.</p>'


def test_unresolved_link_is_a_stub_with_a_diagnostic(index):
    result = rewrite("Intro\n\nSee [[metrcs|the metrics]].", "framework/overview.md", index, first_line=3)
    assert result.markdown == ('Intro\n\nSee <span class="wikilink-missing" '
                               'title="Unresolved link: metrcs">the metrics</span>.')
    assert [str(d) for d in result.diagnostics] == [
        "framework/overview.md:5: unresolved wiki-link [[metrcs|the metrics]]; "
        "did you mean: topics/metrics, ml.ranking.metrics"]
    assert html(result.markdown) == ('<p>Intro</p>\n<p>See <span class="wikilink-missing" '
                                     'title="Unresolved link: metrcs">the metrics</span>.</p>')


def test_missing_heading_links_the_page_and_warns(index):
    result = md(index, "[[metrics#NDGC]]")
    assert result.markdown == "[Offline Metrics](../topics/metrics.md)"
    assert [str(d) for d in result.diagnostics] == [
        "framework/overview.md:1: wiki-link [[metrics#NDGC]]: no heading 'NDGC' in "
        "topics/metrics.md; did you mean: NDCG"]


def test_ambiguous_link_warns_with_every_candidate(index):
    result = md(index, "x\n[[My Note]]", source="index.md")
    assert result.markdown == "x\n[Old Note](archive/My%20Note.md)"
    assert [str(d) for d in result.diagnostics] == [
        "index.md:2: ambiguous wiki-link [[My Note]]: 3 candidates (archive/My Note.md, "
        "topics/My Note.md, archive/deep/My Note.md); using archive/My Note.md"]


def test_code_is_untouched(index):
    text = "`[[metrics]]`\n\n```\n[[metrics]]\n```\n\n$[[metrics]]$ <!-- [[metrics]] -->\n"
    assert md(index, text).markdown == text


def test_block_ids_become_element_ids(index):
    text = ("Para one ^p1\n\n- item a\n- item b ^li\n\n| a |\n|---|\n| 1 |\n\n^tbl\n\n"
            "## Heading ^hd\n")
    out = md(index, text, source="x.md").markdown
    assert html(out) == (
        '<p id="^p1">Para one</p>\n<ul>\n<li>item a</li>\n<li id="^li">item b</li>\n</ul>\n'
        '<div id="^tbl" class="wikilink-block-anchor"></div>\n\n'
        '<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n'
        '</tbody>\n</table>\n<h2 id="heading">Heading</h2>')


def test_links_records(index):
    result = md(index, "[[metrics#NDCG]]\n[[nothing]]")
    assert [(r.target, r.anchor, r.line) for r in result.links] == [("topics/metrics.md", "ndcg", 1)]

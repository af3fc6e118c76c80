"""Funnel diagrams: validation, number formatting, Mermaid source, HTML with a text alternative,
and the ```funnel fenced block through pymdownx.superfences."""
from __future__ import annotations

import html
import re

import markdown
import pytest
from pymdownx.superfences import SuperFencesException

from studyguide.cases import funnel as f

GOOD = """\
- {stage: Corpus, items: 1000000000}
- {stage: Candidate generation, items: 10000, model: Two-tower + ANN, latency_ms: 30}
- {stage: Ranking, items: 500, model: "Multi-task DNN \\"MMoE\\"", latency_ms: 100}
- {stage: Re-ranking, items: 50, model: Rules + diversity, latency_ms: 20}
"""


@pytest.mark.parametrize("n, text", [
    (1_000_000_000, "10⁹"), (10_000, "10⁴"), (100_000_000, "10⁸"), (500, "500"), (50, "50"),
    (1000, "1,000"), (1_200_000, "1.2M"), (12_000, "12K"), (250_000, "250K"),
    (3_500_000_000, "3.5B"), (2_000_000, "2M"), (9_999, "9,999"), (1, "1"),
])
def test_format_count(n, text):
    assert f.format_count(n) == text


def test_parse_good_funnel_and_summary():
    funnel = f.parse_funnel(GOOD)
    assert [s.items for s in funnel] == [10**9, 10**4, 500, 50]
    assert f.summary(funnel) == "10⁹ → 10⁴ → 500 → 50 items"


def test_a_mapping_with_a_funnel_key_is_accepted():
    funnel = f.parse_funnel("funnel:\n" + "\n".join("  " + line for line in GOOD.splitlines()))
    assert len(funnel) == 4


@pytest.mark.parametrize("source, message", [
    ("- {stage: A, items: 10}\n- {stage: B, items: 100}\n",
     "here: field 'funnel[1].items': expected at most 10 (counts must not increase; stage 'A' "
     "before it has 10), found 100 at stage 'B'"),
    ("- {stage: A, items: 10}\n- {stage: B, items: lots}\n",
     "here: field 'funnel[1].items': expected an integer greater than 0, found 'lots'"),
    ("- {stage: A, items: 10}\n",
     "here: field 'funnel': expected at least 2 items, found 1 item"),
    ("- {stage: A, items: 10}\n- {stage: B, items: 5, latency: 3}\n",
     "here: field 'funnel[1].latency': unknown field (a typo?); expected one of stage, items, "
     "model, latency_ms, tokens, ttft_ms, found 'latency' (did you mean 'latency_ms'?)"),
    ("- {stage: A, items: 10}\n- {items: 5}\n",
     "here: field 'funnel[1].stage': expected a non-empty string, found nothing (the field is missing)"),
    ("- {stage: A, items: 10}\n- {stage: B, items: 0}\n",
     "here: field 'funnel[1].items': expected an integer greater than 0, found 0"),
    ("", "here: the funnel block is empty"),
    ("- {stage: A, items: [\n", "here: not valid YAML"),
])
def test_bad_funnels_give_clear_errors(source, message):
    with pytest.raises(f.FunnelError) as caught:
        f.parse_funnel(source, where="here")
    assert str(caught.value).startswith(message)


def test_mermaid_source_is_a_left_to_right_flowchart_with_accessible_text():
    source = f.mermaid_source(f.parse_funnel(GOOD), title="Video funnel")
    lines = source.splitlines()
    assert lines[0] == "flowchart LR"
    assert lines[1] == "    accTitle: Video funnel"
    assert lines[2].startswith("    accDescr: Stages from left to right. Corpus: 1,000,000,000 items;")
    assert 'Ranking: 500 items, Multi-task DNN "MMoE", 100 ms' in lines[2].replace("#quot;", '"')
    assert '    s0["Corpus<br/>10⁹ items"]' in lines
    assert '    s1["Candidate generation<br/>10⁴ items<br/>Two-tower + ANN<br/>≤ 30 ms"]' in lines
    assert "    s0 --> s1 --> s2 --> s3" in lines
    # double quotes in a label would end it: Mermaid's entity instead
    assert '#quot;MMoE#quot;' in source
    assert all('"' not in line.split('["', 1)[1][:-2] for line in lines if '["' in line)


def test_long_model_names_wrap_inside_the_node():
    funnel = f.parse_funnel("- {stage: A, items: 10}\n- {stage: B, items: 5, model: "
                            "Two-tower retrieval plus subscriptions trending and fresh sources}\n")
    node = [line for line in f.mermaid_source(funnel).splitlines() if line.strip().startswith("s1[")][0]
    assert all(len(part) <= f.LABEL_WIDTH for part in node.split('"')[1].split("<br/>"))


def test_render_html_has_figure_caption_and_table():
    out = f.render_html(f.parse_funnel(GOOD), title="Video funnel")
    assert out.startswith('<figure class="sg-funnel">\n<div class="mermaid">flowchart LR\n')
    assert "s0 --&gt; s1" in out  # escaped in HTML; the browser's textContent gives -->
    assert "<figcaption>Video funnel: 10⁹ → 10⁴ → 500 → 50 items. Stage budgets add up to 150 ms." in out
    assert '<th scope="row">Ranking</th><td>500</td><td>Multi-task DNN &quot;MMoE&quot;</td><td>100 ms</td>' in out
    assert "<summary>Video funnel as a table</summary>" in out
    assert "\n\n" not in out  # no blank line: Markdown passes the block through untouched
    # the diagram source survives the HTML round trip
    div = re.search(r'<div class="mermaid">(.*?)</div>', out, re.S).group(1)
    assert html.unescape(div) == f.mermaid_source(f.parse_funnel(GOOD), title="Video funnel")


def test_dump_yaml_round_trips():
    funnel = f.parse_funnel(GOOD)
    assert f.parse_funnel(f.dump_yaml(funnel)) == funnel


def md():
    return markdown.Markdown(extensions=["pymdownx.superfences"], extension_configs={
        "pymdownx.superfences": {"custom_fences": [
            {"name": "funnel", "class": "funnel", "format": f.fence_format,
             "validator": f.fence_validator},
        ]}})


def test_fenced_funnel_block_in_any_page():
    out = md().convert('Text\n\n```funnel title="Search funnel"\n' + GOOD + "```\n")
    assert '<figure class="sg-funnel">' in out
    assert "accTitle: Search funnel" in out
    assert "<figcaption>Search funnel: 10⁹ → 10⁴ → 500 → 50 items." in out


def test_fenced_funnel_block_nested_in_a_list():
    source = "- item\n\n    ```funnel\n" + "".join("    " + line + "\n" for line in GOOD.splitlines()) + "    ```\n"
    assert '<figure class="sg-funnel">' in md().convert(source)


def test_fenced_funnel_block_with_bad_data_stops_the_build():
    with pytest.raises(SuperFencesException, match=r"funnel\[1\]\.items': expected at most 10"):
        md().convert("```funnel\n- {stage: A, items: 10}\n- {stage: B, items: 100}\n```\n")

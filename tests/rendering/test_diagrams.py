"""studyguide.diagrams: every Mermaid diagram gets a reserved box and a text alternative."""
from __future__ import annotations

import html
import re

from studyguide.diagrams import estimate_box, node_labels, prepare_diagrams, text_alternative
from studyguide.cases.funnel import parse_funnel, render_html

FUNNEL = parse_funnel([
    {"stage": "Corpus", "items": 1_000_000_000},
    {"stage": "Retrieval", "items": 10_000, "model": "Two-tower + ANN", "latency_ms": 20},
    {"stage": "Ranking", "items": 500, "model": "GBDT", "latency_ms": 50},
])


def attributes(div: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in re.findall(r'([\w-]+)="([^"]*)"', div.split(">", 1)[0])}


def test_funnel_gets_role_label_from_its_acc_title_and_description_and_a_box():
    out = prepare_diagrams(render_html(FUNNEL, title="Video funnel"))
    div = re.search(r'<div class="mermaid"[^>]*>', out).group(0)
    attrs = attributes(div)
    assert attrs["role"] == "img"
    assert attrs["aria-label"].startswith("Video funnel. Stages from left to right. Corpus: 1,000,000,000 items")
    ratio = float(re.search(r"--sg-diagram-ratio: ([\d.]+)", attrs["style"]).group(1))
    height = float(re.search(r"--sg-diagram-height: (\d+)px", attrs["style"]).group(1))
    assert ratio > 3  # three boxes side by side: much wider than tall
    assert 60 < height < 200
    # the Mermaid source is still the element's text, unchanged
    source = re.search(r'<div class="mermaid"[^>]*>(.*?)</div>', out, re.S).group(1)
    assert html.unescape(source).startswith("flowchart LR\n    accTitle: Video funnel")


def test_left_right_is_wide_and_top_down_is_tall():
    lr = estimate_box('flowchart LR\n  a["One"] --> b["Two"] --> c["Three"]')
    td = estimate_box('flowchart TD\n  a["One"] --> b["Two"] --> c["Three"]')
    assert lr.ratio > 2 and td.ratio < 1
    assert len(node_labels('graph TD\n  a["One"] --> b["Two"] --> c["Three"]\n  c --> a')) == 3


def test_more_stages_make_a_wider_box():
    two = estimate_box('flowchart LR\n  a["Stage one"] --> b["Stage two"]')
    four = estimate_box('flowchart LR\n  a["Stage one"] --> b["Stage two"] --> c["Stage 3"] --> d["Stage 4"]')
    assert four.width > 1.8 * two.width and four.height == two.height


def test_diagrams_without_acc_fields_are_described_by_kind_and_labels():
    text = text_alternative('flowchart LR\n  q["User query"] --> r["Retriever"] --> g(LLM)')
    assert text == "Diagram (flowchart): User query, Retriever, LLM"
    assert text_alternative("sequenceDiagram\n  A->>B: hi").startswith("Diagram (sequenceDiagram)")
    assert estimate_box("sequenceDiagram\n  A->>B: hi").ratio == 640 / 360


def test_label_is_escaped_and_page_without_diagrams_is_unchanged():
    page = '<div class="mermaid">flowchart LR\n  a["x &amp; #quot;y#quot; &lt; z"] --&gt; b[B]</div>'
    out = prepare_diagrams(page)
    assert 'aria-label="Diagram (flowchart): x &amp; &quot;y&quot; &lt; z, B"' in out
    plain = "<p>No diagram here.</p>"
    assert prepare_diagrams(plain) is plain

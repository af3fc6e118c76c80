"""Legacy `<div class="mermaid">` blocks with HTML-escaped arrows become ```mermaid fences."""
from __future__ import annotations

from pathlib import Path

from studyguide.markdown import scan_fences
from studyguide.mermaid import convert_legacy_mermaid

# A copy of the seed note's Mermaid block, kept in the repository (the fixture vaults reproduce
# the seed notes' quirks), so the test runs on every machine.
SEED_NOTE = Path(__file__).parent / "fixtures" / "vaults" / "dendron" / "seed.ml-interview.md"

SEED_001 = """\
# User Feed/recommendations

<div class="mermaid">
  graph LR;
a[Universe of possible items] --&gt;b[Candidate Generations]--&gt;c[Ranking, scoring, re-ranking]
</div>

# Inputs and Features
"""


def test_seed_001_block_is_converted_with_entities_decoded():
    out, count = convert_legacy_mermaid(SEED_001)
    assert count == 1
    assert out == """\
# User Feed/recommendations

```mermaid
  graph LR;
a[Universe of possible items] -->b[Candidate Generations]-->c[Ranking, scoring, re-ranking]
```

# Inputs and Features
"""


def test_one_line_block_and_other_entities():
    out, count = convert_legacy_mermaid('<div class="mermaid">graph TD; A[&quot;x&quot; &amp; y] --&gt; B</div>')
    assert count == 1
    assert out == '```mermaid\ngraph TD; A["x" & y] --> B\n```'


def test_single_quotes_and_indentation_are_kept():
    source = "!!! note\n\n    <div class='mermaid'>\n    graph LR\n    a --&gt; b\n    </div>\n"
    out, count = convert_legacy_mermaid(source)
    assert count == 1
    assert out == "!!! note\n\n    ```mermaid\n    graph LR\n    a --> b\n    ```\n"


def test_blocks_inside_code_fences_are_left_alone():
    source = '```html\n<div class="mermaid">\ngraph LR; a --&gt; b\n</div>\n```\n'
    assert convert_legacy_mermaid(source) == (source, 0)


def test_unclosed_block_is_left_alone():
    source = '<div class="mermaid">\ngraph LR; a --&gt; b\n'
    assert convert_legacy_mermaid(source) == (source, 0)


def test_other_divs_are_left_alone():
    source = '<div class="admonition">\na --&gt; b\n</div>\n'
    assert convert_legacy_mermaid(source) == (source, 0)


def test_scan_fences_finds_nested_fences_with_line_numbers():
    text = "a\n\n```funnel\nx\n```\n\n- item\n\n    ~~~~python\n    code\n    ~~~~\n"
    assert [(fe.lang, fe.lineno, fe.body, fe.indent) for fe in scan_fences(text)] == [
        ("funnel", 3, "x", ""), ("python", 9, "code", "    ")]


def test_scan_fences_with_attributes():
    fences = scan_fences('```funnel title="A"\n- a\n```')
    assert fences[0].lang == "funnel" and fences[0].info == 'funnel title="A"'


def test_the_seed_note_converts():
    out, count = convert_legacy_mermaid(SEED_NOTE.read_text(encoding="utf-8"))
    assert count == 1
    assert "--&gt;" not in out.split("```mermaid", 1)[1].split("```", 1)[0]
    assert "a[Universe of possible items] -->b[Candidate Generations]" in out


def test_pre_mermaid_is_converted_too():
    # Material's bundle would fetch Mermaid from a CDN for <pre class="mermaid">
    out, count = convert_legacy_mermaid('<pre class="mermaid">\ngraph LR\na --&gt; b\n</pre>\n')
    assert (out, count) == ("```mermaid\ngraph LR\na --> b\n```\n", 1)


def test_a_div_is_closed_by_div_not_pre():
    source = '<div class="mermaid">\ngraph LR\na --&gt; b\n</pre>\n'
    assert convert_legacy_mermaid(source) == (source, 0)

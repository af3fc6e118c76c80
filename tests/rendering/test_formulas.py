"""studyguide.formulas: arithmatex output -> KaTeX HTML at build time, one Node run per batch."""
from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from studyguide.formulas import (
    Formula,
    FormulaError,
    FormulaRenderer,
    find_formulas,
    formula_line,
    parse_body,
    replace_formulas,
)

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"

PAGE = (
    '<p>Precision <span class="arithmatex">\\(\\frac{TP}{TP + FP}\\)</span> and '
    '<span class="arithmatex">\\(a &lt; b\\)</span>.</p>\n'
    '<div class="arithmatex">\\[\n\\sum_{i=1}^{n} x_i\n\\]</div>\n'
)


@pytest.fixture
def renderer(tmp_path) -> FormulaRenderer:
    if not (NODE_MODULES / "katex").is_dir():
        pytest.fail("KaTeX is installed by `make assets` (npm ci)")
    return FormulaRenderer(NODE_MODULES, tmp_path / "cache" / "katex.json")


def annotation(rendered_html: str) -> str:
    import re

    found = re.search(r'<annotation encoding="application/x-tex">(.*?)</annotation>', rendered_html, re.S)
    return html.unescape(found.group(1)) if found else ""


def test_finds_inline_and_display_formulas_in_document_order():
    assert find_formulas(PAGE) == [
        Formula("\\frac{TP}{TP + FP}", False),
        Formula("a < b", False),
        Formula("\\sum_{i=1}^{n} x_i", True),
    ]


def test_delimiters_decide_display_mode_and_bare_bodies_fall_back_to_the_tag():
    assert parse_body("\\[ x \\]") == Formula("x", True)
    assert parse_body("\\( x \\)", display_tag=True) == Formula("x", False)
    assert parse_body("x", display_tag=True) == Formula("x", True)


def test_every_formula_becomes_katex_html_with_its_tex_as_annotation(renderer):
    rendered = renderer.render_all(find_formulas(PAGE))
    out = replace_formulas(PAGE, rendered)
    assert "\\(" not in out and "\\[" not in out
    assert out.count('<span class="arithmatex"><span class="katex">') == 2
    assert '<div class="arithmatex"><span class="katex-display"><span class="katex">' in out
    # htmlAndMathml: MathML for screen readers and copying, HTML (aria-hidden) for the eye
    assert out.count('<span class="katex-mathml"><math') == 3
    assert out.count('<span class="katex-html" aria-hidden="true">') == 3
    assert [annotation(r.html) for r in rendered.values()] == [f.tex for f in find_formulas(PAGE)]
    assert "<p>Precision " in out and "</p>\n<div" in out  # the text around is untouched


def test_one_node_run_per_batch_and_none_when_everything_is_cached(renderer, tmp_path):
    formulas = find_formulas(PAGE)
    renderer.render_all(formulas)
    assert renderer.node_runs == 1
    renderer.render_all(formulas + [formulas[0]])
    assert renderer.node_runs == 1
    # a new process (the next build) reads the cache file
    again = FormulaRenderer(NODE_MODULES, tmp_path / "cache" / "katex.json")
    assert again.render_all(formulas) == renderer.render_all(formulas)
    assert again.node_runs == 0
    # a new formula costs one more run, for that formula only
    again.render_all(formulas + [Formula("e^{i\\pi}", False)])
    assert again.node_runs == 1


def test_cache_key_is_tex_and_display_mode(renderer):
    inline, display = Formula("x^2", False), Formula("x^2", True)
    rendered = renderer.render_all([inline, display])
    assert "katex-display" not in rendered[inline].html
    assert "katex-display" in rendered[display].html


def test_cache_from_another_katex_version_or_options_is_ignored(renderer, tmp_path):
    formula = Formula("y", False)
    renderer.render_all([formula])
    cache = tmp_path / "cache" / "katex.json"
    data = json.loads(cache.read_text())
    data["html"][formula.key] = "stale"
    data["id"] = "another-version"
    cache.write_text(json.dumps(data))
    fresh = FormulaRenderer(NODE_MODULES, cache)
    assert fresh.render_all([formula])[formula].html != "stale"
    assert fresh.node_runs == 1


def test_invalid_tex_is_an_error_with_katex_message_and_is_not_cached(renderer, tmp_path):
    bad = Formula("\\frac{a}{", False)
    result = renderer.render_all([bad])[bad]
    assert result.error and "KaTeX parse error" in result.error
    assert 'class="katex-error"' in result.html
    again = FormulaRenderer(NODE_MODULES, tmp_path / "cache" / "katex.json")
    assert again.render_all([bad])[bad].error
    assert again.node_runs == 1


def test_unknown_command_is_an_error(renderer):
    bad = Formula("\\notacommand{x}", False)
    assert renderer.render_all([bad])[bad].error


def test_formula_line_points_at_the_markdown_source():
    markdown = "# T\n\nText $a+b$ here.\n\n$$\n\\sum_i x_i\n  + y\n$$\n"
    assert formula_line(markdown, "a+b") == 3
    assert formula_line(markdown, "\\sum_i x_i\n+ y") == 6  # reflowed: found by its first line
    assert formula_line(markdown, "\\nothere") is None


def test_missing_katex_names_the_command_to_run(tmp_path):
    with pytest.raises(FormulaError, match="npm ci"):
        FormulaRenderer(tmp_path / "node_modules")

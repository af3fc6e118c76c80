"""Every page of the built site, as a reader's browser sees it: network, diagrams, phones, a11y."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from chromium import OPEN_SHADOW_ROOTS, visit, wait_for_diagrams

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def test_no_request_leaves_127_0_0_1(page: Page, site_url, site_pages, external_requests):
    for path in site_pages:
        visit(page, site_url + path)
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("ranking")
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    page.wait_for_load_state("networkidle")
    assert external_requests == []


def test_every_diagram_renders_to_svg_without_error(page: Page, site_url, site_pages):
    page.add_init_script(OPEN_SHADOW_ROOTS)
    problems, rendered = [], 0
    for path in site_pages:
        visit(page, site_url + path)
        diagrams = page.locator("div.mermaid")
        try:
            count = wait_for_diagrams(page)
        except Exception:  # noqa: BLE001 - reported below with the page name
            problems.append(f"{path}: not every diagram became an SVG")
            continue
        if count == 0:
            continue
        errors = page.locator('div.mermaid svg[aria-roledescription="error"]').count()
        text = " ".join(diagrams.all_inner_texts())
        if errors or "Syntax error" in text:
            problems.append(f"{path}: Mermaid error ({errors} error diagrams)")
        rendered += count
    assert problems == []
    assert rendered > 0, "no page has a diagram: the funnel diagrams are missing"


def test_no_horizontal_scrolling_on_a_375px_phone(page: Page, site_url, site_pages):
    page.set_viewport_size({"width": 375, "height": 800})
    too_wide = []
    for path in site_pages:
        visit(page, site_url + path)
        page.wait_for_timeout(100)  # let diagrams and formulas settle
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > 375:
            culprit = page.evaluate(
                """() => { const w = document.documentElement.clientWidth;
                  const el = [...document.querySelectorAll('.md-content *')].find(e => e.getBoundingClientRect().right > w + 1);
                  return el ? el.tagName + '.' + el.className : '?' }"""
            )
            too_wide.append(f"{path}: {width}px wide ({culprit})")
    assert too_wide == []


def test_axe_finds_no_serious_or_critical_wcag_violation(page: Page, site_url, site_pages):
    assert AXE.exists(), "axe-core is installed by `make assets` (npm ci)"
    found = []
    for path in site_pages:
        visit(page, site_url + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
            WCAG_21_AA,
        )
        for violation in result["violations"]:
            if violation["impact"] in {"serious", "critical"}:
                targets = [node["target"] for node in violation["nodes"][:3]]
                found.append(f"{path}: {violation['id']} ({violation['impact']}) {targets}")
    assert found == []


@pytest.mark.parametrize("path", ["/", "/topics/metrics/"])
def test_best_practice_dialog_name_is_fixed(page: Page, site_url, path):
    # Material's search dialog has no accessible name (axe aria-dialog-name, best-practice tag).
    visit(page, site_url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {runOnly: ['aria-dialog-name']})")
    assert result["violations"] == []


def tex_sources(html_file: Path) -> list[str]:
    """The TeX of every formula as the build wrote it (before any script runs)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    return [
        re.sub(r"^\\[(\[]|\\[)\]]$", "", el.get_text().strip()).strip()
        for el in soup.select(".arithmatex")
    ]


def test_every_formula_is_typeset_once_from_its_own_source(page: Page, site_url, site_pages, built_site):
    problems, typeset = [], 0
    for path in site_pages:
        sources = tex_sources(built_site.path / path.lstrip("/") / "index.html")
        if not sources:
            continue
        visit(page, site_url + path)
        page.wait_for_function(
            "n => document.querySelectorAll('.arithmatex .katex annotation').length >= n", arg=len(sources), timeout=20_000
        )
        page.wait_for_timeout(200)  # a second, faulty pass would land here
        rendered = page.evaluate(
            """() => [...document.querySelectorAll('.arithmatex')].map(el =>
                 [...el.querySelectorAll('annotation')].map(a => a.textContent.trim()))"""
        )
        errors = page.locator(".arithmatex .katex-error").count()
        if errors or rendered != [[source] for source in sources]:
            problems.append(f"{path}: {errors} KaTeX errors; first mismatch: "
                            f"{next(((s, r) for s, r in zip(sources, rendered) if [s] != r), None)}")
        typeset += len(sources)
    assert problems == []
    assert typeset > 0, "no page has a formula: the metrics pages lost their math"

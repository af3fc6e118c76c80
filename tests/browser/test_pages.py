"""Every page of the built site, as a reader's browser sees it: network, diagrams, phones, a11y."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page

from chromium import OPEN_SHADOW_ROOTS, drawn_diagrams, lay_out_everything, visit, wait_for_diagrams

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
        lay_out_everything(page)
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
        lay_out_everything(page)
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


def test_no_katex_script_on_any_page_and_formulas_arrive_typeset(page: Page, site_url, site_pages, built_site):
    """Formulas are KaTeX HTML from the build: the page never asks for KaTeX's JavaScript, and
    what the reader sees is typeset in KaTeX's own fonts, served by the site."""
    scripts: list[str] = []
    page.on("request", lambda r: scripts.append(r.url) if r.resource_type == "script" else None)
    problems, typeset = [], 0
    for path in site_pages:
        built = (built_site.path / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        expected = built.count('<annotation encoding="application/x-tex">')
        if not expected:
            continue
        visit(page, site_url + path)
        lay_out_everything(page)  # blocks far down are laid out (and their fonts fetched) when near
        found = page.evaluate("""async () => (await document.fonts.ready, {
            formulas: document.querySelectorAll('.arithmatex').length,
            annotated: document.querySelectorAll('.arithmatex .katex annotation[encoding="application/x-tex"]').length,
            errors: document.querySelectorAll('.katex-error').length,
            font: getComputedStyle(document.querySelector('.katex')).fontFamily,
            fontLoaded: [...document.fonts].some(f => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded'),
            untypeset: [...document.querySelectorAll('.arithmatex')].filter(e => !e.querySelector('.katex')).length,
        })""")
        if (found["annotated"] != expected or found["formulas"] != expected or found["errors"]
                or found["untypeset"] or "KaTeX_Main" not in found["font"] or not found["fontLoaded"]):
            problems.append(f"{path}: {found} (expected {expected} formulas)")
        typeset += expected
    assert [url for url in scripts if "katex" in url.lower()] == []
    assert problems == []
    assert typeset > 100, "the metrics and framework pages lost their formulas"


def test_copying_a_formula_yields_its_tex(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    try:
        visit(page, site_url + "/topics/metrics/")
        tex = page.evaluate("""() => {
            const formula = document.querySelector('.arithmatex .katex');
            formula.scrollIntoView();
            const range = document.createRange();
            range.selectNode(formula.closest('.arithmatex'));
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            document.execCommand('copy');
            return formula.querySelector('annotation').textContent }""")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert tex and copied.strip() in (f"${tex}$", f"$${tex}$$")
        # a sentence with a formula in it: the text around stays, the formula becomes TeX
        sentence = page.evaluate("""() => {
            const p = [...document.querySelectorAll('.md-content p')].find(p => p.querySelector('.arithmatex .katex'));
            const range = document.createRange(); range.selectNodeContents(p);
            getSelection().removeAllRanges(); getSelection().addRange(range);
            document.execCommand('copy');
            return [p.querySelector('annotation').textContent, p.textContent.length] }""")
        copied = page.evaluate("navigator.clipboard.readText()")
        assert f"${sentence[0]}$" in copied
        assert len(copied) < sentence[1]  # the formula's HTML and MathML text are not copied as well
    finally:
        context.close()


# --- Diagrams: drawn when seen ------------------------------------------------------------------

DIAGRAM_PAGE = "/case-studies/video-recommendation/"


def test_diagrams_wait_until_seen_with_their_text_alternative_in_place(page: Page, site_url):
    page.set_viewport_size({"width": 375, "height": 700})
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url) if "/vendor/mermaid/" in r.url else None)
    visit(page, site_url + DIAGRAM_PAGE)
    lay_out_everything(page)  # measure the reserved box itself, not a skipped block's placeholder
    page.wait_for_timeout(500)
    diagrams = page.locator("div.mermaid")
    assert diagrams.count() >= 2
    # nothing near the first screen: Mermaid is not even fetched, and the boxes show the text alternative
    assert page.evaluate("scrollY") == 0 and diagrams.first.bounding_box()["y"] > 700 + 200
    assert loaded == [] and page.evaluate("typeof window.mermaid") == "undefined"
    first = diagrams.first
    assert first.get_attribute("role") == "img"
    label = first.get_attribute("aria-label")
    assert label and label.startswith("Video recommendation funnel. Stages from left to right.")
    shown = page.evaluate("getComputedStyle(document.querySelector('div.mermaid'), '::before').content")
    assert label[:40] in shown
    box = first.bounding_box()
    assert box["height"] > 30
    # scrolled near it: drawn, into the box that was reserved
    first.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('div.mermaid svg')", timeout=20_000)
    assert loaded, "Mermaid was never fetched"
    assert abs(first.bounding_box()["height"] - box["height"]) < 1
    assert page.evaluate("[...document.querySelectorAll('div.mermaid')].filter(d => d.querySelector('svg')).length") < diagrams.count()


@pytest.mark.parametrize("width", [375, 1280])
def test_drawing_diagrams_does_not_shift_the_page(page: Page, site_url, site_pages, width):
    """Cumulative layout shift while a reader scrolls through every page with a diagram (and the
    diagrams are drawn) stays within the 0.02 budget."""
    page.set_viewport_size({"width": width, "height": 800})
    page.add_init_script("""window.__cls = 0; new PerformanceObserver(list => { for (const e of list.getEntries())
        if (!e.hadRecentInput) window.__cls += e.value }).observe({type: 'layout-shift', buffered: true})""")
    shifts = {}
    for path in site_pages:
        visit(page, site_url + path)
        if page.locator("div.mermaid").count() == 0:
            continue
        height = page.evaluate("document.documentElement.scrollHeight")
        for y in range(0, height, 400):
            page.evaluate(f"window.scrollTo(0, {y})")
            page.wait_for_timeout(60)
        wait_for_diagrams(page)
        page.wait_for_timeout(300)
        shifts[path] = round(page.evaluate("window.__cls"), 4)
    assert shifts, "no page with a diagram"
    assert {path: cls for path, cls in shifts.items() if cls > 0.02} == {}


def test_printing_draws_every_diagram(page: Page, site_url):
    visit(page, site_url + DIAGRAM_PAGE)
    total = page.locator("div.mermaid").count()
    assert drawn_diagrams(page) < total  # below the fold: not drawn yet
    page.emulate_media(media="print")
    page.wait_for_function("n => [...document.querySelectorAll('div.mermaid')].filter(d => d.querySelector('svg')).length === n",
                           arg=total, timeout=20_000)
    page.emulate_media(media="screen")
    # the same from the browser's own print command (beforeprint)
    visit(page, site_url + "/topics/architecture/")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_function("() => document.querySelector('div.mermaid svg')", timeout=20_000)

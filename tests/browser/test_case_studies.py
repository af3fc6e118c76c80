"""Case studies in real Chromium: funnel diagrams render to SVG, checklist ticks persist and reset,
each checklist's print view is exactly one page on A4 and Letter, the booklet is one page per
case, the cheat sheet is one page, and the comparison matrix sorts.

Uses the shared harness (tests/browser/conftest.py: `site_url`, `built_site`, `page`). To try
these against a site you built yourself, set SG_SITE_DIR=/path/to/site (and build it with
SITE_URL=http://127.0.0.1:<SG_SITE_PORT or 8765>/).
"""
from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pypdf
import pytest
from playwright.sync_api import Page, expect

from chromium import visit, wait_for_diagrams
from site_build import serve_directory

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
STUB_PRINT = "() => { window.__printed = 0; window.print = () => { window.__printed += 1 } }"


@pytest.fixture(scope="session")
def cases_site(request):
    """(base URL, site folder): the shared strict build, or SG_SITE_DIR when set."""
    folder = os.environ.get("SG_SITE_DIR")
    if not folder:
        yield request.getfixturevalue("site_url"), request.getfixturevalue("built_site").path
        return
    with serve_directory(folder, int(os.environ.get("SG_SITE_PORT", "8765"))) as url:
        yield url, Path(folder)


@pytest.fixture(scope="session")
def base(cases_site) -> str:
    return cases_site[0].rstrip("/")


@pytest.fixture(scope="session")
def case_paths(cases_site) -> list[str]:
    folder = cases_site[1] / "case-studies"
    paths = sorted(f"/case-studies/{p.parent.name}/" for p in folder.glob("*/index.html"))
    assert paths, "no case study was built"
    return paths


def pdf_pages(page: Page, paper: str) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format=paper)))
    return [p.extract_text() for p in reader.pages]


def print_view(page: Page) -> None:
    """What the "Print checklist" button does, minus the print dialog."""
    page.evaluate(STUB_PRINT)
    page.locator('.sg-checklist [data-checklist-action="print"]').first.click()
    assert page.evaluate("window.__printed") == 1


# --- Diagrams -----------------------------------------------------------------------------------


def test_every_case_funnel_renders_to_an_accessible_svg(page: Page, base, case_paths):
    problems = []
    for path in case_paths:
        visit(page, base + path)
        wait_for_diagrams(page)
        if page.locator('div.mermaid svg[aria-roledescription="error"]').count():
            problems.append(f"{path}: a Mermaid error diagram")
        if "Syntax error" in " ".join(page.locator("div.mermaid").all_inner_texts()):
            problems.append(f"{path}: 'Syntax error' shown")
        funnel = page.locator(".sg-funnel")
        if funnel.count() != 1:
            problems.append(f"{path}: {funnel.count()} funnel diagrams")
            continue
        svg = funnel.locator("div.mermaid svg")
        stages = page.locator(".sg-funnel__table tbody tr").count()
        nodes = svg.locator("g.node").count()
        if nodes != stages or stages < 2:
            problems.append(f"{path}: {nodes} nodes for {stages} stages")
        title = svg.locator("title").first.text_content() or ""
        desc = svg.locator("desc").first.text_content() or ""
        # predictive cases draw a funnel, GenAI cases a pipeline, platform cases their components
        if not (title.endswith(("funnel", "pipeline")) and desc.startswith("Stages from left to right.")
                or title.endswith("architecture") and desc.startswith("Components and what")):
            problems.append(f"{path}: missing accessible title/description ({title!r})")
        if not svg.get_attribute("aria-labelledby"):
            problems.append(f"{path}: svg not labelled")
        # a text alternative is in the page, too
        if not re.search(r"items|components", funnel.locator("figcaption").text_content() or ""):
            problems.append(f"{path}: no caption")
    assert problems == []


def test_funnel_text_alternative_is_a_table(page: Page, base, case_paths):
    visit(page, base + case_paths[0])
    details = page.locator("details.sg-funnel__text")
    details.locator("summary").click()
    expect(details.locator("table")).to_be_visible()
    headers = details.locator("thead th").all_inner_texts()
    assert headers == ["Stage", "Items", "Model", "Latency budget"]


def test_no_page_shows_escaped_mermaid_arrows(page: Page, base, cases_site):
    """Legacy <div class="mermaid"> with --&gt; must not reach the reader as text."""
    folder = cases_site[1]
    offenders = [str(p.relative_to(folder)) for p in folder.rglob("*.html")
                 if "--&amp;gt;" in p.read_text(encoding="utf-8", errors="replace")
                 and 'class="mermaid"' in p.read_text(encoding="utf-8", errors="replace")
                 and re.search(r'<div class="mermaid">[^<]*--&amp;gt;',
                               p.read_text(encoding="utf-8", errors="replace"))]
    assert offenders == []


# --- Checklist on screen ------------------------------------------------------------------------


def progress(page: Page) -> str:
    return page.locator(".sg-checklist__progress").first.inner_text().strip()


def test_tick_survives_reload_and_reset_clears_it(page: Page, base, case_paths):
    url = base + case_paths[0]
    visit(page, url)
    page.evaluate("localStorage.clear()")
    visit(page, url)
    boxes = page.locator(".sg-checklist input[type=checkbox]")
    total = boxes.count()
    assert total >= 34
    assert progress(page) == f"0 / {total} done"

    # click the text, not the box: the label makes them one control
    page.locator(".sg-checklist__text").nth(2).click()
    boxes.nth(total - 1).check()
    expect(boxes.nth(2)).to_be_checked()
    assert progress(page) == f"2 / {total} done"

    page.reload(wait_until="networkidle")
    expect(boxes.nth(2)).to_be_checked()
    expect(boxes.nth(total - 1)).to_be_checked()
    expect(boxes.nth(0)).not_to_be_checked()
    assert progress(page) == f"2 / {total} done"

    boxes.nth(2).uncheck()
    page.reload(wait_until="networkidle")
    expect(boxes.nth(2)).not_to_be_checked()
    assert progress(page) == f"1 / {total} done"

    page.get_by_role("button", name="Reset").click()
    expect(boxes.nth(total - 1)).not_to_be_checked()
    assert progress(page) == f"0 / {total} done"
    page.reload(wait_until="networkidle")
    assert page.locator(".sg-checklist input:checked").count() == 0
    keys = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('studyguide:checklist:'))")
    assert keys == []


def test_ticks_are_per_case_and_shared_with_the_booklet(page: Page, base, case_paths):
    first, second = case_paths[0], case_paths[1]
    visit(page, base + first)
    page.evaluate("localStorage.clear()")
    visit(page, base + first)
    page.locator(".sg-checklist input[type=checkbox]").nth(0).check()
    visit(page, base + second)
    assert page.locator(".sg-checklist input:checked").count() == 0
    visit(page, base + "/checklists/")
    slug = first.strip("/")
    booklet = page.locator(f'.sg-checklist[data-checklist="{slug}"]')
    expect(booklet.locator("input[type=checkbox]").nth(0)).to_be_checked()
    assert page.locator(".sg-checklist input:checked").count() == 1
    page.evaluate("localStorage.clear()")


def test_booklet_folds_each_checklist_and_counts_its_ticks(page: Page, base, case_paths):
    """On screen the booklet is one folded checklist per case (a closed <details> costs the phone
    no styling or layout); its summary says how many items are ticked."""
    first = case_paths[0]
    visit(page, base + first)
    page.evaluate("localStorage.clear()")
    visit(page, base + first)
    page.locator(".sg-checklist input[type=checkbox]").nth(0).check()
    page.locator(".sg-checklist input[type=checkbox]").nth(2).check()
    visit(page, base + "/checklists/")
    folds = page.locator("details.sg-booklet-case")
    assert folds.count() == len(case_paths)
    assert page.locator("details.sg-booklet-case[open]").count() == 0
    assert not page.locator(".sg-booklet-case .sg-checklist").nth(0).is_visible()
    slug = first.strip("/")
    fold = page.locator(f'details.sg-booklet-case:has(.sg-checklist[data-checklist="{slug}"])')
    expect(fold.locator("summary")).to_contain_text("2 of")
    fold.locator("summary").click()
    expect(fold.locator(".sg-checklist input[type=checkbox]").nth(0)).to_be_visible()
    fold.locator(".sg-checklist input[type=checkbox]").nth(1).check()
    expect(fold.locator("summary")).to_contain_text("3 of")
    page.evaluate("localStorage.clear()")


def test_ticks_restore_after_instant_navigation(page: Page, base, case_paths):
    visit(page, base + case_paths[0])
    page.evaluate("localStorage.clear()")
    visit(page, base + case_paths[0])
    page.locator(".sg-checklist input[type=checkbox]").nth(3).check()
    # Material's instant navigation: follow an in-site link, then go back, without a reload
    page.evaluate("window.__sameDocument = true")
    # the footer's "Next" link (the sidebar's case groups are collapsed)
    page.locator("a.md-footer__link--next").click()
    page.wait_for_url(lambda url: case_paths[0] not in url)
    page.go_back()
    page.wait_for_url(re.compile(re.escape(case_paths[0]) + "(#.*)?$"))
    expect(page.locator(".sg-checklist input[type=checkbox]").nth(3)).to_be_checked()
    assert page.evaluate("window.__sameDocument === true"), "instant navigation reloaded the page"
    page.evaluate("localStorage.clear()")


def test_each_checkbox_and_its_text_are_one_labelled_control(page: Page, base, case_paths):
    visit(page, base + case_paths[0])
    first_text = page.locator(".sg-checklist__text").first.inner_text()
    expect(page.get_by_role("checkbox", name=first_text, exact=True)).to_have_count(1)
    unnamed = page.evaluate("""() => [...document.querySelectorAll('.sg-checklist input')]
        .filter(i => !i.labels.length || !i.labels[0].textContent.trim()).length""")
    assert unnamed == 0
    if not AXE.exists():
        pytest.skip("axe-core is not installed (npm ci)")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const r = await axe.run('.sg-checklist', {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice']});
        return r.violations.map(v => v.id + ': ' + v.nodes.length);
    }""")
    assert result == []


# --- Printing -----------------------------------------------------------------------------------


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_each_checklist_prints_on_exactly_one_page(page: Page, base, case_paths, paper):
    counts = {}
    for path in case_paths:
        visit(page, base + path)
        print_view(page)
        texts = pdf_pages(page, paper)
        counts[path] = len(texts)
        title = page.locator(".sg-checklist__print-title strong").inner_text()
        text = " ".join(" ".join(texts).split())
        assert title in text, path
        assert "11. Risks and wrap-up" in text and "1. Clarify requirements" in text
        # only the checklist: no header, navigation or body text
        assert "The prompt" not in text and "Clarifying questions" not in text, path
        assert "Print checklist" not in text and "Reset" not in text
    assert counts == {path: 1 for path in case_paths}


def test_print_view_hides_everything_but_the_checklist(page: Page, base, case_paths):
    visit(page, base + case_paths[0])
    print_view(page)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-footer',
        '.md-content__inner > h1', '.md-content__inner > p', '.sg-funnel', '.sg-checklist__toolbar']
        .map(s => [s, [...document.querySelectorAll(s)].every(e => getComputedStyle(e).display === 'none'
            || e.closest('[style*="display: none"]') || !e.offsetParent)])""")
    assert [s for s, ok in hidden if not ok] == []
    expect(page.locator(".sg-checklist__print-title")).to_be_visible()
    page.emulate_media(media="null")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_ticked_checklist_still_prints_on_one_page_with_visible_ticks(page: Page, base, case_paths,
                                                                       paper):
    visit(page, base + case_paths[0])
    boxes = page.locator(".sg-checklist input[type=checkbox]")
    for i in range(0, boxes.count(), 3):
        boxes.nth(i).check()
    page.emulate_media(media="print")
    tick = page.evaluate("""() => {
        const box = document.querySelector('.sg-checklist input:checked');
        const before = getComputedStyle(box, '::before');
        return [getComputedStyle(box).borderTopStyle, before.transform, before.backgroundColor];
    }""")
    empty = page.evaluate("""() => {
        const box = document.querySelector('.sg-checklist input:not(:checked)');
        return [getComputedStyle(box).borderTopStyle, getComputedStyle(box).borderTopColor,
                getComputedStyle(box, '::before').transform];
    }""")
    page.emulate_media(media="null")  # "screen" would make page.pdf() use screen CSS
    print_view(page)
    assert tick[0] == "solid" and tick[1] in ("none", "matrix(1, 0, 0, 1, 0, 0)") \
        and tick[2] == "rgb(0, 0, 0)"
    assert empty[0] == "solid" and empty[1] == "rgb(0, 0, 0)" \
        and empty[2] == "matrix(0, 0, 0, 0, 0, 0)"
    assert len(pdf_pages(page, paper)) == 1
    page.evaluate("localStorage.clear()")


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_booklet_prints_one_page_per_case(page: Page, base, case_paths, paper):
    visit(page, base + "/checklists/")
    sections = page.locator(".sg-checklist")
    titles = page.locator(".sg-checklist__print-title strong").all_inner_texts()
    assert sections.count() == len(case_paths) == len(titles)
    slugs = sorted(s.split("/")[-1] for s in
                   page.eval_on_selector_all(".sg-checklist", "els => els.map(e => e.dataset.checklist)"))
    assert slugs == sorted(p.strip("/").split("/")[-1] for p in case_paths)
    texts = pdf_pages(page, paper)
    assert len(texts) == len(case_paths)
    for title, text in zip(titles, texts):
        assert " ".join(text.split()).count(title) >= 1, title
        assert "1. Clarify requirements" in text and "11. Risks and wrap-up" in text


def test_booklet_print_button_prints_only_that_case(page: Page, base, case_paths):
    visit(page, base + "/checklists/")
    page.evaluate(STUB_PRINT)
    page.locator(".sg-booklet-case > summary").nth(1).click()  # the booklet folds each checklist
    page.locator('.sg-checklist [data-checklist-action="print"]').nth(1).click()
    title = page.locator(".sg-checklist__print-title strong").nth(1).inner_text()
    texts = pdf_pages(page, "A4")
    assert len(texts) == 1 and title in " ".join(texts[0].split())


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_cheat_sheet_prints_on_one_page(page: Page, base, paper):
    for path, heading in (("/checklists/cheat-sheet/", "Framework cheat sheet"),
                          ("/checklists/cheat-sheet-genai/", "GenAI cheat sheet")):
        visit(page, base + path)
        texts = pdf_pages(page, paper)
        assert len(texts) == 1, path
        text = " ".join(texts[0].split())
        assert heading in text and "43–45" in text


# --- Matrix -------------------------------------------------------------------------------------


def test_matrix_lists_every_case_and_sorts(page: Page, base, case_paths):
    visit(page, base + "/case-studies/")
    tables = page.locator(".sg-matrix table")
    assert tables.count() == 2  # predictive and platform cases; generative-AI cases
    hrefs = tables.locator("tbody tr td:first-child a").evaluate_all(
        "as => as.map(a => a.pathname)")
    assert sorted(h.rstrip("/").split("/")[-1] for h in hrefs) == \
        sorted(p.strip("/").split("/")[-1] for p in case_paths)
    table = tables.first

    def column(index):
        return [t.strip() for t in table.locator(f"tbody tr td:nth-child({index})").all_inner_texts()]

    def key(text):
        return text.casefold()

    header = table.locator("thead th").nth(7)
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    assert [key(t) for t in column(8)] == sorted(key(t) for t in column(8))
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    assert [key(t) for t in column(8)] == sorted((key(t) for t in column(8)), reverse=True)
    # only one column is marked sorted
    table.locator("thead th").nth(1).get_by_role("button").click()
    assert table.locator("thead th[aria-sort]").count() == 1
    # the header buttons are reachable by keyboard and named by the column
    expect(page.get_by_role("button", name=re.compile("^Serving mode"))).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile("^USD per 1K requests"))).to_have_count(1)


def test_diagrams_print_dark_on_light_in_dark_mode(browser, base, case_paths):
    """Material prints dark-mode pages on white; the dark-theme SVG is inverted for paper."""
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    try:
        visit(page, base + case_paths[0])
        wait_for_diagrams(page)
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.emulate_media(media="print")
        assert page.evaluate(
            "getComputedStyle(document.querySelector('.sg-funnel svg')).filter"
        ) == "invert(1) hue-rotate(180deg)"
    finally:
        context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("kind, standard_items", [("predictive", 34), ("genai", 38)])
def test_the_largest_allowed_checklist_still_fits_one_page(page: Page, cases_site, case_paths, paper,
                                                           kind, standard_items):
    """The standard items of the kind + the schema's maximum of 8 case items, each as long as
    allowed (90 characters), all in the longest step: still one page."""
    base, folder = cases_site
    genai_marker = 'data-item="serving.genai-token-budget"'
    path = next(p for p in case_paths
                if (genai_marker in (folder / p.strip("/") / "index.html").read_text())
                == (kind == "genai"))
    visit(page, base + path)
    page.evaluate("""() => {
        const section = document.querySelector('.sg-checklist');
        section.querySelectorAll('.sg-checklist__item--own').forEach(li => li.remove());
        const list = section.querySelector('[data-step="data"] ul');
        const template = list.querySelector('li');
        for (let i = 0; i < 8; i++) {
            const li = template.cloneNode(true);
            li.querySelector('.sg-checklist__text').textContent =
                ('Case item ' + i + ' ' + 'detail words '.repeat(8)).slice(0, 90);
            list.append(li);
        }
    }""")
    assert page.locator(".sg-checklist input[type=checkbox]").count() == standard_items + 8
    print_view(page)
    assert len(pdf_pages(page, paper)) == 1

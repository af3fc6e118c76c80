"""Dark mode and the offline copy, as a reader uses them."""
from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

from chromium import OPEN_SHADOW_ROOTS, wait_for_diagrams
from search_reader import search

ROOT = Path(__file__).resolve().parents[2]
DIAGRAM_PAGE = "/case-studies/video-recommendation/"


def relative_luminance(css_color: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css_color)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def switch_to_dark(page: Page) -> None:
    for _ in range(3):  # the toggle cycles: system preference → light → dark
        if page.locator("body").get_attribute("data-md-color-scheme") == "slate":
            return
        page.locator("form[data-md-component=palette] label:visible").first.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def diagram_label_contrast(page: Page) -> float:
    """Contrast between the first diagram node's label text and the node's own fill."""
    page.locator("div.mermaid").first.scroll_into_view_if_needed()  # diagrams are drawn when seen
    page.wait_for_function("() => document.querySelector('div.mermaid svg g.node')", timeout=20_000)
    colors = page.evaluate(
        """() => { const node = document.querySelector('div.mermaid svg g.node');
          const shape = node.querySelector('rect, polygon, path, circle');
          const text = node.querySelector('text, tspan, span, div');
          return [getComputedStyle(text).fill !== 'none' && text.tagName.toLowerCase() !== 'span' && text.tagName.toLowerCase() !== 'div'
                    ? getComputedStyle(text).fill : getComputedStyle(text).color,
                  getComputedStyle(shape).fill] }"""
    )
    return contrast(*colors)


def test_dark_mode_toggles_persists_and_keeps_diagrams_legible(page: Page, site_url):
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto(site_url + DIAGRAM_PAGE, wait_until="networkidle")
    assert diagram_label_contrast(page) >= 4.5
    switch_to_dark(page)
    page.wait_for_timeout(300)  # the loader re-renders diagrams with Mermaid's dark theme
    assert diagram_label_contrast(page) >= 4.5
    page.reload(wait_until="networkidle")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert diagram_label_contrast(page) >= 4.5


def test_offline_copy_navigates_and_searches_from_file_urls(page: Page, offline_site):
    page.goto((offline_site / "index.html").as_uri())
    page.locator('.md-sidebar--primary a.md-nav__link[href$="topics/metrics.html"]').first.click()
    expect(page).to_have_url(re.compile(r"topics/metrics\.html$"))
    expect(page.locator("h1")).to_contain_text("etrics")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("calibration", delay=20)
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    page.locator(".md-search-result__item a").first.click()
    expect(page).to_have_url(re.compile(r"\.html"))


def test_offline_copy_renders_diagrams_from_file_urls(page: Page, offline_site):
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto((offline_site / "case-studies" / "video-recommendation.html").as_uri())
    assert wait_for_diagrams(page, timeout=30_000) >= 2  # scrolled into view one by one, drawn from file://


# A few dev queries of each kind (bench/search/queries.yml): the offline copy must rank like the site.
SAME_RANKING_QUERIES = ["HNSW", "chargeback", "embeding", "training serving skew", "how to close the interview",
                        "friends of friends"]


def test_offline_copy_ranks_search_results_like_the_served_site(page: Page, offline_site, site_url):
    page.goto(site_url + "/")
    served = {q: search(page, q, base=site_url + "/")[:5] for q in SAME_RANKING_QUERIES}
    base = offline_site.as_uri() + "/"
    page.goto(base + "index.html")
    offline = {q: search(page, q, base=base)[:5] for q in SAME_RANKING_QUERIES}
    assert all(served.values()), served
    assert offline == served

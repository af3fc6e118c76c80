"""Search the way a reader does: focus Material's search box, type with key events, read the result
list once it has settled. Shared by the browser tests and bench/search/run.py."""
from __future__ import annotations

from urllib.parse import unquote, urlparse

from playwright.sync_api import Page, expect

BOX = "input.md-search__input"
PENDING = ("Type to start searching", "Initializing search")


def search(page: Page, query: str, *, base: str = "", settle_ms: int = 250, timeout_ms: int = 10_000) -> list[str]:
    """Type `query` into the search box and return the result pages, best first ('topics/metrics').

    The box is emptied first, so one page can run many queries. The worker answers every keystroke;
    the list is read once it has stopped changing, so the answer is the one for the whole query.
    """
    box = page.locator(BOX)
    if not box.evaluate("el => el === document.activeElement"):
        page.keyboard.press("/")  # Material's shortcut focuses the search box at every width
    expect(box).to_be_focused()
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=20)
    meta = page.locator(".md-search-result__meta")
    for pending in PENDING:
        expect(meta).not_to_have_text(pending, timeout=timeout_ms)
    previous, results = None, []
    for _ in range(max(2, timeout_ms // settle_ms)):
        page.wait_for_timeout(settle_ms)
        results = result_pages(page, base)
        if results == previous and (results or meta.inner_text().strip() not in PENDING):
            return results
        previous = results
    return results


def result_pages(page: Page, base: str = "") -> list[str]:
    """The pages listed, best first: one list item per page, its first link is the page itself."""
    hrefs = page.locator("li.md-search-result__item").evaluate_all(
        "els => els.map(e => e.querySelector('a.md-search-result__link').href)"
    )
    return [page_key(href, base) for href in hrefs]


def page_key(href: str, base: str = "") -> str:
    """'http://h/topics/metrics/?h=x#s' and 'file:///site/topics/metrics.html' (with base
    'file:///site/') both -> 'topics/metrics'."""
    path = unquote(urlparse(href).path)
    root = unquote(urlparse(base).path) if base else "/"
    if path.startswith(root):
        path = "/" + path[len(root):]
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    elif path.endswith(".html"):
        path = path[: -len(".html")]
    return path.strip("/")

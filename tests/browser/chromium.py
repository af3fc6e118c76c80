"""How Chromium runs on these machines (research/browser.md): Debian's build, never Playwright's
download; and the page helpers every browser test shares."""
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Material renders Mermaid into closed shadow roots; our loader does not, but open them anyway so a
# diagram rendered by either path is visible to selectors.
OPEN_SHADOW_ROOTS = """(() => { const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { return attach.call(this, {...init, mode: 'open'}); }; })();"""


# Pages with formulas lay out blocks below the first screen only when they come near it (site.css,
# content-visibility: auto). Checks that measure the whole page (overflow, axe) lay out everything.
LAY_OUT_EVERYTHING = ".md-content__inner > * { content-visibility: visible !important; }"


def lay_out_everything(page) -> None:
    page.add_style_tag(content=LAY_OUT_EVERYTHING)


def visit(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")


def wait_for_diagrams(page, timeout: int = 20_000) -> int:
    """Scroll every Mermaid diagram into view (they are drawn when seen), then wait until each is
    an SVG; returns how many there are."""
    count = page.locator("div.mermaid").count()
    for i in range(count):
        page.locator("div.mermaid").nth(i).scroll_into_view_if_needed()
    if count:
        page.wait_for_function(
            "n => [...document.querySelectorAll('div.mermaid')].filter(d => d.querySelector('svg')).length === n",
            arg=count,
            timeout=timeout,
        )
    return count


def drawn_diagrams(page) -> int:
    return page.evaluate("() => [...document.querySelectorAll('div.mermaid')].filter(d => d.querySelector('svg')).length")

"""How Chromium runs on these machines (research/browser.md): Debian's build, never Playwright's download."""
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

"""Real-browser harness: Debian's Chromium driven by Playwright against the built site on 127.0.0.1.

Playwright's own browser download does not work on these machines, so the executable is always
/usr/bin/chromium (installed by `make browser`). Flags from research/browser.md: without the
background-networking ones Chromium keeps trying Google hosts the closed network refuses.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from chromium import CHROMIUM, CHROMIUM_FLAGS
from site_build import build_site, serve_directory


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make browser` installs Debian's chromium")
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def site_url(built_site, site_port):
    """The real site served on 127.0.0.1 for the whole run; stopped at the end."""
    with serve_directory(built_site.path, site_port) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(built_site) -> list[str]:
    """Every page of the built site as a path like '/topics/metrics/'."""
    pages = []
    for html in sorted(built_site.path.rglob("index.html")):
        relative = html.parent.relative_to(built_site.path).as_posix()
        if relative.startswith("assets"):
            continue
        pages.append("/" if relative == "." else f"/{relative}/")
    return pages


@pytest.fixture
def external_requests(page):
    """Every request the page makes to a host other than 127.0.0.1 (filled as the test runs)."""
    seen: list[str] = []

    def record(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            return
        seen.append(request.url)

    page.on("request", record)
    return seen


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory):
    """The offline copy (`make offline`: Material's offline plugin, page.html URLs), built once."""
    out = tmp_path_factory.mktemp("offline")
    return build_site(out, "http://127.0.0.1/", {"OFFLINE": "true", "DIRECTORY_URLS": "false"}).path

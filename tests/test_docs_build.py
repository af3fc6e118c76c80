"""Build tests on the real docs/: strict and silent, complete navigation, no broken link, no CDN."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from site_build import ENGINES, ROOT, BuiltSite
from studyguide.links import namespace_roots

pytestmark = pytest.mark.slow

# Elements whose URL the browser fetches on its own (as opposed to links a reader follows).
FETCHED = {
    ("script", "src"),
    ("img", "src"),
    ("source", "src"),
    ("iframe", "src"),
    ("video", "src"),
    ("audio", "src"),
    ("link", "href"),  # stylesheet, icon, preload, manifest ... (canonical/alternate excluded below)
}
LINK_RELS_NOT_FETCHED = {"canonical", "alternate", "prev", "next", "search"}


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def nav_sources(config) -> set[str]:
    found: set[str] = set()

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            elif isinstance(value, str) and value.endswith(".md"):
                found.add(value)

    walk(config["nav"])
    return found


@pytest.fixture(params=ENGINES)
def site(request) -> BuiltSite:
    """Each build test runs on the MkDocs build and on the ProperDocs build."""
    return request.getfixturevalue("built_site" if request.param == "mkdocs" else "properdocs_site")


def test_strict_build_prints_no_warning(site):
    problems = [line for line in site.log.splitlines() if re.match(r"\s*(WARNING|ERROR)", line)]
    assert problems == []


def test_both_engines_build_the_same_pages(built_site, properdocs_site):
    assert ({p.relative_to(built_site.path) for p in html_pages(built_site.path)}
            == {p.relative_to(properdocs_site.path) for p in html_pages(properdocs_site.path)})


def test_every_page_in_docs_is_in_the_navigation():
    config = load_config(str(ROOT / "mkdocs.yml"))
    on_disk = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*")}
    vaults = tuple(root + "/" for root in namespace_roots(on_disk))  # imported: kept out of the nav
    on_disk = {path for path in on_disk if path.endswith(".md") and not path.startswith(vaults)}
    missing = sorted(on_disk - nav_sources(config))
    assert missing == [], f"pages not in mkdocs.yml nav: {missing}"


def test_every_nav_entry_is_built(site):
    config = load_config(str(ROOT / "mkdocs.yml"))
    for source in nav_sources(config):
        folder = source.removesuffix(".md").removesuffix("index")  # "topics/metrics", "case-studies/", ""
        built = site.path / folder / "index.html"
        assert built.exists(), f"{source} is in the nav but {built} was not built"


def test_no_broken_internal_link_or_anchor(site):
    site = site.path
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = {tag["id"] for tag in soup(path).find_all(id=True)}
        return ids[path]

    broken = []
    for page in html_pages(site):
        page_url = "/" + page.relative_to(site).as_posix()
        for tag in soup(page).find_all(["a", "img", "script", "link", "source"]):
            url = tag.get("href") or tag.get("src")
            if not url or urlparse(url).scheme in {"http", "https", "mailto", "data", "javascript"}:
                continue
            target = urlparse(urljoin(page_url, url))
            path = site / unquote(target.path).lstrip("/")
            if path.is_dir() or target.path.endswith("/"):
                path = path / "index.html"
            if not path.exists():
                broken.append(f"{page_url}: {url} (no file {path.relative_to(site)})")
            elif target.fragment and path.suffix == ".html" and unquote(target.fragment) not in ids_of(path):
                broken.append(f"{page_url}: {url} (no id #{target.fragment})")
    assert broken == []


def test_no_page_fetches_from_a_third_party_host(site):
    allowed = {None, "", "127.0.0.1", urlparse(site.url).hostname}
    offenders = []
    for page in html_pages(site.path):
        for tag in soup(page).find_all([name for name, _ in FETCHED]):
            if tag.name == "link" and LINK_RELS_NOT_FETCHED & set(tag.get("rel") or []):
                continue
            attribute = dict(FETCHED).get(tag.name) or "src"
            url = tag.get(attribute)
            if url and urlparse(url).hostname not in allowed:
                offenders.append(f"{page.relative_to(site.path)}: <{tag.name} {attribute}={url}>")
    for stylesheet in site.path.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?(https?://[^'\")]+)", stylesheet.read_text(errors="replace")):
            offenders.append(f"{stylesheet.relative_to(site.path)}: url({url})")
    assert offenders == []


def test_mermaid_and_katex_styles_are_served_by_the_site_but_not_katex_javascript(site):
    vendor = site.path / "assets" / "vendor"
    assert (vendor / "mermaid" / "mermaid.esm.min.mjs").stat().st_size > 10_000
    assert (vendor / "katex" / "katex.min.css").stat().st_size > 10_000
    assert list((vendor / "katex" / "fonts").glob("*.woff2"))
    assert list(vendor.rglob("katex*.js")) == []


def test_every_formula_is_katex_html_in_the_built_page_with_its_tex(site):
    """Formulas are typeset by the build: no TeX left for a script, each with its TeX as the
    MathML annotation, and KaTeX's stylesheet linked from exactly the pages that have formulas."""
    problems, formulas = [], 0
    for page in html_pages(site.path):
        doc = soup(page)
        boxes = doc.select(".arithmatex")
        styles = [link["href"] for link in doc.select('link[rel="stylesheet"]') if "katex" in link["href"]]
        scripts = [s["src"] for s in doc.select("script[src]") if "katex" in s["src"]]
        name = page.relative_to(site.path).as_posix()
        if scripts:
            problems.append(f"{name}: KaTeX script {scripts}")
        if not boxes:
            if styles:
                problems.append(f"{name}: links KaTeX's stylesheet without a formula")
            continue
        if len(styles) != 1 or not (page.parent / styles[0]).resolve().is_file():
            problems.append(f"{name}: KaTeX stylesheet links {styles}")
        for box in boxes:
            tex = box.select('.katex-mathml annotation[encoding="application/x-tex"]')
            if len(tex) != 1 or not tex[0].get_text().strip() or box.select(".katex-error") \
                    or not box.select('.katex-html[aria-hidden="true"]') \
                    or box.get_text().lstrip().startswith(("\\(", "\\[")):
                problems.append(f"{name}: formula not typeset: {str(box)[:120]}")
            elif box.name == "div" and not box.select(".katex-display"):
                problems.append(f"{name}: display formula typeset inline: {tex[0].get_text()[:60]}")
        formulas += len(boxes)
    assert problems == []
    assert formulas > 100


def test_search_keeps_the_tex_of_formulas_not_their_typeset_html(site):
    import json

    # the full index the search worker loads (search_index.json is a stub naming it)
    index = json.loads((site.path / "search" / "studyguide_index.json").read_text(encoding="utf-8"))
    metrics = next(i for i, page in enumerate(index["docs"]["pages"]) if page["loc"] == "topics/metrics/")
    text = " ".join(s[3] for s in index["docs"]["sections"] if s[0] == metrics)
    assert "\\frac" in text and "katex" not in text


def test_material_never_sees_a_pre_mermaid_block(site):
    # Material's bundle fetches Mermaid from unpkg.com when it finds <pre class="mermaid">.
    for page in html_pages(site.path):
        assert soup(page).select("pre.mermaid") == [], page

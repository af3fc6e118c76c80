"""Formulas typeset at build time (studyguide.formulas): KaTeX HTML instead of KaTeX JavaScript.

Per build: `on_page_content` collects every page's formulas; `on_env` (after all pages are
converted, before any is written) typesets all of them in one Node process, and reports invalid
TeX as a WARNING with file and line, so `mkdocs build --strict` fails on it; `on_page_context`
swaps the TeX for the HTML (after the search plugin has indexed the page, so search keeps the TeX)
and puts FORMULA_PAGE_MARKER first in the content;
`on_post_page` links KaTeX's stylesheet from the pages that have a formula. The rendered HTML is
cached in .cache/katex.json (or $STUDYGUIDE_CACHE_DIR), so a rebuild only typesets what changed.
"""
from __future__ import annotations

import logging
import os
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from studyguide.cases import display_path
from studyguide.formulas import (FORMULA_PAGE_MARKER, FormulaError, FormulaRenderer, find_formulas, formula_line,
                                 replace_formulas)

log = logging.getLogger("mkdocs.hooks.formulas")

ROOT = Path(__file__).resolve().parent.parent
CSS = "assets/vendor/katex/katex.min.css"

_renderer: list[FormulaRenderer] = []  # one per process: `mkdocs serve` keeps its memory cache
_pages: dict[str, list] = {}  # page src_uri -> its formulas, this build
_rendered: dict = {}


def on_config(config):
    if not _renderer:
        try:
            cache = Path(os.environ.get("STUDYGUIDE_CACHE_DIR") or ROOT / ".cache") / "katex.json"
            _renderer.append(FormulaRenderer(ROOT / "node_modules", cache))
        except FormulaError as error:
            raise PluginError(str(error)) from error
    _pages.clear()
    _rendered.clear()
    return config


def on_page_content(html, page, config, files):
    formulas = find_formulas(html)
    if formulas:
        _pages[page.file.src_uri] = (page, formulas)
    return html


def on_env(env, config, files):
    started = time.perf_counter()
    renderer = _renderer[0]
    runs = renderer.node_runs
    try:
        _rendered.update(renderer.render_all(f for _, formulas in _pages.values() for f in formulas))
    except FormulaError as error:
        raise PluginError(str(error)) from error
    for page, formulas in _pages.values():
        reported = set()
        for formula in formulas:
            result = _rendered[formula]
            if formula in reported or not (result.error or result.warnings):
                continue
            reported.add(formula)
            line = formula_line(page.file.content_string, formula.tex)
            where = f"{display_path(page.file)}:{line or '?'}"
            if result.error:
                log.warning("%s: invalid formula $%s$: %s", where, formula.tex, result.error)
            for warning in result.warnings:
                log.warning("%s: formula $%s$: KaTeX strict mode: %s", where, formula.tex, warning)
    count = sum(len(formulas) for _, formulas in _pages.values())
    log.info("formulas: %d on %d pages (%d distinct) typeset with KaTeX in %.2f s, %d Node run(s)",
             count, len(_pages), len(_rendered), time.perf_counter() - started, renderer.node_runs - runs)
    return env


def on_page_context(context, page, config, nav):
    if page.file.src_uri in _pages and page.content:
        page.content = FORMULA_PAGE_MARKER + replace_formulas(page.content, _rendered)
    return context


def on_post_page(output, page, config):
    if page.file.src_uri not in _pages or 'class="katex' not in output:
        return output
    href = get_relative_url(CSS, page.url)
    return output.replace("</head>", f'<link rel="stylesheet" href="{href}">\n</head>', 1)

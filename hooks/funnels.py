"""Diagrams in any page: validate every ```funnel block with its file and line (the superfences
formatter in studyguide.cases.funnel renders it but can't name the file), and turn legacy
`<div class="mermaid">` blocks with HTML-escaped arrows (`--&gt;`) into ```mermaid fences; then
give every diagram in the page's HTML its reserved box and text alternative (studyguide.diagrams),
so the browser can draw it when it is seen without moving the page."""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from studyguide.cases import display_path, is_case_study
from studyguide.cases.funnel import FunnelError, parse_funnel
from studyguide.diagrams import prepare_diagrams
from studyguide.markdown import scan_fences, split_front_matter
from studyguide.mermaid import convert_legacy_mermaid

log = logging.getLogger("mkdocs.hooks.funnels")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    where = display_path(page.file)
    # Line numbers from the file itself (other hooks may have edited `markdown` already).
    try:
        source = page.file.content_string
    except Exception:  # pragma: no cover - a file without a source
        source = markdown
    parts = split_front_matter(source)
    body, body_line = parts.body, parts.body_line
    case_page = is_case_study(page.file.src_uri)
    problems = []
    for fence in scan_fences(body):
        if fence.lang != "funnel":
            continue
        if not fence.body.strip() and case_page:
            continue  # filled from the front matter by hooks/case_studies.py
        try:
            parse_funnel(fence.body, where=f"{where}:{fence.lineno + body_line - 1}")
        except FunnelError as error:
            problems.append(str(error))
    if problems:
        raise PluginError("Bad ```funnel block:\n" + "\n".join(problems))

    markdown, count = convert_legacy_mermaid(markdown)
    if count:
        log.debug("%s: converted %d legacy <div class=\"mermaid\"> block(s)", where, count)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Every Mermaid diagram gets its reserved box and text alternative (drawn when seen).
    return prepare_diagrams(html)

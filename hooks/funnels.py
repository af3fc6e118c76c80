"""Diagrams in any page: validate every ```funnel block with its file and line (the superfences
formatter in studyguide.funnel renders it but can't name the file), and turn legacy
`<div class="mermaid">` blocks with HTML-escaped arrows (`--&gt;`) into ```mermaid fences; then
give every diagram in the page's HTML its reserved box and text alternative (studyguide.diagrams),
so the browser can draw it when it is seen without moving the page."""
from __future__ import annotations

import logging

from mkdocs.exceptions import PluginError

from studyguide.case_schema import FRONT_MATTER_RE, display_path, is_case_study
from studyguide.diagrams import prepare_diagrams
from studyguide.fences import convert_legacy_mermaid, iter_fences
from studyguide.funnel import FunnelError, parse_funnel

log = logging.getLogger("mkdocs.hooks.funnels")


def _body_offset(source: str) -> int:
    """Lines before the Markdown body that MkDocs hands to on_page_markdown (front matter)."""
    source = source.lstrip("\ufeff")
    match = FRONT_MATTER_RE.match(source)
    if not match:
        return 0
    rest = source[match.end():]
    stripped = rest.lstrip("\n")
    return source[: match.end()].count("\n") + (len(rest) - len(stripped))


def on_page_markdown(markdown, page, config, files):
    where = display_path(page.file)
    # Line numbers from the file itself (other hooks may have edited `markdown` already).
    try:
        source = page.file.content_string
    except Exception:  # pragma: no cover - a file without a source
        source = markdown
    offset = _body_offset(source)
    source_lines = source.lstrip("\ufeff").split("\n")[offset:]
    case_page = is_case_study(page.file.src_uri)
    problems = []
    for fence in iter_fences(source_lines):
        if fence.lang != "funnel":
            continue
        if not fence.body.strip() and case_page:
            continue  # filled from the front matter by hooks/case_studies.py
        try:
            parse_funnel(fence.body, where=f"{where}:{fence.lineno + offset}")
        except FunnelError as error:
            problems.append(str(error))
    if problems:
        raise PluginError("Bad ```funnel block:\n" + "\n".join(problems))

    markdown, count = convert_legacy_mermaid(markdown)
    if count:
        log.debug("%s: converted %d legacy <div class=\"mermaid\"> block(s)", where, count)
    return markdown


def on_page_content(html, page, config, files):
    # Every Mermaid diagram gets its reserved box and text alternative (drawn when seen).
    return prepare_diagrams(html)

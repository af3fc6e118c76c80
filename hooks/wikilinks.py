"""Wiki-links: resolve `[[...]]` / `![[...]]` in every page and add "Linked from" backlinks.

All logic is in `studyguide.links` (no MkDocs import there). Per build: the index and the
backlinks are rebuilt from scratch in `on_files` (so `mkdocs serve` never sees stale state);
each page is rewritten in `on_page_markdown`, and its "Linked from" section is appended to its
HTML in `on_page_context`; problems are logged at WARNING, so
`mkdocs build --strict` fails on an unresolved or ambiguous link. A choice between several
candidates that the rule settles (e.g. a curated page and its twin in an imported vault) is
logged at INFO.
"""
from __future__ import annotations

import gc
import logging
import os
from contextlib import contextmanager

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from studyguide.links import LinkIndex, backlinks, namespace_roots, rewrite
from studyguide.markdown.urls import relative_page_url

log = logging.getLogger("mkdocs.hooks.wikilinks")

_state: dict = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _state.clear()
    _state["reported"] = set()
    slugify, separator = _toc_slugify(config)
    notes = [(f.src_uri, f.content_string) for f in files.documentation_pages()]
    attachments = [f.src_uri for f in files if not f.is_documentation_page() and _in_docs(f, config)]
    with _no_gc():  # many small objects, no cycles: skip the collector's full-heap passes
        index = LinkIndex.from_notes(notes, attachments, slugify=slugify, separator=separator,
                                     namespaces=namespace_roots(f.src_uri for f in files))
        _state["index"] = index
        _state["backlinks"] = backlinks.collect(index, lambda note: note.links)
    _state["urls"] = {f.src_uri: f.url for f in files.documentation_pages()}
    # The index lives until the build ends and holds no cycles: move it (and everything else
    # alive now) out of the collector's reach, or every full collection walks it again.
    gc.freeze()
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    index = _state.get("index")
    if index is None:
        return markdown
    src = page.file.src_uri
    note = index.note(src)
    same = note is not None and markdown == note.body  # untouched by earlier hooks: reuse the scan
    result = rewrite(markdown, src, index, first_line=note.body_line if note else 1,
                     protected=note.protected if same else None, links=note.links if same else None)
    _report(result.diagnostics)
    return result.markdown


# Last of all page-context handlers: after Material's search plugin has indexed page.content (so
# the index does not repeat other pages' sentences) and after formulas are rendered. Appending to
# the page's content, not to the finished page, copies a few KB instead of the whole template.
@event_priority(-100)
def on_page_context(context, page: Page, config: MkDocsConfig, nav):
    section = _backlinks_section(page.file.src_uri, page.url)
    if section:
        page.content = (page.content or "") + section
    return context


def on_post_build(config: MkDocsConfig) -> None:
    gc.unfreeze()  # `mkdocs serve` rebuilds: let the last build's index be collected


def on_build_error(error: Exception) -> None:
    gc.unfreeze()


# -- helpers -------------------------------------------------------------------------------------

@contextmanager
def _no_gc():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _toc_slugify(config):
    """The slugify and separator the `toc` extension uses, so anchors match the real ids."""
    toc = config.mdx_configs.get("toc", {})
    slugify = toc.get("slugify")
    if slugify is None:
        from markdown.extensions.toc import slugify
    return slugify, toc.get("separator", "-")


def _in_docs(file, config) -> bool:
    docs = os.path.join(config["docs_dir"], "")
    return bool(file.abs_src_path) and file.abs_src_path.startswith(docs)


def _report(diagnostics) -> None:
    reported = _state["reported"]
    for diagnostic in diagnostics:
        if diagnostic not in reported:  # a transcluded note's problem is reported once
            reported.add(diagnostic)
            (log.info if diagnostic.level == "info" else log.warning)(str(diagnostic))


def _backlinks_section(src: str, page_url: str) -> str:
    items = _state.get("backlinks", {}).get(src)
    if not items:
        return ""
    urls = _state["urls"]
    return backlinks.render(items, lambda source: relative_page_url(urls[source], page_url))

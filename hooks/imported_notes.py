"""Imported vaults stay out of the nav: every page under a folder that `studyguide import`
marked (`studyguide.links.VAULT_MARKER`) is built and searchable but not listed, so the strict
build needs no `not_in_nav` entry. Link namespaces for the same folders: hooks/wikilinks.py."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel

from studyguide.links import namespace_roots


def on_files(files: Files, config: MkDocsConfig) -> Files:
    roots = tuple(root + "/" for root in namespace_roots(f.src_uri for f in files))
    if roots:
        for file in files.documentation_pages():
            if file.src_uri.startswith(roots):
                file.inclusion = InclusionLevel.NOT_IN_NAV
    return files

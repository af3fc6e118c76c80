"""Wiki-link layer: find, resolve and rewrite ``[[wiki-links]]`` (no MkDocs import).

Public API (stable; the note importer and the MkDocs hook ``hooks/wikilinks.py`` use only this)::

    from studyguide.links import LinkIndex, rewrite

    index = LinkIndex.from_notes([("topics/metrics.md", text), ...],   # (path, markdown) pairs
                                 attachments=["img/diagram.png"],        # other linkable files
                                 slugify=toc_slugify, separator="-")     # optional: the site's toc slugify
    res = index.resolve("Metrics", source="framework/overview.md")
    res.path        # "topics/metrics.md" or None
    res.candidates  # every candidate of the deciding tier, best first
    res.ambiguous   # True: warn and list res.candidates (False with several: INFO, settled)
    res.settled_by  # "namespace" | "folder" | "depth" | "alphabetical" when there were several
    res.rule        # "path" | "name" | "name-ci" | "title" | "dendron" | "self"
    index.anchor(res.path, ["NDCG"]).id      # "ndcg": the id the toc extension gives the heading
    index.anchor(res.path, ["^my-block"]).id # "^my-block"
    index.names_like("metrcs")               # "did you mean" candidates
    index.note("topics/metrics.md")          # Note: .title .aliases .headings .blocks .body .links

``resolve`` takes a target as written in a link (``Page``, ``folder/Page``, ``Page.md``,
``My%20Page``, ``a.b.c``, ``dendron://vault/a.b``, ``../x/Page``); a ``#fragment`` is ignored
(use ``anchor``). For Dendron's label-first ``[[label|note]]``, resolve the right-hand side when
the left-hand side does not resolve (``rewrite`` does this).

    result = rewrite(markdown, "framework/overview.md", index)   # markdown in -> markdown out
    result.markdown, result.diagnostics, result.links            # diagnostics: (path, line, message)

Resolution rule (first tier with a match wins, searched in the linking page's namespace first:
curated pages, or its imported vault): exact path -> exact-case file name (or path suffix
``folder/Page``) -> case-insensitive name -> title / ``aliases:`` -> Dendron ``a.b.c`` as
``a/b/c``. Among several candidates: own namespace -> same folder as the linking note -> fewest
path segments -> alphabetical; ``ambiguous`` when only the alphabetical order decides or Obsidian
would open another note (details in ``resolve.py``).

    index = LinkIndex.from_notes(pairs, namespaces=namespace_roots(all_paths))  # imported vaults
"""
from __future__ import annotations

from studyguide.markdown import WikiLink, default_slugify, find_block_markers, find_links, parse_link, protected_ranges

from .index import VAULT_MARKER, Block, LinkIndex, Note, make_note, namespace_roots
from .resolve import Anchor, Resolution, clean_target
from .rewrite import Diagnostic, LinkRecord, RewriteResult, rewrite

__all__ = [
    "VAULT_MARKER", "Anchor", "Block", "Diagnostic", "LinkIndex", "LinkRecord", "Note", "Resolution",
    "RewriteResult", "WikiLink", "clean_target", "default_slugify", "find_block_markers",
    "find_links", "make_note", "namespace_roots", "parse_link", "protected_ranges", "rewrite",
]

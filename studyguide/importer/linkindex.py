"""The importer's view of link resolution, backed by the site's own resolver.

A link means the same note whether it is resolved at import time or by the wiki-link hook at
build time, because both use :class:`studyguide.links.LinkIndex` (same tiers, same tie-breaks,
same heading ids and block anchors). This module only adapts it to the importer's notes: it
indexes the notes being imported under their *source* paths (``.txt``/``.mdown`` notes are
registered as ``.md`` so the index treats them as notes) and maps results back.

Rule (documented in ``studyguide.links``): exact path -> exact-case name or path suffix ->
case-insensitive name -> title/aliases -> Dendron ``a.b.c``; among several candidates the linking
note's folder, then the fewest path segments, then alphabetical; ambiguity is reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from markdown.extensions.toc import slugify as toc_slugify

from studyguide.links import LinkIndex
from studyguide.markdown import split_front_matter

NOTE_EXT = re.compile(r"\.(md|markdown|mdown|txt)$", re.I)
# studyguide.links scans block ids and code in time that grows faster than the note (about 40 s for
# a 256 KB note with an id on every line); bigger notes are indexed by front matter and headings.
FULL_INDEX_LIMIT = 256 * 1024


def index_text(text: str) -> str:
    if len(text) <= FULL_INDEX_LIMIT:
        return text
    head = split_front_matter(text).head
    headings = re.findall(r"(?m)^#{1,6}[ \t].*$", text[len(head):])
    return head + "\n\n".join(headings) + "\n"


@dataclass(frozen=True)
class Match:
    rel: str  # the source path of the note the link means
    ambiguous: tuple[str, ...] = ()  # the other candidates, when there were several
    rule: str = ""  # which tier decided ("path", "name", "name-ci", "title", "dendron")
    warn: bool = False  # the choice is not clear-cut (only alphabetical, or not Obsidian's)


def _literal(target: str) -> str:
    """Targets reach the index already decoded (``Q&A #1 (50%).md`` is a file name); the index
    reads ``#`` as a fragment and decodes ``%xx``, so both are escaped to mean themselves."""
    return target.replace("%", "%25").replace("#", "%23")


class SharedIndex:
    """Resolve link targets among the notes being imported (source paths in and out)."""

    def __init__(self, notes: list[tuple[str, str]], slugify=toc_slugify, separator: str = "-") -> None:
        self.to_index: dict[str, str] = {}
        self.to_source: dict[str, str] = {}
        taken = {rel.lower() for rel, _ in notes}
        pairs = []
        for rel, text in notes:
            path = rel
            if not rel.lower().endswith((".md", ".markdown")):
                path = NOTE_EXT.sub("", rel) + ".md"
                if path.lower() in taken:
                    path = rel + ".md"
                taken.add(path.lower())
            self.to_index[rel] = path
            self.to_source[path] = rel
            pairs.append((path, index_text(text)))
        self.index = LinkIndex.from_notes(pairs, slugify=slugify, separator=separator)

    def resolve(self, target: str, from_rel: str) -> Match | None:
        target = target.strip()
        if not target:
            return None
        source = self.to_index.get(from_rel, from_rel)
        res = self.index.resolve(_literal(target), source)
        if not res.found and re.search(r"\.(txt|mdown)$", target, re.I):
            res = self.index.resolve(_literal(NOTE_EXT.sub("", target)), source)  # registered as .md
        if not res.found or res.path not in self.to_source:
            return None
        others = tuple(self.to_source.get(p, p) for p in res.candidates if p != res.path)
        return Match(self.to_source[res.path], others, res.rule, res.ambiguous)

    def anchor(self, rel: str, fragments: tuple[str, ...]) -> str | None:
        """The HTML id a ``#fragment`` (heading text, heading id, ``^block``) means on a note."""
        if not fragments:
            return None
        return self.index.anchor(self.to_index.get(rel, rel), fragments).id

"""Transclusion: cut a page, a section or a block out of a note and prepare it for another page.

:func:`extract` picks the text; :func:`rebase_links` makes the note's own relative Markdown
links work from the page that shows it; :func:`demote_headings` turns headings into bold lines
(so the host page's table of contents and heading ids do not change); :func:`wrap` puts the
result in a ``<div class="wikilink-embed">`` with a link back to the source.
Cycle and depth limits are enforced by the caller (``rewrite``), which owns the stack.
"""
from __future__ import annotations

import posixpath
import re

from studyguide.markdown.code import in_ranges, open_ranges, protected_ranges
from studyguide.markdown.headings import atx_matches, heading_parts
from studyguide.markdown.urls import is_external

from .index import Note

MAX_DEPTH = 3
_MD_LINK_DEST = re.compile(r"(\]\()(<?)([^)\s>]+)")


def extract(note: Note, fragments: tuple[str, ...], anchor_id: str | None) -> tuple[str, int]:
    """The text to show and its offset in ``note.body`` (for line numbers)."""
    text, start = _extract(note, fragments, anchor_id)
    lead = len(text) - len(text.lstrip("\n"))
    return text.strip("\n"), start + lead


def _extract(note: Note, fragments: tuple[str, ...], anchor_id: str | None) -> tuple[str, int]:
    body = note.body
    if not fragments:
        start = 0
        first = note.headings[0] if note.headings else None
        if first is not None and first.level == 1 and not body[:first.start].strip():
            start = first.end  # the page's own H1 is replaced by the source link
        return body[start:], start
    if fragments[0].startswith("^"):
        block = note.blocks.get(fragments[0][1:]) or next(
            (b for k, b in note.blocks.items() if k.lower() == fragments[0][1:].lower()), None)
        if block is None:
            return "", 0
        return body[block.start:block.end], block.start
    heading = next((h for h in note.headings if h.id == anchor_id), None)
    if heading is None:
        return "", 0
    return body[heading.start:heading.section_end], heading.start


def rebase_links(text: str, origin: str, page: str) -> str:
    """Rewrite relative ``](dest)`` links written in ``origin`` so they work from ``page``."""
    if "](" not in text:
        return text
    origin_dir, page_dir = posixpath.dirname(origin), posixpath.dirname(page)
    protected = protected_ranges(text)
    out, pos = [], 0
    for start, end in open_ranges(text, protected):
        for match in _MD_LINK_DEST.finditer(text, start, end):
            dest = match.group(3)
            if dest.startswith("/") or is_external(dest):
                continue
            if dest.startswith("#"):
                new = posixpath.relpath(origin, page_dir or ".") + dest
            elif origin_dir == page_dir:
                continue
            else:
                joined = posixpath.normpath(posixpath.join(origin_dir, dest))
                new = posixpath.relpath(joined, page_dir or ".")
            out.append(text[pos:match.start(3)])
            out.append(new)
            pos = match.end(3)
    out.append(text[pos:])
    return "".join(out)


def demote_headings(text: str) -> str:
    """``## Heading`` -> ``**Heading**`` outside code (keeps the host page's toc unchanged)."""
    if "#" not in text:
        return text
    protected = protected_ranges(text)
    out, pos = [], 0
    for match in atx_matches(text):
        if in_ranges(match.start(), protected):
            continue
        indent = match.group(0)[: len(match.group(0)) - len(match.group(0).lstrip())]
        out.append(text[pos:match.start()])
        plain, _ = heading_parts(match.group(2) or "")
        out.append(f"{indent}**{plain}**" if plain else "")
        pos = match.end()
    out.append(text[pos:])
    return "".join(out)


def wrap(content: str, source_href: str, source_label: str, prefix: str) -> str:
    """The embed block, each line prefixed with ``prefix`` (the indent / ``>`` of its line)."""
    blank = prefix.rstrip()
    lines = [f'<div class="wikilink-embed" markdown="1">', blank]
    lines += [(prefix + line) if line.strip() else blank for line in content.split("\n")]
    lines += [blank, f"{prefix}[{source_label}]({source_href}){{ .wikilink-embed-source }}",
              blank, f"{prefix}</div>"]
    return "\n".join(lines)

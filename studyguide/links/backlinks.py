"""Backlinks: who links to each page, with the sentence or list item around the link.

:func:`collect` runs once per build over every note's links (found while indexing, so no page
is parsed twice) and returns ``{target path: [Backlink, ...]}``, deduplicated, sorted by the
linking page's title, without self-links. :func:`render` turns one page's list into Markdown
as a ready HTML ``<section>`` (hrefs come from the caller, which knows the site's URLs).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from studyguide.markdown.headings import MARKDOWN_LINK
from studyguide.markdown.wikilinks import BLOCK_ID_SUFFIX, WikiLink, parse_link, sub_links

from .index import LinkIndex, Note

HEADING = "Linked from"
_ITEM = re.compile(r"^[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+(?:\[[ xX]\][ \t]+)?")
_ITEM_AT = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]+")  # for match(text, pos)
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+")
# Both start each branch with the character they are about (not a lookbehind), so the engine jumps
# between candidates instead of trying every position. A sentence ends where group 1 starts.
_SENTENCE_END = re.compile(r"[.!?]([\"')\]]*\s+)(?=[A-Z0-9\"'(\[*_])")
_MARKUP = re.compile(r"\*\*|__|[*_](?<!\w[*_])(?=\S)|[*_](?<=\S[*_])(?!\w)|==|`|\{[^}]*\}|<[^>]+>")
_ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?|===)[ \t]*[\w-]*[ \t]*")
_MARKUP_TRIGGER = re.compile(r"[*_=`{<]")
MAX_CONTEXT = 280
WINDOW = 2 * MAX_CONTEXT


@dataclass(frozen=True, order=True)
class Backlink:
    title: str  # title of the linking page
    source: str  # its path
    position: int  # offset of the first such link in the source (keeps document order)
    context: str  # plain text around the link; the link's own label is wrapped in \x01 ... \x02


@lru_cache(maxsize=4096)
def _label_of(inner: str) -> str:
    """What ``[[inner]]`` shows when nothing better is known (its label, else its target)."""
    link = parse_link(f"[[{inner}]]")
    return link.shown() if link is not None else inner


def context_of(body: str, link: WikiLink, label: str | None = None,
               label_for: Callable[[str], str] = None) -> str:
    """The list item, table row, heading or sentence that contains ``link``, as plain text.

    ``label``: what the link shows (defaults to its written label or target).
    ``label_for(inner)``: what another ``[[inner]]`` in the context shows (default: its label or target).
    """
    label_for = label_for or _label_of
    if link.embed:
        return f"(embedded: \x01{label or link.target}\x02)"
    line_start = body.rfind("\n", 0, link.start) + 1
    line_end = body.find("\n", link.end)
    line_end = len(body) if line_end == -1 else line_end
    line = body[line_start:line_end]
    stripped = line.strip()
    if stripped.startswith(("|", "#")):
        start, end = line_start, line_end
    else:
        # The paragraph or list item: back to its first line (an item line is included), then
        # forward over its continuation lines.
        start = line_start
        while start > 0 and not _ITEM_AT.match(body, start) and link.start - start < WINDOW:
            prev = body.rfind("\n", 0, start - 1) + 1
            text = body[prev:start - 1]
            if not text.strip() or text.lstrip().startswith(("#", "|", "!!!", "???")):
                break
            start = prev
        end = line_end
        while end < len(body) and end - link.end < WINDOW:
            nxt = body.find("\n", end + 1)
            nxt = len(body) if nxt == -1 else nxt
            text = body[end + 1:nxt]
            if not text.strip() or _ITEM.match(text) or text.lstrip().startswith(("#", "|")):
                break
            end = nxt
    # Only the text near the link matters (the context is cut to MAX_CONTEXT characters); the
    # window keeps a huge paragraph with many links linear.
    start, end = max(start, link.start - WINDOW), min(end, link.end + WINDOW)
    before, after = body[start:link.start], body[link.end:end]
    # Mark the link itself, flatten the rest to text.
    shown = link.label or label or link.shown()
    marked = _flatten(before, label_for) + "\x01" + _flatten(shown, label_for) + "\x02" \
        + _flatten(after, label_for)
    if "\n" in marked:
        marked = " ".join(_QUOTE.sub("", _ITEM.sub("", row)).strip() for row in marked.split("\n"))
    else:  # one row (most contexts): the same, without the split and join
        marked = _QUOTE.sub("", _ITEM.sub("", marked)).strip()
    marked = _ADMONITION.sub("", marked.strip().lstrip("#").strip().strip("|").strip())
    marked = " ".join(marked.replace("|", " ").split())
    return _sentence(marked)


def _flatten(text: str, label_for: Callable[[str], str] = _label_of) -> str:
    if "[" in text:
        if "[[" in text:
            text = sub_links(text, label_for)
        if "](" in text:
            text = MARKDOWN_LINK.sub(r"\1", text)
    if "^" in text:
        text = "\n".join(BLOCK_ID_SUFFIX.sub("", line) for line in text.split("\n"))
    if _MARKUP_TRIGGER.search(text):
        text = _MARKUP.sub("", text)
    return text


def _sentence(text: str) -> str:
    """The sentence holding the \\x01 marker, shortened around it if still long."""
    at, end = text.find("\x01"), text.find("\x02")
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() <= at:
            start = match.end()
        elif match.start(1) >= end:
            text = text[:match.start(1)]
            break
    text = text[start:].strip()
    if len(text) > MAX_CONTEXT:
        at = text.find("\x01")
        lo = max(0, at - MAX_CONTEXT // 2)
        hi = min(len(text), max(lo + MAX_CONTEXT, text.find("\x02") + 1))
        if lo:  # cut at word boundaries
            lo = text.find(" ", lo, at) + 1 or lo
        if hi < len(text):
            hi = text.rfind(" ", text.find("\x02"), hi) if text.rfind(" ", text.find("\x02"), hi) > 0 else hi
        text = ("… " if lo else "") + text[lo:hi].strip() + (" …" if hi < len(text) else "")
    return text


def collect(index: LinkIndex, links_of: Callable[[Note], list[WikiLink]]) -> dict[str, list[Backlink]]:
    """``{target path: backlinks}`` over every note of ``index``; one pass over all links."""
    found: dict[str, dict[tuple[str, str], Backlink]] = {}

    def label_for(source: str) -> Callable[[str], str]:
        known: dict[str, str] = {}  # a page repeats its links: parse and resolve each once

        def label(inner: str) -> str:
            if inner in known:
                return known[inner]
            link = parse_link(f"[[{inner}]]")
            if link is None:
                return inner
            res, _, written = index.resolve_link(link, source)
            note = index.notes.get(res.path) if res.found and not written else None
            known[inner] = written or (note.title if note is not None else link.shown())
            return known[inner]
        return label

    for note in index.notes.values():
        labels = label_for(note.path)  # one per page, so its cache serves all the page's links
        for link in links_of(note):
            res = index.resolve_link(link, note.path)[0] if link.target else None
            if res is None or not res.found or res.path == note.path or res.path not in index.notes:
                continue
            target_note = index.notes[res.path]
            context = context_of(note.body, link, target_note.title, labels)
            key = (note.path, context)
            bucket = found.setdefault(res.path, {})
            if key not in bucket:  # the same sentence linking twice is listed once
                bucket[key] = Backlink(note.title, note.path, link.start, context)
    return {path: sorted(items.values(), key=lambda b: (b.title.casefold(), b.source, b.position))
            for path, items in found.items()}


def render(backlinks: list[Backlink], href: Callable[[str], str]) -> str:
    """HTML for the end of a page's article: "Linked from" + one ``<li>`` per linking page.

    Added to the finished page (not to its Markdown): nothing is parsed again, and the search
    index does not repeat other pages' sentences.
    """
    if not backlinks:
        return ""
    rows: list[str] = []
    by_source: dict[str, list[Backlink]] = {}
    for item in backlinks:
        by_source.setdefault(item.source, []).append(item)
    for source, items in by_source.items():
        contexts = "".join(
            f'<li class="wikilink-backlink-context">{_context_html(item.context)}</li>'
            for item in items if item.context)
        rows.append(f'<li><a href="{html.escape(href(source))}">{html.escape(items[0].title)}</a>'
                    + (f'<ul>{contexts}</ul>' if contexts else "") + "</li>")
    return (f'<section class="wikilink-backlinks"><h2 id="linked-from">{HEADING}'
            '<a class="headerlink" href="#linked-from" title="Link to this section">&para;</a></h2>'
            f'<ul>{"".join(rows)}</ul></section>')


def _context_html(context: str) -> str:
    return html.escape(context).replace("\x01", "<strong>").replace("\x02", "</strong>")

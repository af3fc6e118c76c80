"""The per-build note index: every lookup a link needs, built once from ``(path, markdown)`` pairs.

For each note it records the path, file name (stem), title (front matter ``title:``, else the
first H1, else the stem), ``aliases:``, its headings with the ids the ``toc`` extension will give
them (same ``slugify``, same ``_1``/``_2`` de-duplication), its block ids and where each
section/block starts and ends (for transclusion). Lookup tables are dicts, so resolving a link is
O(1) apart from the tie-break over the (few) candidates that share a name.
"""
from __future__ import annotations

import heapq
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from studyguide.markdown import frontmatter
from studyguide.markdown.headings import Heading, Slugify, default_slugify, scan_headings
from studyguide.markdown.lines import LineMap
from studyguide.markdown.wikilinks import WikiLink, find_block_markers, find_links, label_first, split_target

from .names import norm, strip_note_suffix
from .resolve import Resolution, resolve_anchor, resolve_target
from .stubs import untouched_ranges

_ITEM_LINE = re.compile(r"[ \t]*(?:>[ \t]*)*(?:[-*+]|\d+[.)])[ \t]")

# `studyguide import` writes this file at the root of each imported vault. MkDocs excludes dot
# files from the site, but hooks see them: the folder becomes a link namespace and is kept
# out of the nav (hooks/imported_notes.py).
VAULT_MARKER = ".studyguide-vault.yml"


def namespace_roots(paths: Iterable[str]) -> list[str]:
    """The folders (docs-relative) that hold a ``VAULT_MARKER``, among ``paths``."""
    return sorted(posixpath.dirname(p) for p in paths if posixpath.basename(p) == VAULT_MARKER)


@dataclass(frozen=True)
class Block:
    id: str
    kind: str  # "heading", "item", "paragraph" or "block" (a list/table/quote before a ^id line)
    start: int  # body offsets of the block's text (marker excluded for transclusion)
    end: int
    anchor: str  # the HTML id a link should target


@dataclass
class Note:
    path: str  # docs-relative POSIX path, with extension
    body: str  # Markdown without front matter
    body_line: int  # 1-based line number of the body's first line in the file
    title: str
    aliases: tuple[str, ...] = ()
    headings: list[Heading] = field(default_factory=list)
    blocks: dict[str, Block] = field(default_factory=dict)
    links: list = field(default_factory=list)  # WikiLinks of the body (found once, at indexing)
    protected: list = field(default_factory=list)  # code/math/comment ranges of the body

    @property
    def stem(self) -> str:
        return posixpath.basename(strip_note_suffix(self.path))

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.path)


def _aliases(meta: dict) -> tuple[str, ...]:
    found: list[str] = []
    for key in ("aliases", "alias"):
        value = meta.get(key)
        if isinstance(value, str):
            found += [part.strip() for part in value.split(",")]
        elif isinstance(value, list):
            found += [str(part).strip() for part in value if part is not None]
    return tuple(a for a in found if a)


class _Blocks(LineMap):
    """Per line: is it blank, where its block (run of non-blank lines) starts, and the nearest
    non-blank line before it. Computed for the lines asked about only (a page has one or two
    block ids, and hundreds of lines)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text
        self._block: dict[int, int] = {}  # line -> its block's start, for lines already walked

    def blank(self, i: int) -> bool:
        starts = self.starts
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        return not self.text[starts[i]:end].strip()

    def block(self, i: int) -> int:
        walked = []
        while i not in self._block and i > 0 and not self.blank(i - 1):
            walked.append(i)
            i -= 1
        start = self._block.get(i, self.starts[i])
        for line in walked + [i]:  # many ids in one long block: each line is walked once
            self._block[line] = start
        return start

    def prev_filled(self, i: int) -> int:
        """Index of the nearest non-blank line before line ``i``, or -1."""
        i -= 1
        while i >= 0 and self.blank(i):
            i -= 1
        return i


def scan_blocks(body: str, protected, headings: list[Heading]) -> dict[str, Block]:
    markers = find_block_markers(body, protected)
    if not markers:
        return {}
    blocks: dict[str, Block] = {}
    heading_at = {h.start: h for h in headings}
    lines = _Blocks(body)
    for marker in markers:
        i = lines.index(marker.start)
        line_start = lines.starts[i]
        if marker.standalone:
            # The block is the one just above (blank lines allowed in between).
            j = lines.prev_filled(i)
            if j < 0:
                start = end = line_start
            else:
                start = lines.block(j)
                end = lines.starts[j + 1] if j + 1 < len(lines.starts) else len(body)
            blocks.setdefault(marker.block_id, Block(marker.block_id, "block", start, end,
                                                     "^" + marker.block_id))
            continue
        heading = heading_at.get(line_start)
        if heading is not None:
            blocks.setdefault(marker.block_id, Block(marker.block_id, "heading", line_start,
                                                     heading.section_end, heading.id))
            continue
        line = body[line_start:marker.start]
        kind = "item" if _ITEM_LINE.match(line) else "paragraph"
        start = line_start if kind == "item" else lines.block(i)
        blocks.setdefault(marker.block_id, Block(marker.block_id, kind, start, marker.start,
                                                 "^" + marker.block_id))
    return blocks


def make_note(path: str, markdown: str, slugify: Slugify, separator: str) -> Note:
    meta, body, body_line = frontmatter.read(markdown)
    protected = untouched_ranges(body)
    headings = scan_headings(body, protected, slugify, separator)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        h1 = next((h for h in headings if h.level == 1), None)
        title = h1.text if h1 else posixpath.basename(strip_note_suffix(path))
    return Note(path=path, body=body, body_line=body_line, title=str(title).strip(),
                aliases=_aliases(meta), headings=headings,
                blocks=scan_blocks(body, protected, headings), links=find_links(body, protected), protected=protected)


def _add(table: dict[str, list[str]], key: str, path: str) -> None:
    bucket = table.setdefault(key, [])
    if path not in bucket:
        bucket.append(path)


class LinkIndex:
    """All notes and attachments of one build, with O(1) lookup tables.

    Build it with :meth:`from_notes`; resolve with :meth:`resolve` (which file) and
    :meth:`anchor` (which id on that page). See ``studyguide.links`` for the rule.
    """

    def __init__(self, notes: Iterable[Note], attachments: Iterable[str] = (),
                 slugify: Slugify | None = None, separator: str = "-",
                 namespaces: Iterable[str] = ()) -> None:
        if slugify is None:
            slugify, separator = default_slugify()
        self.slugify, self.separator = _cached(slugify), separator
        self.notes: dict[str, Note] = {}
        self.attachments: set[str] = set()
        # key -> candidate paths. "path" keys are extension-less for notes, full for attachments.
        self.by_path: dict[str, list[str]] = {}
        self.by_path_ci: dict[str, list[str]] = {}
        self.by_suffix: dict[str, list[str]] = {}
        self.by_suffix_ci: dict[str, list[str]] = {}
        self.by_name: dict[str, list[str]] = {}
        self.by_name_ci: dict[str, list[str]] = {}
        self.by_title_ci: dict[str, list[str]] = {}
        self._trigrams: dict[str, set[str]] | None = None
        self._resolved: dict[tuple[str, str], object] = {}
        self._anywhere: dict[str, object] = {}  # targets that resolve alike from every folder
        self._links: dict[tuple[str, str], tuple] = {}  # (link as written, source) -> resolve_link
        self._folders: dict[str | None, str] = {}
        self._anchor_tables: dict[str, dict[str, int]] = {}
        # Imported vaults (docs-relative folders); everything else is the curated namespace "".
        self.namespaces = tuple(sorted({n.strip("/") for n in namespaces if n.strip("/")},
                                       key=len, reverse=True))
        self._namespace_of: dict[str, str] = {}
        for note in notes:
            self._add_entry(note.path, strip_note_suffix(note.path))
            self.notes[note.path] = note
            for title in (note.title, *note.aliases):
                _add(self.by_title_ci, norm(title), note.path)
        for path in attachments:
            self.attachments.add(path)
            self._add_entry(path, path)

    @classmethod
    def from_notes(cls, notes: Iterable[tuple[str, str]], attachments: Iterable[str] = (), *,
                   slugify: Slugify | None = None, separator: str = "-",
                   namespaces: Iterable[str] = ()) -> "LinkIndex":
        """Index ``(path, markdown)`` pairs (paths relative to the docs root, POSIX, with ``.md``).

        ``attachments`` are the other files links may point at (images, PDFs), same path form.
        ``slugify(text, separator)`` must be the one the site's ``toc`` extension uses.
        ``namespaces``: the folders of imported vaults (see :func:`namespace_roots`).
        """
        if slugify is None:
            slugify, separator = default_slugify()
        slugify = _cached(slugify)  # notes repeat heading texts ("Overview", "Next steps")
        return cls((make_note(path, text, slugify, separator) for path, text in notes),
                   attachments, slugify, separator, namespaces)

    def namespace_of(self, path: str) -> str:
        """The imported vault ``path`` belongs to, or ``""`` for the curated pages."""
        folder = posixpath.dirname(path)
        found = self._namespace_of.get(folder)
        if found is None:
            found = next((n for n in self.namespaces if folder == n or folder.startswith(n + "/")), "")
            self._namespace_of[folder] = found
        return found

    def _add_entry(self, path: str, key: str) -> None:
        _add(self.by_path, key, path)
        _add(self.by_path_ci, norm(key), path)
        segments = key.split("/")
        _add(self.by_name, segments[-1], path)
        _add(self.by_name_ci, norm(segments[-1]), path)
        for i in range(1, len(segments) - 1):
            suffix = "/".join(segments[i:])
            _add(self.by_suffix, suffix, path)
            _add(self.by_suffix_ci, norm(suffix), path)

    def note(self, path: str) -> Note | None:
        return self.notes.get(path)

    def is_note(self, path: str) -> bool:
        return path in self.notes

    def names_like(self, text: str, limit: int = 3) -> list[str]:
        """Closest note names/paths/titles to ``text`` (for "did you mean")."""
        import difflib

        if self._trigrams is None:
            trigrams: defaultdict[str, set[str]] = defaultdict(set)  # no throw-away set per gram
            keys = set(self.by_name_ci) | set(self.by_path_ci) | set(self.by_title_ci)
            for key in keys:
                for gram in _grams(key):
                    trigrams[gram].add(key)
            self._trigrams = dict(trigrams)
        wanted = norm(text)
        counts: Counter[str] = Counter()
        common = max(50, len(self._trigrams) // 20)
        for gram in _grams(wanted):
            bucket = self._trigrams.get(gram, ())
            if len(bucket) > common:
                continue  # a trigram most names share says little, and costs the most
            counts.update(bucket)
        keys = list(counts)
        if len(keys) > 20:  # sort only the keys that can make the first 20 (ties included)
            least = heapq.nlargest(20, counts.values())[-1]
            keys = [key for key, count in counts.items() if count >= least]
        pool = sorted(keys, key=lambda k: (-counts[k], k))[:20]
        best = difflib.get_close_matches(wanted, pool, n=limit * 3, cutoff=0.5)
        shown: list[str] = []
        for key in best:
            paths = (self.by_name_ci.get(key) or self.by_path_ci.get(key)
                     or self.by_title_ci.get(key) or [])
            for path in sorted(paths):
                label = strip_note_suffix(path) if path in self.notes else path
                if label not in shown:
                    shown.append(label)
        return shown[:limit]

    # The resolution rule lives in resolve.py; these are the public entry points.
    def resolve(self, target: str, source: str | None = None) -> Resolution:
        """Which note/attachment ``target`` means when written in ``source`` (a ``Resolution``)."""
        folder = self._folders.get(source)
        if folder is None:
            folder = self._folders[source] = posixpath.dirname(source) if source else ""
        key = (target, folder)  # the folder fixes the namespace and the relative paths too
        found = self._resolved.get(key)
        if found is None:
            found = self._anywhere.get(target)
            if found is not None:
                return found
            found = resolve_target(self, target, source)
            if found.rule != "self":  # "this page" depends on the page, not only its folder
                self._resolved[key] = found
                # Most targets mean the same file from every folder: no relative path (no "."
                # at all, nor a "%" or "\\" that could spell one), at most one candidate (the
                # folder ranks several), no imported vaults (the namespace is the source's). One
                # resolution then serves every page, not one per folder.
                if len(found.candidates) <= 1 and not self.namespaces \
                        and not any(c in target for c in ".%\\"):
                    self._anywhere[target] = found
        return found

    def resolve_link(self, link: WikiLink, source: str) -> tuple[Resolution, tuple[str, ...], str | None]:
        """(resolution, fragments, label) of a parsed link, read in Dendron's label-first order
        (``[[label|note]]``) when that applies (``studyguide.markdown.wikilinks.label_first``)."""
        # Backlinks resolve every link while indexing, and the rewrite again per page: the token
        # as written (it fixes target, fragments and label) and the page decide the answer.
        key = (link.raw, source)
        found = self._links.get(key)
        if found is None:
            found = self._links[key] = self._resolve_link(link, source)
        return found

    def _resolve_link(self, link: WikiLink, source: str) -> tuple[Resolution, tuple[str, ...], str | None]:
        if not link.target:
            return self.resolve("", source), link.fragments, link.label
        if label_first(link, lambda name: self._rule(name, source)):
            target, fragments = split_target(link.parts[0])
            return (self.resolve(target, source), fragments,
                    link.target + "".join("#" + f for f in link.fragments))
        return self.resolve(link.target, source), link.fragments, link.label

    def _rule(self, target: str, source: str) -> str | None:
        found = self.resolve(target, source)
        return found.rule if found.found else None

    def anchor(self, path: str, fragments):
        return resolve_anchor(self, path, tuple(fragments))


def _cached(slugify: Slugify) -> Slugify:
    if getattr(slugify, "cached", False):
        return slugify
    cache: dict[tuple[str, str], str] = {}

    def cached(text: str, separator: str) -> str:
        key = (text, separator)
        found = cache.get(key)
        if found is None:
            found = cache[key] = slugify(text, separator)
        return found
    cached.cached = True  # type: ignore[attr-defined]
    return cached


def _grams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}

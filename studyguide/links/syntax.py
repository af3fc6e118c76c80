"""Find wiki-links, embeds and block-id markers in Markdown, skipping everything that is not prose.

One scanner, :func:`protected_ranges`, returns the character ranges that no rewrite may touch:
fenced code (```` ``` ```` and ``~~~``, at any indent, inside block quotes too), indented code
blocks (4 spaces past the enclosing list item / admonition / tab content), inline code spans
(any backtick run length), math (``$...$``, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]``) and HTML
comments. :func:`find_links` and :func:`find_block_markers` only look outside those ranges.
Pure functions over a string; offsets are character offsets into that string.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterator

Range = tuple[int, int]

_FENCE = re.compile(r"^(?P<prefix>(?:[ \t]*>)*)(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_CONTAINER = re.compile(
    r"(?:[-*+][ \t]|\d{1,9}[.)][ \t]|(?:!!!|\?\?\?\+?|===\+?!?)[ \t]|\[\^[^\]]+\]:|:[ \t])")
_INLINE = re.compile(r"\\[(\[]|\\.|`+|\$\$|\$|<!--")
_INLINE_MATH = re.compile(r"\$(?!\s)((?:\\.|[^\\$\n]|\n(?![ \t]*\n))+?)(?<![\s\\])\$(?!\d)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_WIKILINK = re.compile(r"(?<!\[)(!?)\[\[((?:[^\[\]\n\\]|\\.)+?)\]\](?!\])")
# `text ^block-id` at the end of a line, or `^block-id` alone on a line (Obsidian: letters,
# digits and dashes).
_ENDS_WITH_MARKER = re.compile(r"(?:^|\s)\^[A-Za-z0-9][A-Za-z0-9-]*$")
_BLOCK_MARKER = re.compile(r"\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$", re.M)


@dataclass(frozen=True)
class WikiLink:
    """One ``[[...]]`` or ``![[...]]`` occurrence.

    ``target`` is the note/file part (``""`` for ``[[#Heading]]``), ``fragments`` the ``#``
    parts (``["H1", "H2"]`` or ``["^block"]``), ``parts`` everything after the first ``|``
    (label, or for images alt/size), unescaped.
    """

    start: int
    end: int
    embed: bool
    target: str
    fragments: tuple[str, ...]
    parts: tuple[str, ...]
    raw: str

    @property
    def label(self) -> str | None:
        return self.parts[0] if self.parts else None


@dataclass(frozen=True)
class BlockMarker:
    start: int  # start of the marker including the whitespace before `^`
    end: int
    block_id: str
    standalone: bool  # the marker is alone on its line (after a list, table or quote)


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _block_ranges(text: str) -> list[Range]:
    """Fenced and indented code blocks, as character ranges (whole lines)."""
    ranges: list[Range] = []
    containers: list[int] = []  # content indent of each open list item / admonition / tab
    pos = 0
    prev_blank = True
    in_code = False
    fence: tuple[str, int, str] | None = None  # (char, length, quote prefix depth)
    fence_start = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if fence is not None:
            match = _FENCE.match(body)
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= fence[1] \
                    and not match["info"].strip():
                ranges.append((fence_start, pos))
                fence = None
            continue
        match = _FENCE.match(body)
        if match and not (match["fence"][0] == "`" and "`" in match["info"]):
            fence = (match["fence"][0], len(match["fence"]), match["prefix"])
            fence_start = start
            in_code = False
            prev_blank = False
            continue
        if not body.strip():
            prev_blank = True
            continue
        width = _indent_width(body)
        if prev_blank:
            while containers and width < containers[-1]:
                containers.pop()
        base = containers[-1] if containers else 0
        if width >= base + 4 and (prev_blank or in_code):
            in_code = True
            ranges.append((start, pos))
        else:
            in_code = False
            if _CONTAINER.match(body, len(body) - len(body.lstrip())):
                while containers and width < containers[-1]:
                    containers.pop()
                containers.append(width + 4)
        prev_blank = False
    if fence is not None:  # an unclosed fence runs to the end, as in Python-Markdown
        ranges.append((fence_start, len(text)))
    return ranges


def _inline_ranges(text: str, start: int, end: int, out: list[Range]) -> None:
    pos = start
    blank_at = -1  # the next blank line after `pos` (cached: searching again per backtick is quadratic)
    no_closer: dict[int, int] = {}  # backtick run length -> paragraph end already known to lack one
    while True:
        match = _INLINE.search(text, pos, end)
        if match is None:
            return
        token = match.group(0)
        here = match.start()
        pos = match.end()
        if token[0] == "\\":
            if token in ("\\(", "\\["):
                close = text.find("\\)" if token == "\\(" else "\\]", pos, end)
                if close != -1:
                    out.append((here, close + 2))
                    pos = close + 2
            continue
        if token[0] == "`":
            if blank_at < pos:
                limit = _BLANK_LINE.search(text, pos, end)
                blank_at = limit.start() if limit else end
            stop = blank_at
            if no_closer.get(len(token)) == stop:
                continue
            closer = re.compile(r"(?<!`)%s(?!`)" % token)
            close = closer.search(text, pos, stop)
            if close is not None:
                out.append((here, close.end()))
                pos = close.end()
            else:
                no_closer[len(token)] = stop
            continue
        if token == "<!--":
            close = text.find("-->", pos)
            stop = len(text) if close == -1 else close + 3
            out.append((here, stop))
            pos = stop
            continue
        if token == "$$":
            close = text.find("$$", pos, end)
            if close != -1:
                out.append((here, close + 2))
                pos = close + 2
            continue
        # a single `$`
        math = _INLINE_MATH.match(text, here, end)
        if math is not None:
            out.append((here, math.end()))
            pos = math.end()


def protected_ranges(text: str) -> list[Range]:
    """Sorted, non-overlapping ranges of ``text`` that are code, math or comments."""
    blocks = _block_ranges(text)
    ranges: list[Range] = list(blocks)
    pos = 0
    for start, end in blocks + [(len(text), len(text))]:
        if pos < start:
            _inline_ranges(text, pos, start, ranges)
        pos = max(pos, end)
    ranges.sort()
    merged: list[Range] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def in_ranges(offset: int, ranges: list[Range]) -> bool:
    """Whether ``offset`` falls inside one of the sorted ``ranges``."""
    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    return i >= 0 and ranges[i][0] <= offset < ranges[i][1]


def open_ranges(text: str, protected: list[Range]) -> Iterator[Range]:
    """The complement of ``protected``: the prose ranges a rewrite may touch."""
    pos = 0
    for start, end in protected:
        if pos < start:
            yield pos, start
        pos = max(pos, end)
    if pos < len(text):
        yield pos, len(text)


def _split_unescaped(inner: str) -> list[str]:
    """Split on ``|`` and on the table-escaped ``\\|``; other escapes are kept as written."""
    parts, current, i = [], [], 0
    while i < len(inner):
        char = inner[i]
        if char == "\\" and i + 1 < len(inner):
            if inner[i + 1] == "|":
                parts.append("".join(current))
                current = []
            else:
                current.append(inner[i:i + 2])
            i += 2
            continue
        if char == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def parse_link(raw: str, start: int = 0) -> WikiLink | None:
    """Parse one ``[[...]]`` / ``![[...]]`` string."""
    match = _WIKILINK.fullmatch(raw)
    if match is None:
        return None
    return _make_link(match, start - match.start())


def _make_link(match: re.Match[str], shift: int = 0) -> WikiLink | None:
    inner = match.group(2)
    parts = [part.strip() for part in (_split_unescaped(inner) if "\\" in inner else inner.split("|"))]
    head, rest = parts[0], parts[1:]
    target, hashed, fragment = head.partition("#")
    fragments = tuple(f.strip() for f in fragment.split("#") if f.strip()) if hashed else ()
    target = target.strip()
    if not target and not fragments:
        if not any(rest):
            return None
    return WikiLink(match.start() + shift, match.end() + shift, bool(match.group(1)), target,
                    fragments, tuple(rest), match.group(0))


def find_links(text: str, protected: list[Range] | None = None) -> list[WikiLink]:
    """Every wiki-link and embed outside code, math and comments, in document order."""
    if "[[" not in text:
        return []
    if protected is None:
        protected = protected_ranges(text)
    links = []
    for start, end in open_ranges(text, protected):
        for match in _WIKILINK.finditer(text, start, end):
            link = _make_link(match)
            if link is not None:
                links.append(link)
    return links


def find_block_markers(text: str, protected: list[Range] | None = None) -> list[BlockMarker]:
    """Every ``^block-id`` marker outside code, math and comments."""
    if "^" not in text:
        return []
    if protected is None:
        protected = protected_ranges(text)
    markers = []
    for start, end in open_ranges(text, protected):
        for match in _BLOCK_MARKER.finditer(text, start, end):
            if match.end() < len(text) and text[match.end()] not in "\r\n":
                continue  # `$` matched at the edge of a code span, not at a line end
            caret = match.start()
            line_start = text.rfind("\n", 0, caret) + 1
            before = text[line_start:caret]
            if not before.strip():
                markers.append(BlockMarker(line_start, match.end(), match.group(1), True))
                continue
            if before[-1] not in " \t" or _ENDS_WITH_MARKER.search(before.rstrip()):
                continue  # `x^2`, or `^a ^b` (only a lone last marker counts)
            lead = len(before) - len(before.rstrip(" \t"))
            markers.append(BlockMarker(caret - lead, match.end(), match.group(1), False))
    return markers


class LineMap:
    """Offset → 1-based line number, in O(log lines)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._text = text
        self._starts: list[int] | None = None  # built on first use
        self._first = first_line

    def line(self, offset: int) -> int:
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        return bisect.bisect_right(self._starts, offset) - 1 + self._first

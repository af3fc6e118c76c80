"""What is code, math or a comment in Markdown: the one scanner every rewrite consults.

:func:`scan_fences` finds fenced code blocks (```` ``` ```` and ``~~~``, at any indent, inside block
quotes too) as :class:`Fence` records with line numbers; :func:`protected_ranges` returns the
character ranges no rewrite may touch: those fences, indented code blocks (4 spaces past the
enclosing list item / admonition / tab content), inline code spans (any backtick run length),
math (``$...$``, ``$$...$$``, ``\\(...\\)``, ``\\[...\\]``) and HTML comments.
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
# Every branch starts with a literal (`` ``* `` rather than `` `+ ``), so the engine skips ahead to
# the next `\`, `` ` ``, `$` or `<` instead of trying each character (~7x faster on prose).
_INLINE = re.compile(r"\\[(\[]|\\.|``*|\$\$|\$|<!--")
_INLINE_MATH = re.compile(r"\$(?!\s)((?:\\.|[^\\$\n]|\n(?![ \t]*\n))+?)(?<![\s\\])\$(?!\d)")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Fence:
    """A fenced code block. Lines are 0-based indices into ``text.split("\n")``."""

    start: int  # the opening line
    end: int  # the closing line (the last line when the fence is never closed)
    start_offset: int  # character range of the whole block, fence lines included
    end_offset: int
    prefix: str  # block-quote markers before the fence (``"> "``), usually ""
    indent: str
    fence: str  # the ``` or ~~~ run
    info: str  # everything after the fence characters, stripped
    body: str  # the lines between, without the quote prefix and the fence's indentation
    closed: bool

    @property
    def lineno(self) -> int:
        return self.start + 1

    @property
    def lang(self) -> str:
        info = self.info.lstrip("{").lstrip(".")
        return re.split(r"[\s{]", info, maxsplit=1)[0] if info else ""


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


def _strip_line(line: str, prefix: str, indent: str) -> str:
    """A fenced line without its quote markers and up to the fence's indentation."""
    if prefix:
        line = re.sub(r"^(?:[ \t]*>[ \t]?){%d}" % prefix.count(">"), "", line)
    return line[len(indent):] if line.startswith(indent) else line.lstrip(" \t")


def _lines(text: str) -> Iterator[str]:
    """Lines with their ``\n``; only ``\n`` ends a line, as in ``text.split("\n")``."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end + 1
        yield text[start:end]
        start = end


def _scan(text: str) -> tuple[list[Fence], list[Range]]:
    """Fenced blocks, and the ranges (whole lines) of indented code blocks."""
    if "```" not in text and "~~~" not in text and "\n " not in text and "\n\t" not in text \
            and not text.startswith((" ", "\t")):
        return [], []  # no fence, and no indented line (indented code needs 4 columns): skip the walk
    fences: list[Fence] = []
    indented: list[Range] = []
    containers: list[int] = []  # content indent of each open list item / admonition / tab
    pos = 0
    prev_blank = True
    in_code = False
    open_fence: dict | None = None
    for number, line in enumerate(_lines(text)):
        start, pos = pos, pos + len(line)
        body = line.rstrip("\r\n")
        if open_fence is not None and open_fence["depth"] and body.strip() \
                and not re.match(r"(?:[ \t]*>){%d}" % open_fence["depth"], body):
            # The block quote ended, and a fence inside it ends with it.
            fences.append(_fence(open_fence, number - 1, start, False))
            open_fence = None
        if open_fence is not None:
            match = _FENCE.match(body)
            if match and match["fence"][0] == open_fence["fence"][0] \
                    and len(match["fence"]) >= len(open_fence["fence"]) and not match["info"].strip():
                fences.append(_fence(open_fence, number, pos, True))
                open_fence = None
            else:
                open_fence["lines"].append(body)
            continue
        match = _FENCE.match(body)
        if match and not (match["fence"][0] == "`" and "`" in match["info"]):
            open_fence = {"start": number, "offset": start, "prefix": match["prefix"], "lines": [],
                          "depth": match["prefix"].count(">"),
                          "indent": match["indent"], "fence": match["fence"], "info": match["info"]}
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
            indented.append((start, pos))
        else:
            in_code = False
            if _CONTAINER.match(body, len(body) - len(body.lstrip())):
                while containers and width < containers[-1]:
                    containers.pop()
                containers.append(width + 4)
        prev_blank = False
    if open_fence is not None:  # an unclosed fence runs to the end, as in Python-Markdown
        last = max(open_fence["start"], text.count("\n") - (1 if text.endswith("\n") else 0))
        fences.append(_fence(open_fence, last, len(text), False))
    return fences, indented


def _fence(state: dict, end: int, end_offset: int, closed: bool) -> Fence:
    lines = [_strip_line(line, state["prefix"], state["indent"]) for line in state["lines"]]
    return Fence(state["start"], end, state["offset"], end_offset, state["prefix"], state["indent"],
                 state["fence"], state["info"].strip(), "\n".join(lines), closed)


def scan_fences(text: str) -> list[Fence]:
    """Every fenced code block of ``text``, in order."""
    if "```" not in text and "~~~" not in text:
        return []
    return _scan(text)[0]


def fenced_lines(text: str) -> set[int]:
    """0-based indices of the lines that belong to a fenced block (fence lines included)."""
    return {i for fence in scan_fences(text) for i in range(fence.start, fence.end + 1)}


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


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """``ranges`` sorted, overlapping and touching ones joined (sorts ``ranges`` in place)."""
    ranges.sort()
    merged: list[Range] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def block_code_ranges(text: str) -> list[Range]:
    """Fenced and indented code blocks, as character ranges of whole lines."""
    fences, indented = _scan(text)
    return merge_ranges([(f.start_offset, f.end_offset) for f in fences] + indented)


def protected_ranges(text: str) -> list[Range]:
    """Sorted, non-overlapping ranges of ``text`` that are code, math or comments."""
    blocks = block_code_ranges(text)
    ranges: list[Range] = list(blocks)
    pos = 0
    for start, end in blocks + [(len(text), len(text))]:
        if pos < start:
            _inline_ranges(text, pos, start, ranges)
        pos = max(pos, end)
    return merge_ranges(ranges)


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

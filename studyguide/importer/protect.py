"""Protect code and comments from the syntax transforms, using the Markdown core's scanner.

``Masked.mask(text)`` replaces what ``studyguide.markdown.code`` calls code, math or a comment
with single-line tokens ``\\x00<n>\\x00`` (one per line, newlines kept, so line numbers stay
right). Fence marker lines and block-quote prefixes stay visible, so block structure (callouts,
quotes) is still readable. ``unmask`` restores everything. Masking again after a transform
protects regions the transform created (for example a Mermaid fence). So the importer and the
wiki-link hook agree on what is code.
"""
from __future__ import annotations

import re

from studyguide.markdown.code import Range, protected_ranges, scan_fences

TOKEN = re.compile(r"\x00(\d+)\x00")


def _outside(ranges: list[Range], holes: list[Range]) -> list[Range]:
    """``ranges`` minus ``holes`` (both sorted)."""
    out: list[Range] = []
    for start, end in ranges:
        for hole_start, hole_end in holes:
            if hole_end <= start or hole_start >= end:
                continue
            if hole_start > start:
                out.append((start, hole_start))
            start = max(start, hole_end)
        if start < end:
            out.append((start, end))
    return out


class Masked:
    def __init__(self) -> None:
        self.store: list[str] = []

    def _token(self, content: str) -> str:
        self.store.append(content)
        return f"\x00{len(self.store) - 1}\x00"

    def mask(self, text: str) -> str:
        spans: list[Range] = []  # what becomes a token; never crosses a line break
        fences = scan_fences(text)
        for fence in fences:
            depth = fence.prefix.count(">")
            pos = fence.start_offset
            for number, line in enumerate(text[fence.start_offset:fence.end_offset].split("\n")):
                if fence.start < fence.start + number < fence.end or (not fence.closed and number):
                    keep = re.match(r"(?:[ \t]*>[ \t]?){%d}" % depth, line).end() if depth else 0
                    if len(line) > keep:
                        spans.append((pos + keep, pos + len(line)))
                pos += len(line) + 1
        fenced = [(f.start_offset, f.end_offset) for f in fences]
        for start, end in _outside(protected_ranges(text), fenced):
            for piece in re.finditer(r"[^\n]+", text[start:end]):
                spans.append((start + piece.start(), start + piece.end()))
        out, pos = [], 0
        for start, end in sorted(spans):
            out.append(text[pos:start])
            out.append(self._token(text[start:end]))
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def unmask(self, text: str) -> str:
        # Tokens can nest (a region masked twice); resolve until none is left.
        for _ in range(5):
            if "\x00" not in text:
                break
            text = TOKEN.sub(lambda m: self.store[int(m.group(1))], text)
        return text

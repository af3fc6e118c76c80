"""Offsets and line numbers."""
from __future__ import annotations

import bisect


class LineMap:
    """Offset -> 1-based line number (``first_line`` for the text's first line), in O(log lines)."""

    def __init__(self, text: str, first_line: int = 1) -> None:
        self._text = text
        self._starts: list[int] | None = None  # built on first use: most texts never need it
        self.first_line = first_line

    @property
    def starts(self) -> list[int]:
        """The offset where each line starts."""
        if self._starts is None:
            starts, find = [0], self._text.find
            at = find("\n")
            while at != -1:  # str.find from newline to newline: cheaper than a regex match object each
                starts.append(at + 1)
                at = find("\n", at + 1)
            self._starts = starts
        return self._starts

    def index(self, offset: int) -> int:
        """0-based index of the line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1

    def line(self, offset: int) -> int:
        return self.index(offset) + self.first_line


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """(start, end) of the line holding ``offset``; ``end`` is before its ``\\n``."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end == -1 else end

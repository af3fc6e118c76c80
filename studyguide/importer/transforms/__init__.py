"""Syntax transforms. Each is a function ``(text, ctx) -> text`` over *masked* text (code and
comments replaced by tokens, see ``protect.py``) that reports what it did through ``ctx``."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from ..report import Diagnostic


class LineMap:
    """Offset -> 1-based line number in O(log n)."""

    def __init__(self, text: str, offset: int = 0) -> None:
        self.starts = [m.end() for m in re.finditer("\n", text)]
        self.offset = offset

    def line(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) + 1 + self.offset


@dataclass
class NoteContext:
    rel: str  # source path of the note
    dest: str  # page path in DEST
    line_offset: int = 0  # lines before the body (front matter)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    links: Any = None  # transforms.links.LinkContext, set by the pipeline

    def report(self, code: str, message: str, line: int | None = None, severity: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(code, message, self.rel, line, severity))

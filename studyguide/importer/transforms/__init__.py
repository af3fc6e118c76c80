"""Syntax transforms. Each is a function ``(text, ctx) -> text`` over *masked* text (code and
comments replaced by tokens, see ``protect.py``) that reports what it did through ``ctx``."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from studyguide.markdown.lines import LineMap

from ..report import Diagnostic


@dataclass
class NoteContext:
    rel: str  # source path of the note
    dest: str  # page path in DEST
    line_offset: int = 0  # lines before the body (front matter)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    links: Any = None  # transforms.links.LinkContext, set by the pipeline

    def lines(self, text: str) -> LineMap:
        """Offset in the body ``text`` -> line of the source file."""
        return LineMap(text, self.line_offset + 1)

    def report(self, code: str, message: str, line: int | None = None, severity: str = "warning") -> None:
        self.diagnostics.append(Diagnostic(code, message, self.rel, line, severity))

"""List syntax that renders badly: a dangling empty bullet item at the end of a list is removed
(an empty *numbered* item is kept: its number is visible).

Duplicated step numbers (``1. 2. 2. 3.``) need nothing: Markdown numbers ordered lists itself.
"""
from __future__ import annotations

import re

from . import NoteContext

EMPTY_ITEM = re.compile(r"^[ \t]*[-*+][ \t]*$")  # bullets only: an ordered item's number is visible
ITEM = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\S")


def apply(text: str, ctx: NoteContext, unmask=None) -> str:
    lines = text.split("\n")
    changed = False
    for i, line in enumerate(lines):
        if not EMPTY_ITEM.match(line):
            continue
        after = lines[i + 1] if i + 1 < len(lines) else ""
        before = lines[i - 1] if i > 0 else ""
        if after.strip() or not before.strip():
            continue  # not at the end of a list
        if not (ITEM.match(before) or before[:1] in (" ", "\t")):
            continue
        lines[i] = ""
        changed = True
        ctx.report("empty-list-item", "dangling empty list item removed", ctx.line_offset + i + 1, "info")
    return "\n".join(lines) if changed else text

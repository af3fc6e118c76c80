"""Obsidian callouts ``> [!note] Title`` (unknown types become ``!!! note <type>``), foldable ``> [!info]-`` / ``+``, GitHub alerts ``> [!NOTE]``
-> Material admonitions (``!!!``, ``???``, ``???+``). Nested callouts are converted recursively.
Line count is kept (the header line becomes the admonition line); a blank line is inserted before
and after when needed, because an admonition cannot interrupt a paragraph."""
from __future__ import annotations

import re

from . import NoteContext

HEAD = re.compile(r"^(?P<indent>[ \t]*)>[ \t]?\[!(?P<type>[A-Za-z][\w-]*)\](?P<fold>[+-]?)[ \t]*(?P<title>.*)$")
# Material's admonition types and aliases (these are styled); anything else maps to "note".
KNOWN = {
    "note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important", "success", "check", "done",
    "question", "help", "faq", "warning", "caution", "attention", "failure", "fail", "missing", "danger", "error",
    "bug", "example", "quote", "cite",
}


def _convert(lines: list[str], ctx: NoteContext, base: int) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        match = HEAD.match(lines[i])
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match["indent"]
        kind = match["type"].lower()
        title = match["title"].strip().replace('"', "'")
        if kind not in KNOWN:  # styled as a note, its own type kept as an extra CSS class
            title = title or match["type"].capitalize()
            kind = "note " + re.sub(r"[^a-z0-9-]", "-", kind)
        marker = {"": "!!!", "-": "???", "+": "???+"}[match["fold"]]
        inner_prefix = re.compile(r"^%s>[ \t]?" % re.escape(indent))
        j = i + 1
        body: list[str] = []
        while j < len(lines) and inner_prefix.match(lines[j]):
            body.append(inner_prefix.sub("", lines[j], count=1))
            j += 1
        body = _convert(body, ctx, base + i + 1)
        if out and out[-1].strip():
            out.append("")
        head = f'{indent}{marker} {kind}' + (f' "{title}"' if title else "")
        out.append(head)
        out.extend(f"{indent}    {line}" if line.strip() else "" for line in body)
        if j < len(lines) and lines[j].strip():
            out.append("")
        ctx.report("callout-converted", f"callout [!{match['type']}] converted to a Material admonition",
                   (base + i + 1 + ctx.line_offset), "info")
        i = j
    return out


def apply(text: str, ctx: NoteContext, unmask=None) -> str:
    if "[!" not in text:
        return text
    return "\n".join(_convert(text.split("\n"), ctx, 0))

"""Legacy Mermaid in notes: ``<div class="mermaid">`` / ``<pre class="mermaid">`` blocks with
HTML-escaped arrows (``--&gt;``) become ```` ```mermaid ```` fences. Used by the funnel hook at build
time and by the importer, so both convert the same blocks."""
from __future__ import annotations

import html
import re
import textwrap

from studyguide.markdown.code import fenced_lines

LEGACY_OPEN = re.compile(
    r"""^(?P<indent>[ \t]*)<(?P<tag>div|pre)\s+class\s*=\s*["']mermaid["']\s*>(?P<rest>.*)$""")


def convert_legacy_mermaid(markdown: str) -> tuple[str, int]:
    """`<div class="mermaid">graph LR; a --&gt; b</div>` (or `<pre class="mermaid">`, which would
    make Material fetch Mermaid from a CDN) -> a ```mermaid fence with the entities decoded
    (html.unescape). Blocks inside code fences are left alone. Returns (text, count)."""
    lines = markdown.split("\n")
    skip = fenced_lines(markdown)
    out: list[str] = []
    count = 0
    i = 0
    while i < len(lines):
        match = LEGACY_OPEN.match(lines[i]) if i not in skip else None
        if not match:
            out.append(lines[i])
            i += 1
            continue
        indent = match["indent"]
        close = re.compile(rf"^(?P<before>.*?)</{match['tag']}>\s*$")
        body: list[str] = []
        rest = match["rest"]
        j = i
        closed = close.match(rest)
        if closed:
            body.append(closed["before"])
        else:
            body.append(rest)
            j = i + 1
            while j < len(lines):
                closed = close.match(lines[j])
                if closed:
                    body.append(closed["before"])
                    break
                body.append(lines[j])
                j += 1
            if j == len(lines):  # never closed: leave it as it was
                out.append(lines[i])
                i += 1
                continue
        source = textwrap.dedent("\n".join(body)).strip("\n")
        source = html.unescape(source)
        source = "\n".join(line.rstrip() for line in source.split("\n") if line.strip())
        out.append(f"{indent}```mermaid")
        out.extend(f"{indent}{line}" if line else "" for line in source.split("\n"))
        out.append(f"{indent}```")
        count += 1
        i = j + 1
    return "\n".join(out), count

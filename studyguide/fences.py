"""Find fenced code blocks in Markdown (also nested in admonitions, tabs and lists) with their line
numbers, and convert legacy `<div class="mermaid">` blocks (HTML-escaped arrows) to fences."""
from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass

OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")


@dataclass(frozen=True)
class Fence:
    start: int       # 0-based index of the opening line
    end: int         # 0-based index of the closing line (or the last line if unclosed)
    indent: str
    fence: str       # the ``` or ~~~ run
    lang: str
    info: str        # everything after the fence characters
    body: str        # the lines between, with the fence's indentation removed

    @property
    def lineno(self) -> int:
        return self.start + 1


def iter_fences(lines: list[str]) -> list[Fence]:
    fences = []
    i = 0
    while i < len(lines):
        match = OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence, info = match["indent"], match["fence"], match["info"].strip()
        lang = re.split(r"[\s{]", info.lstrip("{").lstrip("."), maxsplit=1)[0] if info else ""
        close = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        j = i + 1
        while j < len(lines) and not close.match(lines[j]):
            j += 1
        body_lines = [line[len(indent):] if line.startswith(indent) else line.lstrip()
                      for line in lines[i + 1:j]]
        fences.append(Fence(i, min(j, len(lines) - 1), indent, fence, lang, info,
                            "\n".join(body_lines)))
        i = j + 1
    return fences


def fenced_line_set(lines: list[str]) -> set[int]:
    inside: set[int] = set()
    for f in iter_fences(lines):
        inside.update(range(f.start, f.end + 1))
    return inside


LEGACY_OPEN = re.compile(
    r"""^(?P<indent>[ \t]*)<(?P<tag>div|pre)\s+class\s*=\s*["']mermaid["']\s*>(?P<rest>.*)$""")


def convert_legacy_mermaid(markdown: str) -> tuple[str, int]:
    """`<div class="mermaid">graph LR; a --&gt; b</div>` (or `<pre class="mermaid">`, which would
    make Material fetch Mermaid from a CDN) -> a ```mermaid fence with the entities decoded
    (html.unescape). Blocks inside code fences are left alone. Returns (text, count)."""
    lines = markdown.split("\n")
    skip = fenced_line_set(lines)
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

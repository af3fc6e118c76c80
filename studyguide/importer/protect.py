"""Protect code (fenced blocks, inline code spans) and HTML comments from the syntax transforms.

``Masked.mask(text)`` replaces the *content* of each protected region with single-line tokens
``\\x00<n>\\x00`` (one per line, newlines kept, so line numbers stay right); fence marker lines stay
visible so block structure (blockquote prefixes, callouts) is still readable. ``unmask`` restores
everything. Masking again after a transform protects regions the transform created (for example a
Mermaid fence). Fences inside blockquotes (``> ```py``) are recognised.
"""
from __future__ import annotations

import re

TOKEN = re.compile(r"\x00(\d+)\x00")
FENCE_OPEN = re.compile(r"^((?:[ \t]*>)*[ \t]{0,3})(`{3,}|~{3,})(.*)$")
COMMENT = re.compile(r"<!--.*?-->", re.S)
INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)")


class Masked:
    def __init__(self) -> None:
        self.store: list[str] = []

    def _token(self, content: str) -> str:
        self.store.append(content)
        return f"\x00{len(self.store) - 1}\x00"

    def _token_lines(self, content: str) -> str:
        return "\n".join(self._token(part) if part else "" for part in content.split("\n"))

    def mask(self, text: str) -> str:
        text = self._mask_fences(text)
        text = COMMENT.sub(lambda m: self._token_lines(m.group(0)), text)
        return self._mask_inline(text)

    def _mask_fences(self, text: str) -> str:
        lines = text.split("\n")
        out: list[str] = []
        i = 0
        while i < len(lines):
            match = FENCE_OPEN.match(lines[i])
            if not match or (match.group(2)[0] == "`" and "`" in match.group(3)):
                out.append(lines[i])
                i += 1
                continue
            prefix, marker = match.group(1), match.group(2)
            depth = prefix.count(">")
            out.append(lines[i])
            i += 1
            close = re.compile(r"^(?:[ \t]*>){%d}[ \t]{0,3}%s%s*[ \t]*$" % (depth, re.escape(marker[0]), re.escape(marker)))
            while i < len(lines) and not close.match(lines[i]):
                line = lines[i]
                strip = re.match(r"^(?:[ \t]*>){%d}[ \t]?" % depth, line) if depth else None
                if depth and not strip:
                    break  # the blockquote ended: so did the fence
                keep = strip.group(0) if strip else ""
                rest = line[len(keep):]
                out.append(keep + (self._token(rest) if rest else ""))
                i += 1
            if i < len(lines) and close.match(lines[i]):
                out.append(lines[i])
                i += 1
        return "\n".join(out)

    def _mask_inline(self, text: str) -> str:
        return INLINE_CODE.sub(lambda m: self._token(m.group(0)), text)

    def unmask(self, text: str) -> str:
        # Tokens can nest (a region masked twice); resolve until none is left.
        for _ in range(5):
            if "\x00" not in text:
                break
            text = TOKEN.sub(lambda m: self.store[int(m.group(1))], text)
        return text

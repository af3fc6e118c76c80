"""Markdown to the plain text a card shows, and the content fingerprints that card ids come from."""
from __future__ import annotations

import hashlib
import re

from studyguide.markdown import find_links

_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|_(?=\S)|`)(.+?)\1")
_INLINE_MATH = re.compile(r"\$([^$]+)\$")
_SPACE = re.compile(r"\s+")


def plain(markdown: str) -> str:
    """One line of readable text: links become their labels, emphasis and code marks are dropped,
    inline math keeps its TeX without the dollar signs."""
    text = markdown
    for link in reversed(find_links(markdown, protected=[])):
        shown = link.label or link.shown().replace("-", " ")
        text = text[: link.start] + shown + text[link.end:]
    text = _LINK.sub(lambda m: m.group(1), text)
    for _ in range(2):  # nested: **`code`**
        text = _EMPHASIS.sub(lambda m: m.group(2), text)
    text = _INLINE_MATH.sub(lambda m: m.group(1), text)
    return _SPACE.sub(" ", text).strip()


def wiki_targets(markdown: str) -> list[tuple[str, str]]:
    """(page, heading) of every [[wiki-link]], in order; heading is '' when absent."""
    return [(link.target.strip(), link.fragments[0].strip() if link.fragments else "")
            for link in find_links(markdown, protected=[])]


def fingerprint(text: str) -> str:
    """What a card's identity rests on: letters and digits only, lower case. Whitespace,
    punctuation, emphasis and case edits keep the fingerprint; a changed word changes it."""
    return re.sub(r"[^0-9a-z]+", "", plain(text).lower())


def short_hash(*parts: str, length: int = 10) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]

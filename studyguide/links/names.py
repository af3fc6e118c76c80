"""How names compare: the key forms the index files notes under and a target is looked up by."""
from __future__ import annotations

import re

NOTE_SUFFIXES = (".md", ".markdown")
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Case- and whitespace-insensitive form of a name, title or heading."""
    if "  " in text or "\t" in text or "\n" in text:
        text = _SPACES.sub(" ", text)
    return text.strip().casefold()


def strip_note_suffix(path: str) -> str:
    lower = path.lower()
    for suffix in NOTE_SUFFIXES:
        if lower.endswith(suffix):
            return path[: -len(suffix)]
    return path

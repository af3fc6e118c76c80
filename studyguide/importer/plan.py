"""Where each note goes (its page path in DEST), its title and the name links use.

Layout rules (documented in the README, "Importing notes"):

* Folders are kept; every path segment is slugged (lowercase, spaces and unsafe characters such as
  ``# & % ? :`` become ``-``; letters of any script are kept), ``.txt`` notes become ``.md``.
* Dendron notes ``a.b.c.md`` go to ``a/b/c.md`` ("folders" layout, the default) or stay
  ``a.b.c.md`` ("flat" layout). A Dendron note that has children becomes ``a/b/index.md`` so it is
  the section's index page; ``root.md`` becomes ``index.md``.
* Two notes that would land on the same page get ``-2``, ``-3``... in source order (reported).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePosixPath


MAX_SEGMENT = 80
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
NOTE_EXT = re.compile(r"\.(md|markdown|mdown|txt)$", re.I)


def slug(text: str, fallback: str = "note") -> str:
    """A safe file-name segment: NFKC, lowercase, word characters of any script, ``-`` elsewhere."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w.-]+", "-", text, flags=re.UNICODE)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r"-{2,}", "-", text).strip("-._")
    text = text[:MAX_SEGMENT].rstrip("-._")
    if not text:
        return fallback
    if text in WINDOWS_RESERVED:
        text += "-note"
    return text


def stem_of(rel: str) -> str:
    """File name without the note extension (``a/My Note.md`` -> ``My Note``)."""
    return NOTE_EXT.sub("", PurePosixPath(rel).name)


@dataclass
class NotePlan:
    rel: str  # source path, relative to SOURCE
    dest: str  # page path, relative to DEST
    flavour: str  # obsidian | dendron | markdown | txt | excalidraw
    title: str
    name: str  # the name links use: stem, or Dendron hierarchy name
    aliases: list[str] = field(default_factory=list)


def dendron_dest(name: str, has_children: bool, layout: str) -> list[str]:
    if name.lower() == "root":
        return ["index"]
    if layout == "flat":
        return [".".join(slug(part) for part in name.split("."))]
    parts = [slug(part) for part in name.split(".") if part.strip()] or ["note"]
    return parts + ["index"] if has_children else parts


def assign_destinations(plans: list[NotePlan], dendron_layout: str = "folders") -> list[tuple[str, str]]:
    """Fill ``plan.dest`` for every plan. Returns (source, dest) pairs renamed to avoid collisions."""
    dendron_names = {p.name.lower() for p in plans if p.flavour == "dendron"}
    taken: dict[str, str] = {}
    renamed: list[tuple[str, str]] = []
    for plan in sorted(plans, key=lambda p: p.rel):
        folder = [slug(part, "folder") for part in PurePosixPath(plan.rel).parent.parts]
        if plan.flavour == "dendron":
            prefix = plan.name.lower() + "."
            has_children = any(other.startswith(prefix) for other in dendron_names)
            parts = folder + dendron_dest(plan.name, has_children, dendron_layout)
        else:
            stem = stem_of(plan.rel)
            if stem.lower().endswith(".excalidraw"):
                stem = stem[: -len(".excalidraw")] + "-excalidraw"
            parts = folder + [slug(stem)]
        base = "/".join(parts)
        dest, n = base + ".md", 1
        while dest.lower() in taken:
            n += 1
            dest = f"{base}-{n}.md"
        if n > 1:
            renamed.append((plan.rel, dest))
        taken[dest.lower()] = plan.rel
        plan.dest = dest
    return renamed

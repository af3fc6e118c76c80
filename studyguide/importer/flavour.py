"""Which tool wrote a note: ``dendron``, ``obsidian``, ``excalidraw``, ``txt`` or ``markdown``.

Per note, from the vault settings (``dendron.yml``, ``.obsidian/``), the front matter (Dendron
writes ``id`` plus epoch-millisecond ``created``/``updated``), the file name and the syntax used.
The flavour decides the layout (Dendron hierarchy names) and is recorded in the report.
"""
from __future__ import annotations

import re
from typing import Any

OBSIDIAN_SYNTAX = re.compile(r"!?\[\[|%%|^>[ \t]?\[![A-Za-z]", re.M)


def is_dendron_meta(meta: dict[str, Any]) -> bool:
    if "id" not in meta:
        return False
    for key in ("created", "updated"):
        value = meta.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 1e11:
            return True
        if isinstance(value, str) and re.fullmatch(r"\d{12,14}", value.strip()):
            return True
    return False


def detect(rel: str, meta: dict[str, Any], body: str, vault_kind: str) -> str:
    lower = rel.lower()
    if lower.endswith(".excalidraw.md") or "excalidraw-plugin" in meta:
        return "excalidraw"
    if lower.endswith(".txt"):
        return "txt"
    if vault_kind == "dendron" or is_dendron_meta(meta):
        return "dendron"
    if vault_kind == "obsidian" or OBSIDIAN_SYNTAX.search(body[:200_000]):
        return "obsidian"
    return "markdown"

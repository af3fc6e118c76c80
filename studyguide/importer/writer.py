"""Writes pages and attachments into DEST: only inside DEST, atomically, idempotently, and never
over a page that was edited by hand since the last import (unless ``force``).

A page's front matter carries ``imported.sha256``: the SHA-256 of the page text with that value
replaced by ``HASH_PLACEHOLDER``. If the page on disk no longer matches its own hash, someone
edited it: it is kept (status ``kept``). A file in DEST without that hash was not written by the
importer and is kept as well.
"""
from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

HASH_PLACEHOLDER = "0" * 64
HASH_LINE = re.compile(r'^(  sha256: ")([0-9a-f]{64})(")$', re.M)


class UnsafePath(ValueError):
    """A destination that would land outside DEST."""


def page_hash(text: str) -> str:
    return hashlib.sha256(HASH_LINE.sub(lambda m: m.group(1) + HASH_PLACEHOLDER + m.group(3), text, count=1).encode("utf-8")).hexdigest()


def seal(text: str) -> str:
    """Fill in the page's own hash (the text must contain the placeholder line)."""
    digest = page_hash(text)
    return HASH_LINE.sub(lambda m: m.group(1) + digest + m.group(3), text, count=1)


def recorded_hash(text: str) -> str | None:
    head = text[:20_000]
    if not head.startswith("---"):
        return None
    match = HASH_LINE.search(head)
    return match.group(2) if match else None


class Writer:
    def __init__(self, dest: Path, *, dry_run: bool = False, force: bool = False) -> None:
        self.dest = dest
        self.dry_run = dry_run
        self.force = force

    def target(self, rel: str) -> Path:
        if not rel or rel.startswith("/") or "\\" in rel or any(part in ("..", ".", "") for part in rel.split("/")):
            raise UnsafePath(rel)
        path = self.dest / rel
        # a symlink already in DEST could redirect the write: check the real parent folder
        parent = path.parent
        existing = parent
        while not existing.exists() and existing != self.dest:
            existing = existing.parent
        real = existing.resolve()
        if real != self.dest and self.dest not in real.parents:
            raise UnsafePath(rel)
        if path.is_symlink():
            raise UnsafePath(rel)
        return path

    def write_page(self, rel: str, text: str) -> str:
        """Returns written | unchanged | kept | would-write."""
        path = self.target(rel)
        text = seal(text)
        if path.exists():
            try:
                current = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                current = None
            if current == text:
                return "unchanged"
            if not self.force:
                recorded = recorded_hash(current) if current is not None else None
                if recorded is None or page_hash(current) != recorded:
                    return "kept"
        if self.dry_run:
            return "would-write"
        self._atomic(path, text.encode("utf-8"))
        return "written"

    def write_file(self, rel: str, text: str) -> str:
        """A file that is the importer's own (no hand-edit check). Returns written | unchanged | would-write."""
        status = self.copy_file(rel, None, text.encode("utf-8"))
        return {"copied": "written", "would-copy": "would-write"}.get(status, status)

    def copy_file(self, rel: str, source: Path | None, data: bytes | None = None) -> str:
        """Returns copied | unchanged | would-copy. ``data``: the bytes to write instead of SOURCE's."""
        path = self.target(rel)
        if data is None:
            data = source.read_bytes()
        if path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data:
            return "unchanged"
        if self.dry_run:
            return "would-copy"
        self._atomic(path, data)
        return "copied"

    @staticmethod
    def _atomic(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".import-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

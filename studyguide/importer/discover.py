"""Walk SOURCE safely: notes, attachments, vault settings.

* Symlinks are followed only when they point inside SOURCE; others are refused and reported.
  Symlinked directories are never descended into (no loops, no escapes).
* Hidden folders (``.obsidian``, ``.git``, ``.trash``...) are not imported; their settings are read.
* A file named like a note but holding binary data is reported and skipped, not imported.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from .report import Diagnostic

NOTE_SUFFIXES = (".md", ".markdown", ".mdown", ".txt")
SKIP_DIRS = {"node_modules", "__pycache__"}
BINARY_SNIFF = 8192


@dataclass
class SourceFile:
    rel: str  # POSIX path relative to SOURCE
    path: Path  # real path on disk (inside SOURCE)
    size: int


@dataclass
class VaultSettings:
    kind: str = "plain"  # obsidian | dendron | plain
    obsidian: dict = field(default_factory=dict)  # .obsidian/app.json, as read
    dendron: dict = field(default_factory=dict)  # dendron.yml, as read
    attachment_folder: str | None = None  # Obsidian attachmentFolderPath (vault-relative) if set

    def to_json(self) -> dict:
        return {"kind": self.kind, "attachment_folder": self.attachment_folder,
                "obsidian_app_json": bool(self.obsidian), "dendron_yml": bool(self.dendron)}


@dataclass
class Discovery:
    root: Path
    notes: list[SourceFile] = field(default_factory=list)
    others: list[SourceFile] = field(default_factory=list)  # attachment candidates
    settings: VaultSettings = field(default_factory=VaultSettings)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)


def is_note_name(name: str) -> bool:
    return name.lower().endswith(NOTE_SUFFIXES)


def looks_binary(data: bytes) -> bool:
    """NUL bytes (not UTF-16 text) or many control characters in the first 8 KB."""
    head = data[:BINARY_SNIFF]
    if not head:
        return False
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with a BOM: text
    if b"\x00" in head:
        # UTF-16 without BOM has NULs in every other byte; treat as binary unless it decodes cleanly.
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                decoded = head[: len(head) // 2 * 2].decode(encoding)
            except UnicodeDecodeError:
                continue
            if decoded and sum(ch.isprintable() or ch in "\r\n\t" for ch in decoded) / len(decoded) > 0.95:
                return False
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.10


def _within(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
        return True
    except ValueError:
        return False


def read_settings(root: Path, diagnostics: list[Diagnostic]) -> VaultSettings:
    settings = VaultSettings()
    app = root / ".obsidian" / "app.json"
    if (root / ".obsidian").is_dir():
        settings.kind = "obsidian"
    if app.is_file():
        try:
            settings.obsidian = json.loads(app.read_text(encoding="utf-8-sig") or "{}")
            if not isinstance(settings.obsidian, dict):
                raise ValueError("not a JSON object")
            folder = settings.obsidian.get("attachmentFolderPath")
            if isinstance(folder, str) and folder.strip("./"):
                # "Attachments" is vault-relative; "./assets" is relative to each note's folder
                settings.attachment_folder = folder.rstrip("/") if folder.startswith("./") else folder.strip("/")
        except (ValueError, OSError) as error:
            diagnostics.append(Diagnostic("settings-unreadable", f"cannot read .obsidian/app.json: {error}",
                                          ".obsidian/app.json", None, "warning"))
            settings.obsidian = {}
    dendron = root / "dendron.yml"
    if dendron.is_file():
        settings.kind = "dendron"
        try:
            import yaml

            loaded = yaml.safe_load(dendron.read_text(encoding="utf-8-sig")) or {}
            settings.dendron = loaded if isinstance(loaded, dict) else {}
        except Exception as error:  # malformed YAML must not stop the import
            diagnostics.append(Diagnostic("settings-unreadable", f"cannot read dendron.yml: {error}",
                                          "dendron.yml", None, "warning"))
    return settings


def discover(root: Path) -> Discovery:
    """List the notes and other files under ``root`` (already resolved)."""
    found = Discovery(root=root)
    found.settings = read_settings(root, found.diagnostics)

    def onerror(error: OSError) -> None:
        rel = _rel(Path(error.filename or root), root)
        found.diagnostics.append(Diagnostic("unreadable", f"cannot read folder: {error.strerror}", rel, None, "error"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        here = Path(dirpath)
        keep = []
        for name in sorted(dirnames):
            full = here / name
            if name.startswith(".") or name in SKIP_DIRS:
                continue
            if full.is_symlink():
                found.diagnostics.append(Diagnostic(
                    "symlink-refused", "symlinked folder not followed (it could lead outside SOURCE or loop)",
                    _rel(full, root), None, "warning"))
                found.skipped.append({"path": _rel(full, root), "reason": "symlinked folder"})
                continue
            keep.append(name)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            full = here / name
            rel = _rel(full, root)
            real = full
            if full.is_symlink():
                try:
                    real = full.resolve(strict=True)
                except (OSError, RuntimeError):
                    found.diagnostics.append(Diagnostic("symlink-refused", "broken symlink", rel, None, "warning"))
                    found.skipped.append({"path": rel, "reason": "broken symlink"})
                    continue
                if not _within(real, root):
                    found.diagnostics.append(Diagnostic(
                        "symlink-refused", "symlink points outside SOURCE; not read", rel, None, "error"))
                    found.skipped.append({"path": rel, "reason": "symlink outside SOURCE"})
                    continue
            try:
                if not real.is_file():
                    continue
                size = real.stat().st_size
            except OSError as error:
                found.diagnostics.append(Diagnostic("unreadable", f"cannot stat: {error.strerror}", rel, None, "error"))
                found.skipped.append({"path": rel, "reason": "unreadable"})
                continue
            entry = SourceFile(rel, real, size)
            (found.notes if is_note_name(name) else found.others).append(entry)
    found.notes.sort(key=lambda f: f.rel)
    found.others.sort(key=lambda f: f.rel)
    return found


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()

"""Find the file an embed or image refers to, and decide where its copy goes.

A reference is tried, in order, relative to: the note's folder; the vault root (also for
root-absolute ``/assets/x.png``); Obsidian's attachment folder (``.obsidian/app.json``); the root
of a Git repository nested in the vault (the nearest folder above the note holding ``.git``, as
in notes exported from a repository); and finally the file name anywhere in the vault (Obsidian
resolves attachments by name). A path that leaves SOURCE (``..`` too far, absolute paths of the
machine) is refused. Copies go to ``assets/`` next to the page that uses them.
"""
from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote

from ..discover import SourceFile
from ..plan import slug
from ..report import Diagnostic
from ..svg import sanitize_svg

UNSAFE_TO_SERVE = {".html", ".htm", ".xhtml", ".js", ".mjs", ".php", ".shtml"}
IMAGE_EXT = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif", ".ico", ".tif", ".tiff"}


@dataclass
class Located:
    file: SourceFile | None
    how: str = ""  # note | vault-root | attachment-folder | repository-root | by-name
    refused: bool = False  # the path leaves SOURCE
    ambiguous: tuple[str, ...] = ()
    unsafe: str = ""  # why the file is not served, if it is not


@dataclass
class AttachmentStore:
    root: Path
    files: list[SourceFile]
    attachment_folder: str | None = None
    by_rel: dict[str, SourceFile] = field(default_factory=dict)
    by_rel_lower: dict[str, SourceFile] = field(default_factory=dict)
    by_name: dict[str, list[SourceFile]] = field(default_factory=dict)
    placed: dict[tuple[str, str], str] = field(default_factory=dict)  # (page dir, source rel) -> dest rel
    taken: dict[str, str] = field(default_factory=dict)  # dest rel (lower) -> source rel
    copies: dict[str, SourceFile] = field(default_factory=dict)  # dest rel -> source
    _repo_roots: dict[str, bool] = field(default_factory=dict)
    _svg: dict[str, bytes | None] = field(default_factory=dict)  # source rel -> sanitised bytes
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def __post_init__(self) -> None:
        for f in self.files:
            self.by_rel[f.rel] = f
            self.by_rel_lower.setdefault(f.rel.lower(), f)
            self.by_name.setdefault(PurePosixPath(f.rel).name.lower(), []).append(f)

    # ---------------------------------------------------------------- locating
    def _is_repo_root(self, folder: str) -> bool:
        if folder not in self._repo_roots:
            self._repo_roots[folder] = (self.root / folder / ".git").exists() if folder else False
        return self._repo_roots[folder]

    def _get(self, rel: str) -> SourceFile | None:
        return self.by_rel.get(rel) or self.by_rel_lower.get(rel.lower())

    def locate(self, ref: str, note_rel: str) -> Located:
        ref = unquote(ref.split("#", 1)[0].split("?", 1)[0]).strip().replace("\\", "/")
        if not ref:
            return Located(None)
        if re.match(r"^[A-Za-z]:/", ref) or ref.startswith("~"):
            return Located(None, refused=True)
        note_dir = posixpath.dirname(note_rel)
        tries: list[tuple[str, str]] = []
        if ref.startswith("/"):
            tries.append(("vault-root", ref.lstrip("/")))
        else:
            tries.append(("note", posixpath.join(note_dir, ref)))
            tries.append(("vault-root", ref))
            if self.attachment_folder:
                folder = self.attachment_folder
                base = posixpath.join(note_dir, folder[2:]) if folder.startswith("./") else folder
                tries.append(("attachment-folder", posixpath.join(base, ref)))
            parts = PurePosixPath(note_dir).parts
            for depth in range(len(parts), 0, -1):
                folder = "/".join(parts[:depth])
                if self._is_repo_root(folder):
                    tries.append(("repository-root", posixpath.join(folder, ref)))
                    break
        refused = False
        for number, (how, candidate) in enumerate(tries):
            normal = posixpath.normpath(candidate)
            if normal.startswith("..") or normal.startswith("/"):
                refused = refused or number == 0  # the path as written leaves SOURCE
                continue
            found = self._get(normal)
            if found:
                return self._checked(Located(found, how))
        hits = self.by_name.get(PurePosixPath(ref).name.lower(), [])
        if hits:
            ranked = sorted(hits, key=lambda f: (posixpath.dirname(f.rel) != note_dir, f.rel.count("/"), f.rel))
            return self._checked(Located(ranked[0], "by-name", ambiguous=tuple(f.rel for f in ranked[1:])))
        return Located(None, refused=refused)

    def _checked(self, located: Located) -> Located:
        suffix = PurePosixPath(located.file.rel).suffix.lower()
        if suffix in UNSAFE_TO_SERVE:
            located.unsafe = f"{suffix} files could run code on the site"
        return located

    def content(self, file: SourceFile) -> bytes | None:
        """The bytes to copy when they differ from the source file's: an SVG the sanitizer changed."""
        if PurePosixPath(file.rel).suffix.lower() != ".svg":
            return None
        if file.rel not in self._svg:
            text = file.path.read_bytes().decode("utf-8", "replace")
            cleaned, removed = sanitize_svg(text)
            if removed:
                self.diagnostics.append(Diagnostic(
                    "svg-sanitized", "removed from the SVG: " + ", ".join(removed), file.rel, None, "warning"))
            self._svg[file.rel] = cleaned.encode("utf-8") if removed else None
        return self._svg[file.rel]

    # ---------------------------------------------------------------- placing
    def place(self, file: SourceFile, page_dest: str) -> str:
        """Where the copy of ``file`` goes for the page ``page_dest`` (relative to DEST)."""
        page_dir = posixpath.dirname(page_dest)
        key = (page_dir, file.rel)
        if key in self.placed:
            return self.placed[key]
        name = PurePosixPath(file.rel).name
        suffix = "".join(PurePosixPath(name).suffixes[-1:]).lower()
        stem = name[: -len(suffix)] if suffix else name
        base = posixpath.join(page_dir, "assets", slug(stem, "file"))
        dest = base + suffix
        if self.taken.get(dest.lower(), file.rel) != file.rel:
            digest = hashlib.sha256(file.rel.encode()).hexdigest()[:8]
            dest = f"{base}-{digest}{suffix}"
        self.taken[dest.lower()] = file.rel
        self.placed[key] = dest
        self.copies[dest] = file
        return dest


def is_image(path: str) -> bool:
    return PurePosixPath(path.split("?")[0].split("#")[0]).suffix.lower() in IMAGE_EXT

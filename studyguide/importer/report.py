"""Diagnostics collected during an import, the JSON report and the human summary.

Every problem the importer meets becomes a :class:`Diagnostic` (file, line, code, message); nothing
is raised to the user as a traceback. The JSON report is meant for tools: its shape is documented in
the README ("Importing notes") and versioned with ``REPORT_VERSION``.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPORT_VERSION = 1

# Severities: "error" = content could not be imported as written (it is still kept or reported),
# "warning" = something changed or is missing that a person should look at, "info" = a normalisation.
SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True)
class Diagnostic:
    code: str  # stable machine-readable code, e.g. "link-unresolved"
    message: str
    file: str = ""  # path relative to SOURCE (POSIX)
    line: int | None = None  # 1-based line in the source note, when known
    severity: str = "warning"

    def where(self) -> str:
        if not self.file:
            return ""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass
class PageRecord:
    source: str  # relative to SOURCE
    dest: str  # relative to DEST
    flavour: str
    title: str
    status: str = "pending"  # written | unchanged | kept (hand-edited) | would-write (dry run)


@dataclass
class Report:
    source: str
    dest: str
    dry_run: bool = False
    force: bool = False
    settings: dict[str, Any] = field(default_factory=dict)
    pages: list[PageRecord] = field(default_factory=list)
    attachments: list[dict[str, str]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics) -> None:
        self.diagnostics.extend(diagnostics)

    # ------------------------------------------------------------------ summaries
    def counts(self) -> dict[str, int]:
        statuses = Counter(page.status for page in self.pages)
        codes = Counter(d.code for d in self.diagnostics)
        return {
            "notes": len(self.pages),
            "written": statuses["written"] + statuses["would-write"],
            "unchanged": statuses["unchanged"],
            "kept_hand_edited": statuses["kept"],
            "attachments_copied": sum(1 for a in self.attachments if a["status"] in ("copied", "would-copy")),
            "attachments_unchanged": sum(1 for a in self.attachments if a["status"] == "unchanged"),
            "skipped_files": len(self.skipped),
            "unresolved_links": codes["link-unresolved"],
            "missing_attachments": codes["attachment-missing"],
            "sanitized": codes["html-sanitized"],
            "errors": sum(1 for d in self.diagnostics if d.severity == "error"),
            "warnings": sum(1 for d in self.diagnostics if d.severity == "warning"),
        }

    def to_json(self) -> dict[str, Any]:
        order = {name: i for i, name in enumerate(SEVERITIES)}
        diagnostics = sorted(self.diagnostics, key=lambda d: (d.file, d.line or 0, order.get(d.severity, 9), d.code))
        return {
            "version": REPORT_VERSION,
            "source": self.source,
            "dest": self.dest,
            "dry_run": self.dry_run,
            "force": self.force,
            "settings": self.settings,
            "counts": self.counts(),
            "seconds": round(self.seconds, 3),
            "pages": [asdict(page) for page in sorted(self.pages, key=lambda p: p.source)],
            "kept": sorted(page.dest for page in self.pages if page.status == "kept"),
            "attachments": sorted(self.attachments, key=lambda a: (a["dest"], a["source"])),
            "skipped": sorted(self.skipped, key=lambda s: s["path"]),
            "diagnostics": [asdict(d) for d in diagnostics],
        }

    def write_json(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    def summary_lines(self, limit: int = 20) -> list[str]:
        c = self.counts()
        verb = "would write" if self.dry_run else "written"
        lines = [
            f"Imported {c['notes']} notes from {self.source} into {self.dest} in {self.seconds:.1f}s"
            + (" (dry run: nothing written)" if self.dry_run else ""),
            f"  pages: {c['written']} {verb}, {c['unchanged']} unchanged, {c['kept_hand_edited']} kept (edited by hand;"
            " use --force to overwrite)",
            f"  attachments: {c['attachments_copied']} {'to copy' if self.dry_run else 'copied'},"
            f" {c['attachments_unchanged']} unchanged, {c['missing_attachments']} missing",
            f"  links left as text (target not in SOURCE): {c['unresolved_links']}",
            f"  HTML removed by the sanitizer: {c['sanitized']}; skipped files: {c['skipped_files']}",
            f"  diagnostics: {c['errors']} errors, {c['warnings']} warnings",
        ]
        worth = [d for d in self.diagnostics if d.severity in ("error", "warning")]
        worth.sort(key=lambda d: (d.severity != "error", d.file, d.line or 0))
        for d in worth[:limit]:
            lines.append(f"  {d.severity.upper():7} {d.where()}: {d.message} [{d.code}]")
        if len(worth) > limit:
            lines.append(f"  ... and {len(worth) - limit} more (see --report FILE.json)")
        kept = [p.dest for p in self.pages if p.status == "kept"]
        if kept:
            lines.append("  kept (hand-edited): " + ", ".join(sorted(kept)[:10]) + (" ..." if len(kept) > 10 else ""))
        return lines

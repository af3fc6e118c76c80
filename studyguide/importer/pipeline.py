"""The import, start to end: discover -> read -> plan -> transform -> write -> report."""
from __future__ import annotations

import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import decode, discover, flavour, frontmatter, plan as planning
from studyguide.links import VAULT_MARKER
from studyguide.markdown import protected_ranges, relative_url, scan_headings

from .linkindex import FULL_INDEX_LIMIT, SharedIndex
from .protect import Masked
from .report import Diagnostic, PageRecord, Report
from .transforms import NoteContext
from .transforms import callouts, lists, mermaid_divs, obsidian_comments, sanitize_html
from .transforms import links as links_transform
from .transforms.attachments import AttachmentStore
from .writer import HASH_PLACEHOLDER, UnsafePath, Writer

# A note bigger than this is imported as it is (decoded, front matter unified), without the
# syntax transforms, so a giant note cannot stall the run; it is reported.
MAX_TRANSFORM_BYTES = 20 * 1024 * 1024
TEMPLATE_NAME = re.compile(r"\{\{.*\}\}|<%.*%>")

Progress = Callable[[int, int, str], None]


class ImportAbort(Exception):
    """The import cannot start (bad SOURCE or DEST). The message is meant for the user."""


@dataclass
class Note:
    file: discover.SourceFile
    text: str = ""
    fm: frontmatter.FrontMatter = field(default_factory=frontmatter.FrontMatter)
    meta: dict = field(default_factory=dict)
    plan: planning.NotePlan | None = None
    source_sha256: str = ""
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_paths(source: Path, dest: Path) -> tuple[Path, Path]:
    if not source.exists():
        raise ImportAbort(f"SOURCE does not exist: {source}")
    if not source.is_dir():
        raise ImportAbort(f"SOURCE is not a folder: {source}")
    try:
        next(iter(source.iterdir()), None)
    except OSError as error:
        raise ImportAbort(f"cannot read SOURCE {source}: {error.strerror or error}") from error
    real_source = source.resolve()
    real_dest = dest.resolve()
    if real_dest == real_source or real_source in real_dest.parents:
        raise ImportAbort(f"DEST {dest} is inside SOURCE {source}: the import would read its own output")
    if real_dest in real_source.parents:
        raise ImportAbort(f"SOURCE {source} is inside DEST {dest}: the import could overwrite its own input")
    if real_dest.exists() and not real_dest.is_dir():
        raise ImportAbort(f"DEST exists and is not a folder: {dest}")
    return real_source, real_dest


def first_h1(body: str) -> str | None:
    """The text of the first level-1 heading outside code (the same rule as the site's titles)."""
    h1 = next((h for h in scan_headings(body, protected_ranges(body)) if h.level == 1), None)
    return h1.text if h1 is not None and h1.text else None


def read_note(note: Note, vault_kind: str) -> bool:
    """Decode and split one note. Returns False when it is not a note after all (binary)."""
    rel = note.file.rel
    try:
        data = note.file.path.read_bytes()
    except OSError as error:
        note.diagnostics.append(Diagnostic("unreadable", f"cannot read: {error.strerror or error}", rel, None, "error"))
        return False
    if discover.looks_binary(data):
        note.diagnostics.append(Diagnostic("binary-note", "binary data in a note file; not imported", rel, None, "error"))
        return False
    note.source_sha256 = hashlib.sha256(data).hexdigest()
    decoded = decode.decode_bytes(data, rel)
    note.diagnostics += decoded.diagnostics
    note.text = decoded.text
    note.fm = frontmatter.split(decoded.text, rel)
    note.diagnostics += note.fm.diagnostics
    meta, unify_diags = frontmatter.unify(note.fm.meta, rel)
    note.meta = meta
    note.diagnostics += unify_diags
    if not note.text.strip():
        note.diagnostics.append(Diagnostic("empty-note", "empty note; imported as an empty page", rel, None, "info"))
    kind = flavour.detect(rel, note.fm.meta, note.fm.body, vault_kind)
    stem = planning.stem_of(rel)
    name = stem
    if kind == "excalidraw" and stem.lower().endswith(".excalidraw"):
        stem = stem[: -len(".excalidraw")]
    title = note.fm.meta.get("title")
    title = str(title).strip() if title not in (None, "") and not isinstance(title, (dict, list)) else None
    if kind != "excalidraw":  # a drawing's first H1 is "Text Elements"
        title = title or first_h1(note.fm.body)
    title = title or stem
    aliases = list(meta.get("aliases", []))
    if kind == "dendron" and "." in name and name not in aliases and name != title:
        aliases.append(name)
    if TEMPLATE_NAME.search(stem):
        note.diagnostics.append(Diagnostic("template-file", "looks like a template; imported as a page", rel, None, "info"))
    note.plan = planning.NotePlan(rel, "", kind, title, name, aliases)
    return True


def transform_body(note: Note, ctx: NoteContext) -> str:
    body = note.fm.body
    if len(body) > MAX_TRANSFORM_BYTES:
        ctx.report("note-too-large", f"note larger than {MAX_TRANSFORM_BYTES // 1_048_576} MB: imported as it is, "
                   "without syntax conversion", None, "warning")
        return body
    masked = Masked()
    text = masked.mask(body)
    text = mermaid_divs.apply(text, ctx, masked.unmask)  # before comments: Mermaid has %% comments
    text = masked.mask(text)
    text = obsidian_comments.apply(text, ctx, masked.unmask)
    text = masked.mask(text)
    text = links_transform.apply(text, ctx)
    text = callouts.apply(text, ctx)
    text = sanitize_html.apply(text, ctx)
    text = lists.apply(text, ctx)
    return masked.unmask(text)


def excalidraw_header(note: Note, ctx: NoteContext, store: AttachmentStore) -> str:
    base = re.sub(r"\.md$", "", note.file.rel, flags=re.I)
    for suffix in (".svg", ".png"):
        located = store.locate("/" + base + suffix, note.file.rel)
        if located.file is not None and not located.unsafe:
            url = relative_url(ctx.dest, store.place(located.file, ctx.dest))
            return f"![{links_transform.escape_label(note.plan.title)}]({url})\n\n"
    ctx.report("excalidraw-no-export", "Excalidraw drawing without an exported .svg/.png; only its text is shown",
               None, "warning")
    return ""


def render_page(note: Note, body: str) -> str:
    meta = dict(note.meta)
    meta["title"] = note.plan.title
    if note.plan.aliases:
        meta["aliases"] = note.plan.aliases
    meta.pop("imported", None)
    head = frontmatter.render(meta)
    provenance = ("imported:\n"
                  f"  source: {json.dumps(note.file.rel, ensure_ascii=False)}\n"
                  f"  flavour: {note.plan.flavour}\n"
                  f'  source_sha256: "{note.source_sha256}"\n'
                  f'  sha256: "{HASH_PLACEHOLDER}"\n---\n')
    head = head[: -len("---\n")] + provenance
    if note.fm.raw_invalid is not None:
        fence = "`" * max(3, max((len(m) for m in re.findall(r"`{3,}", note.fm.raw_invalid)), default=0) + 1)
        body = f"{fence}yaml\n{note.fm.raw_invalid.rstrip(chr(10))}\n{fence}\n\n{body}"
    body = body.rstrip("\n")
    return head + ("\n" + body + "\n" if body.strip() else "")


def prerender(rendered) -> None:
    """``--links markdown``: render the wiki-links, embeds and ^block ids of every page with the
    wiki-link hook's own code (``studyguide.links.rewrite``), so the pages need no hook."""
    from studyguide.links import LinkIndex, rewrite

    pages = [(note.plan.dest, body) for note, _, _, body in rendered if body is not None]
    index = LinkIndex.from_notes(pages)
    for i, (note, ctx, record, body) in enumerate(rendered):
        if body is None:
            continue
        result = rewrite(body, note.plan.dest, index, first_line=note.fm.body_line)
        for diagnostic in result.diagnostics:
            ctx.report("prerender", diagnostic.message, diagnostic.line, "warning")
        rendered[i] = (note, ctx, record, result.markdown)


def run_import(source: Path, dest: Path, *, dry_run: bool = False, force: bool = False,
               dendron_layout: str = "folders", links: str = "wiki", progress: Progress | None = None) -> Report:
    """Import SOURCE into DEST; the steps below run in this order, each on the previous one's output."""
    started = time.perf_counter()
    source, dest = check_paths(Path(source), Path(dest))
    report = Report(str(source), str(dest), dry_run=dry_run, force=force)
    found = discover.discover(source)
    report.settings = {**found.settings.to_json(), "dendron_layout": dendron_layout, "links": links}
    report.extend(found.diagnostics)
    report.skipped += found.skipped
    notes = read_notes(found, report)
    index = plan_pages(notes, dendron_layout, report)
    store = AttachmentStore(source, found.others, found.settings.attachment_folder)
    writer = Writer(dest, dry_run=dry_run, force=force)
    if not dry_run:
        dest.mkdir(parents=True, exist_ok=True)
    link_context = links_transform.LinkContext(index, {note.plan.rel: note.plan for note in notes}, store)
    rendered = convert_notes(notes, link_context, store, progress)
    if links == "markdown":
        prerender(rendered)
    write_pages(rendered, writer, report, progress)
    copy_attachments(store, found.others, writer, report)
    mark_vault(writer, found.settings.kind, report)
    report.seconds = time.perf_counter() - started
    return report


def read_notes(found: discover.Discovery, report: Report) -> list[Note]:
    """Decode and split every note; a note that cannot be read is reported and skipped."""
    notes: list[Note] = []
    for file in found.notes:
        note = Note(file)
        try:
            ok = read_note(note, found.settings.kind)
        except Exception as error:  # a note must never stop the import
            note.diagnostics.append(Diagnostic("read-failed", f"{type(error).__name__}: {error}", file.rel, None, "error"))
            ok = False
        report.extend(note.diagnostics)
        note.diagnostics = []
        if ok:
            notes.append(note)
        else:
            report.skipped.append({"path": file.rel, "reason": "not a readable text note"})
    return notes


def plan_pages(notes: list[Note], dendron_layout: str, report: Report) -> SharedIndex:
    """Choose each page's path in DEST and index the notes for link resolution."""
    for rel, new_dest in planning.assign_destinations([note.plan for note in notes], dendron_layout):
        report.add(Diagnostic("name-collision", f"another note already maps to this page name; written as {new_dest}",
                              rel, None, "info"))
    for note in notes:
        if len(note.text) > FULL_INDEX_LIMIT:
            report.add(Diagnostic("large-note", "large note: links into it resolve by name and heading only "
                                  "(its ^block ids are not indexed)", note.file.rel, None, "info"))
    return SharedIndex([(note.file.rel, note.text) for note in notes])


Rendered = list[tuple[Note, NoteContext, PageRecord, "str | None"]]


def convert_notes(notes: list[Note], link_context, store: AttachmentStore, progress: Progress | None) -> Rendered:
    """Each note's body with its syntax converted (None when the conversion failed)."""
    total = len(notes)
    rendered: Rendered = []
    for done, note in enumerate(notes, 1):
        ctx = NoteContext(note.file.rel, note.plan.dest, note.fm.body_line - 1, links=link_context)
        record = PageRecord(note.file.rel, note.plan.dest, note.plan.flavour, note.plan.title)
        body = None
        try:
            body = transform_body(note, ctx)
            if note.plan.flavour == "excalidraw":
                body = excalidraw_header(note, ctx, store) + body
        except Exception as error:  # never a traceback for one bad note
            ctx.report("import-failed", f"{type(error).__name__}: {error}", None, "error")
            record.status = "failed"
        note.text = ""  # free memory on large vaults
        rendered.append((note, ctx, record, body))
        if progress:
            progress(done, 2 * total, note.file.rel)  # converting is the first half of the work
    return rendered


def write_pages(rendered: Rendered, writer: Writer, report: Report, progress: Progress | None) -> None:
    total = len(rendered)
    for done, (note, ctx, record, body) in enumerate(rendered, total + 1):
        if progress:
            progress(done, 2 * total, note.file.rel)  # writing is the second half
        if body is not None:
            try:
                record.status = writer.write_page(note.plan.dest, render_page(note, body))
            except UnsafePath as error:
                ctx.report("unsafe-destination", f"refused to write outside DEST: {error}", None, "error")
                record.status = "refused"
            except OSError as error:
                ctx.report("write-failed", f"cannot write {note.plan.dest}: {error.strerror or error}", None, "error")
                record.status = "failed"
        if record.status == "kept":
            ctx.report("page-kept", f"{note.plan.dest} was edited after the last import; kept (use --force)",
                       None, "warning")
        report.pages.append(record)
        report.extend(ctx.diagnostics)


def copy_attachments(store: AttachmentStore, others, writer: Writer, report: Report) -> None:
    """Copy every attachment a page uses (SVGs sanitised first); list the unused ones as skipped."""
    used = set()
    for rel_dest, file in sorted(store.copies.items()):
        used.add(file.rel)
        try:
            status = writer.copy_file(rel_dest, file.path, store.content(file))
        except UnsafePath:
            status = "refused"
            report.add(Diagnostic("unsafe-destination", f"refused to copy outside DEST: {rel_dest}", file.rel, None, "error"))
        except OSError as error:
            status = "failed"
            report.add(Diagnostic("copy-failed", f"cannot copy to {rel_dest}: {error.strerror or error}", file.rel, None, "error"))
        report.attachments.append({"source": file.rel, "dest": rel_dest, "status": status})
    report.extend(store.diagnostics)
    for file in others:
        if file.rel not in used:
            report.skipped.append({"path": file.rel, "reason": "not referenced by any note"})


def mark_vault(writer: Writer, kind: str, report: Report) -> None:
    """DEST becomes a link namespace kept out of the nav (read by hooks/imported_notes.py and
    hooks/wikilinks.py), so the site builds strictly with no edit to mkdocs.yml."""
    text = ("# Written by `studyguide import`. This folder is an imported vault: its pages are built but\n"
            "# not listed in the nav, and their wiki-links prefer notes of this vault. Delete this file\n"
            "# to make the pages ordinary curated pages.\n"
            f"flavour: {kind}\n")
    try:
        writer.write_file(VAULT_MARKER, text)
    except OSError as error:
        report.add(Diagnostic("write-failed", f"cannot write {VAULT_MARKER}: {error.strerror or error}",
                              VAULT_MARKER, None, "error"))

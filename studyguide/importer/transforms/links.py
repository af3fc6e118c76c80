"""Links and embeds re-targeted to where the notes and files now live.

Handles wiki-links ``[[note]]``, ``[[note|label]]`` (and Dendron's label-first ``[[label|a.b.c]]``),
``[[note#Heading]]``, ``[[note#^block]]``, ``[[#Heading]]``, ``[[^block]]``, embeds ``![[...]]``
(images, Excalidraw drawings, notes, Dendron ranges ``#^a:#^b``), Markdown links and images
(``%20``, ``&amp;``, ``../``, ``<...>``), and ``<img src>`` tags.

Which note a name means is decided by the site's own resolver (``studyguide.links`` through
``linkindex``). A resolved wiki-link is written back as a wiki-link whose target is the page's new
*relative* path (``[[../ml/ml-metrics#Recall at k|recall]]``), so the wiki-link hook resolves it at
build time exactly like a hand-written one (backlinks, transclusion, block ids included); the
importer's ``--links markdown`` mode then pre-renders these with the hook's own ``rewrite``.
Markdown links and images stay Markdown, re-targeted. A link to a note that is not in SOURCE
becomes its label as plain text (reported with file:line); a missing image becomes a visible
placeholder with its alt text; attachments are copied next to the page.
"""
from __future__ import annotations

import html
import posixpath
import re
from dataclasses import dataclass
from urllib.parse import unquote

from studyguide.markdown.urls import is_external, relative_url
from studyguide.markdown.wikilinks import WIKILINK_TOKEN, label_first, parse_link

from ..linkindex import SharedIndex as NoteIndex
from ..plan import NotePlan
from . import NoteContext
from .attachments import AttachmentStore, is_image
from .sanitize_html import attributes

NOTE_EXT = re.compile(r"\.(md|markdown|mdown|txt)$", re.I)
FILE_EXT = re.compile(r"\.([A-Za-z0-9]{1,6})$")
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html|livescript)\s*:?", re.I)
PATTERN = re.compile(
    rf"(?P<wiki>{WIKILINK_TOKEN})"
    # A label may wrap onto the next line (CommonMark), but not across a blank line.
    r"|(?P<md>(?<!\\)(?P<mbang>!?)\[(?P<label>(?:[^\[\]\n]|\n(?![ \t]*\n)|\\[\[\]]|\[(?:[^\[\]\n]|\\[\[\]])*\])*)\]"
    r"\((?P<dest><[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\))"
    r"|(?P<img><img\b(?P<iattrs>(?:\s+(?:\"[^\"]*\"|'[^']*'|[^'\">\s])*)*)\s*/?>)",
    re.I,
)


@dataclass
class LinkContext:
    index: NoteIndex
    plans: dict[str, NotePlan]  # by source rel
    attachments: AttachmentStore



def escape_label(text: str) -> str:
    text = text.replace("[", "\\[").replace("]", "\\]")
    return "\\" + text if text.startswith("^") else text


def wiki_target(from_dest: str, to_dest: str) -> str:
    """``./page`` or ``../dir/page``: a path the wiki-link resolver reads relative to the page."""
    rel = posixpath.relpath(re.sub(r"\.md$", "", to_dest), posixpath.dirname(from_dest) or ".")
    return rel if rel.startswith("../") else "./" + rel


def wiki_label(text: str, pipe: str) -> str:
    return text.replace("]]", "] ]").replace("|", pipe if pipe == "\\|" else "/")


class Linker:
    def __init__(self, ctx: NoteContext, links: LinkContext) -> None:
        self.ctx = ctx
        self.links = links
        self.plan = links.plans[ctx.rel]

    # ------------------------------------------------------------ helpers
    def url_to_page(self, target: NotePlan, anchor: str | None) -> str:
        if target.rel == self.plan.rel:
            return "#" + anchor if anchor else relative_url(self.ctx.dest, target.dest)
        return relative_url(self.ctx.dest, target.dest) + ("#" + anchor if anchor else "")

    def rule_of(self, name: str) -> str | None:
        match = self.links.index.resolve(name, self.ctx.rel)
        return match.rule if match is not None else None

    def resolve_note(self, name: str, line: int, raw: str, report: bool = True) -> NotePlan | None:
        """The note ``name`` means (shared resolver); a relative path into a folder that is not in
        SOURCE falls back to the file name, and says so."""
        match = self.links.index.resolve(name, self.ctx.rel)
        if match is None and ("/" in name or name.startswith(".")):
            base = posixpath.basename(name.rstrip("/"))
            match = self.links.index.resolve(base, self.ctx.rel) if base else None
            if match is not None and report:
                self.ctx.report("link-retargeted", f"{raw}: no note at that path; linked to {match.rel}, found by name",
                                line, "info")
        if match is None:
            return None
        if match.ambiguous and report:
            self.ctx.report("link-ambiguous", f"{raw}: several notes match; chose {match.rel} over "
                            + ", ".join(match.ambiguous[:5]), line, "warning" if match.warn else "info")
        return self.links.plans.get(match.rel)

    def anchor(self, target: NotePlan, fragments: tuple[str, ...], line: int, raw: str) -> str | None:
        """The id of a heading or block of ``target``; reported (and dropped) when missing."""
        if not fragments:
            return None
        found = self.links.index.anchor(target.rel, fragments)
        if found is None:
            where = "this note" if target.rel == self.plan.rel else target.rel
            self.ctx.report("anchor-unresolved", f"{raw}: no heading or block '{'#'.join(fragments)}' in {where}; "
                            "linked to the page instead", line, "warning")
        return found

    def unresolved(self, raw: str, text: str, line: int, why: str) -> str:
        self.ctx.report("link-unresolved", f"{raw}: {why}; kept as text", line, "warning")
        return text

    def attachment_url(self, ref: str, line: int, raw: str) -> str | None:
        located = self.links.attachments.locate(ref, self.ctx.rel)
        if located.file is None:
            if located.refused:
                self.ctx.report("path-outside-source", f"{raw}: the path leaves SOURCE; not copied", line, "error")
            return None
        if located.unsafe:
            self.ctx.report("attachment-refused", f"{raw}: {located.file.rel} not copied ({located.unsafe})",
                            line, "error")
            return None
        if located.ambiguous:
            self.ctx.report("attachment-ambiguous", f"{raw}: several files named like this; chose {located.file.rel}",
                            line, "warning")
        if located.how == "repository-root":
            self.ctx.report("attachment-repo-root", f"{raw}: found relative to the repository root", line, "info")
        dest = self.links.attachments.place(located.file, self.ctx.dest)
        return relative_url(self.ctx.dest, dest)

    def missing(self, kind: str, alt: str, ref: str, line: int, raw: str) -> str:
        self.ctx.report("attachment-missing", f"{raw}: {kind} '{ref}' not found in SOURCE; placeholder shown",
                        line, "warning")
        label = alt.strip() or posixpath.basename(unquote(ref)) or ref
        return (f'<span class="missing-attachment" title="Missing {kind}: {html.escape(ref, quote=True)}">'
                f"Missing {kind}: {html.escape(label, quote=False)}</span>")

    # ------------------------------------------------------------ wiki-links
    def wiki(self, match: re.Match, line: int) -> str:
        raw = match.group(0)
        link = parse_link(raw)
        if link is None:
            return raw
        embed = link.embed
        pipe = "\\|" if "\\|" in raw else "|"
        target = link.target + "".join("#" + f for f in link.fragments)
        parts = [target, *link.parts]
        label = link.label
        if label_first(link, self.rule_of, dendron=self.plan.flavour == "dendron"):
            target, label = label, target  # Dendron's [[label|a.b.c]]
        target = re.sub(r"^dendron://[^/]*/", "", target)
        path, _, fragment = target.partition("#")
        path = path.strip()
        fragments = tuple(f.strip() for f in fragment.split("#") if f.strip())
        ranged = bool(fragments) and ":" in fragments[0] and fragments[0].startswith("^")
        if ranged:
            fragments = (fragments[0].split(":")[0].strip(),)  # Dendron range ^a:#^b -> its start
        if fragments == ("*",):
            fragments = ()
        heading_path = " › ".join(f for f in fragments)
        if not path and not fragments:
            return raw
        note = self.resolve_note(path, line, raw, report=False) if path and not path.startswith("^") else None
        if note is None and path.startswith("^") and not fragments:
            fragments, path = (path,), ""  # [[^id]]: a block of this note
            heading_path = path or fragments[0]
        if not path:  # [[#Heading]], [[#^block]]
            text = label or heading_path.lstrip("^")
            anchor = self.links.index.anchor(self.plan.rel, fragments)
            if anchor is None:
                self.ctx.report("anchor-unresolved", f"{raw}: no heading or block '{'#'.join(fragments)}' in this "
                                "note; kept as text", line, "warning")
                return escape_label(text)
            return "[[#" + "#".join(fragments) + "|" + wiki_label(text, pipe) + "]]"
        display = label or (path if not fragments or fragments[0].startswith("^") else f"{path} › {heading_path}")
        if note is None and FILE_EXT.search(path) and not NOTE_EXT.search(path):
            return self.wiki_file(raw, path, parts, embed, label, line, display)
        note = self.resolve_note(path, line, raw)
        if note is None:
            return self.unresolved(raw, escape_label(display), line, f"no note '{path}' in SOURCE")
        if embed and note.flavour == "excalidraw":
            image = self.drawing_image(note, line, raw)
            if image:
                return f"![{escape_label(label or note.title)}]({image})"
        anchor = self.anchor(note, fragments, line, raw)
        if anchor is None:
            fragments = ()
        if ranged:
            self.ctx.report("embed-as-link", f"{raw}: Dendron range embed shown as a link to its start", line, "info")
            embed = False
        where = "" if note.rel == self.plan.rel and fragments else wiki_target(self.ctx.dest, note.dest)
        frag = "".join("#" + f for f in fragments)
        if embed:
            return f"![[{where}{frag}]]"
        return f"[[{where}{frag}{pipe}{wiki_label(display, pipe)}]]"

    def wiki_file(self, raw, path, parts, embed, label, line, display) -> str:
        size = ""
        alt = ""
        for extra in parts[1:]:
            extra = extra.strip()
            if re.fullmatch(r"\d+(x\d+)?", extra):
                size = extra
            elif extra:
                alt = extra
        url = self.attachment_url(path, line, raw)
        kind = "image" if is_image(path) else "file"
        if url is None:
            if embed:
                return self.missing(kind, alt, path, line, raw)
            return self.unresolved(raw, escape_label(display), line, f"no file '{path}' in SOURCE")
        if embed and kind == "image":
            attrs = ""
            if size:
                width, _, height = size.partition("x")
                attrs = "{ " + f'width="{width}"' + (f' height="{height}"' if height else "") + " }"
            return f"![{escape_label(alt or posixpath.basename(path))}]({url}){attrs}"
        return f"[{escape_label(label or alt or posixpath.basename(path))}]({url})"

    def drawing_image(self, note: NotePlan, line: int, raw: str) -> str | None:
        base = NOTE_EXT.sub("", note.rel)
        for suffix in (".svg", ".png"):
            located = self.links.attachments.locate("/" + base + suffix, note.rel)
            if located.file is not None and not located.unsafe:
                return relative_url(self.ctx.dest, self.links.attachments.place(located.file, self.ctx.dest))
        return None

    # ------------------------------------------------------------ Markdown links and images
    def markdown(self, match: re.Match, line: int) -> str:
        raw = match.group(0)
        image = bool(match["mbang"])
        label = match["label"]
        if not image and "](" in label:
            label = self.run(label, line)
        dest = match["dest"].strip()
        if dest.startswith("<") and dest.endswith(">"):
            dest = dest[1:-1]
        title = match["title"] or ""
        if UNSAFE_URL.match(html.unescape(dest)):
            self.ctx.report("html-sanitized", f"{raw[:80]}: unsafe URL removed (it could run code)", line, "warning")
            return label
        if not dest or is_external(dest):
            return raw if "](" not in match["label"] else f"{'!' if image else ''}[{label}]({match['dest']}{title})"
        path, sep, fragment = dest.partition("#")
        path = html.unescape(unquote(path.split("?", 1)[0]))
        fragment = unquote(fragment)
        if not path:  # same page
            anchor = self.links.index.anchor(self.plan.rel, (fragment,)) if fragment else None
            if anchor is None:
                self.ctx.report("anchor-unresolved", f"{raw}: no heading '{fragment}' in this note; kept as text",
                                line, "warning")
                return label
            return f"[{label}](#{anchor}{title})"
        if image or (FILE_EXT.search(path) and not NOTE_EXT.search(path)):
            url = self.attachment_url(path, line, raw)
            if url is None:
                if image:
                    return self.missing("image", label, path, line, raw)
                return self.unresolved(raw, label, line, f"no file '{path}' in SOURCE")
            return f"{'!' if image else ''}[{label}]({url}{title})"
        if path.endswith("/"):
            return self.unresolved(raw, label, line, "links to a folder")
        note = self.resolve_note(path, line, raw)
        if note is None:
            return self.unresolved(raw, label, line, f"no note '{path}' in SOURCE")
        anchor = self.anchor(note, (fragment,), line, raw) if fragment else None
        return f"[{label}]({self.url_to_page(note, anchor)}{title})"

    def img_tag(self, match: re.Match, line: int) -> str:
        raw = match.group(0)
        attrs = attributes(match["iattrs"])
        src = attrs.get("src", "").strip()
        if not src or is_external(src):
            return raw
        alt = attrs.get("alt", "")
        url = self.attachment_url(src, line, raw)
        if url is None:
            return self.missing("image", alt, src, line, raw)
        extra = []
        for key in ("width", "height", "title", "class"):
            if key in attrs and attrs[key]:
                value = attrs[key].rstrip("/").strip().replace('"', "'")
                if value:
                    extra.append(f'{key}="{value}"' if key != "class" else " ".join("." + c for c in value.split()))
        tail = "{ " + " ".join(extra) + " }" if extra else ""
        return f"![{escape_label(alt)}]({url}){tail}"

    def run(self, text: str, base_line: int | None = None) -> str:
        lines = self.ctx.lines(text)

        def replace(match: re.Match) -> str:
            line = base_line if base_line is not None else lines.line(match.start())
            if match["wiki"]:
                return self.wiki(match, line)
            if match["md"]:
                return self.markdown(match, line)
            return self.img_tag(match, line)

        return PATTERN.sub(replace, text)


def apply(text: str, ctx: NoteContext, unmask=None) -> str:
    if "[" not in text and "<img" not in text.lower():
        return text
    return Linker(ctx, ctx.links).run(text)

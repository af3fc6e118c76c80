"""Markdown in, Markdown out: every wiki-link, embed and block marker of one page rewritten.

* a resolved link becomes a relative Markdown link to the target ``.md`` (``[label](../x.md#id)``),
  so MkDocs still validates it and rewrites it for ``use_directory_urls``;
* an unresolved one becomes ``<span class="wikilink-missing" title="...">label</span>`` and a
  diagnostic with "did you mean";
* ``![[image.png|alt|300x200]]`` becomes ``![alt](rel.png){ width="300" height="200" }``;
* ``![[Note]]``, ``![[Note#Heading]]``, ``![[Note#^id]]`` are transcluded (see transclude.py);
* ``^block-id`` markers become ids (see blocks.py).

Nothing outside those spans changes; code, math and comments are never touched (syntax.py).
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from studyguide.markdown.headings import heading_lines
from studyguide.markdown.lines import LineMap
from studyguide.markdown.urls import relative_url as href
from studyguide.markdown.wikilinks import WikiLink, find_block_markers, find_links

from . import transclude
from .blocks import block_edits
from .index import LinkIndex
from .resolve import Anchor, Resolution
from .stubs import missing_stub, untouched_ranges

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".bmp", ".ico")
_SIZE = re.compile(r"^(\d+)(?:x(\d+))?$")
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*")


@dataclass(frozen=True)
class Diagnostic:
    path: str
    line: int
    message: str
    level: str = "warning"  # or "info": reported, but `--strict` does not fail on it

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class LinkRecord:
    """One resolved link (for backlinks, reports and tests)."""

    source: str
    target: str
    anchor: str | None
    line: int
    embed: bool


@dataclass
class RewriteResult:
    markdown: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # on the input text


def _md_label(text: str) -> str:
    if "[" not in text and "]" not in text:
        return text
    return re.sub(r"([\[\]])", r"\\\1", text)


class _Rewriter:
    def __init__(self, index: LinkIndex, source: str, page: str, first_line: int,
                 stack: tuple, strip_blocks: bool) -> None:
        self.index, self.source, self.page = index, source, page
        self.first_line, self.stack, self.strip_blocks = first_line, stack, strip_blocks
        self.result = RewriteResult("")

    # -- entry -------------------------------------------------------------------------------
    def run(self, markdown: str, protected=None, links=None) -> RewriteResult:
        if "[[" not in markdown and "^" not in markdown:
            self.result.markdown = markdown
            return self.result
        if protected is None:
            protected = untouched_ranges(markdown)
        self.text, self.lines = markdown, LineMap(markdown, self.first_line)
        if links is None:
            links = find_links(markdown, protected)
        edits = [(link.start, link.end, self.link(link)) for link in links]
        markers = find_block_markers(markdown, protected)
        if markers:
            edits += block_edits(markdown, markers, heading_lines(markdown, protected),
                                 strip=self.strip_blocks)
        edits.sort(key=lambda e: (e[0], e[1]))
        out, pos, applied = [], 0, []
        for start, end, replacement in edits:
            if start < pos:
                continue  # overlaps an edit already made (e.g. two `^id` lines in a row)
            out.append(markdown[pos:start])
            out.append(replacement)
            applied.append((start, end, replacement))
            pos = end
        out.append(markdown[pos:])
        self.result.markdown = "".join(out)
        self.result.edits = applied
        return self.result

    def warn(self, link: WikiLink, message: str, level: str = "warning") -> None:
        line = self.lines.line(link.start)
        self.result.diagnostics.append(Diagnostic(self.source, line, message, level))

    def choice(self, link: WikiLink, res: Resolution) -> None:
        """Several candidates: INFO when the rule settles it, WARNING when it cannot (see resolve)."""
        listed = f"{len(res.candidates)} candidates ({', '.join(res.candidates)}); using {res.path}"
        if res.obsidian:
            self.warn(link, f"ambiguous wiki-link {link.raw}: {listed}, but Obsidian would open "
                            f"{res.obsidian}")
        elif res.ambiguous:
            self.warn(link, f"ambiguous wiki-link {link.raw}: {listed}")
        else:
            why = {"namespace": "own namespace first", "folder": "same folder",
                   "depth": "fewest path segments"}[res.settled_by]
            self.warn(link, f"wiki-link {link.raw}: {listed} ({why})", "info")

    # -- links -------------------------------------------------------------------------------
    def link(self, link: WikiLink) -> str:
        res, fragments, label = self.index.resolve_link(link, self.source)
        if not res.found:
            return self.missing(link, label)
        if len(res.candidates) > 1 and res.rule != "self":
            self.choice(link, res)
        if link.embed:
            return self.embed(link, res, fragments)
        anchor = self.anchor(link, res.path, fragments)
        self.record(link, res.path, anchor.id if anchor else None)
        if label is None:
            label = self.default_label(res.path, anchor, same_page=not link.target)
        return f"[{_md_label(label)}]({href(self.page, res.path, anchor.id if anchor else None)})"

    def anchor(self, link: WikiLink, path: str, fragments: tuple[str, ...]) -> Anchor | None:
        if not fragments or not self.index.is_note(path):
            return None
        anchor = self.index.anchor(path, fragments)
        if anchor.id is None:
            what = "block" if fragments[0].startswith("^") else "heading"
            hint = f"; did you mean: {', '.join(anchor.suggestions)}" if anchor.suggestions else ""
            self.warn(link, f"wiki-link {link.raw}: no {what} '{'#'.join(fragments)}' in {path}{hint}")
        return anchor

    def default_label(self, path: str, anchor: Anchor | None, same_page: bool) -> str:
        note = self.index.note(path)
        title = note.title if note else posixpath.basename(path)
        if anchor and anchor.id and anchor.text and not anchor.id.startswith("^") \
                and not (note and anchor.text in note.blocks):
            return anchor.text if same_page else f"{title} › {anchor.text}"
        return title

    def record(self, link: WikiLink, path: str, anchor: str | None, embed: bool = False) -> None:
        self.result.links.append(LinkRecord(self.source, path, anchor, self.lines.line(link.start), embed))

    def missing(self, link: WikiLink, label: str | None) -> str:
        shown = label or link.target or "#".join(link.fragments)
        hints = self.index.names_like(link.target) if link.target else []
        hint = f"; did you mean: {', '.join(hints)}" if hints else ""
        self.warn(link, f"unresolved wiki-link {link.raw}{hint}")
        title = f"Unresolved link: {link.target or '#'.join(link.fragments)}"
        return missing_stub(title, shown)

    # -- embeds ------------------------------------------------------------------------------
    def embed(self, link: WikiLink, res: Resolution, fragments: tuple[str, ...]) -> str:
        path = res.path
        if not self.index.is_note(path):
            self.record(link, path, None, embed=True)
            return self.attachment(link, path)
        anchor = self.anchor(link, path, fragments)
        if fragments and (anchor is None or anchor.id is None):
            return f"[{_md_label(link.label or link.target)}]({href(self.page, path)})"
        key = (path, fragments)
        back = href(self.page, path, anchor.id if anchor else None)
        title = self.default_label(path, anchor, same_page=False)
        line_start = self.text.rfind("\n", 0, link.start) + 1
        line_end = self.text.find("\n", link.end)
        before = self.text[line_start:link.start]
        after = self.text[link.end: len(self.text) if line_end == -1 else line_end]
        prefix = _PREFIX.match(before).group(0)
        if before != prefix or after.strip():
            # A transclusion is a block: only an embed alone on its line is expanded; inside
            # running text it stays a link (as Obsidian's editor shows it inline).
            self.record(link, path, anchor.id if anchor else None, embed=True)
            return f"[{_md_label(link.label or title)}]({back})"
        if key in self.stack or len(self.stack) > transclude.MAX_DEPTH:
            reason = "cycle" if key in self.stack else f"depth over {transclude.MAX_DEPTH}"
            self.warn(link, f"transclusion {link.raw} not expanded ({reason}: "
                            f"{' -> '.join(p for p, _ in self.stack + (key,))})")
            return f"[{_md_label(title)}]({back})"
        self.record(link, path, anchor.id if anchor else None, embed=True)
        note = self.index.note(path)
        text, offset = transclude.extract(note, fragments, anchor.id if anchor else None)
        text = transclude.rebase_links(text, path, self.page)
        inner = _Rewriter(self.index, path, self.page, note.body_line + note.body.count("\n", 0, offset),
                          self.stack + (key,), strip_blocks=True).run(text)
        self.result.diagnostics += inner.diagnostics
        content = transclude.demote_headings(inner.markdown)
        return transclude.wrap(content, back, f"↪ {title}", prefix)

    def attachment(self, link: WikiLink, path: str) -> str:
        url = href(self.page, path)
        if not path.lower().endswith(IMAGE_SUFFIXES):
            return f"[{_md_label(link.label or posixpath.basename(path))}]({url})"
        alt, width, height = posixpath.splitext(posixpath.basename(path))[0], None, None
        for part in link.parts:
            size = _SIZE.match(part)
            if size:
                width, height = size.group(1), size.group(2)
            elif part:
                alt = part
        attrs = "".join(f' {k}="{v}"' for k, v in (("width", width), ("height", height)) if v)
        return f"![{_md_label(alt)}]({url})" + (f"{{{attrs} }}" if attrs else "")


def rewrite(markdown: str, source: str, index: LinkIndex, *, page: str | None = None,
            first_line: int = 1, protected=None, links=None) -> RewriteResult:
    """Rewrite the wiki-links of ``markdown`` (the body of note ``source``).

    ``page``: the page that will show the text (defaults to ``source``; differs for
    transcluded text), used for relative hrefs. ``first_line``: file line of the text's first
    line (after front matter), for diagnostics.
    """
    return _Rewriter(index, source, page or source, first_line, ((source, ()),),
                     strip_blocks=False).run(markdown, protected, links)

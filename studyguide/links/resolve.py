"""The resolution rule: which note (or attachment) a link target means, and which id on it.

Tiers, first non-empty one wins (see ``studyguide.links`` for the documented rule):

1. exact path (docs-relative; ``./``/``../`` relative to the linking note; ``.md`` optional),
2. exact-case path suffix (``[[folder/Page]]``) or exact-case file name (``[[Page]]``),
3. the same, ignoring case and repeated whitespace,
4. page title or ``aliases:`` (ignoring case),
5. Dendron hierarchy name ``a.b.c`` read as the path ``a/b/c``.

Namespaces: the curated pages are one namespace, and each imported vault (a folder holding
``VAULT_MARKER``, written by ``studyguide import``) is another. The tiers are first searched in the
linking page's own namespace; only when nothing there matches are the other namespaces searched.

Several candidates in the winning tier are ranked: own namespace, then same folder as the
linking note, then fewest path segments, then alphabetical. A choice that one of the first three
keys settles is reported as INFO; it is *ambiguous* (a WARNING) when only alphabetical order
separates the first two, or when Obsidian, opening the namespace as a vault, would pick another
candidate (exact vault path, then the note's own folder, then the shortest path string).
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .names import norm, strip_note_suffix

if TYPE_CHECKING:  # the index calls in here; this module only reads its tables
    from .index import LinkIndex

_DENDRON_VAULT = re.compile(r"^dendron://[^/]*/")


@dataclass(frozen=True)
class Resolution:
    """Where a target points. ``path`` is None when nothing matched."""

    target: str  # the target as written
    path: str | None  # docs-relative path of the note/attachment
    candidates: tuple[str, ...] = ()  # every candidate of the deciding tier, best first
    rule: str = ""  # which tier decided: "path", "name", "name-ci", "title", "dendron", "self"
    ambiguous: bool = False  # the choice deserves a WARNING (see the module docstring)
    settled_by: str = ""  # with several candidates: "namespace", "folder", "depth" or "alphabetical"
    obsidian: str | None = None  # what Obsidian would open instead, when that differs

    @property
    def found(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class Anchor:
    """Which element of the target page a ``#fragment`` means. ``id`` is None when not found."""

    id: str | None
    text: str = ""  # heading text (or block id) for labels
    suggestions: tuple[str, ...] = ()


def clean_target(target: str) -> str:
    """The target as a name/path: ``%xx`` decoded, ``\\`` as ``/``, no ``dendron://vault/`` or
    ``#fragment``, runs of spaces collapsed."""
    if "#" in target:
        target = target.split("#", 1)[0]
    target = target.strip()
    if "%" in target:
        target = unquote(target)
    if "\\" in target:
        target = target.replace("\\", "/")
    if target.startswith("dendron:"):
        target = _DENDRON_VAULT.sub("", target)
    if "  " in target or "\t" in target:
        target = re.sub(r"[ \t]+", " ", target)
    return target.strip()


def resolve_target(index: LinkIndex, target: str, source: str | None = None) -> Resolution:
    written = target
    target = clean_target(target)
    if not target:
        return Resolution(written, source, (source,) if source else (), "self")
    folder = posixpath.dirname(source) if source else ""
    if not index.namespaces:
        for rule, found in _tiers(index, target, folder):  # lazily: most links stop at the first
            if found:
                return _pick(index, written, target, found, folder, rule, "")
        return Resolution(written, None)
    own = index.namespace_of(source or "")
    for rule, found in _tiers(index, target, folder):
        mine = [p for p in found or () if index.namespace_of(p) == own]
        if mine:
            return _pick(index, written, target, mine, folder, rule, own,
                         others=[p for p in found if p not in mine])
    for rule, found in _tiers(index, target, folder):  # nothing in the own namespace: any other
        if found:
            return _pick(index, written, target, found, folder, rule, index.namespace_of(found[0]))
    return Resolution(written, None)


def _tiers(index: LinkIndex, target: str, folder: str):
    """(rule, candidates) for each tier, in order, computed only when asked for."""
    key = strip_note_suffix(target)
    if key.startswith(("./", "../")):
        joined = posixpath.normpath(posixpath.join(folder, key))
        yield "path", index.by_path.get(joined)
        yield "path-ci", index.by_path_ci.get(norm(joined))
        return
    key = key.lstrip("/")
    yield "path", index.by_path.get(key)
    if "/" in key:
        yield "name", index.by_suffix.get(key)
        yield "name-ci", index.by_path_ci.get(norm(key)) or index.by_suffix_ci.get(norm(key))
    else:
        yield "name", index.by_name.get(key)
        yield "name-ci", index.by_name_ci.get(norm(key))
    yield "title", index.by_title_ci.get(norm(key)) or index.by_title_ci.get(norm(target))
    if "." in key and "/" not in key:
        dotted = key.replace(".", "/")
        yield "dendron", (index.by_path.get(dotted) or index.by_suffix.get(dotted)
                          or index.by_path_ci.get(norm(dotted)) or index.by_suffix_ci.get(norm(dotted)))


def _pick(index: LinkIndex, written: str, target: str, found: list[str], folder: str, rule: str,
          namespace: str, others: list[str] = ()) -> Resolution:
    if len(found) == 1 and not others:
        return Resolution(written, found[0], (found[0],), rule)

    def rank(path: str) -> tuple:
        return (posixpath.dirname(path) != folder, path.count("/"))

    ranked = sorted(set(found), key=lambda p: (*rank(p), p))
    candidates = tuple(ranked) + tuple(sorted(set(others), key=lambda p: (*rank(p), p)))
    if len(ranked) == 1:
        return Resolution(written, ranked[0], candidates, rule, settled_by="namespace")
    if rank(ranked[0]) == rank(ranked[1]):
        return Resolution(written, ranked[0], candidates, rule, ambiguous=True,
                          settled_by="alphabetical")
    settled_by = "folder" if rank(ranked[0])[0] != rank(ranked[1])[0] else "depth"
    opened = obsidian_choice(ranked, target, folder, namespace)
    if opened != ranked[0]:
        return Resolution(written, ranked[0], candidates, rule, ambiguous=True,
                          settled_by=settled_by, obsidian=opened)
    return Resolution(written, ranked[0], candidates, rule, settled_by=settled_by)


def obsidian_choice(candidates: list[str], target: str, folder: str, namespace: str) -> str:
    """The note Obsidian opens for ``target`` when the namespace is its vault (observed on
    Obsidian 1.x, ``metadataCache.getFirstLinkpathDest``): the exact vault path, else a note in
    the linking note's own folder, else the shortest path string."""
    root = namespace + "/" if namespace else ""
    exact = strip_note_suffix(target).lstrip("/")
    return min(candidates, key=lambda p: (strip_note_suffix(p[len(root):]) != exact,
                                          posixpath.dirname(p) != folder, len(p[len(root):]), p))


def _heading_table(index: LinkIndex, note) -> dict[str, int]:
    """id / casefolded id / "t:"+text / "s:"+slug -> first heading index, built once per note."""
    table = index._anchor_tables.get(note.path)
    if table is None:
        table = {}
        for i, heading in enumerate(note.headings):
            for key in (heading.id, heading.id.casefold(), "t:" + norm(heading.text),
                        "s:" + index.slugify(heading.text, index.separator)):
                table.setdefault(key, i)
        index._anchor_tables[note.path] = table
    return table


def resolve_anchor(index: LinkIndex, path: str, fragments: tuple[str, ...]) -> Anchor:
    note = index.note(path)
    if note is None or not fragments:
        return Anchor(None)
    if fragments[0].startswith("^"):
        block_id = fragments[0][1:]
        block = note.blocks.get(block_id) or next(
            (b for k, b in note.blocks.items() if k.lower() == block_id.lower()), None)
        if block is None:
            return Anchor(None, block_id, tuple("^" + b for b in sorted(note.blocks))[:5])
        return Anchor(block.anchor, block_id)
    slug = index.slugify
    sep = index.separator
    headings = note.headings
    if len(fragments) == 1:  # the common case: one heading, found through a per-note table
        table = _heading_table(index, note)
        frag = fragments[0]
        for key in (frag, frag.casefold(), "t:" + norm(frag), "s:" + slug(frag, sep)):
            i = table.get(key)
            if i is not None:
                return Anchor(headings[i].id, headings[i].text)
        texts = list(dict.fromkeys(h.text for h in headings))
        return Anchor(None, frag, tuple(difflib.get_close_matches(frag, texts, n=3, cutoff=0.4)))
    wanted = [(norm(f), slug(f, sep), f) for f in fragments]

    def matches(heading, fragment) -> bool:
        text_norm, frag_slug, raw = fragment
        return (norm(heading.text) == text_norm or heading.id == raw or heading.id == raw.casefold()
                or (frag_slug != "" and slug(heading.text, sep) == frag_slug))

    for i, heading in enumerate(headings):
        if not matches(heading, wanted[-1]):
            continue
        # For a heading path H1#H2#H3, each earlier part must be an ancestor, in order.
        level, need = heading.level, len(wanted) - 2
        for earlier in reversed(headings[:i]):
            if need < 0:
                break
            if earlier.level < level:
                level = earlier.level
                if matches(earlier, wanted[need]):
                    need -= 1
        if need < 0:
            return Anchor(heading.id, heading.text)
    texts = [h.text for h in headings]
    close = difflib.get_close_matches(fragments[-1], list(dict.fromkeys(texts)), n=3, cutoff=0.4)
    return Anchor(None, fragments[-1], tuple(close))

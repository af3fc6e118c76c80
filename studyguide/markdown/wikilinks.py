"""The wiki-link token: ``[[target#H1#H2|label]]`` / ``![[...]]`` found, parsed and written back,
Dendron's label-first order, and Obsidian's ``^block-id`` markers. Syntax only: which note a
target means is ``studyguide.links``' business."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Iterator

from .code import Range, open_ranges, protected_ranges

# One token: no nested brackets, no line break; `\|` (a pipe escaped inside a table) and other
# backslash escapes are part of the token.
_INNER = r"(?:[^\[\]\n\\]|\\.)+?"
WIKILINK = re.compile(rf"(?<!\[)(!?)\[\[({_INNER})\]\](?!\])")  # groups: "!" or "", inner
WIKILINK_TOKEN = rf"(?<!\[)!?\[\[{_INNER}\]\](?!\])"  # the same, without groups, for larger patterns
# WIKILINK from its `[[` on: a literal start lets the regex engine jump from `[[` to `[[` (WIKILINK's
# lookbehind and optional `!` make it try every character, ~10x slower on prose). `_matches` checks
# the `(?<!\[)` and the `!` itself; scanning goes through it (find_links, sub_links).
_FROM_BRACKETS = re.compile(rf"\[\[({_INNER})\]\](?!\])")
# `text ^block-id` at the end of a line, or `^block-id` alone on a line (Obsidian: letters,
# digits and dashes).
BLOCK_ID_SUFFIX = re.compile(r"(?:^|[ \t]+)\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$")
_ENDS_WITH_MARKER = re.compile(r"(?:^|\s)\^[A-Za-z0-9][A-Za-z0-9-]*$")
_BLOCK_MARKER = re.compile(r"\^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*$", re.M)


@dataclass(frozen=True)
class WikiLink:
    """One ``[[...]]`` or ``![[...]]`` occurrence.

    ``target`` is the note/file part (``""`` for ``[[#Heading]]``), ``fragments`` the ``#``
    parts (``["H1", "H2"]`` or ``["^block"]``), ``parts`` everything after the first ``|``
    (label, or for images alt/size), unescaped.
    """

    start: int
    end: int
    embed: bool
    target: str
    fragments: tuple[str, ...]
    parts: tuple[str, ...]
    raw: str

    @property
    def label(self) -> str | None:
        return self.parts[0] if self.parts else None

    def shown(self) -> str:
        """What Obsidian shows for the link: its label, else the last heading, else the target."""
        if self.parts and self.parts[-1]:
            return self.parts[0]
        headings = [f for f in self.fragments if not f.startswith("^")]
        if headings and not self.target:
            return headings[-1]
        return self.target or "#".join(self.fragments)


@dataclass(frozen=True)
class BlockMarker:
    start: int  # start of the marker including the whitespace before `^`
    end: int
    block_id: str
    standalone: bool  # the marker is alone on its line (after a list, table or quote)


def split_unescaped(inner: str) -> list[str]:
    """Split on ``|`` and on the table-escaped ``\\|``; other escapes are kept as written."""
    if "\\" not in inner:
        return inner.split("|")
    parts, current, i = [], [], 0
    while i < len(inner):
        char = inner[i]
        if char == "\\" and i + 1 < len(inner):
            if inner[i + 1] == "|":
                parts.append("".join(current))
                current = []
            else:
                current.append(inner[i:i + 2])
            i += 2
            continue
        if char == "|":
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def split_target(head: str) -> tuple[str, tuple[str, ...]]:
    """``note#H1#H2`` -> (``note``, (``H1``, ``H2``)); empty fragments dropped."""
    target, hashed, fragment = head.partition("#")
    fragments = tuple(f.strip() for f in fragment.split("#") if f.strip()) if hashed else ()
    return target.strip(), fragments


def _make_link(start: int, end: int, embed: bool, inner: str, raw: str) -> WikiLink | None:
    parts = [part.strip() for part in split_unescaped(inner)]
    target, fragments = split_target(parts[0])
    rest = tuple(parts[1:])
    if not target and not fragments and not any(rest):
        return None
    return WikiLink(start, end, embed, target, fragments, rest, raw)


def parse_link(raw: str, start: int = 0) -> WikiLink | None:
    """Parse one ``[[...]]`` / ``![[...]]`` string (None when it is not a wiki-link)."""
    match = WIKILINK.fullmatch(raw)
    if match is None:
        return None
    return _make_link(start, start + len(raw), bool(match.group(1)), match.group(2), raw)


def format_link(target: str, fragments: tuple[str, ...] = (), parts: tuple[str, ...] = (),
                embed: bool = False, pipe: str = "|") -> str:
    """The inverse of :func:`parse_link`; ``pipe="\\\\|"`` inside a table."""
    inner = target + "".join("#" + f for f in fragments)
    return ("!" if embed else "") + "[[" + pipe.join((inner, *parts)) + "]]"


def _matches(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool, str]]:
    """(start, end, embed, inner) of each match of ``WIKILINK.finditer(text, start, end)``.

    Found from each ``[[`` (see ``_FROM_BRACKETS``); the lookbehind and the ``!`` are checked here.
    """
    pos = start
    while True:
        match = _FROM_BRACKETS.search(text, pos, end)
        if match is None:
            return
        at = match.start()
        if at and text[at - 1] == "[":  # the (?<!\[), which looks before `start` too
            pos = at + 1
            continue
        # `![[`: an embed, unless the `!` lies before `start` or follows a `[` itself.
        embed = at > start and text[at - 1] == "!" and not (at > 1 and text[at - 2] == "[")
        yield (at - 1 if embed else at), match.end(), embed, match.group(1)
        pos = match.end()


def sub_links(text: str, replace: Callable[[str], str]) -> str:
    """``WIKILINK.sub``, faster: each link (embed ``!`` included) becomes ``replace(inner)``."""
    out, pos = [], 0
    for start, end, _, inner in _matches(text, 0, len(text)):
        out.append(text[pos:start])
        out.append(replace(inner))
        pos = end
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def find_links(text: str, protected: list[Range] | None = None) -> list[WikiLink]:
    """Every wiki-link and embed outside code, math and comments, in document order."""
    if "[[" not in text:
        return []
    if protected is None:
        protected = protected_ranges(text)
    links = []
    for start, end in open_ranges(text, protected):
        for begin, stop, embed, inner in _matches(text, start, end):
            link = _make_link(begin, stop, embed, inner, text[begin:stop])
            if link is not None:
                links.append(link)
    return links


def label_first(link: WikiLink, resolve: Callable[[str], str | None], dendron: bool = False) -> bool:
    """Whether ``[[left|right]]`` is Dendron's ``[[label|note]]``: the target is on the right.

    ``resolve(name)`` returns the rule that matched (``"path"``, ``"name"``, ``"title"``, ...) or
    None. The right side is the target when it carries a ``dendron://`` vault prefix, or when it
    names a note by path or file name (a title is not enough: labels are often titles) and the
    left side names none, or the note is a Dendron note (``dendron``), where label-first is the
    only order.
    """
    if link.embed or len(link.parts) != 1 or not link.parts[0] or link.parts[0].startswith("^"):
        return False
    right = link.parts[0]
    if right.startswith("dendron://"):
        return True
    if not link.target:  # [[#Heading|label]]: a heading of this page
        return False
    if not dendron and resolve(link.target) is not None:  # the usual [[note|label]]
        return False
    return resolve(right.partition("#")[0]) not in (None, "title")


def _ends_with_marker(text: str) -> bool:
    """``_ENDS_WITH_MARKER.search(text)``, tried only from the last ``^`` (a marker there is the only
    one that can end the text); searching a whole paragraph from its start costs ~15x more."""
    caret = text.rfind("^")
    return caret != -1 and _ENDS_WITH_MARKER.search(text, max(0, caret - 1)) is not None


def find_block_markers(text: str, protected: list[Range] | None = None) -> list[BlockMarker]:
    """Every ``^block-id`` marker outside code, math and comments."""
    if "^" not in text:
        return []
    if protected is None:
        protected = protected_ranges(text)
    markers = []
    for start, end in open_ranges(text, protected):
        for match in _BLOCK_MARKER.finditer(text, start, end):
            if match.end() < len(text) and text[match.end()] not in "\r\n":
                continue  # `$` matched at the edge of a code span, not at a line end
            caret = match.start()
            line_start = text.rfind("\n", 0, caret) + 1
            before = text[line_start:caret]
            if not before.strip():
                markers.append(BlockMarker(line_start, match.end(), match.group(1), True))
                continue
            if before[-1] not in " \t" or _ends_with_marker(before.rstrip()):
                continue  # `x^2`, or `^a ^b` (only a lone last marker counts)
            lead = len(before) - len(before.rstrip(" \t"))
            markers.append(BlockMarker(caret - lead, match.end(), match.group(1), False))
    return markers

"""Relative URLs between files of one tree (docs-relative POSIX paths)."""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")  # http:, mailto:, data:, //host ...


@lru_cache(maxsize=65536)
def _relative(from_dir: str, target: str) -> str:
    to_parts, quoted = _parts(target)
    from_parts, from_quoted = _parts(from_dir) if from_dir else ((), ())
    if quoted is None or from_quoted is None:
        return quote(posixpath.relpath(target, from_dir or "."), safe="/")  # not plain: normalise
    # Two plain docs-relative paths: what posixpath.relpath returns, without its abspath/getcwd
    # calls (5x the cost; every link pays it, as each link is a new pair).
    return _walk(from_parts, to_parts, quoted)


def _walk(from_parts: tuple[str, ...], to_parts: tuple[str, ...], shown: tuple[str, ...]) -> str:
    """Up from ``from_parts`` to the prefix it shares with ``to_parts``, then down ``shown`` (the
    target's segments as written in the URL); "." when both are the same folder."""
    common = 0
    for a, b in zip(from_parts, to_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + list(shown[common:])) or "."


@lru_cache(maxsize=16384)
def _parts(path: str) -> tuple[tuple[str, ...], tuple[str, ...] | None]:
    """A path's segments, and each %-encoded (None when a segment is empty, "." or "..").

    Quoting one segment with safe="" equals quoting the whole path with safe="/"; a page links to
    many targets and a target is linked from many pages, so each is split and quoted once.
    """
    parts = tuple(path.split("/"))
    if "" in parts or "." in parts or ".." in parts:
        return parts, None
    return parts, tuple(quote(part, safe="") for part in parts)


def relative_url(from_page: str, target: str, anchor: str | None = None) -> str:
    """Relative, %-encoded URL of ``target`` from the page (or file) ``from_page``."""
    url = _relative(posixpath.dirname(from_page), target)
    return url + (f"#{anchor}" if anchor else "")


def relative_page_url(url: str, other: str) -> str:
    """``url`` relative to the page URL ``other``: MkDocs' ``get_relative_url``, same rule.

    Each page shows links from many pages: their URLs are split and normalised once (cached)
    instead of once per link.
    """
    folder, _, name = other.rpartition("/")
    if "." in name:  # a file: relative to its folder
        other = folder
    url_parts = _url_parts(url)
    relative = _walk(_url_parts(other), url_parts, url_parts)
    return relative + "/" if url.endswith("/") else relative


@lru_cache(maxsize=16384)
def _url_parts(path: str) -> tuple[str, ...]:
    """Segments of a URL path, normalised as MkDocs does (leading "/" ignored, ".." applied)."""
    if not path.startswith("/"):
        path = "/" + path
    path = posixpath.normpath(path)[1:]
    return tuple(path.split("/")) if path else ()


def is_external(url: str) -> bool:
    return bool(SCHEME.match(url))

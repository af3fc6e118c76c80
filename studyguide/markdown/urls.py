"""Relative URLs between files of one tree (docs-relative POSIX paths)."""
from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:|^//")  # http:, mailto:, data:, //host ...


@lru_cache(maxsize=65536)
def _relative(from_dir: str, target: str) -> str:
    return quote(posixpath.relpath(target, from_dir or "."), safe="/")


def relative_url(from_page: str, target: str, anchor: str | None = None) -> str:
    """Relative, %-encoded URL of ``target`` from the page (or file) ``from_page``."""
    url = _relative(posixpath.dirname(from_page), target)
    return url + (f"#{anchor}" if anchor else "")


def is_external(url: str) -> bool:
    return bool(SCHEME.match(url))

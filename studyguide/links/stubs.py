"""The stub an unresolved link becomes, and the ranges a rewrite never touches.

A rewrite's own output must read back unchanged (rewriting is idempotent): a stub has no brackets,
so between literal brackets (``[[|[[nope]]|]]`` becomes ``[[|<span ...>nope</span>|]]``) it
would otherwise complete a new wiki-link on the next pass. So stubs, like code, math and comments,
are left alone.
"""
from __future__ import annotations

import html
import re

from studyguide.markdown.code import Range, merge_ranges, protected_ranges

_CLASS = 'class="wikilink-missing"'
# html.escape leaves no "<" or ">" in the title or the label.
_STUB = re.compile(rf"<span {_CLASS} title=\"[^\"<>]*\">[^<>]*</span>")


def missing_stub(title: str, label: str) -> str:
    return f'<span {_CLASS} title="{html.escape(title)}">{html.escape(label)}</span>'


def untouched_ranges(text: str) -> list[Range]:
    """``protected_ranges`` (code, math, comments) plus the missing-link stubs of ``text``."""
    ranges = protected_ranges(text)
    if _CLASS not in text:
        return ranges
    return merge_ranges(ranges + [m.span() for m in _STUB.finditer(text)])

"""Obsidian comments ``%%...%%`` are hidden in the app: keep them only as HTML comments.

Inside the comment, ``-->`` is defused and fence lines are made inert (```` ``` ```` -> ``&#96;&#96;&#96;``)
so a fenced block inside a comment (Excalidraw drawings) cannot end or break it.
"""
from __future__ import annotations

import re

from . import NoteContext

COMMENT = re.compile(r"%%(.*?)%%", re.S)


def _inert(content: str) -> str:
    content = content.replace("-->", "-- >").replace("<!--", "< !--")
    return re.sub(r"(?m)^([ \t]*)(`{3,}|~{3,})", lambda m: m.group(1) + m.group(2).replace("`", "&#96;").replace("~", "&#126;"), content)


def apply(text: str, ctx: NoteContext, unmask) -> str:
    if "%%" not in text:
        return text
    lines = ctx.lines(text)

    def replace(match: re.Match) -> str:
        ctx.report("comment-hidden", "Obsidian %%comment%% kept as a hidden HTML comment", lines.line(match.start()), "info")
        return "<!--" + _inert(unmask(match.group(1))) + "-->"

    return COMMENT.sub(replace, text)

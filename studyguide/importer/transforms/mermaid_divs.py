"""``<div class="mermaid">`` (HTML-escaped arrows such as ``--&gt;``) -> a ```` ```mermaid ```` fence.

Reuses the project's converter (``studyguide.fences.convert_legacy_mermaid``, also used by the
funnel hook) so the site and the importer agree; ``<pre class="mermaid">`` is handled here too.
"""
from __future__ import annotations

import html
import re
import textwrap

from studyguide.fences import convert_legacy_mermaid

from . import NoteContext

PRE = re.compile(r"""^(?P<indent>[ \t]*)<pre\s+class\s*=\s*["']mermaid["']\s*>(?P<body>.*?)</pre>[ \t]*$""", re.S | re.M)


def _pre(match: re.Match) -> str:
    indent = match["indent"]
    source = html.unescape(textwrap.dedent(match["body"]).strip("\n"))
    lines = [line.rstrip() for line in source.split("\n") if line.strip()]
    return "\n".join([f"{indent}```mermaid", *(indent + line for line in lines), f"{indent}```"])


def apply(text: str, ctx: NoteContext, unmask) -> str:
    if "mermaid" not in text:
        return text
    # the div bodies may hold masked inline code (backticks in labels): unmask them first
    text, count = convert_legacy_mermaid(text)
    text, pre_count = PRE.subn(_pre, text)
    if count + pre_count:
        ctx.report("mermaid-converted", f"{count + pre_count} HTML Mermaid block(s) converted to ```mermaid fences",
                   None, "info")
    return text

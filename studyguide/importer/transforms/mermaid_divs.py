"""``<div class="mermaid">`` / ``<pre class="mermaid">`` with HTML-escaped arrows (``--&gt;``) -> a
```` ```mermaid ```` fence, with the project's converter (``studyguide.mermaid``, also used by the
funnel hook), so the site and the importer convert the same blocks."""
from __future__ import annotations

from studyguide.mermaid import convert_legacy_mermaid

from . import NoteContext


def apply(text: str, ctx: NoteContext, unmask=None) -> str:
    if "mermaid" not in text:
        return text
    text, count = convert_legacy_mermaid(text)
    if count:
        ctx.report("mermaid-converted", f"{count} HTML Mermaid block(s) converted to ```mermaid fences",
                   None, "info")
    return text

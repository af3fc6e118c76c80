"""Block ids: ``text ^my-id`` / a ``^my-id`` line become element ids, and the marker disappears.

* on a heading line: the marker is removed; links to ``#^my-id`` target the heading's toc id
  (an element has one id, and the toc id must stay what ``[[Page#Heading]]`` links expect);
* at the end of a paragraph or list item: replaced by an attr_list ``{ #^my-id }`` (needs
  ``attr_list``), so the ``<p>``/``<li>`` itself carries ``id="^my-id"``;
* alone on a line after a list, table or quote: the line is removed and an empty
  ``<div id="^my-id" class="wikilink-block-anchor"></div>`` is inserted before that block.

Each function returns edits ``(start, end, replacement)``; ``start == end`` is an insertion.
"""
from __future__ import annotations

import re

from studyguide.markdown.lines import line_bounds
from studyguide.markdown.wikilinks import BlockMarker

Edit = tuple[int, int, str]
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*")


def _previous_block_start(text: str, line_start: int) -> int | None:
    """Start of the non-blank block just above ``line_start`` (blank lines skipped)."""
    end = line_start
    while end > 0:
        prev = text.rfind("\n", 0, end - 1) + 1
        if text[prev:end].strip():
            break
        end = prev
    if end == 0:
        return None
    start = text.rfind("\n", 0, end - 1) + 1
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev:start].strip():
            break
        start = prev
    return start


def block_edits(text: str, markers: list[BlockMarker], heading_lines: set[int],
                strip: bool = False) -> list[Edit]:
    """Edits that turn ``markers`` into ids (or, with ``strip``, just remove them).

    ``heading_lines``: start offsets of the heading lines of ``text``.
    """
    edits: list[Edit] = []
    for marker in markers:
        line_start, line_end = line_bounds(text, marker.start)
        if marker.standalone:
            # Remove the whole `^id` line (keep the newline that ends the previous line).
            end = line_end + 1 if line_end < len(text) else line_end
            edits.append((line_start, end, ""))
            if strip:
                continue
            block_start = _previous_block_start(text, line_start)
            if block_start is None:
                edits[-1] = (line_start, end, f'<div id="^{marker.block_id}" '
                             'class="wikilink-block-anchor"></div>\n')
                continue
            prefix = _PREFIX.match(text, block_start).group(0)
            at = block_start + len(prefix)
            edits.append((at, at,
                          f'<div id="^{marker.block_id}" class="wikilink-block-anchor"></div>\n'
                          f'{prefix.rstrip()}\n{prefix}'))
            continue
        if strip or line_start in heading_lines:
            edits.append((marker.start, marker.end, ""))
        else:
            # attr_list wants a block's attributes alone on the block's last line.
            prefix = _PREFIX.match(text, line_start).group(0)
            item = re.match(r"(?:[-*+]|\d+[.)])[ \t]+", text[line_start + len(prefix):line_end])
            if item:
                prefix = prefix + " " * len(item.group(0))
            edits.append((marker.start, marker.end, f"\n{prefix}{{: #^{marker.block_id} }}"))
    return edits

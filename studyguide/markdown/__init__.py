"""The Markdown core: the syntax every other package reads the same way (no MkDocs import).

* ``frontmatter``: split a page into front matter and body (with the body's line), parse the YAML;
* ``code``: fenced blocks with line numbers, and the ranges that are code, math or comments;
* ``wikilinks``: the ``[[...]]`` token, its parse and format, Dendron's label-first rule, ``^ids``;
* ``headings``: heading text as the ``toc`` extension sees it, its id, sections;
* ``lines``: offsets to line numbers;
* ``urls``: relative URLs between pages.

The link layer (``studyguide.links``), the importer, the case-study code and the hooks build on
it; none of them scans Markdown syntax on its own.
"""
from .code import Fence, fenced_lines, in_ranges, open_ranges, protected_ranges, scan_fences
from .frontmatter import FrontMatterError, Split, parse as parse_front_matter, split as split_front_matter
from .headings import Heading, default_slugify, heading_parts, heading_text, scan_headings
from .lines import LineMap, line_bounds
from .urls import is_external, relative_url
from .wikilinks import BlockMarker, WikiLink, find_block_markers, find_links, format_link, label_first, parse_link

__all__ = [
    "BlockMarker", "Fence", "FrontMatterError", "Heading", "LineMap", "Split", "WikiLink",
    "default_slugify", "fenced_lines", "find_block_markers", "find_links", "format_link",
    "heading_parts", "heading_text", "in_ranges", "is_external", "label_first", "line_bounds",
    "open_ranges", "parse_front_matter", "parse_link", "protected_ranges", "relative_url",
    "scan_fences", "scan_headings", "split_front_matter",
]

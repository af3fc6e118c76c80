"""Read the practice material out of the site's own Markdown: glossary entries, abbreviation
tooltips, follow-up questions of a page, display formulas and published scale figures.

Every reader takes text (no file system, no MkDocs) and returns plain records; deck.py turns them
into cards. The readers are generic: any page with a `## Follow-up questions` section of
`??? question "..."` blocks, any `$$` formula block, any case with a published `scale` figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from studyguide.markdown import fenced_lines, protected_ranges, scan_headings, split_front_matter
from studyguide.practice.text import plain, wiki_targets


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    expansion: str  # '' when the entry has none
    definition: str  # plain text, without the trailing "See [[page]]."
    see: tuple[str, ...]  # wiki-link page names from "See [[...]]"


@dataclass(frozen=True)
class Abbreviation:
    short: str
    expansion: str


@dataclass(frozen=True)
class FollowUp:
    question: str
    answer: str  # plain text
    section: str  # heading id of the follow-up section on its page


@dataclass(frozen=True)
class Formula:
    tex: str
    heading: str  # nearest heading above it ('' if none)
    anchor: str  # its id
    lead_in: str  # the sentence that introduces it ('' if none)


@dataclass(frozen=True)
class Figure:
    cloze: str  # the figure with its first number blanked out
    number: str  # the blanked number
    figure: str  # the whole figure
    source: str


def _strip_front_matter(markdown: str) -> str:
    return split_front_matter(markdown).body


# --- glossary ----------------------------------------------------------------------------------

_ENTRY = re.compile(r"^- \*\*(?P<term>.+?)\*\*(?: \((?P<exp>[^)]*?)\)(?P<suffix>[^:]*))?:\s*(?P<body>.*)$", re.S)
_SEE = re.compile(r"\s*See (?P<links>(?:\[\[[^\]]+\]\](?:,\s*|\s+and\s+|\s*)?)+)\.?\s*$")


def _list_items(markdown: str) -> list[str]:
    """Top-level '- ' list items with their indented continuation lines joined."""
    items: list[str] = []
    for line in _strip_front_matter(markdown).splitlines():
        if line.startswith("- "):
            items.append(line)
        elif items and line.startswith("  ") and line.strip():
            items[-1] += " " + line.strip()
        elif not line.strip() and items and not items[-1].endswith("\n"):
            items[-1] += "\n"  # a blank line ends the item
        else:
            if items and not items[-1].endswith("\n"):
                items[-1] += "\n"
    return [item.strip() for item in items]


def glossary_entries(markdown: str) -> list[GlossaryEntry]:
    """Entries written `- **Term** (expansion): definition. See [[page]].`"""
    entries = []
    for item in _list_items(markdown):
        match = _ENTRY.match(item)
        if not match:
            continue
        body = match.group("body")
        see_match = _SEE.search(body)
        see: tuple[str, ...] = ()
        if see_match:
            see = tuple(page for page, _ in wiki_targets(see_match.group("links")))
            body = body[: see_match.start()]
        definition = plain(body).rstrip()
        if not definition:
            continue
        term = plain(match.group("term") + (match.group("suffix") or ""))
        entries.append(GlossaryEntry(term, plain(match.group("exp") or ""),
                                     definition, see))
    return entries


# --- abbreviations -----------------------------------------------------------------------------

_ABBR = re.compile(r"^\*\[(?P<short>[^\]]+)\]:\s*(?P<exp>.+?)\s*$")


def abbreviations(markdown: str) -> list[Abbreviation]:
    """Python-Markdown `abbr` definitions: `*[CTR]: Click-through rate`."""
    found = []
    for line in markdown.splitlines():
        match = _ABBR.match(line)
        if match:
            found.append(Abbreviation(match.group("short").strip(), match.group("exp")))
    return found


# --- sections, follow-up questions, clarifying questions ---------------------------------------

def section(markdown: str, title: str) -> tuple[list[str], str] | None:
    """(lines, heading id) of the section headed `title` (case-insensitive), up to the next heading
    of the same or a higher level; None if the page has no such section."""
    body = _strip_front_matter(markdown)
    for heading in scan_headings(body, protected_ranges(body)):
        if heading.text.strip().lower() == title.lower():
            return body[heading.end:heading.section_end].splitlines(), heading.id
    return None


_QUESTION = re.compile(r'^\?\?\?\+?\s+question\s+"(?P<q>.+)"\s*$')


def follow_ups(markdown: str, title: str = "Follow-up questions") -> list[FollowUp]:
    """Each `??? question "..."` block of the follow-up section, with its indented answer."""
    found_section = section(markdown, title)
    if found_section is None:
        return []
    lines, anchor = found_section
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _QUESTION.match(line)
        if match:
            found.append((match.group("q"), []))
        elif found and (line.startswith("    ") or not line.strip()):
            found[-1][1].append(line[4:])
        elif found and line.strip():
            found.append(("", []))  # text outside a block ends the previous answer
    return [FollowUp(plain(q), plain(" ".join(a)), anchor) for q, a in found if q and plain(" ".join(a))]


def clarifying_questions(markdown: str, title: str = "Clarifying questions") -> list[str]:
    """The first column of the clarifying-questions table (without its header row)."""
    lines = (section(markdown, title) or ([], ""))[0]
    rows = [line for line in lines if line.lstrip().startswith("|")]
    questions = []
    for row in rows[2:]:  # header and separator
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        if cells and cells[0]:
            questions.append(plain(cells[0]))
    return questions


# --- formulas ----------------------------------------------------------------------------------

def formulas(markdown: str) -> list[Formula]:
    """Display formulas (`$$` blocks at the top level; worked examples inside admonitions are
    left out), each with its nearest heading and the sentence that introduces it."""
    body = _strip_front_matter(markdown)
    code = fenced_lines(body)
    headings = {body.count("\n", 0, h.start): h for h in scan_headings(body, protected_ranges(body))}
    found: list[Formula] = []
    heading = anchor = ""
    paragraph: list[str] = []
    last_paragraph = ""
    tex: list[str] | None = None
    for number, line in enumerate(body.split("\n")):
        in_code = number in code
        if tex is not None:
            if line.strip() == "$$" or line.rstrip().endswith("$$"):
                tail = line.rstrip()[:-2]
                if tail.strip():
                    tex.append(tail)
                found.append(Formula("\n".join(t.strip() for t in tex).strip(), heading, anchor,
                                     _lead_in(last_paragraph)))
                tex = None
            else:
                tex.append(line)
            continue
        if in_code:
            continue
        if number in headings:
            heading, anchor = headings[number].text, headings[number].id
            paragraph, last_paragraph = [], ""
            continue
        if line.startswith("$$"):
            last_paragraph = " ".join(paragraph) or last_paragraph
            paragraph = []
            rest = line[2:]
            if rest.rstrip().endswith("$$") and rest.strip() != "":
                found.append(Formula(rest.rstrip()[:-2].strip(), heading, anchor, _lead_in(last_paragraph)))
            else:
                tex = [rest] if rest.strip() else []
            continue
        if line.strip() and not line.startswith((" ", "\t", "!!!", "???", "|", "<")):
            paragraph.append(line.strip())
        elif not line.strip():
            if paragraph:
                last_paragraph = " ".join(paragraph)
            paragraph = []
        else:
            paragraph, last_paragraph = [], ""
    return [f for f in found if f.tex]


def _lead_in(paragraph: str) -> str:
    """The last sentence of the paragraph just before a formula, if it introduces it (ends ':')."""
    text = plain(paragraph)
    if not text.endswith(":"):
        return ""
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", text)
    return sentences[-1].rstrip(":").strip()


# --- published figures -------------------------------------------------------------------------

_NUMBER = re.compile(r"[+\-]?\d[\d,.]*(?:\s?(?:%|[KMBT]\b|[KMBT](?=[- ])|-dimensional|-d\b))?")
UNPUBLISHED_SOURCES = ("assumption", "estimate", "back-of-the-envelope")


def is_published(source: str) -> bool:
    return not source.strip().lower().startswith(UNPUBLISHED_SOURCES)


def figure_cloze(figure: str, source: str) -> Figure | None:
    """Blank out the first number of a published figure; None when it has no number."""
    match = _NUMBER.search(figure)
    if not match:
        return None
    number = match.group(0).strip()
    cloze = figure[: match.start()] + "____" + figure[match.end():]
    return Figure(cloze, number, figure, source)

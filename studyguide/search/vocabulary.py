"""The site's own vocabulary, read from docs/ at build time: no hand-written list of query rewrites.

* `includes/abbreviations.md` (`*[MRR]: Mean reciprocal rank`) gives abbreviation/expansion pairs.
* `docs/glossary.md` entries (`- **PYMK** (people you may know): ... See [[people-you-may-know]].`)
  give a term, its expansions or synonyms (the parenthesis, split on commas and "or"), and the page
  that teaches it; that page is enriched with the term, so a query for the term's meaning finds the
  page about it rather than every page that merely mentions the words.
* Page `aliases` are synonyms of the page title.

A synonym group is a list of phrases (lower-case) that mean the same thing; the worker expands a query
that contains one phrase of a group with the others.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

ABBREVIATION = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*(?P<expansion>.+?)\s*$", re.M)
# A glossary entry: a list item that starts with a bold term, up to the next list item or heading.
ENTRY = re.compile(r"^- \*\*(?P<term>[^*]+)\*\*(?P<body>.*?)(?=^- \*\*|^#|\Z)", re.M | re.S)
PARENTHESIS = re.compile(r"^\s*\((?P<inner>[^)]*)\)")
SEE = re.compile(r"See \[\[(?P<target>[^\]|#]+)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]")
SPLIT_ALTERNATIVES = re.compile(r",\s*|\s+or\s+|;\s*")
# Remarks in parentheses that qualify an expansion rather than name it ("(graph-based ANN index)").
REMARK = re.compile(r"\s*\([^)]*\)")
# Parenthesised notes that are not synonyms: "as written in information retrieval", "Google, 2018".
NOT_A_NAME = re.compile(r"\b(as written|in force|\d{4})\b", re.I)


@dataclass(frozen=True)
class GlossaryEntry:
    term: str
    synonyms: tuple[str, ...]  # expansions and alternative names from the parenthesis
    definition: str
    target: str | None  # the page named by "See [[...]]", as written


@dataclass
class Vocabulary:
    groups: list[list[str]] = field(default_factory=list)  # synonym groups, lower-case phrases
    page_terms: dict[str, list[str]] = field(default_factory=dict)  # page key -> glossary names of it

    def add_group(self, phrases) -> None:
        group = []
        for phrase in phrases:
            phrase = normalise(phrase)
            if phrase and phrase not in group:
                group.append(phrase)
        if len(group) > 1:
            self.groups.append(group)


def normalise(phrase: str) -> str:
    return " ".join(REMARK.sub("", phrase).replace("&", " and ").lower().split()).strip(" .")


def parse_abbreviations(text: str) -> list[tuple[str, str]]:
    """[('MRR', 'Mean reciprocal rank'), ...] from Markdown abbreviation definitions."""
    return [(m["abbr"].strip(), REMARK.sub("", m["expansion"]).strip()) for m in ABBREVIATION.finditer(text)]


def parse_glossary(text: str) -> list[GlossaryEntry]:
    entries = []
    for m in ENTRY.finditer(text):
        body = " ".join(m["body"].split())
        synonyms: tuple[str, ...] = ()
        paren = PARENTHESIS.match(body)
        if paren:
            body = body[paren.end():]
            if not NOT_A_NAME.search(paren["inner"]):
                synonyms = tuple(s.strip() for s in SPLIT_ALTERNATIVES.split(paren["inner"]) if s.strip())
        see = SEE.search(body)
        definition = SEE.sub("", body).lstrip(": ").strip()
        entries.append(GlossaryEntry(m["term"].strip(), synonyms, definition, see["target"].strip() if see else None))
    return entries


def build_vocabulary(
    abbreviations: list[tuple[str, str]],
    glossary: list[GlossaryEntry],
    aliases: dict[str, list[str]],
    resolve,
) -> Vocabulary:
    """`aliases`: page key -> [title, alias, ...]; `resolve(target)` -> page key or None."""
    vocabulary = Vocabulary()
    for abbr, expansion in abbreviations:
        vocabulary.add_group([abbr, expansion])
    for entry in glossary:
        vocabulary.add_group([entry.term, *entry.synonyms])
        page = resolve(entry.target) if entry.target else None
        if page:
            names = vocabulary.page_terms.setdefault(page, [])
            for name in (entry.term, *entry.synonyms):
                name = normalise(name)
                if name and name not in names:
                    names.append(name)
    for names in aliases.values():
        vocabulary.add_group(names)
    return vocabulary

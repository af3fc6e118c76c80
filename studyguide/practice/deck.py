"""Spaced-repetition cards generated from the site's content.

A card's id is `<deck>-<hash>`, the hash taken from the deck, the card's source and the
fingerprint of its *answer* (text.fingerprint: letters and digits only). So:

- editing the front (rewording a question) keeps the id, and the reader's review history;
- whitespace, punctuation or case edits of the answer keep it too;
- a changed answer (a different word or number) gives a new id: the old history no longer
  applies, so the card starts over as new.

The deck records each card's id and answer fingerprint, so the front end (and a reviewer of the
JSON) can see what an id stands for.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import PurePosixPath

from studyguide.cases import CaseStudy
from studyguide.practice import sources
from studyguide.practice.text import fingerprint, short_hash

DECKS = {
    "glossary": "Glossary terms",
    "abbreviations": "Abbreviations",
    "follow-ups": "Follow-up questions",
    "formulas": "Key formulas",
    "figures": "Published figures",
}
DECK_FORMAT = "ml-system-design-guide/deck"
DECK_VERSION = 1
FORMULA_FOLDERS = ("framework", "topics")


@dataclass(frozen=True)
class Card:
    deck: str
    front: str
    back: str
    source: str  # docs-relative page the card comes from
    url: str = ""  # link to the page (and section) that teaches it, relative to the site root
    link: str = ""  # the link's text
    context: str = ""  # shown above the front (page, section)
    tex: str = ""  # the answer is this formula (rendered with KaTeX)
    id: str = ""
    answer: str = field(default="", repr=False)  # fingerprint of the answer

    def to_json(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v != ""}


def with_ids(cards: Iterable[Card]) -> list[Card]:
    """Give each card its content id; two cards of one deck with the same answer and source are
    told apart by their fronts (and, if those match too, by their order)."""
    out: list[Card] = []
    seen: set[str] = set()
    for card in cards:
        answer = fingerprint(card.tex or card.back)
        card_id = f"{card.deck}-{short_hash(card.deck, card.source, answer)}"
        if card_id in seen:
            card_id = f"{card.deck}-{short_hash(card.deck, card.source, answer, fingerprint(card.front))}"
        n = 1
        base = card_id
        while card_id in seen:
            n += 1
            card_id = f"{base}-{n}"
        seen.add(card_id)
        out.append(Card(**{**asdict(card), "id": card_id, "answer": short_hash(answer, length=12)}))
    return out


def _page_index(pages: Mapping[str, str]) -> dict[str, str]:
    """Page name (file stem, lower case) -> src_uri, for the glossary's "See [[page]]" links."""
    index: dict[str, str] = {}
    for src_uri in sorted(pages):
        index.setdefault(PurePosixPath(src_uri).stem.lower(), src_uri)
    return index


def glossary_cards(glossary_md: str, pages: Mapping[str, str], url: Callable[[str], str],
                   title: Callable[[str], str], src: str = "glossary.md") -> list[Card]:
    index = _page_index(pages)
    cards = []
    for entry in sources.glossary_entries(glossary_md):
        back = f"{entry.expansion}: {entry.definition}" if entry.expansion else entry.definition
        target = next((index[p.lower()] for p in entry.see if p.lower() in index), src)
        cards.append(Card("glossary", f"What is {entry.term}?", back, src, url(target), title(target)))
    return cards


def abbreviation_cards(abbreviations_md: str, url: Callable[[str], str],
                       src: str = "glossary.md") -> list[Card]:
    return [Card("abbreviations", f"What does {a.short} stand for?", a.expansion, src, url(src), "Glossary")
            for a in sources.abbreviations(abbreviations_md)]


def follow_up_cards(pages: Mapping[str, str], url: Callable[[str], str],
                    title: Callable[[str], str]) -> list[Card]:
    cards = []
    for src_uri, markdown in pages.items():
        for item in sources.follow_ups(markdown):
            cards.append(Card("follow-ups", item.question, item.answer, src_uri,
                              f"{url(src_uri)}#{item.section}", f"{title(src_uri)}: follow-up questions",
                              context=title(src_uri)))
    return cards


def formula_cards(pages: Mapping[str, str], url: Callable[[str], str],
                  title: Callable[[str], str]) -> list[Card]:
    cards = []
    for src_uri, markdown in pages.items():
        if src_uri.split("/")[0] not in FORMULA_FOLDERS:
            continue
        for formula in sources.formulas(markdown):
            what = formula.heading or title(src_uri)
            front = f"Write the formula: {what}"
            if formula.lead_in:
                front += f" ({formula.lead_in})"
            link = f"{url(src_uri)}#{formula.anchor}" if formula.anchor else url(src_uri)
            cards.append(Card("formulas", front, formula.tex, src_uri, link,
                              f"{title(src_uri)}: {what}", context=title(src_uri), tex=formula.tex))
    return cards


def figure_cards(cases: Iterable[tuple[str, CaseStudy]], url: Callable[[str], str]) -> list[Card]:
    """Published scale figures of the cases (not assumptions), as cloze cards."""
    cards = []
    for src_uri, case in cases:
        for scale in case.scale:
            if not sources.is_published(scale.source):
                continue
            cloze = sources.figure_cloze(scale.figure, scale.source)
            if cloze is None:
                continue
            cards.append(Card("figures", f"{cloze.cloze} ({cloze.source})",
                              f"{cloze.number}: {cloze.figure}", src_uri, url(src_uri), case.title,
                              context=case.title))
    return cards


def build_deck(pages: Mapping[str, str], abbreviations_md: str, cases: Mapping[str, CaseStudy],
               url: Callable[[str], str] = lambda s: s,
               title: Callable[[str], str] = lambda s: s,
               glossary_src: str = "glossary.md") -> dict:
    """The whole deck as JSON-ready data: {format, version, decks: {key: title}, cards: [...]}.

    `pages`: docs-relative path -> Markdown of every page; `url`/`title` name a page."""
    glossary_md = pages.get(glossary_src, "")
    cards = [
        *glossary_cards(glossary_md, pages, url, title, glossary_src),
        *abbreviation_cards(abbreviations_md, url, glossary_src),
        *follow_up_cards(pages, url, title),
        *formula_cards(pages, url, title),
        *figure_cards(sorted(cases.items()), url),
    ]
    cards = with_ids(cards)
    return {
        "format": DECK_FORMAT,
        "version": DECK_VERSION,
        "decks": [{"key": key, "title": name, "cards": sum(c.deck == key for c in cards)}
                  for key, name in DECKS.items()],
        "cards": [card.to_json() for card in cards],
    }

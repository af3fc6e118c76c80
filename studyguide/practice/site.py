"""The generated files of practice mode, from a docs tree given as {src_uri: Markdown}."""
from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping

from studyguide.cases import CaseStudy
from studyguide.cases.load import nav_paths
from studyguide.practice.data import practice_data
from studyguide.practice.deck import build_deck

SITE_FOLDER = "assets/practice"
# The front end reads the .js copies (a <script> works from file://, where fetch() of a JSON file
# does not); the .json copies are the same data for anyone else.
GLOBALS = {"deck": "StudyGuideDeck", "deck-index": "StudyGuideDeckIndex", "practice": "StudyGuidePracticeData"}

_TITLE = re.compile(r"^title:\s*[\"']?(.+?)[\"']?\s*$", re.M)
_H1 = re.compile(r"^#\s+(.+?)\s*$", re.M)


def in_nav_order(nav, sources) -> list[str]:
    """The docs-relative paths in `sources`, in the order of the nav; the rest follow, sorted."""
    order = [path for path in dict.fromkeys(nav_paths(nav)) if path in sources]
    return order + sorted(set(sources) - set(order))


def page_title(src_uri: str, markdown: str) -> str:
    """Front matter `title:`, else the first H1, else the file name."""
    head = re.match(r"\A---\s*\n(.*?)\n---", markdown, re.S)
    match = _TITLE.search(head.group(1)) if head else None
    if not match:
        match = _H1.search(markdown)
    if match:
        return match.group(1).strip()
    return src_uri.rsplit("/", 1)[-1].removesuffix(".md").replace("-", " ").capitalize()


def generated_files(pages: Mapping[str, str], abbreviations_md: str,
                    cases: Mapping[str, CaseStudy], url: Callable[[str], str],
                    typeset: Callable[[list[str]], dict[str, str]] | None = None) -> dict[str, str]:
    """{site path: content} of the deck and the practice data, as JSON and as scripts.

    `typeset` (display TeX -> KaTeX HTML) lets formula cards carry their answer typeset at build
    time, like every formula of the site: no page loads KaTeX's JavaScript."""
    titles = {src: page_title(src, text) for src, text in pages.items()}

    def title(src: str) -> str:
        return titles.get(src, src)

    deck = build_deck(pages, abbreviations_md, cases, url, title)
    if typeset is not None:
        typeset_formula_cards(deck["cards"], typeset)
    data = {
        "deck": deck,
        # What the progress page needs (due counts per deck and page), a tenth of the deck's size.
        "deck-index": {**deck, "cards": [{k: card[k] for k in ("id", "deck", "source")} for card in deck["cards"]]},
        "practice": practice_data(pages, cases, url, title),
    }
    out = {}
    for name, value in data.items():
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        out[f"{SITE_FOLDER}/{name}.json"] = text
        out[f"{SITE_FOLDER}/{name}.js"] = f"window.{GLOBALS[name]} = {text};\n"
    return out


def typeset_formula_cards(cards: list[dict], typeset: Callable[[list[str]], dict[str, str]]) -> None:
    """Add `html` (typeset once per distinct TeX) to every card whose answer is a formula."""
    html = typeset(sorted({card["tex"] for card in cards if card.get("tex")}))
    for card in cards:
        if card.get("tex"):
            card["html"] = html[card["tex"]]

"""`python -m studyguide.practice [docs] [includes/abbreviations.md]`: deck sizes per source."""
from __future__ import annotations

import sys
from pathlib import Path

from studyguide.cases import is_case_study, load_case_file
from studyguide.practice import build_deck


def main(argv: list[str]) -> int:
    docs = Path(argv[0] if argv else "docs")
    abbreviations = Path(argv[1] if len(argv) > 1 else "includes/abbreviations.md")
    pages = {p.relative_to(docs).as_posix(): p.read_text(encoding="utf-8")
             for p in sorted(docs.rglob("*.md"))}
    cases = {src: load_case_file(docs / src, text) for src, text in pages.items() if is_case_study(src)}
    deck = build_deck(pages, abbreviations.read_text(encoding="utf-8"), cases)
    for entry in deck["decks"]:
        print(f"{entry['key']:15} {entry['cards']:4}  {entry['title']}")
    print(f"{'total':15} {len(deck['cards']):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

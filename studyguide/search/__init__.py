"""Search that finds what a reader means (issue 12).

The build turns Material's per-section search documents, each page's front matter and the site's
own vocabulary (the glossary and the abbreviation list) into one compact index that a small web
worker (`overrides/assets/javascripts/search/worker.js`) ranks with BM25F over page fields, query
expansion by that vocabulary, phrase and coverage bonuses and typo tolerance. No MkDocs import here:
`hooks/search.py` adapts MkDocs events to these functions.

    vocabulary.py   glossary entries, abbreviations, aliases -> synonym groups and per-page terms
    index.py        the index the worker loads (JSON, and a JS file for the file:// copy)
"""
from studyguide.search.index import PageMeta, build_index, index_js
from studyguide.search.vocabulary import GlossaryEntry, Vocabulary, parse_abbreviations, parse_glossary

__all__ = [
    "GlossaryEntry",
    "PageMeta",
    "Vocabulary",
    "build_index",
    "index_js",
    "parse_abbreviations",
    "parse_glossary",
]

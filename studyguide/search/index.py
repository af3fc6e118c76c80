"""The search index the worker loads, built after MkDocs has written Material's search documents.

Shape (`docs` is what Material's SETUP message hands the worker; `config` stays Material's, because
Material's in-page highlighter reads its separator):

    {"config": {...},
     "docs": {"version": 1,
              "pages": [{"loc": "topics/metrics/", "title": ..., "description": ..., "aliases": [...],
                         "tags": [...], "terms": [...glossary names...], "boost": 1.0}, ...],
              "sections": [[page index, "#anchor" or "", section title, plain text], ...],
              "synonyms": [["mrr", "mean reciprocal rank"], ...]}}

Section text is plain text (Material's is HTML): smaller, and the worker escapes and highlights it.
"""
from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field

from studyguide.search.vocabulary import Vocabulary

TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")
VERSION = 1


@dataclass
class PageMeta:
    title: str
    description: str = ""
    aliases: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    boost: float = 1.0


def plain_text(fragment: str) -> str:
    return SPACE.sub(" ", html.unescape(TAG.sub(" ", fragment))).strip()


def build_index(material: dict, pages: dict[str, PageMeta], vocabulary: Vocabulary) -> dict:
    """`material`: Material's search_index.json; `pages`: page location -> its front matter."""
    page_order: dict[str, int] = {}
    out_pages: list[dict] = []
    sections: list[list] = []
    for doc in material["docs"]:
        location = doc["location"]
        path, _, anchor = location.partition("#")
        if path not in page_order:
            meta = pages.get(path) or PageMeta(title=plain_text(doc.get("title", "")))
            page_order[path] = len(out_pages)
            out_pages.append(
                {
                    "loc": path,
                    "title": meta.title or plain_text(doc.get("title", "")),
                    "description": meta.description,
                    "aliases": meta.aliases,
                    "tags": meta.tags or doc.get("tags", []),
                    "terms": vocabulary.page_terms.get(path, []),
                    "boost": meta.boost if meta.boost != 1.0 else doc.get("boost", 1.0),
                }
            )
        sections.append([page_order[path], f"#{anchor}" if anchor else "", plain_text(doc.get("title", "")), plain_text(doc.get("text", ""))])
    return {
        "config": material["config"],
        "docs": {"version": VERSION, "pages": out_pages, "sections": sections, "synonyms": vocabulary.groups},
    }


def index_js(index: dict) -> str:
    """The same index as the classic script Material loads from file:// (it reads `__index`)."""
    return "var __index = " + json.dumps(index, ensure_ascii=False, separators=(",", ":")) + ";\n"

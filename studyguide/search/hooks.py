"""The build-side steps of search, kept out of hooks/ so they are testable without MkDocs events."""
from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from studyguide.search.index import PageMeta, build_index, index_js
from studyguide.search.vocabulary import build_vocabulary, parse_abbreviations, parse_glossary

# Material writes its worker's path into every page's __config; ours replaces it.
MATERIAL_WORKER = re.compile(r"assets/javascripts/workers/search\.[0-9a-f]+\.min\.js")
OUR_WORKER = "assets/javascripts/search/worker.js"
INDEX_JSON = "search/studyguide_index.json"  # the full index, fetched by the worker on demand
MATERIAL_JSON = "search/search_index.json"  # fetched by Material on every page load: now a stub
MATERIAL_JS = "search/search_index.js"  # loaded by Material from file:// when search opens: full


def as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


class SearchBuild:
    def __init__(self) -> None:
        self.reset(Path("docs"), [], [])

    def reset(self, docs_dir: Path, snippet_dirs: list[Path], snippet_files: list[str]) -> None:
        self.docs_dir = docs_dir
        self.snippet_dirs = snippet_dirs
        self.snippet_files = snippet_files
        self.pages: dict[str, PageMeta] = {}
        self.by_name: dict[str, str] = {}  # file stem, path without .md, title (lower case) -> page url

    def add_page(self, url: str, src_uri: str, title: str | None, meta: dict) -> None:
        search = meta.get("search") if isinstance(meta.get("search"), dict) else {}
        self.pages[url] = PageMeta(
            title=str(meta.get("title") or title or ""),
            description=str(meta.get("description") or ""),
            aliases=as_list(meta.get("aliases")) + as_list(meta.get("alias")),
            tags=as_list(meta.get("tags")),
            boost=float(search.get("boost", 1.0)),
        )
        path = PurePosixPath(src_uri)
        for name in (path.stem, str(path.with_suffix("")), (title or "")):
            self.by_name.setdefault(name.lower(), url)

    def resolve(self, target: str) -> str | None:
        target = target.strip().removesuffix(".md").lower()
        return self.by_name.get(target) or self.by_name.get(target.rsplit("/", 1)[-1])

    def abbreviations_text(self) -> str:
        texts = []
        for name in self.snippet_files:
            for folder in self.snippet_dirs:
                if (folder / name).is_file():
                    texts.append((folder / name).read_text(encoding="utf-8"))
                    break
        return "\n".join(texts)

    def point_at_worker(self, html: str) -> str:
        return MATERIAL_WORKER.sub(OUR_WORKER, html)

    def write(self, site_dir: Path) -> dict:
        """Write the full index and replace Material's eager index with a stub naming it.

        Material fetches search/search_index.json on every page load over http and hands it to the
        worker; the stub keeps that to a few hundred bytes, and the worker fetches the full index
        when the reader shows an intent to search. From file:// Material loads search_index.js only
        when search opens, so that file carries the full index (pages there cannot fetch JSON).
        """
        material = json.loads((site_dir / MATERIAL_JSON).read_text(encoding="utf-8"))
        glossary = self.docs_dir / "glossary.md"
        vocabulary = build_vocabulary(
            parse_abbreviations(self.abbreviations_text()),
            parse_glossary(glossary.read_text(encoding="utf-8")) if glossary.is_file() else [],
            {url: [meta.title, *meta.aliases] for url, meta in self.pages.items() if meta.aliases},
            self.resolve,
        )
        index = build_index(material, self.pages, vocabulary)
        (site_dir / INDEX_JSON).write_text(compact(index), encoding="utf-8")
        (site_dir / MATERIAL_JSON).write_text(compact(stub(index)), encoding="utf-8")
        (site_dir / MATERIAL_JS).write_text(index_js(index), encoding="utf-8")
        return index


def stub(index: dict) -> dict:
    """What Material fetches on page load: its config (its in-page highlighter reads the separator)
    and, instead of documents, where the worker finds them."""
    return {"config": index["config"], "docs": {"version": index["docs"]["version"], "lazy": INDEX_JSON}}


def compact(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

"""Practice mode's data, generated from docs/ on every build: the spaced-repetition deck and the
mock-interview data, written to assets/practice/ (logic: studyguide/practice/)."""
from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from studyguide.cases import load_cases, nav_order
from studyguide.practice.site import generated_files, in_nav_order

ABBREVIATIONS = Path(__file__).resolve().parent.parent / "includes" / "abbreviations.md"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = {f.src_uri: f for f in files.documentation_pages()}
    pages = {src: docs[src].content_string for src in in_nav_order(config.get("nav"), docs)}
    urls = {src: file.url for src, file in docs.items()}
    cases = {f"case-studies/{case.slug}.md": case
             for case in nav_order(config, load_cases(files, config))}
    abbreviations = ABBREVIATIONS.read_text(encoding="utf-8") if ABBREVIATIONS.exists() else ""
    for site_path, content in generated_files(pages, abbreviations, cases,
                                              lambda src: urls.get(src, src)).items():
        existing = files.get_file_from_path(site_path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, site_path, content=content))
    return files

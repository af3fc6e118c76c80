"""Practice mode's data, generated from docs/ on every build: the spaced-repetition deck and the
mock-interview data, written to assets/practice/ (logic: studyguide/practice/)."""
from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from studyguide.cases import load_cases, nav_order
from studyguide.formulas import Formula, FormulaError, FormulaRenderer
from studyguide.practice.site import generated_files, in_nav_order

ROOT = Path(__file__).resolve().parent.parent
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    docs = {f.src_uri: f for f in files.documentation_pages()}
    pages = {src: docs[src].content_string for src in in_nav_order(config.get("nav"), docs)}
    urls = {src: file.url for src, file in docs.items()}
    cases = {f"case-studies/{case.slug}.md": case
             for case in nav_order(config, load_cases(files, config))}
    abbreviations = ABBREVIATIONS.read_text(encoding="utf-8") if ABBREVIATIONS.exists() else ""
    for site_path, content in generated_files(pages, abbreviations, cases,
                                              lambda src: urls.get(src, src), typeset).items():
        existing = files.get_file_from_path(site_path)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, site_path, content=content))
    return files


def typeset(tex: list[str]) -> dict[str, str]:
    """Formula cards' answers as KaTeX HTML, from the same renderer and cache as hooks/formulas.py."""
    cache = Path(os.environ.get("STUDYGUIDE_CACHE_DIR") or ROOT / ".cache") / "katex.json"
    try:
        rendered = FormulaRenderer(ROOT / "node_modules", cache).render_all(
            Formula(t, display=True) for t in tex)
    except FormulaError as error:
        raise PluginError(str(error)) from error
    return {formula.tex: result.html for formula, result in rendered.items()}

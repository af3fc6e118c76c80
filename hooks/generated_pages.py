"""Pages generated from the case studies' front matter: the comparison matrix
(case-studies/index.md), the checklist booklet (checklists/index.md) and the one-page framework
cheat sheets (checklists/cheat-sheet.md, and checklists/cheat-sheet-genai.md for GenAI prompts). They are listed in mkdocs.yml's nav."""
from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from studyguide.cases import CaseSchemaError, load_cases, nav_order
from studyguide.cases.pages import booklet_page, cheat_sheet_page
from studyguide.cases.matrix import matrix_page


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        cases = nav_order(config, load_cases(files, config))
    except CaseSchemaError as error:
        raise PluginError(f"Case-study front matter (see notes/CASE-STUDY-SCHEMA.md):\n{error}") \
            from None
    pages = {
        "case-studies/index.md": matrix_page(cases),
        "checklists/index.md": booklet_page(cases),
        "checklists/cheat-sheet.md": cheat_sheet_page("predictive"),
        "checklists/cheat-sheet-genai.md": cheat_sheet_page("genai"),
    }
    for src_uri, content in pages.items():
        existing = files.get_file_from_path(src_uri)
        if existing is not None:
            files.remove(existing)
        files.append(File.generated(config, src_uri, content=content))
    return files

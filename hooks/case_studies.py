"""Case studies: validate every case's front matter once per build (a bad field stops the build),
render the case's diagram where its page has an empty ```funnel block (or before `## Metrics`):
the funnel (plus the per-request budget table of a GenAI case) or a platform case's component
diagram, and append the checklist (standard items for its kind + its own) at the end."""
from __future__ import annotations

import logging

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from studyguide.cases import CaseSchemaError, CaseStudy, display_path, is_case_study, load_cases
from studyguide.cases import components
from studyguide.cases.checklist import case_checklist_html
from studyguide.cases.funnel import dump_yaml
from studyguide.cases.genai_budget import budget_markdown
from studyguide.markdown import fenced_lines, scan_fences

log = logging.getLogger("mkdocs.hooks.case_studies")

_cases: dict[str, CaseStudy] = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    _cases.clear()
    try:
        _cases.update(load_cases(files, config))
    except CaseSchemaError as error:
        raise PluginError(f"Case-study front matter (see notes/CASE-STUDY-SCHEMA.md):\n{error}") \
            from None
    log.debug("validated %d case studies", len(_cases))
    return files


def _diagram(case: CaseStudy, indent: str = "", fence: str = "```") -> list[str]:
    """The lines that replace an empty ```funnel block on a case's page."""
    if case.kind == "platform":
        html = components.render_html(list(case.components), f"{case.title} architecture")
        return [indent + line for line in html.rstrip("\n").split("\n")]
    title = f"{case.title} {'pipeline' if case.kind == 'genai' else 'funnel'}".replace('"', "'")
    body = dump_yaml(case.funnel).rstrip("\n").split("\n")
    lines = ([f'{indent}{fence}funnel title="{title}"'] + [indent + line for line in body]
             + [f"{indent}{fence}"])
    if case.kind == "genai":
        lines += [""] + [indent + line for line in budget_markdown(case).rstrip("\n").split("\n")]
    return lines


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    src = page.file.src_uri
    if not is_case_study(src):
        return markdown
    case = _cases.get(src)
    if case is None:  # e.g. a file added by another plugin after on_files
        return markdown
    lines = markdown.split("\n")
    where = display_path(page.file)

    inside = fenced_lines(markdown)
    if any(line.strip().lower() == "## checklist" for i, line in enumerate(lines) if i not in inside):
        raise PluginError(f"{where}: remove the '## Checklist' section: the checklist is generated "
                          "from the front matter (standard items + `checklist:`) and appended by "
                          "the build")

    fences = scan_fences(markdown)
    empty = [f for f in fences if f.lang == "funnel" and not f.body.strip()]
    if empty:
        # Fill from the bottom so earlier line numbers stay valid.
        for fence in reversed(empty):
            lines[fence.start:fence.end + 1] = _diagram(case, fence.indent, fence.fence)
    elif not any(f.lang == "funnel" for f in fences):
        at = next((i for i, line in enumerate(lines)
                   if i not in inside and line.strip().lower() == "## metrics"), len(lines))
        lines[at:at] = _diagram(case) + [""]

    html = case_checklist_html(case)
    return "\n".join(lines).rstrip("\n") + "\n\n## Checklist\n\n" + html


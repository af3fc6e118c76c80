"""The hooks in a small MkDocs project built from the fixtures: funnel rendered in the case's empty
fence (or before `## Metrics`), checklist appended, fenced funnel blocks in any page, legacy
Mermaid converted, generated matrix/booklet/cheat sheet, and build errors that name file and line."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyguide.cases.checklist import load_standard

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "case_studies"

pytestmark = pytest.mark.slow

CONFIG = f"""\
site_name: Fixture
site_url: http://127.0.0.1:8000/
theme:
  name: material
hooks:
  - {ROOT}/hooks/case_studies.py
  - {ROOT}/hooks/funnels.py
  - {ROOT}/hooks/generated_pages.py
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - toc
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_div_format
        - name: funnel
          class: funnel
          format: !!python/name:studyguide.cases.funnel.fence_format
          validator: !!python/name:studyguide.cases.funnel.fence_validator
nav:
  - index.md
  - Case studies:
      - case-studies/index.md
      - case-studies/valid.md
      - case-studies/minimal.md
      - case-studies/valid-genai.md
      - case-studies/valid-platform.md
  - Checklists:
      - checklists/index.md
      - checklists/cheat-sheet.md
      - checklists/cheat-sheet-genai.md
  - notes.md
"""

NOTES = """\
# Notes

Some text.

```funnel title="Search funnel"
- {stage: Web, items: 100000000000}
- {stage: Retrieval, items: 1000, model: BM25 + ANN, latency_ms: 50}
- {stage: Ranking, items: 10, model: LambdaMART, latency_ms: 100}
```

<div class="mermaid">
  graph LR;
a[Universe of possible items] --&gt;b[Candidate Generations]--&gt;c[Ranking]
</div>

```html
<div class="mermaid">graph LR; x --&gt; y</div>
```
"""


def make_project(tmp_path: Path, notes: str = NOTES, extra: dict[str, str] | None = None) -> Path:
    docs = tmp_path / "docs"
    (docs / "case-studies").mkdir(parents=True)
    (docs / "framework").mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG)
    (docs / "index.md").write_text("# Home\n")
    (docs / "notes.md").write_text(notes)
    for step in load_standard().steps:
        (docs / step.page).write_text(f"# {step.title}\n")
    shutil.copy(FIXTURES / "valid.md", docs / "case-studies" / "valid.md")
    shutil.copy(FIXTURES / "minimal.md", docs / "case-studies" / "minimal.md")
    shutil.copy(FIXTURES / "valid-genai.md", docs / "case-studies" / "valid-genai.md")
    shutil.copy(FIXTURES / "valid-platform.md", docs / "case-studies" / "valid-platform.md")
    for name, text in (extra or {}).items():
        (docs / name).write_text(text)
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"],
                          cwd=project, env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("fixture-site"))
    done = build(project)
    assert done.returncode == 0, done.stderr
    return project / "site"


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_case_funnel_replaces_the_empty_fence(site):
    page = read(site, "case-studies/valid")
    assert page.count('<figure class="sg-funnel">') == 1
    assert "accTitle: Fixture video recommendation funnel" in page
    assert "10⁹ → 10⁴ → 500 → 50 items" in page
    # in place of the fence: after the candidate-generation heading, before "Then each stage."
    assert page.index('id="candidate-generation-ranking-and-re-ranking"') < page.index("sg-funnel") \
        < page.index("Then each stage.") < page.index('id="metrics"')
    assert "```funnel" not in page and 'class="funnel"' not in page


def test_case_without_fence_gets_the_funnel_before_metrics(site):
    page = read(site, "case-studies/minimal")
    assert page.count('<figure class="sg-funnel">') == 1
    assert page.index("sg-funnel") < page.index('id="metrics"')
    assert "1,000 → 1,000 items" in page


def test_checklist_is_appended_at_the_end(site):
    page = read(site, "case-studies/valid")
    assert page.count('class="sg-checklist"') == 1
    assert page.index('id="checklist"') > page.index('id="metrics"')
    assert page.count("data-item=") == 36
    assert "Slice by video length." in page
    minimal = read(site, "case-studies/minimal")
    assert minimal.count("data-item=") == 34


def test_fenced_funnel_block_in_any_page(site):
    page = read(site, "notes")
    assert "accTitle: Search funnel" in page
    assert "10¹¹ → 1,000 → 10 items" in page


def test_legacy_mermaid_div_is_converted(site):
    page = read(site, "notes")
    diagrams = re.findall(r'<div class="mermaid"[^>]*>(.*?)</div>', page, re.S)
    legacy = [d for d in diagrams if "Universe" in d]
    assert len(legacy) == 1
    # one level of escaping only: the browser's textContent gives Mermaid a real -->
    assert "--&gt;b[Candidate Generations]" in legacy[0] and "&amp;gt;" not in legacy[0]
    # the example inside the ```html fence stays an example, not a diagram
    assert not [d for d in diagrams if "x --&gt; y" in d]
    assert "graph LR; x --<span class=\"ni\">&amp;gt;</span> y" in page


def test_matrix_page(site):
    page = read(site, "case-studies")
    assert '<div class="sg-matrix">' in page
    # header + valid, minimal, platform; header + the GenAI case
    assert page.count("<tr>") == 4 + 2
    assert 'href="valid/"' in page and 'href="minimal/"' in page
    assert "Two-tower retrieval with ANN" in page and "none (no retrieval stage)" in page


def test_booklet_contains_every_case_in_nav_order(site):
    page = read(site, "checklists")
    assert page.count('class="sg-checklist"') == 4
    assert page.index('data-checklist="case-studies/valid"') \
        < page.index('data-checklist="case-studies/minimal"')
    assert 'href="../case-studies/valid/"' in page
    assert page.count("data-item=") == 36 + 34 + 39 + 34


def test_cheat_sheet(site):
    page = read(site, "checklists/cheat-sheet")
    assert "45-minute time plan" in page
    assert page.count("<li>") >= 34
    assert 'href="../../framework/clarify-requirements/"' in page
    assert "43–45" in page
    assert "genai-" not in page and "Token budget" not in page
    assert page.count("<li>") == 34


def test_genai_cheat_sheet_has_the_genai_variant_of_the_checklist(site):
    page = read(site, "checklists/cheat-sheet-genai")
    assert "GenAI cheat sheet" in page and "43–45" in page
    assert page.count("<li>") == 38
    assert "Token budget: context and output tokens" in page
    assert "Class imbalance" not in page


def test_bad_fenced_funnel_names_file_and_line(tmp_path):
    notes = "# Notes\n\nText.\n\n```funnel\n- {stage: A, items: 10}\n- {stage: B, items: 100}\n```\n"
    done = build(make_project(tmp_path, notes=notes))
    assert done.returncode != 0
    assert ("docs/notes.md:5: field 'funnel[1].items': expected at most 10 (counts must not "
            "increase; stage 'A' before it has 10), found 100 at stage 'B'") in done.stderr


def test_empty_funnel_fence_outside_a_case_study_is_an_error(tmp_path):
    done = build(make_project(tmp_path, notes="# Notes\n\n```funnel\n```\n"))
    assert done.returncode != 0
    assert "docs/notes.md:3: the funnel block is empty" in done.stderr


def test_bad_case_front_matter_stops_the_build(tmp_path):
    bad = (FIXTURES / "invalid-funnel-items.md").read_text()
    done = build(make_project(tmp_path, extra={"case-studies/broken.md": bad}))
    assert done.returncode != 0
    assert ("docs/case-studies/broken.md: line 25: field 'funnel[2].items': expected an integer greater "
            "than 0, found 'lots'") in done.stderr


def test_a_hand_written_checklist_section_is_an_error(tmp_path):
    text = (FIXTURES / "minimal.md").read_text() + "\n## Checklist\n\n- [ ] x\n"
    done = build(make_project(tmp_path, extra={"case-studies/minimal.md": text}))
    assert done.returncode != 0
    assert "docs/case-studies/minimal.md: remove the '## Checklist' section" in done.stderr


def test_genai_case_gets_a_pipeline_with_tokens_and_a_budget_table(site):
    page = read(site, "case-studies/valid-genai")
    assert page.count('<figure class="sg-funnel">') == 1
    assert "accTitle: Fixture document assistant pipeline" in page
    assert "4,000 tokens" in page and "first token ≤ 1500 ms" in page
    assert "<th scope=\"col\">Context tokens</th>" in page
    # the budget table follows the diagram, before Metrics
    assert page.index("sg-funnel") < page.index("Budget per request") < page.index('id="metrics"')
    assert "USD 19.00" in page and "6,000" in page


def test_genai_case_prints_the_genai_checklist_variant(site):
    page = read(site, "case-studies/valid-genai")
    assert 'data-item="serving.genai-token-budget"' in page
    assert 'data-item="data.imbalance"' not in page
    assert page.count("data-item=") == 38 + 1


def test_platform_case_gets_a_component_diagram_and_no_funnel(site):
    page = read(site, "case-studies/valid-platform")
    assert page.count('<figure class="sg-funnel">') == 1
    assert "accTitle: Fixture feature store architecture" in page
    assert "c0 --&gt; c1" in page and "c1 --&gt; c3" in page
    assert "items" not in page.split('<figure class="sg-funnel">')[1].split("</figure>")[0]
    assert page.count("data-item=") == 34


def test_matrix_puts_genai_cases_in_their_own_table(site):
    page = read(site, "case-studies")
    first, second = page.split('id="generative-ai-cases"')
    assert "Fixture feature store" in first and "— (platform)" in first
    assert "Fixture document assistant" in second and "USD per 1K requests" in second
    assert "Fixture document assistant" not in first.split("sg-matrix", 1)[1]

"""The comparison matrix from the case studies' front matter."""
from __future__ import annotations

from pathlib import Path

from studyguide.cases import load_case_file
from studyguide.cases.matrix import COLUMNS, matrix_markdown, matrix_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "case_studies"


def cases():
    return [load_case_file(FIXTURES / "valid.md"), load_case_file(FIXTURES / "minimal.md")]


def test_columns():
    assert [name for name, _ in COLUMNS] == [
        "Case study", "ML task", "Label", "Candidate generation", "Ranker", "Offline metric",
        "Online metric", "Serving mode"]


def test_one_row_per_case_sorted_by_title_with_links():
    lines = matrix_markdown(cases()).strip().split("\n")
    assert len(lines) == 2 + 2
    assert lines[2].startswith("| [Fixture batch scoring](minimal.md) | Binary classification | "
                               "A chargeback. (natural) | none (no retrieval stage) | GBDT | PR-AUC "
                               "| fraud loss | batch |")
    assert lines[3] == (
        "| [Fixture video recommendation](valid.md) | Multi-stage ranking (retrieval + multi-task "
        "ranker) | A watch past 50% of the video, or a like. (natural) | Two-tower retrieval with "
        "ANN | Multi-task DNN (click, watch time, like) | recall@k | watch time per user | hybrid |")


def test_cells_escape_pipes_and_html():
    case = load_case_file(FIXTURES / "valid.md")
    case = case.model_copy(update={"ml_task": "A | B <script>"})
    line = matrix_markdown([case]).split("\n")[2]
    assert "A \\| B &lt;script>" in line
    assert line.count(" | ") == len(COLUMNS) - 1


def test_matrix_page_front_matter_and_wrapper():
    page = matrix_page(cases())
    assert page.startswith("---\ntitle: Case studies\ndescription: 'All 2 worked case studies side by side:")
    assert '<div class="sg-matrix" markdown>' in page
    assert "(../checklists/index.md)" in page

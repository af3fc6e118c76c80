"""The comparison matrix: one row per case study, from the front matter only.

Rendered as a Markdown table (so MkDocs checks and rewrites the links to each case); the
browser makes it sortable (overrides/assets/javascripts/checklists.js: `table.sg-matrix`).
"""
from __future__ import annotations

from collections.abc import Iterable

from studyguide.case_schema import CaseStudy

COLUMNS = (
    ("Case study", lambda c: ""),
    ("ML task", lambda c: c.ml_task),
    ("Label", lambda c: f"{c.labels.positive} ({c.labels.source})"),
    ("Candidate generation", lambda c: c.models.candidate_generation or "none (no retrieval stage)"),
    ("Ranker", lambda c: c.models.ranker),
    ("Offline metric", lambda c: c.metrics.offline[0]),
    ("Online metric", lambda c: c.metrics.online[0]),
    ("Serving mode", lambda c: c.serving.mode),
)


def _cell(text: str) -> str:
    """Table-safe Markdown text: one line, pipes escaped, no accidental HTML."""
    text = " ".join(str(text).split())
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace("[[", "[\u200b["))


def rows(cases: Iterable[CaseStudy]) -> list[list[str]]:
    return [[getter(c) for _, getter in COLUMNS] for c in sorted(cases, key=lambda c: c.title.lower())]


def matrix_markdown(cases: Iterable[CaseStudy], link_prefix: str = "") -> str:
    """`link_prefix` is the path from the page holding the table to docs/case-studies/."""
    cases = sorted(cases, key=lambda c: c.title.lower())
    head = "| " + " | ".join(name for name, _ in COLUMNS) + " |"
    rule = "|" + "|".join("---" for _ in COLUMNS) + "|"
    lines = [head, rule]
    for case in cases:
        cells = [f"[{_cell(case.title)}]({link_prefix}{case.slug}.md)"]
        cells += [_cell(getter(case)) for _, getter in COLUMNS[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def matrix_page(cases: list[CaseStudy]) -> str:
    table = matrix_markdown(cases)
    count = len(cases)
    from studyguide.pages import front_matter

    head = front_matter(
        title="Case studies",
        description=f"All {count} worked case studies side by side: ML task, label, candidate "
        "generation, ranker, metrics and serving mode, sortable by any column.",
        hide=["toc"],
    )
    return f"""{head}
# Case studies

<div class="sg-intro" markdown>

Each case study works through one interview prompt with the 11-step framework. The table compares
them from their front matter; select a column heading to sort by it, and select a case to open it.
Every case ends with a printable checklist; all of them are in the [checklist booklet](../checklists/index.md).

</div>

<div class="sg-matrix" markdown>

{table}
</div>
"""

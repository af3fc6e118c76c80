"""The comparison matrix: one row per case study, from the front matter only. Predictive and
platform cases share one table; generative-AI cases get a second one whose columns (adaptation,
retriever, generator, tokens, first-token time, cost) only make sense for them.

Rendered as a Markdown table (so MkDocs checks and rewrites the links to each case); the
browser makes it sortable (overrides/assets/javascripts/checklists.js: `table.sg-matrix`).
"""
from __future__ import annotations

from collections.abc import Iterable

from .schema import CaseStudy

NOT_APPLICABLE = "— (platform)"

COLUMNS = (
    ("Case study", lambda c: ""),
    ("ML task", lambda c: c.ml_task),
    ("Label", lambda c: f"{c.labels.positive} ({c.labels.source})" if c.labels else NOT_APPLICABLE),
    ("Candidate generation", lambda c: (c.models.candidate_generation or "none (no retrieval stage)")
     if c.models else NOT_APPLICABLE),
    ("Ranker", lambda c: c.models.ranker if c.models else NOT_APPLICABLE),
    ("Offline metric", lambda c: c.metrics.offline[0]),
    ("Online metric", lambda c: c.metrics.online[0]),
    ("Serving mode", lambda c: c.serving.mode),
)

GENAI_COLUMNS = (
    ("Case study", lambda c: ""),
    ("ML task", lambda c: c.ml_task),
    ("Adaptation", lambda c: ", ".join(c.genai.adaptation.choice)),
    ("Retriever", lambda c: c.models.candidate_generation or "none"),
    ("Generator", lambda c: c.models.ranker),
    ("Offline metric", lambda c: c.metrics.offline[0]),
    ("Online metric", lambda c: c.metrics.online[0]),
    ("Context tokens", lambda c: f"{c.genai.budgets.context_tokens:,}"),
    ("First token", lambda c: f"{c.genai.budgets.ttft_ms:g} ms"),
    ("USD per 1K requests", lambda c: f"{c.genai.cost.per_1k_requests_usd:,.2f}"),
)


def _cell(text: str) -> str:
    """Table-safe Markdown text: one line, pipes escaped, no accidental HTML."""
    text = " ".join(str(text).split())
    return (text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
            .replace("[[", "[\u200b["))


def matrix_markdown(cases: Iterable[CaseStudy], link_prefix: str = "", columns=COLUMNS) -> str:
    """`link_prefix` is the path from the page holding the table to docs/case-studies/."""
    cases = sorted(cases, key=lambda c: c.title.lower())
    head = "| " + " | ".join(name for name, _ in columns) + " |"
    rule = "|" + "|".join("---" for _ in columns) + "|"
    lines = [head, rule]
    for case in cases:
        cells = [f"[{_cell(case.title)}]({link_prefix}{case.slug}.md)"]
        cells += [_cell(getter(case)) for _, getter in columns[1:]]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def matrix_page(cases: list[CaseStudy]) -> str:
    classic = [c for c in cases if c.kind != "genai"]
    genai = [c for c in cases if c.kind == "genai"]
    table = matrix_markdown(classic)
    genai_section = "" if not genai else f"""
## Generative-AI cases

<div class="sg-matrix" markdown>

{matrix_markdown(genai, columns=GENAI_COLUMNS)}
</div>
"""
    count = len(cases)
    from .pages import front_matter

    head = front_matter(
        title="Case studies",
        description=f"All {count} worked case studies side by side: ML task, label, candidate "
        "generation, ranker, metrics and serving mode; for generative-AI cases adaptation, "
        "tokens, first-token time and cost. Sortable by any column.",
        hide=["toc"],
    )
    return f"""{head}
# Case studies

<div class="sg-intro" markdown>

Each case study works through one interview prompt with the 11-step framework. The table compares
them from their front matter; select a column heading to sort by it, and select a case to open it.
Every case ends with a printable checklist; all of them are in the [checklist booklet](../checklists/index.md).

</div>

{"## Predictive and platform cases" if genai else ""}

<div class="sg-matrix" markdown>

{table}
</div>
{genai_section}"""

"""The per-request budget of a GenAI case (`genai:` front matter) as a Markdown table placed under
its pipeline diagram: tokens in and out, time to first token, streaming speed and cost."""
from __future__ import annotations

from .schema import CaseStudy
from .funnel import format_ms


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|").replace("<", "&lt;")


def budget_rows(case: CaseStudy) -> list[tuple[str, str]]:
    genai = case.genai
    budgets, cost = genai.budgets, genai.cost
    rows = [
        ("Context tokens per request", f"{budgets.context_tokens:,}"),
        ("Output tokens per request", f"{budgets.output_tokens:,}"),
        ("Time to first token (TTFT)", f"≤ {format_ms(budgets.ttft_ms)}"),
    ]
    if budgets.tokens_per_second is not None:
        rows.append(("Streaming speed", f"{budgets.tokens_per_second:g} tokens/s"))
    if budgets.end_to_end_ms is not None:
        rows.append(("Full response", f"≤ {format_ms(budgets.end_to_end_ms)}"))
    source = "assumption" if cost.source.lower() == "assumption" else f"published: {cost.source}"
    rows.append(("Cost per 1,000 requests",
                 f"USD {cost.per_1k_requests_usd:,.2f} ({cost.basis}; {source})"))
    rows.append(("Adaptation", ", ".join(genai.adaptation.choice) + f": {genai.adaptation.why}"))
    return rows


def budget_markdown(case: CaseStudy) -> str:
    lines = ["| Budget per request | Target |", "|---|---|"]
    lines += [f"| {_cell(name)} | {_cell(value)} |" for name, value in budget_rows(case)]
    return "\n".join(lines) + "\n"

"""Funnel diagrams: validate a funnel (stages whose item counts never increase) and render it as a
Mermaid `flowchart LR` with an accessible title/description and a text alternative (a table).

Used by hooks/case_studies.py (a case's `funnel:` front matter) and by the ```funnel fenced block
(pymdownx.superfences custom fence `funnel`, see mkdocs.yml), whose body is the same YAML list:

    ```funnel
    - {stage: Corpus, items: 1000000000}
    - {stage: Retrieval, items: 10000, model: Two-tower + ANN, latency_ms: 20}
    - {stage: Ranking, items: 500, model: GBDT, latency_ms: 50}
    ```
"""
from __future__ import annotations

import html
import textwrap
from typing import Any

import yaml
from pydantic import ValidationError

from .schema import Funnel, FunnelStage
from .errors import format_errors

SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LABEL_WIDTH = 26  # characters per line inside a node


class FunnelError(ValueError):
    """Bad funnel data; the message names the field, what was expected and what was found."""


def parse_funnel(source: str | list, where: str = "funnel") -> Funnel:
    """YAML text (or an already parsed list) -> validated Funnel. Raises FunnelError."""
    data: Any = source
    if isinstance(source, str):
        if not source.strip():
            raise FunnelError(f"{where}: the funnel block is empty (only a case study's own "
                              "page may leave it empty: the funnel then comes from its front matter)")
        try:
            data = yaml.safe_load(source)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            line = f" (line {mark.line + 1} of the block)" if mark else ""
            raise FunnelError(f"{where}: not valid YAML{line}: "
                              f"{getattr(error, 'problem', None) or error}") from None
    if isinstance(data, dict) and "funnel" in data:
        data = data["funnel"]
    try:
        return Funnel.model_validate(data)
    except ValidationError as error:
        lines = format_errors(error, model=Funnel, prefix="funnel")
        raise FunnelError("\n".join(f"{where}: {line}" for line in lines)) from None


def format_count(n: int) -> str:
    """10⁹ for powers of ten from 10,000 up; 1.2B / 3.5M / 12K for other big numbers; else 1,000."""
    if n >= 10_000 and str(n).rstrip("0") == "1":
        return "10" + str(len(str(n)) - 1).translate(SUPERSCRIPT)
    for size, suffix in ((10**12, "T"), (10**9, "B"), (10**6, "M"), (10**4, "K")):
        if n >= size:
            scaled = n / (size if suffix != "K" else 1000)
            text = f"{scaled:.1f}".rstrip("0").rstrip(".") if scaled < 100 else f"{scaled:.0f}"
            return text + (suffix if suffix != "K" else "K")
    return f"{n:,}"


def format_ms(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g} ms"


def _mermaid_text(text: str) -> str:
    """Text safe inside a Mermaid double-quoted label."""
    return text.replace('"', "#quot;").replace("`", "'").replace("\n", " ")


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, LABEL_WIDTH, break_on_hyphens=False) or [text]


def summary(funnel: Funnel) -> str:
    """'10⁸ → 1,000 → 100 → 20 items'."""
    return " → ".join(format_count(s.items) for s in funnel) + " items"


def mermaid_source(funnel: Funnel, title: str = "Funnel") -> str:
    stages: list[FunnelStage] = list(funnel)
    lines = [
        "flowchart LR",
        f"    accTitle: {_mermaid_text(title)}",
        "    accDescr: " + _mermaid_text(description(funnel)),
    ]
    for i, stage in enumerate(stages):
        label = [f"{stage.stage}"] + [f"{format_count(stage.items)} items"]
        if stage.model:
            label += _wrap(stage.model)
        if stage.tokens is not None:
            label.append(f"{stage.tokens:,} tokens")
        if stage.latency_ms is not None:
            label.append(f"≤ {format_ms(stage.latency_ms)}")
        if stage.ttft_ms is not None:
            label.append(f"first token ≤ {format_ms(stage.ttft_ms)}")
        text = "<br/>".join(_mermaid_text(part) for part in label)
        lines.append(f'    s{i}["{text}"]')
    lines.append("    " + " --> ".join(f"s{i}" for i in range(len(stages))))
    lines.append("    classDef stage stroke-width:2px")
    lines.append("    class " + ",".join(f"s{i}" for i in range(len(stages))) + " stage")
    return "\n".join(lines) + "\n"


def description(funnel: Funnel) -> str:
    parts = []
    for stage in funnel:
        part = f"{stage.stage}: {stage.items:,} items"
        if stage.model:
            part += f", {stage.model}"
        if stage.tokens is not None:
            part += f", {stage.tokens:,} tokens"
        if stage.latency_ms is not None:
            part += f", {format_ms(stage.latency_ms)}"
        if stage.ttft_ms is not None:
            part += f", first token within {format_ms(stage.ttft_ms)}"
        parts.append(part)
    return "Stages from left to right. " + "; ".join(parts) + "."


def render_html(funnel: Funnel, title: str = "Funnel") -> str:
    """A <figure> with the Mermaid diagram and a caption, then the same data as a table.

    One line per block element and no blank lines, so Markdown leaves it alone.
    """
    esc = html.escape
    with_tokens = any(s.tokens is not None for s in funnel)
    rows = []
    for stage in funnel:
        latency = format_ms(stage.latency_ms)
        if stage.ttft_ms is not None:
            latency = ", ".join(filter(None, [latency, f"first token {format_ms(stage.ttft_ms)}"]))
        tokens = f"<td>{stage.tokens:,}</td>" if stage.tokens is not None else "<td>—</td>"
        rows.append(
            "<tr>"
            f"<th scope=\"row\">{esc(stage.stage)}</th>"
            f"<td>{stage.items:,}</td>"
            f"<td>{esc(stage.model or '—')}</td>"
            + (tokens if with_tokens else "")
            + f"<td>{esc(latency or '—')}</td>"
            "</tr>"
        )
    budget = sum(s.latency_ms or 0 for s in funnel)
    total = f" Stage budgets add up to {format_ms(budget)}." if budget else ""
    return (
        '<figure class="sg-funnel">\n'
        f'<div class="mermaid">{esc(mermaid_source(funnel, title))}</div>\n'
        f"<figcaption>{esc(title)}: {esc(summary(funnel))}.{esc(total)}</figcaption>\n"
        "</figure>\n"
        '<details class="sg-funnel__text">\n'
        f"<summary>{esc(title)} as a table</summary>\n"
        '<table class="sg-funnel__table">\n'
        "<thead><tr><th scope=\"col\">Stage</th><th scope=\"col\">Items</th>"
        "<th scope=\"col\">Model</th>"
        + ("<th scope=\"col\">Context tokens</th>" if with_tokens else "")
        + "<th scope=\"col\">Latency budget</th></tr></thead>\n"
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</details>\n"
    )


def dump_yaml(funnel: Funnel) -> str:
    """A funnel back to the YAML the fenced block takes (used to fill an empty case fence)."""
    data = [s.model_dump(exclude_none=True) for s in funnel]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)


# --- pymdownx.superfences custom fence ---------------------------------------------------------


def fence_format(source, language, class_name, options, md, **kwargs):
    """Formatter for ```funnel. The hook has already validated every block with its file and line;
    if something slips through, stop the build rather than print a broken diagram."""
    from pymdownx.superfences import SuperFencesException

    try:
        funnel = parse_funnel(source, where="```funnel block")
    except FunnelError as error:
        raise SuperFencesException(str(error)) from error
    title = (options or {}).get("title") or "Funnel"
    return render_html(funnel, title=title)


def fence_validator(language, inputs, options, attrs, md):
    """Accept an optional title: ```funnel title="Search funnel"."""
    for key, value in inputs.items():
        if key != "title":
            return False
        options[key] = value
    return True

"""Architecture diagrams for platform cases (`kind: platform`): the `components:` front matter as a
Mermaid `flowchart LR` (an arrow per `feeds` entry), with the same accessible title, caption and
table alternative as the funnel diagrams (studyguide.cases.funnel)."""
from __future__ import annotations

import html

from .schema import Component
from .funnel import _mermaid_text, format_ms


def mermaid_source(components: list[Component], title: str) -> str:
    ids = {c.name: f"c{i}" for i, c in enumerate(components)}
    lines = [
        "flowchart LR",
        f"    accTitle: {_mermaid_text(title)}",
        "    accDescr: " + _mermaid_text(description(components)),
    ]
    for component in components:
        label = [component.name]
        if component.latency_ms is not None:
            label.append(f"≤ {format_ms(component.latency_ms)}")
        text = "<br/>".join(_mermaid_text(part) for part in label)
        lines.append(f'    {ids[component.name]}["{text}"]')
    for component in components:
        for target in component.feeds or ():
            lines.append(f"    {ids[component.name]} --> {ids[target]}")
    lines.append("    classDef stage stroke-width:2px")
    lines.append("    class " + ",".join(ids.values()) + " stage")
    return "\n".join(lines) + "\n"


def description(components: list[Component]) -> str:
    parts = []
    for component in components:
        part = component.name
        if component.feeds:
            part += " feeds " + ", ".join(component.feeds)
        parts.append(part)
    return "Components and what each feeds. " + "; ".join(parts) + "."


def render_html(components: list[Component], title: str) -> str:
    """Figure + table; one line per block element and no blank lines, so Markdown passes it."""
    esc = html.escape
    rows = [
        "<tr>"
        f'<th scope="row">{esc(c.name)}</th>'
        f"<td>{esc(c.role)}</td>"
        f"<td>{esc(format_ms(c.latency_ms) or 'batch')}</td>"
        f"<td>{esc(', '.join(c.feeds or ()) or '—')}</td>"
        "</tr>"
        for c in components
    ]
    return (
        '<figure class="sg-funnel">\n'
        f'<div class="mermaid">{esc(mermaid_source(components, title))}</div>\n'
        f"<figcaption>{esc(title)}: {len(components)} components.</figcaption>\n"
        "</figure>\n"
        '<details class="sg-funnel__text">\n'
        f"<summary>{esc(title)} as a table</summary>\n"
        '<table class="sg-funnel__table">\n'
        '<thead><tr><th scope="col">Component</th><th scope="col">Role</th>'
        '<th scope="col">Latency budget</th><th scope="col">Feeds</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>\n</details>\n"
    )

"""Markdown for the generated checklist pages: the booklet (every case's checklist, one per printed
page) and the one-page framework cheat sheet (11 steps, the 45-minute plan, the 34 items)."""
from __future__ import annotations

import html

import yaml

from .schema import CaseStudy
from .checklist import case_checklist_html, case_groups, count_items, load_standard


def front_matter(**fields) -> str:
    """A YAML front matter block (quoted properly: a ': ' in a description would break it)."""
    return "---\n" + yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=10_000) + "---\n"


def booklet_page(cases: list[CaseStudy]) -> str:
    parts = [
        front_matter(title="Checklist booklet",
                     description=f"The interview checklist of all {len(cases)} case studies on one "
                     "page; printing it gives one page per case."),
        "# Checklist booklet",
        "",
        '<div class="sg-booklet-intro sg-intro" markdown>',
        "",
        f"Every case study ends with the same {len(load_standard().steps)}-step checklist, plus a few "
        "items of its own (marked ★). This page holds all of them. Print it to get one page per "
        "case, or open a checklist and use its **Print checklist** button to print only that one. Ticks are "
        "saved in this browser and shared with the case study's own page. The framework on one "
        "page is the [cheat sheet](cheat-sheet.md).",
        "",
        "</div>",
        "",
    ]
    for case in cases:
        parts += [
            f"## {case.title}",
            "",
            f"[Open the case study](../case-studies/{case.slug}.md){{ .sg-booklet-link }}",
            "",
            booklet_entry(case),
        ]
    return "\n".join(parts)


def booklet_entry(case: CaseStudy) -> str:
    """One case's checklist, folded on screen: 32 open checklists are ~7,000 elements a phone must
    style and lay out before it responds (Lighthouse booklet TBT 0.8-1.9 s); a closed <details> is
    neither styled nor laid out. Printing unfolds every one (checklist.css)."""
    total = count_items(case_groups(case))
    return (
        '<details class="sg-booklet-case">\n'
        f'<summary>Checklist: <span class="sg-booklet-case__done">0</span> of {total} ticked</summary>\n'
        f"{case_checklist_html(case)}\n"
        "</details>\n"
    )


CHEAT_SHEETS = {
    # kind: (title, page opening)
    "predictive": ("Framework cheat sheet", "The 11 steps of an answer"),
    "genai": ("GenAI cheat sheet", "The 11 steps of an answer to a generative-AI prompt"),
}


def cheat_sheet_page(kind: str = "predictive") -> str:
    """The framework on one printed page, with the checklist items of this kind of case."""
    standard = load_standard()
    title, opening = CHEAT_SHEETS[kind]
    esc = html.escape
    rows = []
    clock = 0
    for number, step in enumerate(standard.steps, start=1):
        page = step.page
        rows.append(
            f"| {number}. [{step.title}](../{page}) | {step.minutes} | "
            f"{clock}–{clock + step.minutes} | {step.output} |"
        )
        clock += step.minutes
    steps_html = ['<div class="sg-cheatsheet__steps">']
    for number, step in enumerate(standard.steps, start=1):
        steps_html.append('<section class="sg-cheatsheet__step">')
        steps_html.append(f"<h3>{number}. {esc(step.title)} <small>{step.minutes} min</small></h3>")
        steps_html.append("<ul>")
        steps_html += [f"<li>{esc(item.text)}</li>" for item in step.items
                       if item.applies_to(kind)]
        steps_html.append("</ul>")
        steps_html.append("</section>")
    steps_html.append("</div>")
    item_count = sum(1 for s in standard.steps for i in s.items if i.applies_to(kind))
    other = ("[GenAI cheat sheet](cheat-sheet-genai.md)" if kind == "predictive"
             else "[framework cheat sheet](cheat-sheet.md) for predictive ML prompts")
    return "\n".join([
        front_matter(title=title,
                     description=f"{opening} on one printable page: a "
                     f"{standard.minutes}-minute time plan and the {item_count} checklist items."),
        f"# {title}",
        "",
        '<div class="sg-cheatsheet sg-intro" markdown>',
        "",
        f"{opening}, with a {standard.minutes}-minute time plan and what to have on "
        "the board at the end of each step. Follow the interviewer when they dig in, but never skip "
        f"a step: one sentence beats silence. See also the {other}.",
        "",
        "| Step | Min | Clock | Output |",
        "|---|---|---|---|",
        *rows,
        "",
        "## The checklist by step",
        "",
        "\n".join(steps_html),
        "",
        "</div>",
        "",
    ])

"""What the mock-interview and progress pages need, from the framework checklist, the case studies
and the page list: phases with their planned minutes, each case's prompt, tags, rubric (its
checklist), follow-up questions, and the pages whose reading is tracked."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from studyguide.cases import CaseStudy
from studyguide.cases.checklist import StandardChecklist, case_groups, load_standard
from studyguide.practice import sources

PRACTICE_FORMAT = "ml-system-design-guide/practice"
PRACTICE_VERSION = 1
# Sections of the site whose pages count towards coverage on the progress page.
PRACTICE_PAGES = {"mock": "practice/mock-interview.md", "review": "practice/review.md",
                  "progress": "practice/progress.md"}
COVERAGE_SECTIONS = {"framework": "Framework", "topics": "Topics", "case-studies": "Case studies"}


def scaled_minutes(planned: Sequence[int], total: int) -> list[float]:
    """The plan's minutes scaled so they add up to `total` (a 45-minute plan run in 35 or 60)."""
    whole = sum(planned)
    if whole <= 0 or total <= 0:
        raise ValueError("the plan and the total must be positive")
    return [round(m * total / whole, 2) for m in planned]


def phases(standard: StandardChecklist, url: Callable[[str], str]) -> list[dict]:
    return [{
        "key": step.key,
        "title": step.title,
        "minutes": step.minutes,
        "output": step.output,
        "url": url(step.page),
        "questions": [{"text": item.text, "kinds": list(item.kinds) if item.kinds else None}
                      for item in step.items],
    } for step in standard.steps]


def case_entry(src_uri: str, case: CaseStudy, markdown: str, url: Callable[[str], str],
               standard: StandardChecklist) -> dict:
    return {
        "slug": case.slug,
        "src": src_uri,
        "title": case.title,
        "url": url(src_uri),
        "kind": case.kind,
        "tags": list(case.tags),
        "prompt": case.prompt,
        "checklist_id": src_uri.removesuffix(".md"),
        "rubric": [{"key": g.key, "title": g.title,
                    "items": [{"id": i.id, "text": i.text} for i in g.items]}
                   for g in case_groups(case, standard)],
        "clarifying": sources.clarifying_questions(markdown),
        "follow_ups": [{"question": f.question, "url": f"{url(src_uri)}#{f.section}"}
                       for f in sources.follow_ups(markdown)],
    }


def coverage_pages(pages: Mapping[str, str], url: Callable[[str], str],
                   title: Callable[[str], str]) -> list[dict]:
    """Pages of the framework, topics and case studies (not their index pages), in the given order."""
    out = []
    for src_uri in pages:
        section = src_uri.split("/")[0]
        if section not in COVERAGE_SECTIONS or src_uri.endswith("index.md") or "/" not in src_uri:
            continue
        out.append({"src": src_uri, "url": url(src_uri), "title": title(src_uri),
                    "section": COVERAGE_SECTIONS[section]})
    return out


def practice_data(pages: Mapping[str, str], cases: Mapping[str, CaseStudy],
                  url: Callable[[str], str] = lambda s: s, title: Callable[[str], str] = lambda s: s,
                  standard: StandardChecklist | None = None) -> dict:
    """JSON-ready data for the practice pages. `cases` in the order they should be listed."""
    standard = standard or load_standard()
    return {
        "format": PRACTICE_FORMAT,
        "version": PRACTICE_VERSION,
        "plan_minutes": standard.minutes,
        "phases": phases(standard, url),
        "cases": [case_entry(src, case, pages.get(src, ""), url, standard) for src, case in cases.items()],
        "tags": sorted({tag for case in cases.values() for tag in case.tags} | {case.kind for case in cases.values()}),
        "pages": coverage_pages(pages, url, title),
        "links": {name: url(src) for name, src in PRACTICE_PAGES.items()},
    }

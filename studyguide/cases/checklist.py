"""Checklists: the standard checklist (studyguide/cases/data/checklist.yml) merged with a case's own items,
rendered as one HTML form of labelled checkboxes (JS: overrides/assets/javascripts/checklists.js,
CSS: overrides/assets/stylesheets/checklist.css).
"""
from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from .schema import CASE_KINDS, STEP_KEYS, CaseStudy
from .errors import format_errors

DATA_FILE = Path(__file__).parent / "data" / "checklist.yml"
MAX_ITEM_CHARS = 90  # a case's whole checklist has to print on one page

ItemText = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1,
                                            max_length=MAX_ITEM_CHARS)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StandardItem(_Model):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    text: ItemText
    # The kinds of case this item is printed for (all when absent): GenAI cases swap a few
    # predictive-only items for their own, so every variant still prints on one page.
    kinds: tuple[Literal[CASE_KINDS], ...] | None = None

    def applies_to(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds


class StandardStep(_Model):
    key: str
    title: str
    page: str
    minutes: int = Field(gt=0)
    output: str
    items: list[StandardItem] = Field(min_length=1)


class StandardChecklist(_Model):
    steps: list[StandardStep]

    @model_validator(mode="after")
    def _keys(self):
        keys = [s.key for s in self.steps]
        if tuple(keys) != STEP_KEYS:
            raise ValueError(f"steps must be {', '.join(STEP_KEYS)} in this order; found {keys}")
        for step in self.steps:
            ids = [i.id for i in step.items]
            if len(ids) != len(set(ids)):
                raise ValueError(f"duplicate item id in step {step.key}")
        return self

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.steps)


@lru_cache(maxsize=4)
def load_standard(path: str | Path = DATA_FILE) -> StandardChecklist:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    try:
        return StandardChecklist.model_validate(data)
    except ValidationError as error:
        raise ValueError("\n".join(f"{path}: {line}"
                                   for line in format_errors(error, StandardChecklist))) from None


@dataclass(frozen=True)
class Item:
    id: str          # stable: "<step>.<item id>" or "<step>.case-<hash>"
    text: str
    own: bool = False  # True for the case's own items


@dataclass(frozen=True)
class Group:
    key: str
    number: int
    title: str
    items: tuple[Item, ...] = field(default_factory=tuple)


def case_item_id(step: str, text: str) -> str:
    """A case item's id is derived from its text, so reordering items keeps the saved ticks."""
    digest = hashlib.sha1(" ".join(text.split()).lower().encode()).hexdigest()[:8]
    return f"{step}.case-{digest}"


def merge(standard: StandardChecklist, own: dict[str, list[str]] | None = None,
          kind: str = "predictive") -> list[Group]:
    """Standard items for this kind of case per step, then the case's own items for that step."""
    own = own or {}
    unknown = set(own) - set(STEP_KEYS)
    if unknown:
        raise ValueError(f"unknown checklist step(s): {', '.join(sorted(unknown))}; "
                         f"expected {', '.join(STEP_KEYS)}")
    groups = []
    for number, step in enumerate(standard.steps, start=1):
        items = [Item(f"{step.key}.{i.id}", i.text) for i in step.items if i.applies_to(kind)]
        items += [Item(case_item_id(step.key, t), t, own=True) for t in own.get(step.key, [])]
        groups.append(Group(step.key, number, step.title, tuple(items)))
    return groups


def case_groups(case: CaseStudy, standard: StandardChecklist | None = None) -> list[Group]:
    own = case.checklist.by_step() if case.checklist else {}
    return merge(standard or load_standard(), own, kind=case.kind)


_CODE = re.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    """Escape; keep `code` spans."""
    return _CODE.sub(lambda m: f"<code>{m.group(1)}</code>", html.escape(text, quote=False))


def render_html(groups: list[Group], *, checklist_id: str, title: str,
                subtitle: str = "") -> str:
    """One <section> holding a form: progress, Reset and Print buttons, one fieldset per step,
    one <label> per checkbox (the box and its text are one labelled control).

    `checklist_id` keys the saved ticks in the browser (the case's page path, e.g.
    "case-studies/video-recommendation"), so the case page and the booklet share them.
    No blank lines inside: Markdown passes the block through untouched.
    """
    esc = html.escape
    slug = re.sub(r"[^a-z0-9]+", "-", checklist_id.lower()).strip("-")
    total = sum(len(g.items) for g in groups)
    own_total = sum(1 for g in groups for i in g.items if i.own)
    out = [
        f'<section class="sg-checklist" id="checklist-{slug}" data-checklist="{esc(checklist_id)}" '
        f'data-search-exclude aria-label="{esc(title)} checklist">',
        f'<p class="sg-checklist__print-title"><strong>{esc(title)}</strong>'
        f"{' — ' + esc(subtitle) if subtitle else ''}</p>",
        '<form class="sg-checklist__form" onsubmit="return false">',
        '<div class="sg-checklist__toolbar">',
        f'<p class="sg-checklist__progress" role="status" aria-live="polite">'
        f'<span class="sg-checklist__done">0</span> / {total} done</p>',
        '<button type="button" class="md-button sg-checklist__reset" data-checklist-action="reset">'
        "Reset</button>",
        '<button type="button" class="md-button md-button--primary sg-checklist__print" '
        'data-checklist-action="print">Print checklist</button>',
        "</div>",
    ]
    if own_total:
        out.append('<p class="sg-checklist__legend-note">Items marked ★ are specific to this '
                   "case.</p>")
    out.append('<div class="sg-checklist__groups">')
    for group in groups:
        out.append(f'<fieldset class="sg-checklist__group" data-step="{group.key}">')
        out.append(f"<legend>{group.number}. {esc(group.title)}</legend>")
        out.append('<ul class="sg-checklist__items">')
        for item in group.items:
            cls = "sg-checklist__item sg-checklist__item--own" if item.own else "sg-checklist__item"
            mark = ('<span class="sg-checklist__star" aria-hidden="true">★</span>'
                    '<span class="sg-visually-hidden">Case-specific: </span>') if item.own else ""
            input_id = f"{slug}--{item.id.replace('.', '--')}"
            out.append(
                f'<li class="{cls}"><label for="{input_id}">'
                f'<input type="checkbox" id="{input_id}" name="{esc(item.id)}" '
                f'data-item="{esc(item.id)}">'
                f'<span class="sg-checklist__text">{mark}{_inline(item.text)}</span></label></li>'
            )
        out.append("</ul>")
        out.append("</fieldset>")
    out.append("</div>")
    out.append("</form>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def case_checklist_html(case: CaseStudy, checklist_id: str | None = None) -> str:
    cid = checklist_id or f"case-studies/{case.slug}"
    return render_html(case_groups(case), checklist_id=cid, title=case.title,
                       subtitle="interview checklist")


def count_items(groups: list[Group]) -> int:
    return sum(len(g.items) for g in groups)

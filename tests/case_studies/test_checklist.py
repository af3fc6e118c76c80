"""The standard checklist data, the merge with a case's own items, and the HTML."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from studyguide.cases.schema import STEP_KEYS
from studyguide.cases import load_case_file
from studyguide.cases.checklist import (
    MAX_ITEM_CHARS,
    case_checklist_html,
    case_groups,
    case_item_id,
    count_items,
    load_standard,
    merge,
    render_html,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "case_studies"


def test_standard_checklist_has_11_steps_and_34_short_items():
    standard = load_standard()
    assert tuple(s.key for s in standard.steps) == STEP_KEYS
    predictive = [[i for i in s.items if i.applies_to("predictive")] for s in standard.steps]
    assert sum(len(items) for items in predictive) == 34
    assert [len(items) for items in predictive] == [5, 4, 2, 6, 3, 3, 1, 3, 2, 3, 2]
    assert all(len(i.text) <= MAX_ITEM_CHARS for s in standard.steps for i in s.items)
    assert standard.minutes == 45
    ids = [f"{s.key}.{i.id}" for s in standard.steps for i in s.items]
    assert len(ids) == len(set(ids))


def test_every_step_links_to_an_existing_framework_page():
    docs = Path(__file__).resolve().parents[2] / "docs"
    for step in load_standard().steps:
        assert step.page.startswith("framework/")
        if (docs / "framework").is_dir() and any((docs / "framework").iterdir()):
            assert (docs / step.page).is_file(), step.page


def test_merge_appends_case_items_to_their_step():
    groups = merge(load_standard(), {"metrics": ["Own metric item"], "risks": ["Own risk", "Two"]})
    assert [g.key for g in groups] == list(STEP_KEYS)
    metrics = groups[2]
    assert [i.own for i in metrics.items] == [False, False, True]
    assert metrics.items[-1].text == "Own metric item"
    assert metrics.items[-1].id == case_item_id("metrics", "Own metric item")
    assert [i.text for i in groups[-1].items][-2:] == ["Own risk", "Two"]
    assert count_items(groups) == 37


def test_merge_without_case_items_is_the_standard_checklist():
    groups = merge(load_standard(), None)
    assert count_items(groups) == 34
    assert not any(i.own for g in groups for i in g.items)


def test_merge_rejects_unknown_steps():
    with pytest.raises(ValueError, match="unknown checklist step"):
        merge(load_standard(), {"metric": ["x"]})


def test_case_item_ids_follow_the_text_not_the_position():
    assert case_item_id("data", "Split by time") == case_item_id("data", "split  by time")
    assert case_item_id("data", "Split by time") != case_item_id("model", "Split by time")
    assert re.fullmatch(r"data\.case-[0-9a-f]{8}", case_item_id("data", "Split by time"))


def test_case_groups_from_a_fixture():
    case = load_case_file(FIXTURES / "valid.md")
    groups = case_groups(case)
    assert count_items(groups) == 36
    offline = next(g for g in groups if g.key == "offline-eval")
    assert offline.items[-1].text == "Slice by video length." and offline.items[-1].own


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.inputs, self.labels, self.ids, self.live = [], [], 0, [], []
        self.buttons = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "input":
            self.inputs.append((attrs, [t for t, _ in self.stack]))
        else:
            self.stack.append((tag, attrs))
        if tag == "label":
            self.labels += 1
        if attrs.get("aria-live"):
            self.live.append(attrs["aria-live"])
        if tag == "button":
            self.buttons.append(attrs)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop()[0] != tag:
            pass


def test_html_every_checkbox_is_inside_its_own_label():
    case = load_case_file(FIXTURES / "valid.md")
    out = case_checklist_html(case)
    parser = Collect()
    parser.feed(out)
    assert len(parser.inputs) == 36 == parser.labels
    for attrs, ancestors in parser.inputs:
        assert attrs["type"] == "checkbox" and "disabled" not in attrs
        assert ancestors[-1] == "label" and "li" in ancestors and "fieldset" in ancestors
        assert attrs["data-item"]
    assert len(parser.ids) == len(set(parser.ids))
    assert parser.live == ["polite"]
    assert [b["data-checklist-action"] for b in parser.buttons] == ["reset", "print"]
    assert all(b["type"] == "button" for b in parser.buttons)
    assert '<span class="sg-checklist__done">0</span> / 36 done' in out
    assert 'data-checklist="case-studies/valid"' in out
    assert "<legend>7. Offline evaluation</legend>" in out
    assert "\n\n" not in out


def test_html_escapes_item_text_and_keeps_code_spans():
    groups = merge(load_standard(), {"data": ["Use `user_id` <b>not</b> & co"]})
    out = render_html(groups, checklist_id="x", title="T & U")
    assert "Use <code>user_id</code> &lt;b&gt;not&lt;/b&gt; &amp; co" in out
    assert 'aria-label="T &amp; U checklist"' in out
    assert "Items marked ★ are specific to this case." in out
    assert out.count('aria-hidden="true">★</span>') == 1


def test_no_case_note_without_case_items():
    out = render_html(merge(load_standard()), checklist_id="x", title="T")
    assert "specific to this case" not in out


def test_genai_variant_swaps_predictive_only_items_for_genai_items():
    standard = load_standard()
    genai = {i.id for g in merge(standard, {}, kind="genai") for i in g.items}
    predictive = {i.id for g in merge(standard, {}, kind="predictive") for i in g.items}
    assert predictive - genai == {"data.imbalance", "features.encoding", "model.cold-start"}
    added = genai - predictive
    assert len(added) == 7 and all(".genai-" in i for i in added)
    # the platform variant is the predictive one: no GenAI items leak into it
    assert {i.id for g in merge(standard, {}, kind="platform") for i in g.items} == predictive


def test_item_ids_of_release_one_are_unchanged():
    """Ticks saved in readers' browsers are keyed by these ids: never renumber them."""
    ids = {f"{s.key}.{i.id}" for s in load_standard().steps for i in s.items}
    release_one = {
        "clarify.restate", "clarify.objective", "clarify.scale", "clarify.constraints",
        "clarify.scope", "frame.need-ml", "frame.proxy", "frame.io-task", "frame.funnel",
        "metrics.offline", "metrics.online", "data.sources", "data.label", "data.negatives",
        "data.imbalance", "data.split", "data.bias", "features.by-actor", "features.encoding",
        "features.static-dynamic", "model.simple-first", "model.training", "model.cold-start",
        "offline-eval.baseline-slices", "serving.pipeline", "serving.mode", "serving.rerank",
        "deployment.rollout", "deployment.versioning", "monitoring.monitor", "monitoring.retrain",
        "monitoring.scale-out", "risks.risks", "risks.summary",
    }
    assert release_one <= ids

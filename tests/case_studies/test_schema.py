"""The front matter contract (notes/CASE-STUDY-SCHEMA.md): valid fixtures load, invalid ones fail
with messages naming the file, the field, what was expected and what was found."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from studyguide.cases import CaseSchemaError, is_case_study, load_case, load_case_file, main, split_front_matter

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "case_studies"
DOCS = Path(__file__).resolve().parents[2] / "docs" / "case-studies"


def rel(name: str) -> str:
    return f"tests/fixtures/case_studies/{name}"


def errors_of(name: str) -> list[str]:
    path = FIXTURES / name
    with pytest.raises(CaseSchemaError) as caught:
        load_case_file(rel(name), path.read_text(encoding="utf-8"))
    return str(caught.value).split("\n")


def test_valid_fixture_loads_with_every_field():
    case = load_case_file(FIXTURES / "valid.md")
    assert case.slug == "valid"
    assert case.labels.source == "natural"
    assert [s.items for s in case.funnel] == [1_000_000_000, 10_000, 500, 50]
    assert case.funnel.root[3].latency_ms == 20.5
    assert case.serving.mode == "hybrid"
    assert case.checklist.by_step() == {
        "metrics": ["Guard retention when watch time goes up."],
        "offline-eval": ["Slice by video length."],
    }
    assert case.features.by_actor()["user"] == ["watch history", "language"]


def test_minimal_fixture_loads_without_optional_fields():
    case = load_case_file(FIXTURES / "minimal.md")
    assert case.checklist is None and case.resources is None and case.related is None
    assert case.models.candidate_generation is None
    assert case.serving.latency_budget_ms is None
    assert case.labels.delay is None
    # equal counts are allowed: "must not increase"
    assert [s.items for s in case.funnel] == [1000, 1000]


EXPECTED = {
    "invalid-checklist-size.md": [
        "line 53: field 'checklist': expected at most 8 items in all (the checklist must print on"
        " one page), found 9",
    ],
    "invalid-checklist.md": [
        "line 54: field 'checklist.metric': unknown field (a typo?); expected one of clarify, "
        "frame, metrics, data, features, model, offline-eval, serving, deployment, monitoring, "
        "risks, found 'metric' (did you mean 'metrics'?)",
    ],
    "invalid-enums.md": [
        "line 11: field 'labels.source': expected one of natural, human, mixed, weak, found "
        "'clicks'",
        "line 42: field 'serving.mode': expected one of batch, online, streaming, hybrid, found "
        "'realtime'",
    ],
    "invalid-features.md": [
        "line 15: field 'features.item': expected at least 1 item, found 0 items",
        "line 14: field 'features.users': unknown field (a typo?); expected one of user, item, "
        "query, context, interaction, graph, author, advertiser, transaction, image, text, found "
        "'users' (did you mean 'user'?)",
    ],
    "invalid-funnel-items.md": [
        "line 25: field 'funnel[2].items': expected an integer greater than 0, found 'lots'",
    ],
    "invalid-funnel-order.md": [
        "line 29: field 'funnel[3].items': expected at most 500 (counts must not increase; stage "
        "'Ranking' before it has 500), found 5000 at stage 'Re-ranking'",
    ],
    "invalid-genai.md": [
        "line 25: field 'funnel[2].token': unknown field (a typo?); expected one of stage, items,"
        " model, latency_ms, tokens, ttft_ms, found 'token' (did you mean 'tokens'?)",
        "line 56: field 'genai.adaptation.choice[1]': expected one of prompting, rag, fine-"
        "tuning, lora, rlhf, dpo, distillation or pretraining, found 'finetuning' (did you mean "
        "'fine-tuning'?)",
        "line 58: field 'genai.budgets.ttft_ms': expected a number greater than 0 (time to first "
        "token, ms), found nothing (the field is missing)",
        "line 74: field 'genai.safety[1].threat': expected one of prompt-injection, indirect-"
        "prompt-injection, jailbreak, pii-leak, data-exfiltration, hallucination, toxicity, "
        "copyright, bias, misuse, other, found 'pii'",
    ],
    "invalid-kind-fields.md": [
        "line 2: field 'genai': expected a mapping with adaptation, budgets, cost, evaluation, "
        "safety (required for kind: genai), found nothing (the field is missing)",
        "line 53: field 'components': expected nothing (not used by kind: genai; see notes/CASE-"
        "STUDY-SCHEMA.md), found components",
    ],
    "invalid-lists.md": [
        "line 17: field 'funnel': expected at least 2 items, found 1 item",
        "line 36: field 'risks': expected at least 2 items, found 1 item",
    ],
    "invalid-missing.md": [
        "field 'objective': expected a non-empty string, found nothing (the field is missing)",
        "line 31: field 'models.ranker': expected a non-empty string, found nothing (the field is"
        " missing)",
    ],
    "invalid-platform-feeds.md": [
        "line 31: field 'components[1].feeds': expected names of components in this case, found "
        "'Training pipelines' (did you mean 'Training pipeline'?)",
    ],
    "invalid-types.md": [
        "line 4: field 'tags': expected at least 1 item, found 0 items",
        "line 38: field 'metrics.offline': expected a list of one or more non-empty strings, "
        "found 'recall@k'",
        "line 43: field 'serving.latency_budget_ms': expected a number greater than 0, or null "
        "(batch), found 'fast'",
        "line 60: field 'resources[0].url': expected an http(s) URL, found 'www.youtube.com'",
    ],
    "invalid-unknown-field.md": [
        "field 'ml_task': expected a non-empty string, found nothing (the field is missing)",
        "line 12: field 'labels.dealy': unknown field (a typo?); expected one of positive, "
        "negative, source, delay, found 'dealy' (did you mean 'delay'?)",
        "line 7: field 'mltask': unknown field (a typo?); expected one of kind, title, "
        "description, tags, prompt, objective, ml_task, labels, features, funnel, models, genai, "
        "components, metrics, serving, scale, risks, checklist, resources, related, found "
        "'mltask' (did you mean 'ml_task'?)",
    ],
    "invalid-yaml.md": [
        "line 10: the front matter is not valid YAML: mapping values are not allowed here",
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fixture_gives_exact_messages(name):
    assert errors_of(name) == [f"{rel(name)}: {line}" for line in EXPECTED[name]]


def test_each_field_error_names_the_yaml_line_of_that_field():
    """The line prefix points at the offending key (or its parent when the key is missing)."""
    for name, lines in EXPECTED.items():
        text = (FIXTURES / name).read_text(encoding="utf-8").split("\n")
        for message in lines:
            prefix = re.match(r"line (\d+): ", message)
            if prefix is None:  # a missing top-level field has no line of its own
                assert "the field is missing" in message
                continue
            line = int(prefix.group(1))
            field = re.search(r"field '([^']+)'", message)
            if field is None:  # YAML syntax errors carry the parser's own line
                continue
            # the last named key (an index into a flow list stays on its key's line)
            last = re.split(r"[.\[]", re.sub(r"(\[\d+\])+$", "", field.group(1)))[-1].rstrip("]")
            source_line = text[line - 1]
            assert (last + ":" in source_line or source_line.lstrip().startswith("-")
                    or "missing" in message), (name, message, source_line)


def test_every_invalid_fixture_has_expected_messages():
    on_disk = {p.name for p in FIXTURES.glob("invalid-*.md")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("value, found", [
    ("true", "true"), ("1.5", "1.5"), ("0", "0"), ("-3", "-3"), ('"1000"', "'1000'"),
])
def test_funnel_items_must_be_a_positive_integer(value, found):
    data, _, _ = split_front_matter("x.md", (FIXTURES / "valid.md").read_text())
    data["funnel"][1]["items"] = __import__("yaml").safe_load(value)
    with pytest.raises(CaseSchemaError) as caught:
        load_case("docs/case-studies/x.md", data)
    first = str(caught.value).split("\n")[0]
    assert first.startswith("docs/case-studies/x.md: field 'funnel[1].items': expected ")
    assert first.endswith(f"found {found}")


def test_string_fields_are_not_coerced_from_numbers():
    data, _, _ = split_front_matter("x.md", (FIXTURES / "valid.md").read_text())
    data["labels"]["delay"] = 5
    with pytest.raises(CaseSchemaError, match=r"field 'labels.delay': expected a non-empty string "
                                              r"\(optional\), found 5$"):
        load_case("x.md", data)


def test_no_front_matter_is_an_error():
    with pytest.raises(CaseSchemaError, match="^x.md: no YAML front matter"):
        load_case_file("x.md", "# Title\n\nText\n")


def test_front_matter_that_is_not_a_mapping():
    with pytest.raises(CaseSchemaError, match="front matter: expected a mapping of fields, found a list"):
        load_case_file("x.md", "---\n- a\n- b\n---\n# T\n")


def test_yaml_error_reports_the_line_in_the_file():
    text = "---\ntitle: X\nlabels:\n  positive: \"unclosed\n---\n"
    with pytest.raises(CaseSchemaError) as caught:
        load_case_file("x.md", text)
    assert "(while scanning a quoted scalar at line 4)" in str(caught.value)


def test_is_case_study():
    assert is_case_study("case-studies/video-recommendation.md")
    assert not is_case_study("case-studies/index.md")
    assert not is_case_study("topics/metrics.md")
    assert not is_case_study("case-studies/sub/x.md")


def test_command_line(capsys):
    assert main([str(FIXTURES / "valid.md"), str(FIXTURES / "minimal.md")]) == 0
    out = capsys.readouterr().out
    assert out.count(": ok") == 2 and "2 of 2 case studies valid" in out
    assert main([str(FIXTURES / "invalid-enums.md")]) == 1
    out = capsys.readouterr().out
    assert "field 'labels.source': expected one of natural, human, mixed, weak, found 'clicks'" in out
    assert "0 of 1 case studies valid" in out


def test_command_line_skips_the_index_in_a_folder(tmp_path, capsys):
    (tmp_path / "index.md").write_text("# Not a case\n")
    (tmp_path / "a.md").write_text((FIXTURES / "minimal.md").read_text())
    assert main([str(tmp_path)]) == 0
    assert "1 of 1 case studies valid" in capsys.readouterr().out


@pytest.mark.parametrize("path", sorted(p for p in DOCS.glob("*.md") if p.name != "index.md"),
                         ids=lambda p: p.stem)
def test_every_real_case_study_validates(path):
    load_case_file(path)


def test_genai_fixture_loads_with_every_genai_field():
    case = load_case_file(FIXTURES / "valid-genai.md")
    assert case.kind == "genai"
    assert case.genai.adaptation.choice == ("rag", "fine-tuning") or \
        list(case.genai.adaptation.choice) == ["rag", "fine-tuning"]
    assert case.genai.budgets.context_tokens == 6000 and case.genai.budgets.ttft_ms == 1500
    assert [t.threat for t in case.genai.safety] == ["indirect-prompt-injection", "pii-leak"]
    assert [s.tokens for s in case.funnel] == [None, None, 4000, None]
    assert case.funnel.root[3].ttft_ms == 1500


def test_platform_fixture_needs_no_funnel_labels_features_or_models():
    case = load_case_file(FIXTURES / "valid-platform.md")
    assert case.kind == "platform"
    assert case.funnel is None and case.labels is None and case.features is None
    assert [c.name for c in case.components][:2] == ["Feature registry", "Offline store"]


def test_release_one_cases_are_predictive_by_default():
    assert load_case_file(FIXTURES / "valid.md").kind == "predictive"

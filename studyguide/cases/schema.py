"""The case-study front matter contract (notes/CASE-STUDY-SCHEMA.md) as pydantic models.

Every error names the file, the field, what was expected and what was found, e.g.

    docs/case-studies/x.md: field 'funnel[2].items': expected an integer greater than 0, found 'lots'

Error messages are in ``errors.py``, reading and validating files in ``load.py``. Command line
(writers validate their pages with it):

    python -m studyguide.cases docs/case-studies/*.md
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

STEP_KEYS = (
    "clarify", "frame", "metrics", "data", "features", "model",
    "offline-eval", "serving", "deployment", "monitoring", "risks",
)
FEATURE_ACTORS = (
    "user", "item", "query", "context", "interaction", "graph",
    "author", "advertiser", "transaction", "image", "text",
)
MAX_CASE_CHECKLIST_ITEMS = 8
CASE_KINDS = ("predictive", "genai", "platform")
ADAPTATIONS = ("prompting", "rag", "fine-tuning", "lora", "rlhf", "dpo", "distillation", "pretraining")
THREATS = (
    "prompt-injection", "indirect-prompt-injection", "jailbreak", "pii-leak", "data-exfiltration",
    "hallucination", "toxicity", "copyright", "bias", "misuse", "other",
)
# Which optional top-level fields each kind must have, and which it must not have.
KIND_REQUIRES = {
    "predictive": ("labels", "features", "funnel", "models"),
    "genai": ("labels", "features", "funnel", "models", "genai"),
    "platform": ("components",),
}
KIND_FORBIDS = {
    "predictive": ("genai", "components"),
    "genai": ("components",),
    "platform": ("genai",),
}

# ---------------------------------------------------------------------------------------------
# Types. The "expected" phrase shown in error messages lives in each Field's description.

Text = Annotated[str, StringConstraints(strict=True, strip_whitespace=True, min_length=1)]
Number = Annotated[float, Field(strict=True, gt=0)]  # strict float accepts int, not bool or "30"
TextList = Annotated[list[Text], Field(min_length=1)]

E_TEXT = "a non-empty string"
E_TEXT_LIST = "a list of one or more non-empty strings"


def _f(expected: str, default: Any = ..., **kwargs: Any) -> Any:
    return Field(default, description=expected, **kwargs)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Labels(_Model):
    positive: Text = _f(E_TEXT)
    negative: Text = _f(E_TEXT)
    source: Literal["natural", "human", "mixed", "weak"] = _f(
        "one of natural, human, mixed, weak")
    delay: Text | None = _f(E_TEXT + " (optional)", None)


class Features(_Model):
    user: TextList | None = _f(E_TEXT_LIST, None)
    item: TextList | None = _f(E_TEXT_LIST, None)
    query: TextList | None = _f(E_TEXT_LIST, None)
    context: TextList | None = _f(E_TEXT_LIST, None)
    interaction: TextList | None = _f(E_TEXT_LIST, None)
    graph: TextList | None = _f(E_TEXT_LIST, None)
    author: TextList | None = _f(E_TEXT_LIST, None)
    advertiser: TextList | None = _f(E_TEXT_LIST, None)
    transaction: TextList | None = _f(E_TEXT_LIST, None)
    image: TextList | None = _f(E_TEXT_LIST, None)
    text: TextList | None = _f(E_TEXT_LIST, None)

    def by_actor(self) -> dict[str, list[str]]:
        return {k: v for k in FEATURE_ACTORS if (v := getattr(self, k))}


PositiveInt = Annotated[int, Field(strict=True, gt=0)]


class FunnelStage(_Model):
    stage: Text = _f(E_TEXT)
    items: PositiveInt = _f("an integer greater than 0")
    model: Text | None = _f(E_TEXT + " (optional)", None)
    latency_ms: Number | None = _f("a number greater than 0 (optional)", None)
    # Generative pipelines: the context tokens a stage hands on, and a generator's first-token time.
    tokens: PositiveInt | None = _f("an integer greater than 0 (optional: context tokens)", None)
    ttft_ms: Number | None = _f("a number greater than 0 (optional: time to first token)", None)


def check_funnel_order(stages: list[FunnelStage]) -> list[FunnelStage]:
    """Item counts must never increase from one stage to the next."""
    for index in range(1, len(stages)):
        before, after = stages[index - 1], stages[index]
        if after.items > before.items:
            raise PydanticCustomError(
                "funnel_order",
                "stage {index} ({stage!r}) has more items than the stage before it",
                {"index": index, "stage": after.stage, "items": after.items,
                 "previous_stage": before.stage, "previous_items": before.items},
            )
    return stages


class Funnel(RootModel[Annotated[list[FunnelStage], Field(min_length=2)]]):
    """A funnel on its own: used by the fenced ```funnel block."""

    _check = field_validator("root")(classmethod(lambda cls, v: check_funnel_order(v)))

    def __iter__(self):
        return iter(self.root)

    def __len__(self):
        return len(self.root)


class Models(_Model):
    baseline: Text = _f(E_TEXT)
    candidate_generation: Text | None = _f(E_TEXT + " or null (no retrieval stage)", None)
    ranker: Text = _f(E_TEXT)
    reranking: Text | None = _f(E_TEXT + " or null", None)


class Metrics(_Model):
    offline: TextList = _f(E_TEXT_LIST)
    online: TextList = _f(E_TEXT_LIST)
    guardrails: TextList = _f(E_TEXT_LIST)


class Serving(_Model):
    mode: Literal["batch", "online", "streaming", "hybrid"] = _f(
        "one of batch, online, streaming, hybrid")
    latency_budget_ms: Number | None = _f("a number greater than 0, or null (batch)", None)
    notes: Text = _f(E_TEXT)


class ScaleFigure(_Model):
    figure: Text = _f(E_TEXT)
    source: Text = _f('"assumption" or the publication (company/paper and year)')


class Risk(_Model):
    risk: Text = _f(E_TEXT)
    mitigation: Text = _f(E_TEXT)


class CaseChecklist(_Model):
    """This case's own checklist items, by interview step."""

    clarify: TextList | None = _f(E_TEXT_LIST, None)
    frame: TextList | None = _f(E_TEXT_LIST, None)
    metrics: TextList | None = _f(E_TEXT_LIST, None)
    data: TextList | None = _f(E_TEXT_LIST, None)
    features: TextList | None = _f(E_TEXT_LIST, None)
    model: TextList | None = _f(E_TEXT_LIST, None)
    offline_eval: TextList | None = _f(E_TEXT_LIST, None, alias="offline-eval")
    serving: TextList | None = _f(E_TEXT_LIST, None)
    deployment: TextList | None = _f(E_TEXT_LIST, None)
    monitoring: TextList | None = _f(E_TEXT_LIST, None)
    risks: TextList | None = _f(E_TEXT_LIST, None)

    def by_step(self) -> dict[str, list[str]]:
        return {k: v for k in STEP_KEYS if (v := getattr(self, k.replace("-", "_")))}


class Resource(_Model):
    title: Text = _f(E_TEXT)
    url: Annotated[str, StringConstraints(strict=True, pattern=r"^https?://\S+$")] = _f(
        "an http(s) URL")


class Adaptation(_Model):
    choice: Annotated[list[Literal[ADAPTATIONS]], Field(min_length=1)] = _f(
        "a list of one or more of " + ", ".join(ADAPTATIONS))
    why: Text = _f(E_TEXT)


class Budgets(_Model):
    """Per request."""

    context_tokens: PositiveInt = _f("an integer greater than 0 (input tokens per request)")
    output_tokens: PositiveInt = _f("an integer greater than 0 (output tokens per request)")
    ttft_ms: Number = _f("a number greater than 0 (time to first token, ms)")
    tokens_per_second: Number | None = _f("a number greater than 0 (optional)", None)
    end_to_end_ms: Number | None = _f("a number greater than 0 (optional)", None)


class Cost(_Model):
    per_1k_requests_usd: Number = _f("a number greater than 0 (USD per 1,000 requests)")
    basis: Text = _f(E_TEXT + " (the arithmetic)")
    source: Text = _f('"assumption" or the publication (company/paper and year)')


class Evaluation(_Model):
    golden_set: Text = _f(E_TEXT)
    judge: Text | None = _f(E_TEXT + " or null (no LLM judge)", None)


class SafetyThreat(_Model):
    threat: Literal[THREATS] = _f("one of " + ", ".join(THREATS))
    risk: Text = _f(E_TEXT)
    mitigation: Text = _f(E_TEXT)


class GenAI(_Model):
    """What an interviewer asks of a generative system, beyond the predictive fields."""

    adaptation: Adaptation = _f("a mapping with choice (list) and why")
    budgets: Budgets = _f("a mapping with context_tokens, output_tokens, ttft_ms "
                          "(and optional tokens_per_second, end_to_end_ms)")
    cost: Cost = _f("a mapping with per_1k_requests_usd, basis, source")
    evaluation: Evaluation = _f("a mapping with golden_set and judge")
    safety: Annotated[list[SafetyThreat], Field(min_length=2)] = _f(
        "a list of two or more {threat, risk, mitigation}")


class Component(_Model):
    """One box of a platform case's architecture diagram."""

    name: Text = _f(E_TEXT)
    role: Text = _f(E_TEXT)
    latency_ms: Number | None = _f("a number greater than 0, or null (batch)", None)
    feeds: TextList | None = _f(E_TEXT_LIST + " (names of other components)", None)


class CaseStudy(_Model):
    kind: Literal[CASE_KINDS] = _f("one of " + ", ".join(CASE_KINDS), "predictive")
    title: Text = _f(E_TEXT)
    description: Text = _f(E_TEXT)
    tags: TextList = _f(E_TEXT_LIST)
    prompt: Text = _f(E_TEXT)
    objective: Text = _f(E_TEXT)
    ml_task: Text = _f(E_TEXT)
    # Required or forbidden by `kind` (KIND_REQUIRES / KIND_FORBIDS), checked after the fields.
    labels: Labels | None = _f("a mapping with positive, negative, source (and optional delay)", None)
    features: Features | None = _f("a mapping of actor -> list of features (actors: "
                                   + ", ".join(FEATURE_ACTORS) + ")", None)
    funnel: Funnel | None = _f("a list of two or more stages ({stage, items, model, latency_ms})",
                               None)
    models: Models | None = _f("a mapping with baseline, candidate_generation, ranker, reranking",
                               None)
    genai: GenAI | None = _f("a mapping with adaptation, budgets, cost, evaluation, safety", None)
    components: Annotated[list[Component], Field(min_length=3)] | None = _f(
        "a list of three or more {name, role, latency_ms, feeds}", None)
    metrics: Metrics = _f("a mapping with offline, online, guardrails (lists of strings)")
    serving: Serving = _f("a mapping with mode, latency_budget_ms, notes")
    scale: Annotated[list[ScaleFigure], Field(min_length=1)] = _f(
        "a list of one or more {figure, source}")
    risks: Annotated[list[Risk], Field(min_length=2)] = _f(
        "a list of two or more {risk, mitigation}")
    checklist: CaseChecklist | None = _f(
        "a mapping of interview step -> list of items (steps: " + ", ".join(STEP_KEYS) + ")", None)
    resources: list[Resource] | None = _f("a list of {title, url}", None)
    related: TextList | None = _f(E_TEXT_LIST + " (topic page names)", None)

    # Filled in by load_case (not front matter).
    slug: str = Field("", exclude=True)
    src_path: str = Field("", exclude=True)

    @field_validator("features")
    @classmethod
    def _some_features(cls, value: Features | None) -> Features | None:
        if value is not None and not value.by_actor():
            raise PydanticCustomError("features_empty", "no actor listed")
        return value

    @field_validator("checklist")
    @classmethod
    def _checklist_size(cls, value: CaseChecklist | None) -> CaseChecklist | None:
        if value is not None:
            count = sum(len(v) for v in value.by_step().values())
            if count > MAX_CASE_CHECKLIST_ITEMS:
                raise PydanticCustomError("checklist_size", "too many items",
                                          {"count": count})
        return value

    @model_validator(mode="after")
    def _fields_of_kind(self):
        missing = [name for name in KIND_REQUIRES[self.kind] if getattr(self, name) is None]
        extra = [name for name in KIND_FORBIDS[self.kind] if getattr(self, name) is not None]
        if missing or extra:
            raise PydanticCustomError("kind_fields", "fields do not fit the kind",
                                      {"kind": self.kind, "missing": missing, "extra": extra})
        names = [c.name for c in self.components or ()]
        for index, component in enumerate(self.components or ()):
            for target in component.feeds or ():
                if target not in names:
                    raise PydanticCustomError("unknown_component", "unknown component",
                                              {"index": index, "target": target, "names": names})
        return self

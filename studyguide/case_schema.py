"""The case-study front matter contract (notes/CASE-STUDY-SCHEMA.md) as pydantic models.

Every error names the file, the field, what was expected and what was found, e.g.

    docs/case-studies/x.md: field 'funnel[2].items': expected an integer greater than 0, found 'lots'

Command line (writers validate their pages with it):

    python -m studyguide.case_schema docs/case-studies/*.md
"""
from __future__ import annotations

import difflib
import re
import sys
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from studyguide.markdown import frontmatter

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


# ---------------------------------------------------------------------------------------------
# Errors


class CaseSchemaError(ValueError):
    """One or more problems in one file's front matter; str() is one line per problem."""

    def __init__(self, path: str, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__("\n".join(f"{self.path}: {p}" if self.path else p for p in problems))


def _found(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return repr(text)
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    return f"{type(value).__name__} {value!r}"[:60]


def _path(loc: tuple) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part == "root":
            continue
        else:
            out += ("." if out else "") + str(part)
    return out


def _field_info(model: type[BaseModel] | None, loc: tuple):
    """The FieldInfo a location ends at (walking nested models and lists)."""
    info = None
    current: Any = model
    for part in loc:
        if isinstance(part, int) or part == "root":
            if isinstance(current, type) and issubclass(current, RootModel):
                current = current.model_fields["root"].annotation
            continue
        current = _unwrap(current)
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        fields = current.model_fields
        name = next((n for n, f in fields.items() if n == part or f.alias == part), None)
        if name is None:
            return None
        info = fields[name]
        current = info.annotation
    return info


def _type_at(model: Any, loc: tuple) -> Any:
    """The model type a location points into (None if it can't be followed)."""
    current = model
    for part in loc:
        current = _unwrap(current)
        if isinstance(part, int) or part == "root":
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        fields = current.model_fields
        name = next((n for n, f in fields.items() if n == part or f.alias == part), None)
        if name is None:
            return None
        current = fields[name].annotation
    return _unwrap(current)


def _unwrap(annotation: Any) -> Any:
    """list[X] / X | None / Annotated[X, ...] / RootModel[list[X]] -> X."""
    import types
    import typing

    for _ in range(8):
        if isinstance(annotation, type) and issubclass(annotation, RootModel):
            annotation = annotation.model_fields["root"].annotation
            continue
        origin = typing.get_origin(annotation)
        if origin is Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (list, Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            break
    return annotation


def _expected_from_error(err: dict) -> str:
    kind, ctx = err["type"], err.get("ctx") or {}
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "an integer"
    if kind in ("string_type",):
        return "a string"
    if kind == "string_too_short":
        return "a non-empty string"
    if kind in ("greater_than",):
        return f"a number greater than {ctx.get('gt')}"
    if kind == "too_short":
        n = ctx.get("min_length")
        return f"at least {n} item{'s' if n != 1 else ''}"
    if kind == "list_type":
        return "a list"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "a mapping"
    if kind == "literal_error":
        return "one of " + str(ctx.get("expected", "")).replace("'", "")
    if kind == "string_pattern_mismatch":
        return "an http(s) URL"
    return err.get("msg", "a valid value")


def format_errors(error: ValidationError, model: type[BaseModel] = CaseStudy,
                  prefix: str = "", locate=None) -> list[str]:
    """pydantic errors -> "field 'x.y': expected ..., found ..." lines (first per field).

    `locate(loc) -> line or None` prefixes each line with "line N: " (the YAML line in the file)."""
    lines: list[str] = []
    seen: set[str] = set()

    def at(loc: tuple, message: str) -> str:
        line = locate(loc) if locate else None
        return f"line {line}: {message}" if line else message

    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        kind = err["type"]
        ctx = err.get("ctx") or {}
        # Union members (int | float, X | None) report one error each: keep the first per field.
        loc = tuple(p for p in loc if not (isinstance(p, str) and (
            p in ("int", "float", "str", "none", "list[...]") or p.startswith(("function-", "constrained-")))))
        name = prefix + _path(loc)
        if kind == "funnel_order":
            i = ctx["index"]
            name = f"{prefix}{_path(loc)}[{i}].items"
            loc = loc + (i, "items")
            msg = (f"field '{name}': expected at most {ctx['previous_items']} "
                   f"(counts must not increase; stage '{ctx['previous_stage']}' before it has "
                   f"{ctx['previous_items']}), found {ctx['items']} at stage '{ctx['stage']}'")
        elif kind == "extra_forbidden":
            parent = _type_at(model, loc[:-1])
            allowed = []
            if isinstance(parent, type) and issubclass(parent, BaseModel):
                allowed = [f.alias or n for n, f in parent.model_fields.items() if not f.exclude]
            close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            msg = (f"field '{name}': unknown field (a typo?); expected one of "
                   f"{', '.join(allowed)}, found '{loc[-1]}'{hint}")
        elif kind == "missing":
            info = _field_info(model, loc)
            expected = info.description if info and info.description else "a value"
            msg = f"field '{name}': expected {expected}, found nothing (the field is missing)"
        elif kind == "features_empty":
            msg = f"field '{name}': expected at least one actor with features, found none"
        elif kind == "kind_fields":
            for field in ctx["missing"]:
                info = CaseStudy.model_fields[field]
                lines.append(at(("kind",), f"field '{prefix}{field}': expected {info.description} (required for "
                             f"kind: {ctx['kind']}), found nothing (the field is missing)"))
            for field in ctx["extra"]:
                lines.append(at((field,), f"field '{prefix}{field}': expected nothing (not used by kind: "
                             f"{ctx['kind']}; see notes/CASE-STUDY-SCHEMA.md), found {field}"))
            continue
        elif kind == "unknown_component":
            loc = loc + ("components", ctx["index"], "feeds")
            name = f"{prefix}components[{ctx['index']}].feeds"
            close = difflib.get_close_matches(ctx["target"], ctx["names"], n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            msg = (f"field '{name}': expected names of components in this case, "
                   f"found '{ctx['target']}'{hint}")
        elif kind == "checklist_size":
            msg = (f"field '{name}': expected at most {MAX_CASE_CHECKLIST_ITEMS} items in all "
                   f"(the checklist must print on one page), found {ctx['count']}")
        else:
            info = _field_info(model, loc)
            expected = info.description if (info and info.description) else None
            if kind == "too_short" or (loc and isinstance(loc[-1], int)):
                # a list's length, or one element of a list of strings
                expected = _expected_from_error(err)
                if kind == "string_type":
                    expected = "a non-empty string"
            elif expected is None or kind in ("model_type", "dict_type", "list_type"):
                expected = expected or _expected_from_error(err)
            found = _found(err.get("input"))
            if kind == "too_short":
                n = ctx.get("actual_length", 0)
                found = f"{n} item{'s' if n != 1 else ''}"
            msg = f"field '{name}': expected {expected}, found {found}"
            if kind == "literal_error" and isinstance(err.get("input"), str):
                options = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
                close = difflib.get_close_matches(err["input"], options, n=1, cutoff=0.6)
                msg += f" (did you mean '{close[0]}'?)" if close else ""
        if name in seen:
            continue
        seen.add(name)
        lines.append(at(loc, msg))
    return lines


def yaml_locator(yaml_text: str, first_line: int = 1):
    """loc -> the file line of that field in `yaml_text` (which starts at `first_line`).

    Follows the composed YAML node tree (marks survive composing, not loading); a location that
    does not exist (a missing field) gives the line of its nearest existing parent."""
    try:
        root = yaml.compose(yaml_text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return lambda loc: None

    def locate(loc: tuple) -> int | None:
        node, line = root, None
        for part in loc:
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                match = next(((k, v) for k, v in node.value if k.value == part), None)
                if match is None:
                    break
                line, node = match[0].start_mark.line, match[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if part >= len(node.value):
                    break
                node = node.value[part]
                line = node.start_mark.line
            elif part != "root":
                break
        return None if line is None else line + first_line

    return locate


# ---------------------------------------------------------------------------------------------
# Loading

def split_front_matter(path: str, text: str) -> tuple[dict, str, int]:
    """(front matter, body, line number where the body starts). Errors carry line numbers."""
    parts = frontmatter.split(text)
    if parts.raw is None:
        raise CaseSchemaError(path, ["no YAML front matter: the file must start with a line '---', "
                                     "the fields, and a closing line '---'"])
    try:
        data = frontmatter.parse(parts.raw, loader=yaml.SafeLoader)
    except frontmatter.FrontMatterError as error:
        where = f"line {error.line}" if error.line else "front matter"
        raise CaseSchemaError(path, [f"{where}: the front matter is not valid YAML: {error.detail}"]) \
            from None
    if not isinstance(data, dict):
        raise CaseSchemaError(path, [f"front matter: expected a mapping of fields, "
                                     f"found {_found(data)}"])
    return data, parts.body, parts.body_line


def load_case(path: str | Path, front_matter: dict, locate=None) -> CaseStudy:
    """Validate one case study's front matter; raise CaseSchemaError naming every problem."""
    path = str(path)
    try:
        case = CaseStudy.model_validate(front_matter)
    except ValidationError as error:
        raise CaseSchemaError(path, format_errors(error, locate=locate)) from None
    slug = Path(path).stem
    return case.model_copy(update={"slug": slug, "src_path": path})


def load_case_file(path: str | Path, text: str | None = None) -> CaseStudy:
    path = Path(path)
    if text is None:
        text = path.read_text(encoding="utf-8")
    data, _body, _line = split_front_matter(str(path), text)
    parts = frontmatter.split(text)
    return load_case(str(path), data, locate=yaml_locator(parts.raw, first_line=parts.yaml_line))


def is_case_study(src_uri: str) -> bool:
    """docs-relative path: every case-studies/*.md except the index."""
    parts = src_uri.replace("\\", "/").split("/")
    return (len(parts) == 2 and parts[0] == "case-studies" and parts[1].endswith(".md")
            and parts[1] != "index.md")


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args:
        args = ["docs/case-studies"]
    paths: list[Path] = []
    for arg in args:
        p = Path(arg)
        if p.is_dir():
            paths.extend(sorted(q for q in p.glob("*.md") if q.name != "index.md"))
        elif p.name != "index.md":
            paths.append(p)
    bad = 0
    for p in paths:
        try:
            load_case_file(p)
        except CaseSchemaError as error:
            bad += 1
            print(error, flush=True)
        except OSError as error:
            bad += 1
            print(f"{p}: cannot read: {error.strerror}", flush=True)
        else:
            print(f"{p}: ok")
    print(f"{len(paths) - bad} of {len(paths)} case studies valid")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())


# ---------------------------------------------------------------------------------------------
# All case studies of a build (used by the hooks)


def display_path(file) -> str:
    """A MkDocs File as a path relative to the working directory (docs/case-studies/x.md)."""
    import os

    if getattr(file, "abs_src_path", None) and not getattr(file, "generated_by", None):
        return os.path.relpath(file.abs_src_path)
    return file.src_uri


def load_cases(files, config=None) -> dict[str, CaseStudy]:
    """Validate every case study in a MkDocs Files collection: {src_uri: CaseStudy}.

    Raises one CaseSchemaError listing every problem in every file."""
    cases: dict[str, CaseStudy] = {}
    problems: list[str] = []
    for file in files:
        if not is_case_study(file.src_uri) or not file.src_uri.endswith(".md"):
            continue
        where = display_path(file)
        try:
            cases[file.src_uri] = load_case_file(where, file.content_string)
        except CaseSchemaError as error:
            problems.extend(str(error).split("\n"))
    if problems:
        raise CaseSchemaError("", problems)
    return cases


def nav_order(config, cases: dict[str, CaseStudy]) -> list[CaseStudy]:
    """Cases in the order of mkdocs.yml's nav; any not in the nav follow by title."""
    order: list[str] = []

    def walk(node):
        if isinstance(node, str):
            order.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk((config or {}).get("nav") or [])
    ranked = [cases[uri] for uri in order if uri in cases]
    rest = sorted((c for uri, c in cases.items() if uri not in order), key=lambda c: c.title.lower())
    return ranked + rest

"""Validation errors as one line per problem: the field, what was expected, what was found (and
"did you mean" for typos), with the YAML line when it is known."""
from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Union

import yaml
from pydantic import BaseModel, RootModel, ValidationError

from .schema import MAX_CASE_CHECKLIST_ITEMS, CaseStudy

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


def _walk(model: Any, loc: tuple) -> tuple[Any, Any] | None:
    """(FieldInfo of the last named field, the type the location points into), following nested
    models, lists and unions; None if the location can't be followed."""
    info, current = None, model
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
        info = fields[name]
        current = info.annotation
    return info, _unwrap(current)


def _field_info(model: type[BaseModel] | None, loc: tuple):
    """The FieldInfo a location ends at (walking nested models and lists)."""
    found = _walk(model, loc)
    return found[0] if found else None


def _type_at(model: Any, loc: tuple) -> Any:
    """The model type a location points into (None if it can't be followed)."""
    found = _walk(model, loc)
    return found[1] if found else None


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



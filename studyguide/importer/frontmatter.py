"""Front matter: split, parse (PyYAML), unify, and render.

PyYAML is called directly (a SafeLoader that keeps timestamps as text, so ``2024-12-15T22:35`` is
normalised by us, not half-parsed) rather than through python-frontmatter, which silently drops
front matter that is not a mapping; that would lose content.

Unified keys: ``title``, ``tags``, ``aliases``, ``created``, ``updated`` (ISO 8601), and an
``imported`` block with provenance (``source`` path, ``source_sha256``, ``sha256`` of the page as
written). Unknown keys are kept as they were. Malformed YAML is reported and kept verbatim in a
fenced block at the top of the page, so nothing is lost.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from studyguide.markdown import frontmatter as markdown_fm
from studyguide.markdown.frontmatter import TextTimestampLoader

from .report import Diagnostic

CREATED_KEYS = ("created", "date created", "created_at", "creation date", "date", "ctime")
UPDATED_KEYS = ("updated", "modified", "date modified", "last modified", "updated_at", "mtime", "lastmod")
TAG_KEYS = ("tags", "tag")
ALIAS_KEYS = ("aliases", "alias")
RESERVED = ("title", "tags", "aliases", "created", "updated", "imported")


@dataclass
class FrontMatter:
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # 1-based line of the source where the body starts
    raw_invalid: str | None = None  # malformed YAML, kept verbatim
    diagnostics: list[Diagnostic] = field(default_factory=list)


_SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def split(text: str, rel: str) -> FrontMatter:
    parts = markdown_fm.split(text)
    if parts.raw is None:
        return FrontMatter({}, text, 1)
    try:
        meta = markdown_fm.parse(parts.raw, loader=TextTimestampLoader)
    except markdown_fm.FrontMatterError as error:
        fm = FrontMatter({}, parts.body, parts.body_line, raw_invalid=parts.raw)
        fm.diagnostics.append(Diagnostic("frontmatter-invalid",
                                         f"malformed YAML front matter kept as a code block: {error.summary}",
                                         rel, error.line or 1, "error"))
        return fm
    if not isinstance(meta, dict):
        fm = FrontMatter({}, parts.body, parts.body_line, raw_invalid=parts.raw)
        fm.diagnostics.append(Diagnostic("frontmatter-invalid", "front matter is not a mapping; kept as a code block",
                                         rel, 1, "error"))
        return fm
    return FrontMatter({str(k): v for k, v in meta.items()}, parts.body, parts.body_line)


# ---------------------------------------------------------------------------- dates
_FORMATS = (
    "%Y-%m-%d, %H:%M", "%Y-%m-%d, %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M",
    "%Y/%m/%d", "%Y.%m.%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y",
    "%A, %B %d, %Y", "%Y%m%d%H%M%S", "%Y%m%d",
)


def normalise_date(value: Any) -> str | None:
    """Return an ISO 8601 string, or None when the value is not a recognisable timestamp.

    Epoch numbers: > 10^11 is milliseconds (Dendron), otherwise seconds; converted in UTC.
    Date-only values stay dates; date-times get seconds; time zones are kept when given.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _from_epoch(float(value))
    if not isinstance(value, str):
        return None
    text = value.strip()
    if re.fullmatch(r"\d{9,14}(\.\d+)?", text) and not re.fullmatch(r"\d{8}|\d{14}", text):
        return _from_epoch(float(text))
    iso = text.replace("Z", "+00:00") if text.endswith("Z") else text
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", iso):
            return dt.date.fromisoformat(iso).isoformat()
        parsed = dt.datetime.fromisoformat(iso)
        return parsed.isoformat(timespec="seconds")
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if "%H" in fmt:
            return parsed.isoformat(timespec="seconds")
        return parsed.date().isoformat()
    return None


def _from_epoch(number: float) -> str | None:
    seconds = number / 1000 if number > 1e11 else number
    try:
        stamp = dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return stamp.isoformat(timespec="seconds").replace("+00:00", "Z")


# ---------------------------------------------------------------------------- unify
def _as_list(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        parts = re.split(r"[,\n]" if "," in value or "\n" in value else r"\s+", value)
    elif isinstance(value, (list, tuple, set)):
        parts = [str(v) for v in value if v is not None and not isinstance(v, (dict, list))]
    else:
        parts = [str(value)]
    seen, out = set(), []
    for part in parts:
        item = part.strip()
        if item and item not in seen:
            seen.add(item)
            out.append(item)
    return out


def unify(meta: dict[str, Any], rel: str, line: int = 1) -> tuple[dict[str, Any], list[Diagnostic]]:
    """Map tool-specific keys onto ours. Returns (new meta without title, diagnostics)."""
    diagnostics: list[Diagnostic] = []
    lowered = {k.lower(): k for k in meta}
    out: dict[str, Any] = {}
    used: set[str] = set()

    tags: list[str] = []
    for key in TAG_KEYS:
        if key in lowered:
            used.add(lowered[key])
            tags += [t.lstrip("#") for t in _as_list(meta[lowered[key]])]
    aliases: list[str] = []
    for key in ALIAS_KEYS:
        if key in lowered:
            used.add(lowered[key])
            aliases += _as_list(meta[lowered[key]]) if not isinstance(meta[lowered[key]], str) \
                else [a.strip() for a in meta[lowered[key]].split(",") if a.strip()]
    for name, keys in (("created", CREATED_KEYS), ("updated", UPDATED_KEYS)):
        for key in keys:
            if key in lowered and name not in out:
                original = meta[lowered[key]]
                iso = normalise_date(original)
                if iso is None:
                    if original not in (None, ""):
                        diagnostics.append(Diagnostic("date-unparsed", f"{lowered[key]}: {original!r} is not a date I"
                                                      " recognise; kept as it was", rel, line, "warning"))
                    continue
                used.add(lowered[key])
                out[name] = iso
    if "title" in lowered:
        used.add(lowered["title"])
    if tags:
        out["tags"] = list(dict.fromkeys(t for t in tags if t))
    if aliases:
        out["aliases"] = list(dict.fromkeys(aliases))
    for key, value in meta.items():
        if key in used:
            continue
        if key == "imported":  # our own provenance from a previous import: regenerated
            continue
        out[key] = value
    return out, diagnostics


def render(meta: dict[str, Any]) -> str:
    """YAML front matter, keys in a stable order (ours first, then the note's own)."""
    ordered = {k: meta[k] for k in RESERVED if k in meta}
    ordered.update({k: v for k, v in meta.items() if k not in ordered})
    dumped = yaml.dump(ordered, Dumper=_SafeDumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                       width=1000)
    return f"---\n{dumped}---\n"

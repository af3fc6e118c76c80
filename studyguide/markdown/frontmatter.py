"""YAML front matter: split from the body (with the body's line number) and parsed with PyYAML.

One rule for every reader: the file may start with a BOM; the block opens with a ``---`` line and
closes with a ``---`` or ``...`` line (trailing spaces allowed), LF or CRLF; the block may be
empty; the closing line may end the file. ``split`` never parses and ``parse`` never splits, so
each caller chooses what an invalid block means (the importer keeps it, the case schema stops).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

_FRONT_MATTER = re.compile(r"\A(\ufeff?---[ \t]*\r?\n)(?:(.*?)\r?\n)??((?:---|\.\.\.)[ \t]*)(?:\r?\n|\Z)", re.S)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: same result, faster


class TextTimestampLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """A SafeLoader that leaves timestamps as text (``2024-12-15T22:35`` is normalised by the caller)."""


TextTimestampLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in value if tag != "tag:yaml.org,2002:timestamp"]
    for key, value in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Split:
    head: str  # the whole block as written, delimiters included ("" without front matter)
    raw: str | None  # the YAML between the delimiters (None without front matter)
    body: str
    body_line: int  # 1-based line of the file where the body starts

    @property
    def yaml_line(self) -> int:
        """1-based file line of the YAML's first line."""
        return 2


def split(text: str) -> Split:
    match = _FRONT_MATTER.match(text)
    if not match:
        return Split("", None, text, 1)
    head = match.group(0)
    return Split(head, match.group(2) or "", text[match.end():], head.count("\n") + 1)


class FrontMatterError(ValueError):
    """Invalid YAML; ``line`` is the file line (None when unknown), ``detail`` PyYAML's words."""

    def __init__(self, detail: str, line: int | None, summary: str = "") -> None:
        super().__init__(f"line {line}: {detail}" if line else detail)
        self.detail, self.line = detail, line
        self.summary = summary or detail  # the first line of PyYAML's own message


def parse(raw: str, first_line: int = 2, loader: type = SAFE_LOADER) -> Any:
    """The YAML value of ``raw`` (``{}`` when empty); raises :class:`FrontMatterError`."""
    if not raw.strip():
        return {}
    try:
        return yaml.load(raw, Loader=loader)  # noqa: S506 - loader is a SafeLoader (sub)class
    except yaml.YAMLError as error:
        problem, context = getattr(error, "problem_mark", None), getattr(error, "context_mark", None)
        mark = problem or context
        detail = getattr(error, "problem", None) or str(error).strip().split("\n")[0]
        if getattr(error, "context", None):
            at = f" at line {context.line + first_line}" if context is not None else ""
            detail += f" ({error.context}{at})"
        summary = str(error).strip().split("\n")[0] or type(error).__name__
        raise FrontMatterError(detail, mark.line + first_line if mark is not None else None, summary) from None


def read(text: str) -> tuple[dict, str, int]:
    """Lenient: (mapping, body, body line); invalid or non-mapping YAML counts as no metadata."""
    parts = split(text)
    if parts.raw is None:
        return {}, text, 1
    try:
        meta = parse(parts.raw)
    except FrontMatterError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), parts.body, parts.body_line

"""Reading case studies: split and parse the front matter (the Markdown core), validate it, and
the command line ``python -m studyguide.cases``. Also the helpers the hooks use for a build."""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from pydantic import ValidationError

from studyguide.markdown import frontmatter

from .errors import CaseSchemaError, _found, format_errors, yaml_locator
from .schema import CaseStudy

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


def nav_paths(nav) -> list[str]:
    """Every page path of an mkdocs.yml `nav`, in order (sections flattened)."""
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

    walk(nav or [])
    return order


def nav_order(config, cases: dict[str, CaseStudy]) -> list[CaseStudy]:
    """Cases in the order of mkdocs.yml's nav; any not in the nav follow by title."""
    order = nav_paths((config or {}).get("nav"))
    ranked = [cases[uri] for uri in order if uri in cases]
    rest = sorted((c for uri, c in cases.items() if uri not in order), key=lambda c: c.title.lower())
    return ranked + rest

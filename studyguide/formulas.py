"""Formulas typeset at build time: pymdownx.arithmatex's generic output becomes KaTeX HTML.

arithmatex (generic mode) writes `<span class="arithmatex">\\(TeX\\)</span>` for inline math and
`<div class="arithmatex">\\[TeX\\]</div>` for display math. `find_formulas` reads those;
`FormulaRenderer.render_all` typesets every formula the cache does not hold with KaTeX from
node_modules in one Node process (studyguide/js/katex-batch.cjs, JSON over stdin/stdout);
`replace_formulas` puts the result inside the same element. KaTeX's output is 'htmlAndMathml':
the MathML (with the TeX as its annotation) is what screen readers read and what copying yields,
the HTML is what is seen and printed. No KaTeX JavaScript reaches a page.

The cache is keyed by (TeX, display) and stored per KaTeX version and options in one JSON file,
so a rebuild (and `mkdocs serve`) starts Node only for new or changed formulas.
"""
from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

BATCH_SCRIPT = Path(__file__).resolve().parent / "js" / "katex-batch.cjs"
KATEX_OPTIONS = {"output": "htmlAndMathml", "trust": False}

FORMULA_RE = re.compile(r'<(?P<tag>span|div) class="arithmatex">(?P<body>.*?)</(?P=tag)>', re.S)
DELIMITERS = {"\\(": ("\\)", False), "\\[": ("\\]", True)}


class FormulaError(RuntimeError):
    """KaTeX could not be run at all (not installed, Node missing or crashed)."""


@dataclass(frozen=True)
class Formula:
    tex: str
    display: bool

    @property
    def key(self) -> str:
        return ("D:" if self.display else "I:") + self.tex


@dataclass(frozen=True)
class Rendered:
    html: str
    error: str | None = None  # KaTeX's message when the TeX is invalid (html is then a visible stand-in)
    warnings: tuple[str, ...] = ()  # KaTeX strict-mode complaints (the formula still renders)


def parse_body(body: str, display_tag: bool = False) -> Formula:
    """The escaped inside of an arithmatex element -> Formula (delimiters decide display mode)."""
    text = html.unescape(body).strip()
    for opening, (closing, display) in DELIMITERS.items():
        if text.startswith(opening) and text.endswith(closing):
            return Formula(text[len(opening):-len(closing)].strip(), display)
    return Formula(text, display_tag)


def find_formulas(page_html: str) -> list[Formula]:
    """Every arithmatex formula in a page's HTML, in document order."""
    return [parse_body(m["body"], m["tag"] == "div") for m in FORMULA_RE.finditer(page_html)]


# First in the content of a page with formulas: site.css lays out the blocks after it only when
# they near the viewport. A marker the parser meets first, not `:has(.katex)`, which turned true
# halfway through parsing and hid blocks already on screen for a frame (a layout shift).
FORMULA_PAGE_MARKER = '<span class="sg-formula-page" hidden></span>'


def replace_formulas(page_html: str, rendered: dict[Formula, Rendered]) -> str:
    """Each arithmatex element keeps its tag and class; its TeX is replaced by KaTeX's HTML."""

    def swap(match: re.Match) -> str:
        formula = parse_body(match["body"], match["tag"] == "div")
        result = rendered.get(formula)
        if result is None:
            return match[0]
        return f'<{match["tag"]} class="arithmatex">{result.html}</{match["tag"]}>'

    return FORMULA_RE.sub(swap, page_html)


def formula_line(markdown: str, tex: str) -> int | None:
    """The 1-based line of the Markdown source where `tex` is written (None if not found)."""
    for needle in (tex, next((line.strip() for line in tex.splitlines() if line.strip()), "")):
        if needle:
            at = markdown.find(needle)
            if at >= 0:
                return markdown.count("\n", 0, at) + 1
    return None


def katex_version(katex_dir: Path) -> str:
    try:
        return json.loads((katex_dir / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError) as error:
        raise FormulaError(
            f"KaTeX is not installed at {katex_dir}: the front-end assets come from the npm registry "
            "via `make assets` (npm ci). Run it, then build again."
        ) from error


def error_html(formula: Formula, message: str) -> str:
    """What a reader sees for a formula KaTeX rejected (only in a non-strict build)."""
    return (f'<span class="katex-error" title="{html.escape(message)}">'
            f"{html.escape(formula.tex)}</span>")


@dataclass
class FormulaRenderer:
    """Typesets formulas with KaTeX from `node_modules`, one Node process per batch of misses."""

    node_modules: Path
    cache_file: Path | None = None
    node: str = "node"
    options: dict = field(default_factory=lambda: dict(KATEX_OPTIONS))
    node_runs: int = 0  # how many times Node was started (tests and the bench read it)
    _cache: dict[str, Rendered] = field(default_factory=dict)
    _cache_id: str = ""

    def __post_init__(self) -> None:
        self.katex_dir = Path(self.node_modules) / "katex"
        version = katex_version(self.katex_dir)
        options = json.dumps(self.options, sort_keys=True)
        self._cache_id = hashlib.sha256(f"{version}\0{options}".encode()).hexdigest()[:16]
        self._load_cache()

    # --- cache ----------------------------------------------------------------------------------

    def _load_cache(self) -> None:
        if not self.cache_file or not self.cache_file.is_file():
            return
        try:
            stored = json.loads(self.cache_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # a damaged cache is only a slower build
        if stored.get("id") != self._cache_id:
            return
        self._cache.update({key: Rendered(value) for key, value in stored.get("html", {}).items()})

    def _save_cache(self) -> None:
        if not self.cache_file:
            return
        data = {"id": self._cache_id,
                # formulas with an error or a warning are not stored: the next build reports them again
                "html": {key: r.html for key, r in self._cache.items() if r.error is None and not r.warnings}}
        self.cache_file.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=self.cache_file.parent,
                                         delete=False, suffix=".tmp") as out:
            json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(out.name, self.cache_file)

    # --- rendering ------------------------------------------------------------------------------

    def render_all(self, formulas: Iterable[Formula]) -> dict[Formula, Rendered]:
        wanted = list(dict.fromkeys(formulas))
        missing = [f for f in wanted if f.key not in self._cache]
        if missing:
            for formula, result in zip(missing, self._run_node(missing)):
                self._cache[formula.key] = result
            if any(self._cache[f.key].error is None for f in missing):
                self._save_cache()
        return {f: self._cache[f.key] for f in wanted}

    def _run_node(self, formulas: list[Formula]) -> list[Rendered]:
        if shutil.which(self.node) is None:
            raise FormulaError(f"`{self.node}` not found: Node.js renders the formulas at build time")
        request = {
            "katex": str(self.katex_dir.resolve()),
            "options": self.options,
            "formulas": [{"tex": f.tex, "display": f.display} for f in formulas],
        }
        self.node_runs += 1
        done = subprocess.run([self.node, str(BATCH_SCRIPT)], input=json.dumps(request),
                              capture_output=True, text=True, encoding="utf-8")
        if done.returncode != 0:
            raise FormulaError(f"KaTeX (Node) failed with exit {done.returncode}:\n{done.stderr[-3000:]}")
        results = json.loads(done.stdout)["results"]
        if len(results) != len(formulas):
            raise FormulaError(f"KaTeX answered {len(results)} formulas for {len(formulas)} asked")
        return [
            Rendered(error_html(f, r["error"]), r["error"]) if "error" in r
            else Rendered(r["html"], None, tuple(r.get("warnings", ())))
            for f, r in zip(formulas, results)
        ]

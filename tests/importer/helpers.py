"""Shared helpers for the importer tests (no test reads /work/shared/seeds: fixtures live here)."""
from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from studyguide.importer import run_import
from studyguide.importer.decode import repair_mojibake
from studyguide.importer.frontmatter import split

ROOT = Path(__file__).resolve().parents[2]
VAULTS = ROOT / "tests" / "fixtures" / "vaults"
EXPECTED = VAULTS / "expected"
FIXTURE_VAULTS = ("obsidian", "dendron", "plain")
WORD = re.compile(r"\w+", re.UNICODE)


def copy_vault(name: str, into: Path) -> Path:
    target = into / name
    shutil.copytree(VAULTS / name, target)
    return target


def visible_words(source_text: str) -> set[str]:
    """The words a reader sees in a note or a page (what must survive the import).

    Applied the same way to the source note and to the imported page, so that syntax changes
    (wiki-link -> Markdown link, callout -> admonition) do not count and only lost words do.
    Not counted: valid front matter (data; checked elsewhere), link destinations, HTML tag
    markup (attributes are not prose; alt text is), block ids (^id, hidden by Obsidian), the
    content of <script>/<style> (code, removed on purpose), sizes in ``![[img|300]]``.
    Mojibake is repaired first (its repair is the point of the import). Comments count.
    """
    text, _ = repair_mojibake(source_text)
    fm = split(text, "x")
    if fm.raw_invalid is None:
        text = fm.body
    text = text.replace("<!--", " ").replace("-->", " ").replace("%%", " ")
    text = re.sub(r"(?is)<(script|style|iframe|object)\b.*?</\1\s*>", " ", text)
    text = re.sub(r"(?is)<(script|style|iframe|object)\b[^>]*>", " ", text)
    text = re.sub(r"#\^[\w-]+(:#\^[\w-]+)?", "", text)
    text = re.sub(r"(?m)(?:^|\s)\^[A-Za-z0-9-]+[ \t]*$", " ", text)
    text = re.sub(r"\[\[\^[\w-]+", "[[", text)
    text = re.sub(r"(!\[\[[^\[\]]*?)\|\d+(x\d+)?\]\]", r"\1]]", text)
    text = re.sub(r"dendron://\w+/", "", text)
    text = re.sub(r"!?\[\[([^\[\]|]*?)(?:\\?\|([^\[\]]*))?\]\]", lambda m: m.group(2) or m.group(1), text)
    text = re.sub(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\((?:<[^>]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+\"[^\"]*\")?\)"
                  r"(\{[^}\n]*\})?", r"\1", text)
    text = re.sub(r"<[^<>\n]*>", lambda m: " " + " ".join(re.findall(r'alt="([^"]*)"', m.group(0))) + " "
                  if not re.match(r"<https?:|<onenote", m.group(0)) else m.group(0), text)
    text = html.unescape(text)
    return {w.lower() for w in WORD.findall(text)}


def page_words(page_text: str) -> set[str]:
    return visible_words(page_text) | {w.lower() for w in WORD.findall(html.unescape(page_text))}


def import_tree(source: Path, dest: Path, **kwargs):
    return run_import(source, dest, **kwargs)


def tree(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in sorted(dest.rglob("*")) if p.is_file()}


def bad_vault_for_build(root: Path) -> Path:
    """Hostile-but-plausible notes (the build must still pass --strict)."""
    root.mkdir(parents=True)
    (root / "empty.md").write_bytes(b"")
    (root / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "yaml.md").write_text("---\ntitle: [broken\n---\nStill here.\n")
    (root / "bom crlf.md").write_bytes(b"\xef\xbb\xbf# Title\r\nLine two [[Q&A #1 50%]]\r\n")
    (root / "latin1.md").write_bytes("# Caf\xe9\nd\xe9j\xe0 vu".encode("latin-1"))
    (root / "Q&A #1 50%.md").write_text("# Names with # & %\n\n## Part ^p\n")
    (root / "Привет.md").write_text("Текст. 中文内容。 [[Q&A #1 50%#^p]] [[#Nope]] [[^nope]]\n")
    (root / "unclosed.md").write_text("```python\nnever closed [[x]]\n<script>alert(1)</script>\n")
    (root / "html.md").write_text("<div><span>unbalanced\n\n<script>alert(1)\n\n[x](#missing) ![](gone.png)\n")
    (root / "{{title}}.md").write_text("---\ncreated: {{date}}\n---\n# {{title}}\n")
    (root / "callouts.md").write_text("> [!warning]- Careful\n> > [!bug] Nested\n> > ```js\n> > x\n> > ```\n")
    return root

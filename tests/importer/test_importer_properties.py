"""Property-based: random notes built from real-vault syntax never crash the import, lose no
words, and import idempotently."""
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import page_words, tree, visible_words
from sitebuild import build
from studyguide.importer import run_import

WORD = st.text(alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éßжπ日本")), min_size=1, max_size=8)
NAME = st.sampled_from(["Alpha", "beta note", "Gamma", "a.b", "Q&A #1", "Заметка"])
PIECES = st.one_of(
    WORD,
    st.sampled_from([" ", " ", "\n", "\n\n", "- ", "1. ", "2. ", "# ", "## ", "> ", "\t", "**", "_", "|", "#",
                     "%", "&", "[", "]", "(", ")", "<", ">", "`", "^", "!", "\r\n", "\ufeff", "youâ€™ll"]),
    NAME.map(lambda n: f"[[{n}]]"),
    st.tuples(NAME, WORD).map(lambda t: f"[[{t[0]}|{t[1]}]]"),
    st.tuples(NAME, WORD).map(lambda t: f"[[{t[0]}#{t[1]}]]"),
    WORD.map(lambda w: f"[[#^{w}]]"),
    WORD.map(lambda w: f" ^{w}\n"),
    WORD.map(lambda w: f"![[{w}.png]]"),
    WORD.map(lambda w: f"![{w}](img%20{w}.png)"),
    st.tuples(WORD, NAME).map(lambda t: f"[{t[0]}](../{t[1].replace(' ', '%20')}.md)"),
    WORD.map(lambda w: f"%%{w}%%"),
    st.tuples(WORD, WORD).map(lambda t: f"\n> [!note] {t[0]}\n> {t[1]}\n"),
    st.tuples(WORD, WORD).map(lambda t: f"\n> [!info]- {t[0]}\n> > [!tip]\n> > {t[1]}\n"),
    WORD.map(lambda w: f'\n<div class="mermaid">\ngraph LR; {w} --&gt; b\n</div>\n'),
    WORD.map(lambda w: f"\n```dataviewjs\n[[{w}]] %%{w}%% <script>x</script>\n```\n"),
    WORD.map(lambda w: f"`{w} [[x]]`"),
    WORD.map(lambda w: f'<b onclick="x()">{w}</b>'),
    WORD.map(lambda w: f"<script>{w}</script>"),
    WORD.map(lambda w: f'<img src="{w}.png" alt="{w}">'),
)
NOTE = st.lists(PIECES, max_size=40).map(" ".join)  # spaced: words glued to a link label are not "lost"
FRONT = st.one_of(
    st.just(""),
    st.tuples(WORD, st.sampled_from(["1642338141330", "2024-10-06, 00:55", "2024-12-15T22:35", "x: [broken"])).map(
        lambda t: f"---\ntitle: {t[0]}\ncreated: {t[1]}\ntags: [a, b]\n---\n"),
)
VAULT = st.dictionaries(NAME, st.tuples(FRONT, NOTE), min_size=1, max_size=4)


@settings(max_examples=int(os.environ.get("IMPORTER_EXAMPLES", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(VAULT)
def test_random_vaults_import_without_loss_and_idempotently(notes):
    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "src", Path(tmp) / "out"
        src.mkdir()
        for name, (front, body) in notes.items():
            (src / f"{name}.md").write_bytes((front + body).encode("utf-8"))
        report = run_import(src, out)
        assert len(report.pages) == len(notes)
        for page in report.pages:
            assert page.status == "written"
            source = (src / page.source).read_bytes().decode("utf-8").replace("\r\n", "\n").lstrip("\ufeff")
            written = (out / page.dest).read_text(encoding="utf-8")
            lost = visible_words(source) - page_words(written)
            assert not lost, (page.source, sorted(lost))
        first = tree(out)
        again = run_import(src, out)
        assert tree(out) == first
        assert {p.status for p in again.pages} == {"unchanged"}
        shutil.rmtree(out)


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("IMPORTER_BUILD_EXAMPLES", "8")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(VAULT)
def test_random_vaults_build_strict(notes):
    """Whatever the notes hold, the imported pages build with `mkdocs build --strict`."""
    with tempfile.TemporaryDirectory() as tmp:
        src, docs = Path(tmp) / "src", Path(tmp) / "docs"
        src.mkdir()
        for name, (front, body) in notes.items():
            (src / f"{name}.md").write_bytes((front + body).encode("utf-8"))
        run_import(src, docs / "notes")
        done = build(docs, Path(tmp))
        assert done.returncode == 0, done.stderr[-4000:]

"""The guarantees of the issue: nothing lost, idempotent, hand edits kept, never outside DEST,
survives bad input (each case gets a report entry, never a traceback)."""
import json
import os
import shutil

import pytest

from helpers import FIXTURE_VAULTS, VAULTS, import_tree, page_words, tree, visible_words
from studyguide.importer import ImportAbort
from studyguide.importer.discover import is_note_name


@pytest.mark.parametrize("vault", FIXTURE_VAULTS)
def test_every_note_becomes_a_page_with_every_word(vault, tmp_path):
    report = import_tree(VAULTS / vault, tmp_path / "out")
    notes = sorted(p.relative_to(VAULTS / vault).as_posix() for p in (VAULTS / vault).rglob("*")
                   if p.is_file() and is_note_name(p.name) and not p.relative_to(VAULTS / vault).parts[0].startswith("."))
    assert sorted(page.source for page in report.pages) == notes
    for page in report.pages:
        assert page.status == "written"
        source = (VAULTS / vault / page.source).read_text(encoding="utf-8")
        missing = visible_words(source) - page_words((tmp_path / "out" / page.dest).read_text(encoding="utf-8"))
        assert not missing, f"{page.source}: words lost: {sorted(missing)[:20]}"


@pytest.mark.parametrize("vault", FIXTURE_VAULTS)
def test_every_existing_referenced_attachment_is_copied(vault, tmp_path):
    report = import_tree(VAULTS / vault, tmp_path / "out")
    for attachment in report.attachments:
        copied = tmp_path / "out" / attachment["dest"]
        assert copied.read_bytes() == (VAULTS / vault / attachment["source"]).read_bytes()


@pytest.mark.parametrize("vault", FIXTURE_VAULTS)
def test_idempotent(vault, tmp_path):
    import_tree(VAULTS / vault, tmp_path / "out")
    first = tree(tmp_path / "out")
    mtimes = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")}
    report = import_tree(VAULTS / vault, tmp_path / "out")
    assert tree(tmp_path / "out") == first
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*")} == mtimes
    assert {page.status for page in report.pages} == {"unchanged"}


def test_hand_edited_page_kept_unless_force(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(VAULTS / "plain", src)
    out = tmp_path / "out"
    import_tree(src, out)
    page = out / "system-design.md"
    page.write_text(page.read_text() + "\nMy own addition.\n")
    (src / "system-design.md").write_text((src / "system-design.md").read_text() + "\nSource changed too.\n")
    report = import_tree(src, out)
    assert "My own addition." in page.read_text()
    kept = [p.dest for p in report.pages if p.status == "kept"]
    assert kept == ["system-design.md"] and report.to_json()["kept"] == kept
    assert any(d.code == "page-kept" for d in report.diagnostics)
    report = import_tree(src, out, force=True)
    assert "Source changed too." in page.read_text() and "My own addition." not in page.read_text()


def test_dry_run_writes_nothing(tmp_path):
    report = import_tree(VAULTS / "obsidian", tmp_path / "out", dry_run=True)
    assert not (tmp_path / "out").exists()
    assert {p.status for p in report.pages} == {"would-write"}
    assert report.counts()["attachments_copied"] == 5


def test_refuses_dest_inside_source_and_source_inside_dest(tmp_path):
    src = tmp_path / "vault"
    src.mkdir()
    (src / "a.md").write_text("# A")
    with pytest.raises(ImportAbort, match="inside SOURCE"):
        import_tree(src, src / "out")
    with pytest.raises(ImportAbort, match="inside SOURCE"):
        import_tree(src, src)
    with pytest.raises(ImportAbort, match="inside DEST"):
        import_tree(src, tmp_path)
    with pytest.raises(ImportAbort, match="does not exist"):
        import_tree(tmp_path / "nope", tmp_path / "out")
    (tmp_path / "file.md").write_text("x")
    with pytest.raises(ImportAbort, match="not a folder"):
        import_tree(tmp_path / "file.md", tmp_path / "out")


def bad_vault(root):
    root.mkdir()
    (root / "empty.md").write_bytes(b"")
    (root / "binary.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "yaml.md").write_text("---\ntitle: [broken\n---\nStill here.\n")
    (root / "bom crlf.md").write_bytes(b"\xef\xbb\xbf# Title\r\nLine two\r\n")
    (root / "latin1.md").write_bytes("# Caf\xe9\nd\xe9j\xe0 vu at 5 \x80".encode("latin-1"))
    (root / "Q&A #1 50%.md").write_text("# Names with # & %\n")
    (root / "Привет.md").write_text("Текст на русском. 中文内容。\n")
    deep = root
    for i in range(40):
        deep = deep / f"level {i}"
    deep.mkdir(parents=True)
    (deep / "deep note.md").write_text("# Deep\n\n[[empty]]\n")
    (root / "unclosed.md").write_text("```python\nnever closed [[x]]\n<script>alert(1)</script>\n")
    (root / "html.md").write_text("<div><span>unbalanced\n\n<script>alert(1)\n")
    (root / "ends in fm.md").write_text("---\ntitle: only front matter\n---")
    return root


def test_survives_bad_input_each_case_reported(tmp_path):
    src = bad_vault(tmp_path / "vault")
    if os.name != "nt":
        (tmp_path / "secret.md").write_text("secret")
        (src / "escape.md").symlink_to(tmp_path / "secret.md")
    report = import_tree(src, tmp_path / "out")
    by_file = {}
    for d in report.diagnostics:
        by_file.setdefault(d.file, set()).add(d.code)
    assert "binary-note" in by_file["binary.md"]
    assert "empty-note" in by_file["empty.md"]
    assert "frontmatter-invalid" in by_file["yaml.md"]
    assert {"bom-removed", "line-endings"} <= by_file["bom crlf.md"]
    assert "decoded-legacy" in by_file["latin1.md"]
    if os.name != "nt":
        assert "symlink-refused" in by_file["escape.md"]
        assert not (tmp_path / "out" / "escape.md").exists()
    pages = {p.source: p for p in report.pages}
    assert "binary.md" not in pages and len(pages) == 10
    assert (tmp_path / "out" / "latin1.md").read_text().endswith("# Café\ndéjà vu at 5 €\n")
    assert (tmp_path / "out" / "q-a-1-50.md").exists() and (tmp_path / "out" / "привет.md").exists()
    deep = [p for p in pages.values() if p.source.endswith("deep note.md")][0]
    assert deep.dest.count("/") == 40
    assert (tmp_path / "out" / deep.dest).read_text().endswith("/empty|empty]]\n")
    assert "<script>" not in (tmp_path / "out" / "html.md").read_text()
    json.dumps(report.to_json())  # serialisable


@pytest.mark.slow
def test_fifty_megabyte_note(tmp_path):
    src = tmp_path / "vault"
    src.mkdir()
    line = "A long note line with [[a link]] and `code` and some words to import. ^blk\n"
    with open(src / "huge.md", "w") as handle:
        handle.write("# Huge\n")
        for _ in range(50 * 1024 * 1024 // len(line) + 1):
            handle.write(line)
    (src / "a link.md").write_text("# Target\n")
    report = import_tree(src, tmp_path / "out")
    assert (tmp_path / "out" / "huge.md").stat().st_size > 50 * 1024 * 1024
    assert {p.status for p in report.pages} == {"written"}
    assert any(d.code == "note-too-large" for d in report.diagnostics)

import os

import pytest

from studyguide.importer.discover import discover, looks_binary


def test_walk_lists_notes_and_files_and_reads_settings(tmp_path):
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "app.json").write_text('{"attachmentFolderPath": "Files"}')
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("hidden")
    (tmp_path / "a.md").write_text("# A")
    (tmp_path / "b.txt").write_text("B")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    found = discover(tmp_path)
    assert [n.rel for n in found.notes] == ["a.md", "b.txt"]
    assert [f.rel for f in found.others] == ["c.png"]
    assert found.settings.kind == "obsidian" and found.settings.attachment_folder == "Files"


def test_dendron_settings_and_malformed_settings_reported(tmp_path):
    (tmp_path / "dendron.yml").write_text("version: [5\n")
    (tmp_path / ".obsidian").mkdir()
    (tmp_path / ".obsidian" / "app.json").write_text("{not json")
    found = discover(tmp_path)
    assert found.settings.kind == "dendron"
    assert [d.code for d in found.diagnostics] == ["settings-unreadable", "settings-unreadable"]


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_symlinks_outside_source_are_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("secret")
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "inside.md").write_text("# In")
    (vault / "link-out.md").symlink_to(outside / "secret.md")
    (vault / "link-in.md").symlink_to(vault / "inside.md")
    (vault / "dir-out").symlink_to(outside)
    (vault / "loop").symlink_to(vault)
    found = discover(vault)
    assert [n.rel for n in found.notes] == ["inside.md", "link-in.md"]
    codes = sorted((d.file, d.code) for d in found.diagnostics)
    assert codes == [("dir-out", "symlink-refused"), ("link-out.md", "symlink-refused"), ("loop", "symlink-refused")]


def test_binary_detection():
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert looks_binary(bytes(range(256)) * 10)
    assert not looks_binary("# Привет\n".encode())
    assert not looks_binary("# hi\n".encode("utf-16"))
    assert not looks_binary(b"")

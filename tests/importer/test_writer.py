import os

import pytest

from studyguide.importer.writer import HASH_PLACEHOLDER, UnsafePath, Writer, page_hash, recorded_hash, seal

PAGE = f'---\ntitle: T\nimported:\n  source: "a.md"\n  sha256: "{HASH_PLACEHOLDER}"\n---\nbody\n'


def test_seal_and_verify():
    sealed = seal(PAGE)
    assert recorded_hash(sealed) == page_hash(sealed) != HASH_PLACEHOLDER
    assert page_hash(sealed.replace("body", "edited")) != recorded_hash(sealed)


def test_write_idempotent_and_hand_edits_kept(tmp_path):
    writer = Writer(tmp_path)
    assert writer.write_page("a/b.md", PAGE) == "written"
    before = (tmp_path / "a/b.md").stat().st_mtime_ns
    assert writer.write_page("a/b.md", PAGE) == "unchanged"
    assert (tmp_path / "a/b.md").stat().st_mtime_ns == before
    assert writer.write_page("a/b.md", PAGE.replace("body", "new body")) == "written"  # source changed
    (tmp_path / "a/b.md").write_text((tmp_path / "a/b.md").read_text() + "my edit\n")
    assert writer.write_page("a/b.md", PAGE) == "kept"
    assert "my edit" in (tmp_path / "a/b.md").read_text()
    assert Writer(tmp_path, force=True).write_page("a/b.md", PAGE) == "written"


def test_foreign_file_is_never_overwritten_without_force(tmp_path):
    (tmp_path / "index.md").write_text("# Mine, not imported\n")
    assert Writer(tmp_path).write_page("index.md", PAGE) == "kept"


def test_dry_run_writes_nothing(tmp_path):
    writer = Writer(tmp_path / "dest", dry_run=True)
    assert writer.write_page("x.md", PAGE) == "would-write"
    assert not (tmp_path / "dest").exists()


@pytest.mark.parametrize("rel", ["../x.md", "/etc/x.md", "a/../../x.md", "a//b.md", "", "a\\..\\x.md", "./x.md"])
def test_never_outside_dest(tmp_path, rel):
    with pytest.raises(UnsafePath):
        Writer(tmp_path).target(rel)


@pytest.mark.skipif(os.name == "nt", reason="symlinks")
def test_symlink_inside_dest_cannot_redirect_writes(tmp_path):
    dest, outside = tmp_path / "dest", tmp_path / "outside"
    dest.mkdir()
    outside.mkdir()
    (dest / "sub").symlink_to(outside)
    with pytest.raises(UnsafePath):
        Writer(dest).target("sub/x.md")
    (dest / "f.md").symlink_to(outside / "f.md")
    with pytest.raises(UnsafePath):
        Writer(dest).target("f.md")

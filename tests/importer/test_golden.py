"""Each fixture vault imports to exactly the expected tree (tests/fixtures/vaults/expected/).

After a deliberate change: `.venv/bin/python tests/importer/golden.py --regen`, review the diff."""
import pytest

from golden import render
from helpers import EXPECTED, FIXTURE_VAULTS


@pytest.mark.parametrize("vault", FIXTURE_VAULTS)
def test_expected_output_tree(vault, tmp_path):
    actual = render(vault, tmp_path)
    expected_dir = EXPECTED / vault
    expected = {p.relative_to(expected_dir).as_posix(): p.read_bytes() for p in expected_dir.rglob("*") if p.is_file()}
    assert sorted(actual) == sorted(expected)
    for rel in expected:
        assert actual[rel].decode() == expected[rel].decode(), f"{vault}/{rel} differs from the golden file"


def test_golden_trees_cover_the_seed_quirks():
    """The quirks seen in the real notes are in the fixtures (guards against fixture drift)."""
    obsidian = (EXPECTED / "obsidian" / "_diagnostics.txt").read_text()
    dendron = (EXPECTED / "dendron" / "_diagnostics.txt").read_text()
    plain = (EXPECTED / "plain" / "_diagnostics.txt").read_text()
    for code in ("link-unresolved", "link-ambiguous", "attachment-missing", "html-sanitized", "callout-converted",
                 "comment-hidden", "frontmatter-invalid", "template-file", "excalidraw-no-export", "empty-note"):
        assert code in obsidian, code
    for code in ("mermaid-converted", "embed-as-link", "link-unresolved"):
        assert code in dendron, code
    for code in ("mojibake-repaired", "empty-list-item", "attachment-missing"):
        assert code in plain, code
    page = (EXPECTED / "dendron" / "seed" / "ml-interview.md").read_text()
    assert "```mermaid" in page and "-->b[Candidate Generations]-->" in page and "&gt;" not in page
    assert "created: '2022-01-16T13:02:21Z'" in page and "updated: '2024-12-15T22:35:00'" in page
    assert "[[./product-management/product-school-book#^companygoals|" in page
    txt = (EXPECTED / "plain" / "000-ml-design-interview-guide.md").read_text()
    assert "you’ll" in txt and "café, naïve, “quoted” — Привет" in txt
    grok = (EXPECTED / "plain" / "files" / "grokking.md").read_text()
    assert '![](assets/mlsystemdesign.png){ width="400" }' in grok

import codecs

import pytest

from studyguide.importer.decode import decode_bytes, repair_mojibake


def test_mojibake_repaired_and_reported_with_line():
    decoded = decode_bytes("line one\nDiscuss how youâ€™ll handle scaling\n".encode("utf-8"), "n.txt")
    assert decoded.text == "line one\nDiscuss how you’ll handle scaling\n"
    assert [(d.code, d.line) for d in decoded.diagnostics] == [("mojibake-repaired", 2)]


@pytest.mark.parametrize("text", [
    "café naïve — “quoted” ‘single’ Привет 日本語 emoji 🎉 ﬁ ligature ＡＢＣ",
    "ASCII only, with 'quotes' and \"double\" and &amp; entities and --&gt; arrows",
    "Straße, Ærø, Ελληνικά, עברית, العربية, हिन्दी",
])
def test_correct_text_is_byte_identical(text):
    decoded = decode_bytes(text.encode("utf-8"), "n.md")
    assert decoded.text == text
    assert decoded.diagnostics == []


def test_bom_and_crlf_normalised():
    decoded = decode_bytes(codecs.BOM_UTF8 + "# T\r\nline\rlast\r\n".encode(), "n.md")
    assert decoded.text == "# T\nline\nlast\n"
    assert {d.code for d in decoded.diagnostics} == {"bom-removed", "line-endings"}


def test_utf16_with_bom():
    assert decode_bytes("# Титул\n".encode("utf-16"), "n.md").text == "# Титул\n"


def test_legacy_encodings_are_decoded_and_reported():
    decoded = decode_bytes("café at 5 €, déjà vu".encode("cp1252"), "n.md")
    assert decoded.text == "café at 5 €, déjà vu"
    assert decoded.diagnostics[0].code == "decoded-legacy"
    cyrillic = "Привет мир, как дела? Это тест кодировки, и он достаточно длинный."
    assert decode_bytes(cyrillic.encode("cp1251"), "n.md").text == cyrillic


def test_repair_only_touches_bad_lines():
    text = "good “line”\nyouâ€™ll\nnaïve"
    fixed, lines = repair_mojibake(text)
    assert fixed == "good “line”\nyou’ll\nnaïve"
    assert lines == [2]

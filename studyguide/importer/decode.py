"""Bytes to text: BOM, charset fallback, CRLF, and mojibake repair with ftfy.

Correct text stays byte-identical: ftfy runs only on lines that its own ``is_bad`` heuristic flags
as mojibake, with every "cosmetic" fixer turned off (no quote uncurling, no NFC, no HTML unescape,
no ligature or width changes). Each repaired line is reported.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from ftfy import TextFixerConfig, fix_text
from ftfy.badness import is_bad

from .report import Diagnostic

# Only encoding repairs; nothing that changes correct characters.
FTFY_CONFIG = TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=False,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
# Lines longer than this are not repaired (ftfy is linear but slow on huge single lines).
MAX_REPAIR_LINE = 20_000
BINARY_HEAD = 8192


@dataclass
class Decoded:
    text: str
    encoding: str
    diagnostics: list[Diagnostic] = field(default_factory=list)


def decode_bytes(data: bytes, rel: str) -> Decoded:
    diagnostics: list[Diagnostic] = []
    encoding = None
    for bom, name in BOMS:
        if data.startswith(bom):
            data, encoding = data[len(bom):], name
            diagnostics.append(Diagnostic("bom-removed", f"byte-order mark ({name}) removed", rel, 1, "info"))
            break
    text = None
    if encoding:
        text = data.decode(encoding, errors="replace")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _guess(data)
            diagnostics.append(Diagnostic("decoded-legacy", f"not UTF-8; decoded as {encoding}", rel, None, "warning"))
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        diagnostics.append(Diagnostic("line-endings", "CRLF/CR line endings normalised to LF", rel, None, "info"))
    text = text.replace("\x00", "")
    text, repaired = repair_mojibake(text)
    for line in repaired:
        diagnostics.append(Diagnostic("mojibake-repaired", "mis-decoded characters repaired (ftfy)", rel, line, "info"))
    return Decoded(text, encoding, diagnostics)


def _guess(data: bytes) -> tuple[str, str]:
    if sum(1 for b in data[:200_000] if b > 127) < 8:
        # Too little evidence for detection: the most common legacy encoding of notes.
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        wide_ok = b"\x00" in data[:BINARY_HEAD]
        for match in from_bytes(data[:200_000]):
            name = match.encoding or ""
            if name.startswith(("utf_16", "utf_32")) and not wide_ok:
                continue  # no NUL bytes: cannot be UTF-16/32
            return data.decode(name, errors="replace"), name
    except Exception:  # charset detection is best effort
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def repair_mojibake(text: str) -> tuple[str, list[int]]:
    """Fix only the lines ftfy considers mojibake. Returns the text and the 1-based lines changed."""
    if text.isascii():
        return text, []
    lines = text.split("\n")
    changed = []
    for number, line in enumerate(lines, 1):
        if line.isascii() or len(line) > MAX_REPAIR_LINE or not is_bad(line):
            continue
        fixed = fix_text(line, FTFY_CONFIG)
        if fixed != line:
            lines[number - 1] = fixed
            changed.append(number)
    return ("\n".join(lines), changed) if changed else (text, [])

import pytest

from studyguide.importer.protect import Masked
from studyguide.importer.transforms import NoteContext, sanitize_html


def clean(text):
    ctx = NoteContext("n.md", "n.md")
    masked = Masked()
    return masked.unmask(sanitize_html.apply(masked.mask(text), ctx)), ctx.diagnostics


@pytest.mark.parametrize("text", [
    "<details><summary>S</summary>\nbody\n</details>",
    '<div class="box" markdown>\n**md** inside\n</div>',
    '<img src="a.png" alt="x" width="400">',
    '<a href="https://example.com" title="t">x</a> <a href="../x.md">y</a>',
    "<kbd>Ctrl</kbd>+<kbd>C</kbd> H<sub>2</sub>O x<sup>2</sup> <br> <span>s</span>",
    "<table><tr><td colspan=\"2\">x</td></tr></table>",
    "autolinks <https://example.com/?a=1&b=2> and <me@example.org> stay",
    "a < b and c > d; x<y",
    '<font color="red">red</font> <u>u</u> <mark>m</mark>',
])
def test_harmless_html_is_kept_byte_for_byte(text):
    out, diags = clean(text)
    assert out == text
    assert diags == []


@pytest.mark.parametrize("text, expected", [
    ('<script>alert("x")</script>after', "after"),
    ("<SCRIPT type='module'>\nlet a = 1;\n</SCRIPT>\nafter", "\nafter"),
    ('<b onclick="steal()">bold</b>', "<b>bold</b>"),
    ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
    ('<a href="javascript:alert(1)">t</a>', "<a>t</a>"),
    ('<a href=" JaVaScRiPt:alert(1)">t</a>', "<a>t</a>"),
    ('<iframe src="https://evil.example"></iframe>ok', "ok"),
    ('<style>body{display:none}</style>ok', "ok"),
    ('<div style="position:fixed;color:red">x</div>', '<div style="color:red">x</div>'),
    ('<svg onload="alert(1)"><text>words</text></svg>', "words"),
    ('<meta http-equiv="refresh" content="0;url=https://evil">x', "x"),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=">', "<img>"),
    ("<script>never closed", "never closed"),
])
def test_code_running_html_is_removed_and_reported(text, expected):
    out, diags = clean(text)
    assert out == expected
    assert diags, "every removal is reported"
    assert all(d.code in ("html-sanitized", "html-tag-unwrapped") for d in diags)


def test_html_in_code_is_not_touched():
    text = "```html\n<script>alert(1)</script>\n```\n`<b onclick=x>`"
    assert clean(text) == (text, [])

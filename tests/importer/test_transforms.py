"""The small syntax transforms, each on its own (text -> text, with diagnostics)."""
from studyguide.importer.protect import Masked
from studyguide.importer.transforms import NoteContext, callouts, lists, mermaid_divs, obsidian_comments


def run(module, text):
    ctx = NoteContext("n.md", "n.md")
    masked = Masked()
    out = masked.unmask(module.apply(masked.mask(text), ctx, masked.unmask))
    return out, ctx.diagnostics


def test_mask_round_trip_and_code_protected():
    text = "a `[[x]]` b\n```py\n[[y]] %%c%%\n```\n> ```js\n> [[z]]\n> ```\n<!-- [[w]] -->\n~~~\nopen [[q]]"
    masked = Masked()
    hidden = masked.mask(text)
    assert "[[" not in hidden and "%%" not in hidden
    assert masked.unmask(hidden) == text
    assert hidden.count("\n") == text.count("\n")


def test_mermaid_div_becomes_fence_with_entities_decoded():
    text = '# D\n\n<div class="mermaid">\n  graph LR;\na[Items] --&gt;b[Cands]--&gt;c["A &amp; B"]\n</div>\n'
    out, diags = run(mermaid_divs, text)
    assert out == '# D\n\n```mermaid\n  graph LR;\na[Items] -->b[Cands]-->c["A & B"]\n```\n'
    assert diags[0].code == "mermaid-converted"


def test_mermaid_pre_and_inside_code_untouched():
    out, _ = run(mermaid_divs, '<pre class="mermaid">\ngraph TD; a--&gt;b\n</pre>')
    assert out == "```mermaid\ngraph TD; a-->b\n```"
    code = '```html\n<div class="mermaid">a --&gt; b</div>\n```'
    assert run(mermaid_divs, code)[0] == code


def test_obsidian_comments_hidden_as_html_comments():
    out, diags = run(obsidian_comments, "Visible %%hidden%% text\n%%\nblock --> x\n```json\n{}\n```\n%%\n`%%code%%`")
    assert out == ("Visible <!--hidden--> text\n<!--\nblock -- > x\n&#96;&#96;&#96;json\n{}\n&#96;&#96;&#96;\n-->\n"
                   "`%%code%%`")
    assert [d.line for d in diags] == [1, 2]


def test_callouts_to_admonitions():
    text = "\n".join([
        "Intro",
        "> [!note] Remember",
        "> body **bold**",
        "",
        "> [!info]- Folded",
        "> hidden",
        "> > [!tip] Nested",
        "> > deep",
        "",
        "> [!NOTE]",
        "> GitHub alert",
        "",
        "> [!tip]+ Open by default",
        "> yes",
        "",
        '> [!weird] Say "hi"',
        "> x",
        "",
        "> plain quote",
    ])
    out, diags = run(callouts, text)
    assert out == "\n".join([
        "Intro",
        "",
        '!!! note "Remember"',
        "    body **bold**",
        "",
        '??? info "Folded"',
        "    hidden",
        "",
        '    !!! tip "Nested"',
        "        deep",
        "",
        "!!! note",
        "    GitHub alert",
        "",
        '???+ tip "Open by default"',
        "    yes",
        "",
        "!!! note weird \"Say 'hi'\"",
        "    x",
        "",
        "> plain quote",
    ])
    assert len(diags) == 6


def test_callout_inside_code_is_left_alone():
    text = "```md\n> [!note] Example\n> text\n```"
    assert run(callouts, text)[0] == text


def test_dangling_empty_list_item_removed_duplicate_numbers_kept():
    text = "1. a\n2. b\n2. c\n\n- x\n  - y\n  - \n\nnext"
    out, diags = run(lists, text)
    assert out == "1. a\n2. b\n2. c\n\n- x\n  - y\n\n\nnext"
    assert [(d.code, d.line) for d in diags] == [("empty-list-item", 7)]


def test_lone_dash_under_paragraph_is_not_touched():
    text = "Heading\n-\n\n"
    assert run(lists, text)[0] == text

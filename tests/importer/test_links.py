"""Links, embeds and attachments, through the whole import of small vaults built in tmp_path."""
from xml.etree import ElementTree

from helpers import import_tree


def vault(tmp_path, files):
    root = tmp_path / "src"
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def body(dest, rel):
    return (dest / rel).read_text().split("---\n", 2)[2]


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 8


def test_wiki_links_retargeted_with_anchors(tmp_path):
    src = vault(tmp_path, {
        "A Note.md": "# A\n\n## Section Two\n\nText ^blk\n",
        "sub/B.md": "[[A Note]] [[a note|label]] [[A Note#Section Two]] [[A Note#section-two]] [[A Note#^blk]]\n"
                    "[[A Note#Nope]] [[Ghost]] [[#Local]] [[^here]]\n\n## Local\n\nHere ^here\n",
    })
    dest = tmp_path / "out"
    report = import_tree(src, dest)
    # resolved wiki-links stay wiki-links, to the new relative path; the hook renders them
    assert body(dest, "sub/b.md") == (
        "\n[[../a-note|A Note]] [[../a-note|label]] [[../a-note#Section Two|A Note › Section Two]] "
        "[[../a-note#section-two|A Note › section-two]] [[../a-note#^blk|A Note]]\n"
        "[[../a-note|A Note › Nope]] Ghost [[#Local|Local]] [[#^here|here]]\n\n## Local\n\nHere ^here\n")
    codes = sorted((d.code, d.line) for d in report.diagnostics if d.severity == "warning")
    assert codes == [("anchor-unresolved", 2), ("link-unresolved", 2)]


def test_markdown_links_percent_amp_dotdot(tmp_path):
    src = vault(tmp_path, {
        "ML/ML Metrics.md": "# ML Metrics\n\n## Recall at k\n",
        "Notes/Q&A #1 (50%).md": "# Q\n",
        "ML/Interviews/Design.md": "[m](../ML%20Metrics.md) [r](../ML%20Metrics.md#Recall%20at%20k) "
                                   "[q](../../Notes/Q%26A%20%231%20(50%25).md) [q2](../../Notes/Q&amp;A%20%231%20(50%25).md) "
                                   "[gone](../../Electrical%20Engineering/GPU.md) [web](https://example.com/a%20b) "
                                   "[mail](mailto:a@b.c) [folder](../) [bad](javascript:alert(1)) [self](#nowhere)\n",
    })
    dest = tmp_path / "out"
    report = import_tree(src, dest)
    assert body(dest, "ml/interviews/design.md") == (
        "\n[m](../ml-metrics.md) [r](../ml-metrics.md#recall-at-k) [q](../../notes/q-a-1-50.md) "
        "[q2](../../notes/q-a-1-50.md) gone [web](https://example.com/a%20b) [mail](mailto:a@b.c) folder bad self\n")
    codes = sorted(d.code for d in report.diagnostics if d.severity != "info")
    assert codes == ["anchor-unresolved", "html-sanitized", "link-unresolved", "link-unresolved"]


def test_links_in_tables_keep_the_escaped_pipe(tmp_path):
    src = vault(tmp_path, {"a.md": "# A\n", "t.md": "| x | y |\n|---|---|\n| [[a\\|label]] | [[gone\\|text]] |\n"})
    dest = tmp_path / "out"
    import_tree(src, dest)
    assert body(dest, "t.md") == "\n| x | y |\n|---|---|\n| [[./a\\|label]] | text |\n"


def test_markdown_mode_prerenders_with_the_hook_code(tmp_path):
    src = vault(tmp_path, {
        "A Note.md": "# A\n\n## Section Two\n\nText ^blk\n",
        "sub/B.md": "[[A Note]] [[A Note#Section Two|two]] [[A Note#^blk]] [[Ghost]]\n\n![[A Note#^blk]]\n",
    })
    dest = tmp_path / "out"
    report = import_tree(src, dest, links="markdown")
    page = body(dest, "sub/b.md")
    assert page.startswith("\n[A Note](../a-note.md) [two](../a-note.md#section-two) [A Note](../a-note.md#^blk) Ghost\n")
    assert "wikilink-embed" in page and "[[" not in page
    assert "^blk" in body(dest, "a-note.md") and "Text ^blk" not in body(dest, "a-note.md")
    assert [d.code for d in report.diagnostics if d.severity == "warning"] == ["link-unresolved"]


def test_dendron_label_first_and_prefix(tmp_path):
    meta = "---\nid: x\ntitle: {t}\ncreated: 1642338141330\nupdated: 1642338141330\n---\n"
    src = vault(tmp_path, {
        "dendron.yml": "version: 5\n",
        "a.md": meta.format(t="A") + "[[Product Management|a.Product Management]] [[dendron://vault/a.b c]] "
                                     "![[a.b c#^s:#^e]]\n",
        "a.Product Management.md": meta.format(t="Product Management") + "x\n",
        "a.b c.md": meta.format(t="BC") + "- start ^s\n- end ^e\n",
    })
    dest = tmp_path / "out"
    import_tree(src, dest)
    assert body(dest, "a/index.md") == ("\n[[./product-management|Product Management]] [[./b-c|a.b c]] "
                                        "[[./b-c#^s|a.b c]]\n")


def test_attachments_every_lookup_rule(tmp_path):
    src = vault(tmp_path, {
        "Attachments/Pasted image 1.png": PNG,
        "assets/images/logo.png": PNG,
        "repo/.git/HEAD": "ref: refs/heads/main\n",
        "repo/ML system design/arch.png": PNG,
        "repo/notes/n.md": '<img src="ML system design/arch.png" width=400/>\n',
        "deep/folder/note.md": "![](../../Attachments/Pasted%20image%201.png) ![a](/assets/images/logo.png) "
                               "![[Pasted image 1.png|200x100]] ![[nothing.png]] ![alt text](gone.png) "
                               "![](../../../../etc/passwd.png) [doc](../../Attachments/Pasted%20image%201.png)\n",
    })
    dest = tmp_path / "out"
    report = import_tree(src, dest)
    assert body(dest, "deep/folder/note.md") == (
        "\n![](assets/pasted-image-1.png) ![a](assets/logo.png) "
        '![Pasted image 1.png](assets/pasted-image-1.png){ width="200" height="100" } '
        '<span class="missing-attachment" title="Missing image: nothing.png">Missing image: nothing.png</span> '
        '<span class="missing-attachment" title="Missing image: gone.png">Missing image: alt text</span> '
        '<span class="missing-attachment" title="Missing image: ../../../../etc/passwd.png">Missing image: passwd.png</span> '
        "[doc](assets/pasted-image-1.png)\n")
    assert body(dest, "repo/notes/n.md") == '\n![](assets/arch.png){ width="400" }\n'
    assert (dest / "deep/folder/assets/logo.png").read_bytes() == PNG
    assert (dest / "repo/notes/assets/arch.png").read_bytes() == PNG
    codes = [d.code for d in report.diagnostics]
    assert codes.count("attachment-missing") == 3 and "path-outside-source" in codes
    assert "attachment-repo-root" in codes


def test_unsafe_attachments_not_copied_and_svgs_sanitised(tmp_path):
    src = vault(tmp_path, {
        "evil.svg": ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
                     'viewBox="0 0 4 4" onload="alert(1)"><script>alert(2)</script>'
                     '<rect width="4" height="4" onclick="x()" fill="red"/>'
                     '<image xlink:href="https://tracker.example/p.png"/><use xlink:href="#r"/></svg>'),
        "page.html": "<script>alert(1)</script>",
        "n.md": "![](evil.svg) [p](page.html)\n",
    })
    dest = tmp_path / "out"
    report = import_tree(src, dest)
    assert sorted(p.name for p in (dest / "assets").iterdir()) == ["evil.svg"]
    svg = (dest / "assets" / "evil.svg").read_text()
    assert ('viewBox="0 0 4 4"' in svg and '<rect width="4" height="4" fill="red">' in svg
            and '<use href="#r">' in svg)
    assert "alert" not in svg and "onclick" not in svg and "tracker.example" not in svg
    ElementTree.fromstring(svg)  # still well-formed XML, so browsers render it as an image
    assert [d.code for d in report.diagnostics if d.severity == "error"] == ["attachment-refused"]
    [removed] = [d for d in report.diagnostics if d.code == "svg-sanitized"]
    assert removed.file == "evil.svg"
    for what in ("<script>", "onload= on <svg>", "onclick= on <rect>", "href= on <image>"):
        assert what in removed.message


def test_multi_line_image_and_link_syntax(tmp_path):
    src = vault(tmp_path, {"img one.png": PNG, "Other Note.md": "# Other\n",
                           "n.md": "![a diagram\nover two lines](img%20one.png)\n\nSee [the other\nnote](Other%20Note.md).\n"})
    dest = tmp_path / "out"
    report = import_tree(src, dest)
    assert body(dest, "n.md") == ("\n![a diagram\nover two lines](assets/img-one.png)\n\n"
                                  "See [the other\nnote](other-note.md).\n")
    assert (dest / "assets" / "img-one.png").read_bytes() == PNG
    assert not [d for d in report.diagnostics if d.severity != "info"]


def test_same_name_attachments_from_different_folders_do_not_clash(tmp_path):
    src = vault(tmp_path, {"a/img.png": PNG, "b/img.png": PNG + b"b", "n.md": "![](a/img.png) ![](b/img.png)\n"})
    dest = tmp_path / "out"
    import_tree(src, dest)
    files = sorted(p.name for p in (dest / "assets").iterdir())
    assert len(files) == 2 and "img.png" in files


def test_excalidraw_drawing_shown_through_its_svg(tmp_path):
    src = vault(tmp_path, {
        "D/Flow.excalidraw.md": "---\nexcalidraw-plugin: parsed\n---\n# Text Elements\nBox ^a1\n\n%%\n# Drawing\n"
                                "```compressed-json\nN4Ig\n```\n%%\n",
        "D/Flow.excalidraw.svg": "<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        "n.md": "![[Flow.excalidraw]] [[Flow.excalidraw|the flow]]\n",
    })
    dest = tmp_path / "out"
    import_tree(src, dest)
    page = (dest / "d/flow-excalidraw.md").read_text()
    assert "title: Flow\n" in page and "![Flow](assets/flow.excalidraw.svg)" in page
    assert "<!--\n# Drawing\n&#96;&#96;&#96;compressed-json" in page
    assert body(dest, "n.md") == "\n![Flow](assets/flow.excalidraw.svg) [[./d/flow-excalidraw|the flow]]\n"


def test_obsidian_attachment_folder_setting_relative_to_note(tmp_path):
    src = vault(tmp_path, {
        ".obsidian/app.json": '{"attachmentFolderPath": "./assets"}',
        "a/assets/p.png": PNG, "b/assets/p.png": PNG + b"other",
        "a/n.md": "![[p.png]]\n", "b/n.md": "![](p.png)\n",
    })
    dest = tmp_path / "out"
    import_tree(src, dest)
    assert (dest / "a/assets/p.png").read_bytes() == PNG
    assert (dest / "b/assets/p.png").read_bytes() == PNG + b"other"

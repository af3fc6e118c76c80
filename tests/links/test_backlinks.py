"""backlinks.py: who links here, with the sentence or list item, deduplicated and sorted."""
from __future__ import annotations

from studyguide.links import LinkIndex
from studyguide.links.backlinks import collect, context_of, render
from studyguide.markdown import find_links


def index_of(notes):
    return LinkIndex.from_notes(notes.items())


def test_context_is_the_sentence_around_the_link():
    body = "First sentence here. Then [[b|the b page]] is cited. Last one."
    link = find_links(body)[0]
    assert context_of(body, link) == "Then \x01the b page\x02 is cited."


def test_context_of_a_list_item_and_a_table_row():
    body = "Intro.\n\n- one [[b]] item\n- two\n\n| x | [[b\\|bee]] |\n"
    first, second = find_links(body)
    assert context_of(body, first, "B") == "one \x01B\x02 item"
    assert context_of(body, second) == "x \x01bee\x02"


def test_context_of_a_list_item_spanning_lines():
    body = "- Case studies: [[a]], [[b]],\n  [[c]] and more.\n- next item [[d]]\n"
    links = find_links(body)
    assert context_of(body, links[1]) == "Case studies: a, \x01b\x02, c and more."
    assert context_of(body, links[2]) == "Case studies: a, b, \x01c\x02 and more."
    assert context_of(body, links[3]) == "next item \x01d\x02"


def test_long_context_is_cut_at_words():
    body = " ".join(f"word{i}" for i in range(80)) + " [[b]] " + " ".join(f"tail{i}" for i in range(80))
    text = context_of(body, find_links(body)[0])
    assert text.startswith("… word") and text.endswith(" …") and "\x01b\x02" in text
    assert all(w.startswith(("word", "tail", "\x01", "…")) for w in text.split())


def test_context_flattens_markup_and_other_links():
    body = "See **bold** [[c|C page]], [md](x.md) and `code` with [[b]]. ^blk"
    link = find_links(body)[1]
    assert context_of(body, link, "B") == "See bold C page, md and code with \x01B\x02."


def test_collect_dedupes_sorts_and_drops_self_links():
    index = index_of({
        "b.md": "# B\n\n[[b]] self link. And [[#Top]].\n",
        "z.md": "# Zed\n\nLink to [[b]]. Again [[b]].\n\nLink to [[b]].\n",
        "a.md": "# Alpha\n\nAlpha cites [[B]].\n\n- and a list [[b#B]]\n",
    })
    found = collect(index, lambda note: note.links)
    assert list(found) == ["b.md"]
    assert [(b.title, b.context) for b in found["b.md"]] == [
        ("Alpha", "Alpha cites \x01B\x02."),
        ("Alpha", "and a list \x01B\x02"),
        ("Zed", "Link to \x01B\x02."),
        ("Zed", "Again \x01B\x02."),
    ]


def test_render_html():
    index = index_of({"b.md": "# B\n", "a.md": "# A & co\n\nSee [[b]] & more.\n"})
    found = collect(index, lambda note: note.links)
    out = render(found["b.md"], lambda source: f"../{source[:-3]}/")
    assert out == (
        '<section class="wikilink-backlinks"><h2 id="linked-from">Linked from'
        '<a class="headerlink" href="#linked-from" title="Link to this section">&para;</a></h2>'
        '<ul><li><a href="../a/">A &amp; co</a><ul><li class="wikilink-backlink-context">'
        "See <strong>B</strong> &amp; more.</li></ul></li></ul></section>")
    assert render([], str) == ""


def test_other_links_in_the_context_show_their_page_titles():
    index = index_of({"b.md": "# Bee\n", "c.md": "# Sea\n", "a.md": "# A\n\nCompare [[c]] with [[b]].\n"})
    found = collect(index, lambda note: note.links)
    assert [b.context for b in found["b.md"]] == ["Compare Sea with \x01Bee\x02."]


def test_huge_notes_stay_linear():
    """A 260 KB note with an id on every line, and a 250 KB paragraph of links (both were
    quadratic once): index, rewrite and backlinks finish in seconds, not minutes."""
    import time

    from studyguide.links import rewrite

    ids = "".join(f"Line {i} text [[b]] more ^id{i}\n" for i in range(8000))
    para = " ".join(f"w{i} [[b]] `" for i in range(20000))
    start = time.process_time()
    index = index_of({"ids.md": ids, "para.md": para, "b.md": "# B\n"})
    for path in ("ids.md", "para.md"):
        rewrite(index.note(path).body, path, index)
    found = collect(index, lambda note: note.links)
    assert len(found["b.md"]) > 10000 and "^id" not in found["b.md"][0].context
    assert time.process_time() - start < 30

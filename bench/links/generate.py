"""Generate a synthetic Obsidian-style vault for the wiki-link benchmark (deterministic, seeded).

Two copies of the same vault: ``wiki/`` (links written as wiki-links) and ``floor/`` (every
resolvable link already written as the relative Markdown link our hook would produce, block ids as
attr_lists: what MkDocs itself costs to process real links). Plus ``manifest.json``.

    python bench/links/generate.py --pages 3000 --out bench/work/links/vault-3000

Vault: N pages in 27 folders (20 top-level ``Area NN/``, every third with a nested ``Deep NN/``)
plus ``index.md``; Obsidian-style names with spaces and capitals (``Amber Falcon.md``); ~3% of
names reused in another folder; ~425 words, one H1, four H2s, one block id per page; 10 links per
page: 40% ``[[Name]]``, 15% ``[[Name|alias]]``, 15% ``[[Name#Heading]]``, 5%
``[[Name#Heading|label]]``, 5% ``[[name in lower case]]``, 5% ``[[Folder/Name]]``, 5%
``[[Name#^block]]``, 5% ``[[Name%20with%20escapes]]`` / spaces, ~2% missing targets (``[[Ghost NNNN]]``),
and 3% duplicates resolved by folder.
"""
from __future__ import annotations

import argparse
import json
import posixpath
import random
import shutil
from pathlib import Path
from urllib.parse import quote

ADJ = ("amber azure bold brave calm clever crimson dusky eager fierce gentle golden hidden icy jolly "
       "keen lively lunar mellow misty noble olive proud quiet rapid rustic silent silver solar "
       "swift tidy vivid wild witty young zesty").split()
NOUN = ("falcon river compass meadow harbor lantern canyon willow ember glacier orchard beacon "
        "summit prairie thicket tundra lagoon quarry garnet otter heron badger marten cedar maple "
        "aspen birch comet nebula pulsar quasar delta fjord mesa bayou").split()
WORDS = ("model feature ranking signal metric latency label training serving index query user item "
         "embedding vector cache shard batch stream window drift bias sample loss gradient layer "
         "the a of to and in is for on with as by at from that this which").split()
HEADINGS = ("Overview", "Open Questions", "Key Ideas", "Related Work", "Next Steps", "Trade Offs",
            "Failure Modes", "Data Sources", "Serving Path", "Evaluation Plan")


def sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def build(pages: int, seed: int = 42):
    rng = random.Random(seed)
    folders = []
    for a in range(20):
        folders.append(f"Area {a:02d}")
        if a % 3 == 0:
            folders.append(f"Area {a:02d}/Deep {a:02d}")
    names: list[str] = []
    seen = set()
    while len(names) < pages:
        name = f"{rng.choice(ADJ).capitalize()} {rng.choice(NOUN).capitalize()}"
        if name in seen:
            name = f"{name} {len(names)}"
        seen.add(name)
        names.append(name)
    notes = []
    for i, name in enumerate(names):
        folder = folders[i % len(folders)]
        notes.append({"name": name, "path": f"{folder}/{name}.md",
                      "headings": rng.sample(HEADINGS, 4), "block": f"b{i}"})
    # ~3% duplicate names: reuse a name in another folder.
    for i in range(0, pages, 33):
        if i + 1 < pages:
            other = notes[i + 1]
            notes[i + 1] = {**other, "name": notes[i]["name"],
                            "path": f"{posixpath.dirname(other['path'])}/{notes[i]['name']}.md"}
    by_name: dict[str, list[int]] = {}
    for i, note in enumerate(notes):
        by_name.setdefault(note["name"], []).append(i)
    return rng, notes, by_name


def pick_dup(notes, candidates, source_path):
    folder = posixpath.dirname(source_path)
    return sorted(candidates, key=lambda j: (posixpath.dirname(notes[j]["path"]) != folder,
                                             notes[j]["path"].count("/"), notes[j]["path"]))[0]


def link_pair(rng, notes, by_name, source, slug):
    """(wiki form, floor form, target path or None)."""
    roll = rng.random()
    if roll < 0.02:
        ghost = f"Ghost {rng.randrange(10000):04d}"
        return f"[[{ghost}]]", ghost, None
    j = rng.randrange(len(notes))
    note = notes[j]
    name = note["name"]
    target = notes[pick_dup(notes, by_name[name], source["path"])]
    rel = posixpath.relpath(target["path"], posixpath.dirname(source["path"]))
    url = quote(rel, safe="/")
    heading = rng.choice(target["headings"])
    r = rng.random()
    if r < 0.40:
        return f"[[{name}]]", f"[{name}]({url})", target["path"]
    if r < 0.55:
        return f"[[{name}|see this]]", f"[see this]({url})", target["path"]
    if r < 0.70:
        return f"[[{name}#{heading}]]", f"[{name} › {heading}]({url}#{slug(heading)})", target["path"]
    if r < 0.75:
        return f"[[{name}#{heading}|label]]", f"[label]({url}#{slug(heading)})", target["path"]
    if r < 0.80:
        return f"[[{name.lower()}]]", f"[{name}]({url})", target["path"]
    if r < 0.85:
        folder = posixpath.basename(posixpath.dirname(note["path"]))
        rel = posixpath.relpath(note["path"], posixpath.dirname(source["path"]))
        return f"[[{folder}/{name}]]", f"[{name}]({quote(rel, safe='/')})", note["path"]
    if r < 0.90:
        return (f"[[{name}#^{target['block']}]]", f"[{name}]({url}#^{target['block']})",
                target["path"])
    return f"[[{name.replace(' ', '%20')}]]", f"[{name}]({url})", target["path"]


def write(pages: int, out: Path, seed: int = 42) -> dict:
    from markdown.extensions.toc import slugify

    def slug(text):
        return slugify(text, "-")

    rng, notes, by_name = build(pages, seed)
    if out.exists():
        shutil.rmtree(out)
    manifest = {"pages": pages, "links": 0, "missing": 0}
    for kind in ("wiki", "floor"):
        (out / kind / "docs").mkdir(parents=True)
    for source in notes:
        wiki, floor = [f"# {source['name']}\n"], [f"# {source['name']}\n"]
        links = [link_pair(rng, notes, by_name, source, slug) for _ in range(10)]
        manifest["links"] += len(links)
        manifest["missing"] += sum(1 for *_, t in links if t is None)
        for h, heading in enumerate(source["headings"]):
            for part in (wiki, floor):
                part.append(f"\n## {heading}\n")
            for p in range(2):
                body = [sentence(rng, rng.randint(8, 14)) for _ in range(4)]
                k = h * 2 + p
                pieces = [(links[k] if k < 10 else None)]
                extra = links[8 + p] if h == 3 else None
                w_text, f_text = " ".join(body), " ".join(body)
                for pair in filter(None, pieces + [extra]):
                    w_text += f" See {pair[0]} for more."
                    f_text += f" See {pair[1]} for more."
                if h == 0 and p == 0:
                    w_text += f" ^{source['block']}"
                    f_text += f"\n{{: #^{source['block']} }}"
                wiki.append(f"\n{w_text}\n")
                floor.append(f"\n{f_text}\n")
        for kind, text in (("wiki", wiki), ("floor", floor)):
            path = out / kind / "docs" / source["path"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("".join(text))
    for kind in ("wiki", "floor"):
        (out / kind / "docs" / "index.md").write_text("# Vault\n\nSynthetic benchmark vault.\n")
    (out / "manifest.json").write_text(json.dumps(manifest, indent=1))
    return manifest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    print(write(args.pages, args.out, args.seed))


if __name__ == "__main__":
    main()

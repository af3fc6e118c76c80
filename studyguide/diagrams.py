"""Mermaid diagrams ready to be drawn when seen: a reserved box and a text alternative, at build time.

Every `<div class="mermaid">SOURCE</div>` in a page (```mermaid fences, funnels) gets
- `role="img"` and an `aria-label`: the diagram's accTitle/accDescr, or else the kind of diagram
  and its node labels, so the text alternative is there before Mermaid draws (and if it never does);
- `--sg-diagram-ratio` / `--sg-diagram-height`: the proportions and natural height estimated from
  the source, which the stylesheet turns into a box the SVG is fitted into, so nothing below the
  diagram moves when it appears (overrides/assets/javascripts/lazy-libraries.js draws it when it
  comes near the viewport, then corrects the box to the drawing's real size while it is unseen).

The estimate follows Mermaid's flowchart layout (node boxes side by side for LR/RL, stacked for
TB/TD); other diagram types get a 16:9 box. Fitted to the site's drawn
diagrams (most within 10% in width and height); an error only leaves a margin around the drawing,
never moves the page, and the box takes the real size once drawn out of sight.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

DIAGRAM_RE = re.compile(r'<div class="mermaid">(?P<source>.*?)</div>', re.S)
ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*(.+)$", re.M)
ACC_DESCR = re.compile(r"^\s*accDescr\s*:\s*(.+)$", re.M)
ACC_DESCR_BLOCK = re.compile(r"^\s*accDescr\s*\{(.*?)\}", re.M | re.S)
FLOWCHART = re.compile(r"^\s*(?:flowchart|graph)\s+(?P<dir>TB|TD|BT|LR|RL)\b", re.M)
# id["label"], id[label], id(label), id((label)), id{label}, id([label]) ...
NODE = re.compile(r"\b(?P<id>[A-Za-z_][\w-]*)\s*(?:\[\[|\[\(|\(\[|\(\(|\[|\(|\{\{|\{|>)"
                  r"\s*\"?(?P<label>[^\"\]\)\}]*)\"?\s*(?:\]\]|\)\]|\]\)|\)\)|\]|\)|\}\}|\})")
EDGE = re.compile(r"-->|---|-.->|==>|--[^-]")

CHAR_PX = 8.5  # Mermaid's 16px sans-serif: about 8.5 px per character (fitted to the drawn diagrams)
LINE_PX = 22.0  # one label line
NODE_PAD_X, NODE_PAD_Y = 30.0, 30.0  # padding inside a node box
GAP_PX = 50.0  # nodeSpacing / rankSpacing
MARGIN_PX = 16.0  # diagramPadding on both sides
BACK_EDGE_PX = 50.0  # room for each edge drawn against the flow (up to 3)
MAX_RESERVED_HEIGHT = 640  # px; taller diagrams are fitted into this


@dataclass(frozen=True)
class Box:
    width: float
    height: float

    @property
    def ratio(self) -> float:
        return self.width / self.height


def _label_lines(label: str) -> list[str]:
    label = html.unescape(label).replace("#quot;", '"')
    return [part.strip() for part in re.split(r"<br\s*/?>|\\n", label) if part.strip()] or [label]


def node_labels(source: str) -> list[str]:
    """The labels of a flowchart's nodes, in order of first appearance (ids if unlabelled)."""
    labels: dict[str, str] = {}
    for line in source.splitlines():
        if re.match(r"\s*(%%|acc|classDef|class\s|style\s|linkStyle|subgraph|end\b|flowchart|graph)", line):
            continue
        for match in NODE.finditer(line):
            labels.setdefault(match["id"], " ".join(_label_lines(match["label"])))
    return list(labels.values())


ARROW = re.compile(r"\s*(?:<?[-=.]{2,}[->ox]?|<?-\.+->?|~~~)(?:\|[^|]*\|)?\s*")
SKIP = re.compile(r"\s*(%%|acc|classDef|class\s|style\s|linkStyle|subgraph|end\b|direction\b|flowchart|graph)")


def _graph(source: str) -> tuple[dict[str, tuple[float, float]], list[tuple[str, str]]]:
    """Node sizes (width, height in px) and edges of a flowchart, read line by line."""
    sizes: dict[str, tuple[float, float]] = {}
    edges: list[tuple[str, str]] = []
    for line in source.splitlines():
        if SKIP.match(line) or not line.strip():
            continue
        previous: list[str] = []
        for segment in ARROW.split(line.strip().rstrip(";")):
            current = []
            for part in segment.split("&"):
                part = part.strip()
                match = NODE.match(part)
                node_id = match["id"] if match else re.match(r"[A-Za-z_][\w-]*", part)
                node_id = node_id if isinstance(node_id, str) else (node_id.group(0) if node_id else None)
                if not node_id:
                    continue
                lines = _label_lines(match["label"]) if match else [node_id]
                if match or node_id not in sizes:
                    sizes[node_id] = (max(len(x) for x in lines) * CHAR_PX + NODE_PAD_X,
                                      len(lines) * LINE_PX + NODE_PAD_Y)
                current.append(node_id)
            edges += [(a, b) for a in previous for b in current]
            previous = current or previous
    return sizes, edges


def _ranks(nodes: list[str], edges: list[tuple[str, str]]) -> tuple[dict[str, int], int]:
    """Longest-path rank of each node after dropping the edges that close a cycle (found by a
    depth-first search in order of appearance, as dagre's acyclic step does), and how many
    edges were dropped."""
    out: dict[str, list[str]] = {node: [] for node in nodes}
    for a, b in edges:
        out[a].append(b)
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    forward: list[tuple[str, str]] = []
    order: list[str] = []
    back = 0
    for root in nodes:
        if root in state:
            continue
        stack = [(root, iter(out[root]))]
        state[root] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                order.append(node)
                stack.pop()
            elif state.get(child) == 1 or child == node:
                back += 1  # a back edge: it would close a cycle
            else:
                forward.append((node, child))
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(out[child])))
    rank = {node: 0 for node in nodes}
    successors: dict[str, list[str]] = {node: [] for node in nodes}
    for a, b in forward:
        successors[a].append(b)
    for node in reversed(order):  # reverse post-order is a topological order of the forward edges
        for child in successors[node]:
            rank[child] = max(rank[child], rank[node] + 1)
    return rank, back


def estimate_box(source: str) -> Box:
    """The size Mermaid will draw this diagram at (before scaling to the column).

    Flowcharts are laid out in ranks (longest path from a source, as dagre does): the ranks run
    along the flow direction, the nodes of one rank side by side across it.
    """
    flow = FLOWCHART.search(source)
    if not flow:
        return Box(640, 360)
    sizes, edges = _graph(source)
    if not sizes:
        return Box(640, 360)
    rank, back_edges = _ranks(list(sizes), edges)
    horizontal = flow["dir"] in ("LR", "RL")
    layers: dict[int, list[tuple[float, float]]] = {}
    for node, size in sizes.items():
        layers.setdefault(rank[node], []).append(size if horizontal else (size[1], size[0]))
    # (along, across) per node: for LR, along = width; for TD, along = height
    length = sum(max(a for a, _ in nodes) for nodes in layers.values()) + GAP_PX * (len(layers) - 1)
    breadth = max(sum(c for _, c in nodes) + GAP_PX * (len(nodes) - 1) for nodes in layers.values())
    # edges drawn against the flow (feedback loops) are routed around the nodes, beside them
    breadth += BACK_EDGE_PX * min(back_edges, 3)
    length, breadth = length + 2 * MARGIN_PX, breadth + 2 * MARGIN_PX
    return Box(length, breadth) if horizontal else Box(breadth, length)


def text_alternative(source: str) -> str:
    """accTitle and accDescr when the diagram has them, else its kind and node labels."""
    title = ACC_TITLE.search(source)
    descr = ACC_DESCR_BLOCK.search(source) or ACC_DESCR.search(source)
    parts = [m.group(1).strip() for m in (title, descr) if m]
    if parts:
        return ". ".join(p.rstrip(".") for p in parts) + "."
    labels = node_labels(source)
    kind = (source.strip().split(maxsplit=1) or ["diagram"])[0]
    kind = "flowchart" if kind == "graph" else kind
    text = f"Diagram ({kind})" + (": " + ", ".join(labels) if labels else "")
    return text if len(text) <= 400 else text[:397] + "..."


def prepare_diagram(escaped_source: str) -> str:
    source = html.unescape(escaped_source)
    box = estimate_box(source)
    height = min(box.height, MAX_RESERVED_HEIGHT)
    return (
        f'<div class="mermaid" role="img" aria-label="{html.escape(text_alternative(source))}" '
        f'style="--sg-diagram-ratio: {box.ratio:.3f}; --sg-diagram-height: {height:.0f}px">'
        f"{escaped_source}</div>"
    )


def prepare_diagrams(page_html: str) -> str:
    """Every Mermaid diagram in a page's HTML with its reserved box and text alternative."""
    if 'class="mermaid"' not in page_html:
        return page_html
    return DIAGRAM_RE.sub(lambda m: prepare_diagram(m["source"]), page_html)

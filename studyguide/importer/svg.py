"""SVG attachments, sanitised before they are copied: nh3 (the Rust ``ammonia`` sanitizer) with an
SVG allow-list. Scripts, ``<foreignObject>`` (HTML inside the drawing), ``<style>`` (may load
external fonts or ``@import``), ``on*`` handlers and references outside the file (``href``
other than ``#id`` or an embedded raster image) are removed; every removal is listed so the
importer can report it. The drawing itself (shapes, text, gradients, ``viewBox``) is kept.
"""
from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

import nh3

TAGS = {
    "svg", "g", "defs", "symbol", "use", "switch", "a", "title", "desc", "metadata",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath",
    "marker", "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "image",
    "filter", "feBlend", "feColorMatrix", "feComposite", "feFlood", "feGaussianBlur", "feMerge",
    "feMergeNode", "feOffset", "feMorphology", "feDropShadow",
}
_PRESENTATION = {
    "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
    "d", "points", "transform", "viewBox", "preserveAspectRatio", "version", "fill", "fill-opacity",
    "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
    "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "clip-path",
    "clip-rule", "mask", "filter", "font-family", "font-size", "font-weight", "font-style",
    "text-anchor", "dominant-baseline", "alignment-baseline", "letter-spacing", "dx", "dy",
    "rotate", "textLength", "lengthAdjust", "offset", "stop-color", "stop-opacity",
    "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "patternUnits",
    "patternContentUnits", "patternTransform", "markerWidth", "markerHeight", "refX", "refY",
    "orient", "markerUnits", "marker-start", "marker-mid", "marker-end", "clipPathUnits",
    "maskUnits", "maskContentUnits", "filterUnits", "primitiveUnits", "in", "in2", "result",
    "stdDeviation", "mode", "operator", "k1", "k2", "k3", "k4", "values", "type", "flood-color",
    "flood-opacity", "radius", "direction", "visibility", "display", "style", "href",
    "xml:space", "startOffset", "method", "spacing", "role", "aria-label", "aria-hidden",
}
ATTRIBUTES = {"*": _PRESENTATION}
_EMBEDDED_RASTER = re.compile(r"data:image/(?:png|jpe?g|gif|webp);", re.I)
_URL_IN_STYLE = re.compile(r"url\(\s*['\"]?(?!#)", re.I)


def _keep(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "href" and not (value.startswith("#") or _EMBEDDED_RASTER.match(value)):
        return None  # a link or image outside the file: the browser would fetch it
    if attribute == "style" and (_URL_IN_STYLE.search(value) or "expression(" in value.lower()):
        return None
    return value


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: Counter[str] = Counter()

    def handle_starttag(self, tag, attrs):
        self.found[f"<{tag}>"] += 1
        for name, _ in attrs:
            self.found[f"{name}= on <{tag}>"] += 1

    handle_startendtag = handle_starttag

    def handle_pi(self, data):  # <?xml-stylesheet href="https://..."?> loads a stylesheet
        self.found[f"<?{data.split()[0] if data.split() else ''}>"] += 1

    def handle_decl(self, decl):  # an internal DTD can define entities
        if "ENTITY" in decl:
            self.found["<!ENTITY>"] += 1


def _elements(text: str) -> Counter[str]:
    parser = _Elements()
    parser.feed(text)
    parser.close()
    return parser.found


def sanitize_svg(text: str) -> tuple[str, list[str]]:
    """(safe SVG text, what was removed: ``"<script>"``, ``"onload= on <svg>"``, ...).

    Callers keep the original bytes when nothing was removed (nh3 re-serialises the markup)."""
    # SVG 2 reads plain href; the xlink prefix would be unbound once nh3 drops xmlns:xlink.
    text = re.sub(r"(\s)xlink:href(\s*=)", r"\1href\2", text)
    cleaned = nh3.clean(text, tags=TAGS, attributes=ATTRIBUTES, attribute_filter=_keep,
                        url_schemes={"data"}, link_rel=None, strip_comments=True,
                        clean_content_tags={"script", "style", "foreignObject", "foreignobject"})
    if 'xmlns="' not in cleaned[:500]:  # needed when the file is loaded as an image
        cleaned = cleaned.replace("<svg", '<svg xmlns="http://www.w3.org/2000/svg"', 1)
    lost = _elements(text) - _elements(cleaned)
    removed = [item for item in lost if not item.startswith(("xmlns", "xlink:href", "<?xml>", "version="))]
    return cleaned, sorted(removed)

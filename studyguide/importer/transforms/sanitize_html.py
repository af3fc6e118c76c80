"""Raw HTML in notes: keep what is harmless, strip what runs code, report every removal.

Each tag outside code is checked on its own (Markdown around it is never touched, so no escaping
side effects): ``<script>``, ``<iframe>``, ``<object>``, ``<style>``... are removed with their
content; other tags go through nh3 (the Rust ``ammonia`` sanitizer) with a generous allow-list.
When nh3 removes nothing the tag is kept byte for byte; otherwise the cleaned tag replaces it and
the removed attributes (``onclick``, ``javascript:`` URLs...) are reported. Tags nh3 does not
allow (``<svg>``, ``<font>``...) lose their markup but keep their text.
"""
from __future__ import annotations

import html
import re

import nh3

from . import NoteContext

DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "applet", "template", "frameset", "frame"}
DROP_TAG = {"base", "meta", "link", "form", "input", "button", "param"}
EXTRA_TAGS = {"font", "video", "audio", "source", "picture", "track", "input"}
ALLOWED_TAGS = (set(nh3.ALLOWED_TAGS) | EXTRA_TAGS) - DROP_WITH_CONTENT - DROP_TAG
GENERIC = {"id", "class", "title", "lang", "dir", "align", "style", "width", "height", "role", "aria-label",
           "aria-hidden", "markdown", "data-lang"}
ATTRIBUTES = {
    "*": GENERIC,
    "a": {"href", "name", "target", "rel"},
    "img": {"src", "alt", "srcset", "sizes", "loading"},
    "video": {"src", "controls", "poster", "loop", "muted", "autoplay", "playsinline", "preload"},
    "audio": {"src", "controls", "loop", "muted", "preload"},
    "source": {"src", "srcset", "type", "media", "sizes"},
    "track": {"src", "kind", "srclang", "label", "default"},
    "font": {"color", "size", "face"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "td": {"colspan", "rowspan", "valign"},
    "th": {"colspan", "rowspan", "valign", "scope"},
    "col": {"span"},
    "colgroup": {"span"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel", "ftp", "data"}
STYLE_PROPS = {"color", "background-color", "background", "text-align", "font-weight", "font-style", "font-size",
               "text-decoration", "width", "height", "max-width", "margin", "padding", "border", "display", "float",
               "vertical-align"}

TAG = re.compile(r"""<(?P<close>/?)(?P<name>[A-Za-z][A-Za-z0-9-]*)(?P<attrs>(?:\s+(?:"[^"]*"|'[^']*'|[^'">\s])*)*)\s*/?>""")
ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*|[^\s<>@]+@[^\s<>]+)>")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute in ("href", "src", "poster", "cite") and value.strip().lower().startswith("data:"):
        return value if tag in ("img", "source", "video", "audio") and value.strip().lower().startswith(
            ("data:image/", "data:audio/", "data:video/")) and "svg" not in value[:30].lower() else None
    return value


# Tags the HTML parser drops outside their parent: cleaned inside a minimal context.
CONTEXT = {
    "td": ("<table><tbody><tr>", "</tr></tbody></table>"), "th": ("<table><tbody><tr>", "</tr></tbody></table>"),
    "tr": ("<table><tbody>", "</tbody></table>"), "tbody": ("<table>", "</table>"), "thead": ("<table>", "</table>"),
    "tfoot": ("<table>", "</table>"), "caption": ("<table>", "</table>"), "colgroup": ("<table>", "</table>"),
    "col": ("<table><colgroup>", "</colgroup></table>"), "source": ("<video>", "</video>"),
    "track": ("<video>", "</video>"), "rt": ("<ruby>", "</ruby>"), "rp": ("<ruby>", "</ruby>"),
}


def clean_tag(tag_text: str, name: str) -> str:
    before, after = CONTEXT.get(name, ("", ""))
    cleaned = nh3.clean(before + tag_text + after, tags=ALLOWED_TAGS, attributes=ATTRIBUTES, url_schemes=URL_SCHEMES,
                        link_rel=None, strip_comments=False, attribute_filter=_filter,
                        filter_style_properties=STYLE_PROPS)
    match = re.search(r"<%s\b[^>]*>" % re.escape(name), cleaned, re.I)
    return match.group(0) if match else ""


def attributes(attrs: str) -> dict[str, str]:
    found = {}
    for name, value in ATTR.findall(attrs):
        value = value[1:-1] if value[:1] in "\"'" and len(value) >= 2 else value
        found[name.lower()] = html.unescape(value)
    return found


def apply(text: str, ctx: NoteContext, unmask=None) -> str:
    if "<" not in text:
        return text
    lines = ctx.lines(text)
    out: list[str] = []
    pos = 0
    drop_until: tuple[str, int] | None = None  # (tag name, depth) while removing an element's content
    for match in TAG.finditer(text):
        if AUTOLINK.fullmatch(match.group(0)):
            continue
        name = match["name"].lower()
        closing = bool(match["close"])
        if drop_until:
            if name == drop_until[0]:
                depth = drop_until[1] + (-1 if closing else 1)
                if depth == 0:
                    drop_until = None
                    pos = match.end()
                else:
                    drop_until = (name, depth)
            continue
        line = lines.line(match.start())
        out.append(text[pos:match.start()])
        pos = match.end()
        if name in DROP_WITH_CONTENT:
            if not closing:
                ctx.report("html-sanitized", f"<{name}> element removed (it could run code or restyle the site)",
                           line, "warning")
                if not match.group(0).endswith("/>") and re.search(r"</%s\s*>" % name, text[match.end():], re.I):
                    drop_until = (name, 1)
            continue
        if name in DROP_TAG:
            if not closing:
                ctx.report("html-sanitized", f"<{name}> tag removed", line, "warning")
            continue
        if name not in ALLOWED_TAGS:
            if not closing:
                ctx.report("html-tag-unwrapped", f"<{name}> is not allowed; its markup was removed, its text kept",
                           line, "info")
            continue
        if closing:
            out.append(match.group(0))
            continue
        original = attributes(match["attrs"])
        cleaned_text = clean_tag(match.group(0), name)
        cleaned = attributes(cleaned_text[len(name) + 1:-1]) if cleaned_text else {}
        removed = [key for key in original if key not in cleaned]
        changed = [key for key in original if key in cleaned and cleaned[key] != original[key]
                   and key != "style"]
        styled = "style" in original and "style" in cleaned and cleaned["style"] != original["style"]
        if not removed and not changed and not styled:
            out.append(match.group(0))
            continue
        details = ", ".join(f'{key}="{original[key][:60]}"' for key in removed + changed)
        if styled:
            details = (details + ", " if details else "") + "unsafe style properties"
        ctx.report("html-sanitized", f"<{name}>: removed {details}", line, "warning")
        out.append(cleaned_text)
    out.append(text[pos:])
    return "".join(out)

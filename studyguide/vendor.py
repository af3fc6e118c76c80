"""Which third-party front-end files the site serves itself, and where they come from.

The files are installed from the npm registry (package.json / package-lock.json) and never
committed; the build copies them from node_modules into the site so no page asks a CDN.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class VendorFile:
    source: Path  # absolute path inside node_modules
    site_path: str  # path inside the built site, e.g. "assets/vendor/katex/katex.min.js"


class MissingVendorAssets(RuntimeError):
    pass


# (npm package, folder inside the package, glob, folder in the site)
VENDOR_GLOBS = [
    ("mermaid", "dist", "mermaid.esm.min.mjs", "assets/vendor/mermaid"),
    # Single-file build for the offline copy: file:// pages cannot import ES modules.
    ("mermaid", "dist", "mermaid.min.js", "assets/vendor/mermaid"),
    ("mermaid", "dist/chunks/mermaid.esm.min", "*.mjs", "assets/vendor/mermaid/chunks/mermaid.esm.min"),
    ("katex", "dist", "katex.min.css", "assets/vendor/katex"),
    # KaTeX's CSS lists woff2 first; every browser we support takes it, so the rest stay out.
    ("katex", "dist/fonts", "*.woff2", "assets/vendor/katex/fonts"),
    # FSRS scheduler for the review page (UMD: the offline copy can't import ES modules).
    ("ts-fsrs", "dist", "index.umd.js", "assets/vendor/ts-fsrs"),
    # Lets search run from file:// in the offline copy (Material's offline plugin links it from unpkg).
    ("iframe-worker", "shim", "index.js", "assets/vendor/iframe-worker"),
]

# Third-party URLs Material writes into pages, and the served copy that replaces each.
CDN_REPLACEMENTS = {
    "https://unpkg.com/iframe-worker/shim": "assets/vendor/iframe-worker/index.js",
}


def vendor_files(node_modules: Path) -> list[VendorFile]:
    """Every file to serve, or MissingVendorAssets naming what to run."""
    files: list[VendorFile] = []
    for package, folder, pattern, site_folder in VENDOR_GLOBS:
        source_dir = node_modules / package / folder
        matches = sorted(source_dir.glob(pattern))
        if not matches:
            raise MissingVendorAssets(
                f"{source_dir / pattern} not found: the front-end assets are installed from the npm "
                "registry by `make assets` (npm ci). Run it, then build again."
            )
        files += [VendorFile(path, f"{site_folder}/{path.name}") for path in matches]
    return files


def self_host(html: str, relative_url) -> str:
    """Point Material's CDN links at the copies the site serves.

    `relative_url(site_path)` turns a path inside the site into a URL relative to the page.
    """
    for cdn_url, site_path in CDN_REPLACEMENTS.items():
        if cdn_url in html:
            html = html.replace(f'"{cdn_url}"', f'"{relative_url(site_path)}"')
    return html

"""Serve Mermaid, KaTeX and iframe-worker from the site itself: add their npm files to the build,
and point Material's own CDN links at those copies."""
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from studyguide.vendor import MissingVendorAssets, self_host, vendor_files

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        for vendor in vendor_files(NODE_MODULES):
            files.append(File.generated(config, vendor.site_path, abs_src_path=str(vendor.source)))
    except MissingVendorAssets as error:
        raise PluginError(str(error)) from error
    return files


def on_post_page(html: str, page: Page, config: MkDocsConfig) -> str:
    return self_host(html, lambda site_path: get_relative_url(site_path, page.url))


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    # Static templates such as 404.html sit at the site root.
    return self_host(output, lambda site_path: site_path)

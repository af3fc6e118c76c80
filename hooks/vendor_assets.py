"""Serve Mermaid and KaTeX from the site itself: add their npm files to the build."""
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from studyguide.vendor import MissingVendorAssets, vendor_files

NODE_MODULES = Path(__file__).resolve().parent.parent / "node_modules"


def on_files(files, config):
    try:
        for vendor in vendor_files(NODE_MODULES):
            files.append(File.generated(config, vendor.site_path, abs_src_path=str(vendor.source)))
    except MissingVendorAssets as error:
        raise PluginError(str(error)) from error
    return files

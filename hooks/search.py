"""Search (issue 12): collect each page's front matter, point Material at our worker, and write the
index it loads. Thin adapter: the logic is in studyguide.search; the worker and its lazy loader are
overrides/assets/javascripts/search/."""
from pathlib import Path

from mkdocs.plugins import event_priority

from studyguide.search.hooks import SearchBuild

_build = SearchBuild()


def on_config(config):
    _build.reset(
        docs_dir=Path(config.docs_dir),
        snippet_dirs=[Path(p) for p in config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", [])],
        snippet_files=config.mdx_configs.get("pymdownx.snippets", {}).get("auto_append", []),
    )
    return config


def on_page_context(context, page, config, nav):
    _build.add_page(page.url, page.file.src_uri, page.title, page.meta)
    return context


def on_post_page(output, page, config):
    return _build.point_at_worker(output)


def on_post_template(output, template_name, config):
    return _build.point_at_worker(output)


# After Material's offline plugin (priority -100), which writes search/search_index.js from
# search_index.json: ours replaces both, so the stub never reaches the file:// copy.
@event_priority(-110)
def on_post_build(config):
    _build.write(Path(config.site_dir))

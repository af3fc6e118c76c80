"""Fixtures shared by the build tests and the browser tests: the real docs/ built once per run."""
from __future__ import annotations

import pytest

from site_build import BuiltSite, build_site, free_port


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> BuiltSite:
    """The real docs/ built with --strict, for the port the browser tests serve it on."""
    return build_site(tmp_path_factory.mktemp("site"), f"http://127.0.0.1:{site_port}/")


@pytest.fixture(scope="session")
def properdocs_site(tmp_path_factory, site_port) -> BuiltSite:
    """The same build with ProperDocs instead of MkDocs."""
    return build_site(tmp_path_factory.mktemp("site-properdocs"), f"http://127.0.0.1:{site_port}/",
                      engine="properdocs")

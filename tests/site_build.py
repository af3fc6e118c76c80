"""Building the real docs/ for tests and benches, and serving a built site on 127.0.0.1."""
from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class BuiltSite:
    path: Path  # the site directory
    url: str  # the site_url it was built for (http://127.0.0.1:PORT/)
    log: str  # everything mkdocs printed


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The site builds with MkDocs 1.6 and with ProperDocs, its maintained 1.x fork (same config, hooks
# and plugins; it aliases `mkdocs.*` imports to itself).
ENGINES = ("mkdocs", "properdocs")


def build_site(out: Path, site_url: str, extra_env: dict[str, str] | None = None, *,
               project: Path = ROOT, engine: str = "mkdocs") -> BuiltSite:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(extra_env or {})}
    command = [sys.executable, "-m", engine, "build", "--strict", "-f", "mkdocs.yml", "--site-dir", str(out)]
    done = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(f"`{engine} build --strict` failed (exit {done.returncode}):\n{done.stderr[-6000:]}")
    return BuiltSite(out, site_url, done.stdout + done.stderr)


def project_copy(into: Path) -> Path:
    """A copy of the project to change docs/ in: docs/ and mkdocs.yml copied, the rest linked."""
    into.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "docs", into / "docs")
    shutil.copy2(ROOT / "mkdocs.yml", into / "mkdocs.yml")
    for name in ("hooks", "overrides", "includes", "node_modules"):
        (into / name).symlink_to(ROOT / name, target_is_directory=True)
    return into


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files without logging every request to the test output."""

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_directory(folder: Path | str, port: int, handler: type = QuietHandler) -> Iterator[str]:
    """Serve `folder` on http://127.0.0.1:`port` from a background thread; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()

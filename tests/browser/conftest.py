"""Real-browser tests: Playwright driving the system Chromium against the built site.

Playwright's own browser download is never used. Without Chromium these tests skip with
a message, except in CI (CI=true), where a missing browser fails the run.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from ..conftest import NOW

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext

CHROMIUM_FLAGS = [
    # Each redraw of part of a tile redraws the whole tile: drawn only in part, the edges
    # of a rounded box came out a few pixels different from one screenshot to the next,
    # and two screenshots of an unchanged page could differ.
    "--disable-partial-raster",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = _chromium()
    if found is None:
        message = (
            "Chromium is not installed, so the browser tests cannot run. "
            "Install Debian's 'chromium' package (.ci/run does)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a free local port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: its one 404.html, with status 404, for every
    address that has no file."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


@pytest.fixture(scope="session")
def browser(chromium_path: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def new_context(browser) -> Iterator[Callable[..., BrowserContext]]:
    """Open browser contexts (reduced motion unless told otherwise); every one is closed
    after the test, whether it passed or not."""
    opened: list[BrowserContext] = []

    def open_context(**options: Any) -> BrowserContext:
        context = browser.new_context(**{"reduced_motion": "reduce", **options})
        opened.append(context)
        return context

    try:
        yield open_context
    finally:
        for context in opened:
            context.close()


@pytest.fixture
def page(new_context):
    opened = new_context().new_page()
    opened.clock.set_system_time(NOW)  # the build's "now": the page's script hides what ended
    return opened


@pytest.fixture
def visit(new_context):
    """Open pages as a resident would, at the build's "now" unless told another time."""

    def open_page(width: int = 360, height: int = 640, *, clock: datetime = NOW, **options):
        context = new_context(viewport={"width": width, "height": height}, **options)
        opened = context.new_page()
        if options.get("java_script_enabled", True):
            opened.clock.set_system_time(clock)
        return opened

    return open_page

"""Real-browser tests: Playwright driving the system Chromium against the built site.

Playwright's own browser download is never used. Without Chromium these tests skip with
a message, except in CI (CI=true), where a missing browser fails the run.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest

from ..conftest import NOW

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Page

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
    """The browser to drive: $CHROMIUM if set, else Chromium's headless shell, which
    Playwright itself uses for headless runs (the same engine without the desktop
    browser's windows: the browser tests took 144 s of processor time with it, 268 s with
    the full `chromium`), else the full browser."""
    for candidate in (
        os.environ.get("CHROMIUM"),
        "chromium-headless-shell",
        "chromium",
        "chromium-browser",
    ):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    found = _chromium()
    if found is None:
        message = (
            "Chromium is not installed, so the browser tests cannot run. "
            "Install Debian's 'chromium-headless-shell' package (.ci/run does) or 'chromium'."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


SEARCH_INDEX = "search/search_index.json"


@contextlib.contextmanager
def served(folder: Path, replaced: Mapping[str, bytes] | None = None) -> Iterator[str]:
    """A folder served on a free local port, as GitHub Pages serves a site (_QuietHandler);
    yields its address."""
    handler = functools.partial(_QuietHandler, replaced or {}, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def searchable_site_url(built_site: Path) -> Iterator[str]:
    """The built site served as a host serves it: for the tests of its search."""
    with served(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served, for every test that never searches. Material builds its
    search index in the browser on every page a test opens, about a fifth of a second of
    processor time a page on the fixture borough; these tests are served an index of no
    pages (the site's own search settings, no documents), so a search here finds nothing.
    The tests of search take `searchable_site_url`."""
    index = json.loads((built_site / SEARCH_INDEX).read_bytes())
    empty = json.dumps({"config": index["config"], "docs": []}).encode()
    with served(built_site, {"/" + SEARCH_INDEX: empty}) as url:
        yield url


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: its one 404.html, with status 404, for every
    address that has no file; and the files of `replaced` (by address) with other
    contents."""

    def __init__(self, replaced: Mapping[str, bytes], *args: Any, **kwargs: Any) -> None:
        self.replaced = replaced
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        body = self.replaced.get(urlsplit(self.path).path)
        if body is None:
            return super().do_GET()
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(self.path))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

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


@pytest.fixture(scope="session")
def kept_context(browser) -> Iterator[Callable[..., BrowserContext]]:
    """Browser contexts kept from test to test, one for each set of options: a new tab in
    a kept context costs Chromium less than a context of its own (the browser tests took
    144 s, not 154 s, on two cores)."""
    kept: dict[str, BrowserContext] = {}

    def context_for(**options: Any) -> BrowserContext:
        key = repr(sorted(options.items()))
        if key not in kept:
            kept[key] = browser.new_context(**options)
        return kept[key]

    try:
        yield context_for
    finally:
        for context in kept.values():
            context.close()


@pytest.fixture
def visit(kept_context) -> Iterator[Callable[..., Page]]:
    """Open pages as a resident would, at the build's "now" unless told another time: each
    a new tab, with no cookies and nothing stored, in a context kept for its options."""
    opened: list[Page] = []

    def open_page(width: int = 360, height: int = 640, *, clock: datetime = NOW, **options):
        viewport = {"width": width, "height": height}
        context = kept_context(**{"viewport": viewport, "reduced_motion": "reduce", **options})
        opened.append(context.new_page())
        if options.get("java_script_enabled", True):
            opened[-1].clock.set_system_time(clock)
        return opened[-1]

    try:
        yield open_page
    finally:
        for each in opened:
            _forget(each)


def _forget(page: Page) -> None:
    """Close a test's tab, and clear what it left in its context for the next test: the
    local storage of the site it was on (Material keeps a reader's choices there), and
    cookies."""
    if not page.is_closed():
        if page.url.startswith("http"):
            page.evaluate("localStorage.clear()")
        page.close()
    page.context.clear_cookies()


@pytest.fixture
def page(visit) -> Page:
    """A page the size of Playwright's default window."""
    return visit(1280, 720)

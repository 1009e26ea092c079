"""Everything a build writes, from one Site: the one call a site generator makes.

Where the system can fork (Linux, which builds the site), the open data, update feeds and
posters are rendered in a second process while this one renders the pages and calendars:
build machines have two cores, and MkDocs keeps only one of them busy.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection

from .atom import render_feeds
from .calendars import render_calendars
from .opendata import render_open_data
from .pages import render_pages
from .posters import render_posters
from .settings import Settings
from .site import Site

Files = dict[str, str | bytes]
Renderer = Callable[[Site, Settings], Files]

_HERE: tuple[Renderer, ...] = (render_pages, render_calendars)
_ELSEWHERE: tuple[Renderer, ...] = (render_open_data, render_feeds, render_posters)


def render_site(site: Site, settings: Settings) -> Files:
    """Markdown pages for the site generator to theme, and finished files to publish as
    they are (feeds, data, posters), keyed by their path under the site root."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return _render(_HERE + _ELSEWHERE, site, settings)
    # A forked worker starts with the site already in memory: nothing is copied to it.
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    worker = context.Process(target=_render_into, args=(sending, site, settings), daemon=True)
    worker.start()
    sending.close()
    try:
        here = _render(_HERE, site, settings)
        try:
            finished, elsewhere = receiving.recv()
        except EOFError:
            finished, elsewhere = False, "the process stopped without a word"
    finally:
        receiving.close()
        worker.join(timeout=5)
        if worker.is_alive():
            worker.terminate()
    if not finished:
        raise RuntimeError(f"rendering the data, feeds and posters failed:\n{elsewhere}")
    return {**here, **elsewhere}


def _render(renderers: tuple[Renderer, ...], site: Site, settings: Settings) -> Files:
    return {
        path: content for render in renderers for path, content in render(site, settings).items()
    }


def _render_into(connection: Connection, site: Site, settings: Settings) -> None:
    """The worker's side: send back the files, or the traceback that stopped them."""
    try:
        connection.send((True, _render(_ELSEWHERE, site, settings)))
    except BaseException:
        connection.send((False, traceback.format_exc()))
    finally:
        connection.close()

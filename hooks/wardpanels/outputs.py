"""Everything a build writes, from one Site: the calls a site generator makes.

A build has two kinds of output: pages, Markdown the site generator converts, and finished
files (calendars, open data, feeds, posters) that it only copies at the end. Where the
system can fork (Linux, which builds the site), a second process renders both while the
generator gets on with its own work: build machines have two cores, and MkDocs keeps only
one busy. The pages come first, as soon as the data is loaded; the finished files follow
while the pages are converted. Their paths are known from the start, so the links the pages
make to them can be checked before the files exist.
"""

from __future__ import annotations

import multiprocessing
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from .atom import feed_paths, render_feeds
from .calendars import calendar_paths, render_calendars
from .opendata import open_data_paths, render_open_data
from .pages import render_pages
from .posters import poster_paths, render_posters
from .settings import Settings
from .site import Site

Files = dict[str, str | bytes]


@dataclass(frozen=True)
class _Finished:
    """One kind of finished file: how to render it, and where it goes without rendering."""

    render: Callable[[Site, Settings], Files]
    paths: Callable[[Site], list[str]]


_FINISHED = (
    _Finished(render_calendars, calendar_paths),
    _Finished(render_open_data, open_data_paths),
    _Finished(render_feeds, feed_paths),
    _Finished(render_posters, poster_paths),
)


class Rendering:
    """A build's outputs, rendered in the background as soon as it is made.

    Ask for `pages()` first and `finished()` once, each when it is needed; or `close()`
    to give them up.
    """

    def __init__(self, site: Site, settings: Settings) -> None:
        self._site, self._settings = site, settings
        self._worker: BaseProcess | None = None
        self._receiving: Connection | None = None
        self._pages: Files | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            # A forked worker starts with the site already in memory: nothing is copied.
            context = multiprocessing.get_context("fork")
            self._receiving, sending = context.Pipe(duplex=False)
            self._worker = context.Process(
                target=_render_into, args=(sending, site, settings), daemon=True
            )
            self._worker.start()
            sending.close()
        self.finished_paths: list[str] = [path for kind in _FINISHED for path in kind.paths(site)]

    def pages(self) -> Files:
        """The Markdown pages, waiting for them if need be."""
        if self._pages is None:
            self._pages = (
                self._receive("the pages")
                if self._receiving is not None
                else dict(render_pages(self._site, self._settings))
            )
        return self._pages

    def finished(self) -> Files:
        """The calendars, open data, feeds and posters, waiting for them if need be."""
        self.pages()  # they come first from the worker
        if self._receiving is None:
            files = _render_finished(self._site, self._settings)
        else:
            files = self._receive("the calendars, data, feeds and posters")
            self.close()
        if set(files) != set(self.finished_paths):
            missing = sorted(set(self.finished_paths) - set(files))
            unexpected = sorted(set(files) - set(self.finished_paths))
            raise RuntimeError(
                f"the files rendered differ from those announced: missing {missing[:5]}, "
                f"unexpected {unexpected[:5]}"
            )
        return files

    def close(self) -> None:
        """End the worker: it has sent everything, or `mkdocs serve` began another build."""
        if self._worker is not None:
            if self._worker.is_alive():
                self._worker.terminate()
            self._worker.join()
        if self._receiving is not None:
            self._receiving.close()

    def _receive(self, what: str) -> Files:
        assert self._receiving is not None
        try:
            succeeded, sent = self._receiving.recv()
        except EOFError:
            succeeded, sent = False, "the process stopped without a word"
        if not succeeded:
            self.close()
            raise RuntimeError(f"rendering {what} failed:\n{sent}")
        return sent


def render_site(site: Site, settings: Settings) -> Files:
    """Markdown pages for the site generator to theme, and finished files to publish as
    they are (feeds, data, posters), keyed by their path under the site root."""
    rendering = Rendering(site, settings)
    return {**rendering.pages(), **rendering.finished()}


def _render_finished(site: Site, settings: Settings) -> Files:
    return {
        path: content for kind in _FINISHED for path, content in kind.render(site, settings).items()
    }


def _render_into(connection: Connection, site: Site, settings: Settings) -> None:
    """The worker's side: send back the pages, then the finished files; or the traceback
    that stopped them."""
    try:
        connection.send((True, render_pages(site, settings)))
        connection.send((True, _render_finished(site, settings)))
    except BaseException:
        connection.send((False, traceback.format_exc()))
    finally:
        connection.close()

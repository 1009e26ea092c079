"""One render of the whole site: every output as plain data, for any site generator.

A `Rendering` turns a checked Site into outputs: each output's path, its content (or,
staged, the file it was written to), and whether it is a page (Markdown for the generator
to theme) or a finished file (a calendar, a data file, a feed, a poster) to publish as it
is. The MkDocs hook takes what pages can link to (`linked`) before MkDocs converts them,
and the rest (`late`, the form editor's) after; `render_site` gives the whole Manifest at
once to `wardpanels render --out DIR`, which writes it to a folder that a plain `mkdocs
build` (or ProperDocs, or a later generator) publishes with no hooks at all.
"""

from __future__ import annotations

import multiprocessing
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path

from . import atom, calendars, cms, embed, finder, opendata, pages, posters, theme, wardmap
from .localise import Localiser
from .outputs import Manifest, Output
from .settings import Settings
from .site import Site


def render_site(site: Site, settings: Settings) -> Manifest:
    """Every output of the site, each rendered once, in this process."""
    return Rendering(site, settings).manifest()


class Rendering:
    """One render of the site, started at once and finished when `manifest()` is asked.

    With `parallel`, where the system can fork, its steps are rendered by a
    `concurrent.futures` pool of two processes while the caller goes on: MkDocs gathers its
    own files and the theme's meanwhile. The longest steps are handed out first and each
    process takes the next step when it is free, so neither waits on the other's share;
    the `late` steps come last, and go on while the generator converts the pages (README,
    "Performance"). The outputs are the same, in the same order, either way. A
    process running other threads (`mkdocs serve` rebuilding) renders in itself, as a fork
    copies their locks but not the threads that would release them. What the generator's
    configuration needs (the theme's values, the abbreviations) is ready at once.
    """

    def __init__(
        self, site: Site, settings: Settings, *, parallel: bool = False, stage: Path | None = None
    ) -> None:
        self._stage = stage
        self.theme = theme.theme_values(site, settings)
        self.abbreviations, self.words = explanations(site)
        steps = _steps(site, settings)
        self._late = [step.late for step in steps]
        self._plan: list[_Step] | None = steps  # what is left to render in this process
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[list[Output]]] = []
        self._linked: list[str] = []
        self.in_parallel = (
            parallel
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
        )
        if self.in_parallel:
            # Forked processes start with the site already in memory: nothing is copied
            # to them but the number of a step, and only the outputs come back.
            self._pool = ProcessPoolExecutor(
                PROCESSES,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_share,
                initargs=(site, settings, stage),
            )
            # What pages link to first, the longest of it first; the late steps last, as
            # they go on beside the generator.
            handed_out = {
                number: self._pool.submit(_render_step, number)
                for number in sorted(
                    range(len(steps)), key=lambda n: (steps[n].late, not steps[n].long)
                )
            }
            self._futures = [handed_out[number] for number in range(len(steps))]
            self._plan = None  # nor is the site held here any longer for it

    def close(self) -> None:
        """Stop the render when the build fails before it is asked for: its processes end
        now, not at exit, where they would print a stray traceback."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def manifest(self) -> Manifest:
        """Every output, in the same order however it was rendered."""
        try:
            outputs = self._rendered(late=None)
        finally:
            self.close()
        _check_unique(item.path for item in outputs)
        return self._with_values(outputs)

    def linked(self) -> Manifest:
        """Every output a page can link to, pages included, once rendered: what the generator
        must know before it converts the pages. The `late` steps go on meanwhile."""
        outputs = self._rendered(late=False)
        self._linked = [item.path for item in outputs]
        return self._with_values(outputs)

    def late(self) -> list[Output]:
        """The rest, once rendered (after `linked`): the generator publishes them after it
        has converted the pages. The render is then over."""
        try:
            outputs = self._rendered(late=True)
        finally:
            self.close()
        _check_unique([*self._linked, *(item.path for item in outputs)])
        return outputs

    def _rendered(self, *, late: bool | None) -> list[Output]:
        """The outputs of the steps that are `late` (all of them for None), in order."""
        if self._plan is not None:
            return [
                item
                for step in self._plan
                if late is None or step.late == late
                for item in _staged(step.outputs(), self._stage)
            ]
        return [
            item
            for future, is_late in zip(self._futures, self._late, strict=True)
            if late is None or is_late == late
            for item in future.result()
        ]

    def _with_values(self, outputs: list[Output]) -> Manifest:
        return Manifest(tuple(outputs), self.theme, self.abbreviations, self.words)


PROCESSES = 2


@dataclass(frozen=True)
class _Step:
    """Some of the outputs, rendered together; `long` for the steps that take the most
    time (handed out first, so that no process is left with one at the end); `late` for a
    step whose outputs no page links to in Markdown, which the generator can therefore take
    after it has converted the pages, while the step goes on beside it."""

    outputs: Callable[[], Iterable[Output]]
    long: bool = False
    late: bool = False


def _steps(site: Site, settings: Settings) -> list[_Step]:
    """Every output of the site in steps, in the order the manifest lists them: each
    language's pages, calendars, open data, feeds, the finder's data, the map's, the form
    editor, posters and the embedded cards. The form editor's configuration, which holds a
    form for every ward's translation, is the longest of all; pages link to /admin/ only
    in HTML, which the generator does not check."""
    first, *others = site.languages
    return [
        _Step(partial(pages.render_pages, site, settings, first), long=True),
        *(
            _Step(partial(calendars.render_calendars, site, settings, language))
            for language in site.languages
        ),
        _Step(partial(opendata.render_open_data, site, settings)),
        _Step(partial(atom.render_feeds, site, settings)),
        _Step(partial(finder.render_finder, site)),
        _Step(partial(wardmap.render_boundaries_data, site)),
        _Step(partial(cms.render_form_editor, site, settings), long=True, late=True),
        *(
            _Step(partial(pages.render_pages, site, settings, language), long=True)
            for language in others
        ),
        _Step(partial(posters.render_posters, site, settings)),
        *(
            _Step(partial(embed.render_embeds, site, settings, language))
            for language in site.languages
        ),
    ]


def _staged(outputs: Iterable[Output], stage: Path | None) -> Iterator[Output]:
    """With a `stage` folder, each output (a page, or a finished file such as a calendar,
    data file, feed or poster) is written there as soon as it is rendered and handed on by
    where it is, not held: the generator reads each page when it converts it, so a build
    never holds every page's Markdown at once, and nothing but paths comes back from the
    render's processes."""
    for item in outputs:
        if stage is None:
            yield item
            continue
        target = stage / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        content = item.content
        target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        yield replace(item, content=b"", file=target)


# In a pool's process: what it renders from, and where finished files go.
_shared: tuple[Site, Settings, Path | None] | None = None


def _share(site: Site, settings: Settings, stage: Path | None) -> None:
    global _shared
    _shared = (site, settings, stage)


def _render_step(number: int) -> list[Output]:
    assert _shared is not None, "the pool's initializer shares the site"
    site, settings, stage = _shared
    return list(_staged(_steps(site, settings)[number].outputs(), stage))


def explanations(site: Site) -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Each language's acronyms and what they stand for, and the words explained in running
    text with the first sentence of their meaning: translated where they can be."""
    acronyms, words = {}, {}
    for language in site.languages:
        local = Localiser(language, site.translations_for(language, ""))
        acronyms[language.code] = {
            term.term: local.plain(term, "stands_for") for term in site.glossary if term.stands_for
        }
        words[language.code] = {
            term.term: first_sentence(local.plain(term, "meaning"))
            for term in site.glossary
            if term.in_text and not term.stands_for
        }
    return acronyms, words


def first_sentence(markdown_text: str) -> str:
    """The first sentence of a meaning, as plain text: links keep their words."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown_text)
    text = re.sub(r"[*_`]", "", " ".join(text.split()))
    return re.split(r"(?<=[.!?।])\s", text, maxsplit=1)[0]


def _check_unique(paths: Iterable[str]) -> None:
    twice = [path for path, count in Counter(paths).items() if count > 1]
    if twice:
        raise ValueError(f"two outputs were given the same path: {', '.join(sorted(twice))}")

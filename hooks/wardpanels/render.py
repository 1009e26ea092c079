"""One render of the whole site: every output as plain data, for any site generator.

A `Rendering` turns a checked Site into outputs: each output's path, its content (or,
staged, the file it was written to), and whether it is a page (Markdown for the generator
to theme) or a finished file (a calendar, a data file, a feed, a poster) to publish as it
is. The MkDocs hook takes what pages can link to (`linked`) before MkDocs converts them,
each page once it is written (`wait_for`), and the rest (`late`, the form editor's) after;
`render_site` gives the whole Manifest at once to `wardpanels render --out DIR`, which
writes it to a folder that a plain `mkdocs build` (or ProperDocs, or a later generator)
publishes with no hooks at all.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from . import atom, calendars, cms, embed, finder, opendata, pages, posters, theme, wardmap
from .localise import Localiser
from .outputs import FilePlan, Manifest, Output
from .settings import Settings
from .site import Site


def render_site(site: Site, settings: Settings) -> Manifest:
    """Every output of the site, each rendered once, in this process."""
    return Rendering(site, settings).manifest()


class Rendering:
    """One render of the site, started at once and finished when `manifest()` is asked.

    With `parallel`, where the system can fork, its steps are rendered by a
    `concurrent.futures` pool of one process while the caller goes on: MkDocs gathers its
    own files and the theme's meanwhile, then converts the pages on one core while the
    render goes on on the other. With a `stage` folder, what the generator must know before
    it converts a page is known early: which finished files there are, listed here at once
    (`FilePlan`: their paths cost next to nothing), and every language's pages, listed by
    the pool's process before it renders any (the first task). Each is then written one by
    one, so the generator converts the first pages while the last are still rendering; the
    finished files are made after the pages, long before the generator copies them, and the
    `late` steps last (README, "Performance"). The outputs are the same, in the same order,
    either way.
    A process running other threads (`mkdocs serve` rebuilding) renders in itself, as a fork
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
        # What the pool's processes say as they go (_render_step): a language's pages before
        # any is rendered, then each page once it is written. Only with a stage to write to.
        self._progress: Any = None  # a multiprocessing Queue: typeshed's is not generic
        self._announcing = [False] * len(steps)
        self._announced: dict[int, list[Output]] = {}
        self._unwritten: set[str] = set()
        self.in_parallel = (
            parallel
            and "fork" in multiprocessing.get_all_start_methods()
            and threading.active_count() == 1
        )
        if self.in_parallel:
            context = multiprocessing.get_context("fork")
            if stage is not None:
                self._progress = context.Queue()
                self._announcing = [step.announced or step.planned for step in steps]
                for number, step in enumerate(steps):
                    if step.planned:
                        plan = step.outputs()
                        assert isinstance(plan, FilePlan)
                        self._listed(number, plan.announced)
            # A forked process starts with the site already in memory: nothing is copied
            # to it but the numbers of steps, and only paths or outputs come back.
            self._pool = ProcessPoolExecutor(
                PROCESSES,
                mp_context=context,
                initializer=_share,
                initargs=(site, settings, stage, self._progress),
            )
            handed_out: dict[int, Future[list[Output]]] = {}
            if self._progress is not None:
                # Every language's pages in one task, handed out first: all are listed
                # before any is rendered, and only one process renders them beside MkDocs.
                together = tuple(n for n, step in enumerate(steps) if step.announced)
                task = self._pool.submit(_render_pages, together)
                handed_out = dict.fromkeys(together, task)
            for number in sorted(range(len(steps)), key=lambda n: steps[n].late):
                if number not in handed_out:
                    handed_out[number] = self._pool.submit(_render_step, number)
            self._futures = [handed_out[number] for number in range(len(steps))]
            self._plan = None  # nor is the site held here any longer for it

    def close(self) -> None:
        """Stop the render when the build fails before it is asked for: its processes end
        now, not at exit, where they would print a stray traceback."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._progress is not None:
            self._progress.close()

    def manifest(self) -> Manifest:
        """Every output, in the same order however it was rendered."""
        try:
            outputs = self._rendered(late=None)
            self._wait_for_all()
        finally:
            self.close()
        _check_unique(item.path for item in outputs)
        return self._with_values(outputs)

    def linked(self) -> Manifest:
        """Every output a page can link to, pages included: what the generator must know
        before it converts the pages. A page or finished file may still be rendering:
        `wait_for` a page before reading it; `late` waits for everything to be written.
        The `late` steps go on meanwhile."""
        outputs = self._rendered(late=False)
        self._linked = [item.path for item in outputs]
        return self._with_values(outputs)

    def wait_for(self, path: str) -> None:
        """Until the output at `path` is written, if it is still being rendered."""
        while path in self._unwritten:
            self._hear()

    def late(self) -> list[Output]:
        """The rest, once rendered (after `linked`): the generator publishes them after it
        has converted the pages. The render is then over: every output is written."""
        try:
            outputs = self._rendered(late=True)
            self._wait_for_all()
        finally:
            self.close()
        _check_unique([*self._linked, *(item.path for item in outputs)])
        return outputs

    def _wait_for_all(self) -> None:
        for path in list(self._unwritten):
            self.wait_for(path)

    def _listed(self, number: int, outputs: list[Output]) -> None:
        """A step's outputs, known before they are written (with a stage)."""
        assert self._stage is not None
        self._announced[number] = [_written_to(self._stage, item) for item in outputs]
        self._unwritten.update(item.path for item in outputs)

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
            for number, is_late in enumerate(self._late)
            if late is None or is_late == late
            for item in self._outputs_of(number)
        ]

    def _outputs_of(self, number: int) -> list[Output]:
        """A step's outputs once rendered, or, for a language's pages, once announced."""
        if not self._announcing[number]:
            return self._futures[number].result()
        while number not in self._announced:
            self._hear()
        return self._announced.pop(number)

    def _hear(self) -> None:
        """The next word from the pool's processes. A step that failed meanwhile raises its
        error here: nothing waits for a page that will never come."""
        try:
            number, said = self._progress.get(timeout=_PATIENCE)
        except queue.Empty:
            for future in self._futures:
                if future.done() and future.exception() is not None:
                    future.result()
            return
        if isinstance(said, str):
            self._unwritten.discard(said)
        else:
            self._listed(number, said)

    def _with_values(self, outputs: list[Output]) -> Manifest:
        return Manifest(tuple(outputs), self.theme, self.abbreviations, self.words)


# Seconds between looks at whether a step failed, while waiting for a page.
_PATIENCE = 0.5
# One process renders beside MkDocs: with two, the three shared the two cores of the
# build machine and MkDocs was done 1.5 s later at 300 wards.
PROCESSES = 1
# How far a late step's process stands back for the generator's (Unix niceness).
STANDING_BACK = 5


@dataclass(frozen=True)
class _Step:
    """Some of the outputs, rendered together; `announced` for a language's pages, which
    the pool's process lists before it renders them (handed out first) and the generator
    can take one by one; `planned` for finished files, which this process lists itself;
    `late` for a step whose outputs no page links to in Markdown, which the generator can
    therefore take after it has converted the pages, while the step goes on beside it."""

    outputs: Callable[[], Iterable[Output]]
    late: bool = False
    announced: bool = False  # its outputs are a `pages.PagePlan`
    planned: bool = False  # its outputs are an `outputs.FilePlan`


def _steps(site: Site, settings: Settings) -> list[_Step]:
    """Every output of the site in steps, in the order the manifest lists them: each
    language's pages, calendars, open data, feeds, the finder's data, the map's, the form
    editor, posters and the embedded cards. The form editor's configuration, which holds a
    form for every ward's translation, is the longest of all; pages link to /admin/ only
    in HTML, which the generator does not check."""
    first, *others = site.languages
    return [
        _Step(partial(pages.render_pages, site, settings, first), announced=True),
        *(
            _Step(partial(calendars.render_calendars, site, settings, language), planned=True)
            for language in site.languages
        ),
        _Step(partial(opendata.render_open_data, site, settings), planned=True),
        _Step(partial(atom.render_feeds, site, settings), planned=True),
        _Step(partial(finder.render_finder, site), planned=True),
        _Step(partial(wardmap.render_boundaries_data, site), planned=True),
        _Step(partial(cms.render_form_editor, site, settings), late=True),
        *(
            _Step(partial(pages.render_pages, site, settings, language), announced=True)
            for language in others
        ),
        _Step(partial(posters.render_posters, site, settings), planned=True),
        *(
            _Step(partial(embed.render_embeds, site, settings, language), planned=True)
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
        yield _written_to(stage, item)


def _written_to(stage: Path, item: Output) -> Output:
    """An output as handed on once written to the stage folder: by where it is."""
    return replace(item, content=b"", file=stage / item.path)


# In a pool's process: what it renders from, where finished files go, and whom it tells.
_shared: tuple[Site, Settings, Path | None, Any] | None = None


def _share(site: Site, settings: Settings, stage: Path | None, progress: Any) -> None:
    global _shared
    _shared = (site, settings, stage, progress)
    if progress is not None:
        # What it said need not reach anyone once the build is over or has failed: the
        # process never waits at exit to say it.
        progress.cancel_join_thread()


def _render_step(number: int) -> list[Output]:
    """A step's outputs; with a stage, for finished files listed beforehand, each one's
    path once written, by the `progress` queue (Rendering._hear)."""
    assert _shared is not None, "the pool's initializer shares the site"
    site, settings, stage, progress = _shared
    step = _steps(site, settings)[number]
    if step.late:
        # Nothing waits for it until the generator has converted every page: it takes the
        # time the generator leaves, rather than slow it down.
        os.nice(STANDING_BACK)
    outputs = step.outputs()
    if progress is None or not step.planned:
        return list(_staged(outputs, stage))
    for item in _staged(outputs, stage):
        progress.put((number, item.path))
    return []


def _render_pages(numbers: tuple[int, ...]) -> list[Output]:
    """Each language's pages (the steps `numbers`), with a stage: what they all are first,
    then each page's path once written, by the `progress` queue (Rendering._hear)."""
    assert _shared is not None, "the pool's initializer shares the site"
    site, settings, stage, progress = _shared
    assert stage is not None and progress is not None
    steps = _steps(site, settings)
    plans = [(number, steps[number].outputs()) for number in numbers]
    for number, plan in plans:
        assert isinstance(plan, pages.PagePlan)
        progress.put((number, plan.announced))
    for number, plan in plans:
        for item in _staged(plan, stage):
            progress.put((number, item.path))
    return []


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

"""A build renders in another process where it can; what it publishes is the same."""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

import pytest

from wardpanels import pages, posters
from wardpanels.render import Rendering, render_site
from wardpanels.site import Site, Sources, load_site

from .conftest import GOLDEN, GOLDEN_SETTINGS, NOW

T = TypeVar("T")


def golden() -> Site:
    return load_site(
        Sources(GOLDEN, GOLDEN / "wards", GOLDEN / "glossary"),
        GOLDEN_SETTINGS,
        NOW,
        read_history=False,
    )


def parallel_and_same_as_alone() -> tuple[bool, bool, bool]:
    """In a fresh interpreter, whose only thread is its main one, as in `mkdocs build`."""
    site = golden()
    alone = render_site(site, GOLDEN_SETTINGS)
    rendering = Rendering(site, GOLDEN_SETTINGS, parallel=True)
    shared = rendering.manifest()
    paths = [item.path for item in shared], [item.path for item in alone]
    return rendering.in_parallel, shared == alone, paths[0] == paths[1]


def in_a_fresh_interpreter(task: Callable[..., T], *args: object) -> T:
    fresh = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    with fresh:
        return fresh.submit(task, *args).result()


def test_two_processes_give_the_same_outputs_in_the_same_order():
    in_parallel, same, same_order = in_a_fresh_interpreter(parallel_and_same_as_alone)
    assert in_parallel and same and same_order


def pages_as_they_are_written(stage: Path) -> tuple[bool, list[str], list[str], list[bool]]:
    """A staged render in another process, as `mkdocs build` runs it: what the generator is
    told before it converts the pages, and whether each page, once waited for, holds what
    a render in memory gives."""
    site = golden()
    held = render_site(site, GOLDEN_SETTINGS)
    rendering = Rendering(site, GOLDEN_SETTINGS, parallel=True, stage=stage)
    linked = rendering.linked()
    same = []
    for page in linked.pages():
        rendering.wait_for(page.path)
        assert page.file is not None
        same.append(page.file.read_text(encoding="utf-8") == held[page.path].content)
    late = [item.path for item in rendering.late()]
    told = [item.path for item in linked]
    return rendering.in_parallel, told, [p.path for p in held if p.path not in late], same


def test_pages_are_announced_before_they_are_rendered_and_read_once_written(tmp_path):
    """The generator knows every page at once and converts each as soon as it is written,
    while the rest render: each page then holds exactly what it would have."""
    in_parallel, told, expected, same = in_a_fresh_interpreter(pages_as_they_are_written, tmp_path)
    assert in_parallel and told == expected
    assert same and all(same)


def a_page_that_fails(stage: Path) -> str:
    def broken(shared: object, page: pages.Page) -> None:
        raise RuntimeError(f"{page.route.path} could not be rendered")

    pages._render = broken  # type: ignore[assignment] # in this fresh interpreter only
    rendering = Rendering(golden(), GOLDEN_SETTINGS, parallel=True, stage=stage)
    try:
        for page in rendering.linked().pages():
            rendering.wait_for(page.path)
    except RuntimeError as error:
        return str(error)
    finally:
        rendering.close()
    return "every page came"


def test_a_page_that_fails_to_render_stops_the_build_with_its_error_not_a_wait(tmp_path):
    assert in_a_fresh_interpreter(a_page_that_fails, tmp_path) == "index.md could not be rendered"


def test_a_fault_in_the_other_process_stops_the_render_with_its_error(
    golden_site, monkeypatch: pytest.MonkeyPatch
):
    def broken(*args: object) -> None:
        raise RuntimeError("the posters could not be drawn")

    monkeypatch.setattr(posters, "render_posters", broken)
    with pytest.raises(RuntimeError, match="the posters could not be drawn"):
        Rendering(golden_site, GOLDEN_SETTINGS, parallel=True).manifest()


def test_the_theme_and_the_abbreviations_are_ready_before_the_pages(golden_site):
    rendering = Rendering(golden_site, GOLDEN_SETTINGS, parallel=True)
    assert rendering.theme and rendering.abbreviations["en"]
    rendering.manifest()


def test_a_process_running_other_threads_renders_in_itself(golden_site):
    """A fork copies other threads' locks without the threads (mkdocs serve rebuilds)."""
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        rendering = Rendering(golden_site, GOLDEN_SETTINGS, parallel=True)
        assert not rendering.in_parallel
        assert rendering.manifest() == render_site(golden_site, GOLDEN_SETTINGS)
    finally:
        release.set()
        other.join()


def test_a_render_closed_before_it_was_asked_for_leaves_no_process_behind(golden_site):
    """A build that fails after the render started closes it, so nothing prints at exit."""
    rendering = Rendering(golden_site, GOLDEN_SETTINGS, parallel=True)
    rendering.close()
    assert multiprocessing.active_children() == []


def test_a_staged_render_writes_each_output_as_it_goes_and_holds_none(golden_site, tmp_path):
    """A build hands the generator every output, pages too, by the file it was written to:
    the same bytes as a render held in memory, in the same order."""
    held = render_site(golden_site, GOLDEN_SETTINGS)
    staged = Rendering(golden_site, GOLDEN_SETTINGS, stage=tmp_path).manifest()
    assert [item.path for item in staged] == [item.path for item in held]
    for written, kept in zip(staged, held, strict=True):
        assert written.content == b"" and written.file == tmp_path / written.path
        content = kept.content.encode("utf-8") if isinstance(kept.content, str) else kept.content
        assert (tmp_path / written.path).read_bytes() == content


def test_the_files_no_page_links_to_may_come_after_the_rest(golden_site):
    """The generator converts pages while the form editor's configuration is still being
    written: together the two parts are every output, each once."""
    whole = render_site(golden_site, GOLDEN_SETTINGS)
    rendering = Rendering(golden_site, GOLDEN_SETTINGS, parallel=True)
    linked = [item.path for item in rendering.linked()]
    late = [item.path for item in rendering.late()]
    assert "admin/config.yml" in late and not any(path.endswith(".md") for path in late)
    assert linked == [item.path for item in whole if item.path not in late]
    assert sorted(linked + late) == sorted(item.path for item in whole)

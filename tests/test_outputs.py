"""Rendering: every output, the same whether one process renders it or two."""

from __future__ import annotations

import os
import re

import pytest

from wardpanels import outputs
from wardpanels.pages import render_pages
from wardpanels.site import Site

from .conftest import GOLDEN_SETTINGS


def _in_turn(site: Site) -> outputs.Files:
    return {
        **render_pages(site, GOLDEN_SETTINGS),
        **outputs._render_finished(site, GOLDEN_SETTINGS),
    }


def test_two_processes_render_exactly_what_one_would(golden_site: Site):
    in_turn = _in_turn(golden_site)
    rendered = outputs.render_site(golden_site, GOLDEN_SETTINGS)
    assert list(rendered) == list(in_turn)
    assert rendered == in_turn
    assert any(path.endswith("/poster/index.html") for path in rendered)  # from the worker


def test_the_finished_files_are_announced_before_they_are_rendered(golden_site: Site):
    rendering = outputs.Rendering(golden_site, GOLDEN_SETTINGS)
    announced = list(rendering.finished_paths)
    assert "calendars/full-ward/winter.ics" in announced
    assert "feeds/all.xml" in announced
    assert "wards/full-ward/poster/index.html" in announced
    assert sorted(announced) == sorted(rendering.finished())
    assert not set(announced) & set(rendering.pages())


def test_a_file_rendered_but_not_announced_stops_the_build(golden_site, monkeypatch):
    def stray(site, settings):
        return {"calendars/stray.ics": b""}

    monkeypatch.setattr(outputs, "_FINISHED", (outputs._Finished(stray, lambda site: []),))
    rendering = outputs.Rendering(golden_site, GOLDEN_SETTINGS)
    with pytest.raises(RuntimeError, match=re.escape("unexpected ['calendars/stray.ics']")):
        rendering.finished()


def test_a_fault_in_the_worker_stops_the_build_with_its_traceback(golden_site, monkeypatch):
    def broken(site, settings):
        raise ValueError("a poster could not be drawn")

    monkeypatch.setattr(outputs, "_FINISHED", (outputs._Finished(broken, lambda site: []),))
    rendering = outputs.Rendering(golden_site, GOLDEN_SETTINGS)
    assert "wards/full-ward.md" in rendering.pages()  # the pages came first, and whole
    with pytest.raises(RuntimeError, match="ValueError: a poster could not be drawn"):
        rendering.finished()


def test_a_fault_in_the_pages_stops_the_build_before_they_are_used(golden_site, monkeypatch):
    def broken(site, settings):
        raise ValueError("a page could not be written")

    monkeypatch.setattr(outputs, "render_pages", broken)
    rendering = outputs.Rendering(golden_site, GOLDEN_SETTINGS)
    with pytest.raises(RuntimeError, match=r"rendering the pages failed:(.|\n)*ValueError"):
        rendering.pages()


def test_a_worker_that_dies_without_a_word_stops_the_build(golden_site, monkeypatch):
    def killed(site, settings):
        os._exit(9)  # as when the system runs out of memory and ends the process

    monkeypatch.setattr(outputs, "_FINISHED", (outputs._Finished(killed, lambda site: []),))
    rendering = outputs.Rendering(golden_site, GOLDEN_SETTINGS)
    with pytest.raises(RuntimeError, match="the process stopped without a word"):
        rendering.finished()


def test_a_build_given_up_stops_its_worker(golden_site: Site):
    rendering = outputs.Rendering(golden_site, GOLDEN_SETTINGS)
    rendering.close()
    assert rendering._worker is not None and not rendering._worker.is_alive()


def test_without_fork_everything_is_rendered_here(golden_site, monkeypatch):
    monkeypatch.setattr(outputs.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(outputs, "_render_into", None)  # a worker would fail to start
    assert outputs.render_site(golden_site, GOLDEN_SETTINGS) == _in_turn(golden_site)

"""render_site: every output, the same whether one process renders it or two."""

from __future__ import annotations

import pytest

from wardpanels import outputs
from wardpanels.site import Site

from .conftest import GOLDEN_SETTINGS


def test_two_processes_render_exactly_what_one_would(golden_site: Site):
    everything = (*outputs._HERE, *outputs._ELSEWHERE)
    in_turn = outputs._render(everything, golden_site, GOLDEN_SETTINGS)
    rendered = outputs.render_site(golden_site, GOLDEN_SETTINGS)
    assert list(rendered) == list(in_turn)
    assert rendered == in_turn
    assert any(path.endswith("/poster/index.html") for path in rendered)  # from the worker


def test_a_fault_in_the_worker_stops_the_build_with_its_traceback(golden_site, monkeypatch):
    def broken(site, settings):
        raise ValueError("a poster could not be drawn")

    monkeypatch.setattr(outputs, "_ELSEWHERE", (broken,))
    with pytest.raises(RuntimeError, match="ValueError: a poster could not be drawn"):
        outputs.render_site(golden_site, GOLDEN_SETTINGS)


def test_without_fork_everything_is_rendered_here(golden_site, monkeypatch):
    monkeypatch.setattr(outputs.multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    monkeypatch.setattr(outputs, "_render_into", None)  # a worker would fail to start
    assert outputs.render_site(golden_site, GOLDEN_SETTINGS) == outputs._render(
        (*outputs._HERE, *outputs._ELSEWHERE), golden_site, GOLDEN_SETTINGS
    )

"""The garbage collector keeps off the site's data, and is back on for everything else."""

from __future__ import annotations

import gc

import pytest

from wardpanels.memory import long_lived


@pytest.fixture(autouse=True)
def _restore_collector():
    yield
    gc.unfreeze()
    gc.enable()


def test_the_collector_rests_while_data_is_built_then_leaves_that_data_alone():
    with long_lived():
        assert not gc.isenabled()
        data = [{"meeting": n} for n in range(1000)]
    assert gc.isenabled()
    assert gc.get_freeze_count() >= len(data)


def test_the_collector_is_back_on_after_a_mistake_in_the_data():
    with pytest.raises(ValueError), long_lived():
        raise ValueError("a bad ward file")
    assert gc.isenabled()


def test_a_collector_someone_else_turned_off_stays_off():
    gc.disable()
    with long_lived():
        pass
    assert not gc.isenabled()

"""Nothing moves once a page is drawn: what the site's script decides (a meeting that has
ended, a button the browser can use) is decided before the first paint, so a resident
never taps the wrong thing because the page jumped (Cumulative Layout Shift 0)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

# Two days after the fixture borough's cancelled meeting of Thursday 3 December 2026, whose
# banner stands above its ward's next meeting until the meeting's time has passed.
AFTER_THE_CANCELLED_MEETING = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)

# The sum of every layout shift the page has had, once it has settled.
LAYOUT_SHIFT = """() => new Promise(done => {
  const seen = [];
  new PerformanceObserver(list => seen.push(...list.getEntries()))
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(seen.reduce((sum, shift) => sum + shift.value, 0)), 300);
})"""


@pytest.mark.parametrize("width, height", [(360, 640), (1280, 800)])
@pytest.mark.parametrize("path", ["", "bn/", "wards/larkhall/", "bn/wards/larkhall/"])
def test_nothing_moves_once_drawn(visit, site_url, path, width, height):
    page = visit(
        width,
        height,
        clock=AFTER_THE_CANCELLED_MEETING,
        permissions=["geolocation", "clipboard-read", "clipboard-write"],
    )
    page.goto(site_url + path, wait_until="networkidle")
    assert page.evaluate(LAYOUT_SHIFT) == 0

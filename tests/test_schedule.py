"""Which meeting is next, and which priorities are current or overdue, by the build's 'now'."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from wardpanels.model import Meeting, Priority
from wardpanels.schedule import (
    current_priorities,
    ended_priorities,
    is_overdue,
    next_meeting,
    past,
    starts,
    upcoming,
)

from .conftest import NOW


def meeting(day: str, start: str = "19:00", end: str = "20:30", **extra) -> Meeting:
    return Meeting.model_validate(
        {
            "date": day,
            "start": start,
            "end": end,
            "format": "online",
            "online": "https://example.org/",
            **extra,
        }
    )


def priority(**fields) -> Priority:
    return Priority.model_validate({"id": "x", "title": "X", "agreed": "2026-01-14", **fields})


def test_upcoming_is_soonest_first_and_past_is_latest_first():
    meetings = [
        meeting("2027-01-10"),
        meeting("2026-10-01"),
        meeting("2026-12-01"),
        meeting("2026-06-01"),
    ]
    assert [m.date.isoformat() for m in upcoming(meetings, NOW)] == ["2026-12-01", "2027-01-10"]
    assert [m.date.isoformat() for m in past(meetings, NOW)] == ["2026-10-01", "2026-06-01"]


def test_a_meeting_under_way_is_still_next():
    under_way = meeting("2026-11-23", start="11:30", end="13:00")
    assert next_meeting([under_way], NOW) == under_way
    assert next_meeting([meeting("2026-11-23", start="10:00", end="11:00")], NOW) is None


def test_a_cancelled_meeting_is_never_next():
    cancelled = meeting("2026-12-01", status="cancelled")
    later = meeting("2027-01-10")
    assert next_meeting([cancelled, later], NOW) == later
    assert upcoming([cancelled, later], NOW) == [cancelled, later]


def test_meeting_times_are_london_wall_clock_in_summer_and_winter():
    assert starts(meeting("2026-06-17")).astimezone(UTC) == datetime(2026, 6, 17, 18, tzinfo=UTC)
    assert starts(meeting("2026-12-09")).astimezone(UTC) == datetime(2026, 12, 9, 19, tzinfo=UTC)
    # The day after the clocks go back, 7pm is 7pm GMT.
    assert starts(meeting("2026-10-26")).astimezone(UTC).time() == time(19, 0)


def test_overdue_means_active_and_past_its_review_date_with_no_review_since():
    today = date(2026, 11, 23)
    assert is_overdue(priority(review="2026-11-22"), today, None)
    assert not is_overdue(priority(review="2026-11-23"), today, None)
    assert not is_overdue(priority(), today, None)
    assert not is_overdue(
        priority(review="2026-01-20", status="closed", closed_on="2026-02-01"), today, None
    )
    # A review recorded on or after the date due settles it; one before it does not.
    assert not is_overdue(priority(review="2026-11-22"), today, date(2026, 11, 22))
    assert is_overdue(priority(review="2026-11-22"), today, date(2026, 11, 21))


def test_current_and_ended_priorities_never_mix():
    active = priority(id="a")
    achieved = priority(id="b", status="achieved", closed_on="2026-05-01")
    closed = priority(id="c", status="closed", closed_on="2026-06-01")
    assert current_priorities([achieved, active, closed]) == [active]
    assert ended_priorities([achieved, active, closed]) == [closed, achieved]

"""Which meetings are coming up, which are past, and which priorities are current."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Iterable
from datetime import date, datetime

from .clock import london
from .model import Meeting, Priority, Ward


def starts(meeting: Meeting) -> datetime:
    return london(meeting.date, meeting.start)


def ends(meeting: Meeting) -> datetime:
    return london(meeting.date, meeting.end)


def upcoming(meetings: Iterable[Meeting], now: datetime) -> list[Meeting]:
    """Meetings not yet over (one under way still counts), soonest first, cancelled included."""
    return sorted((m for m in meetings if ends(m) > now), key=starts)


def past(meetings: Iterable[Meeting], now: datetime) -> list[Meeting]:
    """Meetings that have ended, most recent first."""
    return sorted((m for m in meetings if ends(m) <= now), key=starts, reverse=True)


def next_meeting(meetings: Iterable[Meeting], now: datetime) -> Meeting | None:
    """The next meeting that will go ahead."""
    return next((m for m in upcoming(meetings, now) if m.status == "scheduled"), None)


def current_priorities(priorities: Iterable[Priority]) -> list[Priority]:
    """Active priorities: the police priority first, then the panel's in the order agreed."""
    active = (p for p in priorities if p.status == "active")
    return sorted(active, key=lambda p: (p.set_by != "police", p.agreed, p.id))


def ended_priorities(priorities: Iterable[Priority]) -> list[Priority]:
    """Achieved and closed priorities, most recently ended first."""
    ended = (p for p in priorities if p.status != "active")
    return sorted(ended, key=lambda p: p.closed_on or p.agreed, reverse=True)


def is_overdue(priority: Priority, today: date, reviewed: date | None) -> bool:
    """An active priority whose review date has passed with no review since: a review
    recorded on or after the date due (`reviewed`, see last_review) settles it, so no page
    says "last reviewed" on a day after the review it calls overdue."""
    due = priority.review
    if priority.status != "active" or due is None or due >= today:
        return False
    return reviewed is None or reviewed < due


def last_review(ward: Ward, now: datetime) -> date | None:
    """When the panel last looked at its priorities.

    Panels review priorities at every meeting, so this is the latest of: a priority agreed,
    a "you said, we did" report, or a meeting that went ahead.
    """
    held = [m.date for m in past(ward.meetings, now) if m.status == "scheduled"]
    dates = [p.agreed for p in ward.priorities] + [f.date for f in ward.feedback] + held
    return max((day for day in dates if day <= now.date()), default=None)


def needs_review(ward: Ward, now: datetime, months: int) -> bool:
    """True when no priority has been agreed or reviewed for more than `months` months."""
    reviewed = last_review(ward, now)
    return reviewed is None or reviewed < months_before(now.date(), months)


def newest_date(ward: Ward, today: date) -> date | None:
    """The latest date in the ward's data that is not in the future."""
    dates = [m.date for m in ward.meetings] + [f.date for f in ward.feedback]
    for priority in ward.priorities:
        dates += [d for d in (priority.agreed, priority.closed_on) if d]
    return max((day for day in dates if day <= today), default=None)


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier, or that month's last day when it is shorter."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    last_day = monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last_day))

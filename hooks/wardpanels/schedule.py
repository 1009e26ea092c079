"""Which meetings are coming up, which are past, and which priorities are current."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from .clock import london
from .model import Meeting, Priority


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


def is_overdue(priority: Priority, today: date) -> bool:
    """An active priority whose review date has passed."""
    return priority.status == "active" and priority.review is not None and priority.review < today

"""How a panel measures up to the borough's minimum standards, worked out from its data.

These are not faults in a file: a panel with a vacant chair still gets its page. They are
shown as warnings by `wardpanels validate` (and fail it with `--strict`), and logged at
info level during a build, so `mkdocs build --strict` still passes.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from .loading import Loc
from .model import Ward
from .schedule import current_priorities, is_overdue, months_before, starts
from .text import long_date

MAX_ACTIVE_PRIORITIES = 3
MIN_MEETINGS_A_YEAR = 4
MONTHS_AHEAD = 6


def months_after(moment: datetime, months: int) -> datetime:
    """The same moment `months` months later (the month's last day when it is shorter)."""
    later = months_before(moment.date(), -months)
    return moment.replace(year=later.year, month=later.month, day=later.day)


def ward_warnings(ward: Ward, now: datetime) -> Iterator[tuple[Loc, str]]:
    """Each way the ward falls short, with where in its file to look."""
    active = current_priorities(ward.priorities)
    if len(active) > MAX_ACTIVE_PRIORITIES:
        yield (
            ("priorities",),
            (
                f"{len(active)} priorities are active; a panel keeps at most "
                f"{MAX_ACTIVE_PRIORITIES}, so it can review each one properly"
            ),
        )
    for index, priority in enumerate(ward.priorities):
        if is_overdue(priority, now.date()) and priority.review:
            yield (
                ("priorities", index, "review"),
                (
                    f"the review date, {long_date(priority.review)}, has passed: review the "
                    "priority, then set the next review date"
                ),
            )
    coming = [m for m in ward.meetings if m.status == "scheduled" and starts(m) > now]
    within_a_year = [m for m in coming if starts(m) <= months_after(now, 12)]
    if len(within_a_year) < MIN_MEETINGS_A_YEAR:
        count = len(within_a_year)
        planned = {0: "no meetings are", 1: "only 1 meeting is"}.get(
            count, f"only {count} meetings are"
        )
        yield (
            ("meetings",),
            (
                f"{planned} planned in the next 12 months; a panel meets at least "
                f"{MIN_MEETINGS_A_YEAR} times a year"
            ),
        )
    horizon = months_before(now.date(), -MONTHS_AHEAD)
    if not any(m.date >= horizon for m in coming):
        yield (
            ("meetings",),
            (
                f"no meeting is planned {MONTHS_AHEAD} months ahead (on or after "
                f"{long_date(horizon)}); a panel agrees its dates at least {MONTHS_AHEAD} months "
                "ahead"
            ),
        )
    chair = next((i for i, r in enumerate(ward.panel.roles) if r.role == "chair"), None)
    if chair is None:
        yield ("panel",), "no chair is listed: add the chair, or 'vacant: true' if there is none"
    elif ward.panel.roles[chair].vacant:
        yield ("panel", "roles", chair), "the chair is vacant"

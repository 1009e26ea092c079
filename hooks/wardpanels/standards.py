"""How a panel measures up to the borough's minimum standards, worked out from its data.

Each standard is assessed from the ward file alone, never typed in by hand: "Met", "Not
met" or "No data", with the reason in words. The same assessment feeds the standards
page, each ward page, and the warnings `wardpanels validate` prints (and fails on with
`--strict`). Warnings are logged at info level during a build, so a strict build passes:
they describe how a panel is doing, not a fault in its file.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from .loading import Loc
from .model import Meeting, Ward
from .schedule import current_priorities, is_overdue, months_before, starts
from .text import long_date

MIN_MEETINGS_A_YEAR = 4
MAX_MEETINGS_A_YEAR = 6
MONTHS_AHEAD = 6
TOP_PRIORITIES = 3
DAYTIME_BEFORE_HOUR = 17
FEEDBACK_MONTHS = 3


class Status(enum.Enum):
    MET = "Met"
    NOT_MET = "Not met"
    NO_DATA = "No data"


@dataclass(frozen=True)
class Standard:
    """One minimum standard, and where it comes from."""

    key: str
    name: str
    explanation: str
    source: str


@dataclass(frozen=True)
class Assessment:
    """How one ward does against one standard, and the warnings that follow from it."""

    standard: Standard
    status: Status
    reason: str
    warnings: tuple[tuple[Loc, str], ...] = field(default=())


@dataclass(frozen=True)
class _Window:
    """The meetings a ward held in the last year, and plans for the next."""

    now: datetime
    held: list[Meeting]
    planned: list[Meeting]

    @classmethod
    def of(cls, ward: Ward, now: datetime) -> _Window:
        year_ago = months_before(now.date(), 12)
        year_on = months_before(now.date(), -12)
        going_ahead = [m for m in ward.meetings if m.status == "scheduled"]
        held = [m for m in going_ahead if year_ago <= m.date and starts(m) <= now]
        planned = [m for m in going_ahead if starts(m) > now and m.date <= year_on]
        return cls(now, held, planned)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _meets_often(ward: Ward, window: _Window) -> Assessment:
    held, planned = len(window.held), len(window.planned)
    reason = f"{_plural(held, 'meeting')} in the last 12 months; {planned} planned in the next 12"
    if not ward.meetings:
        return Assessment(
            MEETS_OFTEN,
            Status.NO_DATA,
            "no meetings recorded",
            ((("meetings",), "no meetings are recorded or planned"),),
        )
    warnings = []
    if planned < MIN_MEETINGS_A_YEAR:
        warnings.append(
            (
                ("meetings",),
                f"only {_plural(planned, 'meeting')} planned in the "
                f"next 12 months; a panel meets at least "
                f"{MIN_MEETINGS_A_YEAR} times a year",
            )
        )
    ok = all(MIN_MEETINGS_A_YEAR <= n <= MAX_MEETINGS_A_YEAR for n in (held, planned))
    if not ok and not warnings:
        warnings.append(
            (
                ("meetings",),
                f"{reason}; a panel meets {MIN_MEETINGS_A_YEAR} to "
                f"{MAX_MEETINGS_A_YEAR} times a year",
            )
        )
    return Assessment(MEETS_OFTEN, Status.MET if ok else Status.NOT_MET, reason, tuple(warnings))


def _dates_ahead(ward: Ward, window: _Window) -> Assessment:
    horizon = months_before(window.now.date(), -MONTHS_AHEAD)
    later = [m for m in ward.meetings if m.status == "scheduled" and starts(m) > window.now]
    if not ward.meetings:
        return Assessment(DATES_AHEAD, Status.NO_DATA, "no meetings recorded")
    furthest = max((m.date for m in later), default=None)
    if furthest and furthest >= horizon:
        return Assessment(DATES_AHEAD, Status.MET, f"dates planned to {long_date(furthest)}")
    reason = (
        f"the last date planned is {long_date(furthest)}"
        if furthest
        else "no meeting dates planned"
    )
    return Assessment(
        DATES_AHEAD,
        Status.NOT_MET,
        reason,
        (
            (
                ("meetings",),
                (
                    f"no meeting is planned {MONTHS_AHEAD} months ahead (on or after "
                    f"{long_date(horizon)}); a panel agrees its dates at least "
                    f"{MONTHS_AHEAD} months ahead"
                ),
            ),
        ),
    )


def _police_present(ward: Ward, window: _Window) -> Assessment:
    recorded = [m for m in window.held if m.attendance is not None]
    if not recorded:
        return Assessment(POLICE, Status.NO_DATA, "attendance not recorded")
    gaps = []
    without_dwo = sum(1 for m in recorded if "dwo" not in m.attendance.police)
    if without_dwo:
        gaps.append(f"no DWO at {without_dwo} of {len(recorded)} meetings")
    sergeant = sum(1 for m in recorded if "sergeant" in m.attendance.police)
    if sergeant < 2:
        gaps.append(f"sergeant at {_plural(sergeant, 'meeting')}")
    if not any("inspector" in m.attendance.police for m in recorded):
        gaps.append("inspector at none")
    unrecorded = len(window.held) - len(recorded)
    if unrecorded:
        gaps.append(f"attendance not recorded for {_plural(unrecorded, 'meeting')}")
    if not gaps:
        return Assessment(
            POLICE,
            Status.MET,
            f"DWO at all {len(recorded)} meetings, sergeant at {sergeant}, inspector at least once",
        )
    reason = "; ".join(gaps)
    return Assessment(POLICE, Status.NOT_MET, reason, ((("meetings",), f"police: {reason}"),))


def _officers_in_post(ward: Ward, window: _Window) -> Assessment:
    roles = {role.role: (index, role) for index, role in enumerate(ward.panel.roles)}
    missing = []
    warnings: list[tuple[Loc, str]] = []
    for name in ("chair", "vice-chair"):
        found = roles.get(name)
        if found is None or found[1].vacant:
            missing.append(f"{name} vacant")
            if name == "chair":
                loc: Loc = ("panel", "roles", found[0]) if found else ("panel",)
                warnings.append(
                    (
                        loc,
                        "the chair is vacant"
                        if found
                        else "no chair is listed: add the chair, or 'vacant: true' "
                        "if there is none",
                    )
                )
    if missing:
        return Assessment(OFFICERS, Status.NOT_MET, "; ".join(missing), tuple(warnings))
    return Assessment(OFFICERS, Status.MET, "chair and vice-chair in post")


def _day_and_evening(ward: Ward, window: _Window) -> Assessment:
    meetings = window.held + window.planned
    if not meetings:
        return Assessment(DAY_AND_EVENING, Status.NO_DATA, "no meetings this year or next")
    daytime = sum(1 for m in meetings if m.start.hour < DAYTIME_BEFORE_HOUR)
    evening = len(meetings) - daytime
    status = Status.MET if daytime and evening else Status.NOT_MET
    return Assessment(
        DAY_AND_EVENING,
        status,
        f"{daytime} daytime and {evening} evening meetings",
        ()
        if status is Status.MET
        else (
            (
                ("meetings",),
                "all meetings are at the same time of day: hold some "
                "in the daytime and some in the evening",
            ),
        ),
    )


def _venues(ward: Ward, window: _Window) -> Assessment:
    places = {m.venue.name.lower() for m in window.held + window.planned if m.venue}
    if not places:
        return Assessment(VENUES, Status.NO_DATA, "no meetings in a venue this year or next")
    status = Status.MET if len(places) > 1 else Status.NOT_MET
    return Assessment(
        VENUES,
        status,
        _plural(len(places), "venue"),
        ()
        if status is Status.MET
        else ((("meetings",), "every meeting is in the same venue: rotate around the ward"),),
    )


def _public_realm(ward: Ward, window: _Window) -> Assessment:
    recorded = [m for m in window.held if m.attendance is not None]
    if not recorded:
        return Assessment(PUBLIC_REALM, Status.NO_DATA, "attendance not recorded")
    count = sum(1 for m in recorded if "public-realm" in m.attendance.partners)
    if count:
        return Assessment(PUBLIC_REALM, Status.MET, f"at {_plural(count, 'meeting')}")
    return Assessment(
        PUBLIC_REALM,
        Status.NOT_MET,
        "at no meeting in the last 12 months",
        ((("meetings",), "Public Realm came to no meeting in the last 12 months"),),
    )


def _priorities(ward: Ward, window: _Window) -> Assessment:
    active = current_priorities(ward.priorities)
    today = window.now.date()
    warnings: list[tuple[Loc, str]] = [
        (
            ("priorities", index, "review"),
            f"the review date, {long_date(p.review)}, has passed: review the priority, then "
            "set the next review date",
        )
        for index, p in enumerate(ward.priorities)
        if is_overdue(p, today) and p.review
    ]
    if len(active) > TOP_PRIORITIES:
        warnings.insert(
            0,
            (
                ("priorities",),
                f"{len(active)} priorities are active; a panel "
                f"keeps at most {TOP_PRIORITIES}, so it can "
                "review each one properly",
            ),
        )
    overdue = [p for p in active if is_overdue(p, today)]
    gaps = []
    if len(active) != TOP_PRIORITIES:
        gaps.append(f"{len(active)} current {'priority' if len(active) == 1 else 'priorities'}")
    if overdue:
        gaps.append(f"{_plural(len(overdue), 'review')} overdue")
    if not gaps:
        return Assessment(PRIORITIES, Status.MET, "3 priorities, reviews on time")
    return Assessment(PRIORITIES, Status.NOT_MET, "; ".join(gaps), tuple(warnings))


def _feedback(ward: Ward, window: _Window) -> Assessment:
    since = months_before(window.now.date(), FEEDBACK_MONTHS)
    latest = max((f.date for f in ward.feedback if f.date <= window.now.date()), default=None)
    if latest and latest >= since:
        return Assessment(FEEDBACK, Status.MET, f"last given {long_date(latest)}")
    reason = f"last given {long_date(latest)}" if latest else "none given yet"
    return Assessment(
        FEEDBACK,
        Status.NOT_MET,
        reason,
        (
            (
                ("feedback",),
                (f'no "You said, we did" report in the last {FEEDBACK_MONTHS} months ({reason})'),
            ),
        ),
    )


MEETS_OFTEN = Standard(
    "meets",
    "Meets 4 to 6 times a year",
    "The panel meets at least four and at most six times a year. Counted over the last 12 "
    "months and the next 12.",
    "Tower Hamlets minimum standards",
)
DATES_AHEAD = Standard(
    "ahead",
    "Dates set 6 months ahead",
    "Meeting dates are agreed at least six months ahead, so residents can plan to come.",
    "Tower Hamlets minimum standards",
)
POLICE = Standard(
    "police",
    "Police at meetings",
    "A Dedicated Ward Officer (DWO) at every meeting, the sergeant at two or more meetings "
    "a year, and the inspector at one or more. Counted over the last 12 months.",
    "Scrutiny review, recommendation 9",
)
OFFICERS = Standard(
    "officers",
    "Chair and vice-chair",
    "The panel has a chair and a vice-chair in post.",
    "Scrutiny review, recommendation 1",
)
DAY_AND_EVENING = Standard(
    "times",
    "Daytime and evening",
    "Some meetings are in the daytime (starting before 5pm) and some in the evening, so "
    "people who work and people who do not can both come.",
    "Scrutiny review, recommendation 3",
)
VENUES = Standard(
    "venues",
    "More than one venue",
    "Meetings move around the ward, in more than one venue.",
    "Scrutiny review, recommendation 3",
)
PUBLIC_REALM = Standard(
    "public-realm",
    "Public Realm attends",
    "Someone from the council's Public Realm service comes to at least one meeting a year.",
    "Scrutiny review, recommendation 4",
)
PRIORITIES = Standard(
    "priorities",
    "Three priorities, reviewed",
    "Three current priorities (the police priority and two the panel agreed), each reviewed "
    "by its review date.",
    "Tower Hamlets minimum standards",
)
FEEDBACK = Standard(
    "feedback",
    "You said, we did",
    'A "You said, we did" report given in the last three months.',
    "Tower Hamlets minimum standards",
)

CHECKS: tuple[tuple[Standard, Callable[[Ward, _Window], Assessment]], ...] = (
    (MEETS_OFTEN, _meets_often),
    (DATES_AHEAD, _dates_ahead),
    (POLICE, _police_present),
    (OFFICERS, _officers_in_post),
    (DAY_AND_EVENING, _day_and_evening),
    (VENUES, _venues),
    (PUBLIC_REALM, _public_realm),
    (PRIORITIES, _priorities),
    (FEEDBACK, _feedback),
)
STANDARDS = tuple(standard for standard, _ in CHECKS)


def assess(ward: Ward, now: datetime) -> list[Assessment]:
    """How the ward does against every standard, in the standards' order."""
    window = _Window.of(ward, now)
    return [check(ward, window) for _, check in CHECKS]

"""How a panel measures up to the borough's minimum standards, worked out from its data.

Each standard is assessed from the ward file alone, never typed in by hand: "Met", "Not
met" or "No data", with the reason in words. The same assessment feeds the standards
page, each ward page, and the warnings `wardpanels validate` prints (and fails on with
`--strict`). Warnings describe how a panel is doing, not a fault in its file, so a strict
build still passes with them.

The numbers (meetings a year, months ahead and so on) are settings, with Tower Hamlets'
values as defaults, and every sentence about them is built from them. How each standard
is read from the data is written beside its check, in `standard_checks.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time

from . import standard_checks as read
from .i18n import Message
from .i18n import lazy as _
from .i18n import lazy_plural as ngettext
from .loading import Loc
from .model import Ward
from .settings import Standards
from .standard_checks import Check, Status, Window


@dataclass(frozen=True)
class Standard:
    """One minimum standard, and where it comes from."""

    key: str
    name: Message
    short: Message  # a column heading
    explanation: Message
    source: str


@dataclass(frozen=True)
class Assessment:
    """How one ward does against one standard, and the warnings that follow from it."""

    standard: Standard
    status: Status
    reason: Message
    warnings: tuple[tuple[Loc, str], ...] = field(default=())  # for editors, in English


def tally(statuses: Iterable[Status]) -> Message:
    """How many standards (or panels) are met, not met and without data, in words:
    "No data" is said as itself, never counted as "not met"."""
    counted = Counter(statuses)
    return _(
        "%(met)s met, %(not_met)s not met, %(no_data)s no data",
        met=counted[Status.MET],
        not_met=counted[Status.NOT_MET],
        no_data=counted[Status.NO_DATA],
    )


def standards_for(rules: Standards) -> tuple[Standard, ...]:
    """The standards, their names and explanations built from the borough's numbers."""
    return tuple(standard for standard, _check in _checks(rules))


def assess(ward: Ward, now: datetime, rules: Standards) -> list[Assessment]:
    """How the ward does against every standard, in the standards' order."""
    window = Window.of(ward, now)
    assessed = []
    for standard, check in _checks(rules):
        result = check(ward, window, rules)
        assessed.append(Assessment(standard, result.status, result.reason, result.warnings))
    return assessed


def _checks(rules: Standards) -> tuple[tuple[Standard, Check], ...]:
    source = rules.name
    scrutiny = "Scrutiny review of ward panels"
    low, high = rules.min_meetings_a_year, rules.max_meetings_a_year
    return (
        (
            Standard(
                "meets",
                _("Meets %(low)s to %(high)s times a year", low=low, high=high),
                _("Meets %(low)s to %(high)s times a year", low=low, high=high),
                _(
                    "The panel met at least %(low)s and at most %(high)s times in the last 12 "
                    "months. Cancelled meetings do not count. A panel with less than a year of "
                    "meetings on record is not judged yet.",
                    low=low,
                    high=high,
                ),
                source,
            ),
            read.meets_often,
        ),
        (
            Standard(
                "ahead",
                _("Dates set %(months)s months ahead", months=rules.months_ahead),
                _("Dates %(months)s months ahead", months=rules.months_ahead),
                _(
                    "A meeting date is agreed at least %(months)s months ahead, so residents can "
                    "plan to come.",
                    months=rules.months_ahead,
                ),
                source,
            ),
            read.dates_ahead,
        ),
        (
            Standard(
                "police",
                _("Police at meetings"),
                _("Police at meetings"),
                _(
                    "A Dedicated Ward Officer (DWO) at every meeting, the sergeant at "
                    "%(sergeant)s or more meetings a year, and the inspector at %(inspector)s "
                    "or more. Counted over the last 12 months.",
                    sergeant=rules.sergeant_meetings_a_year,
                    inspector=rules.inspector_meetings_a_year,
                ),
                source,
            ),
            read.police_present,
        ),
        (
            Standard(
                "officers",
                _("Chair and vice-chair"),
                _("Chair and vice-chair"),
                _("The panel has a chair and a vice-chair in post."),
                scrutiny,
            ),
            read.officers_in_post,
        ),
        (
            Standard(
                "times",
                _("Daytime and evening"),
                _("Day and evening"),
                _(
                    "Some meetings are in the daytime and some in the evening, so people who "
                    "work and people who do not can both come. A meeting that starts before "
                    "%(hour)s is a daytime one.",
                    hour=_clock(rules.daytime_before_hour),
                ),
                scrutiny,
            ),
            read.day_and_evening,
        ),
        (
            Standard(
                "venues",
                _("More than one venue"),
                _("Venues"),
                _("Meetings move around the ward, in more than one venue."),
                scrutiny,
            ),
            read.venues,
        ),
        (
            Standard(
                "public-realm",
                _("Public Realm attends"),
                _("Public Realm"),
                _(
                    "Someone from the council's Public Realm service comes to at least one "
                    "meeting a year."
                ),
                scrutiny,
            ),
            read.public_realm,
        ),
        (
            Standard(
                "priorities",
                ngettext(
                    "%(count)s priority, reviewed",
                    "%(count)s priorities, reviewed",
                    rules.priorities,
                ),
                _("Priorities"),
                ngettext(
                    "%(count)s current priority, reviewed by its review date.",
                    "%(count)s current priorities (the police priority and the panel's own), "
                    "each reviewed by its review date.",
                    rules.priorities,
                ),
                source,
            ),
            read.priorities,
        ),
        (
            Standard(
                "feedback",
                _("You said, we did"),
                _("You said, we did"),
                ngettext(
                    'A "You said, we did" report given in the last month.',
                    'A "You said, we did" report given in the last %(count)s months.',
                    rules.feedback_months,
                ),
                source,
            ),
            read.feedback,
        ),
    )


def _clock(hour: int) -> time:
    return time(hour, 0)

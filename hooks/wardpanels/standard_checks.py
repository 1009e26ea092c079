"""How each minimum standard is read from a ward's data: one check a standard, each
giving "Met", "Not met" or "No data", the reason in words, and what editors are told.

How each standard is read is written beside its check. `standards.py` names the
standards and pairs each with its check.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from .i18n import ENGLISH_LANGUAGE, Message
from .i18n import lazy as _
from .i18n import lazy_plural as ngettext
from .loading import Loc
from .model import Choice, Meeting, PoliceRole, Ward
from .schedule import current_priorities, is_overdue, last_review, months_before, starts
from .settings import Standards


class Status(Choice):
    """How a panel measures up to one standard."""

    MET = "met", _("Met")
    NOT_MET = "not-met", _("Not met")
    NO_DATA = "no-data", _("No data")


@dataclass(frozen=True)
class Result:
    """What a check finds: the status, why, and what editors are told."""

    status: Status
    reason: Message
    warnings: tuple[tuple[Loc, str], ...] = ()


@dataclass(frozen=True)
class Window:
    """A ward's meetings that went ahead in the last 12 months, and those still to come."""

    now: datetime
    year_ago: date
    held: list[Meeting]
    planned: list[Meeting]
    first_held: date | None  # the earliest meeting on record that went ahead

    @classmethod
    def of(cls, ward: Ward, now: datetime) -> Window:
        year_ago = months_before(now.date(), 12)
        going_ahead = [m for m in ward.meetings if m.status == "scheduled"]
        held = [m for m in going_ahead if starts(m) <= now]
        return cls(
            now,
            year_ago,
            held=[m for m in held if m.date >= year_ago],
            planned=[m for m in going_ahead if starts(m) > now],
            first_held=min((m.date for m in held), default=None),
        )


def meets_often(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: count the meetings that went ahead in the 12 months up to now, from the
    same date a year ago (a meeting exactly 12 months ago counts) to now. Cancelled
    meetings did not happen and do not count; planned meetings count for the next
    standard, not this one. Too few meetings from a panel whose first meeting on record is
    less than 12 months ago says nothing yet: "No data"."""
    low, high = rules.min_meetings_a_year, rules.max_meetings_a_year
    held = len(window.held)
    warnings: list[tuple[Loc, str]] = []
    year_on = months_before(window.now.date(), -12)
    planned = [m for m in window.planned if m.date <= year_on]
    if ward.meetings and len(planned) < low:
        warnings.append(
            (
                ("meetings",),
                f"only {len(planned)} of the next 12 months' meetings are planned; a panel "
                f"meets at least {low} times a year, so agree the remaining dates",
            )
        )
    if window.first_held is None:
        return Result(
            Status.NO_DATA,
            _("no meeting that went ahead is recorded"),
            ((("meetings",), "no meetings that went ahead are recorded"), *warnings),
        )
    reason = ngettext(
        "%(count)s meeting in the last 12 months", "%(count)s meetings in the last 12 months", held
    )
    if low <= held <= high:
        return Result(Status.MET, reason, tuple(warnings))
    if held < low and window.first_held > window.year_ago:
        young = ngettext(
            "%(count)s meeting since the first on record, %(date)s: less than a year to judge",
            "%(count)s meetings since the first on record, %(date)s: less than a year to judge",
            held,
            date=window.first_held,
        )
        return Result(Status.NO_DATA, young, tuple(warnings))
    warnings.append(
        (
            ("meetings",),
            f"{held} meetings in the last 12 months; a panel meets {low} to {high} times a year",
        )
    )
    return Result(Status.NOT_MET, reason, tuple(warnings))


def dates_ahead(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: a meeting that will go ahead is planned at least `months_ahead` months
    from today (on or after that date)."""
    months = rules.months_ahead
    horizon = months_before(window.now.date(), -months)
    if not ward.meetings:
        return Result(Status.NO_DATA, _("no meetings recorded"))
    furthest = max((m.date for m in window.planned), default=None)
    if furthest and furthest >= horizon:
        return Result(Status.MET, _("dates planned to %(date)s", date=furthest))
    reason = (
        _("the last date planned is %(date)s", date=furthest)
        if furthest
        else _("no meeting dates planned")
    )
    warning = (
        f"no meeting is planned {months} months ahead (on or after "
        f"{ENGLISH_LANGUAGE.long_date(horizon)}); "
        f"a panel agrees its dates at least {months} months ahead"
    )
    return Result(Status.NOT_MET, reason, ((("meetings",), warning),))


def police_present(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: of the meetings in the last 12 months with attendance recorded, a DWO came
    to every one, the sergeant to at least `sergeant_meetings_a_year` and the inspector to
    at least `inspector_meetings_a_year`. A meeting without attendance recorded is left
    out, never counted against the panel, and the reason says how many were."""
    recorded = [m for m in window.held if m.attendance is not None]
    if not recorded:
        return Result(Status.NO_DATA, _("attendance not recorded"))

    def came(role: PoliceRole) -> int:
        return sum(1 for m in recorded if m.attendance and role in m.attendance.police)

    gaps: list[Message] = []
    without_dwo = len(recorded) - came(PoliceRole.DWO)
    if without_dwo:
        gaps.append(
            ngettext(
                "no DWO at %(count)s of %(all)s meetings",
                "no DWO at %(count)s of %(all)s meetings",
                without_dwo,
                all=len(recorded),
            )
        )
    sergeant, inspector = came(PoliceRole.SERGEANT), came(PoliceRole.INSPECTOR)
    if sergeant < rules.sergeant_meetings_a_year:
        gaps.append(
            ngettext("sergeant at %(count)s meeting", "sergeant at %(count)s meetings", sergeant)
        )
    if inspector < rules.inspector_meetings_a_year:
        gaps.append(
            ngettext("inspector at %(count)s meeting", "inspector at %(count)s meetings", inspector)
        )
    if not gaps:
        met = _(
            "DWO at all %(all)s meetings, sergeant at %(sergeant)s, inspector at %(inspector)s",
            all=len(recorded),
            sergeant=sergeant,
            inspector=inspector,
        )
        return Result(Status.MET, _with_left_out(met, window))
    reason = _with_left_out(_joined(gaps), window)
    english = "; ".join(_english(gap) for gap in gaps)
    return Result(Status.NOT_MET, reason, ((("meetings",), f"police: {english}"),))


def officers_in_post(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: the ward file lists a chair and a vice-chair, and neither is vacant."""
    roles = {role.role: (index, role) for index, role in enumerate(ward.panel.roles)}
    missing: list[Message] = []
    warnings: list[tuple[Loc, str]] = []
    for name in ("chair", "vice-chair"):
        found = roles.get(name)  # type: ignore[call-overload]
        if found is None or found[1].vacant:
            missing.append(_("chair vacant") if name == "chair" else _("vice-chair vacant"))
            if name == "chair":
                loc: Loc = ("panel", "roles", found[0]) if found else ("panel",)
                warnings.append(
                    (
                        loc,
                        "the chair is vacant"
                        if found
                        else "no chair is listed: add the chair, "
                        "or 'vacant: true' if there is none",
                    )
                )
    if missing:
        return Result(Status.NOT_MET, _joined(missing), tuple(warnings))
    return Result(Status.MET, _("chair and vice-chair in post"))


def day_and_evening(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: of the meetings in the last 12 months and those planned, at least one
    starts before `daytime_before_hour` and at least one at or after it."""
    meetings = window.held + window.planned
    if not meetings:
        return Result(Status.NO_DATA, _("no meetings this year or next"))
    daytime = sum(1 for m in meetings if m.start.hour < rules.daytime_before_hour)
    evening = len(meetings) - daytime
    reason = _("%(day)s daytime and %(evening)s evening meetings", day=daytime, evening=evening)
    if daytime and evening:
        return Result(Status.MET, reason)
    warning = (
        "all meetings are at the same time of day: hold some in the daytime and some in the evening"
    )
    return Result(Status.NOT_MET, reason, ((("meetings",), warning),))


def venues(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: the meetings in the last 12 months and those planned use more than one
    venue (by name); online meetings have none."""
    places = {m.venue.name.lower() for m in window.held + window.planned if m.venue}
    if not places:
        return Result(Status.NO_DATA, _("no meetings in a venue this year or next"))
    reason = ngettext("%(count)s venue", "%(count)s venues", len(places))
    if len(places) > 1:
        return Result(Status.MET, reason)
    warning = "every meeting is in the same venue: rotate around the ward"
    return Result(Status.NOT_MET, reason, ((("meetings",), warning),))


def public_realm(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: someone from the council's Public Realm service came to a meeting in the
    last 12 months whose attendance was recorded."""
    recorded = [m for m in window.held if m.attendance is not None]
    if not recorded:
        return Result(Status.NO_DATA, _("attendance not recorded"))
    count = sum(1 for m in recorded if m.attendance and "public-realm" in m.attendance.partners)
    if count:
        return Result(
            Status.MET,
            _with_left_out(
                ngettext("at %(count)s meeting", "at %(count)s meetings", count), window
            ),
        )
    warning = "Public Realm came to no meeting in the last 12 months"
    return Result(
        Status.NOT_MET,
        _with_left_out(_("at no meeting in the last 12 months"), window),
        ((("meetings",), warning),),
    )


def priorities(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: exactly `priorities` priorities are active, and none is past its review
    date."""
    wanted = rules.priorities
    active = current_priorities(ward.priorities)
    today = window.now.date()
    reviewed = last_review(ward, window.now)
    warnings: list[tuple[Loc, str]] = [
        (
            ("priorities", index, "review"),
            f"the review date, {ENGLISH_LANGUAGE.long_date(p.review)}, has passed: review the "
            "priority, then "
            "set the next review date",
        )
        for index, p in enumerate(ward.priorities)
        if is_overdue(p, today, reviewed) and p.review
    ]
    if len(active) > wanted:
        warnings.insert(
            0,
            (
                ("priorities",),
                f"{len(active)} priorities are active; a panel keeps at most {wanted}, so it "
                "can review each one properly",
            ),
        )
    overdue = [p for p in active if is_overdue(p, today, reviewed)]
    gaps: list[Message] = []
    if len(active) != wanted:
        gaps.append(
            ngettext("%(count)s current priority", "%(count)s current priorities", len(active))
        )
    if overdue:
        gaps.append(ngettext("%(count)s review overdue", "%(count)s reviews overdue", len(overdue)))
    if not gaps:
        return Result(
            Status.MET,
            ngettext(
                "%(count)s priority, reviews on time",
                "%(count)s priorities, reviews on time",
                wanted,
            ),
        )
    return Result(Status.NOT_MET, _joined(gaps), tuple(warnings))


def feedback(ward: Ward, window: Window, rules: Standards) -> Result:
    """Reading: a "You said, we did" report is dated in the last `feedback_months` months,
    and not in the future."""
    months = rules.feedback_months
    since = months_before(window.now.date(), months)
    latest = max((f.date for f in ward.feedback if f.date <= window.now.date()), default=None)
    if latest and latest >= since:
        return Result(Status.MET, _("last given %(date)s", date=latest))
    reason = _("last given %(date)s", date=latest) if latest else _("none given yet")
    last = f"last given {ENGLISH_LANGUAGE.long_date(latest)}" if latest else "none given yet"
    warning = f'no "You said, we did" report in the last {months} months ({last})'
    return Result(Status.NOT_MET, reason, ((("feedback",), warning),))


def _with_left_out(reason: Message, window: Window) -> Message:
    """A reason about attendance, and how many meetings it leaves out for want of a record."""
    unrecorded = sum(1 for m in window.held if m.attendance is None)
    if not unrecorded:
        return reason
    left_out = ngettext(
        "%(count)s meeting left out: attendance not recorded",
        "%(count)s meetings left out: attendance not recorded",
        unrecorded,
    )
    return _joined([reason, left_out])


def _joined(parts: list[Message]) -> Message:
    """Several reasons as one, said in turn."""
    joined = parts[0]
    for part in parts[1:]:
        joined = _("%(first)s; %(then)s", first=joined, then=part)
    return joined


def _english(message: Message) -> str:
    return ENGLISH_LANGUAGE.text(message)


Check = Callable[[Ward, Window, Standards], Result]

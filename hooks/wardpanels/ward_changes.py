"""What changes within one ward between two revisions, section by section: its meetings
(and what people subscribed to its calendar will see), priorities, "You said, we did"
reports, panel roles, other details and translations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .change_words import (
    EN,
    as_sentence,
    at,
    brief,
    escaped,
    field_label,
    field_labels,
    listed,
    meeting_words,
    priority_words,
    report_words,
    when,
)
from .history import NOT_IN_EVENT, meeting_identity
from .localise import feedback_identity
from .model import Feedback, Meeting, Panel, PanelRole, Priority, Ward
from .site import Site, WardRecord
from .translation_changes import ward_translation_lines

# Ward fields with a section of their own in the report; the rest are "other details".
_OWN_SECTIONS = ("name", "meetings", "priorities", "feedback", "panel")


@dataclass
class WardChanges:
    """Everything that changes for one ward, sentence by sentence, in report order."""

    name: str
    slug: str
    status: list[str] = field(default_factory=list)  # added, removed, renamed, moved address
    meetings: list[str] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    panel: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)
    calendars: list[str] = field(default_factory=list)

    def sections(self) -> Iterator[tuple[str, list[str]]]:
        yield "Meetings", self.meetings
        yield "Priorities", self.priorities
        yield '"You said, we did"', self.reports
        yield "Panel roles", self.panel
        yield "Other details", self.details
        yield "Translations", self.translations
        yield "Calendars", self.calendars

    def __bool__(self) -> bool:
        return bool(self.status) or any(lines for _, lines in self.sections())


def compare_ward(
    report: WardChanges, old_site: Site, new_site: Site, a: WardRecord, b: WardRecord
) -> set[str]:
    """Fill `report` with what changes from `a` to `b`; return the kinds of page touched."""
    old, new = a.ward, b.ward
    kinds: set[str] = set()
    if old.name != new.name:
        report.status.append(f"**Renamed** from {escaped(old.name)} to {escaped(new.name)}.")
        report.calendars.append(
            f"Subscribers' calendars will show the new name, {escaped(new.name)}, on every "
            "meeting of this ward."
        )
        kinds |= {"ward", "wards", "meetings", "priorities", "standards"}
    if _compare_meetings(report, old.meetings, new.meetings):
        kinds |= {"ward", "meetings", "standards"}
    if _compare_priorities(report, old.priorities, new.priorities):
        kinds |= {"ward", "priorities", "standards"}
    if _compare_reports(report, new, old.feedback, new.feedback):
        kinds |= {"ward", "standards"}
    if _compare_roles(report, old.panel.roles, new.panel.roles):
        kinds |= {"ward"}
    if _compare_details(report, old, new):
        kinds |= {"ward", "wards"}
    languages = ward_translation_lines(report.translations, old_site, new_site, a, b)
    kinds |= {f"ward:{code}" for code in languages}
    return kinds


# Meetings.


def _address(meeting: Meeting) -> tuple[str, str, str | None] | None:
    """Where a meeting is, as people find it (not how the venue describes its access)."""
    venue = meeting.venue
    return (venue.name, venue.address, venue.postcode) if venue else None


def _compare_meetings(report: WardChanges, old: list[Meeting], new: list[Meeting]) -> bool:
    before = {meeting_identity(m): m for m in old}
    after = {meeting_identity(m): m for m in new}
    pairs = [(before[k], after[k], True) for k in before.keys() & after.keys()]
    gone = [before[k] for k in before.keys() - after.keys()]
    came = [after[k] for k in after.keys() - before.keys()]
    pairs += [(a, b, False) for a, b in _same_meetings(gone, came)]
    paired_old = {id(a) for a, _, _ in pairs}
    paired_new = {id(b) for _, b, _ in pairs}
    start = len(report.meetings) + len(report.calendars)
    for a, b, same_event in sorted(pairs, key=lambda pair: (pair[1].date, pair[1].start)):
        _meeting_change(report, a, b, same_event=same_event)
    for meeting in sorted(came, key=lambda m: (m.date, m.start)):
        if id(meeting) in paired_new:
            continue
        status = " It is marked as cancelled." if meeting.status == "cancelled" else ""
        report.meetings.append(f"**Added**: {meeting_words(meeting)}.{status}")
        report.calendars.append(
            f"Subscribers' calendars will add the meeting on {when(meeting)}"
            + (", as cancelled." if status else ".")
        )
    for meeting in sorted(gone, key=lambda m: (m.date, m.start)):
        if id(meeting) in paired_old:
            continue
        report.meetings.append(
            f"**Deleted** from the file: {meeting_words(meeting)}. To tell residents a meeting is "
            "off, keep it and mark it `status: cancelled` instead."
        )
        report.calendars.append(
            f"Subscribers' calendars will drop the meeting on {when(meeting)} without saying "
            "it is cancelled."
        )
    return len(report.meetings) + len(report.calendars) > start


def _same_meetings(gone: list[Meeting], came: list[Meeting]) -> list[tuple[Meeting, Meeting]]:
    """Meetings whose identity changed: an `id:` given to a meeting on the same date, or a
    meeting without one moved to another date (one without an id left, one arrived)."""
    pairs = []
    for a in gone:
        match = next((b for b in came if b.date == a.date), None)
        if match is not None:
            pairs.append((a, match))
            came = [b for b in came if b is not match]
    gone = [a for a in gone if all(a is not x for x, _ in pairs)]
    if len(gone) == 1 and len(came) == 1 and gone[0].id is None and came[0].id is None:
        pairs.append((gone[0], came[0]))
    return pairs


def _meeting_change(report: WardChanges, a: Meeting, b: Meeting, *, same_event: bool) -> None:
    timing = (a.date, a.start, a.end) != (b.date, b.start, b.end)
    elsewhere = _address(a) != _address(b)
    if elsewhere:
        report.meetings.append(f"**Moved**: from {meeting_words(a)} → to {meeting_words(b)}.")
    elif timing:
        still = "still online" if b.venue is None else f"still {at(b)}"
        report.meetings.append(f"**Moved**: from {when(a)} → to {when(b)}, {still}.")
    cancelled = a.status != b.status and b.status == "cancelled"
    if cancelled:
        why = f" The note says: {as_sentence(b.note)}" if b.note else ""
        report.meetings.append(f"**Cancelled**: {meeting_words(b)}.{why}")
    elif a.status != b.status:
        report.meetings.append(f"**Going ahead again** (it was cancelled): {meeting_words(b)}.")
    changed = [
        name
        for name in Meeting.model_fields
        if name not in ("date", "start", "end", "venue", "status", "id")
        and getattr(a, name) != getattr(b, name)
        and not (cancelled and name == "note")  # said with the cancellation
    ]
    if not elsewhere and a.venue != b.venue:
        changed.append("venue")  # its access
    if changed:
        report.meetings.append(f"**Updated**: {when(b)} ({field_labels(Meeting, changed)}).")
    shown = "Subscribers' calendars will show the meeting"
    if not same_event:
        report.calendars.append(
            f"Subscribers' calendars will drop the event on {when(a)} and add a new one on "
            f"{when(b)}, because the meeting's `id:` (or, without one, its date) changed. "
            "Give a meeting an `id:` before moving it, so calendars move it instead."
        )
        return
    if timing:
        where = (f" {at(b)}", f" {at(a)}") if elsewhere else ("", "")
        report.calendars.append(f"{shown} on {when(b)}{where[0]} instead of {when(a)}{where[1]}.")
    elif elsewhere:
        instead = at(a).removeprefix("at ")
        report.calendars.append(f"{shown} on {when(b)} {at(b)} instead of {instead}.")
    if a.status != b.status:
        state = "cancelled" if cancelled else "going ahead again"
        report.calendars.append(f"{shown} on {when(b)} as {state}.")
    elif not (timing or elsewhere) and set(changed) - NOT_IN_EVENT:
        report.calendars.append(f"Subscribers' calendars will update the meeting on {when(b)}.")


# Priorities.


def _compare_priorities(report: WardChanges, old: list[Priority], new: list[Priority]) -> bool:
    before = {p.id: p for p in old}
    start = len(report.priorities)
    for b in new:
        a = before.get(b.id)
        if a is None:
            state = "" if b.status == "active" else f", already {EN.text(b.status.label).lower()}"
            review = f"; next review {EN.short_date(b.review)}" if b.review else ""
            report.priorities.append(
                f"**New priority**: {priority_words(b)} ({EN.text(b.set_by.label).lower()}, agreed "
                f"{EN.short_date(b.agreed)}{review}{state})."
            )
            continue
        _priority_change(report, a, b)
    kept = {p.id for p in new}
    report.priorities += [
        f"**Deleted** from the file: {priority_words(a)}. It will no longer be shown; to end a "
        "priority, mark it achieved or closed instead."
        for a in old
        if a.id not in kept
    ]
    return len(report.priorities) > start


def _priority_change(report: WardChanges, a: Priority, b: Priority) -> None:
    said = report.priorities.append
    if a.title != b.title:
        said(f"**Renamed**: {priority_words(a)} is now {priority_words(b)}.")
    if a.status != b.status:
        if b.status == "active":
            was = EN.text(a.status.label).lower()
            said(f"**Current again**: {priority_words(b)} (it was {was}).")
        else:
            ended = EN.short_date(b.closed_on) if b.closed_on else ""
            outcome = f" Outcome: {brief(b.outcome)}" if b.outcome else " No outcome is given."
            said(f"**{EN.text(b.status.label)}** on {ended}: {priority_words(b)}.{outcome}")
    if a.review != b.review and b.status == "active":  # an ended priority has no review
        if b.review is None:
            said(f"**Review date removed**: {priority_words(b)}.")
        elif a.review is None:
            said(
                f"**Review date set**: {priority_words(b)}, "
                f"next reviewed {EN.short_date(b.review)}."
            )
        else:
            said(
                f"**Reviewed**: {priority_words(b)}, next review {EN.short_date(b.review)} "
                f"(was {EN.short_date(a.review)})."
            )
    skip = {"id", "title", "status", "review", "closed_on"}
    skip |= {"outcome"} if a.status != b.status else set()
    changed = [n for n in Priority.model_fields if n not in skip and getattr(a, n) != getattr(b, n)]
    if a.status == b.status and a.closed_on != b.closed_on:
        changed.append("closed_on")
    if changed:
        said(f"**Updated**: {priority_words(b)} ({field_labels(Priority, changed)}).")


# "You said, we did".


def _compare_reports(
    report: WardChanges, ward: Ward, old: list[Feedback], new: list[Feedback]
) -> bool:
    before = {feedback_identity(f): f for f in old}
    after = {feedback_identity(f): f for f in new}
    start = len(report.reports)
    for key, b in after.items():
        a = before.get(key)
        if a is None:
            said = f" You said: {brief(b.you_said)}" if b.you_said else ""
            report.reports.append(
                f"**New report**: {report_words(b, ward)}.{said} We did: {brief(b.we_did)}"
            )
        elif a != b:
            changed = [n for n in Feedback.model_fields if getattr(a, n) != getattr(b, n)]
            report.reports.append(
                f"**Updated**: {report_words(b, ward)} ({field_labels(Feedback, changed)})."
            )
    report.reports += [
        f"**Deleted** from the file: {report_words(a, ward)}."
        for key, a in before.items()
        if key not in after
    ]
    return len(report.reports) > start


# Panel roles.


def _holder(role: PanelRole | None) -> str | None:
    """Who holds a role, as the page shows it: a name, "someone", or None when vacant."""
    if role is None or role.vacant:
        return None
    return role.name or "someone (not named)"


def _compare_roles(report: WardChanges, old: list[PanelRole], new: list[PanelRole]) -> bool:
    before = {role.role: role for role in reversed(old)}
    after = {role.role: role for role in reversed(new)}
    start = len(report.panel)
    for name in dict.fromkeys([r.role for r in new] + [r.role for r in old]):
        label = EN.text(name.label)
        was, now = _holder(before.get(name)), _holder(after.get(name))
        if name not in after:
            report.panel.append(
                f"**{label}**: no longer shown on the page (was {was or 'vacant'})."
            )
        elif was == now:
            continue
        elif now is None:
            held = f" (was {escaped(was)})" if was else ""
            report.panel.append(
                f"**{label} vacant**{held}: the page invites residents to take it on."
            )
        elif was is None:
            report.panel.append(f"**{label} filled**: {escaped(now)}.")
        else:
            report.panel.append(f"**{label}**: {escaped(now)} takes over from {escaped(was)}.")
    return len(report.panel) > start


# Everything else about a ward.


def _compare_details(report: WardChanges, old: Ward, new: Ward) -> bool:
    start = len(report.details)
    for name in Ward.model_fields:
        if name in _OWN_SECTIONS or getattr(old, name) == getattr(new, name):
            continue
        a, b = getattr(old, name), getattr(new, name)
        if name in ("areas", "former_names"):
            more = [x for x in b if x not in a]
            fewer = [x for x in a if x not in b]
            parts = [f"added {listed(more)}"] if more else []
            parts += [f"removed {listed(fewer)}"] if fewer else []
            report.details.append(
                f"**{field_label(Ward, name)}**: {'; '.join(parts) or 'put in a new order'}."
            )
        elif name == "sample":
            report.details.append(
                "**Now marked as sample content**: the page says its meetings and priorities "
                "are examples."
                if b
                else "**No longer sample content**: the page presents it as real."
            )
        else:
            report.details.append(f"**{field_label(Ward, name)}** changed.")
    for name in Panel.model_fields:
        if name != "roles" and getattr(old.panel, name) != getattr(new.panel, name):
            report.details.append(f"**Panel: {field_label(Panel, name).lower()}** changed.")
    return len(report.details) > start

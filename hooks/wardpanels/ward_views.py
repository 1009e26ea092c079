"""What a ward page shows, worked out in Python before any template sees it: which meeting
is next, which was cancelled or moved, which reviews are overdue, what the panel is
missing. The same view serves every language; templates only present it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import quote

from . import calendars, schedule
from .history import Revision, Timing, meeting_identity
from .i18n import Language, Message
from .i18n import lazy as _
from .localise import Localiser
from .model import Feedback, Meeting, PanelRoleName, Priority, Ward
from .routes import Route, Routes, Section, meeting_anchor, priority_anchor
from .settings import Standards
from .site import Site, WardRecord
from .standards import Assessment, tally

# The headings of a ward page's sections, which other sites link to by their addresses.
SECTION_TITLES: dict[Section, Message] = {
    Section.NEXT_MEETING: _("Next meeting"),
    Section.PRIORITIES: _("What the panel is working on"),
    Section.FEEDBACK: _("You said, we did"),
    Section.MEETINGS: _("Other meetings"),
    Section.PANEL: _("Join the panel"),
    Section.CONTACT: _("Contact"),
    Section.SUBSCRIBE: _("Get every meeting in your calendar"),
    Section.SHARE: _("Share this page"),
    Section.STANDARDS: _("How this panel measures up"),
}

# How many "You said, we did" reports a ward page shows before folding the rest away.
RECENT_FEEDBACK = 3


@dataclass(frozen=True)
class MeetingView:
    """A meeting as a page shows it: its ward, its calendar file and what changed."""

    record: WardRecord
    meeting: Meeting
    revision: Revision
    coming: bool

    @property
    def cancelled(self) -> bool:
        return self.meeting.status == "cancelled"

    def calendar(self, paths: Routes) -> Route | None:
        """Its own calendar file, for "add to calendar": only a coming meeting going ahead."""
        if not self.coming or self.cancelled:
            return None
        return calendars.meeting_route(paths, self.record, self.meeting)

    @property
    def anchor(self) -> str:
        """Where it is on its ward's page: residents and council comms link to it."""
        return meeting_anchor(meeting_identity(self.meeting))

    @property
    def ends(self) -> str:
        """When it ends, in UTC: the page's script hides it after that by the visitor's clock."""
        moment = schedule.ends(self.meeting).astimezone(UTC)
        return moment.isoformat().replace("+00:00", "Z")

    @property
    def moved_from(self) -> Timing | None:
        """The meeting as first published, when its date, time or venue changed since."""
        return self.revision.first if self.revision.moved else None

    @property
    def retimed(self) -> bool:
        """Its date or time changed since it was first published."""
        was, now = self.moved_from, self.meeting
        return was is not None and (was.date, was.start, was.end) != (now.date, now.start, now.end)

    @property
    def former_venue(self) -> str | None:
        """The venue first published, when the meeting has moved to another."""
        was, venue = self.moved_from, self.meeting.venue
        if was is not None and was.venue and venue and was.venue != venue.name:
            return was.venue
        return None

    @property
    def in_person(self) -> bool:
        return self.meeting.format == "in-person"

    @property
    def tagged(self) -> bool:
        """Whether it carries a label: cancelled, moved, not only in person, members only."""
        unusual = not self.in_person or not self.meeting.public
        return self.cancelled or self.moved_from is not None or unusual


@dataclass(frozen=True)
class PriorityView:
    priority: Priority
    overdue: bool
    review_ahead: bool  # its review date is today or later
    reports: tuple[FeedbackView, ...]  # "You said, we did" about it, newest first


@dataclass(frozen=True)
class FeedbackView:
    entry: Feedback
    anchor: str
    priority: Priority | None


@dataclass(frozen=True)
class Role:
    name: PanelRoleName
    person: str | None
    vacant: bool


@dataclass(frozen=True)
class WardView:
    """Everything a ward page shows, worked out from the ward and the build's 'now'."""

    record: WardRecord
    next: MeetingView | None
    cancelled: tuple[MeetingView, ...]  # cancelled meetings before the next one
    moved: tuple[MeetingView, ...]  # coming meetings whose date, time or venue changed
    coming: tuple[MeetingView, ...]  # every meeting still to come, the next one included
    past: tuple[MeetingView, ...]
    current: tuple[PriorityView, ...]
    ended: tuple[Priority, ...]
    feedback: tuple[FeedbackView, ...]  # newest first
    last_review: date | None
    next_review: date | None
    needs_review: bool
    updated: date | None
    roles: tuple[Role, ...]
    assessments: tuple[Assessment, ...]

    @property
    def ward(self) -> Ward:
        return self.record.ward

    @property
    def recent_feedback(self) -> tuple[FeedbackView, ...]:
        return self.feedback[:RECENT_FEEDBACK]

    @property
    def older_feedback(self) -> tuple[FeedbackView, ...]:
        return self.feedback[RECENT_FEEDBACK:]

    # How many there are of what a page folds away or lists in a sentence: for its words.
    @property
    def former_count(self) -> int:
        return len(self.ward.former_names)

    @property
    def ended_count(self) -> int:
        return len(self.ended)

    @property
    def older_count(self) -> int:
        return len(self.older_feedback)

    @property
    def past_count(self) -> int:
        return len(self.past)

    @property
    def going_ahead(self) -> tuple[MeetingView, ...]:
        """Coming meetings not cancelled: each has an address of its own to link to."""
        return tuple(view for view in self.coming if not view.cancelled)

    @property
    def tally(self) -> Message:
        """How many standards the panel meets, does not meet, and has no data for."""
        return tally(assessment.status for assessment in self.assessments)

    @property
    def others(self) -> tuple[MeetingView, ...]:
        """Coming meetings but the next one and the cancellations before it, which the
        page says at the top, once."""
        return tuple(
            view for view in self.coming if view != self.next and view not in self.cancelled
        )


def ward_view(record: WardRecord, site: Site, standards: Standards) -> WardView:
    """What a ward page shows: the same in every language."""
    ward, now, today = record.ward, site.now, site.now.date()
    coming = tuple(meeting_view(record, m, now) for m in schedule.upcoming(ward.meetings, now))
    going_ahead = schedule.next_meeting(ward.meetings, now)
    following = next((view for view in coming if view.meeting is going_ahead), None)
    feedback = tuple(
        FeedbackView(entry, feedback_anchor(entry), _priority(ward, entry.priority))
        for entry in sorted(ward.feedback, key=lambda entry: entry.date, reverse=True)
    )
    reviewed = schedule.last_review(ward, now)
    current = tuple(
        PriorityView(
            priority,
            schedule.is_overdue(priority, today, reviewed),
            priority.review is not None and priority.review >= today,
            tuple(view for view in feedback if view.entry.priority == priority.id),
        )
        for priority in schedule.current_priorities(ward.priorities)
    )
    upcoming_reviews = [p.review for p in ward.priorities if p.status == "active" and p.review]
    return WardView(
        record=record,
        next=following,
        cancelled=tuple(
            view
            for view in coming
            if view.cancelled
            and (
                going_ahead is None or schedule.starts(view.meeting) < schedule.starts(going_ahead)
            )
        ),
        moved=tuple(view for view in coming if not view.cancelled and view.moved_from),
        coming=coming,
        past=tuple(meeting_view(record, m, now) for m in schedule.past(ward.meetings, now)),
        current=current,
        ended=tuple(schedule.ended_priorities(ward.priorities)),
        feedback=feedback,
        last_review=reviewed,
        next_review=min((day for day in upcoming_reviews if day >= today), default=None),
        needs_review=schedule.needs_review(ward, now, standards.months_between_meetings),
        updated=record.history.updated_on or schedule.newest_date(ward, today),
        roles=_roles(ward),
        assessments=record.assessments,
    )


def meeting_view(record: WardRecord, meeting: Meeting, now: datetime) -> MeetingView:
    revision = record.history.meetings[meeting_identity(meeting)]
    return MeetingView(record, meeting, revision, coming=schedule.ends(meeting) > now)


def feedback_anchor(entry: Feedback) -> str:
    """`feedback-2026-09-16`, or `feedback-2026-09-16-canal-drugs` for one about a priority."""
    return f"feedback-{entry.date.isoformat()}" + (f"-{entry.priority}" if entry.priority else "")


def _priority(ward: Ward, identifier: str | None) -> Priority | None:
    return next((p for p in ward.priorities if p.id == identifier), None)


def _roles(ward: Ward) -> tuple[Role, ...]:
    """The panel's roles in a fixed order; a chair or vice-chair not listed shows as vacant."""
    listed = [Role(role.role, role.name, role.vacant) for role in ward.panel.roles]
    named = {role.name for role in listed}
    missing = [
        Role(name, None, True)
        for name in (PanelRoleName.CHAIR, PanelRoleName.VICE_CHAIR)
        if name not in named
    ]
    order = list(PanelRoleName)
    return tuple(sorted(missing + listed, key=lambda role: order.index(role.name)))


def officers(ward: Ward, language: Language) -> list[str]:
    """The police team in words: named officers one by one, the rest counted by role."""
    lines = [
        language._("%(role)s: %(name)s", role=o.role.label, name=o.name)
        for o in ward.team.officers
        if o.name
    ]
    unnamed = Counter(o.role for o in ward.team.officers if not o.name)
    for role, count in unnamed.items():
        label = language.text(role.label if count == 1 else role.plural_label)
        lines.append(label if count == 1 else f"{language.number(count)} {label}")
    return lines


def map_link(meeting: Meeting) -> str | None:
    """A plain link to the venue on OpenStreetMap: nothing loads until a resident taps it."""
    venue = meeting.venue
    if venue is None:
        return None
    query = ", ".join(part for part in (venue.address, venue.postcode) if part)
    return "https://www.openstreetmap.org/search?query=" + quote(query)


def english_headings(view: WardView, local: Localiser) -> dict[str, str]:
    """The English a ward page's headings hold for want of a translation, by anchor: the
    table of contents keeps only the headings' text, and the theme marks this in it as
    `lang="en"`, as the page does."""
    titled = [(priority_anchor(item.priority.id), item.priority) for item in view.current]
    titled += [(item.anchor, item.priority) for item in view.feedback if item.priority]
    return {
        anchor: priority.title for anchor, priority in titled if local.is_english(priority, "title")
    }


# The fields of a meeting a page can show in English, for want of a translation.
MEETING_TEXT = ("note", "venue.access", "agenda")


def shows_english(view: WardView, local: Localiser) -> bool:
    """Whether a ward page shows any of the editors' text in English, for want of a
    translation: then the page says so once."""
    ward = view.ward
    fields: list[tuple[Any, str]] = [(ward, "summary"), (ward, "panel.join")]
    fields += [(item.meeting, "note") for item in view.cancelled]  # their banners
    shown = ([view.next] if view.next else []) + list(view.others)
    fields += [(item.meeting, name) for item in shown for name in MEETING_TEXT]
    fields += [(item.priority, name) for item in view.current for name in ("title", "detail")]
    fields += [(priority, name) for priority in view.ended for name in ("title", "outcome")]
    for report in view.feedback:
        fields += [(report.entry, "you_said"), (report.entry, "we_did")]
        fields += [(report.priority, "title")] if report.priority else []
    return any(local.is_english(entry, name) for entry, name in fields)


def description(view: WardView, language: Language) -> str:
    """One sentence for search results and shared links: the next meeting, if there is one."""
    name = view.ward.name
    following = view.next
    if following is None:
        return language._(
            "The %(ward)s ward panel: its priorities, meetings and how to join.", ward=name
        )
    meeting = following.meeting
    return language._(
        "The %(ward)s ward panel meets next on %(when)s, at %(place)s.",
        ward=name,
        when=language.when(meeting.date, meeting.start, meeting.end),
        place=meeting.venue.name if meeting.venue else language._("online"),
    )

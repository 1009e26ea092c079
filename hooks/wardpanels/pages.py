"""Render the Site into Markdown pages, one per public URL.

Templates hold presentation only: what is upcoming, overdue or current is worked out
here, in Python, and tested here. Every value a template prints is escaped as plain text
unless it was already made safe (editors' Markdown goes through `markup.markdown`).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from . import calendars, markup, schedule, text
from .atom import atom_path
from .clock import LONDON
from .model import GlossaryFile, GlossaryTerm, Meeting, Ward
from .posters import poster_path
from .schema import field_reference
from .settings import Settings
from .site import Site, WardRecord
from .standards import STANDARDS, Status
from .structured import events_json_ld

ROLE_NAMES = {
    "chair": "Chair",
    "vice-chair": "Vice-chair",
    "secretary": "Secretary",
    "treasurer": "Treasurer",
    "inspector": "Inspector",
    "sergeant": "Sergeant",
    "dwo": "Dedicated Ward Officer (DWO)",
    "pcso": "Police Community Support Officer (PCSO)",
}
PLURAL_ROLE_NAMES = {
    "inspector": "Inspectors",
    "sergeant": "Sergeants",
    "dwo": "Dedicated Ward Officers (DWOs)",
    "pcso": "Police Community Support Officers (PCSOs)",
}

DONE_BY = {
    "police": "the police",
    "council": "the council",
    "panel": "the panel",
    "partner": "a partner organisation",
}


@dataclass(frozen=True)
class ScheduledMeeting:
    """A meeting with the ward it belongs to, for borough-wide lists."""

    record: WardRecord
    meeting: Meeting


@dataclass(frozen=True)
class ComingMeeting:
    """A coming meeting with its "add to calendar" links and the moment it ends."""

    item: calendars.CalendarMeeting
    settings: Settings

    @property
    def meeting(self) -> Meeting:
        return self.item.meeting

    @property
    def ics(self) -> str:
        return calendars.event_path(self.item)

    @property
    def ends(self) -> str:
        return schedule.ends(self.meeting).astimezone(UTC).isoformat().replace("+00:00", "Z")

    @property
    def google(self) -> str:  # worked out only for the meeting a page shows these links for
        return calendars.google_link(self.settings, self.item)

    @property
    def outlook(self) -> str:
        return calendars.outlook_link(self.settings, self.item)


def _escape(value: Any) -> Any:
    return value if isinstance(value, Markup) else markup.plain(value)


STATUS_SYMBOLS = {Status.MET: "\u2713", Status.NOT_MET: "\u2717", Status.NO_DATA: "\u2013"}


def _status(status: Status) -> Markup:
    """A status in words, with a symbol for sighted readers (never colour alone)."""
    symbol = STATUS_SYMBOLS[status]
    css = status.name.lower().replace("_", "-")
    return Markup(
        f'<span class="wp-status wp-status--{css}"><span aria-hidden="true">'
        f"{symbol}</span> {status.value}</span>"
    )


@cache
def environment() -> Environment:
    """One template environment, compiled once per process."""
    env = Environment(
        loader=PackageLoader("wardpanels", "templates"),
        # Autoescape makes macros return Markup; `finalize` escapes values for Markdown,
        # not HTML, before autoescape sees them.
        autoescape=True,
        finalize=_escape,
        # `{#id}` gives a Markdown heading its anchor, so Jinja comments are `{## ##}`.
        comment_start_string="{##",
        comment_end_string="##}",
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        join=lambda items, separator: Markup(separator).join(markup.plain(i) for i in items),
        tel=lambda number: markup.link_target("tel:" + "".join(number.split())),
        done_by=lambda who: DONE_BY.get(who, who),
        host=lambda url: urlsplit(url).netloc or url,
        place=text.place,
        status=_status,
        sentence=lambda words: words[:1].upper() + words[1:],
        # A YAML front matter value: JSON strings are valid YAML, and nothing in them can
        # end the front matter or start a new key.
        yaml_string=lambda value: Markup(json.dumps(str(value))),
        md=markup.markdown,
        code=markup.code,
        html=escape,  # for raw HTML attributes and elements, where Markdown escapes would show
        target=markup.link_target,
        when=lambda m: text.when(m.date, m.start, m.end),
        long_date=text.long_date,
        short_date=text.short_date,
        time_range=lambda m: text.time_range(m.start, m.end),
        role=lambda name: ROLE_NAMES.get(name, name),
        anchor=text.anchor_id,
    )
    return env


def render_pages(site: Site, settings: Settings) -> dict[str, str]:
    """Every generated page, keyed by its path under the docs folder."""
    env = environment()
    common = {
        "site": site,
        "settings": settings,
        "today": site.now.date(),
        "borough_feed": calendars.subscription(
            settings, calendars.ALL_WARDS, f"{settings.borough} ward panel meetings"
        ),
    }
    upcoming = borough_upcoming(site)
    views = [ward_view(record, site, settings) for record in site.wards]
    pages = {
        "index.md": env.get_template("home.md.j2").render(
            common, upcoming=upcoming[:5], wards=ward_summaries(site)
        ),
        "wards/index.md": env.get_template("wards.md.j2").render(
            common, letters=by_letter(ward_summaries(site))
        ),
        "meetings/index.md": env.get_template("meetings.md.j2").render(
            common, months=by_month(upcoming)
        ),
        "priorities/index.md": env.get_template("priorities.md.j2").render(common, wards=views),
        "glossary/index.md": env.get_template("glossary.md.j2").render(
            common, letters=glossary_letters(site)
        ),
        "editors/fields.md": env.get_template("fields.md.j2").render(
            common,
            references=[
                ("Ward files", field_reference(Ward)),
                ("Glossary files", field_reference(GlossaryFile)),
            ],
        ),
        "standards/index.md": env.get_template("standards.md.j2").render(
            common, standards=STANDARDS, wards=views, totals=standards_totals(views)
        ),
        "calendars/index.md": env.get_template("calendars.md.j2").render(
            common, feeds=[(r, calendars.feed_path(r.slug)) for r in site.wards]
        ),
    }
    ward_template = env.get_template("ward.md.j2")
    for view in views:
        pages[view["record"].page] = ward_template.render(common, **view)
    return pages


def ward_view(record: WardRecord, site: Site, settings: Settings) -> dict[str, Any]:
    """What a ward page shows, worked out from the ward and the build's 'now'."""
    ward: Ward = record.ward
    today = site.now.date()
    upcoming = [_coming(settings, record, m) for m in schedule.upcoming(ward.meetings, site.now)]
    going_ahead = schedule.next_meeting(ward.meetings, site.now)
    next_meeting = next((c for c in upcoming if c.meeting is going_ahead), None)
    current = schedule.current_priorities(ward.priorities)
    titles = {priority.id: priority.title for priority in ward.priorities}
    feedback = sorted(ward.feedback, key=lambda entry: entry.date, reverse=True)
    return {
        "record": record,
        "ward": ward,
        "next_meeting": next_meeting,
        "cancelled_before_next": [
            c.meeting
            for c in upcoming
            if c.meeting.status == "cancelled"
            and (going_ahead is None or schedule.starts(c.meeting) < schedule.starts(going_ahead))
        ],
        "upcoming": upcoming,
        "feed": calendars.subscription(settings, record.slug, f"{ward.name} ward panel meetings"),
        "past": schedule.past(ward.meetings, site.now),
        "current": current,
        "overdue": {p.id for p in current if schedule.is_overdue(p, today)},
        "ended": schedule.ended_priorities(ward.priorities),
        "feedback": feedback,
        "progress": {
            priority.id: [entry for entry in feedback if entry.priority == priority.id]
            for priority in ward.priorities
        },
        "priority_titles": titles,
        "next_review": min((p.review for p in current if p.review), default=None),
        "last_review": schedule.last_review(ward, site.now),
        "needs_review": schedule.needs_review(ward, site.now),
        "updated": (
            record.history.updated.astimezone(LONDON).date()
            if record.history.updated
            else schedule.newest_date(ward, today)
        ),
        "roles": _roles(ward),
        "assessments": record.assessments,
        "description": _description(record, going_ahead),
        "atom_feed": atom_path(record.slug),
        "poster": poster_path(record).removeprefix("wards/"),  # a link from wards/<slug>.md
        "json_ld": events_json_ld(record, settings, site.now),
        "officers": _officers(ward),
    }


def _description(record: WardRecord, going_ahead: Meeting | None) -> str:
    """One sentence for search results and shared links: the next meeting, if there is one."""
    name = record.ward.name
    if going_ahead is None:
        return f"The {name} ward panel: its priorities, meetings and how to join."
    where = going_ahead.venue.name if going_ahead.venue else "online"
    return (
        f"The {name} ward panel meets next on "
        f"{text.when(going_ahead.date, going_ahead.start, going_ahead.end)}, at {where}."
    )


def standards_totals(views: list[dict[str, Any]]) -> list[dict[str, int]]:
    """For each standard, how many wards meet it, do not, or have no data."""
    totals = []
    for index in range(len(STANDARDS)):
        counted = Counter(view["assessments"][index].status for view in views)
        totals.append({status.name.lower(): counted[status] for status in Status})
    return totals


def _coming(settings: Settings, record: WardRecord, meeting: Meeting) -> ComingMeeting:
    return ComingMeeting(calendars.CalendarMeeting(record, meeting), settings)


PANEL_ROLE_ORDER = ("chair", "vice-chair", "secretary", "treasurer")


def _roles(ward: Ward) -> list[tuple[str, str | None, bool]]:
    """The panel's roles in a fixed order; a chair or vice-chair not listed shows as vacant."""
    listed = [(role.role, role.name, role.vacant) for role in ward.panel.roles]
    named = {role for role, _, _ in listed}
    missing = [(role, None, True) for role in ("chair", "vice-chair") if role not in named]
    return sorted(missing + listed, key=lambda entry: PANEL_ROLE_ORDER.index(entry[0]))


def _officers(ward: Ward) -> list[str]:
    """The police team in words: named officers one by one, the rest counted by role."""
    lines = [f"{ROLE_NAMES[o.role]}: {o.name}" for o in ward.team.officers if o.name]
    unnamed = Counter(o.role for o in ward.team.officers if not o.name)
    for role, count in unnamed.items():
        lines.append(ROLE_NAMES[role] if count == 1 else f"{count} {PLURAL_ROLE_NAMES[role]}")
    return lines


def borough_upcoming(site: Site) -> list[ScheduledMeeting]:
    """Every ward's coming meetings, soonest first."""
    found = [
        ScheduledMeeting(record, meeting)
        for record in site.wards
        for meeting in schedule.upcoming(record.ward.meetings, site.now)
    ]
    return sorted(found, key=lambda item: (schedule.starts(item.meeting), item.record.ward.name))


def ward_summaries(site: Site) -> list[tuple[WardRecord, Meeting | None]]:
    """Each ward, A to Z, with its next meeting."""
    return [(r, schedule.next_meeting(r.ward.meetings, site.now)) for r in site.wards]


def by_letter(
    wards: list[tuple[WardRecord, Meeting | None]],
) -> list[tuple[str, list[tuple[WardRecord, Meeting | None]]]]:
    """Wards grouped under the first letter of their name."""
    groups: dict[str, list[tuple[WardRecord, Meeting | None]]] = {}
    for item in wards:
        groups.setdefault(item[0].ward.name[:1].upper(), []).append(item)
    return sorted(groups.items())


@dataclass(frozen=True)
class Letter:
    """A heading of an A to Z list, and its anchor."""

    label: str
    anchor: str


def glossary_letters(site: Site) -> list[tuple[Letter, list[GlossaryTerm]]]:
    """Glossary terms under their first letter, A to Z; terms that start with a digit first."""
    groups: dict[Letter, list[GlossaryTerm]] = {}
    for term in site.glossary:
        first = term.term[:1].upper()
        letter = (
            Letter("0 to 9", "letter-0-9")
            if first.isdigit()
            else Letter(first, f"letter-{first.lower()}")
        )
        groups.setdefault(letter, []).append(term)
    return list(groups.items())


def by_month(meetings: list[ScheduledMeeting]) -> list[tuple[str, list[ScheduledMeeting]]]:
    """Meetings grouped by month, in date order."""
    groups: dict[str, list[ScheduledMeeting]] = {}
    for item in meetings:
        groups.setdefault(text.month_year(item.meeting.date), []).append(item)
    return list(groups.items())

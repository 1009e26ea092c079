"""iCalendar feeds that stay right in Google, Outlook, Apple Calendar and Thunderbird.

Each rule here fixed a real client somewhere: local times with one embedded Europe/London
VTIMEZONE built from yearly rules (Outlook), a UID from the meeting's identity and never
its position, SEQUENCE and DTSTAMP from git history so edits replace rather than duplicate,
cancelled meetings kept with STATUS:CANCELLED, no ORGANIZER (Outlook would make it an
invitation), and nothing taken from the clock, so one commit gives byte-identical feeds.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlencode

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard

from .history import meeting_key
from .model import Meeting
from .schedule import ends, starts
from .settings import Settings
from .site import Site, WardRecord

PRODID = "-//Safer Neighbourhood ward panels//Meeting calendars//EN"
TZID = "Europe/London"
REFRESH = timedelta(hours=12)
ALL_WARDS = "all-wards"


@dataclass(frozen=True)
class CalendarMeeting:
    """A meeting with everything a calendar entry says about it."""

    record: WardRecord
    meeting: Meeting

    @property
    def key(self) -> str:
        return meeting_key({"id": self.meeting.id, "date": self.meeting.date.isoformat()})

    @property
    def cancelled(self) -> bool:
        return self.meeting.status == "cancelled"


def feed_path(slug: str) -> str:
    """`calendars/bow-east.ics`, relative to the site root."""
    return f"calendars/{slug}.ics"


def event_path(item: CalendarMeeting) -> str:
    """`calendars/bow-east/spring-2026.ics`: one meeting, for "Add to calendar"."""
    return f"calendars/{item.record.slug}/{item.key}.ics"


def uid(settings: Settings, item: CalendarMeeting) -> str:
    """Set once and never reused: the borough, the ward and the meeting's id (or date)."""
    name = f"wardpanels:{settings.borough}:{item.record.slug}:{item.key}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, name)}@wardpanels"


def summary(item: CalendarMeeting) -> str:
    title = f"{item.record.ward.name} ward panel meeting"
    return f"Cancelled: {title}" if item.cancelled else title


def location(meeting: Meeting) -> str:
    if meeting.venue is None:
        return "Online"
    parts = [meeting.venue.name, meeting.venue.address]
    if meeting.venue.postcode:
        parts.append(meeting.venue.postcode.upper())
    place = ", ".join(parts)
    return f"{place} (and online)" if meeting.format == "hybrid" else place


def description(settings: Settings, item: CalendarMeeting) -> str:
    """Plain text: who may come, access, how to join online, the agenda, where to read more."""
    meeting = item.meeting
    lines = []
    if item.cancelled:
        lines.append("This meeting is cancelled.")
    if meeting.note:
        lines.append(meeting.note)
    lines.append(
        "Open to all residents. You do not need to book."
        if meeting.public
        else "For panel members only."
    )
    if meeting.venue and meeting.venue.access:
        lines.append(f"Access: {meeting.venue.access}")
    if meeting.online:
        lines.append(f"Join online: {meeting.online}")
    if meeting.agenda:
        lines.append("Agenda: " + "; ".join(meeting.agenda))
    lines.append(
        f"More about the {item.record.ward.name} ward panel: {settings.page_url(item.record.url)}"
    )
    return "\n".join(lines)


def london_timezone() -> Timezone:
    """Europe/London as yearly rules: the shape every client reads, valid for any year."""
    zone = Timezone()
    zone.add("tzid", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "BST")
    summer.add("tzoffsetfrom", timedelta(0))
    summer.add("tzoffsetto", timedelta(hours=1))
    summer.add("dtstart", datetime(1970, 3, 29, 1, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "GMT")
    winter.add("tzoffsetfrom", timedelta(hours=1))
    winter.add("tzoffsetto", timedelta(0))
    winter.add("dtstart", datetime(1970, 10, 25, 2, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    zone.add_component(summer)
    zone.add_component(winter)
    return zone


def _event(settings: Settings, item: CalendarMeeting) -> Event:
    meeting = item.meeting
    revision = item.record.history.meetings[item.key]  # history covers every meeting
    stamp = revision.modified.astimezone(UTC)
    event = Event()
    event.add("uid", uid(settings, item))
    event.add("dtstamp", stamp)
    event.add("last-modified", stamp)
    event.add("sequence", revision.sequence)
    event.add("dtstart", starts(meeting))
    event.add("dtend", ends(meeting))
    event.add("summary", summary(item))
    event.add("location", location(meeting))
    event.add("description", description(settings, item))
    event.add("url", settings.page_url(item.record.url))
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if item.cancelled else "OPAQUE")
    event.add("class", "PUBLIC")
    return event


def _calendar(settings: Settings, name: str, about: str, items: Iterable[CalendarMeeting]) -> bytes:
    calendar = Calendar()
    calendar.add("version", "2.0")
    calendar.add("prodid", PRODID)
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("description", about)
    calendar.add("x-wr-caldesc", about)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", "PT12H")
    calendar.add_component(london_timezone())
    events = [(starts(item.meeting), uid(settings, item), item) for item in items]
    for _, _, item in sorted(events, key=lambda entry: (entry[0], entry[1])):
        calendar.add_component(_event(settings, item))
    return calendar.to_ical()


def ward_items(record: WardRecord) -> list[CalendarMeeting]:
    return [CalendarMeeting(record, meeting) for meeting in record.ward.meetings]


def render_calendars(site: Site, settings: Settings) -> dict[str, bytes]:
    """Every feed and single-meeting file, keyed by its path under the site root."""
    files: dict[str, bytes] = {}
    for record in site.wards:
        name = f"{record.ward.name} ward panel meetings"
        about = (
            f"Meetings of the {record.ward.name} Safer Neighbourhood ward panel in "
            f"{settings.borough}."
        )
        files[feed_path(record.slug)] = _calendar(settings, name, about, ward_items(record))
        for item in ward_items(record):
            files[event_path(item)] = _calendar(settings, summary(item), about, [item])
    everything = [item for record in site.wards for item in ward_items(record)]
    files[feed_path(ALL_WARDS)] = _calendar(
        settings,
        f"{settings.borough} ward panel meetings",
        f"Every Safer Neighbourhood ward panel meeting in {settings.borough}.",
        everything,
    )
    return files


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_link(settings: Settings, item: CalendarMeeting) -> str:
    """Google Calendar's "add event" page, filled in (it takes UTC times)."""
    query = {
        "action": "TEMPLATE",
        "text": summary(item),
        "dates": f"{_utc(starts(item.meeting))}/{_utc(ends(item.meeting))}",
        "details": description(settings, item),
        "location": location(item.meeting),
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_link(settings: Settings, item: CalendarMeeting) -> str:
    """Outlook on the web's "new event" page, filled in (it takes UTC times)."""
    iso = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": summary(item),
        "startdt": starts(item.meeting).astimezone(UTC).strftime(iso),
        "enddt": ends(item.meeting).astimezone(UTC).strftime(iso),
        "body": description(settings, item),
        "location": location(item.meeting),
    }
    return "https://outlook.live.com/calendar/0/deeplink/compose?" + urlencode(
        query, quote_via=quote
    )


@dataclass(frozen=True)
class Subscription:
    """The ways to subscribe to one feed."""

    https: str
    webcal: str
    outlook: str
    google: str


def subscription(settings: Settings, slug: str, name: str) -> Subscription:
    https = settings.page_url(feed_path(slug))
    webcal = "webcal://" + https.split("://", 1)[1]
    outlook = "https://outlook.live.com/calendar/0/addfromweb?" + urlencode(
        {"url": https, "name": name}, quote_via=quote
    )
    google = "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal}, quote_via=quote)
    return Subscription(https=https, webcal=webcal, outlook=outlook, google=google)

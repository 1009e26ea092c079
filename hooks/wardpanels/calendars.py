"""iCalendar feeds that stay right in Google, Outlook, Apple Calendar and Thunderbird.

Each rule here fixed a real client somewhere: local times with one embedded Europe/London
VTIMEZONE built from yearly rules (Outlook), a UID from the meeting's identity and never
its position, SEQUENCE and DTSTAMP from git history so edits replace rather than duplicate,
cancelled meetings kept with STATUS:CANCELLED, no ORGANIZER (Outlook would make it an
invitation), and nothing taken from the clock, so one commit gives byte-identical feeds.

Every language has its own feeds, with its own titles and descriptions but the same UIDs
and times: a resident who switches language keeps the same events.

Feeds are written line by line here (RFC 5545 text escaping and 75-octet folding):
icalendar's writer took about a millisecond an event, and a borough has thousands.
icalendar builds the time zone block, once. The tests read every feed back with five
independent parsers.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache, partial
from urllib.parse import quote, urlencode

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

from .history import meeting_identity
from .i18n import Language
from .localise import Localiser
from .model import Meeting
from .outputs import FilePlan, planned
from .routes import Route, Routes
from .schedule import ends, starts
from .settings import Settings
from .site import Site, WardRecord
from .text import place

PRODID = "-//Safer Neighbourhood ward panels//Meeting calendars//EN"
TZID = "Europe/London"


def uid(settings: Settings, record: WardRecord, meeting: Meeting) -> str:
    """Set once and never reused: the site's identity domain, the ward and the meeting's id
    (or date). A display name never enters it, so renaming the borough moves no event."""
    key = meeting_identity(meeting)
    name = f"wardpanels:{settings.id_domain}:{record.slug}:{key}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, name)}@{settings.id_domain}"


@dataclass(frozen=True)
class EventText:
    """What a calendar entry says about a meeting, in one language."""

    summary: str
    location: str
    description: str


def event_text(
    settings: Settings, language: Language, record: WardRecord, meeting: Meeting, local: Localiser
) -> EventText:
    """The title, place and plain-text description of one meeting's calendar entry."""
    _ = language._
    title = _("%(ward)s ward panel meeting", ward=record.ward.name)
    cancelled = meeting.status == "cancelled"
    lines = []
    if record.ward.sample:
        lines.append(_("Sample information: this meeting is an example, not a real one."))
    if cancelled:
        lines.append(_("This meeting is cancelled."))
    if meeting.note:
        lines.append(local.plain(meeting, "note"))
    lines.append(
        _("Open to anyone who lives or works in the ward. You do not need to book.")
        if meeting.public
        else _("For members of the panel only.")
    )
    if meeting.venue and meeting.venue.access:
        lines.append(_("Access: %(access)s", access=local.plain(meeting, "venue.access")))
    if meeting.online and not cancelled:
        lines.append(_("Join online: %(link)s", link=meeting.online))
    if meeting.agenda:
        lines.append(_("Agenda: %(items)s", items=local.plain(meeting, "agenda")))
    page = settings.page_url(language.routes.ward(record.slug).url)
    lines.append(
        _("More about the %(ward)s ward panel: %(page)s", ward=record.ward.name, page=page)
    )
    return EventText(
        summary=_("Cancelled: %(title)s", title=title) if cancelled else title,
        location=place(meeting, language),
        description="\n".join(lines),
    )


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


def _event(
    uid_text: str, record: WardRecord, meeting: Meeting, text: EventText, page: str
) -> bytes:
    """One VEVENT, written once and shared by every feed of its language that holds it."""
    revision = record.history.meetings[meeting_identity(meeting)]  # history covers each one
    stamp = revision.modified.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    cancelled = meeting.status == "cancelled"
    local = f";TZID={TZID}:"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid_text}",
        f"DTSTAMP:{stamp}",
        f"LAST-MODIFIED:{stamp}",
        f"SEQUENCE:{revision.sequence}",
        f"DTSTART{local}{starts(meeting):%Y%m%dT%H%M%S}",
        f"DTEND{local}{ends(meeting):%Y%m%dT%H%M%S}",
        f"SUMMARY:{_text(text.summary)}",
        f"LOCATION:{_text(text.location)}",
        f"DESCRIPTION:{_text(text.description)}",
        f"URL:{page}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        f"TRANSP:{'TRANSPARENT' if cancelled else 'OPAQUE'}",
        "CLASS:PUBLIC",
        "END:VEVENT",
    ]
    return b"".join(_folded(line) for line in lines)


def _text(value: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma and new line escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _folded(line: str) -> bytes:
    """A content line in UTF-8, folded at 75 octets without splitting a character."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return data + b"\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # inside a character
            end -= 1
        parts.append(data[start:end])
        start, limit = end, 74  # continuation lines begin with a space
    return b"\r\n ".join(parts) + b"\r\n"


def _calendar(name: str, about: str, events: Iterable[bytes]) -> bytes:
    """A whole feed: the calendar's own lines, the time zone, then the events as given."""
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"NAME:{_text(name)}",
        f"X-WR-CALNAME:{_text(name)}",
        f"DESCRIPTION:{_text(about)}",
        f"X-WR-CALDESC:{_text(about)}",
        f"X-WR-TIMEZONE:{TZID}",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",  # RFC 7986 wants VALUE=DURATION
        "X-PUBLISHED-TTL:PT12H",
    ]
    lines = b"".join(_folded(line) for line in head)
    return lines + _london_lines() + b"".join(events) + b"END:VCALENDAR\r\n"


@cache
def _london_lines() -> bytes:
    """The time zone block, written once: it is the same in every feed."""
    return bytes(london_timezone().to_ical())


def meeting_route(routes: Routes, record: WardRecord, meeting: Meeting) -> Route:
    """A coming meeting's own file: its name says whose meeting it is, and when."""
    same_day = sum(1 for other in record.ward.meetings if other.date == meeting.date) > 1
    return routes.meeting_calendar(
        record.slug, meeting.date, meeting_identity(meeting) if same_day else None
    )


def render_calendars(site: Site, settings: Settings, language: Language) -> FilePlan:
    """Every feed of one language, and a file for each coming meeting.

    Each event is written once, when first needed, and shared by its ward's feed, the
    borough feed and its own file. Events are in order of start, then UID; every UID is
    different.
    """
    routes = language.routes
    files, events = [], []
    for record in site.wards:
        written = cache(partial(_ward_events, site, settings, language, record))
        events.append(written)
        for number, meeting in enumerate(record.ward.meetings):
            if ends(meeting) > site.now and meeting.status == "scheduled":
                route = meeting_route(routes, record, meeting)
                files.append(planned(route, _meeting_calendar, written, number))
        route = routes.ward_calendar(record.slug)
        files.append(planned(route, _ward_calendar, language, record, written))
    route = routes.borough_calendar()
    files.append(planned(route, _borough_calendar, site, settings, language, events))
    return FilePlan(tuple(files))


# An event as written, with what it is sorted by (its start, then its UID) and its text.
_Written = tuple[tuple[datetime, str], bytes, EventText]
# A ward's events, once written: what its calendars say they are, and each event in the
# order the ward lists its meetings.
_WardEvents = Callable[[], tuple[str, list[_Written]]]


def _sample_note(site: Site, language: Language) -> str:
    if not site.sample:
        return ""
    return " " + language._("Sample information: some meetings are examples, not real ones.")


def _ward_events(
    site: Site, settings: Settings, language: Language, record: WardRecord
) -> tuple[str, list[_Written]]:
    local = Localiser(language, site.translations_for(language, record.slug))
    page = settings.page_url(language.routes.ward(record.slug).url)
    about = language._(
        "Meetings of the %(ward)s Safer Neighbourhood ward panel in %(borough)s.",
        ward=record.ward.name,
        borough=settings.borough,
    ) + (_sample_note(site, language) if record.ward.sample else "")
    written = []
    for meeting in record.ward.meetings:
        text = event_text(settings, language, record, meeting, local)
        identity = uid(settings, record, meeting)
        event = _event(identity, record, meeting, text, page)
        written.append(((starts(meeting), identity), event, text))
    return about, written


def _meeting_calendar(events: _WardEvents, number: int) -> bytes:
    about, written = events()
    _order, event, text = written[number]
    return _calendar(text.summary, about, [event])


def _ward_calendar(language: Language, record: WardRecord, events: _WardEvents) -> bytes:
    about, written = events()
    name = language._("%(ward)s ward panel meetings", ward=record.ward.name)
    return _calendar(name, about, [e for _o, e in sorted((o, e) for o, e, _t in written)])


def _borough_calendar(
    site: Site, settings: Settings, language: Language, events: list[_WardEvents]
) -> bytes:
    _ = language._
    borough = settings.borough
    written = [(o, e) for ward in events for o, e, _t in ward()[1]]
    _check_unique_uids(order for order, _event in written)
    return _calendar(
        _("%(borough)s ward panel meetings", borough=borough),
        _("Every Safer Neighbourhood ward panel meeting in %(borough)s.", borough=borough)
        + _sample_note(site, language),
        [event for _order, event in sorted(written)],
    )


def _check_unique_uids(orders: Iterable[tuple[datetime, str]]) -> None:
    """Two events with one UID would overwrite each other in every subscriber's calendar."""
    twice = [identity for identity, count in Counter(i for _when, i in orders).items() if count > 1]
    if twice:
        raise ValueError(f"two calendar events were given the same UID: {', '.join(twice)}")


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def google_link(text: EventText, meeting: Meeting) -> str:
    """Google Calendar's "add event" page, filled in (it takes UTC times)."""
    query = {
        "action": "TEMPLATE",
        "text": text.summary,
        "dates": f"{_utc(starts(meeting))}/{_utc(ends(meeting))}",
        "details": text.description,
        "location": text.location,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query, quote_via=quote)


def outlook_link(text: EventText, meeting: Meeting) -> str:
    """Outlook on the web's "new event" page, filled in (it takes UTC times)."""
    iso = "%Y-%m-%dT%H:%M:%SZ"
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": text.summary,
        "startdt": starts(meeting).astimezone(UTC).strftime(iso),
        "enddt": ends(meeting).astimezone(UTC).strftime(iso),
        "body": text.description,
        "location": text.location,
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


def subscription(settings: Settings, feed: Route, name: str = "") -> Subscription:
    """A feed's address, and the links that subscribe to it in each kind of app."""
    https = settings.page_url(feed.url)
    webcal = "webcal://" + https.split("://", 1)[1]
    outlook = "https://outlook.live.com/calendar/0/addfromweb?" + urlencode(
        {"url": https, "name": name}, quote_via=quote
    )
    google = "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal}, quote_via=quote)
    return Subscription(https=https, webcal=webcal, outlook=outlook, google=google)

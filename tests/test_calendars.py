"""Calendar feeds: read the same by every client we can run, and right across clock changes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import icalendar
import ics
import pytest
import recurring_ical_events
import vobject
from ical.calendar_stream import IcsCalendarStream

from wardpanels.calendars import (
    event_text,
    google_link,
    london_timezone,
    outlook_link,
    render_calendars,
)
from wardpanels.i18n import ENGLISH_LANGUAGE
from wardpanels.localise import Localiser
from wardpanels.settings import Settings
from wardpanels.site import Site, Sources, load_site

from .conftest import NOW, ROOT

SETTINGS = Settings(
    site_name="Ward panels", borough="Tower Hamlets", site_url="https://wardpanels.example.org/sub/"
)

# Each meeting's start and end in UTC, as every client must read it.
EXPECTED_UTC = {
    "winter": ("2026-01-14T19:00", "2026-01-14T20:30"),  # GMT
    "summer": ("2026-06-17T18:00", "2026-06-17T19:30"),  # BST: 7pm is 18:00 UTC
    "spring-change": ("2026-03-29T18:00", "2026-03-29T19:00"),  # clocks went forward that day
    "autumn-change": ("2026-10-25T19:00", "2026-10-25T20:00"),  # clocks went back that day
    "cancelled": ("2026-12-02T12:00", "2026-12-02T13:00"),
    "online": ("2027-02-10T19:00", "2027-02-10T20:00"),
    "hybrid": ("2027-07-07T13:00", "2027-07-07T14:30"),
}

WARD = """\
name: Clock Ward
panel:
  contact: {email: panel@example.org}
  join: Anyone can join.
meetings:
  - {id: winter, date: 2026-01-14, start: 19:00, end: 20:30, venue: {name: Hall, address: 1 Road}}
  - {id: summer, date: 2026-06-17, start: 19:00, end: 20:30, venue: {name: Hall, address: 1 Road}}
  - {id: spring-change, date: 2026-03-29, start: 19:00, end: 20:00,
     venue: {name: Hall, address: 1 Road}}
  - {id: autumn-change, date: 2026-10-25, start: 19:00, end: 20:00,
     venue: {name: Hall, address: 1 Road}}
  - {id: cancelled, date: 2026-12-02, start: 12:00, end: 13:00, status: cancelled,
     venue: {name: Hall, address: 1 Road, access: Step-free}}
  - {id: online, date: 2027-02-10, start: 19:00, end: 20:00, format: online,
     online: "https://example.org/join", agenda: [Minutes, Police update]}
  - {id: hybrid, date: 2027-07-07, start: 14:00, end: 15:30, format: hybrid,
     online: "https://example.org/join", venue: {name: Hall, address: 1 Road, postcode: e3 2aa}}
"""


@pytest.fixture
def site(project) -> Site:
    project("wards/clock-ward.yml", WARD)
    project(
        "wards/quiet-ward.yml",
        "name: Quiet Ward\npanel:\n  contact: {phone: '101'}\n  join: Ask.\n",
    )
    root = project.root
    return load_site(Sources(root, root / "wards", root / "glossary"), SETTINGS, NOW)


def render(site: Site, settings: Settings = SETTINGS) -> dict[str, bytes]:
    rendered = render_calendars(site, settings, ENGLISH_LANGUAGE)
    return {item.path: bytes(item.content) for item in rendered}  # type: ignore[arg-type]


@pytest.fixture
def feeds(site: Site) -> dict[str, bytes]:
    return render(site)


def utc(moment: datetime | date | None) -> str:
    assert isinstance(moment, datetime), moment
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M")


COMING = ["cancelled", "online", "hybrid"]  # after Monday 23 November 2026


def test_every_feed_and_a_file_for_each_coming_meeting_is_written(feeds):
    assert {
        "calendars/clock-ward.ics",
        "calendars/quiet-ward.ics",
        "calendars/all-wards.ics",
    } <= set(feeds)
    for key in EXPECTED_UTC:
        day = EXPECTED_UTC[key][0][:10]
        has_file = f"calendars/clock-ward/clock-ward-{day}.ics" in feeds
        assert has_file == (key in COMING and key != "cancelled"), key


def test_feeds_are_utf8_crlf_and_folded_at_75_octets(feeds):
    for path, content in feeds.items():
        assert not content.startswith(b"\xef\xbb\xbf"), path
        content.decode("utf-8")
        lines = content.split(b"\r\n")
        assert lines[-1] == b"", path
        for line in lines[:-1]:
            assert b"\n" not in line and b"\r" not in line, path
            assert len(line) <= 75, (path, line)


def test_calendar_properties(feeds):
    text = feeds["calendars/clock-ward.ics"].decode()
    for line in (
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "NAME:Clock Ward ward panel meetings",
        "X-WR-CALNAME:Clock Ward ward panel meetings",
        "X-WR-TIMEZONE:Europe/London",
        "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
        "X-PUBLISHED-TTL:PT12H",
        "PRODID:-//Safer Neighbourhood ward panels//Meeting calendars//EN",
    ):
        assert f"\r\n{line}\r\n" in text
    assert "\r\nDESCRIPTION:" in text and "\r\nX-WR-CALDESC:" in text
    assert "ORGANIZER" not in text and "ATTENDEE" not in text


def test_exactly_one_london_timezone_made_of_yearly_rules(feeds):
    for content in feeds.values():
        calendar = icalendar.Calendar.from_ical(content)
        zones = calendar.walk("VTIMEZONE")
        assert len(zones) == 1
        assert [c.name for c in zones[0].subcomponents] == ["DAYLIGHT", "STANDARD"]
        assert all("RRULE" in c and "RDATE" not in c for c in zones[0].subcomponents)


def test_the_embedded_timezone_gives_the_right_offset_in_any_year():
    zone = london_timezone().to_tz()
    for year in (2026, 2027, 2035, 2050):
        # The last Sundays of March and October: clocks change at 01:00 UTC.
        march = max(
            datetime(year, 3, d) for d in range(25, 32) if datetime(year, 3, d).weekday() == 6
        )
        october = max(
            datetime(year, 10, d) for d in range(25, 32) if datetime(year, 10, d).weekday() == 6
        )
        for utc_moment, offset in (
            (march + timedelta(hours=0, minutes=59), 0),
            (march + timedelta(hours=1, minutes=1), 1),
            (october + timedelta(minutes=59), 1),
            (october + timedelta(hours=1, minutes=1), 0),
        ):
            local = utc_moment.replace(tzinfo=UTC).astimezone(zone)
            assert local.utcoffset() == timedelta(hours=offset), (year, utc_moment)


def test_every_start_and_end_is_local_time_with_the_london_tzid(feeds):
    events = icalendar.Calendar.from_ical(feeds["calendars/all-wards.ics"]).walk("VEVENT")
    assert len(events) == len(EXPECTED_UTC)
    for event in events:
        for name in ("DTSTART", "DTEND"):
            assert event[name].params["TZID"] == "Europe/London"
            assert event[name].to_ical()[-2:] in (b"00", "00")  # local time, never UTC "Z"


def _events_by_client(content: bytes) -> dict[str, list[tuple[str, str, str]]]:
    """(summary, UTC start, UTC end) of each event, as four independent libraries read it."""
    text = content.decode("utf-8")
    found: dict[str, list[tuple[str, str, str]]] = {}
    stream = IcsCalendarStream.calendar_from_ics(text)
    found["ical (Home Assistant)"] = [
        (str(e.summary), utc(e.dtstart), utc(e.dtend)) for e in stream.events
    ]
    found["ics"] = [
        (e.name, utc(e.begin.datetime), utc(e.end.datetime)) for e in ics.Calendar(text).events
    ]
    parsed = vobject.readOne(text, validate=True)
    found["vobject"] = [
        (e.summary.value, utc(e.dtstart.value), utc(e.dtend.value))
        for e in getattr(parsed, "vevent_list", [])
    ]
    recurring = recurring_ical_events.of(icalendar.Calendar.from_ical(content)).between(
        datetime(2020, 1, 1), datetime(2030, 1, 1)
    )
    found["icalendar + recurring-ical-events"] = [
        (str(e["SUMMARY"]), utc(e.decoded("DTSTART")), utc(e.decoded("DTEND"))) for e in recurring
    ]
    return {client: sorted(events) for client, events in found.items()}


def test_every_client_reads_every_meeting_at_the_right_moment(feeds):
    for key in ("online", "hybrid"):
        start, end = EXPECTED_UTC[key]
        summary = "Clock Ward ward panel meeting"
        single = feeds[f"calendars/clock-ward/clock-ward-{start[:10]}.ics"]
        for client, events in _events_by_client(single).items():
            assert events == [(summary, start, end)], (client, key)
    expected = sorted(
        (("Cancelled: " if key == "cancelled" else "") + "Clock Ward ward panel meeting", s, e)
        for key, (s, e) in EXPECTED_UTC.items()
    )
    for client, events in _events_by_client(feeds["calendars/clock-ward.ics"]).items():
        assert events == expected, client


def test_a_ward_with_no_meetings_still_gets_a_valid_feed(feeds):
    for client, events in _events_by_client(feeds["calendars/quiet-ward.ics"]).items():
        assert events == [], client


def test_cancelled_meetings_stay_listed_as_cancelled(feeds):
    event = _event(feeds, "cancelled")
    assert event["STATUS"] == "CANCELLED"
    assert event["TRANSP"] == "TRANSPARENT"
    assert str(event["SUMMARY"]).startswith("Cancelled: ")
    assert "Join online" not in str(event["DESCRIPTION"])


def _event(feeds, key: str) -> icalendar.Event:
    """The meeting `key` in the ward's feed, found by its start."""
    calendar = icalendar.Calendar.from_ical(feeds["calendars/clock-ward.ics"])
    start = EXPECTED_UTC[key][0]
    (event,) = [e for e in calendar.walk("VEVENT") if utc(e.decoded("DTSTART")) == start]
    assert isinstance(event, icalendar.Event)
    return event


def test_every_event_says_where_how_and_links_the_ward_page(feeds):
    hybrid = _event(feeds, "hybrid")
    assert str(hybrid["LOCATION"]) == "Hall, 1 Road, E3 2AA, and online"
    assert str(hybrid["URL"]) == "https://wardpanels.example.org/sub/wards/clock-ward/"
    assert "Join online: https://example.org/join" in str(hybrid["DESCRIPTION"])
    assert "Open to anyone who lives or works in the ward" in str(hybrid["DESCRIPTION"])
    online = _event(feeds, "online")
    assert str(online["LOCATION"]) == "Online"
    assert "Agenda: Minutes; Police update" in str(online["DESCRIPTION"])
    assert "Access: Step-free" in str(_event(feeds, "cancelled")["DESCRIPTION"])


def test_events_are_sorted_by_start_and_uids_are_unique(feeds):
    calendar = icalendar.Calendar.from_ical(feeds["calendars/all-wards.ics"])
    events = calendar.walk("VEVENT")
    starts = [e.decoded("DTSTART") for e in events]
    assert starts == sorted(starts)
    uids = [str(e["UID"]) for e in events]
    assert len(uids) == len(set(uids))


def test_the_uid_follows_the_meeting_id_not_its_position(project, site):
    before = _event(render(site), "summer")["UID"]
    reordered = WARD.replace("  - {id: winter", "  - {id: zzz-first").replace(
        "meetings:\n",
        "meetings:\n  - {id: first, date: 2026-01-01, start: 10:00, end: 11:00,"
        " format: online, online: 'https://example.org/'}\n",
    )
    project("wards/clock-ward.yml", reordered)
    root = project.root
    again = load_site(Sources(root, root / "wards", root / "glossary"), SETTINGS, NOW)
    assert _event(render(again), "summer")["UID"] == before


def test_renaming_the_borough_or_the_site_moves_no_event(site):
    renamed = SETTINGS.model_copy(update={"borough": "Renamed", "site_name": "Other name"})
    assert _event(render(site, renamed), "summer")["UID"] == _event(render(site), "summer")["UID"]
    moved = Settings(site_name="x", borough="x", site_url="https://elsewhere.example/")
    assert _event(render(site, moved), "summer")["UID"] != _event(render(site), "summer")["UID"]
    pinned = moved.model_copy(update={"id_domain": "wardpanels.example.org"})
    assert _event(render(site, pinned), "summer")["UID"] == _event(render(site), "summer")["UID"]


def test_two_events_with_one_uid_stop_the_build(site, monkeypatch):
    monkeypatch.setattr("wardpanels.calendars.uid", lambda settings, record, meeting: "same")
    with pytest.raises(ValueError, match="same UID"):
        render(site)


def test_google_and_outlook_links_take_utc_times(site):
    record = next(r for r in site.wards if r.slug == "clock-ward")
    summer = next(m for m in record.ward.meetings if m.id == "summer")
    text = event_text(SETTINGS, ENGLISH_LANGUAGE, record, summer, Localiser(ENGLISH_LANGUAGE))
    assert "dates=20260617T180000Z%2F20260617T193000Z" in google_link(text, summer)
    link = outlook_link(text, summer)
    assert "startdt=2026-06-17T18%3A00%3A00Z" in link
    assert "enddt=2026-06-17T19%3A30%3A00Z" in link


def test_long_lines_fold_at_75_octets_without_splitting_a_character():
    from wardpanels.calendars import _folded

    line = "SUMMARY:" + "বাংলা ward panel meeting " * 6
    folded = _folded(line)
    parts = folded.removesuffix(b"\r\n").split(b"\r\n ")
    assert all(len(part) <= 75 for part in parts[:1]) and all(len(p) <= 74 for p in parts[1:])
    assert all(part.decode("utf-8") for part in parts)  # every piece is whole characters
    assert b"".join(parts).decode("utf-8") == line


READER = ROOT / "tests" / "js" / "read_feed.mjs"


def test_thunderbirds_parser_reads_every_meeting_from_the_embedded_time_zone(feeds, tmp_path):
    """ical.js (Thunderbird) has no time zone data of its own: it uses only the VTIMEZONE
    in the file, so this checks the embedded Europe/London rules, clock changes included."""
    node = shutil.which("node")
    if node is None or not (ROOT / "tests" / "js" / "node_modules" / "ical.js").exists():
        message = "Node.js and ical.js are needed: run 'make test', which installs ical.js"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    feed = tmp_path / "clock-ward.ics"
    feed.write_bytes(feeds["calendars/clock-ward.ics"])
    result = subprocess.run(
        [node, str(READER), str(feed)], capture_output=True, text=True, check=True, timeout=60
    )
    events = sorted((e["start"][:16], e["end"][:16]) for e in json.loads(result.stdout))
    assert events == sorted(EXPECTED_UTC.values())
    assert {e["zone"] for e in json.loads(result.stdout)} == {"Europe/London"}

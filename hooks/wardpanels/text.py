"""Words residents read: GOV.UK-style dates and times, places, and the slugs in URLs."""

from __future__ import annotations

import re
from datetime import date, time

from .model import Meeting


def slugify(name: str) -> str:
    """A ward's URL name: `St Katharine's & Wapping` → `st-katharines-and-wapping`."""
    text = name.lower().replace("&", " and ")
    text = re.sub("['\u2018\u2019]", "", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def anchor_id(term: str) -> str:
    """A glossary entry's stable id: `PCSO` → `pcso`, `A&E` → `a-e`, `Met Engage` → `met-engage`."""
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


# Spelled out here, not taken from the locale, so every machine writes the same English.
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """`Tuesday 24 February 2026`: the GOV.UK style, never `24th`."""
    return f"{DAYS[day.weekday()]} {short_date(day)}"


def short_date(day: date) -> str:
    """`24 February 2026`."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def month_year(day: date) -> str:
    """`February 2026`, for grouping meetings by month."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def clock_time(moment: time) -> str:
    """`7pm`, `8:30pm`, `midday`, `midnight`, as GOV.UK writes times."""
    if moment.hour == 12 and moment.minute == 0:
        return "midday"
    if moment.hour == 0 and moment.minute == 0:
        return "midnight"
    hour = moment.hour % 12 or 12
    suffix = "am" if moment.hour < 12 else "pm"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{suffix}"


def time_range(start: time, end: time) -> str:
    """`7pm to 8:30pm`."""
    return f"{clock_time(start)} to {clock_time(end)}"


def when(day: date, start: time, end: time) -> str:
    """`Tuesday 24 February 2026, 7pm to 8:30pm`."""
    return f"{long_date(day)}, {time_range(start, end)}"


def place(meeting: Meeting) -> str:
    """Where a meeting is, in one line: `Roman Road Library, 1 Example Road, E3 2AA`."""
    if meeting.venue is None:
        return "Online"
    venue = meeting.venue
    parts = [venue.name, venue.address, venue.postcode.upper() if venue.postcode else None]
    where = ", ".join(part for part in parts if part)
    return f"{where}, and online" if meeting.format == "hybrid" else where

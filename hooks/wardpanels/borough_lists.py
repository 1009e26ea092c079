"""The borough's lists: every coming meeting by month, and wards or words A to Z."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from . import schedule
from .i18n import Language
from .site import Site
from .text import anchor_id
from .ward_views import MeetingView, meeting_view


def borough_upcoming(site: Site) -> list[MeetingView]:
    """Every ward's coming meetings, soonest first."""
    found = [
        meeting_view(record, meeting, site.now)
        for record in site.wards
        for meeting in schedule.upcoming(record.ward.meetings, site.now)
    ]
    return sorted(found, key=lambda view: (schedule.starts(view.meeting), view.record.ward.name))


def by_month(
    meetings: list[MeetingView], language: Language
) -> list[tuple[str, list[MeetingView]]]:
    """Meetings grouped by month, in date order."""
    groups: dict[str, list[MeetingView]] = {}
    for view in meetings:
        groups.setdefault(language.month_year(view.meeting.date), []).append(view)
    return list(groups.items())


@dataclass(frozen=True)
class Letter:
    """A heading of an A to Z list, and its anchor."""

    label: str
    anchor: str


# Generated anchors hold "_", which no term's or ward's id can (anchor_id, slugs): a
# glossary term "Letter A" keeps its id `letter-a`, and the heading A keeps `letter_a`.
# Markup, so that the templates do not escape the "_" as Markdown.
LETTER_ANCHOR = Markup("letter_{}")


def letter_of(name: str) -> Letter:
    first = name[:1].upper()
    if first.isdigit():
        return Letter("0 to 9", LETTER_ANCHOR.format("0-9"))
    return Letter(first, LETTER_ANCHOR.format(anchor_id(first) or "other"))


def by_letter(items: list[Any], name: Callable[[Any], str]) -> list[tuple[Letter, list[Any]]]:
    """Items under the first letter of their name, in the order given."""
    groups: dict[Letter, list[Any]] = {}
    for item in items:
        groups.setdefault(letter_of(name(item)), []).append(item)
    return sorted(groups.items(), key=lambda group: (group[0].label != "0 to 9", group[0].label))

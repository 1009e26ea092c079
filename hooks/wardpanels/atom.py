"""Atom feeds of what changes in each ward: for readers, newsletters and other sites.

An entry for each priority agreed, achieved or closed, each "You said, we did" report and
each meeting (new, changed or cancelled). Ids are stable, and every date comes from the
data or from git history, never from the build's clock.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import cache, partial
from xml.etree.ElementTree import Element, SubElement, tostring

from .clock import london
from .history import meeting_identity
from .i18n import ENGLISH_LANGUAGE
from .outputs import FilePlan, planned
from .routes import (
    ALL_FEED,
    ENGLISH,
    SCRUTINY_FEED,
    Section,
    action_anchor,
    borough_feed,
    priority_anchor,
    scrutiny_feed,
    ward_feed,
)
from .scrutiny import ActionPlan
from .settings import Settings
from .site import Site, WardRecord

ATOM = "http://www.w3.org/2005/Atom"
# Feed readers fetch a feed again and again: each carries only its newest entries, as
# most sites' feeds do, so the borough's stays small however many wards it covers.
FEED_LENGTH = 100


@dataclass(frozen=True)
class Entry:
    key: str
    title: str
    updated: datetime
    link: str
    summary: str


def _day(day: date) -> datetime:
    return london(day, time(0, 0))


def ward_entries(record: WardRecord, settings: Settings) -> list[Entry]:
    ward = record.ward
    page = ENGLISH.ward(record.slug)

    def link(anchor: str) -> str:
        return settings.page_url(page.at(anchor).url)

    sample = "Sample information, not real: " if ward.sample else ""
    entries = []
    for p in ward.priorities:
        anchor = link(priority_anchor(p.id))
        entries.append(
            Entry(
                f"priority/{p.id}/agreed",
                f"{ward.name}: new priority, {p.title}",
                _day(p.agreed),
                anchor,
                sample + (p.detail or p.title),
            )
        )
        if p.closed_on:
            entries.append(
                Entry(
                    f"priority/{p.id}/{p.status}",
                    f"{ward.name}: priority {p.status}, {p.title}",
                    _day(p.closed_on),
                    anchor,
                    sample + (p.outcome or p.title),
                )
            )
    for f in ward.feedback:
        digest = hashlib.sha256(f.we_did.encode()).hexdigest()[:10]
        said = f"You said: {f.you_said} " if f.you_said else ""
        entries.append(
            Entry(
                f"feedback/{f.date.isoformat()}/{digest}",
                f"{ward.name}: you said, we did ({ENGLISH_LANGUAGE.long_date(f.date)})",
                _day(f.date),
                link(Section.FEEDBACK),
                f"{sample}{said}We did: {f.we_did}",
            )
        )
    for meeting in ward.meetings:
        key = meeting_identity(meeting)
        revision = record.history.meetings[key]
        change = (
            "cancelled"
            if meeting.status == "cancelled"
            else "changed"
            if revision.sequence
            else "new"
        )
        entries.append(
            Entry(
                f"meeting/{key}",
                f"{ward.name}: {change} meeting, "
                f"{ENGLISH_LANGUAGE.when(meeting.date, meeting.start, meeting.end)}",
                revision.modified,
                link(Section.MEETINGS),
                sample + (meeting.note or "Ward panel meeting"),
            )
        )
    return entries


def _feed(
    settings: Settings,
    key: str,
    title: str,
    link: str,
    entries: list[tuple[str, Entry]],
    fallback: datetime,
) -> bytes:
    feed = Element("feed", xmlns=ATOM)
    SubElement(feed, "id").text = _id(settings, key)
    SubElement(feed, "title").text = title
    SubElement(feed, "link", rel="alternate", href=link)
    SubElement(feed, "link", rel="self", href=settings.page_url(ward_feed(key).url))
    newest = max((entry.updated for _, entry in entries), default=fallback)
    SubElement(feed, "updated").text = newest.isoformat(timespec="seconds")
    SubElement(SubElement(feed, "author"), "name").text = f"{settings.borough} ward panels"
    ordered = sorted(
        entries, key=lambda pair: (pair[1].updated, pair[0], pair[1].key), reverse=True
    )
    for slug, entry in ordered[:FEED_LENGTH]:
        item = SubElement(feed, "entry")
        SubElement(item, "id").text = _id(settings, f"{slug}/{entry.key}")
        SubElement(item, "title").text = entry.title
        SubElement(item, "link", rel="alternate", href=entry.link)
        SubElement(item, "updated").text = entry.updated.isoformat(timespec="seconds")
        SubElement(item, "summary").text = entry.summary
    # Serialised as text and encoded once: ElementTree's byte writer is ten times slower.
    xml = tostring(feed, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + xml).encode()


def _id(settings: Settings, key: str) -> str:
    """A tag URI from the site's identity domain, never from a display name: the same for
    the same thing whatever the borough or the site is called."""
    return f"tag:{settings.id_domain},2026:{key}"


def plan_entries(plan: ActionPlan, settings: Settings) -> list[Entry]:
    """An entry for each progress report on an action of the scrutiny action plan."""
    page = ENGLISH.scrutiny()
    entries = []
    for recommendation in plan.recommendations:
        for action in recommendation.actions:
            link = settings.page_url(page.at(action_anchor(recommendation.number, action.id)).url)
            for update in action.updates:
                digest = hashlib.sha256(update.note.encode()).hexdigest()[:10]
                due = (
                    f" Due date now {ENGLISH_LANGUAGE.long_date(update.due)}." if update.due else ""
                )
                entries.append(
                    Entry(
                        f"{recommendation.number}/{action.id}/{update.date.isoformat()}/{digest}",
                        f"Recommendation {recommendation.number}: {action.action}: "
                        f"{ENGLISH_LANGUAGE.text(update.status.label).lower()}",
                        _day(update.date),
                        link,
                        f"{update.note}{due}",
                    )
                )
    return entries


def render_feeds(site: Site, settings: Settings) -> FilePlan:
    """A feed for each ward, one for the borough, and one for the scrutiny action plan.
    Each ward's entries are made once, for its own feed and the borough's."""
    entries = {record.slug: cache(partial(_entries, record, settings)) for record in site.wards}
    feeds = [
        planned(ward_feed(record.slug), _ward_feed, site, settings, record, entries[record.slug])
        for record in site.wards
    ]
    feeds.append(planned(borough_feed(), _borough_feed, site, settings, list(entries.values())))
    if site.plan is not None:
        feeds.append(planned(scrutiny_feed(), _scrutiny_feed, site, settings, site.plan))
    return FilePlan(tuple(feeds))


_Entries = Callable[[], list[tuple[str, Entry]]]


def _entries(record: WardRecord, settings: Settings) -> list[tuple[str, Entry]]:
    return [(record.slug, entry) for entry in ward_entries(record, settings)]


def _ward_feed(site: Site, settings: Settings, record: WardRecord, entries: _Entries) -> bytes:
    return _feed(
        settings,
        record.slug,
        f"{record.ward.name} ward panel: updates",
        settings.page_url(ENGLISH.ward(record.slug).url),
        entries(),
        record.history.updated or site.now,
    )


def _borough_feed(site: Site, settings: Settings, entries: list[_Entries]) -> bytes:
    return _feed(
        settings,
        ALL_FEED,
        f"{settings.borough} ward panels: updates",
        settings.site_url,
        [entry for made in entries for entry in made()],
        site.now,
    )


def _scrutiny_feed(site: Site, settings: Settings, plan: ActionPlan) -> bytes:
    return _feed(
        settings,
        SCRUTINY_FEED,
        f"{settings.borough} ward panels: scrutiny action plan updates",
        settings.page_url(ENGLISH.scrutiny().url),
        [(SCRUTINY_FEED, entry) for entry in plan_entries(plan, settings)],
        site.now,
    )

"""Open data under /data/: the same information as the pages, for other tools to reuse.

JSON for every ward and for each one, CSV tables of meetings and priorities (safe to open
in a spreadsheet), and each ward's priorities and events in the shape of the data.police.uk
neighbourhood API, so tools that read that API can read ours. Published under the Open
Government Licence v3.0.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from functools import cache, partial
from typing import Any

import pydantic_core
from pydantic import BaseModel, ConfigDict, Field

from . import routes, schedule
from .history import meeting_identity
from .model import Meeting, Ward
from .outputs import FilePlan, planned
from .postcodes import OGL_URL
from .settings import Settings
from .site import Site, WardRecord
from .standards import Status
from .tracker import PlanView, plan_view

# OWASP's guidance on CSV injection: a cell that starts with one of these, even after
# quotes or spaces, can run as a formula in a spreadsheet (the full-width forms too).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


class NextMeeting(BaseModel):
    """The next meeting that goes ahead."""

    date: str = Field(description="YYYY-MM-DD")
    start: str = Field(description="HH:MM, London time")
    end: str = Field(description="HH:MM, London time")
    place: str = Field(description="Where, or 'Online'")


class WardSummary(BaseModel):
    """One ward in wards.json: its own data, and what the site works out from it."""

    model_config = ConfigDict(title="Ward, as published")

    slug: str = Field(description="The ward's name in its web address")
    name: str
    sample: bool = Field(description="True when the ward's meetings and priorities are examples")
    gss_code: str | None = Field(description="ONS ward code")
    page: str = Field(description="The ward's page")
    calendar: str = Field(description="The ward's iCalendar feed")
    data: str = Field(description="This ward's own JSON file")
    next_meeting: NextMeeting | None = Field(description="The next meeting that goes ahead")
    current_priorities: list[str] = Field(description="Titles of the active priorities")
    ward: dict[str, Any] = Field(description="The ward file as published, see ward.schema.json")


class WardsFile(BaseModel):
    """wards.json: every ward."""

    model_config = ConfigDict(title="Ward panels open data")

    licence: str
    generated: str = Field(description="When the data was built, ISO 8601")
    wards: list[WardSummary]


def _place(meeting: Meeting) -> str:
    return meeting.venue.name if meeting.venue else "Online"


def summary(record: WardRecord, site: Site, settings: Settings) -> WardSummary:
    upcoming = schedule.next_meeting(record.ward.meetings, site.now)
    return WardSummary(
        slug=record.slug,
        name=record.ward.name,
        sample=record.ward.sample,
        gss_code=record.ward.gss_code,
        page=settings.page_url(routes.ENGLISH.ward(record.slug).url),
        calendar=settings.page_url(routes.ENGLISH.ward_calendar(record.slug).url),
        data=settings.page_url(routes.ward_data(record.slug).url),
        next_meeting=NextMeeting(
            date=upcoming.date.isoformat(),
            start=f"{upcoming.start:%H:%M}",
            end=f"{upcoming.end:%H:%M}",
            place=_place(upcoming),
        )
        if upcoming
        else None,
        current_priorities=[p.title for p in schedule.current_priorities(record.ward.priorities)],
        ward=record.ward.model_dump(mode="json", exclude_defaults=True),
    )


def safe_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula (OWASP: prefix an
    apostrophe to a cell that starts with a formula character, even after a quote)."""
    text = "" if value is None else str(value)
    bare = text.lstrip("\"' ")
    return (
        "'" + text if bare.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS) else text
    )


def _csv(header: list[str], rows: Sequence[Sequence[object]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
    return out.getvalue().encode("utf-8")


def _json(data: Any) -> bytes:
    """Indented UTF-8 JSON, byte for byte what `json.dumps(indent=2, ensure_ascii=False)`
    writes, by pydantic's Rust encoder: Python's own is slow once it indents."""
    return pydantic_core.to_json(data, indent=2) + b"\n"


def police_priorities(ward: Ward) -> list[dict[str, str | None]]:
    """Priorities in data.police.uk's neighbourhood priorities shape."""
    latest = {}
    for entry in sorted(ward.feedback, key=lambda f: f.date):
        if entry.priority:
            latest[entry.priority] = entry
    found = []
    for priority in ward.priorities:
        action = latest.get(priority.id)
        found.append(
            {
                "issue": priority.title,
                "issue-date": f"{priority.agreed.isoformat()}T00:00:00",
                "action": action.we_did if action else priority.outcome,
                "action-date": f"{action.date.isoformat()}T00:00:00"
                if action
                else (f"{priority.closed_on.isoformat()}T00:00:00" if priority.closed_on else None),
            }
        )
    return found


def police_events(record: WardRecord, settings: Settings) -> list[dict[str, str]]:
    """Meetings in data.police.uk's neighbourhood events shape."""
    events = []
    for meeting in sorted(record.ward.meetings, key=schedule.starts):
        address = (
            ", ".join(
                filter(None, [meeting.venue.name, meeting.venue.address, meeting.venue.postcode])
            )
            if meeting.venue
            else "Online"
        )
        events.append(
            {
                "title": ("Cancelled: " if meeting.status == "cancelled" else "")
                + f"{record.ward.name} ward panel meeting",
                "description": (
                    "Sample information, not a real meeting. " if record.ward.sample else ""
                )
                + (
                    meeting.note
                    or f"More: {settings.page_url(routes.ENGLISH.ward(record.slug).url)}"
                ),
                "address": address,
                "type": "meeting",
                "start_date": schedule.starts(meeting).isoformat(timespec="seconds"),
                "end_date": schedule.ends(meeting).isoformat(timespec="seconds"),
            }
        )
    return events


def plan_data(view: PlanView, site: Site, settings: Settings) -> dict[str, Any]:
    """scrutiny.json: the plan as published, with what the site works out from it."""
    page = routes.ENGLISH.scrutiny()
    return {
        "licence": OGL_URL,
        "generated": site.now.isoformat(timespec="seconds"),
        "page": settings.page_url(page.url),
        "title": view.plan.title,
        "review": view.plan.review,
        "agreed": view.plan.agreed.isoformat(),
        "link": view.plan.link,
        "summary": {
            "actions": view.total,
            **{status.value: count for status, count in view.counts},
            "overdue": view.overdue,
        },
        "recommendations": [
            {
                "number": r.recommendation.number,
                "title": r.recommendation.title,
                "standard": r.recommendation.standard,
                "page": settings.page_url(page.at(r.anchor).url),
                "panels_against_standard": {
                    status.value: r.evidence.count(status) for status in Status
                }
                if r.evidence
                else None,
                "actions": [
                    {
                        **a.action.model_dump(mode="json", exclude={"updates"}),
                        "current_due": a.due.isoformat(),
                        "overdue": a.overdue,
                        "page": settings.page_url(page.at(a.anchor).url),
                        "updates": [
                            u.model_dump(mode="json", exclude_none=True) for u in a.action.updates
                        ],
                    }
                    for a in r.actions
                ],
            }
            for r in view.recommendations
        ],
    }


PLAN_COLUMNS = [
    "recommendation",
    "recommendation_title",
    "standard",
    "action_id",
    "action",
    "owner",
    "due",
    "current_due",
    "status",
    "overdue",
    "latest_update",
    "latest_note",
    "page",
]


def plan_rows(view: PlanView, settings: Settings) -> list[list[object]]:
    """scrutiny.csv: one row an action."""
    page = routes.ENGLISH.scrutiny()
    return [
        [
            r.recommendation.number,
            r.recommendation.title,
            r.recommendation.standard or "",
            a.action.id,
            a.action.action,
            a.action.owner,
            a.action.due.isoformat(),
            a.due.isoformat(),
            a.action.status.value,
            "yes" if a.overdue else "no",
            a.latest.date.isoformat() if a.latest else "",
            a.latest.note if a.latest else "",
            settings.page_url(page.at(a.anchor).url),
        ]
        for r in view.recommendations
        for a in r.actions
    ]


def render_open_data(site: Site, settings: Settings) -> FilePlan:
    """Every open data file: the scrutiny action plan's, when the borough has one, then the
    wards'."""
    files = []
    if site.plan is not None:
        view = cache(partial(plan_view, site.plan, site))
        files += [
            planned(routes.scrutiny_data(), _plan_json, view, site, settings),
            planned(routes.scrutiny_table(), _plan_csv, view, settings),
        ]
    summaries = cache(partial(_summaries, site, settings))
    files += [
        planned(routes.wards_data(), _wards_json, site, summaries),
        planned(routes.wards_data_schema(), _wards_schema),
    ]
    for number, record in enumerate(site.wards):
        files += [
            planned(routes.ward_data(record.slug), _ward_json, summaries, number),
            planned(routes.ward_police_priorities(record.slug), _police_priorities, record),
            planned(routes.ward_police_events(record.slug), _police_events, record, settings),
        ]
    files += [
        planned(routes.meetings_data(), _meetings_csv, site, settings),
        planned(routes.priorities_data(), _priorities_csv, site),
    ]
    return FilePlan(tuple(files))


def _plan_json(view: Callable[[], PlanView], site: Site, settings: Settings) -> bytes:
    return _json(plan_data(view(), site, settings))


def _plan_csv(view: Callable[[], PlanView], settings: Settings) -> bytes:
    return _csv(PLAN_COLUMNS, plan_rows(view(), settings))


def _summaries(site: Site, settings: Settings) -> list[WardSummary]:
    return [summary(record, site, settings) for record in site.wards]


def _wards_json(site: Site, summaries: Callable[[], list[WardSummary]]) -> bytes:
    generated = site.now.isoformat(timespec="seconds")
    wards = WardsFile(licence=OGL_URL, generated=generated, wards=summaries())
    return _json(wards.model_dump(mode="json"))


def _wards_schema() -> bytes:
    return _json(
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            **WardsFile.model_json_schema(),
        }
    )


def _ward_json(summaries: Callable[[], list[WardSummary]], number: int) -> bytes:
    return _json(summaries()[number].model_dump(mode="json"))


def _police_priorities(record: WardRecord) -> bytes:
    return _json(police_priorities(record.ward))


def _police_events(record: WardRecord, settings: Settings) -> bytes:
    return _json(police_events(record, settings))


MEETING_COLUMNS = [
    "ward",
    "ward_slug",
    "sample",
    "meeting",
    "date",
    "start",
    "end",
    "status",
    "format",
    "public",
    "venue",
    "address",
    "postcode",
    "online",
    "page",
]


def _meetings_csv(site: Site, settings: Settings) -> bytes:
    meetings = []
    for record in site.wards:
        ward = record.ward
        for meeting in sorted(ward.meetings, key=schedule.starts):
            meetings.append(
                [
                    ward.name,
                    record.slug,
                    "yes" if ward.sample else "no",
                    meeting_identity(meeting),
                    meeting.date.isoformat(),
                    f"{meeting.start:%H:%M}",
                    f"{meeting.end:%H:%M}",
                    meeting.status,
                    meeting.format,
                    "yes" if meeting.public else "no",
                    meeting.venue.name if meeting.venue else "",
                    meeting.venue.address if meeting.venue else "",
                    meeting.venue.postcode if meeting.venue else "",
                    meeting.online or "",
                    settings.page_url(routes.ENGLISH.ward(record.slug).url),
                ]
            )
    return _csv(MEETING_COLUMNS, meetings)


PRIORITY_COLUMNS = [
    "ward",
    "ward_slug",
    "sample",
    "id",
    "title",
    "set_by",
    "status",
    "agreed",
    "review",
    "closed_on",
    "review_overdue",
]


def _priorities_csv(site: Site) -> bytes:
    priorities = []
    for record in site.wards:
        ward = record.ward
        for priority in ward.priorities:
            priorities.append(
                [
                    ward.name,
                    record.slug,
                    "yes" if ward.sample else "no",
                    priority.id,
                    priority.title,
                    priority.set_by,
                    priority.status,
                    priority.agreed.isoformat(),
                    priority.review.isoformat() if priority.review else "",
                    priority.closed_on.isoformat() if priority.closed_on else "",
                    "yes"
                    if schedule.is_overdue(
                        priority, site.now.date(), schedule.last_review(ward, site.now)
                    )
                    else "no",
                ]
            )
    return _csv(PRIORITY_COLUMNS, priorities)

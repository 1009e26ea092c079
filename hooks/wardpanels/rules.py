"""Rules that span records: unique ids, and references that must point at something.

Field-level rules live in the model; these need a whole ward, or every glossary file.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from .errors import Problem
from .loading import Document
from .lookalike import skeleton
from .model import GlossaryTerm, Ward
from .text import anchor_id
from .validation import problem_at


def ward_problems(document: Document, ward: Ward, now: datetime) -> Iterator[Problem]:
    """Duplicate ids, meetings a calendar could not tell apart, unknown priority ids, and
    dates that cannot be right yet."""
    yield from _duplicates(
        document,
        "priorities",
        "id",
        [p.id for p in ward.priorities],
        "another priority already has the id '{}'; ids must be unique in a ward and never reused",
    )
    yield from _duplicates(
        document,
        "meetings",
        "id",
        [m.id for m in ward.meetings],
        "another meeting already has the id '{}'",
    )
    undated = [m.date.isoformat() if m.id is None else None for m in ward.meetings]
    yield from _duplicates(
        document,
        "meetings",
        "date",
        undated,
        "two meetings on {} have no 'id:'; give each one an id so "
        "people's calendars can tell them apart",
    )
    # A meeting without an id is known by its date: an id that looks like another
    # meeting's date would give two events one identity.
    dated = {m.date.isoformat() for m in ward.meetings if m.id is None}
    for index, meeting in enumerate(ward.meetings):
        if meeting.id is not None and meeting.id in dated:
            yield problem_at(
                document,
                ("meetings", index, "id"),
                f"'{meeting.id}' is the date of another meeting, which is known by its date; "
                "give this meeting an id that is not a date, like 'winter-2026'",
            )
    yield from _duplicates(
        document,
        "feedback",
        "date",
        [f"{f.date.isoformat()} {f.priority or ''}".strip() for f in ward.feedback],
        "another report has the same date and priority ({}); join the two into one report, "
        "so each can be linked to and translated",
    )
    today = now.date()
    for index, priority in enumerate(ward.priorities):
        if priority.closed_on and priority.closed_on > today:
            yield problem_at(
                document,
                ("priorities", index, "closed_on"),
                f"{priority.closed_on.isoformat()} has not come yet: a priority is achieved or "
                "closed on the day it happens, so keep it active until then",
            )
    known = {priority.id for priority in ward.priorities}
    for index, entry in enumerate(ward.feedback):
        if entry.priority is not None and entry.priority not in known:
            hint = f" Priorities here: {', '.join(sorted(known))}." if known else ""
            yield problem_at(
                document,
                ("feedback", index, "priority"),
                f"there is no priority with the id '{entry.priority}' in this ward.{hint}",
            )


def _duplicates(
    document: Document, section: str, key: str, values: list[str | None], message: str
) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value is None:
            continue
        if value in seen:
            yield problem_at(document, (section, index, key), message.format(value))
        seen.add(value)


@dataclass(frozen=True)
class PlacedTerm:
    """A glossary term with the file and list position it came from."""

    document: Document
    index: int
    term: GlossaryTerm


def glossary_problems(placed: Iterable[PlacedTerm]) -> Iterator[Problem]:
    """Terms defined twice (ignoring case, across files, or in letters that look the
    same), and see-also links to nowhere."""
    placed = list(placed)
    first: dict[str, PlacedTerm] = {}
    looks: dict[str, PlacedTerm] = {}
    for entry in placed:
        key = anchor_id(entry.term.term)
        earlier = first.get(key) or looks.get(skeleton(entry.term.term))
        if earlier is not None:
            mark = earlier.document.mark_of((earlier.index, "term"))
            yield problem_at(
                entry.document,
                (entry.index, "term"),
                f"'{entry.term.term}' is already in the glossary "
                f"({earlier.document.path}, line {mark.line})",
            )
        else:
            first[key] = looks[skeleton(entry.term.term)] = entry
    for entry in placed:
        for position, other in enumerate(entry.term.see_also):
            if anchor_id(other) not in first:
                yield problem_at(
                    entry.document,
                    (entry.index, "see_also", position),
                    f"'{other}' is not a term in the glossary",
                )

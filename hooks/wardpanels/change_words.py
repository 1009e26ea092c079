"""How the summary of a change words things, in English as the site writes it.

Meetings, priorities and reports are named as a reviewer recognises them (a meeting by its
date, time and place, a priority by its title), a field by the label editors see in the
form, and editors' own text is escaped, so it adds no formatting, link or HTML of its own
to the Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

from pydantic import BaseModel

from .i18n import ENGLISH_LANGUAGE
from .model import Feedback, Meeting, Priority, Ward
from .text import place

EN = ENGLISH_LANGUAGE


def when(meeting: Meeting) -> str:
    """`Wednesday 9 December 2026, 7pm to 8:30pm`, as the site writes it in English."""
    return EN.when(meeting.date, meeting.start, meeting.end)


def at(meeting: Meeting) -> str:
    """`at Roman Road Library, 1 Example Road, E3 2AA`, or `online`."""
    return "online" if meeting.venue is None else f"at {escaped(place(meeting, EN))}"


def meeting_words(meeting: Meeting) -> str:
    """`Wednesday 9 December 2026, 7pm to 8:30pm, at Roman Road Library, …`."""
    return f"{when(meeting)}, {at(meeting)}"


def priority_words(priority: Priority) -> str:
    """`“Drug dealing near the market”`: a priority by its title."""
    return f"“{escaped(priority.title)}”"


def report_words(entry: Feedback, ward: Ward) -> str:
    """`the report of 9 December 2026 about “…”`: a report by its date and priority."""
    about = next((p for p in ward.priorities if p.id == entry.priority), None)
    on = f"the report of {EN.short_date(entry.date)}"
    return f"{on} about {priority_words(about)}" if about else on


def field_label(model: type[BaseModel], name: str) -> str:
    """A field's label, as the model declares it for editors."""
    return model.model_fields[name].title or name.replace("_", " ")


def field_labels(model: type[BaseModel], names: Iterable[str]) -> str:
    """`time, agenda`: the labels of the fields that changed, in a sentence."""
    return ", ".join(field_label(model, name).lower() for name in names)


def counted(number: int, one: str, many: str | None = None) -> str:
    """`1 meeting`, `3 meetings`, `2 priorities` (given the plural that is not one + s)."""
    return f"{number} {one if number == 1 else (many or one + 's')}"


def listed(items: Sequence[str], *, quote: bool = True) -> str:
    """`“a”, “b” and “c”`: editors' words quoted (and escaped) unless `quote` is False."""
    shown = [f"“{escaped(item)}”" if quote else item for item in items]
    return shown[0] if len(shown) <= 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def as_sentence(text: str) -> str:
    """Editors' text as a sentence of the summary, with its full stop."""
    return escaped(text) + ("" if text.rstrip()[-1:] in ".!?" else ".")


def brief(text: str | None, most: int = 160) -> str:
    """An editor's Markdown as one short line: enough to recognise it."""
    flat = " ".join((text or "").split())
    return escaped(flat if len(flat) <= most else flat[: most - 1].rstrip() + "…")


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escaped(text: str | date) -> str:
    """Editors' text as literal Markdown: no formatting, links or HTML of its own."""
    return _MARKDOWN.sub(r"\\\1", str(text))

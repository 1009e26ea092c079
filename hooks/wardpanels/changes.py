"""What a change to the data does, in plain words, for a reviewer who is not a developer.

`wardpanels changes` loads the data at two revisions (revisions.py) and compares the two
models ward by ward: meetings added, moved, cancelled and reinstated; priorities added,
reviewed and ended; "You said, we did" reports; panel roles; translations; and what
people subscribed to a ward's calendar will see. Dates and times read as the site writes
them in English. The result is Markdown, for a pull request's job summary, and the list
of public pages that change, for the preview.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from pydantic import BaseModel

from .build import Loaded
from .history import NOT_IN_EVENT, meeting_identity
from .i18n import ENGLISH_LANGUAGE
from .localise import Key, feedback_identity
from .model import Feedback, GlossaryTerm, Meeting, Panel, PanelRole, Priority, Venue, Ward
from .routes import Route, Routes, poster
from .site import Site, WardRecord
from .text import place
from .translations import english_texts, term_texts

EN = ENGLISH_LANGUAGE
# Ward fields with a section of their own in the report; the rest are "other details".
_OWN_SECTIONS = ("name", "meetings", "priorities", "feedback", "panel")


@dataclass
class WardChanges:
    """Everything that changes for one ward, sentence by sentence, in report order."""

    name: str
    slug: str
    status: list[str] = field(default_factory=list)  # added, removed, renamed, moved address
    meetings: list[str] = field(default_factory=list)
    priorities: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    panel: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    translations: list[str] = field(default_factory=list)
    calendars: list[str] = field(default_factory=list)

    def sections(self) -> Iterator[tuple[str, list[str]]]:
        yield "Meetings", self.meetings
        yield "Priorities", self.priorities
        yield '"You said, we did"', self.reports
        yield "Panel roles", self.panel
        yield "Other details", self.details
        yield "Translations", self.translations
        yield "Calendars", self.calendars

    def __bool__(self) -> bool:
        return bool(self.status) or any(lines for _, lines in self.sections())


@dataclass(frozen=True)
class Changes:
    """The whole comparison: each ward's changes, the glossary's, and the pages to look at."""

    wards: tuple[WardChanges, ...]
    glossary: tuple[str, ...]
    pages: tuple[str, ...]  # public paths, as residents type them

    def markdown(self, base: str, head: str) -> str:
        lines = ["## What this change does", ""]
        lines += [f"Comparing {head} with {base}.", ""]
        if self.wards:
            names = [_escaped(ward.name) for ward in self.wards]
            verb = "changes" if len(names) == 1 else "change"
            lines += [f"{_count(len(names), 'ward')} {verb}: {_list(names, quote=False)}.", ""]
        if not self.wards and not self.glossary:
            lines.append(
                "Nothing changes in the wards, the glossary or their translations: residents "
                "will see the same meetings, priorities and reports."
            )
            return "\n".join(lines) + "\n"
        for ward in self.wards:
            lines += [f"### {_escaped(ward.name)}", ""]
            for sentence in ward.status:
                lines += [sentence, ""]
            for title, sentences in ward.sections():
                if sentences:
                    lines += [f"#### {title}", "", *(f"- {s}" for s in sentences), ""]
        if self.glossary:
            lines += ["### Glossary", "", *(f"- {s}" for s in self.glossary), ""]
        if self.pages:
            lines += ["### Pages to look at in the preview", ""]
            lines += [f"- `{page}`" for page in self.pages]
            lines.append("")
        return "\n".join(lines)


def compare(before: Loaded, after: Loaded) -> Changes:
    """What changes between two loaded revisions of the data."""
    old = {record.slug: record for record in before.site.wards}
    new = {record.slug: record for record in after.site.wards}
    pairs = [(old[slug], new[slug]) for slug in sorted(old.keys() & new.keys())]
    added = [new[slug] for slug in sorted(new.keys() - old.keys())]
    removed = [old[slug] for slug in sorted(old.keys() - new.keys())]
    moved = _moved_wards(removed, added)
    reports: list[WardChanges] = []
    touched: dict[str, set[str]] = {}  # slug at head → kinds of page that change
    for a, b in [*pairs, *moved]:
        report = WardChanges(b.ward.name, b.slug)
        if a.slug != b.slug:
            report.status.append(_new_address(before, after, a, b))
            report.calendars.append(
                "Subscribers to every ward's calendar will see each meeting of this ward "
                "replaced by a new event, as its new address is part of each event's identity."
            )
        kinds = _compare_ward(report, before.site, after.site, a, b)
        if report:
            reports.append(report)
            touched[b.slug] = kinds | ({"wards"} if a.slug != b.slug else set())
    for record in added:
        if any(record is b for _, b in moved):
            continue
        report = _added_ward(after, record)
        _translation_lines(
            report.translations,
            before.site,
            after.site,
            (record.slug, record.slug),  # no translation of a ward that was not there
            {},
            dict(english_texts(record.ward)),
            partial(_text_name, record.ward),
        )
        reports.append(report)
        touched[record.slug] = {"ward", "meetings", "priorities", "standards", "wards"}
    for record in removed:
        if any(record is a for a, _ in moved):
            continue
        reports.append(_removed_ward(before, record))
    glossary = list(_compare_glossary(before.site, after.site))
    reports.sort(key=lambda r: (r.name.lower(), r.slug))
    pages = _pages(after, touched, glossary=bool(glossary), lists=bool(removed))
    return Changes(tuple(reports), tuple(glossary), pages)


# Wards.


def _moved_wards(
    removed: list[WardRecord], added: list[WardRecord]
) -> list[tuple[WardRecord, WardRecord]]:
    """A file renamed: the same ward (its ONS code, or else its name) at a new address."""
    pairs = []
    for a in removed:
        for b in added:
            same_code = a.ward.gss_code is not None and a.ward.gss_code == b.ward.gss_code
            if same_code or a.ward.name.lower() == b.ward.name.lower():
                pairs.append((a, b))
                added = [other for other in added if other is not b]
                break
    return pairs


def _new_address(before: Loaded, after: Loaded, a: WardRecord, b: WardRecord) -> str:
    old_page = _public(before, Routes().ward(a.slug))
    new_page = _public(after, Routes().ward(b.slug))
    old_feed = _public(before, Routes().ward_calendar(a.slug))
    return (
        f"**Moves to a new address**: its page moves from `{old_page}` to `{new_page}`. Links, "
        f"posters and QR codes that use the old address will stop working, and people "
        f"subscribed to `{old_feed}` will get no more changes until they subscribe again."
    )


def _added_ward(after: Loaded, record: WardRecord) -> WardChanges:
    ward = record.ward
    report = WardChanges(ward.name, record.slug)
    page = _public(after, Routes().ward(record.slug))
    report.status.append(
        f"**New ward**, with its own page at `{page}`: {_count(len(ward.meetings), 'meeting')}, "
        f"{_count(len(ward.priorities), 'priority', 'priorities')} and "
        f"{_count(len(ward.feedback), 'report')}."
    )
    if ward.meetings:
        report.calendars.append(
            "The ward gets a calendar of its own; subscribers to every ward's calendar will see "
            f"its {_count(len(ward.meetings), 'meeting')} appear."
        )
    return report


def _removed_ward(before: Loaded, record: WardRecord) -> WardChanges:
    report = WardChanges(record.ward.name, record.slug)
    page = _public(before, Routes().ward(record.slug))
    report.status.append(
        f"**Removed**: its page `{page}`, its poster and its calendar will no longer be "
        "published. Links and QR codes to them will stop working."
    )
    if record.ward.meetings:
        report.calendars.append(
            "Subscribers to every ward's calendar will see its meetings disappear; subscribers "
            "to this ward's calendar keep what they have but get no more changes."
        )
    return report


def _compare_ward(
    report: WardChanges, old_site: Site, new_site: Site, a: WardRecord, b: WardRecord
) -> set[str]:
    """Fill `report` with what changes from `a` to `b`; return the kinds of page touched."""
    old, new = a.ward, b.ward
    kinds: set[str] = set()
    if old.name != new.name:
        report.status.append(f"**Renamed** from {_escaped(old.name)} to {_escaped(new.name)}.")
        report.calendars.append(
            f"Subscribers' calendars will show the new name, {_escaped(new.name)}, on every "
            "meeting of this ward."
        )
        kinds |= {"ward", "wards", "meetings", "priorities", "standards"}
    if _compare_meetings(report, old.meetings, new.meetings):
        kinds |= {"ward", "meetings", "standards"}
    if _compare_priorities(report, old.priorities, new.priorities):
        kinds |= {"ward", "priorities", "standards"}
    if _compare_reports(report, new, old.feedback, new.feedback):
        kinds |= {"ward", "standards"}
    if _compare_roles(report, old.panel.roles, new.panel.roles):
        kinds |= {"ward"}
    if _compare_details(report, old, new):
        kinds |= {"ward", "wards"}
    languages = _compare_translations(report, old_site, new_site, a, b)
    kinds |= {f"ward:{code}" for code in languages}
    return kinds


# Meetings.


def _when(meeting: Meeting) -> str:
    """`Wednesday 9 December 2026, 7pm to 8:30pm`, as the site writes it in English."""
    return EN.when(meeting.date, meeting.start, meeting.end)


def _at(meeting: Meeting) -> str:
    """`at Roman Road Library, 1 Example Road, E3 2AA`, or `online`."""
    return "online" if meeting.venue is None else f"at {_escaped(place(meeting, EN))}"


def _meeting(meeting: Meeting) -> str:
    """`Wednesday 9 December 2026, 7pm to 8:30pm, at Roman Road Library, …`."""
    return f"{_when(meeting)}, {_at(meeting)}"


def _address(meeting: Meeting) -> tuple[str, str, str | None] | None:
    """Where a meeting is, as people find it (not how the venue describes its access)."""
    venue = meeting.venue
    return (venue.name, venue.address, venue.postcode) if venue else None


def _compare_meetings(report: WardChanges, old: list[Meeting], new: list[Meeting]) -> bool:
    before = {meeting_identity(m): m for m in old}
    after = {meeting_identity(m): m for m in new}
    pairs = [(before[k], after[k], True) for k in before.keys() & after.keys()]
    gone = [before[k] for k in before.keys() - after.keys()]
    came = [after[k] for k in after.keys() - before.keys()]
    pairs += [(a, b, False) for a, b in _same_meetings(gone, came)]
    paired_old = {id(a) for a, _, _ in pairs}
    paired_new = {id(b) for _, b, _ in pairs}
    start = len(report.meetings) + len(report.calendars)
    for a, b, same_event in sorted(pairs, key=lambda pair: (pair[1].date, pair[1].start)):
        _meeting_change(report, a, b, same_event=same_event)
    for meeting in sorted(came, key=lambda m: (m.date, m.start)):
        if id(meeting) in paired_new:
            continue
        status = " It is marked as cancelled." if meeting.status == "cancelled" else ""
        report.meetings.append(f"**Added**: {_meeting(meeting)}.{status}")
        report.calendars.append(
            f"Subscribers' calendars will add the meeting on {_when(meeting)}"
            + (", as cancelled." if status else ".")
        )
    for meeting in sorted(gone, key=lambda m: (m.date, m.start)):
        if id(meeting) in paired_old:
            continue
        report.meetings.append(
            f"**Deleted** from the file: {_meeting(meeting)}. To tell residents a meeting is "
            "off, keep it and mark it `status: cancelled` instead."
        )
        report.calendars.append(
            f"Subscribers' calendars will drop the meeting on {_when(meeting)} without saying "
            "it is cancelled."
        )
    return len(report.meetings) + len(report.calendars) > start


def _same_meetings(gone: list[Meeting], came: list[Meeting]) -> list[tuple[Meeting, Meeting]]:
    """Meetings whose identity changed: an `id:` given to a meeting on the same date, or a
    meeting without one moved to another date (one without an id left, one arrived)."""
    pairs = []
    for a in gone:
        match = next((b for b in came if b.date == a.date), None)
        if match is not None:
            pairs.append((a, match))
            came = [b for b in came if b is not match]
    gone = [a for a in gone if all(a is not x for x, _ in pairs)]
    if len(gone) == 1 and len(came) == 1 and gone[0].id is None and came[0].id is None:
        pairs.append((gone[0], came[0]))
    return pairs


def _meeting_change(report: WardChanges, a: Meeting, b: Meeting, *, same_event: bool) -> None:
    timing = (a.date, a.start, a.end) != (b.date, b.start, b.end)
    elsewhere = _address(a) != _address(b)
    if elsewhere:
        report.meetings.append(f"**Moved**: from {_meeting(a)} → to {_meeting(b)}.")
    elif timing:
        still = "still online" if b.venue is None else f"still {_at(b)}"
        report.meetings.append(f"**Moved**: from {_when(a)} → to {_when(b)}, {still}.")
    cancelled = a.status != b.status and b.status == "cancelled"
    if cancelled:
        why = f" The note says: {_sentence(b.note)}" if b.note else ""
        report.meetings.append(f"**Cancelled**: {_meeting(b)}.{why}")
    elif a.status != b.status:
        report.meetings.append(f"**Going ahead again** (it was cancelled): {_meeting(b)}.")
    changed = [
        name
        for name in Meeting.model_fields
        if name not in ("date", "start", "end", "venue", "status", "id")
        and getattr(a, name) != getattr(b, name)
        and not (cancelled and name == "note")  # said with the cancellation
    ]
    if not elsewhere and a.venue != b.venue:
        changed.append("venue")  # its access
    if changed:
        report.meetings.append(f"**Updated**: {_when(b)} ({_labels(Meeting, changed)}).")
    shown = "Subscribers' calendars will show the meeting"
    if not same_event:
        report.calendars.append(
            f"Subscribers' calendars will drop the event on {_when(a)} and add a new one on "
            f"{_when(b)}, because the meeting's `id:` (or, without one, its date) changed. "
            "Give a meeting an `id:` before moving it, so calendars move it instead."
        )
        return
    if timing:
        where = (f" {_at(b)}", f" {_at(a)}") if elsewhere else ("", "")
        report.calendars.append(f"{shown} on {_when(b)}{where[0]} instead of {_when(a)}{where[1]}.")
    elif elsewhere:
        instead = _at(a).removeprefix("at ")
        report.calendars.append(f"{shown} on {_when(b)} {_at(b)} instead of {instead}.")
    if a.status != b.status:
        state = "cancelled" if cancelled else "going ahead again"
        report.calendars.append(f"{shown} on {_when(b)} as {state}.")
    elif not (timing or elsewhere) and set(changed) - NOT_IN_EVENT:
        report.calendars.append(f"Subscribers' calendars will update the meeting on {_when(b)}.")


# Priorities.


def _priority(priority: Priority) -> str:
    return f"“{_escaped(priority.title)}”"


def _compare_priorities(report: WardChanges, old: list[Priority], new: list[Priority]) -> bool:
    before = {p.id: p for p in old}
    start = len(report.priorities)
    for b in new:
        a = before.get(b.id)
        if a is None:
            state = "" if b.status == "active" else f", already {EN.text(b.status.label).lower()}"
            review = f"; next review {EN.short_date(b.review)}" if b.review else ""
            report.priorities.append(
                f"**New priority**: {_priority(b)} ({EN.text(b.set_by.label).lower()}, agreed "
                f"{EN.short_date(b.agreed)}{review}{state})."
            )
            continue
        _priority_change(report, a, b)
    kept = {p.id for p in new}
    report.priorities += [
        f"**Deleted** from the file: {_priority(a)}. It will no longer be shown; to end a "
        "priority, mark it achieved or closed instead."
        for a in old
        if a.id not in kept
    ]
    return len(report.priorities) > start


def _priority_change(report: WardChanges, a: Priority, b: Priority) -> None:
    said = report.priorities.append
    if a.title != b.title:
        said(f"**Renamed**: {_priority(a)} is now {_priority(b)}.")
    if a.status != b.status:
        if b.status == "active":
            said(f"**Current again**: {_priority(b)} (it was {EN.text(a.status.label).lower()}).")
        else:
            ended = EN.short_date(b.closed_on) if b.closed_on else ""
            outcome = f" Outcome: {_brief(b.outcome)}" if b.outcome else " No outcome is given."
            said(f"**{EN.text(b.status.label)}** on {ended}: {_priority(b)}.{outcome}")
    if a.review != b.review and b.status == "active":  # an ended priority has no review
        if b.review is None:
            said(f"**Review date removed**: {_priority(b)}.")
        elif a.review is None:
            said(f"**Review date set**: {_priority(b)}, next reviewed {EN.short_date(b.review)}.")
        else:
            said(
                f"**Reviewed**: {_priority(b)}, next review {EN.short_date(b.review)} "
                f"(was {EN.short_date(a.review)})."
            )
    skip = {"id", "title", "status", "review", "closed_on"}
    skip |= {"outcome"} if a.status != b.status else set()
    changed = [n for n in Priority.model_fields if n not in skip and getattr(a, n) != getattr(b, n)]
    if a.status == b.status and a.closed_on != b.closed_on:
        changed.append("closed_on")
    if changed:
        said(f"**Updated**: {_priority(b)} ({_labels(Priority, changed)}).")


# "You said, we did".


def _report_name(entry: Feedback, ward: Ward) -> str:
    about = next((p for p in ward.priorities if p.id == entry.priority), None)
    on = f"the report of {EN.short_date(entry.date)}"
    return f"{on} about {_priority(about)}" if about else on


def _compare_reports(
    report: WardChanges, ward: Ward, old: list[Feedback], new: list[Feedback]
) -> bool:
    before = {feedback_identity(f): f for f in old}
    after = {feedback_identity(f): f for f in new}
    start = len(report.reports)
    for key, b in after.items():
        a = before.get(key)
        if a is None:
            said = f" You said: {_brief(b.you_said)}" if b.you_said else ""
            report.reports.append(
                f"**New report**: {_report_name(b, ward)}.{said} We did: {_brief(b.we_did)}"
            )
        elif a != b:
            changed = [n for n in Feedback.model_fields if getattr(a, n) != getattr(b, n)]
            report.reports.append(
                f"**Updated**: {_report_name(b, ward)} ({_labels(Feedback, changed)})."
            )
    report.reports += [
        f"**Deleted** from the file: {_report_name(a, ward)}."
        for key, a in before.items()
        if key not in after
    ]
    return len(report.reports) > start


# Panel roles.


def _holder(role: PanelRole | None) -> str | None:
    """Who holds a role, as the page shows it: a name, "someone", or None when vacant."""
    if role is None or role.vacant:
        return None
    return role.name or "someone (not named)"


def _compare_roles(report: WardChanges, old: list[PanelRole], new: list[PanelRole]) -> bool:
    before = {role.role: role for role in reversed(old)}
    after = {role.role: role for role in reversed(new)}
    start = len(report.panel)
    for name in dict.fromkeys([r.role for r in new] + [r.role for r in old]):
        label = EN.text(name.label)
        was, now = _holder(before.get(name)), _holder(after.get(name))
        if name not in after:
            report.panel.append(
                f"**{label}**: no longer shown on the page (was {was or 'vacant'})."
            )
        elif was == now:
            continue
        elif now is None:
            held = f" (was {_escaped(was)})" if was else ""
            report.panel.append(
                f"**{label} vacant**{held}: the page invites residents to take it on."
            )
        elif was is None:
            report.panel.append(f"**{label} filled**: {_escaped(now)}.")
        else:
            report.panel.append(f"**{label}**: {_escaped(now)} takes over from {_escaped(was)}.")
    return len(report.panel) > start


# Everything else about a ward.


def _compare_details(report: WardChanges, old: Ward, new: Ward) -> bool:
    start = len(report.details)
    for name in Ward.model_fields:
        if name in _OWN_SECTIONS or getattr(old, name) == getattr(new, name):
            continue
        a, b = getattr(old, name), getattr(new, name)
        if name in ("areas", "former_names"):
            more = [x for x in b if x not in a]
            fewer = [x for x in a if x not in b]
            parts = [f"added {_list(more)}"] if more else []
            parts += [f"removed {_list(fewer)}"] if fewer else []
            report.details.append(
                f"**{_label(Ward, name)}**: {'; '.join(parts) or 'put in a new order'}."
            )
        elif name == "sample":
            report.details.append(
                "**Now marked as sample content**: the page says its meetings and priorities "
                "are examples."
                if b
                else "**No longer sample content**: the page presents it as real."
            )
        else:
            report.details.append(f"**{_label(Ward, name)}** changed.")
    for name in Panel.model_fields:
        if name != "roles" and getattr(old.panel, name) != getattr(new.panel, name):
            report.details.append(f"**Panel: {_label(Panel, name).lower()}** changed.")
    return len(report.details) > start


# Translations.


def _compare_translations(
    report: WardChanges, old_site: Site, new_site: Site, a: WardRecord, b: WardRecord
) -> set[str]:
    """Texts newly translated, now out of date, or no longer translated, by language."""
    return _translation_lines(
        report.translations,
        old_site,
        new_site,
        (a.slug, b.slug),
        dict(english_texts(a.ward)),
        dict(english_texts(b.ward)),
        partial(_text_name, b.ward),
    )


def _translation_lines(
    lines: list[str],
    old_site: Site,
    new_site: Site,
    slugs: tuple[str, str],
    english_before: Mapping[Key, str],
    english_after: Mapping[Key, str],
    name: Callable[[Key], str],
) -> set[str]:
    """Add a sentence per language and kind of change; return the languages that change."""
    changed: set[str] = set()
    for language in new_site.languages[1:]:
        code = language.code
        was = old_site.translations.get(code, {}).get(slugs[0], {})
        now = new_site.translations.get(code, {}).get(slugs[1], {})
        called = f"{language.name} ({code})"
        added = [key for key in now if key not in was]
        updated = [key for key in now if key in was and was[key] != now[key]]
        lost = [key for key in was if key not in now and key in english_after]
        stale = [key for key in lost if english_before.get(key) != english_after[key]]
        removed = [key for key in lost if key not in stale]
        for keys, sentence in (
            (added, f"**Translated into {called}**"),
            (updated, f"**Translation updated in {called}**"),
            (
                stale,
                f"**Out of date in {called}**, because the English changed: the {called} page "
                "shows the English until the translation is brought up to date",
            ),
            (removed, f"**Translation removed in {called}**: the page shows the English"),
        ):
            if keys:
                lines.append(f"{sentence}: {_texts(keys, name)}.")
                changed.add(code)
        draft_before = slugs[0] in old_site.drafts.get(code, frozenset())
        draft_after = slugs[1] in new_site.drafts.get(code, frozenset())
        if draft_before != draft_after and (now or was):
            lines.append(
                f"**The {called} translation is now marked as a draft**: the page says a fluent "
                "reader has yet to check it."
                if draft_after
                else f"**The {called} translation is no longer a draft**: a fluent reader "
                "checked it."
            )
            changed.add(code)
    return changed


# How many texts a translation sentence names one by one; more are counted by kind.
_MOST_NAMED = 5
_KINDS = {
    "ward": ("text about the ward", "texts about the ward"),
    "priorities": ("text of a priority", "texts of priorities"),
    "meetings": ("text of a meeting", "texts of meetings"),
    "feedback": ('text of a "You said, we did" report', 'texts of "You said, we did" reports'),
    "glossary": ("text of the glossary", "texts of the glossary"),
}


def _texts(keys: list[Key], name: Callable[[Key], str]) -> str:
    """A few texts by name; many, counted by kind, so a whole new translation reads short."""
    if len(keys) <= _MOST_NAMED:
        return _list([name(key) for key in keys], quote=False)
    counts: dict[str, int] = {}
    for section, _identity, _field in keys:
        counts[section] = counts.get(section, 0) + 1
    return f"{len(keys)} texts: " + _list(
        [_count(n, *_KINDS[section]) for section, n in counts.items()], quote=False
    )


def _text_name(ward: Ward, key: Key) -> str:
    """A translated text in words: `the title of priority “Drug dealing”`."""
    section, identity, name = key
    if section == "ward":
        return "the summary" if name == "summary" else "how to join"
    if section == "priorities":
        found = next((p for p in ward.priorities if p.id == identity), None)
        what = _priority(found) if found else f"`{identity}`"
        return f"the {_label(Priority, name).lower()} of priority {what}"
    if section == "meetings":
        meeting = next((m for m in ward.meetings if meeting_identity(m) == identity), None)
        model = Venue if name == "venue.access" else Meeting
        label = _label(model, name.split(".")[-1]).lower()
        return f"the {label} of the meeting on {_when(meeting) if meeting else identity}"
    entry = next((f for f in ward.feedback if feedback_identity(f) == identity), None)
    what = _report_name(entry, ward) if entry else identity
    return f"“{_label(Feedback, name)}” in {what}"


# The glossary.


def _compare_glossary(old_site: Site, new_site: Site) -> Iterator[str]:
    before = {term.term: term for term in old_site.glossary}
    after = {term.term: term for term in new_site.glossary}
    for key, term in after.items():
        if key not in before:
            yield f"**New term**: {_escaped(key)}: {_brief(term.meaning)}"
        elif before[key] != term:
            changed = [
                n for n in GlossaryTerm.model_fields if getattr(before[key], n) != getattr(term, n)
            ]
            yield f"**Updated**: {_escaped(key)} ({_labels(GlossaryTerm, changed)})."
    yield from (f"**Removed**: {_escaped(key)}." for key in before if key not in after)
    english_before = {k: v for term in before.values() for k, v in term_texts(term)}
    english_after = {k: v for term in after.values() for k, v in term_texts(term)}
    lines: list[str] = []
    _translation_lines(
        lines,
        old_site,
        new_site,
        ("", ""),
        english_before,
        english_after,
        lambda key: (
            f"what {_escaped(key[1])} stands for"
            if key[2] == "stands_for"
            else f"the meaning of {_escaped(key[1])}"
        ),
    )
    yield from lines


# Pages.


def _pages(
    after: Loaded, touched: Mapping[str, set[str]], *, glossary: bool, lists: bool
) -> tuple[str, ...]:
    """The public paths of the pages that change, English first, then each language.

    A kind `ward:<code>` is a change to one language's text of the ward alone; any other
    kind changes the ward's page in every language, its poster, and the lists it names.
    `lists`: a ward was removed, so every list of wards changes.
    """
    kinds = set().union(*touched.values()) if touched else set()
    if lists:
        kinds |= {"wards", "meetings", "priorities", "standards"}
    found: list[Route] = []
    for language in after.site.languages:
        routes = language.routes
        found += [
            routes.ward(slug)
            for slug, changed in touched.items()
            if f"ward:{language.code}" in changed or any(":" not in kind for kind in changed)
        ]
        found += [
            route
            for kind, route in (
                ("wards", routes.wards()),
                ("meetings", routes.meetings()),
                ("priorities", routes.priorities()),
                ("standards", routes.standards()),
            )
            if kind in kinds
        ]
        found += [routes.glossary()] if glossary else []
    found += [
        poster(slug)
        for slug, changed in touched.items()
        if any(":" not in kind for kind in changed)
    ]
    return tuple(dict.fromkeys(_public(after, route) for route in found))


def _public(loaded: Loaded, route: Route) -> str:
    return loaded.settings.root_path(route.url)


# Words.


def _label(model: type[BaseModel], name: str) -> str:
    """A field's label, as the model declares it for editors."""
    return model.model_fields[name].title or name.replace("_", " ")


def _labels(model: type[BaseModel], names: Iterable[str]) -> str:
    return ", ".join(_label(model, name).lower() for name in names)


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def _list(items: Sequence[str], *, quote: bool = True) -> str:
    shown = [f"“{_escaped(item)}”" if quote else item for item in items]
    return shown[0] if len(shown) <= 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def _sentence(text: str) -> str:
    """Editors' text as a sentence of the summary, with its full stop."""
    return _escaped(text) + ("" if text.rstrip()[-1:] in ".!?" else ".")


def _brief(text: str | None, most: int = 160) -> str:
    """An editor's Markdown as one short line: enough to recognise it."""
    flat = " ".join((text or "").split())
    return _escaped(flat if len(flat) <= most else flat[: most - 1].rstrip() + "…")


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def _escaped(text: str | date) -> str:
    """Editors' text as literal Markdown: no formatting, links or HTML of its own."""
    return _MARKDOWN.sub(r"\\\1", str(text))

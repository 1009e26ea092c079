"""Translations of editors' text, edited through pull requests like the ward files.

Each language has a folder, `translations/<code>/`, with a file per translated ward,
`wards/<slug>.yml`, and one for the glossary, `glossary.yml`. An entry is keyed by the
ward's own identities (a priority's id, a meeting's id or date, a report's date and
priority) and holds the translated text with a fingerprint of the English it was made
from:

    priorities:
      roman-road-drugs:
        title:
          text: রোমান রোড মার্কেটের আশেপাশে মাদক বিক্রি
          from: qhmtwbcz        # wardpanels validate says what to write here

When the English changes, its fingerprint no longer matches: the page shows the English
again (marked as English) and `wardpanels validate` warns at the entry's line, until the
translation is brought up to date. A file marked `draft: true` holds translations a
fluent reader has yet to check; the pages say so.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import ConfigDict, Field, StrictBool

from . import files
from .errors import Problem, Severity, field_path
from .history import meeting_identity
from .loading import Document
from .localise import Key, feedback_identity
from .model import FINGERPRINT, Markdown, Model, Text, Ward, described, markdown_links
from .modelines import DataFile
from .validation import load_valid, problem_at


def fingerprint(english: str) -> str:
    """A short fingerprint of a text, the same however its lines are wrapped."""
    digest = hashlib.sha256(" ".join(english.split()).encode("utf-8")).digest()
    return "".join(chr(ord("a") + byte % 26) for byte in digest[:8])


class _Entry(Model):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    source: Annotated[str, Field(pattern=FINGERPRINT)] = described(
        "Translated from",
        "The fingerprint of the English this was translated from. wardpanels validate says "
        "what it is, and when the English changes.",
        "qhmtwbcz",
        alias="from",
    )


class Line(_Entry):
    """A one-line text, translated."""

    text: Text = described("Translation", "The text in this language.", "রোমান রোড মার্কেট")


class Passage(_Entry):
    """A Markdown text, translated: the same formatting as the English may be used."""

    text: Markdown = described("Translation", "The text in this language (Markdown).", "…")


class PanelTranslation(Model):
    """The panel's own text, translated."""

    join: Passage | None = described("How to join", "panel.join, translated.", default=None)


class PriorityTranslation(Model):
    """A priority's text, translated: found by the priority's id."""

    title: Line | None = described("Title", "The priority's title, translated.", default=None)
    detail: Passage | None = described("Detail", "Its detail, translated.", default=None)
    outcome: Passage | None = described("Outcome", "Its outcome, translated.", default=None)


class MeetingTranslation(Model):
    """A meeting's text, translated: found by the meeting's id, or its date."""

    note: Line | None = described("Note", "The meeting's note, translated.", default=None)
    access: Line | None = described("Access", "venue.access, translated.", default=None)
    agenda: Line | None = described(
        "Agenda", "The agenda's items, translated, one after another with '; '.", default=None
    )


class FeedbackTranslation(Model):
    """A "You said, we did" report, translated: found by its date and priority."""

    you_said: Passage | None = described("You said", "you_said, translated.", default=None)
    we_did: Passage | None = described("We did", "we_did, translated.", default=None)


class WardTranslation(Model):
    """One ward's text in another language. Every part is optional: what is not
    translated shows in English."""

    model_config = ConfigDict(title="Ward translation", extra="forbid", frozen=True)

    draft: StrictBool = described(
        "Draft", "true until a fluent reader has checked these translations.", True, default=False
    )
    name: Line | None = described(
        "Name",
        "The ward's name as residents write it in this language, so the finder finds it "
        "(pages keep the official name).",
        default=None,
    )
    areas: Line | None = described(
        "Areas",
        "The ward's areas, translated, one after another with '; ', so the finder finds them too.",
        default=None,
    )
    summary: Passage | None = described("Summary", "The ward's summary.", default=None)
    panel: PanelTranslation = described("Panel", "The panel's text.", default=PanelTranslation())
    priorities: dict[str, PriorityTranslation] = described(
        "Priorities", "By each priority's id.", default={}
    )
    meetings: dict[str, MeetingTranslation] = described(
        "Meetings", "By each meeting's id, or its date when it has none.", default={}
    )
    feedback: dict[str, FeedbackTranslation] = described(
        "You said, we did",
        "By each report's date, with its priority's id after a space when it has one: "
        "'2026-09-16 roman-road-drugs'.",
        default={},
    )


class TermTranslation(Model):
    """A glossary term's text, translated: found by the term as the glossary writes it."""

    stands_for: Line | None = described("Stands for", "What it stands for.", default=None)
    meaning: Passage | None = described("Meaning", "What it means.", default=None)


class GlossaryTranslation(Model):
    """The glossary in another language, by each term as the English glossary writes it."""

    model_config = ConfigDict(title="Glossary translation", extra="forbid", frozen=True)

    draft: StrictBool = described(
        "Draft", "true until a fluent reader has checked these translations.", True, default=False
    )
    terms: dict[str, TermTranslation] = described("Terms", "By each term.", default={})


@dataclass
class Found:
    """One language's translations, checked against the English."""

    by_ward: dict[str, dict[Key, str]] = field(default_factory=dict)  # "" is the glossary
    read: list[DataFile] = field(default_factory=list)  # the files, for their $schema line
    drafts: set[str] = field(default_factory=set)
    translated: int = 0
    stale: int = 0
    wanted: int = 0


def load_translations(
    folder: Path,
    root: Path,
    wards: Mapping[str, Ward],
    glossary: Mapping[str, Any],
    problems: list[Problem],
    unreadable: Collection[str] = (),
) -> Found:
    """A language's translation files, checked: an unknown field is an error; a
    translation whose ward, entry or English has changed or gone is a warning, at its line.
    The translations of `unreadable` wards (whose files have errors of their own; "" for the
    glossary) wait until those are put right."""
    found = Found()
    found.wanted = sum(len(list(english_texts(ward))) for ward in wards.values()) + sum(
        len(list(term_texts(term))) for term in glossary.values()
    )
    wards_folder = folder / "wards"
    if wards_folder.is_dir():
        for path, shown in files.data_files(wards_folder, root, problems):
            slug = path.name.removesuffix(files.SUFFIX)
            if slug in unreadable:
                continue
            if slug not in wards:  # the ward was renamed or removed: never a reason to stop
                problems.append(
                    Problem(
                        shown,
                        1,
                        1,
                        "",
                        f"there is no ward file {slug}.yml any more, so this translation is "
                        "not shown; rename it to match the ward's file, or delete it",
                        Severity.WARNING,
                    )
                )
                continue
            found.read.append((path, shown, WardTranslation))
            loaded = load_valid(WardTranslation, path, shown, problems)
            if loaded is not None:
                document, translation = loaded
                texts = dict(english_texts(wards[slug]))
                found.by_ward[slug] = _checked(
                    document, _ward_entries(translation), texts, found, problems
                )
                if translation.draft:
                    found.drafts.add(slug)
    glossary_file = folder / "glossary.yml"
    wanted = "" not in unreadable
    if wanted and (glossary_file.exists() or glossary_file.is_symlink()):  # a link: gate names it
        shown = files.display(glossary_file, root)
        found.read.append((glossary_file, shown, GlossaryTranslation))
        loaded_glossary = load_valid(GlossaryTranslation, glossary_file, shown, problems)
        if loaded_glossary is not None:
            document, terms = loaded_glossary
            texts = {key: text for term in glossary.values() for key, text in term_texts(term)}
            found.by_ward[""] = _checked(document, _glossary_entries(terms), texts, found, problems)
            if terms.draft:
                found.drafts.add("")
    return found


def _checked(
    document: Document,
    entries: Iterator[tuple[tuple[str | int, ...], Key, _Entry]],
    english: Mapping[Key, str],
    found: Found,
    problems: list[Problem],
) -> dict[Key, str]:
    """The entries whose English is there and unchanged; warnings for the others, whose
    pages show the English: a correction in English (a meeting's date, say) never waits
    for its translation."""
    fresh = {}
    for loc, key, entry in entries:
        original = english.get(key)
        text: str = entry.text  # type: ignore[attr-defined]
        if original is None:
            field_loc = loc[:-1]
            mark = document.mark_of(field_loc, key=True)
            problems.append(
                Problem(
                    document.path,
                    mark.line,
                    mark.column,
                    field_path(field_loc),
                    "there is no English text here, so this translation is not shown: if "
                    "the id or the date changed in the ward file, change it here too; "
                    "otherwise delete it",
                    Severity.WARNING,
                )
            )
        elif entry.source != fingerprint(original):
            found.stale += 1
            problems.append(
                problem_at(
                    document,
                    (*loc[:-1], "from"),
                    "the English changed since this was translated, so the page shows the "
                    f"English again; update this translation, then write from: "
                    f"{fingerprint(original)}",
                    Severity.WARNING,
                )
            )
        elif added := sorted(markdown_links(text) - markdown_links(original)):
            problems.append(
                problem_at(
                    document,
                    loc,
                    f"this links to {added[0]}, which the English does not; a translation "
                    "keeps the English's links",
                )
            )
        else:
            found.translated += 1
            fresh[key] = text
    return fresh


def _ward_entries(
    translation: WardTranslation,
) -> Iterator[tuple[tuple[str | int, ...], Key, _Entry]]:
    """Each translated text of a ward: where it is in the file, and whose it is."""
    for name in ("name", "areas"):
        if (line := getattr(translation, name)) is not None:
            yield (name, "text"), ("ward", "", name), line
    if translation.summary:
        yield ("summary", "text"), ("ward", "", "summary"), translation.summary
    if translation.panel.join:
        yield ("panel", "join", "text"), ("ward", "", "panel.join"), translation.panel.join
    sections: list[tuple[str, Mapping[str, Model], dict[str, str]]] = [
        ("priorities", translation.priorities, {}),
        ("meetings", translation.meetings, {"access": "venue.access"}),
        ("feedback", translation.feedback, {}),
    ]
    for section, entries, renamed in sections:
        for identity, translated in entries.items():
            for name in type(translated).model_fields:
                entry = getattr(translated, name)
                if entry is not None:
                    key = (section, identity, renamed.get(name, name))
                    yield (section, identity, name, "text"), key, entry


def _glossary_entries(
    translation: GlossaryTranslation,
) -> Iterator[tuple[tuple[str | int, ...], Key, _Entry]]:
    for term, translated in translation.terms.items():
        for name in TermTranslation.model_fields:
            entry = getattr(translated, name)
            if entry is not None:
                yield ("terms", term, name, "text"), ("glossary", term, name), entry


def english_texts(ward: Ward) -> Iterator[tuple[Key, str]]:
    """Every text of a ward that a translation can give, keyed as localise reads it."""
    yield ("ward", "", "name"), ward.name
    if ward.areas:
        yield ("ward", "", "areas"), "; ".join(ward.areas)
    if ward.summary:
        yield ("ward", "", "summary"), ward.summary
    yield ("ward", "", "panel.join"), ward.panel.join
    for priority in ward.priorities:
        for name in ("title", "detail", "outcome"):
            if getattr(priority, name):
                yield ("priorities", priority.id, name), getattr(priority, name)
    for meeting in ward.meetings:
        if meeting.note:
            yield ("meetings", meeting_identity(meeting), "note"), meeting.note
        if meeting.venue and meeting.venue.access:
            yield ("meetings", meeting_identity(meeting), "venue.access"), meeting.venue.access
        if meeting.agenda:
            yield ("meetings", meeting_identity(meeting), "agenda"), "; ".join(meeting.agenda)
    for entry in ward.feedback:
        for name in ("you_said", "we_did"):
            if getattr(entry, name):
                yield ("feedback", feedback_identity(entry), name), getattr(entry, name)


def term_texts(term: Any) -> Iterator[tuple[Key, str]]:
    for name in TermTranslation.model_fields:
        if getattr(term, name):
            yield ("glossary", term.term, name), getattr(term, name)

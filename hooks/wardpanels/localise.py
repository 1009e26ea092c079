"""Editors' text in the page's language, or the English, marked as English.

A translation file gives a language's text for some fields of a ward. A field it does not
translate (yet) shows the English, inside `lang="en"` so screen readers and browsers read
it as English, and the page says once, in its own language, that some of it is English.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from . import markup
from .history import meeting_identity
from .i18n import Language
from .model import Feedback, GlossaryTerm, Meeting, Priority

# What marks a field shown in English for want of a translation.
ENGLISH_MARK = 'lang="en"'

# A field's place in a ward: its section, the entry's own identity, and the field.
Key = tuple[str, str, str]


def entry_key(entry: Any, field: str) -> Key:
    """Where a field of a ward's entry is found in a translation file."""
    if isinstance(entry, Priority):
        return ("priorities", entry.id, field)
    if isinstance(entry, Meeting):
        return ("meetings", meeting_identity(entry), field)
    if isinstance(entry, Feedback):
        return ("feedback", feedback_identity(entry), field)
    if isinstance(entry, GlossaryTerm):
        return ("glossary", entry.term, field)
    return ("ward", "", field)


def feedback_identity(entry: Feedback) -> str:
    """A report's identity: its date, and the priority it is about, if any."""
    return entry.date.isoformat() + (f" {entry.priority}" if entry.priority else "")


def _value(entry: Any, field: str) -> str:
    value: Any = entry
    for part in field.split("."):
        if value is None:  # a meeting without a venue has no venue.access
            break
        value = getattr(value, part)
    if isinstance(value, list):  # an agenda: its items, one after another
        return "; ".join(value)
    return "" if value is None else str(value)


class Localiser:
    """One ward's text in one language, or its English for want of a translation."""

    def __init__(self, language: Language, translated: Mapping[Key, str] | None = None) -> None:
        self.language = language
        self.translated = translated or {}

    def _lookup(self, entry: Any, field: str) -> tuple[str, bool]:
        english = _value(entry, field)
        if self.language.is_default or not english:
            return english, False
        found = self.translated.get(entry_key(entry, field))
        return (english, True) if found is None else (found, False)

    def is_english(self, entry: Any, field: str) -> bool:
        """True when a field shows its English for want of a translation."""
        return self._lookup(entry, field)[1]

    def plain(self, entry: Any, field: str) -> str:
        """A field as plain text, for calendars and feeds: the English when untranslated."""
        return self._lookup(entry, field)[0]

    def __call__(self, entry: Any, field: str) -> Markup:
        """A one-line field, as plain text in Markdown."""
        text, english = self._lookup(entry, field)
        shown = markup.plain(text)
        return Markup(f"<span {ENGLISH_MARK}>%s</span>") % shown if english else shown

    def md(self, entry: Any, field: str) -> Markup:
        """A Markdown field: inline when it is one paragraph, else a block of its own."""
        text, english = self._lookup(entry, field)
        block = markup.markdown(text)
        if not english:
            return block
        if "\n" not in str(block):
            return Markup(f"<span {ENGLISH_MARK}>") + block + Markup("</span>")
        return Markup(f"<div {ENGLISH_MARK} markdown>\n\n") + block + Markup("\n\n</div>")

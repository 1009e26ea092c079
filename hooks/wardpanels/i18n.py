"""The languages residents read the site in: interface text, dates and times.

English is the source language: every string in a template or in the code is English, in
plain words, and marked `_("...")` (or `ngettext(...)`) so it can be extracted into a
gettext catalogue, `translations/messages.pot`. Each other language has its own
catalogue, `translations/<code>/messages.po`, edited like any other file in the
repository. A string a catalogue lacks shows in English.

Dates and times in English follow GOV.UK's style ("Wednesday 9 December 2026, 7pm to
8:30pm"); in other languages they come from the Unicode CLDR through Babel, with the
language's own digits unless the settings choose others. A time of day is said as the
language's readers say it where its catalogue gives the words: CLDR's rules choose the
part of the day ("evening" from 6pm in Bengali), the catalogue its word and where it goes
("সন্ধ্যা ৭টা থেকে রাত ৮:৩০"); a catalogue without them gets CLDR's own pattern.
"""

from __future__ import annotations

import gettext
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton, get_period_id
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from . import loading
from .catalogue_faults import message_faults, text_faults
from .routes import Routes

# A site shows the same few dates and times on many pages; CLDR formatting is slow enough
# to count, so each is formatted once.
_cldr_date = lru_cache(maxsize=4096)(format_date)
_cldr_skeleton = lru_cache(maxsize=4096)(format_skeleton)
_cldr_period = lru_cache(maxsize=4096)(get_period_id)

ENGLISH = "en"
CATALOGUE = "messages.po"
TEMPLATE = "messages.pot"

# A numbering system's digits, by the Unicode name of its zero.
_ZEROS = {
    "beng": "BENGALI DIGIT ZERO",
    "deva": "DEVANAGARI DIGIT ZERO",
    "arab": "ARABIC-INDIC DIGIT ZERO",
    "arabext": "EXTENDED ARABIC-INDIC DIGIT ZERO",
    "guru": "GURMUKHI DIGIT ZERO",
    "gujr": "GUJARATI DIGIT ZERO",
    "tamldec": "TAMIL DIGIT ZERO",
}
# The numbering systems a language's `digits` setting may name.
NUMBERING_SYSTEMS = ("latn", *_ZEROS)


class CatalogueError(Exception):
    """What is wrong with a catalogue, each fault at its line."""

    def __init__(self, faults: list[tuple[int, int, str]]) -> None:
        super().__init__("; ".join(message for _, _, message in faults))
        self.faults = faults


@dataclass(frozen=True)
class Message:
    """Text to translate later, once the language is known (in code that does not know it)."""

    singular: str
    plural: str | None = None
    count: int | None = None
    params: Mapping[str, Any] = field(default_factory=dict)


def lazy(singular: str, **params: Any) -> Message:
    """Mark text for translation where the language is not known yet; import it as `_`."""
    return Message(singular, params=params)


def lazy_plural(singular: str, plural: str, count: int, **params: Any) -> Message:
    """The plural form of `lazy`; import it as `ngettext`."""
    return Message(singular, plural, count, params)


def _mark(text: str) -> str:
    """Marks text for the catalogue that is looked up later, by a language that says it
    (English says times the GOV.UK way, never these)."""
    return text


# CLDR's parts of the day, by their id; each language's CLDR rules say which hours each
# covers (Bengali: ভোর 4am, সকাল 6am, দুপুর midday, বিকেল 4pm, সন্ধ্যা 6pm, রাত 8pm).
DAY_PERIODS = {
    # Translators: the parts of the day, as said before a time ("সন্ধ্যা" in "সন্ধ্যা ৭টা").
    "morning1": _mark("early morning"),
    "morning2": _mark("morning"),
    "afternoon1": _mark("early afternoon"),
    "afternoon2": _mark("late afternoon"),
    "evening1": _mark("evening"),
    "evening2": _mark("late evening"),
    "night1": _mark("night"),
    "night2": _mark("late night"),
}
# How a time of day is said, with the part of the day: on the hour, and with minutes.
# Translators: a time on the hour: "সন্ধ্যা ৭টা" is "%(period)s %(hour)sটা".
ON_THE_HOUR = _mark("%(period)s, %(hour)s o'clock")
# Translators: a time with minutes: "রাত ৮:৩০" is "%(period)s %(hour)s:%(minutes)s".
WITH_MINUTES = _mark("%(period)s, %(hour)s:%(minutes)s")


@dataclass(frozen=True)
class Language:
    """One language of the site: its catalogue, its dates, and where its pages live."""

    code: str
    name: str  # in the language itself: "English", "বাংলা"
    translations: gettext.NullTranslations
    locale: Locale | None = None  # None: English, written the GOV.UK way
    digits: str = "latn"
    complete: bool = True
    draft: bool = False  # a fluent reader has yet to check the catalogue
    identical: frozenset[str] = frozenset()  # strings the catalogue keeps as in English
    default: str = ENGLISH

    @property
    def routes(self) -> Routes:
        return Routes(self.code, self.default)

    @property
    def is_default(self) -> bool:
        return self.code == self.default

    def _(self, message: str, **params: Any) -> str:
        """The translation of `message`, with named `%(placeholders)s` filled in."""
        return self._fill(self.translations.gettext(message), params)

    def ngettext(self, singular: str, plural: str, count: int, **params: Any) -> str:
        """The form for `count` (also available as `%(count)s`)."""
        text = self.translations.ngettext(singular, plural, count)
        return self._fill(text, {"count": count, **params})

    def text(self, message: Message | str) -> str:
        """A lazily marked message, or plain text, in this language."""
        if isinstance(message, str):
            return message
        if message.plural is not None and message.count is not None:
            return self.ngettext(message.singular, message.plural, message.count, **message.params)
        return self._(message.singular, **message.params)

    def has(self, message: str) -> bool:
        """True when the catalogue translates `message` (English has every string)."""
        if self.is_default:
            return True
        return self.translations.gettext(message) != message or message in self.identical

    def _fill(self, text: str, params: Mapping[str, Any]) -> str:
        if not params:
            return text
        return text % {name: self._value(value) for name, value in params.items()}

    def _value(self, value: Any) -> str:
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self.number(value)
        if isinstance(value, datetime):
            return self.clock_time(value.time())
        if isinstance(value, date):
            return self.long_date(value)
        if isinstance(value, time):
            return self.clock_time(value)
        if isinstance(value, Message):
            return self.text(value)
        return str(value)

    # Numbers, dates and times.

    def number(self, value: int) -> str:
        return self._digits(str(value))

    def _digits(self, text: str) -> str:
        if self.digits == "latn" or self.digits not in _ZEROS:
            return text
        zero = ord(unicodedata.lookup(_ZEROS[self.digits]))
        return text.translate({ord("0") + n: zero + n for n in range(10)})

    def long_date(self, day: date) -> str:
        """`Wednesday 9 December 2026`: the GOV.UK style, never `9th`."""
        if self.locale is None:
            return f"{_DAYS[day.weekday()]} {self.short_date(day)}"
        return self._digits(_cldr_date(day, "full", locale=self.locale))

    def short_date(self, day: date) -> str:
        """`9 December 2026`."""
        if self.locale is None:
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        return self._digits(_cldr_date(day, "long", locale=self.locale))

    def weekday(self, day: date) -> str:
        if self.locale is None:
            return _DAYS[day.weekday()]
        return str(self.locale.days["format"]["wide"][day.weekday()])

    def month_year(self, day: date) -> str:
        """`December 2026`, for grouping meetings by month."""
        if self.locale is None:
            return f"{_MONTHS[day.month - 1]} {day.year}"
        return self._digits(_cldr_skeleton("yMMMM", day, locale=self.locale))

    def clock_time(self, moment: time) -> str:
        """`7pm`, `8:30pm`, `midday`, `midnight`, as GOV.UK writes times."""
        if self.locale is None:
            if moment.hour == 12 and moment.minute == 0:
                return "midday"
            if moment.hour == 0 and moment.minute == 0:
                return "midnight"
            hour = moment.hour % 12 or 12
            suffix = "am" if moment.hour < 12 else "pm"
            minutes = f":{moment.minute:02d}" if moment.minute else ""
            return f"{hour}{minutes}{suffix}"
        period = DAY_PERIODS.get(_cldr_period(moment, locale=self.locale))
        phrase = ON_THE_HOUR if moment.minute == 0 else WITH_MINUTES
        if period is None or not (self.has(period) and self.has(phrase)):
            instant = datetime.combine(date(2026, 1, 1), moment)
            skeleton = "Bh" if moment.minute == 0 else "Bhm"
            return self._digits(_cldr_skeleton(skeleton, instant, locale=self.locale))
        return self._(
            phrase,
            period=self._(period),
            hour=moment.hour % 12 or 12,
            minutes=self._digits(f"{moment.minute:02d}"),
        )

    def time_range(self, start: time, end: time) -> str:
        """`7pm to 8:30pm`."""
        return self._(
            "%(start)s to %(end)s", start=self.clock_time(start), end=self.clock_time(end)
        )

    def when(self, day: date, start: time, end: time) -> str:
        """`Wednesday 9 December 2026, 7pm to 8:30pm`."""
        return self._(
            "%(date)s, %(times)s", date=self.long_date(day), times=self.time_range(start, end)
        )


_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
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


ENGLISH_LANGUAGE = Language(ENGLISH, "English", gettext.NullTranslations())


@dataclass(frozen=True)
class Catalogue:
    """A language's interface text, read from its `.po` file."""

    translations: gettext.GNUTranslations
    identical: frozenset[str]  # kept as in English on purpose (a name, a number)
    draft: bool  # the file's header is marked fuzzy: a fluent reader has yet to check it


def read_catalogue(path: Path) -> Catalogue:
    """A `.po` catalogue, read through the data files' gate (a plain file, bounded, UTF-8,
    no invisible characters); fuzzy and empty entries do not count. A translation must
    keep the English's %(name)s placeholders and may add no invisible character."""
    try:
        text = loading.read_text(path)
    except loading.YamlError as error:
        raise CatalogueError([(error.mark.line, error.mark.column, error.message)]) from None
    unread = text_faults(text) + _header_faults(text)
    if unread:
        raise CatalogueError(unread)
    try:
        catalogue = read_po(io.StringIO(text), abort_invalid=True)
    except Exception as error:  # Babel raises its own PoFileError, with the line in it
        line = getattr(error, "lineno", 0) + 1  # Babel counts lines from 0
        raise CatalogueError([(line, 1, _NOT_READ)]) from None
    faults = _plural_faults(catalogue.plural_forms, catalogue.num_plurals, text)
    faults += [
        (
            message.lineno or 1,
            1,
            f"the translation of \u201c{_english(message)}\u201d: {error}; keep every "
            "%(name)s as the English has it",
        )
        for message, errors in catalogue.check()
        for error in errors
    ]
    faults += [
        (message.lineno or 1, 1, f"the translation of \u201c{_english(message)}\u201d: {fault}")
        for message in catalogue
        if message.id
        for fault in message_faults(message, _strings(message.string))
    ]
    faults += [
        (
            message.lineno or 1,
            1,
            f"the translation of \u201c{_english(message)}\u201d holds an invisible "
            f"character ({loading.describe(found.group())}); remove it",
        )
        for message in catalogue
        for translated in _strings(message.string)
        if (found := loading.unseen(translated)) is not None
    ]
    if faults:
        raise CatalogueError(sorted(faults))
    buffer = io.BytesIO()
    write_mo(buffer, catalogue, use_fuzzy=False)
    buffer.seek(0)
    same = frozenset(
        message.id
        for message in catalogue
        if isinstance(message.id, str) and message.id and message.string == message.id
    )
    return Catalogue(gettext.GNUTranslations(buffer), same, bool(catalogue.fuzzy))


_NOT_READ = (
    "this line is not what a catalogue holds: msgid or msgstr and a text in quotes, "
    "a text in quotes alone, or a comment starting #"
)
_PLURAL_FORMS = re.compile(r"nplurals\s*=\s*[1-9]\s*;\s*plural\s*=[^;]+;?")
_CHARSET = re.compile(r"charset\s*=\s*([^\s\\\";]+)", re.IGNORECASE)


def _header_line(text: str, field: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), 1) if field in line), 1)


def _header_faults(text: str) -> list[tuple[int, int, str]]:
    """Header fields gettext would stumble on: a Plural-Forms line it cannot read, and a
    character set other than UTF-8 (the catalogue is read as UTF-8, as the gate checks)."""
    faults = []
    line = _header_line(text, "Plural-Forms:")
    forms = text.splitlines()[line - 1] if "Plural-Forms:" in text else ""
    if forms and not _PLURAL_FORMS.search(forms):
        faults.append(
            (line, 1, "Plural-Forms: write it like nplurals=2; plural=(n != 1); with 1 to 9 forms")
        )
    for charset in _CHARSET.finditer(text):
        if charset[1].lower().replace("-", "") != "utf8":
            line = text.count("\n", 0, charset.start()) + 1
            faults.append((line, 1, "Content-Type: the catalogue is UTF-8, so write charset=UTF-8"))
    return faults


def _plural_faults(forms: str, count: int, text: str) -> list[tuple[int, int, str]]:
    """The Plural-Forms header's formula, tried as gettext will use it on every number a
    page can show: it must read, and give a form the catalogue has."""
    line = _header_line(text, "Plural-Forms:")
    formula = forms.split("plural=", 1)[-1].strip().rstrip(";")
    try:
        choose = gettext.c2py(formula)
        wrong = next((n for n in range(1000) if not 0 <= choose(n) < count), None)
    except (ValueError, ArithmeticError, RecursionError) as error:
        return [(line, 1, f"Plural-Forms: the formula {formula!r} cannot be used ({error})")]
    if wrong is not None:
        return [
            (
                line,
                1,
                f"Plural-Forms: the formula {formula!r} gives form {choose(wrong)} for "
                f"{wrong}, but nplurals is {count}",
            )
        ]
    return []


def _english(message: Any) -> str:
    """A message's English as a fault names it: the singular of a plural."""
    return message.id if isinstance(message.id, str) else message.id[0]


def _strings(value: str | Sequence[str] | None) -> Sequence[str]:
    """A message's translation: one text, or one for each plural form."""
    if not value:
        return ()
    return (value,) if isinstance(value, str) else value


def language(
    code: str,
    name: str,
    catalogue: Catalogue | gettext.NullTranslations,
    *,
    complete: bool = False,
    digits: str | None = None,
) -> Language:
    """A language other than English, with its CLDR locale and digits."""
    locale = Locale.parse(code.replace("-", "_"))
    chosen = digits or getattr(locale, "default_numbering_system", None) or "latn"
    if isinstance(catalogue, Catalogue):
        return Language(
            code,
            name,
            catalogue.translations,
            locale,
            chosen,
            complete,
            catalogue.draft,
            catalogue.identical,
        )
    return Language(code, name, catalogue, locale, chosen, complete)

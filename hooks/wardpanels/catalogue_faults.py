"""What a translator's `.po` catalogue may hold, checked where gettext tools disagree.

Babel, GNU gettext and the editors translators use read the same file differently at its
edges: Babel keeps `\\x41` or `\\u202e` as typed where msgfmt reads a character, silently
keeps the first of two entries for one English text, and drops a line's last character
when its closing quote is missing. And a translation is filled in with Python's `%`: a
lone `%` stops the build, a `%(name)s` left out loses a venue or a date from the page,
a line break can start Markdown structure. So each is found here, at its line, before a
page uses the catalogue.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

Fault = tuple[int, int, str]

# A line of a .po file that holds text: a keyword (maybe of an obsolete entry) and a quoted
# string, or a string alone that goes on the one before.
_TEXT_LINE = re.compile(r'^(?:#~\s*)?(?:msg(?:ctxt|id|id_plural|str(?:\[\d+\])?)\b|")')
_QUOTED = re.compile(r'^(?:#~\s*)?(?:msg\w+(?:\[\d+\])?[ \t]+)?"(?:[^"\\]|\\.)*"[ \t]*$')
_KEYWORD = re.compile(r"^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]")
# The escapes every gettext tool reads alike: backslash, quote, line break, tab, return.
_ESCAPE = re.compile(r"\\(.)")
_AGREED_ESCAPES = frozenset('\\"nrt')
_PLACEHOLDER = re.compile(r"%\((\w+)\)")
_FILLED = re.compile(r"%\(\w+\)[a-z]")
# Characters that make formatting, links or HTML where a translation is placed into a
# page's Markdown: a translation may hold no more of them than its English does.
_MARKUP = "[]<>`*_|{}#"


def text_faults(text: str) -> list[Fault]:
    """Faults in the file's text: a string with no closing quote (Babel drops the line's
    last character as if it were the quote, and `wardpanels catalogue` would write the
    shortened text back), an escape tools read differently, and an English text
    translated twice (Babel keeps one without a word)."""
    faults: list[Fault] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not _TEXT_LINE.match(line):
            continue
        if not _QUOTED.match(line):
            faults.append(
                (number, len(line) + 1, 'this text has no closing quote (") at the end of the line')
            )
            continue
        faults += [
            (
                number,
                escape.start() + 1,
                f"'\\{escape[1]}' is read differently by different translation tools; "
                "write the character itself",
            )
            for escape in _ESCAPE.finditer(line)
            if escape[1] not in _AGREED_ESCAPES
        ]
    return faults + _twice_translated(text)


def _entries(text: str) -> Iterator[tuple[int, str]]:
    """Each current (not obsolete) entry's line, and its context and English as written."""
    context: list[str] = []
    english: list[str] = []
    reading: list[str] | None = None
    line_of_id = 0
    for number, line in enumerate(text.splitlines(), start=1):
        keyword = _KEYWORD.match(line)
        if keyword is None:
            if reading is not None and line.startswith('"'):
                reading.append(line.strip())
            continue
        value = line[keyword.end() :].strip()
        if keyword[1] == "msgctxt":
            context = [value]
            reading = context
        elif keyword[1] == "msgid":
            english, line_of_id = [value], number
            reading = english
        else:  # msgid_plural or msgstr: the entry's key is complete
            if reading is english:
                yield line_of_id, "\x00".join([*context, "\x01", *english])
                context = []
            reading = None


def _twice_translated(text: str) -> list[Fault]:
    first: dict[str, int] = {}
    faults: list[Fault] = []
    for line, key in _entries(text):
        if key in first:
            faults.append(
                (
                    line,
                    1,
                    f"this English text is translated already (line {first[key]}); "
                    "keep one translation and delete the other",
                )
            )
        else:
            first.setdefault(key, line)
    return faults


def message_faults(message: Any, translated: Sequence[str]) -> list[str]:
    """What is wrong with one translation, as it will be filled in on the pages."""
    english = [message.id] if isinstance(message.id, str) else list(message.id)
    plural = len(english) > 1
    wanted = {name for text in english for name in _PLACEHOLDER.findall(text)}
    faults = []
    if plural and any(translated) and not all(translated):
        faults.append("translate every plural form (each msgstr[n]), or none")
    for text in translated:
        if not text:
            continue
        if plural or wanted:  # the pages fill it in with Python's %
            try:
                text % dict.fromkeys(wanted | {"count"}, 1)
            except (TypeError, ValueError):
                faults.append("it has a '%' that is not a %(name)s; write %% for a percent sign")
            except KeyError:
                pass  # a %(name)s the English lacks: Babel's own check says so
        found = set(_PLACEHOLDER.findall(text))
        missing = wanted - found - ({"count"} if plural else set())
        if missing and found <= wanted:  # an unknown one is Babel's to name
            names = ", ".join(f"%({name})s" for name in sorted(missing))
            faults.append(f"it leaves out {names}, so the page would lose what it stands for")
        added = [
            char
            for char in _MARKUP
            if _FILLED.sub("", text).count(char)
            > max(_FILLED.sub("", e).count(char) for e in english)
        ]
        if added:
            faults.append(
                f"it has {' '.join(added)}, which the English does not; on a page these make "
                "links or formatting, so write the words without them"
            )
        if any(char in text for char in "\n\t") and not any(
            char in source for source in english for char in "\n\t"
        ):
            faults.append("it has a line break or tab the English does not; keep it on one line")
    return faults

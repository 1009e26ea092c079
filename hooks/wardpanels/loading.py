"""Read YAML the way editors' tools (YAML 1.2) read it, keeping the line of every value.

Every data file passes one gate first: it must be a bounded UTF-8 text file whose only
control characters are tabs and line ends. A form feed or a NUL pasted from a PDF, an
escape sequence that would reach a terminal, or an invisible character that different
tools read differently is refused at its line and column, before YAML sees it. That
includes U+0085 (next line), U+2028 and U+2029 (line and paragraph separators): YAML 1.1
and libyaml take them as line breaks, YAML 1.2 and editors' tools as ordinary
characters, so the same file would mean two things. Text written as escapes in quotes
("\f", "\x01", "\u2028") is held to the same rule once YAML has read it.

PyYAML follows YAML 1.1, where an unquoted `19:00` is the integer 1140, `no` is false and
a repeated key silently wins. Editors' tools (VS Code, GitHub) follow YAML 1.2. So this
module walks libyaml's parse events itself and builds plain Python values with the YAML
1.2 core schema: `19:00` and `2026-03-11` stay text for the model to read. Duplicate
keys, anchors, aliases and tags are refused, and nesting is bounded, so nothing can
expand or surprise.
"""

from __future__ import annotations

import errno
import math
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

Loc = tuple[str | int, ...]

MAX_FILE_BYTES = 512 * 1024
# A ward file nests six deep at most (meetings, a meeting, its attendance, a list); this
# leaves room, and stops a file of thousands of brackets long before Python would.
MAX_DEPTH = 12
MAX_DIGITS = 15  # Python refuses to read numbers of more than 4300 digits

# Characters an editor cannot see or did not mean to type: C0 and C1 controls but tab and
# line feed (a carriage return only before a line feed), the Unicode line and paragraph
# separators, and every invisible format character: the soft hyphen, the zero-width space
# and word joiners (a name with one inside passes for another), every bidirectional
# control (the marks U+200E, U+200F and U+061C too: around "12/03" they reorder what
# residents read), the tag characters (U+E0000 to U+E007F, which hide whole sentences),
# the annotation and shorthand controls. Also the blank "letters" (Hangul fillers, the
# Khmer inherent vowels, the combining grapheme joiner, the blank braille pattern that
# makes a name look empty), a byte order mark inside the file, and the noncharacters.
# The zero-width joiner and non-joiner stay where Bengali spelling or an emoji needs
# them, beside a character that is not ASCII, but not inside an English word, where they
# only hide; a variation selector stays after a symbol, digit, # or * (☎️, 1️⃣), where it
# picks emoji or text, but not after a letter; the Mongolian ones never.
_UNSEEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5"
    "\u180b-\u180f\u200b\u200e\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\u2800\u3164\ufeff\ufdd0-\ufdef\uffa0\ufff9-\ufffb\ufffe\uffff\U0001bca0-\U0001bca3"
    "\U00013430-\U0001343f\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
    "\U000e0100-\U000e01ef]"
    "|(?<![^\x00-\x7f])[\u200c\u200d](?![^\x00-\x7f])"
    "|(?<![0-9#*\xa9\xae\u2000-\u2bff\u3030\u303d\u3297\u3299\U0001f000-\U0001faff])"
    "[\ufe00-\ufe0f]"
)
# Accent marks stacked five or more on one letter spill over the lines above and below
# and hide them ("Zalgo" text); no word of English or Bengali stacks more than three.
MAX_MARKS = 4
_PILED = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0981-\u0983\u09bc-\u09d7\u09e2\u09e3\u1ab0-\u1aff"
    f"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{{{MAX_MARKS + 1},}}"
)
_PILED_MESSAGE = (
    f"{{count}} accent marks are stacked on one letter here; they spill over the lines "
    f"around it. Keep at most {MAX_MARKS}, or retype the word"
)
_NAMES = {
    "\x00": "NUL",
    "\x08": "backspace",
    "\x0b": "vertical tab",
    "\x0c": "form feed",
    "\r": "carriage return",
    "\x1b": "escape",
    "\x7f": "delete",
    "\x85": "next line",
    "\u2028": "line separator",
    "\u2029": "paragraph separator",
    "\ufeff": "byte order mark",
}


def describe(char: str) -> str:
    """A character as a message can name it: `form feed, U+000C`."""
    name = _NAMES.get(char) or unicodedata.name(char, "").lower() or "control character"
    return f"{name}, U+{ord(char):04X}"


def unseen(text: str) -> re.Match[str] | None:
    """The first character no editor should have typed, if any."""
    return _UNSEEN.search(text)


try:  # libyaml is ~40 times faster; fall back so a machine without it still works.
    _Parser: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Parser = yaml.SafeLoader

# The YAML 1.2 core schema for plain (unquoted) scalars.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_MAYBE_NOT_TEXT = frozenset("~nNtTfF+-.0123456789")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a source file."""

    line: int
    column: int


@dataclass
class Document:
    """A parsed YAML file: its value, and where each value and key stands in the file."""

    path: str
    text: str = ""
    value: Any = None
    # 0-based (line, column) pairs, made into Marks only when a problem needs one.
    values: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def mark_of(self, loc: Loc, *, key: bool = False) -> Mark:
        """The closest known position for `loc`: the value (or key) itself, else its parent."""
        while True:
            found = (self.keys if key else self.values).get(loc) or self.values.get(loc)
            if found:
                return Mark(found[0] + 1, found[1] + 1)
            if not loc:
                return Mark(1, 1)
            loc = loc[:-1]


class YamlError(Exception):
    """A fault in the YAML itself, at a position in the file."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


_NOT_PLAIN = (
    "this is not a plain file (it is a link, a folder or a device); put the file itself here"
)


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """The file's text, or a YamlError saying plainly why it cannot be read.

    The file is opened without following a link and read no further than the size
    limit, so nothing but a plain file of bounded size is ever read.
    """
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a link
            raise YamlError(Mark(1, 1), _NOT_PLAIN) from None
        raise YamlError(Mark(1, 1), f"this file cannot be read ({error.strerror})") from None
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise YamlError(Mark(1, 1), _NOT_PLAIN)
        data = file.read(limit + 1)
    if len(data) > limit:
        raise YamlError(
            Mark(1, 1),
            f"the file is over {limit // 1024} KB; a file here should be well under "
            "that. Check that the right file was added",
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise YamlError(
            Mark(line, 1),
            "this file is not saved as UTF-8 text. Save it again as UTF-8 "
            "(your editor's 'Save with encoding' option)",
        ) from None
    return checked(text.removeprefix("\ufeff").replace("\r\n", "\n"))


def piled(text: str) -> re.Match[str] | None:
    """The first run of accent marks stacked on one letter beyond any word's, if any."""
    return None if text.isascii() else _PILED.search(text)


def checked(text: str) -> str:
    """The text, if it holds no character an editor cannot see and no pile of accents;
    else a YamlError at it."""
    found = unseen(text)
    if found is not None:
        raise YamlError(
            _position(text, found.start()),
            f"there is an invisible character here ({describe(found.group())}), which "
            "editors and tools read differently; delete it, or retype this line",
        )
    stacked = piled(text)
    if stacked is not None:
        raise YamlError(
            _position(text, stacked.start()), _PILED_MESSAGE.format(count=len(stacked.group()))
        )
    return text


def _position(text: str, index: int) -> Mark:
    line_start = text.rfind("\n", 0, index) + 1
    return Mark(text.count("\n", 0, index) + 1, index - line_start + 1)


def load_document(path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file. Returns the document, or the problem that stopped it."""
    try:
        document = parse_yaml(read_text(path), display)
    except YamlError as problem:
        return None, [Problem(display, problem.mark.line, problem.mark.column, "", problem.message)]
    return document, []


def parse_yaml(text: str, display: str) -> Document:
    """Build a Document from YAML text; raise YamlError on anything editors must fix."""
    text = checked(text.replace("\r\n", "\n"))
    document = Document(display, text)
    parser = _Parser(text)
    try:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            raise YamlError(Mark(1, 1), "the file is empty")
        parser.get_event()  # document start
        document.value = _build(parser, (), document)
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            event = parser.peek_event()
            raise YamlError(
                _mark(event.start_mark),
                "the file holds more than one YAML document; remove the '---' line",
            )
    except yaml.MarkedYAMLError as error:
        raise YamlError(_where(error), _explain(error, text)) from None
    finally:
        parser.dispose()
    return document


def _where(error: yaml.MarkedYAMLError) -> Mark:
    """Where to send the editor: to the opening bracket or quote, when one was left open."""
    context = error.context or ""
    opened = "flow" in context or "quoted scalar" in context
    return _mark(error.context_mark if opened and error.context_mark else error.problem_mark)


def _mark(mark: Any) -> Mark:
    return Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)


def _build(parser: Any, loc: Loc, document: Document) -> Any:
    event = parser.get_event()
    kind = type(event)
    if kind is yaml.AliasEvent:
        raise YamlError(
            _mark(event.start_mark),
            f"'*{event.anchor}' repeats another part of the file; "
            "write the value out in full instead",
        )
    if event.anchor is not None:
        raise YamlError(
            _mark(event.start_mark),
            f"'&{event.anchor}' marks a part of the file to repeat; "
            "this is not allowed here, remove it",
        )
    if event.tag is not None and event.tag != "!":
        tag = event.tag.replace("tag:yaml.org,2002:", "!!")
        raise YamlError(_mark(event.start_mark), f"the tag '{tag}' is not allowed; remove it")
    start = event.start_mark
    document.values[loc] = (start.line, start.column)
    if kind is yaml.ScalarEvent:
        value = event.value
        found = None if value.isascii() and value.isprintable() else unseen(value)
        if found is not None:
            raise YamlError(
                _mark(start),
                f"this text holds an invisible character ({describe(found.group())}), written "
                "as an escape; remove it",
            )
        stacked = piled(value)
        if stacked is not None:
            raise YamlError(_mark(start), _PILED_MESSAGE.format(count=len(stacked.group())))
        return _composed(_scalar(event))
    if len(loc) >= MAX_DEPTH:
        raise YamlError(
            _mark(start),
            f"lists and groups are nested more than {MAX_DEPTH} deep here; a data file needs "
            "far fewer. Check the brackets and the indentation",
        )
    if kind is yaml.SequenceStartEvent:
        items: list[Any] = []
        while type(parser.peek_event()) is not yaml.SequenceEndEvent:
            items.append(_build(parser, (*loc, len(items)), document))
        parser.get_event()
        return items
    mapping: dict[str, Any] = {}
    keys = document.keys
    while type(parser.peek_event()) is not yaml.MappingEndEvent:
        key_event = parser.get_event()
        if type(key_event) is not yaml.ScalarEvent or key_event.anchor is not None:
            raise YamlError(
                _mark(key_event.start_mark), "a field name must be a single word, like 'name:'"
            )
        key = _composed(key_event.value)  # as written: `true:` names 'true', not 'True'

        if key in mapping:
            first_line = keys[(*loc, key)][0] + 1
            raise YamlError(
                _mark(key_event.start_mark),
                f"'{key}' appears twice in the same place "
                f"(first on line {first_line}); keep only one",
            )
        key_mark = _mark(key_event.start_mark)
        keys[(*loc, key)] = (key_mark.line - 1, key_mark.column - 1)
        mapping[key] = _build(parser, (*loc, key), document)
    parser.get_event()
    return mapping


def _composed(value: Any) -> Any:
    """Text in one spelling (Unicode NFC): a key or a term typed with its accents or vowel
    signs as separate characters (NFD, as some Mac tools save them) matches the same one
    typed whole."""
    if isinstance(value, str) and not unicodedata.is_normalized("NFC", value):
        return unicodedata.normalize("NFC", value)
    return value


def _scalar(event: Any) -> Any:
    """Resolve a scalar with the YAML 1.2 core schema; quoted and block text stay text."""
    value: str = event.value
    if not event.implicit[0]:  # quoted or block text
        return value
    if value and value[0] not in _MAYBE_NOT_TEXT:
        return value  # most plain scalars are words: skip the pattern matching
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT.match(value):
        digits = len(value.lstrip("+-"))
        if digits > MAX_DIGITS:
            raise YamlError(
                _mark(event.start_mark),
                f"this number has {digits} digits; no number in a data file needs more than "
                f"{MAX_DIGITS}. If it is text, put it in quotes",
            )
        return int(value)
    if _FLOAT.match(value):
        number = float(value)
        if not math.isfinite(number):  # 1e400 reads as infinity
            raise YamlError(
                _mark(event.start_mark),
                f"the number {value} is too large to be right. If it is text, put it in quotes",
            )
        return number
    return value


_TAB = "this line has a tab character; YAML needs spaces to indent, not tabs"
_EXPLANATIONS = (
    ("while scanning a quoted scalar", "a quote mark (' or \") is opened but never closed"),
    (
        "mapping values are not allowed",
        "there is a ':' where YAML does not expect one. If the text contains ': ', put the "
        "whole text in quotes; otherwise check the indentation of this line",
    ),
    (
        "could not find expected ':'",
        "YAML expected 'name: value' here. Check that this line has a ':' and is indented "
        "like the lines around it",
    ),
    ("did not find expected key", "this line is not indented like the lines around it"),
    (
        "did not find expected '-' indicator",
        "this line is not indented like the list items around it",
    ),
    ("expected ',' or ']'", "a list that starts with '[' is not closed with ']'"),
    ("expected ',' or '}'", "a group that starts with '{' is not closed with '}'"),
    (
        "while parsing a flow node",
        "a list or group opened with '[' or '{' is not closed, or has nothing in it",
    ),
    ("found undefined alias", "'*' repeats another part of the file; this is not allowed"),
)


def _explain(error: yaml.MarkedYAMLError, source: str) -> str:
    """Say what a libyaml error means, in words editors know."""
    mark = error.problem_mark
    lines = source.splitlines()
    if mark is not None and mark.line < len(lines) and "\t" in lines[mark.line]:
        return _TAB
    text = f"{error.context or ''} {error.problem or ''}"
    for needle, explanation in _EXPLANATIONS:
        if needle in text:
            return explanation
    return f"the YAML cannot be read here ({(error.problem or 'syntax error').strip()})"

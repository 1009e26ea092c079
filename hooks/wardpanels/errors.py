"""Problems found in editors' files, located to the file, line and field."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor should fix (an error) or know about (a warning).

    Ordered by file, line and column so a run's problems read top to bottom.
    """

    file: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def plain(self) -> str:
        """`wards/bow-east.yml:23:7: meetings[2].end: 18:00 is not after the start, 19:00`.

        Characters that a terminal would act on (an escape sequence, a line break from a
        file's name or value) are shown as codes, so a message is always one plain line.
        """
        where = f"{self.file}:{self.line}:{self.column}"
        label = "" if self.severity is Severity.ERROR else "warning: "
        return _printable(f"{where}: {label}{self.what}")

    def at_line(self) -> str:
        """`line 23: meetings[2].end: 18:00 is not after the start, 19:00`, for a list
        under the file's name."""
        return _printable(f"line {self.line}: {self.what}")

    @property
    def what(self) -> str:
        """The field and what is wrong with it."""
        return f"{self.field}: {self.message}" if self.field else self.message

    def github(self) -> str:
        """A GitHub Actions workflow command, shown on the changed line of a pull request.

        GitHub reads `%`, CR and LF in the message, and also `:` and `,` in a property,
        as part of the command; escaped, a file name or a value cannot add one.
        """
        where = f"file={_property(self.file)},line={self.line},col={self.column}"
        return workflow_command(f"{self.severity.value} {where}", self.what)


def workflow_command(command: str, text: str) -> str:
    """`::group::text`: a GitHub Actions workflow command, its text one escaped line."""
    return f"::{command}::{_data(_printable(text))}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def _printable(text: str) -> str:
    """Control characters as `\\x1b`-style codes, so the text cannot act on a terminal."""
    return "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in text
    )


class DataError(Exception):
    """Raised when editors' files have errors; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(p.plain() for p in self.problems))


def field_path(loc: Iterable[str | int]) -> str:
    """`("meetings", 2, "end")` → `meetings[2].end`, as editors see the file."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def not_written(path: object, error: OSError) -> str:
    """One line for a file or folder a command could not write (a full disk, a read-only
    folder), said the same way by every command."""
    return f"{path} could not be written ({error.strerror or error})."

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
        """`wards/bow-east.yml:23:7: meetings[2].end: 18:00 is not after the start, 19:00`."""
        where = f"{self.file}:{self.line}:{self.column}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        label = "" if self.severity is Severity.ERROR else "warning: "
        return f"{where}: {label}{what}"

    def github(self) -> str:
        """A GitHub Actions workflow command, shown on the changed line of a pull request."""
        what = f"{self.field}: {self.message}" if self.field else self.message
        what = what.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return (
            f"::{self.severity.value} file={self.file},line={self.line},col={self.column}::{what}"
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

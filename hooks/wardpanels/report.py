"""What a check of the data says at its end, in words a newcomer can trust.

`wardpanels validate` and the build both print it: the warnings grouped by file (by
default a line per file, with their count and fields; every warning with `verbose`), then one
line that says what was checked and whether anything stops publishing. Errors are listed
in full elsewhere, one line each; `errors_summary` sums them up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from .errors import Problem, Severity, workflow_command
from .site import Site

VERBOSE_HINT = "To read each warning, run: wardpanels validate --verbose"


@dataclass(frozen=True)
class Report:
    """A site's warnings, and what was checked."""

    warnings: tuple[Problem, ...]
    wards: int
    terms: int
    ward_files: frozenset[str]  # the ward files' names, as problems name them

    @classmethod
    def of(cls, site: Site) -> Report:
        return cls(
            warnings=site.warnings,
            wards=len(site.wards),
            terms=len(site.glossary),
            ward_files=frozenset(record.source for record in site.wards),
        )

    def grouped(self, *, verbose: bool = False) -> list[str]:
        """A line for each file with warnings: their count and the fields they are about,
        then (with `verbose`) each warning at its line."""
        lines = []
        for file, found in _by_file(self.warnings):
            if verbose:
                lines.append(f"{file}: {_count(len(found), 'warning')}")
                lines.extend(f"  {problem.at_line()}" for problem in found)
            else:
                about = dict.fromkeys(problem.field or f"line {problem.line}" for problem in found)
                lines.append(f"{file}: {_count(len(found), 'warning')} ({', '.join(about)})")
        if lines and not verbose:
            lines.append(VERBOSE_HINT)
        return lines

    def github(self) -> list[str]:
        """Every warning marked on its line of a pull request, each file's folded in the
        job's log under its name and count."""
        lines = []
        for file, found in _by_file(self.warnings):
            lines.append(workflow_command("group", f"{file}: {_count(len(found), 'warning')}"))
            lines.extend(problem.github() for problem in found)
            lines.append("::endgroup::")
        return lines

    def summary(self, *, strict: bool = False) -> str:
        """`20 wards and 82 glossary terms checked: no errors; 61 warnings in 17 wards,
        none stops publishing.`"""
        checked = f"{_count(self.wards, 'ward')} and {_count(self.terms, 'glossary term')} checked"
        if not self.warnings:
            return f"{checked}: no errors, no warnings."
        files = {problem.file for problem in self.warnings}
        kind = "ward" if files <= self.ward_files else "file"
        count = len(self.warnings)
        if strict:
            verdict = "which fail this check because of --strict"
        else:
            verdict = "none stops publishing" if count > 1 else "it does not stop publishing"
        return (
            f"{checked}: no errors; {_count(count, 'warning')} in {_count(len(files), kind)}, "
            f"{verdict}."
        )


def errors_summary(problems: Sequence[Problem]) -> str:
    """`3 errors in 2 files, listed above: nothing is published until they are fixed.`"""
    errors = [problem for problem in problems if problem.severity is Severity.ERROR]
    files = {problem.file for problem in errors}
    them = "it is" if len(errors) == 1 else "they are"
    return (
        f"{_count(len(errors), 'error')} in {_count(len(files), 'file')}, listed above: "
        f"nothing is published until {them} fixed."
    )


def _by_file(problems: Iterable[Problem]) -> Iterator[tuple[str, list[Problem]]]:
    for file, found in groupby(sorted(problems), key=lambda problem: problem.file):
        yield file, list(found)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"

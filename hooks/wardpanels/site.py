"""Load every ward and glossary file once into one Site that every output reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .errors import DataError, Problem, Severity
from .history import FileHistory, committed_versions, file_history
from .loading import Mark, load_document
from .model import SLUG_PATTERN, GlossaryFile, GlossaryTerm, Ward
from .rules import PlacedTerm, glossary_problems, ward_problems
from .standards import Assessment, assess
from .text import anchor_id, slugify
from .validation import problem_at, validate_document


@dataclass(frozen=True)
class Sources:
    """Where the data lives. `root` is the project folder that error messages name paths from."""

    root: Path
    wards: Path
    glossary: Path


@dataclass(frozen=True)
class WardRecord:
    """A ward with the slug its file name gives, and the file it came from."""

    slug: str
    source: str
    ward: Ward
    history: FileHistory
    assessments: tuple[Assessment, ...]  # how the panel measures up to the standards

    @property
    def page(self) -> str:
        """The generated page's path under the docs folder."""
        return f"wards/{self.slug}.md"

    @property
    def url(self) -> str:
        """The page's public address, relative to the site root."""
        return f"wards/{self.slug}/"


@dataclass(frozen=True)
class Site:
    """Everything the outputs need, read and checked once."""

    wards: tuple[WardRecord, ...]
    glossary: tuple[GlossaryTerm, ...]
    now: datetime
    warnings: tuple[Problem, ...] = ()


def load_site(sources: Sources, now: datetime, *, read_history: bool = True) -> Site:
    """Read and check every file; raise DataError listing every problem in every file.

    With `read_history`, git history dates each ward's changes (see history.py); without
    it, every ward counts as changed at `now`.
    """
    problems: list[Problem] = []
    with ThreadPoolExecutor(max_workers=1) as background:
        # git reads the history while the files are parsed: the thread mostly waits on git.
        wanted = _ward_files(sources) if read_history else []
        history = background.submit(committed_versions, sources.wards, wanted)
        checked = list(_check_wards(sources, now, problems))
        problems.extend(_clashes(checked))
        glossary = _load_glossary(sources, problems)
        if problems:
            raise DataError(problems)
        versions = history.result()
    wards = [
        WardRecord(
            slug=c.path.stem,
            source=c.source,
            ward=c.ward,
            history=file_history(versions.get(c.path.resolve(), []), c.value, now, c.text),
            assessments=c.assessments,
        )
        for c in checked
    ]
    warnings = [warning for c in checked for warning in c.warnings]
    return Site(
        wards=tuple(sorted(wards, key=lambda record: (record.ward.name.lower(), record.slug))),
        glossary=tuple(sorted(glossary, key=lambda term: anchor_id(term.term))),
        now=now,
        warnings=tuple(sorted(warnings)),
    )


# Names the site gives its own files: the ward list (wards/index.md), the borough's update
# feed (feeds/all.xml) and calendar (calendars/all-wards.ics). A ward file with one of
# these names would overwrite them.
RESERVED_SLUGS = frozenset({"index", "all", "all-wards"})

# A ward's identity: two files with the same one would give residents two pages.
_IDENTITY = ("name", "gss_code")


@dataclass(frozen=True)
class _CheckedWard:
    """A ward file that passed every check, with what later steps need from its document.

    The document's line marks are not kept: at 1000 wards they would hold over 100 MB.
    """

    path: Path
    source: str
    ward: Ward
    value: Any  # the file as parsed and its text: history compares them with git's
    text: str
    assessments: tuple[Assessment, ...]
    warnings: tuple[Problem, ...]
    identity_marks: dict[str, Mark]


def _ward_files(sources: Sources) -> list[Path]:
    return sorted(sources.wards.glob("*.yml")) if sources.wards.is_dir() else []


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _check_wards(
    sources: Sources, now: datetime, problems: list[Problem]
) -> Iterator[_CheckedWard]:
    if not sources.wards.is_dir():
        problems.append(
            Problem(_display(sources.wards, sources.root), 1, 1, "", "the wards folder is missing")
        )
        return
    for path in sorted(sources.wards.iterdir()):
        display = _display(path, sources.root)
        if path.suffix == ".yaml":
            problems.append(
                Problem(display, 1, 1, "", f"ward files end in .yml: rename it to {path.stem}.yml")
            )
            continue
        if path.suffix != ".yml":
            continue
        if path.stem in RESERVED_SLUGS:
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    f"the site uses the name '{path.stem}' for a page of its own: rename the "
                    "file after the ward, like bow-east.yml",
                )
            )
            continue
        if not re.match(SLUG_PATTERN, path.stem):
            suggested = slugify(path.stem) or "ward"
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    "the file name gives the ward's web address, so it may hold only lower-case "
                    f"letters, numbers and hyphens: rename it to {suggested}.yml",
                )
            )
            continue
        document, found = load_document(path, display)
        problems.extend(found)
        if document is None:
            continue
        ward, found = validate_document(Ward, document)
        problems.extend(found)
        if ward is not None:
            problems.extend(ward_problems(document, ward))
            assessments = tuple(assess(ward, now))
            yield _CheckedWard(
                path=path,
                source=document.path,
                ward=ward,
                value=document.value,
                text=document.text,
                assessments=assessments,
                warnings=tuple(
                    problem_at(document, loc, message, Severity.WARNING)
                    for assessment in assessments
                    for loc, message in assessment.warnings
                ),
                identity_marks={field: document.mark_of((field,)) for field in _IDENTITY},
            )


def _load_glossary(sources: Sources, problems: list[Problem]) -> list[GlossaryTerm]:
    placed: list[PlacedTerm] = []
    paths = sorted(sources.glossary.glob("*.yml")) if sources.glossary.is_dir() else []
    for path in paths:
        document, found = load_document(path, _display(path, sources.root))
        problems.extend(found)
        if document is None:
            continue
        terms, found = validate_document(GlossaryFile, document)
        problems.extend(found)
        if terms is not None:
            placed.extend(
                PlacedTerm(document, index, term) for index, term in enumerate(terms.root)
            )
    problems.extend(glossary_problems(placed))
    return [entry.term for entry in placed]


def _clashes(checked: list[_CheckedWard]) -> Iterator[Problem]:
    """Two files describing the same ward would give residents two pages for it."""
    for field in _IDENTITY:
        seen: dict[str, str] = {}
        for entry in checked:
            value = getattr(entry.ward, field)
            if value is None:
                continue
            if value.lower() in seen:
                mark = entry.identity_marks[field]
                yield Problem(
                    entry.source,
                    mark.line,
                    mark.column,
                    field,
                    f"{seen[value.lower()]} already has this {field}; each ward has one file",
                )
            seen.setdefault(value.lower(), entry.source)

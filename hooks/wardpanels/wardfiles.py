"""Each ward file read and checked: alone, against the other ward files, and against the
postcode table and the map's polygons. `site.load_site` gathers what passes into the Site.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from . import files
from .boundaries import BOUNDARIES_FILE, Boundaries
from .datasets import Sources
from .errors import Problem, Severity
from .loading import Mark
from .lookalike import skeleton
from .model import Ward
from .postcodes import PostcodeTable, far_postcodes
from .rules import ward_problems
from .settings import Settings
from .standards import Assessment, assess
from .validation import load_valid, problem_at

# A ward's identity: two files with the same one would give residents two pages.
IDENTITY = ("name", "gss_code")


@dataclass(frozen=True)
class CheckedWard:
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


def check_wards(
    found: list[tuple[Path, str]], settings: Settings, now: datetime, problems: list[Problem]
) -> Iterator[CheckedWard]:
    for path, display in found:
        slug_problem = files.slug_problem(path, display)
        if slug_problem:
            problems.append(slug_problem)
            continue
        loaded = load_valid(Ward, path, display, problems)
        if loaded is None:
            continue
        document, ward = loaded
        problems.extend(ward_problems(document, ward, now))
        assessments = tuple(assess(ward, now, settings.standards))
        yield CheckedWard(
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
            identity_marks={name: document.mark_of((name,)) for name in IDENTITY},
        )


def clashes(checked: list[CheckedWard]) -> Iterator[Problem]:
    """Two files describing the same ward would give residents two pages for it: names
    are compared as they look, so one in look-alike letters is the same name."""
    for name in IDENTITY:
        seen: dict[str, str] = {}
        for entry in checked:
            value = getattr(entry.ward, name)
            if value is None:
                continue
            looks = skeleton(value)
            if looks in seen:
                mark = entry.identity_marks[name]
                yield Problem(
                    entry.source,
                    mark.line,
                    mark.column,
                    name,
                    f"{seen[looks]} already has this {name}, or one that looks the same; "
                    "each ward has one file",
                )
            seen.setdefault(looks, entry.source)


def postcode_warnings(
    checked: list[CheckedWard], postcodes: PostcodeTable | None, sources: Sources
) -> Iterator[Problem]:
    """Wards the finder cannot find by postcode, and postcodes whose ward has no file."""
    if postcodes is None:
        return
    known = postcodes.wards()
    for c in checked:
        code = c.ward.gss_code
        if code is not None and code not in known:
            mark = c.identity_marks["gss_code"]
            yield Problem(
                c.source,
                mark.line,
                mark.column,
                "gss_code",
                f"no postcode in the postcode table is in {code}, so the ward finder cannot "
                "find this ward by postcode; check the code",
                Severity.WARNING,
            )
    with_file = {c.ward.gss_code for c in checked}
    table = (
        files.display(sources.postcodes, sources.root) + "/postcodes.csv"
        if sources.postcodes
        else ""
    )
    for postcode in far_postcodes(postcodes):
        yield Problem(
            table,
            postcodes.lines.get(postcode, 1),
            1,
            "",
            f"{postcode} is far from the table's other postcodes (almost none of them start "
            "like it); check that it belongs to the borough",
            Severity.WARNING,
        )
    for code in sorted(known - with_file):
        yield Problem(
            table,
            1,
            1,
            "",
            f"postcodes here are in the ward {code}, but no ward file has that gss_code",
            Severity.WARNING,
        )


def boundary_warnings(
    checked: list[CheckedWard], boundaries: Boundaries | None, sources: Sources
) -> Iterator[Problem]:
    """Wards the map leaves out (they stay in the list beside it), and polygons of wards
    with no file."""
    if boundaries is None or sources.boundaries is None:
        return
    drawn = boundaries.by_code()
    shown = files.display(sources.boundaries, sources.root) + "/" + BOUNDARIES_FILE
    for c in checked:
        code = c.ward.gss_code
        if code not in drawn:
            mark = c.identity_marks["gss_code"]
            reason = f"{shown} has no polygon for {code}" if code else "it has no gss_code"
            yield Problem(
                c.source,
                mark.line,
                mark.column,
                "gss_code",
                f"{reason}, so the map of the wards leaves this ward out (it stays in the "
                "list beside the map)",
                Severity.WARNING,
            )
    with_file = {c.ward.gss_code for c in checked}
    for code in sorted(set(drawn) - with_file):
        yield Problem(
            shown,
            1,
            1,
            "",
            f"there is a polygon for the ward {code}, but no ward file has that gss_code",
            Severity.WARNING,
        )

"""Load every ward and glossary file once into one Site that every output reads."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import DataError, Problem
from .loading import Document, load_document
from .model import SLUG_PATTERN, GlossaryFile, GlossaryTerm, Ward
from .rules import PlacedTerm, glossary_problems, ward_problems
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


def load_site(sources: Sources, now: datetime) -> Site:
    """Read and check every file; raise DataError listing every problem in every file."""
    problems: list[Problem] = []
    loaded = list(_load_wards(sources, problems))
    problems.extend(_clashes(loaded))
    wards = [record for _, record in loaded]
    glossary = _load_glossary(sources, problems)
    if problems:
        raise DataError(problems)
    return Site(
        wards=tuple(sorted(wards, key=lambda record: (record.ward.name.lower(), record.slug))),
        glossary=tuple(sorted(glossary, key=lambda term: anchor_id(term.term))),
        now=now,
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _load_wards(sources: Sources, problems: list[Problem]) -> Iterator[tuple[Document, WardRecord]]:
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
        if not re.match(SLUG_PATTERN, path.stem):
            problems.append(
                Problem(
                    display,
                    1,
                    1,
                    "",
                    f"the file name gives the ward's web address, so it may "
                    f"hold only lower-case letters, numbers and hyphens: rename it to "
                    f"{slugify(path.stem) or 'the-ward-name'}.yml",
                )
            )
            continue
        document, found = load_document(path, display)
        problems.extend(found)
        if document is None:
            continue
        ward, found = validate_document(Ward, document)
        problems.extend(found)
        if ward is None:
            continue
        problems.extend(ward_problems(document, ward))
        yield document, WardRecord(slug=path.stem, source=display, ward=ward)


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


def _clashes(loaded: list[tuple[Document, WardRecord]]) -> Iterator[Problem]:
    """Two files describing the same ward would give residents two pages for it."""
    for field in ("name", "gss_code"):
        seen: dict[str, str] = {}
        for document, record in loaded:
            value = getattr(record.ward, field)
            if value is None:
                continue
            if value.lower() in seen:
                yield problem_at(
                    document,
                    (field,),
                    f"{seen[value.lower()]} already has this {field}; each ward has one file",
                )
            seen.setdefault(value.lower(), record.source)

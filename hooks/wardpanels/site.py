"""Load every data file once into one Site that every output reads.

A Site is the whole input of a build, read and checked: the wards, the glossary, the
postcode table, the languages and their translations, each ward's git history and how
it measures up to the standards. Loading either gives a Site or raises DataError listing
every problem in every file.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from . import files
from .boundaries import Boundaries
from .datasets import (
    Sources,
    load_boundaries,
    load_glossary,
    load_languages,
    load_postcodes,
    missing_pages,
)
from .errors import DataError, Problem, Severity
from .history import FileHistory, committed_versions, file_history
from .i18n import ENGLISH_LANGUAGE, Language
from .localise import Key
from .model import GlossaryTerm, Ward
from .modelines import DataFile, modeline_problem
from .postcodes import PostcodeTable
from .schema import schema_file
from .scrutiny import ActionPlan, load_plan
from .settings import Settings
from .standards import Assessment, standards_for
from .text import anchor_id
from .translations import load_translations
from .wardfiles import boundary_warnings, check_wards, clashes, postcode_warnings


@dataclass(frozen=True)
class WardRecord:
    """A ward with the slug its file name gives, and the file it came from."""

    slug: str
    source: str
    ward: Ward
    history: FileHistory
    assessments: tuple[Assessment, ...]  # how the panel measures up to the standards


@dataclass(frozen=True)
class Site:
    """Everything the outputs need, read and checked once."""

    wards: tuple[WardRecord, ...]
    glossary: tuple[GlossaryTerm, ...]
    now: datetime
    warnings: tuple[Problem, ...] = ()
    languages: tuple[Language, ...] = (ENGLISH_LANGUAGE,)
    postcodes: PostcodeTable | None = None
    boundaries: Boundaries | None = None  # the wards' polygons, for the map
    # Each language's translations of editors' text: by ward slug ("" for the glossary).
    translations: Mapping[str, Mapping[str, Mapping[Key, str]]] = field(default_factory=dict)
    # Which of them are drafts a fluent reader has yet to check, by language.
    drafts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # How much of the editors' text each language has: translated, out of date, wanted.
    coverage: Mapping[str, tuple[int, int, int]] = field(default_factory=dict)
    plan: ActionPlan | None = None  # the scrutiny action plan, when the borough has one

    @property
    def sample(self) -> bool:
        """True when any ward's content is illustrative, not real."""
        return any(record.ward.sample for record in self.wards)

    @cached_property
    def postcode_districts(self) -> tuple[str, ...]:
        """The postcode districts with at least one postcode in a ward of the site."""
        if self.postcodes is None:
            return ()
        known = {record.ward.gss_code for record in self.wards}
        return tuple(
            district
            for district in self.postcodes.districts()
            if any(
                code in known
                for _, wards in self.postcodes.district_sectors(district)
                for code, _ in wards
            )
        )

    def translations_for(self, language: Language, slug: str) -> Mapping[Key, str]:
        """One ward's translated text in a language (the glossary's with slug "")."""
        return self.translations.get(language.code, {}).get(slug, {})


def load_site(
    sources: Sources, settings: Settings, now: datetime, *, read_history: bool = True
) -> Site:
    """Read and check every file; raise DataError listing every problem in every file.

    With `read_history`, git history dates each ward's changes (see history.py); without
    it, every ward counts as changed at `now`.
    """
    problems: list[Problem] = []
    found = files.data_files(sources.wards, sources.root, required=True, problems=problems)
    with ThreadPoolExecutor(max_workers=1) as background:
        # git reads the history while the files are parsed: the thread mostly waits on git.
        wanted = [path for path, _ in found] if read_history else []
        history = background.submit(committed_versions, sources.wards, wanted, now)
        checked = list(check_wards(found, settings, now, problems))
        problems.extend(clashes(checked))
        read: list[DataFile] = [(path, shown, Ward) for path, shown in found]
        before = len(problems)
        glossary = load_glossary(sources, problems, read)
        glossary_read = not any(p.severity is Severity.ERROR for p in problems[before:])
        postcodes = load_postcodes(sources, problems)
        boundaries = load_boundaries(sources, problems)
        languages = load_languages(sources, settings, problems)
        problems.extend(missing_pages(sources, languages))
        readable = {c.path.name.removesuffix(files.SUFFIX): c.ward for c in checked}
        unreadable = {path.name.removesuffix(files.SUFFIX) for path, _ in found} - set(readable)
        if not glossary_read:
            unreadable.add("")  # the glossary's translation waits for the glossary
        standards = frozenset(standard.key for standard in standards_for(settings.standards))
        plan = load_plan(sources.scrutiny, sources.root, now, standards, problems)
        translated = {
            language.code: load_translations(
                sources.language_folder(language.code),
                sources.root,
                readable,
                {term.term: term for term in glossary},
                problems,
                unreadable,
            )
            for language in languages
        }
        read += [file for language in translated.values() for file in language.read]
        problems.extend(
            problem
            for path, shown, model in read
            if (problem := modeline_problem(path, shown, sources.root / schema_file(model)))
        )
        if any(problem.severity is Severity.ERROR for problem in problems):
            raise DataError(problems)  # the warnings too: they may say why, as for x.yaml
        committed = history.result()
    versions = committed.versions
    wards = []
    warnings = [problem for problem in problems if problem.severity is Severity.WARNING]
    if committed.refused:
        shown = files.display(sources.wards, sources.root)
        warnings.append(
            Problem(shown, 1, 1, "", f"git history: {committed.refused}", Severity.WARNING)
        )
    warnings += [warning for c in checked for warning in c.warnings]
    for c in checked:
        past = file_history(versions.get(c.path.resolve(), []), c.value, now, c.text)
        warnings.extend(
            Problem(
                c.source,
                1,
                1,
                "",
                f"git history: the version in commit {commit[:12]} "
                "cannot be read, so it counts as a change made in that commit",
                Severity.WARNING,
            )
            for commit in past.unreadable
        )
        wards.append(WardRecord(c.path.stem, c.source, c.ward, past, c.assessments))
    warnings.extend(postcode_warnings(checked, postcodes, sources))
    warnings.extend(boundary_warnings(checked, boundaries, sources))
    return Site(
        wards=tuple(sorted(wards, key=lambda record: (record.ward.name.lower(), record.slug))),
        glossary=tuple(sorted(glossary, key=lambda term: anchor_id(term.term))),
        now=now,
        warnings=tuple(sorted(warnings)),
        languages=(ENGLISH_LANGUAGE, *languages),
        postcodes=postcodes,
        boundaries=boundaries,
        translations={code: f.by_ward for code, f in translated.items()},
        drafts={code: frozenset(f.drafts) for code, f in translated.items()},
        coverage={code: (f.translated, f.stale, f.wanted) for code, f in translated.items()},
        plan=plan,
    )

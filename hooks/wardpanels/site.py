"""Load every data file once into one Site that every output reads.

A Site is the whole input of a build, read and checked: the wards, the glossary, the
postcode table, the languages and their translations, each ward's git history and how
it measures up to the standards. Loading either gives a Site or raises DataError listing
every problem in every file.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import Any

from . import files
from .boundaries import BOUNDARIES_FILE, Boundaries, read_boundaries
from .errors import DataError, Problem, Severity
from .history import FileHistory, committed_versions, file_history
from .i18n import CATALOGUE, ENGLISH_LANGUAGE, CatalogueError, Language, language, read_catalogue
from .loading import Mark, YamlError, parse_yaml, read_text
from .localise import Key
from .lookalike import skeleton
from .model import GlossaryFile, GlossaryTerm, Ward
from .modelines import DataFile, modeline_problem
from .postcodes import PostcodeSourceError, PostcodeTable, far_postcodes, read_table
from .rules import PlacedTerm, glossary_problems, ward_problems
from .schema import schema_file
from .scrutiny import ActionPlan, load_plan
from .settings import Settings
from .standards import Assessment, assess, standards_for
from .text import anchor_id
from .translations import load_translations
from .validation import load_valid, problem_at


@dataclass(frozen=True)
class Sources:
    """Where the data lives. `root` is the project folder that error messages name paths from."""

    root: Path
    wards: Path
    glossary: Path
    postcodes: Path | None = None
    translations: Path | None = None
    pages: Path | None = None  # the hand-written pages (MkDocs' docs_dir)
    boundaries: Path | None = None
    scrutiny: Path | None = None  # the scrutiny action plan's folder

    @classmethod
    def of(cls, root: Path, settings: Settings, pages: str | None = None) -> Sources:
        """The folders the settings name, relative to the project folder."""
        return cls(
            root=root,
            wards=root / settings.wards,
            glossary=root / settings.glossary,
            postcodes=root / settings.postcodes,
            translations=root / settings.translations,
            pages=root / pages if pages else None,
            boundaries=root / settings.boundaries,
            scrutiny=root / settings.scrutiny,
        )

    def language_folder(self, code: str) -> Path:
        """Where a language's catalogue and translations are: under the translations
        folder, or the settings' default one when none was named."""
        default = Settings.model_fields["translations"].default
        return (self.translations or self.root / default) / code


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
        checked = list(_check_wards(found, settings, now, problems))
        problems.extend(_clashes(checked))
        read: list[DataFile] = [(path, shown, Ward) for path, shown in found]
        before = len(problems)
        glossary = _load_glossary(sources, problems, read)
        glossary_read = not any(p.severity is Severity.ERROR for p in problems[before:])
        postcodes = _load_postcodes(sources, problems)
        boundaries = _load_boundaries(sources, problems)
        languages = _load_languages(sources, settings, problems)
        problems.extend(_missing_pages(sources, languages))
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
    warnings.extend(_postcode_warnings(checked, postcodes, sources))
    warnings.extend(_boundary_warnings(checked, boundaries, sources))
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


def _check_wards(
    found: list[tuple[Path, str]], settings: Settings, now: datetime, problems: list[Problem]
) -> Iterator[_CheckedWard]:
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
            identity_marks={name: document.mark_of((name,)) for name in _IDENTITY},
        )


def _load_glossary(
    sources: Sources, problems: list[Problem], read: list[DataFile]
) -> list[GlossaryTerm]:
    placed: list[PlacedTerm] = []
    for path, display in files.data_files(sources.glossary, sources.root, problems=problems):
        read.append((path, display, GlossaryFile))
        loaded = load_valid(GlossaryFile, path, display, problems)
        if loaded is not None:
            document, terms = loaded
            placed.extend(
                PlacedTerm(document, index, term) for index, term in enumerate(terms.root)
            )
    problems.extend(glossary_problems(placed))
    return [entry.term for entry in placed]


def _load_postcodes(sources: Sources, problems: list[Problem]) -> PostcodeTable | None:
    """The committed postcode table, if the project has one."""
    if sources.postcodes is None or not sources.postcodes.is_dir():
        return None
    try:
        return read_table(sources.postcodes)
    except PostcodeSourceError as error:
        where = (
            files.display(sources.postcodes, sources.root) + "/" + (error.file or "").split("/")[-1]
        )
        problems.append(Problem(where, error.line or 1, 1, "", error.message))
        return None


def _load_boundaries(sources: Sources, problems: list[Problem]) -> Boundaries | None:
    """The committed ward boundaries, if the project has them."""
    if sources.boundaries is None or not sources.boundaries.is_dir():
        return None
    boundaries, found = read_boundaries(
        sources.boundaries, files.display(sources.boundaries, sources.root)
    )
    problems.extend(found)
    return boundaries


def _load_languages(
    sources: Sources, settings: Settings, problems: list[Problem]
) -> list[Language]:
    """Each language the settings list, with its catalogue of interface text."""
    found = []
    for setting in settings.languages:
        path = sources.language_folder(setting.code) / CATALOGUE
        shown = files.display(path, sources.root)
        if not path.is_file() and not path.is_symlink():
            problems.append(
                Problem(
                    shown,
                    1,
                    1,
                    "",
                    f"the {setting.name} catalogue is missing; make it with: wardpanels catalogue",
                )
            )
            continue
        try:
            catalogue = read_catalogue(path)
        except CatalogueError as error:
            problems.extend(
                Problem(shown, line, column, "", message) for line, column, message in error.faults
            )
            continue
        found.append(
            language(
                setting.code,
                setting.name,
                catalogue,
                complete=setting.complete,
                digits=setting.digits,
            )
        )
    return found


def _missing_pages(sources: Sources, languages: list[Language]) -> Iterator[Problem]:
    """A hand-written page marked `translated: true` has a copy in every language, at the
    same path under the language's folder: its language link and menu lead there."""
    if sources.pages is None or not languages:
        return
    codes = {language.code for language in languages}
    for path in sorted(sources.pages.rglob("*.md")):
        relative = path.relative_to(sources.pages)
        if relative.parts[0] in codes or not _marked_translated(path):
            continue
        for other in languages:
            copy = sources.pages / other.code / relative
            if not copy.is_file():
                yield Problem(
                    files.display(copy, sources.root),
                    1,
                    1,
                    "",
                    f"this page is missing: {files.display(path, sources.root)} says it is "
                    f"translated, so {other.name} needs its own copy here",
                )


def _marked_translated(path: Path) -> bool:
    """True when a page's front matter says `translated: true` (a page MkDocs cannot read
    is for MkDocs to report)."""
    try:
        text = read_text(path)  # bounded, and never through a link
    except YamlError:
        return False
    end = text.find("\n---", 4)
    if not text.startswith("---\n") or end == -1:
        return False
    try:
        meta = parse_yaml(text[4:end], path.name).value
    except YamlError:
        return False
    return isinstance(meta, dict) and meta.get("translated") is True


def _postcode_warnings(
    checked: list[_CheckedWard], postcodes: PostcodeTable | None, sources: Sources
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


def _boundary_warnings(
    checked: list[_CheckedWard], boundaries: Boundaries | None, sources: Sources
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


def _clashes(checked: list[_CheckedWard]) -> Iterator[Problem]:
    """Two files describing the same ward would give residents two pages for it: names
    are compared as they look, so one in look-alike letters is the same name."""
    for name in _IDENTITY:
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

"""The data beside the wards, each folder read into its part of the Site with its
problems: the glossary, the postcode table, the boundaries, each language's catalogue, and
the hand-written pages each language must have a copy of.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import files
from .boundaries import Boundaries, read_boundaries
from .errors import Problem
from .i18n import CATALOGUE, CatalogueError, Language, language, read_catalogue
from .loading import YamlError, parse_yaml, read_text
from .model import GlossaryFile, GlossaryTerm
from .modelines import DataFile
from .postcodes import PostcodeSourceError, PostcodeTable, read_table
from .rules import PlacedTerm, glossary_problems
from .settings import Settings
from .validation import load_valid


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


def load_glossary(
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


def load_postcodes(sources: Sources, problems: list[Problem]) -> PostcodeTable | None:
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


def load_boundaries(sources: Sources, problems: list[Problem]) -> Boundaries | None:
    """The committed ward boundaries, if the project has them."""
    if sources.boundaries is None or not sources.boundaries.is_dir():
        return None
    boundaries, found = read_boundaries(
        sources.boundaries, files.display(sources.boundaries, sources.root)
    )
    problems.extend(found)
    return boundaries


def load_languages(sources: Sources, settings: Settings, problems: list[Problem]) -> list[Language]:
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


def missing_pages(sources: Sources, languages: list[Language]) -> Iterator[Problem]:
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

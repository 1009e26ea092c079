"""The interface text to translate: one catalogue template, and a catalogue per language.

Every string a resident reads that is not data is marked `_("...")` or `ngettext(...)` in
the code and the templates. `wardpanels catalogue` extracts them all into
`translations/messages.pot` and brings each language's `translations/<code>/messages.po`
up to date with it (new strings added untranslated, old ones kept as obsolete), as
translators expect. `make test` fails when the template is out of date.
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from .errors import not_written
from .files import outside
from .i18n import CATALOGUE, TEMPLATE, CatalogueError, read_catalogue
from .settings import CONFIG_FILE, SettingsError, read_settings
from .templating import EXTRACTION_OPTIONS

PACKAGE = Path(__file__).resolve().parent
KEYWORDS = {"_": None, "_md": None, "_html": None, "_mark": None, "ngettext": (1, 2)}
METHODS = [("**.py", "python"), ("templates/**.j2", "jinja2")]
PROJECT = "Safer Neighbourhood ward panels"
# Catalogues record when they were made; a fixed date keeps them the same on every run.
_FIXED = datetime(2026, 1, 1, tzinfo=UTC)


def template() -> Catalog:
    """Every string to translate, in the order the code and templates hold them."""
    catalog = Catalog(project=PROJECT, fuzzy=False, header_comment=_HEADER)
    for filename, line, message, comments, context in extract_from_dir(
        PACKAGE,
        method_map=METHODS,
        options_map={"templates/**.j2": EXTRACTION_OPTIONS},
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    ):
        catalog.add(
            message,
            None,
            [(f"wardpanels/{filename}", line)],
            auto_comments=comments,
            context=context,
        )
    return catalog


_HEADER = """\
# The interface text of the ward panels site, to translate into each language.
# Written by `wardpanels catalogue`: do not edit by hand; edit translations/<code>/messages.po.
#"""


def _written(catalog: Catalog, **options: bool) -> bytes:
    out = io.BytesIO()
    write_po(
        out,
        catalog,
        width=100,
        omit_header=False,
        sort_output=False,
        include_lineno=False,
        **options,
    )
    # The creation date would change on every run; the header keeps a fixed one.
    return out.getvalue()


def main(root: Path, *, check: bool) -> int:
    """Write (or with `check`, compare) the template and every language's catalogue."""
    try:
        settings = read_settings(root / CONFIG_FILE)
    except SettingsError as error:
        print(error, file=sys.stderr)
        return 1
    folder = root / settings.translations
    fresh = template()
    fresh.creation_date = fresh.revision_date = _FIXED
    wanted = {folder / TEMPLATE: _written(fresh, ignore_obsolete=True)}
    for language in settings.languages:
        path = folder / language.code / CATALOGUE
        if path.exists():
            try:
                read_catalogue(path)  # a fault would be written back, made worse
            except CatalogueError as error:
                for line, column, message in error.faults:
                    print(f"{path.relative_to(root)}:{line}:{column}: {message}", file=sys.stderr)
                return 1
            with path.open("rb") as handle:
                existing = read_po(handle, locale=language.code.replace("-", "_"))
        else:
            existing = Catalog(locale=language.code.replace("-", "_"), project=PROJECT)
        existing.update(fresh, no_fuzzy_matching=True)
        existing.creation_date = existing.revision_date = _FIXED
        wanted[path] = _written(existing, include_previous=False, ignore_obsolete=True)
    away = [path for path in wanted if outside(root, path)]
    for path in away:
        print(f"{path} is outside the project folder; nothing was written", file=sys.stderr)
    if away:
        return 1
    stale = [
        path for path, text in wanted.items() if not path.exists() or path.read_bytes() != text
    ]
    if check:
        for path in stale:
            print(
                f"{path.relative_to(root)} is out of date: "
                "run 'wardpanels catalogue' and commit it",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path in stale:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(wanted[path])
        except OSError as error:
            print(not_written(path.relative_to(root), error), file=sys.stderr)
            return 1
        print(f"wrote {path.relative_to(root)}", file=sys.stderr)
    return 0

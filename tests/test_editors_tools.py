"""What editors' tools and `wardpanels validate` tell an editor about translations: each
file's `$schema` line leads to its schema, a misspelt field is named with the fields
there, drafts are listed, and a translation left behind by a change in English is a
warning while the page shows the English."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wardpanels.cli import main
from wardpanels.errors import DataError, Severity
from wardpanels.modelines import MODELINE
from wardpanels.render import render_site
from wardpanels.settings import CONFIG_FILE, read_settings
from wardpanels.site import Sources, load_site
from wardpanels.translations import fingerprint

from .conftest import MINIMAL_WARD, NOW

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "modelines"


@pytest.fixture
def copied(tmp_path: Path) -> Path:
    """The fixture project, with its schemas written as `wardpanels schema` writes them."""
    shutil.copytree(FIXTURE, tmp_path, dirs_exist_ok=True)
    assert main(["schema", "--root", str(tmp_path)]) == 0
    return tmp_path


def data_files(root: Path) -> list[Path]:
    return sorted(
        path
        for folder in ("wards", "glossary", "translations")
        for path in (root / folder).rglob("*.yml")
    )


def test_every_schema_line_in_a_project_leads_to_a_schema_that_exists(copied, capsys):
    found = data_files(copied)
    assert len(found) == 4  # a ward, a glossary file, and their translations
    for path in found:
        line = MODELINE.match(path.read_text(encoding="utf-8").splitlines()[0])
        assert line, path
        assert (path.parent / line.group(1)).is_file(), path
    assert main(["validate", "--root", str(copied), "--verbose"]) == 0
    assert "$schema" not in capsys.readouterr().out


def test_a_schema_line_that_leads_nowhere_is_a_warning_that_says_what_to_write(copied, capsys):
    translation = copied / "translations/bn/wards/elmbrook.yml"
    translation.write_text(  # the line the Bengali files had: one folder short
        "# yaml-language-server: $schema=../ward.schema.json\ndraft: true\n", encoding="utf-8"
    )
    assert main(["validate", "--root", str(copied), "--verbose"]) == 0
    assert (
        "translations/bn/wards/elmbrook.yml: 1 warning\n"
        "  line 1: the $schema line names ../ward.schema.json, which is not there, so editors' "
        "tools cannot check this file; make the first line: "
        "# yaml-language-server: $schema=../../ward.schema.json\n"
    ) in capsys.readouterr().out


def test_a_schema_line_that_leads_to_another_kind_of_file_is_a_warning(copied, capsys):
    translation = copied / "translations/bn/glossary.yml"
    translation.write_text(
        "# yaml-language-server: $schema=../../glossary/glossary.schema.json\ndraft: true\n",
        encoding="utf-8",
    )
    assert main(["validate", "--root", str(copied)]) == 0
    assert "translations/bn/glossary.yml: 1 warning (line 1)" in capsys.readouterr().out


def with_translation(project, ward: str, translation: str):
    """A project with one ward, Elmbrook, and its Bengali translation."""
    shutil.copy(FIXTURE / "mkdocs.yml", project.root / "mkdocs.yml")
    project("wards/elmbrook.yml", ward)
    project("translations/bn/messages.po", "")
    project("translations/bn/wards/elmbrook.yml", translation)
    settings = read_settings(project.root / CONFIG_FILE)
    return settings, Sources.of(project.root, settings)


WARD = MINIMAL_WARD.replace("Example Ward", "Elmbrook") + (
    "priorities:\n  - {id: brook-path, title: Lights on the brook path, agreed: 2026-10-14}\n"
)


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "    titel: {text: x, from: abcdefgh}\n",
            "priorities.brook-path.titel: 'titel' is not a field here. Did you mean 'title'?",
        ),
        (
            "    title: {txt: x, from: abcdefgh}\n",
            "priorities.brook-path.title.txt: 'txt' is not a field here. Did you mean 'text'?",
        ),
        (
            "    title: {words: x, from: abcdefgh}\n",
            "priorities.brook-path.title.words: 'words' is not a field here. "
            "Fields here: from, text.",
        ),
    ],
)
def test_a_misspelt_field_in_a_translation_entry_is_named_with_the_fields_there(
    project, entry, message
):
    settings, sources = with_translation(project, WARD, "priorities:\n  brook-path:\n" + entry)
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    said = [problem.plain() for problem in caught.value.problems]  # and 'text' is missing
    assert any(line.endswith(f": {message}") for line in said), said


def test_validate_names_the_translations_marked_as_drafts(project, capsys):
    with_translation(project, WARD, "draft: true\n")
    project("translations/bn/glossary.yml", "draft: true\n")
    assert main(["validate", "--root", str(project.root)]) == 0
    assert (
        "বাংলা (bn): 0 of 3 texts translated; drafts a fluent reader has yet to check: "
        "Elmbrook, the glossary." in capsys.readouterr().err
    )


MEETING = (
    "meetings:\n"
    "  - {{date: {date}, start: '19:00', end: '20:30', format: online, "
    "online: 'https://meet.example.org/elmbrook', note: Bring your questions.}}\n"
)


def test_moving_a_meeting_in_english_leaves_its_translation_behind_as_a_warning(project, capsys):
    note = fingerprint("Bring your questions.")
    translation = f"meetings:\n  2026-12-09:\n    note: {{text: আপনার প্রশ্ন আনুন।, from: {note}}}\n"
    settings, sources = with_translation(
        project, WARD + MEETING.format(date="2026-12-09"), translation
    )
    page = str(
        render_site(load_site(sources, settings, NOW), settings)["bn/wards/elmbrook.md"].content
    )
    assert "আপনার প্রশ্ন আনুন।" in page

    project("wards/elmbrook.yml", WARD + MEETING.format(date="2026-12-16"))  # the date corrected
    site = load_site(sources, settings, NOW)
    (warning,) = [w for w in site.warnings if w.file.startswith("translations/")]
    assert warning.severity is Severity.WARNING
    assert warning.plain().startswith(
        "translations/bn/wards/elmbrook.yml:3:5: warning: meetings.2026-12-09.note: there is no "
        "English text here, so this translation is not shown: if the id or the date changed"
    )
    page = str(render_site(site, settings)["bn/wards/elmbrook.md"].content)
    assert "আপনার প্রশ্ন আনুন।" not in page
    assert '<span lang="en">Bring your questions.</span>' in page
    assert main(["validate", "--root", str(project.root)]) == 0
    assert "checked: no errors" in capsys.readouterr().err

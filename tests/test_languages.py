"""Languages: interface text from catalogues, editors' text from translation files, and a
new language added as data alone."""

from __future__ import annotations

import unicodedata

import icalendar
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

from wardpanels import catalogue
from wardpanels.cli import main as cli_main
from wardpanels.errors import DataError
from wardpanels.render import render_site
from wardpanels.settings import CONFIG_FILE, read_settings
from wardpanels.site import Sources, load_site
from wardpanels.translations import fingerprint

from .conftest import MINIMAL_WARD, NOW, ROOT


def bundled_site():
    settings = read_settings(ROOT / CONFIG_FILE)
    return settings, load_site(Sources.of(ROOT, settings, "site_src"), settings, NOW)


@pytest.fixture(scope="module")
def bundled():
    return bundled_site()


def test_a_language_marked_complete_lacks_no_interface_text(bundled):
    _settings, site = bundled
    wanted = [message.id for message in catalogue.template() if message.id]
    for language in site.languages[1:]:
        if not language.complete:
            continue
        missing = [
            message
            for message in wanted
            if not language.has(message[0] if isinstance(message, tuple) else message)
        ]
        assert missing == [], f"{language.name} lacks {len(missing)} strings, e.g. {missing[:3]}"


def test_the_bengali_pages_and_calendars_mirror_the_english_ones(bundled):
    settings, site = bundled
    paths = {item.path for item in render_site(site, settings)}
    for path in [p for p in paths if p.endswith((".md", ".ics"))]:
        if path.startswith(("editors/", "data/", "bn/")):
            continue
        assert f"bn/{path}" in paths, path


def test_bengali_feeds_have_the_same_events_at_the_same_times_in_bengali(bundled):
    settings, site = bundled
    manifest = render_site(site, settings)

    def events(path: str) -> dict[str, tuple]:
        calendar = icalendar.Calendar.from_ical(manifest[path].content)
        return {
            str(e["UID"]): (e.decoded("DTSTART"), e.decoded("DTEND"), str(e["SUMMARY"]))
            for e in calendar.walk("VEVENT")
        }

    english, bengali = (
        events("calendars/elm-east.ics"),
        events("bn/calendars/elm-east.ics"),
    )
    assert english.keys() == bengali.keys()
    for uid, (start, end, title) in english.items():
        assert bengali[uid][:2] == (start, end)
        assert title == "Elm East ward panel meeting"
        assert bengali[uid][2] == "Elm East ওয়ার্ড প্যানেলের সভা"


def with_language(project, code: str, name: str) -> None:
    """The project's settings with one language besides English."""
    project(
        "mkdocs.yml",
        f"""\
        site_name: Example ward panels
        site_url: https://wardpanels.example.org/
        extra:
          wardpanels:
            borough: Example Borough
            languages:
              - {{code: {code}, name: {name}}}
        """,
    )


def project_with_translation(project, entry: str):
    with_language(project, "bn", "বাংলা")
    project("wards/x.yml", MINIMAL_WARD + "summary: Streets by the canal.\n")
    project("translations/bn/messages.po", "")
    project("translations/bn/wards/x.yml", entry)
    settings = read_settings(project.root / CONFIG_FILE)
    return settings, Sources.of(project.root, settings)


def test_a_translation_shows_while_its_english_is_unchanged(project):
    mark = fingerprint("Streets by the canal.")
    settings, sources = project_with_translation(
        project, f"summary: {{text: খালের ধারের রাস্তা।, from: {mark}}}\n"
    )
    site = load_site(sources, settings, NOW)
    page = str(render_site(site, settings)["bn/wards/x.md"].content)
    assert "খালের ধারের রাস্তা।" in page
    assert '<span lang="en">' not in page.split("{#priorities}")[0]


def test_when_the_english_changes_the_page_shows_it_again_and_validate_says_where(project):
    settings, sources = project_with_translation(
        project, "summary:\n  text: খালের ধারের রাস্তা।\n  from: abcdefgh\n"
    )
    site = load_site(sources, settings, NOW)
    (warning,) = [w for w in site.warnings if w.file.startswith("translations/")]
    assert warning.plain() == (
        "translations/bn/wards/x.yml:3:9: warning: summary.from: the English changed since "
        "this was translated, so the page shows the English again; update this translation, "
        f"then write from: {fingerprint('Streets by the canal.')}"
    )
    page = str(render_site(site, settings)["bn/wards/x.md"].content)
    assert '<span lang="en">Streets by the canal.</span>' in page
    assert "wp-untranslated" in page  # said once, under the title


@pytest.mark.parametrize(
    ("entry", "where"),
    [
        ("summery: {text: x, from: abcdefgh}\n", "1:1"),
        ("priorities:\n  a:\n    titel: {text: x, from: abcdefgh}\n", "3:5"),
    ],
)
def test_an_unknown_field_is_an_error_at_its_line(project, entry, where):
    settings, sources = project_with_translation(project, entry)
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    (problem,) = caught.value.problems
    assert problem.plain().startswith(f"translations/bn/wards/x.yml:{where}: ")


@pytest.mark.parametrize(
    "entry",
    [
        "priorities:\n  no-such-id:\n    title: {text: x, from: abcdefgh}\n",
        "meetings:\n  2026-01-01:\n    agenda: {text: x, from: abcdefgh}\n",
    ],
)
def test_a_translation_of_no_english_text_is_a_warning_at_its_line(project, entry):
    settings, sources = project_with_translation(project, entry)
    site = load_site(sources, settings, NOW)
    (warning,) = [w for w in site.warnings if w.file.startswith("translations/")]
    assert warning.plain().startswith("translations/bn/wards/x.yml:3:5: warning: ")


def test_a_translation_of_a_ward_that_does_not_exist_is_a_warning(project):
    settings, sources = project_with_translation(project, "draft: true\n")
    project("translations/bn/wards/nowhere.yml", "draft: true\n")
    site = load_site(sources, settings, NOW)
    assert [p.plain() for p in site.warnings if p.file.startswith("translations/")] == [
        "translations/bn/wards/nowhere.yml:1:1: warning: there is no ward file nowhere.yml "
        "any more, so this translation is not shown; rename it to match the ward's file, or "
        "delete it"
    ]


CATALOGUE_HEAD = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            'msgid "%(ward)s ward panel meeting"\nmsgstr "%(wrd)s সভা"\n',
            "translations/bn/messages.po:5:1: the translation of \u201c%(ward)s ward panel "
            "meeting\u201d: unknown named placeholder 'wrd'; keep every %(name)s as the English "
            "has it",
        ),
        (
            'msgid "Menu"\nmsgstr "মে\\rনু"\n',
            "translations/bn/messages.po:5:1: the translation of \u201cMenu\u201d holds an "
            "invisible character (carriage return, U+000D); remove it",
        ),
        (
            'msgid "Menu"\nmsgstr "মেনু\n',
            'translations/bn/messages.po:6:13: this text has no closing quote (") at the end '
            "of the line",
        ),
        (
            '"Plural-Forms: nplurals=2; plural=(n / 0);\\n"\n',
            "translations/bn/messages.po:5:1: Plural-Forms: the formula '(n / 0)' cannot be "
            "used (integer division or modulo by zero)",
        ),
        (
            '"Plural-Forms: nplurals=two; plural=(n != 1);\\n"\n',
            "translations/bn/messages.po:5:1: Plural-Forms: write it like nplurals=2; "
            "plural=(n != 1); with 1 to 9 forms",
        ),
        (
            '"Language: bn\\n"\n"Content-Type: text/plain; charset=latin-1\\n"\n',
            "translations/bn/messages.po:6:1: Content-Type: the catalogue is UTF-8, so write "
            "charset=UTF-8",
        ),
        (
            '"Plural-Forms: nplurals=2; plural=((n != 1);\\n"\n',
            "translations/bn/messages.po:5:1: Plural-Forms: the formula '((n != 1)' cannot be "
            "used (unbalanced parenthesis in plural form)",
        ),
        (  # Python's % would stop the build on the lone "%"
            'msgid "%(place)s, and online"\nmsgstr "%(place)s, ১০০% অনলাইনে"\n',
            "translations/bn/messages.po:5:1: the translation of \u201c%(place)s, and online"
            "\u201d: it has a '%' that is not a %(name)s; write %% for a percent sign",
        ),
        (  # the venue would be lost from the page
            'msgid "%(place)s, and online"\nmsgstr "অনলাইনে"\n',
            "translations/bn/messages.po:5:1: the translation of \u201c%(place)s, and online"
            "\u201d: it leaves out %(place)s, so the page would lose what it stands for",
        ),
        (  # Babel would keep the first without a word
            'msgid "Menu"\nmsgstr "মেনু"\n\nmsgid "Menu"\nmsgstr "তালিকা"\n',
            "translations/bn/messages.po:8:1: this English text is translated already (line 5); "
            "keep one translation and delete the other",
        ),
        (  # msgfmt reads "A" here, Babel the four characters
            'msgid "Menu"\nmsgstr "মেনু\\x41"\n',
            "translations/bn/messages.po:6:13: '\\x' is read differently by different "
            "translation tools; write the character itself",
        ),
        (  # an escape would hide a right-to-left override from the invisible-character check
            'msgid "Menu"\nmsgstr "মে\\u202eনু"\n',
            "translations/bn/messages.po:6:11: '\\u' is read differently by different "
            "translation tools; write the character itself",
        ),
        (
            'msgid "Menu"\nmsgstr "মেনু\\nতালিকা"\n',
            "translations/bn/messages.po:5:1: the translation of \u201cMenu\u201d: it has a line "
            "break or tab the English does not; keep it on one line",
        ),
        (  # a link the English does not have
            'msgid "Menu"\nmsgstr "[মেনু](https://evil.example/)"\n',
            "translations/bn/messages.po:5:1: the translation of \u201cMenu\u201d: it has [ ], "
            "which the English does not; on a page these make links or formatting, so write "
            "the words without them",
        ),
        (  # the other form would show in English
            'msgid "%(count)s meeting"\nmsgid_plural "%(count)s meetings"\n'
            'msgstr[0] "%(count)sটি সভা"\nmsgstr[1] ""\n',
            "translations/bn/messages.po:5:1: the translation of \u201c%(count)s meeting\u201d: "
            "translate every plural form (each msgstr[n]), or none",
        ),
        (
            "Menu: মেনু\n",
            "translations/bn/messages.po:5:1: this line is not what a catalogue holds: msgid or "
            "msgstr and a text in quotes, a text in quotes alone, or a comment starting #",
        ),
        (
            'msgid "Menu"\nmsgstr "মে\x1bনু"\n',
            "translations/bn/messages.po:6:11: there is an invisible character here (escape, "
            "U+001B), which editors and tools read differently; delete it, or retype this line",
        ),
    ],
)
def test_a_catalogue_slip_is_found_by_validate_at_its_line_not_by_the_build(
    project, entry, message
):
    settings, sources = project_with_translation(project, "draft: true\n")
    project("translations/bn/messages.po", CATALOGUE_HEAD + entry)
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    assert [p.plain() for p in caught.value.problems] == [message]


def test_the_catalogue_command_never_writes_back_a_catalogue_it_cannot_read(project, capsys):
    with_language(project, "bn", "বাংলা")
    broken = CATALOGUE_HEAD + 'msgid "Menu"\nmsgstr "মেনু\n'
    project("translations/bn/messages.po", broken)
    assert cli_main(["catalogue", "--root", str(project.root)]) == 1
    assert "translations/bn/messages.po:6:13: this text has no closing quote" in (
        capsys.readouterr().err
    )
    assert (project.root / "translations/bn/messages.po").read_text(encoding="utf-8") == broken


def test_a_ward_file_that_cannot_be_read_does_not_also_blame_its_translation(project):
    settings, sources = project_with_translation(project, "draft: true\n")
    project("wards/x.yml", "name: [unclosed\n")
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    assert [p.file for p in caught.value.problems] == ["wards/x.yml"]


def test_a_glossary_file_that_cannot_be_read_does_not_also_blame_its_translation(project):
    settings, sources = project_with_translation(project, "draft: true\n")
    project("glossary/terms.yml", "- term: PCSO\n  meaning: [unclosed\n")
    project(
        "translations/bn/glossary.yml", "terms:\n  PCSO:\n    meaning: {text: x, from: abcdefgh}\n"
    )
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    assert [p.file for p in caught.value.problems] == ["glossary/terms.yml"]


MARK = fingerprint("Streets by the canal.")


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        (
            f"{{text: '[খাল](https://evil.example/)', from: {MARK}}}",
            "1:17: summary.text: this links to https://evil.example/, which the English does "
            "not; a translation keeps the English's links",
        ),
        (
            f"{{text: '[ইমেইল](mailto:a@example.org?bcc=b@evil.example)', from: {MARK}}}",
            "1:17: summary.text: the link 'mailto:a@example.org?bcc=b@evil.example': a link must "
            "start with https://, http://, mailto: or tel:, with no spaces, quotes or angle "
            "brackets, and a mailto: link holds just an address",
        ),
        (
            f"{{text: 'Canal Strееt-এর রাস্তা।', from: {MARK}}}",
            "1:17: summary.text: 'Strееt' mixes Cyrillic and Latin letters, which can look the "
            "same; retype it on an English keyboard",
        ),
        (
            f"{{text: 'Canal Strաet-এর রাস্তা।', from: {MARK}}}",
            "1:17: summary.text: 'Strաet' mixes Armenian and Latin letters, which can look the "
            "same; retype it on an English keyboard",
        ),
        (
            "{text: খালের ধারের রাস্তা।, from: ABCDEFGH}",
            "1:44: summary.from: 'ABCDEFGH': write the eight lower-case letters 'wardpanels "
            "validate' gives for the English, like qhmtwbcz",
        ),
    ],
)
def test_a_translation_slip_is_named_at_its_line(project, summary, message):
    settings, sources = project_with_translation(project, f"summary: {summary}\n")
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    assert [p.plain() for p in caught.value.problems] == ["translations/bn/wards/x.yml:" + message]


def test_a_glossary_translation_keyed_in_decomposed_letters_finds_its_term(project):
    with_language(project, "bn", "বাংলা")
    project("wards/x.yml", MINIMAL_WARD)
    project("translations/bn/messages.po", "")
    project("glossary/terms.yml", "- term: Café\n  meaning: A place.\n")
    decomposed, mark = unicodedata.normalize("NFD", "Café"), fingerprint("A place.")
    project(
        "translations/bn/glossary.yml",
        f"terms:\n  {decomposed}:\n    meaning: {{text: একটি জায়গা।, from: {mark}}}\n",
    )
    settings = read_settings(project.root / CONFIG_FILE)
    site = load_site(Sources.of(project.root, settings), settings, NOW)
    assert site.translations["bn"][""] == {("glossary", "Café", "meaning"): "একটি জায়গা।"}


def test_digits_must_name_a_numbering_system_the_site_knows(project, capsys):
    project("wards/x.yml", MINIMAL_WARD)
    with_language(project, "bn", "বাংলা, digits: bengali")
    project("translations/bn/messages.po", "")
    assert cli_main(["validate", "--root", str(project.root)]) == 1
    assert capsys.readouterr().out.startswith(
        "mkdocs.yml:1:1: extra.wardpanels.languages[0].digits: 'bengali' is not a numbering "
        "system the site knows; write one of latn, beng,"
    )


def test_a_catalogue_that_is_a_link_is_not_read(project, tmp_path_factory):
    settings, sources = project_with_translation(project, "draft: true\n")
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "secret.po"
    elsewhere.write_text(CATALOGUE_HEAD, encoding="utf-8")
    catalogue = project.root / "translations/bn/messages.po"
    catalogue.unlink()
    catalogue.symlink_to(elsewhere)
    with pytest.raises(DataError) as caught:
        load_site(sources, settings, NOW)
    assert [p.plain() for p in caught.value.problems] == [
        "translations/bn/messages.po:1:1: this is not a plain file (it is a link, a folder or "
        "a device); put the file itself here"
    ]


def test_another_language_is_data_not_code(project):
    """Somali, with a two-line catalogue: one line of settings, one file, and the site has
    every resident page and calendar in it, in what it translates and English elsewhere."""
    with_language(project, "so", "Soomaali")
    project("wards/x.yml", MINIMAL_WARD)
    somali = Catalog(locale="so")
    somali.add("Next meeting", "Shirka xiga")
    somali.add("%(ward)s ward panel", "Guddiga %(ward)s")
    folder = project.root / "translations" / "so"
    folder.mkdir(parents=True)
    with (folder / "messages.po").open("wb") as handle:
        write_po(handle, somali)
    settings = read_settings(project.root / CONFIG_FILE)
    site = load_site(Sources.of(project.root, settings), settings, NOW)
    manifest = render_site(site, settings)
    page = str(manifest["so/wards/x.md"].content)
    assert "# Guddiga Example Ward" in page
    assert 'lang: "so"' in page.split("---")[1]
    assert "What the panel is working on" in page  # not translated yet: English
    assert manifest["so/calendars/x.ics"].content
    assert manifest.theme.frames["so"].prefix == "so/"

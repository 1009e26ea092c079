"""The settings: read from mkdocs.yml exactly as MkDocs reads them (an `INHERIT:` parent
merges key by key), and site_url and SOURCE_DATE_EPOCH checked before anything is built,
the same way for `wardpanels validate` and the MkDocs build."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from wardpanels.cli import main
from wardpanels.clock import ClockError, build_time
from wardpanels.settings import SettingsError, read_config, read_settings, settings_from

from .conftest import MINIMAL_WARD, PROJECT_CONFIG, mkdocs_build


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        'https://wardpanels.example.org/" onload="alert(1)',
        "https://wardpanels.example.org/\nX-INJECTED:1",
        "https://wardpanels.example.org/ panels/",
        "https://wardpanels.example.org/\u202egro.live/",
        "https://www.towerhamlets.gov.uk@evil.example/",
        "https://wardpanels.example.org/" + "a" * 3000,
        "wardpanels.example.org",
        "/",
        "https://[::1]/",  # calendar UIDs and Atom ids are made from the site's name
        "https://wardpanels_example.org/",
        "https://wardpanels.example.org./",
        "https://wardpanels.example.org:0/",
        "https://\u0430\u0440\u0440\u04cf\u0435.com/",  # Cyrillic: its xn-- form is the name
    ],
)
def test_site_url_must_be_a_plain_absolute_web_address(url):
    with pytest.raises(SettingsError) as raised:
        settings_from("Ward panels", url, {})
    assert raised.value.problems[0].plain().startswith("mkdocs.yml:1:1: site_url: ")


@pytest.mark.parametrize(
    "url",
    [
        "https://wardpanels.example.org/",
        "http://localhost:8000/",
        "https://x.github.io/p/",
        "https://xn--80ak6aa92e.com/",
    ],
)
def test_plain_web_addresses_are_accepted(url):
    assert settings_from("Ward panels", url, {}).site_url == url


@pytest.mark.build
def test_validate_and_the_build_refuse_a_bad_site_url_alike(project, capsys, tmp_path):
    project("wards/example.yml", MINIMAL_WARD)
    url = 'https://wardpanels.example.org/"x/'
    project("mkdocs.yml", PROJECT_CONFIG.replace("https://wardpanels.example.org/", url))
    assert main(["validate", "--root", str(project.root)]) == 1
    message = f"mkdocs.yml:1:1: site_url: {url!r} holds a space, a quote, a line break"
    assert capsys.readouterr().out.startswith(message)
    build = mkdocs_build(tmp_path / "site", SITE_URL=url, WARDPANELS_WARDS=str(tmp_path / "wards"))
    assert build.returncode == 1 and "Traceback" not in build.stderr
    assert message in build.stderr
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "epoch",
    ["253402300799", "-2208988800", "tomorrow", "+1795435200", "1_795_435_200", "১৭৯৫৪৩৫২০০"],
)
def test_source_date_epoch_outside_the_sites_years_is_a_plain_error(epoch):
    with pytest.raises(ClockError):
        build_time({"SOURCE_DATE_EPOCH": epoch})


def test_validate_says_so_for_a_build_time_in_the_year_9999(project, capsys, monkeypatch):
    project("wards/example.yml", MINIMAL_WARD)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "253402300799")
    assert main(["validate", "--root", str(project.root)]) == 1
    assert "the year 9999; the site works with dates from 2000 to 2100" in capsys.readouterr().err


def test_a_settings_file_that_is_a_device_is_never_read(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").symlink_to("/dev/zero")
    assert main(["validate", "--root", str(tmp_path)]) == 1
    assert capsys.readouterr().out.startswith("mkdocs.yml:1:1: this is not a plain file")


def test_a_settings_file_that_inherits_itself_is_named_not_followed(project, capsys):
    project("mkdocs.yml", "INHERIT: ./mkdocs.yml\n" + PROJECT_CONFIG)
    assert main(["validate", "--root", str(project.root)]) == 1
    assert capsys.readouterr().out == "mkdocs.yml:1:1: INHERIT: mkdocs.yml inherits itself\n"


def test_id_domain_is_a_host_name_so_nothing_can_get_into_a_calendar_line():
    with pytest.raises(SettingsError) as raised:
        settings_from("Ward panels", "https://wardpanels.example.org/", {"id_domain": "x\nY:1"})
    assert raised.value.problems[0].plain() == (
        "mkdocs.yml:1:1: extra.wardpanels.id_domain: write a site's name in lower case, like "
        "wardpanels.example.org"
    )


def test_a_language_code_that_is_not_one_says_so_plainly():
    with pytest.raises(SettingsError) as raised:
        settings_from(
            "Ward panels", "https://x.org/", {"languages": [{"code": "Bengali", "name": "b"}]}
        )
    assert raised.value.problems[0].plain() == (
        "mkdocs.yml:1:1: extra.wardpanels.languages[0].code: 'Bengali' is not a language code, "
        "like bn or pt-br"
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (  # Babel knows no such locale: the build stopped with a traceback
            {"languages": [{"code": "xx", "name": "X"}]},
            "languages[0].code: 'xx' is not a language the site has dates and times for; write "
            "its code as the Unicode CLDR does, like bn or pt-br",
        ),
        ({"languages": "bn"}, "languages: expected a list (lines starting with '- ')"),
        (  # a ward file says 'yes' is not true or false; so do the settings
            {"languages": [{"code": "bn", "name": "বাংলা", "complete": "yes"}]},
            "languages[0].complete: write true or false",
        ),
        ({"borough": "   "}, "borough: this is empty; write the words"),
        (  # every page shows the borough: mkdocs.yml is held to the data files' rules
            {"borough": "Tower\u202eHamlets"},
            "borough: this holds an invisible character (right-to-left override, U+202E)",
        ),
        ({"standards": {"priorities": "many"}}, "standards.priorities: expected a whole number"),
    ],
)
def test_a_setting_of_the_wrong_kind_says_so_in_plain_words(options, message):
    with pytest.raises(SettingsError) as raised:
        settings_from("Ward panels", "https://x.org/", options)
    assert [p.plain() for p in raised.value.problems] == [
        "mkdocs.yml:1:1: extra.wardpanels." + message
    ]


PARENT = """\
site_name: Example ward panels
site_url: https://wardpanels.example.org/
theme:
  name: material
  language: en
extra:
  wardpanels:
    borough: Example Borough
    branch: trunk
  other: kept
"""

# What `wardpanels render` writes: the parent's settings, with the theme's values added.
CHILD = """\
INHERIT: parent.yml
theme:
  language: bn
extra:
  wardpanels_theme: {bn: {prefix: bn/}}
"""


def test_an_inheriting_file_keeps_the_parents_settings_as_mkdocs_does(tmp_path: Path):
    (tmp_path / "parent.yml").write_text(PARENT, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(CHILD, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    ours = read_config(tmp_path / "mkdocs.yml")
    theirs = load_config(str(tmp_path / "mkdocs.yml"))
    assert ours["extra"] == dict(theirs["extra"])
    assert ours["theme"]["name"] == "material" and ours["theme"]["language"] == "bn"
    settings = read_settings(tmp_path / "mkdocs.yml")
    assert (settings.borough, settings.branch) == ("Example Borough", "trunk")

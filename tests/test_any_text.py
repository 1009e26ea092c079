"""Any Unicode and any opening character works: names and text that start with markup
characters, emoji and Bengali, in every field, pass `wardpanels validate` and build a
strict site whose every output reads back (pages, JSON, CSV, calendars, feeds, posters).

tests/fixtures/awkward/ holds a ward for each character Markdown, YAML or HTML could read
as markup (`*`, `#`, `!`, `[`, `{`, `|`, `<`), one with emoji and one named in Bengali,
and glossary terms in Bengali and ones that start with markup characters.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import pytest

from wardpanels.cli import main

from .conftest import PROJECT_CONFIG, mkdocs_build

AWKWARD = Path(__file__).resolve().parent / "fixtures" / "awkward"


@pytest.fixture(scope="module")
def awkward_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("awkward") / "site"
    result = mkdocs_build(
        site,
        WARDPANELS_WARDS=str(AWKWARD / "wards"),
        WARDPANELS_GLOSSARY=str(AWKWARD / "glossary"),
    )
    assert result.returncode == 0, result.stderr  # the strict build agrees with validate
    return site


def test_validate_accepts_them_all(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text(PROJECT_CONFIG, encoding="utf-8")
    for folder in ("wards", "glossary"):
        (tmp_path / folder).symlink_to(AWKWARD / folder)
    assert main(["validate", "--root", str(tmp_path)]) == 0, capsys.readouterr().out


@pytest.mark.build
def test_every_page_shows_the_names_as_typed(awkward_site: Path):
    names = {
        "star": "*Star Ward",
        "hash": "# Hash Ward",
        "pipe": "| Pipe | Ward",
        "angle": "&lt;Angle&gt; Ward",
        "emoji": "Cake 🍰 Ward",
        "bengali": "বো পূর্ব ওয়ার্ড",
    }
    for slug, name in names.items():
        html = (awkward_site / "wards" / slug / "index.html").read_text(encoding="utf-8")
        assert f">{name} ward panel</h1>" in html, slug
        assert "---" not in html.split("<article", 1)[1].split("</h1>", 1)[0]  # no front matter
    meta = (awkward_site / "wards" / "emoji" / "index.html").read_text(encoding="utf-8")
    assert 'content="The Cake 🍰 Ward ward panel meets next on' in meta


@pytest.mark.build
def test_glossary_terms_in_any_script_have_ids_of_their_own(awkward_site: Path):
    html = (awkward_site / "glossary" / "index.html").read_text(encoding="utf-8")
    for anchor in ("দল", "সভা", "star-term", "hash-term"):
        assert f'id="{anchor}"' in html, anchor
    assert 'id=""' not in html
    assert 'href="#সভা"' in html


@pytest.mark.build
def test_data_calendars_and_feeds_read_back_with_every_character(awkward_site: Path):
    wards = json.loads((awkward_site / "data" / "wards.json").read_text(encoding="utf-8"))
    assert {w["name"] for w in wards["wards"]} >= {"Cake 🍰 Ward", "বো পূর্ব ওয়ার্ড", "<Angle> Ward"}
    rows = list(csv.DictReader(io.StringIO((awkward_site / "data" / "meetings.csv").read_text())))
    assert {row["ward"] for row in rows} >= {"Cake 🍰 Ward", "বো পূর্ব ওয়ার্ড"}
    calendar = icalendar.Calendar.from_ical((awkward_site / "calendars" / "emoji.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Cake 🍰 Ward ward panel meeting"
    assert "Hall 🍰 Cake 🍰 Ward" in str(event["LOCATION"])
    for feed in (awkward_site / "feeds").glob("*.xml"):
        ElementTree.fromstring(feed.read_bytes())  # well-formed XML, every one
    poster = (awkward_site / "wards" / "bengali" / "poster" / "index.html").read_text()
    assert "বো পূর্ব ওয়ার্ড ward panel" in poster

"""Beyond the website: posters, social previews, open data, update feeds, structured data."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
from pathlib import Path

import feedparser
import jsonschema
import pytest

from wardpanels.atom import FEED_LENGTH
from wardpanels.opendata import safe_cell

from .conftest import EPOCH, ROOT, mkdocs_build

SITE_URL = "https://wardpanels.example.org/"


def slugs() -> list[str]:
    return sorted(path.stem for path in (ROOT / "wards").glob("*.yml"))


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_ward_has_a_poster_linked_from_its_page(built_site: Path):
    for slug in slugs():
        assert 'href="poster/"' in read(built_site, f"wards/{slug}/index.html")
        poster = read(built_site, f"wards/{slug}/poster/index.html")
        assert "md-sidebar" not in poster and "md-header" not in poster  # the poster alone
        assert poster.count("<svg") >= 2
    poster = read(built_site, "wards/bow-east/poster/index.html")
    for words in (
        "Bow East ward panel",
        "Wednesday 9 December 2026, 7pm to 8:30pm",
        "Drug dealing around Roman Road market",
        "boweast.wardpanel@example.org",
    ):
        assert words in poster
    # What each code holds is read back by scanning it: tests/browser/test_posters.py.
    assert 'role="img" aria-label="QR code for the ward&#39;s page"' in poster
    assert (
        'role="img" aria-label="QR code to put the meetings in your phone&#39;s calendar"' in poster
    )


def test_every_page_has_social_preview_tags(built_site: Path):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in ("og:title", "og:description", "og:image", "twitter:card"):
            assert f'property="{tag}"' in html or f'name="{tag}"' in html, (page, tag)
    ward = read(built_site, "wards/bow-east/index.html")
    assert (
        '<meta property="og:description" content="The Bow East ward panel meets next on '
        'Wednesday 9 December 2026, 7pm to 8:30pm, at Roman Road Library.">'
    ) in ward
    assert f'<meta property="og:url" content="{SITE_URL}wards/bow-east/">' in ward
    assert (built_site / "assets" / "social.png").read_bytes().startswith(b"\x89PNG")


def test_open_data_json_follows_its_schema(built_site: Path):
    data = json.loads(read(built_site, "data/wards.json"))
    schema = json.loads(read(built_site, "data/wards.schema.json"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert sorted(ward["slug"] for ward in data["wards"]) == slugs()
    bow = next(ward for ward in data["wards"] if ward["slug"] == "bow-east")
    assert bow["next_meeting"] == {
        "date": "2026-12-09",
        "start": "19:00",
        "end": "20:30",
        "place": "Roman Road Library",
    }
    assert bow["page"] == f"{SITE_URL}wards/bow-east/"
    assert json.loads(read(built_site, "data/wards/bow-east.json")) == bow
    assert "open-government-licence/version/3" in data["licence"]


def test_police_uk_shapes(built_site: Path):
    priorities = json.loads(read(built_site, "data/wards/bow-east/priorities.json"))
    assert set(priorities[0]) == {"issue", "issue-date", "action", "action-date"}
    events = json.loads(read(built_site, "data/wards/bow-east/events.json"))
    assert set(events[0]) == {"title", "description", "address", "type", "start_date", "end_date"}
    assert events[0]["start_date"] == "2026-03-11T19:00:00+00:00"


def test_csv_tables_cover_every_meeting_and_priority(built_site: Path):
    meetings = list(csv.DictReader(io.StringIO(read(built_site, "data/meetings.csv"))))
    assert {row["ward_slug"] for row in meetings} <= set(slugs())
    assert any(row["meeting"] == "winter-2026" and row["date"] == "2026-12-09" for row in meetings)
    priorities = list(csv.DictReader(io.StringIO(read(built_site, "data/priorities.csv"))))
    assert {"ward", "id", "title", "status", "review_overdue"} <= set(priorities[0])


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\t=1"])
def test_csv_cells_never_run_as_formulas(cell):
    assert safe_cell(cell) == "'" + cell


def test_update_feeds_parse_and_link_from_ward_pages(built_site: Path):
    for slug in [*slugs(), "all"]:
        parsed = feedparser.parse(read(built_site, f"feeds/{slug}.xml"))
        assert not parsed.bozo, slug
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)), slug
    feed = feedparser.parse(read(built_site, "feeds/bow-east.xml"))
    titles = [entry.title for entry in feed.entries]
    assert "Bow East: priority achieved, Fly-tipping on Wick Lane" in titles
    assert "Bow East: new priority, Drug dealing around Roman Road market" in titles
    assert any(title.startswith("Bow East: you said, we did") for title in titles)
    assert any(
        title.startswith("Bow East: new meeting, Wednesday 9 December 2026") for title in titles
    )
    assert 'type="application/atom+xml"' in read(built_site, "wards/bow-east/index.html")


def test_the_borough_feed_carries_only_the_newest_updates(built_site: Path):
    every_ward = [
        entry.updated_parsed
        for slug in slugs()
        for entry in feedparser.parse(read(built_site, f"feeds/{slug}.xml")).entries
    ]
    borough = [
        entry.updated_parsed
        for entry in feedparser.parse(read(built_site, "feeds/all.xml")).entries
    ]
    assert len(every_ward) > FEED_LENGTH == len(borough)
    assert borough == sorted(every_ward, reverse=True)[:FEED_LENGTH]


def test_feeds_never_take_the_build_clock(tmp_path: Path):
    """Two builds a day apart, both after the last commit, give the same feed: every date in
    it comes from the data or from git history (dates after "now" are taken as "now")."""
    last = subprocess.run(
        ["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.strip()
    after = int(last or EPOCH) + 86400
    feeds = []
    for days, folder in ((0, "first"), (1, "second")):
        site = tmp_path / folder
        assert mkdocs_build(site, SOURCE_DATE_EPOCH=str(after + days * 86400)).returncode == 0
        feeds.append(read(site, "feeds/bow-east.xml"))
    assert feeds[0] == feeds[1]


def test_structured_data_describes_each_coming_meeting(built_site: Path):
    html = read(built_site, "wards/lansbury/index.html")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    events = json.loads(block.group(1))["@graph"]
    assert all(
        e["@type"] == "Event" and e["startDate"].endswith(("+00:00", "+01:00")) for e in events
    )
    statuses = {e["eventStatus"].rsplit("/", 1)[1] for e in events}
    assert "EventCancelled" in statuses  # Lansbury's December meeting is cancelled
    modes = {e["eventAttendanceMode"].rsplit("/", 1)[1] for e in events}
    assert "OfflineEventAttendanceMode" in modes

"""Beyond the website: posters, social previews, open data, update feeds, structured data."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
from pathlib import Path

import feedparser
import jsonschema
import pytest

from wardpanels import atom
from wardpanels.cli import main
from wardpanels.opendata import safe_cell
from wardpanels.site import load_site

from .conftest import (
    BOROUGH_SLUGS,
    EPOCH,
    GOLDEN_SETTINGS,
    NOW,
    ROOT,
    Borough,
    copy_borough,
)

SITE_URL = "https://wardpanels.example.org/"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_every_ward_has_a_poster_linked_from_its_page(built_site: Path):
    for slug in BOROUGH_SLUGS:
        assert 'href="poster/"' in read(built_site, f"wards/{slug}/index.html")
        poster = read(built_site, f"wards/{slug}/poster/index.html")
        assert "md-sidebar" not in poster and "md-header" not in poster  # the poster alone
        assert poster.count("<svg") >= 2
    poster = read(built_site, "wards/elm-east/poster/index.html")
    for words in (
        "Elm East ward panel",
        "Wednesday 9 December 2026, 7pm to 8:30pm",
        "Drug dealing around Roman Road market",
        "elmeast.wardpanel@example.org",
    ):
        assert words in poster
    # What each code holds is read back by scanning it: tests/browser/test_posters.py.
    assert 'role="img" aria-label="QR code for the ward&#39;s page"' in poster
    assert (
        'role="img" aria-label="QR code to put the meetings in your phone&#39;s calendar"' in poster
    )


@pytest.mark.parametrize("language", ["", "bn/"])
def test_every_ward_has_an_embeddable_card_that_other_sites_can_discover(
    built_site: Path, language: str
):
    for slug in BOROUGH_SLUGS:
        card = read(built_site, f"{language}wards/{slug}/embed/index.html")
        assert "<script" not in card and "<iframe" not in card
        found = re.search(
            r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"', card
        )
        assert found and found[1] == f"{SITE_URL}{language}wards/{slug}/embed/oembed.json"
        oembed = json.loads(read(built_site, f"{language}wards/{slug}/embed/oembed.json"))
        assert (oembed["version"], oembed["type"]) == ("1.0", "rich")
        assert oembed["html"].startswith(
            f'<iframe src="{SITE_URL}{language}wards/{slug}/embed/" title="'
        )
        assert 'loading="lazy"' in oembed["html"]
        # The ward page gives council comms the same snippet.
        ward = read(built_site, f"{language}wards/{slug}/index.html")
        snippet = re.search(r'<pre class="wp-embed-code"><code>(.*?)</code></pre>', ward)
        assert snippet and html.unescape(snippet[1]) == oembed["html"]


def test_sector_pages_and_share_links_stay_out_of_every_visitors_search_index(
    built_site: Path,
):
    """Every page load fetches the search index: hundreds of postcodes, or the same share
    and embed words on every ward, would only make it heavier."""
    docs = json.loads(read(built_site, "search/search_index.json"))["docs"]
    assert (built_site / "postcodes" / "e14" / "e14-9" / "index.html").exists()
    assert not [d for d in docs if re.match(r"(bn/)?postcodes/[^/]+/[^/]+/", d["location"])]
    ward = " ".join(d["text"] for d in docs if d["location"].startswith("wards/elm-east/"))
    assert "Elm East" in ward
    for shared in ("WhatsApp", "iframe", "Outlook.com", "Every postcode starting"):
        assert shared not in ward


def test_every_page_has_social_preview_tags(built_site: Path):
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for tag in ("og:title", "og:description", "og:image", "twitter:card"):
            assert f'property="{tag}"' in html or f'name="{tag}"' in html, (page, tag)
    ward = read(built_site, "wards/elm-east/index.html")
    assert (
        '<meta property="og:description" content="The Elm East ward panel meets next on '
        'Wednesday 9 December 2026, 7pm to 8:30pm, at Roman Road Library.">'
    ) in ward
    assert f'<meta property="og:url" content="{SITE_URL}wards/elm-east/">' in ward
    assert (built_site / "assets" / "social.png").read_bytes().startswith(b"\x89PNG")


def test_open_data_json_follows_its_schema(built_site: Path):
    data = json.loads(read(built_site, "data/wards.json"))
    schema = json.loads(read(built_site, "data/wards.schema.json"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert sorted(ward["slug"] for ward in data["wards"]) == BOROUGH_SLUGS
    bow = next(ward for ward in data["wards"] if ward["slug"] == "elm-east")
    assert bow["next_meeting"] == {
        "date": "2026-12-09",
        "start": "19:00",
        "end": "20:30",
        "place": "Roman Road Library",
    }
    assert bow["page"] == f"{SITE_URL}wards/elm-east/"
    assert json.loads(read(built_site, "data/wards/elm-east.json")) == bow
    assert "open-government-licence/version/3" in data["licence"]


def test_police_uk_shapes(built_site: Path):
    priorities = json.loads(read(built_site, "data/wards/elm-east/priorities.json"))
    assert set(priorities[0]) == {"issue", "issue-date", "action", "action-date"}
    events = json.loads(read(built_site, "data/wards/elm-east/events.json"))
    assert set(events[0]) == {"title", "description", "address", "type", "start_date", "end_date"}
    assert events[0]["start_date"] == "2026-03-11T19:00:00+00:00"


def test_csv_tables_cover_every_meeting_and_priority(built_site: Path):
    meetings = list(csv.DictReader(io.StringIO(read(built_site, "data/meetings.csv"))))
    assert {row["ward_slug"] for row in meetings} <= set(BOROUGH_SLUGS)
    assert any(row["meeting"] == "winter-2026" and row["date"] == "2026-12-09" for row in meetings)
    priorities = list(csv.DictReader(io.StringIO(read(built_site, "data/priorities.csv"))))
    assert {"ward", "id", "title", "status", "review_overdue"} <= set(priorities[0])


@pytest.mark.parametrize("cell", ['=HYPERLINK("http://x")', "+1+1", "-2", "@SUM(A1)", "\t=1"])
def test_csv_cells_never_run_as_formulas(cell):
    assert safe_cell(cell) == "'" + cell


def test_update_feeds_parse_and_link_from_ward_pages(built_site: Path):
    for slug in [*BOROUGH_SLUGS, "all"]:
        parsed = feedparser.parse(read(built_site, f"feeds/{slug}.xml"))
        assert not parsed.bozo, slug
        ids = [entry.id for entry in parsed.entries]
        assert len(ids) == len(set(ids)), slug
    feed = feedparser.parse(read(built_site, "feeds/elm-east.xml"))
    titles = [entry.title for entry in feed.entries]
    assert "Elm East: priority achieved, Fly-tipping on Wick Lane" in titles
    assert "Elm East: new priority, Drug dealing around Roman Road market" in titles
    assert any(title.startswith("Elm East: you said, we did") for title in titles)
    assert any(
        title.startswith("Elm East: new meeting, Wednesday 9 December 2026") for title in titles
    )
    assert 'type="application/atom+xml"' in read(built_site, "wards/elm-east/index.html")


def test_the_borough_feed_carries_only_the_newest_updates(
    borough: Borough, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(atom, "FEED_LENGTH", 12)  # fewer than the borough's updates
    site = load_site(borough.sources(), GOLDEN_SETTINGS, NOW, read_history=False)
    feeds = {item.path: item.content for item in atom.render_feeds(site, GOLDEN_SETTINGS)}
    every_ward = [
        entry.updated_parsed
        for slug in BOROUGH_SLUGS
        for entry in feedparser.parse(feeds[f"feeds/{slug}.xml"]).entries
    ]
    whole = [entry.updated_parsed for entry in feedparser.parse(feeds["feeds/all.xml"]).entries]
    assert len(every_ward) > 12 == len(whole)
    assert whole == sorted(every_ward, reverse=True)[:12]


def test_feeds_never_take_the_build_clock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Two renders a day apart, both after the last commit, give the same feed: every date
    in it comes from the data or from git history (dates after "now" are taken as "now").
    The build publishes the rendered feed byte for byte (test_generators.py)."""
    copied = copy_borough(tmp_path / "borough")
    committed = EPOCH - 30 * 86400
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    dated = {
        **os.environ,
        "GIT_AUTHOR_DATE": f"@{committed}",
        "GIT_COMMITTER_DATE": f"@{committed}",
    }
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "The borough"]):
        subprocess.run(git + command, cwd=copied.root, env=dated, check=True)
    for name, value in copied.environment().items():
        monkeypatch.setenv(name, value)
    feeds = []
    for days in (1, 2):
        monkeypatch.setenv("SOURCE_DATE_EPOCH", str(committed + days * 86400))
        out = tmp_path / f"day-{days}"
        assert main(["render", "--root", str(ROOT), "--out", str(out)]) == 0
        feeds.append(read(out / "docs", "feeds/elm-east.xml"))
    assert feeds[0] == feeds[1]


def test_structured_data_describes_each_coming_meeting(built_site: Path):
    html = read(built_site, "wards/larkhall/index.html")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert block
    events = json.loads(block.group(1))["@graph"]
    assert all(
        e["@type"] == "Event" and e["startDate"].endswith(("+00:00", "+01:00")) for e in events
    )
    statuses = {e["eventStatus"].rsplit("/", 1)[1] for e in events}
    assert "EventCancelled" in statuses  # Larkhall's December meeting is cancelled
    modes = {e["eventAttendanceMode"].rsplit("/", 1)[1] for e in events}
    assert "OfflineEventAttendanceMode" in modes

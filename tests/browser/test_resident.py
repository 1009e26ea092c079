"""A resident's phone: the answer on the first screen, nothing off to the side, nothing stale.

Each test walks a resident's journey in Chromium, on the bundled data built once, at the
build's "now" (Monday 23 November 2026) unless the clock is moved.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from playwright.sync_api import expect

from wardpanels import schedule

from ..conftest import GOLDEN_SETTINGS, NOW, Borough

FIRST_SCREEN = 640


@pytest.fixture(scope="module")
def next_meetings(borough: Borough):
    """Each of the borough's wards with a meeting still to come, and that meeting."""
    from wardpanels.site import load_site

    site = load_site(borough.sources(), GOLDEN_SETTINGS, NOW, read_history=False)
    found = {}
    for record in site.wards:
        meeting = schedule.next_meeting(record.ward.meetings, NOW)
        if meeting:
            found[record.slug] = meeting
    assert len(found) >= 8
    return found


@pytest.mark.parametrize("language", ["", "bn/"])
def test_every_ward_page_answers_when_and_where_on_the_first_screen(
    visit, site_url, next_meetings, language
):
    page = visit(360, 640)
    for slug in next_meetings:
        page.goto(f"{site_url}{language}wards/{slug}/")
        for part in (
            page.locator("h1"),
            page.locator(".wp-next .wp-when"),
            page.locator(".wp-next .wp-meeting p").first,
            page.locator(".wp-next .md-button--primary").first,  # one tap away
        ):
            box = part.bounding_box()
            assert box is not None and box["y"] + box["height"] <= FIRST_SCREEN, (slug, part)


@pytest.mark.parametrize("path", ["", "meetings/", "wards/", "wards/larkhall/", "wards/elm-east/"])
def test_at_320px_nothing_needs_sideways_scrolling(visit, site_url, path):
    page = visit(320, 568)
    page.goto(site_url + path)
    overflowing = page.evaluate("""() => [...document.querySelectorAll(
        '.md-content *')].filter(el => el.getBoundingClientRect().right > innerWidth + 1
        && el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
        .map(el => el.tagName + ' ' + (el.textContent || '').trim().slice(0, 40))""")
    assert overflowing == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


AFTER_BOW_EAST = datetime(2026, 12, 9, 21, 0, tzinfo=UTC)  # its 9 December meeting has ended


@pytest.mark.parametrize("path", ["", "meetings/", "wards/", "wards/elm-east/"])
def test_a_meeting_that_has_ended_is_never_listed_as_coming(visit, site_url, path):
    page = visit(1280, 800, clock=AFTER_BOW_EAST)
    page.goto(site_url + path)
    meetings = page.locator(".wp-next, .wp-card, .wp-banner, [data-ends]")
    ended = meetings.get_by_text(re.compile("Wednesday 9 December 2026"))
    for index in range(ended.count()):
        expect(ended.nth(index)).to_be_hidden()


def test_a_month_whose_meetings_have_all_ended_loses_its_heading(visit, site_url):
    page = visit(1280, 800, clock=datetime(2027, 2, 1, tzinfo=UTC))
    page.goto(site_url + "meetings/")
    expect(page.get_by_role("heading", name="December 2026")).to_be_hidden()
    expect(page.get_by_role("heading", name="February 2027")).to_be_visible()


def test_after_its_next_meeting_a_ward_page_says_so(visit, site_url):
    page = visit(clock=AFTER_BOW_EAST)
    page.goto(site_url + "wards/elm-east/")
    expect(page.locator(".wp-next .wp-meeting")).to_be_hidden()
    expect(page.get_by_text("This meeting has now taken place.")).to_be_visible()
    expect(page.get_by_text("Wednesday 10 March 2027").first).to_be_visible()


def test_before_the_meeting_everything_stays(visit, site_url):
    page = visit(clock=datetime(2026, 12, 9, 18, 0, tzinfo=UTC))
    page.goto(site_url + "wards/elm-east/")
    expect(page.locator(".wp-next .wp-when")).to_have_text(re.compile("Wednesday 9 December 2026"))
    expect(page.get_by_text("This meeting has now taken place.")).to_be_hidden()


def test_a_cancelled_meeting_is_a_banner_on_its_ward_page_and_labelled_on_meetings(visit, site_url):
    page = visit(360, 640)
    page.goto(site_url + "wards/larkhall/")
    banner = page.get_by_role("region", name="Important")
    expect(banner).to_contain_text("The meeting on Thursday 3 December 2026 is cancelled.")
    box = banner.bounding_box()
    assert box["y"] + box["height"] <= FIRST_SCREEN and box["x"] + box["width"] <= 360
    page.goto(site_url + "meetings/")
    card = page.locator("li.wp-card", has_text="Larkhall").filter(has_text="3 December 2026")
    tag = card.locator(".wp-tag--cancelled")
    expect(tag).to_have_text("Cancelled")
    box = tag.bounding_box()
    assert box["x"] + box["width"] <= 360
    expect(card).to_contain_text("Cancelled because the room is closed for repairs.")


def test_without_javascript_a_ward_page_reads_in_full(visit, site_url):
    page = visit(java_script_enabled=False)
    page.goto(site_url + "wards/elm-east/")
    for text in (
        "Wednesday 9 December 2026, 7pm to 8:30pm",
        "Drug dealing around Roman Road",
        "You said:",
        "elmeast.wardpanel@example.org",
        "Vice-chair:",
    ):
        expect(page.locator("article").get_by_text(text).first).to_be_visible()


def test_a_postcode_typed_on_the_home_page_leads_to_its_ward(visit, site_url):
    page = visit(360, 640)
    page.goto(site_url)
    box = page.get_by_label("Your postcode, street, estate or ward")
    box.fill("e3 2aa")
    box.press("Enter")
    answer = page.locator(".wp-finder__answer")
    expect(answer).to_have_text("E3 2AA is in Elm East.")
    assert answer.bounding_box()["y"] + answer.bounding_box()["height"] <= FIRST_SCREEN + 200
    answer.get_by_role("link", name="Elm East").click()
    expect(page).to_have_url(re.compile(r"/wards/elm-east/#next-meeting$"))
    expect(page.locator("h1")).to_have_text("Elm East ward panel")


def test_a_street_finds_its_ward_first_and_a_sector_lists_its_wards(visit, site_url):
    page = visit(360, 640)
    page.goto(site_url + "wards/")
    box = page.get_by_label("Your postcode, street, estate or ward")
    box.fill("Cable Street")
    page.get_by_role("button", name="Find my ward").click()
    answer = page.locator(".wp-finder__answer")
    expect(answer.get_by_role("link").first).to_have_text("Ropewalk")
    box.fill("E3 2")
    box.press("Enter")
    expect(answer).to_contain_text("Your postcode is in one of them")
    expect(answer.get_by_role("link").first).to_have_text("Elm East")
    box.fill("E14")  # a district of many wards: every one is offered
    box.press("Enter")
    expect(answer.get_by_role("link", name="Ropewalk")).to_be_visible()
    box.fill("zzzz")
    box.press("Enter")
    expect(answer).to_contain_text("We could not find")
    expect(answer.get_by_role("link")).to_have_text(  # no guess: the wards A to Z
        "Choose your ward from the list of wards and their areas"
    )


def test_the_404_page_finds_a_ward_on_any_host(visit, site_url):
    """Built for wardpanels.example.org, served here: as a preview or a mirror would be."""
    page = visit(360, 640)
    page.goto(site_url + "404.html")
    box = page.get_by_label("Your postcode, street, estate or ward")
    box.fill("e3 2aa")
    box.press("Enter")
    expect(page.locator(".wp-finder__answer")).to_have_text("E3 2AA is in Elm East.")


def test_the_finder_loads_its_data_only_when_used_and_only_from_the_site(visit, site_url):
    page = visit(360, 640)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url, wait_until="networkidle")
    assert not any(url.endswith("finder.json") for url in requested)
    page.get_by_label("Your postcode, street, estate or ward").fill("E14 2BG")
    page.keyboard.press("Enter")
    expect(page.locator(".wp-finder__answer")).not_to_be_empty()
    assert any(url.endswith("/data/finder.json") for url in requested)
    assert all(url.startswith(site_url) for url in requested)


def test_without_javascript_the_district_pages_answer_by_postcode(visit, site_url):
    page = visit(360, 640, java_script_enabled=False)
    page.goto(site_url)
    page.get_by_role("link", name="E3", exact=True).click()
    expect(page.locator("h1")).to_have_text("Postcodes starting E3")
    sector = page.locator("h2#e3-2 ~ ul").first
    expect(sector.get_by_role("link").first).to_have_text("Elm East")
    sector.get_by_role("link").first.click()
    expect(page.locator("h1")).to_have_text("Elm East ward panel")


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Cable Street", "wards/ropewalk/"),
        ("Fish Island", "wards/elm-east/"),
        ("Larkhall", "wards/larkhall/"),
        ("Old Market West", "wards/st-olaves/"),
    ],
)
def test_site_search_ranks_the_ward_first_and_never_offers_editors_pages(
    visit, searchable_site_url, query, first
):
    page = visit(1280, 800)
    page.goto(f"{searchable_site_url}?q={query.replace(' ', '+')}")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    assert results.first.get_attribute("href").split("?")[0].endswith(first)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert not any("/editors/" in href for href in hrefs)


PAGE_TYPES = [
    "",
    "wards/",
    "wards/elm-east/",
    "wards/elm-east/poster/",
    "meetings/",
    "priorities/",
    "standards/",
    "glossary/",
    "calendars/",
    "data/",
    "postcodes/e3/",
    "how-ward-panels-work/",
    "404.html",
]


def test_no_page_asks_for_anything_missing_or_logs_an_error(visit, searchable_site_url):
    failures: list[str] = []
    tabs = [visit(1280, 800) for _ in PAGE_TYPES]
    for tab, path in zip(tabs, PAGE_TYPES, strict=True):
        tab.on(
            "response",
            lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        tab.on("console", lambda m: failures.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda error: failures.append(str(error)))
        tab.goto(searchable_site_url + path, wait_until="commit")
    # Each page is done once nothing more has been asked for in half a second: the pages
    # load side by side, each in a tab of its own, so they wait that half second together.
    for tab in tabs:
        tab.wait_for_load_state("networkidle")
    assert failures == []

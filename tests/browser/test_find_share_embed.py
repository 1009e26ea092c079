"""Issue 25's journeys in Chromium, on phones 360 and 320 px wide, in English and Bengali,
with and without JavaScript: a finder that forgives, postcodes without guessing, sharing
and adding a meeting, the card other sites embed, and calendar steps that match the phone.
"""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest
from playwright.sync_api import Page, expect


def ask(page: Page, typed: str):
    """Type into the page's finder and send it, as a resident does; the answer box."""
    box = page.locator("#wp-finder-q")
    box.fill(typed)
    box.press("Enter")
    return page.locator(".wp-finder__answer")


def fits(page: Page) -> bool:
    """Nothing on the page needs sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


# A finder that forgives.


@pytest.mark.parametrize(
    ("language", "width", "typed", "ward"),
    [
        ("", 360, "Cabel Street", "Ropewalk"),  # two letters swapped
        ("", 320, "Spitalfeilds", "Silk & Spice"),
        ("", 320, "Commercial Rd", "Ropewalk"),  # a short form
        ("", 360, "Brick Lane market", "Silk & Spice"),  # words around a place's name
        ("bn/", 360, "এল্ম ইস্ট", "এল্ম ইস্ট"),  # a ward's name in Bengali script
        ("bn/", 320, "ব্রিক লেন", "সিল্ক অ্যান্ড স্পাইস"),  # an area in Bengali script
    ],
)
def test_a_typo_a_short_form_or_bengali_script_finds_the_ward_first(
    visit, site_url, language, width, typed, ward
):
    page = visit(width, 640)
    page.goto(site_url + language)
    answer = ask(page, typed)
    expect(answer.get_by_role("link").first).to_have_text(ward)
    assert fits(page)


@pytest.mark.parametrize(("language", "typed"), [("bn/", "E১৪ ৯AB"), ("", "Ｅ１４ ９ＡＢ")])
def test_bengali_and_full_width_digits_in_a_postcode_lead_to_its_ward(
    visit, site_url, language, typed
):
    page = visit(360, 640)
    page.goto(site_url + language)
    answer = ask(page, typed)
    expect(answer).to_contain_text("E14 9AB")
    answer.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/wards/heron-quay/#next-meeting$"))


def test_an_unknown_postcode_lists_its_sectors_wards_and_every_postcode_of_it(visit, site_url):
    page = visit(320, 640)
    page.goto(site_url)
    answer = ask(page, "E1 6AN")  # not in the table, but its sector is
    expect(answer).to_contain_text("We do not know the postcode E1 6AN yet")
    links = answer.get_by_role("link")
    expect(links).to_have_text(
        ["Silk & Spice", "Chapel Fields", "Every postcode starting E1 6, and its ward"]
    )
    assert fits(page)
    links.last.click()
    expect(page.locator("h1")).to_have_text("Postcodes starting E1 6")
    expect(page.get_by_role("row", name=re.compile("^E1 6AA "))).to_contain_text("Silk & Spice")


@pytest.mark.parametrize(
    ("language", "typed", "title"),
    [("", "zzzz nowhere", "There is a problem"), ("bn/", "SW1A 1AA", "একটি সমস্যা হয়েছে")],
)
def test_nothing_found_is_an_error_summary_that_says_what_to_try(
    visit, site_url, language, typed, title
):
    page = visit(360, 640)
    page.goto(site_url + language)
    ask(page, typed)
    summary = page.get_by_role("alert")
    expect(summary.get_by_role("heading")).to_have_text(title)
    expect(summary).to_be_focused()
    expect(summary.get_by_role("listitem")).to_have_count(3)  # spelling, postcode, the list
    summary.get_by_role("link").click()
    expect(page).to_have_url(site_url + language + "wards/")


# No JavaScript, no guessing.


@pytest.mark.parametrize(("language", "width"), [("", 320), ("bn/", 360)])
def test_without_javascript_a_sector_page_lists_every_postcode_with_its_ward(
    visit, site_url, language, width
):
    page = visit(width, 640, java_script_enabled=False)
    page.goto(site_url + language + "postcodes/e14/")
    expect(page.locator("article")).not_to_contain_text("most often")
    page.locator("h2#e14-9 ~ p a").first.click()
    expect(page).to_have_url(site_url + language + "postcodes/e14/e14-9/")
    row = page.get_by_role("row", name=re.compile("^E14 9AB "))
    expect(row.get_by_role("link")).to_have_text("Heron Quay")
    assert fits(page)
    row.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/wards/heron-quay/#next-meeting$"))


# Share, add, embed.


def coming_meetings(page: Page):
    """Each coming meeting on a ward page that is going ahead: the next, then the cards."""
    return page.locator(".wp-next .wp-meeting[id], #meetings ~ ul.wp-cards > li[id]")


@pytest.mark.parametrize(("language", "says"), [("", "ward panel meeting"), ("bn/", "সভা")])
def test_every_coming_meeting_has_its_anchor_whatsapp_and_calendar_links(
    visit, site_url, language, says
):
    page = visit(360, 640, java_script_enabled=False)
    page.goto(site_url + language + "wards/elm-east/")
    meetings = coming_meetings(page)
    assert meetings.count() >= 2
    for index in range(meetings.count()):
        meeting = meetings.nth(index)
        anchor = meeting.get_attribute("id")
        assert anchor and anchor.startswith("meeting-")
        whatsapp = meeting.locator("a.wp-share__whatsapp").get_attribute("href")
        assert whatsapp.startswith("https://wa.me/?text=")
        message = unquote(whatsapp.removeprefix("https://wa.me/?text="))
        assert says in message and "Elm East" in message
        assert message.endswith(f"/{language}wards/elm-east/#{anchor}")
        expect(meeting.get_by_role("link", name="Google Calendar")).to_be_visible()
        expect(meeting.get_by_role("link", name="Outlook.com")).to_be_visible()
        assert meeting.locator("a[href$='.ics']").count() == 1
        # Without JavaScript, nothing that needs it is offered.
        expect(meeting.locator("button.wp-share__sheet")).to_be_hidden()
        expect(meeting.locator("button.wp-share__copy")).to_be_hidden()


def test_the_share_sheet_and_copy_link_appear_where_the_browser_has_them(visit, site_url):
    page = visit(360, 640)
    page.add_init_script(
        "navigator.share = (data) => { window.shared = data; return Promise.resolve(); };"
    )
    page.goto(site_url + "bn/wards/elm-east/")
    first = coming_meetings(page).first
    sheet = first.locator("button.wp-share__sheet")
    expect(sheet).to_be_visible()
    sheet.click()
    shared = page.evaluate("window.shared")
    assert shared["url"].endswith("/bn/wards/elm-east/#" + first.get_attribute("id"))
    assert "সভা" in shared["text"]
    expect(first.locator("button.wp-share__copy")).to_be_visible()
    # A browser without a share sheet offers none.
    plain = visit(360, 640)
    plain.goto(site_url + "bn/wards/elm-east/")
    expect(coming_meetings(plain).first.locator("button.wp-share__sheet")).to_be_hidden()


@pytest.mark.parametrize("width", [360, 320])
def test_a_linked_meeting_is_not_hidden_under_the_header(visit, site_url, width):
    page = visit(width, 640)
    page.goto(site_url + "wards/elm-east/#next-meeting")
    header = page.locator(".md-header").bounding_box()
    # Landing on the next meeting keeps the ward's name in sight.
    assert page.locator("h1").bounding_box()["y"] >= header["y"] + header["height"]
    card = page.locator("#meetings ~ ul.wp-cards > li[id]").first
    page.goto(site_url + "wards/elm-east/#" + card.get_attribute("id"))
    header = page.locator(".md-header").bounding_box()
    assert card.bounding_box()["y"] >= header["y"] + header["height"]


@pytest.mark.parametrize(("language", "width"), [("", 320), ("bn/", 360)])
def test_the_embed_card_runs_no_script_sets_no_cookie_and_asks_no_other_host(
    visit, site_url, language, width
):
    page = visit(width, 640)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    ward_page = site_url + language + "wards/elm-east/"
    page.goto(ward_page)
    page.locator("summary").filter(has_text=re.compile("embed|সাইটে")).click()
    snippet = page.locator("pre.wp-embed-code").inner_text()
    assert 'loading="lazy"' in snippet and 'title="Elm East' in snippet
    page.goto(ward_page + "embed/", wait_until="networkidle")
    assert page.locator("script").count() == 0
    assert page.context.cookies() == []
    assert all(url.startswith(site_url) for url in requested)
    expect(page.locator("h1 a")).to_have_attribute(
        "href", "https://wardpanels.example.org/" + language + "wards/elm-east/"
    )
    expect(page.locator("li").first).to_be_visible()  # a current priority
    assert fits(page)
    discovery = page.locator("link[type='application/json+oembed']").get_attribute("href")
    local = discovery.replace("https://wardpanels.example.org/", site_url)
    oembed = json.loads(page.request.get(local).text())
    assert oembed["type"] == "rich" and oembed["html"] == snippet


# Calendar steps that match the phone.


@pytest.mark.parametrize(
    ("language", "iphone", "ios18", "ios17", "sync", "outlook"),
    [
        ("", "iPhone or iPad", "iOS 18 or later", "iOS 17 or earlier", "turn Sync on", "app"),
        ("bn/", "iPhone", "iOS 18", "iOS 17", "Sync চালু করুন", "অ্যাপে"),
    ],
)
def test_calendar_steps_name_the_phone_and_its_software(
    visit, site_url, language, iphone, ios18, ios17, sync, outlook
):
    page = visit(360, 640, java_script_enabled=False)
    page.goto(site_url + language + "calendars/")
    details = page.locator("#all-wards ~ .wp-apps details")
    apple = details.filter(has=page.locator("summary", has_text=iphone))
    apple.locator("summary").click()
    expect(apple).to_contain_text(ios18)
    expect(apple).to_contain_text("Apps, Calendar, Calendar Accounts")
    expect(apple).to_contain_text(ios17)
    expect(apple).to_contain_text("Calendar, Accounts, Add Account")
    android = details.filter(has=page.locator("summary", has_text="Google Calendar"))
    android.locator("summary").click()
    expect(android).to_contain_text(sync)
    microsoft = details.filter(has=page.locator("summary", has_text="Outlook"))
    microsoft.locator("summary").click()
    expect(microsoft).to_contain_text("Subscribe from web")
    expect(microsoft).to_contain_text(outlook)
    assert fits(page)

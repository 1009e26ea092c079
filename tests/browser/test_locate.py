"""The map of the wards and "Use my location", on a small phone, with the position set by
the test (the fixture borough's outlines are the real polygons of its wards' GSS codes)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ELM_EAST = {"longitude": -0.02828, "latitude": 51.53795, "accuracy": 10}
# On the line between Old Market East and Old Market West.
BETWEEN_OLD_MARKETS = {"longitude": -0.0553, "latitude": 51.5245, "accuracy": 10}
CITY_OF_LONDON = {"longitude": -0.0915, "latitude": 51.5155, "accuracy": 10}

BUTTON = {"en": "Use my location", "bn": "আমার অবস্থান ব্যবহার করুন"}
PREFIX = {"en": "", "bn": "bn/"}


def located(visit, site_url, language, position, **options):
    page = visit(360, 640, geolocation=position, permissions=["geolocation"], **options)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}{PREFIX[language]}wards/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "locate" in url or "boundaries" in url]
    page.get_by_role("button", name=BUTTON[language]).click()
    answer = page.locator(".wp-locate__answer")
    answer.locator("p").first.wait_for()
    fetched = [url for url in requested if "locate" in url or "boundaries" in url]
    assert fetched and all(url.startswith(site_url) for url in requested)
    return page, answer


@pytest.mark.parametrize("language", ["en", "bn"])
def test_my_location_names_my_ward_and_links_to_its_page(visit, site_url, language):
    page, answer = located(visit, site_url, language, ELM_EAST)
    expected = {"en": "You are in Elm East.", "bn": "আপনি Elm East ওয়ার্ডে আছেন।"}
    assert answer.inner_text().strip() == expected[language]
    answer.get_by_role("link", name="Elm East").click()
    page.wait_for_url(f"{site_url}{PREFIX[language]}wards/elm-east/")


@pytest.mark.parametrize("language", ["en", "bn"])
def test_near_a_boundary_it_names_both_wards_and_asks_for_the_postcode(visit, site_url, language):
    _, answer = located(visit, site_url, language, BETWEEN_OLD_MARKETS)
    wards = answer.get_by_role("listitem").all_inner_texts()
    assert sorted(wards) == ["Old Market East", "Old Market West"]
    assert {"en": "postcode", "bn": "পোস্টকোড"}[language] in answer.inner_text()


def test_outside_the_borough_it_says_so(visit, site_url):
    _, answer = located(visit, site_url, "en", CITY_OF_LONDON)
    assert "not in a ward of Tower Hamlets" in answer.inner_text()
    assert answer.get_by_role("link").count() == 0


def test_when_the_phone_will_not_tell_it_says_so_plainly(visit, site_url):
    page = visit(360, 640)  # no permission given: the browser refuses
    page.goto(f"{site_url}wards/")
    page.get_by_role("button", name="Use my location").click()
    answer = page.locator(".wp-locate__answer")
    page.wait_for_function(
        "document.querySelector('.wp-locate__answer').textContent.includes('postcode')"
    )
    assert "not allowed to know where you are" in answer.inner_text()


def test_without_javascript_the_map_works_and_the_button_does_not_show(visit, site_url):
    page = visit(360, 640, java_script_enabled=False)
    page.goto(f"{site_url}wards/")
    assert page.get_by_role("button", name="Use my location").count() == 0
    map_links = page.locator("#map svg a")
    assert map_links.count() == 9
    assert page.get_by_role("link", name="9 Silk & Spice").count() == 1
    page.locator("#map svg a").first.focus()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "1 Chapel Fields"
    box = page.locator("#map svg").bounding_box()
    assert box is not None and box["width"] <= 360


def test_the_home_page_offers_the_button_and_the_map_below_the_finder(visit, site_url):
    page = visit(360, 640)
    page.goto(site_url)
    button = page.get_by_role("button", name="Use my location")
    assert button.is_visible()
    page.get_by_role("link", name="See the wards on a map").click()
    page.wait_for_url(f"{site_url}wards/#map")


def test_a_position_known_only_roughly_is_not_taken_for_a_ward(visit, site_url):
    rough = {**ELM_EAST, "accuracy": 2500}
    _, answer = located(visit, site_url, "bn", rough)
    assert "২,৫০০ মিটারের" in answer.inner_text() and answer.get_by_role("link").count() == 0

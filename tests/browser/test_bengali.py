"""The resident's journey in Bengali, in Chromium: the right language everywhere, a link to
the same page in the other language, search that finds Bengali words, a font from the
site itself, and pages that work without JavaScript (by keyboard: test_accessibility.py)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

SITE_URL = "https://wardpanels.example.org/"  # the address the test build is made for


@pytest.mark.parametrize(
    ("path", "other", "lang"),
    [
        ("wards/elm-east/", "bn/wards/elm-east/", "en"),
        ("bn/wards/elm-east/", "wards/elm-east/", "bn"),
        ("bn/how-ward-panels-work/", "how-ward-panels-work/", "bn"),
        ("meetings/", "bn/meetings/", "en"),
    ],
)
def test_each_page_says_its_language_and_links_the_same_page_in_the_other(
    visit, site_url, path, other, lang
):
    page = visit(360, 640)
    page.goto(site_url + path)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    switch = page.get_by_role("navigation", name=re.compile("^(Language|ভাষা)$"))
    link = switch.get_by_role("link")
    expect(link).to_have_attribute("hreflang", "bn" if lang == "en" else "en")
    expect(link).to_have_attribute("lang", "bn" if lang == "en" else "en")
    expect(link).to_have_text("বাংলা" if lang == "en" else "English")
    alternates = page.locator("link[hreflang]")
    assert sorted(alternates.evaluate_all("links => links.map(l => l.href)")) == sorted(
        [SITE_URL + path, SITE_URL + other]
    )
    link.click()
    expect(page).to_have_url(site_url + other)


def test_an_editors_page_leads_to_the_bengali_home_page(visit, site_url):
    page = visit(1280, 800)
    page.goto(site_url + "editors/")
    page.locator(".wp-languages").get_by_role("link", name="বাংলা").click()
    expect(page).to_have_url(site_url + "bn/")


def test_english_left_in_a_bengali_page_is_marked_as_english(visit, site_url):
    page = visit(1280, 800)
    page.goto(site_url + "bn/wards/chapel-fields/")  # a ward nobody has translated yet
    expect(page.locator(".wp-untranslated")).to_have_count(1)
    expect(page.locator("article [lang='en']").first).to_be_attached()


def test_the_bengali_font_comes_from_the_site_and_only_for_bengali_pages(visit, site_url):
    requested: list[str] = []
    page = visit(1280, 800)
    page.on("request", lambda request: requested.append(request.url))
    page.goto(site_url + "wards/elm-east/", wait_until="networkidle")
    assert not [url for url in requested if url.endswith(".woff2")]
    page.goto(site_url + "bn/wards/elm-east/", wait_until="networkidle")
    fonts = [url for url in requested if url.endswith(".woff2")]
    assert fonts and all(url.startswith(site_url) for url in fonts)


def test_search_finds_a_bengali_word_on_bengali_pages(visit, searchable_site_url):
    page = visit(1280, 800)
    page.goto(searchable_site_url + "bn/?q=অগ্রাধিকার")
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") for i in range(min(results.count(), 5))]
    assert any("/bn/" in href for href in hrefs)


def test_without_javascript_a_bengali_ward_page_reads_in_full(visit, site_url):
    page = visit(360, 640, java_script_enabled=False)
    page.goto(site_url + "bn/wards/elm-east/")
    article = page.locator("article")
    for text in ("পরের সভা", "আপনি বলেছেন, আমরা করেছি", "elmeast.wardpanel@example.org"):
        expect(article.get_by_text(text).first).to_be_visible()


def test_a_bengali_address_that_does_not_exist_gets_the_bengali_404_page(visit, site_url):
    """On a host with one 404 page for every address (GitHub Pages, as served here)."""
    page = visit(360, 640)
    page.goto(site_url + "bn/wards/nowhere/")
    expect(page.locator("html")).to_have_attribute("lang", "bn")
    expect(page.get_by_role("heading", level=1)).to_have_text("পাতাটি পাওয়া যায়নি")
    page.goto(site_url + "wards/nowhere/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")

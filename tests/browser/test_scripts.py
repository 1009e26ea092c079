"""Behaviour that needs a real browser: copy buttons, tooltips, and the finder without script."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def test_the_copy_button_copies_the_calendar_address(visit, site_url):
    page = visit(1280, 720, permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{site_url}wards/elm-east/")
    page.get_by_role("button", name="Copy the address").click()
    expect(page.get_by_role("status").filter(has_text="Address copied.")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "https://wardpanels.example.org/calendars/elm-east.ics"


def test_an_acronym_explains_itself_to_keyboard_users(page, site_url):
    page.goto(f"{site_url}wards/elm-east/")
    abbr = page.locator("abbr", has_text="PCSO").first
    for _ in range(50):  # Material attaches its tooltips a moment after the page loads
        abbr.focus()
        if abbr.get_attribute("aria-describedby"):
            break
        abbr.blur()
        page.wait_for_timeout(100)
    tooltip = page.locator(f"#{abbr.get_attribute('aria-describedby')}")
    expect(tooltip).to_have_attribute("role", "tooltip")
    expect(tooltip).to_have_text("Police Community Support Officer")
    expect(tooltip).to_have_class(re.compile("md-tooltip2--active"))


def test_without_javascript_the_finder_gives_way_to_links_that_answer_the_same(visit, site_url):
    page = visit(1280, 720, java_script_enabled=False)
    page.goto(site_url)
    expect(page.locator("form.wp-finder")).to_be_hidden()
    expect(page.get_by_role("link", name="E3", exact=True)).to_be_visible()
    expect(
        page.get_by_role("link", name=re.compile("list of wards and their areas"))
    ).to_be_visible()
    page = visit(1280, 720)
    page.goto(site_url)
    expect(page.locator("form.wp-finder")).to_be_visible()

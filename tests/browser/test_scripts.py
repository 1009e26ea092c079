"""Behaviour that needs a real browser: the meetings script, copy buttons and tooltips."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from playwright.sync_api import expect


def test_meetings_still_to_come_stay_visible(page, site_url):
    page.clock.set_fixed_time(datetime(2026, 11, 24, 9, tzinfo=UTC))
    page.goto(f"{site_url}wards/bow-east/")
    expect(page.locator(".wp-meeting")).to_be_visible()
    expect(page.locator(".wp-after-meeting")).to_be_hidden()
    expect(page.get_by_role("row", name="Wednesday 9 December 2026")).to_be_visible()


def test_a_meeting_that_has_ended_is_hidden_by_the_visitors_clock(page, site_url):
    page.clock.set_fixed_time(datetime(2026, 12, 9, 21, tzinfo=UTC))
    page.goto(f"{site_url}wards/bow-east/")
    expect(page.locator(".wp-meeting")).to_be_hidden()
    expect(page.locator(".wp-after-meeting")).to_be_visible()
    expect(page.get_by_role("row", name="Wednesday 9 December 2026")).to_have_count(0)
    expect(page.get_by_role("row", name="Wednesday 10 March 2027")).to_be_visible()


def test_without_javascript_every_meeting_is_readable(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}wards/bow-east/")
    expect(page.locator(".wp-meeting")).to_be_visible()
    expect(page.get_by_role("row", name="Wednesday 9 December 2026")).to_be_visible()
    expect(page.locator("button.wp-copy").first).to_be_hidden()  # no dead button without script
    context.close()


def test_the_copy_button_copies_the_calendar_address(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}wards/bow-east/")
    page.get_by_role("button", name="Copy the address").click()
    expect(page.get_by_role("status").filter(has_text="Address copied.")).to_be_visible()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "https://wardpanels.example.org/calendars/bow-east.ics"
    context.close()


def test_an_acronym_explains_itself_to_keyboard_users(page, site_url):
    page.goto(f"{site_url}wards/bow-east/")
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


def test_without_javascript_the_home_page_offers_the_list_not_a_dead_search_box(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    expect(page.locator("form.wp-find")).to_be_hidden()
    expect(page.get_by_role("link", name="Bow East").first).to_be_visible()
    context.close()
    with_script = browser.new_context()
    page = with_script.new_page()
    page.goto(site_url)
    expect(page.locator("form.wp-find")).to_be_visible()
    with_script.close()

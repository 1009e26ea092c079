"""WCAG 2.2 AA in a real browser: axe-core on every page type, keyboard use of the menu on
a small screen, privacy, printing, and pages that read without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.sync_api import expect

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Ward pages share one template: these stand for them, in both languages, with a poster.
WARDS = [
    "wards/elm-east/",
    "wards/ropewalk/",
    "wards/larkhall/",
    "wards/elm-east/poster/",
    "bn/wards/elm-east/",
    "bn/wards/larkhall/",
]
REPEATED = re.compile(r"^(bn/)?(wards/[^/]+/|postcodes/[^/]+/)")


def page_paths(site: Path) -> list[str]:
    """Every page of the built site, in every language, but the ward and postcode pages,
    which share a template each: a few stand for them. A page added later is covered
    without touching this test."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        path = html.relative_to(site).as_posix().removesuffix("index.html")
        if not REPEATED.match(path):
            paths.append(path)
    return [*paths, *WARDS, "postcodes/e3/", "bn/postcodes/e14/"]


def axe_ready(browser, **options):
    """A context whose every page has axe-core: sent to the browser once, not once a page."""
    context = browser.new_context(reduced_motion="reduce", **options)
    context.add_init_script(AXE)
    return context


def violations(page) -> list[str]:
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


@pytest.mark.parametrize("width", [1280, 375])
def test_every_page_type_has_no_axe_violations(browser, site_url, built_site, width):
    context = axe_ready(browser, viewport={"width": width, "height": 900})
    page = context.new_page()
    found = {}
    for path in page_paths(built_site):
        page.goto(site_url + path)
        if problems := violations(page):
            found[path] = problems
    context.close()
    assert found == {}


@pytest.mark.parametrize(
    "path", ["", "wards/elm-east/", "wards/elm-east/poster/", "bn/wards/larkhall/"]
)
def test_a_dark_colour_preference_changes_nothing_so_axe_checks_one_scheme(browser, site_url, path):
    """The site has one colour scheme (mkdocs.yml, theme.palette). Should a dark one be
    added, this fails: then run the axe test above in both schemes."""
    shots = []
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport={"width": 375, "height": 900}, color_scheme=scheme, reduced_motion="reduce"
        )
        page = context.new_page()
        page.goto(site_url + path)
        shots.append(page.screenshot(full_page=True))
        context.close()
    assert shots[0] == shots[1]


@pytest.mark.parametrize("width", [1280, 375])
def test_search_with_results_has_no_axe_violations(browser, site_url, width):
    context = axe_ready(browser, viewport={"width": width, "height": 900})
    page = context.new_page()
    for query in ("bow", "pcso", "meeting"):
        page.goto(f"{site_url}wards/?q={query}")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert violations(page) == [], query
    expect(page.get_by_role("dialog", name="Search this site")).to_be_attached()
    context.close()


def visible_focus(page) -> dict:
    return page.evaluate("""() => {
        const el = document.activeElement;
        if (!el || el === document.body) return {tag: 'body', visible: true};
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const inView = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
            && box.left < innerWidth && box.top < innerHeight;
        return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '')
                .slice(0, 40), visible: inView && style.visibility !== 'hidden'
                && style.opacity !== '0'};
    }""")


@pytest.mark.parametrize(("path", "label"), [("", "Menu"), ("bn/", "মেনু")])
def test_at_320px_the_menu_opens_by_keyboard_and_escape_closes_it(browser, site_url, path, label):
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(f"{site_url}{path}wards/elm-east/")
    menu = page.get_by_role("button", name=label)
    expect(menu).to_be_visible()
    for _ in range(12):  # the menu button is among the first stops
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-label')") == label:
            break
    else:
        pytest.fail("Tab never reached the menu button")
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    focused = visible_focus(page)
    assert focused["visible"] and focused["tag"] == "A", focused  # focus moved into the menu
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    context.close()


@pytest.mark.parametrize("path", ["", "wards/elm-east/", "glossary/"])
def test_at_320px_focus_never_lands_on_anything_invisible(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640}, reduced_motion="reduce")
    page = context.new_page()
    page.goto(site_url + path)
    page.wait_for_timeout(300)  # Material and our script set up the page
    seen = 0
    for _ in range(80):
        page.keyboard.press("Tab")
        focused = visible_focus(page)
        if focused["tag"] == "body":
            break
        assert focused["visible"], focused
        seen += 1
    assert seen > 5
    context.close()


@pytest.mark.parametrize("path", ["", "wards/elm-east/", "calendars/", "glossary/", "404.html"])
def test_pages_ask_for_nothing_from_any_other_host(browser, site_url, path):
    context = browser.new_context()
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_url + path, wait_until="networkidle")
    context.close()
    assert hosts == {urlsplit(site_url).netloc}


@pytest.mark.parametrize("slug", ["elm-east", "chapel-fields"])  # a typical and the longest
def test_a_ward_page_prints_cleanly_on_at_most_two_a4_pages(browser, site_url, slug):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}wards/{slug}/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer", ".wp-apps"):
        expect(page.locator(selector).first).to_be_hidden()
    expect(page.locator(".wp-no-print").first).to_be_hidden()
    expect(page.locator(".md-banner")).to_contain_text("Sample information")
    expect(page.locator("article a[href^='mailto:']").first).to_be_visible()  # the address itself
    calendar = page.locator("article a[href*='calendar.google.com']").first
    assert calendar.evaluate("a => getComputedStyle(a, '::after').content") in ("none", "normal")
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 2
    context.close()


@pytest.mark.parametrize("slug", ["elm-east", "ropewalk", "chapel-fields"])
def test_a_ward_poster_prints_on_one_a4_page(browser, site_url, slug):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{site_url}wards/{slug}/poster/")
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    context.close()

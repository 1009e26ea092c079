"""WCAG 2.2 AA in a real browser: axe-core on every page type, keyboard use of the menu on
a small screen, privacy, printing, and pages that read without JavaScript."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import axe_playwright_python
import pytest
from playwright.sync_api import Page, expect

from wardpanels import pages
from wardpanels.routes import Route
from wardpanels.settings import read_settings
from wardpanels.site import load_site

from ..conftest import NOW, ROOT, copy_borough

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
PHONE, DESKTOP = 375, 1280
WIDTHS = [DESKTOP, PHONE]
PAGES = ROOT / "site_src"  # the hand-written pages
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
# Postcode districts and sectors share a template each: these stand for them, the largest
# sector (two wards), one split three ways and one of a single postcode, and one of each
# in Bengali.
POSTCODES = [
    "postcodes/e3/",
    "postcodes/e3/e3-2/",
    "postcodes/e1/e1-5/",
    "postcodes/e15/e15-2/",
    "bn/postcodes/e14/",
    "bn/postcodes/e3/e3-2/",
]


def page_paths() -> list[str]:
    """Every page of the fixture borough's site, in every language, as the build renders
    them (found without building, so each page is a test of its own), but the ward and
    postcode pages (districts and sectors), which share a template each: a few stand for
    them. A page added later
    is covered without touching this test."""
    with tempfile.TemporaryDirectory() as folder, pytest.MonkeyPatch.context() as patch:
        borough = copy_borough(Path(folder))
        for name, value in borough.environment().items():
            patch.setenv(name, value)
        settings = read_settings(ROOT / "mkdocs.yml")
        site = load_site(borough.sources(), settings, NOW, read_history=False)
        rendered = [
            output.path
            for language in site.languages
            for output in pages.render_pages(site, settings, language)
        ]
    written = [p.relative_to(PAGES).as_posix() for p in PAGES.rglob("*.md")]
    addresses = {Route(path).url for path in rendered + written}
    kept = sorted(a for a in addresses if not re.match(r"^(bn/)?(wards|postcodes)/.+/$", a))
    return [*kept, "404.html", *WARDS, *POSTCODES]


@pytest.fixture(scope="module")
def axe_pages(browser) -> Iterator[dict[int, Page]]:
    """One page with axe-core for each width, reused from page to page: axe is sent to
    the browser once, not once a page."""
    contexts = []
    try:
        for width in WIDTHS:
            context = browser.new_context(
                viewport={"width": width, "height": 900}, reduced_motion="reduce"
            )
            context.add_init_script(AXE)
            contexts.append(context)
        yield {width: context.new_page() for width, context in zip(WIDTHS, contexts, strict=True)}
    finally:
        for context in contexts:
            context.close()


def violations(page) -> list[str]:
    # Only violations are read: axe then lists one element, not all, of each rule that
    # passed, which is what takes its time on a long page.
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        TAGS,
    )
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


def at_desktop_width(path: str) -> bool:
    """Whether a page is also checked at a desktop width, beside the menu and the contents
    list. Every page is checked at a phone's width, where most residents read it; what a
    desktop adds (the menu and contents beside the page, wider tables) comes from the
    page's template, so one page of each kind stands for the others: each English page
    but the editors' guide (its first page stands for it) and the wards and postcodes
    beyond the first of each kind, and, in Bengali, the home page and a ward page."""
    if path.startswith("bn/"):
        return path in ("bn/", "bn/wards/larkhall/")
    if path.startswith("editors/"):
        return path == "editors/"
    return path not in WARDS[1:3] + POSTCODES[2:]


def axe_checks() -> list:
    """Each page at a phone's width, and those of at_desktop_width at a desktop's too: a
    test of its own each, named by page and width."""
    return [
        pytest.param(path, width, id=f"/{path}-{width}")
        for path in page_paths()
        for width in WIDTHS
        if width == PHONE or at_desktop_width(path)
    ]


@pytest.mark.parametrize(("path", "width"), axe_checks())
def test_the_page_has_no_axe_violations(axe_pages, site_url, path, width):
    page = axe_pages[width]
    page.goto(site_url + path)
    assert violations(page) == []


# Resolves once the fonts are in, every running animation or transition has ended and
# two frames have been drawn since.
SETTLED = """async () => {
  await document.fonts.ready;
  await Promise.all(document.getAnimations().map(running => running.finished.catch(() => {})));
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


@pytest.mark.parametrize(
    "path", ["", "wards/elm-east/", "wards/elm-east/poster/", "bn/wards/larkhall/"]
)
def test_a_dark_colour_preference_changes_nothing_so_axe_checks_one_scheme(visit, site_url, path):
    """The site has one colour scheme (mkdocs.yml, theme.palette). Should a dark one be
    added, this fails: then run the axe test above in both schemes."""
    # One page, its preference switched: two loads could differ in whether a font with
    # font-display optional arrived in time, which is not what this is about. The page
    # is settled first: nothing more to fetch, its fonts in, no transition running.
    page = visit(375, 900, color_scheme="light")
    page.goto(site_url + path, wait_until="networkidle")
    page.evaluate(SETTLED)
    shots = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        shots.append(page.screenshot(full_page=True))
    assert shots[0] == shots[1]


@pytest.mark.parametrize("width", [1280, 375])
def test_search_with_results_has_no_axe_violations(visit, searchable_site_url, width):
    page = visit(width, 900)
    page.add_init_script(AXE)
    for query in ("bow", "pcso", "meeting"):
        page.goto(f"{searchable_site_url}wards/?q={query}")
        expect(page.locator(".md-search-result__item").first).to_be_visible()
        assert violations(page) == [], query
    expect(page.get_by_role("dialog", name="Search this site")).to_be_attached()


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
def test_at_320px_the_menu_opens_by_keyboard_and_escape_closes_it(visit, site_url, path, label):
    page = visit(320, 640)
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


@pytest.mark.parametrize("path", ["", "wards/elm-east/", "glossary/"])
def test_at_320px_focus_never_lands_on_anything_invisible(visit, site_url, path):
    page = visit(320, 640)
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


@pytest.mark.parametrize("path", ["", "wards/elm-east/", "calendars/", "glossary/", "404.html"])
def test_pages_ask_for_nothing_from_any_other_host(page, site_url, path):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    page.goto(site_url + path, wait_until="networkidle")
    assert hosts == {urlsplit(site_url).netloc}


@pytest.mark.parametrize("slug", ["elm-east", "chapel-fields"])  # a typical and the longest
def test_a_ward_page_prints_cleanly_on_at_most_two_a4_pages(page, site_url, slug):
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


@pytest.mark.parametrize("slug", ["elm-east", "ropewalk", "chapel-fields"])
def test_a_ward_poster_prints_on_one_a4_page(page, site_url, slug):
    page.goto(f"{site_url}wards/{slug}/poster/")
    pdf = page.pdf(format="A4", print_background=True)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1

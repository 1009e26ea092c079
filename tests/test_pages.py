"""Golden tests: the fixture wards in tests/golden/ render to the pages in tests/golden/expected/.

When a change to the pages is intended, run `pytest --update-goldens` and review the diff.
"""

from __future__ import annotations

import pytest

from .conftest import GOLDEN


def test_every_page_matches_its_golden_file(golden_pages, update_goldens):
    expected_dir = GOLDEN / "expected"
    for path, content in golden_pages.items():
        expected = expected_dir / path
        if update_goldens:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(content, encoding="utf-8")
        assert expected.exists(), f"no golden file for {path}: run pytest --update-goldens"
        assert content == expected.read_text(encoding="utf-8"), f"{path} differs from golden"
    written = {p.relative_to(expected_dir).as_posix() for p in expected_dir.rglob("*.md")}
    assert written == set(golden_pages), "golden files for pages that are no longer rendered"


# Finished files pinned byte for byte: what calendar apps, feed readers and other tools read.
PINNED = ["calendars/full-ward.ics", "feeds/full-ward.xml", "data/wards.json"]


@pytest.mark.parametrize("path", PINNED)
def test_calendar_feed_and_data_bytes_match_their_golden_files(golden_site, update_goldens, path):
    from wardpanels.render import render_site

    from .conftest import GOLDEN_SETTINGS

    content = render_site(golden_site, GOLDEN_SETTINGS)[path].content
    data = content if isinstance(content, bytes) else content.encode("utf-8")
    expected = GOLDEN / "expected" / path
    if update_goldens:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(data)
    assert data == expected.read_bytes(), f"{path} differs from its golden file"


def test_pages_exist_for_every_contract_url(golden_pages):
    assert {
        "index.md",
        "wards/index.md",
        "meetings/index.md",
        "priorities/index.md",
        "glossary/index.md",
        "wards/full-ward.md",
        "wards/empty-ward.md",
    } <= set(golden_pages)


def test_a_ward_page_has_every_contract_anchor(golden_pages):
    page = golden_pages["wards/full-ward.md"]
    for anchor in ("next-meeting", "priorities", "feedback", "meetings", "panel", "contact"):
        assert f"{{#{anchor}}}" in page


def test_the_next_meeting_comes_first_and_a_cancelled_one_before_it_is_a_banner(golden_pages):
    page = golden_pages["wards/full-ward.md"].split("\n---\n", 1)[1]
    banner = page.index('class="wp-banner" role="region"')
    assert banner < page.index("{#next-meeting}") < page.index("{#priorities}")
    assert "**The meeting on Wednesday 2 December 2026 is cancelled.** Cancelled because" in page
    assert page.count("Cancelled because the hall is closed") == 1  # the reason, said once
    following = page.split("{#next-meeting}")[1].split("{#priorities}")[0]
    assert "**Wednesday 9 December 2026, 7pm to 8:30pm**" in following
    assert "[Add to my calendar](../calendars/full-ward/full-ward-2026-12-09.ics)" in following


def test_sections_follow_the_order_residents_ask_in(golden_pages):
    page = golden_pages["wards/full-ward.md"]
    anchors = ["next-meeting", "priorities", "feedback", "panel", "contact", "meetings"]
    positions = [page.index(f"{{#{anchor}}}") for anchor in anchors]
    assert positions == sorted(positions)


def test_a_ward_with_nothing_planned_says_so(golden_pages):
    page = golden_pages["wards/empty-ward.md"]
    assert "No date has been set for the next meeting yet." in page
    assert "The panel has no current priorities yet." in page
    assert "Nothing has been reported back yet." in page


def test_sample_content_is_flagged_by_the_site_wide_notice(golden_site):
    from wardpanels.theme import theme_values

    from .conftest import GOLDEN_SETTINGS

    assert "Sample information" in theme_values(golden_site, GOLDEN_SETTINGS).frames["en"].notice


def test_vacant_roles_invite_residents(golden_pages):
    assert (
        "- **Vice-chair:** vacant. Could you do this? [Contact the panel](#contact)."
        in golden_pages["wards/full-ward.md"]
    )


def test_999_and_101_are_links_a_phone_can_call(golden_pages):
    assert "call [999](tel:999)" in golden_pages["wards/full-ward.md"]
    assert "call [101](tel:101)" in golden_pages["wards/full-ward.md"]


def test_each_venue_has_a_plain_map_link(golden_pages):
    assert (
        '(<a href="https://www.openstreetmap.org/search?query=2%20Park%20Road%2C%20London">'
        "map</a>)" in golden_pages["wards/full-ward.md"]
    )


def test_meeting_lists_are_cards_not_tables(golden_pages):
    for path in ("index.md", "meetings/index.md", "wards/full-ward.md"):
        assert "| --- |" not in golden_pages[path], path
        assert '<ul class="wp-cards" markdown>' in golden_pages[path], path


def test_awkward_text_is_escaped_not_interpreted(golden_pages):
    # The front matter holds data, which the theme escapes; the Markdown body must not.
    page = golden_pages["wards/awkward-text.md"].split("\n---\n", 1)[1]
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script>alert(1)&lt;/script>" in page
    assert "\\{\\{ braces \\}\\}" in page
    assert "A \\| pipe" in page
    assert "\\# Not a heading" in page
    assert "\\*[HTML]" in page

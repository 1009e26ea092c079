"""Golden tests: the fixture wards in tests/golden/ render to the pages in tests/golden/expected/.

When a change to the pages is intended, run `pytest --update-goldens` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from wardpanels.pages import render_pages
from wardpanels.settings import Settings
from wardpanels.site import Site, Sources, load_site

from .conftest import NOW

GOLDEN = Path(__file__).resolve().parent / "golden"
SETTINGS = Settings(
    site_name="Ward panels", borough="Example Borough", site_url="https://wardpanels.example.org/"
)


@pytest.fixture(scope="module")
def site() -> Site:
    return load_site(Sources(GOLDEN, GOLDEN / "wards", GOLDEN / "glossary"), NOW)


@pytest.fixture(scope="module")
def pages(site: Site) -> dict[str, str]:
    return render_pages(site, SETTINGS)


def test_every_page_matches_its_golden_file(pages, update_goldens):
    expected_dir = GOLDEN / "expected"
    for path, content in pages.items():
        expected = expected_dir / path
        if update_goldens:
            expected.parent.mkdir(parents=True, exist_ok=True)
            expected.write_text(content, encoding="utf-8")
        assert expected.exists(), f"no golden file for {path}: run pytest --update-goldens"
        assert content == expected.read_text(encoding="utf-8"), f"{path} differs from golden"
    written = {p.relative_to(expected_dir).as_posix() for p in expected_dir.rglob("*.md")}
    assert written == set(pages), "golden files for pages that are no longer rendered"


def test_pages_exist_for_every_contract_url(pages):
    assert {
        "index.md",
        "wards/index.md",
        "meetings/index.md",
        "priorities/index.md",
        "glossary/index.md",
        "wards/full-ward.md",
        "wards/empty-ward.md",
    } <= set(pages)


def test_a_ward_page_has_every_contract_anchor(pages):
    page = pages["wards/full-ward.md"]
    for anchor in ("next-meeting", "priorities", "feedback", "meetings", "panel", "contact"):
        assert f"{{#{anchor}}}" in page


def test_the_next_meeting_skips_a_cancelled_one_but_says_so(pages):
    page = pages["wards/full-ward.md"]
    section = page.split("{#next-meeting}")[1].split("## Priorities")[0]
    assert "The meeting on Wednesday 2 December 2026 is cancelled." in section
    assert "**Wednesday 9 December 2026, 7pm to 8:30pm**" in section


def test_a_ward_with_nothing_planned_says_so(pages):
    page = pages["wards/empty-ward.md"]
    assert "No date has been set for the next meeting yet." in page
    assert "The panel has no current priorities yet." in page
    assert "Nothing has been reported back yet." in page


def test_sample_content_carries_a_notice(pages):
    assert "Sample information" in pages["wards/full-ward.md"]
    assert "Sample information" not in pages["wards/empty-ward.md"]


def test_vacant_roles_invite_residents(pages):
    assert "| Vice-chair | **Vacant**: could you do this?" in pages["wards/full-ward.md"]


def test_awkward_text_is_escaped_not_interpreted(pages):
    page = pages["wards/awkward-text.md"]
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script>alert(1)&lt;/script>" in page
    assert "\\{\\{ braces \\}\\}" in page
    assert "A \\| pipe" in page
    assert "\\# Not a heading" in page
    assert "\\*[HTML]" in page

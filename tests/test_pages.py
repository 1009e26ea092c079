"""Golden tests: the fixture wards in tests/golden/ render to the pages in tests/golden/expected/.

When a change to the pages is intended, run `pytest --update-goldens` and review the diff.
"""

from __future__ import annotations

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


def test_the_next_meeting_skips_a_cancelled_one_but_says_so(golden_pages):
    page = golden_pages["wards/full-ward.md"]
    section = page.split("{#next-meeting}")[1].split("## Priorities")[0]
    assert "The meeting on Wednesday 2 December 2026 is cancelled." in section
    assert "**Wednesday 9 December 2026, 7pm to 8:30pm**" in section


def test_a_ward_with_nothing_planned_says_so(golden_pages):
    page = golden_pages["wards/empty-ward.md"]
    assert "No date has been set for the next meeting yet." in page
    assert "The panel has no current priorities yet." in page
    assert "Nothing has been reported back yet." in page


def test_sample_content_carries_a_notice(golden_pages):
    assert "Sample information" in golden_pages["wards/full-ward.md"]
    assert "Sample information" not in golden_pages["wards/empty-ward.md"]


def test_vacant_roles_invite_residents(golden_pages):
    assert "| Vice-chair | **Vacant**: could you do this?" in golden_pages["wards/full-ward.md"]


def test_awkward_text_is_escaped_not_interpreted(golden_pages):
    # The front matter holds data, which the theme escapes; the Markdown body must not.
    page = golden_pages["wards/awkward-text.md"].split("\n---\n", 1)[1]
    assert "<script>" not in page and "<b>" not in page and "<img" not in page
    assert "&lt;script>alert(1)&lt;/script>" in page
    assert "\\{\\{ braces \\}\\}" in page
    assert "A \\| pipe" in page
    assert "\\# Not a heading" in page
    assert "\\*[HTML]" in page

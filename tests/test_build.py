"""End to end: `mkdocs build --strict` on the bundled data gives the public site."""

from __future__ import annotations

import filecmp
import gzip
import os
import re
import subprocess
from pathlib import Path

import pytest

from .conftest import BOROUGH_SLUGS, MINIMAL_WARD, ROOT, mkdocs_build

pytestmark = pytest.mark.build  # every test here builds the whole site


@pytest.fixture
def site(built_site: Path) -> Path:
    return built_site


def test_every_contract_url_is_built(site: Path):
    for page in (
        "index.html",
        "wards/index.html",
        "meetings/index.html",
        "priorities/index.html",
        "glossary/index.html",
        "404.html",
        "how-ward-panels-work/index.html",
    ):
        assert (site / page).is_file(), page
    for slug in BOROUGH_SLUGS:
        assert (site / "wards" / slug / "index.html").is_file(), slug


def test_every_ward_has_a_calendar_feed_and_the_borough_one_too(site: Path):
    assert (site / "calendars" / "index.html").is_file()
    assert (site / "calendars" / "all-wards.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    for slug in BOROUGH_SLUGS:
        assert (site / "calendars" / f"{slug}.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
        html = (site / "wards" / slug / "index.html").read_text(encoding="utf-8")
        assert f"webcal://wardpanels.example.org/calendars/{slug}.ics" in html
        assert 'id="subscribe"' in html


def test_ward_pages_carry_every_contract_anchor(site: Path):
    for slug in BOROUGH_SLUGS:
        html = (site / "wards" / slug / "index.html").read_text(encoding="utf-8")
        for anchor in ("next-meeting", "priorities", "feedback", "meetings", "panel", "contact"):
            assert f'id="{anchor}"' in html, f"{slug} has no #{anchor}"


def test_ward_pages_stay_out_of_the_sidebar(site: Path):
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home.split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    assert "elm-east" not in nav


def test_the_wards_index_links_every_ward(site: Path):
    html = (site / "wards" / "index.html").read_text(encoding="utf-8")
    for slug in BOROUGH_SLUGS:
        assert f'href="{slug}/"' in html


def test_search_finds_a_ward_by_its_areas(site: Path):
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Fish Island" in index


def test_no_generated_page_is_written_into_the_docs_folder(site: Path):
    assert not (ROOT / "site_src" / "wards").exists()
    assert not (ROOT / "site_src" / "index.md").exists()


def test_unsafe_links_never_reach_the_page(tmp_path: Path):
    wards = tmp_path / "wards"
    wards.mkdir()
    (wards / "x.yml").write_text(
        MINIMAL_WARD + "summary: '[click](javascript:alert(1)) <script>alert(2)</script>'\n",
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "site", WARDPANELS_WARDS=str(wards))
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "site" / "wards" / "x" / "index.html").read_text(encoding="utf-8")
    assert "javascript:" not in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(2)" in html


def test_a_mistake_stops_the_build_with_file_and_line_and_no_traceback(tmp_path: Path):
    wards = tmp_path / "wards"
    wards.mkdir()
    (wards / "elm-east.yml").write_text(MINIMAL_WARD + "councilors: []\n", encoding="utf-8")
    result = mkdocs_build(tmp_path / "site", WARDPANELS_WARDS=str(wards))
    assert result.returncode == 1
    assert re.search(
        r"elm-east\.yml:6:1: councilors: .*Did you mean 'councillors'\?", result.stderr
    )
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_two_builds_of_one_commit_are_byte_identical(site: Path, tmp_path: Path):
    """A second build, in a process of its own that orders sets and dictionaries of
    strings differently (another hash seed), writes every file byte for byte the same."""
    again = tmp_path / "again"
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    assert mkdocs_build(again, PYTHONHASHSEED=seed).returncode == 0
    comparison = filecmp.dircmp(site, again)
    differences: list[str] = []

    def collect(cmp: filecmp.dircmp, prefix: str = "") -> None:
        differences.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            collect(sub, f"{prefix}{name}/")

    collect(comparison)
    assert differences == []


def test_every_page_says_when_the_site_was_built(site: Path):
    for page in ("index.html", "wards/elm-east/index.html", "glossary/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "last brought up to date on Monday 23 November 2026." in html


def test_a_failed_make_site_leaves_the_last_good_site_in_place(tmp_path: Path):
    published = tmp_path / "site"
    published.mkdir()
    (published / "index.html").write_text("the last good build", encoding="utf-8")
    wards = tmp_path / "wards"
    wards.mkdir()
    (wards / "x.yml").write_text("name: Bow\nname: East\n", encoding="utf-8")
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "site", f"SITE_DIR={published}"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={**os.environ, "WARDPANELS_WARDS": str(wards)},
    )
    assert result.returncode != 0
    assert "x.yml:2:1: 'name' appears twice" in result.stderr
    assert (published / "index.html").read_text(encoding="utf-8") == "the last good build"
    assert not (tmp_path / "site.tmp").exists()


def test_minimum_standard_warnings_are_info_and_do_not_fail_a_strict_build(tmp_path: Path):
    wards = tmp_path / "wards"
    wards.mkdir()
    (wards / "x.yml").write_text(MINIMAL_WARD, encoding="utf-8")  # no chair, no meetings
    result = mkdocs_build(tmp_path / "site", WARDPANELS_WARDS=str(wards))
    assert result.returncode == 0, result.stderr
    end = result.stderr.split("Documentation built in")[-1]  # told once the build is done
    assert re.search(r"INFO +- +wardpanels: Warnings in the data, by file:\n", end)
    assert re.search(r"\n\S*/x\.yml: \d+ warnings \(.*panel", end)
    assert re.search(
        r"checked: no errors; \d+ warnings in \d+ files, none stops publishing\.\n$", end
    )


def test_ward_pages_stay_light(site: Path):
    for slug in BOROUGH_SLUGS:
        html = (site / "wards" / slug / "index.html").read_bytes()
        assert len(gzip.compress(html, 9)) <= 12 * 1024, slug


def test_the_accessibility_statement_is_published(site: Path):
    html = (site / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert "Accessibility statement" in html and "Enforcement procedure" in html


def test_the_standards_page_has_a_row_per_ward_and_borough_totals(site: Path):
    html = (site / "standards" / "index.html").read_text(encoding="utf-8")
    for slug in BOROUGH_SLUGS:
        assert f'href="../wards/{slug}/#standards"' in html
    assert "<caption>Each ward against each standard" in html
    # How many wards meet each standard, do not, or have no data: "no data" counted apart.
    totals = re.findall(r"<td>(\d+) met, (\d+) not met, (\d+) no data</td>", html)
    assert len(totals) == 9
    assert all(sum(map(int, total)) == len(BOROUGH_SLUGS) for total in totals)
    assert html.count('aria-hidden="true">✓</span> Met') > 0
    ward = (site / "wards" / "elm-east" / "index.html").read_text(encoding="utf-8")
    assert 'id="standards"' in ward and 'href="../../standards/"' in ward


def test_a_borough_without_an_action_plan_builds_strictly_with_no_plan_page(tmp_path):
    result = mkdocs_build(tmp_path / "site", WARDPANELS_SCRUTINY=str(tmp_path / "no-plan"))
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "site" / "scrutiny").exists()
    assert not (tmp_path / "site" / "data" / "scrutiny.json").exists()
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    bengali = (tmp_path / "site" / "bn" / "index.html").read_text(encoding="utf-8")
    assert "Scrutiny action plan" not in home
    assert "scrutiny/" not in bengali


def test_the_menu_leads_to_the_action_plan_in_every_language(site: Path):
    home = (site / "index.html").read_text(encoding="utf-8")
    bengali = (site / "bn" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'href="scrutiny/"[^>]*>\s*(<[^>]+>\s*)*Scrutiny action plan', home)
    assert 'href="/bn/scrutiny/"' in bengali or 'href="scrutiny/"' in bengali
    assert "তদারকি কর্মপরিকল্পনা" in bengali
    assert (site / "bn" / "scrutiny" / "index.html").is_file()


def test_no_script_holds_up_the_page_as_it_is_read(site: Path):
    """Material's bundle is deferred by replacing text in its output (main.html): should
    Material write its script tags another way, this says so rather than the pages
    silently waiting for it again. Only the small script in the head, which hides ended
    meetings as the page is read, runs straight away."""
    for page in ("index.html", "wards/elm-east/index.html", "bn/wards/larkhall/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        sources = re.findall(r"<script\b[^>]*\bsrc=[^>]*>", html)
        assert any("bundle" in tag for tag in sources), page
        assert all(re.search(r"\sdefer\b", tag) for tag in sources), (page, sources)

"""What `wardpanels validate` and `make site` print: warnings grouped by ward, and one
last line that says whether anything stops publishing, so a newcomer is not alarmed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from wardpanels.cli import main
from wardpanels.report import Report

from .conftest import EPOCH, MINIMAL_WARD, PROJECT_CONFIG, ROOT, catalogues_only

# Two invented wards: Elmbrook with 4 warnings (a review date passed among them),
# Fernhollow with 3.
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "warnings"
SUMMARY = "2 wards and 0 glossary terms checked: no errors; 7 warnings in 2 wards, "
REVIEW = (
    "priorities[0].review: the review date, Wednesday 9 September 2026, has passed: review "
    "the priority, then set the next review date"
)


def copy_of_fixture(root: Path) -> Path:
    shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
    (root / "mkdocs.yml").write_text(PROJECT_CONFIG, encoding="utf-8")
    return root


def test_validate_shows_a_line_per_ward_and_ends_saying_nothing_stops_publishing(tmp_path, capsys):
    assert main(["validate", "--root", str(copy_of_fixture(tmp_path))]) == 0
    said = capsys.readouterr()
    assert said.out.splitlines() == [
        "wards/elmbrook.yml: 4 warnings (feedback, meetings, panel, priorities[0].review)",
        "wards/fernhollow.yml: 3 warnings (feedback, meetings, panel)",
        "To read each warning, run: wardpanels validate --verbose",
    ]
    assert said.err.splitlines()[-1] == SUMMARY + "none stops publishing."


def test_verbose_lists_each_warning_under_its_ward(tmp_path, capsys):
    root = copy_of_fixture(tmp_path)
    assert main(["validate", "--root", str(root), "--verbose"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "wards/elmbrook.yml: 4 warnings"
    assert f"  line 10: {REVIEW}" in out[1:5]
    assert out[5] == "wards/fernhollow.yml: 3 warnings"
    assert len(out) == 9
    assert "--verbose" not in "\n".join(out)


def test_a_check_with_nothing_to_say_says_so_in_one_line():
    quiet = Report(warnings=(), wards=1, terms=3, ward_files=frozenset({"wards/elmbrook.yml"}))
    assert quiet.grouped() == [] and quiet.github() == []
    assert quiet.summary() == "1 ward and 3 glossary terms checked: no errors, no warnings."


def test_strict_fails_on_the_warnings_and_says_so(tmp_path, capsys):
    assert main(["validate", "--root", str(copy_of_fixture(tmp_path)), "--strict"]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == (
        SUMMARY + "which fail this check because of --strict."
    )


def test_github_format_still_marks_every_warning_on_its_line(tmp_path, capsys):
    assert main(["validate", "--root", str(copy_of_fixture(tmp_path)), "--format", "github"]) == 0
    out = capsys.readouterr().out.splitlines()
    marked = [line for line in out if line.startswith("::warning ")]
    assert len(marked) == 7
    assert f"::warning file=wards/elmbrook.yml,line=10,col=13::{REVIEW}" in marked
    assert [line for line in out if line.startswith("::group::")] == [
        "::group::wards/elmbrook.yml: 4 warnings",
        "::group::wards/fernhollow.yml: 3 warnings",
    ]
    assert out.count("::endgroup::") == 2


def test_errors_are_each_listed_in_full_then_counted_by_file(project, capsys):
    project("wards/elmbrook.yml", MINIMAL_WARD + "sample: maybe\n")
    project("wards/fernhollow.yml", MINIMAL_WARD + "sample: perhaps\nsumary: x\n")
    assert main(["validate", "--root", str(project.root)]) == 1
    said = capsys.readouterr()
    assert len(said.out.splitlines()) == 3
    assert said.err.splitlines()[-1] == (
        "3 errors in 2 files, listed above: nothing is published until they are fixed."
    )


def test_make_site_ends_with_the_wards_warnings_and_the_summary(tmp_path):
    """The publishing command `make site` runs, on the fixture's wards: the strict build
    succeeds, and the grouped warnings and the summary come last."""
    site = tmp_path / "site"
    build = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml")]
    result = subprocess.run(
        [sys.executable, "-m", "wardpanels.publish", str(site), "--", *build],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
        env={
            **os.environ,
            "SOURCE_DATE_EPOCH": str(EPOCH),
            "NO_MKDOCS_2_WARNING": "1",
            "WARDPANELS_WARDS": str(FIXTURE / "wards"),
            "WARDPANELS_GLOSSARY": str(FIXTURE / "glossary"),
            "WARDPANELS_POSTCODES": str(tmp_path / "no-postcodes"),
            "WARDPANELS_BOUNDARIES": str(tmp_path / "no-boundaries"),
            "WARDPANELS_TRANSLATIONS": str(catalogues_only(tmp_path / "translations")),
        },
    )
    assert result.returncode == 0, result.stderr
    assert (site / "wards" / "elmbrook" / "index.html").is_file()
    lines = result.stderr.splitlines()
    assert "WARNING" not in result.stderr
    assert lines[-5].endswith("wardpanels: Warnings in the data, by file:")
    assert lines[-4].endswith(
        "/elmbrook.yml: 4 warnings (feedback, meetings, panel, priorities[0].review)"
    )
    assert lines[-3].endswith("/fernhollow.yml: 3 warnings (feedback, meetings, panel)")
    assert lines[-2] == "To read each warning, run: wardpanels validate --verbose"
    assert lines[-1] == SUMMARY + "none stops publishing."

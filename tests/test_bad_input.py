"""The broken-input corpus: every mistake stops both commands with one plain message.

Each file in tests/bad_input/ is one mistake an editor can make; expected.yml says the line,
column and message it must be reported with. For each, `wardpanels validate` and
`mkdocs build` both exit 1, name the file and line, and never show a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wardpanels.cli import main
from wardpanels.loading import parse_yaml

from .conftest import EPOCH, MINIMAL_WARD, PROJECT_CONFIG, mkdocs_build

CORPUS = Path(__file__).resolve().parent / "bad_input"
EXPECTED: dict[str, dict] = parse_yaml(
    (CORPUS / "expected.yml").read_text(encoding="utf-8"), "expected.yml"
).value
LARGE = "wards/very-large.yml"  # made by the test: a 600 KB file is no fixture to commit
CASES = [*sorted(EXPECTED), LARGE]
VALID_WARD = MINIMAL_WARD


def test_the_corpus_covers_at_least_40_mistakes_and_every_file_has_an_expectation():
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("*/*")}
    assert files == set(EXPECTED)
    assert len(CASES) >= 40


def make_project(case: str, root: Path) -> str:
    """A project holding just the broken file (and a valid ward beside a glossary case)."""
    (root / "wards").mkdir()
    (root / "glossary").mkdir()
    (root / "mkdocs.yml").write_text(PROJECT_CONFIG, encoding="utf-8")
    if case == LARGE:
        areas = "".join(f"  - Street number {n}\n" for n in range(30000))
        (root / case).write_text(VALID_WARD + "areas:\n" + areas, encoding="utf-8")
        return f"{case}:1:1: the file is"
    shutil.copy(CORPUS / case, root / case)
    if case.startswith("glossary/"):
        (root / "wards" / "valid.yml").write_text(VALID_WARD, encoding="utf-8")
    want = EXPECTED[case]
    return f"{case}:{want['line']}:{want['column']}: {want['message']}"


@pytest.mark.parametrize("case", CASES)
def test_validate_reports_exactly_the_expected_problem(case, tmp_path, capsys):
    expected = make_project(case, tmp_path)
    assert main(["validate", "--root", str(tmp_path)]) == 1
    reported = capsys.readouterr().out.splitlines()
    assert len(reported) == 1, reported
    assert reported[0].startswith(expected) if case == LARGE else reported[0] == expected


@pytest.mark.parametrize("case", CASES)
def test_both_commands_exit_1_with_file_and_line_and_no_traceback(case, tmp_path):
    expected = make_project(case, tmp_path)
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)}
    validate = subprocess.run(
        [str(Path(sys.executable).parent / "wardpanels"), "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=environment,
        timeout=60,
        check=False,
    )
    assert validate.returncode == 1
    assert expected in validate.stdout
    assert "Traceback" not in validate.stdout + validate.stderr

    build = mkdocs_build(
        tmp_path / "site",
        WARDPANELS_WARDS=str(tmp_path / "wards"),
        WARDPANELS_GLOSSARY=str(tmp_path / "glossary"),
    )
    assert build.returncode == 1
    assert expected.replace(case, f"{tmp_path}/{case}") in build.stderr  # absolute paths there
    assert "Traceback" not in build.stderr
    assert not (tmp_path / "site").exists()

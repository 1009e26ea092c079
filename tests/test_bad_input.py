"""The broken-input corpus: every mistake stops both commands with the same plain message.

Each file in tests/bad_input/ is one mistake an editor (or a hostile contributor) can
make; expected.yml says the line, column and message it must be reported with. For each,
`wardpanels validate` and the strict MkDocs build, both run in this process, stop with
exactly that message and write nothing. One case runs each command as a real process, to
prove neither shows a traceback.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from wardpanels.cli import main
from wardpanels.loading import parse_yaml

from .conftest import EPOCH, MINIMAL_WARD, PROJECT_CONFIG, ROOT, catalogues_only, mkdocs_build

CORPUS = Path(__file__).resolve().parent / "bad_input"
EXPECTED: dict[str, dict] = parse_yaml(
    (CORPUS / "expected.yml").read_text(encoding="utf-8"), "expected.yml"
).value
LARGE = "wards/very-large.yml"  # made by the test: a 600 KB file is no fixture to commit
CASES = [*sorted(EXPECTED), LARGE]


def test_the_corpus_covers_at_least_80_mistakes_and_every_file_has_an_expectation():
    files = {p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("*/*")}
    assert files == set(EXPECTED)
    assert len(CASES) >= 80


def make_project(case: str, root: Path) -> str:
    """A project holding just the broken file (and a valid ward beside a glossary case);
    returns the one line it must be reported with."""
    (root / "wards").mkdir()
    (root / "glossary").mkdir()
    (root / "mkdocs.yml").write_text(PROJECT_CONFIG, encoding="utf-8")
    if case == LARGE:
        areas = "".join(f"  - Street number {n}\n" for n in range(30000))
        (root / case).write_text(MINIMAL_WARD + "areas:\n" + areas, encoding="utf-8")
        return f"{case}:1:1: the file is over 512 KB"
    shutil.copy(CORPUS / case, root / case)
    if case.startswith("glossary/"):
        (root / "wards" / "valid.yml").write_text(MINIMAL_WARD, encoding="utf-8")
    want = EXPECTED[case]
    return f"{case}:{want['line']}:{want['column']}: {want['message']}"


def build_in_process(root: Path, site: Path, monkeypatch, caplog) -> list[str]:
    """The strict build of the project's site on `root`'s data, in this process; the errors
    it logged (empty when it succeeded)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    monkeypatch.setenv("WARDPANELS_WARDS", str(root / "wards"))
    monkeypatch.setenv("WARDPANELS_GLOSSARY", str(root / "glossary"))
    monkeypatch.setenv("WARDPANELS_TRANSLATIONS", str(catalogues_only(root / "translations")))
    caplog.clear()
    # A failed build raises; the errors it logged say why.
    with caplog.at_level(logging.ERROR), contextlib.suppress(MkDocsException):
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True))
    return [
        record.getMessage().removeprefix("wardpanels: ")
        for record in caplog.records
        if record.levelno >= logging.ERROR
    ]


@pytest.mark.parametrize("case", CASES)
def test_validate_and_the_build_stop_with_the_same_one_message(
    case, tmp_path, capsys, monkeypatch, caplog
):
    expected = make_project(case, tmp_path)
    assert main(["validate", "--root", str(tmp_path)]) == 1
    reported = capsys.readouterr().out.splitlines()
    errors = [line for line in reported if ": warning: " not in line]
    assert len(errors) == 1, reported
    assert errors[0].startswith(expected) if case == LARGE else errors[0] == expected

    logged = build_in_process(tmp_path, tmp_path / "site", monkeypatch, caplog)
    found = [line for line in logged if ": warning: " not in line and ".yml:" in line]
    absolute = expected.replace(case, f"{tmp_path}/{case}")  # the build names absolute paths
    assert len(found) == 1 and found[0].startswith(absolute), logged
    assert not (tmp_path / "site").exists()


CASE = "wards/control-form-feed.yml"


def test_the_installed_validate_command_exits_1_with_no_traceback(tmp_path):
    expected = make_project(CASE, tmp_path)
    validate = subprocess.run(
        [str(Path(sys.executable).parent / "wardpanels"), "validate"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH)},
        timeout=60,
        check=False,
    )
    assert validate.returncode == 1
    assert validate.stdout.splitlines() == [expected]
    assert "Traceback" not in validate.stdout + validate.stderr


@pytest.mark.build
def test_the_mkdocs_build_command_exits_1_with_no_traceback(tmp_path):
    expected = make_project(CASE, tmp_path)
    build = mkdocs_build(
        tmp_path / "site",
        WARDPANELS_WARDS=str(tmp_path / "wards"),
        WARDPANELS_GLOSSARY=str(tmp_path / "glossary"),
    )
    assert build.returncode == 1
    assert expected.replace(CASE, f"{tmp_path}/{CASE}") in build.stderr
    assert "Traceback" not in build.stderr
    assert not (tmp_path / "site").exists()

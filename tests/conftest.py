"""Shared test helpers: a fixed 'now', and small ward files written on the fly."""

from __future__ import annotations

import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from wardpanels.clock import LONDON

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# Monday 23 November 2026, midday in London: the "now" of every test.
EPOCH = 1795435200
NOW = datetime.fromtimestamp(EPOCH, LONDON)

MINIMAL_WARD = """\
name: Example Ward
panel:
  contact:
    email: panel@example.org
  join: Anyone can join.
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected pages in tests/golden/ from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture
def project(tmp_path: Path):
    """A throwaway project folder with wards/ and glossary/; returns a writer for files."""
    (tmp_path / "wards").mkdir()
    (tmp_path / "glossary").mkdir()

    def write(relative: str, text: str | bytes) -> Path:
        path = tmp_path / relative
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    write.root = tmp_path  # type: ignore[attr-defined]
    return write

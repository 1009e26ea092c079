"""Shared test helpers: a fixed 'now', the fixture borough, and small ward files written on
the fly.

No test reads the live data in wards/, glossary/, postcodes/ or the wards' translations:
editors change those every week, and a valid change must never fail the suite. Every build
the tests make reads the fixture borough in tests/fixtures/borough/ instead (nine invented
wards, a glossary, Bengali translations, postcodes and ward boundaries, frozen at the tests'
"now"); the live data is checked by `make check-data`, at the real "now".
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from wardpanels.clock import LONDON
from wardpanels.i18n import ENGLISH_LANGUAGE
from wardpanels.pages import render_pages
from wardpanels.settings import Settings
from wardpanels.site import Site, Sources, load_site

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


BOROUGH = FIXTURES / "borough"
BOROUGH_SLUGS = sorted(path.stem for path in (BOROUGH / "wards").glob("*.yml"))
# The live data folders, named only for the tests that are about them (test_live_data.py).
LIVE_DATA = ("wards", "glossary", "postcodes", "translations", "boundaries", "scrutiny")


@dataclass(frozen=True)
class Borough:
    """A copy of the fixture borough outside any git repository (so no history dates it),
    with the live interface catalogues, which are code rather than editors' data."""

    root: Path

    @property
    def wards(self) -> Path:
        return self.root / "wards"

    @property
    def glossary(self) -> Path:
        return self.root / "glossary"

    @property
    def postcodes(self) -> Path:
        return self.root / "postcodes"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    @property
    def boundaries(self) -> Path:
        return self.root / "boundaries"

    @property
    def scrutiny(self) -> Path:
        return self.root / "scrutiny"

    def environment(self) -> dict[str, str]:
        """The WARDPANELS_* settings that point a build of mkdocs.yml at this borough."""
        return {f"WARDPANELS_{name.upper()}": str(self.root / name) for name in LIVE_DATA}

    def sources(self, pages: Path | None = None) -> Sources:
        return Sources(
            self.root,
            self.wards,
            self.glossary,
            self.postcodes,
            self.translations,
            pages,
            self.boundaries,
            self.scrutiny,
        )


def copy_borough(folder: Path) -> Borough:
    """The fixture borough, copied into `folder` with the project's interface catalogues."""
    shutil.copytree(BOROUGH, folder, dirs_exist_ok=True)
    catalogues_only(folder / "translations")
    return Borough(folder)


def made_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]
) -> Path:
    """A folder made by `make` once for the whole run, however many processes share the run
    (`make test` runs pytest-xdist's workers, one a core): the first to ask makes it while
    the others wait for it, and every one reads the same folder."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        folder = tmp_path_factory.mktemp(name, numbered=False)
        make(folder)
        return folder
    shared = tmp_path_factory.getbasetemp().parent  # the run's folder, above each worker's
    folder, made = shared / name, shared / f"{name}.made"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not made.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            made.touch()
    return folder


@pytest.fixture(scope="session", autouse=True)
def borough(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Borough]:
    """Every build and every command in the tests reads the fixture borough: the settings
    in mkdocs.yml take their data folders from these variables."""
    copied = Borough(made_once(tmp_path_factory, "borough", copy_borough))
    with pytest.MonkeyPatch.context() as patch:
        for name, value in copied.environment().items():
            patch.setenv(name, value)
        yield copied


@pytest.fixture(autouse=True)
def fixed_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test sees the same 'now', whatever the date it runs on."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(EPOCH))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests and tests of a whole built site carry their markers without being told,
    so `make test-fast` (-m "not browser and not build") can leave them out."""
    for item in items:
        if "browser" in item.path.parts:
            item.add_marker(pytest.mark.browser)
        if {"built_site", "project_site"} & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


_running: pytest.Item | None = None


def pytest_runtest_setup(item: pytest.Item) -> None:
    global _running
    _running = item


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected pages in tests/golden/ from the current output",
    )


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


PROJECT_CONFIG = """\
site_name: Example ward panels
site_url: https://wardpanels.example.org/
extra:
  wardpanels:
    borough: Example Borough
"""


@pytest.fixture
def project(tmp_path: Path):
    """A throwaway project folder with mkdocs.yml, wards/ and glossary/; returns a writer
    for files."""
    (tmp_path / "wards").mkdir()
    (tmp_path / "glossary").mkdir()
    (tmp_path / "mkdocs.yml").write_text(PROJECT_CONFIG, encoding="utf-8")

    def write(relative: str, text: str | bytes) -> Path:
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    write.root = tmp_path  # type: ignore[attr-defined]
    return write


def git_as_editor(root: Path, *args: str, when: str = "2026-11-01T10:00:00Z") -> None:
    """Run git in `root` as an editor would, at the time given: the same author and dates
    in every run, so what history says is the same every time."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": when,
        "GIT_COMMITTER_DATE": when,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def node_answers(script: Path, data: Path, questions: list[Any], needed_for: str) -> list[Any]:
    """What one of the site's own scripts answers, run in Node.js on the site's data (as
    tests/js/ has it): skipped without Node.js, except in CI, where that fails."""
    node = shutil.which("node")
    if node is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Node.js is needed to run {needed_for}")
        pytest.skip(f"Node.js is needed to run {needed_for}")
    result = subprocess.run(
        [node, str(script), str(data)],
        input=json.dumps(questions),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    answers: list[Any] = json.loads(result.stdout)
    return answers


def catalogues_only(folder: Path) -> Path:
    """The languages' interface catalogues without the bundled wards' translations: for a
    build of other wards, which those translations do not fit."""
    for catalogue in (ROOT / "translations").glob("*/messages.po"):
        target = folder / catalogue.parent.name / catalogue.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(catalogue.read_bytes())
    return folder


def mkdocs_build(site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project, at the tests' fixed 'now', of the fixture
    borough. Built on other wards (WARDPANELS_WARDS), it leaves out the borough's
    translations and ward boundaries, which do not fit them."""
    slow = ("build", "browser")  # what `make test-fast` leaves out
    if _running is not None and not any(_running.get_closest_marker(m) for m in slow):
        pytest.fail(f"{_running.nodeid} builds the whole site: mark it @pytest.mark.build")
    if "WARDPANELS_WARDS" in env and "WARDPANELS_TRANSLATIONS" not in env:
        folder = site_dir.parent / f"{site_dir.name}-translations"
        env["WARDPANELS_TRANSLATIONS"] = str(catalogues_only(folder))
    if "WARDPANELS_WARDS" in env and "WARDPANELS_BOUNDARIES" not in env:
        env["WARDPANELS_BOUNDARIES"] = str(site_dir.parent / f"{site_dir.name}-no-boundaries")
    environment = {**os.environ, "SOURCE_DATE_EPOCH": str(EPOCH), "NO_MKDOCS_2_WARNING": "1", **env}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--config-file",
        str(ROOT / "mkdocs.yml"),
        "--site-dir",
        str(site_dir),
    ]
    return subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=300, check=False
    )


GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_SETTINGS = Settings(
    site_name="Ward panels",
    borough="Example Borough",
    site_url="https://wardpanels.example.org/",
    repository="https://github.com/example/ward-panels",
)


@pytest.fixture(scope="session")
def golden_site() -> Site:
    """The small fixture wards in tests/golden/, at the tests' fixed 'now'."""
    sources = Sources(GOLDEN, GOLDEN / "wards", GOLDEN / "glossary")
    # Without history: goldens must not change from one commit to the next.
    return load_site(sources, GOLDEN_SETTINGS, NOW, read_history=False)


@pytest.fixture(scope="session")
def golden_pages(golden_site: Site) -> dict[str, str]:
    pages = render_pages(golden_site, GOLDEN_SETTINGS, ENGLISH_LANGUAGE)
    return {page.path: str(page.content) for page in pages}


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, borough: Borough) -> Path:
    """The fixture borough built once for the whole test run."""

    def build(site_dir: Path) -> None:
        result = mkdocs_build(site_dir)
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "site", build)


# A GitHub Pages project site (what publish.yml targets): under a sub-path of its host,
# with the repository whose ward files its pages link editors to.
PROJECT_SITE_URL = "https://example.github.io/ward-panels/"
PROJECT_REPOSITORY = "https://github.com/example/ward-panels"


@pytest.fixture(scope="session")
def project_site(tmp_path_factory: pytest.TempPathFactory, borough: Borough) -> Path:
    """The fixture borough built once as a project site, for the tests of the sub-path
    and of the editors' links alike."""

    def build(site_dir: Path) -> None:
        result = mkdocs_build(
            site_dir, SITE_URL=PROJECT_SITE_URL, WARDPANELS_REPOSITORY=PROJECT_REPOSITORY
        )
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "project-site", build)


def rendered(site: Site, settings: Settings = GOLDEN_SETTINGS) -> dict[str, str | bytes]:
    """Every output of a site, by its path."""
    from wardpanels.render import render_site

    return {item.path: item.content for item in render_site(site, settings)}

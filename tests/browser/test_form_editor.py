"""The form editor at /admin/, driven end to end as an editor would, offline.

Decap CMS's local backend talks to `decap-server` (the pinned proxy in cms/package.json)
in its git mode, on a git copy of the fixture borough: each save goes to a branch of its
own, as the editorial workflow does on GitHub, where it becomes a pull request. The test
merges those branches as a reviewer would, then checks the files with `wardpanels
validate` and builds the site from them.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from wardpanels import cms, routes
from wardpanels.cli import main
from wardpanels.settings import read_settings
from wardpanels.site import load_site

from ..conftest import NOW, ROOT, Borough, copy_borough, mkdocs_build
from .conftest import served

PROXY = ROOT / "cms/node_modules/decap-server/dist/index.js"
GIT = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]


def _needs(found: bool, what: str) -> None:
    if not found:
        message = f"{what} is not installed, so the form editor cannot be tried: run `make cms`."
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture
def repository(tmp_path: Path) -> Borough:
    """A git repository holding a copy of the fixture borough, on its main branch."""
    copied = copy_borough(tmp_path / "repository")
    subprocess.run(["git", "init", "-q", "-b", "main", str(copied.root)], check=True)
    subprocess.run([*GIT, "-C", str(copied.root), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(copied.root), "commit", "-qm", "Start"], check=True)
    return copied


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def proxy(repository: Borough) -> Iterator[str]:
    """decap-server in git mode on the copy: the local stand-in for GitHub."""
    node = shutil.which("node")
    _needs(node is not None and PROXY.is_file(), "decap-server (cms/node_modules)")
    assert node is not None
    environment = {
        **os.environ,
        "MODE": "git",
        "GIT_REPO_DIRECTORY": str(repository.root),
        "PORT": str(_free_port()),
        "BIND_HOST": "127.0.0.1",
        "LOG_LEVEL": "info",
    }
    server = subprocess.Popen(
        [node, str(PROXY)], env=environment, stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    listening = ""
    for line in server.stdout:  # it says so once it serves
        if found := re.search(r"listening on ([\d.]+:\d+)", line):
            listening = found[1]
            break
    threading.Thread(target=server.stdout.read, daemon=True).start()
    try:
        assert listening, "decap-server did not start"
        yield f"http://{listening}/api/v1"
    finally:
        server.terminate()
        server.wait()


@dataclass
class FormEditor:
    """/admin/ as the build publishes it, served locally, talking to the local backend."""

    folder: Path
    repository: Borough
    proxy: str
    url: str = ""

    def publish(self) -> None:
        """Write /admin/ as a build of the repository's data would, but for the local
        backend's address, which the published file leaves to Decap's default."""
        settings = read_settings(ROOT / "mkdocs.yml")
        site = load_site(self.repository.sources(), settings, NOW, read_history=False)
        for item in cms.render_form_editor(site, settings):
            (self.folder / item.path).parent.mkdir(parents=True, exist_ok=True)
            (self.folder / item.path).write_text(str(item.content), encoding="utf-8")
        config_path = self.folder / routes.form_editor_config().path
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        assert config["local_backend"] is True
        config["local_backend"] = {"url": self.proxy}
        config_path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def editor(
    tmp_path: Path, repository: Borough, proxy: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[FormEditor]:
    scripts = cms.script_files(ROOT)
    _needs(bool(scripts), "Decap CMS (cms/node_modules)")
    monkeypatch.setenv("WARDPANELS_REPOSITORY", "https://github.com/example/ward-panels")
    for name, value in repository.environment().items():
        monkeypatch.setenv(name, value)
    form_editor = FormEditor(tmp_path / "served", repository, proxy)
    form_editor.publish()
    for path, source in scripts:
        shutil.copyfile(source, form_editor.folder / path)
    with served(form_editor.folder) as url:
        form_editor.url = url + "admin/"
        yield form_editor


def _list(page, label: str):
    """A list field of the form, by its label."""
    labelled = page.locator("label", has_text=re.compile(f"^{re.escape(label)}"))
    return page.locator('div[aria-label="list field"]').filter(has=labelled).first


def _choose(page, field, option: str) -> None:
    """Pick an option of a select field, as an editor does with the keyboard."""
    field.click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def _save(page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Changes saved", exact=False).first.wait_for()


def _expand_all(page) -> None:
    closed = page.locator('[data-testid="expand-button"][aria-label="Expand"]')
    while closed.count():
        closed.first.click()


def _group(page, label: str, within=None):
    """The innermost object field holding a label that starts with `label`."""
    labelled = page.locator("label", has_text=re.compile(f"^{re.escape(label)}"))
    groups = (within or page).locator('div[aria-label="object field"]')
    return groups.filter(has=labelled).last


def _git(repository: Borough, *arguments: str) -> str:
    done = subprocess.run(
        [*GIT, "-C", str(repository.root), *arguments], check=True, capture_output=True, text=True
    )
    return done.stdout


def _merge_pull_requests(repository: Borough) -> list[str]:
    """Merge each branch the editor's saves made, as a reviewer merges a pull request and
    deletes its branch."""
    branches = _git(repository, "branch", "--format=%(refname:short)", "--list", "cms/*").split()
    for branch in branches:
        _git(repository, "merge", "--no-edit", branch)
        _git(repository, "branch", "-d", branch)
    return branches


@pytest.mark.build
def test_an_editor_changes_a_ward_and_its_translation_from_forms(
    page, editor: FormEditor, tmp_path: Path
) -> None:
    page.goto(editor.url)
    page.get_by_role("button", name="Login").click()
    page.goto(editor.url + "#/collections/wards/entries/elm-east")

    meetings = _list(page, "Meetings")
    meetings.get_by_test_id("expand-button").first.click()
    # Nothing to save until something changes: a save never rewrites an unchanged file.
    assert page.get_by_role("button", name="Save", exact=True).is_disabled()
    dates = meetings.locator('input[type="date"][id^="date-field"]')
    assert dates.nth(3).input_value() == "2026-12-09"
    # Move the spring meeting a week; cancel the winter one, saying why.
    dates.nth(4).fill("2027-03-17")
    _choose(page, meetings.locator('input[id^="status-field"]').nth(3), "Cancelled")
    meetings.locator('input[id^="note-field"]').nth(3).fill("Cancelled: the hall is closed")
    # Add a meeting at the end of the list.
    meetings.get_by_role("button", name="Add meetings").click()
    dates.nth(6).fill("2027-09-15")
    meetings.locator('input[type="time"][id^="start-field"]').nth(6).fill("18:30")
    meetings.locator('input[type="time"][id^="end-field"]').nth(6).fill("20:00")
    meetings.locator('input[id^="name-field"]').last.fill("Fish Island Community Hall")
    meetings.locator('input[id^="address-field"]').last.fill("2 Example Lane, London")

    # Close a priority with its outcome.
    priorities = _list(page, "Priorities")
    priorities.get_by_test_id("expand-button").first.click()
    _choose(page, priorities.locator('input[id^="status-field"]').nth(2), "Closed")
    priorities.locator('input[type="date"][id^="closed_on-field"]').nth(2).fill("2026-11-18")
    priorities.locator('textarea[id^="outcome-field"]').nth(2).fill(
        "A new gate stopped e-bikes on the towpath."
    )

    # Add a "You said, we did" report.
    feedback = _list(page, "You said, we did")
    feedback.get_by_role("button", name=re.compile("^Add you said")).click()
    feedback.locator('input[type="date"][id^="date-field"]').last.fill("2026-11-18")
    feedback.locator('textarea[id^="you_said-field"]').last.fill("E-bikes race along the towpath.")
    feedback.locator('textarea[id^="we_did-field"]').last.fill("The council fitted a new gate.")
    _save(page)
    assert _merge_pull_requests(editor.repository) == ["cms/wards/elm-east"]

    # The site is rebuilt: the cancellation's note is there to translate into Bengali.
    editor.publish()
    page.goto(editor.url + "#/collections/translations-bn/entries/elm-east")
    page.reload()
    _group(page, "Meetings").wait_for()
    _expand_all(page)
    note = _group(page, "Note", within=_group(page, "2026-12-09"))
    assert "Cancelled: the hall is closed" in note.inner_text()
    note.locator('input[id^="text-field"]').fill("সভা বাতিল: হলটি বন্ধ")
    _save(page)
    assert _merge_pull_requests(editor.repository) == ["cms/translations-bn/elm-east"]

    # Once a file is in the form editor's layout, a change shows as just that change.
    page.goto(editor.url + "#/collections/wards/entries/elm-east")
    page.reload()  # a new form: Decap keeps the last one's values across a jump
    meetings.get_by_test_id("expand-button").first.click()
    meetings.locator('input[id^="note-field"]').nth(3).fill("Cancelled: the hall is shut")
    _save(page)
    changed = _git(editor.repository, "diff", "--numstat", "main", "cms/wards/elm-east")
    assert changed.split() == ["1", "1", "wards/elm-east.yml"]

    ward = (editor.repository.wards / "elm-east.yml").read_text(encoding="utf-8")
    translation = editor.repository.translations / "bn/wards/elm-east.yml"
    assert "closed_on: 2026-11-18\n" in ward  # a date stays a date, unquoted
    # Keys in the model's order, also for a new meeting, whose defaults Decap sets first.
    added = "  - date: 2027-09-15\n    start: 18:30\n    end: 20:00\n    status: scheduled\n"
    assert added in ward
    assert main(["validate", "--root", str(ROOT)]) == 0
    (tmp_path / "written.yml").write_text(ward + translation.read_text(encoding="utf-8"))

    built = tmp_path / "site"
    result = mkdocs_build(built, **editor.repository.environment())
    assert result.returncode == 0, result.stderr
    english = (built / "wards/elm-east/index.html").read_text(encoding="utf-8")
    bengali = (built / "bn/wards/elm-east/index.html").read_text(encoding="utf-8")
    for shown in (
        "17 March 2027",  # moved
        "Cancelled: the hall is closed",
        "Fish Island Community Hall",  # added
        "A new gate stopped e-bikes on the towpath.",  # the priority's outcome
        "The council fitted a new gate.",  # the report
    ):
        assert shown in english, shown
    assert "সভা বাতিল: হলটি বন্ধ" in bengali

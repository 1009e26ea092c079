"""SEQUENCE and DTSTAMP come from git history, so calendar apps take every change."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import icalendar
import pytest

from wardpanels.settings import Settings
from wardpanels.site import Sources, load_site

from .conftest import GOLDEN_SETTINGS, MINIMAL_WARD, NOW, git_as_editor, rendered

SETTINGS = Settings(
    site_name="Ward panels", borough="Tower Hamlets", site_url="https://wardpanels.example.org/"
)

MEETING = """\
meetings:
  - id: spring
    date: {date}
    start: {start}
    end: "21:00"
    format: online
    online: https://example.org/join
{extra}"""


def commit(
    root: Path, when: str, date: str = "2027-03-10", start: str = "19:00", extra: str = ""
) -> None:
    commit_text(root, MINIMAL_WARD + MEETING.format(date=date, start=start, extra=extra), when)


@pytest.fixture
def repo(project) -> Path:
    root: Path = project.root
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    return root


def event(root: Path, now: datetime = NOW) -> icalendar.Event:
    site = load_site(Sources(root, root / "wards", root / "glossary"), GOLDEN_SETTINGS, now)
    (found,) = icalendar.Calendar.from_ical(rendered(site, SETTINGS)["calendars/x.ics"]).walk(
        "VEVENT"
    )
    assert isinstance(found, icalendar.Event)
    return found


def test_a_new_meeting_has_sequence_0_stamped_when_it_was_committed(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    found = event(repo)
    assert found["SEQUENCE"] == 0
    assert found.decoded("DTSTAMP") == datetime(2026, 11, 1, 10, tzinfo=UTC)
    assert found.decoded("LAST-MODIFIED") == datetime(2026, 11, 1, 10, tzinfo=UTC)


def test_a_moved_meeting_keeps_its_uid_and_its_sequence_rises(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    first = event(repo)
    commit(repo, "2026-11-05T09:30:00Z", start="18:30")
    commit(repo, "2026-11-07T09:30:00Z", start="18:30", date="2027-03-17")
    moved = event(repo)
    assert moved["UID"] == first["UID"]
    assert moved["SEQUENCE"] == 2
    assert moved.decoded("DTSTAMP") == datetime(2026, 11, 7, 9, 30, tzinfo=UTC)


def test_changes_committed_in_one_second_keep_their_order(repo):
    """As a rebase leaves them: the file's last commit is the newest, whatever the clock."""
    commit(repo, "2026-11-05T09:30:00Z")
    commit(repo, "2026-11-05T09:30:00Z", start="18:30")
    found = event(repo)
    assert found["SEQUENCE"] == 1
    assert found.decoded("DTSTAMP") == datetime(2026, 11, 5, 9, 30, tzinfo=UTC)


def test_cancelling_raises_the_sequence(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-02T10:00:00Z", extra="    status: cancelled\n")
    assert event(repo)["SEQUENCE"] == 1


def test_recording_attendance_is_not_a_change_to_the_event(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-02T10:00:00Z", extra="    attendance: {residents: 12}\n")
    found = event(repo)
    assert found["SEQUENCE"] == 0
    assert found.decoded("DTSTAMP") == datetime(2026, 11, 1, 10, tzinfo=UTC)


def test_a_committed_feed_does_not_read_the_clock(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    later = datetime(2027, 1, 1, tzinfo=UTC)
    assert event(repo).to_ical() == event(repo, now=later).to_ical()


def test_an_uncommitted_edit_counts_as_a_change_now(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    (repo / "wards" / "x.yml").write_text(
        MINIMAL_WARD + MEETING.format(date="2027-03-10", start="18:00", extra=""), encoding="utf-8"
    )
    found = event(repo)
    assert found["SEQUENCE"] == 1
    assert found.decoded("DTSTAMP") == NOW.astimezone(UTC)


def test_without_history_every_meeting_is_new_as_of_the_build(project):
    project(
        "wards/x.yml", MINIMAL_WARD + MEETING.format(date="2027-03-10", start="19:00", extra="")
    )
    found = event(project.root)
    assert found["SEQUENCE"] == 0
    assert found.decoded("DTSTAMP") == NOW.astimezone(UTC)


def test_the_ward_page_says_when_its_file_was_last_committed(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-02T23:30:00Z", extra="    attendance: {residents: 12}\n")
    site = load_site(Sources(repo, repo / "wards", repo / "glossary"), GOLDEN_SETTINGS, NOW)
    page = rendered(site, SETTINGS)["wards/x.md"]
    # 23:30 UTC on 2 November is still 2 November in London (GMT).
    assert "last changed on Monday 2 November 2026." in page


def test_a_moved_meeting_is_rescheduled_in_structured_data(repo):
    from wardpanels.structured import events_json_ld

    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-07T09:30:00Z", date="2027-03-17")
    site = load_site(Sources(repo, repo / "wards", repo / "glossary"), GOLDEN_SETTINGS, NOW)
    (event,) = json.loads(str(events_json_ld(site.wards[0], SETTINGS, NOW)))["@graph"]
    assert event["eventStatus"] == "https://schema.org/EventRescheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["startDate"] == "2027-03-17T19:00+00:00"


git = git_as_editor


def commit_text(root: Path, text: str | bytes, when: str) -> None:
    """Commit the ward file as it is given, however broken, at the time given."""
    path = root / "wards" / "x.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    git(root, "add", "-A", when=when)
    git(root, "commit", "-q", "-m", "edit", when=when)


def test_no_fault_anywhere_in_the_history_can_stop_a_build(repo):
    good = MINIMAL_WARD + MEETING.format(date="2027-03-10", start="19:00", extra="")
    commit_text(repo, good.replace("Example Ward", "Example\x0cWard"), "2026-10-01T10:00:00Z")
    commit_text(repo, "name: " + "[" * 5000 + "]" * 5000 + "\n", "2026-10-02T10:00:00Z")
    commit_text(repo, good.encode() + b"note: \xff\n", "2026-10-03T10:00:00Z")
    commit_text(repo, good.replace("19:00", "18:00"), "@299999999999 +0000")  # year 11476
    commit_text(repo, good, "2099-01-01T10:00:00Z")
    site = load_site(Sources(repo, repo / "wards", repo / "glossary"), GOLDEN_SETTINGS, NOW)
    (record,) = site.wards
    unreadable = [w.message for w in site.warnings if "git history" in w.message]
    assert len(unreadable) == 3  # one warning for each version that cannot be read
    assert all("cannot be read, so it counts as a change" in m for m in unreadable)
    # Dates after the build's "now" (11476, 2099) take the time of the commit before them.
    assert record.history.updated == datetime(2026, 10, 3, 10, tzinfo=UTC)
    assert max(r.modified for r in record.history.meetings.values()) <= NOW.astimezone(UTC)
    page = rendered(site)["wards/x.md"]
    assert "2099" not in page and "11476" not in page


def test_a_commit_dated_in_the_future_gets_one_time_in_every_build(repo):
    commit(repo, "2026-10-01T10:00:00Z")
    commit(repo, "2099-01-01T10:00:00Z", start="18:30")
    first = event(repo)
    assert first.decoded("DTSTAMP") == datetime(2026, 10, 1, 10, tzinfo=UTC)
    assert event(repo, now=datetime(2027, 1, 1, tzinfo=UTC)).to_ical() == first.to_ical()


def test_a_merge_joining_two_branches_edits_gives_the_same_calendar_every_day(repo):
    commit(repo, "2026-10-01T10:00:00Z", extra="    note: First\n")
    git(repo, "branch", "-M", "main")
    git(repo, "checkout", "-q", "-b", "other")
    commit(repo, "2026-10-02T10:00:00Z", start="18:30", extra="    note: First\n")
    git(repo, "checkout", "-q", "main")
    commit(repo, "2026-10-03T10:00:00Z", extra="    note: Second\n")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge", "other", when="2026-10-04T10:00:00Z")
    text = (repo / "wards" / "x.yml").read_text(encoding="utf-8")
    assert "18:30" in text and "Second" in text  # the merge joined both edits
    today, tomorrow = event(repo), event(repo, now=datetime(2026, 11, 24, 12, tzinfo=UTC))
    assert today.to_ical() == tomorrow.to_ical()
    assert today.decoded("DTSTAMP") == datetime(2026, 10, 4, 10, tzinfo=UTC)


def test_history_is_read_from_a_folder_with_a_name_in_any_script(repo):
    data = repo / "Ward files – বাংলা"
    (data / "wards").mkdir(parents=True)
    (data / "glossary").mkdir()
    text = MINIMAL_WARD + MEETING.format(date="2027-03-10", start="19:00", extra="")
    (data / "wards" / "x.yml").write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "add", when="2026-11-01T10:00:00Z")
    assert event(data).decoded("DTSTAMP") == datetime(2026, 11, 1, 10, tzinfo=UTC)


def test_a_file_deleted_and_restored_has_no_version_that_cannot_be_read(repo):
    commit(repo, "2026-10-01T10:00:00Z")
    git(repo, "rm", "-q", "wards/x.yml", when="2026-10-02T10:00:00Z")
    git(repo, "commit", "-q", "-m", "gone", when="2026-10-02T10:00:00Z")
    (repo / "wards").mkdir()
    commit(repo, "2026-10-03T10:00:00Z")
    site = load_site(Sources(repo, repo / "wards", repo / "glossary"), GOLDEN_SETTINGS, NOW)
    assert not [w for w in site.warnings if "git history" in w.message]
    assert event(repo)["SEQUENCE"] == 0


def test_history_comes_from_the_folders_repository_when_git_is_pointed_elsewhere(
    repo, monkeypatch, tmp_path
):
    """git sets GIT_DIR and GIT_INDEX_FILE while it runs a hook (a build from pre-commit)."""
    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-07T09:30:00Z", date="2027-03-17")
    monkeypatch.setenv("GIT_DIR", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("GIT_INDEX_FILE", str(tmp_path / "elsewhere" / "index"))
    assert event(repo)["SEQUENCE"] == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give the folder to another user")
def test_a_repository_git_refuses_as_dubious_is_named_in_a_warning(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    os.chown(repo, 12345, 12345)
    site = load_site(Sources(repo, repo / "wards", repo / "glossary"), GOLDEN_SETTINGS, NOW)
    (warning,) = [w for w in site.warnings if "git history" in w.message]
    assert warning.file == "wards" and "dubious ownership" in warning.message
    assert f"git config --global --add safe.directory {repo}" in warning.message


def test_a_moved_meeting_is_flagged_like_a_cancellation_in_every_language(repo, tmp_path):
    from wardpanels.settings import LanguageSetting

    from .conftest import catalogues_only

    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-07T09:30:00Z", date="2027-03-17")
    settings = GOLDEN_SETTINGS.model_copy(
        update={"languages": (LanguageSetting(code="bn", name="বাংলা", complete=True),)}
    )
    translations = catalogues_only(tmp_path / "translations")
    sources = Sources(repo, repo / "wards", repo / "glossary", translations=translations)
    pages = rendered(load_site(sources, settings, NOW), settings)
    english, bengali = str(pages["wards/x.md"]), str(pages["bn/wards/x.md"])
    for page, notice in (
        (english, "Moved to Wednesday 17 March 2027, 7pm to 9pm, was Wednesday 10 March 2027"),
        (bengali, "সরিয়ে "),
    ):
        banner = page.split('<div class="wp-banner"', 1)[1].split("</div>", 1)[0]
        assert notice in banner
    assert "আগে ছিল" in bengali.split('<div class="wp-banner"', 1)[1].split("</div>", 1)[0]
    # The meeting itself carries a tag, as a cancelled one does.
    assert '<strong class="wp-tag wp-tag--cancelled">Moved</strong>' in english
    assert '<strong class="wp-tag wp-tag--cancelled">সরানো হয়েছে</strong>' in bengali


def test_a_meeting_that_never_moved_has_no_notice(repo):
    commit(repo, "2026-11-01T10:00:00Z")
    commit(repo, "2026-11-07T09:30:00Z", extra="    note: Bring a friend.\n")
    site = load_site(Sources(repo, repo / "wards", repo / "glossary"), GOLDEN_SETTINGS, NOW)
    assert "wp-banner" not in str(rendered(site, SETTINGS)["wards/x.md"])

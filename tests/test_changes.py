"""`wardpanels changes`: what a pull request does, in the words a reviewer reads.

Each test builds a tiny git repository of invented wards, commits a first version, makes
the change an editor makes, and reads the Markdown as a reviewer would.
"""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from wardpanels.cli import main
from wardpanels.translations import fingerprint

from .conftest import PROJECT_CONFIG, git_as_editor

BENGALI = PROJECT_CONFIG + "    languages:\n      - {code: bn, name: বাংলা}\n"

HALL = {"name": "Alder Hall", "address": "1 Alder Road, London"}
LIBRARY = {"name": "Birch Library", "address": "2 Birch Street, London"}


def alder_vale() -> dict[str, Any]:
    """An invented ward with a bit of everything a reviewer may see change."""
    return {
        "name": "Alder Vale",
        "gss_code": "E05900001",
        "areas": ["Alder Green"],
        "panel": {
            "contact": {"email": "panel@example.org"},
            "join": "Anyone can join.",
            "roles": [
                {"role": "chair", "name": "Ann Example"},
                {"role": "secretary", "vacant": True},
            ],
        },
        "priorities": [
            {
                "id": "market-drugs",
                "title": "Drug dealing near the market",
                "agreed": "2026-01-14",
                "review": "2026-12-09",
            }
        ],
        "feedback": [],
        "meetings": [
            {
                "id": "winter-2026",
                "date": "2026-12-09",
                "start": "19:00",
                "end": "20:30",
                "venue": dict(HALL),
            },
            {
                "date": "2027-03-10",
                "start": "19:00",
                "end": "20:30",
                "venue": dict(HALL),
                "agenda": ["Police update"],
            },
        ],
    }


def write_ward(root: Path, slug: str, ward: dict[str, Any]) -> None:
    path = root / "wards" / f"{slug}.yml"
    path.write_text(yaml.safe_dump(ward, sort_keys=False, allow_unicode=True), encoding="utf-8")


def commit(root: Path, when: str = "2026-11-01T10:00:00Z") -> None:
    """Commit everything, at a fixed time by a fixed editor."""
    git_as_editor(root, "add", "-A", when=when)
    git_as_editor(root, "commit", "-q", "-m", "edit", when=when)


@pytest.fixture
def repo(project) -> Path:
    """A project whose first commit holds Alder Vale."""
    root: Path = project.root
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    project("glossary/terms.yml", "- term: ASB\n  meaning: Anti-social behaviour.\n")
    write_ward(root, "alder-vale", alder_vale())
    commit(root)
    return root


def changes(root: Path, capsys, *extra: str) -> str:
    """The Markdown for the working folder against the first commit."""
    code = main(["changes", "--root", str(root), "--base", "HEAD", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


def edited(root: Path, change) -> None:
    ward = copy.deepcopy(alder_vale())
    change(ward)
    write_ward(root, "alder-vale", ward)


def test_a_moved_meeting_says_from_and_to_and_what_calendars_show(repo, capsys):
    def move(ward):
        ward["meetings"][0].update(date="2026-12-16", start="18:00", end="19:30", venue=LIBRARY)

    edited(repo, move)
    out = changes(repo, capsys)
    assert "### Alder Vale" in out
    assert (
        "**Moved**: from Wednesday 9 December 2026, 7pm to 8:30pm, at Alder Hall, "
        "1 Alder Road, London → to Wednesday 16 December 2026, 6pm to 7:30pm, at Birch "
        "Library, 2 Birch Street, London." in out
    )
    assert (
        "Subscribers' calendars will show the meeting on Wednesday 16 December 2026, 6pm to "
        "7:30pm at Birch Library, 2 Birch Street, London instead of Wednesday 9 December 2026, "
        "7pm to 8:30pm at Alder Hall, 1 Alder Road, London." in out
    )


def test_a_meeting_moved_to_another_place_only(repo, capsys):
    edited(repo, lambda ward: ward["meetings"][0].update(venue=LIBRARY))
    out = changes(repo, capsys)
    assert (
        "Subscribers' calendars will show the meeting on Wednesday 9 December 2026, 7pm to "
        "8:30pm at Birch Library, 2 Birch Street, London instead of Alder Hall, 1 Alder Road, "
        "London." in out
    )


def test_a_meeting_without_an_id_moved_is_a_new_event_and_says_how_to_avoid_it(repo, capsys):
    edited(repo, lambda ward: ward["meetings"][1].update(date="2027-03-17"))
    out = changes(repo, capsys)
    assert (
        "**Moved**: from Wednesday 10 March 2027, 7pm to 8:30pm → to Wednesday 17 March 2027, "
        "7pm to 8:30pm, still at Alder Hall, 1 Alder Road, London." in out
    )
    assert (
        "Subscribers' calendars will drop the event on Wednesday 10 March 2027, 7pm to 8:30pm "
        "and add a new one on Wednesday 17 March 2027, 7pm to 8:30pm" in out
    )
    assert "Give a meeting an `id:` before moving it" in out


def test_cancelled_then_reinstated(repo, capsys):
    def cancel(ward):
        ward["meetings"][0].update(status="cancelled", note="The hall is closed for repairs")

    edited(repo, cancel)
    out = changes(repo, capsys)
    assert (
        "**Cancelled**: Wednesday 9 December 2026, 7pm to 8:30pm, at Alder Hall, 1 Alder Road, "
        "London. The note says: The hall is closed for repairs." in out
    )
    assert (
        "Subscribers' calendars will show the meeting on Wednesday 9 December 2026, 7pm to "
        "8:30pm as cancelled." in out
    )
    commit(repo, "2026-11-02T10:00:00Z")
    write_ward(repo, "alder-vale", alder_vale())
    out = changes(repo, capsys)
    assert "**Going ahead again** (it was cancelled): Wednesday 9 December 2026" in out
    assert "on Wednesday 9 December 2026, 7pm to 8:30pm as going ahead again." in out


def test_meetings_added_and_deleted(repo, capsys):
    def change(ward):
        del ward["meetings"][1]
        ward["meetings"].append(
            {"id": "summer-2027", "date": "2027-06-16", "start": "14:00", "end": "15:30",
             "format": "online", "online": "https://example.org/join"}
        )  # fmt: skip

    edited(repo, change)
    out = changes(repo, capsys)
    assert "**Added**: Wednesday 16 June 2027, 2pm to 3:30pm, online." in out
    assert "Subscribers' calendars will add the meeting on Wednesday 16 June 2027" in out
    assert "**Deleted** from the file: Wednesday 10 March 2027, 7pm to 8:30pm" in out
    assert "mark it `status: cancelled` instead" in out
    assert (
        "Subscribers' calendars will drop the meeting on Wednesday 10 March 2027, 7pm to "
        "8:30pm without saying it is cancelled." in out
    )


def test_details_of_a_meeting_and_whether_calendars_change(repo, capsys):
    def change(ward):
        ward["meetings"][1]["agenda"] = ["Police update", "Priorities"]
        ward["meetings"][0]["minutes"] = "https://example.org/minutes.pdf"

    edited(repo, change)
    out = changes(repo, capsys)
    assert "**Updated**: Wednesday 10 March 2027, 7pm to 8:30pm (agenda)." in out
    assert "**Updated**: Wednesday 9 December 2026, 7pm to 8:30pm (minutes)." in out
    assert "Subscribers' calendars will update the meeting on Wednesday 10 March 2027" in out
    # Minutes never show in a calendar event: subscribers see nothing change.
    assert "update the meeting on Wednesday 9 December 2026" not in out


def test_priorities_added_reviewed_and_closed(repo, capsys):
    def change(ward):
        ward["priorities"][0].update(
            status="achieved", closed_on="2026-11-20", outcome="Reports fell by half."
        )
        ward["priorities"].append(
            {"id": "towpath-bikes", "title": "E-bikes on the towpath", "agreed": "2026-11-18",
             "review": "2027-03-10", "set_by": "police"}
        )  # fmt: skip

    edited(repo, change)
    out = changes(repo, capsys)
    assert (
        "**Achieved** on 20 November 2026: “Drug dealing near the market”. "
        "Outcome: Reports fell by half." in out
    )
    assert (
        "**New priority**: “E-bikes on the towpath” (set by the police, agreed 18 November "
        "2026; next review 10 March 2027)." in out
    )
    edited(repo, lambda ward: ward["priorities"][0].update(review="2027-03-10"))
    out = changes(repo, capsys)
    assert (
        "**Reviewed**: “Drug dealing near the market”, next review 10 March 2027 "
        "(was 9 December 2026)." in out
    )


def test_a_you_said_we_did_report_added(repo, capsys):
    def change(ward):
        ward["feedback"].append(
            {
                "date": "2026-11-18",
                "priority": "market-drugs",
                "you_said": "Dealing by the stalls after 4pm.",
                "we_did": "Extra patrols; two arrests.",
            }
        )

    edited(repo, change)
    out = changes(repo, capsys)
    assert (
        "**New report**: the report of 18 November 2026 about “Drug dealing near the market”. "
        "You said: Dealing by the stalls after 4pm. We did: Extra patrols; two arrests." in out
    )


def test_panel_roles_filled_and_vacated(repo, capsys):
    def change(ward):
        ward["panel"]["roles"] = [
            {"role": "chair", "vacant": True},
            {"role": "secretary", "name": "Sam Example"},
        ]

    edited(repo, change)
    out = changes(repo, capsys)
    assert "#### Panel roles" in out
    assert "**Chair vacant** (was Ann Example): the page invites residents to take it on." in out
    assert "**Secretary filled**: Sam Example." in out


def test_translations_added_and_out_of_date(repo, capsys):
    (repo / "mkdocs.yml").write_text(BENGALI, encoding="utf-8")
    (repo / "translations" / "bn" / "wards").mkdir(parents=True)
    (repo / "translations" / "bn" / "messages.po").write_text("", encoding="utf-8")
    translation = repo / "translations" / "bn" / "wards" / "alder-vale.yml"
    translation.write_text(
        "priorities:\n  market-drugs:\n    title:\n      text: বাজারের কাছে মাদক বিক্রি\n"
        f"      from: {fingerprint('Drug dealing near the market')}\n",
        encoding="utf-8",
    )
    out = changes(repo, capsys)
    assert (
        "**Translated into বাংলা (bn)**: the title of priority “Drug dealing near the market”." in out
    )
    assert "`/bn/wards/alder-vale/`" in out
    assert "`/wards/alder-vale/`" not in out  # the English page does not change
    commit(repo, "2026-11-02T10:00:00Z")
    edited(repo, lambda ward: ward["priorities"][0].update(title="Drug dealing by the market"))
    out = changes(repo, capsys)
    assert "**Renamed**: “Drug dealing near the market” is now “Drug dealing by the market”." in out
    assert (
        "**Out of date in বাংলা (bn)**, because the English changed: the বাংলা (bn) page shows "
        "the English until the translation is brought up to date: the title of priority "
        "“Drug dealing by the market”." in out
    )


def test_wards_added_removed_and_moved_to_a_new_address(repo, capsys):
    write_ward(repo, "birch-common", {**alder_vale(), "name": "Birch Common", "gss_code": None})
    commit(repo, "2026-11-02T10:00:00Z")
    (repo / "wards" / "birch-common.yml").unlink()
    (repo / "wards" / "alder-vale.yml").rename(repo / "wards" / "alder-vale-north.yml")
    ward = {**alder_vale(), "name": "Alder Vale North"}
    write_ward(repo, "alder-vale-north", ward)
    write_ward(repo, "cedar-park", {**alder_vale(), "name": "Cedar Park", "gss_code": None})
    (repo / "mkdocs.yml").write_text(BENGALI, encoding="utf-8")
    (repo / "translations" / "bn" / "wards").mkdir(parents=True)
    (repo / "translations" / "bn" / "messages.po").write_text("", encoding="utf-8")
    (repo / "translations" / "bn" / "wards" / "cedar-park.yml").write_text(
        "panel:\n  join:\n    text: যে কেউ যোগ দিতে পারেন।\n"
        f"    from: {fingerprint('Anyone can join.')}\n",
        encoding="utf-8",
    )
    out = changes(repo, capsys)
    assert "**Renamed** from Alder Vale to Alder Vale North." in out
    assert (
        "**Moves to a new address**: its page moves from `/wards/alder-vale/` to "
        "`/wards/alder-vale-north/`." in out
    )
    assert "people subscribed to `/calendars/alder-vale.ics` will get no more changes" in out
    assert "### Birch Common\n\n**Removed**: its page `/wards/birch-common/`" in out
    assert (
        "### Cedar Park\n\n**New ward**, with its own page at `/wards/cedar-park/`: 2 meetings, "
        "1 priority and 0 reports." in out
    )
    assert "**Translated into বাংলা (bn)**: how to join." in out.split("### Cedar Park")[1]


def test_nothing_changed_says_so(repo, capsys):
    out = changes(repo, capsys)
    assert "Nothing changes in the wards, the glossary or their translations" in out


def test_editors_text_cannot_make_markdown_or_html_in_the_summary(repo, capsys):
    edited(repo, lambda ward: ward["meetings"][0]["venue"].update(name="<b>Hall</b> *one*"))
    out = changes(repo, capsys)
    assert r"\<b\>Hall\</b\> \*one\*" in out
    assert "<b>" not in out


def test_several_changes_at_once_ward_by_ward_and_the_pages_to_look_at(repo, capsys, tmp_path):
    """Held out: what a busy week's pull request does, read as a reviewer would."""
    write_ward(repo, "birch-common", {**alder_vale(), "name": "Birch Common", "gss_code": None})
    commit(repo, "2026-11-02T10:00:00Z")

    def alder(ward):
        ward["meetings"][0].update(status="cancelled")
        ward["meetings"][1].update(start="18:30", end="20:00")
        ward["panel"]["roles"][1] = {"role": "secretary", "name": "Sam Example"}
        ward["areas"].append("Alder Marsh")

    edited(repo, alder)
    birch = {**alder_vale(), "name": "Birch Common", "gss_code": None}
    birch["priorities"][0].update(status="closed", closed_on="2026-11-22")
    birch["feedback"] = [{"date": "2026-11-22", "we_did": "Moved the bins."}]
    write_ward(repo, "birch-common", birch)
    pages = tmp_path / "preview" / "changed-pages.txt"
    out = changes(repo, capsys, "--pages", str(pages))

    alder_part, birch_part = out.split("### Alder Vale")[1].split("### Birch Common")
    assert "**Cancelled**: Wednesday 9 December 2026, 7pm to 8:30pm" in alder_part
    assert (
        "**Moved**: from Wednesday 10 March 2027, 7pm to 8:30pm → to Wednesday 10 March 2027, "
        "6:30pm to 8pm, still at Alder Hall, 1 Alder Road, London." in alder_part
    )
    assert (
        "Subscribers' calendars will show the meeting on Wednesday 10 March 2027, 6:30pm to 8pm "
        "instead of Wednesday 10 March 2027, 7pm to 8:30pm." in alder_part
    )
    assert "**Secretary filled**: Sam Example." in alder_part
    assert "**Areas**: added “Alder Marsh”." in alder_part
    assert "**Closed** on 22 November 2026: “Drug dealing near the market”." in birch_part
    assert "No outcome is given." in birch_part
    assert "**Review" not in birch_part  # an ended priority is not reviewed
    assert "**New report**: the report of 22 November 2026. We did: Moved the bins." in birch_part
    assert "Subscribers' calendars" not in birch_part  # no meeting of Birch Common changed
    listed = pages.read_text(encoding="utf-8").splitlines()
    assert listed[:2] == ["/wards/alder-vale/", "/wards/birch-common/"]
    assert {"/wards/", "/meetings/", "/priorities/", "/standards/"} <= set(listed)
    assert "/wards/alder-vale/poster/" in listed
    assert "\n### Pages to look at in the preview\n\n- `/wards/alder-vale/`\n" in out


def test_a_revision_git_does_not_know_is_one_line_and_exit_1(repo, capsys):
    code = main(["changes", "--root", str(repo), "--base", "no-such-branch"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "'no-such-branch' is not a commit, branch or tag in this repository" in captured.err


def test_a_folder_outside_git_is_one_line_and_exit_1(project, capsys):
    project("wards/alder-vale.yml", yaml.safe_dump(alder_vale()))
    code = main(["changes", "--root", str(project.root), "--base", "main"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.count("\n") == 1
    assert "is not in a git repository" in captured.err


def test_an_invalid_file_at_a_revision_is_named_in_one_line(repo, capsys):
    broken = alder_vale()
    broken["meetings"][0]["end"] = "18:00"
    write_ward(repo, "alder-vale", broken)
    (repo / "wards" / "birch-common.yml").write_bytes(b"name: Birch \xff\n")
    commit(repo, "2026-11-02T10:00:00Z")
    write_ward(repo, "alder-vale", alder_vale())
    (repo / "wards" / "birch-common.yml").unlink()
    code = main(["changes", "--root", str(repo), "--base", "HEAD"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("wardpanels changes: In revision HEAD: wards/alder-vale.yml:")
    assert "meetings[0].end: 18:00 is not after the start, 19:00 (and 1 more error)" in captured.err


def test_an_invalid_file_in_the_working_folder_is_named_in_one_line(repo, capsys):
    (repo / "wards" / "alder-vale.yml").write_text("name: [\n", encoding="utf-8")
    code = main(["changes", "--root", str(repo), "--base", "HEAD"])
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.count("\n") == 1
    assert captured.err.startswith(
        "wardpanels changes: In the working folder: wards/alder-vale.yml:"
    )


def test_head_names_a_revision_instead_of_the_working_folder(repo, capsys):
    edited(repo, lambda ward: ward["meetings"][0].update(status="cancelled"))
    commit(repo, "2026-11-02T10:00:00Z")
    write_ward(repo, "alder-vale", alder_vale())  # not committed: --head ignores it
    out = changes(repo, capsys, "--base", "HEAD~1", "--head", "HEAD")
    commits = subprocess.run(
        ["git", "rev-parse", "HEAD", "HEAD~1"], cwd=repo, capture_output=True, text=True
    ).stdout.split()
    assert (
        f"Comparing revision `HEAD` (commit {commits[0][:12]}) with revision `HEAD~1` "
        f"(commit {commits[1][:12]})." in out
    )
    assert "**Cancelled**" in out


def test_glossary_terms_added_and_changed(repo, capsys):
    (repo / "glossary" / "terms.yml").write_text(
        "- term: ASB\n  stands_for: Anti-social behaviour\n  meaning: Anti-social behaviour.\n"
        "- term: PCSO\n  meaning: A uniformed member of police staff.\n",
        encoding="utf-8",
    )
    out = changes(repo, capsys)
    assert "### Glossary" in out
    assert "**New term**: PCSO: A uniformed member of police staff." in out
    assert "**Updated**: ASB (stands for)." in out
    assert "- `/glossary/`" in out

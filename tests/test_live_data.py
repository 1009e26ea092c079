"""The only tests about the live data in wards/, glossary/, postcodes/, translations/ and
boundaries/.

Editors change those files every week, so nothing here pins what they hold: these tests
prove that the suite never reads them, that the changes editors make pass what CI runs, and
that each file keeps what editors' tools need. The data itself is checked by
`make check-data` (`wardpanels validate` and a strict build at the real "now").
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from wardpanels import schedule
from wardpanels.boundaries import feature_collection, feature_json, read_boundaries
from wardpanels.clock import build_time
from wardpanels.loading import parse_yaml
from wardpanels.model import GlossaryFile, Ward
from wardpanels.modelines import MODELINE, modeline_for
from wardpanels.postcodes import read_table
from wardpanels.schema import schema_file
from wardpanels.scrutiny import ActionPlan
from wardpanels.text import slugify
from wardpanels.translations import GlossaryTranslation, WardTranslation, fingerprint

from .conftest import LIVE_DATA, ROOT
from .test_locate import wrong_answers

LIVE_SLUGS = sorted(path.stem for path in (ROOT / "wards").glob("*.yml"))
TESTS = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def test_no_other_test_names_a_live_ward():
    """A test that named a ward of the live data would break when editors rename, move or
    delete it: every other test builds the fixture borough instead."""
    slug = re.compile(rf"(?<![a-z0-9-])({'|'.join(map(re.escape, LIVE_SLUGS))})(?![a-z0-9-])")
    found = [
        f"{path.relative_to(ROOT)}: {match.group(1)}"
        for path in sorted(TESTS.rglob("*"))
        if path.is_file()
        and path != Path(__file__).resolve()
        and "node_modules" not in path.parts
        and path.suffix in {".py", ".yml", ".md", ".csv", ".cjs", ".mjs", ".json", ".po"}
        for match in slug.finditer(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert LIVE_SLUGS and found == []


def test_every_build_in_the_tests_reads_the_fixture_borough():
    for name in LIVE_DATA:
        folder = Path(os.environ[f"WARDPANELS_{name.upper()}"])
        assert not folder.is_relative_to(ROOT), name


KINDS: dict[str, type[BaseModel]] = {
    "wards": Ward,
    "glossary": GlossaryFile,
    "scrutiny": ActionPlan,
}


def test_every_live_data_file_names_the_schema_of_its_kind_for_editors_tools():
    """About the live data, so it reads it: each bundled file's first line, as editors'
    tools follow it."""
    files = [ROOT / folder for folder in ("wards", "glossary", "translations", "scrutiny")]
    for path in sorted(path for folder in files for path in folder.rglob("*.yml")):
        kind: type[BaseModel]
        if path.parts[len(ROOT.parts)] == "translations":
            kind = GlossaryTranslation if path.name == "glossary.yml" else WardTranslation
        else:
            kind = KINDS[path.parts[len(ROOT.parts)]]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if not MODELINE.match(first):
            continue  # saved by the form editor, which drops comments: .vscode maps it
        assert first == modeline_for(path, ROOT / schema_file(kind)), path


def test_the_live_postcode_table_matches_its_sidecar():
    table = read_table(ROOT / "postcodes")
    assert len(table) == table.source.postcodes > 0


def test_the_live_boundaries_never_answer_a_postcode_point_with_a_wrong_ward(tmp_path):
    """Every Code-Point Open postcode point of the borough, through "Use my location"."""
    boundaries, problems = read_boundaries(ROOT / "boundaries", "boundaries")
    assert problems == [] and boundaries is not None
    data = tmp_path / "ward-boundaries.geojson"
    features = [
        feature_json({"code": shape.code, "name": shape.name}, shape.polygons)
        for shape in boundaries.wards
    ]
    data.write_text(feature_collection(features), encoding="utf-8")
    wrong, kinds = wrong_answers(data)
    assert wrong == [] and "outside" not in kinds


# --- The changes editors make every week, on a copy of the project --------------------


class FormDumper(yaml.SafeDumper):
    """Writes a file back whole, as a form-based editor does: keys in their order, dates as
    dates (unquoted), times and everything else as text, no comments."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


FormDumper.add_representer(
    str,
    lambda dumper, text: (
        dumper.represent_scalar("tag:yaml.org,2002:timestamp", text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text)
        else dumper.represent_str(text)
    ),
)
FormDumper.add_representer(
    date, lambda dumper, day: FormDumper.represent_str(dumper, day.isoformat())
)


def write_whole(path: Path, document: dict[str, Any]) -> None:
    text = yaml.dump(document, Dumper=FormDumper, sort_keys=False, allow_unicode=True, width=88)
    path.write_text(text, encoding="utf-8")


def read(path: Path) -> dict[str, Any]:
    value = parse_yaml(path.read_text(encoding="utf-8"), path.name).value
    assert isinstance(value, dict)
    return value


def editors_week(project: Path, now: datetime) -> list[str]:
    """Every kind of change an editor makes in a week, to whatever the live data of
    `project` holds today (each change picks a ward it fits); returns what was done, for
    the failure message."""
    wards = project / "wards"
    folder = project / "translations" / "bn" / "wards"
    today = now.date()
    done: list[str] = []
    documents = {path.stem: read(path) for path in sorted(wards.glob("*.yml"))}
    coming = {
        slug: meeting
        for slug, document in documents.items()
        if (meeting := schedule.next_meeting(Ward.model_validate(document).meetings, now))
    }

    def change(slug: str, edit: Callable[[dict[str, Any]], None], what: str) -> None:
        edit(documents[slug])
        write_whole(wards / f"{slug}.yml", documents[slug])
        done.append(f"{slug}: {what}")

    def free_day(ward: dict[str, Any], after: date) -> date:
        """The first day from `after` on which the ward has no meeting yet."""
        taken = {str(meeting["date"]) for meeting in ward.get("meetings", [])}
        day = after
        while day.isoformat() in taken:
            day += timedelta(days=1)
        return day

    def active(ward: dict[str, Any]) -> list[dict[str, Any]]:
        return [p for p in ward.get("priorities", []) if p.get("status", "active") == "active"]

    def close_a_priority(ward: dict[str, Any]) -> None:
        active(ward)[0].update(
            status="achieved", closed_on=today, outcome="Fewer reports since May."
        )

    def moves(slug: str) -> Callable[[dict[str, Any]], None]:
        def move_the_next_meeting(ward: dict[str, Any]) -> None:
            meeting = next(m for m in ward["meetings"] if m["date"] == str(coming[slug].date))
            meeting["date"] = free_day(ward, coming[slug].date + timedelta(days=7))

        return move_the_next_meeting

    def cancels(slug: str) -> Callable[[dict[str, Any]], None]:
        def cancel_the_next_meeting(ward: dict[str, Any]) -> None:
            meeting = next(m for m in ward["meetings"] if m["date"] == str(coming[slug].date))
            meeting.update(status="cancelled", note="The hall is closed for repairs.")

        return cancel_the_next_meeting

    def add_a_meeting(ward: dict[str, Any]) -> None:
        meeting = copy.deepcopy(ward["meetings"][-1])
        for copied_only in ("status", "id", "note", "attendance", "minutes"):
            meeting.pop(copied_only, None)
        meeting["date"] = free_day(ward, today + timedelta(days=60))
        ward["meetings"].append(meeting)

    def change_the_areas(ward: dict[str, Any]) -> None:
        ward["areas"] = [*ward.get("areas", [])[1:], "The new community garden"]

    edited: set[str] = set()
    if closing := next((slug for slug, ward in documents.items() if active(ward)), None):
        change(closing, close_a_priority, "closed a priority today")
        edited.add(closing)
    going_ahead = list(coming)
    for slug, edit, what in zip(
        going_ahead,
        [moves, cancels],
        ["moved the next meeting a week on", "cancelled the next meeting"],
        strict=False,
    ):
        change(slug, edit(slug), what)
        edited.add(slug)
    if going_ahead:
        change(going_ahead[0], add_a_meeting, "added a meeting")
        change(going_ahead[-1], change_the_areas, "changed the areas")

    if summarised := next((s for s, ward in documents.items() if ward.get("summary")), None):
        path = folder / f"{summarised}.yml"
        translated: dict[str, Any] = read(path) if path.exists() else {"draft": True}
        english = documents[summarised]["summary"]
        translated["summary"] = {"text": "ওয়ার্ডের সংক্ষিপ্ত বিবরণ।", "from": fingerprint(english)}
        write_whole(path, translated)
        done.append(f"{summarised}: translated its summary")
        edited.add(summarised)

    if gone := next((s for s in reversed(documents) if s not in edited), None):
        (wards / f"{gone}.yml").unlink()
        (folder / f"{gone}.yml").unlink(missing_ok=True)  # its translation goes with it
        done.append(f"{gone}: deleted")
    name, number = "Riverside Gardens", 1
    while (wards / f"{slugify(name)}.yml").exists():  # a ward no editor has added yet
        number += 1
        name = f"Riverside Gardens {number}"
    added = run([str(BIN / "wardpanels"), "new-ward", name, "--root", str(project)])
    assert added.returncode == 0, added.stderr
    done.append(f"{slugify(name)}: added")
    return done


def run(command: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    environment = {
        name: value
        for name, value in os.environ.items()
        if name != "SOURCE_DATE_EPOCH" and not name.startswith("WARDPANELS_")
    }  # the real "now" and the project's own data, as CI checks it
    environment["NO_MKDOCS_2_WARNING"] = "1"
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.mark.build
def test_a_week_of_editors_changes_passes_what_ci_runs(tmp_path: Path):
    """On a copy of the project whose history is one commit (a downloaded archive or a
    squashed fork), each weekly change, written back whole as a form does, passes the
    data check and the build at the real "now". (The suite itself never reads this data:
    the two tests above prove it.)"""
    project = tmp_path / "project"
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.decode("utf-8")
    for relative in filter(None, listed.split("\0")):
        source = ROOT / relative
        if source.is_file():
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / relative)
    git = ["git", "-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    for command in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "One commit"]):
        subprocess.run(git + command, cwd=project, check=True, capture_output=True)

    done = editors_week(project, build_time({}))
    checked = run([str(BIN / "wardpanels"), "validate", "--root", str(project)])
    assert checked.returncode == 0, "\n".join([*done, checked.stdout[-3000:]])
    site = tmp_path / "site"
    built = run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            str(project / "mkdocs.yml"),
            "-d",
            str(site),
        ]
    )
    assert built.returncode == 0, (done, built.stderr[-3000:])
    added = done[-1].split(":")[0]
    assert (site / "wards" / added / "index.html").is_file()

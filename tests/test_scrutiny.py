"""The scrutiny action plan: one file checked like a ward file, a page in every language,
open data and a feed of updates, whose numbers agree with the file."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import textwrap
from collections import Counter
from datetime import date

import pytest
import yaml

from wardpanels.errors import DataError
from wardpanels.scrutiny import Action
from wardpanels.settings import LanguageSetting
from wardpanels.site import Sources, load_site
from wardpanels.theme import theme_values

from .conftest import BOROUGH, GOLDEN_SETTINGS, MINIMAL_WARD, NOW, ROOT, rendered

SETTINGS = GOLDEN_SETTINGS.model_copy(
    update={"languages": (LanguageSetting(code="bn", name="বাংলা", complete=True),)}
)
PLAN_FILE = BOROUGH / "scrutiny" / "action-plan.yml"


@pytest.fixture(scope="module")
def outputs(borough):
    site = load_site(borough.sources(), SETTINGS, NOW, read_history=False)
    return site, rendered(site, SETTINGS)


@pytest.fixture(scope="module")
def page(outputs) -> str:
    return str(outputs[1]["scrutiny/index.md"])


def test_the_summary_counts_agree_with_the_file(page):
    plan = yaml.safe_load(PLAN_FILE.read_text(encoding="utf-8"))
    actions = [a for r in plan["recommendations"] for a in r["actions"]]
    counted = Counter(a["status"] for a in actions)
    summary = page.split("{#summary}", 1)[1].split("\n## ", 1)[0]
    assert f"{len(actions)} actions in {len(plan['recommendations'])} recommendations." in summary
    for status, label in [
        ("done", "Done"),
        ("on-track", "On track"),
        ("at-risk", "At risk"),
        ("missed", "Missed"),
        ("not-started", "Not started"),
    ]:
        assert f"{label}</strong>: {counted[status]}\n" in summary
    # Not done, due before Monday 23 November 2026 by its latest date: the leaflet (missed)
    # and the dates online (on track), not the training moved to 2027.
    assert "Overdue</strong>: 2 " in summary


def test_each_status_is_a_word_with_a_shape_never_colour_alone(page):
    assert '<span aria-hidden="true">▲</span> At risk</strong>' in page
    assert '<span aria-hidden="true">✓</span> Done</strong>' in page


def test_an_action_shows_every_moved_due_date_with_its_reason(page):
    action = page.split("{#recommendation-1-vice-chair-training}", 1)[1].split("###", 1)[0]
    assert "**Due:** Sunday 31 January 2027 (moved 2 times)" in action
    assert (
        "**Moved on Monday 1 September 2025:** from Tuesday 30 September 2025 to Tuesday 31 "
        "March 2026. The trainer left; a new one starts in the spring." in action
    )
    assert "**Moved on Thursday 2 April 2026:** from Tuesday 31 March 2026 to Sunday 31" in action
    assert "**Latest update, Thursday 2 April 2026:** Only two sessions" in action
    assert "<summary>Every update (2)</summary>" in action  # the full history, folded


def test_an_action_with_no_update_says_so(page):
    action = page.split("{#recommendation-2-library-posters}", 1)[1]
    assert "**Latest update:** none reported yet." in action
    assert "<details" not in action.split("##", 1)[0]


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (date(2026, 11, 22), "on-track", True),  # due yesterday
        (date(2026, 11, 23), "on-track", False),  # due today: not yet
        (date(2026, 11, 22), "done", False),  # done is never overdue
        (date(2026, 11, 22), "missed", True),
    ],
)
def test_overdue_is_worked_out_from_the_latest_due_date_and_now(due, status, overdue):
    action = Action.model_validate(
        {"id": "a", "action": "A", "owner": "Chair", "due": due, "status": status}
    )
    assert action.overdue(NOW.date()) is overdue
    moved = Action.model_validate(
        {
            "id": "a",
            "action": "A",
            "owner": "Chair",
            "due": date(2026, 1, 1),
            "status": status,
            "updates": [{"date": date(2026, 2, 1), "status": status, "due": due, "note": "Moved."}],
        }
    )
    assert moved.current_due == due
    assert moved.overdue(NOW.date()) is overdue


def test_a_recommendation_naming_a_standard_shows_how_many_panels_meet_it_today(outputs, page):
    site, _ = outputs
    statuses = Counter(
        a.status.value
        for record in site.wards
        for a in record.assessments
        if a.standard.key == "officers"
    )
    recommendation = page.split("{#recommendation-1}", 1)[1].split("###", 1)[0]
    assert (
        f"{statuses['met']} met, {statuses['not-met']} not met, {statuses['no-data']} no data "
        f"({len(site.wards)} panels)." in recommendation
    )
    assert "(../standards/index.md#standard-officers)" in recommendation
    other = page.split("{#recommendation-2}", 1)[1].split("###", 1)[0]
    assert "panels)" not in other  # no standard named, no evidence


def test_the_bengali_page_is_translated_and_marks_the_plans_english(outputs):
    page = str(outputs[1]["bn/scrutiny/index.md"])
    assert "# তদারকি কর্মপরিকল্পনা" in page
    assert '## সুপারিশ ১: <span lang="en">Every panel has a vice-chair</span>' in page
    assert "পরিকল্পনাটি ইংরেজিতে লেখা।" in page
    assert "সময় পেরিয়ে গেছে</strong>: ২" in page


def test_the_standards_over_time_are_drawn_with_their_numbers(outputs):
    page = str(outputs[1]["scrutiny/index.md"])
    table = page.split('<table class="wp-trends">', 1)[1].split("</table>", 1)[0]
    assert '<th scope="col">December 2024</th>' in table
    assert '<th scope="col">September 2026</th>' in table
    assert table.count('role="img" aria-label="') == 9  # one chart a standard


def test_the_open_data_agrees_with_the_page(outputs):
    _, files = outputs
    data = json.loads(files["data/scrutiny.json"])
    assert data["summary"] == {
        "actions": 5,
        "done": 1,
        "on-track": 1,
        "at-risk": 1,
        "missed": 1,
        "not-started": 1,
        "overdue": 2,
    }
    training = data["recommendations"][0]["actions"][1]
    assert (training["due"], training["current_due"], training["overdue"]) == (
        "2025-09-30",
        "2027-01-31",
        False,
    )
    rows = list(csv.DictReader(io.StringIO(files["data/scrutiny.csv"].decode("utf-8"))))
    assert [row["action_id"] for row in rows] == [
        "ask-every-panel",
        "vice-chair-training",
        "publish-dates",
        "printed-leaflet",
        "library-posters",
    ]
    assert rows[3]["overdue"] == "yes"
    assert rows[3]["page"].endswith("/scrutiny/#recommendation-2-printed-leaflet")


def test_the_feed_has_an_entry_for_each_update_newest_first(outputs):
    feed = outputs[1]["feeds/scrutiny.xml"].decode("utf-8")
    titles = re.findall(r"<entry><id>[^<]*</id><title>([^<]*)</title>", feed)
    assert len(titles) == 6
    assert titles[0] == "Recommendation 2: Publish every meeting date online: on track"
    assert "/scrutiny/#recommendation-1-vice-chair-training" in feed


def test_a_borough_without_a_plan_has_no_page_no_data_and_no_menu_entry(golden_site):
    assert golden_site.plan is None
    paths = rendered(golden_site)
    assert not [path for path in paths if "scrutiny" in path]
    theme = theme_values(golden_site, GOLDEN_SETTINGS)
    assert {"Minimum standards": "standards/index.md"} in theme.nav
    assert "scrutiny/index.md" not in str(theme.nav)


VALID = """\
title: A plan
review: A review
agreed: 2026-01-10
recommendations:
  - number: 1
    title: First
    standard: officers
    actions:
      - id: one
        action: Do one thing
        owner: Board chair
        due: 2026-06-30
        status: on-track
        updates:
          - date: 2026-03-01
            status: on-track
            note: Started.
  - number: 2
    title: Second
    actions:
      - id: two
        action: Do another
        owner: Council
        due: 2026-06-30
        status: done
"""


def problems_in(project, text: str) -> list[str]:
    project("wards/x.yml", MINIMAL_WARD)
    project("scrutiny/action-plan.yml", text)
    root = project.root
    sources = Sources(root, root / "wards", root / "glossary", scrutiny=root / "scrutiny")
    with pytest.raises(DataError) as raised:
        load_site(sources, GOLDEN_SETTINGS, NOW, read_history=False)
    return [problem.plain() for problem in raised.value.problems]


def test_a_valid_plan_loads(project):
    project("wards/x.yml", MINIMAL_WARD)
    project("scrutiny/action-plan.yml", VALID)
    root = project.root
    sources = Sources(root, root / "wards", root / "glossary", scrutiny=root / "scrutiny")
    site = load_site(sources, GOLDEN_SETTINGS, NOW, read_history=False)
    assert site.plan is not None and len(site.plan.recommendations) == 2


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "        status: on-track\n        updates:",
            "        status: finishd\n        updates:",
            "scrutiny/action-plan.yml:13:17: recommendations[0].actions[0].status: 'finishd' is "
            "not allowed here. Use one of: not-started, on-track, at-risk, missed, done.",
        ),
        (
            "  - number: 2",
            "  - number: 1",
            "scrutiny/action-plan.yml:18:13: recommendations[1].number: another recommendation "
            "already has the number 1",
        ),
        (
            "date: 2026-03-01",
            "date: 2026-01-09",
            "scrutiny/action-plan.yml:15:19: recommendations[0].actions[0].updates[0].date: "
            "2026-01-09 is before the plan was agreed (2026-01-10); an update reports progress "
            "on the plan, so it comes after",
        ),
        (
            "            note: Started.\n",
            "            due: 2026-09-30\n",
            "scrutiny/action-plan.yml:15:13: recommendations[0].actions[0].updates[0].note: this "
            "is required, but missing. What happened, in plain English; when the due date moved, "
            "why.",
        ),
        (
            "standard: officers",
            "standard: officer",
            "scrutiny/action-plan.yml:7:15: recommendations[0].standard: there is no minimum "
            "standard 'officer'. Standards: ahead, feedback, meets, officers, police, priorities, "
            "public-realm, times, venues.",
        ),
        (
            "date: 2026-03-01",
            "date: 2026-11-24",
            "scrutiny/action-plan.yml:15:19: recommendations[0].actions[0].updates[0].date: "
            "2026-11-24 has not come yet: add an update on the day it is reported",
        ),
        (
            "            status: on-track\n            note",
            "            status: at-risk\n            note",
            "scrutiny/action-plan.yml:13:17: recommendations[0].actions[0].status: the latest "
            "update (2026-03-01) says 'at-risk', but the action says 'on-track'; make them the "
            "same",
        ),
    ],
)
def test_each_mistake_is_named_at_its_file_line_and_field(project, old, new, expected):
    assert old in VALID
    assert problems_in(project, VALID.replace(old, new, 1)) == [expected]


def test_two_actions_of_one_recommendation_cannot_share_an_id_but_two_of_others_can(project):
    text = VALID.replace(
        "  - number: 2",
        "      - {id: one, action: Again, owner: Chair, due: 2026-06-30, status: done}\n"
        "  - number: 2",
    )
    assert problems_in(project, text) == [
        "scrutiny/action-plan.yml:18:14: recommendations[0].actions[1].id: another action of "
        "this recommendation already has the id 'one'"
    ]
    project("scrutiny/action-plan.yml", VALID.replace("id: two", "id: one"))
    root = project.root
    sources = Sources(root, root / "wards", root / "glossary", scrutiny=root / "scrutiny")
    assert load_site(sources, GOLDEN_SETTINGS, NOW, read_history=False).plan is not None


def test_updates_are_kept_oldest_first(project):
    text = VALID.replace(
        "            note: Started.\n",
        "            note: Started.\n"
        "          - {date: 2026-02-01, status: on-track, note: Earlier.}\n",
    )
    (problem,) = problems_in(project, text)
    assert "updates[1].date: 2026-02-01 is before the update above it (2026-03-01)" in problem


def test_a_linked_plan_file_is_refused_by_the_gate(project, tmp_path):
    project("wards/x.yml", MINIMAL_WARD)
    elsewhere = tmp_path / "elsewhere.yml"
    elsewhere.write_text(VALID, encoding="utf-8")
    (project.root / "scrutiny").mkdir()
    (project.root / "scrutiny" / "action-plan.yml").symlink_to(elsewhere)
    root = project.root
    sources = Sources(root, root / "wards", root / "glossary", scrutiny=root / "scrutiny")
    with pytest.raises(DataError) as raised:
        load_site(sources, GOLDEN_SETTINGS, NOW, read_history=False)
    assert [p.plain() for p in raised.value.problems] == [
        "scrutiny/action-plan.yml:1:1: this is a link to another file; put the file itself here"
    ]


def test_validate_names_the_mistake_and_exits_1_without_a_traceback(project):
    project("wards/x.yml", MINIMAL_WARD)
    project("scrutiny/action-plan.yml", VALID.replace("standard: officers", "standard: chairs"))
    result = subprocess.run(
        [sys.executable, "-m", "wardpanels.cli", "validate", "--root", str(project.root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "scrutiny/action-plan.yml:7:15: recommendations[0].standard:" in output
    assert "Traceback" not in output


def guide_examples() -> list[str]:
    text = (ROOT / "site_src" / "editors" / "scrutiny.md").read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)


def test_the_editors_guide_examples_are_valid_as_written(project):
    action, moved = guide_examples()
    head = VALID.split("  - number: 1", 1)[0]
    plan = (
        head.replace("2026-01-10", "2020-01-01")
        + "  - number: 1\n    title: First\n    actions:\n"
        + action.rstrip("\n")
        + "\n"
        + textwrap.indent(textwrap.dedent(moved), " " * 10)
    )
    project("wards/x.yml", MINIMAL_WARD)
    project(
        "scrutiny/action-plan.yml",
        plan.replace("status: done\n        updates", "status: at-risk\n        updates"),
    )
    root = project.root
    sources = Sources(root, root / "wards", root / "glossary", scrutiny=root / "scrutiny")
    site = load_site(sources, GOLDEN_SETTINGS, NOW, read_history=False)
    assert site.plan is not None

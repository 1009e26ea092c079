"""Minimum standards, computed from each ward's own data: Met, Not met or No data, and why."""

from __future__ import annotations

import pytest

from wardpanels.i18n import ENGLISH_LANGUAGE
from wardpanels.loading import parse_yaml
from wardpanels.model import Ward
from wardpanels.settings import Standards
from wardpanels.standards import Status, assess, standards_for

from .conftest import MINIMAL_WARD, NOW

RULES = Standards()
STANDARDS = standards_for(RULES)


def ward(extra: str = "") -> Ward:
    return Ward.model_validate(parse_yaml(MINIMAL_WARD + extra, "x.yml").value)


def meeting(
    day: str,
    start: str = "19:00",
    venue: str = "Hall",
    police: str = "",
    partners: str = "",
    status: str = "scheduled",
) -> str:
    hour = int(start[:2]) + 1
    lines = [
        f"  - date: {day}",
        f"    start: {start}",
        f"    end: {hour:02d}:{start[3:]}",
        f"    status: {status}",
        f"    venue: {{name: {venue}, address: 1 Road}}",
    ]
    if police or partners:
        lines.append(f"    attendance: {{police: [{police}], partners: [{partners}]}}")
    return "\n".join(lines) + "\n"


def warnings(data: Ward) -> list:
    return [warning for assessment in assess(data, NOW, RULES) for warning in assessment.warnings]


def result(data: Ward, key: str, rules: Standards = RULES) -> tuple[Status, str]:
    found = next(a for a in assess(data, NOW, rules) if a.standard.key == key)
    return found.status, ENGLISH_LANGUAGE.text(found.reason)


# A panel doing everything right, as of Monday 23 November 2026.
GOOD = (
    "  roles:\n    - {role: chair}\n    - {role: vice-chair}\n"
    "priorities:\n"
    "  - {id: a, title: A, set_by: police, agreed: 2026-04-01, review: 2026-12-09}\n"
    "  - {id: b, title: B, agreed: 2026-04-01, review: 2026-12-09}\n"
    "  - {id: c, title: C, agreed: 2026-04-01, review: 2026-12-09}\n"
    "feedback:\n  - {date: 2026-10-14, we_did: Patrols.}\n"
    "meetings:\n"
    + meeting("2026-01-14", police="dwo, inspector")
    + meeting("2026-04-15", "14:00", "Library", police="dwo, sergeant", partners="public-realm")
    + meeting("2026-07-15", police="dwo, sergeant")
    + meeting("2026-10-14", "10:30", "Library", police="dwo")
    + meeting("2026-12-09")
    + meeting("2027-03-10", "14:00", "Library")
    + meeting("2027-06-16")
    + meeting("2027-09-15", "14:00")
)


def test_a_panel_doing_everything_meets_every_standard():
    assert {a.standard.key: a.status for a in assess(ward(GOOD), NOW, RULES)} == {
        s.key: Status.MET for s in STANDARDS
    }
    assert warnings(ward(GOOD)) == []


def test_a_ward_with_nothing_recorded_has_no_data_where_nothing_can_be_said():
    statuses = {a.standard.key: a.status for a in assess(ward(), NOW, RULES)}
    assert statuses["meets"] is Status.NO_DATA
    assert statuses["police"] is Status.NO_DATA
    assert statuses["officers"] is Status.NOT_MET  # an unlisted chair is a vacancy
    assert statuses["feedback"] is Status.NOT_MET


def held(*days: str, extra: str = "") -> Ward:
    """A panel with meetings on these days, and one planned next year."""
    return ward("meetings:\n" + "".join(meeting(day) for day in days) + extra)


# Monday 23 November 2026: "the last 12 months" runs from 23 November 2025.
QUARTERLY = ("2025-12-10", "2026-03-11", "2026-06-17", "2026-09-16")
OLDER = "2025-09-10"  # a meeting before the last 12 months: the panel is over a year old


def test_a_panel_that_met_quarterly_meets_four_to_six_times_a_year():
    assert result(held(*QUARTERLY), "meets") == (Status.MET, "4 meetings in the last 12 months")


def test_planning_only_six_months_ahead_does_not_count_against_the_frequency():
    planned = held(*QUARTERLY, extra=meeting("2026-12-09") + meeting("2027-03-10"))
    assert result(planned, "meets")[0] is Status.MET
    assert result(planned, "ahead")[0] is Status.NOT_MET  # planned to March, not May


@pytest.mark.parametrize(
    ("days", "status"),
    [
        ((OLDER, *QUARTERLY[1:]), Status.NOT_MET),  # 3
        ((*QUARTERLY, "2026-10-14", "2026-11-11"), Status.MET),  # exactly 6
        ((*QUARTERLY, "2026-10-14", "2026-11-11", "2026-11-18"), Status.NOT_MET),  # 7
    ],
)
def test_three_and_seven_meetings_miss_the_standard_six_meets_it(days, status):
    assert result(held(*days), "meets")[0] is status


def test_a_meeting_exactly_twelve_months_ago_counts():
    assert result(held("2025-11-23", *QUARTERLY[1:]), "meets")[0] is Status.MET
    assert result(held("2025-11-22", *QUARTERLY[1:]), "meets") == (
        Status.NOT_MET,
        "3 meetings in the last 12 months",
    )


def test_cancelled_meetings_do_not_count():
    cancelled = ward(
        "meetings:\n"
        + "".join(meeting(day) for day in (OLDER, *QUARTERLY[:3]))
        + meeting(QUARTERLY[3], status="cancelled")
    )
    assert result(cancelled, "meets") == (Status.NOT_MET, "3 meetings in the last 12 months")


def test_a_panel_less_than_a_year_old_is_not_judged_yet():
    young = held("2026-03-11", "2026-06-17", "2026-09-16")
    assert result(young, "meets") == (
        Status.NO_DATA,
        "3 meetings since the first on record, Wednesday 11 March 2026: less than a year to judge",
    )


def test_the_numbers_are_the_boroughs_settings():
    monthly = Standards(min_meetings_a_year=10, max_meetings_a_year=12)
    assert result(held(OLDER, *QUARTERLY), "meets", monthly)[0] is Status.NOT_MET
    names = [ENGLISH_LANGUAGE.text(s.name) for s in standards_for(monthly)]
    assert "Meets 10 to 12 times a year" in names


def test_dates_must_reach_six_months_ahead():
    near = ward("meetings:\n" + meeting("2027-05-01"))
    assert result(near, "ahead") == (Status.NOT_MET, "the last date planned is Saturday 1 May 2027")
    far = ward("meetings:\n" + meeting("2027-05-23"))
    assert result(far, "ahead")[0] is Status.MET


@pytest.mark.parametrize(
    ("police", "reason"),
    [
        (["dwo", "dwo, sergeant", "sergeant, inspector"], "no DWO at 1 of 3 meetings"),
        (["dwo, sergeant", "dwo, inspector", "dwo"], "sergeant at 1 meeting"),
        (["dwo, sergeant", "dwo, sergeant", "dwo"], "inspector at 0 meetings"),
    ],
)
def test_police_attendance_follows_recommendation_9(police, reason):
    days = ["2026-02-11", "2026-05-13", "2026-09-16"]
    data = ward(
        "meetings:\n" + "".join(meeting(d, police=p) for d, p in zip(days, police, strict=True))
    )
    assert result(data, "police") == (Status.NOT_MET, reason)


def test_a_vacant_vice_chair_is_named():
    data = ward("  roles:\n    - {role: chair}\n    - {role: vice-chair, vacant: true}\n")
    assert result(data, "officers") == (Status.NOT_MET, "vice-chair vacant")


def test_daytime_means_starting_before_5pm():
    evening_only = ward(
        "meetings:\n" + meeting("2026-12-09", "17:00") + meeting("2027-01-13", "19:00")
    )
    assert result(evening_only, "times") == (Status.NOT_MET, "0 daytime and 2 evening meetings")
    mixed = ward("meetings:\n" + meeting("2026-12-09", "16:59") + meeting("2027-01-13"))
    assert result(mixed, "times")[0] is Status.MET


def test_one_venue_is_not_enough():
    data = ward("meetings:\n" + meeting("2026-12-09") + meeting("2027-01-13"))
    assert result(data, "venues") == (Status.NOT_MET, "1 venue")


def test_public_realm_at_a_meeting_in_the_last_year():
    data = ward("meetings:\n" + meeting("2026-09-16", police="dwo", partners="councillor"))
    assert result(data, "public-realm") == (Status.NOT_MET, "at no meeting in the last 12 months")


def test_three_priorities_each_reviewed_on_time():
    data = ward(GOOD.replace("review: 2026-12-09}\n  - {id: c", "review: 2026-11-01}\n  - {id: c"))
    assert result(data, "priorities") == (Status.NOT_MET, "1 review overdue")
    two = ward(GOOD.replace("  - {id: c, title: C, agreed: 2026-04-01, review: 2026-12-09}\n", ""))
    assert result(two, "priorities") == (Status.NOT_MET, "2 current priorities")


def test_feedback_within_three_months():
    old = ward(GOOD.replace("2026-10-14, we_did", "2026-08-22, we_did"))
    assert result(old, "feedback") == (Status.NOT_MET, "last given Saturday 22 August 2026")


def test_warnings_point_at_the_line_to_change():
    data = ward(GOOD.replace("review: 2026-12-09}\n  - {id: c", "review: 2026-11-01}\n  - {id: c"))
    assert warnings(data) == [
        (
            ("priorities", 1, "review"),
            "the review date, Sunday 1 November 2026, has passed: "
            "review the priority, then set the next review date",
        )
    ]


# Fair standards: "No data" is never "Not met".


@pytest.mark.parametrize(
    ("unrecorded", "status", "reason"),
    [
        (0, Status.MET, "DWO at all 4 meetings, sergeant at 2, inspector at 1"),
        (
            1,
            Status.MET,
            "DWO at all 4 meetings, sergeant at 2, inspector at 1; "
            "1 meeting left out: attendance not recorded",
        ),
        (
            2,
            Status.MET,
            "DWO at all 4 meetings, sergeant at 2, inspector at 1; "
            "2 meetings left out: attendance not recorded",
        ),
    ],
)
def test_a_meeting_without_recorded_attendance_is_left_out_not_counted_against(
    unrecorded, status, reason
):
    extra = "".join(meeting(day) for day in ["2026-03-11", "2026-06-10"][:unrecorded])
    data = ward(GOOD + extra)
    assert result(data, "police") == (status, reason)
    assert result(data, "public-realm")[0] is Status.MET


def test_the_recorded_meetings_alone_are_judged_and_the_left_out_ones_said():
    data = ward("meetings:\n" + meeting("2026-02-11", police="sergeant") + meeting("2026-05-13"))
    assert result(data, "police") == (
        Status.NOT_MET,
        "no DWO at 1 of 1 meetings; sergeant at 1 meeting; inspector at 0 meetings; "
        "1 meeting left out: attendance not recorded",
    )
    assert result(data, "public-realm") == (
        Status.NOT_MET,
        "at no meeting in the last 12 months; 1 meeting left out: attendance not recorded",
    )


def test_with_no_attendance_recorded_at_all_there_is_no_data():
    data = ward("meetings:\n" + meeting("2026-02-11") + meeting("2026-05-13"))
    assert result(data, "police") == (Status.NO_DATA, "attendance not recorded")
    assert result(data, "public-realm") == (Status.NO_DATA, "attendance not recorded")


# GOOD's last review is its meeting and report of Wednesday 14 October 2026.
@pytest.mark.parametrize(
    ("review", "status", "reason"),
    [
        ("2026-10-13", Status.MET, "3 priorities, reviews on time"),  # settled by the meeting
        ("2026-10-14", Status.MET, "3 priorities, reviews on time"),  # reviewed that same day
        ("2026-10-15", Status.NOT_MET, "1 review overdue"),  # due after the last review
        ("2026-11-23", Status.MET, "3 priorities, reviews on time"),  # due today: not yet
    ],
)
def test_a_review_at_a_meeting_settles_reviews_due_on_or_before_it(review, status, reason):
    data = ward(GOOD.replace("review: 2026-12-09}\n  - {id: c", f"review: {review}}}\n  - {{id: c"))
    assert result(data, "priorities") == (status, reason)


def test_summaries_count_no_data_apart_from_not_met():
    from wardpanels.i18n import language, read_catalogue
    from wardpanels.standards import tally

    from .conftest import ROOT

    statuses = [Status.MET] * 6 + [Status.NOT_MET] + [Status.NO_DATA] * 2
    assert ENGLISH_LANGUAGE.text(tally(statuses)) == "6 met, 1 not met, 2 no data"
    catalogue = read_catalogue(ROOT / "translations" / "bn" / "messages.po")
    bengali = language("bn", "বাংলা", catalogue, complete=True)
    assert bengali.text(tally(statuses)) == "৬টি পূরণ হয়েছে, ১টি পূরণ হয়নি, ২টিতে তথ্য নেই"

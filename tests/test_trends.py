"""The standards over time: each quarter's end judged by the data's own dates."""

from __future__ import annotations

from datetime import date

import pytest

from wardpanels.i18n import ENGLISH_LANGUAGE
from wardpanels.settings import Standards
from wardpanels.trends import as_of, quarter_ends, standards_over_time, trends_table

from .test_standards import GOOD, meeting, ward


@pytest.mark.parametrize(
    ("today", "last"),
    [
        (date(2026, 11, 23), date(2026, 9, 30)),
        (date(2026, 10, 1), date(2026, 9, 30)),  # a quarter's first day: the last has ended
        (date(2026, 9, 30), date(2026, 6, 30)),  # its last day: not ended yet
        (date(2026, 1, 1), date(2025, 12, 31)),
    ],
)
def test_the_last_eight_quarters_that_have_ended(today, last):
    ends = quarter_ends(today)
    assert len(ends) == 8
    assert ends[-1] == last
    assert ends == tuple(sorted(ends))
    assert all(day.month in (3, 6, 9, 12) for day in ends)


def test_a_ward_as_its_dates_say_it_stood_on_a_day():
    data = ward(
        "priorities:\n"
        "  - {id: early, title: E, agreed: 2025-01-10, status: closed, closed_on: 2026-02-01}\n"
        "  - {id: late, title: L, agreed: 2026-04-01}\n"
        "feedback:\n  - {date: 2025-12-31, we_did: A.}\n  - {date: 2026-01-01, we_did: B.}\n"
    )
    then = as_of(data, date(2025, 12, 31))
    assert [(p.id, p.status.value, p.closed_on) for p in then.priorities] == [
        ("early", "active", None)  # closed later, so still current then; "late" not yet agreed
    ]
    assert [f.we_did for f in then.feedback] == ["A."]  # a report on the day counts


def test_each_quarter_is_judged_as_on_its_last_day():
    # Meetings every quarter from 2025: the panel meets four times a year only once it has
    # a year of meetings behind it.
    days = ["2025-01-15", "2025-04-16", "2025-07-16", "2025-10-15", "2026-01-14", "2026-04-15"]
    data = ward("meetings:\n" + "".join(meeting(day) for day in days))
    trends = standards_over_time([data], date(2026, 11, 23), Standards())
    meets = next(t for t in trends.trends if t.standard.key == "meets")
    # Dec 2024 to Sep 2026: none yet, then met from December 2025 (4 in the year), and
    # not in September 2026, when only two fall in the last twelve months.
    assert meets.met == (0, 0, 0, 0, 1, 1, 1, 0)
    assert trends.panels == 1


def test_the_chart_says_its_numbers_in_words():
    data = ward(GOOD)
    trends = standards_over_time([data], date(2026, 11, 23), Standards())
    links = {trend.standard.key: "#" + trend.standard.key for trend in trends.trends}
    row = trends_table(trends, ENGLISH_LANGUAGE, links).rows[0]
    assert row.words.startswith("Meets 4 to 6 times")
    assert "from December 2024 to September 2026: " in row.words
    assert len(row.bars) == len(row.numbers) == 8

"""Priorities and "You said, we did": every state a resident can see, on ward and borough pages."""

from __future__ import annotations

from datetime import date

import pytest

from wardpanels.loading import parse_yaml
from wardpanels.model import Ward
from wardpanels.schedule import last_review, months_before, needs_review

from .conftest import MINIMAL_WARD, NOW


def section(page: str, start: str, end: str) -> str:
    return page.split(start, 1)[1].split(end, 1)[0]


@pytest.fixture
def ward_page(golden_pages) -> str:
    return golden_pages["wards/full-ward.md"]


def test_an_active_priority_shows_who_set_it_when_and_its_next_review(ward_page):
    current = section(ward_page, "{#priorities}", "<details")
    drugs = section(current, "{#priority-canal-drugs}", "###")
    assert "Set by the panel, Wednesday 11 March 2026." in drugs
    # Reviewed at the meeting on its review date: settled, never "overdue" the same day.
    assert "overdue" not in drugs
    assert "Last reviewed on Wednesday 16 September 2026." in drugs
    assert "Next review" not in drugs  # a review date that has passed is not "next"
    assert "Reports peak on **Friday** evenings." in drugs
    violence = section(current, "{#priority-violence}", "###")
    assert "Set by the police, Wednesday 1 April 2026." in violence
    assert "Next review: Wednesday 9 December 2026." in violence


def test_the_police_priority_comes_first(ward_page):
    current = section(ward_page, "{#priorities}", "<details")
    assert current.index("{#priority-violence}") < current.index("{#priority-canal-drugs}")


def test_a_priority_links_to_what_was_done_instead_of_repeating_it(ward_page):
    drugs = section(ward_page, "{#priority-canal-drugs}", "<details")
    assert "What was done: [16 September 2026](#feedback-2026-09-16-canal-drugs)" in drugs
    assert "Evening patrols" not in drugs
    assert ward_page.count("Evening patrols. Two arrests.") == 1


def test_achieved_and_closed_priorities_fold_away_apart_from_current_ones(ward_page):
    current = section(ward_page, "{#priorities}", "<details")
    assert "Fly-tipping" not in current and "Parking" not in current
    ended = section(ward_page, "<summary>2 past priorities</summary>", "</details>")
    assert "Achieved, Wednesday 17 June 2026." in ended
    assert "Reports fell from 30 a month to 4." in ended
    assert "Closed, Wednesday 11 March 2026." in ended
    assert ended.index("Fly-tipping") < ended.index("Parking")  # most recently ended first


def test_you_said_we_did_is_newest_first_labelled_and_linked(ward_page):
    feedback = section(ward_page, "{#feedback}", "{#panel}")
    dates = ["16 September 2026", "1 July 2026", "17 June 2026"]
    assert sorted(dates, key=feedback.index) == dates
    assert "**You said:** Dealing after dark." in feedback
    assert "**We did:** Evening patrols." in feedback
    assert (
        "### Wednesday 16 September 2026: Drug dealing on the canal towpath "
        "{#feedback-2026-09-16-canal-drugs}" in feedback
    )
    assert "Done by the council." in feedback


def test_the_borough_page_lists_only_current_priorities_by_ward(golden_pages):
    page = golden_pages["priorities/index.md"]
    full = page.split("{#full-ward}", 1)[1]
    assert (
        "Last reviewed on Wednesday 16 September 2026. Next review on Wednesday 9 December 2026."
        in full
    )
    # The review due on 16 September was held that day: "last reviewed", not "overdue".
    assert "- Drug dealing on the canal towpath (set by the panel)\n" in full
    assert "(set by the police)" in full
    assert "Fly-tipping" not in page and "Parking" not in page
    empty = page.split("{#empty-ward}", 1)[1]
    assert empty.startswith("\n\nNot reviewed yet.\n\n- No current priorities.")


def test_a_next_review_is_never_before_the_last_review(golden_site):
    from wardpanels.settings import Standards
    from wardpanels.ward_views import ward_view

    for record in golden_site.wards:
        view = ward_view(record, golden_site, Standards())
        if view.next_review and view.last_review:
            assert view.next_review >= view.last_review
        if view.next_review:
            assert view.next_review >= golden_site.now.date()


def test_a_ward_page_says_when_its_information_changed(ward_page, golden_pages):
    # Without git history, the newest date in the file that is not in the future.
    assert "last changed on Wednesday 16 September 2026." in ward_page
    assert "last changed" not in golden_pages["wards/empty-ward.md"]


def test_stale_priorities_carry_a_notice(golden_pages):
    assert "These priorities may be out of date" in golden_pages["wards/empty-ward.md"]
    assert "These priorities may be out of date" not in golden_pages["wards/full-ward.md"]


def ward(extra: str) -> Ward:
    return Ward.model_validate(parse_yaml(MINIMAL_WARD + extra, "x.yml").value)


def test_a_held_meeting_or_a_report_counts_as_a_review():
    assert last_review(ward(""), NOW) is None
    reviewed = ward("""
priorities: [{id: a, title: A, agreed: 2026-01-10}]
feedback: [{date: 2026-05-01, we_did: Patrols.}]
meetings:
  - {date: 2026-07-01, start: 19:00, end: 20:00, format: online, online: 'https://x.org/'}
  - {date: 2026-09-01, start: 19:00, end: 20:00, format: online, online: 'https://x.org/',
     status: cancelled}
  - {date: 2027-01-01, start: 19:00, end: 20:00, format: online, online: 'https://x.org/'}
""")
    assert last_review(reviewed, NOW) == date(2026, 7, 1)
    assert needs_review(reviewed, NOW, 3)  # more than three months before 23 November
    assert not needs_review(reviewed, NOW, 6)


def test_three_months_means_calendar_months():
    assert months_before(date(2026, 11, 23), 3) == date(2026, 8, 23)
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2027, 1, 15), 3) == date(2026, 10, 15)

"""Dates, times and web addresses read the way residents expect (GOV.UK style)."""

from __future__ import annotations

import gettext
from datetime import date, time

import pytest

from wardpanels.i18n import ENGLISH_LANGUAGE, language
from wardpanels.text import anchor_id, slugify

clock_time = ENGLISH_LANGUAGE.clock_time
long_date = ENGLISH_LANGUAGE.long_date
when = ENGLISH_LANGUAGE.when
BENGALI = language("bn", "বাংলা", gettext.NullTranslations())


@pytest.mark.parametrize(
    ("moment", "written"),
    [
        (time(19, 0), "7pm"),
        (time(20, 30), "8:30pm"),
        (time(12, 0), "midday"),
        (time(0, 0), "midnight"),
        (time(12, 30), "12:30pm"),
        (time(9, 5), "9:05am"),
    ],
)
def test_times_are_written_the_gov_uk_way(moment, written):
    assert clock_time(moment) == written


def test_a_meeting_time_reads_as_one_phrase():
    assert when(date(2026, 2, 24), time(19), time(20, 30)) == (
        "Tuesday 24 February 2026, 7pm to 8:30pm"
    )


def test_dates_never_use_ordinals():
    assert long_date(date(2026, 3, 1)) == "Sunday 1 March 2026"


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("St Agnes's & Dockside", "st-agness-and-dockside"),
        ("Anchor & Hope Town", "anchor-and-hope-town"),
        ("St Olave's", "st-olaves"),
        ("Silk & Spice", "silk-and-spice"),
        ("Elm East", "elm-east"),
    ],
)
def test_ward_slugs(name, slug):
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("term", "anchor"),
    [
        ("PCSO", "pcso"),
        ("A&E", "a-e"),
        ("Met Engage", "met-engage"),
        ("101", "101"),
        ("দল", "দল"),
        ("ওয়ার্ড প্যানেল", "ওয়ার্ড-প্যানেল"),
    ],
)
def test_glossary_anchors(term, anchor):
    assert anchor_id(term) == anchor


def test_every_term_gets_an_anchor_of_its_own():
    assert anchor_id("&") != anchor_id("+") and anchor_id("&").startswith("term-")


def test_bengali_dates_use_cldr_names_and_bengali_digits():
    assert BENGALI.long_date(date(2026, 12, 9)) == "বুধবার, ৯ ডিসেম্বর, ২০২৬"
    assert BENGALI.clock_time(time(19, 0)) == "৭ সন্ধ্যা"
    assert BENGALI.clock_time(time(8, 30)) == "৮:৩০ সকাল"
    assert BENGALI.number(14) == "১৪"


def test_a_borough_can_choose_latin_digits_for_bengali():
    latin = language("bn", "বাংলা", gettext.NullTranslations(), digits="latn")
    assert latin.long_date(date(2026, 12, 9)) == "বুধবার, 9 ডিসেম্বর, 2026"

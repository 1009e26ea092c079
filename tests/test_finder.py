"""Which ward am I in? The finder's own script, run in Node.js over every postcode.

The matching lives in theme_overrides/assets/finder.js, which the pages load; here it runs
on the site's real data/finder.json, so a postcode that resolves here resolves for a
resident. Without Node.js (which `make test` needs for ical.js too) these tests skip.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wardpanels.postcodes import read_table

from .conftest import ROOT, Borough, node_answers

ANSWERS = ROOT / "tests" / "js" / "finder_answers.cjs"


@pytest.fixture(scope="module")
def ask(built_site: Path):
    data = built_site / "data" / "finder.json"

    def answers(queries: list[str]) -> list[dict]:
        return node_answers(ANSWERS, data, queries, "the finder's script")

    return answers


@pytest.fixture(scope="module")
def slugs_by_code(borough: Borough) -> dict[str, str]:
    from wardpanels.loading import parse_yaml

    found = {}
    for path in borough.wards.glob("*.yml"):
        code = parse_yaml(path.read_text(encoding="utf-8"), path.name).value.get("gss_code")
        found[code] = path.stem
    return found


def test_every_postcode_in_the_borough_resolves_to_its_ward_however_it_is_typed(
    ask, slugs_by_code, borough: Borough
):
    table = read_table(borough.postcodes)
    postcodes = sorted(table.wards_by_postcode)
    variants = [
        lambda p: p,  # E3 2AA
        lambda p: p.replace(" ", "").lower(),  # e32aa
        lambda p: p.replace(" ", "  "),  # E3  2AA
        lambda p: f" {p.lower()} ",  # " e3 2aa "
    ]
    queries = [variant(p) for p in postcodes for variant in variants]
    answers = ask(queries)
    wrong = [
        (query, answer)
        for query, answer, postcode in zip(
            queries, answers, [p for p in postcodes for _ in variants], strict=True
        )
        if answer["wards"] != [slugs_by_code[table.wards_by_postcode[postcode]]]
        or answer["kind"] != "postcode"
    ]
    assert wrong == []
    assert len(queries) == 4 * 3211


def test_a_sector_or_district_lists_its_wards_most_postcodes_first(ask):
    sector, district, dense = ask(["E3 2", "e14", "E32"])
    assert sector["kind"] == "sector" and sector["wards"][:2] == [
        "elm-east",
        "elm-west",
    ]
    assert district["label"] == "E14"
    assert district["wards"] == ["heron-quay", "larkhall", "ropewalk"]
    assert dense["label"] == "E3 2" and dense["wards"] == sector["wards"]


def test_a_postcode_elsewhere_gets_no_ward(ask):
    (answer,) = ask(["SW1A 1AA"])
    assert answer == {"kind": "postcode", "label": "SW1A 1AA", "wards": []}


@pytest.mark.parametrize(
    ("typed", "ward"),
    [
        ("Cable Street", "ropewalk"),
        ("Watney Market", "ropewalk"),
        ("chrisp st", "larkhall"),
        ("Aberfeldy", "larkhall"),
        ("St Olaves", "st-olaves"),
        ("St Olave's", "st-olaves"),
        ("Old Market West", "st-olaves"),
        ("old market east", "old-market"),
        ("Fish Island", "elm-east"),
        ("brick lane", "silk-and-spice"),
    ],
)
def test_streets_estates_and_names_find_the_right_ward_first(ask, typed, ward):
    (answer,) = ask([typed])
    assert answer["kind"] == "name" and answer["wards"][:1] == [ward], answer


def test_roman_road_finds_every_ward_it_runs_through(ask):
    (answer,) = ask(["Roman Road"])
    assert {"elm-east", "old-market"} <= set(answer["wards"])


def test_nothing_that_matches_gives_no_ward(ask):
    (answer,) = ask(["Buckingham Palace"])
    assert answer == {"kind": "name", "wards": []}


@pytest.mark.parametrize(
    ("typed", "ward"),
    [
        # One or two letters wrong, left out, added or swapped, in words of five or more.
        ("Cabel Street", "ropewalk"),
        ("Spitalfeilds", "silk-and-spice"),
        ("Watney Markt", "ropewalk"),
        ("Chapel Feilds", "chapel-fields"),
        ("Tredgar Squaer", "elm-west"),
        # Short forms, as on street signs.
        ("Commercial Rd", "ropewalk"),
        ("Teviot Est", "larkhall"),
        ("Tredegar Sq", "elm-west"),
        ("Hanbury St.", "silk-and-spice"),
        # A ward's or an area's name with words around it.
        ("Larkhall Road", "larkhall"),
        ("the Fish Island area", "elm-east"),
        ("Brick Lane market E1", "silk-and-spice"),
        # Names and areas in Bengali script, from the translations.
        ("এল্ম ইস্ট", "elm-east"),
        ("ব্রিক লেন", "silk-and-spice"),
        ("ফিশ আইল্যান্ড", "elm-east"),
    ],
)
def test_typos_short_forms_extra_words_and_bengali_still_find_the_ward(ask, typed, ward):
    (answer,) = ask([typed])
    assert answer["kind"] == "name" and answer["wards"][:1] == [ward], answer


def test_a_short_word_is_not_stretched_into_another(ask):
    # Four letters are too few to guess at: "Lake" is not "Lane".
    (answer,) = ask(["Wick Lake"])
    assert "elm-east" not in answer["wards"]


@pytest.mark.parametrize("typed", ["E১৪ ৯AB", "Ｅ１４ ９ＡＢ", "e১৪৯ab"])
def test_bengali_and_full_width_digits_in_a_postcode_are_read(ask, typed):
    (answer,) = ask([typed])
    assert answer == {"kind": "postcode", "label": "E14 9AB", "wards": ["heron-quay"]}


def test_an_unknown_postcode_in_a_known_sector_lists_only_that_sectors_wards(ask):
    (answer,) = ask(["E1 6AN"])
    assert answer["kind"] == "postcode" and answer["sector"] == "E1 6"
    assert answer["wards"] == ["silk-and-spice", "chapel-fields"]

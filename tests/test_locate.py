""" "Use my location": the page's own script, run in Node.js on every postcode point.

The point-in-polygon answer lives in theme_overrides/assets/locate.js, which the page loads
when the button is pressed; here it runs on the site's own data/ward-boundaries.geojson,
on the point of every postcode of the council in OS Code-Point Open
(tests/fixtures/locate/), converted from the national grid with pyproj. The outlines are
simplified, so a point may fall in the ward next door: the script must then warn (name
the wards near and ask for the postcode), never name the wrong ward as the answer.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from wardpanels.grid import from_grid

from .conftest import ROOT, Borough, node_answers

ANSWERS = ROOT / "tests" / "js" / "locate_answers.cjs"
POINTS = ROOT / "tests" / "fixtures" / "locate" / "code-point-open.csv"

Position = tuple[float, float, float]  # longitude, latitude, accuracy in metres


def locate(data: Path, positions: list[Position]) -> list[dict]:
    """What the script answers for each position, from a ward-boundaries.geojson."""
    return node_answers(ANSWERS, data, positions, "the location script")


def postcode_points() -> list[tuple[str, str, float, float]]:
    """Every postcode of the council: (postcode, its ward's code, longitude, latitude)."""
    with POINTS.open(encoding="utf-8", newline="") as rows:
        read = list(csv.DictReader(rows))
    converted = from_grid((float(row["easting"]), float(row["northing"])) for row in read)
    return [
        (row["postcode"], row["ward"], lon, lat)
        for row, (lon, lat) in zip(read, converted, strict=True)
    ]


def wrong_answers(data: Path) -> tuple[list[str], dict[str, int]]:
    """Postcodes answered with a ward not theirs and no warning, and how many of each kind."""
    points = postcode_points()
    answers = locate(data, [(lon, lat, 0) for _, _, lon, lat in points])
    wrong: list[str] = []
    kinds: dict[str, int] = {}
    for (postcode, ward, _, _), answer in zip(points, answers, strict=True):
        kinds[answer["kind"]] = kinds.get(answer["kind"], 0) + 1
        if answer["kind"] == "inside" and answer["wards"] != [ward]:
            wrong.append(f"{postcode}: {answer['wards']} not {ward}")
    return wrong, kinds


def test_no_postcode_point_is_answered_with_a_wrong_ward_without_a_warning(
    built_site: Path, borough: Borough
):
    wrong, kinds = wrong_answers(built_site / "data" / "ward-boundaries.geojson")
    assert wrong == []
    # Not an empty promise: most points get a plain answer, the rest a warning.
    assert sum(kinds.values()) > 5000 and kinds["inside"] > 1500
    assert kinds["near"] > 0 and kinds["edge"] > 0 and kinds["outside"] > 0


def test_every_point_of_a_ward_on_the_map_is_answered_with_that_ward(
    built_site: Path, borough: Borough
):
    """Named plainly, or among the wards near (a point on the map is never "outside")."""
    data = built_site / "data" / "ward-boundaries.geojson"
    drawn = {f["properties"]["code"] for f in json.loads(data.read_text())["features"]}
    points = [point for point in postcode_points() if point[1] in drawn]
    answers = locate(data, [(lon, lat, 0) for _, _, lon, lat in points])
    missed = [
        point[0]
        for point, answer in zip(points, answers, strict=True)
        if point[1] not in answer["wards"]
    ]
    assert points and missed == []


def test_a_rough_position_or_one_far_away_is_said_plainly(built_site: Path):
    data = built_site / "data" / "ward-boundaries.geojson"
    first = json.loads(data.read_text())["features"][0]["geometry"]["coordinates"][0][0]
    answers = locate(
        data,
        [
            (first[0], first[1], 5000),  # known only to 5 km
            (-3.19, 55.95, 10),  # Edinburgh
            (first[0], first[1], 10),  # on a ward's corner
        ],
    )
    assert [answer["kind"] for answer in answers] == ["rough", "outside", "near"]

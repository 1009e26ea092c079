"""Ward boundaries: `wardpanels boundaries` imports ONS GeoJSON for any council, the
committed files are checked line by line, and the map of the wards is drawn from them."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path

import pytest

from wardpanels.boundaries import BOUNDARIES_FILE, SOURCE_FILE, read_boundaries
from wardpanels.boundaries_import import main as import_main
from wardpanels.grid import from_grid
from wardpanels.i18n import ENGLISH_LANGUAGE
from wardpanels.pages import render_pages
from wardpanels.settings import read_settings
from wardpanels.site import load_site
from wardpanels.wardmap import drawn

from .conftest import NOW, ROOT, Borough, copy_borough

ONS_FILE = Path(__file__).parent / "fixtures" / "boundaries" / "ons-wards.geojson"


def run_import(*arguments: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = import_main([str(a) for a in arguments])
    return status, capsys.readouterr().err


def test_an_ons_file_gives_one_councils_wards_one_a_line_the_same_every_time(tmp_path, capsys):
    for out in ("first", "second"):
        status, _ = run_import(
            ONS_FILE, "--council", "E09900001", "--out", tmp_path / out, capsys=capsys
        )
        assert status == 0
    written = (tmp_path / "first" / BOUNDARIES_FILE).read_bytes()
    assert written == (tmp_path / "second" / BOUNDARIES_FILE).read_bytes()
    lines = written.decode().splitlines()
    assert [json.loads(line.rstrip(","))["properties"] for line in lines[1:-1]] == [
        {"code": "E05900001", "name": "Ropeyard"},
        {"code": "E05900002", "name": "Quayside"},
    ]
    source = (tmp_path / "first" / SOURCE_FILE).read_text(encoding="utf-8")
    assert 'council: "E09900001"' in source and 'edition: "2024"' in source
    assert "Open Government Licence v3.0" in source and "© Crown copyright" in source
    boundaries, problems = read_boundaries(tmp_path / "first", "boundaries")
    assert problems == [] and boundaries is not None


def test_simplifying_keeps_a_shared_line_one_line(tmp_path, capsys):
    """The wiggle (under a metre) goes in both wards alike: no gap, no overlap."""
    run_import(ONS_FILE, "--council", "E09900001", "--out", tmp_path, capsys=capsys)
    boundaries, _ = read_boundaries(tmp_path, "boundaries")
    assert boundaries is not None
    west, east = (set(shape.polygons[0][0]) for shape in boundaries.wards)
    shared = sorted(west & east)
    assert shared == [(-0.04, 51.5), (-0.04, 51.51)]
    assert all(len(shape.polygons[0][0]) == 5 for shape in boundaries.wards)  # four corners


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"type": "FeatureCollection",\n "features": [}', r"wards\.geojson:2: not JSON"),
        (
            '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":'
            '{"WD24CD":"E05900001","WD24NM":"A","LAD24CD":"E09900001"},'
            '"geometry":{"type":"Point","coordinates":[0,51]}}]}',
            r"wards\.geojson:2: E05900001: the geometry must be a Polygon or MultiPolygon",
        ),
        (
            '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":'
            '{"WD24CD":"E05900001","WD24NM":"A","LAD24CD":"E09900001"},"geometry":'
            '{"type":"Polygon","coordinates":[[[0,51],[1,51],[1,52],[0,51.5]]]}}]}',
            r"wards\.geojson:2: E05900001: a ring is not closed",
        ),
        (
            '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":'
            '{"OBJECTID":1},"geometry":null}]}',
            r"wards\.geojson:2: expected the ward's code and name .* \(found: OBJECTID\)",
        ),
        (
            '{"type":"FeatureCollection","features":[\n{"type":"Feature","properties":'
            '{"WD24CD":"E05900001","WD24NM":"A","LAD24CD":"E09900009"},"geometry":null}]}',
            r"no ward of council E09900001 in this file",
        ),
    ],
)
def test_input_that_cannot_be_used_is_named_by_file_and_line(tmp_path, capsys, text, expected):
    given = tmp_path / "wards.geojson"
    given.write_text(text, encoding="utf-8")
    status, message = run_import(
        given, "--council", "E09900001", "--out", tmp_path / "out", capsys=capsys
    )
    assert status == 1 and re.search(expected, message), message
    assert "Traceback" not in message and not (tmp_path / "out").exists()


def test_a_file_without_a_council_column_takes_the_councils_wards_from_its_postcodes(
    tmp_path, capsys, borough: Borough
):
    """As the republished ONS file in the project's history has it: `code` and `name_2020`."""
    features = json.loads(ONS_FILE.read_text(encoding="utf-8"))["features"]
    codes = sorted(borough.boundaries.joinpath(BOUNDARIES_FILE).read_text().split('"code":"')[1:])
    code = codes[0][:9]  # a ward of the fixture borough's postcode table
    feature = {**features[0], "properties": {"code": code, "name_2020": "Old Name"}}
    other = {**features[1], "properties": {"code": "E05900001", "name_2020": "Elsewhere"}}
    given = tmp_path / "republished.geojson"
    given.write_text(json.dumps({"type": "FeatureCollection", "features": [feature, other]}))
    status, message = run_import(given, "--council", "E09000030", capsys=capsys)
    assert status == 1 and "give --postcodes" in message
    status, _ = run_import(
        given,
        "--council",
        "E09000030",
        "--edition",
        "December 2020",
        "--postcodes",
        borough.postcodes,
        "--out",
        tmp_path / "out",
        capsys=capsys,
    )
    boundaries, _ = read_boundaries(tmp_path / "out", "out")
    assert status == 0 and boundaries is not None
    assert [(shape.code, shape.name) for shape in boundaries.wards] == [(code, "Old Name")]


def test_the_committed_files_are_checked_line_by_line(tmp_path, borough: Borough):
    folder = tmp_path / "boundaries"
    shutil.copytree(borough.boundaries, folder)
    lines = (folder / BOUNDARIES_FILE).read_text(encoding="utf-8").splitlines()
    lines[3] = lines[2]  # the ward on line 3, again on line 4
    (folder / BOUNDARIES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = read_boundaries(folder, "boundaries")
    assert [(p.file, p.line, p.field) for p in problems] == [
        ("boundaries/wards.geojson", 4, "code")
    ]
    assert "is here twice (first on line 3)" in problems[0].message
    del lines[3]  # now one ward is missing
    (folder / BOUNDARIES_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, problems = read_boundaries(folder, "boundaries")
    assert [(p.file, p.line, p.field) for p in problems] == [("boundaries/source.yml", 10, "wards")]
    assert problems[0].message == "says 9 wards, but wards.geojson has 8"


OGL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


@pytest.mark.parametrize(
    ("file", "old", "new", "expected"),
    [
        (  # json.loads ran out of stack: a traceback
            BOUNDARIES_FILE,
            None,
            '{"type": "FeatureCollection", "features": ' + "[" * 100_000 + "]" * 100_000 + "}",
            "boundaries/wards.geojson:1:1: lists are nested far deeper than in any boundary file",
        ),
        (  # was "a ring is not closed"
            BOUNDARIES_FILE,
            "[[[-0.03704,51.52425]",
            "[[[NaN,51.52425]",
            "boundaries/wards.geojson:2:1: geometry: E05009317: [NaN, 51.52425] is not a point "
            "[x, y]",
        ),
        (  # an escape passes the file's gate
            BOUNDARIES_FILE,
            '"name":"Bethnal Green"',
            '"name":"Bethnal\\u202eGreen"',
            "boundaries/wards.geojson:2:1: name: E05009317's name holds an invisible character "
            "(right-to-left override, U+202E)",
        ),
        (  # the licence is a link on every page with the map
            SOURCE_FILE,
            OGL,
            OGL.replace("nationalarchives", "nati\u043enalarchives"),
            "boundaries/source.yml:6:14: licence_url: the link '"
            + OGL.replace("nationalarchives", "nati\u043enalarchives")
            + "' names a site in letters that look like 'www.nationalarchives.gov.uk' but are "
            "not; write the site's own address",
        ),
    ],
)
def test_a_committed_file_that_cannot_be_used_says_why_at_its_line(
    tmp_path, borough: Borough, file, old, new, expected
):
    folder = tmp_path / "boundaries"
    shutil.copytree(borough.boundaries, folder)
    text = (folder / file).read_text(encoding="utf-8")
    (folder / file).write_text(new if old is None else text.replace(old, new, 1), "utf-8")
    _, problems = read_boundaries(folder, "boundaries")
    assert [p.plain() for p in problems] == [expected]


@pytest.fixture
def site_without_one_polygon(tmp_path):
    """The fixture borough with Ropewalk's polygon (E05009332) taken out."""
    copied = copy_borough(tmp_path / "borough")
    path = copied.boundaries / BOUNDARIES_FILE
    kept = [line for line in path.read_text().splitlines() if '"code":"E05009332"' not in line]
    kept[-2] = kept[-2].rstrip(",")
    path.write_text("\n".join(kept) + "\n")
    source = copied.boundaries / SOURCE_FILE
    source.write_text(source.read_text().replace("wards: 9", "wards: 8"))
    settings = read_settings(ROOT / "mkdocs.yml")
    return load_site(copied.sources(), settings, NOW, read_history=False), settings


def test_a_ward_without_a_polygon_is_in_the_list_not_the_map_with_a_warning(
    site_without_one_polygon,
):
    site, settings = site_without_one_polygon
    warnings = [w.plain() for w in site.warnings if "map of the wards" in w.message]
    assert len(warnings) == 1 and warnings[0].startswith("wards/ropewalk.yml:")
    assert "has no polygon for E05009332" in warnings[0]
    page = next(
        str(o.content)
        for o in render_pages(site, settings, ENGLISH_LANGUAGE)
        if o.path == "wards/index.md"
    )
    figure = re.search(r'<figure class="wp-map".*?</figure>', page, re.S)
    assert figure is not None
    drawn_names = re.findall(
        r'<a href="[^"]+" class="wp-map__ward[^"]*" aria-label="\d+ ([^"]+)"', figure[0]
    )
    listed = re.findall(
        r'<li><span class="wp-map__number">(\d*)</span> <a href="([^"]+)">', figure[0]
    )
    assert len(drawn_names) == 8 and "Ropewalk" not in drawn_names
    assert len(listed) == 9 and ("", "ropewalk/") in listed
    assert "Office for National Statistics" in figure[0] and "Open Government Licence" in figure[0]
    assert len(gzip.compress(figure[0].encode(), 9)) <= 15 * 1024
    assert "<script" not in figure[0]


def test_the_map_is_drawn_to_the_national_grid_not_raw_longitude_and_latitude(borough):
    """A square kilometre of the grid is drawn square (in raw degrees it would be 1.6 times
    as wide as tall in London)."""
    from wardpanels.boundaries import Boundaries, WardShape

    real, _ = read_boundaries(borough.boundaries, "boundaries")
    assert real is not None
    corners = from_grid([(530000, 180000), (531000, 180000), (531000, 181000), (530000, 181000)])
    square = WardShape("E05900001", "Square", ((((*corners, corners[0])),),))
    drawing = drawn(Boundaries(real.source, (square,)))
    assert (drawing.width, drawing.height) == (101, 101)


def test_boundaries_of_other_wards_give_no_map_no_button_and_no_data(tmp_path, capsys):
    """Another borough's wards built with these boundaries: nothing half drawn."""
    from wardpanels.render import render_site

    copied = copy_borough(tmp_path / "borough")
    shutil.rmtree(copied.boundaries)
    run_import(ONS_FILE, "--council", "E09900001", "--out", copied.boundaries, capsys=capsys)
    settings = read_settings(ROOT / "mkdocs.yml")
    site = load_site(copied.sources(), settings, NOW, read_history=False)
    outputs = {o.path: o.content for o in render_site(site, settings)}
    assert "data/ward-boundaries.geojson" not in outputs
    for page in ("index.md", "wards/index.md", "bn/wards/index.md"):
        assert "wp-map" not in str(outputs[page]) and "wp-locate" not in str(outputs[page])


def test_the_open_data_page_credits_the_boundaries_and_links_to_them(borough: Borough):
    settings = read_settings(ROOT / "mkdocs.yml")
    site = load_site(borough.sources(), settings, NOW, read_history=False)
    page = next(
        str(o.content)
        for o in render_pages(site, settings, ENGLISH_LANGUAGE)
        if o.path == "data/index.md"
    )
    section = page[page.index("## Ward boundaries") :]
    assert "[ward-boundaries.geojson](ward-boundaries.geojson)" in section
    assert "- Source: Office for National Statistics licensed under the Open Government" in section
    assert "- Contains OS data © Crown copyright and database right 2020" in section


def test_a_folder_that_cannot_be_written_is_said_plainly(tmp_path, capsys):
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    status, err = run_import(
        ONS_FILE, "--council", "E09900001", "--out", tmp_path / "taken", capsys=capsys
    )
    assert status == 1
    assert err.startswith(f"{tmp_path / 'taken'} could not be written (")
    assert "Traceback" not in err

"""Residents find their ward from a postcode, offline, from the committed postcode table."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from wardpanels.cli import main as wardpanels_main
from wardpanels.postcodes import (
    CODE_POINT_OPEN,
    NSPL,
    OGL_URL,
    ONSPD,
    PostcodeSource,
    PostcodeSourceError,
    PostcodeTable,
    browser_data,
    decode,
    extract,
    index_digits,
    main,
    normalise,
    read_table,
    ward_index,
    write_table,
)

from .conftest import BOROUGH, MINIMAL_WARD

COMMITTED = BOROUGH / "postcodes"  # a table as `wardpanels postcodes` writes it
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "postcodes"
TOWER_HAMLETS = "E09000030"
TOWER_HAMLETS_WARDS = {f"E050093{n}" for n in range(17, 37)}

# The live Tower Hamlets postcodes every fixture holds. Each also holds a City of London
# and a Hackney postcode, and the ONS files a terminated Tower Hamlets one (E14 9ZZ).
FIXTURE_WARDS = {
    "E1 0AA": "E05009332",
    "E1W 1AA": "E05009330",
    "E14 2BG": "E05009328",
    "E3 2AA": "E05009319",
}


@pytest.fixture(scope="module")
def committed() -> PostcodeTable:
    return read_table(COMMITTED)


def small_table(wards: dict[str, str]) -> PostcodeTable:
    source = PostcodeSource(
        TOWER_HAMLETS, CODE_POINT_OPEN, "2025", "OGL", OGL_URL, ("Contains data",), len(wards)
    )
    return PostcodeTable(source, wards)


# Reading what residents type.


@pytest.mark.parametrize("typed", ["E3 2AA", "e32aa", " E3  2AA ", "e3 2aa", "E3\t2AA", "E32AA"])
def test_a_postcode_is_read_in_any_case_and_spacing(typed: str) -> None:
    assert normalise(typed) == "E3 2AA"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ec2m4aa", "EC2M 4AA"),
        ("E1W1AA", "E1W 1AA"),
        ("sw1a 1aa", "SW1A 1AA"),
        ("E1  6AN", "E1 6AN"),
    ],
)
def test_every_shape_of_outward_code_is_read(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "E3", "E3 2", "E3 2A", "E3 2AAA", "32AA", "E3-2AA", "hello", "E3 \uff12AA", "EEE3 2AA"],
)
def test_anything_but_a_whole_postcode_is_not_a_postcode(typed: str) -> None:
    assert normalise(typed) is None


# Building the table from the national files.


@pytest.mark.parametrize(
    ("files", "source", "edition", "first_line"),
    [
        (
            ["ONSPD_FEB_2023_UK.csv"],
            ONSPD,
            "February 2023",
            "Contains OS data © Crown copyright and database right 2023",
        ),
        (
            ["ONSPD_MAY_2025_UK.csv"],
            ONSPD,
            "May 2025",
            "Contains OS data © Crown copyright and database right 2025",
        ),
        (
            ["NSPL_AUG_2020_UK.csv"],
            NSPL,
            "August 2020",
            "Contains OS data © Crown copyright and database right 2020",
        ),
        (
            ["NSPL_MAY_2025_UK.csv"],
            NSPL,
            "May 2025",
            "Contains OS data © Crown copyright and database right 2025",
        ),
    ],
)
def test_ons_files_give_the_councils_live_postcodes(
    files: list[str], source: str, edition: str, first_line: str
) -> None:
    table = extract([FIXTURES / name for name in files], TOWER_HAMLETS)
    assert dict(table.wards_by_postcode) == FIXTURE_WARDS
    assert (table.source.source, table.source.edition) == (source, edition)
    assert table.source.attribution[0] == first_line
    assert table.source.attribution[-1] == (
        "Source: Office for National Statistics licensed under the Open Government Licence v.3.0"
    )
    assert (table.source.council, table.source.postcodes) == (TOWER_HAMLETS, 4)


def test_code_point_open_is_read_from_one_file_per_postcode_area() -> None:
    table = extract([FIXTURES / "e.csv", FIXTURES / "ec.csv"], TOWER_HAMLETS, edition="2025")
    assert dict(table.wards_by_postcode) == {**FIXTURE_WARDS, "EC2M 4AA": "E05009333"}
    assert table.source.source == CODE_POINT_OPEN
    assert table.source.attribution == (
        "Contains Ordnance Survey data © Crown copyright and database right 2025.",
        "Contains Royal Mail data © Royal Mail copyright and database right 2025.",
        "Contains National Statistics data © Crown copyright and database right 2025.",
    )


def test_terminated_postcodes_and_other_councils_are_left_out() -> None:
    table = extract([FIXTURES / "ONSPD_FEB_2023_UK.csv"], TOWER_HAMLETS)
    assert table.ward_of("E14 9ZZ") is None  # terminated in December 2010
    assert table.ward_of("E1 6AN") is None  # City of London
    assert table.ward_of("E2 7DD") is None  # Hackney
    city = extract([FIXTURES / "ONSPD_FEB_2023_UK.csv"], "E09000001")
    assert dict(city.wards_by_postcode) == {"E1 6AN": "E05009292"}


def test_code_point_open_edition_is_read_from_its_doc_folder(tmp_path: Path) -> None:
    (tmp_path / "Data" / "CSV").mkdir(parents=True)
    (tmp_path / "Doc").mkdir()
    shutil.copy(FIXTURES / "e.csv", tmp_path / "Data" / "CSV" / "e.csv")
    (tmp_path / "Doc" / "metadata.txt").write_text(
        "ORDNANCE SURVEY\nPRODUCT: OS CODE-POINT_03.02\nDATASET VERSION NUMBER: 2025.2.0\n"
        "COPYRIGHT DATE: 20250422\nRM UPDATE DATE: 20250417\n      AB\t17389\n",
        encoding="latin-1",
    )
    table = extract([tmp_path / "Data" / "CSV" / "e.csv"], TOWER_HAMLETS)
    assert table.source.edition == (
        "2025.2.0 (copyright date 2025-04-22, Royal Mail data of 2025-04-17)"
    )
    assert table.source.attribution[0].endswith("database right 2025.")


def test_a_file_of_unknown_format_is_refused_naming_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "addresses.csv"
    path.write_text("name,street\nTown Hall,Chapel Fields Road\n", encoding="utf-8")
    with pytest.raises(PostcodeSourceError, match=r"addresses\.csv:1: not an ONS Postcode"):
        extract([path], TOWER_HAMLETS)


def test_a_council_row_without_a_ward_code_is_refused_naming_the_file_and_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "e.csv"
    rows = (FIXTURES / "e.csv").read_text(encoding="utf-8").splitlines()
    rows[4] = rows[4].replace('"E05009328"', '""')
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(PostcodeSourceError, match=r"e\.csv:5: E14 2BG has no ward code"):
        extract([path], TOWER_HAMLETS, edition="2025")


def test_an_ons_header_without_a_ward_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "NSPL_MAY_2025_UK.csv"
    text = (FIXTURES / "NSPL_MAY_2025_UK.csv").read_text(encoding="utf-8")
    path.write_text(text.replace("wd25cd", "wdcode"), encoding="utf-8")
    with pytest.raises(PostcodeSourceError, match=r":1: .*no column for the ward"):
        extract([path], TOWER_HAMLETS)


def test_files_of_different_kinds_are_not_mixed() -> None:
    files = [FIXTURES / "NSPL_MAY_2025_UK.csv", FIXTURES / "ONSPD_MAY_2025_UK.csv"]
    with pytest.raises(PostcodeSourceError, match="give files of one kind"):
        extract(files, TOWER_HAMLETS)


def test_a_council_with_no_postcodes_in_the_files_is_an_error() -> None:
    with pytest.raises(PostcodeSourceError, match="no live postcodes of council E09000025"):
        extract([FIXTURES / "ONSPD_FEB_2023_UK.csv"], "E09000025")


def test_an_edition_without_a_year_is_refused() -> None:
    with pytest.raises(PostcodeSourceError, match="has no year"):
        extract([FIXTURES / "e.csv"], TOWER_HAMLETS, edition="latest")


def test_the_command_writes_the_table_and_says_how_to_rerun_it(tmp_path: Path) -> None:
    out = tmp_path / "postcodes"
    files = [str(FIXTURES / "e.csv"), str(FIXTURES / "ec.csv")]
    assert main([*files, "--council", TOWER_HAMLETS, "--edition", "2025", "--out", str(out)]) == 0
    first = (out / "source.yml").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Written by `wardpanels postcodes`")
    assert "wardpanels postcodes --council E09000030" in first
    assert read_table(out).wards_by_postcode["EC2M 4AA"] == "E05009333"


# The committed table for Tower Hamlets.


def test_every_committed_postcode_finds_its_ward_however_it_is_typed(
    committed: PostcodeTable,
) -> None:
    for postcode, ward in committed.wards_by_postcode.items():
        outward, inward = postcode.split(" ")
        for typed in (postcode.lower(), outward + inward, f"  {outward}   {inward} "):
            assert normalise(typed) == postcode
            assert committed.ward_of(typed) == ward


def test_the_committed_files_are_exactly_as_write_table_writes_them(
    committed: PostcodeTable, tmp_path: Path
) -> None:
    write_table(committed, tmp_path)
    for name in ("postcodes.csv", "source.yml"):
        assert (tmp_path / name).read_bytes() == (COMMITTED / name).read_bytes()
    data = (COMMITTED / "postcodes.csv").read_bytes()
    lines = data.decode("utf-8").split("\n")
    assert lines[0] == "postcode,ward" and lines[-1] == ""
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")
    assert lines[1:-1] == sorted(lines[1:-1])


def test_a_postcode_outside_the_borough_has_no_ward(committed: PostcodeTable) -> None:
    assert committed.ward_of("E1 6AN") is None  # City of London
    assert committed.ward_of("not a postcode") is None


# Sectors and districts.


def test_a_sectors_wards_come_most_postcodes_first_then_by_code() -> None:
    table = small_table(
        {
            "E3 2AA": "E05009320",
            "E3 2AB": "E05009319",
            "E3 2AD": "E05009321",
            "E3 2AE": "E05009321",
            "E3 3AA": "E05009320",
        }
    )
    expected = [("E05009321", 2), ("E05009319", 1), ("E05009320", 1)]
    assert table.sector_wards("E3 2") == expected
    assert table.sector_wards(" e3  2 ") == expected
    assert table.sector_wards("E3 9") == []


def test_districts_come_in_the_order_people_read_them(committed: PostcodeTable) -> None:
    assert committed.districts() == [
        "E1", "E1W", "E2", "E3", "E8", "E9", "E14", "E15", "E20", "E22", "EC2M", "EC3N",
    ]  # fmt: skip


def test_each_districts_sectors_come_in_order_and_cover_every_postcode_once(
    committed: PostcodeTable,
) -> None:
    assert [sector for sector, _ in committed.district_sectors("E14")] == [
        f"E14 {digit}" for digit in (0, 3, 4, 5, 6, 7, 8, 9)
    ]
    assert committed.district_sectors("e3")[0] == ("E3 2", committed.sector_wards("E3 2"))
    total = sum(
        count
        for district in committed.districts()
        for _, wards in committed.district_sectors(district)
        for _, count in wards
    )
    assert total == len(committed)
    assert committed.district_sectors("E12") == []


# The finder's download.


def test_the_browser_data_packs_a_postcode_as_unit_letters_and_ward_index() -> None:
    table = small_table({"E3 2AA": "E05009320", "E3 2AB": "E05009336", "E14 0AA": "E05009320"})
    data = browser_data(table, {"E05009320": 5, "E05009336": 35})
    assert data == {"E14 0": "AA5", "E3 2": "AA5ABz"}


def test_the_browser_data_round_trips_every_committed_postcode(
    committed: PostcodeTable,
) -> None:
    index = ward_index(committed)
    data = browser_data(committed, index)
    assert decode(data) == {
        postcode: index[ward] for postcode, ward in committed.wards_by_postcode.items()
    }


def test_the_browser_data_is_under_20_kb_gzipped(committed: PostcodeTable) -> None:
    text = json.dumps(browser_data(committed, ward_index(committed)), separators=(",", ":"))
    assert len(gzip.compress(text.encode("utf-8"), compresslevel=9)) < 20 * 1024


def test_postcodes_of_wards_the_site_does_not_have_are_left_out() -> None:
    table = small_table({"E3 2AA": "E05009320", "E3 2AB": "E05009336"})
    assert browser_data(table, {"E05009336": 0}) == {"E3 2": "AB0"}


def test_more_than_36_wards_take_two_characters_each() -> None:
    table = small_table({"E3 2AA": "E05009320", "E3 2AB": "E05009336"})
    index = {"E05009320": 36, "E05009336": 1, **{f"E0590{n:04d}": n for n in range(40)}}
    data = browser_data(table, index)
    assert data == {"E3 2": "AA10AB01"}
    assert decode(data, index_digits(index)) == {"E3 2AA": 36, "E3 2AB": 1}


# A committed table that has gone wrong.


@pytest.mark.parametrize(
    ("rows", "line", "message"),
    [
        ("E1 0AA,E05009332\nE1 0A,E05009332\n", 3, "'E1 0A' is not a postcode"),
        ("E1 0AA,E05009332\ne1 0ad,E05009332\n", 3, "write 'e1 0ad' as 'E1 0AD'"),
        ("E1 0AA,E05009332\nE1 0AD,E5009332\n", 3, "'E5009332' is not a ward code"),
        ("E1 0AA,E05009332\nE1 0AA,E05009333\n", 3, "E1 0AA is listed twice .first on line 2"),
        ("E1 0AA,E05009332,Limehouse\n", 2, "expected 'postcode,ward', found 3"),
    ],
)
def test_a_malformed_committed_row_is_reported_with_its_file_and_line(
    tmp_path: Path, rows: str, line: int, message: str
) -> None:
    folder = tmp_path / "postcodes"
    folder.mkdir()
    shutil.copy(COMMITTED / "source.yml", folder / "source.yml")
    (folder / "postcodes.csv").write_text("postcode,ward\n" + rows, encoding="utf-8")
    with pytest.raises(PostcodeSourceError, match=rf"^postcodes/postcodes\.csv:{line}: {message}"):
        read_table(folder)


def test_a_committed_table_without_its_header_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "postcodes"
    folder.mkdir()
    shutil.copy(COMMITTED / "source.yml", folder / "source.yml")
    (folder / "postcodes.csv").write_text("E1 0AA,E05009332\n", encoding="utf-8")
    with pytest.raises(PostcodeSourceError, match=r"^postcodes/postcodes\.csv:1: the first line"):
        read_table(folder)


def test_a_committed_table_that_is_a_link_is_not_read(tmp_path: Path) -> None:
    folder = tmp_path / "postcodes"
    folder.mkdir()
    shutil.copy(COMMITTED / "source.yml", folder / "source.yml")
    (folder / "postcodes.csv").symlink_to(COMMITTED / "postcodes.csv")
    with pytest.raises(PostcodeSourceError, match=r"^postcodes/postcodes\.csv:1: this is not a"):
        read_table(folder)


def test_a_count_that_disagrees_with_the_table_is_reported_in_source_yml(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "postcodes"
    write_table(small_table({"E3 2AA": "E05009320"}), folder)
    text = (folder / "source.yml").read_text(encoding="utf-8")
    (folder / "source.yml").write_text(text.replace("postcodes: 1", "postcodes: 2"), "utf-8")
    line = text.splitlines().index("postcodes: 1") + 1
    with pytest.raises(PostcodeSourceError, match=rf"^postcodes/source\.yml:{line}: says 2"):
        read_table(folder)


def test_a_source_yml_without_attribution_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "postcodes"
    write_table(small_table({"E3 2AA": "E05009320"}), folder)
    text = (folder / "source.yml").read_text(encoding="utf-8")
    kept = [line for line in text.splitlines() if not line.startswith("  - ")]
    (folder / "source.yml").write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(PostcodeSourceError, match=r"^postcodes/source\.yml:\d+: attribution"):
        read_table(folder)


def test_the_readmes_own_command_is_accepted(tmp_path: Path) -> None:
    out = tmp_path / "postcodes"
    command = ["postcodes", "--council", TOWER_HAMLETS, "--edition", "2025", "--out", str(out)]
    assert wardpanels_main([*command, str(FIXTURES / "e.csv")]) == 0
    assert read_table(out).wards_by_postcode["E3 2AA"] == "E05009319"


def test_a_device_or_an_endless_line_is_never_read_without_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    endless = tmp_path / "endless.csv"
    endless.write_text("x" * 100_000, encoding="utf-8")
    for given in ("/dev/zero", str(endless)):
        assert main([given, "--council", TOWER_HAMLETS, "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "/dev/zero: is not a file" in err and f"{endless}:1: this line is over 4096" in err
    assert not (tmp_path / "out").exists()


def test_a_licence_link_that_is_not_a_web_address_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "postcodes"
    write_table(small_table({"E3 2AA": "E05009320"}), folder)
    text = (folder / "source.yml").read_text(encoding="utf-8")
    (folder / "source.yml").write_text(text.replace(OGL_URL, "javascript:alert(1)"), "utf-8")
    with pytest.raises(PostcodeSourceError, match=r"^postcodes/source\.yml:6: licence_url: "):
        read_table(folder)


def test_a_postcode_far_from_the_others_is_warned_about_at_its_line(project, capsys) -> None:
    rows = {
        f"E3 {n}A{letter}": "E05009319" for n in range(2, 8) for letter in "ABDEFGHJLNPQRSTUWXYZ"
    }
    write_table(small_table({**rows, "TR1 1AA": "E05009319"}), project.root / "postcodes")
    project("wards/example.yml", MINIMAL_WARD + "gss_code: E05009319\n")
    assert wardpanels_main(["validate", "--root", str(project.root), "--verbose"]) == 0
    line = 2 + sorted([*rows, "TR1 1AA"]).index("TR1 1AA")
    assert (
        f"postcodes/postcodes.csv: 1 warning\n  line {line}: TR1 1AA is far from the table's "
        "other postcodes" in capsys.readouterr().out
    )

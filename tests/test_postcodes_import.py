"""`wardpanels postcodes`: one council's postcode table, from the national open files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from wardpanels.cli import main as wardpanels_main
from wardpanels.postcodes import PostcodeSourceError, read_table
from wardpanels.postcodes_import import (
    CODE_POINT_OPEN,
    NSPL,
    ONSPD,
    extract,
    main,
    write_table,
)

from .conftest import BOROUGH

COMMITTED = BOROUGH / "postcodes"  # a table as `wardpanels postcodes` writes it
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "postcodes"
TOWER_HAMLETS = "E09000030"

# The live Tower Hamlets postcodes every fixture holds. Each also holds a City of London
# and a Hackney postcode, and the ONS files a terminated Tower Hamlets one (E14 9ZZ).
FIXTURE_WARDS = {
    "E1 0AA": "E05009332",
    "E1W 1AA": "E05009330",
    "E14 2BG": "E05009328",
    "E3 2AA": "E05009319",
}


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
    gone = {"E14 9ZZ", "E1 6AN", "E2 7DD"}  # terminated in 2010; City of London; Hackney
    assert gone.isdisjoint(table.wards_by_postcode)
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


def test_the_committed_files_are_exactly_as_write_table_writes_them(
    tmp_path: Path,
) -> None:
    write_table(read_table(COMMITTED), tmp_path)
    for name in ("postcodes.csv", "source.yml"):
        assert (tmp_path / name).read_bytes() == (COMMITTED / name).read_bytes()
    data = (COMMITTED / "postcodes.csv").read_bytes()
    lines = data.decode("utf-8").split("\n")
    assert lines[0] == "postcode,ward" and lines[-1] == ""
    assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf")
    assert lines[1:-1] == sorted(lines[1:-1])


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

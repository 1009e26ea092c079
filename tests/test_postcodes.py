"""The committed postcode table the build reads: postcodes as data files write them, the
table's sectors and districts, the finder's download, and a table that has gone wrong."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from wardpanels.cli import main as wardpanels_main
from wardpanels.postcodes import (
    OGL_URL,
    PostcodeSource,
    PostcodeSourceError,
    PostcodeTable,
    browser_data,
    index_digits,
    normalise,
    read_table,
)
from wardpanels.postcodes_import import CODE_POINT_OPEN, write_table

from .conftest import BOROUGH, MINIMAL_WARD, ROOT, node_answers

COMMITTED = BOROUGH / "postcodes"  # a table as `wardpanels postcodes` writes it
TOWER_HAMLETS = "E09000030"
# What reads as a whole postcode: one table for normalise() and for the finder's script.
SHAPES = json.loads((ROOT / "tests" / "fixtures" / "postcode_shapes.json").read_text("utf-8"))
FINDER = ROOT / "tests" / "js" / "finder_answers.cjs"


@pytest.fixture(scope="module")
def committed() -> PostcodeTable:
    return read_table(COMMITTED)


def small_table(wards: dict[str, str]) -> PostcodeTable:
    source = PostcodeSource(
        TOWER_HAMLETS, CODE_POINT_OPEN, "2025", "OGL", OGL_URL, ("Contains data",), len(wards)
    )
    return PostcodeTable(source, wards)


def finder_answers(tmp_path: Path, data: dict[str, object], queries: list[str]) -> list[dict]:
    """What the site's finder script answers, in Node.js, from a finder.json of `data`."""
    path = tmp_path / "finder.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return node_answers(FINDER, path, queries, "the finder's script")


# What reads as a postcode, by both readers.


def test_data_files_postcodes_are_read_as_the_shared_table_says() -> None:
    read = {typed: normalise(typed) for typed, _ in SHAPES["both"]}
    assert read == dict(SHAPES["both"])
    refused = [typed for typed, _ in SHAPES["finder_only"]] + SHAPES["neither"]
    assert {typed: normalise(typed) for typed in refused} == dict.fromkeys(refused)


def test_the_finders_script_reads_typed_postcodes_as_the_shared_table_says(
    tmp_path: Path,
) -> None:
    read = SHAPES["both"] + SHAPES["finder_only"]
    queries = [typed for typed, _ in read] + SHAPES["neither"]
    answers = finder_answers(tmp_path, {"wards": [], "postcodes": {}, "digits": 1}, queries)
    labels = {
        query: answer["label"] if answer["kind"] == "postcode" else None
        for query, answer in zip(queries, answers, strict=True)
    }
    assert labels == {**dict(read), **dict.fromkeys(SHAPES["neither"])}


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
    assert committed.district_sectors("E3")[0] == ("E3 2", committed.sector_wards("E3 2"))
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


def test_the_browser_data_is_under_20_kb_gzipped(committed: PostcodeTable) -> None:
    index = {ward: number for number, ward in enumerate(sorted(committed.wards()))}
    text = json.dumps(browser_data(committed, index), separators=(",", ":"))
    assert len(gzip.compress(text.encode("utf-8"), compresslevel=9)) < 20 * 1024


def test_postcodes_of_wards_the_site_does_not_have_are_left_out() -> None:
    table = small_table({"E3 2AA": "E05009320", "E3 2AB": "E05009336"})
    assert browser_data(table, {"E05009336": 0}) == {"E3 2": "AB0"}


def test_more_than_36_wards_take_two_characters_each_and_the_finder_reads_them(
    tmp_path: Path,
) -> None:
    table = small_table({"E3 2AA": "E05009320", "E3 2AB": "E05009336"})
    index = {"E05009320": 36, "E05009336": 1, **{f"E0590{n:04d}": n for n in range(40)}}
    data = browser_data(table, index)
    assert data == {"E3 2": "AA10AB01"}
    wards = [{"slug": f"ward-{n}", "name": "", "former": [], "areas": []} for n in range(40)]
    found = {"wards": wards, "postcodes": data, "digits": index_digits(index)}
    answers = finder_answers(tmp_path, found, ["E3 2AA", "E3 2AB"])
    assert [answer["wards"] for answer in answers] == [["ward-36"], ["ward-1"]]


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

"""`wardpanels postcodes`: one council's postcode table, from the open national files.

The national files (ONS Postcode Directory, National Statistics Postcode Lookup, OS
Code-Point Open) are about 1 GB, so `extract` streams them once and keeps one council's
live postcodes, each with its ward. `write_table` writes them as postcodes.py reads them:
`postcodes/postcodes.csv` and `postcodes/source.yml`, with the attribution the data's
licence asks for.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import stat
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

from .errors import not_written
from .ons_codes import COUNCIL_CODE, COUNCIL_CODE_EXAMPLE, WARD_CODE, WARD_CODE_EXAMPLE
from .postcodes import (
    OGL_NAME,
    OGL_URL,
    SOURCE_FILE,
    TABLE_COLUMNS,
    TABLE_FILE,
    PostcodeSource,
    PostcodeSourceError,
    PostcodeTable,
    normalise,
)

CODE_POINT_OPEN = "OS Code-Point Open"
ONSPD = "ONS Postcode Directory (ONSPD)"
NSPL = "National Statistics Postcode Lookup (NSPL)"

_ONS_ATTRIBUTION = (
    "Contains OS data © Crown copyright and database right {year}",
    "Contains Royal Mail data © Royal Mail copyright and database right {year}",
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
)

# What each dataset's licence asks re-users to display, with the data's copyright year.
# Code-Point Open: verbatim from Doc/licence.txt shipped inside the product (2025 editions).
# ONSPD and NSPL: verbatim from their user guide, as quoted by ONS in FOI/2022/3481.
ATTRIBUTION: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        CODE_POINT_OPEN: (
            "Contains Ordnance Survey data © Crown copyright and database right {year}.",
            "Contains Royal Mail data © Royal Mail copyright and database right {year}.",
            "Contains National Statistics data © Crown copyright and database right {year}.",
        ),
        ONSPD: _ONS_ATTRIBUTION,
        NSPL: _ONS_ATTRIBUTION,
    }
)

_MONTHS = {
    "JAN": "January",
    "FEB": "February",
    "MAR": "March",
    "APR": "April",
    "MAY": "May",
    "JUN": "June",
    "JUL": "July",
    "AUG": "August",
    "SEP": "September",
    "OCT": "October",
    "NOV": "November",
    "DEC": "December",
}
_FILE_MONTH = re.compile(r"(?:^|_)(" + "|".join(_MONTHS) + r")_((?:19|20)[0-9]{2})(?:_|\.|$)", re.I)
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")


@dataclass(frozen=True)
class _Layout:
    """Which columns of a national file hold what, and whether line 1 is a header."""

    source: str
    postcode: int
    council: int
    ward: int
    terminated: int | None
    header: bool


MAX_LINE = 4096  # the longest line of the ONSPD has about 400 characters


def extract(paths: Sequence[Path], council: str, *, edition: str | None = None) -> PostcodeTable:
    """One council's live postcodes and their wards, from ONSPD, NSPL or Code-Point Open CSVs.

    The format is recognised from each file's first line; Code-Point Open comes as one file
    per postcode area, so give every area's file (any may hold a council's postcodes). The
    files are streamed, and only lines mentioning the council are parsed, so a national
    file takes seconds. `edition` is read from the file names (ONSPD_FEB_2025_UK.csv) or from
    Code-Point Open's Doc/metadata.txt when not given.
    """
    council = council.strip().upper()
    if not COUNCIL_CODE.fullmatch(council):
        raise ValueError(f"{council!r} is not a council code like {COUNCIL_CODE_EXAMPLE}")
    if not paths:
        raise ValueError("give at least one postcode file")
    wards: dict[str, str] = {}
    first_seen: dict[str, str] = {}
    source: str | None = None
    for path in paths:
        display = str(path)
        for layout, number, row in _council_rows(path, council):
            if source is None:
                source = layout.source
            elif layout.source != source:
                raise PostcodeSourceError(
                    f"this is {layout.source}, but earlier files are {source}; "
                    "give files of one kind",
                    file=display,
                    line=1,
                )
            _take_row(layout, row, council, display, number, wards, first_seen)
    if source is None or not wards:
        names = ", ".join(str(path) for path in paths)
        raise PostcodeSourceError(f"no live postcodes of council {council} in {names}")
    edition = edition or _infer_edition(paths, source)
    if not edition:
        raise PostcodeSourceError(
            f"cannot tell which edition of {source} this is; give it (e.g. --edition 'May 2025')",
            file=str(paths[0]),
        )
    return PostcodeTable(_describe(council, source, edition, len(wards)), wards)


def _council_rows(path: Path, council: str) -> Iterator[tuple[_Layout, int, list[str]]]:
    """The rows of a file that mention the council, with the file's layout and line numbers.

    Only a plain file is read (not a device such as /dev/zero, or a pipe), a line at a
    time, and no line further than MAX_LINE characters: a national file is long, but each
    of its lines is short.
    """
    display = str(path)
    number = 0
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise PostcodeSourceError("is not a file; give the postcode CSV files", file=display)
        with path.open(encoding="utf-8-sig", newline="") as stream:
            layout: _Layout | None = None
            while line := stream.readline(MAX_LINE + 1):
                number += 1
                if len(line) > MAX_LINE:
                    raise PostcodeSourceError(
                        f"this line is over {MAX_LINE} characters; is this a postcode CSV file?",
                        file=display,
                        line=number,
                    )
                if layout is None:
                    layout = _detect(_parse_line(line, display, 1), display)
                    if layout.header:
                        continue
                if council in line:  # a quick test: most of a national file is skipped unparsed
                    yield layout, number, _parse_line(line, display, number)
    except OSError as error:
        raise PostcodeSourceError(f"cannot be read ({error.strerror})", file=display) from None
    except UnicodeDecodeError:
        raise PostcodeSourceError(
            "is not UTF-8 text; is it the CSV, not a zip or spreadsheet?",
            file=display,
            line=number + 1,
        ) from None


def _parse_line(line: str, display: str, number: int) -> list[str]:
    try:
        return next(csv.reader([line]), [])
    except csv.Error as error:
        raise PostcodeSourceError(f"not CSV ({error})", file=display, line=number) from None


def _detect(row: list[str], display: str) -> _Layout:
    names = [name.strip().lower() for name in row]
    if "pcds" in names:
        return _ons_layout(names, display)
    if len(row) == 10 and normalise(row[0]) and (not row[8] or COUNCIL_CODE.fullmatch(row[8])):
        return _Layout(CODE_POINT_OPEN, 0, 8, 9, None, header=False)
    if len(names) == 10 and names[0] == "postcode" and names[9] == "admin_ward_code":
        return _Layout(CODE_POINT_OPEN, 0, 8, 9, None, header=True)
    raise PostcodeSourceError(
        "not an ONS Postcode Directory, National Statistics Postcode Lookup or Code-Point "
        "Open CSV: expected a header with 'pcds', or Code-Point Open's 10 columns",
        file=display,
        line=1,
    )


def _ons_layout(names: list[str], display: str) -> _Layout:
    """ONSPD and NSPL: the columns by name, in the old (oslaua, ward) or dated (lad25cd) style."""
    council = _column(names, ("oslaua", "laua"), r"lad([0-9]{2})cd")
    ward = _column(names, ("osward", "ward"), r"wd([0-9]{2})cd")
    missing = [
        what
        for what, index in (
            ("termination date (doterm)", _column(names, ("doterm",))),
            ("local authority (oslaua, laua or ladYYcd)", council),
            ("ward (osward, ward or wdYYcd)", ward),
        )
        if index is None
    ]
    if missing or council is None or ward is None:
        raise PostcodeSourceError(
            f"the header has 'pcds' but no column for the {' or the '.join(missing)}",
            file=display,
            line=1,
        )
    # ONSPD keeps the output areas of several censuses and the "os" names; NSPL has one set.
    output_areas = [name for name in names if re.fullmatch(r"oa[0-9]{2}(cd)?", name)]
    onspd = "oslaua" in names or "osward" in names or len(output_areas) > 1
    return _Layout(
        ONSPD if onspd else NSPL,
        names.index("pcds"),
        council,
        ward,
        names.index("doterm"),
        header=True,
    )


def _column(names: list[str], exact: tuple[str, ...], dated: str | None = None) -> int | None:
    """The first of `exact`, else the newest dated column (lad26cd over lad25cd)."""
    for name in exact:
        if name in names:
            return names.index(name)
    if dated is None:
        return None
    found = [(m[1], index) for index, name in enumerate(names) if (m := re.fullmatch(dated, name))]
    return max(found)[1] if found else None


def _take_row(
    layout: _Layout,
    row: list[str],
    council: str,
    display: str,
    number: int,
    wards: dict[str, str],
    first_seen: dict[str, str],
) -> None:
    needed = max(layout.postcode, layout.council, layout.ward, layout.terminated or 0)
    if len(row) <= needed:
        raise PostcodeSourceError(
            f"has {len(row)} columns; this file's layout needs {needed + 1}",
            file=display,
            line=number,
        )
    if row[layout.council].strip() != council:
        return  # the code is in another column (a county or region code)
    if layout.terminated is not None and row[layout.terminated].strip():
        return  # a terminated postcode no longer exists
    postcode = normalise(row[layout.postcode])
    if postcode is None:
        raise PostcodeSourceError(
            f"{row[layout.postcode]!r} is not a postcode", file=display, line=number
        )
    ward = row[layout.ward].strip()
    if not WARD_CODE.fullmatch(ward):
        raise PostcodeSourceError(
            f"{postcode} has no ward code, or one not like {WARD_CODE_EXAMPLE} ({ward!r})",
            file=display,
            line=number,
        )
    where = f"{display}:{number}"
    if postcode in wards and wards[postcode] != ward:
        raise PostcodeSourceError(
            f"{postcode} is in ward {ward} here but {wards[postcode]} at {first_seen[postcode]}",
            file=display,
            line=number,
        )
    wards[postcode] = ward
    first_seen.setdefault(postcode, where)


def _infer_edition(paths: Sequence[Path], source: str) -> str | None:
    """The edition a file says it is: ONS in its file name, Code-Point in Doc/metadata.txt."""
    for path in paths:
        if source == CODE_POINT_OPEN:
            found = _code_point_edition(path)
        else:
            match = _FILE_MONTH.search(path.stem)
            found = f"{_MONTHS[match[1].upper()]} {match[2]}" if match else None
        if found:
            return found
    return None


def _code_point_edition(path: Path) -> str | None:
    """`2025.2.0 (copyright date 2025-04-22, Royal Mail data of 2025-04-17)`, from Doc/."""
    for folder in (path.parent.parent, path.parent.parent.parent):
        for doc in ("Doc", "doc"):
            metadata = folder / doc / "metadata.txt"
            if metadata.is_file():
                fields = dict(
                    (key.strip().upper(), value.strip())
                    for key, _, value in (
                        line.partition(":")
                        for line in metadata.read_text(encoding="latin-1").splitlines()
                    )
                )
                version = fields.get("DATASET VERSION NUMBER")
                if not version:
                    return None
                notes = [
                    f"{label} {_iso(fields[key])}"
                    for key, label in (
                        ("COPYRIGHT DATE", "copyright date"),
                        ("RM UPDATE DATE", "Royal Mail data of"),
                    )
                    if fields.get(key)
                ]
                return f"{version} ({', '.join(notes)})" if notes else version
    return None


def _iso(date: str) -> str:
    return f"{date[:4]}-{date[4:6]}-{date[6:]}" if re.fullmatch(r"[0-9]{8}", date) else date


def _describe(council: str, source: str, edition: str, count: int) -> PostcodeSource:
    year = _YEAR.search(edition)
    if not year:
        raise PostcodeSourceError(
            f"the edition {edition!r} has no year; the attribution needs the data's year"
        )
    templates = ATTRIBUTION[source]
    return PostcodeSource(
        council=council,
        source=source,
        edition=edition,
        licence=OGL_NAME,
        licence_url=OGL_URL,
        attribution=tuple(line.format(year=year[1]) for line in templates),
        postcodes=count,
    )


# The committed table, as postcodes.py reads it.


def write_table(table: PostcodeTable, folder: Path) -> None:
    """Write postcodes.csv (sorted, one row a postcode) and source.yml into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"{postcode},{ward}\n" for postcode, ward in table.wards_by_postcode.items())
    (folder / TABLE_FILE).write_bytes(f"{','.join(TABLE_COLUMNS)}\n{rows}".encode())
    source = replace(table.source, postcodes=len(table))
    (folder / SOURCE_FILE).write_bytes(_source_yaml(source).encode())


def _source_yaml(source: PostcodeSource) -> str:
    files = {
        CODE_POINT_OPEN: "codepo_gb/Data/CSV/*.csv",
        ONSPD: "ONSPD_<MON>_<YYYY>_UK.csv",
        NSPL: "NSPL_<MON>_<YYYY>_UK.csv",
    }.get(source.source, "<postcode files>")
    text = json.dumps  # a JSON string is a YAML double-quoted string
    lines = [
        "# Written by `wardpanels postcodes` (python -m wardpanels.postcodes_import); to "
        f"refresh, run: wardpanels postcodes --council {source.council} --out postcodes {files}",
        f"council: {text(source.council)}",
        f"source: {text(source.source)}",
        f"edition: {text(source.edition, ensure_ascii=False)}",
        f"licence: {text(source.licence)}",
        f"licence_url: {text(source.licence_url)}",
        "attribution:",
        *(f"  - {text(line, ensure_ascii=False)}" for line in source.attribution),
        f"postcodes: {source.postcodes}",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wardpanels postcodes",
        description="Write postcodes/postcodes.csv and source.yml for one council, from the "
        "ONS Postcode Directory, the National Statistics Postcode Lookup or OS Code-Point Open.",
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        help="the CSV files (every area's, for Code-Point Open: codepo_gb/Data/CSV/*.csv)",
    )
    parser.add_argument(
        "--council", required=True, help=f"the council's code, e.g. {COUNCIL_CODE_EXAMPLE}"
    )
    parser.add_argument(
        "--edition",
        help="the data's edition, e.g. 'May 2025' (else read "
        "from the file names or Code-Point Open's Doc/metadata.txt)",
    )
    parser.add_argument("--out", type=Path, default=Path("postcodes"), help="default: postcodes")
    args = parser.parse_args(argv)
    try:
        table = extract(args.files, args.council, edition=args.edition)
    except (PostcodeSourceError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    try:
        write_table(table, args.out)
    except OSError as error:
        print(not_written(args.out, error), file=sys.stderr)
        return 1
    print(
        f"Wrote {args.out / TABLE_FILE}: {len(table)} postcodes in {len(table.wards())} wards, "
        f"from {table.source.source} {table.source.edition}.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Find a resident's ward from their postcode, offline, from the open national postcode files.

The national files (ONS Postcode Directory, National Statistics Postcode Lookup, OS Code-Point
Open) are about 1 GB, so `extract` streams them once and keeps one borough's postcodes. The
result is committed as `postcodes/postcodes.csv` and `postcodes/source.yml`, so building the
site needs no download, and the licence's attribution travels with the data.

Each postcode has one ward: the files place a postcode by one point (its centroid), even
where its addresses straddle a ward boundary. A sector ("E3 2") or district ("E3") can span
several wards, so those are answered with every ward and how many postcodes each holds.

Refresh the table with `python -m wardpanels.postcodes` (`wardpanels postcodes` once the
command line hands that word to `main`).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import stat
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from .loading import Document, YamlError, parse_yaml, read_text
from .settings import web_address_problem

OGL_NAME = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

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

TABLE_FILE = "postcodes.csv"
MAX_TABLE_BYTES = 8 * 1024 * 1024  # about 400,000 postcodes: more than any council has
SOURCE_FILE = "source.yml"

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_POSTCODE = re.compile(rf"({_OUTWARD})([0-9][A-Z]{{2}})")
_DISTRICT_PARTS = re.compile(r"([A-Z]{1,2})([0-9]+)([A-Z]?)")
_WARD = re.compile(r"[EWSN]05[0-9]{6}")
_COUNCIL = re.compile(r"[EWSN][0-9]{8}")
_WHITESPACE = re.compile(r"\s+")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"
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


class PostcodeSourceError(Exception):
    """A postcode file that cannot be used as it is, located to the file and line."""

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        where = file if line is None else f"{file}:{line}"
        super().__init__(f"{where}: {message}" if file else message)
        self.message = message
        self.file = file
        self.line = line


def normalise(text: str) -> str | None:
    """`"e32aa"`, `" E3  2AA "` → `"E3 2AA"`; None when the text is not a whole postcode."""
    compact = _WHITESPACE.sub("", text).upper()
    match = _POSTCODE.fullmatch(compact)
    return f"{match[1]} {match[2]}" if match and compact.isascii() else None


def sector_of(postcode: str) -> str:
    """`"E3 2AA"` → `"E3 2"`: the outward code and the inward code's digit."""
    return postcode[:-2]


def district_of(postcode_or_sector: str) -> str:
    """`"E3 2AA"` or `"E3 2"` → `"E3"`."""
    return postcode_or_sector.split(" ", 1)[0]


def district_key(district: str) -> tuple[str, int, str]:
    """Sorts districts as people read them: E1, E1W, E2, E3, ..., E14, E98, EC2M."""
    match = _DISTRICT_PARTS.fullmatch(district)
    if not match:
        return (district, 0, "")
    return (match[1], int(match[2]), match[3])


def _sector_key(sector: str) -> tuple[tuple[str, int, str], str]:
    return (district_key(district_of(sector)), sector[-1])


@dataclass(frozen=True)
class PostcodeSource:
    """Where a table came from, and the attribution its licence asks for: source.yml."""

    council: str
    source: str
    edition: str
    licence: str
    licence_url: str
    attribution: tuple[str, ...]
    postcodes: int


@dataclass(frozen=True)
class PostcodeTable:
    """One council's postcodes, each with the ward (GSS code) it is in."""

    source: PostcodeSource
    wards_by_postcode: Mapping[str, str] = field(repr=False)
    # The line of each postcode in the committed file, for messages about it.
    lines: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for postcode, ward in self.wards_by_postcode.items():
            if normalise(postcode) != postcode:
                raise ValueError(f"{postcode!r} is not a postcode written as 'E1 0AA'")
            if not _WARD.fullmatch(ward):
                raise ValueError(f"{ward!r} (for {postcode}) is not a ward code like E05009317")
        frozen = MappingProxyType(dict(sorted(self.wards_by_postcode.items())))
        object.__setattr__(self, "wards_by_postcode", frozen)

    def __len__(self) -> int:
        return len(self.wards_by_postcode)

    def ward_of(self, postcode: str) -> str | None:
        """The ward of a postcode typed in any case or spacing; None when not in this table."""
        normal = normalise(postcode)
        return self.wards_by_postcode.get(normal) if normal else None

    def wards(self) -> set[str]:
        """Every ward that holds at least one postcode."""
        return set(self.wards_by_postcode.values())

    def has_district(self, district: str) -> bool:
        """Whether any postcode here is in the district ("E3", any case)."""
        return district.strip().upper() in self._sectors_by_district

    def has_sector(self, sector: str) -> bool:
        """Whether any postcode here is in the sector, written as "E3 2"."""
        return sector in self._wards_by_sector

    def sector_wards(self, sector: str) -> list[tuple[str, int]]:
        """The wards a sector's postcodes are in, with how many: most first, ties by code."""
        counts = self._wards_by_sector.get(" ".join(sector.split()).upper())
        if not counts:
            return []
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def districts(self) -> list[str]:
        """Every district, in the order people read them: E1, E1W, E2, ..., E14, E98."""
        return sorted(self._sectors_by_district, key=district_key)

    def district_sectors(self, district: str) -> list[tuple[str, list[tuple[str, int]]]]:
        """Each sector of a district, in order, with its wards (as `sector_wards`)."""
        sectors = self._sectors_by_district.get(district.strip().upper(), [])
        return [(sector, self.sector_wards(sector)) for sector in sectors]

    def sector_postcodes(self, sector: str) -> list[tuple[str, str]]:
        """Every postcode of a sector ("E14 9") with its ward, in order."""
        return self._postcodes_by_sector.get(sector, [])

    @cached_property
    def _wards_by_sector(self) -> dict[str, Counter[str]]:
        sectors: dict[str, Counter[str]] = {}
        for postcode, ward in self.wards_by_postcode.items():
            sectors.setdefault(sector_of(postcode), Counter())[ward] += 1
        return sectors

    @cached_property
    def _postcodes_by_sector(self) -> dict[str, list[tuple[str, str]]]:
        sectors: dict[str, list[tuple[str, str]]] = {}
        for postcode, ward in self.wards_by_postcode.items():  # sorted: see __post_init__
            sectors.setdefault(sector_of(postcode), []).append((postcode, ward))
        return sectors

    @cached_property
    def _sectors_by_district(self) -> dict[str, list[str]]:
        districts: dict[str, list[str]] = {}
        for sector in sorted(self._wards_by_sector, key=_sector_key):
            districts.setdefault(district_of(sector), []).append(sector)
        return districts


# Building a table from the national files.


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
    if not _COUNCIL.fullmatch(council):
        raise ValueError(f"{council!r} is not a council code like E09000030")
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
    if len(row) == 10 and normalise(row[0]) and (not row[8] or _COUNCIL.fullmatch(row[8])):
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
    if not _WARD.fullmatch(ward):
        raise PostcodeSourceError(
            f"{postcode} has no ward code, or one not like E05009317 ({ward!r})",
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


# The committed table: postcodes/postcodes.csv and postcodes/source.yml.


def write_table(table: PostcodeTable, folder: Path) -> None:
    """Write postcodes.csv (sorted, one row a postcode) and source.yml into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"{postcode},{ward}\n" for postcode, ward in table.wards_by_postcode.items())
    (folder / TABLE_FILE).write_bytes(f"postcode,ward\n{rows}".encode())
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
        f"# Written by `wardpanels postcodes` (python -m wardpanels.postcodes); to refresh, "
        f"run: wardpanels postcodes --council {source.council} --out postcodes {files}",
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


def read_table(folder: Path) -> PostcodeTable:
    """Read the committed table; a PostcodeSourceError names the file and line of a fault."""
    source, count_line = _read_source(folder)
    display = f"{folder.name}/{TABLE_FILE}"
    wards: dict[str, str] = {}
    lines: dict[str, int] = {}
    reader = csv.reader(_read_text(folder / TABLE_FILE, display).splitlines())
    for row in reader:
        number = reader.line_num
        if number == 1:
            if row != ["postcode", "ward"]:
                raise PostcodeSourceError(
                    "the first line must be 'postcode,ward'", file=display, line=1
                )
            continue
        if not row:
            continue
        if len(row) != 2:
            raise PostcodeSourceError(
                f"expected 'postcode,ward', found {len(row)} fields", file=display, line=number
            )
        postcode, ward = row
        normal = normalise(postcode)
        if normal is None:
            raise PostcodeSourceError(f"{postcode!r} is not a postcode", file=display, line=number)
        if normal != postcode:
            raise PostcodeSourceError(
                f"write {postcode!r} as {normal!r}", file=display, line=number
            )
        if not _WARD.fullmatch(ward):
            raise PostcodeSourceError(
                f"{ward!r} is not a ward code like E05009317", file=display, line=number
            )
        if postcode in wards:
            raise PostcodeSourceError(
                f"{postcode} is listed twice (first on line {lines[postcode]})",
                file=display,
                line=number,
            )
        wards[postcode] = ward
        lines[postcode] = number
    if reader.line_num == 0:
        raise PostcodeSourceError("the file is empty", file=display, line=1)
    if source.postcodes != len(wards):
        raise PostcodeSourceError(
            f"says {source.postcodes} postcodes, but {display} has {len(wards)}",
            file=f"{folder.name}/{SOURCE_FILE}",
            line=count_line,
        )
    return PostcodeTable(source, wards, lines)


def far_postcodes(table: PostcodeTable) -> list[str]:
    """Postcodes in an area (the letters they start with: E, EC, TR) that holds almost none
    of the table's others: a council's postcodes lie together, so one of them is far from
    the borough, most likely a slip of the keyboard."""
    areas = Counter(_area(postcode) for postcode in table.wards_by_postcode)
    few = min(FAR_AREA_MOST, len(table) * FAR_AREA_SHARE)
    return [postcode for postcode in table.wards_by_postcode if areas[_area(postcode)] <= few]


# An area with a handful of the postcodes, and under one in a hundred: Tower Hamlets has
# eleven in EC, at the City's edge, which is near.
FAR_AREA_MOST, FAR_AREA_SHARE = 4, 0.01


def _area(postcode: str) -> str:
    return re.match(r"[A-Z]+", postcode)[0]  # type: ignore[index]


def _read_text(path: Path, display: str) -> str:
    """Through the data files' gate, with room for the postcodes of the largest council."""
    try:
        return read_text(path, limit=MAX_TABLE_BYTES)
    except YamlError as error:
        raise PostcodeSourceError(error.message, file=display, line=error.mark.line) from None


def _read_source(folder: Path) -> tuple[PostcodeSource, int]:
    """source.yml, and the line of its count (to point at when the table disagrees)."""
    display = f"{folder.name}/{SOURCE_FILE}"
    try:
        document = parse_yaml(_read_text(folder / SOURCE_FILE, display), display)
    except YamlError as error:
        raise PostcodeSourceError(error.message, file=display, line=error.mark.line) from None
    value = document.value
    if not isinstance(value, dict):
        raise PostcodeSourceError("expected 'council:', 'source:' and so on", file=display, line=1)

    def text(key: str) -> str:
        found = value.get(key)
        if isinstance(found, int | float) and not isinstance(found, bool) and key == "edition":
            found = str(found)  # `edition: 2025` unquoted
        if not isinstance(found, str) or not found.strip():
            raise _source_error(document, key, "must be some text")
        return found

    attribution = value.get("attribution")
    if (
        not isinstance(attribution, list)
        or not attribution
        or not all(isinstance(line, str) and line.strip() for line in attribution)
    ):
        raise _source_error(document, "attribution", "must be a list of statements")
    count = value.get("postcodes")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise _source_error(document, "postcodes", "must be the number of postcodes")
    council = text("council")
    if not _COUNCIL.fullmatch(council):
        raise _source_error(document, "council", f"{council!r} is not a code like E09000030")
    problem = web_address_problem(text("licence_url"))
    if problem:
        raise _source_error(document, "licence_url", problem)
    source = PostcodeSource(
        council=council,
        source=text("source"),
        edition=text("edition"),
        licence=text("licence"),
        licence_url=text("licence_url"),
        attribution=tuple(attribution),
        postcodes=count,
    )
    return source, document.mark_of(("postcodes",)).line


def _source_error(document: Document, key: str, message: str) -> PostcodeSourceError:
    line = document.mark_of((key,)).line
    return PostcodeSourceError(f"{key}: {message}", file=document.path, line=line)


# The finder's download: small enough to fetch on a phone.


def ward_index(table: PostcodeTable) -> dict[str, int]:
    """A ward code → index numbering (by code) for `browser_data`, when the site has none."""
    return {ward: index for index, ward in enumerate(sorted(table.wards()))}


def browser_data(table: PostcodeTable, ward_index: Mapping[str, int]) -> dict[str, str]:
    """The table for the finder script: `{"E3 2": "AA5AB5..."}`.

    Keyed by sector; each postcode is its two unit letters, then its ward's index in base
    36 (0-9 then a-z, as JavaScript's `parseInt(c, 36)` reads it), in as many characters
    as the largest index needs (one for up to 36 wards, which every London borough has).
    So "E3 2AA" in ward 5 is "AA5" under "E3 2". Postcodes of wards not in `ward_index`
    are left out. Postcodes are in order within a sector.
    """
    digits = index_digits(ward_index)
    sectors: dict[str, list[str]] = {}
    for postcode, ward in table.wards_by_postcode.items():
        index = ward_index.get(ward)
        if index is None:
            continue
        sectors.setdefault(sector_of(postcode), []).append(postcode[-2:] + _base36(index, digits))
    return {sector: "".join(units) for sector, units in sorted(sectors.items())}


def index_digits(ward_index: Mapping[str, int]) -> int:
    """How many base-36 characters the largest ward index needs."""
    largest, digits = max(ward_index.values(), default=0), 1
    while largest >= len(_BASE36) ** digits:
        digits += 1
    return digits


def _base36(number: int, digits: int) -> str:
    text = ""
    for _ in range(digits):
        number, remainder = divmod(number, len(_BASE36))
        text = _BASE36[remainder] + text
    return text


def decode(data: Mapping[str, str], digits: int = 1) -> dict[str, int]:
    """`browser_data` read back: postcode → ward index, as the finder script reads it."""
    postcodes: dict[str, int] = {}
    width = 2 + digits
    for sector, units in data.items():
        if len(units) % width:
            raise ValueError(f"sector {sector} has a broken list of postcodes")
        for start in range(0, len(units), width):
            unit = units[start : start + width]
            postcodes[f"{sector}{unit[:2]}"] = int(unit[2:], 36)
    return postcodes


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
    parser.add_argument("--council", required=True, help="the council's code, e.g. E09000030")
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
        print(f"{args.out} could not be written ({error.strerror or error})", file=sys.stderr)
        return 1
    print(
        f"Wrote {args.out / TABLE_FILE}: {len(table)} postcodes in {len(table.wards())} wards, "
        f"from {table.source.source} {table.source.edition}.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The borough's postcodes, each with its ward: the committed table the build reads.

`postcodes/postcodes.csv` (one row a postcode) and `postcodes/source.yml` (where the table
came from, and the attribution its licence asks for) are written from the national files
by `wardpanels postcodes` (postcodes_import.py) and committed, so building the site needs
no download, and the attribution travels with the data.

Each postcode has one ward: the files place a postcode by one point (its centroid), even
where its addresses straddle a ward boundary. A sector ("E3 2") or district ("E3") can span
several wards, so those are answered with every ward and how many postcodes each holds.
Residents' typing is read by the finder's script (finder.js); `normalise` reads postcodes
as data files write them, and both are held to tests/fixtures/postcode_shapes.json.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import MappingProxyType

from .loading import Document, YamlError, parse_yaml, read_text
from .ons_codes import COUNCIL_CODE, COUNCIL_CODE_EXAMPLE, WARD_CODE, WARD_CODE_EXAMPLE
from .settings import web_address_problem

OGL_NAME = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"

TABLE_FILE = "postcodes.csv"
TABLE_COLUMNS = ("postcode", "ward")
MAX_TABLE_BYTES = 8 * 1024 * 1024  # about 400,000 postcodes: more than any council has
SOURCE_FILE = "source.yml"

_OUTWARD = r"[A-Z]{1,2}[0-9][A-Z0-9]?"
_POSTCODE = re.compile(rf"({_OUTWARD})([0-9][A-Z]{{2}})")
_DISTRICT_PARTS = re.compile(r"([A-Z]{1,2})([0-9]+)([A-Z]?)")
_WHITESPACE = re.compile(r"\s+")
_BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz"


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
            if not WARD_CODE.fullmatch(ward):
                raise ValueError(
                    f"{ward!r} (for {postcode}) is not a ward code like {WARD_CODE_EXAMPLE}"
                )
        frozen = MappingProxyType(dict(sorted(self.wards_by_postcode.items())))
        object.__setattr__(self, "wards_by_postcode", frozen)

    def __len__(self) -> int:
        return len(self.wards_by_postcode)

    def wards(self) -> set[str]:
        """Every ward that holds at least one postcode."""
        return set(self.wards_by_postcode.values())

    def sector_wards(self, sector: str) -> list[tuple[str, int]]:
        """The wards a sector's postcodes ("E3 2") are in, with how many: most first, ties by
        code."""
        counts = self._wards_by_sector.get(sector, Counter())
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def districts(self) -> list[str]:
        """Every district, in the order people read them: E1, E1W, E2, ..., E14, E98."""
        return sorted(self._sectors_by_district, key=district_key)

    def district_sectors(self, district: str) -> list[tuple[str, list[tuple[str, int]]]]:
        """Each sector of a district ("E3"), in order, with its wards (as `sector_wards`)."""
        sectors = self._sectors_by_district.get(district, [])
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


# The committed table: postcodes/postcodes.csv and postcodes/source.yml.


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
            if tuple(row) != TABLE_COLUMNS:
                raise PostcodeSourceError(
                    f"the first line must be '{','.join(TABLE_COLUMNS)}'", file=display, line=1
                )
            continue
        if not row:
            continue
        if len(row) != 2:
            raise PostcodeSourceError(
                f"expected '{','.join(TABLE_COLUMNS)}', found {len(row)} fields",
                file=display,
                line=number,
            )
        postcode, ward = row
        normal = normalise(postcode)
        if normal is None:
            raise PostcodeSourceError(f"{postcode!r} is not a postcode", file=display, line=number)
        if normal != postcode:
            raise PostcodeSourceError(
                f"write {postcode!r} as {normal!r}", file=display, line=number
            )
        if not WARD_CODE.fullmatch(ward):
            raise PostcodeSourceError(
                f"{ward!r} is not a ward code like {WARD_CODE_EXAMPLE}", file=display, line=number
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
    if not COUNCIL_CODE.fullmatch(council):
        raise _source_error(
            document, "council", f"{council!r} is not a code like {COUNCIL_CODE_EXAMPLE}"
        )
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

"""`wardpanels boundaries`: one council's ward polygons from an ONS GeoJSON file.

The Office for National Statistics publishes ward boundaries for the whole country on its
Open Geography Portal (GeoJSON, each ward with `WDyyCD`, `WDyyNM` and `LADyyCD`: its code,
name and council), in WGS84 or in British National Grid. The importer keeps one council's
wards, simplifies their lines (Douglas-Peucker in grid metres, keeping every point where
neighbouring wards meet, so a shared line stays one line with no gap or overlap) and
writes `boundaries/` as boundaries.py reads it. A file without a council column (one
council's wards already, as republished one file a ward) is filtered by the wards of the
council's postcode table.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .boundaries import (
    Boundaries,
    BoundarySource,
    GeometryError,
    Point,
    Polygon,
    Ring,
    WardShape,
    feature_lines,
    in_lon_lat,
    polygons_of,
    write_boundaries,
)
from .errors import not_written
from .grid import from_grid, segment_distance, to_grid
from .ons_codes import COUNCIL_CODE, COUNCIL_CODE_EXAMPLE, WARD_CODE, WARD_CODE_EXAMPLE
from .postcodes import OGL_NAME, OGL_URL, PostcodeSourceError, read_table

ONS = "Office for National Statistics ward boundaries"
ATTRIBUTION = (
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0",
    "Contains OS data © Crown copyright and database right {year}",
)
DEFAULT_TOLERANCE = 10.0  # metres: well inside the 100 m the location answer allows
_CODE_COLUMN = re.compile(r"^(wd([0-9]{2})cd|code)$", re.I)
_NAME_COLUMN = re.compile(r"^(wd[0-9]{2}nm|name(_[0-9]{4})?)$", re.I)
_COUNCIL_COLUMN = re.compile(r"^lad[0-9]{2}cd$", re.I)
_GRID_CRS = re.compile(r"EPSG:+(27700)$", re.I)


class BoundaryImportError(Exception):
    """Input the importer cannot use: the message names the file and line."""


def extract(
    path: Path,
    council: str,
    *,
    edition: str | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    postcodes: Path | None = None,
) -> Boundaries:
    """The council's wards in the file, simplified to `tolerance` metres."""
    council = council.strip().upper()
    if not COUNCIL_CODE.fullmatch(council):
        raise BoundaryImportError(f"{council!r} is not a council code like {COUNCIL_CODE_EXAMPLE}")
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        document = json.loads(text)
    except OSError as error:
        raise BoundaryImportError(f"{shown}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise BoundaryImportError(f"{shown}:1: not UTF-8 text; is it GeoJSON?") from None
    except json.JSONDecodeError as error:
        raise BoundaryImportError(f"{shown}:{error.lineno}: not JSON: {error.msg}") from None
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or not features:
        raise BoundaryImportError(f"{shown}:1: expected a GeoJSON FeatureCollection of wards")
    lines = feature_lines(text)
    in_grid = _in_grid(document)
    first = features[0].get("properties") if isinstance(features[0], dict) else None
    columns = _columns(first if isinstance(first, dict) else {}, shown, lines[0] if lines else 1)
    code_key, name_key, council_key, year = columns
    wanted = None if council_key else _council_wards(postcodes, council, shown)
    shapes: dict[str, WardShape] = {}
    for index, feature in enumerate(features):
        line = lines[index] if index < len(lines) else 1
        properties = feature.get("properties") if isinstance(feature, dict) else None
        if not isinstance(properties, dict):
            raise BoundaryImportError(f"{shown}:{line}: a feature without properties")
        code = str(properties.get(code_key, "")).strip()
        if council_key and str(properties.get(council_key, "")).strip() != council:
            continue
        if wanted is not None and code not in wanted:
            continue
        if not WARD_CODE.fullmatch(code):
            raise BoundaryImportError(
                f"{shown}:{line}: {code_key} {code!r} is not a ward code like {WARD_CODE_EXAMPLE}"
            )
        if code in shapes:
            raise BoundaryImportError(f"{shown}:{line}: {code} is in the file twice")
        name = str(properties.get(name_key, "")).strip()
        try:
            polygons = polygons_of(feature.get("geometry"), line)
            if in_grid:
                polygons = _from_grid(polygons)
            in_lon_lat(polygons, line)
        except GeometryError as error:
            raise BoundaryImportError(f"{shown}:{error.line}: {code}: {error.message}") from None
        shapes[code] = WardShape(code, name or code, polygons)
    if not shapes:
        raise BoundaryImportError(f"{shown}: no ward of council {council} in this file")
    edition = edition or (f"20{year}" if year else None)
    if not edition:
        raise BoundaryImportError(
            f"{shown}: cannot tell which year's boundaries these are; give --edition "
            "(e.g. 'December 2020, generalised')"
        )
    year_found = re.search(r"(?:19|20)[0-9]{2}", edition)
    if not year_found:
        raise BoundaryImportError(f"the edition {edition!r} has no year; the attribution needs it")
    source = BoundarySource(
        council=council,
        source=ONS,
        edition=edition,
        licence=OGL_NAME,
        licence_url=OGL_URL,
        attribution=tuple(line.format(year=year_found[0]) for line in ATTRIBUTION),
        wards=len(shapes),
    )
    simplified = simplify(sorted(shapes.values(), key=lambda s: s.code), tolerance)
    return Boundaries(source, tuple(simplified))


def _in_grid(document: dict[str, Any]) -> bool:
    """Whether the file says its coordinates are British National Grid metres."""
    crs = document.get("crs")
    name = crs.get("properties", {}).get("name", "") if isinstance(crs, dict) else ""
    return bool(_GRID_CRS.search(str(name)))


def _columns(
    properties: dict[str, Any], shown: str, line: int
) -> tuple[str, str, str | None, str | None]:
    """The keys of the ward's code, its name and its council, and the data's year."""
    code = next((key for key in properties if _CODE_COLUMN.match(key)), None)
    name = next((key for key in properties if _NAME_COLUMN.match(key)), None)
    council = next((key for key in properties if _COUNCIL_COLUMN.match(key)), None)
    if code is None or name is None:
        found = ", ".join(properties) or "none"
        raise BoundaryImportError(
            f"{shown}:{line}: expected the ward's code and name in properties such as "
            f"WD24CD and WD24NM (found: {found})"
        )
    year_match = _CODE_COLUMN.match(code)
    return code, name, council, year_match[2] if year_match else None


def _council_wards(postcodes: Path | None, council: str, shown: str) -> set[str]:
    """Without a council column, the council's wards are those of its postcode table."""
    if postcodes is None:
        raise BoundaryImportError(
            f"{shown}: the features have no council column (LADyyCD); give --postcodes, the "
            "council's postcode table, to say which wards are the council's"
        )
    try:
        table = read_table(postcodes)
    except PostcodeSourceError as error:
        raise BoundaryImportError(str(error)) from None
    if table.source.council != council:
        raise BoundaryImportError(
            f"{postcodes}/source.yml is council {table.source.council}, not {council}"
        )
    return table.wards()


def _from_grid(polygons: tuple[Polygon, ...]) -> tuple[Polygon, ...]:
    return tuple(tuple(tuple(from_grid(ring)) for ring in polygon) for polygon in polygons)


# Simplifying without opening gaps between wards.


def simplify(shapes: Sequence[WardShape], tolerance: float) -> list[WardShape]:
    """Each ring simplified to `tolerance` metres. Points where the set of rings sharing a
    point changes are kept (where three wards meet, where a shared line ends), so every
    stretch between two kept points is the same points in both wards it divides, and is
    simplified the same way in both."""
    owners: dict[Point, set[int]] = defaultdict(set)
    rings = [ring for shape in shapes for polygon in shape.polygons for ring in polygon]
    for number, ring in enumerate(rings):
        for point in ring[:-1]:
            owners[point].add(number)
    done = iter([_simplify_ring(ring, owners, tolerance) for ring in rings])
    return [
        WardShape(
            shape.code,
            shape.name,
            tuple(tuple(next(done) for _ in polygon) for polygon in shape.polygons),
        )
        for shape in shapes
    ]


def _simplify_ring(ring: Ring, owners: dict[Point, set[int]], tolerance: float) -> Ring:
    points = list(ring[:-1])
    count = len(points)
    kept = [
        index
        for index in range(count)
        if owners[points[index]] != owners[points[index - 1]]
        or owners[points[index]] != owners[points[(index + 1) % count]]
    ]
    if not kept:  # an island, or a ring inside one other: start from its lowest point
        kept = [points.index(min(points))]
    start = kept[0]
    rotated = points[start:] + points[:start]
    anchors = sorted({(index - start) % count for index in kept} | {0})
    grid = to_grid(rotated)
    keep: set[int] = set(anchors)
    for first, last in zip(anchors, [*anchors[1:], count], strict=True):
        keep.update(_douglas_peucker(grid, first, last % count, last, tolerance))
    result = [rotated[index] for index in sorted(keep)]
    if len(result) < 3:  # a ring needs three corners: keep the farthest ones
        result = [rotated[index] for index in sorted(set(anchors) | _spread(count))]
    return (*result, result[0])


def _spread(count: int) -> set[int]:
    return {0, count // 3, (2 * count) // 3}


def _douglas_peucker(
    grid: list[Point], first: int, last_point: int, last: int, tolerance: float
) -> set[int]:
    """Indexes strictly between `first` and `last` to keep; `last_point` is the index of
    the end point (`last` wrapped round the ring)."""
    if last - first < 2:
        return set()
    farthest, distance = first, -1.0
    for index in range(first + 1, last):
        found = segment_distance(grid[index], grid[first], grid[last_point])
        if found > distance:
            farthest, distance = index, found
    if distance <= tolerance:
        return set()
    return (
        {farthest}
        | _douglas_peucker(grid, first, farthest, farthest, tolerance)
        | _douglas_peucker(grid, farthest, last_point, last, tolerance)
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="wardpanels boundaries",
        description="Write boundaries/wards.geojson and source.yml for one council, from an "
        "ONS ward boundaries GeoJSON file (Open Geography Portal).",
    )
    parser.add_argument("file", type=Path, help="the GeoJSON file of ward boundaries")
    parser.add_argument(
        "--council", required=True, help=f"the council's code, e.g. {COUNCIL_CODE_EXAMPLE}"
    )
    parser.add_argument(
        "--edition", help="e.g. 'December 2020, generalised' (else the year of WDyyCD)"
    )
    parser.add_argument(
        "--tolerance",
        type=float,
        default=DEFAULT_TOLERANCE,
        help=f"how far a simplified line may stray, in metres (default: {DEFAULT_TOLERANCE:g})",
    )
    parser.add_argument(
        "--postcodes",
        type=Path,
        help="the council's postcode table (postcodes/), for a file without a council column",
    )
    parser.add_argument("--out", type=Path, default=Path("boundaries"), help="default: boundaries")
    args = parser.parse_args(argv)
    try:
        boundaries = extract(
            args.file,
            args.council,
            edition=args.edition,
            tolerance=args.tolerance,
            postcodes=args.postcodes,
        )
    except BoundaryImportError as error:
        print(error, file=sys.stderr)
        return 1
    try:
        write_boundaries(boundaries, args.out)
    except OSError as error:  # a full disk, a read-only folder
        print(not_written(args.out, error), file=sys.stderr)
        return 1
    points = sum(len(r) - 1 for s in boundaries.wards for p in s.polygons for r in p)
    print(
        f"Wrote {args.out}/: {len(boundaries.wards)} wards of {boundaries.source.council}, "
        f"{points} points.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

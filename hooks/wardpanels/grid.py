"""British National Grid: the projection the Ordnance Survey draws Great Britain in.

The map of the wards is drawn in it (true shapes and areas across a borough, north up),
the boundary importer simplifies lines in its metres, and Code-Point Open gives postcode
points in it. pyproj (PROJ) converts, with the datum shift between OSGB36 and WGS84 (about
100 m in London) by its published seven-parameter transformation, good to a few metres.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from pyproj import Transformer

WGS84 = "EPSG:4326"
BRITISH_NATIONAL_GRID = "EPSG:27700"

Point = tuple[float, float]


@cache
def _transformer(source: str, target: str) -> Transformer:
    # always_xy: longitude before latitude, easting before northing, whatever the CRS says.
    return Transformer.from_crs(source, target, always_xy=True)


def to_grid(points: Iterable[Point]) -> list[Point]:
    """(longitude, latitude) in WGS84 → (easting, northing) in metres."""
    return _convert(points, WGS84, BRITISH_NATIONAL_GRID)


def from_grid(points: Iterable[Point]) -> list[Point]:
    """(easting, northing) in metres → (longitude, latitude) in WGS84."""
    return _convert(points, BRITISH_NATIONAL_GRID, WGS84)


def _convert(points: Iterable[Point], source: str, target: str) -> list[Point]:
    listed = list(points)
    if not listed:
        return []
    xs, ys = _transformer(source, target).transform(
        [x for x, _ in listed], [y for _, y in listed], errcheck=True
    )
    return list(zip(xs, ys, strict=True))


def segment_distance(point: Point, a: Point, b: Point) -> float:
    """From a point to the segment a-b, on a plane (grid metres, or a drawing's units)."""
    px, py = point
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return float(((px - ax - t * dx) ** 2 + (py - ay - t * dy) ** 2) ** 0.5)

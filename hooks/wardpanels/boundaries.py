"""The borough's ward boundaries, committed as `boundaries/wards.geojson` and `source.yml`.

Each ward is one GeoJSON Feature on its own line (WGS84 longitude and latitude), with the
ward's GSS `code`, the same code as `gss_code` in the ward files, and its `name` as the
source gives it: the map and "Use my location" match polygons to wards by code, never by
name, because councils rename wards without moving them. `source.yml` says where the
polygons come from and the attribution their licence asks for. `wardpanels boundaries`
writes both (boundaries_import.py); a fault in either names its file and line.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field

from .errors import Problem
from .loading import YamlError, describe, read_text, unseen
from .model import Link, Text
from .ons_codes import COUNCIL_CODE, WARD_CODE, WARD_CODE_EXAMPLE
from .validation import load_valid

BOUNDARIES_FILE = "wards.geojson"
SOURCE_FILE = "source.yml"
MAX_BYTES = 2 * 1024 * 1024  # a simplified borough is tens of KB; a whole country is not
COUNCIL_PATTERN = f"^{COUNCIL_CODE.pattern}$"
DECIMALS = 5  # about a metre: finer than any generalised boundary

Point = tuple[float, float]  # longitude, latitude
Ring = tuple[Point, ...]  # closed: the last point is the first
Polygon = tuple[Ring, ...]  # the outline, then any holes


class BoundarySource(BaseModel):
    """`source.yml`: where the polygons come from, and what to show wherever they are used."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    council: Annotated[str, Field(pattern=COUNCIL_PATTERN)]
    source: Text
    edition: Text
    licence: Text
    # Shown as a link wherever the map is: held to the rules of every link residents follow.
    licence_url: Link
    attribution: Annotated[tuple[Text, ...], Field(min_length=1)]
    wards: Annotated[int, Field(ge=0)]


@dataclass(frozen=True)
class WardShape:
    """One ward's polygons, by its GSS code."""

    code: str
    name: str
    polygons: tuple[Polygon, ...]


@dataclass(frozen=True)
class Boundaries:
    """A borough's wards as polygons, in code order, with where they come from."""

    source: BoundarySource
    wards: tuple[WardShape, ...]

    def by_code(self) -> dict[str, WardShape]:
        return {shape.code: shape for shape in self.wards}


class GeometryError(Exception):
    """A feature whose geometry cannot be used; `line` is where the feature starts."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def feature_lines(text: str) -> list[int]:
    """The line each GeoJSON Feature starts on, in order: for messages about a feature."""
    return [
        text.count("\n", 0, match.start()) + 1
        for match in re.finditer(r'"type"\s*:\s*"Feature"', text)
    ]


def polygons_of(geometry: Any, line: int) -> tuple[Polygon, ...]:
    """A Polygon or MultiPolygon's rings as tuples, checked: numbers, closed rings."""
    if not isinstance(geometry, dict) or geometry.get("type") not in {"Polygon", "MultiPolygon"}:
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        raise GeometryError(f"the geometry must be a Polygon or MultiPolygon, not {kind}", line)
    coordinates = geometry.get("coordinates")
    parts = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(parts, list) or not parts:
        raise GeometryError("the geometry has no coordinates", line)
    return tuple(_polygon(part, line) for part in parts)


def _polygon(rings: Any, line: int) -> Polygon:
    if not isinstance(rings, list) or not rings:
        raise GeometryError("a polygon has no rings", line)
    return tuple(_ring(ring, line) for ring in rings)


def _ring(ring: Any, line: int) -> Ring:
    if not isinstance(ring, list) or len(ring) < 4:
        raise GeometryError(
            "a ring needs at least four points, the last the same as the first", line
        )
    points = []
    for point in ring:
        if (
            not isinstance(point, list)
            or len(point) < 2
            or not all(
                isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)
                for v in point[:2]
            )
        ):
            raise GeometryError(f"{json.dumps(point)} is not a point [x, y]", line)
        points.append((float(point[0]), float(point[1])))
    if points[0] != points[-1]:
        raise GeometryError("a ring is not closed: its last point must be its first", line)
    return tuple(points)


def in_lon_lat(polygons: tuple[Polygon, ...], line: int) -> None:
    """Raise unless every point is a longitude and latitude."""
    for polygon in polygons:
        for ring in polygon:
            for lon, lat in ring:
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    raise GeometryError(
                        f"[{lon:g}, {lat:g}] is not a longitude and latitude (WGS84)", line
                    )


def read_boundaries(folder: Path, shown: str) -> tuple[Boundaries | None, list[Problem]]:
    """The committed boundaries, or every problem found, each at its file and line.
    `shown` is the folder as messages name it."""
    problems: list[Problem] = []
    loaded = load_valid(BoundarySource, folder / SOURCE_FILE, f"{shown}/{SOURCE_FILE}", problems)
    shapes = list(_read_shapes(folder / BOUNDARIES_FILE, f"{shown}/{BOUNDARIES_FILE}", problems))
    if loaded is None or problems:
        return None, problems
    document, source = loaded
    if source.wards != len(shapes):
        line = document.mark_of(("wards",)).line
        message = f"says {source.wards} wards, but {BOUNDARIES_FILE} has {len(shapes)}"
        return None, [Problem(document.path, line, 1, "wards", message)]
    return Boundaries(source, tuple(sorted(shapes, key=lambda s: s.code))), []


def _read_shapes(path: Path, shown: str, problems: list[Problem]) -> Iterator[WardShape]:
    try:
        text = read_text(path, limit=MAX_BYTES)
        document = json.loads(text)
    except YamlError as error:
        problems.append(Problem(shown, error.mark.line, error.mark.column, "", error.message))
        return
    except json.JSONDecodeError as error:
        problems.append(Problem(shown, error.lineno, error.colno, "", f"not JSON: {error.msg}"))
        return
    except RecursionError:
        problems.append(
            Problem(shown, 1, 1, "", "lists are nested far deeper than in any boundary file")
        )
        return
    features = document.get("features") if isinstance(document, dict) else None
    if not isinstance(features, list) or document.get("type") != "FeatureCollection":
        problems.append(Problem(shown, 1, 1, "", "expected a GeoJSON FeatureCollection"))
        return
    lines = feature_lines(text)
    seen: dict[str, int] = {}
    for index, feature in enumerate(features):
        line = lines[index] if index < len(lines) else 1
        shape = _shape(feature, line, shown, seen, problems)
        if shape is not None:
            yield shape


def _shape(
    feature: Any, line: int, shown: str, seen: dict[str, int], problems: list[Problem]
) -> WardShape | None:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict):
        problems.append(Problem(shown, line, 1, "", "a feature without properties"))
        return None
    code, name = properties.get("code"), properties.get("name")
    if not isinstance(code, str) or not WARD_CODE.fullmatch(code):
        problems.append(
            Problem(
                shown,
                line,
                1,
                "code",
                f"{json.dumps(code)} is not a ward code like {WARD_CODE_EXAMPLE}",
            )
        )
        return None
    if not isinstance(name, str) or not name.strip():
        problems.append(Problem(shown, line, 1, "name", f"{code} has no name"))
        return None
    if (found := unseen(name)) is not None:  # written as a JSON escape, past the file's gate
        message = f"{code}'s name holds an invisible character ({describe(found.group())})"
        problems.append(Problem(shown, line, 1, "name", message))
        return None
    if code in seen:
        problems.append(
            Problem(shown, line, 1, "code", f"{code} is here twice (first on line {seen[code]})")
        )
        return None
    seen[code] = line
    try:
        polygons = polygons_of(feature.get("geometry"), line)
        in_lon_lat(polygons, line)
    except GeometryError as error:
        problems.append(Problem(shown, error.line, 1, "geometry", f"{code}: {error.message}"))
        return None
    return WardShape(code, name, polygons)


def write_boundaries(boundaries: Boundaries, folder: Path) -> None:
    """`wards.geojson` (one ward a line, in code order) and `source.yml`, byte for byte the
    same for the same boundaries."""
    folder.mkdir(parents=True, exist_ok=True)
    features = [
        feature_json({"code": shape.code, "name": shape.name}, shape.polygons)
        for shape in sorted(boundaries.wards, key=lambda s: s.code)
    ]
    (folder / BOUNDARIES_FILE).write_bytes(feature_collection(features).encode())
    (folder / SOURCE_FILE).write_bytes(_source_yaml(boundaries.source).encode())


def coordinate(value: float) -> str:
    """A coordinate to about a metre, as short as it can be written: `-0.037`, `51.52425`."""
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def feature_json(properties: dict[str, str], polygons: tuple[Polygon, ...]) -> str:
    """One GeoJSON Feature on one line, its coordinates to about a metre."""

    def ring(points: Ring) -> str:
        return "[" + ",".join(f"[{coordinate(x)},{coordinate(y)}]" for x, y in points) + "]"

    parts = ["[" + ",".join(ring(r) for r in polygon) + "]" for polygon in polygons]
    if len(parts) == 1:
        geometry = '{"type":"Polygon","coordinates":' + parts[0] + "}"
    else:
        geometry = '{"type":"MultiPolygon","coordinates":[' + ",".join(parts) + "]}"
    text = json.dumps(properties, ensure_ascii=False, separators=(",", ":"))
    return f'{{"type":"Feature","properties":{text},"geometry":{geometry}}}'


def feature_collection(features: list[str]) -> str:
    """Features, one a line, as a GeoJSON FeatureCollection."""
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(features) + "\n]}\n"


def _source_yaml(source: BoundarySource) -> str:
    text = json.dumps  # a JSON string is a YAML double-quoted string
    lines = [
        "# Written by `wardpanels boundaries` (python -m wardpanels.boundaries_import); to "
        f"refresh, run: wardpanels boundaries --council {source.council} --out boundaries "
        "<ONS ward boundaries>.geojson",
        f"council: {text(source.council)}",
        f"source: {text(source.source, ensure_ascii=False)}",
        f"edition: {text(source.edition, ensure_ascii=False)}",
        f"licence: {text(source.licence)}",
        f"licence_url: {text(source.licence_url)}",
        "attribution:",
        *(f"  - {text(line, ensure_ascii=False)}" for line in source.attribution),
        f"wards: {source.wards}",
    ]
    return "\n".join(lines) + "\n"

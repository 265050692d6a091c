"""Per-site zoning: area shares by zone family, dominant zone, zone list, prescriptions, SCOT.

Why this shape: a planner reads "62 % UA, 38 % 1AUc" and the prescriptions on a site before asking
whether a coworking or a fablab may go there. The shares are areas in a projected CRS (metres), computed
with shapely 2 on whole arrays (one STRtree query, one vectorised intersection), so a thousand sites
against a whole PLUi take a second. Geometries arrive here valid and in one projected CRS: repairing
and reprojecting is the adapter's job (``processing/zoning_overlay.py``), counting what it did.

Definitions (documented in the algorithm's help and in ``resources/zoning/README.md``):
- A polygon site's share of a family is the area of the site inside zones of that family divided by
  the area of the site inside zones of any family, so ``u_pct + auc_pct + aus_pct + a_pct + n_pct`` is
  100 whenever the site touches a zone (rounded to 0.1 by largest remainder, so the rounded values
  also sum to 100). ``zoned_pct`` is the share of the site's own area covered by those zones: less than
  100 when part of the site lies outside the layer, in an RNU zone (``ZURNU``) or a carte communale's
  ``99`` sector.
- A point site (or a line, read at its point on surface) lies in one zone: that zone counts 100 %.
  On a shared boundary the first zone of the layer is taken.
- The dominant zone is the zone label (LIBELLE and type; several polygons of one zone count
  together) with the largest area on the site.
- Surface prescriptions count on a polygon site when they cover at least ``min_share_pct`` of it (their
  share is reported); line and point prescriptions count when they touch the site. For a point site,
  every prescription within ``near_m`` metres counts (a surface one "100 %" when it contains the point).
- The SCOT is every SCOT perimeter the site intersects, the most overlapping first.

Pure Python (numpy, shapely): no Qt, no QGIS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional, Sequence

import numpy as np

from ..progress import NullProgress, Progress
from .codes import FAMILIES, prescription_label, split_code

# Zoning status of a site (stable values of the ``zoning_status`` output field).
STATUS_COVERED = "covered"
STATUS_PARTIAL = "partial"
STATUS_OUTSIDE = "outside"
STATUS_NO_GEOMETRY = "no_geometry"

#: A polygon site counts as covered when zones cover at least this share of it (slivers between a
#: cadastre-based site and a PLU drawn on another base are common).
COVERED_PCT = 99.0
#: Surface prescriptions covering less than this share of a polygon site are slivers: not listed.
MIN_SHARE_PCT = 0.1
#: Default search distance around point sites (m).
NEAR_M = 10.0


@dataclass
class Zone:
    """One zone (ZONE_URBA feature or carte communale sector), valid, in the working CRS."""

    geometry: Any
    family: Optional[str]  # u, auc, aus, a, n, or None when not covered (RNU, 99)
    zone_type: str  # U, AUc, AUs, A, N, ZC, ZCa, ZnC, RNU
    libelle: str = ""
    libelong: str = ""
    idurba: str = ""
    dest_oui: tuple = ()
    dest_cdt: tuple = ()
    dest_non: tuple = ()
    formdomi: str = ""
    destdomi: str = ""
    fid: Any = None

    @property
    def key(self) -> tuple:
        return (self.libelle or self.zone_type, self.zone_type, self.idurba)


@dataclass
class Overlay:
    """One prescription (table ``PSC``) or information (``INF``), valid, in the working CRS."""

    geometry: Any
    table: str
    code: str
    subcode: str = "00"
    libelle: str = ""
    txt: str = ""
    fid: Any = None

    @classmethod
    def make(cls, geometry, table, typ, styp=None, libelle="", txt="", fid=None):
        code, sub = split_code(typ, styp)
        return cls(geometry, table.upper(), code, sub, libelle or "", txt or "", fid)

    @property
    def full_code(self) -> str:
        return f"{self.code}-{self.subcode}"


@dataclass
class Scot:
    geometry: Any
    name: str


@dataclass
class ZoneShare:
    """A zone label on a site: its area there and its share of the site's zoned area."""

    libelle: str
    zone_type: str
    family: Optional[str]
    area: float
    pct: float
    zone: Zone  # the polygon of that label with the largest area on the site (its attributes)


@dataclass
class OverlayHit:
    """Prescriptions / informations of one code (and TXT) on a site; ``pct`` is the share of a polygon
    site they cover (surfaces), 100 for a surface containing a point site, None for lines, points and
    prescriptions only near a point site."""

    table: str
    code: str
    subcode: str
    txt: str
    pct: Optional[float]
    near: bool = False
    records: list = field(default_factory=list)

    @property
    def full_code(self) -> str:
        return f"{self.code}-{self.subcode}"


@dataclass
class SiteZoning:
    status: str
    shares: dict = field(default_factory=dict)  # family → pct (rounded, sums to 100) when zoned
    zoned_pct: Optional[float] = None
    zones: list = field(default_factory=list)  # ZoneShare, largest first
    prescriptions: list = field(default_factory=list)  # OverlayHit
    informations: list = field(default_factory=list)
    scot_names: list = field(default_factory=list)
    is_point: bool = False

    @property
    def dominant(self) -> Optional[ZoneShare]:
        for share in self.zones:
            if share.family is not None:
                return share
        return None


# --------------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------------


def round_shares(values: dict, decimals: int = 1, total: float = 100.0) -> dict:
    """``values`` scaled to ``total`` and rounded to ``decimals`` so that the rounded values sum to
    ``total`` exactly (largest remainder). Zero-sum input gives zeros."""
    keys = list(values)
    raw = np.array([max(0.0, float(values[k])) for k in keys])
    s = raw.sum()
    if s <= 0:
        return {k: 0.0 for k in keys}
    unit = 10 ** decimals
    scaled = raw / s * total * unit
    floor = np.floor(scaled)
    missing = int(round(total * unit - floor.sum()))
    order = np.argsort(-(scaled - floor), kind="stable")
    for i in order[:missing]:
        floor[i] += 1
    return {k: float(floor[i] / unit) for i, k in enumerate(keys)}


def _as_array(geoms) -> np.ndarray:
    arr = np.empty(len(geoms), dtype=object)
    arr[:] = list(geoms)
    return arr


def format_pct(pct: Optional[float]) -> str:
    """``62 %``, ``<1 %`` (French spacing)."""
    if pct is None:
        return ""
    if 0 < pct < 1:
        return "<1 %"
    return f"{round(pct):d} %"


def format_zones(zones: Sequence[ZoneShare]) -> str:
    """``UA (62 %), 1AUc (38 %)``; zones outside the document (RNU) are listed too."""
    return ", ".join(f"{z.libelle or z.zone_type} ({format_pct(z.pct)})" for z in zones)


def format_hits(hits: Sequence[OverlayHit], near_word: str = "à proximité") -> str:
    """``STECAL (16-03, 100 %) ; emplacement réservé (ouvrage public) « ER 12 » (05-02, 35 %)``."""
    parts = []
    for hit in hits:
        label = prescription_label(hit.table, hit.code, hit.subcode)
        if hit.txt:
            label += f" « {hit.txt} »"
        detail = hit.full_code
        if hit.pct is not None:
            detail += ", " + format_pct(hit.pct)
        elif hit.near:
            detail += ", " + near_word
        parts.append(f"{label} ({detail})")
    return " ; ".join(parts)


def hit_codes(hits: Sequence[OverlayHit]) -> str:
    """``01-01;05-02;16-03``: the distinct codes, sorted, for filters and scoring."""
    return ";".join(sorted({h.full_code for h in hits}))


# --------------------------------------------------------------------------------------------------
# The overlay
# --------------------------------------------------------------------------------------------------


def _split_sites(sites):
    """Indices of polygonal sites, of point-like sites (points, lines) with their probe point."""
    import shapely

    geoms = _as_array(sites)
    valid = np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)
    dims = np.full(len(geoms), -1)
    if valid.any():
        dims[valid] = shapely.get_dimensions(geoms[valid])
    polygon_idx = np.flatnonzero(valid & (dims == 2))
    point_idx = np.flatnonzero(valid & (dims >= 0) & (dims < 2))
    probes = _as_array([None] * len(geoms))
    if len(point_idx):
        probes[point_idx] = shapely.point_on_surface(geoms[point_idx])
    return geoms, polygon_idx, point_idx, probes


def _zone_shares(geoms, polygon_idx, point_idx, probes, zones: Sequence[Zone]):
    """Per site: ({zone index: area}, zoned area, site area) for polygons; chosen zone for points."""
    import shapely
    from shapely.strtree import STRtree

    n = len(geoms)
    per_site = [{} for _ in range(n)]
    zoned_area = np.zeros(n)
    site_area = np.zeros(n)
    if len(polygon_idx):
        site_area[polygon_idx] = shapely.area(geoms[polygon_idx])
    if not zones:
        return per_site, zoned_area, site_area
    zone_geoms = _as_array([z.geometry for z in zones])
    tree = STRtree(zone_geoms)
    covered_zone = np.array([z.family is not None for z in zones], dtype=bool)

    if len(polygon_idx):
        poly = geoms[polygon_idx]
        left, right = tree.query(poly, predicate="intersects")
        if len(left):
            pieces = shapely.intersection(poly[left], zone_geoms[right])
            areas = shapely.area(pieces)
            keep = areas > 0
            left, right, pieces, areas = left[keep], right[keep], pieces[keep], areas[keep]
            by_site = {}
            for k, (i, j, a) in enumerate(zip(left, right, areas)):
                site = polygon_idx[i]
                per_site[site][int(j)] = per_site[site].get(int(j), 0.0) + float(a)
                if covered_zone[j]:
                    by_site.setdefault(site, []).append(k)
            for site, ks in by_site.items():
                if len(ks) == 1:
                    zoned_area[site] = areas[ks[0]]
                else:  # zones may overlap (a layer that is not a planar graph): count the union once
                    zoned_area[site] = shapely.area(shapely.union_all(pieces[ks]))

    if len(point_idx):
        pts = probes[point_idx]
        left, right = tree.query(pts, predicate="intersects")
        chosen = {}
        for i, j in sorted(zip(left.tolist(), right.tolist())):
            site = int(point_idx[i])
            current = chosen.get(site)
            # prefer a zone of the document over an RNU one, then the first of the layer
            if current is None or (covered_zone[j] and not covered_zone[current]):
                chosen[site] = j
        for site, j in chosen.items():
            per_site[site][int(j)] = 1.0
            site_area[site] = 1.0
            zoned_area[site] = 1.0 if covered_zone[j] else 0.0
    return per_site, zoned_area, site_area


def _group_zones(areas: dict, zones: Sequence[Zone], site_total: float, is_point: bool) -> list:
    """ZoneShare per zone label, largest first (zones outside the document last). Document zones'
    pct is their share of the zoned area; RNU parts' pct is their share of the whole site."""
    groups = {}
    for j, area in areas.items():
        zone = zones[j]
        entry = groups.get(zone.key)
        if entry is None:
            groups[zone.key] = entry = {"area": 0.0, "best": (area, j)}
        entry["area"] += area
        if area > entry["best"][0]:
            entry["best"] = (area, j)
    total = sum(area for j, area in areas.items() if zones[j].family is not None)
    out = []
    for key, entry in groups.items():
        zone = zones[entry["best"][1]]
        if is_point:
            pct = 100.0
        elif zone.family is not None:
            pct = 100.0 * entry["area"] / total if total > 0 else 0.0
        else:
            pct = 100.0 * entry["area"] / site_total if site_total > 0 else 0.0
        out.append(ZoneShare(key[0], zone.zone_type, zone.family, entry["area"], pct, zone))
    out.sort(key=lambda s: (s.family is None, -s.area, s.libelle))
    return out


def _overlay_hits(geoms, polygon_idx, point_idx, site_area, records: Sequence[Overlay], near_m, min_share_pct):
    import shapely
    from shapely.strtree import STRtree

    n = len(geoms)
    hits = [{} for _ in range(n)]
    if not records:
        return [[] for _ in range(n)]
    rec_geoms = _as_array([r.geometry for r in records])
    rec_dims = shapely.get_dimensions(rec_geoms)
    tree = STRtree(rec_geoms)

    def add(site, j, pct, near):
        rec = records[j]
        key = (rec.table, rec.code, rec.subcode, rec.txt)
        hit = hits[site].get(key)
        if hit is None:
            hits[site][key] = hit = OverlayHit(rec.table, rec.code, rec.subcode, rec.txt, None, near)
        hit.records.append(rec)
        if pct is not None:
            hit.pct = (hit.pct or 0.0) + pct
            hit.near = False
        elif not near:
            hit.near = False

    if len(polygon_idx):
        poly = geoms[polygon_idx]
        left, right = tree.query(poly, predicate="intersects")
        if len(left):
            surface = rec_dims[right] == 2
            pct = np.full(len(left), np.nan)
            if surface.any():
                pieces = shapely.intersection(poly[left[surface]], rec_geoms[right[surface]])
                pct[surface] = 100.0 * shapely.area(pieces) / site_area[polygon_idx[left[surface]]]
            for i, j, is_surface, p in zip(left, right, surface, pct):
                if is_surface and not (p >= min_share_pct):
                    continue
                add(int(polygon_idx[i]), int(j), float(p) if is_surface else None, False)

    if len(point_idx):
        pts = geoms[point_idx]
        left, right = tree.query(pts, predicate="dwithin", distance=float(near_m))
        if len(left):
            contains = shapely.intersects(pts[left], rec_geoms[right])
            for i, j, inside in zip(left, right, contains):
                is_surface = rec_dims[j] == 2
                if is_surface and inside:
                    add(int(point_idx[i]), int(j), 100.0, False)
                else:
                    add(int(point_idx[i]), int(j), None, not inside)

    out = []
    for site_hits in hits:
        items = list(site_hits.values())
        for h in items:
            if h.pct is not None:
                h.pct = min(100.0, h.pct)
        items.sort(key=lambda h: (h.pct is None, -(h.pct or 0.0), h.near, h.code, h.subcode, h.txt))
        out.append(items)
    return out


def _scot_names(geoms, polygon_idx, point_idx, scots: Sequence[Scot]):
    import shapely
    from shapely.strtree import STRtree

    n = len(geoms)
    out = [[] for _ in range(n)]
    if not scots:
        return out
    scot_geoms = _as_array([s.geometry for s in scots])
    tree = STRtree(scot_geoms)
    found = [{} for _ in range(n)]
    if len(polygon_idx):
        poly = geoms[polygon_idx]
        left, right = tree.query(poly, predicate="intersects")
        if len(left):
            areas = shapely.area(shapely.intersection(poly[left], scot_geoms[right]))
            for i, j, a in zip(left, right, areas):
                if a > 0:
                    name = scots[j].name
                    site = int(polygon_idx[i])
                    found[site][name] = found[site].get(name, 0.0) + float(a)
    if len(point_idx):
        left, right = tree.query(geoms[point_idx], predicate="intersects")
        for i, j in zip(left, right):
            found[int(point_idx[i])].setdefault(scots[j].name, 1.0)
    for site in range(n):
        out[site] = [name for name, _ in sorted(found[site].items(), key=lambda kv: (-kv[1], kv[0])) if name]
    return out


#: Sites overlaid at once between two progress reports (and cancel checks).
CHUNK = 256


def overlay_sites(
    sites: Sequence[Any],
    zones: Sequence[Zone],
    prescriptions: Sequence[Overlay] = (),
    informations: Sequence[Overlay] = (),
    scots: Sequence[Scot] = (),
    near_m: float = NEAR_M,
    min_share_pct: float = MIN_SHARE_PCT,
    covered_pct: float = COVERED_PCT,
    progress: Optional[Progress] = None,
) -> list:
    """One :class:`SiteZoning` per site (same order); ``None`` or empty geometries give status
    ``no_geometry``. All geometries must be valid and in the same projected CRS. The sites go by chunks
    of :data:`CHUNK`, reporting to ``progress`` and stopping with :class:`Canceled` when it is canceled."""
    progress = progress or NullProgress()
    sites = list(sites)
    results = []
    for start in range(0, len(sites), CHUNK):
        progress.check()
        results += _overlay_chunk(sites[start:start + CHUNK], zones, prescriptions, informations, scots, near_m,
                                  min_share_pct, covered_pct)
        progress.set(min(len(sites), start + CHUNK) / max(1, len(sites)))
    return results


def _overlay_chunk(sites, zones, prescriptions, informations, scots, near_m, min_share_pct, covered_pct) -> list:
    geoms, polygon_idx, point_idx, probes = _split_sites(sites)
    per_site, zoned_area, site_area = _zone_shares(geoms, polygon_idx, point_idx, probes, zones)
    psc_hits = _overlay_hits(geoms, polygon_idx, point_idx, site_area, prescriptions, near_m, min_share_pct)
    inf_hits = _overlay_hits(geoms, polygon_idx, point_idx, site_area, informations, near_m, min_share_pct)
    scot_names = _scot_names(geoms, polygon_idx, point_idx, scots)
    is_point = np.zeros(len(geoms), dtype=bool)
    is_point[point_idx] = True
    has_geometry = np.zeros(len(geoms), dtype=bool)
    has_geometry[polygon_idx] = True
    has_geometry[point_idx] = True

    results = []
    for site in range(len(geoms)):
        if not has_geometry[site]:
            results.append(SiteZoning(STATUS_NO_GEOMETRY))
            continue
        areas = per_site[site]
        family_area = dict.fromkeys(FAMILIES, 0.0)
        for j, area in areas.items():
            if zones[j].family is not None:
                family_area[zones[j].family] += area
        zoned = float(zoned_area[site])
        total_site = float(site_area[site])
        zoned_pct = min(100.0, 100.0 * zoned / total_site) if total_site > 0 else 0.0
        zoned_pct = round(zoned_pct, 1)
        if sum(family_area.values()) > 0:
            shares = round_shares(family_area)
            status = STATUS_COVERED if zoned_pct >= covered_pct else STATUS_PARTIAL
        else:
            shares = {}
            status = STATUS_OUTSIDE
        zone_list = _group_zones(areas, zones, total_site, bool(is_point[site]))
        results.append(SiteZoning(
            status=status,
            shares=shares,
            zoned_pct=zoned_pct,
            zones=zone_list,
            prescriptions=psc_hits[site],
            informations=inf_hits[site],
            scot_names=scot_names[site],
            is_point=bool(is_point[site]),
        ))
    return results


# --------------------------------------------------------------------------------------------------
# Repair and working CRS (used by the adapter before the overlay)
# --------------------------------------------------------------------------------------------------

#: Official projected CRS of French territories: (lon min, lat min, lon max, lat max, EPSG).
FRENCH_CRS = (
    (-5.8, 41.0, 10.0, 51.6, 2154),  # metropolitan France and Corsica: Lambert-93
    (-63.2, 14.3, -60.7, 18.2, 5490),  # Antilles: RGAF09 / UTM 20N
    (-54.7, 2.0, -51.5, 6.0, 2972),  # Guyane: RGFG95 / UTM 22N
    (55.1, -21.5, 56.0, -20.8, 2975),  # La Réunion: RGR92 / UTM 40S
    (44.9, -13.1, 45.4, -12.5, 4471),  # Mayotte: RGM04 / UTM 38S
)


def projected_epsg(lon: float, lat: float) -> int:
    """The projected CRS to measure areas in around (lon, lat): the territory's official one in France,
    else the WGS 84 UTM zone."""
    for minx, miny, maxx, maxy, epsg in FRENCH_CRS:
        if minx <= lon <= maxx and miny <= lat <= maxy:
            return epsg
    zone = int((lon + 180.0) // 6.0) % 60 + 1
    return (32600 if lat >= 0 else 32700) + zone


def polygonal_parts(geom):
    """The polygons of ``geom`` (any type) as a MultiPolygon, None when it has none with an area."""
    import shapely
    from shapely.geometry import MultiPolygon

    if geom is None or geom.is_empty:
        return None
    parts = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and p.area > 0]
    if not parts and geom.geom_type == "GeometryCollection":
        for sub in geom.geoms:
            parts.extend(p for p in shapely.get_parts(sub) if p.geom_type == "Polygon" and p.area > 0)
    return MultiPolygon(parts) if parts else None


def repair(geom, polygonal: bool = False):
    """``(valid geometry or None, repaired?)``: ``shapely.make_valid`` on an invalid geometry, keeping the
    parts of its own dimension (a bow-tie polygon becomes two triangles, not a line). With
    ``polygonal=True`` the result is always a MultiPolygon (zones)."""
    import shapely

    if geom is None or geom.is_empty:
        return None, False
    repaired = False
    if not geom.is_valid:
        dim = shapely.get_dimensions(geom)
        fixed = shapely.make_valid(geom)
        repaired = True
        if dim == 2 or polygonal:
            geom = polygonal_parts(fixed)
        else:
            parts = [p for p in shapely.get_parts(fixed) if shapely.get_dimensions(p) == dim and not p.is_empty]
            geom = shapely.union_all(parts) if parts else None
        if geom is None or geom.is_empty:
            return None, True
    if polygonal:
        geom = polygonal_parts(geom)
    return geom, repaired


def repair_many(wkbs, polygonal: bool = False, progress: Optional[Progress] = None):
    """:func:`repair` over many WKB geometries at once (vectorised parsing and validity test; only the
    invalid ones go through ``make_valid``): ``(list of geometries or None, list of repaired flags,
    list of multi-part flags)``. ``None`` or unreadable WKB gives None. ``progress`` is checked between
    repairs (:class:`Canceled`)."""
    import shapely

    progress = progress or NullProgress()
    n = len(wkbs)
    geoms = _as_array([None] * n)
    ok = np.array([w is not None for w in wkbs], dtype=bool)
    if ok.any():
        raw = _as_array([w for w in wkbs if w is not None])
        geoms[ok] = shapely.force_2d(shapely.from_wkb(raw, on_invalid="ignore"))
    present = np.array([g is not None and not g.is_empty for g in geoms], dtype=bool)
    multipart = np.zeros(n, dtype=bool)
    valid = np.ones(n, dtype=bool)
    if present.any():
        multipart[present] = shapely.get_num_geometries(geoms[present]) > 1
        valid[present] = shapely.is_valid(geoms[present])
    repaired = present & ~valid
    out = list(geoms)
    for i in np.flatnonzero(~present):
        out[i] = None
    for k, i in enumerate(np.flatnonzero(repaired)):
        if k % 64 == 0:
            progress.check()
        out[i], _ = repair(geoms[i], polygonal=polygonal)
    if polygonal:
        clean = np.flatnonzero(present & valid)
        if len(clean):
            types = shapely.get_type_id(geoms[clean])
            single = clean[types == 3]  # Polygon → MultiPolygon
            if len(single):
                multis = shapely.multipolygons(geoms[single], indices=np.arange(len(single)))
                for i, g in zip(single, multis):
                    out[i] = g
            for i in clean[(types != 3) & (types != 6)]:  # collections and others: their polygons
                out[i] = polygonal_parts(geoms[i])
    return out, repaired.tolist(), multipart.tolist()

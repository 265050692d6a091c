"""The steps of ``friches:prepare_territory``, one method per kind of source.

Why a class apart from the algorithm: the algorithm module keeps the parameters and the order of the
steps (one screen); here each step reads its source (a file through ``territory_io``, a service through
``territory_online``), writes its layer of the GeoPackage and records what it kept and dropped in the
report. All geometry is in Lambert-93; the area is the territory grown by the buffer.
"""

from __future__ import annotations

import json
import os
from typing import List, Optional

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsProcessingException, QgsProviderRegistry
from qgis.PyQt.QtCore import QVariant

from ..compat import SKIP_GEOMETRY_CHECKS
from ..core import territory as names
from ..core.opendata import geo_api, overpass, transport_api
from ..core.progress import Canceled
from ..core.territory.area import Area, Inside, build_area
from ..core.zoning import gpu_api
from ..translation import tr
from . import territory_io as tio
from . import territory_online as online

CODE_FIELDS = ("insee_com", "insee_arm", "code_insee", "insee", "code", "codgeo", "depcom", "inseecom")
NAME_FIELDS = ("nom", "nom_com", "nom_m", "name", "libgeo", "nomcom")
EPCI_FIELDS = ("siren_epci", "code_epci", "epci", "siren")
COMMUNE_FIELDS = (("code", "string"), ("nom", "string"), ("population", "int"), ("code_epci", "string"),
                  ("code_departement", "string"), ("code_region", "string"), ("source", "string"))


def _insee(value):
    """An INSEE code as text, its leading zero given back when a number lost it (3013 -> 03013)."""
    if value is None or isinstance(value, QVariant) or str(value).strip() in ("", "NULL"):
        return None
    text = str(value).strip()
    if text.endswith(".0"):
        text = text[:-2]
    return "0" + text if len(text) == 4 and text.isdigit() else text.upper()


def _find(field_names, wanted):
    lower = {n.lower(): n for n in field_names}
    for w in wanted:
        if w in lower:
            return lower[w]
    return None


class TerritoryBuilder:
    """Writes the prepared GeoPackage (``writer``) step by step and keeps the report rows."""

    def __init__(self, alg, parameters, context, feedback, writer: tio.GeoPackageWriter, folder: str, client=None):
        self.alg, self.parameters, self.context, self.feedback = alg, parameters, context, feedback
        self.writer, self.folder, self.client = writer, folder, client
        self.report: List[tio.LayerCounts] = []
        self.area: Optional[Area] = None
        self.inside: Optional[Inside] = None
        self.codes = transport_api.Territory()
        self.code_list: List[str] = []

    # -- helpers --------------------------------------------------------------------------------------------
    def progress(self, start, end):
        return tio.progress_of(self.feedback, start, end)

    def record(self, counts: tio.LayerCounts) -> tio.LayerCounts:
        self.report.append(counts)
        self.feedback.pushInfo(tr(
            "{layer}: {kept} kept ({clipped} cut at the edge) of {read} read; dropped: {outside} outside the area, "
            "{nogeom} without geometry, {bad} unreadable. Source: {source}").format(
            layer=counts.layer, kept=counts.kept, clipped=counts.clipped, read=counts.read, outside=counts.outside,
            nogeom=counts.no_geometry, bad=counts.invalid, source=counts.source))
        return counts

    def missing(self, layer: str, note: str) -> None:
        self.report.append(tio.LayerCounts(layer, tr("not given"), tio.MISSING, note=note))
        self.feedback.pushInfo(tr("{layer}: no source given; {note}").format(layer=layer, note=note))

    def bbox(self):
        return self.area.bounds

    def bbox_wgs84(self):
        to_wgs = tio.Reprojector(self.writer.l93, 4326)
        return tio.densified_box(self.area.area, to_wgs)

    def source(self, name):
        return tio.resolve_source(self.alg, self.parameters, name, self.context, self.bbox(), self.folder,
                                  self.feedback)

    # -- territory ----------------------------------------------------------------------------------------------
    def _set_area(self, geoms_l93, buffer_m):
        try:
            self.area = build_area(list(geoms_l93), buffer_m)
        except ValueError as exc:
            raise QgsProcessingException(tr("The territory has no polygon to build an area from.")) from exc
        self.inside = Inside(self.area.area)

    def _write_communes(self, rows, geoms, source_label, buffer_m):
        for row in rows:  # département and région from the INSEE code when the source does not give them
            row[4] = row[4] or geo_api.departement_of(row[0])
            row[5] = row[5] or geo_api.REGION_OF_DEPARTEMENT.get(row[4] or "")
        self._set_area(geoms, buffer_m)
        counts = tio.LayerCounts(names.COMMUNES, source_label)
        whole = Inside(self.area.area.buffer(1.0))  # every commune is kept whole
        self.writer.write_features(names.COMMUNES, "polygon", COMMUNE_FIELDS, rows, geoms, whole, False, counts)
        self.record(counts)
        area_counts = tio.LayerCounts(names.AREA, tr("territory grown by {m} m").format(m=f"{buffer_m:g}"))
        self.writer.write_features(names.AREA, "polygon", [("buffer_m", "double"), ("area_km2", "double")],
                                   [[buffer_m, round(self.area.area.area / 1e6, 3)]], [self.area.area], whole,
                                   False, area_counts)
        self.codes.communes = {r[0] for r in rows if r[0]}
        self.codes.epcis = {r[3] for r in rows if r[3]}
        self.codes.departements = {r[4] for r in rows if r[4]}
        self.codes.regions = {r[5] for r in rows if r[5]}
        self.code_list = sorted(self.codes.communes)
        self.feedback.pushInfo(tr("Territory: {n} commune(s), {km2} km²; area with the buffer of {m} m: "
                                  "{area} km².").format(n=len(rows), km2=round(self.area.territory.area / 1e6, 1),
                                                        m=f"{buffer_m:g}", area=round(self.area.area.area / 1e6, 1)))

    def territory_from_layer(self, param, buffer_m):
        """Polygons of a layer (any CRS), its code and name fields when it has them."""
        import shapely

        source = self.alg.parameterAsSource(self.parameters, param, self.context)
        if source is None:
            raise QgsProcessingException(self.alg.invalidSourceError(self.parameters, param))
        field_names = source.fields().names()
        code_f, name_f, epci_f = (_find(field_names, f) for f in (CODE_FIELDS, NAME_FIELDS, EPCI_FIELDS))
        request = QgsFeatureRequest().setDestinationCrs(QgsCoordinateReferenceSystem(names.LAMBERT_93),
                                                        self.context.transformContext())
        rows, geoms = [], []
        for feature in source.getFeatures(request, SKIP_GEOMETRY_CHECKS):
            if not feature.hasGeometry():
                continue
            geom = shapely.from_wkb(bytes(feature.geometry().asWkb()))
            geoms.append(shapely.force_2d(geom))
            code = _insee(feature[code_f]) if code_f else None
            rows.append([code, str(feature[name_f]) if name_f and feature[name_f] else None, None,
                         str(feature[epci_f]) if epci_f and feature[epci_f] else None, None, None,
                         tr("layer {name}").format(name=source.sourceName())])
        if not geoms:
            raise QgsProcessingException(tr("The territory layer has no polygon."))
        self._write_communes(rows, geoms, source.sourceName(), buffer_m)

    def territory_from_codes_layer(self, param, kind, codes, buffer_m):
        """The communes of ``codes`` (or of the EPCI) found in a communes layer (ADMIN EXPRESS), read with an
        attribute filter: a national file is not loaded whole."""
        import shapely

        ref = tio.resolve_source(self.alg, self.parameters, param, self.context,
                                 (-1e7, -1e7, 1e7, 1e7), self.folder, self.feedback)
        dataset, layer = tio.open_layer(ref)
        fields = [layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())]
        key = _find(fields, EPCI_FIELDS if kind == geo_api.EPCI else CODE_FIELDS)
        if key is None:
            raise QgsProcessingException(tr("The communes layer {layer} has no {what} field ({fields}).").format(
                layer=ref.label, what="SIREN_EPCI" if kind == geo_api.EPCI else "INSEE_COM",
                fields=", ".join(EPCI_FIELDS if kind == geo_api.EPCI else CODE_FIELDS)))
        quoted = ",".join("'{}'".format(c.replace("'", "")) for c in codes)
        layer.SetAttributeFilter(f'"{key}" IN ({quoted})')
        srs, _note = tio.guess_srs(layer)
        to_l93 = tio.Reprojector(srs, self.writer.l93)
        code_f, name_f, epci_f = (_find(fields, f) for f in (CODE_FIELDS, NAME_FIELDS, EPCI_FIELDS))
        dep_f, reg_f = _find(fields, ("insee_dep", "code_dep", "dep")), _find(fields, ("insee_reg", "code_reg", "reg"))
        pop_f = _find(fields, ("population", "pop"))
        rows, geoms, found = [], [], set()
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is None:
                continue
            geoms.append(shapely.force_2d(shapely.from_wkb(bytes(geometry.ExportToIsoWkb()))))
            value = {f: feature.GetField(f) if f else None for f in (code_f, name_f, epci_f, dep_f, reg_f, pop_f)}
            found.add(str(feature.GetField(key)))
            population = int(value[pop_f]) if value[pop_f] else None
            rows.append([_insee(value[code_f]), value[name_f], population, value[epci_f], value[dep_f], value[reg_f],
                         ref.label])
        dataset = None  # noqa: F841
        missing = [c for c in codes if c not in found]
        if missing:
            raise QgsProcessingException(tr("The communes layer {layer} has no feature with {field} = {codes}.")
                                         .format(layer=ref.label, field=key, codes=", ".join(missing)))
        self._write_communes(rows, list(to_l93.geoms(np.array(geoms, dtype=object))), ref.label, buffer_m)

    def territory_from_api(self, base_url, kind, codes, buffer_m):
        import shapely

        communes = online.fetch_communes(self.client, base_url, kind, codes, self.feedback)
        geoms = shapely.from_geojson([json.dumps(c["geometry"]) for c in communes])
        to_l93 = tio.Reprojector(4326, self.writer.l93)
        rows = [[c["code"], c["nom"], c["population"], c["code_epci"], c["code_departement"], c["code_region"],
                 geo_api.SERVICE] for c in communes]
        self._write_communes(rows, list(to_l93.geoms(geoms)), geo_api.SERVICE, buffer_m)

    # -- files ------------------------------------------------------------------------------------------------
    def copy_file(self, param, layer, clip, start, end, expect=None, lower_case=False,
                  csv_points=False, only_with=None) -> Optional[tio.LayerCounts]:
        """Layer ``layer`` from the file of parameter ``param``; ``csv_points``: a CSV is read as points from
        its coordinate or WKT columns (else refused)."""
        ref = self.source(param)
        if ref is None:
            return None
        counts = tio.LayerCounts(layer, ref.label or ref.path)
        options = ()
        if ref.kind == "csv":
            if not csv_points:
                raise QgsProcessingException(tr("{source} is a text file without geometry: give {param} as a layer "
                                                "with geometry (GeoPackage, shapefile, GeoJSON…).").format(
                    source=ref.path, param=param))
            # a table of points (BPE with LAMBERT_X / LAMBERT_Y, a list with longitude / latitude)
            ref = tio.SourceRef("ogr", tio.utf8_copy(ref.path, self.folder), None, ref.label)
            options = tio.CSV_POINT_OPTIONS
        self.writer.copy(ref, layer, self.inside, clip, self.progress(start, end), counts, lower_case=lower_case,
                         expect=expect, open_options=options, only_with=only_with)
        return self.record(counts)

    def population(self, param, start, end) -> Optional[tio.LayerCounts]:
        ref = self.source(param)
        if ref is None:
            return None
        if ref.kind != "csv":
            counts = tio.LayerCounts(names.POPULATION, ref.label)
            self.writer.copy(ref, names.POPULATION, self.inside, False, self.progress(start, end), counts,
                             lower_case=True, expect="polygon")
            return self.record(counts)
        return self.record(self._population_csv(ref, start, end))

    def _population_csv(self, ref, start, end):
        """A Filosofi CSV: cells rebuilt from their names (south-west corner, size) in their own CRS."""
        import shapely

        from ..core.territory import text_sources

        counts = tio.LayerCounts(names.POPULATION, ref.label)
        rows, geoms, fields = [], [], None
        laea = 3035  # metropolitan France; cells of another CRS (overseas grids) are counted as unreadable
        box = tio.densified_box(self.area.area, tio.Reprojector(self.writer.l93, laea))
        back = tio.Reprojector(laea, self.writer.l93)
        try:
            for header, kinds, batch, epsg, size, north, east in text_sources.read_grid(
                    ref.path, box, self.progress(start, end)):
                fields = [(h.lower(), k) for h, k in zip(header, kinds)]
                same = epsg == laea
                counts.invalid += int((~same).sum())
                x0, y0, side = east[same].astype(float), north[same].astype(float), size[same].astype(float)
                geoms.extend(back.geoms(shapely.box(x0, y0, x0 + side, y0 + side)))
                rows.extend(row for row, ok in zip(batch, same) if ok)
        except ValueError as exc:
            raise QgsProcessingException(tr("{path} is not a Filosofi grid: it has no idcar_200m column.").format(
                path=ref.path)) from exc
        if fields is None:
            _enc, _delim, header = text_sources.sniff(ref.path)
            fields = [(h.lower(), k) for h, k in zip(header, text_sources.grid_types(header))]
        counts.add_note(tr("Cells rebuilt from idcar_200m (ETRS89-LAEA)."))
        self.writer.write_features(names.POPULATION, "polygon", fields, rows, geoms, self.inside, False, counts)
        return counts

    # -- friches --------------------------------------------------------------------------------------------------
    def friches_file(self, param, start, end) -> Optional[tio.LayerCounts]:
        ref = self.source(param)
        if ref is None:
            return None
        counts = tio.LayerCounts(names.FRICHES, ref.label)
        if ref.kind == "csv":
            from ..core.territory import text_sources

            out = os.path.join(self.folder, "friches_in_area.csv")
            to_l93 = tio.Reprojector(4326, self.writer.l93)
            stats = text_sources.filter_friches(
                ref.path, out, lambda g: self.inside.classify(g)[0], to_l93.geoms, self.code_list,
                self.progress(start, start + 0.6 * (end - start)))
            counts.read, counts.outside, counts.no_geometry = stats.read, stats.outside, stats.no_location
            counts.invalid = stats.unreadable
            if stats.kept_by_code:
                counts.add_note(tr("{n} row(s) without usable location kept for their INSEE code.").format(
                    n=stats.kept_by_code))
            if stats.swapped:
                counts.add_note(tr("{n} geometry(ies) written latitude first read the right way.").format(
                    n=stats.swapped))
            source = out
        else:
            temp = tio.GeoPackageWriter(os.path.join(self.folder, "friches_in_area.gpkg"))
            temp.copy(ref, "friches", self.inside, False, self.progress(start, start + 0.6 * (end - start)), counts)
            temp.close()
            counts.kept = 0
            source = f"{temp.path}|layername=friches"
        return self.import_friches(source, counts, start + 0.6 * (end - start), end)

    def friches_api(self, base_url, start, end):
        features = online.fetch_friches(self.client, base_url, self.bbox_wgs84(), self.feedback)
        counts = tio.LayerCounts(names.FRICHES, online.cartofriches_api.SERVICE)
        import shapely

        geoms = shapely.from_geojson([json.dumps(f.get("geometry")) if f.get("geometry") else None
                                      for f in features], on_invalid="ignore") if features else []
        to_l93 = tio.Reprojector(4326, self.writer.l93)
        present = [g is not None and not g.is_empty for g in geoms]
        geoms_l93 = to_l93.geoms(np.array([g if ok else None for g, ok in zip(geoms, present)], dtype=object)) \
            if features else []
        hit, _within = self.inside.classify(geoms_l93) if features else (np.zeros(0, bool), None)
        counts.read = len(features)
        counts.no_geometry = int(sum(1 for ok in present if not ok))
        counts.outside = int(sum(1 for ok, h in zip(present, hit) if ok and not h))
        kept = [f for f, h in zip(features, hit) if h]
        path = online.write_geojson(kept, os.path.join(self.folder, "friches_api.geojson"))
        if not kept:
            counts.status = tio.EMPTY
            return self.record(counts)
        return self.import_friches(path, counts, start + 0.5 * (end - start), end)

    def import_friches(self, source, counts, start, end):
        """friches:import_inventory into the GeoPackage (layers friches, friches_emprises, import_report)."""
        from qgis import processing

        from .full_analysis import table_uri

        self.writer.close()
        try:
            out = processing.run("friches:import_inventory", {
                "INPUT": source, "TARGET_CRS": names.LAMBERT_93, "INVENTORY": self.writer.path,
                "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_POLYGONS": "TEMPORARY_OUTPUT",
                "REPORT": table_uri(self.writer.path, names.IMPORT_REPORT, geometry=False),
            }, context=self.context, feedback=self.feedback, is_child_algorithm=True)
        except QgsProcessingException as exc:
            if self.feedback.isCanceled():
                raise Canceled() from exc
            raise QgsProcessingException(tr("Importing the friches failed: {error}").format(error=str(exc))) from exc
        finally:
            self.writer.reopen()
        counts.kept = int(out.get("IMPORTED") or 0)
        rejected = int(out.get("REJECTED") or 0)
        if rejected:
            counts.add_note(tr("{n} row(s) rejected by the import (see the import_report table).").format(n=rejected))
        counts.status = tio.WRITTEN if counts.kept else tio.EMPTY
        self.feedback.setProgress(100.0 * end)
        return self.record(counts)

    # -- roads online ---------------------------------------------------------------------------------------------
    def roads_wfs(self, base_url, start, end):
        import shapely

        features = online.fetch_wfs_roads(self.client, base_url, self.bbox(), self.feedback,
                                          self.progress(start, start + 0.8 * (end - start)))
        fields = gpu_api.infer_fields(features)
        rows = [gpu_api.property_values(f, fields) for f in features]
        geoms = shapely.from_geojson([json.dumps(f.get("geometry")) if f.get("geometry") else None
                                      for f in features], on_invalid="ignore") if features else []
        has_z = bool(len(geoms)) and bool(shapely.has_z(geoms[[g is not None for g in geoms]]).any())
        counts = tio.LayerCounts(names.ROADS, online.wfs.SERVICE)
        self.writer.write_features(names.ROADS, "line", fields, rows, geoms, self.inside, True, counts,
                                   dimension_z=has_z)
        return self.record(counts)

    def roads_overpass(self, url, timeout_s, start, end):
        import shapely

        ways = online.fetch_overpass_roads(self.client, url, self.bbox_wgs84(), timeout_s, self.feedback,
                                           self.progress(start, start + 0.8 * (end - start)))
        fields = [("osm_id", "int64")] + [(t, "string") for t in overpass.TAGS] + [("other_tags", "string")]
        rows = []
        for way in ways:
            way_id, row = overpass.way_row(way)
            rows.append([way_id] + [row[t] for t in overpass.TAGS] + [row["other_tags"]])
        if ways:
            counts = [len(w["coords"]) for w in ways]
            coords = np.array([xy for w in ways for xy in w["coords"]], dtype=float)
            lines = shapely.linestrings(coords, indices=np.repeat(np.arange(len(ways)), counts))
        else:
            lines = np.empty(0, dtype=object)
        geoms = tio.Reprojector(4326, self.writer.l93).geoms(lines)
        counts = tio.LayerCounts(names.ROADS, online.overpass.SERVICE)
        counts.add_note(tr("© OpenStreetMap contributors, ODbL 1.0."))
        self.writer.write_features(names.ROADS, "line", fields, rows, geoms, self.inside, True, counts)
        return self.record(counts)

    # -- PLU ------------------------------------------------------------------------------------------------------
    def plu_files(self, param, start, end):
        """Each PLU layer given, by its CNIG name (file or layer name); several of one name are appended."""
        layers = self.alg.parameterAsLayerList(self.parameters, param, self.context)
        by_role = {}
        for layer in layers:
            parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
            role = names.plu_role(layer.name()) or names.plu_role(parts.get("layerName") or "") \
                or names.plu_role(os.path.basename(parts.get("path") or layer.source().split("|")[0]))
            if role is None:
                raise QgsProcessingException(tr(
                    "The PLU layer {layer} is none of {roles}: name the file or the layer after its CNIG table "
                    "(e.g. 41175_ZONE_URBA_20140603.shp).").format(layer=layer.name(), roles=", ".join(
                        r.upper() for r in names.PLU_LAYERS)))
            by_role.setdefault(role, []).append(layer)
        steps = max(1, len(layers))
        done = 0
        for role, members in by_role.items():
            counts = tio.LayerCounts(role, ", ".join(m.name() for m in members))
            parts = []
            for k, layer in enumerate(members):
                part = os.path.join(self.folder, f"plu_{role}_{k}.gpkg")
                temp = tio.GeoPackageWriter(part)
                ref = tio.resolve_source(self.alg, {"PLU": layer.source()}, "PLU", self.context, self.bbox(),
                                         self.folder, self.feedback) if layer.providerType() == "ogr" else None
                if ref is None:
                    ref = tio.resolve_source(self.alg, {"PLU": layer}, "PLU", self.context, self.bbox(), self.folder,
                                             self.feedback)
                done += 1
                temp.copy(ref, role, self.inside, False, self.progress(start + (end - start) * (done - 1) / steps,
                                                                       start + (end - start) * done / steps),
                          counts, lower_case=False)
                temp.close()
                parts.append(part)
            self._append_parts(role, parts, counts)
            self.record(counts)

    def _append_parts(self, role, parts, counts):
        """One layer ``role`` from the pieces (field names matched without case, union of the fields)."""
        from osgeo import ogr

        sources = [ogr.Open(p) for p in parts]
        layers = [s.GetLayerByName(role) for s in sources]
        seen, defns = {}, []
        for layer in layers:
            defn = layer.GetLayerDefn()
            for i in range(defn.GetFieldCount()):
                fd = defn.GetFieldDefn(i)
                if fd.GetName().lower() not in seen:
                    seen[fd.GetName().lower()] = len(defns)
                    defns.append(tio.copy_field(fd))
        geom_type = layers[0].GetGeomType()
        if any(layer.GetGeomType() != geom_type for layer in layers):
            geom_type = ogr.GT_GetCollection(ogr.GT_Flatten(geom_type)) if ogr.GT_Flatten(geom_type) != 1 else geom_type
        out = self.writer._create(role, geom_type, defns)
        out_defn = out.GetLayerDefn()
        self.writer.ds.StartTransaction()
        for layer in layers:
            defn = layer.GetLayerDefn()
            mapping = [seen[defn.GetFieldDefn(i).GetName().lower()] for i in range(defn.GetFieldCount())]
            for feature in layer:
                target = ogr.Feature(out_defn)
                target.SetFromWithMap(feature, 1, mapping)
                geometry = target.GetGeometryRef()
                if geometry is not None and ogr.GT_Flatten(geometry.GetGeometryType()) != ogr.GT_Flatten(geom_type):
                    target.SetGeometryDirectly(ogr.ForceTo(geometry.Clone(), geom_type))
                out.CreateFeature(target)
        self.writer.ds.CommitTransaction()
        sources = layers = None

    def plu_gpu(self, base_url, timeout_s, retries, start, end):
        """friches:load_gpu on the area's box (its own cache GeoPackage), then each layer cut to the area."""
        from qgis import processing

        cache = os.path.join(self.folder, "gpu.gpkg")
        minx, miny, maxx, maxy = self.bbox()
        params = {"EXTENT": f"{minx},{maxx},{miny},{maxy} [EPSG:2154]", "OUTPUT": cache, "LAYERS": list(range(8)),
                  "TIMEOUT": timeout_s, "RETRIES": retries}
        if base_url:
            params["BASE_URL"] = base_url
        if self.parameters.get("AUTHCFG"):
            params["AUTHCFG"] = self.parameters["AUTHCFG"]
        try:
            processing.run("friches:load_gpu", params, context=self.context, feedback=self.feedback,
                           is_child_algorithm=True)
        except QgsProcessingException as exc:
            if self.feedback.isCanceled():
                raise Canceled() from exc
            raise
        for k, role in enumerate(gpu_api.LAYER_NAMES):
            counts = tio.LayerCounts(role, "API Carto GPU")
            ref = tio.SourceRef("ogr", cache, role, f"API Carto GPU: {role}")
            self.writer.copy(ref, role, self.inside, False,
                             self.progress(start + (end - start) * k / 8, start + (end - start) * (k + 1) / 8), counts)
            if counts.kept:
                self.record(counts)

    # -- GTFS ------------------------------------------------------------------------------------------------------
    def gtfs(self, feeds, out_zip, start, end):
        """The feeds (paths and labels) cut to the area and merged into ``out_zip``; the zip is also kept in
        the GeoPackage's gtfs_feed table."""
        from ..core.territory import gtfs_clip

        to_l93 = tio.Reprojector(4326, self.writer.l93)

        def inside(lon, lat):
            x, y = to_l93.xy(lon, lat)
            return self.inside.points(x, y)

        try:
            report = gtfs_clip.clip_feeds([p for p, _l in feeds], inside, out_zip,
                                          names=[os.path.basename(p) for p, _l in feeds],
                                          progress=self.progress(start, end))
        except gtfs_clip.GtfsClipError as exc:
            raise QgsProcessingException(tr("The GTFS feed {feed} cannot be read ({code}: {params}).").format(
                feed=exc.feed, code=exc.code, params=", ".join(f"{k}={v}" for k, v in exc.params.items()))) from exc
        for (_path, label), feed in zip(feeds, report.feeds):
            counts = tio.LayerCounts(names.GTFS, label, read=feed.trips, kept=feed.trips_kept,
                                     outside=feed.trips - feed.trips_kept)
            counts.add_note(tr("Trips: {kept} of {trips} kept (those calling in the area). Stops: {inside} in the "
                               "area, {stops} kept of {total} (with the timepoints next to the area and parent "
                               "stations). Stop times: {st} of {st_total}.").format(
                kept=feed.trips_kept, trips=feed.trips, inside=feed.stops_inside, stops=feed.stops_kept,
                total=feed.stops, st=feed.stop_times_kept, st_total=feed.stop_times))
            self.record(counts)
        if report.merged:
            self.feedback.pushInfo(tr("{n} GTFS feeds merged into one (ids prefixed f1_, f2_…).").format(
                n=len(feeds)))
        with open(out_zip, "rb") as fh:
            data = fh.read()
        self.writer.write_table(names.GTFS, [("name", "string"), ("sources", "string"), ("trips", "int"),
                                             ("stops", "int"), ("zip", "binary")],
                                [["gtfs.zip", " | ".join(label for _p, label in feeds), report.trips_kept,
                                  report.stops_kept, data]])
        return report

    # -- report ---------------------------------------------------------------------------------------------------
    def write_report(self):
        return self.writer.write_table(names.REPORT, [(n, k) for n, k in tio.REPORT_FIELDS],
                                       [tio.report_row(c) for c in self.report])

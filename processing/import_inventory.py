"""``friches:import_inventory``: read a friches inventory (CNIG / Cartofriches CSV, GeoJSON, GeoPackage,
shapefile...) into the CNIG standard, report every problem, and optionally merge it into the inventory
GeoPackage.

Why this shape: the rules (field matching, code lists, dates, geometry, ids, duplicates, the merge rule)
are in ``core.inventory`` and unit-tested without QGIS; this module only turns QGIS features into plain
values, translates the core's reason codes, and writes the sinks and the GeoPackage.
"""

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QUrl, QUrlQuery

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
    WKB_POINT,
    make_field,
)
from ..core import cnig_friches
from ..core import inventory as inv
from .base import FrichesAlgorithm
from .inventory_location import reads_inventory
from .inventory_merge import input_name, merge_into_inventory, resolve_location
from .inventory_schema import inventory_fields, polygon_fields
from .inventory_store import (
    py_value,
    qt_value,
    shapely_transform,
    to_qgs,
    to_shapely,
)
from .styles import style_on_completion

#: Warnings pushed to the log one by one; the rest are counted (all are in the report).
MAX_LOGGED_WARNINGS = 50
#: Text files are sniffed for their encoding up to this size.
SNIFF_BYTES = 20_000_000


class _Blank(dict):
    """format_map helper: a missing parameter prints as nothing instead of raising."""

    def __missing__(self, key):
        return ""


class ImportInventoryAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    FIELD_MAPPING = "FIELD_MAPPING"
    SOURCE_CRS = "SOURCE_CRS"
    TARGET_CRS = "TARGET_CRS"
    ENCODING = "ENCODING"
    INVENTORY = "INVENTORY"
    OUTPUT = "OUTPUT"
    OUTPUT_POLYGONS = "OUTPUT_POLYGONS"
    REPORT = "REPORT"
    IMPORTED = "IMPORTED"
    REJECTED = "REJECTED"
    WARNINGS = "WARNINGS"
    ADDED = "ADDED"
    UPDATED = "UPDATED"
    UNCHANGED = "UNCHANGED"
    INVENTORY_LAYER = "INVENTORY_LAYER"

    ICON = "import.svg"

    # -- identity ---------------------------------------------------------------------------------------
    def name(self):
        return "import_inventory"

    def displayName(self):
        return self.tr("Import a friches inventory")

    def group(self):
        return self.tr("Inventory")

    def groupId(self):
        return "inventory"

    def tags(self):
        return [self.tr("friches"), "CNIG", "Cartofriches", self.tr("import"), self.tr("validation"),
                self.tr("inventory")]

    def shortDescription(self):
        return self.tr("Reads a friches inventory into the CNIG friches standard and reports every problem.")

    def help_text(self):
        return self.tr(
            "<p>Reads a friches inventory, checks it against the CNIG friches standard ({version}) and "
            "writes the sites as points (<i>Imported sites</i>) and their outlines (<i>Site polygons</i>) in "
            "a projected CRS, with a report of every problem found.</p>"
            "<p><b>Inputs</b>: any layer QGIS reads: a CNIG or Cartofriches CSV (loaded without geometry: the "
            "WKT columns <i>geompoint</i> / <i>geomsurf</i>, or coordinate columns x/y, lon/lat, "
            "longitude/latitude, are read), GeoJSON, GeoPackage, shapefile (with the standard's short "
            "names such as SITEID, SITENOM). A shapefile without .cpg or a CSV that is not UTF-8 is "
            "re-read in windows-1252 (latin-1) when its bytes are not UTF-8; the <i>Encoding</i> parameter "
            "forces another encoding.</p>"
            "<p><b>Fields</b> are matched by their CNIG name (any case), then by their known aliases "
            "(shapefile short names, Cartofriches names such as site_numero, code_insee, nom_commune). The "
            "<i>Field mapping</i> adds explicit pairs <code>cnig_field=source_field</code> separated by "
            "<code>;</code>, e.g. <code>site_nom=NOM;site_type=TYPE;x=X_L93;y=Y_L93</code>.</p>"
            "<p><b>Checks</b>: coded values are written with the standard's spelling (case, accents and "
            "apostrophes ignored); a value not in the list becomes <i>inconnu</i> and the original is kept "
            "in <i>import_notes</i>. Patterns (refcad, activity codes, owner types, URLs, distances) are "
            "repaired when unambiguous (Cartofriches list strings such as ['49353000AC0628']), otherwise "
            "kept and reported. Dates are read from YYYY-MM-DD, DD/MM/YYYY (day first) or ISO date-times; "
            "unreadable dates become NULL. Empty required fields are reported; site_type and urba_zaer "
            "take <i>inconnu</i>. A missing site_id is generated as <code>&lt;comm_insee&gt;_FTL&lt;8 hex&gt;"
            "</code> from the name, the commune and the location (the same on every run).</p>"
            "<p><b>Geometry</b> comes from the layer, or from geomsurf / geompoint WKT, or from coordinate "
            "columns, in the layer's CRS or the <i>Source CRS</i> (when not set, WKT and coordinate columns "
            "in degrees are read as EPSG:4326, others as EPSG:2154). WKT written latitude first (like the "
            "standard's own example) is swapped; invalid polygons are repaired; an unreadable geomsurf "
            "leaves the site as a point. The point is geompoint when it lies within {near} m of the "
            "polygon, otherwise the polygon's point on surface. Rows without any geometry, and rows "
            "repeating an earlier site_id, are rejected; sites closer than {dist} m or whose polygons "
            "overlap by more than {overlap} % are flagged as possible duplicates.</p>"
            "<p><b>Surfaces</b>: site_surface (m²) is the polygon area, else unite_fonciere_surface "
            "(surface_source = geometry, declared or unknown); an empty unite_fonciere_surface takes the "
            "polygon area.</p>"
            "<p><b>Report</b>: one line per problem or decision, with the input row number, the source "
            "feature id, site_id, site_nom, severity (<i>error</i> = row rejected, <i>warning</i> = kept but "
            "changed or doubtful, <i>info</i>), field, original value, reason and action. Every input row is "
            "either an imported site or an <i>error</i> line.</p>"
            "<p><b>Inventory</b>: when an inventory is given (a GeoPackage, or a PostgreSQL/PostGIS table: a saved "
            "connection written <code>connection='Équipe SIG' schema=inventaire table=friches</code>, or a "
            "PostgreSQL layer URI), the imported sites are merged into it (tables friches and friches_emprises, "
            "or &lt;table&gt; and &lt;table&gt;_emprises, created with their history when missing), matched on "
            "site_id: new sites are added; a stored site is updated only when the incoming site_actu_date is the "
            "same or later (a stored site edited later, e.g. in the inventory panel, is kept as it is and "
            "reported); an empty incoming value, or an incoming <i>inconnu</i>, never replaces a stored value; "
            "sites absent from the input are never deleted. The whole merge is one transaction, recorded in the "
            "inventory's history with the file name; it is refused, with nothing written, when a site was changed "
            "by someone else since the merge read it (run it again), and an existing table whose columns would "
            "damage the values (a text site_id in a whole-number column) is refused, never altered. Passwords "
            "come from QGIS's authentication database or the saved connection and are never written to the "
            "outputs or the log. The <i>Imported sites</i> output still holds this import alone. Save the "
            "inventory layer's pending edits before merging.</p>"
        ).format(
            version=cnig_friches.schema_version(),
            near=int(inv.POINT_NEAR_POLYGON_M),
            dist=int(inv.DUPLICATE_DISTANCE_M),
            overlap=int(inv.DUPLICATE_OVERLAP * 100),
        )

    # -- parameters -------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Friches inventory to import"), [SOURCE_VECTOR]
        )
        param.setHelp(self.tr(
            "Points, polygons or a table without geometry (CSV with geompoint / geomsurf WKT columns or "
            "coordinate columns)."
        ))
        self.addParameter(param)

        param = QgsProcessingParameterString(self.FIELD_MAPPING, self.tr("Field mapping"), optional=True)
        param.setHelp(self.tr(
            "Extra pairs cnig_field=source_field separated by ';', on top of the automatic matching, e.g. "
            "site_nom=NOM;site_type=TYPE. Also geompoint=..., geomsurf=... for WKT columns of another name "
            "and x=..., y=... for coordinate columns."
        ))
        self.addParameter(param)

        param = QgsProcessingParameterCrs(
            self.TARGET_CRS, self.tr("Inventory CRS (projected)"), defaultValue="EPSG:2154", optional=True
        )
        param.setHelp(self.tr(
            "CRS of the outputs; it must be projected (surfaces in m²). Lambert-93 (EPSG:2154) in "
            "metropolitan France (the default, also when not set); EPSG:5490 Antilles, 2972 Guyane, 2975 "
            "Réunion, 4471 Mayotte."
        ))
        self.addParameter(param)

        param = QgsProcessingParameterFile(
            self.INVENTORY,
            self.tr("Merge into the inventory (GeoPackage or PostGIS table)"),
            behavior=FILE_BEHAVIOR_FILE,
            fileFilter=self.tr("GeoPackage (*.gpkg);;All files (*)"),
            optional=True,
        )
        param.setHelp(self.tr(
            "Optional inventory updated in place, created when missing: a .gpkg (pick an existing file, or type "
            "the path of a new one), a saved PostgreSQL connection with schema and table "
            "(connection='Équipe SIG' schema=inventaire table=friches) or a PostgreSQL layer URI "
            "(dbname=… host=… authcfg=… table=\"inventaire\".\"friches\" (geom))."
        ))
        self.addParameter(param)

        param = QgsProcessingParameterCrs(self.SOURCE_CRS, self.tr("CRS of WKT / coordinate columns"), optional=True)
        param.setHelp(self.tr(
            "CRS of geompoint / geomsurf / x, y columns (and of a layer without CRS). When not set: "
            "EPSG:4326 if the coordinates look like degrees, else EPSG:2154."
        ))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)

        param = QgsProcessingParameterString(self.ENCODING, self.tr("Encoding of the input file"), optional=True)
        param.setHelp(self.tr(
            "Encoding of a shapefile without .cpg or of a CSV, e.g. windows-1252, ISO-8859-1, UTF-8. When "
            "empty, a file whose bytes are not UTF-8 is read as windows-1252."
        ))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)

        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Imported sites"), SOURCE_POINT)
        param.setHelp(self.tr("The imported sites as points, with the CNIG fields and site_surface, "
                              "surface_source, has_polygon, import_notes."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_POLYGONS, self.tr("Site polygons"), SOURCE_POLYGON, optional=True,
            createByDefault=True,
        )
        param.setHelp(self.tr("The outlines of the sites that have one (site_id, site_nom, site_surface)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(self.REPORT, self.tr("Import report"), SOURCE_VECTOR)
        param.setHelp(self.tr("One line per rejected row, warning or information, with the reason and the action."))
        self.addParameter(param)

        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Sites imported")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, self.tr("Rows rejected")))
        self.addOutput(QgsProcessingOutputNumber(self.WARNINGS, self.tr("Warnings")))
        self.addOutput(QgsProcessingOutputNumber(self.ADDED, self.tr("Sites added to the inventory")))
        self.addOutput(QgsProcessingOutputNumber(self.UPDATED, self.tr("Sites updated in the inventory")))
        self.addOutput(QgsProcessingOutputNumber(self.UNCHANGED, self.tr("Inventory sites left unchanged")))
        self.addOutput(QgsProcessingOutputVectorLayer(self.INVENTORY_LAYER, self.tr("Inventory layer")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if crs.isValid() and crs.isGeographic():
            return False, self._geographic_target_message(crs)
        try:
            inv.parse_field_mapping(self.parameterAsString(parameters, self.FIELD_MAPPING, context))
        except inv.InventoryError as exc:
            return False, self._error_text(exc)
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        self._location = None
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        target_crs = self.parameterAsCrs(parameters, self.TARGET_CRS, context)
        if not target_crs.isValid():
            target_crs = QgsCoordinateReferenceSystem("EPSG:2154")
        if target_crs.isGeographic():
            raise QgsProcessingException(self._geographic_target_message(target_crs))
        source_crs_param = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        encoding = (self.parameterAsString(parameters, self.ENCODING, context) or "").strip()
        inventory_text = (self.parameterAsString(parameters, self.INVENTORY, context) or "").strip()
        location = resolve_location(inventory_text, context) if inventory_text else None

        # 1. read the rows --------------------------------------------------------------------------------
        features, total, fields, reader_note, keep_alive = self._input_features(
            parameters, context, source, encoding, feedback)
        if reader_note:
            feedback.pushInfo(reader_note)
        try:
            mapping = inv.parse_field_mapping(self.parameterAsString(parameters, self.FIELD_MAPPING, context))
            match = inv.match_fields(fields.names(), mapping)
        except inv.InventoryError as exc:
            raise QgsProcessingException(self._error_text(exc)) from exc
        self._log_matching(match, feedback)

        layer_crs = source.sourceCrs()
        has_layer_geometry = source.wkbType() != WKB_NO_GEOMETRY
        layer_tag = "layer" if layer_crs.isValid() else "columns"
        imp = inv.InventoryImport(match)
        step = 50.0 / total if total > 0 else 0
        for n, feat in enumerate(features, start=1):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Import cancelled."))
            attributes = {name: py_value(feat.attribute(i)) for i, name in enumerate(fields.names())}
            geom = None
            if has_layer_geometry and feat.hasGeometry():
                try:
                    geom = to_shapely(feat.geometry())
                except Exception:  # a geometry GEOS cannot read: the row is judged on its columns
                    geom = None
            imp.add_row(n, feat.id(), attributes, geom, layer_crs=layer_tag)
            feedback.setProgress(int(n * step))
        del features, keep_alive
        if not imp.rows:
            feedback.pushWarning(self.tr("The input has no rows."))

        # 2. CRS, axis order, reprojection -----------------------------------------------------------------
        columns_crs = self._columns_crs(imp, source_crs_param, feedback)
        if layer_tag == "layer" and has_layer_geometry:
            feedback.pushInfo(self.tr("Layer geometry read in {crs}.").format(
                crs=layer_crs.authid() or layer_crs.description()))
        swapped = imp.orient(
            layer_geographic=layer_crs.isValid() and layer_crs.isGeographic(),
            columns_geographic=columns_crs is not None and columns_crs.isGeographic(),
        )
        if swapped:
            feedback.pushWarning(
                self.tr("{n} row(s) had coordinates written latitude first: swapped.").format(n=swapped))
        transform_context = context.transformContext()
        imp.reproject({
            "layer": shapely_transform(layer_crs, target_crs, transform_context),
            "columns": shapely_transform(columns_crs or target_crs, target_crs, transform_context),
        })
        imp.finalise()
        outside = imp.check_location(
            shapely_transform(target_crs, QgsCoordinateReferenceSystem("EPSG:4326"), transform_context))
        if outside:
            feedback.pushWarning(self.tr(
                "{n} site(s) lie outside France: check the CRS of the input (or the source CRS parameter)."
            ).format(n=outside))
        feedback.setProgress(60)
        if feedback.isCanceled():
            raise QgsProcessingException(self.tr("Import cancelled."))

        # 3. outputs -----------------------------------------------------------------------------------------
        kept = imp.kept_rows()
        out_fields = inventory_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, WKB_POINT, target_crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        poly_sink, poly_dest = self.parameterAsSink(
            parameters, self.OUTPUT_POLYGONS, context, polygon_fields(), WKB_MULTIPOLYGON, target_crs)
        names = out_fields.names()
        for k, row in enumerate(kept, start=1):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Import cancelled."))
            row.values["import_notes"] = self._notes(row) or None
            feat = QgsFeature(out_fields)
            feat.setAttributes([qt_value(row.values.get(name)) for name in names])
            feat.setGeometry(to_qgs(row.point))
            if not sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.OUTPUT))
            if poly_sink is not None and row.polygon is not None:
                pfeat = QgsFeature(polygon_fields())
                pfeat.setAttributes([row.values.get("site_id"), row.values.get("site_nom"),
                                     row.values.get("site_surface")])
                pfeat.setGeometry(to_qgs(row.polygon))
                if not poly_sink.addFeature(pfeat, QgsFeatureSink.Flag.FastInsert):
                    raise QgsProcessingException(self.writeFeatureError(poly_sink, parameters, self.OUTPUT_POLYGONS))
            feedback.setProgress(60 + int(20.0 * k / max(1, len(kept))))

        results = {self.OUTPUT: dest_id}
        style_on_completion(context, dest_id, "friches")
        if poly_sink is not None:
            results[self.OUTPUT_POLYGONS] = poly_dest
            style_on_completion(context, poly_dest, "friches_emprises")

        # 4. merge into the inventory ------------------------------------------------------------------------
        merge_lines = []
        counts = {"add": 0, "update": 0, "unchanged": 0, "keep_stored": 0}
        if location is not None:
            counts, merge_lines = merge_into_inventory(
                location, kept, target_crs, transform_context, feedback,
                input_name(self, parameters, self.INPUT, context))
            self._location = location
            results[self.INVENTORY] = location.path or location.display
            results[self.INVENTORY_LAYER] = location.layer_uri()
        feedback.setProgress(90)

        # 5. report --------------------------------------------------------------------------------------------
        lines = imp.issues() + merge_lines
        lines.sort(key=lambda pair: pair[0].row)
        report_dest, n_warnings = self._write_report(parameters, context, lines, feedback)
        results[self.REPORT] = report_dest

        n_rejected = len(imp.rejected_rows())
        results.update({
            self.IMPORTED: len(kept),
            self.REJECTED: n_rejected,
            self.WARNINGS: n_warnings,
            self.ADDED: counts["add"],
            self.UPDATED: counts["update"],
            self.UNCHANGED: counts["unchanged"] + counts["keep_stored"],
        })
        feedback.pushInfo(self.tr(
            "Read {rows} row(s): {imported} site(s) imported, {rejected} rejected, {warnings} warning(s)."
        ).format(rows=len(imp.rows), imported=len(kept), rejected=n_rejected, warnings=n_warnings))
        if location is not None:
            feedback.pushInfo(self.tr(
                "Inventory {path}: {added} added, {updated} updated, {unchanged} unchanged (of which {kept} "
                "kept because the inventory's version is more recent)."
            ).format(path=location.display, added=counts["add"], updated=counts["update"],
                     unchanged=counts["unchanged"] + counts["keep_stored"], kept=counts["keep_stored"]))
        feedback.setProgress(100)
        return results

    def postProcessAlgorithm(self, context, feedback):
        """Reload the project's layers reading the inventory that was just updated (not those being
        edited), so the map and the inventory panel show the merge."""
        location = getattr(self, "_location", None)
        if location is not None and context.project() is not None:
            for layer in context.project().mapLayers().values():
                if isinstance(layer, QgsVectorLayer) and not layer.isEditable() and reads_inventory(layer, location):
                    layer.reload()
                    layer.triggerRepaint()
        return {}

    # -- reading helpers --------------------------------------------------------------------------------
    def _input_features(self, parameters, context, source, encoding, feedback):
        """(features, count, fields, note, object to keep alive while iterating). A file whose encoding
        QGIS got wrong (shapefile without .cpg, CSV in windows-1252) is re-opened with the right one."""
        layer = None
        try:
            layer = self.parameterAsVectorLayer(parameters, self.INPUT, context)
        except Exception:
            layer = None
        reopened, note = self._reopen_with_encoding(layer, encoding)
        if reopened is not None:
            request = QgsFeatureRequest()
            definition = parameters.get(self.INPUT)
            if isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly:
                request.setFilterFids(layer.selectedFeatureIds())
            return reopened.getFeatures(request), reopened.featureCount(), reopened.fields(), note, reopened
        features = source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS)
        return features, source.featureCount(), source.fields(), note, None

    def _reopen_with_encoding(self, layer, encoding):
        """(re-opened layer or None, log note)."""
        if layer is None:
            return None, ""
        provider = layer.providerType()
        if provider == "ogr":
            path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path", "")
            lower = path.lower()
            current = layer.dataProvider().encoding() or "UTF-8"
            if lower.endswith((".shp", ".dbf")):
                dbf = path[:-4] + (".dbf" if os.path.exists(path[:-4] + ".dbf") else ".DBF")
                if not os.path.exists(dbf):
                    return None, ""
                if inv.dbf_declares_encoding(dbf):
                    if not encoding:
                        return None, ""
                elif not encoding:
                    detected = inv.detect_dbf_encoding(dbf)
                    if detected == "UTF-8" or current.upper().replace("_", "-") != "UTF-8":
                        return None, ""
                    encoding = detected
            elif lower.endswith((".csv", ".txt", ".tsv")):
                if not encoding:
                    encoding = self._sniff(path, current)
                    if not encoding:
                        return None, ""
            elif not encoding:
                return None, ""
            if encoding.upper() == current.upper():
                return None, ""
            reopened = QgsVectorLayer(layer.source(), layer.name(), "ogr")
            reopened.setProviderEncoding(encoding)
        elif provider == "delimitedtext":
            url = QUrl(layer.source())
            query = QUrlQuery(url)
            current = query.queryItemValue("encoding") or "UTF-8"
            if not encoding:
                encoding = self._sniff(url.toLocalFile(), current)
                if not encoding:
                    return None, ""
            if encoding.upper() == current.upper():
                return None, ""
            query.removeAllQueryItems("encoding")
            query.addQueryItem("encoding", encoding)
            url.setQuery(query)
            reopened = QgsVectorLayer(url.toString(), layer.name(), "delimitedtext")
        else:
            return None, ""
        if layer.subsetString():
            reopened.setSubsetString(layer.subsetString())
        if not reopened.isValid():
            raise QgsProcessingException(
                self.tr("Could not re-open {source} with the encoding {encoding}.").format(
                    source=layer.source(), encoding=encoding))
        return reopened, self.tr("Input read with the encoding {encoding}.").format(encoding=encoding)

    @staticmethod
    def _sniff(path, current):
        """An encoding to use instead of UTF-8 when the file's bytes are not UTF-8 (else '')."""
        if current.upper().replace("_", "-") != "UTF-8" or not path or not os.path.exists(path):
            return ""
        with open(path, "rb") as fh:
            data = fh.read(SNIFF_BYTES)
        detected = inv.detect_text_encoding(data)
        return "" if detected == "UTF-8" else detected

    def _columns_crs(self, imp, source_crs_param, feedback):
        degrees = imp.columns_look_like_degrees()
        if degrees is None:
            return source_crs_param if source_crs_param.isValid() else None
        if source_crs_param.isValid():
            feedback.pushInfo(self.tr("WKT / coordinate columns read in {crs} (parameter).").format(
                crs=source_crs_param.authid()))
            return source_crs_param
        crs = QgsCoordinateReferenceSystem("EPSG:4326" if degrees else "EPSG:2154")
        if degrees:
            feedback.pushInfo(self.tr("WKT / coordinate columns read in EPSG:4326: the coordinates look like degrees."))
        else:
            feedback.pushInfo(self.tr("WKT / coordinate columns read in EPSG:2154 (Lambert-93): the coordinates "
                                      "are not degrees. Set the source CRS if they are in another CRS."))
        return crs

    def _log_matching(self, match, feedback):
        pairs = [f"{target}←{source}" for target, source in match.columns.items() if target != source]
        if pairs:
            feedback.pushInfo(self.tr("Fields matched by alias or mapping: {pairs}").format(pairs=", ".join(pairs)))
        if match.unmatched:
            feedback.pushInfo(self.tr("Input fields not used: {fields}").format(fields=", ".join(match.unmatched)))
        if "site_nom" not in match.columns:
            feedback.pushWarning(self.tr("No field matches site_nom: use the field mapping, e.g. site_nom=NAME."))

    # -- report -----------------------------------------------------------------------------------------
    @staticmethod
    def report_fields():
        fields = QgsFields()
        fields.append(make_field("row", "int"))
        fields.append(make_field("source_fid", "int64"))
        for name in ("site_id", "site_nom", "severity", "code", "field", "value", "reason", "action"):
            fields.append(make_field(name, "string"))
        return fields

    def _write_report(self, parameters, context, lines, feedback):
        fields = self.report_fields()
        sink, dest = self.parameterAsSink(parameters, self.REPORT, context, fields, WKB_NO_GEOMETRY,
                                          QgsCoordinateReferenceSystem())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.REPORT))
        logged = 0
        n_warnings = 0
        for row, issue in lines:
            reason = self._reason(issue)
            if issue.severity == inv.WARNING:
                n_warnings += 1
            if issue.severity in (inv.WARNING, inv.ERROR):
                if logged < MAX_LOGGED_WARNINGS:
                    feedback.pushWarning(self.tr("Row {row} ({site}): {reason} → {action}").format(
                        row=row.row, site=row.site_id or row.site_nom or "-", reason=reason,
                        action=self._action(issue.action)))
                logged += 1
            feat = QgsFeature(fields)
            fid = row.fid
            feat.setAttributes([
                row.row,
                int(fid) if isinstance(fid, int) else None,
                row.site_id,
                row.site_nom,
                issue.severity,
                issue.code,
                issue.field or None,
                None if issue.value is None else str(issue.value),
                reason,
                self._action(issue.action),
            ])
            if not sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(self.writeFeatureError(sink, parameters, self.REPORT))
        if logged > MAX_LOGGED_WARNINGS:
            feedback.pushWarning(self.tr("… and {n} more, see the report.").format(n=logged - MAX_LOGGED_WARNINGS))
        return dest, n_warnings

    def _notes(self, row):
        return "; ".join(self._reason(i) for i in row.issues if i.note)

    # -- messages ---------------------------------------------------------------------------------------
    def _reasons(self):
        return {
            "no_geometry": self.tr(
                "No usable geometry: no layer geometry, no valid geompoint / geomsurf WKT, no coordinates"),
            "duplicate_site_id": self.tr("site_id {site_id} is already used by input row {first_row}"),
            "reprojection_failed": self.tr("The geometry could not be reprojected: {error}"),
            "unknown_code": self.tr("{field}: '{value}' is not in the standard's list of values"),
            "normalised_code": self.tr("{field}: '{value}' written with the standard's spelling '{new}'"),
            "legacy_code": self.tr("{field}: legacy code '{value}' replaced by '{new}'"),
            "bad_pattern": self.tr("{field}: '{value}' does not follow the standard's format"),
            "repaired_format": self.tr("{field}: '{value}' rewritten as '{new}' (the standard's format)"),
            "bad_date": self.tr("{field}: '{value}' is not a date (expected YYYY-MM-DD or DD/MM/YYYY)"),
            "bad_year": self.tr("{field}: '{value}' is not a year"),
            "bad_integer": self.tr("{field}: '{value}' is not a whole number"),
            "rounded": self.tr("{field}: '{value}' rounded to {new}"),
            "zero_padded": self.tr("{field}: '{value}' completed with a leading zero: '{new}'"),
            "bad_insee": self.tr("comm_insee: '{value}' is not a 5-character INSEE code"),
            "actu_before_identif": self.tr(
                "site_actu_date ({actu}) is earlier than site_identif_date ({identif})"),
            "missing_required": self.tr("{field} is required by the standard but empty"),
            "insee_from_site_id": self.tr("comm_insee was empty: taken from site_id ('{new}')"),
            "bad_wkt": self.tr("{field} is not valid WKT ({error})"),
            "unsupported_geometry": self.tr("{field}: a {type} geometry is neither a point nor a polygon"),
            "multipoint": self.tr("{field}: several points, their centroid is used"),
            "bad_coordinates": self.tr("Coordinates '{value}' are not numbers"),
            "lat_first": self.tr(
                "{field} was written latitude first ({lat} {lon}): axes swapped to longitude, latitude"),
            "outside_france": self.tr("The site (longitude {lon}, latitude {lat}) is outside France: check the CRS"),
            "invalid_polygon": self.tr("The polygon was invalid ({reason})"),
            "polygon_unrepairable": self.tr("The polygon is invalid and could not be repaired ({reason})"),
            "point_far_from_polygon": self.tr(
                "The point is {distance} m from the site's polygon: the polygon's point on surface is used"),
            "uf_surface_from_polygon": self.tr(
                "unite_fonciere_surface was empty: set to the polygon's area ({new} m²)"),
            "site_id_format": self.tr("site_id '{value}' does not follow the standard's <INSEE>_<id> form"),
            "generated_id": self.tr("No site_id: '{new}' generated from the name, the commune and the location"),
            "possible_duplicate_location": self.tr(
                "Possible duplicate of {other_id} (input row {other_row}): points {distance} m apart"),
            "possible_duplicate_overlap": self.tr(
                "Possible duplicate of {other_id} (input row {other_row}): polygons overlap by {overlap_pct} %"),
            "inventory_kept": self.tr(
                "The inventory's version was kept: edited on {date}, after this row's site_actu_date ({incoming})"),
            "inventory_updated": self.tr("Inventory updated: {fields}"),
        }

    def _reason(self, issue):
        code = issue.code
        if code == "possible_duplicate":
            overlap = issue.params.get("how") == "overlap"
            code = "possible_duplicate_overlap" if overlap else "possible_duplicate_location"
        template = self._reasons().get(code, code)
        params = _Blank(issue.params)
        params.setdefault("field", issue.field)
        params.setdefault("value", "" if issue.value is None else str(issue.value))
        return template.format_map(params)

    def _action(self, action):
        return {
            inv.KEPT: self.tr("kept"),
            inv.REJECTED: self.tr("rejected"),
            inv.REPLACED_INCONNU: self.tr("value replaced by 'inconnu'"),
            inv.SET_INCONNU: self.tr("set to 'inconnu'"),
            inv.SET_NULL: self.tr("value set to NULL"),
            inv.FILLED: self.tr("value filled in"),
            inv.NORMALISED: self.tr("value normalised"),
            inv.REPAIRED: self.tr("repaired"),
            inv.SWAPPED: self.tr("coordinates swapped"),
            inv.IGNORED: self.tr("ignored"),
            inv.POINT_ONLY: self.tr("row kept with its point only"),
            inv.GENERATED: self.tr("id generated"),
            inv.INVENTORY_KEPT: self.tr("inventory not changed"),
            inv.INVENTORY_UPDATED: self.tr("inventory updated"),
        }.get(action, action)

    def _error_text(self, exc):
        messages = {
            "mapping_syntax": self.tr("Field mapping: '{entry}' is not of the form cnig_field=source_field"),
            "mapping_unknown_target": self.tr(
                "Field mapping: '{target}' is not a field of the CNIG friches standard (nor x / y)"),
            "mapping_duplicate_target": self.tr("Field mapping: '{target}' is mapped twice"),
            "mapping_missing_source": self.tr(
                "Field mapping: the input has no field '{source}' (mapped to {target})"),
        }
        return messages.get(exc.code, exc.code).format_map(_Blank(exc.params))

    def _geographic_target_message(self, crs):
        return self.tr(
            "The inventory CRS {crs} is geographic: choose a projected CRS (e.g. EPSG:2154 Lambert-93) so that "
            "surfaces are in m² and distances in metres."
        ).format(crs=crs.authid() or crs.description())

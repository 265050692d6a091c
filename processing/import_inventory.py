"""``friches:import_inventory``: read a friches inventory (CNIG / Cartofriches CSV, GeoJSON, GeoPackage,
shapefile...) into the CNIG standard, report every problem, and optionally merge it into the inventory
GeoPackage.

Why this shape: the rules (field matching, code lists, dates, geometry, ids, duplicates, the merge rule)
are in ``core.inventory`` and unit-tested without QGIS; this module only turns QGIS features into plain
values, translates the core's reason codes, and writes the sinks and the GeoPackage.
"""

import contextlib

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
    WKB_POINT,
)
from ..core import cnig_friches
from ..core import inventory as inv
from ..core.progress import Canceled
from .base import FrichesAlgorithm, core_progress, crs_text
from .inventory_input import read_input
from .inventory_location import reads_inventory
from .inventory_merge import input_name, merge_into_inventory, resolve_location
from .inventory_report import error_text, notes, write_report
from .inventory_schema import inventory_fields, polygon_fields
from .inventory_store import (
    qt_value,
    shapely_transform,
    to_qgs,
    to_shapely,
)
from .sinks import OutputSink
from .styles import style_on_completion

#: Text files are sniffed for their encoding up to this size.
SNIFF_BYTES = 20_000_000


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
            "re-read in windows-1252 (latin-1) when its bytes are not UTF-8; a CSV in UTF-16, or with a line longer "
            "than QGIS reads (10 MiB), is read row by row by the plugin; the <i>Encoding</i> parameter forces "
            "another encoding. Whole numbers beyond 32 bits and coordinates that are not finite (NaN, infinite) "
            "are reported on their row, never written.</p>"
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
        try:
            self.projected_crs_parameter(parameters, self.TARGET_CRS, context)
        except QgsProcessingException as exc:
            return False, str(exc)
        try:
            inv.parse_field_mapping(self.parameterAsString(parameters, self.FIELD_MAPPING, context))
        except inv.InventoryError as exc:
            return False, error_text(exc)
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        self._location = None
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        target_crs = self.projected_crs_parameter(parameters, self.TARGET_CRS, context)
        source_crs_param = self.parameterAsCrs(parameters, self.SOURCE_CRS, context)
        encoding = (self.parameterAsString(parameters, self.ENCODING, context) or "").strip()
        inventory_text = (self.parameterAsString(parameters, self.INVENTORY, context) or "").strip()
        location = resolve_location(inventory_text, context) if inventory_text else None

        # 1. read the rows --------------------------------------------------------------------------------
        table = read_input(self, parameters, context, source, encoding)
        if table.note:
            feedback.pushInfo(table.note)
        try:
            mapping = inv.parse_field_mapping(self.parameterAsString(parameters, self.FIELD_MAPPING, context))
            match = inv.match_fields(table.names, mapping)
        except inv.InventoryError as exc:
            raise QgsProcessingException(error_text(exc)) from exc
        self._log_matching(match, feedback)

        layer_crs = source.sourceCrs()
        has_layer_geometry = source.wkbType() != WKB_NO_GEOMETRY
        layer_tag = "layer" if layer_crs.isValid() else "columns"
        imp = inv.InventoryImport(match)
        step = 50.0 / table.total if table.total > 0 else 0
        for n, (fid, attributes, qgs_geometry) in enumerate(table.rows, start=1):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Import cancelled."))
            geom = None
            if has_layer_geometry and qgs_geometry is not None:
                try:
                    geom = to_shapely(qgs_geometry)
                except Exception:  # a geometry GEOS cannot read: the row is judged on its columns
                    geom = None
            imp.add_row(n, fid, attributes, geom, layer_crs=layer_tag)
            feedback.setProgress(int(min(n, table.total) * step))
        del table
        if not imp.rows:
            feedback.pushWarning(self.tr("The input has no rows."))

        # 2. CRS, axis order, reprojection -----------------------------------------------------------------
        columns_crs = self._columns_crs(imp, source_crs_param, feedback)
        if has_layer_geometry and not layer_crs.isValid():
            self.warn_no_crs(feedback, source.sourceName(), columns_crs or target_crs)
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
        try:
            imp.reproject({
                "layer": self._readable(shapely_transform(layer_crs, target_crs, transform_context), layer_crs),
                "columns": self._readable(shapely_transform(columns_crs or target_crs, target_crs, transform_context),
                                          columns_crs or target_crs),
            }, core_progress(feedback, 50, 52))
            imp.finalise(core_progress(feedback, 52, 58))
        except Canceled:
            raise QgsProcessingException(self.tr("Import cancelled.")) from None
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
        names = out_fields.names()
        poly_fields = polygon_fields()
        with contextlib.ExitStack() as stack:
            sink = stack.enter_context(OutputSink(self, parameters, self.OUTPUT, context, out_fields, WKB_POINT,
                                                  target_crs, feedback))
            poly_sink = stack.enter_context(OutputSink(self, parameters, self.OUTPUT_POLYGONS, context, poly_fields,
                                                       WKB_MULTIPOLYGON, target_crs, feedback, required=False))
            for k, row in enumerate(kept, start=1):
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Import cancelled."))
                row.values["import_notes"] = notes(row) or None
                feat = QgsFeature(out_fields)
                feat.setAttributes([qt_value(row.values.get(name)) for name in names])
                feat.setGeometry(to_qgs(row.point))
                site = row.values.get("site_id")
                error = sink.try_add(feat, row.row, site)
                if error is not None:
                    # one row the output refuses is reported and rejected; the others are still written
                    row.reject("write_failed", output=self.tr("Imported sites"), error=error)
                    continue
                if poly_sink.active and row.polygon is not None:
                    pfeat = QgsFeature(poly_fields)
                    pfeat.setAttributes([site, row.values.get("site_nom"), row.values.get("site_surface")])
                    pfeat.setGeometry(to_qgs(row.polygon))
                    error = poly_sink.try_add(pfeat, row.row, site)
                    if error is not None:
                        row.add(inv.Issue(inv.WARNING, "write_failed", "geomsurf", None, inv.POINT_ONLY, {
                            "output": self.tr("Site polygons"), "error": error}))
                feedback.setProgress(60 + int(20.0 * k / max(1, len(kept))))
        dest_id, poly_dest = sink.dest_id, poly_sink.dest_id
        kept = imp.kept_rows()

        results = {self.OUTPUT: dest_id}
        style_on_completion(context, dest_id, "friches")
        if poly_dest is not None:
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
        report_dest, n_warnings = write_report(self, parameters, context, lines, feedback)
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

    def _readable(self, transform, source_crs):
        """``transform`` whose failure says which coordinates and which CRS, instead of PROJ's own text."""
        def run(geom):
            try:
                return transform(geom)
            except Exception as exc:  # QgsCsException: PROJ's message is not for a planner
                x, y = geom.bounds[:2] if geom is not None and not geom.is_empty else (float("nan"),) * 2
                raise ValueError(self.tr(
                    "its coordinates ({x}, {y}) are outside the area where {crs} is defined: check the CRS of the "
                    "input (or the source CRS parameter)").format(x=f"{x:.6g}", y=f"{y:.6g}", crs=crs_text(source_crs))
                ) from exc

        return run

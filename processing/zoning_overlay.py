"""``friches:zoning_overlay``: the zoning of each site (zone shares, dominant zone, prescriptions,
informations, SCOT) and whether coworking, fablab and médiation numérique fit there.

Why this shape: the method (families, shares, rules) is in ``core.zoning`` and unit-tested without
QGIS; this module reads QGIS layers as real exports come (fields in any case, latin-1 shapefiles,
invalid or multi-part polygons, another CRS), counts what it had to repair, calls the core, translates
its codes and writes the sinks.
"""

import os
from collections import Counter

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    GEOMETRY_NULL,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_ANY_GEOMETRY,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
    WKB_MULTIPOLYGON,
    make_field,
)
from ..core import inventory as inv
from ..core.cnig_friches import fold
from ..core.progress import Canceled
from ..core.zoning import codes
from ..core.zoning import compatibility as compat
from ..core.zoning import overlay as ov
from ..translation import ui_language
from .base import FrichesAlgorithm, core_progress, show_decimals
from .inventory_store import py_value
from .sinks import OutputSink, WriteReport, add_report_parameter, site_sink_type
from .styles import style_on_completion

#: Fields the algorithm adds to the sites (an input field of the same name is replaced).
SITE_FIELDS = (
    ("zone_libelle", "string", 80),
    ("zone_libelong", "string", 254),
    ("zone_type", "string", 8),
    ("zone_family", "string", 4),
    ("u_pct", "double", 0),
    ("auc_pct", "double", 0),
    ("aus_pct", "double", 0),
    ("a_pct", "double", 0),
    ("n_pct", "double", 0),
    ("zoned_pct", "double", 0),
    ("zones", "string", 254),
    ("prescriptions", "string", 0),
    ("psc_codes", "string", 254),
    ("informations", "string", 0),
    ("inf_codes", "string", 254),
    ("scot_nom", "string", 254),
    ("compat_coworking", "string", 16),
    ("compat_coworking_why", "string", 0),
    ("compat_fablab", "string", 16),
    ("compat_fablab_why", "string", 0),
    ("compat_mediation", "string", 16),
    ("compat_mediation_why", "string", 0),
    ("zoning_status", "string", 16),
)
#: Fields the algorithm adds to the output zones.
ZONE_FIELDS = (("zone_family", "string", 4), ("zone_type", "string", 8), ("geom_repaired", "bool", 0))

#: Names looked for, in this order, for the SCOT's name when the chosen field is missing.
SCOT_NAME_CANDIDATES = ("nom", "name", "libelle", "nom_scot", "idurba")
#: Warnings pushed one by one; the rest are counted.
MAX_LOGGED = 20


def find_field(fields, *names):
    """Index of the first of ``names`` among ``fields``, whatever the case and accents (-1 if none)."""
    folded = {}
    for i, name in enumerate(fields.names()):
        folded.setdefault(fold(name), i)
    for name in names:
        i = folded.get(fold(name))
        if i is not None:
            return i
    return -1


def text_value(feature, index):
    if index < 0:
        return ""
    value = py_value(feature.attribute(index))
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def reopen_with_encoding(layer):
    """(layer re-opened in windows-1252, encoding) for a shapefile that declares no encoding (no .cpg,
    no language id) and whose records are not UTF-8, which QGIS would read as UTF-8 and garble
    ("Zone d'activit�s"); (None, None) otherwise."""
    if layer is None or not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None, None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path", "")
    if not path.lower().endswith((".shp", ".dbf")):
        return None, None
    dbf = path[:-4] + (".dbf" if os.path.exists(path[:-4] + ".dbf") else ".DBF")
    if not os.path.exists(dbf) or inv.dbf_declares_encoding(dbf):
        return None, None
    current = (layer.dataProvider().encoding() or "UTF-8").upper().replace("_", "-")
    if current != "UTF-8":
        return None, None
    encoding = inv.detect_dbf_encoding(dbf)
    if encoding == "UTF-8":
        return None, None
    reopened = QgsVectorLayer(layer.source(), layer.name(), "ogr")
    reopened.setProviderEncoding(encoding)
    return (reopened, encoding) if reopened.isValid() else (None, None)


class _Input:
    """The features of one input layer, read without geometry validity checks."""

    def __init__(self, features, fields, crs, wkb_type, count, name, encoding=None, keep=None):
        self.features = features
        self.fields = fields
        self.crs = crs
        self.wkb_type = wkb_type
        self.count = count
        self.name = name
        self.encoding = encoding
        self._keep = keep


class ZoningOverlayAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    ZONES = "ZONES"
    PRESCRIPTIONS = "PRESCRIPTIONS"
    INFORMATIONS = "INFORMATIONS"
    SCOT = "SCOT"
    SCOT_NAME_FIELD = "SCOT_NAME_FIELD"
    RULES = "RULES"
    NEAR_DISTANCE = "NEAR_DISTANCE"
    OUTPUT = "OUTPUT"
    OUTPUT_ZONES = "OUTPUT_ZONES"
    SITES = "SITES"
    OUTSIDE = "OUTSIDE"
    ZONES_READ = "ZONES_READ"
    REPAIRED = "REPAIRED"

    ICON = "processing.svg"

    # -- identity ---------------------------------------------------------------------------------------
    def name(self):
        return "zoning_overlay"

    def displayName(self):
        return self.tr("Zoning overlay (PLU, carte communale, SCOT)")

    def group(self):
        return self.tr("Zoning")

    def groupId(self):
        return "zoning"

    def tags(self):
        return ["PLU", "PLUi", "CNIG", "GPU", "zone_urba", self.tr("zoning"), self.tr("carte communale"), "SCOT",
                self.tr("prescriptions"), "STECAL", "coworking", "fablab", self.tr("digital inclusion")]

    def shortDescription(self):
        return self.tr("Zone shares, prescriptions and SCOT of each site, and whether coworking, fablab and "
                       "digital-inclusion uses fit there.")

    def help_text(self):
        return self.tr(
            "<p>For each site: the zones of the PLU / PLUi (CNIG <i>ZONE_URBA</i>) or carte communale "
            "(<i>SECTEUR_CC</i>) it lies in, the prescriptions and informations on it, its SCOT, and whether "
            "a coworking, a fablab or a digital-inclusion place (médiation numérique) fits the zoning.</p>"
            "<p><b>Zone shares</b>: u_pct, auc_pct, aus_pct, a_pct and n_pct are the shares of the site's "
            "zoned area in U, AUc, AUs, A and N zones (they sum to 100); zoned_pct is the share of the site "
            "covered by the document's zones. TYPEZONE is read in any case; legacy Ah counts as A, Nh and "
            "Nd as N, an unqualified AU as AUs; a LIBELLE ZURNU (a PLUi zone under the RNU) and a carte "
            "communale sector 99 are outside the document. Carte communale sectors: 01 (ZC) and 02 (ZCa, "
            "activities) count as U, 03 (ZnC) as N. A point site takes the zone that contains it (100 %). "
            "zone_libelle and zone_type are those of the dominant zone (the largest area on the site); "
            "<i>zones</i> lists every zone with its share.</p>"
            "<p><b>Prescriptions and informations</b> are listed with the French label of their "
            "TYPEPSC-STYPEPSC / TYPEINF-STYPEINF code and, for surfaces, the share of the site they cover "
            "(at least {min_share} %); lines and points count when they touch the site; around a point site, "
            "everything within the <i>search distance</i>. psc_codes and inf_codes list the codes.</p>"
            "<p><b>Compatibility</b> (compat_coworking, compat_fablab, compat_mediation: compatible, "
            "conditional, incompatible or unknown, each with its reason in the *_why field) comes from an "
            "editable rules table evaluated on the dominant zone: by default U and AUc compatible, AUs "
            "conditional (plan change), A and N incompatible except a STECAL or a building allowed to change "
            "use, ZnC conditional (reuse of existing buildings); the zone's DESTOUI / DESTCDT / DESTNON "
            "decide first when filled (coworking 53 or 34, fablab 51 or 31, médiation 41, 46 or 43). Another "
            "zone covering at least {other} % of the site with another result is named in the reason. See "
            "resources/zoning/README.md.</p>"
            "<p><b>Data defects handled</b>: field names in any case (GPU exports are lower case), invalid "
            "geometries repaired (bow-ties, self-intersections; counted in the log) even when Processing "
            "is set to stop on invalid features, multi-part zones counted once, layers in another CRS "
            "reprojected (areas are measured in the sites' CRS, or Lambert-93 / the territory's official "
            "CRS when the sites are in degrees), latin-1 shapefiles without .cpg re-read in windows-1252. "
            "A missing required field (TYPEZONE and LIBELLE, or TYPESECT; TYPEPSC; TYPEINF) stops the "
            "algorithm with its name.</p>"
        ).format(min_share=ov.MIN_SHARE_PCT, other=int(compat.OTHER_ZONE_PCT))

    # -- parameters -------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Sites"), [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("The sites (points or polygons), e.g. the inventory's friches or friches_emprises."))
        self.addParameter(param)
        param = QgsProcessingParameterField(
            self.SITE_ID_FIELD, self.tr("Site identifier field"), defaultValue="site_id",
            parentLayerParameterName=self.INPUT, optional=True)
        param.setHelp(self.tr("Names the sites in the log (any case); the feature id when missing."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.ZONES, self.tr("Zoning (ZONE_URBA or SECTEUR_CC)"), [SOURCE_POLYGON])
        param.setHelp(self.tr(
            "A CNIG ZONE_URBA layer (fields TYPEZONE, LIBELLE; optional LIBELONG, IDURBA, FORMDOMI, DESTDOMI, "
            "DESTOUI, DESTCDT, DESTNON) or a carte communale SECTEUR_CC layer (TYPESECT, LIBELLE), e.g. from "
            "friches:load_gpu or the GPU. Field names in any case."))
        self.addParameter(param)
        param = QgsProcessingParameterMultipleLayers(
            self.PRESCRIPTIONS, self.tr("Prescriptions (surfaces, lines, points)"), SOURCE_ANY_GEOMETRY, optional=True)
        param.setHelp(self.tr("PRESCRIPTION_SURF / _LIN / _PCT layers (TYPEPSC, STYPEPSC; optional LIBELLE, TXT)."))
        self.addParameter(param)
        param = QgsProcessingParameterMultipleLayers(
            self.INFORMATIONS, self.tr("Informations (surfaces, lines, points)"), SOURCE_ANY_GEOMETRY, optional=True)
        param.setHelp(self.tr("INFO_SURF / _LIN / _PCT layers (TYPEINF, STYPEINF; optional LIBELLE, TXT)."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.SCOT, self.tr("SCOT perimeter"), [SOURCE_POLYGON], optional=True)
        param.setHelp(self.tr("The CNIG PERIMETRE_SCOT layer (or any SCOT outline with a name field)."))
        self.addParameter(param)
        param = QgsProcessingParameterString(
            self.SCOT_NAME_FIELD, self.tr("SCOT name field"), defaultValue="NOM", optional=True)
        param.setHelp(self.tr("Field of the SCOT layer holding its name (any case); when missing, nom, name, "
                              "libelle or IDURBA."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(
            self.RULES, self.tr("Compatibility rules (CSV)"), behavior=FILE_BEHAVIOR_FILE, extension="csv",
            optional=True)
        param.setHelp(self.tr("An edited copy of resources/zoning/compatibility_rules.csv; the shipped table "
                              "when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.NEAR_DISTANCE, self.tr("Search distance around point sites (m)"), NUMBER_DOUBLE,
            defaultValue=ov.NEAR_M, minValue=0.0)
        param.setHelp(self.tr("Prescriptions and informations within this distance of a point site are listed."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        show_decimals(param, 0)
        self.addParameter(param)

        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites with zoning"), SOURCE_VECTOR)
        param.setHelp(self.tr("The sites with their fields and the zoning fields listed above."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSink(
            self.OUTPUT_ZONES, self.tr("Zones (repaired)"), SOURCE_POLYGON, optional=True, createByDefault=True)
        param.setHelp(self.tr("The zones as used: valid geometries in the working CRS, with zone_family, zone_type "
                              "and geom_repaired; styled with the CNIG colours."))
        self.addParameter(param)
        add_report_parameter(self)
        self.addOutput(QgsProcessingOutputNumber(self.SITES, self.tr("Sites")))
        self.addOutput(QgsProcessingOutputNumber(self.OUTSIDE, self.tr("Sites outside the zoning")))
        self.addOutput(QgsProcessingOutputNumber(self.ZONES_READ, self.tr("Zones read")))
        self.addOutput(QgsProcessingOutputNumber(self.REPAIRED, self.tr("Geometries repaired")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        path = self.parameterAsFile(parameters, self.RULES, context)
        if path:
            try:
                compat.read_rules(path)
            except compat.RulesError as exc:
                return False, self._rules_error(exc)
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        try:
            return self._process(parameters, context, feedback)
        except Canceled:
            raise self.canceled() from None

    def _process(self, parameters, context, feedback):
        self.require_dependencies()
        lang = ui_language()
        rules_path = self.parameterAsFile(parameters, self.RULES, context)
        try:
            rules = compat.read_rules(rules_path) if rules_path else compat.default_rules()
        except compat.RulesError as exc:
            raise QgsProcessingException(self._rules_error(exc)) from exc
        near_m = self.parameterAsDouble(parameters, self.NEAR_DISTANCE, context)
        self._repaired = Counter()
        self._multipart = Counter()
        self._logged = 0

        sites_in = self._input(parameters, self.INPUT, context)
        if sites_in is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if QgsWkbTypes.geometryType(sites_in.wkb_type) == GEOMETRY_NULL:
            raise QgsProcessingException(self.tr(
                "The sites layer '{layer}' has no geometry: import it with friches:import_inventory first."
            ).format(layer=sites_in.name))
        zones_in = self._input(parameters, self.ZONES, context)
        if zones_in is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.ZONES))
        work_crs = self._working_crs(sites_in, zones_in, context, feedback)
        transform_context = context.transformContext()

        # 1. sites ---------------------------------------------------------------------------------------
        site_features, site_geoms = [], []
        id_index = find_field(sites_in.fields, self.parameterAsString(parameters, self.SITE_ID_FIELD, context)
                              or "site_id")
        # a sites layer without CRS is read in the zones' CRS (warned by _working_crs)
        site_crs = next((c for c in (sites_in.crs, zones_in.crs) if c.isValid()), work_crs)
        to_work = self._transform(site_crs, work_crs, transform_context)
        for geom, feat, _repaired in self._read_features(sites_in, to_work, "site", feedback):
            site_features.append(feat)
            site_geoms.append(geom)
        feedback.setProgress(10)

        # 2. zones ---------------------------------------------------------------------------------------
        zones, zone_rows = self._read_zones(zones_in, work_crs, transform_context, feedback)
        feedback.setProgress(35)

        # 3. prescriptions, informations, SCOT -----------------------------------------------------------
        prescriptions, informations = [], []
        for key, table in ((self.PRESCRIPTIONS, "PSC"), (self.INFORMATIONS, "INF")):
            for layer in self.parameterAsLayerList(parameters, key, context) or []:
                if feedback.isCanceled():
                    raise QgsProcessingException(self.tr("Cancelled."))
                self._read_overlays(layer, table, work_crs, transform_context, prescriptions, informations,
                                    feedback)
        scots = self._read_scots(parameters, context, work_crs, transform_context, feedback)
        feedback.setProgress(45)

        # 4. overlay and compatibility --------------------------------------------------------------------
        results = ov.overlay_sites(site_geoms, zones, prescriptions, informations, scots, near_m=near_m,
                                   progress=core_progress(feedback, 45, 60))
        feedback.setProgress(60)

        out_fields, kept = self._site_fields(sites_in.fields)
        sink_type = site_sink_type(sites_in.wkb_type, (f.geometry() for f in site_features))
        report = WriteReport(feedback)
        near_word = self.tr("nearby")
        outside = 0
        with OutputSink(self, parameters, self.OUTPUT, context, out_fields, sink_type, site_crs, feedback,
                        report) as sink:
            for n, (feat, res) in enumerate(zip(site_features, results), start=1):
                verdicts = compat.evaluate_site(rules, res)
                if res.status in (ov.STATUS_OUTSIDE, ov.STATUS_NO_GEOMETRY):
                    outside += 1
                    if res.status == ov.STATUS_OUTSIDE:
                        self._warn(feedback, self.tr("Site {site}: outside the zones of the zoning layer.").format(
                            site=self._site_name(feat, id_index)))
                out = QgsFeature(out_fields)
                attrs = [feat.attribute(i) for i in kept] + self._site_values(res, verdicts, lang, near_word)
                out.setAttributes(attrs)
                if feat.hasGeometry():
                    out.setGeometry(feat.geometry())
                sink.add(out, feat.id(), self._site_name(feat, id_index) if id_index >= 0 else None)
                feedback.setProgress(60 + int(30.0 * n / max(1, len(site_features))))
        dest_id = sink.dest_id
        style = "zoning_sites_polygons" if QgsWkbTypes.geometryType(sink_type) == GEOMETRY_POLYGON else "zoning_sites"
        style_on_completion(context, dest_id, style)
        results_dict = {self.OUTPUT: dest_id}

        # 5. zones output ---------------------------------------------------------------------------------
        zone_dest = self._write_zones(parameters, context, zones_in, zones, zone_rows, work_crs, feedback)
        if zone_dest is not None:
            results_dict[self.OUTPUT_ZONES] = zone_dest
            style_on_completion(context, zone_dest, "zoning_zones")

        self._log_summary(feedback, results)
        repaired = sum(self._repaired.values())
        results_dict.update({
            self.SITES: len(site_features),
            self.OUTSIDE: outside,
            self.ZONES_READ: len(zones),
            self.REPAIRED: repaired,
        })
        report.publish(self, parameters, context, results_dict)
        feedback.setProgress(100)
        return results_dict

    # -- reading ------------------------------------------------------------------------------------------
    def _input(self, parameters, name, context):
        """The features of a source parameter, re-read in windows-1252 when a shapefile needs it."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        try:
            layer = self.parameterAsVectorLayer(parameters, name, context)
        except Exception:  # a source that is not a layer (e.g. a feature sink from a model)
            layer = None
        reopened, encoding = reopen_with_encoding(layer)
        if reopened is not None:
            request = QgsFeatureRequest()
            definition = parameters.get(name)
            if isinstance(definition, QgsProcessingFeatureSourceDefinition) and definition.selectedFeaturesOnly:
                request.setFilterFids(layer.selectedFeatureIds())
            return _Input(reopened.getFeatures(request), reopened.fields(), reopened.crs(), reopened.wkbType(),
                          reopened.featureCount(), source.sourceName(), encoding, reopened)
        return _Input(source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS), source.fields(),
                      source.sourceCrs(), source.wkbType(), source.featureCount(), source.sourceName(), None, source)

    def _layer_input(self, layer):
        reopened, encoding = reopen_with_encoding(layer)
        used = reopened or layer
        return _Input(used.getFeatures(), used.fields(), used.crs(), used.wkbType(), used.featureCount(),
                      layer.name(), encoding, used)

    def _working_crs(self, sites_in, zones_in, context, feedback):
        crs = sites_in.crs
        if not crs.isValid():
            crs = zones_in.crs
            if crs.isValid():
                self.warn_no_crs(feedback, sites_in.name, crs)
        elif not zones_in.crs.isValid():
            self.warn_no_crs(feedback, zones_in.name, crs)
        if crs.isValid() and not crs.isGeographic():
            return crs
        if not crs.isValid():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
            self.warn_no_crs(feedback, sites_in.name, crs)
            self.warn_no_crs(feedback, zones_in.name, crs)
            return crs
        # sites in degrees: measure in the territory's projected CRS
        lon, lat = 2.5, 46.5
        transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), context.transformContext())
        keep = sites_in._keep
        extent = keep.sourceExtent() if hasattr(keep, "sourceExtent") else keep.extent()
        if extent is not None and not extent.isNull():
            try:
                center = transform.transform(extent.center())
                lon, lat = center.x(), center.y()
            except QgsCsException:
                pass
        work = QgsCoordinateReferenceSystem(f"EPSG:{ov.projected_epsg(lon, lat)}")
        feedback.pushInfo(self.tr("The sites are in degrees ({crs}): areas are measured in {work}.").format(
            crs=crs.authid(), work=work.authid()))
        return work

    def _transform(self, source_crs, dest_crs, transform_context):
        if not source_crs.isValid() or source_crs == dest_crs:
            return None
        return QgsCoordinateTransform(source_crs, dest_crs, transform_context)

    def _wkb(self, feat, transform, layer_name, feedback):
        """The feature's geometry in the working CRS as WKB (curves segmentised), None when empty."""
        if not feat.hasGeometry():
            return None
        geom = QgsGeometry(feat.geometry())
        if transform is not None:
            try:
                geom.transform(transform)
            except QgsCsException:
                self._warn(feedback, self.tr("{layer}: feature {fid} could not be reprojected, ignored.").format(
                    layer=layer_name, fid=feat.id()))
                return None
        if QgsWkbTypes.isCurvedType(geom.wkbType()):
            geom = QgsGeometry(geom.constGet().segmentize())
        if geom.isEmpty():
            return None
        return bytes(geom.asWkb())

    def _read_features(self, data, transform, kind, feedback, polygonal=False, row=None):
        """``[(valid shapely geometry or None, row(feature), repaired?)]`` for every feature of ``data``,
        read without validity checks, reprojected, and repaired in one vectorised pass (counted by
        ``kind``)."""
        wkbs, rows, fids = [], [], []
        for feat in data.features:
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled."))
            rows.append(row(feat) if row is not None else feat)
            fids.append(feat.id())
            wkbs.append(self._wkb(feat, transform, data.name, feedback))
        data.features = None
        geoms, repaired, multipart = ov.repair_many(wkbs, polygonal=polygonal, progress=core_progress(feedback))
        self._repaired[kind] += sum(repaired)
        self._multipart[kind] += sum(multipart)
        for geom, fixed, fid in zip(geoms, repaired, fids):
            if fixed and geom is None:
                self._warn(feedback, self.tr("{layer}: feature {fid} has an invalid geometry that could not be "
                                             "repaired, ignored.").format(layer=data.name, fid=fid))
        return list(zip(geoms, rows, repaired))

    def _read_zones(self, zones_in, work_crs, transform_context, feedback):
        fields = zones_in.fields
        names = ", ".join(fields.names())
        i_typezone = find_field(fields, "TYPEZONE")
        i_typesect = find_field(fields, "TYPESECT")
        i_libelle = find_field(fields, "LIBELLE")
        if i_typezone < 0 and i_typesect < 0:
            raise QgsProcessingException(self.tr(
                "The zones layer '{layer}' has no TYPEZONE field (CNIG ZONE_URBA) nor TYPESECT field (carte "
                "communale SECTEUR_CC). Fields found: {fields}."
            ).format(layer=zones_in.name, fields=names))
        if i_typezone >= 0 and i_libelle < 0:
            raise QgsProcessingException(self.tr(
                "The zones layer '{layer}' has no LIBELLE field, required by the CNIG ZONE_URBA standard. Fields "
                "found: {fields}."
            ).format(layer=zones_in.name, fields=names))
        is_cc = i_typezone < 0
        if zones_in.encoding:
            feedback.pushInfo(self.tr("{layer}: shapefile without declared encoding, read as {encoding}.").format(
                layer=zones_in.name, encoding=zones_in.encoding))
        feedback.pushInfo(self.tr("Zones read as {kind}.").format(
            kind=self.tr("carte communale sectors (TYPESECT)") if is_cc else self.tr("PLU zones (TYPEZONE)")))
        idx = {key: find_field(fields, key) for key in
               ("LIBELONG", "IDURBA", "DESTOUI", "DESTCDT", "DESTNON", "FORMDOMI", "DESTDOMI")}
        transform = self._transform(zones_in.crs, work_crs, transform_context)
        if transform is not None:
            feedback.pushInfo(self.tr("Zones reprojected from {source} to {dest}.").format(
                source=zones_in.crs.authid(), dest=work_crs.authid()))
        notes = Counter()
        examples = {}
        before = self._repaired["zone"]
        multipart_before = self._multipart["zone"]

        def row(feat):
            libelle = text_value(feat, i_libelle)
            if is_cc:
                klass = codes.classify_sector(text_value(feat, i_typesect), libelle)
            else:
                klass = codes.classify_typezone(text_value(feat, i_typezone), libelle)
            formdomi = text_value(feat, idx["FORMDOMI"])
            zone = ov.Zone(
                geometry=None,
                family=klass.family,
                zone_type=klass.zone_type,
                libelle=libelle or klass.zone_type,
                libelong=text_value(feat, idx["LIBELONG"]),
                idurba=text_value(feat, idx["IDURBA"]),
                dest_oui=codes.parse_destinations(text_value(feat, idx["DESTOUI"])),
                dest_cdt=codes.parse_destinations(text_value(feat, idx["DESTCDT"])),
                dest_non=codes.parse_destinations(text_value(feat, idx["DESTNON"])),
                formdomi=codes.normalise_code(formdomi, 4) if formdomi else "",
                destdomi=codes.normalise_code(text_value(feat, idx["DESTDOMI"])),
                fid=feat.id(),
            )
            return zone, klass, feat.attributes()

        zones, rows = [], []
        for geom, (zone, klass, attrs), repaired in self._read_features(
                zones_in, transform, "zone", feedback, polygonal=True, row=row):
            if klass.note:
                notes[klass.note] += 1
                examples.setdefault(klass.note, Counter())[klass.raw or zone.libelle or "NULL"] += 1
            if geom is None:
                continue
            zone.geometry = geom
            zones.append(zone)
            rows.append((attrs, repaired))
        repaired = self._repaired["zone"] - before
        multipart = self._multipart["zone"] - multipart_before
        feedback.pushInfo(self.tr("{n} zone(s) read from {layer}.").format(n=len(zones), layer=zones_in.name))
        if repaired:
            feedback.pushWarning(self.tr("{n} invalid zone geometry(ies) repaired (make_valid).").format(n=repaired))
        if multipart:
            feedback.pushInfo(self.tr("{n} multi-part zone(s): each counted as one zone, its parts together.").format(
                n=multipart))
        self._log_notes(feedback, notes, examples)
        return zones, rows

    def _log_notes(self, feedback, notes, examples):
        def values(note):
            return ", ".join(f"{v} ({n})" for v, n in examples.get(note, Counter()).most_common(8))

        if notes[codes.NOTE_CASE]:
            feedback.pushInfo(self.tr("{n} zone type(s) written in another case, normalised: {values}.").format(
                n=notes[codes.NOTE_CASE], values=values(codes.NOTE_CASE)))
        if notes[codes.NOTE_LEGACY]:
            feedback.pushWarning(self.tr(
                "{n} zone(s) with a legacy TYPEZONE (Ah counted as A, Nh and Nd as N): {values}.").format(
                n=notes[codes.NOTE_LEGACY], values=values(codes.NOTE_LEGACY)))
        if notes[codes.NOTE_AU]:
            feedback.pushWarning(self.tr(
                "{n} zone(s) typed AU without c / s: counted as AUs (the stricter reading).").format(
                n=notes[codes.NOTE_AU]))
        if notes[codes.NOTE_FROM_LIBELLE]:
            feedback.pushWarning(self.tr(
                "{n} zone(s) with an empty or unknown type, typed from their LIBELLE: {values}.").format(
                n=notes[codes.NOTE_FROM_LIBELLE], values=values(codes.NOTE_FROM_LIBELLE)))
        if notes[codes.NOTE_CC_TEXT]:
            feedback.pushInfo(self.tr("{n} sector(s) with TYPESECT written in words: {values}.").format(
                n=notes[codes.NOTE_CC_TEXT], values=values(codes.NOTE_CC_TEXT)))
        if notes[codes.NOTE_NOT_COVERED]:
            feedback.pushInfo(self.tr(
                "{n} zone(s) outside the document (RNU, ZURNU or sector 99): not counted in the shares.").format(
                n=notes[codes.NOTE_NOT_COVERED]))
        if notes[codes.NOTE_UNKNOWN]:
            feedback.pushWarning(self.tr(
                "{n} zone(s) with an unreadable type, not counted in the shares: {values}.").format(
                n=notes[codes.NOTE_UNKNOWN], values=values(codes.NOTE_UNKNOWN)))

    def _read_overlays(self, layer, table, work_crs, transform_context, prescriptions, informations, feedback):
        data = self._layer_input(layer)
        fields = data.fields
        i_psc, i_inf = find_field(fields, "TYPEPSC"), find_field(fields, "TYPEINF")
        if table == "PSC" and i_psc < 0 and i_inf >= 0:
            feedback.pushWarning(self.tr("{layer} has TYPEINF and no TYPEPSC: read as informations.").format(
                layer=data.name))
            table = "INF"
        elif table == "INF" and i_inf < 0 and i_psc >= 0:
            feedback.pushWarning(self.tr("{layer} has TYPEPSC and no TYPEINF: read as prescriptions.").format(
                layer=data.name))
            table = "PSC"
        i_type = i_psc if table == "PSC" else i_inf
        if i_type < 0:
            required = "TYPEPSC" if table == "PSC" else "TYPEINF"
            raise QgsProcessingException(self.tr(
                "The layer '{layer}' has no {field} field, required by the CNIG standard. Fields found: {fields}."
            ).format(layer=data.name, field=required, fields=", ".join(fields.names())))
        i_sub = find_field(fields, "STYPEPSC" if table == "PSC" else "STYPEINF")
        if i_sub < 0:
            feedback.pushWarning(self.tr("{layer} has no sub-type field: sub-codes read as 00.").format(
                layer=data.name))
        i_lib, i_txt = find_field(fields, "LIBELLE"), find_field(fields, "TXT")
        if not data.crs.isValid():
            self.warn_no_crs(feedback, data.name, work_crs)
        transform = self._transform(data.crs, work_crs, transform_context)
        target = prescriptions if table == "PSC" else informations
        n = 0

        def row(feat):
            return (text_value(feat, i_type), text_value(feat, i_sub), text_value(feat, i_lib), text_value(feat, i_txt),
                    feat.id())

        for geom, (typ, styp, lib, txt, fid), _repaired in self._read_features(data, transform, "overlay", feedback,
                                                                                row=row):
            if geom is None:
                continue
            target.append(ov.Overlay.make(geom, table, typ, styp, lib, txt, fid))
            n += 1
        what = self.tr("prescription(s)") if table == "PSC" else self.tr("information(s)")
        feedback.pushInfo(self.tr("{n} {what} read from {layer}.").format(n=n, what=what, layer=data.name))

    def _read_scots(self, parameters, context, work_crs, transform_context, feedback):
        data = self._input(parameters, self.SCOT, context)
        if data is None:
            return []
        wanted = self.parameterAsString(parameters, self.SCOT_NAME_FIELD, context) or "NOM"
        i_name = find_field(data.fields, wanted)
        if i_name < 0:
            i_name = find_field(data.fields, *SCOT_NAME_CANDIDATES)
            if i_name >= 0:
                feedback.pushInfo(self.tr("SCOT layer: no field {wanted}, names read from {field}.").format(
                    wanted=wanted, field=data.fields.at(i_name).name()))
            else:
                feedback.pushWarning(self.tr("SCOT layer: no field {wanted} nor a name field; the SCOT is named "
                                             "by its feature id.").format(wanted=wanted))
        if not data.crs.isValid():
            self.warn_no_crs(feedback, data.name, work_crs)
        transform = self._transform(data.crs, work_crs, transform_context)
        scots = []

        def row(feat):
            return (text_value(feat, i_name) if i_name >= 0 else "") or f"SCOT {feat.id()}"

        for geom, name, _repaired in self._read_features(data, transform, "scot", feedback, row=row):
            if geom is not None:
                scots.append(ov.Scot(geom, name))
        return scots

    # -- writing ------------------------------------------------------------------------------------------
    def _site_fields(self, fields):
        """(output fields, indices of the input fields kept): the input's fields, but those named like an
        added field (a previous run's output) are replaced."""
        added = {fold(name) for name, _kind, _len in SITE_FIELDS}
        out = QgsFields()
        kept = []
        for i, fld in enumerate(fields):
            if fold(fld.name()) in added:
                continue
            out.append(fld)
            kept.append(i)
        for name, kind, length in SITE_FIELDS:
            out.append(make_field(name, kind, length))
        return out, kept

    def _site_values(self, res, verdicts, lang, near_word):
        if res.status == ov.STATUS_NO_GEOMETRY:
            return [None] * (len(SITE_FIELDS) - 1) + [res.status]
        dominant = res.dominant
        values = [
            dominant.libelle if dominant else None,
            (dominant.zone.libelong or None) if dominant else None,
            dominant.zone_type if dominant else None,
            dominant.family if dominant else None,
        ]
        for family in codes.FAMILIES:
            values.append(res.shares.get(family) if res.shares else None)
        values.append(res.zoned_pct)
        values.append(ov.format_zones(res.zones) or None)
        values.append(ov.format_hits(res.prescriptions, near_word) or None)
        values.append(ov.hit_codes(res.prescriptions) or None)
        values.append(ov.format_hits(res.informations, near_word) or None)
        values.append(ov.hit_codes(res.informations) or None)
        values.append(" ; ".join(res.scot_names) or None)
        for use in compat.USES:
            verdict = verdicts.get(use)
            if verdict is None:
                values += [None, None]
                continue
            why = verdict.reason(lang)
            for label, pct, result, _reason_fr, _reason_en in verdict.others:
                why += " " + self.tr("[{pct} of the site in zone {zone}: {result}]").format(
                    pct=ov.format_pct(pct), zone=label, result=self._result_word(result))
            values += [verdict.result, why]
        values.append(res.status)
        return values

    def _result_word(self, result):
        return {
            "compatible": self.tr("compatible"),
            "conditional": self.tr("conditional"),
            "incompatible": self.tr("incompatible"),
            "unknown": self.tr("unknown"),
        }.get(result, result)

    def _write_zones(self, parameters, context, zones_in, zones, rows, work_crs, feedback):
        added = {fold(name) for name, _k, _l in ZONE_FIELDS}
        fields = QgsFields()
        kept = []
        for i, fld in enumerate(zones_in.fields):
            if fold(fld.name()) in added or fold(fld.name()) == "fid":
                continue
            fields.append(fld)
            kept.append(i)
        for name, kind, length in ZONE_FIELDS:
            fields.append(make_field(name, kind, length))
        import numpy as np
        import shapely

        wkbs = shapely.to_wkb(np.array([zone.geometry for zone in zones], dtype=object)) if zones else []
        with OutputSink(self, parameters, self.OUTPUT_ZONES, context, fields, WKB_MULTIPOLYGON, work_crs, feedback,
                        required=False) as sink:
            if not sink.active:
                return None
            for zone, (attrs, repaired), wkb in zip(zones, rows, wkbs):
                feat = QgsFeature(fields)
                feat.setAttributes([attrs[i] for i in kept] + [zone.family or None, zone.zone_type or None, repaired])
                geom = QgsGeometry()
                geom.fromWkb(wkb)
                feat.setGeometry(geom)
                sink.add(feat, zone.fid, zone.libelle)
        return sink.dest_id

    # -- messages ---------------------------------------------------------------------------------------
    def _site_name(self, feat, id_index):
        value = text_value(feat, id_index) if id_index >= 0 else ""
        return value or str(feat.id())

    def _warn(self, feedback, text):
        if self._logged < MAX_LOGGED:
            feedback.pushWarning(text)
        elif self._logged == MAX_LOGGED:
            feedback.pushWarning(self.tr("… further warnings not shown."))
        self._logged += 1

    def _log_summary(self, feedback, results):
        statuses = Counter(r.status for r in results)
        feedback.pushInfo(self.tr(
            "{n} site(s): {covered} covered by the zoning, {partial} partly, {outside} outside, {empty} without "
            "geometry."
        ).format(n=len(results), covered=statuses[ov.STATUS_COVERED], partial=statuses[ov.STATUS_PARTIAL],
                 outside=statuses[ov.STATUS_OUTSIDE], empty=statuses[ov.STATUS_NO_GEOMETRY]))
        if self._repaired["site"]:
            feedback.pushWarning(self.tr("{n} invalid site geometry(ies) repaired for the overlay (the output keeps "
                                         "the input geometry).").format(n=self._repaired["site"]))
        if self._repaired["overlay"] or self._repaired["scot"]:
            feedback.pushWarning(self.tr("{n} invalid prescription / information / SCOT geometry(ies) repaired.")
                                 .format(n=self._repaired["overlay"] + self._repaired["scot"]))

    def _rules_error(self, exc):
        messages = {
            "missing_file": self.tr("The rules table {path} does not exist."),
            "unreadable": self.tr("The rules table {path} cannot be read: {error}"),
            "empty": self.tr("The rules table {path} has no rules."),
            "missing_columns": self.tr("The rules table {path} lacks the column(s) {columns}."),
            "bad_priority": self.tr("Rules table {path}, line {line}: priority '{value}' is not a number."),
            "bad_result": self.tr("Rules table {path}, line {line}: result '{value}' is not compatible, "
                                  "conditional, incompatible or unknown."),
            "bad_use": self.tr("Rules table {path}, line {line}: unknown use '{value}' (coworking, fablab, "
                               "mediation or *)."),
            "bad_condition": self.tr("Rules table {path}, line {line}: condition '{value}' cannot be read."),
            "unknown_condition": self.tr("Rules table {path}, line {line}: unknown condition '{value}'."),
            "missing_codes": self.tr("Rules table {path}, line {line}: condition '{value}' needs codes."),
        }
        params = {"path": "", "line": "", "value": "", "columns": "", "error": ""}
        params.update(exc.params)
        return messages.get(exc.code, exc.code).format(**params)

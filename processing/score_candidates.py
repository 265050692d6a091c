"""``friches:score_candidates``: a score from 0 to 100 per use (coworking, fablab, médiation numérique)
for each site, with its reliability, the candidates, the best use, a rank and a sentence explaining it.

Adapter only: reads the inventory and the outputs of the other analyses (joined by ``site_id``) and the
optional layers into facts (``core/scoring/facts``), scores them with the profile (``core/scoring``) and
writes the sites with their scores. The method is documented in ``resources/profiles/README.md``.
"""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_POINT,
    SOURCE_POLYGON,
    make_field,
    parameter_as_fields,
)
from ..core.scoring import USES
from ..core.scoring import facts as fx
from ..core.scoring.explain import explain_site
from ..core.scoring.profile import ProfileError, load_profile
from ..core.scoring.score import details_json, ranks, score_site, to_details
from ..translation import ui_language
from . import scoring_io as sio
from .base import FrichesAlgorithm, assumed_crs, show_decimals
from .inventory_store import shapely_transform
from .sinks import OutputSink, WriteReport, add_report_parameter, source_sink_type
from .styles import style_on_completion

#: Fields the algorithm adds (an input field of the same name is replaced).
OUTPUT_FIELDS = (
    ("score_coworking", "double", 0),
    ("score_fablab", "double", 0),
    ("score_mediation", "double", 0),
    ("best_use", "string", 16),
    ("best_score", "double", 0),
    ("rank", "int", 0),
    ("rank_coworking", "int", 0),
    ("rank_fablab", "int", 0),
    ("rank_mediation", "int", 0),
    ("candidate_coworking", "bool", 0),
    ("candidate_fablab", "bool", 0),
    ("candidate_mediation", "bool", 0),
    ("reliability", "int", 0),
    ("explanation_fr", "string", 0),
    ("explanation_en", "string", 0),
    ("score_details", "string", 0),
    ("score_profile", "string", 254),
)
CATCHMENT_MODES = ("walk", "bike")


class ScoreCandidatesAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    CATCHMENT = "CATCHMENT"
    CATCHMENT_MODE = "CATCHMENT_MODE"
    CATCHMENT_CAR = "CATCHMENT_CAR"
    COVERAGE = "COVERAGE"
    TRANSIT = "TRANSIT"
    ZONING = "ZONING"
    PLACES = "PLACES"
    KIND_FIELD = "KIND_FIELD"
    SERVICES = "SERVICES"
    SERVICES_KIND_FIELD = "SERVICES_KIND_FIELD"
    QPV = "QPV"
    SCHOOLS = "SCHOOLS"
    CENTRE = "CENTRE"
    PROFILE = "PROFILE"
    CANDIDATE_THRESHOLD = "CANDIDATE_THRESHOLD"
    OUTPUT = "OUTPUT"
    SITES = "SITES"
    CANDIDATES_COWORKING = "CANDIDATES_COWORKING"
    CANDIDATES_FABLAB = "CANDIDATES_FABLAB"
    CANDIDATES_MEDIATION = "CANDIDATES_MEDIATION"

    ICON = "processing.svg"

    def name(self):
        return "score_candidates"

    def displayName(self):
        return self.tr("Score candidate sites (coworking, fablab, digital inclusion)")

    def group(self):
        return self.tr("Candidates")

    def groupId(self):
        return "candidates"

    def tags(self):
        return ["coworking", "fablab", self.tr("digital inclusion"), self.tr("tiers-lieux"), self.tr("score"),
                self.tr("ranking"), self.tr("candidates"), "mutabilité", "PTAL", "QPV"]

    def shortDescription(self):
        return self.tr("A score from 0 to 100 per use for each site, with its reliability, the candidates, the "
                       "best use, a rank and a sentence explaining it.")

    def help_text(self):
        return self.tr(
            "<p>Scores each site of the inventory from 0 to 100 for three uses: <b>coworking</b>, <b>fablab</b> and "
            "<b>digital inclusion place</b> (médiation numérique), from the inventory's own fields and, joined by "
            "<i>site_id</i>, the outputs of Catchment, Coverage gaps, Transit coverage and Zoning overlay, plus "
            "optional layers (existing places, services, QPV, schools, town halls).</p>"
            "<p><b>Method</b> (the plugin's own, documented with every threshold, weight and source in "
            "resources/profiles/README.md): each criterion gives a value from 0 to 1 through the profile's "
            "thresholds (e.g. stop within 300 m: 1, 800 m: 0); the <b>score</b> is 100 × the weighted mean of the "
            "criteria that have data; the <b>reliability</b> (0-100 %) is the share of the weights with data, so "
            "a missing analysis lowers the reliability instead of failing or favouring a site. <b>Rules</b> then "
            "exclude a use (reconverted site, zoning incompatible with the use) or cap its score (proven soil "
            "pollution: coworking and digital inclusion at 45, fablab at 55; no building to reuse: 40).</p>"
            "<p><b>Outputs</b>: score_coworking, score_fablab, score_mediation; candidate_* (not excluded, score "
            "at least the threshold, reliability at least the profile's minimum, 50 % by default); best_use and "
            "best_score; rank (by best score, then reliability, then site_id) and rank_* per use; reliability; "
            "explanation_fr and explanation_en, a sentence naming the main strengths and the blocking "
            "constraints; score_details, the normalised value of every criterion, which the Candidates panel "
            "uses to re-rank live when weights change.</p>"
            "<p>Criteria, thresholds, weights and rules live in an editable JSON profile: copy "
            "resources/profiles/default.json, change it and give it as <i>Scoring profile</i>.</p>"
        )

    # -- parameters -------------------------------------------------------------------------------------
    def _source(self, name, label, types, help_text, optional=True, advanced=False):
        param = QgsProcessingParameterFeatureSource(name, label, types, optional=optional)
        param.setHelp(help_text)
        if advanced:
            param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)

    def initAlgorithm(self, config=None):
        self._source(self.INPUT, self.tr("Sites (inventory)"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("The friches inventory (points or polygons) with its CNIG fields, e.g. the friches layer "
                             "of Import inventory, or the output of another analysis run on it."), optional=False)
        param = QgsProcessingParameterField(
            self.SITE_ID_FIELD, self.tr("Site identifier field"), defaultValue="site_id",
            parentLayerParameterName=self.INPUT, optional=True)
        param.setHelp(self.tr("Key joining the analyses (any case); the feature id when missing."))
        self.addParameter(param)
        self._source(self.CATCHMENT, self.tr("Catchment on foot or by bike (sites with population)"),
                     [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("The 'Sites with population reached' output of Catchment; the field named in the profile "
                             "(pop_15min) is used, else the pop_<minutes>min field closest to it."))
        param = QgsProcessingParameterEnum(self.CATCHMENT_MODE, self.tr("Mode of that catchment"),
                                           options=[self.tr("Walk"), self.tr("Bike")], defaultValue=0)
        param.setHelp(self.tr("Only used in the explanations (« à pied », « à vélo »)."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        self._source(self.CATCHMENT_CAR, self.tr("Catchment by car (sites with population)"),
                     [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("A Catchment run by car (pop_20min in the profile): car access of peri-urban sites."))
        self._source(self.COVERAGE, self.tr("Coverage gaps (candidates with new coverage)"),
                     [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("The 'Candidates with new coverage' output of Coverage gaps: new_pop_15min, the "
                             "population a site would reach that no existing place reaches."))
        self._source(self.TRANSIT, self.tr("Transit coverage (sites)"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("The sites output of Transit coverage: nearest_stop_m, ptal, dep_500m_h."))
        self._source(self.ZONING, self.tr("Zoning overlay (sites)"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("The sites output of Zoning overlay: compat_coworking, compat_fablab, compat_mediation, "
                             "zone_libelle."))
        self._source(self.PLACES, self.tr("Existing tiers-lieux"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("Existing third places: the distance to the nearest one of the same kind favours sites "
                             "that complete the network."))
        param = QgsProcessingParameterField(self.KIND_FIELD, self.tr("Kind field of the tiers-lieux"),
                                            defaultValue="kind", parentLayerParameterName=self.PLACES, optional=True)
        param.setHelp(self.tr("Matched with the profile's keywords (coworking, fablab, tiers-lieu mixte, médiation "
                              "numérique, EPN...); without it every place counts for every use."))
        self.addParameter(param)
        self._source(self.SERVICES, self.tr("Services and facilities"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("Public services (France Services, libraries, town halls, schools...): counted within "
                             "500 m; France Services and EPN count as existing digital inclusion places; town halls "
                             "and schools are used when the layers below are not given."))
        param = QgsProcessingParameterField(self.SERVICES_KIND_FIELD, self.tr("Kind field of the services"),
                                            defaultValue="kind", parentLayerParameterName=self.SERVICES, optional=True)
        param.setHelp(self.tr("Kind or label of each service; a BPE typequ field is read too when present."))
        self.addParameter(param)
        self._source(self.QPV, self.tr("Priority neighbourhoods (QPV)"), [SOURCE_POLYGON],
                     self.tr("QPV 2024 perimeters (ANCT)."))
        self._source(self.SCHOOLS, self.tr("Schools and universities"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("High schools, universities, training centres (default: the matching services)."))
        self._source(self.CENTRE, self.tr("Town hall or centre"), [SOURCE_POINT, SOURCE_POLYGON],
                     self.tr("The centre of each commune (default: the town halls among the services)."))
        param = QgsProcessingParameterFile(self.PROFILE, self.tr("Scoring profile (JSON)"),
                                           behavior=FILE_BEHAVIOR_FILE, extension="json", optional=True)
        param.setHelp(self.tr("An edited copy of resources/profiles/default.json; the shipped profile when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.CANDIDATE_THRESHOLD, self.tr("Candidate threshold (score)"),
                                             type=NUMBER_DOUBLE, minValue=0.0, maxValue=100.0, optional=True)
        param.setHelp(self.tr("A use is a candidate from this score on; the profile's threshold (60) when empty."))
        self.addParameter(show_decimals(param, 0))
        param = QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Scored sites"))
        param.setHelp(self.tr("The sites with their fields and the score fields listed above."))
        self.addParameter(param)
        add_report_parameter(self)
        self.addOutput(QgsProcessingOutputNumber(self.SITES, self.tr("Sites scored")))
        self.addOutput(QgsProcessingOutputNumber(self.CANDIDATES_COWORKING, self.tr("Coworking candidates")))
        self.addOutput(QgsProcessingOutputNumber(self.CANDIDATES_FABLAB, self.tr("Fablab candidates")))
        self.addOutput(QgsProcessingOutputNumber(self.CANDIDATES_MEDIATION, self.tr("Digital inclusion candidates")))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        if path:
            try:
                load_profile(path)
            except ProfileError as exc:
                return False, self.tr("The scoring profile cannot be used: {error}").format(error=str(exc))
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        path = self.parameterAsFile(parameters, self.PROFILE, context)
        try:
            profile = load_profile(path or None)
        except ProfileError as exc:
            raise QgsProcessingException(
                self.tr("The scoring profile cannot be used: {error}").format(error=str(exc))) from exc
        threshold = profile.candidate_threshold
        if parameters.get(self.CANDIDATE_THRESHOLD) not in (None, ""):
            threshold = self.parameterAsDouble(parameters, self.CANDIDATE_THRESHOLD, context)

        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        site_crs = source.sourceCrs()
        if not site_crs.isValid():  # coordinates read in the CRS they most likely are in, said once
            site_crs = assumed_crs(source.sourceExtent())
            self.warn_no_crs(feedback, source.sourceName(), site_crs)
        crs = sio.metric_crs(site_crs, source.sourceExtent(), context)
        if crs != site_crs:
            feedback.pushInfo(self.tr("Distances are measured in {crs} (the sites' CRS is not in metres).").format(
                crs=crs.authid()))
        sites = sio.read_table(source, context, crs, feedback=feedback)
        if sites is None:
            raise self.canceled()
        if not source.sourceCrs().isValid() and site_crs != crs:
            to_metres = shapely_transform(site_crs, crs, context.transformContext())
            sites.geoms = [None if g is None else to_metres(g) for g in sites.geoms]
        id_fields = parameter_as_fields(self, parameters, self.SITE_ID_FIELD, context)
        id_field = sio.find_field(source.fields().names(), id_fields[0] if id_fields else "site_id")
        if id_field is None:
            feedback.pushWarning(self.tr("No site identifier field: the analyses cannot be joined, only the "
                                         "inventory fields and the optional layers are used."))
            keys = [str(fid) for fid in sites.fids]
        else:
            keys = [sio.site_key(row.get(id_field)) or f"#{fid}" for row, fid in zip(sites.rows, sites.fids)]
        feedback.setProgress(10)

        facts = []
        for i, row in enumerate(sites.rows):
            if i % 256 == 0 and feedback.isCanceled():
                raise self.canceled()
            facts.append(self._inventory_facts(row))
        for f, geom in zip(facts, sites.geoms):
            if f.get("site_surface") is None and geom is not None and geom.area > 0:
                f["site_surface"] = float(geom.area)  # a polygon without the field: its own area
                if f.get("bati_surface") is not None:
                    f["free_land_m2"] = max(f["site_surface"] - f["bati_surface"], 0.0)
        used = [self.tr("inventory")]
        mode = CATCHMENT_MODES[self.parameterAsEnum(parameters, self.CATCHMENT_MODE, context)]
        # analyses: the INPUT's own fields first (a layer already joined), then each analysis layer
        self._join_population(facts, sites.rows, sites.names, profile, "pop_walk", "pop_walk_field", "pop_15min",
                              False, mode, None)
        self._join_population(facts, sites.rows, sites.names, profile, "pop_car", "pop_car_field", "pop_20min",
                              False, "car", None)
        self._join_population(facts, sites.rows, sites.names, profile, "new_pop", "new_pop_field", "new_pop_15min",
                              True, None, None)
        own = {name: sio.find_field(sites.names, name) for name in (*fx.TRANSIT_FACTS, *fx.ZONING_FACTS)}
        own = {name: field for name, field in own.items() if field is not None}
        for i, row in enumerate(sites.rows):
            if i % 256 == 0 and feedback.isCanceled():
                raise self.canceled()
            for name, field in own.items():
                if row.get(field) is not None:
                    facts[i][name] = row.get(field)

        joins = (
            (self.CATCHMENT, self.tr("catchment"), "catchment"),
            (self.CATCHMENT_CAR, self.tr("car catchment"), "car"),
            (self.COVERAGE, self.tr("coverage gaps"), "coverage"),
            (self.TRANSIT, self.tr("transit coverage"), "transit"),
            (self.ZONING, self.tr("zoning overlay"), "zoning"),
        )
        for param_name, label, kind in joins:
            layer = self.parameterAsSource(parameters, param_name, context)
            if layer is None:
                continue
            if id_field is None:
                feedback.pushWarning(self.tr("The {layer} layer is ignored: the sites have no identifier.").format(
                    layer=label))
                continue
            table = sio.read_table(layer, context, geometry=False, feedback=feedback)
            if table is None:
                raise self.canceled()
            layer_id = sio.find_field(table.names, id_field, "site_id")
            if layer_id is None:
                feedback.pushWarning(self.tr("The {layer} layer has no site_id field: it is ignored.").format(
                    layer=label))
                continue
            by_id = sio.index_by_id(table, layer_id)
            rows = [by_id.get(key) for key in keys]
            missing = [key for key, row in zip(keys, rows) if row is None]
            if len(missing) == len(keys):
                feedback.pushWarning(self.tr("No site of the inventory is in the {layer} layer (joined by {field}): "
                                             "it is ignored.").format(layer=label, field=layer_id))
                continue
            if missing:
                feedback.pushWarning(sio.missing_ids_warning(label, missing))
            if kind == "catchment":
                self._join_population(facts, rows, table.names, profile, "pop_walk", "pop_walk_field", "pop_15min",
                                      False, mode, feedback)
            elif kind == "car":
                self._join_population(facts, rows, table.names, profile, "pop_car", "pop_car_field", "pop_20min",
                                      False, "car", feedback)
            elif kind == "coverage":
                self._join_population(facts, rows, table.names, profile, "new_pop", "new_pop_field",
                                      "new_pop_15min", True, None, feedback)
            else:
                names = fx.TRANSIT_FACTS if kind == "transit" else fx.ZONING_FACTS
                fields = {name: sio.find_field(table.names, name) for name in names}
                for i, row in enumerate(rows):
                    if row is None:
                        continue
                    for name, field in fields.items():
                        if field is not None:
                            facts[i][name] = row.get(field)
            used.append(label)
        feedback.setProgress(30)

        if not self._geometry_facts(parameters, context, feedback, profile, crs, sites, facts, used):
            raise self.canceled()
        feedback.pushInfo(self.tr("Data used: {sources}.").format(sources=", ".join(used)))
        feedback.setProgress(60)

        results = []
        for i, f in enumerate(facts):
            if i % 64 == 0:
                if feedback.isCanceled():
                    raise self.canceled()
                feedback.setProgress(60 + 15.0 * i / max(1, len(facts)))
            results.append(score_site(profile, f, threshold=threshold))
        overall = ranks([r.best_score for r in results], [r.reliability for r in results], keys)
        per_use = {use: ranks([r.uses[use].score for r in results], [r.uses[use].reliability for r in results], keys)
                   for use in USES}
        feedback.setProgress(75)

        report = WriteReport(feedback)
        dest_id = self._write(parameters, context, feedback, report, source, site_crs, sites, profile, facts,
                              results, overall, per_use, threshold, path, keys)
        self._report(feedback, profile, sites, facts, results, overall, threshold)
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        style_on_completion(context, dest_id, "candidates_polygons" if polygons else "candidates")
        counts = {use: sum(1 for r in results if r.uses[use].candidate) for use in USES}
        out = {
            self.OUTPUT: dest_id,
            self.SITES: len(results),
            self.CANDIDATES_COWORKING: counts["coworking"],
            self.CANDIDATES_FABLAB: counts["fablab"],
            self.CANDIDATES_MEDIATION: counts["mediation"],
        }
        report.publish(self, parameters, context, out)
        return out

    # -- facts ------------------------------------------------------------------------------------------
    @staticmethod
    def _inventory_facts(row):
        by_fold = {}
        for name, value in row.items():
            by_fold.setdefault(name.lower(), value)
        attrs = {name: by_fold.get(name) for name in (*fx.INVENTORY_FACTS, "site_surface")}
        return fx.inventory_facts(attrs)

    def _join_population(self, facts, rows, names, profile, fact, key, default, new, mode, feedback):
        """Put the population field chosen by the profile (or the closest one) of ``rows`` into ``facts``."""
        wanted = str(profile.input(key, default) or default)
        field, minutes, exact = sio.choose_minutes_field(names, wanted, new)
        if field is None:
            return
        if not exact and feedback is not None:
            feedback.pushInfo(self.tr("No {wanted} field: {field} is used instead.").format(wanted=wanted, field=field))
        label = sio.minutes_text(minutes)
        for i, row in enumerate(rows):
            if row is None:
                continue
            value = row.get(field)
            try:
                value = None if value is None else float(value)
            except (TypeError, ValueError):
                value = None
            if value is None:
                continue
            facts[i][fact] = value
            facts[i][f"{fact}_min"] = label
            if fact == "pop_walk":
                facts[i]["pop_mode"] = mode

    def _geometry_facts(self, parameters, context, feedback, profile, crs, sites, facts, used):
        """Distances to places, services, QPV, schools and the centre (False when canceled)."""
        def read(param_name):
            layer = self.parameterAsSource(parameters, param_name, context)
            if layer is None:
                return None, None
            if not layer.sourceCrs().isValid():
                self.warn_no_crs(feedback, layer.sourceName(), crs)
            return layer, sio.read_table(layer, context, crs, feedback=feedback)

        geoms = sites.geoms
        places_layer, places = read(self.PLACES)
        services_layer, services = read(self.SERVICES)
        if (places_layer is not None and places is None) or (services_layer is not None and services is None):
            return False

        service_kinds = None
        if services is not None:
            kind_fields = parameter_as_fields(self, parameters, self.SERVICES_KIND_FIELD, context)
            kind_field = sio.find_field(services.names, kind_fields[0] if kind_fields else "kind", "kind", "type")
            typequ = sio.find_field(services.names, "typequ")
            service_kinds = [" ".join(str(row.get(f)) for f in (kind_field, typequ) if f and row.get(f) is not None)
                             for row in services.rows]
            counts = fx.count_within(geoms, services.geoms, float(profile.input("services_radius_m", 500) or 500))
            for f, n in zip(facts, counts):
                f["services_500m"] = n
            used.append(self.tr("services"))

        if places is not None or services is not None:
            kind_fields = parameter_as_fields(self, parameters, self.KIND_FIELD, context)
            targets = {use: ([], []) for use in USES}
            if places is not None:
                kind_field = sio.find_field(places.names, kind_fields[0] if kind_fields else "kind", "kind", "typo")
                kinds = places.column(kind_field) if kind_field else None
                if kind_field is None:
                    feedback.pushInfo(self.tr("The tiers-lieux layer has no kind field: every place counts for every "
                                              "use."))
                names = places.column(sio.find_field(places.names, *sio.NAME_CANDIDATES))
                for use in USES:
                    mask = fx.kind_mask(kinds, profile.place_kinds.get(use, (use,))) if kinds is not None else None
                    for k, geom in enumerate(places.geoms):
                        if mask is None or mask[k]:
                            targets[use][0].append(geom)
                            targets[use][1].append(names[k] if names else None)
                used.append(self.tr("tiers-lieux"))
            if services is not None:
                names = services.column(sio.find_field(services.names, *sio.NAME_CANDIDATES))
                for use in USES:
                    mask = fx.kind_mask(service_kinds, profile.place_kinds.get(use, ()))
                    for k, geom in enumerate(services.geoms):
                        if mask[k]:
                            targets[use][0].append(geom)
                            targets[use][1].append(names[k] if names else None)
            for use in USES:
                if places is None and not targets[use][0]:
                    continue  # no tiers-lieux layer and no service of that kind: no data for this use
                distances, found = fx.nearest(geoms, targets[use][0], targets[use][1])
                for f, d, name in zip(facts, distances, found):
                    f[f"place_m_{use}"] = d
                    f[f"place_name_{use}"] = name

        qpv_layer, qpv = read(self.QPV)
        if qpv_layer is not None:
            if qpv is None:
                return False
            names = qpv.column(sio.find_field(qpv.names, "nom_qp", "lib_qp", "nom", "name", "libelle", "code_qp"))
            names = [n if n else "QPV" for n in names] if names else ["QPV"] * len(qpv)
            for f, extra in zip(facts, fx.qpv_facts(geoms, qpv.geoms, names)):
                f.update(extra)
            used.append(self.tr("QPV"))

        for param_name, key, prefix, label in ((self.SCHOOLS, "schools", "school", self.tr("schools")),
                                               (self.CENTRE, "centre", "centre", self.tr("town halls"))):
            layer, table = read(param_name)
            if layer is not None and table is None:
                return False
            if table is not None:
                targets, names = table.geoms, table.column(sio.find_field(table.names, *sio.NAME_CANDIDATES))
            elif services is not None:
                mask = fx.kind_mask(service_kinds, profile.service_kinds.get(key, ()))
                if not mask.any():
                    continue
                targets = [g for g, keep in zip(services.geoms, mask) if keep]
                all_names = services.column(sio.find_field(services.names, *sio.NAME_CANDIDATES))
                names = [n for n, keep in zip(all_names, mask) if keep] if all_names else None
                label = self.tr("{what} (from the services)").format(what=label)
            else:
                continue
            distances, found = fx.nearest(geoms, targets, names)
            for f, d, name in zip(facts, distances, found):
                f[f"{prefix}_m"] = d
                f[f"{prefix}_name"] = name
            used.append(label)
        return True

    # -- output -----------------------------------------------------------------------------------------
    def _write(self, parameters, context, feedback, report, source, site_crs, sites, profile, facts, results,
               overall, per_use, threshold, path, keys):
        added = [name for name, _kind, _length in OUTPUT_FIELDS]
        fields = QgsFields()
        kept = []
        for i, field in enumerate(source.fields()):
            if field.name() not in added:
                fields.append(field)
                kept.append(i)
        for name, kind, length in OUTPUT_FIELDS:
            fields.append(make_field(name, kind, length))
        profile_label = path or f"{profile.name} {profile.version}".strip()
        position = {fid: i for i, fid in enumerate(sites.fids)}
        with OutputSink(self, parameters, self.OUTPUT, context, fields, source_sink_type(source), site_crs,
                        feedback, report) as sink:
            for feature in source.getFeatures(QgsFeatureRequest(), SKIP_GEOMETRY_CHECKS):
                i = position.get(feature.id())
                if i is None:
                    continue
                result = results[i]
                out = QgsFeature(fields)
                out.setGeometry(feature.geometry())
                attrs = feature.attributes()
                values = [attrs[k] for k in kept]
                values += [round(result.uses[use].score, 1) for use in USES]
                values += [result.best_use, round(result.best_score, 1), overall[i]]
                values += [per_use[use][i] for use in USES]
                values += [bool(result.uses[use].candidate) for use in USES]
                values += [int(round(result.reliability))]
                values += [explain_site(profile, result, facts[i], "fr"),
                           explain_site(profile, result, facts[i], "en")]
                details = to_details(result, facts[i], threshold, profile.candidate_min_reliability)
                values += [details_json(_jsonable(details)), profile_label]
                out.setAttributes(values)
                sink.add(out, feature.id(), keys[i])
                if sink.written % 64 == 0:
                    feedback.setProgress(75 + 25.0 * sink.written / max(1, len(results)))
        if sink.written != len(results):
            raise QgsProcessingException(self.tr(
                "{written} of {total} sites were written into the output '{output}': the input changed while it "
                "was read.").format(written=sink.written, total=len(results), output=sink.label))
        return sink.dest_id

    def _report(self, feedback, profile, sites, facts, results, overall, threshold):
        lang = ui_language()
        for use in USES:
            count = sum(1 for r in results if r.uses[use].candidate)
            feedback.pushInfo(self.tr("{use}: {n} candidate(s) (score ≥ {threshold}).").format(
                use=profile.use(use).label(lang), n=count, threshold=f"{threshold:g}"))
        order = sorted(range(len(results)), key=lambda i: overall[i])
        for i in order[:5]:
            feedback.pushInfo(self.tr("#{rank} {name}: {sentence}").format(
                rank=overall[i], name=facts[i].get("site_nom") or facts[i].get("site_id") or "",
                sentence=explain_site(profile, results[i], facts[i], lang)))
        low = sum(1 for r in results if r.reliability < profile.candidate_min_reliability)
        if low:
            feedback.pushWarning(self.tr("{n} site(s) have a reliability below {min} %: their scores rest on few "
                                         "criteria (add the missing analyses).").format(
                n=low, min=f"{profile.candidate_min_reliability:g}"))


def _jsonable(value):
    """Dates and other non-JSON values of the facts as text."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)

"""``friches:prepare_territory``: one GeoPackage holding every input of the analysis for one territory.

Why: a technician starting on their own commune must otherwise gather six layers from six producers
(BD TOPO by département, the Filosofi grid of France, the Cartofriches file, GTFS feeds, PLU, places),
cut, reproject and rename them. This algorithm takes the territory (INSEE codes, an EPCI SIREN code or a
polygon layer), grows it by a buffer (5 km: catchments near the edge stay right), and writes every source
cut to that area, in Lambert-93, under the names ``friches:full_analysis`` reads (``core/territory``),
with a ``prepare_report`` table of what came from where and what was dropped. National files are read
with spatial filters, never whole (``territory_io``); online sources are used only when chosen, each by
name (``territory_online``), through QGIS's network settings. The steps are in ``territory_steps``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import traceback

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import (
    FILE_BEHAVIOR_FOLDER,
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SOURCE_FILE,
    SOURCE_LINE,
    SOURCE_POINT,
    SOURCE_POLYGON,
    SOURCE_VECTOR,
)
from ..core import files
from ..core import territory as names
from ..core.opendata import cartofriches_api, geo_api, overpass, transport_api, wfs
from ..core.progress import Canceled
from ..core.zoning import gpu_api
from . import territory_io as tio
from .base import FrichesAlgorithm, show_decimals
from .sinks import commit_file, write_file
from .styles import StylePostProcessor, style_path
from .territory_steps import TerritoryBuilder
from .web_request import WebClient, default_cache_folder

#: Online sources, in the order of the ONLINE parameter.
ONLINE_OUTLINES, ONLINE_FRICHES, ONLINE_WFS, ONLINE_OVERPASS, ONLINE_GTFS, ONLINE_GPU = range(6)


class PrepareTerritoryAlgorithm(FrichesAlgorithm):
    TERRITORY = "TERRITORY"
    TERRITORY_LAYER = "TERRITORY_LAYER"
    COMMUNES = "COMMUNES"
    BUFFER_M = "BUFFER_M"
    ROADS = "ROADS"
    POPULATION = "POPULATION"
    FRICHES = "FRICHES"
    GTFS = "GTFS"
    PLACES = "PLACES"
    SERVICES = "SERVICES"
    PLU = "PLU"
    ONLINE = "ONLINE"
    TRANSPORT_DATASETS = "TRANSPORT_DATASETS"
    GEO_API_URL = "GEO_API_URL"
    CARTOFRICHES_URL = "CARTOFRICHES_URL"
    WFS_URL = "WFS_URL"
    OVERPASS_URL = "OVERPASS_URL"
    TRANSPORT_URL = "TRANSPORT_URL"
    GPU_URL = "GPU_URL"
    AUTHCFG = "AUTHCFG"
    TIMEOUT = "TIMEOUT"
    RETRIES = "RETRIES"
    CACHE_FOLDER = "CACHE_FOLDER"
    CACHE_DAYS = "CACHE_DAYS"
    OUTPUT = "OUTPUT"
    OUTPUT_GTFS = "OUTPUT_GTFS"
    LAYERS = "LAYERS"
    ROADS_KEPT = "ROADS_KEPT"
    CELLS_KEPT = "CELLS_KEPT"
    FRICHES_KEPT = "FRICHES_KEPT"
    TRIPS_KEPT = "TRIPS_KEPT"

    ICON = "processing.svg"

    def name(self):
        return "prepare_territory"

    def displayName(self):
        return self.tr("Prepare a territory (files and open-data services)")

    def group(self):
        return self.tr("Territory")

    def groupId(self):
        return "territory"

    def tags(self):
        return self.tr("territory,commune,EPCI,clip,BD TOPO,Filosofi,Cartofriches,GTFS,PLU,download,prepare").split(",")

    def help_text(self):
        return self.tr(
            "<p>Writes one GeoPackage (Lambert-93) with every input of <i>Full analysis</i> for a territory, cut to "
            "the territory grown by a buffer: communes, territory_area, routes, population_200m, friches and "
            "friches_emprises (imported in the CNIG standard, with import_report), tiers_lieux, services, the PLU "
            "layers (zone_urba, secteur_cc, prescription_*, info_*), gtfs_feed (the GTFS cut to the trips serving "
            "the area, still a valid feed) and prepare_report: for each layer its source, what was kept, cut at "
            "the edge or dropped (outside, without geometry, unreadable), and what is missing.</p>"
            "<p><b>Territory</b>: INSEE codes of communes or arrondissements (13210, 13209) or one EPCI SIREN code, "
            "with their outlines from a communes layer (ADMIN EXPRESS) or from the API Découpage administratif; or "
            "a polygon layer.</p>"
            "<p><b>Files</b> of any size (a BD TOPO département, the Filosofi grid of France, the national "
            "Cartofriches file) are read through their spatial index or streamed, never loaded whole.</p>"
            "<p><b>Online sources</b> are used only when ticked, each one named: outlines (geo.api.gouv.fr), "
            "friches (Cerema API Données foncières, Cartofriches), roads (IGN Géoplateforme WFS, BD TOPO; or "
            "OpenStreetMap through an Overpass API), GTFS feeds listed by transport.data.gouv.fr for the "
            "territory's communes and EPCI, PLU (API Carto GPU). Requests go through QGIS's network settings "
            "(proxy, authentication), with a time-out, retries and a disk cache.</p>"
        )

    # -- parameters -----------------------------------------------------------------------------------------
    def _add(self, param, help_text, advanced=False):
        param.setHelp(help_text)
        if advanced:
            param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)

    def initAlgorithm(self, config=None):
        self._add(QgsProcessingParameterString(self.TERRITORY, self.tr("Territory: INSEE codes or EPCI SIREN"),
                                               optional=True), self.tr(
            "INSEE codes of communes or arrondissements separated by commas (e.g. 13210, 13209), or the SIREN code "
            "of one EPCI (9 digits, e.g. 200054807). Outlines from the communes layer below, else from the API "
            "Découpage administratif (online source)."))
        self._add(QgsProcessingParameterFeatureSource(self.TERRITORY_LAYER, self.tr("Territory: polygon layer"),
                                                      [SOURCE_POLYGON], optional=True), self.tr(
            "Instead of codes: the territory's polygons (communes, a drawn perimeter). Takes precedence."))
        self._add(QgsProcessingParameterFeatureSource(self.COMMUNES, self.tr("Communes layer to find the codes in"),
                                                      [SOURCE_POLYGON], optional=True), self.tr(
            "IGN ADMIN EXPRESS COMMUNE (fields INSEE_COM, SIREN_EPCI) or any communes layer: the outlines of the "
            "codes given, read with an attribute filter."))
        self._add(show_decimals(QgsProcessingParameterNumber(
            self.BUFFER_M, self.tr("Buffer around the territory (m)"), NUMBER_DOUBLE,
            defaultValue=names.DEFAULT_BUFFER_M, minValue=0.0, maxValue=100_000.0), 0), self.tr(
            "Every layer is cut to the territory grown by this width, so that catchments of sites near the edge "
            "find their roads and inhabitants."))
        self._add(QgsProcessingParameterFeatureSource(self.ROADS, self.tr("Roads (BD TOPO troncon_de_route or OSM)"),
                                                      [SOURCE_LINE], optional=True), self.tr(
            "A file of any size: BD TOPO by département, an OpenStreetMap extract (.osm.pbf)... Lines are cut at "
            "the area's edge, attributes kept."))
        self._add(QgsProcessingParameterFeatureSource(self.POPULATION, self.tr("Population grid (Filosofi 200 m)"),
                                                      [SOURCE_VECTOR], optional=True), self.tr(
            "The INSEE Filosofi 200 m grid (GeoPackage, or CSV with idcar_200m): whole cells meeting the area, "
            "field names in lower case."))
        self._add(QgsProcessingParameterFeatureSource(self.FRICHES, self.tr("Friches (Cartofriches or CNIG file)"),
                                                      [SOURCE_VECTOR], optional=True), self.tr(
            "The national Cartofriches export or any CNIG friches file: the sites in the area are imported with "
            "friches:import_inventory."))
        gtfs = QgsProcessingParameterMultipleLayers(self.GTFS, self.tr("GTFS feeds (zip)"), SOURCE_FILE, optional=True)
        self._add(gtfs, self.tr("One or more GTFS zips: only the trips calling in the area are kept, the result "
                                "is still a valid feed (several are merged)."))
        self._add(QgsProcessingParameterFeatureSource(self.PLACES, self.tr("Existing tiers-lieux"),
                                                      [SOURCE_POINT, SOURCE_POLYGON], optional=True),
                  self.tr("Coworking spaces, fablabs, mediation places: those in the area."))
        self._add(QgsProcessingParameterFeatureSource(self.SERVICES, self.tr("Services and facilities"),
                                                      [SOURCE_POINT, SOURCE_POLYGON], optional=True),
                  self.tr("BPE, France Services, libraries...: those in the area."))
        self._add(QgsProcessingParameterMultipleLayers(self.PLU, self.tr("PLU layers (CNIG)"), SOURCE_VECTOR,
                                                       optional=True), self.tr(
            "ZONE_URBA, SECTEUR_CC, PRESCRIPTION_SURF / LIN / PCT, INFO_SURF / LIN / PCT of one or more documents, "
            "recognised by their file or layer name."))
        online = QgsProcessingParameterEnum(
            self.ONLINE, self.tr("Online sources to use"), options=[
                self.tr("Outlines: API Découpage administratif (geo.api.gouv.fr)"),
                self.tr("Friches: Cerema API Données foncières (Cartofriches)"),
                self.tr("Roads: IGN Géoplateforme WFS (BD TOPO troncon_de_route)"),
                self.tr("Roads: OpenStreetMap through an Overpass API"),
                self.tr("GTFS: feeds listed by transport.data.gouv.fr"),
                self.tr("PLU: Géoportail de l'urbanisme (API Carto GPU)"),
            ], allowMultiple=True, optional=True, defaultValue=[])
        self._add(online, self.tr("None by default: nothing is downloaded unless ticked here. A file given above "
                                  "for the same layer cannot be combined with its online source (except GTFS)."))
        self._add(QgsProcessingParameterString(self.TRANSPORT_DATASETS, self.tr(
            "transport.data.gouv.fr datasets to add (ids)"), optional=True), self.tr(
            "Feeds covering the territory at département, region or national level are listed in the log but "
            "not downloaded (they often repeat the local networks); give their ids here to take them."), True)
        urls = ((self.GEO_API_URL, self.tr("API Découpage administratif address"), geo_api.DEFAULT_BASE_URL),
                (self.CARTOFRICHES_URL, self.tr("API Données foncières address"), cartofriches_api.DEFAULT_BASE_URL),
                (self.WFS_URL, self.tr("Géoplateforme WFS address"), wfs.DEFAULT_BASE_URL),
                (self.OVERPASS_URL, self.tr("Overpass API address"), overpass.DEFAULT_URL),
                (self.TRANSPORT_URL, self.tr("transport.data.gouv.fr API address"), transport_api.DEFAULT_BASE_URL),
                (self.GPU_URL, self.tr("API Carto GPU address"), gpu_api.DEFAULT_BASE_URL))
        for name, label, default in urls:
            self._add(QgsProcessingParameterString(name, label, defaultValue=default), self.tr(
                "The service's address (another instance, a mirror or a test server)."), True)
        self._add(QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("Authentication"), optional=True),
                  self.tr("A QGIS authentication configuration sent with the requests, if a service needs one."),
                  True)
        self._add(show_decimals(QgsProcessingParameterNumber(self.TIMEOUT, self.tr("Time-out per request (s)"),
                                                             NUMBER_DOUBLE, defaultValue=60.0, minValue=1.0), 0),
                  self.tr("A request without a complete answer in this time is abandoned (then retried)."), True)
        self._add(QgsProcessingParameterNumber(self.RETRIES, self.tr("Retries after a failed request"), NUMBER_INTEGER,
                                               defaultValue=2, minValue=0, maxValue=10), self.tr(
            "A time-out, a lost connection, HTTP 429 or 5xx is retried after 1 s, 2 s, 4 s... (or the delay the "
            "server asks for)."), True)
        self._add(QgsProcessingParameterFile(self.CACHE_FOLDER, self.tr("Cache folder"),
                                             behavior=FILE_BEHAVIOR_FOLDER, optional=True),
                  self.tr("Answers are kept there and reused (empty: cache/friches_tierslieux in the QGIS profile)."),
                  True)
        days = QgsProcessingParameterNumber(self.CACHE_DAYS, self.tr("Keep answers in the cache (days)"),
                                            NUMBER_DOUBLE, defaultValue=7.0, minValue=0.0)
        self._add(show_decimals(days, 1),
                  self.tr("0 downloads everything again."), True)
        self._add(QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Prepared territory (GeoPackage)"),
                                                        self.tr("GeoPackage (*.gpkg)")),
                  self.tr("A new file with one layer per input of the analysis and the prepare_report table."))
        self._add(QgsProcessingParameterFileDestination(self.OUTPUT_GTFS, self.tr("Clipped GTFS feed (zip)"),
                                                        self.tr("GTFS zip (*.zip)"), optional=True,
                                                        createByDefault=False),
                  self.tr("Also write the clipped feed as a zip (it is in the GeoPackage's gtfs_feed table anyway)."))
        self.addOutput(QgsProcessingOutputString(self.LAYERS, self.tr("Layers written")))
        for name, label in ((self.ROADS_KEPT, self.tr("Roads kept")), (self.CELLS_KEPT, self.tr("Grid cells kept")),
                            (self.FRICHES_KEPT, self.tr("Friches imported")),
                            (self.TRIPS_KEPT, self.tr("GTFS trips kept"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        online = set(self.parameterAsEnums(parameters, self.ONLINE, context))
        given = {name for name in (self.ROADS, self.FRICHES, self.PLU, self.TERRITORY_LAYER, self.TERRITORY)
                 if parameters.get(name) not in (None, "", [])}
        if not given & {self.TERRITORY, self.TERRITORY_LAYER}:
            return False, self.tr("Give the territory: INSEE codes or an EPCI SIREN code, or a polygon layer.")
        if self.TERRITORY in given and self.TERRITORY_LAYER not in given:
            try:
                geo_api.parse_territory(self.parameterAsString(parameters, self.TERRITORY, context))
            except geo_api.TerritoryCodeError as exc:
                return False, self.tr("'{value}' is neither INSEE commune codes (5 characters, e.g. 13210 or 2A004) "
                                      "nor one EPCI SIREN code (9 digits).").format(value=exc.value)
            if parameters.get(self.COMMUNES) in (None, "") and ONLINE_OUTLINES not in online:
                return False, self.tr("Codes need outlines: give a communes layer (ADMIN EXPRESS) or tick the online "
                                      "source API Découpage administratif.")
        if {ONLINE_WFS, ONLINE_OVERPASS} <= online:
            return False, self.tr("Choose one online source of roads: the IGN WFS or Overpass, not both.")
        clashes = ((self.ROADS, {ONLINE_WFS, ONLINE_OVERPASS}, self.tr("roads")),
                   (self.FRICHES, {ONLINE_FRICHES}, self.tr("friches")), (self.PLU, {ONLINE_GPU}, self.tr("PLU")))
        for name, sources, label in clashes:
            if name in given and online & sources:
                return False, self.tr("For the {layer}, give a file or tick its online source, not both.").format(
                    layer=label)
        return True, ""

    # -- run --------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        os.makedirs(os.path.dirname(os.path.abspath(path)) or ".", exist_ok=True)
        folder = tempfile.mkdtemp(prefix="friches_territory_", dir=os.path.dirname(os.path.abspath(path)))
        try:
            try:
                result = self._run(parameters, context, feedback, path, folder)
            except BaseException as exc:
                # the GDAL datasets of the failed step, held by its frames, are closed while their files still
                # exist (closed after the folder is removed, GDAL fails writing to a deleted database)
                traceback.clear_frames(exc.__traceback__)
                if isinstance(exc, Canceled):
                    raise QgsProcessingException(self.tr("Canceled.")) from exc
                raise
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return result

    def _client(self, parameters, context, feedback):
        cache = self.parameterAsFile(parameters, self.CACHE_FOLDER, context) or default_cache_folder()
        return WebClient(feedback, authcfg=self.parameterAsString(parameters, self.AUTHCFG, context) or "",
                         cache_folder=cache, cache_days=self.parameterAsDouble(parameters, self.CACHE_DAYS, context),
                         timeout_s=self.parameterAsDouble(parameters, self.TIMEOUT, context) or 60.0,
                         retries=self.parameterAsInt(parameters, self.RETRIES, context))

    def _run(self, parameters, context, feedback, path, folder):
        online = set(self.parameterAsEnums(parameters, self.ONLINE, context))
        url = {name: (self.parameterAsString(parameters, name, context) or "").strip()
               for name in (self.GEO_API_URL, self.CARTOFRICHES_URL, self.WFS_URL, self.OVERPASS_URL,
                            self.TRANSPORT_URL, self.GPU_URL)}
        buffer_m = self.parameterAsDouble(parameters, self.BUFFER_M, context)
        client = self._client(parameters, context, feedback) if online else None
        writer = tio.GeoPackageWriter(os.path.join(folder, "territory.gpkg"))
        steps = TerritoryBuilder(self, parameters, context, feedback, writer, folder, client)
        given = lambda name: parameters.get(name) not in (None, "", [])  # noqa: E731

        # 1. the territory and the area
        feedback.pushInfo(self.tr("Step 1/7: territory"))
        if given(self.TERRITORY_LAYER):
            steps.territory_from_layer(self.TERRITORY_LAYER, buffer_m)
        else:
            kind, codes = geo_api.parse_territory(self.parameterAsString(parameters, self.TERRITORY, context))
            if given(self.COMMUNES):
                if ONLINE_OUTLINES in online:
                    feedback.pushInfo(self.tr("Outlines taken from the communes layer given: the API Découpage "
                                              "administratif is not asked."))
                steps.territory_from_codes_layer(self.COMMUNES, kind, codes, buffer_m)
            else:
                steps.territory_from_api(url[self.GEO_API_URL], kind, codes, buffer_m)
        feedback.setProgress(5)

        # 2. roads
        feedback.pushInfo(self.tr("Step 2/7: roads"))
        roads = steps.copy_file(self.ROADS, names.ROADS, True, 0.05, 0.35, expect="line", only_with="highway")
        if roads is None and ONLINE_WFS in online:
            roads = steps.roads_wfs(url[self.WFS_URL], 0.05, 0.35)
        elif roads is None and ONLINE_OVERPASS in online:
            roads = steps.roads_overpass(url[self.OVERPASS_URL], client.policy.timeout_s, 0.05, 0.35)
        if roads is None:
            steps.missing(names.ROADS, self.tr("Full analysis needs a road network: give one there."))

        # 3. population
        feedback.pushInfo(self.tr("Step 3/7: population"))
        cells = steps.population(self.POPULATION, 0.35, 0.6)
        if cells is None:
            steps.missing(names.POPULATION, self.tr("catchments without population; coverage gaps and selection "
                                                    "skipped."))

        # 4. friches
        feedback.pushInfo(self.tr("Step 4/7: friches"))
        friches = steps.friches_file(self.FRICHES, 0.6, 0.75)
        if friches is None and ONLINE_FRICHES in online:
            friches = steps.friches_api(url[self.CARTOFRICHES_URL], 0.6, 0.75)
        if friches is None:
            steps.missing(names.FRICHES, self.tr("Full analysis needs the friches: give them there."))

        # 5. places and services
        feedback.pushInfo(self.tr("Step 5/7: tiers-lieux and services"))
        for param, layer, note in ((self.PLACES, names.PLACES, self.tr("coverage gaps skipped.")),
                                   (self.SERVICES, names.SERVICES, self.tr("scores without nearby services."))):
            if steps.copy_file(param, layer, False, 0.75, 0.8, csv_points=True) is None:
                steps.missing(layer, note)

        # 6. PLU
        feedback.pushInfo(self.tr("Step 6/7: PLU"))
        if given(self.PLU):
            steps.plu_files(self.PLU, 0.8, 0.88)
        elif ONLINE_GPU in online:
            steps.plu_gpu(url[self.GPU_URL], client.policy.timeout_s, client.policy.retries, 0.8, 0.88)
        else:
            steps.missing("zone_urba", self.tr("zoning overlay skipped."))

        # 7. GTFS
        feedback.pushInfo(self.tr("Step 7/7: public transport (GTFS)"))
        feeds = [(p, os.path.basename(p)) for p in self.parameterAsFileList(parameters, self.GTFS, context) if p]
        if ONLINE_GTFS in online:
            if not steps.codes.communes:
                raise QgsProcessingException(self.tr(
                    "transport.data.gouv.fr lists feeds by commune and EPCI: give the territory as INSEE codes or "
                    "an EPCI SIREN code (or a layer with an INSEE code field)."))
            wanted = [i for i in (self.parameterAsString(parameters, self.TRANSPORT_DATASETS, context) or "")
                      .replace(";", ",").split(",") if i.strip()]
            downloaded, _listed = self._fetch_gtfs(client, url[self.TRANSPORT_URL], steps, wanted, folder, feedback)
            feeds += downloaded
        trips = 0
        if feeds:
            out_zip = os.path.join(folder, "gtfs_clipped.zip")
            trips = steps.gtfs(feeds, out_zip, 0.88, 0.98).trips_kept
            gtfs_out = self.parameterAsFileOutput(parameters, self.OUTPUT_GTFS, context) \
                if given(self.OUTPUT_GTFS) else ""
            if gtfs_out:
                write_file(self, gtfs_out, lambda partial: shutil.copyfile(out_zip, partial))
        else:
            steps.missing(names.GTFS, self.tr("transit service and coverage skipped."))

        steps.write_report()
        written = [c.layer for c in steps.report if c.status == tio.WRITTEN]
        if writer.has(names.FRICHES_POLYGONS):
            written += [names.FRICHES_POLYGONS, names.IMPORT_REPORT]
        writer.close()
        if feedback.isCanceled():
            raise self.canceled()
        # the GeoPackage takes its final name when the algorithm returns (the user's file stays whole until then)
        partial = str(files.temporary_sibling(path))
        os.replace(writer.path, partial)
        if not self.defer_commit(lambda: commit_file(partial, path), lambda: files.remove(partial)):
            commit_file(partial, path)
        layers = list(dict.fromkeys([names.COMMUNES, names.AREA, *written, names.REPORT]))
        feedback.pushInfo(self.tr("Prepared territory written to {path}: {layers}.").format(
            path=path, layers=", ".join(layers)))
        if client is not None:
            feedback.pushInfo(self.tr("{n} request(s) sent, {cached} answer(s) read from the cache.").format(
                n=client.requests, cached=client.from_cache))
        self._load_styled(context, path, layers, roads, partial)
        out = {self.OUTPUT: path, self.LAYERS: ", ".join(layers), self.ROADS_KEPT: roads.kept if roads else 0,
               self.CELLS_KEPT: cells.kept if cells else 0, self.FRICHES_KEPT: friches.kept if friches else 0,
               self.TRIPS_KEPT: trips}
        if feeds and given(self.OUTPUT_GTFS):
            out[self.OUTPUT_GTFS] = self.parameterAsFileOutput(parameters, self.OUTPUT_GTFS, context)
        return out

    @staticmethod
    def _load_styled(context, path, layers, roads, written):
        """Run from the QGIS window: the prepared layers load with the plugin's styles (the roads' style reads
        OpenStreetMap's highway; BD TOPO roads keep QGIS's default symbol)."""
        if context.project() is None:
            return
        osm = roads is not None and "highway" in tio.field_names(written if os.path.exists(written) else path,
                                                                 names.ROADS)
        for layer in layers:
            if layer in (names.REPORT, names.IMPORT_REPORT, names.GTFS, names.AREA):
                continue
            style = layer if style_path(layer).exists() and (layer != names.ROADS or osm) else ""
            details = QgsProcessingContext.LayerDetails(layer, context.project(), layer)
            if style:
                details.setPostProcessor(StylePostProcessor.create(style, layer))
            context.addLayerToLoadOnCompletion(f"{path}|layername={layer}", details)

    def _fetch_gtfs(self, client, base_url, steps, wanted, folder, feedback):
        from .territory_online import fetch_gtfs

        return fetch_gtfs(client, base_url, steps.codes, wanted, folder, feedback)

"""``friches:load_gpu``: download PLU zoning, prescriptions and informations from the API Carto "GPU"
module into a GeoPackage that serves as a cache.

Why this shape: the protocol (URLs, tiles, paging past the 5,000-feature limit, errors) is in
``core.zoning.gpu_api`` and unit-tested; the network goes through the plugin's shared client
(``processing/web_request.py``: QgsBlockingNetworkRequest, so that the proxy and authentication set in
QGIS apply, with a time-out, retries with back-off and messages naming the service); this module writes
the layers with QgsVectorFileWriter and keeps a ``_cache`` table so that the same request is not
downloaded twice (the GPU is often slow, sometimes down).
"""

import datetime as dt
import math
import os
import shutil

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..compat import (
    FLAG_ADVANCED,
    NUMBER_DOUBLE,
    NUMBER_INTEGER,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_ANY_GEOMETRY,
    WKB_MULTILINESTRING,
    WKB_MULTIPOINT,
    WKB_MULTIPOLYGON,
    WKB_NO_GEOMETRY,
    make_field,
)
from ..core import files
from ..core.zoning import gpu_api as api
from .base import FrichesAlgorithm, show_decimals
from .inventory_store import gpkg_layer_names, py_value
from .sinks import commit_file
from .styles import StylePostProcessor
from .web_request import WebClient

#: The service's name in messages.
SERVICE = "API Carto GPU (apicarto.ign.fr)"

GEOMETRY_TYPES = {"polygon": WKB_MULTIPOLYGON, "line": WKB_MULTILINESTRING, "point": WKB_MULTIPOINT}

#: Name of the table recording what each layer of the GeoPackage was downloaded for.
CACHE_TABLE = "_cache"
#: Degrees of latitude per metre (margins around the sites).
DEG_PER_M = 1.0 / 111_320.0


class LoadGpuAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    EXTENT = "EXTENT"
    INSEE = "INSEE"
    LAYERS = "LAYERS"
    OUTPUT = "OUTPUT"
    REFRESH = "REFRESH"
    BASE_URL = "BASE_URL"
    AUTHCFG = "AUTHCFG"
    PAGE_SIZE = "PAGE_SIZE"
    TILE_SIZE = "TILE_SIZE"
    MARGIN = "MARGIN"
    TIMEOUT = "TIMEOUT"
    RETRIES = "RETRIES"
    FEATURES = "FEATURES"
    REQUESTS = "REQUESTS"
    FROM_CACHE = "FROM_CACHE"

    ICON = "processing.svg"

    # -- identity ---------------------------------------------------------------------------------------
    def name(self):
        return "load_gpu"

    def displayName(self):
        return self.tr("Download PLU zoning from the Géoportail de l'urbanisme (API Carto)")

    def group(self):
        return self.tr("Zoning")

    def groupId(self):
        return "zoning"

    def tags(self):
        return ["GPU", "API Carto", "PLU", "PLUi", "zone_urba", "prescription", self.tr("carte communale"),
                self.tr("download"), self.tr("cache")]

    def shortDescription(self):
        return self.tr("Downloads zone_urba, secteur_cc, prescriptions and informations of the GPU into a "
                       "GeoPackage, for the sites' extent or a commune.")

    def help_text(self):
        return self.tr(
            "<p>Downloads the layers of the Géoportail de l'urbanisme (GPU) through the API Carto "
            "\"module Urbanisme\" (IGN) into a GeoPackage, one layer per type (zone_urba, secteur_cc, "
            "prescription_surf / _lin / _pct, info_surf / _lin / _pct), in WGS 84 as the service serves them, "
            "ready for <i>Zoning overlay</i>.</p>"
            "<p><b>Where</b>: the commune given by its INSEE code (its bounding box, found with "
            "<code>municipality?insee=</code>), else the sites' extent (one request per tile of at most "
            "<i>tile size</i> degrees that holds sites, with a margin), else the extent drawn.</p>"
            "<p><b>How</b>: requests go through QGIS's network manager, so the proxy and authentication "
            "settings of QGIS apply; the service returns at most {limit} features per request and the next "
            "ones are fetched page after page (<code>_start</code>). Features repeated across tiles are kept "
            "once.</p>"
            "<p><b>Cache</b>: the GeoPackage records in its <i>_cache</i> table the request each layer was "
            "downloaded for and when. Running again with the same request reads the layers from the file "
            "without any network (handy when the GPU is down); tick <i>Download again</i> to refresh. Choose "
            "a file (not a temporary output) to keep the cache.</p>"
        ).format(limit=api.MAX_LIMIT)

    # -- parameters -------------------------------------------------------------------------------------
    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(
            self.INPUT, self.tr("Sites (their extent)"), [SOURCE_ANY_GEOMETRY], optional=True)
        param.setHelp(self.tr("Downloads around these sites (ignored when an INSEE code is given)."))
        self.addParameter(param)
        param = QgsProcessingParameterExtent(self.EXTENT, self.tr("Extent"), optional=True)
        param.setHelp(self.tr("Used when neither an INSEE code nor sites are given."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.INSEE, self.tr("INSEE code of a commune"), optional=True)
        param.setHelp(self.tr("5 characters, e.g. 45234 or 2A004; takes precedence over the sites and the extent."))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.LAYERS, self.tr("Layers"), options=[self._layer_label(n) for n in api.LAYER_NAMES],
            allowMultiple=True, defaultValue=list(range(len(api.LAYER_NAMES))))
        param.setHelp(self.tr("The GPU layers to download."))
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.REFRESH, self.tr("Download again (ignore the cache)"),
                                              defaultValue=False)
        self.addParameter(param)
        param = QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("GeoPackage (cache)"), fileFilter=self.tr("GeoPackage (*.gpkg)"))
        param.setHelp(self.tr("Created or updated: one layer per type and the _cache table."))
        self.addParameter(param)

        advanced = [
            QgsProcessingParameterString(self.BASE_URL, self.tr("API Carto GPU address"),
                                         defaultValue=api.DEFAULT_BASE_URL),
            QgsProcessingParameterAuthConfig(self.AUTHCFG, self.tr("Authentication"), optional=True),
            QgsProcessingParameterNumber(self.PAGE_SIZE, self.tr("Features per request"), NUMBER_INTEGER,
                                         defaultValue=api.MAX_LIMIT, minValue=1, maxValue=api.MAX_LIMIT),
            show_decimals(QgsProcessingParameterNumber(self.TILE_SIZE, self.tr("Tile size (degrees)"), NUMBER_DOUBLE,
                                                       defaultValue=api.TILE_DEG, minValue=0.001, maxValue=5.0), 3),
            show_decimals(QgsProcessingParameterNumber(self.MARGIN, self.tr("Margin around the sites (m)"),
                                                       NUMBER_DOUBLE, defaultValue=200.0, minValue=0.0), 0),
            show_decimals(QgsProcessingParameterNumber(self.TIMEOUT, self.tr("Time-out per request (s)"),
                                                       NUMBER_DOUBLE, defaultValue=60.0, minValue=1.0), 0),
            QgsProcessingParameterNumber(self.RETRIES, self.tr("Retries after a failed request"), NUMBER_INTEGER,
                                         defaultValue=2, minValue=0, maxValue=10),
        ]
        helps = [
            self.tr("The service's address (another instance or a test server)."),
            self.tr("A QGIS authentication configuration sent with the requests, if the service needs one."),
            self.tr("At most 5,000 (the service's limit)."),
            self.tr("Large extents are split into tiles of this size; only tiles holding sites are requested."),
            self.tr("Added around each site's bounding box."),
            self.tr("A request without a complete answer in this time is abandoned (then retried)."),
            self.tr("A time-out, a lost connection, HTTP 429 or 5xx is retried after 1 s, 2 s, 4 s... (or the "
                    "delay the server asks for)."),
        ]
        for param, text in zip(advanced, helps):
            param.setHelp(text)
            param.setFlags(param.flags() | FLAG_ADVANCED)
            self.addParameter(param)

        for layer in api.LAYER_NAMES:
            self.addOutput(QgsProcessingOutputVectorLayer(layer.upper(), self._layer_label(layer)))
        self.addOutput(QgsProcessingOutputNumber(self.FEATURES, self.tr("Features downloaded")))
        self.addOutput(QgsProcessingOutputNumber(self.REQUESTS, self.tr("HTTP requests made")))
        self.addOutput(QgsProcessingOutputNumber(self.FROM_CACHE, self.tr("Layers read from the cache")))

    def _layer_label(self, layer):
        return {
            "zone_urba": self.tr("zone_urba: PLU / PLUi zones"),
            "secteur_cc": self.tr("secteur_cc: carte communale sectors"),
            "prescription_surf": self.tr("prescription_surf: prescriptions (surfaces)"),
            "prescription_lin": self.tr("prescription_lin: prescriptions (lines)"),
            "prescription_pct": self.tr("prescription_pct: prescriptions (points)"),
            "info_surf": self.tr("info_surf: informations (surfaces)"),
            "info_lin": self.tr("info_lin: informations (lines)"),
            "info_pct": self.tr("info_pct: informations (points)"),
        }[layer]

    def checkParameterValues(self, parameters, context):
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        insee = self.parameterAsString(parameters, self.INSEE, context)
        if insee and insee.strip():
            try:
                api.check_insee(insee)
            except api.GpuError:
                return False, self.tr("'{value}' is not an INSEE commune code (5 characters, e.g. 45234 or 2A004).") \
                    .format(value=insee)
        if not self.parameterAsEnums(parameters, self.LAYERS, context):
            return False, self.tr("Choose at least one layer to download.")
        return True, ""

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        self._feedback = feedback
        self._skipped_items = 0
        self._client = WebClient(
            feedback, authcfg=self.parameterAsString(parameters, self.AUTHCFG, context) or "",
            timeout_s=self.parameterAsDouble(parameters, self.TIMEOUT, context) or 60.0,
            retries=self.parameterAsInt(parameters, self.RETRIES, context))
        base_url = (self.parameterAsString(parameters, self.BASE_URL, context) or api.DEFAULT_BASE_URL).strip()
        page_size = self.parameterAsInt(parameters, self.PAGE_SIZE, context) or api.MAX_LIMIT
        tile_deg = self.parameterAsDouble(parameters, self.TILE_SIZE, context) or api.TILE_DEG
        refresh = self.parameterAsBool(parameters, self.REFRESH, context)
        layers = [api.LAYER_NAMES[i] for i in self.parameterAsEnums(parameters, self.LAYERS, context)]
        if not layers:
            raise QgsProcessingException(self.tr("Choose at least one layer to download."))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)

        # 1. what to ask -----------------------------------------------------------------------------------
        insee = (self.parameterAsString(parameters, self.INSEE, context) or "").strip()
        tiles = None
        if insee:
            try:
                insee = api.check_insee(insee)
            except api.GpuError as exc:
                raise QgsProcessingException(self._error(exc)) from exc
            query = f"insee={insee}"
        else:
            tiles = self._tiles(parameters, context, tile_deg, feedback)
            query = api.tiles_query(tiles, tile_deg)
            feedback.pushInfo(self.tr("Extent {bbox} (WGS 84) in {n} tile(s).").format(
                bbox=", ".join(f"{v:.5f}" for v in api.union_bbox(tiles)), n=len(tiles)))

        # 2. the cache ------------------------------------------------------------------------------------
        # downloads go into a copy of the GeoPackage renamed over it at the end: a crash, an error or a
        # cancel leaves the file as it was
        self._work = None
        try:
            return self._download_layers(path, layers, base_url, query, insee, tiles, tile_deg, page_size, refresh,
                                         context, feedback)
        finally:
            if self._work is not None:
                files.remove(self._work)

    def _working_copy(self, path):
        """The temporary copy of ``path`` the layers are written into (made at the first write)."""
        if self._work is None:
            work = files.temporary_sibling(path)
            if os.path.exists(path):
                shutil.copyfile(path, work)
            self._work = str(work)
        return self._work

    def _download_layers(self, path, layers, base_url, query, insee, tiles, tile_deg, page_size, refresh, context,
                         feedback):
        existing = gpkg_layer_names(path)
        cache = self._read_cache(path) if CACHE_TABLE in existing else {}
        results = {self.OUTPUT: path}
        total_features = 0
        from_cache = 0
        changed = False
        for step, layer in enumerate(layers):
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled."))
            endpoint, kind = api.LAYERS[layer]
            key = api.request_key(base_url, layer, query)
            cached = cache.get(layer)
            if not refresh and cached and cached[0] == key and layer in existing:
                feedback.pushInfo(self.tr("{layer}: {n} feature(s) read from the cache (downloaded {date}).").format(
                    layer=layer, n=cached[2], date=cached[1]))
                from_cache += 1
                results[layer.upper()] = f"{path}|layername={layer}"
                self._load_on_completion(context, path, layer, cached[2])
                continue
            if tiles is None:
                tiles = self._commune_tiles(base_url, insee, tile_deg, feedback)
            features = []
            for tile in tiles:
                features.extend(self._download(base_url, endpoint, tile, page_size, layer))
            features = api.dedupe(features)
            work = self._working_copy(path)
            self._write_layer(work, layer, endpoint, kind, features, context)
            existing = gpkg_layer_names(work)
            cache[layer] = (key, dt.datetime.now().replace(microsecond=0).isoformat(sep=" "), len(features))
            changed = True
            total_features += len(features)
            feedback.pushInfo(self.tr("{layer}: {n} feature(s) downloaded.").format(layer=layer, n=len(features)))
            results[layer.upper()] = f"{path}|layername={layer}"
            self._load_on_completion(context, path, layer, len(features))
            feedback.setProgress(int(100.0 * (step + 1) / len(layers)))
        if changed:
            self._write_cache(self._work, cache, context)
            work = self._work
            self._work = None
            if not self.defer_commit(lambda: commit_file(work, path), lambda: files.remove(work)):
                commit_file(work, path)
        feedback.pushInfo(self.tr("{requests} HTTP request(s); {cached} layer(s) from the cache; file {path}.").format(
            requests=self._client.requests, cached=from_cache, path=path))
        results.update({self.FEATURES: total_features, self.REQUESTS: self._client.requests,
                        self.FROM_CACHE: from_cache})
        return results

    # -- extent -------------------------------------------------------------------------------------------
    def _tiles(self, parameters, context, tile_deg, feedback):
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        margin_m = self.parameterAsDouble(parameters, self.MARGIN, context)
        bboxes = []
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is not None:
            transform = QgsCoordinateTransform(source.sourceCrs(), wgs84, context.transformContext()) \
                if source.sourceCrs().isValid() else None
            for feat in source.getFeatures(QgsFeatureRequest().setNoAttributes(), SKIP_GEOMETRY_CHECKS):
                if not feat.hasGeometry():
                    continue
                rect = feat.geometry().boundingBox()
                if transform is not None:
                    try:
                        rect = transform.transformBoundingBox(rect)
                    except QgsCsException:
                        continue
                lat = (rect.yMinimum() + rect.yMaximum()) / 2
                margin_y = margin_m * DEG_PER_M
                margin_x = margin_y / max(0.2, math.cos(math.radians(lat)))
                box = api.expand_bbox((rect.xMinimum() - margin_x, rect.yMinimum() - margin_y,
                                       rect.xMaximum() + margin_x, rect.yMaximum() + margin_y), 0.0)
                bboxes.append(box)
            if not bboxes:
                raise QgsProcessingException(self.tr("The sites layer has no geometry to take an extent from."))
        else:
            rect = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
            if rect is None or rect.isNull():
                raise QgsProcessingException(self.tr(
                    "Give an INSEE code, a sites layer or an extent to download the GPU layers for."))
            bboxes.append(api.expand_bbox((rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()), 0.0))
        for box in bboxes:
            if not (-180 <= box[0] <= 180 and -90 <= box[1] <= 90 and -180 <= box[2] <= 180 and -90 <= box[3] <= 90):
                raise QgsProcessingException(self.tr(
                    "The extent {bbox} is not in longitude / latitude once reprojected: check the CRS of the sites."
                ).format(bbox=", ".join(f"{v:.3f}" for v in box)))
        return api.tiles(bboxes, tile_deg)

    def _commune_tiles(self, base_url, insee, tile_deg, feedback):
        url = api.build_url(base_url, "municipality", insee=insee)
        status, body = self._fetch(url)
        try:
            bbox, name, is_rnu = api.commune_bbox(api.parse_response(status, body, url), insee)
        except api.GpuError as exc:
            raise QgsProcessingException(self._error(exc)) from exc
        feedback.pushInfo(self.tr("Commune {insee} {name}: extent {bbox}.").format(
            insee=insee, name=name, bbox=", ".join(f"{v:.5f}" for v in bbox)))
        if is_rnu:
            feedback.pushWarning(self.tr("The GPU marks commune {insee} as under the RNU (no PLU nor carte communale): "
                                         "expect no zoning.").format(insee=insee))
        return api.tiles([api.expand_bbox(bbox, 0.0)], tile_deg)

    # -- network ------------------------------------------------------------------------------------------
    def _download(self, base_url, endpoint, tile, page_size, layer):
        feedback = self._feedback

        def on_page(report):
            if report.skipped:
                feedback.pushWarning(self.tr(
                    "{layer}: {n} item(s) of the features array of {url} are not features (null or not an object): "
                    "left out.").format(layer=layer, n=report.skipped, url=report.url))
                self._skipped_items += report.skipped
            feedback.pushDebugInfo(self.tr("{layer}: {n} feature(s) from _start={start} (total {total}): {url}").format(
                layer=layer, n=report.returned, start=report.start,
                total=report.total if report.total is not None else "?", url=report.url))

        try:
            return api.fetch_all(self._fetch, base_url, endpoint, geom=api.bbox_polygon(tile), limit=page_size,
                                 on_page=on_page)
        except api.GpuError as exc:
            raise QgsProcessingException(self._error(exc)) from exc

    def _fetch(self, url):
        """(HTTP status, body) of a GET through the shared client (time-out, retries, proxy); raises
        QgsProcessingException naming the service when it cannot be reached, times out or keeps failing."""
        if self._feedback is not None and self._feedback.isCanceled():
            raise QgsProcessingException(self.tr("Cancelled."))
        answer = self._client.get(SERVICE, url, accept_status=(400,))
        return answer.status, answer.body

    # -- GeoPackage -------------------------------------------------------------------------------------
    def _writer(self, path, layer_name, fields, wkb_type, crs, context):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = layer_name
        options.fileEncoding = "UTF-8"
        options.actionOnExistingFile = (QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
                                        if os.path.exists(path) else
                                        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile)
        writer = QgsVectorFileWriter.create(path, fields, wkb_type, crs, context.transformContext(), options)
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise QgsProcessingException(self.tr("Could not write the layer {layer} in {path}: {error}").format(
                layer=layer_name, path=path, error=writer.errorMessage()))
        return writer

    def _write_layer(self, path, layer, endpoint, kind, features, context):
        spec = api.infer_fields(features, api.documented_fields(endpoint))
        fields = QgsFields()
        for name, field_kind in spec:
            fields.append(make_field(name, field_kind))
        writer = self._writer(path, layer, fields, GEOMETRY_TYPES[kind], QgsCoordinateReferenceSystem("EPSG:4326"),
                              context)
        skipped = 0
        for feature, wkb in zip(features, api.features_wkb(features, kind)):
            if wkb is None:
                skipped += 1
                continue
            feat = QgsFeature(fields)
            feat.setAttributes(api.property_values(feature, spec))
            geom = QgsGeometry()
            geom.fromWkb(wkb)
            feat.setGeometry(geom)
            if not writer.addFeature(feat):
                raise QgsProcessingException(self.tr("Could not write a feature of {layer} in {path}: {error}").format(
                    layer=layer, path=path, error=writer.errorMessage()))
            if self._feedback is not None and self._feedback.isCanceled():
                raise QgsProcessingException(self.tr("Cancelled."))
        del writer
        if skipped:
            self._feedback.pushWarning(self.tr("{layer}: {n} feature(s) without a usable {kind} geometry skipped.")
                                       .format(layer=layer, n=skipped, kind=kind))

    def _read_cache(self, path):
        table = QgsVectorLayer(f"{path}|layername={CACHE_TABLE}", CACHE_TABLE, "ogr")
        out = {}
        if table.isValid():
            for feat in table.getFeatures():
                out[str(py_value(feat["layer"]))] = (str(py_value(feat["request"]) or ""),
                                                     str(py_value(feat["date"]) or ""),
                                                     int(py_value(feat["features"]) or 0))
        del table
        return out

    def _write_cache(self, path, cache, context):
        fields = QgsFields()
        for name, kind in (("layer", "string"), ("request", "string"), ("date", "string"), ("features", "int")):
            fields.append(make_field(name, kind))
        writer = self._writer(path, CACHE_TABLE, fields, WKB_NO_GEOMETRY, QgsCoordinateReferenceSystem(), context)
        for layer, (request, date, count) in sorted(cache.items()):
            feat = QgsFeature(fields)
            feat.setAttributes([layer, request, date, count])
            if not writer.addFeature(feat):
                raise QgsProcessingException(self.tr("Could not write a feature of {layer} in {path}: {error}").format(
                    layer=CACHE_TABLE, path=path, error=writer.errorMessage()))
        del writer

    def _load_on_completion(self, context, path, layer, count):
        if not count:
            return
        uri = f"{path}|layername={layer}"
        details = QgsProcessingContext.LayerDetails(layer, context.project(), layer)
        details.setPostProcessor(StylePostProcessor.create(layer, layer))
        context.addLayerToLoadOnCompletion(uri, details)

    # -- messages ---------------------------------------------------------------------------------------
    def _error(self, exc):
        params = {"url": "", "status": "", "message": "", "insee": "", "value": ""}
        params.update(exc.params)
        messages = {
            api.BAD_REQUEST: self.tr("The API Carto GPU service refused the request (HTTP {status}, bad parameter) "
                                     "{url}: {message}. A smaller tile size may help."),
            api.SERVER_ERROR: self.tr("The API Carto GPU service failed (HTTP {status}) for {url}: {message}. The "
                                      "GPU may be down: try again later; layers already in the GeoPackage stay "
                                      "usable."),
            api.HTTP_ERROR: self.tr("The API Carto GPU service answered HTTP {status} for {url}: {message}"),
            api.BAD_RESPONSE: self.tr("The answer of the API Carto GPU service at {url} (HTTP {status}) is not a "
                                      "GeoJSON FeatureCollection: {message}. Check the service address."),
            api.PAGING_IGNORED: self.tr("The API Carto GPU service at {url} ignores the _start parameter: it cannot be "
                                        "paged past the first page. Check the service address."),
            api.UNKNOWN_INSEE: self.tr("The GPU knows no commune with the INSEE code {insee}."),
            api.BAD_INSEE: self.tr("'{value}' is not an INSEE commune code (5 characters, e.g. 45234 or 2A004)."),
        }
        return messages.get(exc.code, exc.code).format(**params)

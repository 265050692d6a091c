"""``friches:land_prices``: a purchase price for each site from the comparable sales of DVF.

Adapter only: reads the sites and the geolocated DVF file (``core/costs/dvf``), puts the sales in the
sites' CRS, estimates each site (``core/costs/land_prices``) and writes the sites with their prices, the
comparable sales and the report of every line or sale left out. The method is documented in
``resources/costs/README.md``.
"""

from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
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
    NUMBER_INTEGER,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_POINT,
    make_field,
    parameter_as_fields,
)
from ..core.costs import KIND_LAND, KIND_PREMISES
from ..core.costs import land_prices as lp
from ..core.progress import Canceled
from . import costs_io as cio
from . import scoring_io as sio
from .base import FrichesAlgorithm, core_progress, show_decimals
from .sinks import OutputSink
from .styles import style_on_completion

#: Fields added to the sites (an input field of the same name is replaced).
OUTPUT_FIELDS = (
    ("premises_price_m2_q1", "double", 0), ("premises_price_m2_median", "double", 0),
    ("premises_price_m2_q3", "double", 0), ("premises_sales", "int", 0), ("premises_scope", "string", 40),
    ("premises_radius_m", "double", 0),
    ("land_price_m2_q1", "double", 0), ("land_price_m2_median", "double", 0), ("land_price_m2_q3", "double", 0),
    ("land_sales", "int", 0), ("land_scope", "string", 40), ("land_radius_m", "double", 0),
    ("floor_estimate_eur", "double", 0), ("land_estimate_eur", "double", 0),
    ("price_estimate_eur", "double", 0), ("price_low_eur", "double", 0), ("price_high_eur", "double", 0),
    ("price_basis", "string", 16), ("price_reliability", "string", 16),
    ("price_note_fr", "string", 0), ("price_note_en", "string", 0),
)
#: Kinds of transfer offered, as DVF writes them; the first three are kept by default.
NATURES = ("Vente", "Vente terrain à bâtir", "Adjudication", "Vente en l'état futur d'achèvement", "Echange",
           "Expropriation")


class LandPricesAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    DVF = "DVF"
    FLOOR_FIELD = "FLOOR_FIELD"
    LAND_FIELD = "LAND_FIELD"
    COMMUNE_FIELD = "COMMUNE_FIELD"
    AREA = "AREA"
    RADIUS = "RADIUS"
    MAX_RADIUS = "MAX_RADIUS"
    MIN_SALES = "MIN_SALES"
    YEARS = "YEARS"
    NATURES = "NATURES"
    PREMISES_MIN = "PREMISES_MIN"
    PREMISES_MAX = "PREMISES_MAX"
    LAND_MIN = "LAND_MIN"
    LAND_MAX = "LAND_MAX"
    OUTPUT = "OUTPUT"
    OUTPUT_SALES = "OUTPUT_SALES"
    REPORT = "REPORT"
    ESTIMATED = "ESTIMATED"
    SALES_USED = "SALES_USED"
    LEFT_OUT = "LEFT_OUT"

    ICON = "processing.svg"

    def name(self):
        return "land_prices"

    def displayName(self):
        return self.tr("Land prices from property sales (DVF)")

    def group(self):
        return self.tr("Costs and programme")

    def groupId(self):
        return "costs"

    def tags(self):
        return ["DVF", self.tr("land price"), self.tr("property sales"), "valeurs foncières", "prix", "foncier",
                self.tr("acquisition"), self.tr("comparables")]

    def shortDescription(self):
        return self.tr("An estimate of each site's purchase price from the comparable sales of the geolocated "
                       "DVF file, with its range, the sales used and its reliability.")

    def help_text(self):
        return self.tr(
            "<p>Estimates what each site would cost to buy from DVF (<i>Demandes de valeurs foncières</i>), "
            "the open data of property sales, as Etalab publishes it geolocated (files.data.gouv.fr/geo-dvf: one "
            "CSV per département or commune, gzipped or not).</p>"
            "<p><b>Method</b> (documented in resources/costs/README.md): the lines of each sale (id_mutation) are "
            "grouped and the sale is counted once, its price (valeur_fonciere, repeated on every line) divided by "
            "its floor area for sales of industrial and commercial premises (without house or flat), by its land "
            "area for sales of urban land without buildings. Other sales (houses, flats, farmland, garages, "
            "exchanges, sales off-plan) are not comparables. The comparable sales of the last N years within the "
            "radius (or the site's commune) give the median price per m² and its quartiles; with fewer than the "
            "minimum number of sales the area widens step by step (the radius doubles up to the largest radius) "
            "and the note says so. The estimate is the median × the site's floor area (premises) or land area "
            "(land, when there is no building or no sale of premises); no sale at all: no estimate, never a "
            "guess.</p>"
            "<p><b>Reliability</b>: high (enough sales in the first area), medium (area widened), low (fewer "
            "than the minimum even in the largest area), none.</p>"
            "<p><b>Report</b>: every line or sale left out, with its line number and the reason: unreadable "
            "line, line written twice, sale listed twice, no price, absurd price per m², inconsistent price or "
            "date within a sale, no surface, no coordinates (then only used in its commune); and a count of "
            "the sales that are not comparables. Files re-saved by a spreadsheet are read too (semicolons, "
            "decimal commas, Windows-1252).</p>"
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Sites"), [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("The friches inventory or any output of the other analyses (scored sites...)."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterField(
            self.SITE_ID_FIELD, self.tr("Site identifier field"), defaultValue="site_id",
            parentLayerParameterName=self.INPUT, optional=True))
        param = QgsProcessingParameterFile(self.DVF, self.tr("DVF file (geolocated, CSV)"),
                                           behavior=FILE_BEHAVIOR_FILE, fileFilter=self.tr(
                                               "DVF files (*.csv *.csv.gz *.gz *.zip *.txt);;All files (*.*)"))
        param.setHelp(self.tr("A file of the geolocated DVF published by Etalab (e.g. 45.csv.gz for the "
                              "Loiret); several years: concatenate them, the duplicates are reported."))
        self.addParameter(param)
        for name, label, default, help_text in (
            (self.FLOOR_FIELD, self.tr("Floor area field (m²)"), "bati_surface",
             self.tr("The buildings' floor area (CNIG bati_surface): multiplies the price of premises.")),
            (self.LAND_FIELD, self.tr("Land area field (m²)"), "site_surface",
             self.tr("The site's area (CNIG site_surface); the polygon's area when empty.")),
            (self.COMMUNE_FIELD, self.tr("Commune field (INSEE code)"), "comm_insee",
             self.tr("Used by the area 'the site's commune'.")),
        ):
            param = QgsProcessingParameterField(name, label, defaultValue=default, parentLayerParameterName=self.INPUT,
                                                optional=True)
            param.setHelp(help_text)
            self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.AREA, self.tr("Area of the comparable sales"),
            options=[self.tr("Around the site (radius, widened when too few sales)"),
                     self.tr("The site's commune first, then around the site")], defaultValue=0)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.RADIUS, self.tr("First radius (m)"), type=NUMBER_DOUBLE,
                                             minValue=50.0, defaultValue=1000.0)
        self.addParameter(show_decimals(param, 0))
        param = QgsProcessingParameterNumber(self.MAX_RADIUS, self.tr("Largest radius (m)"), type=NUMBER_DOUBLE,
                                             minValue=50.0, defaultValue=10000.0)
        param.setHelp(self.tr("The radius doubles from the first radius up to this one while there are too few "
                              "sales."))
        self.addParameter(show_decimals(param, 0))
        param = QgsProcessingParameterNumber(self.MIN_SALES, self.tr("Minimum number of sales"),
                                             type=NUMBER_INTEGER, minValue=1, defaultValue=5)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(self.YEARS, self.tr("Period (years before the latest sale)"),
                                             type=NUMBER_DOUBLE, minValue=0.5, defaultValue=5.0)
        param.setHelp(self.tr("Sales within this many years before the latest sale of the file (DVF covers the "
                              "last five years)."))
        self.addParameter(show_decimals(param, 1))
        param = QgsProcessingParameterEnum(self.NATURES, self.tr("Kinds of transfer kept"), options=list(NATURES),
                                           allowMultiple=True, defaultValue=[0, 1, 2])
        param.setHelp(self.tr("Exchanges and expropriations have no market price; sales off-plan are new "
                              "buildings."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        for name, label, default in (
            (self.PREMISES_MIN, self.tr("Lowest plausible price of premises (€/m² of floor)"), 30.0),
            (self.PREMISES_MAX, self.tr("Highest plausible price of premises (€/m² of floor)"), 15000.0),
            (self.LAND_MIN, self.tr("Lowest plausible price of land (€/m²)"), 1.0),
            (self.LAND_MAX, self.tr("Highest plausible price of land (€/m²)"), 3000.0),
        ):
            param = QgsProcessingParameterNumber(name, label, type=NUMBER_DOUBLE, minValue=0.0, defaultValue=default)
            param.setHelp(self.tr("Sales outside these bounds are reported as absurd prices and not used."))
            param.setFlags(param.flags() | FLAG_ADVANCED)
            self.addParameter(show_decimals(param, 0))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites with land prices")))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_SALES, self.tr("Comparable sales (DVF)"), optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, self.tr("DVF report (lines and sales left out)"), optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.ESTIMATED, self.tr("Sites with an estimate")))
        self.addOutput(QgsProcessingOutputNumber(self.SALES_USED, self.tr("Comparable sales in the file")))
        self.addOutput(QgsProcessingOutputNumber(self.LEFT_OUT, self.tr("Lines or sales left out")))

    # -- run --------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        import pandas as pd  # here, not at import: the plugin loads (and explains) without pandas

        from ..core.costs import dvf
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        path = self.parameterAsFile(parameters, self.DVF, context)
        natures = [NATURES[i] for i in self.parameterAsEnums(parameters, self.NATURES, context)]
        if not natures:
            raise QgsProcessingException(self.tr("Choose at least one kind of transfer to keep."))
        radius = self.parameterAsDouble(parameters, self.RADIUS, context)
        max_radius = self.parameterAsDouble(parameters, self.MAX_RADIUS, context)
        if max_radius < radius:
            raise QgsProcessingException(self.tr("The largest radius ({max} m) is smaller than the first radius "
                                                 "({first} m).").format(max=f"{max_radius:g}", first=f"{radius:g}"))
        bounds = {KIND_PREMISES: (self.parameterAsDouble(parameters, self.PREMISES_MIN, context),
                                      self.parameterAsDouble(parameters, self.PREMISES_MAX, context)),
                  KIND_LAND: (self.parameterAsDouble(parameters, self.LAND_MIN, context),
                                  self.parameterAsDouble(parameters, self.LAND_MAX, context))}
        feedback.pushInfo(self.tr("Reading {path}…").format(path=path))
        progress = core_progress(feedback, 0, 40)
        try:
            data = dvf.read_dvf(path, natures=natures, years=self.parameterAsDouble(parameters, self.YEARS, context),
                                price_bounds=bounds, progress=progress)
        except dvf.DvfError as exc:
            raise QgsProcessingException(cio.dvf_error_text(exc)) from exc
        except Canceled:
            raise self.canceled() from None
        cio.report_dvf_reading(feedback, data)
        if feedback.isCanceled():
            raise self.canceled()

        crs = sio.metric_crs(source.sourceCrs(), source.sourceExtent(), context)
        sites = sio.read_table(source, context, crs, feedback=feedback)
        if sites is None:
            raise self.canceled()
        sales = self._project(data.sales, crs, context, feedback)
        names = source.fields().names()
        floor_field = cio.field_choice(self, parameters, self.FLOOR_FIELD, context, names, "bati_surface")
        land_field = cio.field_choice(self, parameters, self.LAND_FIELD, context, names, "site_surface")
        commune_field = cio.field_choice(self, parameters, self.COMMUNE_FIELD, context, names, "comm_insee")
        frame = pd.DataFrame({
            "x": [np.nan if g is None else g.point_on_surface().x for g in sites.geoms],
            "y": [np.nan if g is None else g.point_on_surface().y for g in sites.geoms],
            "commune": [dvf.normalise_commune(r.get(commune_field)) if commune_field else "" for r in sites.rows],
            "floor_m2": [cio.number(r.get(floor_field)) if floor_field else None for r in sites.rows],
            "land_m2": [cio.number(r.get(land_field)) if land_field else None for r in sites.rows],
        })
        polygon_area = [g.area if g is not None and g.area > 0 else None for g in sites.geoms]
        frame["land_m2"] = [v if v else a for v, a in zip(frame["land_m2"], polygon_area)]
        commune_first = self.parameterAsEnum(parameters, self.AREA, context) == 1
        if commune_first and commune_field is None:
            feedback.pushWarning(self.tr("The sites have no commune field: the comparable sales are searched "
                                         "around each site only."))
            commune_first = False
        steps = lp.widening_steps(radius, max_radius, commune_first)
        min_sales = self.parameterAsInt(parameters, self.MIN_SALES, context)
        try:
            estimates = lp.estimate_sites(frame, sales, steps, min_sales, core_progress(feedback, 50, 90))
        except Canceled:
            raise self.canceled() from None

        id_field = sio.find_field(names, *(parameter_as_fields(self, parameters, self.SITE_ID_FIELD, context)
                                           or ["site_id"]))
        feedback.setProgress(90)
        dest_id = self._write_sites(parameters, context, source, sites, estimates, steps, min_sales, frame, feedback)
        feedback.setProgress(94)
        sales_id = self._write_sales(parameters, context, sales, crs, feedback)
        feedback.setProgress(98)
        report_id = cio.write_dvf_report(self, parameters, self.REPORT, context, data.report, feedback)
        estimated = sum(1 for e in estimates if e.basis is not None)
        self._summary(feedback, sites, estimates, id_field, estimated)
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        style_on_completion(context, dest_id, "land_prices_polygons" if polygons else "land_prices")
        out = {self.OUTPUT: dest_id, self.ESTIMATED: estimated, self.SALES_USED: len(data.sales),
               self.LEFT_OUT: sum(item.count for item in data.report if item.action != dvf.KEPT)}
        if sales_id is not None:
            style_on_completion(context, sales_id, "dvf_sales")
            out[self.OUTPUT_SALES] = sales_id
        if report_id is not None:
            out[self.REPORT] = report_id
        return out

    def _project(self, sales, crs, context, feedback):
        """The sales with x, y in ``crs`` (NaN when not located)."""
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext())
        xs, ys = np.full(len(sales), np.nan), np.full(len(sales), np.nan)
        for k, (lon, lat) in enumerate(zip(sales["lon"].to_numpy(float), sales["lat"].to_numpy(float))):
            if k % 2000 == 0 and feedback.isCanceled():
                raise self.canceled()
            if np.isfinite(lon) and np.isfinite(lat):
                point = transform.transform(QgsPointXY(lon, lat))
                xs[k], ys[k] = point.x(), point.y()
        return sales.assign(x=xs, y=ys)

    def _write_sites(self, parameters, context, source, sites, estimates, steps, min_sales, frame, feedback):
        def values(i):
            est = estimates[i]
            commune = frame["commune"].iloc[i]
            out = []
            for kind_est in (est.premises, est.land):
                out += [cio.rounded(kind_est.q1, 2), cio.rounded(kind_est.median, 2), cio.rounded(kind_est.q3, 2),
                        kind_est.sales, cio.scope_label(kind_est, commune), kind_est.radius_m]
            return [*out, cio.rounded(est.area_estimate(KIND_PREMISES)[0], 0),
                    cio.rounded(est.area_estimate(KIND_LAND)[0], 0), cio.rounded(est.estimate, 0),
                    cio.rounded(est.low, 0), cio.rounded(est.high, 0), est.basis, est.reliability,
                    lp.describe(est, steps, min_sales, commune, "fr"),
                    lp.describe(est, steps, min_sales, commune, "en")]

        return cio.write_sites(self, parameters, self.OUTPUT, context, source, sites.fids, OUTPUT_FIELDS, values,
                               feedback)

    def _write_sales(self, parameters, context, sales, crs, feedback):
        if not parameters.get(self.OUTPUT_SALES):
            return None
        fields = QgsFields()
        for name, kind, length in (("id_mutation", "string", 40), ("date_mutation", "date", 0),
                                   ("nature_mutation", "string", 60), ("valeur_fonciere", "double", 0),
                                   ("code_commune", "string", 5), ("kind", "string", 16), ("floor_m2", "double", 0),
                                   ("land_m2", "double", 0), ("price_m2", "double", 0), ("lines", "int", 0),
                                   ("first_line", "int", 0), ("located", "bool", 0)):
            fields.append(make_field(name, kind, length))
        with OutputSink(self, parameters, self.OUTPUT_SALES, context, fields, WKB_POINT, crs, feedback,
                        required=False) as sink:
            if not sink.active:
                return None
            for row in sales.itertuples(index=False):
                feature = QgsFeature(fields)
                located = bool(np.isfinite(row.x) and np.isfinite(row.y))
                if located:
                    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(row.x, row.y)))
                feature.setAttributes([row.id_mutation, cio.qdate(row.date), row.nature, float(row.price_eur),
                                       row.code_commune, row.kind, float(row.floor_m2), float(row.land_m2),
                                       round(float(row.price_m2), 2), int(row.lines), int(row.first_line), located])
                sink.add(feature, int(row.first_line))
        return sink.dest_id

    def _summary(self, feedback, sites, estimates, id_field, estimated):
        feedback.pushInfo(self.tr("{n} of {total} site(s) have a price estimate.").format(
            n=estimated, total=len(estimates)))
        counts = {}
        for est in estimates:
            counts[est.reliability] = counts.get(est.reliability, 0) + 1
        feedback.pushInfo(self.tr("Reliability: {high} high, {medium} medium (area widened), {low} low (too few "
                                  "sales), {none} without estimate.").format(
            high=counts.get(lp.HIGH, 0), medium=counts.get(lp.MEDIUM, 0), low=counts.get(lp.LOW, 0),
            none=counts.get(lp.NONE, 0)))
        missing = [sio.site_key(row.get(id_field)) if id_field else str(fid)
                   for row, fid, est in zip(sites.rows, sites.fids, estimates) if est.basis is None]
        if missing:
            feedback.pushWarning(self.tr("No estimate (no comparable sale or no known area) for {n} site(s): "
                                         "{ids}").format(n=len(missing), ids=sio.quote_list(missing)))


"""``friches:site_costs``: what each site would cost per use: acquisition, works, total and yearly revenue,
with every line of the works in a table.

Adapter only: reads the sites (CNIG fields and the price of ``friches:land_prices``), prices them with the
cost table (``core/costs/site_costs``, ``core/costs/cost_table``) and writes the sites with their costs
per use and the table of the lines. The table is documented in ``resources/costs/README.md``.
"""

from __future__ import annotations

from qgis.core import (
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsWkbTypes,
)

from ..compat import (
    FILE_BEHAVIOR_FILE,
    GEOMETRY_POLYGON,
    SOURCE_POINT,
    SOURCE_POLYGON,
    make_field,
)
from ..core.costs.cost_table import USES, CostTableError, load_table
from ..core.costs.site_costs import site_cost
from . import costs_io as cio
from . import scoring_io as sio
from .base import FrichesAlgorithm
from .sinks import write_rows
from .styles import style_on_completion

FACTS = ("bati_surface", "site_surface", "bati_etat", "sol_pollution_existe", "bati_pollution")
OUTPUT_FIELDS = (
    ("acquisition_eur", "double", 0), ("demolition_eur", "double", 0), ("depollution_eur", "double", 0),
    *[(f"{kind}_{use}{unit}", "double", 0) for use in USES
      for kind, unit in (("works", "_eur"), ("total", "_eur"), ("revenue", "_eur_yr"), ("converted", "_m2"))],
    ("cost_state", "string", 40), ("cost_notes", "string", 254),
)
LINE_FIELDS = (("site_id", "string", 80), ("use", "string", 16), ("line", "string", 32), ("quantity", "double", 0),
               ("unit", "string", 8), ("rate_eur", "double", 0), ("amount_eur", "double", 0), ("source", "string", 0))


class SiteCostsAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_ID_FIELD = "SITE_ID_FIELD"
    COSTS = "COSTS"
    PRICE_FIELD = "PRICE_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_LINES = "OUTPUT_LINES"
    COSTED = "COSTED"

    ICON = "processing.svg"

    def name(self):
        return "site_costs"

    def displayName(self):
        return self.tr("Costs of converting the sites (per use)")

    def group(self):
        return self.tr("Costs and programme")

    def groupId(self):
        return "costs"

    def tags(self):
        return [self.tr("costs"), self.tr("works"), self.tr("acquisition"), self.tr("depollution"),
                self.tr("accessibility"), "coworking", "fablab", "coûts", "travaux"]

    def shortDescription(self):
        return self.tr("Acquisition, works, total and yearly revenue of each site for coworking, fablab and digital "
                       "inclusion, from an editable cost table.")

    def help_text(self):
        return self.tr(
            "<p>Prices the conversion of each site into each use with the cost table (resources/costs/default.json, "
            "indicative values with their sources, or your copy): conversion works per m² by building state "
            "(bati_etat) and use, on the floor area the use needs; demolition of the part beyond repair; asbestos "
            "or lead removal (bati_pollution); soil depollution when pollution is proven or suspected "
            "(sol_pollution_existe); accessibility of a public building and a lift; energy renovation; studies; the "
            "acquisition (the price of Land prices plus fees); the yearly revenue from the rent per m² of the "
            "use.</p>"
            "<p><b>Outputs</b>: per use works_<use>_eur, total_<use>_eur (empty without a purchase price: never "
            "guessed), revenue_<use>_eur_yr, converted_<use>_m2; cost_notes lists what was not known (unknown "
            "state or pollution, no price); the lines table gives every amount with its quantity, rate and "
            "source.</p>"
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Sites"), [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr("Sites with the CNIG fields, ideally the output of Land prices."))
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterField(self.SITE_ID_FIELD, self.tr("Site identifier field"),
                                                      defaultValue="site_id", parentLayerParameterName=self.INPUT,
                                                      optional=True))
        param = QgsProcessingParameterFile(self.COSTS, self.tr("Cost table (JSON)"), behavior=FILE_BEHAVIOR_FILE,
                                           extension="json", optional=True)
        param.setHelp(self.tr("An edited copy of resources/costs/default.json; the shipped table when empty."))
        self.addParameter(param)
        param = QgsProcessingParameterField(self.PRICE_FIELD, self.tr("Purchase price field (€)"),
                                            defaultValue="price_estimate_eur", parentLayerParameterName=self.INPUT,
                                            optional=True, type=QgsProcessingParameterField.DataType.Numeric)
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Sites with costs")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT_LINES, self.tr("Cost lines"), optional=True,
                                                            createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.COSTED, self.tr("Sites with a total cost")))

    def processAlgorithm(self, parameters, context, feedback):
        self.require_dependencies()
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        try:
            table = load_table(self.parameterAsFile(parameters, self.COSTS, context) or None)
        except CostTableError as exc:
            raise QgsProcessingException(
                self.tr("The cost table cannot be used: {error}").format(error=str(exc))) from exc
        sites = sio.read_table(source, context, geometry=False, feedback=feedback)
        if sites is None:
            raise self.canceled()
        names = sites.names
        price_field = cio.field_choice(self, parameters, self.PRICE_FIELD, context, names, "price_estimate_eur")
        if price_field is None:
            feedback.pushWarning(self.tr("No purchase price field: the works are costed, the acquisition and the "
                                         "totals stay empty (run Land prices first)."))
        id_field = cio.field_choice(self, parameters, self.SITE_ID_FIELD, context, names, "site_id")
        all_costs = []
        for n, row in enumerate(sites.rows):
            if feedback.isCanceled():
                raise self.canceled()
            feedback.setProgress(70.0 * n / max(len(sites), 1))
            facts = {name: row.get(sio.find_field(names, name)) for name in FACTS}
            price = cio.number(row.get(price_field)) if price_field else None
            all_costs.append({use: site_cost(table, facts, use, price) for use in USES})
        notes_of = [sorted({note for cost in costs.values() for note in cost.notes} - {"no_rent"})
                    for costs in all_costs]

        def values(i):
            costs = all_costs[i]
            first = costs[USES[0]]
            out = [cio.rounded(first.acquisition, 0), cio.rounded(first.line("demolition"), 0),
                   cio.rounded(first.line("depollution") + first.line("depollution_suspected"), 0)]
            for use in USES:
                cost = costs[use]
                out += [cio.rounded(cost.works, 0), cio.rounded(cost.total, 0), cio.rounded(cost.revenue, 0),
                        cio.rounded(cost.converted_m2, 1)]
            return [*out, first.state, ";".join(notes_of[i])]

        feedback.setProgress(75)
        dest_id = cio.write_sites(self, parameters, self.OUTPUT, context, source, sites.fids, OUTPUT_FIELDS, values,
                                  feedback)
        feedback.setProgress(90)
        lines_id = self._write_lines(parameters, context, sites, all_costs, id_field, table, feedback)
        costed = sum(1 for costs in all_costs if costs[USES[0]].total is not None)
        notes_count = {}
        for notes in notes_of:
            for note in notes:
                notes_count[note] = notes_count.get(note, 0) + 1
        self._report(feedback, len(sites), costed, notes_count)
        no_rent = [table.label(use, "en") for use in USES if table.rent_eur_m2_year[use].value is None]
        if no_rent:
            feedback.pushInfo(self.tr("The cost table has no rent for {uses}: no revenue for these uses.").format(
                uses=", ".join(no_rent)))
        polygons = QgsWkbTypes.geometryType(source.wkbType()) == GEOMETRY_POLYGON
        style_on_completion(context, dest_id, "site_costs_polygons" if polygons else "site_costs")
        out = {self.OUTPUT: dest_id, self.COSTED: costed}
        if lines_id is not None:
            out[self.OUTPUT_LINES] = lines_id
        return out

    def _write_lines(self, parameters, context, sites, all_costs, id_field, table, feedback):
        fields = QgsFields()
        for name, kind, length in LINE_FIELDS:
            fields.append(make_field(name, kind, length))

        def rows():
            for row, fid, costs in zip(sites.rows, sites.fids, all_costs):
                key = sio.site_key(row.get(id_field)) if id_field else str(fid)
                for use in USES:
                    for line in costs[use].lines:
                        yield [key, use, line.code, round(line.quantity, 2), line.unit, round(line.rate, 4),
                               round(line.amount, 2), table.source_text(line.source)]

        return write_rows(self, parameters, self.OUTPUT_LINES, context, fields, rows(), feedback)

    def _report(self, feedback, n_sites, costed, notes_count):
        feedback.pushInfo(self.tr("{costed} of {n} site(s) have a total cost (the others have no purchase "
                                  "price).").format(costed=costed, n=n_sites))
        messages = {
            "unknown_state": self.tr("building state unknown: costed as uneven decay"),
            "unknown_soil": self.tr("soil pollution unknown: no depollution costed"),
            "unknown_building_pollution": self.tr("building pollution unknown: no asbestos or lead removal costed"),
            "no_site_area": self.tr("pollution without site area: depollution not costed"),
            "new_build": self.tr("no building: a new building is costed"),
            "no_price": self.tr("no purchase price: no total"),
        }
        for note, count in sorted(notes_count.items()):
            feedback.pushInfo(self.tr("{n} site(s): {what}.").format(n=count, what=messages.get(note, note)))


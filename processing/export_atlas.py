"""``friches:export_atlas``: the "Fiche friche" atlas, one A4 landscape page per selected site, in one PDF.

Why a project of its own: the algorithm copies the layers it draws into a fresh ``QgsProject`` that
only lives during the export, loads the shipped template (``resources/templates/fiche_friche_<lang>.qpt``)
into it and exports that layout. It therefore runs the same from the toolbox, the graphical modeler,
``qgis_process`` and ``full_analysis``, and never touches the user's project or layouts.

How a page is framed: the atlas coverage is a layer made here, one feature per page, whose geometry is
the bounding box of the site, its footprint and its largest catchment band (a 600 m square around a
site without them); the main map fits it with a margin. The catchment bands and the highlighted site
follow the page through renderer rules on ``attribute(@atlas_feature, 'site_id')``.

Template item ids the algorithm binds (a custom template must keep them): ``main_map`` (atlas-driven),
``locator_map`` (gets an overview of the main map), ``legend`` (optional). Every text of the page is a
label with ``[% %]`` expressions in the template itself.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextScope,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTreeLayer,
    QgsLayoutExporter,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMarkerSymbol,
    QgsMemoryProviderUtils,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProject,
    QgsProviderRegistry,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtXml import QDomDocument

from ..compat import (
    FILE_BEHAVIOR_FILE,
    FLAG_ADVANCED,
    FLAG_NO_THREADING,
    GEOMETRY_POINT,
    NUMBER_INTEGER,
    SKIP_GEOMETRY_CHECKS,
    SOURCE_POINT,
    SOURCE_POLYGON,
    WKB_POLYGON,
    make_field,
)
from ..core import files
from ..translation import ui_language
from .base import FrichesAlgorithm
from .layout_export import pdf_export_settings
from .sinks import WriteReport, commit_file, fit_geometry, site_label, site_sink_type
from .styles import apply_style, style_path

TEMPLATES = Path(__file__).resolve().parent.parent / "resources" / "templates"
#: Languages of the shipped templates, in the order of the LANGUAGE options after "QGIS language".
LANGUAGES = ("fr", "en")
DEFAULT_FILTER = '"candidate_coworking" OR "candidate_fablab" OR "candidate_mediation"'
SCORE_FIELDS = ("score_coworking", "score_fablab", "score_mediation")
#: Half side (m) of the frame of a site with neither footprint nor catchment.
DEFAULT_HALF_FRAME_M = 300.0
#: Expression true for the features of the site of the current page (site_id compared as text).
CURRENT_SITE = "to_string(\"site_id\") = to_string(attribute(@atlas_feature, 'site_id'))"

#: Names of the layers in the page's legend, in the page's language (not the interface's: a French
#: planner may print an English atlas, so these follow LANGUAGE rather than tr()).
PAGE_NAMES = {
    "fr": {
        "site": "Site de la fiche",
        "other_sites": "Autres sites",
        "footprint": "Emprise du site",
        "other_footprints": "Autres emprises",
        "catchment": "Accessible à pied",
        "stops": "Arrêts (départs/h)",
        "zones": "Zonage du PLU",
        "territory": "Communes",
        "no_departure": "aucun départ",
        "families": {"u": "U — urbaine", "auc": "AUc — à urbaniser", "aus": "AUs — à urbaniser (fermée)",
                     "a": "A — agricole", "n": "N — naturelle", "": "RNU ou autre"},
    },
    "en": {
        "site": "Site of this sheet",
        "other_sites": "Other sites",
        "footprint": "Site footprint",
        "other_footprints": "Other footprints",
        "catchment": "Reachable on foot",
        "stops": "Stops (departures/h)",
        "zones": "Local plan zoning",
        "territory": "Municipalities",
        "no_departure": "no departure",
        "families": {"u": "U — urban", "auc": "AUc — to be urbanised", "aus": "AUs — future urban (closed)",
                     "a": "A — agricultural", "n": "N — natural", "": "RNU or other"},
    },
}


def _is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def _site_key(value):
    if _is_null(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def fit_extent(map_item, rect):
    """Show ``rect`` in ``map_item`` without resizing the item.

    ``QgsLayoutItemMap.setExtent`` changes the item's height to the extent's proportions and
    ``zoomToExtent`` divides by the current extent (nothing yet after loading a template): give the map
    an extent of the item's own proportions, centred on ``rect``.
    """
    size = map_item.rect()
    ratio = size.width() / size.height() if size.height() > 0 else 1.0
    width, height = max(rect.width(), 1.0), max(rect.height(), 1.0)
    if width / height > ratio:
        height = width / ratio
    else:
        width = height * ratio
    centre = rect.center()
    map_item.setExtent(QgsRectangle(centre.x() - width / 2, centre.y() - height / 2,
                                    centre.x() + width / 2, centre.y() + height / 2))


class ExportAtlasAlgorithm(FrichesAlgorithm):
    INPUT = "INPUT"
    SITE_POLYGONS = "SITE_POLYGONS"
    FILTER_EXPRESSION = "FILTER_EXPRESSION"
    SORT_EXPRESSION = "SORT_EXPRESSION"
    SORT_DESCENDING = "SORT_DESCENDING"
    MAX_PAGES = "MAX_PAGES"
    CATCHMENT = "CATCHMENT"
    STOPS = "STOPS"
    ZONES = "ZONES"
    TERRITORY = "TERRITORY"
    BACKGROUND = "BACKGROUND"
    LANGUAGE = "LANGUAGE"
    TITLE = "TITLE"
    TEMPLATE = "TEMPLATE"
    DPI = "DPI"
    OUTPUT_PDF = "OUTPUT_PDF"
    PNG_FOLDER = "PNG_FOLDER"
    PAGES = "PAGES"

    ICON = "processing.svg"

    def name(self):
        return "export_atlas"

    def displayName(self):
        return self.tr("Export the site sheets atlas (PDF)")

    def group(self):
        return self.tr("Map products")

    def groupId(self):
        return "products"

    def tags(self):
        return self.tr("atlas,layout,PDF,print,sheet,fiche,map,report").split(",")

    def flags(self):
        # layouts are not thread safe (as in native:atlaslayouttopdf)
        return super().flags() | FLAG_NO_THREADING

    def help_text(self):
        return self.tr(
            "<p>One A4 landscape page per site, in one PDF (and optionally one PNG per page): the main map centred "
            "on the site with its walking catchment bands, the transit stops and the zoning; a locator map of the "
            "territory; the key figures (surface, status, dominant zone, PTAL, population reached); one bar per use "
            "with its score; the explanation of the score; sources, date and page numbers.</p>"
            "<p>Pages follow the ranking: the rank field when present, otherwise the best of the three scores, "
            "highest first. By default only the candidate sites are printed (candidate_coworking, candidate_fablab "
            "or candidate_mediation true); all sites when those fields are missing or when no site is a "
            "candidate.</p>"
            "<p>The page is the template resources/templates/fiche_friche_fr.qpt (or _en.qpt), which can be "
            "replaced by a copy restyled in the layout designer (keep the item ids main_map, locator_map and "
            "legend). The user's project is never modified: the algorithm works in a project of its own.</p>"
        )

    def initAlgorithm(self, config=None):
        param = QgsProcessingParameterFeatureSource(self.INPUT, self.tr("Scored sites"), [SOURCE_POINT, SOURCE_POLYGON])
        param.setHelp(self.tr(
            "The sites with their scores (output of Score candidates or Select sites): one page per site; fields "
            "site_id, site_nom, score_coworking, score_fablab, score_mediation, explanation_fr/explanation_en..."
        ))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.SITE_POLYGONS, self.tr("Site footprints"), [SOURCE_POLYGON], optional=True
        )
        param.setHelp(self.tr(
            "Polygons of the sites (friches_emprises), matched on site_id, outlined on the main map."
        ))
        self.addParameter(param)
        param = QgsProcessingParameterExpression(
            self.FILTER_EXPRESSION, self.tr("Sites to print (expression)"), defaultValue=DEFAULT_FILTER,
            parentLayerParameterName=self.INPUT, optional=True,
        )
        param.setHelp(self.tr(
            "Only the sites for which the expression is true get a page. Default: the candidate sites. Empty: all."
        ))
        self.addParameter(param)
        param = QgsProcessingParameterExpression(
            self.SORT_EXPRESSION, self.tr("Order of the pages (expression)"), parentLayerParameterName=self.INPUT,
            optional=True,
        )
        param.setHelp(self.tr("Empty: by rank when the field exists, otherwise by best score, highest first."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterBoolean(self.SORT_DESCENDING, self.tr("Sort descending"), defaultValue=True)
        param.setHelp(self.tr("Only for an order expression of your own."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.MAX_PAGES, self.tr("Largest number of pages (0 = no limit)"), type=NUMBER_INTEGER, minValue=0,
            defaultValue=0,
        )
        param.setHelp(self.tr("Keeps the first pages in the order above."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.CATCHMENT, self.tr("Catchment bands"), [SOURCE_POLYGON], optional=True
        )
        param.setHelp(self.tr("Output of Catchment (fields site_id, minutes): each page shows the bands of its site."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.STOPS, self.tr("Transit stops"), [SOURCE_POINT], optional=True)
        param.setHelp(self.tr("Output of Transit service: stops drawn by departures per hour."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(self.ZONES, self.tr("Zoning"), [SOURCE_POLYGON], optional=True)
        param.setHelp(self.tr("PLU zones (zone_urba or the zones output of Zoning overlay), in the CNIG colours."))
        self.addParameter(param)
        param = QgsProcessingParameterFeatureSource(
            self.TERRITORY, self.tr("Territory (locator map)"), [SOURCE_POLYGON], optional=True
        )
        param.setHelp(self.tr("Communes or the study area: the extent and outline of the locator map."))
        self.addParameter(param)
        param = QgsProcessingParameterMultipleLayers(
            self.BACKGROUND, self.tr("Background layers of the main map"), optional=True
        )
        param.setHelp(self.tr(
            "Drawn under everything else (roads, rivers, railway...), with their own style, or the plugin's style of "
            "the same name for a layer read from a file."
        ))
        self.addParameter(param)
        param = QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the sheets"),
            options=[self.tr("Language of QGIS"), "Français", "English"], defaultValue=0,
        )
        param.setHelp(self.tr("French or English template; the QGIS language picks French for fr, English otherwise."))
        self.addParameter(param)
        param = QgsProcessingParameterString(self.TITLE, self.tr("Title in the page header"), optional=True)
        param.setHelp(self.tr("E.g. the territory and the study: « Ingeville — friches et tiers-lieux »."))
        self.addParameter(param)
        param = QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template of your own (.qpt)"), behavior=FILE_BEHAVIOR_FILE,
            extension="qpt", optional=True,
        )
        param.setHelp(self.tr("Empty: the plugin's Fiche friche template in the chosen language."))
        param.setFlags(param.flags() | FLAG_ADVANCED)
        self.addParameter(param)
        param = QgsProcessingParameterNumber(
            self.DPI, self.tr("Resolution (dpi)"), type=NUMBER_INTEGER, minValue=50, maxValue=600, defaultValue=150
        )
        self.addParameter(param)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, self.tr("Atlas (PDF)"), self.tr("PDF files (*.pdf)")
        ))
        param = QgsProcessingParameterFolderDestination(
            self.PNG_FOLDER, self.tr("Folder for one PNG per page"), optional=True, createByDefault=False
        )
        self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages")))

    # ------------------------------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.INPUT, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.INPUT))
        if "site_id" not in source.fields().names():
            raise QgsProcessingException(self.tr(
                "The sites layer has no site_id field: give the output of Import inventory, Score candidates or "
                "Select sites."
            ))
        lang = self._language(parameters, context)
        pdf = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        png_folder = ""
        if parameters.get(self.PNG_FOLDER):
            png_folder = self.parameterAsFileOutput(parameters, self.PNG_FOLDER, context)
        steps = QgsProcessingMultiStepFeedback(4 if png_folder else 3, feedback)

        crs = source.sourceCrs()
        if not crs.isValid() or crs.isGeographic():
            crs = QgsCoordinateReferenceSystem("EPSG:2154")
        request = QgsFeatureRequest().setDestinationCrs(crs, context.transformContext())

        # 1. Sites: filter and order the pages.
        steps.setCurrentStep(0)
        steps.pushInfo(self.tr("Choosing and ordering the sites…"))
        sites = []
        # only drawn: an invalid geometry (a bow-tie in a PLU export) is no reason to stop
        for feature in source.getFeatures(request, SKIP_GEOMETRY_CHECKS):
            if feature.hasGeometry():
                sites.append(feature)
            else:
                steps.pushWarning(self.tr("Site {site} has no geometry: no page.").format(site=feature["site_id"]))
        pages = self._select_pages(parameters, context, source.fields(), sites, steps)
        if not pages:
            raise QgsProcessingException(self.tr("No site to print: the sites layer is empty."))
        steps.pushInfo(self.tr("{n} pages to print.").format(n=len(pages)))

        # 2. The private project with the layers of the pages.
        steps.setCurrentStep(1)
        steps.pushInfo(self.tr("Preparing the maps…"))
        project = QgsProject()
        project.setCrs(crs)
        names = PAGE_NAMES[lang]
        layers = {}
        footprints = {}
        polygons_source = self.parameterAsSource(parameters, self.SITE_POLYGONS, context)
        if polygons_source is not None:
            layers["footprint"] = self._copy(polygons_source, request, names["footprint"], steps)
            for feature in layers["footprint"].getFeatures():
                key = _site_key(feature["site_id"]) if "site_id" in feature.fields().names() else None
                if key is not None:
                    footprints.setdefault(key, []).append(QgsGeometry(feature.geometry()))
            self._style_footprints(layers["footprint"], names)
        catchment_source = self.parameterAsSource(parameters, self.CATCHMENT, context)
        bands = {}
        if catchment_source is not None:
            if not {"site_id", "minutes"} <= set(catchment_source.fields().names()):
                raise QgsProcessingException(self.tr(
                    "The catchment layer needs the fields site_id and minutes (output of Catchment)."
                ))
            layers["catchment"] = self._copy(catchment_source, request, names["catchment"], steps)
            for feature in layers["catchment"].getFeatures():
                key = _site_key(feature["site_id"])
                if key is not None:
                    bands.setdefault(key, []).append(feature.geometry().boundingBox())
            self._style_catchment(layers["catchment"])
        for key, param_name, style in (("stops", self.STOPS, "transit_stops"), ("zones", self.ZONES, None),
                                       ("territory", self.TERRITORY, "communes")):
            other = self.parameterAsSource(parameters, param_name, context)
            if other is not None:
                layers[key] = self._copy(other, request, names[key], steps)
                self._style_context(layers[key], key, style, names)
        background = self._background(parameters, context, steps)
        if steps.isCanceled():
            raise QgsProcessingException(self.tr("Export canceled."))

        coverage = self._coverage(source.fields(), pages, footprints, bands, crs)
        sites_layer = self._sites_layer(source.fields(), sites, source.wkbType(), crs, names, steps)
        for layer in [coverage, sites_layer, *layers.values(), *background]:
            project.addMapLayer(layer, False)

        layout = self._layout(parameters, context, project, lang)
        self._bind(layout, coverage, sites_layer, layers, background, sites, crs, names)
        atlas = layout.atlas()
        count = atlas.count()
        if count != len(pages):
            raise QgsProcessingException(
                self.tr("The atlas has {n} pages instead of {m}.").format(n=count, m=len(pages)))

        # 3. Export.
        steps.setCurrentStep(2)
        steps.pushInfo(self.tr("Exporting {n} pages to {path}…").format(n=count, path=pdf))
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        settings = pdf_export_settings(dpi)
        # written under a temporary name, renamed once the run is complete: a crash or a cancel never
        # leaves half a PDF, nor replaces the user's previous one
        partial = files.temporary_sibling(pdf)
        Path(pdf).parent.mkdir(parents=True, exist_ok=True)
        self.defer_commit(lambda: commit_file(partial, pdf), lambda: files.remove(partial))
        result, error = QgsLayoutExporter.exportToPdf(atlas, str(partial), settings, steps)
        self._check(result, error, pdf)
        outputs = {self.OUTPUT_PDF: pdf, self.PAGES: count}
        if png_folder:
            steps.setCurrentStep(3)
            steps.pushInfo(self.tr("Exporting one PNG per page into {folder}…").format(folder=png_folder))
            image_settings = QgsLayoutExporter.ImageExportSettings()
            image_settings.dpi = dpi
            image_settings.exportMetadata = False  # GDAL cannot update a PNG in place
            partial_folder = files.temporary_folder(png_folder)
            self.defer_commit(lambda: files.move_files(partial_folder, png_folder),
                              lambda: files.remove_folder(partial_folder))
            result, error = QgsLayoutExporter.exportToImage(atlas, str(partial_folder / "fiche.png"), "png",
                                                            image_settings, steps)
            self._check(result, error, png_folder)
            outputs[self.PNG_FOLDER] = png_folder
        steps.pushInfo(self.tr("Atlas written: {path} ({n} pages).").format(path=pdf, n=count))
        # the layout must go before its project
        del atlas
        del layout
        project.clear()
        return outputs

    # ------------------------------------------------------------------------------------------------
    def _language(self, parameters, context):
        choice = self.parameterAsEnum(parameters, self.LANGUAGE, context)
        if choice in (1, 2):
            return LANGUAGES[choice - 1]
        return ui_language()

    def _expression(self, text, fields, param_label):
        expression = QgsExpression(text)
        if expression.hasParserError():
            raise QgsProcessingException(self.tr("The expression of '{param}' is not valid: {error}").format(
                param=param_label, error=expression.parserErrorString()))
        missing = sorted(set(expression.referencedColumns()) - set(fields.names()) - {QgsFeatureRequest.ALL_ATTRIBUTES})
        return expression, missing

    def _evaluate(self, expression, fields, features, param_label):
        context = QgsExpressionContext()
        scope = QgsExpressionContextScope()
        scope.setFields(fields)
        context.appendScope(scope)
        context.setFields(fields)
        expression.prepare(context)
        values = []
        for feature in features:
            context.setFeature(feature)
            value = expression.evaluate(context)
            if expression.hasEvalError():
                raise QgsProcessingException(
                    self.tr("The expression of '{param}' fails on site {site}: {error}").format(
                        param=param_label, site=feature["site_id"], error=expression.evalErrorString()))
            values.append(None if _is_null(value) else value)
        return values

    def _select_pages(self, parameters, context, fields, sites, feedback):
        label = self.tr("Sites to print (expression)")
        text = self.parameterAsExpression(parameters, self.FILTER_EXPRESSION, context).strip() \
            if parameters.get(self.FILTER_EXPRESSION) is not None else DEFAULT_FILTER
        chosen = sites
        if text:
            expression, missing = self._expression(text, fields, label)
            is_default = QgsExpression(text).expression() == QgsExpression(DEFAULT_FILTER).expression()
            if missing and is_default:
                feedback.pushInfo(self.tr("No candidate fields ({fields}): every site gets a page.").format(
                    fields=", ".join(missing)))
            elif missing:
                raise QgsProcessingException(self.tr(
                    "The expression of '{param}' uses fields the sites layer does not have: {fields}."
                ).format(param=label, fields=", ".join(missing)))
            else:
                keep = self._evaluate(expression, fields, sites, label)
                chosen = [f for f, ok in zip(sites, keep) if ok]
                if not chosen and is_default:
                    feedback.pushWarning(self.tr("No site is a candidate: every site gets a page."))
                    chosen = sites
                elif not chosen:
                    raise QgsProcessingException(self.tr("No site matches the expression {expression}.").format(
                        expression=text))
        chosen = self._order(parameters, context, fields, chosen, feedback)
        limit = self.parameterAsInt(parameters, self.MAX_PAGES, context)
        if limit and len(chosen) > limit:
            feedback.pushInfo(self.tr("Only the first {n} of {m} sites are printed.").format(n=limit, m=len(chosen)))
            chosen = chosen[:limit]
        return chosen

    def _order(self, parameters, context, fields, features, feedback):
        text = self.parameterAsExpression(parameters, self.SORT_EXPRESSION, context).strip() \
            if parameters.get(self.SORT_EXPRESSION) else ""
        descending = self.parameterAsBoolean(parameters, self.SORT_DESCENDING, context)
        names = set(fields.names())
        if not text:
            if "rank" in names:
                text, descending = '"rank"', False
            elif names & set(SCORE_FIELDS):
                used = [f'coalesce("{name}", 0)' for name in SCORE_FIELDS if name in names]
                text, descending = ("max(" + ", ".join(used) + ")") if len(used) > 1 else used[0], True
            else:
                text, descending = '"site_id"', False
        label = self.tr("Order of the pages (expression)")
        expression, missing = self._expression(text, fields, label)
        if missing:
            raise QgsProcessingException(self.tr(
                "The expression of '{param}' uses fields the sites layer does not have: {fields}."
            ).format(param=label, fields=", ".join(missing)))
        keys = self._evaluate(expression, fields, features, label)
        ids = [_site_key(f["site_id"]) or "" for f in features]

        def sort_key(i):
            value = keys[i]
            if value is None:
                return (1, 0, "", ids[i])  # empty values last whatever the direction
            number = value if isinstance(value, (int, float)) else None
            if number is not None:
                return (0, -number if descending else number, "", ids[i])
            return (0, 0, str(value), ids[i])

        order = sorted(range(len(features)), key=sort_key)
        if descending and any(keys[i] is not None and not isinstance(keys[i], (int, float)) for i in order):
            texts = [i for i in order if keys[i] is not None]
            order = sorted(texts, key=lambda i: str(keys[i]), reverse=True) + [i for i in order if keys[i] is None]
        feedback.pushInfo(self.tr("Pages ordered by {expression}{direction}.").format(
            expression=text, direction=self.tr(", descending") if descending else ""))
        return [features[i] for i in order]

    # ------------------------------------------------------------------------------------------------
    def _memory_layer(self, name, fields, wkb_type, crs):
        layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, wkb_type, crs)
        if layer is None or not layer.isValid():
            raise QgsProcessingException(self.tr("Cannot create the temporary layer {name}.").format(name=name))
        return layer

    def _copy(self, source, request, name, feedback):
        """A memory copy of ``source`` in the map's CRS (the source may be a file, a layer or a selection)."""
        features = []
        for feature in source.getFeatures(request, SKIP_GEOMETRY_CHECKS):
            if feedback.isCanceled():
                break
            features.append(feature)
        wkb_type = site_sink_type(source.wkbType(), (f.geometry() for f in features))
        layer = self._memory_layer(name, source.fields(), wkb_type, request.destinationCrs())
        self._fill(layer, features, feedback)
        return layer

    def _fill(self, layer, features, feedback):
        """Add ``features`` to the memory ``layer``, their geometries fitted to its type (a layer mixing
        points and polygons is drawn whole, the changes reported); a refused feature stops the export."""
        report = WriteReport(feedback)
        fitted = []
        for feature in features:
            if feature.hasGeometry():
                geometry, action = fit_geometry(feature.geometry(), layer.wkbType())
                if action:
                    report.add(layer.name(), feature.id(), site_label(feature),
                               QgsWkbTypes.displayString(feature.geometry().wkbType()), action)
                    feature = QgsFeature(feature)
                    feature.setGeometry(geometry)
            fitted.append(feature)
        ok, _added = layer.dataProvider().addFeatures(fitted)
        if not ok:
            errors = "; ".join(layer.dataProvider().errors()[-3:])
            raise QgsProcessingException(self.tr("Could not copy the features of {layer} for the maps: {error}").format(
                layer=layer.name(), error=errors))
        layer.updateExtents()
        report.warn()

    def _coverage(self, fields, pages, footprints, bands, crs):
        """One feature per page, in page order, framing the site, its footprint and its catchment bands."""
        out_fields = QgsFields(fields)
        out_fields.append(make_field("atlas_page", "int"))
        layer = self._memory_layer("atlas_pages", out_fields, WKB_POLYGON, crs)
        features = []
        for page, site in enumerate(pages, 1):
            key = _site_key(site["site_id"])
            box = QgsRectangle(site.geometry().boundingBox()) if site.hasGeometry() else QgsRectangle()
            for geometry in footprints.get(key, []):
                box.combineExtentWith(geometry.boundingBox())
            for rect in bands.get(key, []):
                box.combineExtentWith(rect)
            # a square centred on the site, large enough for its footprint and catchment bands
            centre = site.geometry().centroid().asPoint() if site.hasGeometry() else box.center()
            half = DEFAULT_HALF_FRAME_M
            if not box.isNull():
                half = max(half, centre.x() - box.xMinimum(), box.xMaximum() - centre.x(),
                           centre.y() - box.yMinimum(), box.yMaximum() - centre.y())
            box = QgsRectangle(centre.x() - half, centre.y() - half, centre.x() + half, centre.y() + half)
            feature = QgsFeature(out_fields)
            feature.setAttributes([*site.attributes(), page])
            feature.setGeometry(QgsGeometry.fromRect(box))
            features.append(feature)
        self._fill(layer, features, None)
        return layer

    def _sites_layer(self, fields, sites, wkb_type, crs, names, feedback):
        """Every site: the page's site highlighted, the others small (rules on the atlas feature)."""
        wkb_type = site_sink_type(wkb_type, (f.geometry() for f in sites))
        layer = self._memory_layer("sites", fields, wkb_type, crs)
        self._fill(layer, sites, feedback)
        root = QgsRuleBasedRenderer.Rule(None)
        if QgsWkbTypes.geometryType(wkb_type) == GEOMETRY_POINT:
            current = QgsMarkerSymbol.createSimple({
                "name": "star", "color": "#d7301f", "outline_color": "#ffffff", "outline_width": "0.5", "size": "6.5",
            })
            others = QgsMarkerSymbol.createSimple({
                "name": "circle", "color": "#6b6b6b", "outline_color": "#ffffff", "outline_width": "0.3", "size": "2.4",
            })
        else:
            current = QgsFillSymbol.createSimple({
                "color": "215,48,31,60", "outline_color": "#d7301f", "outline_width": "0.8",
            })
            others = QgsFillSymbol.createSimple({
                "color": "107,107,107,40", "outline_color": "#6b6b6b", "outline_width": "0.3",
            })
        root.appendChild(QgsRuleBasedRenderer.Rule(others, 0, 0, f"NOT ({CURRENT_SITE})", names["other_sites"]))
        root.appendChild(QgsRuleBasedRenderer.Rule(current, 0, 0, CURRENT_SITE, names["site"]))
        layer.setRenderer(QgsRuleBasedRenderer(root))
        return layer

    def _style_footprints(self, layer, names):
        root = QgsRuleBasedRenderer.Rule(None)
        current = QgsFillSymbol.createSimple({
            "color": "215,48,31,45", "outline_color": "#d7301f", "outline_width": "0.7", "outline_width_unit": "MM",
        })
        others = QgsFillSymbol.createSimple({
            "color": "120,120,120,35", "outline_color": "#777777", "outline_width": "0.25",
        })
        root.appendChild(QgsRuleBasedRenderer.Rule(others, 0, 0, f"NOT ({CURRENT_SITE})", names["other_footprints"]))
        root.appendChild(QgsRuleBasedRenderer.Rule(current, 0, 0, CURRENT_SITE, names["footprint"]))
        layer.setRenderer(QgsRuleBasedRenderer(root))

    def _style_catchment(self, layer):
        """The catchment_bands style (graduated on minutes), drawn only for the page's site, lighter fills."""
        apply_style(layer, "catchment_bands")
        graduated = layer.renderer()
        root = QgsRuleBasedRenderer.Rule(None)
        site_rule = QgsRuleBasedRenderer.Rule(None, 0, 0, CURRENT_SITE, "")
        root.appendChild(site_rule)
        ranges = graduated.ranges() if hasattr(graduated, "ranges") else []
        for rng in ranges:
            symbol = rng.symbol().clone()
            colour = QColor(symbol.color())
            symbol.setColor(QColor(colour.red(), colour.green(), colour.blue(), 55))
            layer_symbol = symbol.symbolLayer(0)
            if hasattr(layer_symbol, "setStrokeColor"):
                layer_symbol.setStrokeColor(colour.darker(115))
                layer_symbol.setStrokeWidth(0.5)
            low, high = rng.lowerValue(), rng.upperValue()
            rule = QgsRuleBasedRenderer.Rule(
                symbol, 0, 0, f'"minutes" > {low} AND "minutes" <= {high}', rng.label()
            )
            site_rule.appendChild(rule)
        if not ranges:
            site_rule.setSymbol(QgsFillSymbol.createSimple({"color": "33,113,181,50", "outline_color": "#2171b5"}))
        renderer = QgsRuleBasedRenderer(root)
        order = QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause('"minutes"', False)])
        renderer.setOrderBy(order)
        renderer.setOrderByEnabled(True)
        layer.setRenderer(renderer)

    def _style_context(self, layer, key, style, names):
        fields = set(layer.fields().names())
        if key == "zones":
            if "zone_family" in fields:
                style = "zoning_zones"
            elif {"TYPEZONE", "LIBELLE", "typezone", "libelle"} & fields:
                style = "zone_urba"
        if key == "stops" and "departures_per_hour" not in fields:
            style = None
        if not (style and apply_style(layer, style)):
            if key == "stops":
                layer.setRenderer(QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple({
                    "name": "circle", "color": "#1f78b4", "outline_color": "#ffffff", "size": "2.2"})))
            else:
                layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple({
                    "color": "0,0,0,0", "outline_color": "#7a7a7a", "outline_width": "0.3"})))
        renderer = layer.renderer()
        if key == "zones":
            layer.setOpacity(0.28)
            if renderer.type() == "categorizedSymbol":
                for i, category in enumerate(renderer.categories()):
                    value = "" if _is_null(category.value()) else str(category.value()).lower()
                    if value in names["families"]:
                        renderer.updateCategoryLabel(i, names["families"][value])
        if key == "stops":
            layer.setLabelsEnabled(False)
            if renderer.type() == "graduatedSymbol":
                for i, rng in enumerate(renderer.ranges()):
                    renderer.updateRangeLabel(i, self._range_label(rng.lowerValue(), rng.upperValue(), names))
        if key == "territory":
            layer.setLabelsEnabled(False)

    @staticmethod
    def _range_label(low, high, names):
        def number(value):
            return f"{value:g}"

        if high <= 0:
            return names["no_departure"]
        if low <= 0:
            return "< " + number(high)
        if high >= 1000:
            return "≥ " + number(low)
        return f"{number(low)} – {number(high)}"

    def _background(self, parameters, context, feedback):
        layers = []
        for layer in self.parameterAsLayerList(parameters, self.BACKGROUND, context) or []:
            if not isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory":
                continue
            if isinstance(layer, QgsVectorLayer) and layer.providerType() == "memory":
                copy = self._memory_layer(layer.name(), layer.fields(), layer.wkbType(), layer.crs())
                self._fill(copy, list(layer.getFeatures()), feedback)
                copy.setRenderer(layer.renderer().clone())
            else:
                copy = layer.clone()
            in_project = context.project() is not None and context.project().mapLayer(layer.id()) is not None
            if not in_project and isinstance(copy, QgsVectorLayer):
                parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
                name = parts.get("layerName") or layer.name()
                if style_path(name).exists():
                    apply_style(copy, name)
                copy.setLabelsEnabled(False)
            layers.append(copy)
            if feedback.isCanceled():
                break
        return layers

    # ------------------------------------------------------------------------------------------------
    def _layout(self, parameters, context, project, lang):
        custom = self.parameterAsFile(parameters, self.TEMPLATE, context)
        path = Path(custom) if custom else TEMPLATES / f"fiche_friche_{lang}.qpt"
        if not path.exists():
            raise QgsProcessingException(self.tr("Layout template not found: {path}").format(path=path))
        document = QDomDocument()
        ok = document.setContent(path.read_text(encoding="utf-8"))
        if isinstance(ok, tuple):
            ok = ok[0]
        if not ok:
            raise QgsProcessingException(self.tr("The layout template {path} is not valid XML.").format(path=path))
        layout = QgsPrintLayout(project)
        layout.initializeDefaults()
        _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext(), True)
        if not ok:
            raise QgsProcessingException(self.tr("Cannot load the layout template {path}.").format(path=path))
        layout.setName("friches_export_atlas")
        title = self.parameterAsString(parameters, self.TITLE, context)
        if title:
            QgsExpressionContextUtils.setLayoutVariable(layout, "friches_title", title)
        project.layoutManager().addLayout(layout)
        return layout

    def _bind(self, layout, coverage, sites_layer, layers, background, sites, crs, names):
        main = layout.itemById("main_map")
        if not isinstance(main, QgsLayoutItemMap):
            raise QgsProcessingException(self.tr("The layout template has no map item with the id main_map."))
        # drawing order, top first
        main_layers = [sites_layer]
        for key in ("footprint", "stops", "catchment", "zones"):
            if key in layers:
                main_layers.append(layers[key])
        main_layers += background
        main.setCrs(crs)
        fit_extent(main, coverage.extent())
        main.setLayers(main_layers)
        main.setKeepLayerSet(True)
        main.setAtlasDriven(True)
        if main.atlasScalingMode() == QgsLayoutItemMap.AtlasScalingMode.Fixed:
            main.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)

        locator = layout.itemById("locator_map")
        if isinstance(locator, QgsLayoutItemMap):
            locator_layers = [sites_layer]
            if "territory" in layers:
                locator_layers.append(layers["territory"])
            locator.setCrs(crs)
            locator.setLayers(locator_layers)
            locator.setKeepLayerSet(True)
            locator.setAtlasDriven(False)
            extent = QgsRectangle((layers.get("territory") or sites_layer).extent())
            extent.scale(1.08)
            if extent.width() < 2000:
                extent.scale(2000 / max(extent.width(), 1.0))
            fit_extent(locator, extent)
            while locator.overviews().size():
                locator.overviews().removeOverview(locator.overviews().overview(0))
            overview = QgsLayoutItemMapOverview("main_map_extent", locator)
            overview.setLinkedMap(main)
            overview.setFrameSymbol(QgsFillSymbol.createSimple({
                "color": "215,48,31,50", "outline_color": "#d7301f", "outline_width": "0.5"}))
            locator.overviews().addOverview(overview)

        legend = layout.itemById("legend")
        if legend is not None and hasattr(legend, "model"):
            legend.setAutoUpdateModel(False)
            legend.setLinkedMap(main)
            group = legend.model().rootGroup()
            group.removeAllChildren()
            legend_layers = [sites_layer] + [layers[key] for key in ("footprint", "catchment", "stops", "zones")
                                             if key in layers]
            for layer in legend_layers:
                node = QgsLayerTreeLayer(layer)
                if layer is sites_layer or layer is layers.get("footprint"):
                    QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
                group.addChildNode(node)
            legend.setLegendFilterByMapEnabled(True)
            legend.updateLegend()

        atlas = layout.atlas()
        atlas.setEnabled(True)
        atlas.setCoverageLayer(coverage)
        atlas.setHideCoverage(False)
        atlas.setFilterFeatures(False)
        atlas.setSortFeatures(True)
        atlas.setSortAscending(True)
        atlas.setSortExpression('"atlas_page"')
        atlas.setPageNameExpression('"site_nom"')
        atlas.setFilenameExpression(
            "'fiche_' || lpad(to_string(\"atlas_page\"), 3, '0') || '_' || "
            "regexp_replace(to_string(\"site_id\"), '[^A-Za-z0-9_-]+', '_')"
        )
        atlas.updateFeatures()

    def _check(self, result, error, path):
        if result == QgsLayoutExporter.ExportResult.Success:
            return
        if result == QgsLayoutExporter.ExportResult.Canceled:
            raise QgsProcessingException(self.tr("Export canceled."))
        messages = {
            QgsLayoutExporter.ExportResult.FileError: self.tr("Cannot write {path}: check the folder and that the file "
                                                              "is not open in another program."),
            QgsLayoutExporter.ExportResult.PrintError: self.tr("The PDF printer failed on {path}."),
            QgsLayoutExporter.ExportResult.MemoryError: self.tr("Not enough memory to export {path}: lower the "
                                                                "resolution."),
            QgsLayoutExporter.ExportResult.IteratorError: self.tr("The atlas could not go through its pages ({path})."),
        }
        message = messages.get(result, self.tr("The export of {path} failed.")).format(path=path)
        raise QgsProcessingException(message + (f" {error}" if error else ""))

"""``friches:export_atlas``: one page per selected site in score order, pages that are not blank, both
languages, PNG pages, a custom filter, polygon sites, and the user's project left alone.

The scored sites are made by hand here (fields as Score candidates writes them), on the Ingeville demo
territory, so these tests do not depend on the scoring algorithms.
"""

import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
DEMO_GPKG = ROOT / "demo" / "ingeville" / "ingeville.gpkg"

#: (site_id, name, x, y, coworking, fablab, mediation, candidate flags, rank)
SITES = (
    ("45999_0001", "Ancienne manufacture Duval", 660400, 6750300, 88.0, 61.0, 40.0, (True, False, False), 1),
    ("45999_0002", "Ancien hôtel-Dieu", 659700, 6749600, 52.0, 35.0, 81.0, (False, False, True), 2),
    ("45999_0003", "Ancienne caserne Saint-Martin", 659100, 6750500, 30.0, 77.0, 44.0, (False, True, False), 3),
    ("45999_0004", "Entrepôt des Fontaines", 661800, 6751200, 22.0, 41.0, 18.0, (False, False, False), 4),
    ("45999_0005", "Garage Renault", 658600, 6749100, 12.0, 20.0, 25.0, (False, False, False), 5),
)

FIELDS = (
    "field=site_id:string&field=site_nom:string&field=comm_nom:string&field=comm_insee:string"
    "&field=site_statut:string&field=site_type:string&field=site_surface:double&field=zone_libelle:string"
    "&field=zone_type:string&field=ptal:string&field=oev_class:string&field=nearest_stop:string"
    "&field=nearest_stop_m:double&field=pop_5min:double&field=pop_10min:double&field=pop_15min:double"
    "&field=score_coworking:double&field=score_fablab:double&field=score_mediation:double&field=best_use:string"
    "&field=rank:integer&field=candidate_coworking:boolean&field=candidate_fablab:boolean"
    "&field=candidate_mediation:boolean&field=reliability:string&field=explanation_fr:string"
    "&field=explanation_en:string"
)


def scored_sites(kind="Point", with_scores=True):
    fields = FIELDS if with_scores else FIELDS.split("&field=score_coworking")[0]
    layer = QgsVectorLayer(f"{kind}?crs=EPSG:2154&{fields}", "scored sites", "memory")
    features = []
    for site_id, name, x, y, cow, fab, med, flags, rank in SITES:
        feature = QgsFeature(layer.fields())
        values = {
            "site_id": site_id, "site_nom": name, "comm_nom": "Ingeville", "comm_insee": "45999",
            "site_statut": "friche sans projet", "site_type": "friche industrielle", "site_surface": 18500.0,
            "zone_libelle": "UB", "zone_type": "U", "ptal": "3", "oev_class": "C", "nearest_stop": "Gare",
            "nearest_stop_m": 240.0, "pop_5min": 900.0, "pop_10min": 3400.0, "pop_15min": 7100.0,
            "score_coworking": cow, "score_fablab": fab, "score_mediation": med,
            "best_use": max(("coworking", cow), ("fablab", fab), ("mediation", med), key=lambda t: t[1])[0],
            "rank": rank, "candidate_coworking": flags[0], "candidate_fablab": flags[1],
            "candidate_mediation": flags[2], "reliability": "haute",
            "explanation_fr": f"{name} : à 240 m de la gare, 7 100 habitants à 15 min à pied.",
            "explanation_en": f"{name}: 240 m from the station, 7,100 residents within a 15-minute walk.",
        }
        for key, value in values.items():
            index = layer.fields().indexOf(key)
            if index >= 0:
                feature.setAttribute(index, value)
        point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        feature.setGeometry(point.buffer(60, 8) if kind == "Polygon" else point)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def catchment_bands():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:2154&field=site_id:string&field=minutes:double", "bands", "memory")
    features = []
    for site_id, _name, x, y, *_rest in SITES:
        for minutes, radius in ((5, 350), (10, 700), (15, 1000)):
            feature = QgsFeature(layer.fields())
            feature.setAttributes([site_id, float(minutes)])
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)).buffer(radius, 12))
            features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def demo(table):
    return f"{DEMO_GPKG}|layername={table}"


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def pdf_text(path, page):
    """The text of a page, ligatures (ﬁ, ﬀ) and no-break spaces made plain."""
    text = subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text)


def squeeze(text):
    return re.sub(r"\s+", "", text)


def render_page(path, page, out_dir, dpi=60):
    prefix = out_dir / f"page{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(path), str(prefix)], check=True)
    image = QImage(str(prefix) + ".png")
    assert not image.isNull()
    return image


def colour_stats(image, x0=0.0, y0=0.0, x1=1.0, y1=1.0, step=3):
    """Share of non-white pixels and number of distinct (coarse) colours in a region (fractions of the page)."""
    w, h = image.width(), image.height()
    painted = total = 0
    colours = set()
    for y in range(int(y0 * h), int(y1 * h), step):
        for x in range(int(x0 * w), int(x1 * w), step):
            c = image.pixelColor(x, y)
            total += 1
            if min(c.red(), c.green(), c.blue()) < 235:
                painted += 1
            colours.add((c.red() // 16, c.green() // 16, c.blue() // 16))
    return painted / total, len(colours)


def run_atlas(context, feedback, **params):
    from qgis import processing

    return processing.run("friches:export_atlas", params, context=context, feedback=feedback)


@pytest.fixture()
def context_layers():
    return {
        "CATCHMENT": catchment_bands(),
        "ZONES": demo("zone_urba"),
        "TERRITORY": demo("communes"),
        "BACKGROUND": [demo("routes"), demo("cours_eau")],
    }


def test_algorithm_is_registered(plugin):
    alg = QgsApplication.processingRegistry().algorithmById("friches:export_atlas")
    assert alg is not None and alg.groupId() == "products"
    from friches_tierslieux.compat import FLAG_NO_THREADING

    assert alg.flags() & FLAG_NO_THREADING
    assert "<h3>" in alg.shortHelpString()
    for name in ("INPUT", "SITE_POLYGONS", "FILTER_EXPRESSION", "CATCHMENT", "STOPS", "ZONES", "BACKGROUND",
                 "LANGUAGE", "TITLE", "OUTPUT_PDF", "PNG_FOLDER", "DPI"):
        assert alg.parameterDefinition(name) is not None, name
    assert alg.outputDefinition("PAGES") is not None and alg.outputDefinition("OUTPUT_PDF") is not None


def test_one_page_per_candidate_in_rank_order(plugin, processing_context, feedback, tmp_dir, context_layers):
    project = QgsProject.instance()
    layouts_before = len(project.layoutManager().layouts())
    layers_before = set(project.mapLayers())
    pdf = tmp_dir / "atlas.pdf"
    result = run_atlas(processing_context, feedback, INPUT=scored_sites(), LANGUAGE=1, DPI=72,
                       TITLE="Ingeville — test", OUTPUT_PDF=str(pdf), **context_layers)
    assert result["PAGES"] == 3 and result["OUTPUT_PDF"] == str(pdf)
    assert pdf_pages(pdf) == 3
    names = [SITES[i][1] for i in range(3)]
    for page, name in enumerate(names, 1):
        text = pdf_text(pdf, page)
        assert name in text, (page, text[:300])
        assert f"Page {page} / 3" in text
    first = pdf_text(pdf, 1)
    for words in ("Chiffres clés", "Adéquation par usage", "Pourquoi ce site", "Sources : inventaire CNIG friches",
                  "Ingeville — test", "Rang 1", "1,85 ha", "candidat", "7 100"):
        assert squeeze(words) in squeeze(first), words
    # the user's project is left alone
    assert len(project.layoutManager().layouts()) == layouts_before
    assert set(project.mapLayers()) == layers_before


def test_every_page_keeps_real_text_with_embedded_fonts(plugin, processing_context, feedback, tmp_dir,
                                                       context_layers):
    """QGIS 3.40+ exports layout text as outlines by default: the atlas asks for real text explicitly, so
    each page's site name and scores can be searched and copied, in fonts embedded in the file."""
    pdf = tmp_dir / "atlas.pdf"
    run_atlas(processing_context, feedback, INPUT=scored_sites(), LANGUAGE=1, DPI=50, OUTPUT_PDF=str(pdf),
              **context_layers)
    pages = sorted((s for s in SITES if any(s[7])), key=lambda s: s[8])
    assert pdf_pages(pdf) == len(pages) == 3
    for page, (site_id, name, _x, _y, cow, fab, med, _flags, rank) in enumerate(pages, 1):
        text = squeeze(pdf_text(pdf, page))
        assert squeeze(name) in text and site_id in text and f"Rang{rank}" in text, (page, text[:300])
        for label, score in (("Coworking", cow), ("Fablab", fab), ("Médiationnum.", med)):
            assert f"{label}{score:.0f}" in text, (page, label, score)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows, "the PDF has no fonts: its text was drawn as outlines"
    for row in rows:
        emb = row[-5]  # columns: name type [encoding words…] emb sub uni object ID
        assert emb == "yes", row


def test_first_page_is_not_blank(plugin, processing_context, feedback, tmp_dir, context_layers):
    pdf = tmp_dir / "atlas.pdf"
    run_atlas(processing_context, feedback, INPUT=scored_sites(), LANGUAGE=1, DPI=72, OUTPUT_PDF=str(pdf),
              **context_layers)
    image = render_page(pdf, 1, tmp_dir)
    assert image.width() > image.height() > 200  # landscape
    painted, colours = colour_stats(image)
    assert painted > 0.25 and colours > 40
    # the main map (left half, below the header) shows zoning, roads and bands: many colours, little white
    painted, colours = colour_stats(image, 0.05, 0.16, 0.5, 0.85)
    assert painted > 0.6 and colours > 25
    # the score bars are drawn (blue, orange, green) in the right column
    hues = set()
    for y in range(int(0.40 * image.height()), int(0.56 * image.height())):
        for x in range(int(0.64 * image.width()), int(0.86 * image.width())):
            colour = image.pixelColor(x, y)
            if colour.saturation() > 120:
                hues.add(colour.hue() // 30)
    assert len(hues) >= 3


def test_english_pages_and_png_files(plugin, processing_context, feedback, tmp_dir, context_layers):
    pdf = tmp_dir / "atlas_en.pdf"
    folder = tmp_dir / "png"
    result = run_atlas(processing_context, feedback, INPUT=scored_sites(), LANGUAGE=2, DPI=50, MAX_PAGES=2,
                       OUTPUT_PDF=str(pdf), PNG_FOLDER=str(folder), **context_layers)
    assert result["PAGES"] == 2 and pdf_pages(pdf) == 2
    text = pdf_text(pdf, 1)
    for words in ("Key figures", "Suitability by use", "Why this site?", "Page 1 of 2", "industrial", "no project"):
        assert words in text, words
    pngs = sorted(p.name for p in folder.glob("*.png"))
    assert pngs == ["fiche_001_45999_0001.png", "fiche_002_45999_0002.png"]
    assert QImage(str(folder / pngs[0])).width() > 500


def test_without_scores_every_site_gets_a_page(plugin, processing_context, feedback, tmp_dir):
    pdf = tmp_dir / "all.pdf"
    template = ROOT / "resources" / "templates" / "fiche_friche_en.qpt"  # a template of one's own wins
    result = run_atlas(processing_context, feedback, INPUT=scored_sites(with_scores=False), LANGUAGE=1, DPI=50,
                       TEMPLATE=str(template), OUTPUT_PDF=str(pdf))
    assert result["PAGES"] == len(SITES) and pdf_pages(pdf) == len(SITES)
    text = pdf_text(pdf, 1)
    assert "Key figures" in text and SITES[0][1] in text  # no scores: pages in site_id order


def test_custom_filter_polygon_sites_and_errors(plugin, processing_context, feedback, tmp_dir):
    pdf = tmp_dir / "custom.pdf"
    sites = scored_sites("Polygon")
    result = run_atlas(processing_context, feedback, INPUT=sites, SITE_POLYGONS=sites, LANGUAGE=1, DPI=50,
                       FILTER_EXPRESSION='"score_fablab" >= 40', SORT_EXPRESSION='"score_fablab"',
                       OUTPUT_PDF=str(pdf))
    assert result["PAGES"] == 3
    assert "Ancienne caserne Saint-Martin" in pdf_text(pdf, 1)  # best fablab score first
    with pytest.raises(QgsProcessingException, match="score_nope"):
        run_atlas(processing_context, feedback, INPUT=sites, FILTER_EXPRESSION='"score_nope" > 1',
                  OUTPUT_PDF=str(tmp_dir / "x.pdf"))
    with pytest.raises(QgsProcessingException, match="No site matches"):
        run_atlas(processing_context, feedback, INPUT=sites, FILTER_EXPRESSION='"score_fablab" > 1000',
                  OUTPUT_PDF=str(tmp_dir / "y.pdf"))


def test_cancel_stops_the_export(plugin, processing_context, tmp_dir, context_layers):
    from qgis.core import QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.progressChanged.connect(lambda _p: feedback.cancel())
    with pytest.raises(QgsProcessingException):
        run_atlas(processing_context, feedback, INPUT=scored_sites(with_scores=False), LANGUAGE=1, DPI=50,
                  OUTPUT_PDF=str(tmp_dir / "c.pdf"), **context_layers)


def test_runs_inside_a_graphical_model(plugin, processing_context, feedback, tmp_dir):
    """A model made in the modeler: a sites input wired to export_atlas, the PDF as the model's output."""
    from qgis import processing
    from qgis.core import (
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
    )

    model = QgsProcessingModelAlgorithm("Fiches", "tests")
    model.addModelParameter(QgsProcessingParameterFeatureSource("sites", "Sites"), QgsProcessingModelParameter("sites"))
    child = QgsProcessingModelChildAlgorithm("friches:export_atlas")
    child.setChildId("atlas")
    child.addParameterSources("INPUT", [QgsProcessingModelChildParameterSource.fromModelParameter("sites")])
    child.addParameterSources("LANGUAGE", [QgsProcessingModelChildParameterSource.fromStaticValue(1)])
    child.addParameterSources("DPI", [QgsProcessingModelChildParameterSource.fromStaticValue(50)])
    output = QgsProcessingModelOutput("pdf", "Atlas")
    output.setChildId("atlas")
    output.setChildOutputName("OUTPUT_PDF")
    child.setModelOutputs({"pdf": output})
    model.addChildAlgorithm(child)
    assert model.childAlgorithm("atlas").algorithm() is not None
    # QGIS names the model's parameter and output after the child and output ("atlas:pdf") up to 3.38 and
    # after the output's description from 3.40: ask the model, as the modeler's dialog does.
    [destination] = [p.name() for p in model.destinationParameterDefinitions()]
    [output_name] = [o.name() for o in model.outputDefinitions()]
    pdf = tmp_dir / "model.pdf"
    result = processing.run(model, {"sites": scored_sites(), destination: str(pdf)}, context=processing_context,
                            feedback=feedback)
    assert Path(result[output_name]) == pdf and pdf_pages(pdf) == 3

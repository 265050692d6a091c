"""Run the analysis headless on the Ingeville demo territory: what ``make demo`` does.

Steps, each visible in the output:
1. generate the demo territory (``demo/generate_ingeville.py``) into ``out/data``;
2. copy its layers into ``out/ingeville.gpkg`` (generated reference layers are replaced; the friches
   inventory in the same file is *merged*, so edits made in QGIS survive a new run); on the first run,
   replay four years of the inventory's history (``demo/ingeville_history.py``: status changes, two
   tiers-lieux opened on former friches) so that the follow-up report has something to show;
3. import the CNIG friches file with ``friches:import_inventory`` into the inventory layers
   ``friches`` and ``friches_emprises`` of ``out/ingeville.gpkg``, with its report in ``import_report``;
4. run ``friches:full_analysis`` on that inventory (catchments, transit, zoning, coverage gaps, scores,
   selection): every result is a table of ``out/ingeville.gpkg``, the site sheets are
   ``out/atlas_ingeville.pdf``;
5. land prices and the multi-year programme: a synthetic DVF file and the town's budget
   (``demo/costs_ingeville.py``) into ``out/data``, ``friches:land_prices`` on the scored sites,
   ``friches:acquisition_programme`` (the sites, the years, ``out/programme_ingeville.xlsx``,
   ``out/programme_ingeville.pdf`` and its chart ``out/programme_chart.png``; ``--docs`` also copies the
   chart to ``docs/programme_chart.png``);
6. write ``out/ingeville.qgz``, a project with every layer styled and grouped (Candidats,
   Accessibilité, Transports, Urbanisme, Inventaire, Territoire), relative paths;
7. render ``out/ingeville_overview.png`` and page 1 of the atlas as ``out/atlas_page1.png``
   (``--docs`` also copies it to ``docs/atlas_page1.png``, the picture of the README); write the committee's
   follow-up report ``out/suivi_ingeville.pdf`` (``friches:monitoring_report``) and its first page
   ``out/suivi_page1.png`` (``--docs``: ``docs/monitoring_page1.png``).

Why a Python runner and not qgis_process: the project file and the styling need the QGIS API, and one
process keeps Processing initialised once for every step.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "friches_tierslieux"

#: The project's groups, top to bottom: (group, visible, [(table, layer name, style, visible)]).
#: Layers are drawn in the listed order, the first on top.
PROJECT_GROUPS = (
    ("Candidats", True, (
        ("programme", "Programme pluriannuel (ordre d'ouverture)", "programme_sites", True),
        ("sites_prices", "Prix du foncier estimé (DVF)", "land_prices", False),
        ("dvf_sales", "Ventes comparables (DVF)", "dvf_sales", False),
        ("selection", "Sites retenus (maillage)", "selected_sites", True),
        ("sites_scored", "Sites notés (scores par usage)", "candidates", True),
    )),
    ("Accessibilité", True, (
        ("catchment_walk", "Accessible à pied (5, 10, 15 min)", "catchment_bands", False),
        ("coverage_gaps", "Habitants hors de portée des lieux existants", "coverage_gaps", False),
        ("covered_area", "Couvert par les lieux existants (15 min)", None, False),
        ("population_200m", "Population (carreaux 200 m)", "population_200m", False),
    )),
    ("Transports", True, (
        ("stops", "Arrêts (départs par heure)", "transit_stops", True),
        ("ptal_grid", "Desserte TC (PTAL, carreaux 100 m)", "ptal_grid", False),
        ("ptal_grid", "Classes de desserte ÖV (carreaux 100 m)", "oev_grid", False),
    )),
    ("Urbanisme", False, (
        ("zoning_sites", "Sites et compatibilité du zonage", "zoning_sites", False),
        ("prescription_pct", "Prescriptions (points)", "prescription_pct", True),
        ("prescription_lin", "Prescriptions (lignes)", "prescription_lin", True),
        ("prescription_surf", "Prescriptions (surfaces)", "prescription_surf", True),
        ("zones", "Zonage du PLU (familles CNIG)", "zoning_zones", True),
        ("zone_urba", "Zonage du PLU (zone_urba)", "zone_urba", False),
        ("perimetre_scot", "Périmètre du SCOT", "perimetre_scot", True),
    )),
    ("Inventaire", True, (
        ("friches", "Friches", "friches", True),
        ("friches_emprises", "Emprises des friches", "friches_emprises", True),
    )),
    ("Territoire", True, (
        ("tiers_lieux", "tiers_lieux", "tiers_lieux", True),
        ("services", "services", "services", True),
        ("routes", "routes", "routes", True),
        ("voie_ferree", "voie_ferree", "voie_ferree", True),
        ("cours_eau", "cours_eau", "cours_eau", True),
        ("communes", "communes", "communes", True),
        ("bois", "bois", "bois", True),
    )),
)
#: Tables without geometry added to a group.
TABLES = (
    ("Inventaire", "import_report", "Rapport d'import"),
    ("Candidats", "selection_log", "Sélection : gains par étape"),
    ("Candidats", "programme_years", "Programme par année"),
    ("Candidats", "dvf_report", "Rapport DVF (lignes et ventes écartées)"),
)
TITLE = "Ingeville — friches et tiers-lieux"


def log(message):
    print(f"[demo {time.strftime('%H:%M:%S')}] {message}", flush=True)


def import_plugin(out: Path):
    """Import the plugin under its installed name through a symlink (never the repo root on sys.path)."""
    pkg_dir = out / ".pkg"
    pkg_dir.mkdir(parents=True, exist_ok=True)
    link = pkg_dir / PACKAGE
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(pkg_dir))
    import friches_tierslieux

    return friches_tierslieux


def generate_territory(data_dir: Path):
    log(f"1/7 generating the Ingeville demo territory into {data_dir}")
    subprocess.run([sys.executable, str(ROOT / "demo" / "generate_ingeville.py"), "--out", str(data_dir)], check=True)


def copy_territory(data_dir: Path, gpkg: Path):
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    log(f"2/7 copying the territory layers into {gpkg}")
    source = ogr.Open(str(data_dir / "ingeville.gpkg"))
    names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
    source = None
    for name in names:
        gdal.VectorTranslate(
            str(gpkg), str(data_dir / "ingeville.gpkg"), layers=[name], layerName=name,
            accessMode="overwrite" if gpkg.exists() else None, format="GPKG",
        )
    for extra in data_dir.glob("*.zip"):
        shutil.copy2(extra, gpkg.parent / extra.name)
    return names


def replay_history(data_dir: Path, gpkg: Path):
    """The inventory's past (first run only) and the tiers-lieux opened during it (demo/ingeville_history.py)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("ingeville_history", ROOT / "demo" / "ingeville_history.py")
    history = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(history)
    log("   replaying the inventory's history (demo/ingeville_history.py)")
    history.replay(gpkg, data_dir / "friches_ingeville.csv", log=log)
    history.add_places(gpkg, log=log)


def monitoring_report(out: Path, gpkg: Path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    def table(name):
        return f"{gpkg}|layername={name}"

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    pdf = out / "suivi_ingeville.pdf"
    result = processing.run("friches:monitoring_report", {
        "INVENTORY": str(gpkg), "PERIOD": 0, "START": "2022-01-01",
        "PLACES": table("tiers_lieux"), "NETWORK": table("routes"), "POPULATION": table("population_200m"),
        "POPULATION_FIELD": "ind", "BACKGROUND": [table("voie_ferree"), table("cours_eau"), table("bois"),
                                                  table("communes")],
        "LANGUAGE": 1, "TITLE": "Ingeville — suivi des friches", "OUTPUT_PDF": str(pdf),
    }, context=context, feedback=make_feedback())
    log(f"   follow-up report: {pdf} ({result['PAGES']} pages)")
    return pdf


def make_feedback(quiet_prefixes=()):
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):
            if info and not info.startswith(quiet_prefixes):
                log("   " + info)

        def pushWarning(self, warning):
            log("   warning: " + warning)

        def reportError(self, error, fatalError=False):  # noqa: N803
            log("   error: " + error)

    return Feedback()


def import_inventory(data_dir: Path, gpkg: Path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject, QgsVectorLayer

    log("3/7 importing the CNIG friches file with friches:import_inventory")
    csv = data_dir / "friches_ingeville.csv"
    layer = QgsVectorLayer(str(csv), "friches_ingeville", "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot read {csv}")

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        "friches:import_inventory",
        {
            "INPUT": layer,
            "TARGET_CRS": "EPSG:2154",
            "INVENTORY": str(gpkg),
            "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_POLYGONS": "TEMPORARY_OUTPUT",
            "REPORT": f"ogr:dbname='{gpkg}' table=\"import_report\" (geom)",
        },
        context=context,
        feedback=make_feedback(),
    )
    return result


def full_analysis(out: Path, gpkg: Path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    log("4/7 running friches:full_analysis on the inventory (every result into the GeoPackage, atlas in PDF)")

    def table(name):
        return f"{gpkg}|layername={name}"

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return processing.run(
        "friches:full_analysis",
        {
            "INVENTORY": table("friches"),
            "INVENTORY_POLYGONS": table("friches_emprises"),
            "NETWORK": table("routes"),
            "POPULATION": table("population_200m"),
            "POPULATION_FIELD": "ind",
            "GTFS": str(out / "gtfs_ingeville.zip"),
            "ZONES": table("zone_urba"),
            "PRESCRIPTIONS": [table("prescription_surf"), table("prescription_lin"), table("prescription_pct")],
            "SCOT": table("perimetre_scot"),
            "PLACES": table("tiers_lieux"),
            "SERVICES": table("services"),
            "TERRITORY": table("communes"),
            "BACKGROUND": [table("cours_eau"), table("voie_ferree")],
            "LANGUAGE": 1,
            "TITLE": TITLE,
            "OUTPUT_GPKG": str(gpkg),
            "OUTPUT_PDF": str(out / "atlas_ingeville.pdf"),
        },
        context=context,
        # the child algorithms' result dictionaries are long: the steps' own lines are enough
        feedback=make_feedback(quiet_prefixes=("Results:",)),
    )


def programme(out: Path, data_dir: Path, gpkg: Path):
    """Land prices from the synthetic DVF file, then the multi-year programme under the town's budget."""
    import importlib.util

    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProject

    log("5/7 land prices (DVF) and the multi-year programme under the budget")
    spec = importlib.util.spec_from_file_location("costs_ingeville", ROOT / "demo" / "costs_ingeville.py")
    costs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(costs)
    dvf_path, budget_path = costs.write_all(data_dir / "ingeville.gpkg", data_dir)
    log(f"   {dvf_path.name} ({dvf_path.stat().st_size // 1024} kB) and {budget_path.name} written")

    def table(name):
        return f"{gpkg}|layername={name}"

    def sink(name, geometry=True):
        return "ogr:dbname='{path}' table=\"{table}\"{geom}".format(
            path=str(gpkg).replace("'", "\\'"), table=name, geom=" (geom)" if geometry else "")

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    prices = processing.run("friches:land_prices", {
        "INPUT": table("sites_scored"), "DVF": str(dvf_path), "OUTPUT": sink("sites_prices"),
        "OUTPUT_SALES": sink("dvf_sales"), "REPORT": sink("dvf_report", geometry=False),
    }, context=context, feedback=make_feedback(quiet_prefixes=("Results:",)))
    result = processing.run("friches:acquisition_programme", {
        "INPUT": prices["OUTPUT"], "BUDGET_TABLE": str(budget_path), "CARRY_OVER": True,
        "MANDATORY": ",".join(costs.MANDATORY), "OBJECTIVE": 0, "CATCHMENTS": table("catchment_walk"),
        "POPULATION": table("population_200m"), "POPULATION_FIELD": "ind", "EXISTING": table("covered_area"),
        "LANGUAGE": 1, "TITLE": "Ingeville", "OUTPUT": sink("programme"),
        "OUTPUT_YEARS": sink("programme_years", geometry=False),
        "OUTPUT_XLSX": str(out / "programme_ingeville.xlsx"), "OUTPUT_PDF": str(out / "programme_ingeville.pdf"),
        "OUTPUT_PNG": str(out / "programme_chart.png"),
    }, context=context, feedback=make_feedback(quiet_prefixes=("Results:",)))
    log(f"   programme: {result['SELECTED']} sites, {result['SPEND'] / 1e6:.2f} M€, "
        f"{round(result['POPULATION_COVERED'])} people newly covered ({result['STATUS']}, gap {result['GAP_PCT']:g} %)")
    return result


def build_project(gpkg: Path, project_path: Path):
    from friches_tierslieux.processing.styles import apply_style
    from qgis.core import QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject, QgsVectorLayer

    log(f"6/7 writing the styled project {project_path}")
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    project.setTitle(TITLE)
    root = project.layerTreeRoot()
    invalid = []
    tables = set(layer_names(gpkg))
    groups = {}
    for group_name, group_visible, layers in PROJECT_GROUPS:
        group = root.addGroup(group_name)
        groups[group_name] = group
        for table, title, style, visible in layers:
            if table not in tables:
                continue
            layer = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
            if not layer.isValid():
                invalid.append(table)
                continue
            if style:
                apply_style(layer, style)
            else:  # the covered area: a light green wash
                layer.renderer().setSymbol(QgsFillSymbol.createSimple(
                    {"color": "116,196,118,50", "outline_color": "#238b45", "outline_width": "0.4"}))
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            node.setItemVisibilityChecked(visible)
            if not visible:
                node.setExpanded(False)
        group.setItemVisibilityChecked(group_visible)
        group.setExpanded(group_visible)
    for group_name, table, title in TABLES:
        if table in tables:
            layer = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
            if layer.isValid():
                project.addMapLayer(layer, False)
                groups[group_name].addLayer(layer)
            else:
                invalid.append(table)
    # Open on the town (not at 1:1 on nothing): the default view is Ingeville's extent.
    from qgis.core import QgsReferencedRectangle

    towns = [layer for layer in project.mapLayers().values() if layer.name() == "communes"]
    if towns:
        extent = towns[0].extent()
        extent.scale(1.05)
        project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, project.crs()))
    project.writeEntryBool("Paths", "/Absolute", False)
    if not project.write(str(project_path)):
        raise SystemExit(f"cannot write {project_path}: {project.error()}")
    if invalid:
        raise SystemExit(f"invalid layers in the project: {invalid}")
    return project


def layer_names(gpkg: Path):
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    names = [source.GetLayer(i).GetName() for i in range(source.GetLayerCount())]
    source = None
    return names


def render_overview(project, png: Path):
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    layers = [node.layer() for node in project.layerTreeRoot().findLayers()
              if node.layer().isSpatial() and node.isVisible()]
    settings.setLayers(layers)
    settings.setDestinationCrs(project.crs())
    communes = project.mapLayersByName("communes")
    extent = communes[0].extent() if communes else layers[0].extent()
    extent.scale(1.02)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(1600, 1200))
    settings.setBackgroundColor(QColor("#f5f3ee"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    job.renderedImage().save(str(png))


def render_atlas_page(pdf: Path, png: Path, dpi=150):
    """Page 1 of the atlas as a small PNG (pdftoppm, then 256 colours when Pillow is there)."""
    if not shutil.which("pdftoppm"):
        log("   pdftoppm is missing (poppler-utils): no picture of the atlas")
        return None
    prefix = png.with_suffix("")
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(prefix)],
                   check=True)
    try:
        from PIL import Image
    except ImportError:
        return png
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(png, optimize=True)
    return png


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "out"))
    parser.add_argument("--docs", action="store_true", help="also copy page 1 of the atlas to docs/atlas_page1.png "
                        "and the chart of the programme to docs/programme_chart.png")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()

    if not os.environ.get("DISPLAY"):  # headless machine: no X server to connect to
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    plugins_dir = str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins")
    if plugins_dir not in sys.path:
        sys.path.append(plugins_dir)
    from processing.core.Processing import Processing

    Processing.initialize()
    plugin_module = import_plugin(out)
    plugin = plugin_module.classFactory(None)
    plugin.initProcessing()

    data_dir = out / "data"
    generate_territory(data_dir)
    gpkg = out / "ingeville.gpkg"
    copy_territory(data_dir, gpkg)
    replay_history(data_dir, gpkg)
    result = import_inventory(data_dir, gpkg)
    log(f"   inventory: {result.get('IMPORTED')} friches imported, {result.get('REJECTED')} rejected, "
        f"{result.get('WARNINGS')} warnings")
    analysis = full_analysis(out, gpkg)
    if analysis.get("SKIPPED"):
        log(f"   steps skipped: {analysis['SKIPPED']}")
    programme(out, data_dir, gpkg)
    project = build_project(gpkg, out / "ingeville.qgz")
    log("7/7 rendering the overview and page 1 of the atlas, writing the follow-up report")
    render_overview(project, out / "ingeville_overview.png")
    picture = render_atlas_page(out / "atlas_ingeville.pdf", out / "atlas_page1.png")
    if picture and args.docs:
        (ROOT / "docs").mkdir(exist_ok=True)
        shutil.copy2(picture, ROOT / "docs" / "atlas_page1.png")
        log(f"   README picture: {ROOT / 'docs' / 'atlas_page1.png'}")
    if args.docs:
        shutil.copy2(out / "programme_chart.png", ROOT / "docs" / "programme_chart.png")
        log(f"   README picture: {ROOT / 'docs' / 'programme_chart.png'}")
    report = monitoring_report(out, gpkg)
    report_page = render_atlas_page(report, out / "suivi_page1.png")
    if report_page and args.docs:
        shutil.copy2(report_page, ROOT / "docs" / "monitoring_page1.png")
        log(f"   README picture: {ROOT / 'docs' / 'monitoring_page1.png'}")
    log(f"done in {time.time() - started:.1f} s: {gpkg}, {out / 'ingeville.qgz'}, "
        f"{out / 'atlas_ingeville.pdf'} ({analysis.get('PAGES')} pages), {out / 'ingeville_overview.png'}, "
        f"{out / 'programme_ingeville.pdf'}, {out / 'programme_ingeville.xlsx'}")
    plugin.unload()
    project.clear()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Run the analysis headless on the Ingeville demo territory: what ``make demo`` does.

Steps, each visible in the output:
1. generate the demo territory (``demo/generate_ingeville.py``) into ``out/data``;
2. copy its layers into ``out/ingeville.gpkg`` (generated reference layers are replaced; the friches
   inventory in the same file is *merged*, so edits made in QGIS survive a new run);
3. import the CNIG friches file with ``friches:import_inventory`` into the inventory layers
   ``friches`` and ``friches_emprises`` of ``out/ingeville.gpkg``, with its report in ``import_report``;
4. write ``out/ingeville.qgz``, a project with every layer styled, and ``out/ingeville_overview.png``.

Why a Python runner and not qgis_process: the project file and the styling need the QGIS API, and one
process keeps Processing initialised once for every step.
"""

import argparse
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "friches_tierslieux"

#: Territory layers copied from the generated GeoPackage, in drawing order (bottom first), with their style.
TERRITORY_LAYERS = (
    ("bois", "bois"),
    ("communes", "communes"),
    ("population_200m", "population_200m"),
    ("cours_eau", "cours_eau"),
    ("voie_ferree", "voie_ferree"),
    ("routes", "routes"),
    ("services", "services"),
    ("tiers_lieux", "tiers_lieux"),
)

#: Planning layers, in a group of their own, hidden at first so the overview stays readable.
PLANNING_LAYERS = (
    ("zone_urba", "zone_urba"),
    ("prescription_surf", "prescription_surf"),
    ("prescription_lin", "prescription_lin"),
    ("prescription_pct", "prescription_pct"),
    ("perimetre_scot", "perimetre_scot"),
)


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
    log(f"1/4 generating the Ingeville demo territory into {data_dir}")
    subprocess.run([sys.executable, str(ROOT / "demo" / "generate_ingeville.py"), "--out", str(data_dir)], check=True)


def copy_territory(data_dir: Path, gpkg: Path):
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    log(f"2/4 copying the territory layers into {gpkg}")
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


def import_inventory(data_dir: Path, gpkg: Path):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer

    log("3/4 importing the CNIG friches file with friches:import_inventory")
    csv = data_dir / "friches_ingeville.csv"
    layer = QgsVectorLayer(str(csv), "friches_ingeville", "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot read {csv}")

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):
            log("   " + info)

        def pushWarning(self, warning):
            log("   warning: " + warning)

        def reportError(self, error, fatalError=False):  # noqa: N803
            log("   error: " + error)

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
        feedback=Feedback(),
    )
    return result


def build_project(gpkg: Path, project_path: Path, territory_names):
    from friches_tierslieux.processing.styles import apply_style
    from qgis.core import QgsCoordinateReferenceSystem, QgsLayerTreeGroup, QgsProject, QgsVectorLayer

    log(f"4/4 writing the styled project {project_path}")
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    project.setTitle("Ingeville — Friches & Tiers-Lieux")
    root = project.layerTreeRoot()
    inventory = root.insertGroup(0, "Inventaire des friches")
    territory = root.addGroup("Territoire")
    planning = root.addGroup("Urbanisme (PLU, SCOT)")
    invalid = []

    def add(group: QgsLayerTreeGroup, table: str, title: str, style: str):
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
        if not layer.isValid():
            invalid.append(table)
            return None
        apply_style(layer, style)
        project.addMapLayer(layer, False)
        group.insertLayer(0, layer)
        return layer

    for table, style in TERRITORY_LAYERS:
        if table in territory_names:
            add(territory, table, table, style)
    for table, style in PLANNING_LAYERS:
        if table in territory_names:
            add(planning, table, table, style)
    planning.setItemVisibilityChecked(False)
    planning.setExpanded(False)
    add(inventory, "friches_emprises", "Emprises des friches", "friches_emprises")
    add(inventory, "friches", "Friches", "friches")
    report = QgsVectorLayer(f"{gpkg}|layername=import_report", "Rapport d'import", "ogr")
    if report.isValid():
        project.addMapLayer(report, False)
        inventory.addLayer(report)
    project.writeEntryBool("Paths", "/Absolute", False)
    if not project.write(str(project_path)):
        raise SystemExit(f"cannot write {project_path}: {project.error()}")
    if invalid:
        raise SystemExit(f"invalid layers in the project: {invalid}")
    return project


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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "out"))
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    started = time.time()

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
    names = copy_territory(data_dir, gpkg)
    result = import_inventory(data_dir, gpkg)
    log(f"   inventory: {result.get('IMPORTED')} friches imported, {result.get('REJECTED')} rejected, "
        f"{result.get('WARNINGS')} warnings")
    project = build_project(gpkg, out / "ingeville.qgz", names)
    render_overview(project, out / "ingeville_overview.png")
    log(f"done in {time.time() - started:.1f} s: {gpkg}, {out / 'ingeville.qgz'}, {out / 'ingeville_overview.png'}")
    plugin.unload()
    project.clear()
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The plugin loads, registers its provider, shows its GUI, translates, and unloads cleanly."""

import configparser
import os
import subprocess
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _metadata():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]


def test_metadata_is_complete_and_bilingual():
    meta = _metadata()
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["qgisMaximumVersion"] == "4.99"
    assert meta["supportsQt6"] == "True"
    assert meta["hasProcessingProvider"] == "yes"
    for key in ("description", "about", "tags"):
        assert meta[key].strip() and meta[f"{key}[fr]"].strip()
        assert meta[key] != meta[f"{key}[fr]"]
    for key in ("homepage", "tracker", "repository"):
        assert meta[key].startswith("https://")
    assert (ROOT / meta["icon"]).exists()


def test_provider_lists_its_algorithms(plugin):
    from qgis.core import QgsApplication

    provider = QgsApplication.processingRegistry().providerById("friches")
    assert provider is not None
    assert provider.name() == "Friches & Tiers-Lieux"
    ids = {alg.id() for alg in provider.algorithms()}
    assert "friches:import_inventory" in ids
    for alg in provider.algorithms():
        assert alg.shortHelpString(), alg.id()
        assert alg.displayName() and alg.group() and alg.groupId() == alg.groupId().lower()


def test_gui_entries_exist(plugin, qgis_iface):
    assert plugin.toolbar is not None and plugin.toolbar.actions()
    texts = [action.text() for action in plugin.actions]
    assert any("inventory" in t.lower() for t in texts)
    for action in plugin.actions:
        assert not action.icon().isNull(), action.text()


def test_inventory_dock_toggles(plugin, qgis_iface):
    plugin.toggle_inventory_dock(True)
    assert plugin.inventory_dock is not None
    assert plugin.inventory_dock.objectName() == "FrichesInventoryDock"
    plugin.toggle_inventory_dock(False)
    plugin.toggle_candidates_dock(True)
    assert plugin.candidates_dock.objectName() == "FrichesCandidatesDock"
    plugin.toggle_candidates_dock(False)


def test_unload_and_reload_leave_no_trace(qgis_app, qgis_iface, qgis_processing):
    import friches_tierslieux
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    had_provider = registry.providerById("friches") is not None
    second = friches_tierslieux.classFactory(qgis_iface)
    second.initProcessing()
    second.initGui()
    second.toggle_inventory_dock(True)
    second.toggle_candidates_dock(True)
    second.unload()
    assert second.provider is None and second.actions == [] and second.inventory_dock is None
    assert second.candidates_dock is None
    # the session plugin (if any) keeps its own provider; a fresh one can register again
    if not had_provider:
        assert registry.providerById("friches") is None
    third = friches_tierslieux.classFactory(qgis_iface)
    third.initProcessing()
    assert registry.providerById("friches") is not None
    third.unload()


def test_french_catalogue_translates(qgis_app):
    from friches_tierslieux import translation

    qm = translation.I18N_DIR / "friches_tierslieux_fr.qm"
    if not qm.exists():
        pytest.fail("i18n/friches_tierslieux_fr.qm is missing: run `make translations`")
    translator = translation.load_translator("fr_FR")
    try:
        assert translator is not None
        assert translation.tr("Friches inventory") == "Inventaire des friches"
    finally:
        translation.unload_translator(translator)
    assert translation.tr("Friches inventory") == "Friches inventory"


def test_qgis_process_lists_the_provider_headless(tmp_dir):
    """What a planner gets from the command line: qgis_process sees the algorithms without a GUI."""
    plugins = tmp_dir / "plugins"
    plugins.mkdir()
    (plugins / "friches_tierslieux").symlink_to(ROOT, target_is_directory=True)
    ini = tmp_dir / "config" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nfriches_tierslieux=true\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugins),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_dir / "config"))
    extra = _qgis_python_path()
    if extra:
        env["PYTHONPATH"] = extra
    done = subprocess.run(["qgis_process.bin", "list"], env=env, capture_output=True, text=True, timeout=180)
    assert "friches:import_inventory" in done.stdout, done.stdout[-2000:] + done.stderr[-2000:]
    assert "error starting plugin" not in (done.stdout + done.stderr)


def test_package_zip_installs_cleanly(tmp_dir):
    """`make package` builds a zip whose single top folder is the plugin, without dev files."""
    done = subprocess.run(["make", "-s", "package"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    version = _metadata()["version"]
    archive = ROOT / "dist" / f"friches_tierslieux-{version}.zip"
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"friches_tierslieux"}
    for required in ("metadata.txt", "__init__.py", "plugin.py", "processing/provider.py",
                     "resources/icons/friches.svg", "i18n/friches_tierslieux_fr.qm",
                     "resources/cnig/friches_schema.json"):
        assert f"friches_tierslieux/{required}" in names, required
    assert not any(n.startswith("friches_tierslieux/tests/") for n in names)
    assert not any("__pycache__" in n for n in names)


def _qgis_python_path():
    """PYTHONPATH that gives QGIS's own Python a working shapely 2 and pandas: nothing when the system
    has them (Debian 13+), else this venv's shapely wheel, which is what `make install` puts in the user's
    site-packages on Debian 12 (same wheel, same GEOS clash to catch)."""
    check = ("import sys; sys.path.insert(0, sys.argv[1]); import dependencies; "
             "sys.exit(bool(dependencies.missing_requirements()))")
    if subprocess.run(["/usr/bin/python3", "-c", check, str(ROOT)], capture_output=True).returncode == 0:
        return None
    import shapely

    return str(Path(shapely.__file__).resolve().parent.parent)


def test_qgis_process_runs_an_algorithm_headless(tmp_dir):
    """A planner's command line: qgis_process imports the demo inventory with QGIS's own Python.

    Catches what an in-process test cannot: a shapely build whose GEOS clashes with the one QGIS loads.
    """
    plugins = tmp_dir / "plugins"
    plugins.mkdir()
    (plugins / "friches_tierslieux").symlink_to(ROOT, target_is_directory=True)
    ini = tmp_dir / "config" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\nfriches_tierslieux=true\n", encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugins),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_dir / "config"))
    extra = _qgis_python_path()
    if extra:
        env["PYTHONPATH"] = extra
    csv = ROOT / "demo" / "ingeville" / "friches_ingeville.csv"
    rows = sum(1 for _ in csv.open(encoding="utf-8")) - 1
    done = subprocess.run(["qgis_process.bin", "run", "friches:import_inventory", "--",
                           f"INPUT={csv}", f"OUTPUT={tmp_dir / 'friches.gpkg'}", f"REPORT={tmp_dir / 'report.csv'}"],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert f"IMPORTED:\t{rows}" in done.stdout
    assert "REJECTED:\t0" in done.stdout

"""Start the real QGIS desktop under Xvfb with the packaged plugin, and screenshot what a user sees.

Usage: gui_check.py [--zip dist/friches_tierslieux-X.zip] [--out screenshots] [--project out/ingeville.qgz]

Why: tests drive widgets one by one; this checks the whole thing as installed from the zip, in a fresh
QGIS profile: the plugin loads without errors or warnings in the message log, its menu, toolbar, dock
panel and Processing provider are there, and the screenshots show whether anything looks wrong.
Writes <out>/qgis_main.png, <out>/inventory_dock.png, <out>/catchment_dialog.png (advanced parameters
open), <out>/report.json and <out>/messages.json. Needs xvfb-run.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STARTUP = r'''
import json, traceback
from pathlib import Path
from qgis.core import QgsApplication, QgsProject, Qgis
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QDockWidget, QMenu
from qgis.utils import iface, plugins, active_plugins

OUT = Path(r"@OUT@")
PROJECT = r"@PROJECT@"
log = []
QgsApplication.messageLog().messageReceived.connect(lambda msg, tag, level: log.append((int(level), tag, msg)))

def step1():
    try:
        if PROJECT:
            QgsProject.instance().read(PROJECT)
        iface.mainWindow().resize(1600, 1000)
    except Exception:
        log.append((2, "gui_check", traceback.format_exc()))
    QTimer.singleShot(3000, step2)

def step2():
    report = {}
    try:
        report["active_plugins"] = list(active_plugins)
        plugin = plugins.get("friches_tierslieux")
        report["loaded"] = plugin is not None
        provider = QgsApplication.processingRegistry().providerById("friches")
        report["provider"] = provider.name() if provider else None
        report["algorithms"] = sorted(a.id() for a in provider.algorithms()) if provider else []
        menus = {}
        for action in iface.mainWindow().menuBar().actions():
            if action.menu():
                for sub in action.menu().actions():
                    if sub.menu() and "Friches" in sub.text():
                        menus[sub.text()] = [a.text() for a in sub.menu().actions()]
        report["menus"] = menus
        if plugin is not None:
            report["toolbar"] = [a.text() for a in plugin.toolbar.actions()]
            plugin.toggle_inventory_dock(True)
        toolbox = iface.mainWindow().findChild(QDockWidget, "ProcessingToolbox")
        if toolbox is not None:
            toolbox.show()
            search = toolbox.findChild(object, "searchBox")
            if search is not None:
                search.setText("friches")
    except Exception:
        log.append((2, "gui_check", traceback.format_exc()))
    (OUT / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    QTimer.singleShot(3000, step3)

def step3():
    try:
        iface.mainWindow().grab().save(str(OUT / "qgis_main.png"))
        plugin = plugins.get("friches_tierslieux")
        if plugin is not None and plugin.inventory_dock is not None:
            plugin.inventory_dock.grab().save(str(OUT / "inventory_dock.png"))
        # the catchment dialog with its advanced parameters open (outline, width, holes...)
        import processing
        from qgis.gui import QgsCollapsibleGroupBoxBasic
        global DIALOG
        DIALOG = processing.createAlgorithmDialog("friches:catchment")
        DIALOG.resize(1000, 900)
        DIALOG.show()
        from qgis.PyQt.QtWidgets import QGroupBox, QToolButton
        for box in DIALOG.findChildren(QgsCollapsibleGroupBoxBasic):
            box.setCollapsed(False)
        for box in DIALOG.findChildren(QGroupBox):  # QGIS 3.22 hands the group box over as a QGroupBox
            for button in box.findChildren(QToolButton):
                if "collapse" in button.objectName().lower() or type(button).__name__ == "QgsGroupBoxCollapseButton":
                    button.click()
        from qgis.PyQt.QtWidgets import QAbstractButton
        for button in DIALOG.findChildren(QAbstractButton):  # QGIS 3.22: a toggle button, not a group box
            text = button.text().lower()
            if ("advanced" in text or "avancé" in text) and button.isCheckable() and not button.isChecked():
                button.click()
    except Exception:
        log.append((2, "gui_check", traceback.format_exc()))
    QTimer.singleShot(1500, step4)

def step4():
    try:
        if DIALOG is not None:
            DIALOG.grab().save(str(OUT / "catchment_dialog.png"))
            DIALOG.close()
    except Exception:
        log.append((2, "gui_check", traceback.format_exc()))
    (OUT / "messages.json").write_text(json.dumps(log, indent=1, ensure_ascii=False))
    QTimer.singleShot(500, QgsApplication.instance().quit)

DIALOG = None

QTimer.singleShot(4000, step1)
'''


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", default=None)
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--project", default="")
    parser.add_argument("--locale", default="en_US")
    args = parser.parse_args(argv)
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    archive = Path(args.zip) if args.zip else sorted((ROOT / "dist").glob("friches_tierslieux-*.zip"))[-1]
    work = Path(tempfile.mkdtemp(prefix="friches_gui_"))
    profile = work / "profiles" / "default"
    plugins_dir = profile / "python" / "plugins"
    plugins_dir.mkdir(parents=True)
    with zipfile.ZipFile(archive) as zf:  # what "Install from ZIP" does
        zf.extractall(plugins_dir)
    ini = profile / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[PythonPlugins]\nfriches_tierslieux=true\n[locale]\n"
        f"overrideFlag=true\nuserLocale={args.locale}\n[qgis]\nshowTips=false\ncheckVersion=false\n",
        encoding="utf-8",
    )
    project = str(Path(args.project).resolve()) if args.project else ""
    startup = work / "startup.py"
    startup.write_text(STARTUP.replace("@OUT@", str(out)).replace("@PROJECT@", project), encoding="utf-8")
    cmd = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(work),
           "--nologo", "--noversioncheck", "--code", str(startup)]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    (out / "qgis_stderr.txt").write_text(done.stdout + done.stderr, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print((out / "report.json").read_text() if (out / "report.json").exists() else "no report")
    print((out / "messages.json").read_text() if (out / "messages.json").exists() else "no messages")
    return 0


if __name__ == "__main__":
    sys.exit(main())

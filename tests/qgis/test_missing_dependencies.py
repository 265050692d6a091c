"""Without shapely or pandas the plugin still loads, lists its algorithms and explains what to install.

QGIS ships numpy but not always shapely 2 or pandas; ``qgis_process`` and the desktop must then show
a message with the install command, never a traceback. The check runs in a fresh interpreter where
importing shapely and pandas fails, as on a machine without them.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    import sys
    sys.modules["shapely"] = None   # any "import shapely" now raises ImportError
    sys.modules["pandas"] = None
    sys.path.insert(0, {pkg!r})
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(QgsApplication.pkgDataPath() + "/python/plugins")
    from processing.core.Processing import Processing
    Processing.initialize()
    import friches_tierslieux
    plugin = friches_tierslieux.classFactory(None)
    plugin.initProcessing()
    provider = QgsApplication.processingRegistry().providerById("friches")
    print("ALGORITHMS", sorted(a.id() for a in provider.algorithms()))
    from qgis import processing
    from qgis.core import QgsProcessingException
    try:
        params = {{"INPUT": {csv!r}, "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": "TEMPORARY_OUTPUT"}}
        processing.run("friches:import_inventory", params)
    except QgsProcessingException as exc:
        print("MESSAGE", str(exc).replace("\\n", " "))
    """
)


def test_plugin_loads_and_explains_without_shapely_and_pandas(tmp_dir):
    pkg = tmp_dir / "pkg"
    pkg.mkdir()
    (pkg / "friches_tierslieux").symlink_to(ROOT, target_is_directory=True)
    script = tmp_dir / "check.py"
    csv = ROOT / "tests" / "data" / "cnig" / "fichier-valide.csv"
    script.write_text(SCRIPT.format(pkg=str(pkg), csv=str(csv)), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=180,
                          env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_dir)})
    out = done.stdout
    assert "ALGORITHMS" in out, done.stderr[-3000:]
    listed = out.split("ALGORITHMS", 1)[1].splitlines()[0]
    for alg in ("friches:import_inventory", "friches:catchment", "friches:transit_service", "friches:zoning_overlay"):
        assert alg in listed, (alg, done.stderr[-3000:])
    message = out.split("MESSAGE", 1)[1] if "MESSAGE" in out else ""
    from friches_tierslieux.dependencies import install_command

    # the command for this platform: pip wheels on Debian 12, the distribution's packages on Debian 13+
    assert "shapely" in message and install_command(["shapely", "pandas"]) in message, out + done.stderr[-2000:]
    assert "Traceback" not in done.stderr

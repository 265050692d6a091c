"""A separate process that writes into an inventory, for the fault tests (``test_inventory_faults.py``),
which kill it with SIGKILL at chosen moments.

    python tests/inventory_worker.py import <input file> <inventory>
    python tests/inventory_worker.py save <inventory> <site_id> <field> <value>

``import`` runs ``friches:import_inventory`` merging into the inventory; ``save`` saves one site as the
panel's form does. The worker prints ``APPLY <time>`` when the store's write transaction starts and
``APPLIED <time>`` when it is committed, then ``DONE``, so that the test can aim its kill.
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / ".pytest_pkg"))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append(str(Path(QgsApplication.pkgDataPath()) / "python" / "plugins"))
    from processing.core.Processing import Processing

    Processing.initialize()
    import friches_tierslieux
    from friches_tierslieux.processing import inventory_gpkg, inventory_postgis

    for cls in (inventory_gpkg.GpkgInventory, inventory_postgis.PostgisInventory):
        for name in ("apply", "save_site"):
            original = getattr(cls, name)

            def traced(self, *args, _original=original, **kwargs):
                print(f"APPLY {time.time():.6f}", flush=True)
                result = _original(self, *args, **kwargs)
                print(f"APPLIED {time.time():.6f}", flush=True)
                return result

            setattr(cls, name, traced)

    plugin = friches_tierslieux.classFactory(None)
    plugin.initProcessing()
    mode = argv[0]
    if mode == "import":
        from qgis import processing
        from qgis.core import QgsVectorLayer

        source = QgsVectorLayer(argv[1], "input", "ogr")
        processing.run("friches:import_inventory", {
            "INPUT": source, "INVENTORY": argv[2], "OUTPUT": "memory:", "OUTPUT_POLYGONS": "memory:",
            "REPORT": "memory:"})
    elif mode == "save":
        from friches_tierslieux.processing.inventory_location import parse_location
        from friches_tierslieux.processing.inventory_store import open_inventory

        store = open_inventory(parse_location(argv[1]), create=False)
        version = store.read_sites()[argv[2]].version
        store.save_site(argv[2], {argv[3]: argv[4]}, version)
        store.close()
    print("DONE", flush=True)
    os._exit(0)  # no exitQgis(): QGIS 3.22 may crash on exit, the test only reads DONE


if __name__ == "__main__":
    main(sys.argv[1:])

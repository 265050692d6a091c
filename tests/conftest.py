"""Shared fixtures: the plugin package importable under its installed name, loaded as QGIS would.

The repository root *is* the plugin folder, installed as ``friches_tierslieux``; the tests import it
under that name through a symlink in ``.pytest_pkg/`` (ignored by git), never by putting the root on
``sys.path`` (its ``processing/`` folder would hide QGIS's own ``processing`` package).
"""

import contextlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "friches_tierslieux"
_PKG_DIR = ROOT / ".pytest_pkg"
_PKG_DIR.mkdir(exist_ok=True)
_LINK = _PKG_DIR / PACKAGE
if not _LINK.exists():
    with contextlib.suppress(FileExistsError):
        _LINK.symlink_to(ROOT, target_is_directory=True)
if str(_PKG_DIR) not in sys.path:
    sys.path.insert(0, str(_PKG_DIR))
# the helpers shared by the tests (gtfs_builders, import_helpers…): tests run in importlib mode, which
# puts no test folder on the path by itself
_TESTS = str(ROOT / "tests")
if _TESTS not in sys.path:
    sys.path.insert(1, _TESTS)

DATA = ROOT / "tests" / "data"
DEMO = ROOT / "demo" / "ingeville"


@pytest.fixture(scope="session")
def plugin(qgis_app, qgis_iface, qgis_processing):
    """The plugin as QGIS loads it: classFactory, initProcessing, initGui; unloaded at the end."""
    import friches_tierslieux

    instance = friches_tierslieux.classFactory(qgis_iface)
    instance.initProcessing()
    instance.initGui()
    yield instance
    instance.unload()


@pytest.fixture()
def processing_context(qgis_app):
    """A Processing context like the desktop's: the current project, stop on invalid geometries."""
    from qgis.core import QgsFeatureRequest, QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryAbortOnInvalid)
    yield context
    # QGIS 3.22 can crash at teardown when a context still holds temporary layers on a GeoPackage that
    # the test also opened: release them first.
    context.temporaryLayerStore().removeAllMapLayers()


@pytest.fixture()
def feedback(qgis_app):
    from qgis.core import QgsProcessingFeedback

    return QgsProcessingFeedback()


@pytest.fixture()
def tmp_dir():
    path = Path(tempfile.mkdtemp(prefix="friches_test_"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def pytest_report_header(config):
    try:
        from qgis.core import Qgis

        platform = os.environ.get("QT_QPA_PLATFORM", "")
        return f"QGIS {Qgis.QGIS_VERSION}, Python {sys.version.split()[0]}, QT_QPA_PLATFORM={platform}"
    except Exception:
        return None


# -- PostgreSQL / PostGIS ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def postgis_cluster():
    """A throw-away PostgreSQL + PostGIS cluster for the session (``tests/pg_cluster.py``), stopped at the
    end. When it cannot start, every test that needs it FAILS with the reason (never a skip): `make test`
    installs the packages (`make postgis-packages`)."""
    import subprocess

    from pg_cluster import ClusterError, PgCluster

    try:
        import psycopg2  # noqa: F401  (the tests' second, independent connection)
    except ImportError:
        pytest.fail("The PostGIS tests need psycopg2 for their second connection: install python3-psycopg2 "
                    "(`make postgis-packages`).", pytrace=False)
    try:
        cluster = PgCluster().start()
    except (ClusterError, OSError, subprocess.SubprocessError) as exc:
        pytest.fail(f"The PostGIS tests could not start their PostgreSQL cluster: {exc}", pytrace=False)
    yield cluster
    cluster.stop()


#: Two technicians of the team: database roles with their passwords.
PG_ROLES = (("tech_a", "mdp-a-1234"), ("tech_b", "mdp-b-5678"))


@pytest.fixture()
def pg_database(postgis_cluster):
    """A fresh database with PostGIS, in which tech_a and tech_b may create and edit."""
    import uuid

    name = "inv_" + uuid.uuid4().hex[:10]
    postgis_cluster.create_database(name, roles=PG_ROLES)
    return name

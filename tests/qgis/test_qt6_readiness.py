"""QGIS 4 (Qt 6) readiness: ``supportsQt6=True`` in metadata.txt is backed by a scan of the shipped code.

No Qt 6 build of QGIS is packaged for the machines that build the plugin, so ``scripts/qt6_check.py``
resolves every Qt and QGIS attribute chain of the code against the running QGIS and reports what PyQt 6
and QGIS 4 reject: unscoped enums, ``exec_``, imports that bypass ``qgis.PyQt``, QVariant field types,
names moved to ``Qgis.*`` outside ``compat.py`` and Qt APIs removed in Qt 6. The scanner is first shown
to catch each of those on a sample, so that a clean scan means something.
"""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import qt6_check  # noqa: E402

# what the scanner must catch, kept out of the .py files so that no tool takes it for the plugin's own code
BAD_SAMPLE = (ROOT / "tests" / "data" / "qt6" / "bad_sample.py.txt").read_text(encoding="utf-8")

GOOD_SAMPLE = '''
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QAction, QDialog, QMessageBox
from qgis.core import NULL, Qgis, QgsVectorFileWriter, QgsWkbTypes
align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
answer = QMessageBox.StandardButton.Yes
QDialog().exec()
level = Qgis.MessageLevel.Warning
multi = QgsWkbTypes.isMultiType(Qgis.WkbType.MultiPolygon if hasattr(Qgis, "WkbType") else 6)
value = NULL
if hasattr(QgsVectorFileWriter, "writeAsVectorFormatV3"):
    QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, context, options)
else:
    QgsVectorFileWriter.writeAsVectorFormatV2(layer, path, context, options)
'''


@pytest.fixture(scope="module")
def sample_findings(tmp_path_factory, qgis_app):
    folder = tmp_path_factory.mktemp("qt6")
    bad, good = folder / "bad.py", folder / "good.py"
    bad.write_text(BAD_SAMPLE, encoding="utf-8")
    good.write_text(GOOD_SAMPLE, encoding="utf-8")
    return qt6_check.scan([bad]), qt6_check.scan([good])


@pytest.mark.parametrize("expected", [
    "from PyQt5.QtCore import",
    "QRegExp: removed in Qt 6",
    "QAction from QtGui does not exist on QGIS 3.22",
    "unscoped enum Qt.AlignLeft: write Qt.AlignmentFlag.AlignLeft",
    "unscoped enum QMessageBox.Yes: write QMessageBox.StandardButton.Yes",
    "exec_(): use exec()",
    "QVariant.Int: field types go through compat.make_field",
    "unscoped enum Qgis.Warning: write Qgis.MessageLevel.Warning",
    "QgsWkbTypes.GeometryType.PolygonGeometry: moved to Qgis.GeometryType",
    "QgsProcessing.SourceType.TypeVectorPoint: moved to Qgis.ProcessingSourceType",
    "QVariant(): use qgis.core.NULL",
    "QgsUnitTypes.DistanceUnit.DistanceMeters: moved to Qgis.DistanceUnit",
    "activated[str]: the overload is gone in Qt 6",
    "parameterAsFields(): deprecated in QGIS 3.40",
])
def test_the_scanner_catches_each_kind_of_problem(sample_findings, expected):
    bad, _good = sample_findings
    assert any(expected in line for line in bad), (expected, bad)


def test_the_scanner_accepts_code_written_for_both(sample_findings):
    _bad, good = sample_findings
    assert good == []


def test_the_shipped_code_is_ready_for_qt6(qgis_app):
    files = list(qt6_check.shipped_files())
    assert len(files) > 30 and any(f.name == "plugin.py" for f in files)
    findings = qt6_check.scan(files)
    assert findings == [], "\n".join(findings)


def test_metadata_claims_qgis_4():
    metadata = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert "supportsQt6=True" in metadata
    assert "qgisMinimumVersion=3.22" in metadata and "qgisMaximumVersion=4.99" in metadata

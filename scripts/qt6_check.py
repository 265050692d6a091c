"""Scan the plugin's code for what breaks under Qt 6 and QGIS 4, so that ``supportsQt6=True`` is backed by a check.

No Qt 6 build of QGIS is packaged for the machines that build this project, so this reads the code instead
of running it there. It resolves every attribute chain that starts at a name imported from ``qgis.PyQt``,
``qgis.core`` or ``qgis.gui`` against the real modules of the running QGIS, and reports:

- **unscoped enums**: ``Qt.AlignLeft`` resolves to an enum value through a class that is not the enum's
  own type; PyQt 6 only knows ``Qt.AlignmentFlag.AlignLeft`` (QGIS's pyqt5_to_pyqt6 migration script
  scopes them the same way);
- **imports that bypass qgis.PyQt** (PyQt5, PyQt6, sip, PySide) and ``exec_`` (gone in PyQt 6);
- **QVariant field types** (``QVariant.Int``…) outside ``compat.py``: QGIS 3.38+ expects ``QMetaType``
  and QGIS 4 drops the QVariant constructor of ``QgsField``; ``QVariant()`` as a null value (use ``NULL``);
- **names that moved or were removed**: Processing, geometry-type, layer-filter and unit enums that moved
  to ``Qgis.*`` (allowed only in ``compat.py``, which picks by version), and Qt APIs removed in Qt 6
  (QRegExp, QDesktopWidget, QtWebKit, ``qApp``, ``activated[str]``, ``QTextStream.setCodec``, compiled
  resources, QAction from QtGui which QGIS 3.22 lacks).

Usage: qt6_check.py [files or folders…]   (default: the files the plugin package ships); exit 1 on findings.
Needs QGIS's Python (``/usr/bin/python3`` or the venv).
"""

import ast
import enum
import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: folders that are not shipped in the plugin package (see the Makefile's package target)
NOT_SHIPPED = {"tests", "benchmarks", "scripts", "demo", ".venv", ".pytest_pkg", "build", "dist", "out", ".git"}
COMPAT = ROOT / "compat.py"
QT_MODULE_PREFIXES = ("qgis.PyQt", "qgis.core", "qgis.gui", "qgis._core", "qgis._gui")
FORBIDDEN_IMPORTS = ("PyQt5", "PyQt6", "sip", "PySide2", "PySide6", "qgis.PyQt.uic.pyuic")
#: QVariant members that are field types (QGIS 3.38+ QMetaType.Type)
QVARIANT_TYPES = {"Int", "UInt", "LongLong", "ULongLong", "Double", "String", "Date", "DateTime", "Time",
                  "Bool", "ByteArray", "StringList", "List", "Map", "Invalid", "Char"}
#: (chain prefix, why and what to use): allowed only in compat.py
MOVED = (
    (("QgsProcessing", "SourceType"), "moved to Qgis.ProcessingSourceType in 3.36 (compat.SOURCE_*)"),
    (("QgsProcessingAlgorithm", "Flag"), "moved to Qgis.ProcessingAlgorithmFlag in 3.36 (compat.FLAG_*)"),
    (("QgsProcessingParameterDefinition", "Flag"), "moved to Qgis.ProcessingParameterFlag in 3.36 (compat)"),
    (("QgsProcessingParameterNumber", "Type"), "moved to Qgis.ProcessingNumberParameterType in 3.36 (compat)"),
    (("QgsProcessingParameterFile", "Behavior"), "moved to Qgis.ProcessingFileParameterBehavior in 3.36 (compat)"),
    (("QgsProcessingFeatureSource", "Flag"), "moved to Qgis.ProcessingFeatureSourceFlag in 3.36 (compat)"),
    (("QgsWkbTypes", "Type"), "moved to Qgis.WkbType in 3.30 (compat.WKB_*)"),
    (("QgsWkbTypes", "GeometryType"), "moved to Qgis.GeometryType in 3.30 (compat.GEOMETRY_*)"),
    (("QgsMapLayerProxyModel", "Filter"), "moved to Qgis.LayerFilter in 3.34 (compat.LAYER_FILTER_*)"),
    (("QgsUnitTypes", "DistanceUnit"), "moved to Qgis.DistanceUnit in 3.30"),
    (("QgsUnitTypes", "AreaUnit"), "moved to Qgis.AreaUnit in 3.30"),
    (("QgsUnitTypes", "LayoutUnit"), "moved to Qgis.LayoutUnit in 3.30"),
    (("QgsUnitTypes", "RenderUnit"), "moved to Qgis.RenderUnit in 3.30"),
    (("QgsRenderContext", "TextRenderFormat"), "use Qgis.TextRenderFormat (QGIS 3.22+)"),
    (("QgsMapLayerRegistry",), "removed: QgsProject.instance()"),
    (("QgsMessageLog", "WARNING"), "removed: Qgis.MessageLevel.Warning"),
)
#: methods deprecated in the QGIS versions users run (met in the test suite on 3.40 and 3.44), checked on
#: any object: allowed only in compat.py, which picks the replacement by version
DEPRECATED_METHODS = {
    "parameterAsFields": "deprecated in QGIS 3.40: compat.parameter_as_fields",
    "setMinimal": "deprecated in QGIS 3.44: compat.set_rectangle_null",
    "writeAsVectorFormat": "removed in QGIS 4: writeAsVectorFormatV3",
    "writeAsVectorFormatV2": "deprecated in QGIS 3.40: writeAsVectorFormatV3",
}
#: names whose import or use breaks on Qt 6
REMOVED_NAMES = {
    "QRegExp": "removed in Qt 6: QRegularExpression",
    "QDesktopWidget": "removed in Qt 6: QScreen",
    "qApp": "removed in PyQt 6: QApplication.instance()",
    "QtWebKit": "no Qt 6 equivalent shipped with QGIS",
    "QtWebKitWidgets": "no Qt 6 equivalent shipped with QGIS",
    "resources_rc": "compiled resources are not supported on PyQt 6: load files by path",
}


def shipped_files():
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if rel.parts and rel.parts[0] in NOT_SHIPPED:
            continue
        yield path


def is_enum_value(obj) -> bool:
    """True for a member of a Python enum (QGIS's scoped enums) or of a sip enum (PyQt 5)."""
    if isinstance(obj, enum.Enum):
        return True
    kind = type(obj)
    return isinstance(obj, int) and kind not in (int, bool) and type(kind).__name__ in ("enumtype", "EnumType")


def _chain(node):
    """[root name, attr, attr…] of an attribute chain ending at ``node``, or None (calls, subscripts…)."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        return [node.id, *reversed(parts)]
    return None


class Scanner(ast.NodeVisitor):
    def __init__(self, path: Path, tree: ast.AST):
        self.path = path
        self.rel = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        self.is_compat = path.resolve() == COMPAT
        self.imported = {}  # local name -> object from a Qt or QGIS module
        self.findings = []
        for node in ast.walk(tree):  # every import first: chains may use names imported later in the file
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                self._note_import(node)
        self._fallbacks = []
        self._inner = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                self._inner.add(id(node.value))

    def report(self, node, message):
        self.findings.append(f"{self.rel}:{getattr(node, 'lineno', 0)}: {message}")

    def _note_import(self, node):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("PyQt5", "PyQt6", "sip", "PySide2", "PySide6"):
                    self.report(node, f"import {alias.name}: import from qgis.PyQt instead")
            return
        module = node.module or ""
        if node.level == 0 and module.split(".")[0] in ("PyQt5", "PyQt6", "sip", "PySide2", "PySide6"):
            self.report(node, f"from {module} import …: import from qgis.PyQt instead")
            return
        for alias in node.names:
            if alias.name in REMOVED_NAMES:
                self.report(node, f"{alias.name}: {REMOVED_NAMES[alias.name]}")
            if module == "qgis.PyQt.QtGui" and alias.name in ("QAction", "QActionGroup", "QShortcut"):
                self.report(node, f"{alias.name} from QtGui does not exist on QGIS 3.22: import it from QtWidgets")
        if node.level or not module.startswith(QT_MODULE_PREFIXES):
            return
        try:
            mod = importlib.import_module(module)
        except ImportError as exc:
            self.report(node, f"cannot import {module}: {exc}")
            return
        for alias in node.names:
            if alias.name == "*":
                continue
            obj = getattr(mod, alias.name, None)
            if obj is None:  # a submodule (from qgis.PyQt import sip)
                try:
                    obj = importlib.import_module(f"{module}.{alias.name}")
                except ImportError:
                    obj = None
            if obj is None:
                self.report(node, f"{module}.{alias.name} does not exist in this QGIS")
                continue
            self.imported[alias.asname or alias.name] = obj

    def _guarded(self, node):
        """True inside the fallback branch of ``if hasattr(X, "newer")``: the version test is explicit."""
        return any(id(node) in guarded for guarded in self._fallbacks)

    def visit_If(self, node):
        test = node.test
        if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id == "hasattr"
                and node.orelse):
            self._fallbacks.append({id(n) for branch in node.orelse for n in ast.walk(branch)})
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        if node.name == "exec_":
            self.report(node, "def exec_: PyQt 6 only knows exec()")
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # noqa: N815 (ast.NodeVisitor naming)

    def visit_Name(self, node):
        if node.id in REMOVED_NAMES and node.id != "resources_rc":
            self.report(node, f"{node.id}: {REMOVED_NAMES[node.id]}")

    def visit_Call(self, node):
        chain = _chain(node.func)
        if chain == ["QVariant"]:
            self.report(node, "QVariant(): use qgis.core.NULL for a null value")
        self.generic_visit(node)

    def visit_Subscript(self, node):
        signal = node.value.attr if isinstance(node.value, ast.Attribute) else None
        if signal in ("activated", "currentIndexChanged", "highlighted") and isinstance(
                node.slice, ast.Name) and node.slice.id == "str":
            self.report(node, f"{signal}[str]: the overload is gone in Qt 6, use textActivated / the int signal")
        self.generic_visit(node)

    def visit_Attribute(self, node):
        if node.attr == "exec_":
            self.report(node, "exec_(): use exec()")
        elif node.attr == "setCodec":
            self.report(node, "setCodec(): QTextStream.setCodec is gone in Qt 6 (encoding is UTF-8)")
        elif node.attr in DEPRECATED_METHODS and not self.is_compat and not self._guarded(node):
            self.report(node, f"{node.attr}(): {DEPRECATED_METHODS[node.attr]}")
        if id(node) not in self._inner:
            chain = _chain(node)
            if chain:
                self._check_chain(node, chain)
        self.generic_visit(node)

    def _check_chain(self, node, chain):
        root = chain[0]
        if root == "QVariant" and len(chain) > 1 and chain[1] in QVARIANT_TYPES:
            if not self.is_compat:  # compat.py uses them only below QGIS 3.38, on Qt 5
                self.report(node, f"QVariant.{chain[1]}: field types go through compat.make_field (QMetaType "
                                  "from 3.38)")
            return
        if root not in self.imported:
            return
        if not self.is_compat:
            for prefix, why in MOVED:
                if tuple(chain[: len(prefix)]) == prefix:
                    self.report(node, f"{'.'.join(chain)}: {why}")
                    return
        parent = self.imported[root]
        for depth, name in enumerate(chain[1:], start=1):
            try:
                obj = getattr(parent, name)
            except Exception:
                return  # an instance attribute, a method's result: nothing more to resolve
            if is_enum_value(obj) and parent is not type(obj):
                scoped = f"{type(obj).__name__}.{name}"
                self.report(node, f"unscoped enum {'.'.join(chain[: depth + 1])}: write "
                                  f"{'.'.join(chain[:depth])}.{scoped}")
                return
            parent = obj


def scan(paths):
    findings = []
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        scanner = Scanner(path, tree)
        scanner.visit(tree)
        findings.extend(scanner.findings)
        if "resources_rc" in path.read_text(encoding="utf-8"):
            findings.append(f"{scanner.rel}: resources_rc: {REMOVED_NAMES['resources_rc']}")
    return findings


def main(argv=None):
    args = sys.argv[1:] if argv is None else argv
    paths = []
    for arg in args:
        p = Path(arg).resolve()
        paths.extend(sorted(p.rglob("*.py")) if p.is_dir() else [p])
    findings = scan(paths or list(shipped_files()))
    for line in findings:
        print(line)
    print(f"{len(findings)} finding(s)", file=sys.stderr)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())

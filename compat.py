"""One codebase for QGIS 3.22 to 4.x: the few names that moved between versions, chosen once here.

Why: QGIS 3.36 moved Processing enums into ``Qgis.*`` and QGIS 4 drops the old class-scoped names;
QGIS 3.38 moved field types from ``QVariant`` to ``QMetaType``; QGIS 3.30 moved geometry types to
``Qgis.WkbType``. Every other module imports these names from here instead of testing versions itself.
"""

from qgis.core import (
    Qgis,
    QgsField,
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

QGIS_VERSION_INT = Qgis.QGIS_VERSION_INT

if QGIS_VERSION_INT >= 33600:
    SOURCE_POINT = Qgis.ProcessingSourceType.VectorPoint
    SOURCE_LINE = Qgis.ProcessingSourceType.VectorLine
    SOURCE_POLYGON = Qgis.ProcessingSourceType.VectorPolygon
    SOURCE_ANY_GEOMETRY = Qgis.ProcessingSourceType.VectorAnyGeometry
    SOURCE_VECTOR = Qgis.ProcessingSourceType.Vector
    SOURCE_FILE = Qgis.ProcessingSourceType.File
    FLAG_NO_THREADING = Qgis.ProcessingAlgorithmFlag.NoThreading
    FLAG_ADVANCED = Qgis.ProcessingParameterFlag.Advanced
    FLAG_OPTIONAL = Qgis.ProcessingParameterFlag.Optional
    NUMBER_DOUBLE = Qgis.ProcessingNumberParameterType.Double
    NUMBER_INTEGER = Qgis.ProcessingNumberParameterType.Integer
    FILE_BEHAVIOR_FILE = Qgis.ProcessingFileParameterBehavior.File
    FILE_BEHAVIOR_FOLDER = Qgis.ProcessingFileParameterBehavior.Folder
    #: lets an algorithm read invalid geometries (to repair them) whatever the context's setting
    SKIP_GEOMETRY_CHECKS = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks
else:  # QGIS 3.22 - 3.34
    SOURCE_POINT = QgsProcessing.SourceType.TypeVectorPoint
    SOURCE_LINE = QgsProcessing.SourceType.TypeVectorLine
    SOURCE_POLYGON = QgsProcessing.SourceType.TypeVectorPolygon
    SOURCE_ANY_GEOMETRY = QgsProcessing.SourceType.TypeVectorAnyGeometry
    SOURCE_VECTOR = QgsProcessing.SourceType.TypeVector
    SOURCE_FILE = QgsProcessing.SourceType.TypeFile
    FLAG_NO_THREADING = QgsProcessingAlgorithm.Flag.FlagNoThreading
    from qgis.core import QgsProcessingParameterDefinition as _Def

    FLAG_ADVANCED = _Def.Flag.FlagAdvanced
    FLAG_OPTIONAL = _Def.Flag.FlagOptional
    NUMBER_DOUBLE = QgsProcessingParameterNumber.Type.Double
    NUMBER_INTEGER = QgsProcessingParameterNumber.Type.Integer
    FILE_BEHAVIOR_FILE = QgsProcessingParameterFile.Behavior.File
    FILE_BEHAVIOR_FOLDER = QgsProcessingParameterFile.Behavior.Folder
    from qgis.core import QgsProcessingFeatureSource as _Source

    SKIP_GEOMETRY_CHECKS = _Source.Flag.FlagSkipGeometryValidityChecks

if QGIS_VERSION_INT >= 33000:
    WKB_POINT = Qgis.WkbType.Point
    WKB_MULTIPOINT = Qgis.WkbType.MultiPoint
    WKB_POLYGON = Qgis.WkbType.Polygon
    WKB_MULTIPOLYGON = Qgis.WkbType.MultiPolygon
    WKB_MULTILINESTRING = Qgis.WkbType.MultiLineString
    WKB_NO_GEOMETRY = Qgis.WkbType.NoGeometry
    WKB_UNKNOWN = Qgis.WkbType.Unknown
else:
    WKB_POINT = QgsWkbTypes.Type.Point
    WKB_MULTIPOINT = QgsWkbTypes.Type.MultiPoint
    WKB_POLYGON = QgsWkbTypes.Type.Polygon
    WKB_MULTIPOLYGON = QgsWkbTypes.Type.MultiPolygon
    WKB_MULTILINESTRING = QgsWkbTypes.Type.MultiLineString
    WKB_NO_GEOMETRY = QgsWkbTypes.Type.NoGeometry
    WKB_UNKNOWN = QgsWkbTypes.Type.Unknown

if hasattr(Qgis, "LayerFilter"):  # QGIS >= 3.34
    LAYER_FILTER_POINT = Qgis.LayerFilter.PointLayer
    LAYER_FILTER_VECTOR = Qgis.LayerFilter.VectorLayer
else:
    from qgis.core import QgsMapLayerProxyModel as _Proxy

    LAYER_FILTER_POINT = _Proxy.Filter.PointLayer
    LAYER_FILTER_VECTOR = _Proxy.Filter.VectorLayer

if hasattr(Qgis, "GeometryType"):  # QGIS >= 3.30
    GEOMETRY_POINT, GEOMETRY_POLYGON = Qgis.GeometryType.Point, Qgis.GeometryType.Polygon
    GEOMETRY_LINE, GEOMETRY_NULL = Qgis.GeometryType.Line, Qgis.GeometryType.Null
else:
    GEOMETRY_POINT = QgsWkbTypes.GeometryType.PointGeometry
    GEOMETRY_POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry
    GEOMETRY_LINE = QgsWkbTypes.GeometryType.LineGeometry
    GEOMETRY_NULL = QgsWkbTypes.GeometryType.NullGeometry

if hasattr(Qgis, "DistanceUnit"):  # QGIS >= 3.30
    DISTANCE_METERS = Qgis.DistanceUnit.Meters
else:
    from qgis.core import QgsUnitTypes as _Units

    DISTANCE_METERS = _Units.DistanceUnit.DistanceMeters

if QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    _TYPES = {
        "string": QMetaType.Type.QString,
        "int": QMetaType.Type.Int,
        "int64": QMetaType.Type.LongLong,
        "double": QMetaType.Type.Double,
        "date": QMetaType.Type.QDate,
        "bool": QMetaType.Type.Bool,
    }
else:
    from qgis.PyQt.QtCore import QVariant

    _TYPES = {
        "string": QVariant.String,
        "int": QVariant.Int,
        "int64": QVariant.LongLong,
        "double": QVariant.Double,
        "date": QVariant.Date,
        "bool": QVariant.Bool,
    }


def make_field(name: str, kind: str, length: int = 0, comment: str = "") -> QgsField:
    """A ``QgsField`` of ``kind`` in string, int, int64, double, date, bool, on any QGIS version."""
    fld = QgsField(name, _TYPES[kind])
    if length:
        fld.setLength(length)
    if comment:
        fld.setComment(comment)
    return fld


def parameter_as_fields(algorithm, parameters, name, context):
    """The field names chosen in a field parameter: ``parameterAsStrings`` from QGIS 3.32 on
    (``parameterAsFields`` is deprecated in 3.40 and goes in QGIS 4), ``parameterAsFields`` before."""
    if hasattr(algorithm, "parameterAsStrings"):
        return algorithm.parameterAsStrings(parameters, name, context)
    return algorithm.parameterAsFields(parameters, name, context)


def set_rectangle_null(rectangle):
    """Make ``rectangle`` the empty rectangle that ``combineExtentWith`` grows from (``setNull`` from QGIS
    3.34; ``setMinimal``, deprecated in 3.44, before)."""
    if hasattr(rectangle, "setNull"):
        rectangle.setNull()
    else:
        rectangle.setMinimal()
    return rectangle

# Processing date parameters: the type enum moved to Qgis in 3.36 (the class-scoped name goes in QGIS 4).
if hasattr(Qgis, "ProcessingDateTimeParameterDataType"):
    DATETIME_DATE = Qgis.ProcessingDateTimeParameterDataType.Date
    DATETIME_DATETIME = Qgis.ProcessingDateTimeParameterDataType.DateTime
else:
    from qgis.core import QgsProcessingParameterDateTime as _DateTimeParam

    DATETIME_DATE = _DateTimeParam.Type.Date
    DATETIME_DATETIME = _DateTimeParam.Type.DateTime

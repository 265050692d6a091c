"""Layers and runs the catchment tests share: point sites in a memory layer, a feedback that keeps its
messages, a Processing context with planar lengths, the polygons of an output by site."""

from __future__ import annotations

import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingContext, QgsProcessingFeedback, QgsProject, QgsVectorLayer


class Recorder(QgsProcessingFeedback):
    """A feedback keeping its info and warning messages."""

    def __init__(self):
        super().__init__()
        self.infos, self.warnings = [], []

    def pushInfo(self, text):
        self.infos.append(text)
        super().pushInfo(text)

    def pushWarning(self, text):
        self.warnings.append(text)
        super().pushWarning(text)

    def said(self, words) -> bool:
        return any(words in text for text in self.infos)


def point_sites(points: dict, crs: str = "EPSG:2154") -> QgsVectorLayer:
    """A memory layer of points with a ``site_id`` field: ``points`` maps site ids to (x, y)."""
    layer = QgsVectorLayer(f"Point?crs={crs}&field=site_id:string", "sites", "memory")
    features = []
    for site_id, (x, y) in points.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([site_id])
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT ({x} {y})"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def context() -> QgsProcessingContext:
    """A Processing context on the current project, lengths planar (as the catchment algorithm measures)."""
    out = QgsProcessingContext()
    out.setProject(QgsProject.instance())
    out.setEllipsoid("NONE")
    return out


def run(alg: str, params: dict, feedback=None):
    """``processing.run`` of ``alg`` (an id such as friches:catchment) in a fresh ``context()``."""
    from qgis import processing

    return processing.run(alg, params, context=context(), feedback=feedback or QgsProcessingFeedback())


def by_site(layer, *fields) -> dict:
    """{site_id: (shapely geometry, *fields)} of an output layer."""
    return {f["site_id"]: (shapely.from_wkb(bytes(f.geometry().asWkb())), *(f[name] for name in fields))
            for f in layer.getFeatures()}

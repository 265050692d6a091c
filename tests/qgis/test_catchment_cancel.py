"""Progress and cancel at every stage of ``friches:catchment`` and ``friches:coverage_gaps``: reading the network,
building the graph, tying the sites, searching and drawing, counting the population, writing. A cancel asked in
the middle of a stage ends the run within a second of CPU time (the machine's load does not count), with no
output written; and every stage reports progress."""

import time

import numpy as np
import pytest
import shapely
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

#: generous: a cancel is heard within a few hundredths of a second of CPU; one second is the requirement
CANCEL_CPU_S = 1.0


class StageFeedback(QgsProcessingFeedback):
    """Records the stage messages and the progress reported in each; cancels in the middle of ``stage``
    (at its ``after``-th progress report, or when the next message comes if it reports none)."""

    def __init__(self, stage=None, after=2):
        super().__init__()
        self.stage, self.after = stage, after
        self.current = None
        self.progress = {}
        self.canceled_at = None
        self.canceled_in = None
        self.progressChanged.connect(self._progress)

    def setProgressText(self, text):
        self._maybe_cancel_on_message()
        self.current = text
        self.progress.setdefault(text, [])
        super().setProgressText(text)

    def pushInfo(self, text):
        self._maybe_cancel_on_message()
        super().pushInfo(text)

    def _maybe_cancel_on_message(self):
        if self.stage and self.current and self.stage in self.current and self.canceled_at is None and \
                len(self.progress.get(self.current, [])) >= 1:
            self._cancel()

    def _progress(self, value):
        if self.current is None:
            return
        self.progress.setdefault(self.current, []).append(value)
        if (self.stage and self.stage in self.current and self.canceled_at is None
                and len(self.progress[self.current]) >= self.after):
            self._cancel()

    def _cancel(self):
        self.canceled_at = time.process_time()
        self.canceled_in = self.current
        self.cancel()


def _town(tmp_dir, n=100, spacing=100.0, seed=1):
    """A GeoPackage street grid of n x n junctions (19,800 lines with a bend each), OSM attributes; 150 sites."""
    from osgeo import ogr, osr

    rng = np.random.default_rng(seed)
    xy = np.stack(np.meshgrid(np.arange(n), np.arange(n), indexing="ij"), axis=-1).reshape(-1, 2) * spacing
    xy = xy + rng.uniform(-15, 15, size=xy.shape) + (600_000.0, 6_600_000.0)
    ids = np.arange(n * n).reshape(n, n)
    a = np.concatenate([ids[:-1, :].ravel(), ids[:, :-1].ravel()])
    b = np.concatenate([ids[1:, :].ravel(), ids[:, 1:].ravel()])
    mid = (xy[a] + xy[b]) / 2 + rng.uniform(-5, 5, size=(len(a), 2))
    wkbs = shapely.to_wkb(shapely.linestrings(np.stack([xy[a], mid, xy[b]], axis=1)))
    path = tmp_dir / "town.gpkg"
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(2154)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = ds.CreateLayer("roads", srs, ogr.wkbLineString)
    for name in ("highway", "maxspeed"):
        layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    layer.StartTransaction()
    for wkb in wkbs:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkb(wkb))
        feature.SetField("highway", "residential")
        feature.SetField("maxspeed", "30")
        layer.CreateFeature(feature)
    layer.CommitTransaction()
    ds = None
    span = (n - 1) * spacing
    sites = QgsVectorLayer("Point?crs=EPSG:2154&field=site_id:string", "sites", "memory")
    points = []
    origin = np.array([600_000.0, 6_600_000.0])
    for k, (x, y) in enumerate(rng.uniform(0.1 * span, 0.9 * span, size=(150, 2)) + origin):
        feature = QgsFeature(sites.fields())
        feature.setAttributes([f"S{k}"])
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT ({x} {y})"))
        points.append(feature)
    sites.dataProvider().addFeatures(points)
    grid = QgsVectorLayer("Polygon?crs=EPSG:2154&field=ind:double", "grid", "memory")
    cells = []
    for i in range(int(span // 200) + 1):
        for j in range(int(span // 200) + 1):
            x, y = 600_000 + 200 * i, 6_600_000 + 200 * j
            cell = QgsFeature(grid.fields())
            cell.setAttributes([float(rng.integers(0, 100))])
            cell.setGeometry(QgsGeometry.fromWkt(
                f"POLYGON(({x} {y},{x + 200} {y},{x + 200} {y + 200},{x} {y + 200},{x} {y}))"))
            cells.append(cell)
    grid.dataProvider().addFeatures(cells)
    return f"{path}|layername=roads", sites, grid


@pytest.fixture(scope="module")
def town(tmp_path_factory, qgis_app):
    return _town(tmp_path_factory.mktemp("town"))


@pytest.fixture(autouse=True)
def no_cache():
    from friches_tierslieux.core.network.cache import GRAPHS

    GRAPHS.clear()
    yield
    GRAPHS.clear()


def _params(alg, town, out_dir):
    network, sites, grid = town
    if alg == "catchment":
        return {"INPUT": sites, "NETWORK": network, "MODE": 0, "TIMES": "5,10", "POPULATION": grid,
                "POPULATION_FIELD": "ind", "OUTPUT": str(out_dir / "catchments.gpkg"),
                "OUTPUT_SITES": str(out_dir / "sites.gpkg")}
    return {"INPUT": sites, "CANDIDATES": sites, "NETWORK": network, "MODE": 0, "TIME": 10, "POPULATION": grid,
            "POPULATION_FIELD": "ind", "OUTPUT": str(out_dir / "gaps.gpkg"),
            "OUTPUT_CANDIDATES": str(out_dir / "candidates.gpkg")}


def _run(alg, params, feedback):
    from qgis import processing

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        return processing.run(f"friches:{alg}", params, context=context, feedback=feedback)
    except QgsProcessingException as error:  # a canceled run may end with "Canceled."
        assert feedback.isCanceled(), error
        return {}


STAGES = {
    "catchment": ["Reading the road network", "Building the graph", "Searching the network and drawing",
                  "Counting the population"],
    "coverage_gaps": ["Reading the road network", "Building the graph", "Searching the network and drawing",
                      "Reading the population", "Finding the gaps", "Catchments of the candidates"],
}


@pytest.mark.parametrize("alg", ["catchment", "coverage_gaps"])
def test_every_stage_reports_progress(plugin, town, tmp_dir, alg):
    feedback = StageFeedback()
    result = _run(alg, _params(alg, town, tmp_dir), feedback)
    assert result.get("OUTPUT")
    for stage in STAGES[alg]:
        reported = [v for text, values in feedback.progress.items() if stage in text for v in values]
        assert len(reported) >= 2, (stage, feedback.progress.keys())
    everything = [v for values in feedback.progress.values() for v in values]
    assert max(everything) == pytest.approx(100.0, abs=1.0)


@pytest.mark.parametrize("alg,stage", [(alg, stage) for alg, stages in STAGES.items() for stage in stages])
def test_cancel_in_the_middle_of_every_stage(plugin, town, tmp_dir, alg, stage):
    feedback = StageFeedback(stage)
    params = _params(alg, town, tmp_dir)
    result = _run(alg, params, feedback)
    ended = time.process_time()
    assert feedback.canceled_at is not None, f"never reached {stage}"
    assert stage in feedback.canceled_in
    assert ended - feedback.canceled_at < CANCEL_CPU_S, (stage, ended - feedback.canceled_at)
    assert "OUTPUT" not in result
    for name in ("OUTPUT", "OUTPUT_SITES", "OUTPUT_CANDIDATES"):
        if name in params:
            assert not list(tmp_dir.glob(f"{params[name].rsplit('/', 1)[-1]}*")), name  # nothing written

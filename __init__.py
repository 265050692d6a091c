"""Friches & Tiers-Lieux: QGIS plugin entry point.

Nothing is imported from QGIS's GUI or ``iface`` here: ``qgis_process`` loads the plugin headless and
only calls ``initProcessing()``.
"""


def classFactory(iface):
    from .plugin import FrichesTiersLieuxPlugin

    return FrichesTiersLieuxPlugin(iface)

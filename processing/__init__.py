"""Processing provider ``friches`` and its algorithms: thin adapters between QGIS layers and ``core``."""

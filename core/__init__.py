"""The analysis itself, in pure Python (numpy, pandas, shapely, the standard library).

Nothing here imports Qt or QGIS, so the methods can be read, tested and benchmarked on their own;
Processing algorithms and dock panels are thin adapters over these modules.
"""

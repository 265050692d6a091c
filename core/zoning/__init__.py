"""The zoning overlay, in pure Python: CNIG PLU / carte communale codes, per-site zone shares,
prescriptions and SCOT, compatibility of tiers-lieux uses, and the API Carto "GPU" protocol.

Modules:
- ``codes``: TYPEZONE / TYPESECT normalisation into zone families (u, auc, aus, a, n), readable labels
  of TYPEPSC / TYPEINF / DestinationType / FORMDOMI / DESTDOMI codes (read from ``resources/zoning``).
- ``overlay``: per-site area shares by zone family (shapely 2, vectorised), dominant zone, zone list,
  prescriptions and informations on or near each site, SCOT name.
- ``compatibility``: the editable rules table (``resources/zoning/compatibility_rules.csv``) and its
  evaluation for coworking, fablab and médiation numérique.
- ``gpu_api``: URLs, paging, tiling and response parsing of the API Carto "module Urbanisme (GpU)".

Nothing here imports Qt or QGIS: ``processing/zoning_overlay.py`` and ``processing/load_gpu.py`` are
the adapters.
"""

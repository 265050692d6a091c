"""What each friche would cost, and which to acquire and convert in which year under the budget.

Pure Python (numpy, pandas, scipy): ``dvf`` reads the geolocated DVF file (the open data of property
sales, as Etalab publishes it) into one clean price per mutation; ``land_prices`` turns the comparable
sales around each site into a price per m² and an estimate; ``cost_table`` reads and checks the editable
cost table (``resources/costs/default.json``); ``site_costs`` prices acquisition, works and revenue per
site and use; ``programme`` chooses the multi-year programme exactly as a mixed-integer programme (HiGHS
through ``scipy.optimize.milp``). The method is documented in ``resources/costs/README.md``.
"""

#: Kinds of comparable sale: industrial and commercial premises (price per m² of floor), urban land (per m²).
KIND_PREMISES = "premises"
KIND_LAND = "land"
KINDS = (KIND_PREMISES, KIND_LAND)

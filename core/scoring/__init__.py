"""Scoring of candidate sites for coworking, fablab and médiation numérique, and maximal covering.

Pure Python (numpy, shapely): ``profile`` reads and checks the editable profile (criteria, thresholds,
weights, rules), ``normalize`` turns a site's facts into values between 0 and 1, ``score`` combines them
into a score per use with its reliability, exclusions and caps, ``explain`` writes the French and
English sentences, ``facts`` derives the facts that need geometry or coded values, and ``covering``
chooses sites greedily to cover the most population. The method is documented in
``resources/profiles/README.md``.
"""

USES = ("coworking", "fablab", "mediation")

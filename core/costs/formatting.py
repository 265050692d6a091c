"""Amounts written the French or the English way, for the sentences and documents of the costs."""

from __future__ import annotations

import math
from typing import Optional


def money(value: Optional[float], lang: str, unit: str = "€") -> str:
    """``1 958 100 €`` (French, narrow no-break spaces) or ``1,958,100 €`` (English); a dash for None."""
    if value is None or not math.isfinite(value):
        return "–"
    text = f"{round(value):,}"
    text = text.replace(",", "\u202f") if lang == "fr" else text
    return f"{text}\u00a0{unit}" if unit else text

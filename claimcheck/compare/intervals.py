"""A figure as the interval of values its words allow, and when two figures disagree.

The qualifier ("plus de", "environ", "entre … et …") and the written precision ("3,45 millions"
means 3 445 000–3 455 000) decide the width: a conflict is a non-overlap.
"""

from __future__ import annotations

import math
import re

from claimcheck.compare.keys import KeyTable, to_float
from claimcheck.records import Claim

_NUMBER = re.compile(r"(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+|\d+)(?:,(\d+))?")


def _duration_tolerance(claim: Claim) -> float | None:
    """A time written in parts ("2h20'48", "2 h 05", "12'30"): half of its last part's unit (half a
    second, half a minute), not half of the whole read as one number."""
    if claim.unit != "seconde" or not re.search(r"\d\s*(?:h|'|’|min|mn)\s*\d", claim.text):
        return None
    parts = len(re.findall(r"\d+", claim.text))
    hours = bool(re.search(r"\d\s*h", claim.text))
    if parts >= 3 or (parts == 2 and not hours):
        return 0.5  # down to the second
    return 30.0  # "2h05": down to the minute


def tolerance(claim: Claim) -> float:
    """Half a unit of the last digit written: "3,45 millions" → 5 000; "214" → 0.5; words → 0."""
    duration = _duration_tolerance(claim)
    if duration is not None:
        return duration
    value = to_float(claim.value)
    m = None
    for m in _NUMBER.finditer(claim.text):
        pass
    if m is None or value is None:
        return 0.0
    decimals = len(m.group(2) or "")
    mantissa = float(re.sub(r"[ \u00a0\u202f.]", "", m.group(1)) + ("." + m.group(2) if m.group(2) else ""))
    scale = abs(value) / mantissa if mantissa else 1.0
    return 0.5 * 10 ** (-decimals) * scale


def interval(claim: Claim, keys: KeyTable | None = None) -> tuple[float, float]:
    if keys is not None:
        return keys.text_key("interval", claim, _interval)  # value, bounds, qualifier: never rebuilt
    return _interval(claim)


def _interval(claim: Claim) -> tuple[float, float]:
    value = to_float(claim.value)
    low = claim.low if claim.low is not None else (value if claim.qualifier in {"eq", "ge", "gt", "approx"} else -math.inf)
    high = claim.high if claim.high is not None else (value if claim.qualifier in {"eq", "le", "lt", "approx"} else math.inf)
    if low is None or (isinstance(low, float) and math.isnan(low)):
        low = -math.inf
    if high is None or (isinstance(high, float) and math.isnan(high)):
        high = math.inf
    tol = tolerance(claim) if claim.qualifier in {"eq", "approx", "ge", "gt", "le", "lt"} else 0.0
    return low - tol, high + tol


def values_conflict(a: Claim, b: Claim, keys: KeyTable | None = None) -> float | None:
    """The ratio between the nearest ends of two disjoint intervals, or None when they overlap."""
    la, ha = interval(a, keys)
    lb, hb = interval(b, keys)
    if max(la, lb) < min(ha, hb) or (max(la, lb) == min(ha, hb) and not _touching_integers(a, b)):
        return None
    low_side, high_side = (ha, lb) if ha < lb else (hb, la)
    if low_side <= 0:
        return math.inf
    return high_side / low_side


def _touching_integers(a: Claim, b: Claim) -> bool:
    """Two exact whole numbers one apart ("21 films" / "22 films"): their half-unit intervals only
    touch; they are two different counts."""
    va, vb = to_float(a.value), to_float(b.value)
    return (a.qualifier == b.qualifier == "eq" and va is not None and vb is not None
            and va == int(va) and vb == int(vb) and abs(va - vb) == 1)


def twins(a: Claim, b: Claim, keys: KeyTable | None = None) -> bool:
    """Each figure lies within the other's interval: the same number, written alike or not."""
    va, vb = to_float(a.value), to_float(b.value)
    if va is None or vb is None:
        return False
    la, ha = interval(a, keys)
    lb, hb = interval(b, keys)
    return lb <= va <= hb and la <= vb <= ha


def distinctive(claim: Claim) -> bool:
    """A figure specific enough that meeting it twice means the same fact (615 000, 2,437 millions)."""
    v = to_float(claim.value)
    if v is None or claim.qualifier != "eq":
        return False
    digits = re.sub(r"0+$", "", re.sub(r"\D", "", f"{abs(v):.6g}".split("e")[0].replace(".", "")))
    return (len(digits) >= 2 and abs(v) >= 100) or len(digits) >= 3

"""How a discrepancy is told to a journalist: figures, units, routes and gaps in words."""

from __future__ import annotations

import math

from claimcheck.compare.keys import KeyTable, to_float, unit_key
from claimcheck.normalize import dates as dates_mod
from claimcheck.records import Claim

_QUALIFIER_WORDS = {
    "eq": "", "approx": "about ", "ge": "at least ", "gt": "more than ", "le": "at most ", "lt": "less than ",
    "range": "between ",
}


def _unit(claim: Claim, keys: KeyTable | None) -> str:
    return keys.unit(claim) if keys is not None else unit_key(claim)


def num(value: float | None) -> str:
    if value is None or not math.isfinite(value):
        return "?"
    if abs(value) >= 1e6:
        scale, word = (1e9, "milliard") if abs(value) >= 1e9 else (1e6, "million")
        mantissa = f"{value / scale:.4g}".replace(".", ",")
        return f"{mantissa} {word}{'s' if abs(value) >= 2 * scale else ''}"
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", " ")
    return f"{value:,.4g}".replace(",", " ")


def say(claim: Claim, *, short: bool = False, keys: KeyTable | None = None) -> str:
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        number = f"between {num(claim.low)} and {num(claim.high)}"
    else:
        number = _QUALIFIER_WORDS.get(claim.qualifier, "") + num(to_float(claim.value))
    unit = _unit(claim, keys) or claim.unit
    value = to_float(claim.value)
    if value is not None and abs(value) >= 2 and len(unit) > 2 and unit.isalpha() and unit.islower():
        unit = " ".join(plural(w) if i == 0 else w for i, w in enumerate(unit.split()))
    return f"{number} {unit}".strip()


def display_value(claim: Claim) -> str:
    if claim.kind != "quantity":
        return claim.value
    prefix = {"approx": "~", "ge": "≥", "gt": ">", "le": "≤", "lt": "<"}.get(claim.qualifier, "")
    unit = f" {claim.unit}" if claim.unit else ""
    return f"{prefix}{claim.value}{unit}"


def route(claim: Claim) -> str:
    if not claim.origin:
        return f"to {claim.destination} (origin not stated)"
    if not claim.destination:
        return f"from {claim.origin} (destination not stated)"
    return f"{claim.origin} → {claim.destination}"


def plural(word: str) -> str:
    """French plural of a counted noun, for explanations ("camion" → "camions")."""
    if not word or not word[-1].isalpha() or word.endswith(("s", "x", "z")) or word[:1].isupper():
        return word
    if word.endswith(("au", "eu")):
        return word + "x"
    if word.endswith("al"):
        return word[:-2] + "aux"
    return word + "s"


def gap_words(a: str, b: str) -> str:
    ba, bb = dates_mod.date_bounds(a), dates_mod.date_bounds(b)
    days = abs((ba[0] - bb[0]).total_seconds()) / 86400 if ba and bb else 0.0
    if days <= 0:
        return "not the same time"
    if days < 2:
        return "a day"
    if days < 60:
        return f"{days:.0f} days"
    if days < 730:
        return f"{days / 30.4:.0f} months"
    return f"{days / 365.25:.0f} years"


def flow_words(claim: Claim) -> str:
    if not (claim.origin or claim.destination):
        return f" ({claim.place})" if claim.place else ""
    return f" from {claim.origin or '?'} to {claim.destination or '?'}"


def common(a: str, b: str) -> str:
    sa = [x.strip() for x in a.split(";") if x.strip()]
    sb = {x.strip() for x in b.split(";") if x.strip()}
    shared = [x for x in sa if x in sb]
    return ", ".join(shared[:3])


def topic(a: Claim, b: Claim, keys: KeyTable | None = None) -> str:
    unit = _unit(a, keys) or a.unit
    parts = [unit]
    if a.origin or a.destination or b.origin or b.destination:
        parts.append(f"{a.origin or b.origin or '?'} → {a.destination or b.destination or '?'}")
    place = a.place or b.place
    if place:
        parts.append(place)
    when = a.event_date or b.event_date
    if when:
        parts.append(when)
    return " · ".join(p for p in parts if p)

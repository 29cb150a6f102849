"""What each claim brings to a comparison, computed once per claim and run.

Pure functions (`unit_key`, `event_classes`, `degree` …) say what a claim counts, what happened, how
badly; `KeyTable` keeps their results for one comparison run, keyed by the claim object itself, so a
claim compared with a hundred others is analysed once (no module-global memo: a run owns its table).
The compatibility tests of two claims' places, dates and sources live here too: they read keys only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

from claimcheck import lexicon as lexicon_mod
from claimcheck.normalize import dates as dates_mod
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim
from claimcheck.sections import COMPARED_SECTIONS

SUMMARY_SECTIONS = frozenset({"title", "heading", "keypoints"})
# Events an article counts once (its toll): two such counts in one article are one fact.
COUNT_EVENTS = frozenset({"death", "injury", "arrest", "cut"})
# Verbs too general to say that two figures belong to one event.
LIGHT_VERBS = frozenset({"être", "avoir", "faire", "compter", "annoncer", "indiquer", "selon", "dire", "donner", "rester", "devenir", "aller"})
# Unit groups that count people: a generic "personne" may stand for any of them.
HUMAN_UNITS = frozenset({"personne", "manifestant"})
# Predicate classes that name what happened to the people counted.
_PERSON_EVENT_UNITS = {"death": "mort", "injury": "blessé", "arrest": "interpellation", "protest": "manifestant"}
MONEY = frozenset({"EUR", "USD", "GBP", "CHF", "JPY", "CNY"})
# How badly the people counted were hurt: words of one degree state one count ("grièvement blessés",
# "blessés graves", "en urgence absolue"), apart from the count of all injured.
_DEGREES = (
    ("grave", re.compile(r"\b(?:grièvement|gravement|sérieusement|graves?|en\s+urgence\s+absolue)\b", re.I)),
    ("léger", re.compile(r"\b(?:légèrement|légers?|légères?|en\s+urgence\s+relative)\b", re.I)),
    ("mortel", re.compile(r"\bmortellement\b", re.I)),
)
# Where a figure's own clause ends: "14 blessés, dont trois grièvement" gives "grièvement" to the three.
CLAUSE_BOUNDARY = re.compile(r"[,;:()]|\s(?:dont|et|mais|tandis\s+que|contre)\s", re.I)
_PRICE = re.compile(r"\b(?:pour|contre|moyennant)\s+(?:environ\s+|près\s+de\s+|plus\s+de\s+)?$", re.I)
# Determiners that give no figure at all ("plusieurs pays", "de nombreux blessés").
_NO_FIGURE = re.compile(r"^(?:plusieurs|quelques|nombreux|nombreuses|de\s+nombreu(?:x|ses)|certain(?:e|s|es)?|divers(?:es)?|maint(?:e|s|es)?)\b", re.I)
_MINOR_WORDS = frozenset({"de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en", "à", "au", "aux"})


# ------------------------------------------------------------------------------ pure claim keys
def event_classes(claim: Claim) -> frozenset[str]:
    """Event classes recorded at extraction; recomputed from the predicate for older tables."""
    if claim.event:
        return frozenset(x for x in claim.event.split(";") if x)
    lex = lexicon_mod.load()
    classes = set(lex.event_classes(claim.predicate)) if claim.predicate else set()
    if claim.kind == "quantity" and claim.unit:
        classes |= lex.event_classes(claim.unit)
    return frozenset(classes)


def unit_key(claim: Claim, events: frozenset[str] | None = None) -> str:
    """The group of what a quantity counts, refined by what happened to the people counted."""
    lex = lexicon_mod.load()
    events = event_classes(claim) if events is None else events
    group = lex.unit_group(claim.unit) if claim.unit else ""
    if group in lex.generic or group == "personne":
        for cls, unit in _PERSON_EVENT_UNITS.items():
            if cls in events:
                group = unit
                break
        else:
            group = "personne"
    if group == "blessé":
        deg = degree(claim)
        group = f"blessé {deg}" if deg else group
    if claim.unit in MONEY:
        # A sum is blocked with the sums of its currency. What it is a sum of ("d'euros de bonus",
        # "un bénéfice de 321 M€") is evidence (`shared_counted`, `other_counted`), a veto only when
        # both sums name it and differ (`evidence.categorical_veto`): one outlet writes "un bénéfice
        # net de 321 M€", another "a gagné 312 M€". Which sum (a price, a turnover) is also for the
        # evidence (`is_price`).
        group = claim.unit
    return group


def is_price(claim: Claim, events: frozenset[str]) -> bool:
    """A sum paid for something sold, bought or moved ("vendu 2,20 euros", "pour 40 millions")."""
    if claim.unit not in MONEY or claim.counted:
        return False
    before = claim.sentence[max(0, claim.start - claim.sent_start - 12):max(0, claim.start - claim.sent_start)]
    return bool(events & {"transfer", "receive", "move"} or _PRICE.search(before))


def own_clause(claim: Claim) -> str:
    """The figure's own clause of its sentence (between the nearest commas, "dont", "et" …)."""
    at = max(0, claim.start - claim.sent_start)
    before, after = claim.sentence[:at], claim.sentence[at:]
    starts = [m.end() for m in CLAUSE_BOUNDARY.finditer(before)]
    end = CLAUSE_BOUNDARY.search(after, len(claim.text))
    return before[starts[-1] if starts else 0:] + after[: end.start() if end else len(after)]


def degree(claim: Claim) -> str:
    """The degree of injury written in the figure's own clause, if any."""
    clause = own_clause(claim)
    for name, pattern in _DEGREES:
        if pattern.search(clause):
            return name
    return ""


@lru_cache(maxsize=1)
def measure_units() -> frozenset[str]:
    """Canonical measure units (resources/units.tsv): "jour", "km", "%" — what a measure is of is
    said by its complement ("deux jours de fermeture"), unlike a counted noun."""
    text = resources.files("claimcheck.resources").joinpath("units.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(row[1].strip() for row in rows if len(row) > 1)


@lru_cache(maxsize=262144)
def split(field: str) -> frozenset[str]:
    """A '; '-separated field as a set of folded names."""
    return frozenset(ent_mod.fold(x) for x in field.split(";") if x.strip())


def widen(names: frozenset[str], others: frozenset[str]) -> frozenset[str]:
    """Folded names, plus each of the other side's names that one of them ends with: "place de la
    bastille" is "bastille", "la commission de l'union africaine" belongs to "l'union africaine"."""
    return names | {y for x in names for y in others if x.endswith(" " + y)}


def comparable(claim: Claim, *, include_all: bool = False) -> bool:
    if claim.kind != "entity" and claim.modality == "negated":
        return False
    if claim.kind == "quantity" and _NO_FIGURE.match(claim.text):
        return False
    return include_all or claim.section in COMPARED_SECTIONS


def start_of_open(value: str) -> str:
    """A figure dated "dès lundi soir" / "depuis lundi" held at that date (its start)."""
    return value[:-3] if value.endswith("/..") else value


def to_float(value: object) -> float | None:
    try:
        return float(str(value).split("/")[0]) if value not in (None, "") else None
    except ValueError:
        return None


# ----------------------------------------------------------------------------- compatibilities
def units_compatible(a: str, b: str) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    return (a == "personne" and b in HUMAN_UNITS) or (b == "personne" and a in HUMAN_UNITS)


def places_compatible(a: Claim, b: Claim) -> tuple[bool, bool]:
    """(compatible, shared): places agree when both are unknown, when they share a name, or when
    one is unknown and the other is a whole country (national figures are the default scope)."""
    pa, pb = split(a.place), split(b.place)
    if not pa and not pb:
        return True, False
    if pa & pb:
        return True, True
    if not pa or not pb:
        known = pa or pb
        return all(ent_mod.country_of(x) == ent_mod.canonical(x) for x in known if ent_mod.country_of(x)) and all(
            ent_mod.country_of(x) for x in known
        ), False
    return False, False


@lru_cache(maxsize=4096)
def window(published: str | None) -> tuple[datetime, datetime] | None:
    """The days an undated figure of an article published then can be about."""
    if not published:
        return None
    bounds = dates_mod.date_bounds(published)
    if bounds is None:
        return None
    start, end = bounds
    # The days before publication, up to the end of its day: an undated figure cannot be about a
    # day after its article came out.
    return start - timedelta(days=10), end


def dates_compatible(a: Claim, b: Claim, published: dict[str, str | None]) -> tuple[bool, bool]:
    """(compatible, shared). An undated claim is about the days before its publication."""
    da, db = a.event_date, b.event_date
    if not da and not db:
        return True, False
    return _dates_compatible(da, db, published.get((b if da else a).doc_id) if not (da and db) else None)


@lru_cache(maxsize=65536)
def _dates_compatible(da: str, db: str, published: str | None) -> tuple[bool, bool]:
    da, db = start_of_open(da), start_of_open(db)
    if "?" in (da, db):
        return False, False  # dated by another sentence: no way to tell which moment it is
    if da and db:
        ok = dates_mod.dates_compatible(da, db)
        return ok, ok
    win = window(published)
    bounds = dates_mod.date_bounds(da or db)
    if win is None or bounds is None:
        return True, False
    return bounds[0] < win[1] and win[0] < bounds[1], False


def same_holder(a: str, b: str) -> bool:
    """The same named holder, also as an acronym and its expansion ("PCF" / "Parti communiste français")."""
    fa, fb = ent_mod.fold(a), ent_mod.fold(b)
    if ent_mod.same_entity(a, b) or fa == fb:
        return True
    if fa and fb and (fa.startswith(fb + " ") or fb.startswith(fa + " ")):
        return True  # "le Conseil" after "le Conseil constitutionnel"
    for short, long in ((a, b), (b, a)):
        if short.isupper() and 1 < len(short) <= 6:
            initials = "".join(w[0] for w in ent_mod.fold(long).split() if w not in _MINOR_WORDS)
            if initials == short.lower():
                return True
    return False


def sources_compatible(a: Claim, b: Claim) -> tuple[bool, bool]:
    """(compatible, shared): the same source, or sources of the same class (authorities, unions…)."""
    if not a.source or not b.source:
        return True, False
    if ent_mod.fold(a.source) == ent_mod.fold(b.source) or ent_mod.same_entity(a.source, b.source):
        return True, True
    ca, cb = ent_mod.source_class(a.source), ent_mod.source_class(b.source)
    if ca and cb:
        return ca == cb, ca == cb
    return False, False


def source_key(claim: Claim) -> str:
    """A source's class (authorities, unions …) or, when unknown, its folded name."""
    return ent_mod.source_class(claim.source) or ent_mod.fold(claim.source)


# ------------------------------------------------------------------------------ one run's table
class KeyTable:
    """The keys of the claims of one comparison run, each computed once per claim object.

    Entries are keyed by the claim's identity and keep the claim, so a claim rebuilt with
    `dataclasses.replace` (a headline taking its body's frame) gets keys of its own."""

    def __init__(self) -> None:
        self._table: dict[str, dict[int, tuple[Claim, Any]]] = {}
        self._text: dict[str, dict[str, Any]] = {}

    def get(self, name: str, claim: Claim, compute: Callable[[Claim], Any]) -> Any:
        """A key that depends on the claim's frame (place, source, event …)."""
        table = self._table.get(name)
        if table is None:
            table = self._table[name] = {}
        entry = table.get(id(claim))
        if entry is None or entry[0] is not claim:
            entry = (claim, compute(claim))
            table[id(claim)] = entry
        return entry[1]

    def text_key(self, name: str, claim: Claim, compute: Callable[[Claim], Any]) -> Any:
        """A key that depends only on the claim's text and sentence, which a rebuilt claim keeps:
        kept by claim id (faster than by identity)."""
        table = self._text.get(name)
        if table is None:
            table = self._text[name] = {}
        value = table.get(claim.claim_id, _MISSING)
        if value is _MISSING:
            value = table[claim.claim_id] = compute(claim)
        return value

    def events(self, claim: Claim) -> frozenset[str]:
        return self.get("events", claim, event_classes)

    def unit(self, claim: Claim) -> str:
        return self.get("unit", claim, lambda c: unit_key(c, self.events(c)))


_MISSING = object()

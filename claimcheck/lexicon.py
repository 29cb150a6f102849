"""The team's lexicon (resources/lexicon.tsv), loaded once: event classes, unit groups, markers."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    events: dict[str, frozenset[str]]
    units: dict[str, frozenset[str]]
    generic: frozenset[str]
    aspects: dict[str, frozenset[str]]
    roles: dict[str, frozenset[str]]
    report: frozenset[str]
    hedge: frozenset[str]
    measure_before: frozenset[str] = frozenset()
    restrictive: frozenset[str] = frozenset()
    count_nouns: frozenset[str] = frozenset()  # nouns that name a count, not who gave it ("bilan")
    seat_nouns: frozenset[str] = frozenset()  # offices named by their seat ("le parquet de Foix")

    def event_classes(self, lemma: str) -> frozenset[str]:
        """Every event class a predicate lemma belongs to (a lemma may belong to several)."""
        return _event_classes(self, lemma.lower())

    def aspect_pattern(self, name: str) -> re.Pattern[str]:
        """One regex for every marker of an aspect, each as a whole word or phrase."""
        return _aspect_pattern(self, name)

    def unit_group(self, lemma: str) -> str:
        """The group name of a counted noun ('client' → 'foyer'), or the lemma itself."""
        return _unit_group(self, lemma.lower())


@lru_cache(maxsize=65536)
def _event_classes(lex: Lexicon, lemma: str) -> frozenset[str]:
    return frozenset(name for name, words in lex.events.items() if lemma in words)


@lru_cache(maxsize=64)
def _aspect_pattern(lex: Lexicon, name: str) -> re.Pattern[str]:
    words = sorted(lex.aspects.get(name, ()), key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


@lru_cache(maxsize=65536)
def _unit_group(lex: Lexicon, lemma: str) -> str:
    for name, words in lex.units.items():
        if lemma in words:
            return name
    return lemma


@lru_cache(maxsize=1)
def load() -> Lexicon:
    sections: dict[str, dict[str, frozenset[str]]] = {}
    text = resources.files("claimcheck.resources").joinpath("lexicon.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section, name, words = line.split("\t")
        entries = frozenset(w.strip().lower() for w in words.split(",") if w.strip())
        sections.setdefault(section, {})[name] = entries
    return Lexicon(
        events=sections.get("event", {}),
        units=sections.get("unit", {}),
        generic=sections.get("generic", {}).get("personne", frozenset()),
        aspects=sections.get("aspect", {}),
        roles=sections.get("role", {}),
        report=sections.get("report", {}).get("report", frozenset()),
        hedge=sections.get("hedge", {}).get("hedge", frozenset()),
        measure_before=sections.get("measure", {}).get("before", frozenset()),
        restrictive=sections.get("restrictive", {}).get("adjective", frozenset()),
        count_nouns=sections.get("count", {}).get("noun", frozenset()),
        seat_nouns=sections.get("seat", {}).get("noun", frozenset()),
    )

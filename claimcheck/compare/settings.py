"""Comparison options (what the user chooses) and settings (what the project calibrated).

The thresholds of `Settings` are fitted by `scripts/fit_evidence.py` with leave-one-story-out
cross-validation on the tuning sets and shipped in `resources/evidence.json`; the weights of the
evidence features are the table in `claimcheck/compare/evidence.py`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Options:
    """Comparison options. `include_all` also compares reader comments and page boilerplate;
    `parts` names the comparers that run (all by default)."""

    include_all: bool = False
    attribution: bool = True
    parts: frozenset[str] = frozenset({"quantities", "flows", "dates", "quotes", "relations", "changes"})


@lru_cache(maxsize=1)
def _fitted() -> dict[str, Any]:
    text = resources.files("claimcheck.resources").joinpath("evidence.json").read_text(encoding="utf-8")
    return json.loads(text)


def _default(name: str) -> float:
    return float(_fitted()[name])


def _weights() -> dict[str, dict[str, float]]:
    return {table: {k: float(v) for k, v in w.items()} for table, w in _fitted().get("weights", {}).items()}


def _bias() -> dict[str, float]:
    return {table: float(v) for table, v in _fitted().get("bias", {}).items()}


@dataclass(frozen=True)
class Settings:
    """Two claims of two articles state one fact when their evidence score reaches `threshold`;
    two claims of one article when it reaches `threshold_within` (stricter: an article gives
    many figures of one kind on purpose). Dated events have thresholds of their own (their
    evidence table is another one)."""

    threshold: float = field(default_factory=lambda: _default("threshold"))
    threshold_within: float = field(default_factory=lambda: _default("threshold_within"))
    threshold_date: float = field(default_factory=lambda: _default("threshold_date"))
    threshold_date_within: float = field(default_factory=lambda: _default("threshold_date_within"))
    # Fitted weights by table ("quantity", "date") and feature name, and each table's bias; a
    # feature absent here keeps the weight of its table in evidence.py.
    weights: dict[str, dict[str, float]] = field(default_factory=_weights)
    bias: dict[str, float] = field(default_factory=_bias)

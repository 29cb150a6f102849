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


@dataclass(frozen=True, slots=True)
class Options:
    """Comparison options. `include_all` also compares reader comments and page boilerplate;
    `parts` names the comparers that run (all by default)."""

    include_all: bool = False
    attribution: bool = True
    parts: frozenset[str] = frozenset({"quantities", "flows", "dates"})


@lru_cache(maxsize=1)
def _fitted() -> dict[str, float]:
    text = resources.files("claimcheck.resources").joinpath("evidence.json").read_text(encoding="utf-8")
    data = json.loads(text)
    return {k: float(v) for k, v in data.items() if isinstance(v, (int, float))}


def _default(name: str) -> float:
    return _fitted()[name]


@dataclass(frozen=True, slots=True)
class Settings:
    """Two claims of two articles state one fact when their evidence score reaches `threshold`;
    two claims of one article when it reaches `threshold_within` (stricter: an article gives
    many figures of one kind on purpose). Dated events have thresholds of their own (their
    evidence table is another one)."""

    threshold: float = field(default_factory=lambda: _default("threshold"))
    threshold_within: float = field(default_factory=lambda: _default("threshold_within"))
    threshold_date: float = field(default_factory=lambda: _default("threshold_date"))
    threshold_date_within: float = field(default_factory=lambda: _default("threshold_date_within"))

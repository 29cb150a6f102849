"""Records that flow between the stages (treated as values), and the column order of both tables (defined once)."""

from __future__ import annotations

import operator
from dataclasses import dataclass, field, fields

# Column order of the claim table written by `extract` (SPEC's required columns first).
CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id", "doc_id", "kind", "text", "start", "end", "value", "unit", "qualifier", "sentence",
    "low", "high", "counted", "subject", "predicate", "object", "origin", "destination", "place",
    "event_date", "source", "modality", "section", "aspect", "scope", "event", "entities", "paragraph",
    "sent_start", "sent_end",
)
REQUIRED_CLAIM_COLUMNS: tuple[str, ...] = CLAIM_COLUMNS[:10]

# Column order of the discrepancy report written by `diff`.
DISCREPANCY_COLUMNS: tuple[str, ...] = (
    "kind", "topic", "doc_a", "doc_b", "text_a", "text_b", "value_a", "value_b", "severity", "explanation", "story",
)


@dataclass(frozen=True, slots=True)
class Article:
    """One article as read from disk: its id, text and publication metadata."""

    doc_id: str
    text: str
    path: str = ""
    published: str | None = None  # 'YYYY-MM-DD' or 'YYYY-MM'
    outlet: str | None = None
    encoding: str = "utf-8"
    url: str | None = None  # where the article was published (meta file, page metadata, corpus column)
    title: str | None = None  # the page's or corpus row's title, when it gives one


@dataclass(slots=True)
class Claim:
    """One row of the claim table: an anchor (quantity, date or entity) and its frame.

    `start`/`end` are offsets in the article (`article[start:end] == text`). The frame fields
    (subject … section) come from the dependency parse; empty string means unknown.

    Treat a claim as a value: nothing changes one once made (use `dataclasses.replace`). The class
    is not `frozen` because a frozen dataclass sets each of its 30 fields through
    `object.__setattr__`: 3.1 µs per claim against 0.45 µs, measured — seconds on the claim table
    of 10 000 articles, which `diff` reads back. Claims are not hashable (none is a dict key).
    """

    claim_id: str
    doc_id: str
    kind: str
    text: str
    start: int
    end: int
    value: str
    unit: str = ""
    qualifier: str = ""
    sentence: str = ""
    low: float | None = None
    high: float | None = None
    counted: str = ""  # what the counted thing contains or belongs to ("bois" in "camions de bois")
    subject: str = ""
    predicate: str = ""
    object: str = ""
    origin: str = ""
    destination: str = ""
    place: str = ""
    event_date: str = ""
    source: str = ""
    modality: str = "asserted"
    section: str = "body"
    aspect: str = ""  # peak | remaining | forecast | total | change | ''
    scope: str = ""  # 'part' for "dont 45 000 en Alsace"
    event: str = ""  # event classes of the predicate ('death;injury'), from the team's lexicon
    entities: str = ""  # canonical entities of the sentence, '; '-separated (actors of the event)
    paragraph: int = 0
    sent_start: int = 0
    sent_end: int = 0

    def row(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in CLAIM_COLUMNS}


# The claim table's columns are the dataclass's fields, in order: `Claim(*claim_values(c))` rebuilds c.
assert tuple(f.name for f in fields(Claim)) == CLAIM_COLUMNS
claim_values = operator.attrgetter(*CLAIM_COLUMNS)


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One reported disagreement between two claims (possibly in the same document).

    `evidence` keeps every pair of the group (the jsonl output writes it all).
    """

    kind: str
    topic: str
    doc_a: str
    doc_b: str
    text_a: str
    text_b: str
    value_a: str
    value_b: str
    severity: float
    explanation: str
    claim_a: str = ""
    claim_b: str = ""
    evidence: tuple[dict[str, str], ...] = field(default_factory=tuple)
    # The story both claims belong to, named by its most distinctive words ("chido · mayotte · mamoudzou").
    story: str = ""

    def row(self) -> dict[str, object]:
        return {c: getattr(self, c) for c in DISCREPANCY_COLUMNS}

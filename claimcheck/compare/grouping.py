"""Conflicting pairs → report rows: one row per fact and pair of documents, every pair kept as evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from claimcheck.compare.evidence import Evidence
from claimcheck.compare.linking import UnionFind
from claimcheck.compare.wording import display_value
from claimcheck.records import Claim, Discrepancy

# Kinds whose conflicts of one pair of sentences are one disagreement whatever claims carry them.
_ONE_PER_SENTENCE_PAIR = frozenset({"direction", "attribution"})

_SECTION_RANK = {"body": 0, "keypoints": 1, "heading": 2, "title": 3, "comment": 4, "boilerplate": 5}


@dataclass(slots=True)
class Conflict:
    """Two claims of one fact that disagree, with what aligned them."""

    kind: str
    a: Claim
    b: Claim
    severity: float
    explanation: str
    topic: str
    evidence: Evidence | None = None


def group(conflicts: Sequence[Conflict], facts: UnionFind) -> list[Discrepancy]:
    groups: dict[str, list[Conflict]] = defaultdict(list)
    same_row = UnionFind()
    ordered = []
    for c in conflicts:
        a, b = (c.a, c.b) if (c.a.doc_id, c.a.start) <= (c.b.doc_id, c.b.start) else (c.b, c.a)
        fa, fb = sorted((facts.find(a.claim_id), facts.find(b.claim_id)))
        key = repr((c.kind, fa, fb, a.doc_id, b.doc_id))
        if c.kind in _ONE_PER_SENTENCE_PAIR:
            # The flow of a sentence and the act of its parties are one account told twice
            # ("A a versé 40 M€ à B"): one row per pair of sentences too.
            same_row.union(key, repr((c.kind, a.doc_id, a.sent_start, b.doc_id, b.sent_start)))
        ordered.append((key, Conflict(c.kind, a, b, c.severity, c.explanation, c.topic, c.evidence)))
    for key, c in ordered:
        groups[same_row.find(key)].append(c)
    rows = []
    for members in groups.values():
        # Claim ids end every ordering: the same report on every run, whatever order pairs were met in.
        members.sort(key=lambda c: (c.a.claim_id, c.b.claim_id))
        best = min(
            members,
            key=lambda c: (-c.severity, _SECTION_RANK.get(c.a.section, 9) + _SECTION_RANK.get(c.b.section, 9), c.a.start,
                           c.a.claim_id, c.b.claim_id),
        )
        evidence = tuple(
            {
                "claim_a": m.a.claim_id, "claim_b": m.b.claim_id, "doc_a": m.a.doc_id, "doc_b": m.b.doc_id,
                "text_a": m.a.sentence, "text_b": m.b.sentence, "value_a": m.a.value, "value_b": m.b.value,
                "section_a": m.a.section, "section_b": m.b.section,
                "alignment": m.evidence.as_dict() if m.evidence is not None else None,
            }
            for m in members
        )
        explanation = best.explanation
        if best.evidence is not None and best.evidence.contributions:
            explanation += f" [aligned by {best.evidence.words()}]"
        rows.append(
            Discrepancy(
                kind=best.kind, topic=best.topic, doc_a=best.a.doc_id, doc_b=best.b.doc_id,
                text_a=best.a.sentence, text_b=best.b.sentence,
                value_a=display_value(best.a), value_b=display_value(best.b),
                severity=best.severity, explanation=explanation,
                claim_a=best.a.claim_id, claim_b=best.b.claim_id, evidence=evidence,  # type: ignore[arg-type]
            )
        )
    rows.sort(key=lambda d: (-d.severity, d.kind, d.doc_a, d.doc_b, d.topic, d.claim_a, d.claim_b))
    return rows

"""One-to-one linking: a claim is compared with its best counterpart only.

Inside one article first: pairs are taken best-scored first, down to the stricter in-article
threshold; two figures that agree merge into one fact (a key point restating its body), two that
conflict are linked, and a fact has one conflicting partner at most. Then across articles,
fact by fact: inside each pair of documents, the best-scored pair of facts is linked first and both
leave the pool, then the next best, down to the threshold (competitive linking). A counterpart that
agrees consumes the fact: a figure confirmed by one sentence of the other article raises no alarm
against a third sentence.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from claimcheck.compare.evidence import Evidence
from claimcheck.records import Claim


@dataclass(frozen=True, slots=True)
class Link:
    """Two claims judged to state one fact; `agree` when their values are compatible."""

    a: Claim
    b: Claim
    evidence: Evidence
    agree: bool
    # Every disagreeing pair of statements of the two facts (the first is a, b), kept as evidence.
    conflicting: tuple[tuple[Claim, Claim, Evidence], ...] = ()


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def _order(p: tuple[Claim, Claim, Evidence]) -> tuple[float, str, str]:
    # Claim ids break ties: the same links on every run, whatever order pairs were met in.
    a, b, ev = p
    return (-ev.score, min(a.claim_id, b.claim_id), max(a.claim_id, b.claim_id))


def link(
    scored: Iterable[tuple[Claim, Claim, Evidence]], threshold: float, threshold_within: float,
    agree: Callable[[Claim, Claim], bool],
) -> list[Link]:
    """The links among scored pairs (see the module's docstring); `agree` says whether two linked
    claims' values are compatible."""
    within, across = [], []
    for a, b, ev in scored:
        if a.doc_id == b.doc_id:
            if ev.score >= threshold_within:
                within.append((a, b, ev))
        elif ev.score >= threshold:
            across.append((a, b, ev))
    facts = UnionFind()
    links: list[Link] = []
    partners: set[tuple[str, str]] = set()  # facts of one article linked by a conflict

    def has_partner(root: str) -> bool:
        return any(facts.find(x) == root or facts.find(y) == root for x, y in partners)

    for a, b, ev in sorted(within, key=_order):
        ra, rb = facts.find(a.claim_id), facts.find(b.claim_id)
        if ra == rb:
            continue
        agreeing = agree(a, b)
        if agreeing:
            facts.union(a.claim_id, b.claim_id)
        elif has_partner(ra) or has_partner(rb):
            continue
        else:
            partners.add((a.claim_id, b.claim_id))
        links.append(Link(a, b, ev, agreeing, () if agreeing else ((a, b, ev),)))

    by_docs: dict[tuple[str, str], list[tuple[Claim, Claim, Evidence]]] = defaultdict(list)
    for a, b, ev in across:
        by_docs[(a.doc_id, b.doc_id) if a.doc_id < b.doc_id else (b.doc_id, a.doc_id)].append((a, b, ev))
    for docs in sorted(by_docs):
        # Pairs of facts, each with its member pairs: a fact stated twice in one article ("1 000"
        # in a heading, "plus de 1 000" in the body) is linked once, and it disagrees with its
        # counterpart when any of its statements does.
        members: dict[tuple[str, str], list[tuple[Claim, Claim, Evidence]]] = defaultdict(list)
        for p in by_docs[docs]:
            members[(facts.find(p[0].claim_id), facts.find(p[1].claim_id))].append(p)
        ranked = sorted(members.items(), key=lambda item: min(_order(p) for p in item[1]))
        used: set[str] = set()
        for (ra, rb), pairs in ranked:
            if ra in used or rb in used:
                continue
            used.update((ra, rb))
            pairs.sort(key=_order)
            conflicting = [p for p in pairs if not agree(p[0], p[1])]
            a, b, ev = conflicting[0] if conflicting else pairs[0]
            links.append(Link(a, b, ev, not conflicting, tuple(conflicting)))
    return links

"""Quotations → conflicts: the same words given to different speakers by two articles.

A quotation is the `object` of a speaker's entity claim (`event` "quote", see
`claimcheck.roles`). Two quotations are the same words when most of the shorter one's
content words are in the other and their token-set similarity (rapidfuzz) is high: outlets cut
a quotation at different places ("« Le public m'a porté jusqu'au bout »" / the same followed by
another clause). Each quotation meets its best match in the other article only; when that
article also gives the words to the same speaker, nothing is reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import fuzz

from claimcheck.compare import keys as k
from claimcheck.compare.context import Context, content_words
from claimcheck.compare.grouping import Conflict
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim

# The least a match rests on: content words of the shorter quotation found in the longer one (all
# of them when it has fewer: « Des chiffres stratosphériques », two words, cut from a longer one) …
MIN_SHARED_WORDS = 3
MIN_SHORT_WORDS = 2
# … as a share of the shorter quotation's content words …
MIN_CONTAINED = 0.75
# … and rapidfuzz's token-set ratio of the two (0–100), which also weighs word order and the small words.
MIN_RATIO = 80.0


def is_quote(claim: Claim) -> bool:
    return claim.kind == "entity" and claim.event == "quote" and bool(claim.object and claim.source)


def _words(claim: Claim) -> frozenset[str]:
    return content_words(claim.object)


# Outlets that rework a quotation keep a phrase of it ("« J'ai suivi la moto qui sortait du
# parcours … »" / "« J'ai suivi la moto qui quittait le parcours … »"): a run of this many words
# written alike, with content words among them, makes the same quotation reworded …
MIN_RUN_WORDS = 5
MIN_RUN_CONTENT = 2
# … and so does a shorter run ("depuis la guerre froide") when most content words are shared too.
MIN_SHORT_RUN_WORDS = 4
MIN_SHORT_RUN_CONTAINED = 0.7
_TOKEN = re.compile(r"\w+", re.UNICODE)


def _longest_run(x: str, y: str) -> list[str]:
    """The longest run of words the two texts write alike (folded)."""
    tx, ty = _TOKEN.findall(ent_mod.fold(x)), _TOKEN.findall(ent_mod.fold(y))
    best: tuple[int, int] = (0, 0)
    prev = [0] * (len(ty) + 1)
    for i in range(1, len(tx) + 1):
        cur = [0] * (len(ty) + 1)
        for j in range(1, len(ty) + 1):
            if tx[i - 1] == ty[j - 1]:
                cur[j] = prev[j - 1] + 1
                if cur[j] > best[0]:
                    best = (cur[j], i)
        prev = cur
    return tx[best[1] - best[0]:best[1]]


def similarity(a: Claim, b: Claim) -> float:
    """0 when the two quotations are not the same words, else rapidfuzz's token-set ratio (0–100)."""
    wa, wb = _words(a), _words(b)
    short = min(len(wa), len(wb))
    shared = len(wa & wb)
    if shared < MIN_RUN_CONTENT:
        return 0.0  # no rule below can hold: two quotations of one story meet by the thousand
    if short >= MIN_SHORT_WORDS and shared >= min(MIN_SHARED_WORDS, short) and shared / short >= MIN_CONTAINED:
        ratio = fuzz.token_set_ratio(ent_mod.fold(a.object), ent_mod.fold(b.object))
        return ratio if ratio >= MIN_RATIO else 0.0
    run = _longest_run(a.object, b.object)
    if len(content_words(" ".join(run))) >= MIN_RUN_CONTENT and (len(run) >= MIN_RUN_WORDS or (
            len(run) >= MIN_SHORT_RUN_WORDS and short and shared / short >= MIN_SHORT_RUN_CONTAINED)):
        return max(fuzz.token_set_ratio(ent_mod.fold(a.object), ent_mod.fold(b.object)), float(MIN_RATIO))
    return 0.0


def same_speaker(a: Claim, b: Claim) -> bool:
    """One speaker named alike, or one name ending with the other ("Fikir" / "Mestawut Fikir")."""
    sa, sb = k.split(a.source), k.split(b.source)
    return bool(k.widen(sa, sb) & k.widen(sb, sa)) or bool(
        {x.split()[-1] for x in sa if x} & {x.split()[-1] for x in sb if x})


def conflicts(pool: Sequence[Claim], ctx: Context) -> list[Conflict]:
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in pool:
        if is_quote(c):
            by_doc[c.doc_id].append(c)
    docs = sorted(by_doc)
    out: list[Conflict] = []
    for i, da in enumerate(docs):
        for db in docs[i + 1:]:
            if ctx.story.get(da, 0) != ctx.story.get(db, 0):
                continue
            out += _pair_conflicts(by_doc[da], by_doc[db])
    return out


def _looks_like_a_body(name: str) -> bool:
    """An organisation's name as written: an acronym ("CGT") or words not all capitalised
    ("Fédération française d'athlétisme"); a name of capitalised words may be a person's whatever
    the recogniser's label ("Tigst Assefa" read as an organisation)."""
    words = name.split()
    return name.isupper() or any(w[:1].islower() and w not in {"de", "du", "des", "d'", "la", "le", "von", "van", "ben", "el"}
                                 for w in words)


def _person_and_body(a: Claim, b: Claim) -> bool:
    units = {a.unit, b.unit}
    if units != {"PER", "ORG"}:
        return False
    org = a if a.unit == "ORG" else b
    return _looks_like_a_body(org.source)


def _pair_conflicts(qa: list[Claim], qb: list[Claim]) -> list[Conflict]:
    scored = sorted(
        ((similarity(a, b), a, b) for a in qa for b in qb),
        key=lambda x: (-x[0], x[1].claim_id, x[2].claim_id),
    )
    used: set[str] = set()
    out = []
    for sim, a, b in scored:
        if sim <= 0:
            break
        if a.claim_id in used or b.claim_id in used:
            continue
        used.update((a.claim_id, b.claim_id))
        if _person_and_body(a, b):
            continue  # a person and an organisation: she may speak for it (« … », a dit la CGT / Sophie Binet)
        # The same words given to the same speaker elsewhere in either article: the attribution holds.
        if same_speaker(a, b) or any(same_speaker(a, y) and similarity(a, y) for y in qb) or any(
                same_speaker(x, b) and similarity(x, b) for x in qa):
            continue
        words = a.object if len(a.object) <= len(b.object) else b.object
        shown = words if len(words) <= 80 else words[:77].rstrip() + "… »"
        explanation = (f"{a.doc_id} gives the words {shown} to {a.source}; {b.doc_id} gives them to {b.source}"
                       f" (quotations {sim:.0f}% alike)")
        severity = 0.7 if "hedged" not in {a.modality, b.modality} else 0.5
        out.append(Conflict("attribution", a, b, severity, explanation, f"who said {shown}"))
    return out

"""What a comparison run knows beyond the claims themselves, built once per run."""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck.compare import stories as stories_mod
from claimcheck.compare.keys import KeyTable, split
from claimcheck.compare.settings import Settings
from claimcheck.normalize import entities as ent_mod
from claimcheck.records import Claim

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(slots=True)
class Context:
    """Publication dates, the story of each document, per-claim keys, and the rarity of each word
    inside its story (what makes two sentences' shared words telling)."""

    published: dict[str, str | None]
    story: dict[str, int]
    settings: Settings = field(default_factory=Settings)
    keys: KeyTable = field(default_factory=KeyTable)
    # The figures of each sentence, (unit, value) by (doc_id, sent_start): two sentences that give
    # the same other figure ("vingt-trois minutes plus tard") tell of the same event.
    figures: dict[tuple[str, int], frozenset[tuple[str, str]]] = field(default_factory=dict)
    # story → folded word → inverse sentence frequency inside the story
    idf: dict[int, dict[str, float]] = field(default_factory=dict)
    # every place an article names (for figures it leaves unplaced)
    doc_places: dict[str, frozenset[str]] = field(default_factory=dict)
    # claim ids of undated figures among differently dated ones (see evidence.undatable)
    undatable: set[str] = field(default_factory=set)
    # the paragraphs that open each article's body (its lead: the news of the day, told first)
    lead: dict[str, frozenset[int]] = field(default_factory=dict)
    # claim ids that are the first of their kind in their article's body: the first day dated, the
    # first figure of each thing counted
    firsts: frozenset[str] = field(default_factory=frozenset)
    # each evidence table's weights in scoring order, worked out at its first score (evidence._weighted)
    weighted: dict[str, tuple] = field(default_factory=dict)
    # the telling words of each document the stories were clustered by (stories.word_counts),
    # kept to name the stories of the report
    story_words: tuple = field(default_factory=lambda: ([], {}))


@lru_cache(maxsize=262144)
def content_words(text: str) -> frozenset[str]:
    """Folded content words of a text (stop words out, a final plural -s/-x dropped); cached, as
    every claim of a sentence asks for the words of that sentence."""
    stop = stories_mod.stop_words()
    out = set()
    for w in _WORD.findall(text.lower()):
        if w in stop:
            continue
        f = ent_mod.fold(w)
        if len(f) > 4 and f[-1] in "sx":
            f = f[:-1]
        out.add(f)
    return frozenset(out)


def sentence_words(claim: Claim, keys: KeyTable) -> frozenset[str]:
    """The content words of a claim's sentence, without the words of the figure itself (a word the
    figure shares with the rest of its sentence goes too: rare enough not to matter)."""
    def compute(c: Claim) -> frozenset[str]:
        return content_words(c.sentence) - content_words(c.text)

    return keys.text_key("words", claim, compute)


def figures_by_sentence(claims: Iterable[Claim]) -> dict[tuple[str, int], frozenset[tuple[str, str]]]:
    out: dict[tuple[str, int], set[tuple[str, str]]] = defaultdict(set)
    for c in claims:
        if c.kind == "quantity" and c.unit and c.value:
            out[(c.doc_id, c.sent_start)].add((c.unit, c.value))
    return {k: frozenset(v) for k, v in out.items()}


def story_idf(pool: Sequence[Claim], story: dict[str, int], keys: KeyTable) -> dict[int, dict[str, float]]:
    """For each story, log(1 + sentences / sentences containing the word): a word every sentence
    of the story uses ("tempête" in a storm story) weighs little, a rare one ("Batz") a lot."""
    seen: set[tuple[str, int]] = set()
    df: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    n: dict[int, int] = defaultdict(int)
    for c in pool:
        if (c.doc_id, c.sent_start) in seen:
            continue
        seen.add((c.doc_id, c.sent_start))
        s = story.get(c.doc_id, 0)
        n[s] += 1
        for w in content_words(c.sentence):
            df[s][w] += 1
    return {s: {w: math.log(1 + n[s] / k) for w, k in words.items()} for s, words in df.items()}


# Paragraphs of the body that make its lead.
LEAD_PARAGRAPHS = 2


def leads_and_firsts(pool: Sequence[Claim], keys: KeyTable) -> tuple[dict[str, frozenset[int]], frozenset[str]]:
    """The lead paragraphs of each article's body, and the claims first of their kind in it (the
    first day dated; the first figure of each thing counted)."""
    paragraphs: dict[str, set[int]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    firsts = set()
    for c in sorted(pool, key=lambda c: (c.doc_id, c.start)):
        if c.section != "body":
            continue
        paragraphs[c.doc_id].add(c.paragraph)
        if c.kind == "date" and c.unit == "day":
            kind = "day"
        elif c.kind == "quantity" and c.value:
            kind = "q:" + keys.unit(c)
        else:
            continue
        if (c.doc_id, kind) not in seen:
            seen.add((c.doc_id, kind))
            firsts.add(c.claim_id)
    return {d: frozenset(sorted(p)[:LEAD_PARAGRAPHS]) for d, p in paragraphs.items()}, frozenset(firsts)


def build(claims: Sequence[Claim], pool: Sequence[Claim], published: dict[str, str | None], settings: Settings) -> Context:
    keys = KeyTable()
    words = stories_mod.word_counts(claims)
    story = stories_mod.stories(claims, words=words)
    places: dict[str, set[str]] = defaultdict(set)
    for c in pool:
        if c.place:
            places[c.doc_id] |= split(c.place)
    lead, firsts = leads_and_firsts(pool, keys)
    return Context(
        published=published, story=story, settings=settings, keys=keys, lead=lead, firsts=firsts,
        figures=figures_by_sentence(pool), idf=story_idf(pool, story, keys),
        doc_places={d: frozenset(p) for d, p in places.items()}, story_words=words,
    )

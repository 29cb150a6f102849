"""A self-contained HTML report a person can read in a browser (Jinja2, autoescaped).

One file, nothing fetched: a summary (documents per story, counts per kind and severity), the
discrepancies grouped by story then by fact, each side with its outlet, date and a link to the
article's URL when known, the figure marked in its sentence, and a link to the article's full text
(embedded at the end of the report) with the sentence marked. A small inline script filters by
kind, severity and outlet and sorts; with the script off every discrepancy is shown, in order, and
the links to the articles still work (plain anchors, `:target`).

A "story" here is a set of documents the report links: documents joined by a discrepancy, directly
or through another document (the comparison's own stories are not in its output).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

from claimcheck.records import Article, Claim, Discrepancy
from claimcheck.report.terminal import named, side_names

SEVERITY_BANDS = (("high", 0.7, "≥ 0.70: a strong, certain contradiction"),
                  ("mid", 0.4, "0.40–0.69: a contradiction worth checking"),
                  ("low", 0.0, "< 0.40: weak or hedged (a conditional, two sources set side by side)"))
KINDS = {"quantity": "two figures for the same count", "date": "two dates for the same event",
         "direction": "the same flow, its two ends reversed",
         "attribution": "two sources in one article give different figures"}


def band(severity: float) -> str:
    return next(name for name, floor, _ in SEVERITY_BANDS if severity >= floor)


@dataclass
class Piece:
    """A stretch of text, marked or not (the figure in a sentence, a cited sentence in an article)."""

    text: str
    mark: str = ""  # "" | "figure" | "cited"
    anchor: str = ""


@dataclass
class Side:
    doc_id: str
    name: str
    value: str
    pieces: list[Piece]
    url: str | None
    published: str | None
    anchor: str | None  # the id of the cited sentence in the embedded article, when it is there


@dataclass
class Card:
    index: int
    item: Discrepancy
    band: str
    explanation: str
    a: Side
    b: Side
    outlets: list[str]
    evidence: list[tuple[str, str, str, str]] = field(default_factory=list)


@dataclass
class Fact:
    topic: str
    cards: list[Card]

    @property
    def top(self) -> float:
        return max(c.item.severity for c in self.cards)


@dataclass
class Story:
    number: int
    label: str
    documents: list[str]
    facts: list[Fact]

    @property
    def top(self) -> float:
        return max(f.top for f in self.facts)

    @property
    def count(self) -> int:
        return sum(len(f.cards) for f in self.facts)


@dataclass
class EmbeddedArticle:
    doc_id: str
    anchor: str
    name: str
    title: str | None
    published: str | None
    url: str | None
    pieces: list[Piece]


def _link(url: str | None) -> str | None:
    """Only web links: a `javascript:` or `data:` URL from a page's metadata is never a link."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def _title(doc: Article | None) -> str | None:
    """A document's title: the page's or corpus row's, else the first line of its text (the line
    claimcheck's sections take as the title), when short enough to be one."""
    if doc is None:
        return None
    if doc.title:
        return doc.title
    first = next((line.strip() for line in doc.text.splitlines() if line.strip()), "")
    return first if 0 < len(first) <= 120 else None


def _anchor(doc_id: str) -> str:
    return "doc-" + "".join(c if c.isalnum() or c in "-_" else f"_{ord(c):x}_" for c in doc_id)


def _marked(text: str, spans: Sequence[tuple[int, int, str, str]]) -> list[Piece]:
    """`text` cut into pieces around non-overlapping spans (start, end, mark, anchor)."""
    pieces, at = [], 0
    for start, end, mark, anchor in sorted(spans):
        if start < at or end <= start or end > len(text):
            continue
        if start > at:
            pieces.append(Piece(text[at:start]))
        pieces.append(Piece(text[start:end], mark, anchor))
        at = end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces


def _sentence(text: str, claim: Claim | None) -> list[Piece]:
    """The sentence with its claim's anchor (the figure, the date) marked."""
    if claim is None:
        return [Piece(text)]
    start = claim.start - claim.sent_start
    if claim.sentence == text and 0 <= start and text[start:start + len(claim.text)] == claim.text:
        return _marked(text, [(start, start + len(claim.text), "figure", "")])
    found = text.find(claim.text) if claim.text else -1
    return _marked(text, [(found, found + len(claim.text), "figure", "")]) if found >= 0 else [Piece(text)]


def _stories(items: Sequence[Discrepancy]) -> list[list[int]]:
    """Indexes of the discrepancies, by story: documents joined by discrepancies (union-find)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for d in items:
        parent[root(d.doc_a)] = root(d.doc_b)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(items):
        groups[root(d.doc_a)].append(i)
    return sorted(groups.values(), key=lambda g: -max(items[i].severity for i in g))


def build(
    items: Sequence[Discrepancy], documents: Mapping[str, Article] | None = None, claims: Sequence[Claim] | None = None
) -> dict[str, object]:
    """What the template shows, computed here so that the template only lays it out."""
    docs = documents or {}
    names = side_names(items, docs)
    wanted = {c for d in items for c in (d.claim_a, d.claim_b)}
    by_id = {c.claim_id: c for c in (claims or ()) if c.claim_id in wanted}
    cited: dict[str, dict[tuple[int, int], str]] = defaultdict(dict)  # doc → sentence span → anchor

    def side(doc_id: str, claim_id: str, value: str, text: str) -> Side:
        claim = by_id.get(claim_id)
        doc = docs.get(doc_id)
        anchor = None
        # The sentence's span in the article (its offsets may take in the line break after it).
        at = doc.text.find(claim.sentence, claim.sent_start, claim.sent_end) if claim and doc and claim.sentence else -1
        if claim is not None and at >= 0:
            spans = cited[doc_id]
            anchor = spans.setdefault((at, at + len(claim.sentence)), f"{_anchor(doc_id)}-s{len(spans) + 1}")
        return Side(doc_id, names.get(doc_id, doc_id), value, _sentence(text, claim), _link(doc and doc.url),
                    doc.published if doc else None, anchor)

    cards = []
    for i, d in enumerate(items):
        a, b = side(d.doc_a, d.claim_a, d.value_a, d.text_a), side(d.doc_b, d.claim_b, d.value_b, d.text_b)
        evidence = [(names.get(e.get("doc_a", ""), e.get("doc_a", "")), e.get("text_a", ""),
                     names.get(e.get("doc_b", ""), e.get("doc_b", "")), e.get("text_b", "")) for e in d.evidence]
        cards.append(Card(i, d, band(d.severity), named(d.explanation, d, names), a, b,
                          sorted({a.name, b.name}), evidence if len(evidence) > 1 else []))

    stories = []
    for number, indexes in enumerate(_stories(items), 1):
        facts: dict[str, list[Card]] = {}
        for i in indexes:
            facts.setdefault(items[i].topic, []).append(cards[i])
        story_docs = sorted({x for i in indexes for x in (items[i].doc_a, items[i].doc_b)})
        titles = [t for t in (_title(docs.get(x)) for x in story_docs) if t]
        topic_words = Counter(items[i].topic.split(" · ")[0] for i in indexes)
        label = titles[0] if titles else topic_words.most_common(1)[0][0]
        words = next((items[i].story for i in indexes if items[i].story), "")
        if words and words not in label:
            label = f"{label} — {words}"  # the story's distinctive words, as in the `story` column
        stories.append(Story(number, label, [names.get(x, x) for x in story_docs],
                             sorted((Fact(t, c) for t, c in facts.items()), key=lambda f: -f.top)))

    embedded = []
    for doc_id in sorted(cited, key=lambda x: names.get(x, x)):
        doc = docs[doc_id]
        spans = [(s, e, "cited", anchor) for (s, e), anchor in cited[doc_id].items()]
        embedded.append(EmbeddedArticle(doc_id, _anchor(doc_id), names.get(doc_id, doc_id), doc.title, doc.published,
                                        _link(doc.url), _marked(doc.text, spans)))

    kinds = Counter(d.kind for d in items)
    bands = Counter(band(d.severity) for d in items)
    return {
        "items": items,
        "stories": stories,
        "articles": embedded,
        "documents": len({x for d in items for x in (d.doc_a, d.doc_b)}),
        "kinds": sorted(kinds.items(), key=lambda kv: -kv[1]),
        "bands": [(name, bands.get(name, 0), meaning) for name, _, meaning in SEVERITY_BANDS],
        "kind_meanings": KINDS,
        "outlets": sorted({n for c in cards for n in c.outlets}),
    }


def render_html(
    items: Sequence[Discrepancy],
    *,
    documents: Mapping[str, Article] | None = None,
    claims: Sequence[Claim] | None = None,
) -> str:
    from importlib import resources

    from jinja2 import Environment

    source = resources.files("claimcheck.report").joinpath("templates/report.html.j2").read_text(encoding="utf-8")
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(source)
    return template.render(generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                           **build(items, documents, claims))

"""Load the spaCy pipeline once and run it over articles in batches, in this process or in workers.

The pipeline is `fr_core_news_md` with two components of claimcheck's own, registered when this
module is imported (so worker processes, which import it to unpickle their task, know them):

- `claimcheck_line_breaks`, before the parser: a sentence never crosses a line break in an article
  turned into text (title, list items, paragraphs), so every token that follows a newline starts a
  sentence; elsewhere only a final punctuation mark followed by a capital, a digit or an opening
  quote does. The parser respects these boundaries.
- `claimcheck_attribute_rules`, in place of the model's `attribute_ruler`: the same single-token
  rules (TAG copied from POS; whitespace tokens get POS/TAG SPACE, empty morphology, DEP "dep"),
  applied with array operations. The stock component builds a Span per matching token — every
  token — and took ~5 % of the whole pass; this one gives identical annotations in ~0.1 %.

Worker processes (see `claimcheck.api.extract_articles`) call `worker_init` once, then either
`parse_batch` (Docs back as compact DocBin bytes; the parent extracts the claims while the worker
parses the next batch) or `extract_batch` (claims back; used with several workers).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import DEP, IDX, IS_SPACE, LENGTH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimcheck.records import Article, Claim

MODEL = "fr_core_news_md"
# Articles per nlp.pipe batch. Measured here (2 cores, 300 articles of 300-700 words, `extract`
# with one worker; peak RSS of all processes / CPU seconds): 16 → 0.80 GB / 33.6 s, 32 → 0.99 GB /
# 34.4 s, 64 → 1.29 GB / 35.1 s, 128 → 1.97 GB / 37.5 s. Bigger batches only cost memory.
BATCH_SIZE = 16
# What a parsed Doc carries from a worker to the parent: everything claims.py reads (the tensor and
# the vectors stay behind).
DOC_ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID", "LEMMA",
             "MORPH", "POS", "SENT_START")

_GLUED_DOT = re.compile(r"(\w[\w/]*)\.(?=\s)")
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "av", "bd", "etc", "cf", "p", "n°", "no", "env", "min", "max", "vol", "art", "chap", "fig", "éd", "ed", "coll", "trad", "hab", "tél"})
_FINAL = frozenset({".", "!", "?", "…", "?!", "..."})
_CLOSE = frozenset({"»", "\"", "”", ")"})
_OPEN = frozenset({"«", "\"", "“", "(", "•", "-", "–", "—"})


# ------------------------------------------------------------------------------ components
@Language.component("claimcheck_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """Set every sentence start before the parser: after a line break, or after a final punctuation
    mark followed by a capital, a digit or an opening quote; never elsewhere (so "7 500" or a
    heading line is never cut in two)."""
    n = len(doc)
    if n < 2:
        return doc
    strings = doc.vocab.strings
    cols = doc.to_array([ORTH, IS_SPACE, IDX, LENGTH])
    orth, space, idx, length = cols[:, 0], cols[:, 1].astype(bool), cols[:, 2], cols[:, 3]
    text = doc.text
    starts = numpy.full(n, -1, dtype="int64")
    starts[0] = 1
    final = numpy.isin(orth, [strings[s] for s in _FINAL])
    # A word glued to its final dot ("… 130 km/h. La ville …") ends a sentence too, unless it is an
    # abbreviation ("M.", "av.", a single capital).
    for m in _GLUED_DOT.finditer(text):
        stem = m.group(1).lower().split("/")[-1]
        if stem in _ABBREVIATIONS or (len(stem) == 1 and m.group(1).isupper()):
            continue
        i = int(numpy.searchsorted(idx, m.end(), side="right")) - 1
        if 0 <= i < n and idx[i] + length[i] == m.end():
            final[i] = True
    close = numpy.isin(orth, [strings[s] for s in _CLOSE])
    # Token i may start a sentence when token i-1 is final, or closes a quote after a final mark.
    after_final = numpy.zeros(n, dtype=bool)
    after_final[1:] = final[:-1]
    after_final[2:] |= close[1:-1] & final[:-2]
    after_final &= ~space
    for i in numpy.flatnonzero(after_final).tolist():
        first = text[idx[i]]
        if first.isupper() or first.isdigit() or first in _OPEN:
            starts[i] = 1
    # A line break wins over everything: the token after a whitespace token holding "\n" starts one.
    for i in numpy.flatnonzero(space[:-1]).tolist():
        if "\n" in text[idx[i]:idx[i] + length[i]]:
            starts[i + 1] = 1
    doc.from_array([SENT_START], cast(Any, starts.astype("uint64").reshape(-1, 1)))
    return doc


class AttributeRules:
    """The model's attribute_ruler patterns — single tokens matched on POS, TAG, IS_SPACE or DEP —
    applied with numpy masks, in the ruler's order (later rules win), on the values before any rule."""

    def __init__(self, rules: list[tuple[list[tuple[str, Any]], dict[str, str]]], patterns: list[dict[str, Any]]) -> None:
        self.rules = rules
        self.patterns = patterns  # the ruler's own, kept for comparison and serialisation

    @classmethod
    def from_ruler(cls, patterns: Sequence[dict[str, Any]]) -> AttributeRules | None:
        """Compile the ruler's patterns; None when one of them is beyond these simple forms."""
        rules = []
        for entry in patterns:
            pattern = entry["patterns"][0] if len(entry["patterns"]) == 1 else None
            if not pattern or len(pattern) != 1 or entry.get("index", 0) not in (0, -1):
                return None
            conds: list[tuple[str, Any]] = []
            for key, value in pattern[0].items():
                if (key in {"POS", "TAG"} and isinstance(value, str)) or (key == "IS_SPACE" and isinstance(value, bool)):
                    conds.append((key, value))
                elif key == "DEP" and isinstance(value, dict) and list(value) == ["NOT_IN"]:
                    conds.append(("DEP_NOT_IN", tuple(value["NOT_IN"])))
                else:
                    return None
            if not set(entry["attrs"]) <= {"TAG", "POS", "MORPH", "DEP"}:
                return None
            rules.append((conds, dict(entry["attrs"])))
        return cls(rules, list(patterns))

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        strings = doc.vocab.strings
        before = doc.to_array([POS, TAG, DEP, IS_SPACE])
        after = before[:, :3].copy()
        morph: numpy.ndarray | None = None
        for conds, attrs in self.rules:
            mask = numpy.ones(len(doc), dtype=bool)
            for key, value in conds:
                if key == "POS":
                    mask &= before[:, 0] == POS_IDS[value]
                elif key == "TAG":
                    mask &= before[:, 1] == strings[value]
                elif key == "IS_SPACE":
                    mask &= before[:, 3].astype(bool) == value
                else:  # DEP_NOT_IN: spaCy's Matcher reads an unset DEP as ""
                    mask &= ~numpy.isin(before[:, 2], [strings[v] if v else 0 for v in value])
            if not mask.any():
                continue
            for key, value in attrs.items():
                if key == "POS":
                    after[mask, 0] = POS_IDS[value]
                elif key == "TAG":
                    after[mask, 1] = strings.add(value)
                elif key == "DEP":
                    after[mask, 2] = strings.add(value)
                else:  # MORPH: remember the last value each token gets
                    if morph is None:
                        morph = numpy.full(len(doc), None, dtype=object)
                    morph[mask] = value
        doc.from_array([POS, TAG, DEP], cast(Any, after))
        if morph is not None:
            for i in numpy.flatnonzero(morph != None).tolist():  # element-wise comparison
                doc[i].set_morph(morph[i])  # type: ignore[attr-defined]
        return doc


@Language.factory("claimcheck_attribute_rules", assigns=["token.pos", "token.tag", "token.morph", "token.dep"])
def make_attribute_rules(nlp: Language, name: str, patterns: list[dict[str, Any]]) -> AttributeRules:
    rules = AttributeRules.from_ruler(patterns)
    if rules is None:  # pragma: no cover - guarded by load_pipeline
        raise ValueError("claimcheck_attribute_rules: unsupported attribute_ruler pattern")
    return rules


# -------------------------------------------------------------------------------- pipeline
@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The French pipeline with claimcheck's components, loaded once per process."""
    import spacy

    import claimcheck.components.anchors  # noqa: F401  (registers claimcheck_quantities)

    nlp = spacy.load(MODEL)
    nlp.add_pipe("claimcheck_line_breaks", before="parser")
    nlp.add_pipe("claimcheck_quantities", last=True)
    if "attribute_ruler" in nlp.pipe_names:
        patterns = list(cast(Any, nlp.get_pipe("attribute_ruler")).patterns)
        if AttributeRules.from_ruler(patterns) is not None:
            nlp.replace_pipe("attribute_ruler", "claimcheck_attribute_rules", config={"patterns": patterns})
    return nlp


def pipeline_loaded() -> bool:
    """Whether this process has loaded the pipeline already (forked workers then share it)."""
    return load_pipeline.cache_info().currsize > 0


def parse(texts: Iterable[str], *, n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`; several processes when `n_process` > 1."""
    nlp = load_pipeline()
    if n_process > 1:
        # Each worker process loads its own copy; keep torch/BLAS threads from oversubscribing.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def extract_docs(articles: Sequence[Article], *, batch_size: int = BATCH_SIZE) -> list[list[Claim]]:
    """Parse and extract, in this process: the claims of each article, in order."""
    from claimcheck.claims import extract_claims

    nlp = load_pipeline()
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size)
    return [extract_claims(doc, article) for doc, article in zip(docs, articles)]


# ------------------------------------------------------------------ serialisation for workers
def docs_to_bytes(docs: Iterable[Doc]) -> bytes:
    from spacy.tokens import DocBin

    return DocBin(attrs=list(DOC_ATTRS), docs=docs, store_user_data=True).to_bytes()


def docs_from_bytes(data: bytes, vocab: Vocab) -> list[Doc]:
    from spacy.tokens import DocBin

    return list(DocBin(attrs=list(DOC_ATTRS), store_user_data=True).from_bytes(data).get_docs(vocab))


@lru_cache(maxsize=1)
def reading_vocab() -> Vocab:
    """A vocabulary to rebuild the Docs that workers send: the loaded pipeline's when there is one,
    else a blank French one (the same lexical attributes, no model weights: ~2 s and ~100 MB less)."""
    if pipeline_loaded():
        return load_pipeline().vocab
    import spacy

    return spacy.blank("fr").vocab


# ---------------------------------------------------------------------- worker entry points
def worker_init() -> None:
    """Run once in each worker process: ignore Ctrl-C (the parent stops the workers), load the model."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline()


def parse_batch(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> bytes:
    """Worker task: parse texts; the Docs as DocBin bytes."""
    return docs_to_bytes(load_pipeline().pipe(texts, batch_size=batch_size))


def extract_batch(articles: Sequence[Article], batch_size: int = BATCH_SIZE) -> list[list[Claim]]:
    """Worker task: parse and extract; the claims of each article."""
    return extract_docs(articles, batch_size=batch_size)

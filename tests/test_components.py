"""The claimcheck_quantities component: spans and values on the Doc, kept through a DocBin."""

from __future__ import annotations

from claimcheck.components.anchors import SPAN_KEY, quantities_of
from claimcheck.pipeline import docs_from_bytes, docs_to_bytes


def test_component_marks_quantities_as_spans_with_their_qualifier(nlp):
    doc = nlp("Plus de 1 000 conteneurs ont été expédiés en 2023, et environ 40 secondes plus tard, 3 morts.")
    assert "claimcheck_quantities" in nlp.pipe_names
    spans = [(s.text, s.label_) for s in doc.spans[SPAN_KEY]]
    assert spans == [("Plus de 1 000", "gt"), ("environ 40 secondes", "approx"), ("3", "eq")]
    values = [(q.value, q.unit) for q in quantities_of(doc)]
    assert values == [(1000.0, None), (40.0, "seconde"), (3.0, None)]


def test_quantities_travel_with_the_doc_from_a_worker(nlp):
    doc = nlp("Le bilan s'élève à 2 497 morts et 2 476 blessés.")
    (back,) = docs_from_bytes(docs_to_bytes([doc]), nlp.vocab)
    assert quantities_of(back) == quantities_of(doc)
    assert [s.text for s in back.spans[SPAN_KEY]] == ["2 497", "2 476"]


def test_a_doc_that_skipped_the_component_is_still_read(nlp):
    doc = nlp.make_doc("Environ 300 personnes.")
    assert [q.value for q in quantities_of(doc)] == [300.0]

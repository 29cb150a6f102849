"""Story clustering (align.stories): average link keeps stories told in the same words apart."""

from __future__ import annotations

import pytest

from claimcheck.compare import stories as align


def test_average_link_does_not_chain_through_one_close_pair():
    # a–b and b–c are close, a–c share nothing: single link would make one story of the three.
    sims = {("a", "b"): 0.5, ("b", "c"): 0.5}
    groups = align.average_link(["a", "b", "c"], sims, 0.3)
    assert groups["a"] == groups["b"] or groups["b"] == groups["c"]
    assert groups["a"] != groups["c"]


def test_average_link_joins_a_tight_group():
    docs = ["a", "b", "c", "d"]
    sims = {("a", "b"): 0.4, ("a", "c"): 0.2, ("b", "c"): 0.3, ("c", "d"): 0.01}
    groups = align.average_link(docs, sims, 0.09)
    assert groups["a"] == groups["b"] == groups["c"]
    assert groups["d"] != groups["a"]


@pytest.mark.parametrize("threshold", [0.09, 0.2])
def test_average_link_leaves_unrelated_documents_alone(threshold):
    groups = align.average_link(["a", "b", "c"], {("a", "b"): 0.05}, threshold)
    assert len(set(groups.values())) == 3


def test_a_word_in_many_documents_ties_none_of_them():
    docs = [f"d{i}" for i in range(align.STORY_WORD_CAP + 1)]
    vectors = {d: {"tempête": 1.0} for d in docs}
    assert align.similarities(docs, vectors, {"tempête": docs}) == {}
    assert align.similarities(docs[:2], vectors, {"tempête": docs[:2]}) == {("d0", "d1"): 1.0}


def test_stop_words_are_read_from_the_data_file():
    stop = align.stop_words()
    assert {"le", "la", "dans", "avec"} <= stop
    assert "tempête" not in stop

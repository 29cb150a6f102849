"""Property-based tests (hypothesis): the number and date normalizers return a value or nothing on
any input — random unicode, digit groups with spaces, no-break spaces, dots and commas, huge numbers,
exponents, French number words, calendar ends — and never raise (issue 14: one odd token in a
corpus must not abort an extraction of thousands of articles). No timing is asserted."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimcheck.normalize.dates import date_bounds, dates_compatible, find_dates, find_times
from claimcheck.normalize.numbers import find_ordinals, find_quantities, parse_number

WORDS = ["mille", "million", "milliard", "vingt", "cent", "trois", "quatre-vingt-dix", "soixante-et-onze", "demi",
         "plus de", "environ", "près de", "au moins", "entre", "et", "%", "euros", "km/h", "°C", "mardi", "fevrier",
         "Février", "1er", "mi-juillet", "fin mars", "en 74", "la veille", "il y a dix jours", "Noël", "le 14-Juillet",
         "virgule", "moins", "$", "CHF", "h", "heures", "du soir", "vers", "à", "midi", "ième", "XXIe", "Pâques", "le",
         "en huit", "plus tard", "après", "cents", "et"]
SEPARATORS = [" ", "\u00a0", "\u202f", ".", ",", "-", "/", "e", "E", "'", "’", "", ":", "h", "e-"]

digit_groups = st.lists(
    st.tuples(st.text("0123456789", min_size=1, max_size=12), st.sampled_from(SEPARATORS)), min_size=1, max_size=8
).map(lambda parts: "".join(d + s for d, s in parts))
french = st.lists(st.one_of(st.sampled_from(WORDS), digit_groups), min_size=1, max_size=12).map(" ".join)
anything = st.one_of(st.text(max_size=200), digit_groups, french)
# derandomize: the same examples on every run (CI must not fail on a new random draw; run with
# --hypothesis-seed=random, or raise max_examples, to search further).
SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(anything)
def test_find_quantities_never_raises(text):
    for m in find_quantities(text):
        assert 0 <= m.start <= m.num_start < m.num_end <= m.end <= len(text)
        assert not math.isnan(m.value)


@SETTINGS
@given(anything)
def test_parse_number_never_raises(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)


# Valid publication dates, calendar ends included (an invalid one is refused by the meta reader with
# a one-line error before any text is read; find_dates documents a ValueError for it).
PUBLISHED = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["0001-01-01", "9999-12-31", "9999-12", "0001-01", "2024-02-29"]),
)


@SETTINGS
@given(anything, PUBLISHED)
def test_find_dates_never_raises(text, published):
    for m in find_dates(text, published):
        assert 0 <= m.start < m.end <= len(text)
        date_bounds(m.value)  # a value it gives can be bounded (or says it cannot: None)


@SETTINGS
@given(st.text(max_size=40), st.text(max_size=40))
def test_date_values_compare_without_raising(a, b):
    assert dates_compatible(a, b) in (True, False)


@SETTINGS
@given(anything)
def test_find_times_and_ordinals_never_raise(text):
    for m in find_times(text):
        assert 0 <= m.start < m.end <= len(text) and m.precision == "time"
    for o in find_ordinals(text):
        assert 0 <= o.start < o.end <= len(text) and o.rank > 0

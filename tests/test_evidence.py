"""Every evidence feature of "same fact?" (claimcheck/compare/evidence.py), on claims made in the test.

Each feature has one loud case (it fires) and one quiet case (it stays at 0) that differ in the one
thing the feature reads; `test_every_feature_has_a_loud_and_a_quiet_case` fails when a feature of
the table has no pair here. Linking and vetoes are checked below the features.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimcheck.compare import evidence as ev
from claimcheck.compare import linking
from claimcheck.compare.context import Context, story_idf
from claimcheck.compare.keys import KeyTable
from claimcheck.records import Claim

SENT = "Le séisme d'Al Haouz a fait 120 morts vendredi, selon le ministère de l'Intérieur."


def claim(cid: str = "a:1", doc: str = "a", text: str = "120", value: str = "120", sentence: str = SENT, **kw) -> Claim:
    start = kw.pop("start", sentence.find(text) if text in sentence else 0)
    fields = dict(kind="quantity", unit="mort", qualifier="eq", section="body", event="death")
    fields.update(kw)
    return Claim(cid, doc, text=text, start=start, end=start + len(text), value=value, sentence=sentence,
                 sent_start=0, sent_end=len(sentence), **fields)


def context(*claims: Claim, published: dict[str, str] | None = None) -> Context:
    keys = KeyTable()
    docs = {c.doc_id for c in claims}
    story = {d: 0 for d in docs}
    ctx = Context(published=published or {d: "2023-09-12" for d in docs}, story=story, keys=keys)
    ctx.idf = story_idf(list(claims), story, keys)
    places: dict[str, set[str]] = {}
    for c in claims:
        if c.place:
            places.setdefault(c.doc_id, set()).add(c.place.lower())
    ctx.doc_places = {d: frozenset(p) for d, p in places.items()}
    return ctx


OTHER = "Un marché couvert de Marrakech a rouvert ses portes lundi, 3 commerçants présents."


def pair(a: dict | None = None, b: dict | None = None, *, published: dict[str, str] | None = None, setup=None):
    ca = claim("a:1", "a", **(a or {}))
    cb = claim("b:1", "b", **(b or {}))
    ctx = context(ca, cb, published=published)
    if setup:
        setup(ctx, ca, cb)
    return ca, cb, ctx


# name → (loud case, quiet case); each case is (a, b, ctx)
CASES = {
    "shared_words": (lambda: pair(), lambda: pair(b={"sentence": OTHER, "text": "3", "value": "3"})),
    "shared_place": (lambda: pair({"place": "Al Haouz"}, {"place": "Al Haouz"}), lambda: pair({"place": "Al Haouz"}, {"place": "Taroudant"})),
    "other_place": (lambda: pair({"place": "Al Haouz"}, {"place": "Taroudant"}), lambda: pair({"place": "Al Haouz"}, {"place": "Al Haouz"})),
    "one_place_not_national": (lambda: pair({"place": "Taroudant"}, {}), lambda: pair({"place": "Maroc"}, {})),
    "local_against_total": (
        lambda: pair({"place": "Taroudant", "value": "120"}, {"value": "2000"}),
        lambda: pair({"place": "Taroudant", "value": "120"}, {"value": "150"}),
    ),
    "both_headlines": (lambda: pair({"section": "title"}, {"section": "keypoints"}), lambda: pair({"section": "title"}, {"section": "body"})),
    "published_apart": (lambda: pair(published={"a": "2023-09-09", "b": "2023-09-12"}), lambda: pair(published={"a": "2023-09-12", "b": "2023-09-12"})),
    "shared_date": (lambda: pair({"event_date": "2023-09-08"}, {"event_date": "2023-09-08"}), lambda: pair({"event_date": "2023-09-08"}, {})),
    "shared_source": (lambda: pair({"source": "ministère de l'Intérieur"}, {"source": "ministère de l'Intérieur"}), lambda: pair({"source": "ministère de l'Intérieur"}, {})),
    "shared_holder": (lambda: pair({"subject": "séisme"}, {"subject": "séisme"}), lambda: pair({"subject": "séisme"}, {"subject": "secousse"})),
    "other_holder": (lambda: pair({"subject": "Nice"}, {"subject": "Marseille"}), lambda: pair({"subject": "Nice"}, {"subject": "Nice"})),
    "shared_event": (lambda: pair({"event": "death"}, {"event": "death"}), lambda: pair({"event": "death"}, {"event": "arrest"})),
    "other_event": (lambda: pair({"event": "death"}, {"event": "arrest"}), lambda: pair({"event": "death"}, {"event": "death;announce"})),
    "shared_counted": (lambda: pair({"counted": "bois"}, {"counted": "bois"}), lambda: pair({"counted": "bois"}, {})),
    "other_counted": (lambda: pair({"counted": "bois"}, {"counted": "blé"}), lambda: pair({"counted": "bois"}, {"counted": "bois"})),
    "shared_verb": (lambda: pair({"predicate": "tuer"}, {"predicate": "tuer"}), lambda: pair({"predicate": "faire"}, {"predicate": "faire"})),
    "shared_endpoint": (lambda: pair({"destination": "Russie"}, {"destination": "Russie"}), lambda: pair({"destination": "Russie"}, {"origin": "Russie"})),
    "other_endpoints": (lambda: pair({"destination": "Russie"}, {"destination": "Iran"}), lambda: pair({"destination": "Russie"}, {"origin": "Russie"})),
    "shared_other_figure": (
        lambda: pair(setup=lambda ctx, a, b: ctx.figures.update({("a", 0): frozenset({("km", "9")}), ("b", 0): frozenset({("km", "9")})})),
        lambda: pair(setup=lambda ctx, a, b: ctx.figures.update({("a", 0): frozenset({("mort", "9")}), ("b", 0): frozenset({("mort", "9")})})),
    ),
    "summary_restates_body": (
        lambda: (claim("a:1", section="title"), claim("a:2"), context(claim("a:1"))),
        lambda: (claim("a:1", section="title"), claim("b:2", "b"), context(claim("a:1"))),
    ),
    "same_figure": (lambda: pair(), lambda: pair(b={"value": "45", "text": "45"})),
    "far_apart": (lambda: pair(b={"value": "1200", "text": "1 200"}), lambda: pair()),
    "same_paragraph": (
        lambda: (claim("a:1"), claim("a:2", sentence="Les secours ont compté 45 morts.", text="45", value="45"), context(claim("a:1"))),
        lambda: (claim("a:1"), claim("a:2", sentence="Les secours ont compté 45 morts.", text="45", value="45", paragraph=3), context(claim("a:1"))),
    ),
    "one_sided_earlier": (
        lambda: pair(b={"sentence": "Le précédent bilan faisait état de 120 morts.", "text": "120"}),
        lambda: pair(b={"sentence": "Le dernier bilan fait état de 120 morts.", "text": "120"}),
    ),
    "one_sided_target": (
        lambda: pair(b={"sentence": "Le bilan pourrait atteindre 120 morts.", "text": "120"}),
        lambda: pair(b={"sentence": "Le bilan a atteint 120 morts.", "text": "120"}),
    ),
    "one_sided_part": (
        lambda: pair(b={"sentence": "On compte 300 victimes, dont 120 morts.", "text": "120"}),
        lambda: pair(b={"sentence": "On compte 300 blessés et 120 morts.", "text": "120"}),
    ),
    "shared_actors": (lambda: pair({"entities": "Al Haouz; Maroc"}, {"entities": "Al Haouz"}), lambda: pair({"entities": "Al Haouz"}, {"entities": "Taroudant"})),
    "other_names": (lambda: pair({"entities": "Al Haouz"}, {"entities": "Taroudant"}), lambda: pair({"entities": "Al Haouz"}, {"entities": "Al Haouz"})),
    "undatable": (
        lambda: pair(setup=lambda ctx, a, b: ctx.undatable.add(a.claim_id)),
        lambda: pair(),
    ),
    "same_article": (
        lambda: (claim("a:1"), claim("a:2", value="45", text="45"), context(claim("a:1"))),
        lambda: pair(),
    ),
    "other_verb": (lambda: pair({"predicate": "lever"}, {"predicate": "maintenir"}), lambda: pair({"predicate": "lever"}, {"predicate": "lever"})),
    "same_object": (lambda: pair({"object": "la loi"}, {"object": "la loi"}), lambda: pair({"object": "la loi"}, {"object": "le budget"})),
    "one_price": (
        lambda: pair({"unit": "EUR", "event": "transfer", "sentence": "Le club a vendu le joueur 40 millions d'euros.", "text": "40 millions d'euros"},
                     {"unit": "EUR", "event": "", "sentence": "Le club dispose de 40 millions d'euros de trésorerie.", "text": "40 millions d'euros"}),
        lambda: pair({"unit": "EUR", "event": "transfer", "sentence": "Le club a vendu le joueur 40 millions d'euros.", "text": "40 millions d'euros"},
                     {"unit": "EUR", "event": "", "sentence": "Le joueur est parti pour 45 millions d'euros.", "text": "45 millions d'euros"}),
    ),
    "one_total": (lambda: pair({"aspect": "total"}, {}), lambda: pair({"aspect": "total"}, {"aspect": "total"})),
    "near_words": (
        lambda: pair({"kind": "date", "sentence": "Les législatives du 16 novembre ont vu la victoire de l'AD.", "text": "16 novembre"},
                     {"kind": "date", "sentence": "L'AD est arrivée en tête des législatives de dimanche.", "text": "dimanche"}),
        lambda: pair({"kind": "date", "sentence": "Les législatives du 16 novembre ont vu la victoire de l'AD.", "text": "16 novembre"},
                     {"kind": "date", "sentence": "Le dépouillement des bulletins a duré jusqu'à dimanche, selon la commission.", "text": "dimanche"}),
    ),
    "one_digit_apart": (
        lambda: pair({"value": "312", "text": "312"}, {"value": "321", "text": "321"}),
        lambda: pair({"value": "312", "text": "312"}, {"value": "350", "text": "350"}),
    ),
    "one_ahead": (
        lambda: pair({"kind": "date", "unit": "day", "value": "2023-09-18"}, {"kind": "date", "unit": "day", "value": "2023-09-08"}),
        lambda: pair({"kind": "date", "unit": "day", "value": "2023-09-09"}, {"kind": "date", "unit": "day", "value": "2023-09-08"}),
    ),
    # "hier" in an article of the 28th, "hier" in one of the 23rd: each its own day's news
    "each_its_own_day": (
        lambda: pair({"kind": "date", "unit": "day", "value": "2023-11-27"}, {"kind": "date", "unit": "day", "value": "2023-11-22"},
                     published={"a": "2023-11-28", "b": "2023-11-23"}),
        lambda: pair({"kind": "date", "unit": "day", "value": "2023-11-27"}, {"kind": "date", "unit": "day", "value": "2023-11-29"},
                     published={"a": "2023-11-28", "b": "2023-12-02"}),
    ),
    "both_leads": (
        lambda: pair({"kind": "date", "paragraph": 1}, {"kind": "date", "paragraph": 2},
                     setup=lambda ctx, a, b: ctx.lead.update({"a": frozenset({1, 2}), "b": frozenset({1, 2})})),
        lambda: pair({"kind": "date", "paragraph": 1}, {"kind": "date", "paragraph": 7},
                     setup=lambda ctx, a, b: ctx.lead.update({"a": frozenset({1, 2}), "b": frozenset({1, 2})})),
    ),
    "both_first": (
        lambda: pair({"kind": "date"}, {"kind": "date"}, setup=lambda ctx, a, b: setattr(ctx, "firsts", frozenset({"a:1", "b:1"}))),
        lambda: pair({"kind": "date"}, {"kind": "date"}, setup=lambda ctx, a, b: setattr(ctx, "firsts", frozenset({"a:1"}))),
    ),
    "days_close": (
        lambda: pair({"kind": "date", "unit": "day", "value": "2024-04-06"}, {"kind": "date", "unit": "day", "value": "2024-04-07"}),
        lambda: pair({"kind": "date", "unit": "day", "value": "2024-04-06"}, {"kind": "date", "unit": "day", "value": "2024-04-09"}),
    ),
}


@pytest.mark.parametrize(
    "value_a, value_b, strength",
    [
        ("312", "321", 1.0),  # two neighbours swapped
        ("54175", "54715", 1.0),
        ("384.3", "374.3", 1.0),  # one digit of a price
        ("8447", "8448", 1.0),  # 2h20'47 / 2h20'48, in seconds
        ("16", "26", 0.0),  # two digits: as often two facts
        ("3", "4", 0.0),
        ("312", "3120", 0.0),  # another order of magnitude
        ("312", "345", 0.0),  # two digits differ
        ("312", "312", 0.0),
    ],
)
def test_figures_one_digit_apart(value_a, value_b, strength):
    a, b, ctx = pair({"value": value_a, "text": value_a}, {"value": value_b, "text": value_b})
    assert ev.one_digit_apart(a, b, ctx) == strength


def test_leads_and_firsts_of_the_articles():
    from claimcheck.compare.context import leads_and_firsts

    claims = [
        claim("a:1", "a", kind="date", unit="day", value="2024-04-07", text="dimanche", section="title", paragraph=0),
        claim("a:2", "a", kind="date", unit="day", value="2024-04-07", text="dimanche", paragraph=1, start=10),
        claim("a:3", "a", kind="date", unit="day", value="2024-04-06", text="samedi", paragraph=2, start=50),
        claim("a:4", "a", paragraph=5, start=90),
        claim("a:5", "a", paragraph=6, start=120, value="130"),
    ]
    lead, firsts = leads_and_firsts(claims, KeyTable())
    assert lead == {"a": frozenset({1, 2})}  # the title is no part of the body's lead
    assert firsts == {"a:2", "a:4"}  # the first day the body dates, its first count of the dead


def test_every_feature_has_a_loud_and_a_quiet_case():
    names = {f.name for f in ev.FEATURES + ev.DATE_FEATURES}
    assert names == set(CASES), "a feature of the tables needs a loud and a quiet case in CASES"


def test_a_feature_name_means_one_function_in_every_table():
    by_name: dict[str, object] = {}
    for f in ev.FEATURES + ev.DATE_FEATURES:
        assert by_name.setdefault(f.name, f.fn) is f.fn


@pytest.mark.parametrize("name", sorted(CASES))
def test_feature_loud(name):
    a, b, ctx = CASES[name][0]()
    assert ev.FEATURE_BY_NAME[name].fn(a, b, ctx) > 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_feature_quiet(name):
    a, b, ctx = CASES[name][1]()
    assert ev.FEATURE_BY_NAME[name].fn(a, b, ctx) == 0


def test_rarer_shared_words_weigh_more():
    common = "Le séisme a fait 120 morts, selon le ministère."
    rare = "Le séisme a fait 120 morts à Amizmiz, selon le ministère."
    filler = [claim(f"c:{i}", "c", sentence=f"Le séisme a fait {i} morts, selon le ministère.", text=str(i), value=str(i)) for i in range(2, 8)]
    a, b = claim("a:1", sentence=common), claim("b:1", "b", sentence=common)
    ra, rb = claim("a:2", sentence=rare), claim("b:2", "b", sentence=rare)
    ctx = context(a, b, ra, rb, *filler)
    assert ev.shared_words(ra, rb, ctx) > ev.shared_words(a, b, ctx)


# ------------------------------------------------------------------------------------- vetoes
@pytest.mark.parametrize(
    "a, b, reason",
    [
        ({"unit": "mort"}, {"unit": "blessé", "event": "injury"}, "different things"),
        ({"aspect": "peak"}, {"aspect": "remaining"}, "peak"),
        ({"scope": "part"}, {}, "part"),
        ({"event_date": "2023-09-08"}, {"event_date": "2023-09-10"}, "different moments"),
        ({"source": "police"}, {"source": "CGT"}, "different sources"),
    ],
)
def test_categorical_vetoes(a, b, reason):
    ca, cb, ctx = pair(a, b)
    assert reason in ev.quantity_veto(ca, cb, ctx)
    quiet_a, quiet_b, quiet_ctx = pair()
    assert ev.quantity_veto(quiet_a, quiet_b, quiet_ctx) == ""


def test_figures_of_one_sentence_are_not_one_fact():
    a = claim("a:1", sentence="Le séisme a fait 120 morts et 45 disparus.", text="120")
    b = claim("a:2", sentence="Le séisme a fait 120 morts et 45 disparus.", text="45", value="45")
    assert "one sentence" in ev.quantity_veto(a, b, context(a, b))


def test_score_is_the_sum_of_weighted_features_and_names_them():
    from claimcheck.compare.settings import Settings

    a, b, ctx = pair({"place": "Al Haouz"}, {"place": "Al Haouz"})
    ctx.settings = Settings(weights={}, bias={})  # the table's own weights
    result = ev.score(a, b, ctx)
    assert result.score == pytest.approx(sum(c for _, c in result.contributions))
    assert dict(result.contributions)["shared_place"] == {f.name: f for f in ev.FEATURES}["shared_place"].weight
    assert "same place" in result.words() and result.as_dict()["features"]["shared_place"] == 1.5


# ------------------------------------------------------------------------------------ linking
def _ev(score: float) -> ev.Evidence:
    return ev.Evidence(score, ())


def _agree(a: Claim, b: Claim) -> bool:
    return a.value == b.value


def test_an_agreeing_counterpart_consumes_the_claim():
    a = claim("a:1", value="120")
    b_same = claim("b:1", "b", value="120")
    b_other = claim("b:2", "b", value="45")
    links = linking.link([(a, b_same, _ev(5.0)), (a, b_other, _ev(4.0))], 2.0, 3.0, _agree)
    assert [(lk.a.claim_id, lk.b.claim_id, lk.agree) for lk in links] == [("a:1", "b:1", True)]


def test_without_an_agreeing_counterpart_the_conflict_is_linked():
    a = claim("a:1", value="120")
    b_other = claim("b:2", "b", value="45")
    (lk,) = linking.link([(a, b_other, _ev(4.0))], 2.0, 3.0, _agree)
    assert not lk.agree and lk.conflicting[0][1] is b_other


def test_below_the_threshold_nothing_is_linked():
    a, b = claim("a:1"), claim("b:1", "b", value="45")
    assert linking.link([(a, b, _ev(1.9))], 2.0, 3.0, _agree) == []


def test_inside_one_article_the_stricter_threshold_applies():
    a, b = claim("a:1"), claim("a:2", value="45")
    assert linking.link([(a, b, _ev(2.5))], 2.0, 3.0, _agree) == []
    assert len(linking.link([(a, b, _ev(3.5))], 2.0, 3.0, _agree)) == 1


def test_a_fact_stated_twice_disagrees_when_one_statement_does():
    title = claim("a:1", value="1000", section="title")
    body = claim("a:2", value="1000")
    other = claim("b:1", "b", value="11000")
    scored = [(title, body, _ev(6.0)), (body, other, _ev(5.0)), (title, other, _ev(3.0))]
    links = linking.link(scored, 2.0, 3.0, _agree)
    across = [lk for lk in links if lk.a.doc_id != lk.b.doc_id]
    assert len(across) == 1 and not across[0].agree
    assert {(x.claim_id, y.claim_id) for x, y, _ in across[0].conflicting} == {("a:2", "b:1"), ("a:1", "b:1")}


def test_linking_is_deterministic_whatever_the_order_of_pairs():
    a, b, c = claim("a:1"), claim("b:1", "b", value="45"), claim("b:2", "b", value="46")
    one = linking.link([(a, b, _ev(4.0)), (a, c, _ev(4.0))], 2.0, 3.0, _agree)
    two = linking.link([(a, c, _ev(4.0)), (a, b, _ev(4.0))], 2.0, 3.0, _agree)
    assert [(lk.a.claim_id, lk.b.claim_id) for lk in one] == [(lk.a.claim_id, lk.b.claim_id) for lk in two]


def test_replace_keeps_claims_values():
    c = claim()
    assert replace(c, place="X").value == c.value


@pytest.mark.parametrize(
    "value_b, published_b, vetoed",
    [
        ("10", "2024-01-28", True),  # 8 days on the 26th, 10 on the 28th: one running count
        ("9", "2024-01-28", True),  # a day of slack ("depuis huit jours" written the evening before)
        ("14", "2024-01-28", False),  # 6 days more in 2 days: the two disagree
        ("10", "2024-01-26", False),  # the same day: 8 and 10 days disagree
    ],
)
def test_elapsed_days_grow_with_the_days_between_articles(value_b, published_b, vetoed):
    sent = "Le barrage de l'autoroute tient depuis huit jours."
    a = claim("a:1", "a", sentence=sent, text="huit jours", value="8", unit="jour", event="")
    b = claim("b:1", "b", sentence=sent, text="huit jours", value=value_b, unit="jour", event="")
    ctx = context(a, b, published={"a": "2024-01-26", "b": published_b})
    assert ("elapsed" in ev.quantity_veto(a, b, ctx)) is vetoed


def test_distances_from_two_places_are_two_facts():
    sent = "Le canot a sombré à cinq kilomètres du cap Gris-Nez."
    a = claim("a:1", "a", sentence=sent, text="cinq kilomètres", value="5", unit="km", event="", counted="de cap Gris-Nez")
    b = claim("b:1", "b", sentence=sent, text="cinq kilomètres", value="10", unit="km", event="", counted="de Boulogne")
    assert "two places" in ev.quantity_veto(a, b, context(a, b))
    same = replace(b, counted="de cap Gris-Nez")
    assert ev.quantity_veto(a, same, context(a, same)) == ""


@pytest.mark.parametrize("a_value, b_value, conflict", [("21", "22", True), ("20", "21", True), ("21", "21", False), ("21", "23", True)])
def test_whole_numbers_one_apart_disagree(a_value, b_value, conflict):
    from claimcheck.compare.intervals import values_conflict

    a = claim("a:1", "a", text=a_value, value=a_value, unit="film", event="")
    b = claim("b:1", "b", text=b_value, value=b_value, unit="film", event="")
    assert (values_conflict(a, b) is not None) is conflict


@pytest.mark.parametrize(
    "text, value, tol",
    [("2h20'48", "8448", 0.5), ("2 h 05", "7500", 30.0), ("12'30", "750", 0.5), ("2h05’33", "7533", 0.5)],
)
def test_a_time_in_parts_is_as_precise_as_its_last_part(text, value, tol):
    from claimcheck.compare.intervals import tolerance

    assert tolerance(claim(text=text, value=value, unit="seconde")) == tol


@pytest.mark.parametrize(
    "a_ends, b_ends, b_value, reversed_",
    [
        (("Russie", ""), ("", "Russie; Allemagne"), "10", True),  # handed over by Russia / sent to Russia
        (("Russie", ""), ("", "Russie"), "16", False),  # an exchange: two figures, two flows
        (("Russie", ""), ("Russie", ""), "10", False),  # the same way
    ],
)
def test_one_count_said_to_leave_a_place_and_to_reach_it(a_ends, b_ends, b_value, reversed_):
    from claimcheck.compare.flows import same_count_other_way

    a = claim("a:1", "a", text="dix", value="10", unit="prisonnier", event="transfer", origin=a_ends[0], destination=a_ends[1])
    b = claim("b:1", "b", text="dix", value=b_value, unit="prisonnier", event="transfer", origin=b_ends[0], destination=b_ends[1])
    assert same_count_other_way(a, b) is reversed_


def test_flows_of_movers_written_in_other_words_are_compared_when_the_sentences_agree():
    from claimcheck.compare.flows import _movers_named_apart

    s_a = "Une fillette de 4 ans a été transférée de Cambrai vers Lille, où elle a été dialysée pendant une semaine."
    s_b = "Une petite fille de 4 ans a été transférée de Lille vers Cambrai, où elle a été dialysée pendant une semaine."
    a = claim("a:1", "a", kind="entity", text="fillette", value="fillette", unit="MOVER", sentence=s_a, event="",
              origin="Cambrai", destination="Lille", object="fillette")
    b = claim("b:1", "b", kind="entity", text="fille", value="fille", unit="MOVER", sentence=s_b, event="",
              origin="Lille", destination="Cambrai", object="fille")
    assert list(_movers_named_apart([a, b], context(a, b))) == [(a, b)]
    other = replace(b, sentence="Une petite fille a été transférée de Lille vers Cambrai.")
    assert list(_movers_named_apart([a, other], context(a, other))) == []

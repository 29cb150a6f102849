"""Every comparison rule of `diff`, on tiny French articles written in the test.

Each rule has a case that must be reported (with the right kind) and one that must stay quiet.
Where a quiet case could be quiet for the wrong reason (nothing aligned at all), the same articles
with one figure changed are checked to be reported: the quiet case then proves the rule, not a gap.
"""

from __future__ import annotations

import pytest

from claimcheck import api


@pytest.fixture()
def diff(nlp, write_articles):
    """diff({"a": text, ...}, published={"a": "2024-06-19"}, include_all=False) → DiffResult."""

    def _diff(articles: dict[str, str], published: dict[str, str] | None = None, **options):
        folder = write_articles(articles, meta=published)
        return api.diff([folder], folder / "meta.csv" if published else None, **options)

    return _diff


def _same_day(*doc_ids: str, day: str = "2024-06-19") -> dict[str, str]:
    return {d: day for d in doc_ids}


def _kinds(result) -> list[tuple[str, str, str]]:
    return [(d.kind, d.doc_a, d.doc_b) for d in result.discrepancies]


def _claim(result, text: str, doc_id: str | None = None):
    found = [c for c in result.claims if c.text == text and (doc_id is None or c.doc_id == doc_id)]
    assert len(found) == 1, [(c.doc_id, c.text) for c in result.claims if c.kind == "quantity"]
    return found[0]


# ------------------------------------------------------------------ 1. quantity conflicts
QUAKE_A = (
    "Séisme dans l'Atlas : le bilan s'alourdit\n\n"
    "Le séisme qui a frappé la province d'Al Haouz vendredi soir a fait {n} morts, selon le ministère de"
    " l'Intérieur. Des milliers de familles ont passé la nuit dehors.\n"
)
QUAKE_B = (
    "Maroc : les secours à pied d'œuvre\n\n"
    "Selon le ministère de l'Intérieur, le tremblement de terre a fait {n} morts dans la province d'Al Haouz."
    " Les secours fouillent les décombres des villages de montagne.\n"
)


def _quake(diff, a: str, b: str):
    return diff({"a": QUAKE_A.format(n=a), "b": QUAKE_B.format(n=b)}, _same_day("a", "b", day="2023-09-12"))


def test_quantity_conflict_across_articles(diff):
    result = _quake(diff, "120", "45")
    assert _kinds(result) == [("quantity", "a", "b")]
    row = result.discrepancies[0]
    assert {row.value_a, row.value_b} == {"120 mort", "45 mort"}
    assert "Al Haouz" in row.text_a and "Al Haouz" in row.text_b
    assert 0.0 < row.severity <= 1.0 and row.explanation


def test_same_figure_is_quiet(diff):
    assert _kinds(_quake(diff, "120", "120")) == []


def test_severity_grows_with_the_ratio(diff):
    (eleven,) = _quake(diff, "1 320", "120").discrepancies
    (tenth,) = _quake(diff, "132", "120").discrepancies
    assert eleven.kind == tenth.kind == "quantity"
    assert eleven.severity > tenth.severity
    assert eleven.severity >= 0.9 and tenth.severity <= 0.5


# ----------------------------------------------------------- 2. compatible qualifiers
# (id, article a, article b, with {n} for the figure and what it counts; figure in a, compatible figure
# in b, conflicting figure in b)
QUALIFIER_CASES = [
    (
        "plus-de",
        (
            "Inondations à Valence\n\nÀ Paiporta, {n} ont été évacuées mardi soir, selon la protection civile."
            " Les pompiers ont travaillé toute la nuit.\n"
        ),
        (
            "Crues en Espagne : des quartiers sous les eaux\n\nLa protection civile a évacué {n} à Paiporta"
            " mardi soir. L'eau a envahi le rez-de-chaussée des maisons.\n"
        ),
        "plus de 1 000 personnes",
        "1 200 personnes",
        "600 personnes",
    ),
    (
        "environ",
        (
            "Explosion dans une usine chimique\n\nL'explosion survenue jeudi dans l'usine de Rouen a fait {n},"
            " selon les pompiers. Un panache de fumée noire a survolé la ville.\n"
        ),
        (
            "Rouen : l'usine chimique sous surveillance\n\nSelon les pompiers, l'explosion de jeudi a fait {n}"
            " dans l'usine de Rouen. La préfecture a demandé aux habitants de rester chez eux.\n"
        ),
        "environ 40 blessés",
        "40 blessés",
        "75 blessés",
    ),
    (
        "duration",
        (
            "Grève des aiguilleurs\n\nLe trafic des RER a été interrompu pendant {n} jeudi matin à cause de la grève"
            " des aiguilleurs. Des milliers d'usagers sont restés à quai.\n"
        ),
        (
            "RER : une matinée de galère\n\nJeudi matin, la grève des aiguilleurs a interrompu le trafic des RER pendant"
            " {n}, selon la direction de la SNCF.\n"
        ),
        "quatre heures",
        "plus de quatre heures",
        "neuf heures",
    ),
    (
        "pres-de",
        (
            "Orages en Gironde\n\nLes orages de mardi soir ont privé d'électricité {n} en Gironde, selon Enedis."
            " Des arbres sont tombés sur les lignes.\n"
        ),
        (
            "Gironde : nuit noire après les orages\n\nSelon Enedis, {n} ont été privés d'électricité en Gironde"
            " mardi soir. Les techniciens sont mobilisés.\n"
        ),
        "près de 290 000 foyers",
        "286 000 foyers",
        "150 000 foyers",
    ),
    (
        "quinzaine",
        (
            "Séisme en Albanie\n\nLe séisme qui a secoué Durrës dimanche a fait {n}, selon le ministère de la"
            " Santé. Plusieurs immeubles anciens se sont effondrés.\n"
        ),
        (
            "Albanie : la terre a tremblé\n\nSelon le ministère de la Santé, le tremblement de terre de dimanche a fait"
            " {n} à Durrës. Les écoles resteront fermées.\n"
        ),
        "une quinzaine de blessés",
        "16 blessés",
        "40 blessés",
    ),
    (
        "million-written-out",
        (
            "Élections au Portugal\n\nAu Portugal, {n} ont voté pour Chega dimanche, selon la commission"
            " électorale. Le parti triple son score.\n"
        ),
        (
            "Portugal : la percée de Chega\n\nSelon la commission électorale, {n} ont voté pour Chega dimanche"
            " au Portugal. Les socialistes reculent.\n"
        ),
        "1,2 million d'électeurs",
        "1 200 000 électeurs",
        "800 000 électeurs",
    ),
    (
        "et-demi",
        (
            "Soja : record d'exportations\n\nLe Brésil a exporté {n} de soja vers la Chine en avril, selon le"
            " ministère de l'Agriculture. Les prix restent bas.\n"
        ),
        (
            "Commerce agricole : le soja brésilien afflue en Chine\n\nSelon le ministère de l'Agriculture, le Brésil a"
            " exporté {n} de soja vers la Chine en avril.\n"
        ),
        "3,5 millions de tonnes",
        "trois millions et demi de tonnes",
        "1,5 million de tonnes",
    ),
]
_PUBLISHED = _same_day("a", "b", day="2024-05-03")


@pytest.mark.parametrize(
    "text_a, text_b, fig_a, fig_b",
    [pytest.param(a, b, fa, ok, id=name) for name, a, b, fa, ok, _ in QUALIFIER_CASES],
)
def test_compatible_qualifiers_stay_quiet(diff, text_a, text_b, fig_a, fig_b):
    result = diff({"a": text_a.format(n=fig_a), "b": text_b.format(n=fig_b)}, _PUBLISHED)
    assert _kinds(result) == []


@pytest.mark.parametrize(
    "text_a, text_b, fig_a, fig_b",
    [pytest.param(a, b, fa, bad, id=name) for name, a, b, fa, _, bad in QUALIFIER_CASES],
)
def test_same_articles_with_a_conflicting_figure_are_reported(diff, text_a, text_b, fig_a, fig_b):
    result = diff({"a": text_a.format(n=fig_a), "b": text_b.format(n=fig_b)}, _PUBLISHED)
    assert _kinds(result) == [("quantity", "a", "b")]


# ------------------------------------------------------- 3. different facts, same unit
# (id, {doc: text} that must stay quiet, a body for b that states the fact of a with another figure)
DIFFERENT_FACTS = [
    (
        "stock-vs-shipment",
        {
            "a": "Accord céréalier entre Kiev et Le Caire\n\nL'Ukraine dispose encore d'un stock de 500 000 tonnes"
            " de blé dans les silos d'Odessa, selon le ministère de l'Agriculture. Les exportations ont repris.\n",
            "b": "Blé : un premier navire a quitté Odessa\n\nL'Ukraine a livré 60 000 tonnes de blé à l'Égypte la"
            " semaine dernière, selon le ministère de l'Agriculture. Le cargo doit accoster à Alexandrie.\n",
        },
        (
            "L'Ukraine dispose encore d'un stock de 200 000 tonnes de blé dans les silos d'Odessa, selon le ministère"
            " de l'Agriculture."
        ),
    ),
    (
        "two-towns",
        {
            "a": "Inondations en Libye\n\nÀ Derna, les crues ont fait 2 300 morts, selon le Croissant-Rouge. Des"
            " quartiers entiers ont été emportés.\n",
            "b": "Libye : l'est du pays dévasté\n\nÀ Benghazi, les inondations ont fait 40 morts, selon le"
            " Croissant-Rouge. Les routes restent coupées.\n",
        },
        "À Derna, les inondations ont fait 400 morts, selon le Croissant-Rouge.",
    ),
    (
        "peak-vs-remaining",
        {
            "a": "Crues dans le Bade-Wurtemberg\n\nAu plus fort des inondations, 80 000 foyers ont été privés"
            " d'électricité dans le Bade-Wurtemberg, selon l'opérateur EnBW. Les pompiers ont mené des centaines"
            " de sauvetages.\n",
            "b": "Inondations : la décrue s'amorce\n\nLundi soir, 12 000 foyers étaient encore privés d'électricité"
            " dans le Bade-Wurtemberg, selon l'opérateur EnBW. Plusieurs routes restent fermées.\n",
        },
        (
            "Au plus fort des crues, 12 000 foyers ont été privés d'électricité dans le Bade-Wurtemberg, selon"
            " l'opérateur EnBW."
        ),
    ),
    (
        "two-dates",
        {
            "a": "Grève des contrôleurs aériens\n\nLe 12 mars, 8 000 vols ont été annulés en Europe à cause de la"
            " grève, selon Eurocontrol. Les compagnies à bas coût ont été les plus touchées.\n",
            "b": "Nouvelle journée noire dans le ciel européen\n\nLe 19 mars, 3 000 vols ont été annulés en Europe"
            " à cause de la grève, selon Eurocontrol. Les syndicats menacent de poursuivre le mouvement.\n",
        },
        "Le 12 mars, 3 000 vols ont été annulés en Europe à cause de la grève, selon Eurocontrol.",
    ),
    (
        "seriously-injured-vs-all",
        {
            "a": "Incendie d'un immeuble à Vaulx-en-Velin\n\nL'incendie qui a ravagé un immeuble de Vaulx-en-Velin"
            " dimanche a fait 14 blessés, selon les pompiers. Une enquête a été ouverte.\n",
            "b": "Vaulx-en-Velin : un immeuble en feu\n\nTrois personnes ont été grièvement blessées dimanche dans"
            " l'incendie d'un immeuble de Vaulx-en-Velin, selon les pompiers. Les habitants ont été relogés.\n",
        },
        (
            "Trois personnes ont été blessées dimanche dans l'incendie d'un immeuble de Vaulx-en-Velin, selon les"
            " pompiers."
        ),
    ),
    (
        "light-injuries-vs-all",
        {
            "a": "Carambolage sur l'A7\n\nLe carambolage survenu samedi sur l'A7 près de Montélimar a fait 23 blessés,"
            " selon la gendarmerie. L'autoroute a été fermée pendant cinq heures.\n",
            "b": "A7 : une trentaine de véhicules impliqués\n\nLe carambolage de samedi sur l'A7 près de Montélimar a"
            " fait 19 blessés légers, selon la gendarmerie. Le brouillard est en cause.\n",
        },
        "Le carambolage de samedi sur l'A7 près de Montélimar a fait 19 blessés, selon la gendarmerie.",
    ),
]


@pytest.mark.parametrize("articles", [pytest.param(arts, id=name) for name, arts, _ in DIFFERENT_FACTS])
def test_different_facts_sharing_a_unit_do_not_align(diff, articles):
    result = diff(articles, _same_day("a", "b", day="2024-03-20"))
    assert _kinds(result) == []


@pytest.mark.parametrize(
    "articles, same_fact", [pytest.param(arts, same, id=name) for name, arts, same in DIFFERENT_FACTS]
)
def test_the_same_fact_with_other_figures_is_reported(diff, articles, same_fact):
    title = articles["b"].split("\n")[0]
    result = diff(
        {"a": articles["a"], "b": f"{title}\n\n{same_fact}\n"}, _same_day("a", "b", day="2024-03-20")
    )
    assert _kinds(result) == [("quantity", "a", "b")]


VAULX = (
    "Incendie à Vaulx-en-Velin\n\nL'incendie d'un immeuble de Vaulx-en-Velin a fait {a} dimanche, selon les"
    " pompiers. Une enquête a été ouverte.\n"
)


@pytest.mark.parametrize(
    "fig_a, fig_b",
    [
        pytest.param("14 blessés, dont trois grièvement", "9 blessés", id="total-beside-a-part"),
        pytest.param("cinq blessés graves", "trois grièvement blessés", id="same-degree-two-words"),
    ],
)
def test_degree_of_injury_is_read_in_the_figures_own_clause(diff, fig_a, fig_b):
    result = diff(
        {"a": VAULX.format(a=fig_a), "b": VAULX.format(a=fig_b)}, _same_day("a", "b", day="2024-01-08")
    )
    assert _kinds(result) == [("quantity", "a", "b")]


# ------------------------------------------------------------------------ 4. direction
WHEAT_A = (
    "Céréales : un accord commercial signé\n\nL'Argentine a exporté 500 000 tonnes de blé vers l'Algérie en"
    " janvier, selon le ministère argentin de l'Économie. L'accord prévoit d'autres livraisons au printemps.\n"
)
WHEAT_B = (
    "Commerce : le blé au cœur de l'accord\n\nEn janvier, 500 000 tonnes de blé ont été envoyées de {x} vers {y},"
    " selon les douanes. Le contrat porte sur deux ans.\n"
)
PARADE_A = (
    "Marche des fiertés à Paris\n\nLe cortège est parti de la place de la Concorde pour rejoindre la place de la"
    " République samedi après-midi. Des dizaines de chars ont défilé sous le soleil.\n"
)
PARADE_B = (
    "Une marche festive et revendicative\n\nDes milliers de personnes ont défilé samedi à Paris. Le cortège s'est"
    " élancé de la place {x} en direction de la place {y}.\n"
)
GAS_A = (
    "Gaz : nouvel accord\n\nLe Qatar a expédié 80 000 tonnes de gaz naturel liquéfié à destination de l'Italie en"
    " mars, selon Reuters. Les livraisons doivent doubler l'an prochain.\n"
)
GAS_B = (
    "Énergie : le GNL afflue\n\nEn mars, 80 000 tonnes de gaz naturel liquéfié sont arrivées {x} en provenance {y},"
    " selon Reuters.\n"
)
TANKS_A = (
    "Défense : livraison de chars\n\nL'Allemagne a livré 18 chars Leopard à la Lituanie en février, selon le"
    " ministère de la Défense. Une brigade allemande doit s'y installer.\n"
)
TANKS_B = (
    "La Lituanie renforce son armée\n\nEn février, {x} a reçu 18 chars Leopard {y}, selon le ministère de la"
    " Défense.\n"
)
DIRECTION_CASES = [
    (
        "trade-flow",
        WHEAT_A,
        WHEAT_B,
        ("l'Algérie", "l'Argentine"),
        ("l'Argentine", "l'Algérie"),
        "2024-02-05",
    ),
    (
        "parade-route",
        PARADE_A,
        PARADE_B,
        ("de la République", "de la Concorde"),
        ("de la Concorde", "de la République"),
        "2024-06-30",
    ),
    (
        "destination-vs-provenance",
        GAS_A,
        GAS_B,
        ("au Qatar", "de l'Italie"),
        ("en Italie", "du Qatar"),
        "2024-04-05",
    ),
    (
        "deliver-vs-receive",
        TANKS_A,
        TANKS_B,
        ("l'Allemagne", "de la Lituanie"),
        ("la Lituanie", "de l'Allemagne"),
        "2024-03-05",
    ),
]


@pytest.mark.parametrize(
    "text_a, text_b, ends, published",
    [pytest.param(a, b, rev, pub, id=name) for name, a, b, rev, _, pub in DIRECTION_CASES],
)
def test_reversed_flow_is_a_direction_conflict(diff, text_a, text_b, ends, published):
    result = diff({"a": text_a, "b": text_b.format(x=ends[0], y=ends[1])}, _same_day("a", "b", day=published))
    assert _kinds(result) == [("direction", "a", "b")]
    assert "→" in result.discrepancies[0].topic


@pytest.mark.parametrize(
    "text_a, text_b, ends, published",
    [pytest.param(a, b, same, pub, id=name) for name, a, b, _, same, pub in DIRECTION_CASES],
)
def test_same_direction_is_quiet(diff, text_a, text_b, ends, published):
    result = diff({"a": text_a, "b": text_b.format(x=ends[0], y=ends[1])}, _same_day("a", "b", day=published))
    assert _kinds(result) == []


# ---------------------------------------------------------------------------- 5. dates
VOTE_A = (
    "Slovaquie : la réforme de l'audiovisuel adoptée\n\nLe Parlement slovaque a voté la loi sur l'audiovisuel"
    " public {when}. L'opposition dénonce une mise au pas des médias.\n"
)
VOTE_B = (
    "Médias en Slovaquie : Bruxelles s'inquiète\n\nLe Parlement slovaque a voté la loi sur l'audiovisuel public en"
    " mai dernier, malgré les protestations des journalistes.\n"
)


VALIDATE_A = (
    "Loi sur l'immigration : la décision des Sages\n\nLe Conseil constitutionnel a validé la loi sur l'immigration"
    " {when}. Plusieurs articles ont été censurés.\n"
)
VALIDATE_B = (
    "Immigration : la loi promulguée\n\nLe Conseil constitutionnel a validé la loi sur l'immigration le 25 janvier,"
    " après un mois de débats.\n"
)
SIGN_A = (
    "Accord de libre-échange\n\nL'Union européenne et le Mercosur ont signé l'accord commercial {when} à Montevideo."
    " Les agriculteurs français protestent.\n"
)
SIGN_B = (
    "Mercosur : l'accord signé\n\nL'Union européenne et le Mercosur ont signé l'accord commercial le 6 décembre à"
    " Montevideo, après vingt ans de négociations.\n"
)
# (id, article a with {when}, article b, publication date, a's date that disagrees, a's date that agrees)
ONE_OFF_EVENTS = [
    ("vote", VOTE_A, VOTE_B, "2024-06-19", "en mars", "en mai"),
    ("ruling", VALIDATE_A, VALIDATE_B, "2024-01-30", "le 18 janvier", "jeudi 25 janvier"),
    ("signature", SIGN_A, SIGN_B, "2024-12-20", "le 16 décembre", "vendredi 6 décembre"),
]


@pytest.mark.parametrize(
    "text_a, text_b, published, when",
    [pytest.param(a, b, pub, bad, id=name) for name, a, b, pub, bad, _ in ONE_OFF_EVENTS],
)
def test_one_off_event_dated_differently_is_a_date_conflict(diff, text_a, text_b, published, when):
    result = diff({"a": text_a.format(when=when), "b": text_b}, _same_day("a", "b", day=published))
    assert _kinds(result) == [("date", "a", "b")]


@pytest.mark.parametrize(
    "text_a, text_b, published, when",
    [pytest.param(a, b, pub, ok, id=name) for name, a, b, pub, _, ok in ONE_OFF_EVENTS],
)
def test_same_date_written_two_ways_is_quiet(diff, text_a, text_b, published, when):
    result = diff({"a": text_a.format(when=when), "b": text_b}, _same_day("a", "b", day=published))
    assert _kinds(result) == []


def test_date_conflict_reports_both_months(diff):
    result = diff({"a": VOTE_A.format(when="en mars"), "b": VOTE_B}, _same_day("a", "b", day="2024-06-19"))
    (row,) = result.discrepancies
    assert {row.value_a, row.value_b} == {"2024-03", "2024-05"}


SENATE_A = (
    "Le Sénat adopte la loi sur l'eau\n\nLe Sénat a adopté hier le projet de loi sur la gestion de l'eau, par 210"
    " voix contre 98. Le texte prévoit des restrictions dans les zones de sécheresse.\n"
)
SENATE_B = (
    "Sécheresse : ce que change la nouvelle loi\n\nLe projet de loi sur la gestion de l'eau, adopté par le Sénat"
    " {when}, impose des restrictions aux agriculteurs. Les élus écologistes ont voté contre.\n"
)


@pytest.mark.parametrize("when, kinds", [("le 3 mai", []), ("le 26 avril", [("date", "a", "b")])])
def test_relative_dates_are_anchored_before_comparing(diff, when, kinds):
    """ "hier" in an article of 2023-05-04 is 3 May: it agrees with "le 3 mai", not with "le 26 avril"."""
    result = diff({"a": SENATE_A, "b": SENATE_B.format(when=when)}, {"a": "2023-05-04", "b": "2023-05-10"})
    assert _kinds(result) == kinds


# ---------------------------------------------------------------------- 6. attribution
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Jeudi, 12 000 manifestants selon la police, 40 000 selon les organisateurs, ont défilé dans les rues de"
            " Lyon contre la suppression de postes. Le cortège s'est dispersé dans le calme.",
            id="one-sentence",
        ),
        pytest.param(
            "La préfecture a compté 12 000 manifestants à Lyon jeudi. Les syndicats en revendiquent 40 000. Le"
            " cortège s'est dispersé dans le calme.",
            id="two-sentences",
        ),
    ],
)
def test_two_sources_in_one_article_are_an_attribution_row(diff, body):
    text = f"Grève des enseignants : forte mobilisation à Lyon\n\n{body}\n"
    result = diff({"a": text}, {"a": "2024-03-08"})
    assert _kinds(result) == [("attribution", "a", "a")]
    assert result.discrepancies[0].severity <= 0.3


def test_each_article_quoting_its_own_source_is_no_cross_article_alarm(diff):
    articles = {
        "a": "Grève des enseignants à Lyon\n\nJeudi, 12 000 personnes ont manifesté à Lyon contre la suppression de"
        " postes, selon la police. Le cortège s'est dispersé dans le calme.\n",
        "b": "Éducation : les enseignants dans la rue\n\nSelon les organisateurs, 40 000 personnes ont manifesté jeudi"
        " à Lyon contre la suppression de postes. L'intersyndicale appelle à une nouvelle journée.\n",
    }
    result = diff(articles, _same_day("a", "b", day="2024-03-08"))
    assert [k for k in _kinds(result) if k[1] != k[2]] == []
    assert _claim(result, "12 000").source == "police"
    assert _claim(result, "40 000").source == "organisateurs"


# ----------------------------------------------------------------- 7. headline vs body
FIRE_ROUBAIX = (
    "{title} morts dans l'incendie d'un immeuble à Roubaix\n\nL'incendie qui s'est déclaré samedi soir dans un"
    " immeuble de Roubaix a fait deux morts, selon les pompiers. Une dizaine de familles ont été relogées.\n"
)


@pytest.mark.parametrize("title", ["Trois", "Incendie : 3"])
def test_headline_contradicting_its_body_is_reported_inside_the_article(diff, title):
    result = diff({"a": FIRE_ROUBAIX.format(title=title)}, {"a": "2024-02-11"})
    assert _kinds(result) == [("quantity", "a", "a")]
    row = result.discrepancies[0]
    assert {row.value_a, row.value_b} == {"3 mort", "2 mort"}


def test_headline_agreeing_with_its_body_is_quiet(diff):
    assert _kinds(diff({"a": FIRE_ROUBAIX.format(title="Deux")}, {"a": "2024-02-11"})) == []


# ------------------------------------------------------------ 8. comments, boilerplate
LANDES = {
    "a": "Incendie dans les Landes\n\nL'incendie qui sévit depuis lundi dans les Landes a détruit 1 200 hectares de"
    " forêt, selon la préfecture. Quelque 400 pompiers sont mobilisés.\n",
    "b": "Landes : le feu toujours pas fixé\n\nSelon la préfecture, le feu a parcouru 1 200 hectares de pins dans les"
    " Landes depuis lundi. Les habitants de deux hameaux ont été évacués par précaution.\n\n"
    "3 commentaires\n\n"
    "Jeanne64 : Incroyable, le feu a détruit 5 000 hectares de forêt dans les Landes depuis lundi selon mon voisin pompier.\n\n"
    "Paulo : Courage aux pompiers.\n\n"
    "Marc_33 : Encore un été terrible.\n",
}


def test_reader_comments_are_not_compared_by_default(diff):
    result = diff(LANDES, _same_day("a", "b", day="2024-08-20"))
    assert _claim(result, "5 000 hectares").section == "comment"
    assert _claim(result, "3").section == "boilerplate"
    assert _kinds(result) == []


def test_include_all_compares_reader_comments(diff):
    result = diff(LANDES, _same_day("a", "b", day="2024-08-20"), include_all=True)
    # The comment contradicts the figure both articles agree on: it is reported (against its own
    # article's body, the other article's, or both: linking is one-to-one per pair of documents),
    # never left out.
    kinds = [k for k, _, _ in _kinds(result)]
    assert kinds and set(kinds) == {"quantity"}
    assert all("5 000 hectares" in d.text_a + d.text_b for d in result.discrepancies)


# ------------------------------------------------------------------------- 9. negation
@pytest.mark.parametrize(
    "denial", ["et pas 3 200 comme annoncé par le syndicat", "et non 3 200 comme l'affirme le syndicat"]
)
def test_negated_figures_are_not_compared(diff, denial):
    articles = {
        "a": "Grève dans les hôpitaux de Marseille\n\nLa grève a été suivie mercredi par 2 800 soignants à Marseille,"
        f" {denial}. La direction dénonce des chiffres gonflés.\n",
        "b": "Hôpitaux marseillais : les soignants en grève\n\nMercredi, 2 800 soignants ont fait grève à Marseille."
        " Les syndicats réclament des embauches.\n",
    }
    result = diff(articles, _same_day("a", "b", day="2024-04-05"))
    assert _claim(result, "3 200").modality == "negated"
    assert _kinds(result) == []


# -------------------------------------------------------------------------- 10. grouping
def test_one_row_per_fact_and_pair_of_articles_with_all_pairs_as_evidence(diff):
    articles = {
        "a": "Mercato : Julián Alvarez rejoint l'Atlético de Madrid\n\nManchester City a vendu Julián Alvarez à"
        " l'Atlético de Madrid pour 75 millions d'euros, selon le club anglais. L'attaquant argentin a signé un"
        " contrat de six ans.\n",
        "b": "Julián Alvarez à l'Atlético pour 95 millions d'euros\n\nManchester City a vendu Julián Alvarez à"
        " l'Atlético de Madrid pour 95 millions d'euros, selon le club anglais. Le champion du monde a passé sa"
        " visite médicale lundi.\n",
    }
    result = diff(articles, _same_day("a", "b", day="2024-08-02"))
    assert _kinds(result) == [("quantity", "a", "b")]
    evidence = result.discrepancies[0].evidence
    assert len(evidence) == 2
    assert {e["section_b"] for e in evidence} == {"title", "body"}
    assert {(e["value_a"], e["value_b"]) for e in evidence} == {("75000000", "95000000")}


# ----------------------------------------------------------------------- 11. mixed stories
FIRE_VAR = {
    "f1": "Incendie de forêt dans le Var\n\nPlus de 3 000 personnes ont été évacuées dimanche, selon la préfecture."
    " Les flammes ont parcouru 800 hectares de garrigue et de pins.\n",
    "f2": "Var : l'incendie fixé après une nuit de lutte\n\nDimanche, 1 500 personnes ont été évacuées des campings"
    " menacés par les flammes, selon la préfecture. Les pompiers restent mobilisés.\n",
}
FLOOD_AA = {
    "e1": "Crue de l'Aa dans le Pas-de-Calais\n\nDimanche, 700 personnes ont été évacuées de leurs maisons inondées,"
    " selon la préfecture. La rivière est sortie de son lit après des pluies diluviennes.\n",
    "e2": "Pas-de-Calais : la décrue s'amorce\n\nLa crue de l'Aa a contraint la préfecture à évacuer 700 personnes"
    " dimanche. Les sinistrés sont hébergés dans des gymnases.\n",
}
TOULON_VOTE = {
    "e1": "Municipales partielles à Toulon\n\nDimanche, 700 personnes ont tenu les bureaux de vote de la ville,"
    " selon la préfecture. La liste du maire sortant arrive en tête.\n",
    "e2": "Toulon : le maire sortant en tête\n\nLe maire sortant a recueilli 41 % des suffrages dimanche, selon la"
    " préfecture. Quelque 700 personnes ont tenu les bureaux de vote.\n",
}


@pytest.mark.parametrize(
    "other", [pytest.param(FLOOD_AA, id="flood"), pytest.param(TOULON_VOTE, id="election")]
)
def test_unrelated_stories_in_one_folder_are_never_compared(diff, other):
    result = diff({**FIRE_VAR, **other}, {d: "2024-08-12" for d in [*FIRE_VAR, *other]})
    assert [k for k in _kinds(result) if k[1][0] != k[2][0]] == []
    # The fire story still has its own conflict: the alignment is alive, stories keep it apart.
    assert ("quantity", "f1", "f2") in _kinds(result)


# ------------------------------------------------------------------------- 12. modality
def test_hedged_figures_are_marked_in_the_claim_table(diff):
    text = (
        "Séisme en Turquie : le bilan pourrait s'alourdir\n\nLe bilan du séisme pourrait dépasser 200 morts dans la"
        " province de Malatya, selon les secours. Le tremblement de terre aurait fait 300 blessés dans la ville."
        " Les secours ont dégagé 45 survivants.\n"
    )
    result = diff({"a": text}, {"a": "2023-02-07"})
    assert _claim(result, "200").modality == "hedged"
    assert _claim(result, "300").modality == "hedged"
    assert _claim(result, "45").modality != "hedged"


# ------------------------------------------------------------------ running counts: updates
TOLL = (
    "Cyclone Chido : le bilan s'alourdit à Mayotte\n\n"
    "Le cyclone Chido qui a dévasté Mayotte a fait {n} morts, selon le dernier bilan de la préfecture."
    " Les secours poursuivent les recherches dans les bidonvilles de Mamoudzou.\n"
)


@pytest.mark.parametrize(
    "first, later, kind",
    [
        pytest.param("22", "35", "update", id="toll-rises"),
        pytest.param("35", "22", "quantity", id="toll-falls-is-a-contradiction"),
    ],
)
def test_a_running_toll_of_later_articles_is_an_update(diff, first, later, kind):
    result = diff({"a": TOLL.format(n=first), "b": TOLL.format(n=later)}, {"a": "2024-12-16", "b": "2024-12-19"})
    assert _kinds(result) == [(kind, "a", "b")]
    d = result.discrepancies[0]
    if kind == "update":
        assert d.severity < 0.3 and "an update, not a contradiction" in d.explanation
        assert d.explanation.index("a, 2024-12-16") < d.explanation.index("b, 2024-12-19")  # in time order


@pytest.mark.parametrize(
    "later_sentence, kind",
    [
        # the later article dates its count by the day it was given ("ont annoncé lundi"), or by
        # the disaster's day; the earlier one leaves it to its publication: one running toll
        pytest.param("Le bilan provisoire du cyclone Chido est monté à {n} morts, ont annoncé jeudi les autorités.",
                     "update", id="dated-by-the-announcement"),
        pytest.param("Le cyclone Chido qui a frappé Mayotte samedi a fait {n} morts, selon un bilan provisoire.",
                     "update", id="dated-by-the-disaster"),
    ],
)
def test_a_running_toll_dated_on_one_side_only_is_an_update(diff, later_sentence, kind):
    later = "Mayotte : le bilan s'alourdit\n\n" + later_sentence.format(n="35") + " Les recherches se poursuivent.\n"
    result = diff({"a": TOLL.format(n="22"), "b": later}, {"a": "2024-12-16", "b": "2024-12-19"})
    assert [k for k, _, _ in _kinds(result)] == [kind]


QUAKE_TOLL = (
    "Séisme au Maroc\n\nLe séisme qui a frappé la province d'Al Haouz vendredi soir a fait {n} morts, {label}"
    " Des milliers de familles ont passé la nuit dehors.\n"
)


@pytest.mark.parametrize(
    "label, kind",
    [
        pytest.param("selon le dernier bilan du ministère de l'Intérieur.", "update", id="latest-toll"),
        pytest.param("selon un bilan provisoire du ministère de l'Intérieur.", "update", id="provisional-toll"),
        pytest.param("selon le ministère de l'Intérieur.", "quantity", id="plain-toll"),
    ],
)
def test_tolls_of_one_day_said_to_be_provisional_are_an_update(diff, label, kind):
    # Two articles of one day: without an hour, only a toll said to be provisional or the latest
    # tells that the count moved; a toll can only grow, so the smaller one came first.
    result = diff({"a": QUAKE_TOLL.format(n="820", label=label), "b": QUAKE_TOLL.format(n="2 012", label=label)},
                  _same_day("a", "b", day="2023-09-09"))
    assert _kinds(result) == [(kind, "a", "b")]
    if kind == "update":
        assert result.discrepancies[0].explanation.index("820") < result.discrepancies[0].explanation.index("2 012")


def test_counts_of_an_enumeration_of_towns_are_not_alternatives(diff):
    text = ("Retraites : forte mobilisation\n\nLes syndicats ont compté 140 000 personnes à Marseille (26 000 selon"
            " la police), 20 000 personnes à Nice, 7 000 à Alès et 18 000 à Caen.\n")
    result = diff({"a": text}, {"a": "2023-01-19"})
    rows = [(d.kind, sorted((d.value_a, d.value_b))) for d in result.discrepancies]
    assert rows == [("attribution", ["140000 personne", "26000 personne"])]


def test_an_earlier_count_quoted_by_the_article_is_no_contradiction(diff):
    text = TOLL.format(n="35") + "Un précédent bilan faisait état de 22 morts dans l'archipel de Mayotte.\n"
    result = diff({"a": text}, {"a": "2024-12-19"})
    assert not [d for d in result.discrepancies if d.kind == "quantity"]


# ------------------------------------------------- sums: what a sum is of is evidence
PROFIT_A = (
    "Résultats annuels du groupe Norvex\n\nLe groupe Norvex a annoncé jeudi un bénéfice net de {a} millions"
    " d'euros pour 2024, porté par ses ventes en Asie. Le titre a gagné 4 % à la Bourse de Paris.\n"
)
PROFIT_B = (
    "Norvex publie ses comptes 2024\n\nNorvex a dégagé {b} millions d'euros de bénéfice net en 2024 grâce à"
    " ses ventes en Asie, a indiqué jeudi le groupe. Le titre a gagné 4 % à la Bourse de Paris.\n"
)
PROFIT_B_PLAIN = (
    "Norvex publie ses comptes 2024\n\nLe groupe Norvex a gagné {b} millions d'euros en 2024 grâce à ses ventes"
    " en Asie, a indiqué jeudi le groupe. Le titre a gagné 4 % à la Bourse de Paris.\n"
)


@pytest.mark.parametrize("body_b", [PROFIT_B, PROFIT_B_PLAIN], ids=["both-say-profit", "one-says-profit"])
def test_a_sum_stated_with_and_without_what_it_is_of_is_compared(diff, body_b):
    # "un bénéfice net de 321 M€" and "a gagné 312 M€": one outlet names the sum, the other only the verb.
    result = diff({"a": PROFIT_A.format(a="321"), "b": body_b.format(b="312")}, _same_day("a", "b", day="2025-03-06"))
    assert _kinds(result) == [("quantity", "a", "b")]


def test_sums_of_two_named_things_are_not_one_fact(diff):
    a = ("Transfert record à Lyon\n\nLe montant du transfert atteint 45 millions d'euros, a indiqué le club"
         " jeudi.\n")
    b = ("Lyon : les détails du transfert\n\nLe joueur touchera 5 millions d'euros de bonus, a indiqué le club"
         " jeudi.\n")
    assert _kinds(diff({"a": a, "b": b}, _same_day("a", "b", day="2025-03-06"))) == []


# ------------------------------------------ running counts: the series across a story's articles
SERIES_DAY = {
    "a": ("2024-12-14", "Le cyclone Chido frappe Mayotte\n\nLe cyclone Chido a fait au moins deux morts à Mayotte, selon la"
          " préfecture. Les rafales ont dépassé 200 km/h sur l'île.\n"),
    "b": ("2024-12-15", "Mayotte dévastée par Chido\n\nLe passage du cyclone Chido sur Mayotte a fait 14 morts. Les autorités"
          " craignent des centaines de victimes dans les bidonvilles.\n"),
    "c": ("2024-12-17", "Chido : Mayotte compte ses morts\n\nAprès le cyclone Chido, Mayotte pleure 22 morts et les secours"
          " fouillent toujours les décombres des quartiers pauvres.\n"),
    "d": ("2024-12-20", "Une semaine après Chido\n\nUne semaine après le cyclone, Mayotte déplore 31 morts. Le cyclone Kamisy"
          " avait fait 12 morts en 1984.\n"),
}


def test_a_running_toll_across_the_articles_of_a_story_is_a_series_of_updates(diff):
    result = diff({d: t for d, (_, t) in SERIES_DAY.items()}, {d: day for d, (day, _) in SERIES_DAY.items()})
    updates = [d for d in result.discrepancies if d.kind == "update"]
    assert [d for d in result.discrepancies if d.kind == "quantity"] == []
    steps = sorted((d.doc_a, d.doc_b) for d in updates)
    assert steps == [("a", "b"), ("b", "c"), ("c", "d")]  # each step once, in time order; the fear and 1984 left out
    assert all(d.severity < 0.3 for d in updates)


def test_two_tolls_of_one_day_without_a_word_of_a_new_count_are_no_series_step(diff):
    a = "Incendie dans les Corbières\n\nL'incendie des Corbières a détruit 3 400 hectares, selon les pompiers.\n"
    b = "Corbières : le feu progresse\n\nL'incendie des Corbières a parcouru 4 200 hectares, selon les pompiers.\n"
    result = diff({"a": a, "b": b}, _same_day("a", "b", day="2025-07-23"))
    assert "update" not in [d.kind for d in result.discrepancies]


def test_a_towns_count_against_a_total_several_times_larger_is_no_discrepancy(diff):
    a = ("Retraites : la mobilisation\n\nLa CGT a annoncé 400 000 manifestants à Paris jeudi, a indiqué le syndicat."
         " Le cortège est parti de la place de la République.\n")
    b = ("Retraites : forte mobilisation\n\nLa CGT a annoncé 2 millions de manifestants jeudi, a indiqué le syndicat."
         " Le cortège parisien est parti de la place de la République.\n")
    assert _kinds(diff({"a": a, "b": b}, _same_day("a", "b", day="2023-01-19"))) == []


@pytest.mark.parametrize(
    "values, length",
    [([], 0), ([5], 1), ([2, 14, 5, 20, 31, 3], 4), ([3, 3, 3], 3), ([9, 8, 7], 1), ([2, 11, 14, 14, 20, 200, 31, 35, 39], 8)],
)
def test_the_series_is_the_longest_run_that_never_falls(values, length):
    from claimcheck.compare.quantities import _rising

    run = [p[1] for p in _rising([(i, float(v), str(i), None) for i, v in enumerate(values)])]
    assert len(run) == length and run == sorted(run)


def test_the_day_a_toll_was_given_is_no_date_of_the_disaster(diff):
    a = ("Séisme au Maroc\n\nLe séisme du Haut Atlas a fait 2 012 morts, selon un nouveau bilan rendu public samedi"
         " soir par le ministère de l'Intérieur.\n")
    b = "Maroc : la terre a tremblé\n\nLe séisme du Haut Atlas a fait 2 012 morts vendredi soir, selon le ministère de l'Intérieur.\n"
    result = diff({"a": a, "b": b}, _same_day("a", "b", day="2023-09-10"))
    assert [k for k, _, _ in _kinds(result) if k == "date"] == []

"""Frames of claims (claimcheck.claims) on small hand-built docs: unit, qualifier, source, modality,
flow endpoints, place, event date, section, and character offsets."""

from __future__ import annotations

import pytest

from claimcheck.claims import extract_claims
from claimcheck.records import Article

TITLE = "Actualité du jour en bref\n"


def _claims(nlp, text: str, published: str | None = None):
    claims = extract_claims(nlp(text), Article("doc", text, published=published))
    for c in claims:
        assert text[c.start : c.end] == c.text, c
    assert len({c.claim_id for c in claims}) == len(claims)
    return claims


def _quantity(nlp, text: str, anchor: str, published: str | None = None):
    """The one quantity claim whose text is `anchor`, in an article with a title line."""
    claims = _claims(nlp, TITLE + text, published)
    found = [c for c in claims if c.kind == "quantity" and c.text == anchor]
    assert len(found) == 1, [(c.kind, c.text) for c in claims]
    return found[0]


# ------------------------------------------------------------------------------- units
@pytest.mark.parametrize(
    "text, anchor, unit, counted",
    [
        ("Le port d'Anvers a traité 11 000 conteneurs de jouets en mars.", "11 000", "conteneur", "jouet"),
        ("Les douanes ont saisi 2 400 caisses de médicaments à Roissy.", "2 400", "caisse", "médicament"),
        ("Le feu a détruit 300 hectares de pins.", "300 hectares", "ha", ""),
        ("Le club a déboursé 75 millions d'euros pour l'attaquant.", "75 millions d'euros", "EUR", ""),
        ("La France a livré 30 chars à la Pologne.", "30", "char", ""),
        ("L'accident a fait trois grièvement blessés.", "trois", "blessé", ""),
        ("La collision a fait 12 morts.", "12", "mort", ""),
    ],
)
def test_unit_is_the_lemma_of_what_is_counted(nlp, text, anchor, unit, counted):
    claim = _quantity(nlp, text, anchor)
    assert (claim.unit, claim.counted) == (unit, counted)


@pytest.mark.parametrize(
    "text, anchor, unit",
    [
        # "d'entre eux" counts what an earlier figure of the article counted, even a paragraph before
        ("Quelque 55 922 coureurs ont pris le départ dimanche matin.\n\nSelon les organisateurs, 52 400 d'entre eux"
         " ont rallié l'arrivée.", "52 400", "coureur"),
        ("L'usine emploie 1 200 salariés. Environ 300 d'entre eux seront reclassés.", "Environ 300", "salarié"),
        # a count named by the subject of the verb
        ("Le nombre de chômeurs a progressé de 54 000 en trois mois.", "54 000", "chômeur"),
        ("L'effectif des gendarmes a augmenté de 1 500 cette année.", "1 500", "gendarme"),
    ],
)
def test_bare_figure_takes_what_its_context_counts(nlp, text, anchor, unit):
    assert _quantity(nlp, text, anchor).unit == unit


# --------------------------------------------------------------------------- qualifiers
@pytest.mark.parametrize(
    "text, anchor, value, qualifier",
    [
        ("Plus de 200 pompiers luttent contre le feu.", "Plus de 200", "200", "gt"),
        ("Environ 40 camions ont été engagés.", "Environ 40", "40", "approx"),
        ("Les flammes ont parcouru près de 3 000 hectares.", "près de 3 000 hectares", "3000", "approx"),
        ("L'accident a fait au moins 12 blessés.", "au moins 12", "12", "ge"),
        ("Moins de 10 maisons ont brûlé.", "Moins de 10", "10", "lt"),
        ("Les rafales ont atteint jusqu'à 130 km/h.", "jusqu'à 130 km/h", "130", "le"),
        ("Le séisme a fait 1 200 morts.", "1 200", "1200", "eq"),
    ],
)
def test_qualifier_and_value(nlp, text, anchor, value, qualifier):
    claim = _quantity(nlp, text, anchor)
    assert (claim.value, claim.qualifier) == (value, qualifier)


# ------------------------------------------------------------------------ sources
@pytest.mark.parametrize(
    "text, anchor, source",
    [
        ("Selon la préfecture, 3 500 personnes ont manifesté à Rennes.", "3 500", "préfecture"),
        (
            "Le ministre de l'Intérieur affirme que 230 policiers ont été blessés.",
            "230",
            "ministère de l'Intérieur",  # canonical: the minister speaks for the ministry
        ),
        ("D'après l'ONU, 1,5 million de réfugiés ont fui le pays.", "1,5 million", "ONU"),
        ("Le Croissant-Rouge indique que 40 corps ont été retrouvés.", "40", "Croissant-Rouge"),
        ("Le séisme a fait 1 200 morts.", "1 200", ""),
        # A count is nobody's voice: who made it is the source, or nobody.
        ("Selon le dernier bilan en date du ministère de la Santé, 237 personnes sont mortes.", "237",
         "ministère de la Santé"),
        ("Selon un dernier bilan communiqué jeudi par les autorités, le séisme a fait 17 100 morts.", "17 100", "autorités"),
        ("Selon les chiffres de la préfecture, 12 000 personnes ont défilé.", "12 000", "préfecture"),
        ("Un précédent bilan faisait état de 111 morts dans la région.", "111", ""),
        ("Selon les bilans officiels, 3 162 personnes ont péri en Syrie.", "3 162", ""),
        ("Selon les résultats définitifs du ministère de l'Intérieur, la gauche obtient 182 sièges.", "182",
         "ministère de l'Intérieur"),
    ],
)
def test_source_of_a_figure(nlp, text, anchor, source):
    assert _quantity(nlp, text, anchor).source == source


# ------------------------------------------------------------------------ modality
@pytest.mark.parametrize(
    "text, anchor, modality",
    [
        ("Le séisme a fait 1 200 morts.", "1 200", "asserted"),
        ("Selon les pompiers, l'incendie a détruit 300 hectares.", "300 hectares", "reported"),
        ("Le bilan pourrait atteindre 50 morts.", "50", "hedged"),
        ("L'incendie aurait détruit 300 hectares.", "300 hectares", "hedged"),
        ("La grève a mobilisé 2 800 enseignants, et pas 3 200 comme annoncé.", "3 200", "negated"),
        ("Le gouvernement n'a pas débloqué 2 milliards d'euros.", "2 milliards d'euros", "negated"),
        # A modal in a compound past is an obligation or an ability met, not a hedge.
        ("Quelque 300 habitants ont dû quitter leur domicile dans la nuit.", "Quelque 300", "asserted"),
        ("Près de 800 personnes ont pu regagner leur logement mardi.", "Près de 800", "asserted"),
        ("Les 1 500 salariés avaient dû cesser le travail.", "1 500", "asserted"),
        ("Au moins 200 familles auraient dû être relogées.", "Au moins 200", "hedged"),
        ("Le bilan devrait dépasser 40 morts.", "40", "hedged"),
        ("Le bilan doit encore s'alourdir au-delà de 40 morts.", "au-delà de 40", "hedged"),
    ],
)
def test_modality(nlp, text, anchor, modality):
    assert _quantity(nlp, text, anchor).modality == modality


# ---------------------------------------------------------------------- flows
@pytest.mark.parametrize(
    "text, anchor, origin, destination",
    [
        ("La France a livré 30 chars à la Pologne.", "30", "France", "Pologne"),
        ("Des centaines de tonnes de riz ont été envoyées en Haïti.", "Des centaines de tonnes", "", "Haïti"),
        (
            "Le navire a transporté 4 000 tonnes de maïs de l'Ukraine vers l'Espagne.",
            "4 000 tonnes",
            "Ukraine",
            "Espagne",
        ),
        (
            "En janvier, 500 000 tonnes de blé ont été envoyées de l'Algérie vers l'Argentine.",
            "500 000 tonnes",
            "Algérie",
            "Argentine",
        ),
        (
            "L'Argentine a exporté 500 000 tonnes de blé vers l'Algérie.",
            "500 000 tonnes",
            "Argentine",
            "Algérie",
        ),
        # "de W à X" of a transfer verb is a way, whatever the verb takes with "à" alone
        ("En 2019, 200 ouvriers ont été mutés de La Roche-sur-Yon à Cholet.", "200", "Roche-sur-Yon", "Cholet"),
        # a modal verb before the passive: what moved is its subject
        ("Une dizaine de patients ont dû être transférés de Thionville vers Metz mercredi.", "Une dizaine", "Thionville", "Metz"),
    ],
)
def test_origin_and_destination_of_a_transfer(nlp, text, anchor, origin, destination):
    claim = _quantity(nlp, text, anchor)
    assert (claim.origin, claim.destination) == (origin, destination)
    assert claim.place == ""  # the endpoints say where; no place repeats them


def test_route_of_a_march_stops_before_a_date(nlp):
    text = (
        TITLE
        + "Le cortège est parti de la place de la Concorde pour rejoindre la place de la République samedi après-midi.\n"
    )
    (mover,) = [c for c in _claims(nlp, text, "2024-06-30") if c.unit == "MOVER"]
    assert (mover.value, mover.origin, mover.destination) == (
        "cortège",
        "place de la Concorde",
        "place de la République",
    )


# ----------------------------------------------------------------------- places
@pytest.mark.parametrize(
    "text, anchor, place",
    [
        ("À Lyon, 300 personnes ont été évacuées après l'explosion.", "300", "Lyon"),
        ("Les crues ont fait 40 morts à Derna.", "40", "Derna"),
        ("Jeudi, 9 000 manifestants ont défilé dans les rues de Toulouse.", "9 000", "Toulouse"),
        ("Le séisme a fait 1 200 morts.", "1 200", ""),
    ],
)
def test_place_of_a_figure(nlp, text, anchor, place):
    assert _quantity(nlp, text, anchor).place == place


# ------------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    "text, anchor, published, event_date",
    [
        ("En mai dernier, 40 000 visiteurs ont assisté au salon.", "40 000", "2024-06-19", "2024-05"),
        ("Mardi, le tribunal a condamné 12 prévenus.", "12", "2024-06-19", "2024-06-18"),
        ("Hier, 300 vols ont été annulés.", "300", "2023-05-04", "2023-05-03"),
        ("Le 12 mars, 8 000 vols ont été annulés.", "8 000", "2024-03-20", "2024-03-12"),
        ("En mars, 8 000 vols ont été annulés.", "8 000", None, "XXXX-03"),
    ],
)
def test_event_date_is_anchored_on_the_publication_date(nlp, text, anchor, published, event_date):
    assert _quantity(nlp, text, anchor, published).event_date == event_date


@pytest.mark.xfail(
    strict=True,
    reason="normalize/numbers.py drops a count right after a weekday ('mardi 12 prévenus' read as a day)",
)
def test_count_right_after_a_weekday(nlp):
    claim = _quantity(nlp, "Le tribunal a condamné mardi 12 prévenus.", "12", "2024-06-19")
    assert (claim.unit, claim.event_date) == ("prévenu", "2024-06-18")


# ----------------------------------------------------------------------- sections
PAGE = """Tour de France : 12 coureurs abandonnent sous la chaleur
Par Julie Martin, publié le 15/07/2024 à 18h30
Points clés
- 12 coureurs ont abandonné dimanche.
- La température a atteint 38 degrés.

La onzième étape du Tour de France a été marquée dimanche par 12 abandons, selon les organisateurs. Les organisateurs ont distribué 40 000 bidons d'eau le long du parcours. La prochaine étape partira de Saint-Flour demain matin.

À lire aussi : 5 conseils pour rouler par 35 degrés

2 commentaires
Vélo75 : Au moins 20 coureurs ont abandonné, pas 12.
Marie : Bravo aux coureurs.
© Le Quotidien du Sport 2024 - Tous droits réservés
"""


@pytest.fixture(scope="module")
def page_claims(nlp):
    return _claims(nlp, PAGE, "2024-07-15")


@pytest.mark.parametrize(
    "line, anchor, section",
    [
        ("Tour de France : 12", "12", "title"),
        ("- 12 coureurs", "12", "keypoints"),
        ("- La température", "38 degrés", "keypoints"),
        ("La onzième étape", "12", "body"),
        ("La onzième étape", "40 000", "body"),
        ("À lire aussi", "5", "boilerplate"),
        ("2 commentaires", "2", "boilerplate"),
        ("Vélo75", "Au moins 20", "comment"),
        ("Par Julie Martin", "le 15/07/2024", "boilerplate"),
    ],
)
def test_section_of_each_line(page_claims, line, anchor, section):
    start = PAGE.index(line)
    end = PAGE.index("\n", start)
    found = [c for c in page_claims if c.text == anchor and start <= c.start < end]
    assert len(found) == 1, [(c.text, c.start) for c in page_claims]
    assert found[0].section == section


def test_every_claim_points_at_its_text(page_claims):
    assert page_claims and all(PAGE[c.start : c.end] == c.text for c in page_claims)
    assert {c.kind for c in page_claims} == {"quantity", "date", "entity"}


# --------------------------------------------------------- an unexpected error costs one sentence
ROBUST = (
    "Inondations : 12 morts\n\n"
    "Les crues ont fait 12 morts mardi 14 mai, selon la préfecture.\n\n"
    "BOOM : ce paragraphe fait échouer l'extracteur, 30 maisons.\n\n"
    "Quelque 300 habitants ont été évacués mercredi 15 mai.\n"
)


def test_an_error_in_one_sentence_costs_that_sentence_only(nlp, failing_sentence, caplog):
    with caplog.at_level("WARNING", logger="claimcheck"):
        claims = _claims(nlp, ROBUST, "2024-05-16")
    texts = {c.text for c in claims}
    assert {"Quelque 300", "mardi 14 mai", "mercredi 15 mai"} <= texts and "30" not in texts
    (record,) = [r for r in caplog.records if r.name == "claimcheck"]
    assert "line 5" in record.getMessage() and "sentence skipped" in record.getMessage()
    assert "RuntimeError: simulated" in record.getMessage()


def test_a_normalizer_error_over_the_text_falls_back_to_lines(nlp, monkeypatch, caplog):
    from claimcheck import claims as claims_mod

    original = claims_mod.dates_mod.find_dates

    def failing(text, published=None):  # type: ignore[no-untyped-def]
        if "BOOM" in text:
            raise ValueError("simulated")
        return original(text, published)

    monkeypatch.setattr(claims_mod.dates_mod, "find_dates", failing)
    with caplog.at_level("WARNING", logger="claimcheck"):
        claims = _claims(nlp, ROBUST, "2024-05-16")
    dates = {c.text for c in claims if c.kind == "date"}
    assert {"mardi 14 mai", "mercredi 15 mai"} <= dates
    messages = [r.getMessage() for r in caplog.records if r.name == "claimcheck"]
    assert any("dates read line by line" in m for m in messages) and any("line skipped" in m for m in messages)


# ------------------------------------------------------------------- clock times, exact values
@pytest.mark.parametrize(
    "text, anchor, value",
    [
        ("Le séisme a frappé à 23h11 mardi soir.", "23h11", "T23:11"),
        ("Les secours sont arrivés vers 22 heures sur place.", "vers 22 heures", "T22:00"),
        ("Le train est reparti peu avant 23 h, selon la SNCF.", "peu avant 23 h", "T23:00"),
    ],
)
def test_clock_time_is_a_row_of_its_own(nlp, text, anchor, value):
    claims = _claims(nlp, TITLE + text, "2024-05-02")
    (row,) = [c for c in claims if c.text == anchor]
    assert (row.kind, row.unit, row.value) == ("date", "time", value)
    assert not any(c.kind == "quantity" and c.unit == "heure" for c in claims)


@pytest.mark.parametrize(
    "text, anchor, value",
    [
        ("Le budget atteint 1 234 567,89 euros cette année.", "1 234 567,89 euros", "1234567.89"),
        ("Le taux a été révisé à 7,65 % au deuxième trimestre.", "7,65 %", "7.65"),
        ("La commune a reçu 0,000025 euro par habitant.", "0,000025 euro", "0.000025"),
    ],
)
def test_value_column_is_exact(nlp, text, anchor, value):
    assert _quantity(nlp, text, anchor).value == value


@pytest.mark.parametrize(
    "text, anchor, aspect",
    [
        ("Le cortège a réuni 500 000 manifestants. C'est 100 000 de plus que jeudi.", "100 000", "change"),
        ("Les ventes ont atteint 700 000 unités, soit 245 000 unités de moins qu'en 2023.", "245 000", "change"),
        ("Le nouveau bilan fait état de 12 morts de plus.", "12", "change"),
        # a level: "de plus de 90 ans" says how old, not how many more
        ("La ville compte 300 habitants de plus de 90 ans.", "300", ""),
        ("Le cortège a réuni 500 000 manifestants jeudi.", "500 000", ""),
    ],
)
def test_a_difference_is_a_change_not_a_level(nlp, text, anchor, aspect):
    assert _quantity(nlp, text, anchor).aspect == aspect


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        # the recogniser ran "TER parti de Clermont-Ferrand" into one place, and began "de Nîmes" with its preposition
        ("Le TER parti de Clermont-Ferrand à destination de Nîmes a déraillé vendredi près de Langogne.",
         "Clermont-Ferrand", "Nîmes"),
        ("Une partie des ouvriers avait été mutée de La Roche-sur-Yon à Cholet en 2019.", "Roche-sur-Yon", "Cholet"),
    ],
)
def test_ends_of_a_movement_read_past_the_recogniser_s_spans(write_articles, text, origin, destination):
    from claimcheck import api

    folder = write_articles({"a": "Faits divers\n\n" + text + "\n"})
    moved = [c for c in api.diff([folder], None).claims if c.origin or c.destination]
    assert any((c.origin, c.destination) == (origin, destination) for c in moved), [(c.origin, c.destination) for c in moved]


@pytest.mark.parametrize(
    "text, anchor, high",
    [
        ("Cette année, le cap des 250 000 spectateurs n'a pas été franchi.", "250 000", 250000.0),
        ("Le taux de chômage n'a pas dépassé 8 % cette année.", "8 %", 8.0),
    ],
)
def test_a_mark_not_reached_bounds_the_figure(nlp, text, anchor, high):
    claim = _quantity(nlp, text, anchor)
    assert (claim.qualifier, claim.high, claim.modality) == ("lt", high, "asserted")


def test_a_negated_figure_of_another_verb_stays_negated(nlp):
    assert _quantity(nlp, "Il n'y a pas eu 300 morts dans la région.", "300").modality == "negated"


@pytest.mark.parametrize(
    "text, anchor",
    [
        # "Pas question de …" is a phrase of its own: it negates no figure of the sentence
        ("Âgé de 42 ans, il a pris la parole : « Le but, c'était de sauver des gens. » Pas question, pour autant,"
         " de lever le camp.", "42 ans"),
        ("Pas de répit pour les 300 pompiers engagés depuis mardi.", "300"),
    ],
)
def test_a_pas_without_ne_negates_no_figure(nlp, text, anchor):
    assert _quantity(nlp, text, anchor).modality != "negated"


@pytest.mark.parametrize(
    "text, anchor, scope",
    [
        ("Le rappel concerne 3 lots sur les 14 fabriqués.", "14", "base"),
        ("Sur les 577 députés, 120 ont voté contre.", "577", "base"),
        ("Il a été élu avec 54 % des voix sur 1 200 votants.", "1 200", "base"),
        # a verb's own "sur": what the recall bears on is the whole, not what a figure is out of
        ("Le rappel porte sur les 14 lots fabriqués en 2024.", "14", ""),
        ("La direction table sur 200 ventes d'ici juin.", "200", ""),
    ],
)
def test_what_a_figure_is_out_of(nlp, text, anchor, scope):
    assert _quantity(nlp, text, anchor).scope == scope


@pytest.mark.parametrize(
    "text, anchor, aspect",
    [
        ("Les 420 salariés du site attendent de savoir combien de temps durera l'enquête.", "420", ""),
        ("Les 80 habitants évacués attendent que la décrue s'amorce.", "80", ""),
        ("Les organisateurs attendent 200 000 visiteurs ce week-end.", "200 000", "forecast"),
    ],
)
def test_waiting_is_no_forecast(nlp, text, anchor, aspect):
    assert _quantity(nlp, text, anchor).aspect == aspect


@pytest.mark.parametrize(
    "text, anchor, place",
    [
        # the town of an office's seat says who speaks, not where the figure holds
        ("Selon le procureur de la République de Foix, 12 personnes ont été blessées à Pamiers.", "12", "Pamiers"),
        ("Le parquet de Nanterre a recensé 35 plaintes.", "35", ""),
        ("La préfecture du Nord a compté 4 000 manifestants.", "4 000", ""),
        ("À Lille, 4 000 manifestants ont défilé.", "4 000", "Lille"),
    ],
)
def test_an_office_seat_is_no_place_of_the_figure(nlp, text, anchor, place):
    assert _quantity(nlp, text, anchor).place == place


def test_a_date_set_off_after_a_noun_dates_that_noun(nlp):
    text = TITLE + "Après la démission, le 29 novembre, de l'éclaireur, c'est Ronald Plasterk qui mène les consultations."
    (date,) = [c for c in _claims(nlp, text, "2023-12-02") if c.kind == "date" and c.text == "le 29 novembre"]
    assert (date.predicate, date.event_date) == ("démission", "2023-11-29")


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        # one movement told by two coordinated verbs, however the parser hangs the second
        ("D'après Sébastien Durand, vice-président de la FDSEA, la voiture, qui venait de Toulouse et filait vers Foix,"
         " a évité les plots.", "Toulouse", "Foix"),
        ("Selon l'enquête, le véhicule arrivait de Foix et roulait vers Toulouse.", "Foix", "Toulouse"),
        # the traveller of a modal verb's infinitive ("devait rejoindre"), an age in apposition skipped
        ("Nathalie, 52 ans, qui devait rejoindre Toulouse depuis Paris, a vu son TGV annulé.", "Paris", "Toulouse"),
        # a time or a bearing after "à" is no place reached
        ("Parti à l'aube de la plage d'Ambleteuse, le canot a remonté la côte vers Wissant.", "Ambleteuse", "Wissant"),
    ],
)
def test_one_movement_told_by_two_verbs(nlp, text, origin, destination):
    moved = [c for c in _claims(nlp, TITLE + text) if c.origin or c.destination]
    assert [(c.origin, c.destination) for c in moved] == [(origin, destination)]


@pytest.mark.parametrize("phrase", ["vers le sud", "au cap", "à l'aube"])
def test_common_words_are_no_place_names(nlp, phrase):
    moved = [c for c in _claims(nlp, TITLE + f"Le bateau est parti de Calais et a dérivé {phrase}.") if c.origin or c.destination]
    assert all("Afrique du Sud" not in c.destination and "Aube" not in c.destination for c in moved), moved


def test_an_act_is_dated_by_the_date_of_its_own_verb(nlp):
    text = TITLE + "Selon le budget voté hier, Île-de-France Mobilités versera l'an prochain 800 millions d'euros à la Région."
    (act,) = [c for c in _claims(nlp, text, "2024-12-12") if c.event == "relation"]
    assert (act.subject, act.object, act.event_date) == ("Île-de-France Mobilités", "Région", "2025")


@pytest.mark.parametrize(
    "text, anchor, scope",
    [
        ("Dix femmes figurent parmi les victimes.", "Dix", "part"),
        ("Parmi les blessés, trois enfants ont été hospitalisés.", "trois", "part"),
        ("Le naufrage a fait 12 morts, parmi lesquels six mineurs.", "12", ""),
        # a pronoun names no group: the figure is a count of its own
        ("Parmi eux, 54 175 ont rallié l'arrivée.", "54 175", ""),
    ],
)
def test_a_part_named_by_parmi(nlp, text, anchor, scope):
    assert _quantity(nlp, text, anchor).scope == scope


@pytest.mark.parametrize(
    "text, anchor, source",
    [
        ("Dix femmes figurent parmi les victimes, originaires pour la plupart d'Érythrée.", "Dix", ""),
        ("Le bilan s'élève à 12 morts pour la préfecture.", "12", "préfecture"),
        ("Pour l'instant, 40 personnes ont été évacuées.", "40", ""),
    ],
)
def test_pour_la_is_a_source_unless_an_idiom(nlp, text, anchor, source):
    assert _quantity(nlp, text, anchor).source == source


@pytest.mark.parametrize(
    "text, anchor, subject",
    [
        # each item of a "Name : figure ; Name : figure" line has its own holder
        ("• Nouveau Front populaire : 182 sièges ; Ensemble : 168 ; RN et alliés : 143", "168", "Ensemble"),
        ("• Nouveau Front populaire : 182 sièges ; Ensemble : 168 ; RN et alliés : 143", "143", "RN et alliés"),
        ("SPD : 120 sièges", "120", "SPD"),
        # a figure in brackets after a name is that name's
        ("Les finalistes sont Marc Dubois (112 points) et Paul Girard (98 points).", "98", "Paul Girard"),
    ],
)
def test_holder_of_a_listed_figure(nlp, text, anchor, subject):
    assert _quantity(nlp, text, anchor).subject == subject


def test_a_prosecutor_s_request_is_no_sentence(nlp):
    text = "Le parquet avait requis une amende de 80 000 euros contre le maire."
    assert _quantity(nlp, text, "80 000 euros").aspect == "forecast"


def test_distance_from_a_named_landmark(nlp):
    assert _quantity(nlp, "Le canot a sombré à environ cinq kilomètres du cap Gris-Nez.", "environ cinq kilomètres").counted == "de cap Gris-Nez"


@pytest.mark.parametrize(
    "text, anchor",
    [
        ("Au sommet, le Slovène est passé en tête avec sept secondes d'avance sur le Danois.", "sept secondes"),
        ("Mestawut Fikir n'a devancé Enat Tirusew que de deux secondes.", "deux secondes"),
        ("Le train est arrivé avec un retard de 12 minutes.", "12 minutes"),
        ("Le PSG a battu Lyon de trois buts.", "trois"),
    ],
)
def test_a_margin_is_a_difference(nlp, text, anchor):
    assert _quantity(nlp, text, anchor).aspect == "change"


@pytest.mark.parametrize(
    "text, origin, destination",
    [
        ("Plus étonnant, le projet prévoit le transfert en Espagne de fonctions support jusqu'ici assurées depuis le Maroc,"
         " une manière de réduire les coûts.", "Maroc", "Espagne"),
        ("Le syndicat dénonce le transfert de la production vers la Pologne.", "", "Pologne"),
    ],
)
def test_a_movement_told_by_its_noun(nlp, text, origin, destination):
    moved = [c for c in _claims(nlp, TITLE + text) if c.origin or c.destination]
    assert [(c.origin, c.destination) for c in moved] == [(origin, destination)]


def test_a_noun_of_movement_with_nothing_said_to_move_is_no_flow(nlp):
    assert not [c for c in _claims(nlp, TITLE + "Le départ de Lyon est prévu à midi.") if c.origin or c.destination]


def test_a_mover_described_by_an_age_keeps_its_own_row(nlp):
    text = TITLE + "Une fillette de 4 ans a été transférée de Cambrai vers Lille."
    moved = [c for c in _claims(nlp, text) if c.kind == "entity" and (c.origin or c.destination)]
    assert [(c.text, c.origin, c.destination) for c in moved] == [("fillette", "Cambrai", "Lille")]

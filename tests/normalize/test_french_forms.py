"""Numbers, dates, ordinals and clock times as French writes them (issues 14 and 18), one table per
family of forms. Every case is written for claimcheck from ordinary French usage (press, wire
services, administrative and Swiss or Belgian usage), none is taken from another project's tests.

The families are kept apart so that a run says how many forms of each family are read:
``pytest tests/normalize/test_french_forms.py -q -rA | grep -c 'PASSED.*numeric'`` and so on.

Reference publication date: 2024-06-19, a Wednesday (ISO week 2024-W25); Easter 2023 fell on
9 April, Easter 2024 on 31 March, Easter 2025 on 20 April.
"""

from __future__ import annotations

import pytest

from claimcheck.normalize.dates import date_bounds, dates_compatible, find_dates
from claimcheck.normalize.numbers import find_quantities, parse_number

WED = "2024-06-19"


def dates(text: str, published: str | None = WED) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.value, m.precision) for m in find_dates(text, published)]


def quantities(text: str) -> list[tuple[str, float, str | None]]:
    return [(text[m.start : m.end], m.value, m.unit) for m in find_quantities(text)]


def times(text: str) -> list[tuple[str, str]]:
    from claimcheck.normalize.dates import find_times

    return [(text[m.start : m.end], m.value) for m in find_times(text)]


# =============================================================================== dates

# -- numeric dates in every common order and separator
NUMERIC = [
    ("Rendez-vous le 17/02 à la mairie.", WED, [("le 17/02", "2024-02-17", "day")]),
    ("Rendez-vous le 17/02 à la mairie.", None, [("le 17/02", "XXXX-02-17", "day")]),
    ("Le 17/02/2024, la loi a été votée.", None, [("Le 17/02/2024", "2024-02-17", "day")]),
    ("Les chiffres de 2016-11 montrent une hausse.", None, [("2016-11", "2016-11", "month")]),
    ("Le fichier est daté du 2015-3-3.", None, [("2015-3-3", "2015-03-03", "day")]),
    ("Il a été arrêté le 20 02 2014 à Lille.", None, [("le 20 02 2014", "2014-02-20", "day")]),
    ("Réunion du 17.02.24 : compte rendu.", None, [("17.02.24", "2024-02-17", "day")]),
    ("Publié le 3/4/2023 par la rédaction.", None, [("le 3/4/2023", "2023-04-03", "day")]),
    ("Mis à jour le 05-06-2023.", None, [("le 05-06-2023", "2023-06-05", "day")]),
    ("Le contrat du 17-02-24 est caduc.", None, [("17-02-24", "2024-02-17", "day")]),
    ("Depuis le 01/09, les tarifs ont augmenté.", WED, [("Depuis le 01/09", "2023-09-01/..", "range")]),
    ("Au 31/12/2023, la dette était stable.", None, [("31/12/2023", "2023-12-31", "day")]),
    ("Le vote du mardi 18/06 a été reporté.", WED, [("mardi 18/06", "2024-06-18", "day")]),
    ("Relevé du 1.3.2022", None, [("1.3.2022", "2022-03-01", "day")]),
    ("Inscriptions jusqu'au 30/06.", WED, [("jusqu'au 30/06", "../2024-06-30", "range")]),
]

# -- month and weekday names capitalised mid-sentence or written without accents
NAMES = [
    ("La réunion du 3 Février 2024 a été reportée.", None, [("3 Février 2024", "2024-02-03", "day")]),
    ("Les soldes commencent en Février.", None, [("Février", "XXXX-02", "month")]),
    ("Il est parti le 12 fevrier 2023.", None, [("le 12 fevrier 2023", "2023-02-12", "day")]),
    ("Le 15 aout, la ville était déserte.", None, [("Le 15 aout", "XXXX-08-15", "day")]),
    ("En decembre dernier, l'usine a fermé.", WED, [("decembre dernier", "2023-12", "month")]),
    ("Le ministre a annoncé Mercredi que le texte serait retiré.", WED, [("Mercredi", "2024-06-19", "day")]),
    ("Rendez-vous Samedi 22 juin à Paris.", WED, [("Samedi 22 juin", "2024-06-22", "day")]),
    ("Il reviendra Lundi prochain.", WED, [("Lundi prochain", "2024-06-24", "day")]),
    ("Les prix ont flambé en Aout 2023.", None, [("Aout 2023", "2023-08", "month")]),
    ("Les travaux finiront fin Septembre.", WED, [("fin Septembre", "2024-09", "month")]),
    ("Depuis Janvier, les ventes reculent.", WED, [("Depuis Janvier", "2024-01/..", "range")]),
    ("Le scrutin aura lieu le 7 Juillet.", WED, [("le 7 Juillet", "2024-07-07", "day")]),
    ("La grève a commencé dès Lundi matin.", WED, [("dès Lundi matin", "2024-06-17/..", "range")]),
    ("Le bilan de decembre 2023 est lourd.", None, [("decembre 2023", "2023-12", "month")]),
    ("La saison reprend en aout.", WED, [("aout", "2023-08", "month")]),
]

# -- relative phrases, anchored on the publication date or on the date of the event they follow
RELATIVE = [
    ("Il a été interpellé avant-hier.", WED, [("avant-hier", "2024-06-17", "day")]),
    ("Le colis est arrivé il y a dix jours.", WED, [("il y a dix jours", "2024-06-09", "day")]),
    ("La semaine dernière, les prix ont baissé.", WED, [("La semaine dernière", "2024-W24", "week")]),
    (
        "Le procès s'est ouvert le 3 juin 2024. Trois semaines plus tard, le verdict est tombé.",
        WED,
        [("le 3 juin 2024", "2024-06-03", "day"), ("Trois semaines plus tard", "2024-06-24", "day")],
    ),
    (
        "Il a été élu le 3 mars 2024 ; deux jours après, il démissionnait.",
        WED,
        [("le 3 mars 2024", "2024-03-03", "day"), ("deux jours après", "2024-03-05", "day")],
    ),
    (
        "Le 20 mai 2024, l'usine a fermé. Dix jours plus tôt, la direction avait prévenu.",
        WED,
        [("Le 20 mai 2024", "2024-05-20", "day"), ("Dix jours plus tôt", "2024-05-10", "day")],
    ),
    ("Le contrat doit être signé d'ici à vendredi.", WED, [("d'ici à vendredi", "../2024-06-21", "range")]),
    ("Les résultats seront publiés en fin de mois.", WED, [("fin de mois", "2024-06", "month")]),
    ("La décision tombera en début de semaine prochaine.", WED, [("début de semaine prochaine", "2024-W26", "week")]),
    ("Les comptes seront clos en fin d'année.", WED, [("fin d'année", "2024", "year")]),
    ("Elle a démissionné il y a deux semaines.", WED, [("il y a deux semaines", "2024-W23", "week")]),
    ("Le texte a été voté il y a un mois.", WED, [("il y a un mois", "2024-05", "month")]),
    ("Le chantier reprendra dans quinze jours.", WED, [("dans quinze jours", "2024-07-04", "day")]),
    ("Hier soir, la mairie a été évacuée.", WED, [("Hier soir", "2024-06-18", "day")]),
    ("Le site a fermé il y a trois ans.", WED, [("il y a trois ans", "2021", "year")]),
    ("Un mois plus tard, le 3 juillet 2023, il était libéré.", WED, [("le 3 juillet 2023", "2023-07-03", "day")]),
    # a byline's date is no event a shift counts from; an earlier paragraph's sentence is
    ("Par la rédaction · mercredi 19 juin 2024 · 4 min\n\nTrois jours après, rien n'a changé.", WED,
     [("mercredi 19 juin 2024", "2024-06-19", "day")]),
    ("Le 3 juin 2024, le juge a tranché.\n\nTrois jours après, il a fait appel.", WED,
     [("Le 3 juin 2024", "2024-06-03", "day"), ("Trois jours après", "2024-06-06", "day")]),
    ("Les grévistes se réuniront dès le début du mois d'octobre.", WED, [("dès le début du mois d'octobre", "2024-10/..", "range")]),
    ("Le 2 avril 2024, il est parti ; trois mois plus tard, il est revenu.", WED,
     [("Le 2 avril 2024", "2024-04-02", "day"), ("trois mois plus tard", "2024-07", "month")]),
]

# -- a weekday combined with its phrase
WEEKDAYS = [
    ("L'audience est renvoyée à mardi en huit.", WED, [("mardi en huit", "2024-07-02", "day")]),
    ("Nous reprendrons jeudi en quinze.", WED, [("jeudi en quinze", "2024-07-04", "day")]),
    ("Rendez-vous demain en huit.", WED, [("demain en huit", "2024-06-27", "day")]),
    ("Le vote aura lieu mercredi de la semaine prochaine.", WED,
     [("mercredi de la semaine prochaine", "2024-06-26", "day")]),
    ("Il est arrivé jeudi de la semaine dernière.", WED, [("jeudi de la semaine dernière", "2024-06-13", "day")]),
    ("Le sommet s'ouvre ce vendredi à Bruxelles.", WED, [("ce vendredi", "2024-06-21", "day")]),
    ("Le match a eu lieu ce samedi.", WED, [("ce samedi", "2024-06-15", "day")]),
    ("Il a été arrêté ce lundi.", WED, [("ce lundi", "2024-06-17", "day")]),
    ("Des orages sont attendus cette fin de semaine.", WED, [("cette fin de semaine", "2024-W25", "week")]),
    ("Il arrive samedi prochain.", WED, [("samedi prochain", "2024-06-22", "day")]),
    ("Il est parti dimanche dernier.", WED, [("dimanche dernier", "2024-06-16", "day")]),
    ("Les syndicats ont manifesté lundi matin.", WED, [("lundi matin", "2024-06-17", "day")]),
    ("Le texte sera examiné vendredi de cette semaine.", WED, [("vendredi de cette semaine", "2024-06-21", "day")]),
]

# -- ranges keep both ends
RANGES = [
    ("Le festival aura lieu du 13 au 15 juillet.", None, [("du 13 au 15 juillet", "XXXX-07-13/XXXX-07-15", "range")]),
    ("Les inscriptions sont ouvertes entre le 3 et le 12 septembre 2023.", None,
     [("entre le 3 et le 12 septembre 2023", "2023-09-03/2023-09-12", "range")]),
    ("Le salon se tient du 28 février au 3 mars 2024.", None,
     [("du 28 février au 3 mars 2024", "2024-02-28/2024-03-03", "range")]),
    ("Fermé du lundi 3 au vendredi 7 juin 2024.", None,
     [("du lundi 3 au vendredi 7 juin 2024", "2024-06-03/2024-06-07", "range")]),
    ("Il a dirigé l'entreprise de 2010 à 2015.", None, [("de 2010 à 2015", "2010/2015", "range")]),
    ("La sécheresse a duré entre mars et mai 2023.", None, [("entre mars et mai 2023", "2023-03/2023-05", "range")]),
    ("Les élections ont eu lieu les 3 et 4 juin 2024.", None, [("les 3 et 4 juin 2024", "2024-06-03/2024-06-04", "range")]),
    ("Le pont était fermé du 3 au 5 juin.", WED, [("du 3 au 5 juin", "2024-06-03/2024-06-05", "range")]),
    ("La trêve a tenu entre le 3 juin et le 12 juillet 2024.", None,
     [("entre le 3 juin et le 12 juillet 2024", "2024-06-03/2024-07-12", "range")]),
    ("L'exposition a été prolongée de janvier à mars.", WED, [("de janvier à mars", "2024-01/2024-03", "range")]),
    ("Le mandat 2019-2021 a été chaotique.", None, [("2019-2021", "2019/2021", "range")]),
    ("Le stage a lieu du 17/02 au 21/02.", WED, [("du 17/02 au 21/02", "2024-02-17/2024-02-21", "range")]),
    ("Le musée sera fermé du 1er au 15 août 2024.", None, [("du 1er au 15 août 2024", "2024-08-01/2024-08-15", "range")]),
]

# -- "fin mars", "mi-juillet", "début 2024": the period's value and precision
PARTS = [
    ("Le chômage a reculé fin mars.", WED, [("fin mars", "2024-03", "month")]),
    ("La décision est attendue mi-juillet.", WED, [("mi-juillet", "2024-07", "month")]),
    ("L'usine ouvrira début 2024.", None, [("début 2024", "2024", "year")]),
    ("Le projet a été lancé fin 2023.", None, [("fin 2023", "2023", "year")]),
    ("Les travaux ont eu lieu courant mai.", WED, [("courant mai", "2024-05", "month")]),
    ("Il est arrivé à la mi-août.", WED, [("la mi-août", "2023-08", "month")]),
    ("Les soldes ont commencé début juin 2023.", None, [("début juin 2023", "2023-06", "month")]),
    ("La crise a éclaté fin décembre 2022.", None, [("fin décembre 2022", "2022-12", "month")]),
    ("Au début des années 1990, la ville comptait peu d'habitants.", None,
     [("début des années 1990", "1990/1999", "decade")]),
    ("Fin mars, le gouvernement a reculé.", WED, [("Fin mars", "2024-03", "month")]),
    ("Le texte sera voté mi-2025.", None, [("mi-2025", "2025", "year")]),
]

# -- two-digit years
SHORT_YEARS = [
    ("Il est né en 74.", WED, [("74", "1974", "year")]),
    ("Depuis 99, rien n'a changé.", WED, [("Depuis 99", "1999/..", "range")]),
    ("En 74, il a quitté la France.", WED, [("74", "1974", "year")]),
    ("Il est né en 74 à Lyon.", WED, [("74", "1974", "year")]),
    ("Il se souvient de l'hiver 87, le plus froid du siècle.", WED, [("l'hiver 87", "1987-12/1988-02", "season")]),
    ("C'était l'été 76, la grande sécheresse.", WED, [("l'été 76", "1976-06/1976-08", "season")]),
    ("Il a obtenu son bac en 92, à Lyon.", WED, [("92", "1992", "year")]),
    ("Il a quitté le club en 2012 et y est revenu en 15.", WED, [("2012", "2012", "year"), ("15", "2015", "year")]),
]

# -- times of day are kept off the date (find_times reads them, see CLOCK below)
TIME_OFF = [
    ("Le conseil s'est réuni mardi 11 h.", WED, [("mardi", "2024-06-18", "day")]),
    ("Le 5 avril 2022 à 09h15, l'alerte a été donnée.", WED, [("Le 5 avril 2022", "2022-04-05", "day")]),
    ("Il a été vu jeudi à 14 heures.", WED, [("jeudi", "2024-06-13", "day")]),
    ("Il est rentré hier 23h.", WED, [("hier", "2024-06-18", "day")]),
    ("Le concert aura lieu samedi 22 juin à 20 h 30.", WED, [("samedi 22 juin", "2024-06-22", "day")]),
    ("Le vote a eu lieu mardi à 11 h 30.", WED, [("mardi", "2024-06-18", "day")]),
]

# -- French public holidays, computed (Easter from the year, never listed)
HOLIDAYS = [
    ("Les magasins ont fermé à Noël.", WED, [("Noël", "2023-12-25", "day")]),
    ("Il est rentré à la Toussaint.", WED, [("la Toussaint", "2023-11-01", "day")]),
    ("Le défilé du 14-Juillet a été annulé.", WED, [("14-Juillet", "2023-07-14", "day")]),
    ("Pâques 2024 tombe le 31 mars.", WED, [("Pâques 2024", "2024-03-31", "day"), ("le 31 mars", "2024-03-31", "day")]),
    ("Le lundi de Pâques 2025 sera férié.", WED, [("Le lundi de Pâques 2025", "2025-04-21", "day")]),
    ("L'Ascension 2024 a créé un long pont.", WED, [("L'Ascension 2024", "2024-05-09", "day")]),
    ("La Pentecôte 2023 a été pluvieuse.", WED, [("La Pentecôte 2023", "2023-05-28", "day")]),
    ("Le lundi de Pentecôte 2024, ils ont travaillé.", WED, [("Le lundi de Pentecôte 2024", "2024-05-20", "day")]),
    ("Noël 2022 a été fêté en famille.", WED, [("Noël 2022", "2022-12-25", "day")]),
    ("Il a été libéré le jour de l'an.", WED, [("le jour de l'an", "2024-01-01", "day")]),
    ("La Saint-Sylvestre a été calme.", WED, [("La Saint-Sylvestre", "2023-12-31", "day")]),
    ("Les villes étaient désertes à l'Assomption.", WED, [("l'Assomption", "2023-08-15", "day")]),
    ("Le 11-Novembre, les anciens combattants défilent.", WED, [("Le 11-Novembre", "2023-11-11", "day")]),
    ("Il est parti à Pâques.", WED, [("Pâques", "2024-03-31", "day")]),
    ("Il reviendra à Pâques.", WED, [("Pâques", "2025-04-20", "day")]),
    ("Noël dernier, la neige est tombée.", WED, [("Noël dernier", "2023-12-25", "day")]),
    ("Le Vendredi saint 2024, la procession a eu lieu.", WED, [("Le Vendredi saint 2024", "2024-03-29", "day")]),
    ("Mardi gras 2024 a attiré la foule.", WED, [("Mardi gras 2024", "2024-02-13", "day")]),
    ("Le 1er-Mai, les syndicats défilent.", WED, [("Le 1er-Mai", "2024-05-01", "day")]),
    ("Les magasins ferment à Noël.", None, [("Noël", "XXXX-12-25", "day")]),
    ("La veille de Noël 2023, il neigeait.", None, [("La veille de Noël 2023", "2023-12-24", "day")]),
    ("Le week-end de Pâques 2024, la route était saturée.", None, [("Pâques 2024", "2024-03-31", "day")]),
]

# -- no date here: a name, a generic feast, Easter without year nor publication
NOT_A_HOLIDAY = [
    "Noël Mamère a parlé hier soir.",
    "Le père Noël est passé.",
    "Les marchés de Noël ouvrent chaque année.",
    "Toussaint Louverture est né à Saint-Domingue.",
    "Il est parti à Pâques.",
]


@pytest.mark.parametrize(("text", "published", "expected"), NUMERIC)
def test_dates_numeric(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), NAMES)
def test_dates_names(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), RELATIVE)
def test_dates_relative(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), WEEKDAYS)
def test_dates_weekdays(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), RANGES)
def test_dates_ranges(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), PARTS)
def test_dates_parts(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), SHORT_YEARS)
def test_dates_short_years(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), TIME_OFF)
def test_dates_time_kept_off(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), HOLIDAYS)
def test_dates_holidays(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("text", NOT_A_HOLIDAY)
def test_dates_not_a_holiday(text):
    assert dates(text, None) == []


def test_dates_easter_is_computed_for_any_year():
    # Easter Sunday of years no table lists; the Gregorian computation (dateutil.easter)
    for year, day in [(1900, "1900-04-15"), (1954, "1954-04-18"), (2038, "2038-04-25"), (2087, "2087-04-20")]:
        assert dates(f"Pâques {year}", None) == [(f"Pâques {year}", day, "day")]


def test_dates_new_values_are_readable():
    for table in (NUMERIC, NAMES, RELATIVE, WEEKDAYS, RANGES, PARTS, SHORT_YEARS, HOLIDAYS):
        for text, published, _ in table:
            for m in find_dates(text, published):
                assert dates_compatible(m.value, m.value)
                if "XXXX" not in m.value:
                    assert date_bounds(m.value) is not None, (text, m)


# ============================================================================= numbers

SIGNS = [
    ("La température est descendue à moins 12 degrés.", [("moins 12 degrés", -12, "°C")]),
    ("Il a fait moins 12 cette nuit à Mouthe.", [("moins 12", -12, None)]),
    ("Le PIB a reculé de -3,5 % au premier trimestre.", [("-3,5 %", -3.5, "%")]),
    ("Il faisait 10 degrés en dessous de zéro.", [("10 degrés en dessous de zéro", -10, "°C")]),
    ("Il faisait 15 degrés au-dessous de zéro.", [("15 degrés au-dessous de zéro", -15, "°C")]),
    ("La Bourse a fini à −2,1 %.", [("−2,1 %", -2.1, "%")]),
    ("Le compte affiche un solde de -1 200 euros.", [("-1 200 euros", -1200, "EUR")]),
    ("Le thermomètre indiquait -5 °C à l'aube.", [("-5 °C", -5, "°C")]),
    ("Le CAC 40 a terminé à moins 2,3 %.", [("moins 2,3 %", -2.3, "%")]),
    ("Au moins 12 personnes ont été blessées.", [("Au moins 12", 12, None)]),
    ("Moins de 12 personnes ont été blessées.", [("Moins de 12", 12, None)]),
    ("Les ventes ont progressé de +4,2 %.", [("+4,2 %", 4.2, "%")]),
]

FRACTIONS = [
    ("Trois cinquièmes des électeurs ont voté.", [("Trois cinquièmes", 60, "%")]),
    ("Un Français sur trois renonce aux soins.", [("Un Français sur trois", 33.33, "%")]),
    ("Les trois quarts des salariés sont en grève.", [("Les trois quarts", 75, "%")]),
    ("Deux tiers des députés ont voté pour.", [("Deux tiers", 66.67, "%")]),
    ("Un quart des communes est concerné.", [("Un quart", 25, "%")]),
    ("Sept sur dix disent avoir confiance.", [("Sept sur dix", 70, "%")]),
    ("Un cinquième du budget y est consacré.", [("Un cinquième", 20, "%")]),
    ("Trois dixièmes de la surface ont brûlé.", [("Trois dixièmes", 30, "%")]),
    ("Un huitième des logements est vacant.", [("Un huitième", 12.5, "%")]),
    ("Deux cinquièmes des votants ont choisi le oui.", [("Deux cinquièmes", 40, "%")]),
    ("Quatre septièmes du parcours sont en montée.", [("Quatre septièmes", 57.14, "%")]),
    ("Un élève sur quatre est en difficulté.", [("Un élève sur quatre", 25, "%")]),
    ("Trois huitièmes des parts ont été vendues.", [("Trois huitièmes", 37.5, "%")]),
    ("La moitié des salariés est en télétravail.", [("La moitié", 50, "%")]),
]

SPOKEN_DECIMALS = [
    ("Le taux est de zéro virgule cinq pour cent.", [("zéro virgule cinq pour cent", 0.5, "%")]),
    ("La ville compte deux virgule trois millions d'habitants.", [("deux virgule trois millions", 2.3e6, None)]),
    ("Le déficit atteint un virgule cinq milliard.", [("un virgule cinq milliard", 1.5e9, None)]),
    ("La croissance sera de trois virgule deux pour cent.", [("trois virgule deux pour cent", 3.2, "%")]),
    ("Le coefficient vaut zéro virgule zéro cinq.", [("zéro virgule zéro cinq", 0.05, None)]),
    ("L'indice est passé à quatre virgule vingt-cinq.", [("quatre virgule vingt-cinq", 4.25, None)]),
]

CURRENCY_FIRST = [
    ("Le billet coûte $10.", [("$10", 10, "USD")]),
    ("Abonnement : EUR 20 par mois.", [("EUR 20", 20, "EUR")]),
    ("Une amende de € 15 lui a été infligée.", [("€ 15", 15, "EUR")]),
    ("Le club a été vendu £3,5 millions.", [("£3,5 millions", 3.5e6, "GBP")]),
    ("Le contrat vaut US$ 2 milliards.", [("US$ 2 milliards", 2e9, "USD")]),
    ("La montre coûte CHF 300.", [("CHF 300", 300, "CHF")]),
    ("Le ticket vaut €15 en prévente.", [("€15", 15, "EUR")]),
    ("Il a misé plus de $500.", [("plus de $500", 500, "USD")]),
    ("Le budget s'élève à USD 1,2 million.", [("USD 1,2 million", 1.2e6, "USD")]),
    ("Le prix a grimpé à $ 4,50 le gallon.", [("$ 4,50", 4.5, "USD")]),
]

GLUED_UNITS = [
    ("Une bouteille de 250ml a été saisie.", [("250ml", 250, "ml")]),
    ("Il a couru 3km ce matin.", [("3km", 3, "km")]),
    ("Le colis pèse 50kg.", [("50kg", 50, "kg")]),
    ("Il roulait à 130km/h.", [("130km/h", 130, "km/h")]),
    ("Le mur mesure 2,5m de haut.", [("2,5m", 2.5, "m")]),
    ("La dose est de 10mg par jour.", [("10mg", 10, "mg")]),
    ("Un verre de 40cl est servi.", [("40cl", 40, "cl")]),
    ("Le domaine couvre 5ha.", [("5ha", 5, "ha")]),
    ("Il faisait 20°C à midi.", [("20°C", 20, "°C")]),
    ("L'appartement fait 100m².", [("100m²", 100, "m²")]),
    ("La batterie stocke 75kWh.", [("75kWh", 75, "kWh")]),
    ("Un flacon de 5cl suffit.", [("5cl", 5, "cl")]),
]

TWO_PART = [
    ("Le ticket coûte 15 dollars et 15 cents.", [("15 dollars et 15 cents", 15.15, "USD")]),
    ("Le pain coûte 3 euros et 50 centimes.", [("3 euros et 50 centimes", 3.5, "EUR")]),
    ("Le café est passé à 2 euros 50.", [("2 euros 50", 2.5, "EUR")]),
    ("La baguette coûte 1 euro et 20 centimes.", [("1 euro et 20 centimes", 1.2, "EUR")]),
    ("Le timbre vaut 1,29 euro.", [("1,29 euro", 1.29, "EUR")]),
]

SUFFIX_NOTATIONS = [
    ("La masse atteint 1e10 tonnes.", [("1e10 tonnes", 1e10, "t")]),
    ("Le chiffre d'affaires atteint 3 M€.", [("3 M€", 3e6, "EUR")]),
    ("Le plan coûte 2,5 Md€.", [("2,5 Md€", 2.5e9, "EUR")]),
    ("Les pertes sont de 1,2 Mds€.", [("1,2 Mds€", 1.2e9, "EUR")]),
    ("Une prime de 500 k€ a été versée.", [("500 k€", 5e5, "EUR")]),
    ("Le nombre d'Avogadro vaut 6,02e23.", [("6,02e23", 6.02e23, None)]),
    ("Le capital est de 1,5E6 euros.", [("1,5E6 euros", 1.5e6, "EUR")]),
    ("La levée de fonds atteint 10 M$.", [("10 M$", 1e7, "USD")]),
    ("L'État a injecté 3 Mds d'euros.", [("3 Mds d'euros", 3e9, "EUR")]),
    ("Le rachat s'élève à 2 Md$.", [("2 Md$", 2e9, "USD")]),
    ("Il gagne 100K par an.", [("100K", 1e5, None)]),
]

FAHRENHEIT = [
    ("Il fait 95 °F à Phoenix.", [("95 °F", 95, "°F")]),
    ("Une température de 100 degrés Fahrenheit a été relevée.", [("100 degrés Fahrenheit", 100, "°F")]),
    ("Le thermomètre affiche 32°F.", [("32°F", 32, "°F")]),
    ("Il a fait -4 °F à Chicago.", [("-4 °F", -4, "°F")]),
    ("Il fait 20 °C à Paris.", [("20 °C", 20, "°C")]),
    ("La température a atteint 104 degrés F.", [("104 degrés F", 104, "°F")]),
]

EXACT = [
    ("Le budget est de 1 234 567,89 euros.", [("1 234 567,89 euros", 1234567.89, "EUR")]),
    ("La planète compte 12 345 678 901 habitants.", [("12 345 678 901", 12345678901, None)]),
    ("La mesure donne 3,141592653 mètres.", [("3,141592653 mètres", 3.141592653, "m")]),
    ("Il a réuni 987 654 321 dollars.", [("987 654 321 dollars", 987654321, "USD")]),
    ("Le taux est de 0,000123 %.", [("0,000123 %", 0.000123, "%")]),
    ("La dette atteint 3 101 234 567 890 euros.", [("3 101 234 567 890 euros", 3101234567890, "EUR")]),
    ("La récolte a atteint 2 345 678,125 tonnes.", [("2 345 678,125 tonnes", 2345678.125, "t")]),
    ("Le fonds pèse 1,234567 milliard.", [("1,234567 milliard", 1234567000, None)]),
]

APOSTROPHE_THOUSANDS = [
    ("Quelque 700’000 personnes ont défilé.", [("Quelque 700’000", 700000, None)]),
    ("Le canton compte 245'000 habitants.", [("245'000", 245000, None)]),
    ("Le fonds pèse 1'234'567 francs.", [("1'234'567", 1234567, None)]),
    ("L'amende s'élève à CHF 2'500.", [("CHF 2'500", 2500, "CHF")]),
    ("Le loyer est de 12'500.50 CHF par an.", [("12'500.50 CHF", 12500.5, "CHF")]),
    ("Plus de 1’200 emplois sont menacés.", [("Plus de 1’200", 1200, None)]),
    ("Le bilan fait état de 2’012 morts.", [("2’012", 2012, None)]),
]


@pytest.mark.parametrize(("text", "expected"), SIGNS)
def test_numbers_signs(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), FRACTIONS)
def test_numbers_fractions(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), SPOKEN_DECIMALS)
def test_numbers_spoken_decimals(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("mil neuf cent vingt", 1920), ("mil huit cent quinze", 1815), ("l'an mil", None), ("mil", None), ("le mil et le sorgho", None),
     ("mille neuf cent vingt", 1920), ("zéro virgule cinq", 0.5), ("1e10", 1e10), ("700’000", 700000),
     ("245'000", 245000), ("moins 12", -12), ("trois cinquièmes", 0.6), ("1 234 567,89", 1234567.89)],
)
def test_numbers_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(("text", "expected"), CURRENCY_FIRST)
def test_numbers_currency_first(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), GLUED_UNITS)
def test_numbers_glued_units(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), TWO_PART)
def test_numbers_two_part(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), SUFFIX_NOTATIONS)
def test_numbers_suffix_notations(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), FAHRENHEIT)
def test_numbers_fahrenheit(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), EXACT)
def test_numbers_exact(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), APOSTROPHE_THOUSANDS)
def test_numbers_apostrophe_thousands(text, expected):
    assert quantities(text) == expected


def test_numbers_apostrophe_between_words_is_no_separator():
    assert quantities("Aujourd'hui 3 000 manifestants.") == [("3 000", 3000, None)]
    assert quantities("Il a dit '12' puis '300'.") == [("12", 12, None), ("300", 300, None)]


# ============================================================================= ordinals

# A rank is not a count: nothing of these is a quantity (only the real counts beside them).
ORDINALS = [
    ("Il a terminé 1er du classement.", []),
    ("Elle a pris la 2e place.", []),
    ("Il habite le 12e arrondissement.", []),
    ("Le deuxième tour aura lieu dimanche.", []),
    ("C'est la onzième édition du festival.", []),
    ("Au XXIe siècle, tout a changé.", []),
    ("Le 3ème jour, il est reparti.", []),
    ("La 5ᵉ République a été fondée en 1958.", []),
    ("Le vingt et unième siècle sera urbain.", []),
    ("C'est la 1re fois qu'il gagne.", []),
    ("Pour la 1ère fois, la ligue a réagi.", []),
    ("Douze coureurs ont fini, et il a fini 2e.", [("Douze", 12, None)]),
    ("C'est la trentième victoire du club.", []),
    ("Le 100e anniversaire a été fêté.", []),
    ("Il a été éliminé au 2nd tour.", []),
    ("Elle est arrivée cinquième.", []),
    ("Les 2es et 3es places sont partagées.", []),
    ("Le quatre-vingt-dixième anniversaire approche.", []),
    ("Le trente et unième jour du mois.", []),
    ("Ils sont 300 au 3e étage.", [("300", 300, None)]),
]


@pytest.mark.parametrize(("text", "expected"), ORDINALS)
def test_ordinals_are_no_quantities(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(("text", "expected"), [(t, [(w, r)]) for t, w, r in [
    ("Il a terminé 1er du classement.", "1er", 1),
    ("Elle a pris la 2e place.", "2e", 2),
    ("Il habite le 12e arrondissement.", "12e", 12),
    ("Le deuxième tour aura lieu dimanche.", "deuxième", 2),
    ("C'est la onzième édition du festival.", "onzième", 11),
    ("Au XXIe siècle, tout a changé.", "XXIe", 21),
    ("Le 3ème jour, il est reparti.", "3ème", 3),
    ("Le vingt et unième siècle sera urbain.", "vingt et unième", 21),
    ("Pour la 1ère fois, la ligue a réagi.", "1ère", 1),
    ("Le quatre-vingt-dixième anniversaire approche.", "quatre-vingt-dixième", 90),
    ("Il a été éliminé au 2nd tour.", "2nd", 2),
    ("Louis XIV a régné longtemps.", "XIV", 14),
]])
def test_ordinals_are_recognised(text, expected):
    from claimcheck.normalize.numbers import find_ordinals

    assert [(text[o.start : o.end], o.rank) for o in find_ordinals(text)] == expected


# ========================================================================== clock times

# A time of day, never a quantity of hours (issue 18).
CLOCK = [
    ("L'explosion a eu lieu à 23h11.", [("23h11", "T23:11")]),
    ("Le couvre-feu commence à 23 h.", [("23 h", "T23:00")]),
    ("Le train a déraillé peu avant 23 h.", [("peu avant 23 h", "T23:00")]),
    ("Les secours sont arrivés vers 22 heures.", [("vers 22 heures", "T22:00")]),
    ("Le magasin ouvre à 8h30.", [("8h30", "T08:30")]),
    ("La séance a repris à 14 h 15.", [("14 h 15", "T14:15")]),
    ("Le vote a eu lieu à 20:45.", [("20:45", "T20:45")]),
    ("Il a appelé dès 6 heures du matin.", [("dès 6 heures du matin", "T06:00")]),
    ("Il est rentré à 9 heures du soir.", [("9 heures du soir", "T21:00")]),
    ("Le choc a eu lieu à 5 h de l'après-midi.", [("5 h de l'après-midi", "T17:00")]),
    ("Le bureau est ouvert de 9 h à 17 h.", [("de 9 h à 17 h", "T09:00/T17:00")]),
    ("Le séisme s'est produit aux alentours de 4 h.", [("aux alentours de 4 h", "T04:00")]),
    ("Il a été vu jeudi à 14 heures.", [("14 heures", "T14:00")]),
    ("Il est rentré hier 23h.", [("23h", "T23:00")]),
    ("Le conseil s'est réuni mardi 11 h.", [("11 h", "T11:00")]),
    ("Le 5 avril 2022 à 09h15, l'alerte a été donnée.", [("09h15", "T09:15")]),
    ("L'incendie s'est déclaré peu après 3 h du matin.", [("peu après 3 h du matin", "T03:00")]),
    ("La fusillade a éclaté à minuit.", [("minuit", "T00:00")]),
    ("Le cortège est parti à midi.", [("midi", "T12:00")]),
    ("Il était 23 h 40 quand le courant a été coupé.", [("23 h 40", "T23:40")]),
    ("Le sommet débutera à 10 heures précises.", [("10 heures précises", "T10:00")]),
]

# Durations stay durations: a quantity of hours, no time of day.
DURATIONS = [
    ("Il a parlé pendant 3 heures.", [("3 heures", 3, "heure")]),
    ("Il a couru le marathon en 2h20'48.", [("2h20'48", 8448, "seconde")]),
    ("Il a fallu 4 heures de route.", [("4 heures", 4, "heure")]),
    ("Elle a bouclé l'étape en 1 h 45.", [("1 h 45", 1.75, "heure")]),
    ("La garde à vue a duré plus de 48 heures.", [("plus de 48 heures", 48, "heure")]),
    ("Les négociations ont duré durant 72 heures.", [("72 heures", 72, "heure")]),
    ("Le vainqueur a signé un temps de 1h59'40.", [("1h59'40", 7180, "seconde")]),
    ("Il a nagé pendant 2 heures et demie.", [("2 heures et demie", 2.5, "heure")]),
]


@pytest.mark.parametrize(("text", "expected"), CLOCK)
def test_clock_times(text, expected):
    assert times(text) == expected
    assert not [q for q in find_quantities(text) if q.unit in ("heure", "minute")]


@pytest.mark.parametrize(("text", "expected"), DURATIONS)
def test_durations_stay_quantities(text, expected):
    assert [q for q in quantities(text) if q[2] in ("heure", "minute", "seconde")] == expected
    assert times(text) == []


def test_clock_time_values_are_times_of_day():
    from claimcheck.normalize.dates import find_times

    for text, _ in CLOCK:
        for m in find_times(text):
            assert m.precision == "time"
            assert dates_compatible(m.value, m.value)


# ===================================================================== through the claim table

ARTICLE = (
    "Le marathon de Paris s'est couru dimanche 7 avril 2024. Le vainqueur a franchi la ligne en "
    "2h05'48, à 10h12, et il a pris la 1re place devant 55’000 coureurs. Le 12e arrondissement a "
    "fêté la onzième victoire française du XXIe siècle. La température est descendue à moins 3 degrés."
)


def test_extract_keeps_ranks_and_clock_times_out_of_quantities(nlp, write_articles):
    from claimcheck import api

    folder = write_articles({"marathon": ARTICLE}, meta={"marathon": "2024-04-08"})
    claims = api.extract([folder], folder / "meta.csv")
    quantities = {(c.text, c.value, c.unit) for c in claims if c.kind == "quantity"}
    assert ("2h05'48", "7548", "seconde") in quantities  # a race time is a duration, in seconds
    assert ("55’000", "55000", "coureur") in quantities  # Swiss thousands
    assert ("moins 3 degrés", "-3", "°C") in quantities
    texts = {c.text for c in claims if c.kind == "quantity"}
    for rank_or_time in ("1re", "12e", "onzième", "XXIe", "10h12", "10", "12", "1"):
        assert rank_or_time not in texts
    assert {(c.text, c.value) for c in claims if c.kind == "date"} >= {("dimanche 7 avril 2024", "2024-04-07")}


def test_every_holiday_of_the_data_file_is_read():
    # each name of resources/dates_fr.tsv, with a year (also checks that the rule's key words,
    # which gate the lines it is tried on, cover every name)
    from claimcheck.normalize.dates import load_vocabulary

    for form in load_vocabulary().holidays:
        text = f"Il est venu {form} 2024."
        assert [(text[m.start : m.end], m.precision) for m in find_dates(text, None)] == [(f"{form} 2024", "day")], form

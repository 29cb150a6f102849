"""Tests of claimcheck.normalize.numbers on real-world French (press, wire services, Belgian and
Swiss usage, several registers). Pure: no spaCy."""

from __future__ import annotations

import itertools
from typing import NamedTuple

import pytest

from claimcheck.normalize.numbers import find_quantities, parse_number
from claimcheck.resources import read_table

NNBSP = "\u202f"
NBSP = "\u00a0"


class Q(NamedTuple):
    """One expected quantity: its expression, its number, and what it normalizes to."""

    expr: str
    num: str
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    vague: bool


_DEFAULT = object()


def q(expr, num, value, qualifier="eq", unit=None, low=_DEFAULT, high=_DEFAULT, vague=False):
    """Expected match; the interval defaults to what the qualifier implies for ``value``."""
    default_low, default_high = {
        "eq": (value, value),
        "approx": (0.9 * value, 1.1 * value),
        "gt": (value, None),
        "ge": (value, None),
        "lt": (None, value),
        "le": (None, value),
        "range": (value, None),
    }[qualifier]
    return Q(
        expr,
        num,
        value,
        default_low if low is _DEFAULT else low,
        default_high if high is _DEFAULT else high,
        qualifier,
        unit,
        vague,
    )


def _approx(x):
    return None if x is None else pytest.approx(x, rel=1e-6, abs=1e-6)


def check(text, expected):
    found = find_quantities(text)
    got = [
        Q(
            text[m.start : m.end],
            text[m.num_start : m.num_end],
            m.value,
            m.low,
            m.high,
            m.qualifier,
            m.unit,
            m.vague,
        )
        for m in found
    ]
    assert [g.expr for g in got] == [e.expr for e in expected], got
    for g, e in zip(got, expected, strict=True):
        assert g.num == e.num, g
        assert g.value == _approx(e.value), g
        assert g.low == _approx(e.low), g
        assert g.high == _approx(e.high), g
        assert (g.qualifier, g.unit, g.vague) == (e.qualifier, e.unit, e.vague), g


def xfail(reason, *values):
    return pytest.param(*values, marks=pytest.mark.xfail(strict=True, reason=reason))


# ----------------------------------------------------------------------------- digits

DIGITS = [
    ("Plus de 11 000 conteneurs ont été livrés.", [q("Plus de 11 000", "11 000", 11000, "gt")]),
    (f"Le port a reçu 11{NBSP}000 conteneurs.", [q(f"11{NBSP}000", f"11{NBSP}000", 11000)]),
    (f"Pyongyang aurait livré 11{NNBSP}000 conteneurs.", [q(f"11{NNBSP}000", f"11{NNBSP}000", 11000)]),
    ("La manifestation a réuni 81.000 personnes à Bruxelles.", [q("81.000", "81.000", 81000)]),
    ("La commune compte 2.500.000 habitants selon Statbel.", [q("2.500.000", "2.500.000", 2.5e6)]),
    ("La facture s'élève à 3.000,50 euros.", [q("3.000,50 euros", "3.000,50", 3000.5, unit="EUR")]),
    ("Le taux de reproduction est remonté à 1,2 cette semaine.", [q("1,2", "1,2", 1.2)]),
    ("Au total, 1 000 000 de doses ont été administrées.", [q("1 000 000", "1 000 000", 1e6)]),
    ("L'écart n'est que de 0,5 point.", [q("0,5", "0,5", 0.5)]),
    ("Les 577 députés siègent à l'Assemblée.", [q("577", "577", 577)]),
    ("Le parc compte 1500 éoliennes.", [q("1500", "1500", 1500)]),
    ("La police a recensé 2000 manifestants.", [q("2000", "2000", 2000)]),
    (
        "Le vol transportait 228 passagers et 12 membres d'équipage.",
        [q("228", "228", 228), q("12", "12", 12)],
    ),
    (
        "L'épidémie a fait 3 200 morts en trois semaines.",
        [q("3 200", "3 200", 3200), q("trois semaines", "trois", 3, unit="semaine")],
    ),
    (
        "Les 31 000 salariés du groupe et ses 22 000 sous-traitants.",
        [q("31 000", "31 000", 31000), q("22 000", "22 000", 22000)],
    ),
    (f"Encore 684{NNBSP}000 foyers privés d'électricité.", [q(f"684{NNBSP}000", f"684{NNBSP}000", 684000)]),
    (
        "L'entreprise emploie 3 200 salariés et vaut 1,28 million.",
        [q("3 200", "3 200", 3200), q("1,28 million", "1,28 million", 1.28e6)],
    ),
    ("Le stade de 80 698 places était plein.", [q("80 698", "80 698", 80698)]),
    ("Il a obtenu 12,5 sur le barème.", [q("12,5", "12,5", 12.5)]),
    ("Le prix du baril a atteint 90,45 dollars.", [q("90,45 dollars", "90,45", 90.45, unit="USD")]),
]

# ----------------------------------------------------------------------------- words

WORDS = [
    ("Onze mille conteneurs auraient été expédiés.", [q("Onze mille", "Onze mille", 11000)]),
    (
        "Le bilan fait état de quatre-vingt-dix-neuf victimes.",
        [q("quatre-vingt-dix-neuf", "quatre-vingt-dix-neuf", 99)],
    ),
    ("Il est mort à soixante et onze ans.", [q("soixante et onze ans", "soixante et onze", 71, unit="an")]),
    ("Septante personnes ont été évacuées à Liège.", [q("Septante", "Septante", 70)]),
    ("Il y avait huitante participants à Lausanne.", [q("huitante", "huitante", 80)]),
    (
        "Nonante-cinq pour cent des votants ont approuvé le texte.",
        [q("Nonante-cinq pour cent", "Nonante-cinq", 95, unit="%")],
    ),
    (
        "Deux cent cinquante mille manifestants selon la CGT.",
        [q("Deux cent cinquante mille", "Deux cent cinquante mille", 250000)],
    ),
    ("Vingt et un morts ont été recensés.", [q("Vingt et un", "Vingt et un", 21)]),
    (
        "Trente-six heures de garde à vue ont été nécessaires.",
        [q("Trente-six heures", "Trente-six", 36, unit="heure")],
    ),
    ("Trois millions de Français vivent à l'étranger.", [q("Trois millions", "Trois millions", 3e6)]),
    ("Cent ans plus tard, la maison est toujours debout.", [q("Cent ans", "Cent", 100, unit="an")]),
    ("La comédie musicale a été jouée mille fois.", []),
    ("Quatre-vingts pays ont signé l'accord.", [q("Quatre-vingts", "Quatre-vingts", 80)]),
    ("Le dossier compte deux mille pages.", [q("deux mille", "deux mille", 2000)]),
    ("Le groupe a racheté vingt-deux magasins.", [q("vingt-deux", "vingt-deux", 22)]),
    ("Il a marqué douze buts cette saison.", [q("douze", "douze", 12)]),
    ("Elle a été élue avec septante-huit voix.", [q("septante-huit", "septante-huit", 78)]),
    ("Les deux pays ont signé un accord.", [q("deux", "deux", 2)]),
    ("Le bâtiment compte neuf étages.", [q("neuf", "neuf", 9)]),
    ("Le bâtiment est neuf.", []),
    ("Ils étaient sept.", [q("sept", "sept", 7)]),
    ("Zéro mort, c'est l'objectif.", [q("Zéro", "Zéro", 0)]),
    ("Les Vingt-Sept ont trouvé un accord.", []),
]

# ----------------------------------------------------------------------------- scale and money

SCALE = [
    ("La région compte 1,5 milliard d'habitants.", [q("1,5 milliard", "1,5 milliard", 1.5e9)]),
    (
        "Le déficit atteint 3 millions et demi d'euros.",
        [q("3 millions et demi d'euros", "3 millions et demi", 3.5e6, unit="EUR")],
    ),
    ("Le club a dépensé un demi-million pour le transfert.", [q("un demi-million", "un demi-million", 5e5)]),
    ("Le chiffre d'affaires atteint 2,3 Md€.", [q("2,3 Md€", "2,3 Md", 2.3e9, unit="EUR")]),
    ("La vidéo a dépassé les 100K vues.", [q("a dépassé les 100K", "100K", 1e5, "gt")]),
    ("Le bilan dépasse les 2 000 morts.", [q("dépasse les 2 000", "2 000", 2000, "gt")]),
    ("Le bilan approche les 300 morts.", [q("approche les 300", "300", 300, "approx", low=270, high=300)]),
    ("Le pays compte 1,28 million d'électeurs.", [q("1,28 million", "1,28 million", 1.28e6)]),
    ("Un million de visiteurs sont attendus.", [q("Un million", "Un million", 1e6)]),
    ("Un milliard de doses ont été promises.", [q("Un milliard", "Un milliard", 1e9)]),
    (
        "La dette publique japonaise dépasse un billion de yens.",
        [q("un billion de yens", "un billion", 1e12, unit="JPY")],
    ),
    (
        "Le budget prévoit 2,3 milliards d'euros.",
        [q("2,3 milliards d'euros", "2,3 milliards", 2.3e9, unit="EUR")],
    ),
    ("La start-up a levé 5 M€.", [q("5 M€", "5", 5e6, unit="EUR")]),
    (
        "Washington a promis 10 millions de dollars.",
        [q("10 millions de dollars", "10 millions", 1e7, unit="USD")],
    ),
    ("Un rachat estimé à 44 Md$.", [q("44 Md$", "44 Md", 4.4e10, unit="USD")]),
    ("Le festival a dégagé 12 k€ de bénéfice.", [q("12 k€", "12", 12000, unit="EUR")]),
    ("Le Conseil fédéral a débloqué 3,5 Mio de francs.", [q("3,5 Mio", "3,5 Mio", 3.5e6)]),
    (
        "Le club écope d'une amende de 2 millions de livres.",
        [q("2 millions de livres", "2 millions", 2e6, unit="GBP")],
    ),
    ("Elle a lu 3 livres cet été.", [q("3", "3", 3)]),
    (
        "Le contrat vaut 500 millions de francs suisses.",
        [q("500 millions de francs suisses", "500 millions", 5e8, unit="CHF")],
    ),
    (
        "Londres a débloqué 40 millions de livres sterling.",
        [q("40 millions de livres sterling", "40 millions", 4e7, unit="GBP")],
    ),
    (
        "La Terre est à 150 millions de km du Soleil.",
        [q("150 millions de km", "150 millions", 1.5e8, unit="km")],
    ),
    (
        "La Chine émet 11 milliards de tonnes de CO2.",
        [q("11 milliards de tonnes", "11 milliards", 1.1e10, unit="t")],
    ),
    ("Le film a attiré 1,2 million de spectateurs.", [q("1,2 million", "1,2 million", 1.2e6)]),
    (
        "L'Ukraine a reçu 50 milliards de dollars et 300 chars.",
        [q("50 milliards de dollars", "50 milliards", 5e10, unit="USD"), q("300", "300", 300)],
    ),
    (
        "Le projet coûte 1,2 Md€ ; le déficit est de 154 Md€, soit 5,5 % du PIB.",
        [
            q("1,2 Md€", "1,2 Md", 1.2e9, unit="EUR"),
            q("154 Md€", "154 Md", 1.54e11, unit="EUR"),
            q("5,5 %", "5,5", 5.5, unit="%"),
        ],
    ),
    ("Une levée de 2 M$ a été bouclée.", [q("2 M$", "2", 2e6, unit="USD")]),
    (
        "Elle touche 1 500 euros par mois, soit 18 000 € par an.",
        [q("1 500 euros", "1 500", 1500, unit="EUR"), q("18 000 €", "18 000", 18000, unit="EUR")],
    ),
    ("Le salaire minimum passe à 4 000 CHF.", [q("4 000 CHF", "4 000", 4000, unit="CHF")]),
    ("Un don de 250 $ a été versé.", [q("250 $", "250", 250, unit="USD")]),
    ("Le billet coûte 45 £.", [q("45 £", "45", 45, unit="GBP")]),
    ("La banque a prêté 300 000 USD.", [q("300 000 USD", "300 000", 3e5, unit="USD")]),
    (
        "Les ventes atteignent 12,4 milliards de dollars américains.",
        [q("12,4 milliards de dollars américains", "12,4 milliards", 1.24e10, unit="USD")],
    ),
    (
        "Le programme coûtera deux milliards d'euros.",
        [q("deux milliards d'euros", "deux milliards", 2e9, unit="EUR")],
    ),
    ("Il a hérité de 7 millions d'euros.", [q("7 millions d'euros", "7 millions", 7e6, unit="EUR")]),
    ("Il faudra 1 milliard.", [q("1 milliard", "1 milliard", 1e9)]),
    ("Le chantier a coûté 800 000 euros.", [q("800 000 euros", "800 000", 8e5, unit="EUR")]),
    ("La prime s'élève à 1 000 euros brut.", [q("1 000 euros", "1 000", 1000, unit="EUR")]),
    ("La facture atteint 200 EUR.", [q("200 EUR", "200", 200, unit="EUR")]),
    ("Un prêt de 5 millions de francs CFA.", [q("5 millions de francs CFA", "5 millions", 5e6, unit="XOF")]),
]

# ----------------------------------------------------------------------------- vague amounts

VAGUE = [
    (
        "Des dizaines de millions de dollars ont disparu.",
        [
            q(
                "Des dizaines de millions de dollars",
                "Des dizaines de millions",
                2e7,
                "approx",
                "USD",
                low=2e7,
                high=1e8,
                vague=True,
            )
        ],
    ),
    (
        "Plusieurs centaines de manifestants se sont rassemblés.",
        [q("Plusieurs centaines", "Plusieurs centaines", 200, "approx", low=200, high=1000, vague=True)],
    ),
    (
        "Des milliers de personnes ont fui les combats.",
        [q("Des milliers", "Des milliers", 2000, "approx", low=2000, high=1e4, vague=True)],
    ),
    (
        "Une quinzaine de blessés ont été hospitalisés.",
        [q("Une quinzaine", "Une quinzaine", 15, "approx", low=13, high=17, vague=True)],
    ),
    (
        "Une dizaine de maisons ont été détruites.",
        [q("Une dizaine", "Une dizaine", 10, "approx", low=8, high=12, vague=True)],
    ),
    (
        "Une vingtaine de pays ont signé.",
        [q("Une vingtaine", "Une vingtaine", 20, "approx", low=17, high=23, vague=True)],
    ),
    (
        "Une centaine de policiers ont été mobilisés.",
        [q("Une centaine", "Une centaine", 100, "approx", low=85, high=115, vague=True)],
    ),
    (
        "Un millier de soldats ont été déployés.",
        [q("Un millier", "Un millier", 1000, "approx", low=850, high=1150, vague=True)],
    ),
    (
        "Quelques manifestants sont restés sur place.",
        [q("Quelques", "Quelques", 2, "approx", low=2, high=9, vague=True)],
    ),
    (
        "Il y a quelques jours, le ministre a démissionné.",
        [q("quelques jours", "quelques", 2, "approx", "jour", low=2, high=9, vague=True)],
    ),
    (
        "Des centaines de milliers de réfugiés ont fui.",
        [
            q(
                "Des centaines de milliers",
                "Des centaines de milliers",
                2e5,
                "approx",
                low=2e5,
                high=1e6,
                vague=True,
            )
        ],
    ),
    (
        "Plus d'une centaine de personnes ont été interpellées.",
        [q("Plus d'une centaine", "une centaine", 100, "gt", vague=True)],
    ),
    (
        "Près d'une dizaine de véhicules ont brûlé.",
        [q("Près d'une dizaine", "une dizaine", 10, "approx", low=9, high=10, vague=True)],
    ),
    (
        "Les curieux sont venus par milliers.",
        [q("par milliers", "par milliers", 2000, "approx", low=2000, high=1e4, vague=True)],
    ),
    (
        "Le feu s'est propagé sur une trentaine de kilomètres.",
        [q("une trentaine de kilomètres", "une trentaine", 30, "approx", "km", low=26, high=34, vague=True)],
    ),
    (
        "Une demi-douzaine de pays ont protesté.",
        [q("Une demi-douzaine", "Une demi-douzaine", 6, "approx", low=5, high=7, vague=True)],
    ),
    (
        "Plusieurs dizaines de milliers de manifestants ont défilé.",
        [
            q(
                "Plusieurs dizaines de milliers",
                "Plusieurs dizaines de milliers",
                2e4,
                "approx",
                low=2e4,
                high=1e5,
                vague=True,
            )
        ],
    ),
    (
        "Une dizaine de milliers de personnes étaient présentes.",
        [
            q(
                "Une dizaine de milliers",
                "Une dizaine de milliers",
                1e4,
                "approx",
                low=8e3,
                high=1.2e4,
                vague=True,
            )
        ],
    ),
    (
        "Les secours ont fouillé quelques centaines de mètres.",
        [
            q(
                "quelques centaines de mètres",
                "quelques centaines",
                200,
                "approx",
                "m",
                low=200,
                high=1000,
                vague=True,
            )
        ],
    ),
    (
        "Les négociations ont duré plusieurs jours.",
        [q("plusieurs jours", "plusieurs", 2, "approx", "jour", low=2, high=None, vague=True)],
    ),
    (
        "Une quinzaine de jours plus tard, il est revenu.",
        [q("Une quinzaine de jours", "Une quinzaine", 15, "approx", "jour", low=13, high=17, vague=True)],
    ),
    (
        "Des milliards d'euros ont été engloutis.",
        [q("Des milliards d'euros", "Des milliards", 2e9, "approx", "EUR", low=2e9, high=1e10, vague=True)],
    ),
    (
        "Une cinquantaine d'élus ont signé la tribune.",
        [q("Une cinquantaine", "Une cinquantaine", 50, "approx", low=45, high=55, vague=True)],
    ),
    (
        "Une bonne vingtaine de bénévoles étaient là.",
        [q("Une bonne vingtaine", "Une bonne vingtaine", 20, "approx", low=17, high=23, vague=True)],
    ),
    (
        "Des dizaines de blessés ont été évacués.",
        [q("Des dizaines", "Des dizaines", 20, "approx", low=20, high=100, vague=True)],
    ),
    (
        "Le virus a tué des millions de personnes.",
        [q("des millions", "des millions", 2e6, "approx", low=2e6, high=1e7, vague=True)],
    ),
    ("La quarantaine a été levée.", []),
    ("Il y a quelque chose d'étrange.", []),
]

# ----------------------------------------------------------------------------- fractions and percentages

SHARES = [
    ("Un sondé sur trois se dit inquiet.", [q("Un sondé sur trois", "Un sondé sur trois", 33.33, unit="%")]),
    ("Un sur trois a répondu.", [q("Un sur trois", "Un sur trois", 33.33, unit="%")]),
    (
        "Le plan supprime 230 postes sur 610 dans l'usine.",
        [q("230", "230", 230), q("610", "610", 610)],
    ),
    ("Un Français sur cinq vit seul.", [q("Un Français sur cinq", "Un Français sur cinq", 20, unit="%")]),
    (
        "Deux électeurs sur trois ont voté oui.",
        [q("Deux électeurs sur trois", "Deux électeurs sur trois", 66.67, unit="%")],
    ),
    ("Un tiers des sondés ne votera pas.", [q("Un tiers", "Un tiers", 33.33, unit="%")]),
    (
        "Près d'un tiers des sondés hésitent.",
        [q("Près d'un tiers", "un tiers", 33.33, "approx", "%", low=0.9 * 33.33, high=33.33)],
    ),
    ("La moitié des habitants ont été évacués.", [q("La moitié", "La moitié", 50, unit="%")]),
    (
        "Plus de la moitié des votants ont choisi le non.",
        [q("Plus de la moitié", "la moitié", 50, "gt", "%")],
    ),
    (
        "Les trois quarts du territoire sont touchés.",
        [q("Les trois quarts", "Les trois quarts", 75, unit="%")],
    ),
    ("Les deux tiers des sièges sont pourvus.", [q("Les deux tiers", "Les deux tiers", 66.67, unit="%")]),
    ("Un quart des entreprises a fermé.", [q("Un quart", "Un quart", 25, unit="%")]),
    ("Un cinquième des recettes provient de l'export.", [q("Un cinquième", "Un cinquième", 20, unit="%")]),
    ("Le chômage touche 7,5 % de la population active.", [q("7,5 %", "7,5", 7.5, unit="%")]),
    (f"La participation atteint 30{NNBSP}%.", [q(f"30{NNBSP}%", "30", 30, unit="%")]),
    (f"La participation atteint 30{NBSP}%.", [q(f"30{NBSP}%", "30", 30, unit="%")]),
    ("La participation atteint 30%.", [q("30%", "30", 30, unit="%")]),
    ("Il a obtenu 30 pour cent des voix.", [q("30 pour cent", "30", 30, unit="%")]),
    ("Le candidat a recueilli 32,71 % des suffrages.", [q("32,71 %", "32,71", 32.71, unit="%")]),
    ("Les prix ont grimpé de 5 pc en un an.", [q("5 pc", "5", 5, unit="%"), q("un an", "un", 1, unit="an")]),
    ("Le taux d'alcoolémie était de 0,8 ‰.", [q("0,8 ‰", "0,8", 0.8, unit="‰")]),
    (
        "Le oui l'emporte avec 12 points de pourcentage d'avance.",
        [q("12 points de pourcentage", "12", 12, unit="point de pourcentage")],
    ),
    ("Il a attendu un quart d'heure.", [q("un quart d'heure", "un quart d'heure", 0.25, unit="heure")]),
    (
        "Il a parlé trois quarts d'heure.",
        [q("trois quarts d'heure", "trois quarts d'heure", 0.75, unit="heure")],
    ),
    ("La réunion a duré une demi-heure.", [q("une demi-heure", "une demi-heure", 0.5, unit="heure")]),
    ("Il s'est qualifié pour le quart de finale.", []),
    ("Cent pour cent des élèves ont réussi.", [q("Cent pour cent", "Cent", 100, unit="%")]),
    (
        "La part du nucléaire est de 70 %, contre 25 % pour le renouvelable.",
        [q("70 %", "70", 70, unit="%"), q("25 %", "25", 25, unit="%")],
    ),
    ("Environ 40 % des électeurs se sont abstenus.", [q("Environ 40 %", "40", 40, "approx", "%")]),
    (
        "Les sept jours sur sept sont ouverts.",
        [q("sept jours", "sept", 7, unit="jour"), q("sept", "sept", 7)],
    ),
]

# ----------------------------------------------------------------------------- negative values

NEGATIVE = [
    ("Il a fait -5 °C cette nuit à Strasbourg.", [q("-5 °C", "-5", -5, unit="°C")]),
    ("Le thermomètre est descendu à moins 5 degrés.", [q("moins 5 degrés", "moins 5", -5, unit="°C")]),
    ("Il faisait −12 °C à Moscou.", [q("−12 °C", "−12", -12, unit="°C")]),
    ("Moins de 5 personnes ont répondu.", [q("Moins de 5", "5", 5, "lt")]),
    # a dash glued to "Au moins" after a dateline is a separator, not a sign
    ("PARIS (Reuters) -Au moins 11 personnes ont été tuées.", [q("Au moins 11", "11", 11, "ge")]),
    ("La température a atteint 5°C à l'aube.", [q("5°C", "5", 5, unit="°C")]),
    ("Le mercure a grimpé à 42 degrés à Séville.", [q("42 degrés", "42", 42, unit="°C")]),
    (
        "Il fait 40 °C, soit 5° de plus qu'hier.",
        [q("40 °C", "40", 40, unit="°C"), q("5°", "5", 5, unit="°C")],
    ),
    ("L'indice a reculé de -2,5 % sur l'année.", [q("-2,5 %", "-2,5", -2.5, unit="%")]),
]

# ----------------------------------------------------------------------------- ranges

RANGES = [
    (
        "Entre 20 et 30 personnes ont été blessées.",
        [q("Entre 20 et 30", "20 et 30", 20, "range", low=20, high=30)],
    ),
    ("La peine encourue va de 3 à 5 ans.", [q("de 3 à 5 ans", "3 à 5", 3, "range", "an", low=3, high=5)]),
    (
        "12 000 à 15 000 manifestants ont défilé.",
        [q("12 000 à 15 000", "12 000 à 15 000", 12000, "range", low=12000, high=15000)],
    ),
    (
        "Le projet toucherait entre 1,1 et 1,4 million de foyers.",
        [q("entre 1,1 et 1,4 million", "1,1 et 1,4 million", 1.1e6, "range", low=1.1e6, high=1.4e6)],
    ),
    (
        "La hausse serait comprise entre 20 % et 30 %.",
        [q("entre 20 % et 30 %", "20 % et 30", 20, "range", "%", low=20, high=30)],
    ),
    (
        "Le coût est estimé de 10 à 15 millions d'euros.",
        [q("de 10 à 15 millions d'euros", "10 à 15 millions", 1e7, "range", "EUR", low=1e7, high=1.5e7)],
    ),
    (
        "Il faudra deux ou trois jours.",
        [q("deux ou trois jours", "deux ou trois", 2, "range", "jour", low=2, high=3)],
    ),
    ("Les 18-25 ans sont les plus touchés.", [q("18-25 ans", "18-25", 18, "range", "an", low=18, high=25)]),
    ("Le chômage est passé de 8 % à 7 %.", [q("8 %", "8", 8, unit="%"), q("7 %", "7", 7, unit="%")]),
    ("Le nombre de morts est passé de 12 à 15.", [q("12", "12", 12), q("15", "15", 15)]),
    (
        "L'inflation est tombée de 5,2 % à 4,9 % en mars.",
        [q("5,2 %", "5,2", 5.2, unit="%"), q("4,9 %", "4,9", 4.9, unit="%")],
    ),
    ("L'équipe s'est imposée 3 à 1 face à Lens.", [q("3", "3", 3), q("1", "1", 1)]),
    (
        "Il faut compter de 10 à 15 minutes de marche.",
        [q("de 10 à 15 minutes", "10 à 15", 10, "range", "minute", low=10, high=15)],
    ),
    (
        "Les prix ont augmenté de 10 à 15 % selon les régions.",
        [q("de 10 à 15 %", "10 à 15", 10, "range", "%", low=10, high=15)],
    ),
    (
        "L'incendie a mobilisé entre 2 000 et 3 000 pompiers.",
        [q("entre 2 000 et 3 000", "2 000 et 3 000", 2000, "range", low=2000, high=3000)],
    ),
    (
        "Un ou deux mois seront nécessaires.",
        [q("Un ou deux mois", "Un ou deux", 1, "range", "mois", low=1, high=2)],
    ),
    (
        "Entre cinq et six mille personnes sont attendues.",
        [q("Entre cinq et six mille", "cinq et six mille", 5000, "range", low=5000, high=6000)],
    ),
    ("Le match s'est terminé sur le score de 2-0.", []),
    (
        "Le CAC 40 a gagné 1,2 % à 7 500 points.",
        [q("1,2 %", "1,2", 1.2, unit="%"), q("7 500", "7 500", 7500)],
    ),
    ("Ce n'est qu'un début, il n'y a eu qu'un seul mort.", [q("qu'un", "un", 1)]),
    (
        "Il y a entre 300 et 400 km à parcourir.",
        [q("entre 300 et 400 km", "300 et 400", 300, "range", "km", low=300, high=400)],
    ),
]

# ----------------------------------------------------------------------------- not quantities

NOT_QUANTITIES = [
    "Tout a commencé en 2019.",
    "Le sommet s'est tenu le 19 juin 2024 à Genève.",
    "La guerre de Corée (1950-1953) a divisé la péninsule.",
    "Le décret a été publié le 19/06/2024.",
    "La réforme entre en vigueur le 1er mars.",
    "Il est arrivé à 19 h 30.",
    "La réunion commence à 14 heures.",
    "L'attaque a eu lieu vers 3h du matin.",
    "Le message a été envoyé à 21:58.",
    "Le train part à 12h40.",
    "Le couvre-feu s'applique entre 23 heures et 5 heures du matin.",
    "Les bombardements se poursuivent depuis 10 heures.",
    "Il a terminé 1er de sa catégorie.",
    "Il est arrivé 2e au classement général.",
    "C'est la sixième fois qu'il gagne.",
    "Le XXIe siècle sera celui du climat.",
    "Appelez le 01 23 45 67 89 pour plus d'informations.",
    "Le standard est joignable au +33 1 23 45 67 89.",
    "Contact : +41 22 123 45 67.",
    "Le siège est situé 12 rue de la Paix, 75002 Paris.",
    "Selon l'article 7 de la Constitution, le président est élu.",
    "Un A320 s'est posé en urgence.",
    "Le COVID-19 a bouleversé le monde.",
    "Le G7 se réunit à Hiroshima.",
    "Kiev réclame des F-16.",
    "Un homme a été interpellé.",
    "Une personne a porté plainte.",
    "L'un des blessés est dans un état grave.",
    "Un des otages a été libéré.",
    "La production est trois fois plus élevée qu'en 2020.",
    "Le gouvernement a utilisé l'article 49.3.",
    "La résolution 2231 du Conseil de sécurité.",
    "Il regarde la Ligue 1 sur France 2.",
    "Windows 11 est disponible.",
    "Le Boeing 737 a été immobilisé.",
    "Le vol AF447 s'est abîmé en mer.",
    "La ligne 13 du métro est fermée.",
    "Le bus 38 ne circule plus.",
    "La 5G arrive dans les campagnes.",
    "Un 4x4 a été volé.",
    "Rendez-vous à 8 h précises.",
    "Le magasin est ouvert de 9 heures à 19 heures.",
    "Le couvre-feu s'étend de 21 h à 6 h.",
    "Il était 10 heures quand l'alerte a été donnée.",
    "La saison 2023-24 a été difficile.",
    "Les années 1980 ont vu naître le mouvement.",
    "Le 11 septembre 2001 a changé le monde.",
    "Le scrutin a eu lieu le 19.06.2024.",
    "Le bénéfice a été multiplié par deux.",
    "Il a gagné deux fois.",
    "Les ventes ont été divisées par trois.",
    "Le 25 000e visiteur a été accueilli.",
    "Il en a parlé dans le Mai 68 de Nanterre.",
    "La rencontre aura lieu mardi 3 à Berne.",
    "Elle est née en juin 1975 à Namur.",
    "Les élections de 2022 ont été serrées.",
    "Il a été réélu jusqu'en 2027.",
    "Un jour, il reviendra.",
    "Ils sont arrivés un à un.",
    "La police a reçu la visite de l'une d'elles.",
    "Voir page 12 du rapport.",
    "La maison du n° 5 a brûlé.",
    "Le quai 3 est fermé.",
    "Le projet vise la neutralité carbone à l'horizon 2050.",
    "Le bâtiment est flambant neuf.",
    "Le match reprendra à quatre heures.",
    "Depuis mi-2023, les prix flambent.",
    "Le TGV de 7 h 12 a été annulé.",
    "Il est né le 3 mars 1990.",
    "Le concert est prévu le 13 et 14 juillet.",
    "La canicule a sévi entre le 18 et le 26 juillet.",
    "Le tiers payant sera généralisé.",
    # clock times: "heures de" + a place name, after a day word, a weekday or "soir"
    "Le défilé partira à 15 heures de la place de la Bastille.",
    "Le cortège s'élancera à 14 heures de Montparnasse.",
    "Plus d'électricité depuis hier 22h dans tout le quartier.",
    "Rendez-vous samedi 21h devant la mairie.",
    "Le magasin rouvre ce soir 19h.",
    # a calendar month, not a duration; a two-digit year; parts ("en deux")
    "Un record de chaleur pour un mois d'avril.",
    "Jamais une crue pareille, même en 82.",
    "« Je n'avais rien vu de tel depuis 95 », dit-il.",
    "La vitre s'est brisée en deux sous le choc.",
    "Le cargo s'est cassé en deux.",
]

# "degrés" is a temperature only in a temperature context; elsewhere a plain noun (angles,
# alcohol, the "premier et second degrés" of teaching) left to the counted-noun reader.
DEGREES = [
    ("Il fait 35 degrés à l'ombre à Marseille.", [q("35 degrés", "35", 35, unit="°C")]),
    ("Le thermomètre affichait 12 degrés au lever du jour.", [q("12 degrés", "12", 12, unit="°C")]),
    (
        "L'accord vise à contenir le réchauffement à deux degrés.",
        [q("deux degrés", "deux", 2, unit="°C")],
    ),
    (
        "Les températures varieront entre 18 et 24 degrés.",
        [q("entre 18 et 24 degrés", "18 et 24", 18, "range", "°C", low=18, high=24)],
    ),
    ("La nuit a été glaciale, -8 degrés à Colmar.", [q("-8 degrés", "-8", -8, unit="°C")]),
    ("Il a fait 5° de plus qu'hier.", [q("5°", "5", 5, unit="°C")]),
    ("Un virage à 180 degrés pour le gouvernement.", [q("180", "180", 180)]),
    ("La grève touche les deux degrés d'enseignement.", [q("deux", "deux", 2)]),
    ("Un vin rouge titrant 13 degrés.", [q("13", "13", 13)]),
    ("La pente atteint 15 degrés par endroits.", [q("15", "15", 15)]),
]

# A figure after a capitalized word is a name ("Windows 11") unless it counts: scale word,
# thousands groups or a measure unit ("la CGT 3,5 millions", "Brest 155 km/h").
COUNTED_AFTER_NAMES = [
    (
        "La police a compté 12 000 manifestants, FO 40 000.",
        [q("12 000", "12 000", 12000), q("40 000", "40 000", 40000)],
    ),
    (
        "Le ministère annonce 1,1 million de grévistes, la CFDT 1,4 million.",
        [q("1,1 million", "1,1 million", 1.1e6), q("1,4 million", "1,4 million", 1.4e6)],
    ),
    (
        "Des rafales à 140 km/h au cap Corse et Bastia 120 km/h.",
        [q("140 km/h", "140", 140, unit="km/h"), q("120 km/h", "120", 120, unit="km/h")],
    ),
    ("Genève 25.000 supporters, Bâle 18.000.", [q("25.000", "25.000", 25000), q("18.000", "18.000", 18000)]),
]

# An adjective between a number and its time unit ("les 20 dernières années").
UNIT_ADJECTIVES = [
    (
        "Le taux a doublé au cours des 20 dernières années.",
        [q("20 dernières années", "20", 20, unit="an")],
    ),
    ("Les trois prochains mois seront décisifs.", [q("trois prochains mois", "trois", 3, unit="mois")]),
    ("Les 48 premières heures sont cruciales.", [q("48 premières heures", "48", 48, unit="heure")]),
    (
        "Un record au regard des 30 ou 40 dernières années.",
        [q("30 ou 40 dernières années", "30 ou 40", 30, "range", "an", low=30, high=40)],
    ),
    ("Il a perdu ses 10 derniers matchs.", [q("10", "10", 10)]),
]

# ----------------------------------------------------------------------------- durations

DURATIONS = [
    ("La réunion a duré pendant quatre heures.", [q("quatre heures", "quatre", 4, unit="heure")]),
    ("Le siège a duré plus de quatre heures.", [q("plus de quatre heures", "quatre", 4, "gt", "heure")]),
    ("L'avion est resté 40 secondes en l'air.", [q("40 secondes", "40", 40, unit="seconde")]),
    ("Les combats ont duré deux jours.", [q("deux jours", "deux", 2, unit="jour")]),
    ("La victime avait 24 ans.", [q("24 ans", "24", 24, unit="an")]),
    ("Le suspect, 46 ans, a été interpellé.", [q("46 ans", "46", 46, unit="an")]),
    ("Il a passé 48 heures en garde à vue.", [q("48 heures", "48", 48, unit="heure")]),
    ("Il a passé une semaine à l'hôpital.", [q("une semaine", "une", 1, unit="semaine")]),
    ("Il a vécu un an et demi à Lyon.", [q("un an et demi", "un", 1.5, unit="an")]),
    ("Elle a enseigné deux ans et demi à Genève.", [q("deux ans et demi", "deux", 2.5, unit="an")]),
    ("Une heure et demie de débat a suivi.", [q("Une heure et demie", "Une", 1.5, unit="heure")]),
    ("Le film dure 1 h 30.", [q("1 h 30", "1 h 30", 1.5, unit="heure")]),
    ("Le trajet s'est fait en 2 h 15.", [q("2 h 15", "2 h 15", 2.25, unit="heure")]),
    ("Les travaux dureront trois mois.", [q("trois mois", "trois", 3, unit="mois")]),
    ("Il a été suspendu six semaines.", [q("six semaines", "six", 6, unit="semaine")]),
    ("Il faut dix minutes à pied.", [q("dix minutes", "dix", 10, unit="minute")]),
    ("Elle a pris 30 min de pause.", [q("30 min", "30", 30, unit="minute")]),
    ("Les négociations ont duré 14 heures d'affilée.", [q("14 heures", "14", 14, unit="heure")]),
    ("Le village est à deux heures de route de Genève.", [q("deux heures", "deux", 2, unit="heure")]),
    ("Il a été arrêté après 14 heures de traque.", [q("14 heures", "14", 14, unit="heure")]),
    (
        "Il a été condamné à cinq ans de prison dont deux avec sursis.",
        [q("cinq ans", "cinq", 5, unit="an"), q("deux", "deux", 2)],
    ),
    ("Une minute de silence a été observée.", [q("Une minute", "Une", 1, unit="minute")]),
    ("Il a vécu trente années en exil.", [q("trente années", "trente", 30, unit="an")]),
    ("Le chantier a pris deux décennies.", [q("deux décennies", "deux", 2, unit="décennie")]),
    ("Le convoi a roulé 6 heures de Lyon à Paris.", [q("6 heures", "6", 6, unit="heure")]),
    ("Il a fallu deux heures de marche.", [q("deux heures", "deux", 2, unit="heure")]),
    ("Il a été suspendu un mois de plus.", [q("un mois", "un", 1, unit="mois")]),
    ("La réunion s'est tenue en deux temps.", [q("deux", "deux", 2)]),
    ("Le chantier sera bouclé en trois à cinq ans.", [q("trois à cinq ans", "trois à cinq", 3, "range", "an", low=3, high=5)]),
    (
        "Il a couru le 100 m en 9,58 secondes.",
        [q("100 m", "100", 100, unit="m"), q("9,58 secondes", "9,58", 9.58, unit="seconde")],
    ),
]

# ----------------------------------------------------------------------------- qualifiers

QUALIFIERS = [
    ("Environ 300 personnes étaient présentes.", [q("Environ 300", "300", 300, "approx")]),
    ("Près de 300 personnes étaient présentes.", [q("Près de 300", "300", 300, "approx", low=270, high=300)]),
    ("Quelque 300 personnes étaient présentes.", [q("Quelque 300", "300", 300, "approx")]),
    ("Autour de 300 personnes étaient présentes.", [q("Autour de 300", "300", 300, "approx")]),
    ("Approximativement 300 personnes étaient là.", [q("Approximativement 300", "300", 300, "approx")]),
    ("Plus de 300 personnes étaient présentes.", [q("Plus de 300", "300", 300, "gt")]),
    ("Au moins 300 personnes sont mortes.", [q("Au moins 300", "300", 300, "ge")]),
    ("Pas moins de 300 personnes étaient là.", [q("Pas moins de 300", "300", 300, "ge")]),
    ("Au-delà de 300 personnes, la salle est pleine.", [q("Au-delà de 300", "300", 300, "gt")]),
    ("Il faut au minimum 300 signatures.", [q("au minimum 300", "300", 300, "ge")]),
    (
        "La salle peut accueillir jusqu'à 300 personnes.",
        [q("jusqu'à 300", "300", 300, "le", low=0, high=300)],
    ),
    (
        "La salle peut accueillir jusqu’à 300 personnes.",
        [q("jusqu’à 300", "300", 300, "le", low=0, high=300)],
    ),
    ("Moins de 300 personnes ont voté.", [q("Moins de 300", "300", 300, "lt")]),
    ("Il y aura au plus 300 invités.", [q("au plus 300", "300", 300, "le")]),
    ("Pas plus de 300 personnes seront admises.", [q("Pas plus de 300", "300", 300, "le")]),
    ("À peine 300 personnes ont répondu.", [q("À peine 300", "300", 300, "le")]),
    ("Le groupe compte au maximum 300 membres.", [q("au maximum 300", "300", 300, "le")]),
    (
        "Un budget supérieur à 300 millions d'euros.",
        [q("supérieur à 300 millions d'euros", "300 millions", 3e8, "gt", "EUR")],
    ),
    ("Des températures inférieures à 10 degrés.", [q("inférieures à 10 degrés", "10", 10, "lt", "°C")]),
    ("Presque 300 personnes ont signé.", [q("Presque 300", "300", 300, "approx", low=270, high=300)]),
    ("Quasiment 300 personnes ont signé.", [q("Quasiment 300", "300", 300, "approx", low=270, high=300)]),
    ("Un peu plus de 300 personnes ont signé.", [q("Un peu plus de 300", "300", 300, "gt")]),
    ("Un peu moins de 300 personnes ont signé.", [q("Un peu moins de 300", "300", 300, "lt")]),
    ("Seulement 12 survivants ont été retrouvés.", [q("Seulement 12", "12", 12)]),
    ("Il n'y a eu que 3 blessés.", [q("que 3", "3", 3)]),
    (
        "Il ne reste qu'une dizaine d'otages.",
        [q("qu'une dizaine", "une dizaine", 10, "eq", low=10, high=10, vague=True)],
    ),
    ("Il a dit que 300 personnes étaient présentes.", [q("300", "300", 300)]),
    ("Un coût d'environ 300 euros.", [q("environ 300 euros", "300", 300, "approx", "EUR")]),
    ("Il reste 300 euros environ.", [q("300 euros environ", "300", 300, "approx", "EUR")]),
    ("Les 30 ans et plus sont concernés.", [q("30 ans et plus", "30", 30, "ge", "an")]),
    (
        "La facture atteint à peu près 2 000 euros.",
        [q("à peu près 2 000 euros", "2 000", 2000, "approx", "EUR")],
    ),
    ("Aux alentours de 500 personnes sont venues.", [q("Aux alentours de 500", "500", 500, "approx")]),
    ("Un coût de l'ordre de 3 milliards.", [q("de l'ordre de 3 milliards", "3 milliards", 3e9, "approx")]),
    ("Plus d'un million de personnes ont manifesté.", [q("Plus d'un million", "un million", 1e6, "gt")]),
    ("Moins d'un tiers des élus ont voté.", [q("Moins d'un tiers", "un tiers", 33.33, "lt", "%")]),
    ("Au moins un mort a été recensé.", [q("Au moins un", "un", 1, "ge")]),
    ("Un seul blessé est à déplorer.", [q("Un", "Un", 1)]),
    ("Il a attendu moins d'une heure.", [q("moins d'une heure", "une", 1, "lt", "heure")]),
    ("Jusqu'à 50 km/h en ville.", [q("Jusqu'à 50 km/h", "50", 50, "le", "km/h", low=0, high=50)]),
    ("Le vent a soufflé à plus de 150 km/h.", [q("plus de 150 km/h", "150", 150, "gt", "km/h")]),
    ("Un bilan de 300 morts au moins.", [q("300", "300", 300)]),
]

# ----------------------------------------------------------------------------- measure units

UNITS = [
    ("Une rafale à 207 km/h a été relevée.", [q("207 km/h", "207", 207, unit="km/h")]),
    (
        "Les vents atteignent 120 kilomètres par heure.",
        [q("120 kilomètres par heure", "120", 120, unit="km/h")],
    ),
    ("Le cortège a parcouru 5 km.", [q("5 km", "5", 5, unit="km")]),
    ("La digue fait 12 kilomètres de long.", [q("12 kilomètres", "12", 12, unit="km")]),
    ("La vague mesurait 8 mètres.", [q("8 mètres", "8", 8, unit="m")]),
    (
        "Il pèse 80 kg et mesure 1,85 m.",
        [q("80 kg", "80", 80, unit="kg"), q("1,85 m", "1,85", 1.85, unit="m")],
    ),
    ("Il est tombé 40 cm de neige.", [q("40 cm", "40", 40, unit="cm")]),
    ("Le camion transportait 20 t de marchandises.", [q("20 t", "20", 20, unit="t")]),
    ("Les douanes ont saisi 2 tonnes de cocaïne.", [q("2 tonnes", "2", 2, unit="t")]),
    (
        "L'usine de 50 000 m² produit 200 t par jour.",
        [q("50 000 m²", "50 000", 50000, unit="m²"), q("200 t", "200", 200, unit="t")],
    ),
    ("Le feu a détruit 1 200 hectares.", [q("1 200 hectares", "1 200", 1200, unit="ha")]),
    ("La zone couvre 30 km².", [q("30 km²", "30", 30, unit="km²")]),
    ("La centrale produit 900 MW.", [q("900 MW", "900", 900, unit="MW")]),
    ("Le pays a consommé 460 TWh.", [q("460 TWh", "460", 460, unit="TWh")]),
    ("Il faut 2 000 litres d'eau.", [q("2 000 litres", "2 000", 2000, unit="l")]),
    ("Le navire filait à 12 nœuds.", [q("12 nœuds", "12", 12, unit="nœud")]),
    ("Le record est de 15 s.", [q("15 s", "15", 15, unit="seconde")]),
    ("Un colis de 500 grammes.", [q("500 grammes", "500", 500, unit="g")]),
    ("La route a été coupée sur 10km.", [q("10km", "10", 10, unit="km")]),
    ("Un tronçon de 3 kilomètres carrés.", [q("3 kilomètres carrés", "3", 3, unit="km²")]),
    ("La température moyenne est de 15 degrés Celsius.", [q("15 degrés Celsius", "15", 15, unit="°C")]),
    ("Le rendement atteint 4 %.", [q("4 %", "4", 4, unit="%")]),
]

# ----------------------------------------------------------------------------- several in one text

PARAGRAPHS = [
    (
        (
            "Selon l'Insee, 3,2 millions de personnes vivent sous le seuil de pauvreté, soit 14,5 % de la "
            "population. En 2023, ce taux était de 14 %."
        ),
        [
            q("3,2 millions", "3,2 millions", 3.2e6),
            q("14,5 %", "14,5", 14.5, unit="%"),
            q("14 %", "14", 14, unit="%"),
        ],
    ),
    (
        (
            "Le 14 juillet, 250 000 spectateurs ont assisté au défilé. Le 3 mars dernier, 12 personnes ont "
            "été blessées."
        ),
        [q("250 000", "250 000", 250000), q("12", "12", 12)],
    ),
    ("Les années 2000 ont vu 2000 salariés licenciés.", [q("2000", "2000", 2000)]),
    ("Ils ont tiré plus de 300 roquettes depuis 2014.", [q("plus de 300", "300", 300, "gt")]),
    ("Jusqu'à 2030, le plan prévoit 40 000 embauches.", [q("40 000", "40 000", 40000)]),
    (
        (
            "Mardi 12 mars, vers 14 h, un séisme de magnitude 6,1 a frappé la région, faisant au moins 21 "
            "morts et plus de 200 blessés."
        ),
        [q("6,1", "6,1", 6.1), q("au moins 21", "21", 21, "ge"), q("plus de 200", "200", 200, "gt")],
    ),
    (
        "En 2022, 45 000 personnes ; en 2021, 40 000.",
        [q("45 000", "45 000", 45000), q("40 000", "40 000", 40000)],
    ),
    (
        "Le Standard de Liège a attiré 25.000 supporters, septante pour cent de la capacité.",
        [q("25.000", "25.000", 25000), q("septante pour cent", "septante", 70, unit="%")],
    ),
    (
        "Les 20 et 21 mai, la grève a touché 4 lignes sur 10.",
        [q("4 lignes sur 10", "4 lignes sur 10", 40, unit="%")],
    ),
    (
        "Le 9 mai 2023, le Conseil national a adopté le texte par 120 voix contre 65.",
        [q("120", "120", 120), q("65", "65", 65)],
    ),
]

ALL_CASES = [
    *DIGITS,
    *WORDS,
    *SCALE,
    *VAGUE,
    *SHARES,
    *NEGATIVE,
    *RANGES,
    *DURATIONS,
    *QUALIFIERS,
    *UNITS,
    *PARAGRAPHS,
    *DEGREES,
    *COUNTED_AFTER_NAMES,
    *UNIT_ADJECTIVES,
]


@pytest.mark.parametrize(("text", "expected"), ALL_CASES)
def test_find_quantities(text, expected):
    check(text, expected)


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_a_quantity(text):
    assert find_quantities(text) == []


KNOWN_GAPS = [
    xfail(
        "a qualifier after the counted noun is not read",
        "Un bilan de 300 morts au moins, selon l'ONU.",
        [q("300", "300", 300, "ge")],
    ),
    xfail(
        "a bare four-digit count between 1900 and 2100 reads as a year",
        "Ils étaient 2000 devant la préfecture.",
        [q("2000", "2000", 2000)],
    ),
    xfail("a Belgian postal code after a verb is read as a count", "Il habite 5000 Namur.", []),
    xfail(
        "'augmenter de X à Y' is read as a range even when it means from X to Y",
        "La population a augmenté de 10 000 à 12 000 habitants.",
        [q("10 000", "10 000", 10000), q("12 000", "12 000", 12000)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), KNOWN_GAPS)
def test_known_gaps(text, expected):
    check(text, expected)


# ----------------------------------------------------------------------------- parse_number

PARSE = [
    ("11 000", 11000),
    (f"11{NBSP}000", 11000),
    (f"11{NNBSP}000", 11000),
    ("81.000", 81000),
    ("1.000.000", 1e6),
    ("1,2", 1.2),
    ("1.5", 1.5),
    ("0,5", 0.5),
    ("-5", -5),
    ("1,2 million", 1.2e6),
    ("1,5 milliard", 1.5e9),
    ("3 millions et demi", 3.5e6),
    ("un demi-million", 5e5),
    ("2,3 Md", 2.3e9),
    ("100K", 1e5),
    ("1,28 million", 1.28e6),
    ("un million", 1e6),
    ("onze mille", 11000),
    ("quatre-vingt-dix-neuf", 99),
    ("quatre-vingts", 80),
    ("soixante et onze", 71),
    ("vingt et un", 21),
    ("vingt-et-un", 21),
    ("septante", 70),
    ("septante-cinq", 75),
    ("huitante", 80),
    ("octante", 80),
    ("nonante", 90),
    ("nonante-neuf", 99),
    ("trois quarts", 0.75),
    ("un tiers", 1 / 3),
    ("la moitié", 0.5),
    ("un billion", 1e12),
    ("deux billions", 2e12),
    ("deux cent cinquante mille", 250000),
    ("trois millions", 3e6),
    ("un milliard", 1e9),
    ("mille", 1000),
    ("zéro", 0),
    ("11 mille", 11000),
    ("3,5 Mio", 3.5e6),
    ("  42  ", 42),
    ("Deux mille", 2000),
]

NOT_NUMBERS = ["", "chat", "un homme", "30 %", "le 19 juin", "onze chats", "1,5 kg", "millions"]


@pytest.mark.parametrize(("text", "value"), PARSE)
def test_parse_number(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_parse_number_rejects(text):
    assert parse_number(text) is None


# ----------------------------------------------------------------------------- invariants and data


def test_offsets_sorted_and_disjoint():
    text = " ".join(t for t, _ in ALL_CASES) + " " + " ".join(NOT_QUANTITIES)
    found = find_quantities(text)
    assert found
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start
    for m in found:
        assert m.start <= m.num_start < m.num_end <= m.end
        assert text[m.start : m.end] == text[m.start : m.end].strip()
        assert m.qualifier in {"eq", "approx", "ge", "gt", "le", "lt", "range"}
        if m.low is not None and m.high is not None:
            assert m.low <= m.high


@pytest.mark.parametrize(
    ("name", "columns"),
    [("qualifiers.tsv", (4, 5)), ("units.tsv", (4,)), ("numerals.tsv", (5,))],
)
def test_data_file_loads(name, columns):
    rows = read_table(name)
    assert len(rows) > 20
    assert all(len(row) in columns for row in rows), [row for row in rows if len(row) not in columns]


def test_data_file_headers_name_their_source():
    from importlib import resources

    for name in ("qualifiers.tsv", "units.tsv", "numerals.tsv"):
        text = resources.files("claimcheck.resources").joinpath(name).read_text(encoding="utf-8")
        header = [line for line in text.splitlines() if line.startswith("#")]
        assert any("Source" in line for line in header), name


def test_qualifier_table_values():
    rows = read_table("qualifiers.tsv")
    assert {row[1] for row in rows} <= {"eq", "approx", "ge", "gt", "le", "lt"}
    assert {row[2] for row in rows} <= {"approx", "near", "above", "below", "upto", "exact"}
    assert {row[3] for row in rows} <= {"pre", "post"}


def test_unit_table_values():
    rows = read_table("units.tsv")
    forms = [row[0] for row in rows]
    assert len(forms) == len(set(forms))
    assert all(float(row[2]) >= 1 for row in rows)
    assert {row[3] for row in rows} <= {"any", "scaled"}


# Dotted identifiers are no numbers, and never abort a run (issue 14: "192.168.1.2" raised
# decimal.InvalidOperation out of find_quantities and stopped the whole extraction).
@pytest.mark.parametrize(
    "text, values",
    [
        ("Le serveur 192.168.1.2 a planté.", []),
        ("Le masque 255.255.255.0 du réseau.", []),
        ("La version 1.2.3.4 corrige 12 failles.", [12.0]),
        ("Mise à jour v2.0.1 publiée.", []),
        ("Un budget de 10.000.000 euros.", [10_000_000.0]),
    ],
)
def test_dotted_identifiers_are_not_numbers(text, values):
    assert [m.value for m in find_quantities(text)] == values


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a gagné en 2 heures 5 minutes 33 secondes, devant", [("2 heures 5 minutes 33 secondes", 7533.0, "seconde")]),
        ("pendant 1 heure et 45 minutes", [("1 heure et 45 minutes", 6300.0, "seconde")]),
        ("3 heures, 20 minutes et 10 secondes", [("3 heures, 20 minutes et 10 secondes", 12010.0, "seconde")]),
        # not one duration: parts that grow, or a qualifier inside
        ("45 secondes et 2 minutes", [("45 secondes", 45.0, "seconde"), ("2 minutes", 2.0, "minute")]),
        ("2 heures et environ 30 minutes", [("2 heures", 2.0, "heure"), ("environ 30 minutes", 30.0, "minute")]),
    ],
)
def test_hours_minutes_seconds_in_a_row_are_one_duration(text, expected):
    assert [(text[q.start:q.end], q.value, q.unit) for q in find_quantities(text)] == expected

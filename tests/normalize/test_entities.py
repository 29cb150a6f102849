"""Entity names: folding, canonical forms, places, countries, identity, attribution sources."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest
from babel import Locale

from claimcheck.normalize.entities import (
    ENTITY_TYPES,
    EntityResolver,
    canonical,
    country_of,
    demonym_lemma,
    fold,
    gazetteer,
    place_of,
    same_entity,
    source_class,
    source_classes,
    suggest_same,
)

# ISO 3166 alpha-2 codes of the 193 UN member states.
# fmt: off
UN_MEMBERS = (
    "AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AZ", "BA", "BB", "BD", "BE", "BF",
    "BG", "BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG",
    "CH", "CI", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO",
    "DZ", "EC", "EE", "EG", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH",
    "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IQ",
    "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KZ",
    "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG",
    "MH", "MK", "ML", "MM", "MN", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG",
    "NI", "NL", "NO", "NP", "NR", "NZ", "OM", "PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY",
    "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK", "SL", "SM", "SN",
    "SO", "SR", "SS", "ST", "SV", "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN", "TO", "TR",
    "TT", "TV", "TZ", "UA", "UG", "US", "UY", "UZ", "VC", "VE", "VN", "VU", "WS", "YE", "ZA", "ZM",
    "ZW",
)
# fmt: on


# --- fold ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim Jong-un", "kim jong un"),
        ("Kim Jong Un", "kim jong un"),
        ("Corée du Nord", "coree du nord"),
        ("la Corée du Nord", "coree du nord"),
        ("L’Élysée", "elysee"),
        ("l'Intérieur", "interieur"),
        ("Les Républicains", "republicains"),
        ("  ÉTATS-UNIS  ", "etats unis"),
        ("Washington D.C.", "washington d c"),
        ("Erdoğan", "erdogan"),
        ("Œuvre d’Orient", "oeuvre d orient"),
        ("Kuala Lumpur", "kuala lumpur"),  # an article inside the name stays
        ("Andorre-la-Vieille", "andorre la vieille"),
        ("Saint\u00a0Étienne", "saint etienne"),
        ("Le\u202fHavre", "havre"),
    ],
)
def test_fold(text: str, expected: str) -> None:
    assert fold(text) == expected


# --- canonical -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # North Korea: demonyms (plural, feminine), capital, article, acronym, long form.
        ("nord-coréen", "Corée du Nord"),
        ("Nord-Coréens", "Corée du Nord"),
        ("nord-coréenne", "Corée du Nord"),
        ("nord-coréennes", "Corée du Nord"),
        ("Pyongyang", "Corée du Nord"),
        ("la Corée du Nord", "Corée du Nord"),
        ("RPDC", "Corée du Nord"),
        ("République populaire démocratique de Corée", "Corée du Nord"),
        ("Corée du Nord", "Corée du Nord"),
        ("sud-coréenne", "Corée du Sud"),
        ("Séoul", "Corée du Sud"),
        # Russia.
        ("russe", "Russie"),
        ("Russes", "Russie"),
        ("Moscou", "Russie"),
        ("le Kremlin", "Russie"),
        ("Russie", "Russie"),
        ("la Fédération de Russie", "Russie"),
        # United States.
        ("américain", "États-Unis"),
        ("américaines", "États-Unis"),
        ("Washington", "États-Unis"),
        ("la Maison-Blanche", "États-Unis"),
        ("la Maison Blanche", "États-Unis"),
        ("États-Unis", "États-Unis"),
        ("Etats-Unis", "États-Unis"),
        ("ETATS UNIS", "États-Unis"),
        ("USA", "États-Unis"),
        # Other countries, capitals, demonyms.
        ("Kyiv", "Ukraine"),
        ("Kiev", "Ukraine"),
        ("ukrainiennes", "Ukraine"),
        ("Pékin", "Chine"),
        ("Beijing", "Chine"),
        ("Londres", "Royaume-Uni"),
        ("Grande-Bretagne", "Royaume-Uni"),
        ("Downing Street", "Royaume-Uni"),
        ("britanniques", "Royaume-Uni"),
        ("Françaises", "France"),
        ("l'Hexagone", "France"),
        ("grecques", "Grèce"),
        ("turque", "Turquie"),
        ("Turcs", "Turquie"),
        ("allemande", "Allemagne"),
        ("Téhéran", "Iran"),
        ("israéliens", "Israël"),
        ("l'État hébreu", "Israël"),
        ("RDC", "République démocratique du Congo"),
        ("RD Congo", "République démocratique du Congo"),
        ("Congo-Brazzaville", "Congo"),
        ("Myanmar", "Birmanie"),
        ("Côte-d'Ivoire", "Côte d'Ivoire"),
        ("ivoiriennes", "Côte d'Ivoire"),
        ("burkinabè", "Burkina Faso"),
        ("Burkinabés", "Burkina Faso"),
        ("nigériens", "Niger"),
        ("nigérianes", "Nigeria"),
        ("suissesse", "Suisse"),
        # Organisations: acronyms and full names.
        ("ONU", "ONU"),
        ("Organisation des Nations unies", "ONU"),
        ("Nations unies", "ONU"),
        ("Nations Unies", "ONU"),
        ("NATO", "OTAN"),
        ("l'Alliance atlantique", "OTAN"),
        ("Union européenne", "UE"),
        ("Fonds monétaire international", "FMI"),
        ("Agence internationale de l'énergie atomique", "AIEA"),
        ("Force ouvrière", "FO"),
        ("Confédération générale du travail", "CGT"),
        ("Agence France-Presse", "AFP"),
        ("Daech", "État islamique"),
        # Persons: transliterations, bare surnames, honorifics.
        ("Poutine", "Vladimir Poutine"),
        ("Putin", "Vladimir Poutine"),
        ("Vladimir Poutine", "Vladimir Poutine"),
        ("M. Poutine", "Vladimir Poutine"),
        ("Zelenskyy", "Volodymyr Zelensky"),
        ("Zelenskiy", "Volodymyr Zelensky"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Erdoğan", "Recep Tayyip Erdogan"),
        ("Netanyahu", "Benyamin Netanyahou"),
        ("Khameneï", "Ali Khamenei"),
        ("Lukashenko", "Alexandre Loukachenko"),
        ("Peskov", "Dmitri Peskov"),
        # French seats of power.
        ("Beauvau", "ministère de l'Intérieur"),
        ("place Beauvau", "ministère de l'Intérieur"),
        ("ministère de l'Intérieur", "ministère de l'Intérieur"),
        ("l'Intérieur", "ministère de l'Intérieur"),
        ("Matignon", "Premier ministre (France)"),
        ("l'Élysée", "présidence (France)"),
        ("Bercy", "ministère de l'Économie"),
        ("le Quai d'Orsay", "ministère des Affaires étrangères"),
        ("rue de Grenelle", "ministère de l'Éducation nationale"),
        # French regions, départements, cities and their adjectives.
        ("bretonne", "Bretagne"),
        ("Bretons", "Bretagne"),
        ("normands", "Normandie"),
        ("alsaciennes", "Alsace"),
        ("corse", "Corse"),
        ("franciliens", "Île-de-France"),
        ("parisienne", "Paris"),
        ("Paris", "Paris"),  # the city, not a metonymy for France
        ("marseillais", "Marseille"),
        ("lyonnaise", "Lyon"),
        ("stéphanois", "Saint-Étienne"),
        ("grenobloises", "Grenoble"),
        ("provençaux", "Provence"),
        ("tourangelles", "Tours"),
        ("séquano-dionysiens", "Seine-Saint-Denis"),
        # Unknown names come back cleaned.
        ("  la   centrale de Montreuil ", "centrale de Montreuil"),
        ("Le Havre", "Le Havre"),
        ("La Baule", "La Baule"),
        ("Jean Dupont", "Jean Dupont"),
        # Ambiguous aliases are not resolved.
        ("congolais", "congolais"),
        ("Corée", "Corée"),
    ],
)
def test_canonical(mention: str, expected: str) -> None:
    assert canonical(mention) == expected


# --- place_of / country_of -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("nord-coréen", "Corée du Nord"),
        ("Moscou", "Moscou"),
        ("Kyiv", "Kiev"),
        ("Pyongyang", "Pyongyang"),
        ("bretonne", "Bretagne"),
        ("la Corée du Nord", "Corée du Nord"),
        ("Seine-Saint-Denis", "Seine-Saint-Denis"),
        ("moscovites", "Moscou"),
        ("le Kremlin", None),
        ("ONU", None),
        ("Poutine", None),
        ("Jean Dupont", None),
        ("congolais", None),
    ],
)
def test_place_of(mention: str, expected: str | None) -> None:
    assert place_of(mention) == expected


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("Moscou", "Russie"),
        ("le Kremlin", "Russie"),
        ("Pyongyang", "Corée du Nord"),
        ("Washington", "États-Unis"),
        ("la Maison-Blanche", "États-Unis"),
        ("le Pentagone", "États-Unis"),
        ("Paris", "France"),
        ("l'Élysée", "France"),
        ("Séoul", "Corée du Sud"),
        ("sud-coréens", "Corée du Sud"),
        ("Bretagne", "France"),
        ("Guadeloupe", "France"),
        ("Russie", "Russie"),
        ("CIA", "États-Unis"),
        ("ONU", None),
        ("Jérusalem", None),  # status disputed: no country asserted
        ("congolais", None),
        ("Jean Dupont", None),
    ],
)
def test_country_of(mention: str, expected: str | None) -> None:
    assert country_of(mention) == expected


# --- identity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Jong-un"),
        ("Poutine", "Putin"),
        ("Zelensky", "Zelenskyy"),
        ("Erdogan", "Erdoğan"),
        ("Netanyahou", "Netanyahu"),
        ("ONU", "Organisation des Nations unies"),
        ("OTAN", "NATO"),
        ("la Maison-Blanche", "Washington"),
        ("Nord-Coréens", "Pyongyang"),
        ("Beauvau", "ministère de l'Intérieur"),
        ("Etats-Unis", "USA"),
        ("Côte d’Ivoire", "Côte-d'Ivoire"),
    ],
)
def test_same_entity(a: str, b: str) -> None:
    assert same_entity(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Corée du Nord", "Corée du Sud"),
        ("nord-coréen", "sud-coréen"),
        ("Kim Jong-un", "Kim Jong-il"),
        ("Guinée", "Guinée-Bissau"),
        ("Guinée", "Guinée équatoriale"),
        ("Guinée-Bissau", "Guinée équatoriale"),
        ("guinéen", "équato-guinéen"),
        ("Niger", "Nigeria"),
        ("nigérien", "nigérian"),
        ("Congo", "RD Congo"),
        ("Autriche", "Australie"),
        ("autrichien", "australien"),
        ("Soudan", "Soudan du Sud"),
        ("Irlande", "Irlande du Nord"),
        ("Dominique", "République dominicaine"),
        ("Kim", "Kim Jong Un"),  # only a corpus-level resolver may decide this one
    ],
)
def test_different_entities(a: str, b: str) -> None:
    assert not same_entity(a, b)


def test_suggest_same_is_a_score_not_a_decision() -> None:
    assert suggest_same("Kim Jong-un", "Kim Jong Un") == 100.0
    assert suggest_same("Putin", "Poutine") == 100.0
    close = suggest_same("Corée du Nord", "Corée du Sud")
    assert 50 < close < 100 and not same_entity("Corée du Nord", "Corée du Sud")
    assert 50 < suggest_same("Kim Jong-un", "Kim Jong-il") < 100


# --- corpus resolver -------------------------------------------------------------------------


def test_resolver_expands_unique_short_forms() -> None:
    resolver = EntityResolver(
        ["Kim Jong-un", "Emmanuel Macron", "Marine Le Pen", "Corée du Nord", "Jean Dupont"]
    )
    assert resolver.resolve("Kim") == "Kim Jong-un"
    assert resolver.resolve("Macron") == "Emmanuel Macron"
    assert resolver.resolve("Le Pen") == "Marine Le Pen"
    assert resolver.resolve("Dupont") == "Jean Dupont"
    assert same_entity("Kim", "Kim Jong Un", resolver=resolver)


def test_resolver_keeps_ambiguous_and_non_name_forms() -> None:
    resolver = EntityResolver()
    for name in (
        "Kim Jong-un",
        "Kim Jong-il",
        "Corée du Nord",
        "Jean Dupont",
        "Pierre Dupont",
        "gouvernement français",
    ):
        resolver.add(name)
    assert resolver.resolve("Kim") == "Kim"  # two Kims
    assert resolver.resolve("Dupont") == "Dupont"  # two Duponts
    assert resolver.resolve("Corée") == "Corée"  # places never absorb short forms
    assert resolver.resolve("Nord") == "Nord"
    assert resolver.resolve("gouvernement") == "gouvernement"  # not shaped like a name
    assert resolver.resolve("Putin") == "Vladimir Poutine"  # the gazetteer still applies


# --- demonym_lemma ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Nord-Coréens", "nord-coréen"),
        ("nord-coréennes", "nord-coréen"),
        ("sud-coréenne", "sud-coréen"),
        ("Russes", "russe"),
        ("américaines", "américain"),
        ("Françaises", "français"),
        ("Anglais", "anglais"),
        ("grecques", "grec"),
        ("turque", "turc"),
        ("bretonnes", "breton"),
        ("provençaux", "provençal"),
        ("tourangelles", "tourangeau"),
        ("manceaux", "manceau"),
        ("suissesse", "suisse"),
        ("qataries", "qatari"),
        # Unknown words: the rule alone.
        ("vaudoises", "vaudois"),
        ("valaisannes", "valaisan"),
        ("helvètes", "helvète"),
    ],
)
def test_demonym_lemma(word: str, expected: str) -> None:
    assert demonym_lemma(word) == expected


# --- source_class ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("la centrale de Montreuil", "unions"),
        ("le Snuipp-FSU", "unions"),
        ("les syndicats", "unions"),
        ("l'intersyndicale", "unions"),
        ("les organisateurs", "unions"),
        ("Force ouvrière", "unions"),
        ("le syndicat de police Alliance", "unions"),
        ("la préfecture de police", "authorities"),
        ("la police", "authorities"),
        ("les forces de l'ordre", "authorities"),
        ("le ministère de l'Intérieur", "authorities"),
        ("Beauvau", "authorities"),
        ("la mairie", "authorities"),
        ("Moscou", "authorities"),
        ("porte-parole du Kremlin", "authorities"),
        ("la Corée du Sud", "authorities"),  # a country, not the union Sud
        ("la direction de la SNCF", "company"),
        ("le Medef", "employers"),
        ("l'AFP", "media"),
        ("l'agence Reuters", "media"),
        ("Organisation des Nations unies", "international"),
        ("l'Insee", "statistics"),
        ("des témoins", "witnesses"),
        ("Jean Dupont", None),
        # a place speaks for its authorities only as a name: "le cap des 250 000" is not Le Cap
        ("cap des", None),
        ("Le Cap", "authorities"),
    ],
)
def test_source_class(source: str, expected: str | None) -> None:
    assert source_class(source) == expected


# --- data files ------------------------------------------------------------------------------


def _header(filename: str) -> list[str]:
    text = resources.files("claimcheck").joinpath("resources", filename).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.startswith("#")]


def test_gazetteer_loads() -> None:
    entries = gazetteer()
    assert len(entries) > 1500
    assert all(e.alias and e.canonical and e.type in ENTITY_TYPES for e in entries)
    assert len({(fold(e.alias), e.canonical, e.type) for e in entries}) == len(entries)
    header = " ".join(_header("gazetteer.tsv"))
    assert "Babel" in header and "general knowledge" in header


def test_gazetteer_covers_un_members() -> None:
    assert len(set(UN_MEMBERS)) == 193
    entries = gazetteer()
    demonyms = {e.canonical for e in entries if e.type == "demonym"}
    capitals = {e.country for e in entries if e.type == "capital"}
    names = Locale("fr").territories
    for code in UN_MEMBERS:
        country = canonical(names[code])
        assert country_of(names[code]) == country, code
        assert country in demonyms, code
        assert country in capitals or code == "IL", code  # Jerusalem: status disputed


def test_gazetteer_is_up_to_date_with_its_script() -> None:
    script = Path(__file__).resolve().parents[2] / "scripts" / "build_gazetteer.py"
    spec = importlib.util.spec_from_file_location("build_gazetteer", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text, _ = module.build()
    built = [line for line in text.splitlines() if not line.startswith("#")]
    stored = resources.files("claimcheck").joinpath("resources", "gazetteer.tsv").read_text(encoding="utf-8")
    assert built == [line for line in stored.splitlines() if not line.startswith("#")]


def test_source_classes_load() -> None:
    classes = source_classes()
    assert len(classes) > 100
    assert {"authorities", "unions", "company"} <= set(classes.values())
    assert " ".join(_header("source_classes.tsv")).count("Source") == 1


@pytest.mark.parametrize(
    "short, long, expected",
    [
        ("IDFM", "Île-de-France Mobilités", True),
        ("RN", "Rassemblement national", True),
        ("OM", "Olympique de Marseille", True),
        ("PS", "Paris", False),
        ("ESA", "Agence spatiale européenne", False),  # initials of the English name: not recognised
        ("Paris", "Parti radical", False),
    ],
)
def test_acronym_of_a_name(short, long, expected):
    from claimcheck.normalize.entities import is_acronym_of

    assert is_acronym_of(short, long) is expected

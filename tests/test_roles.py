"""Roles of named parties (claimcheck.roles): who is quoted, who did what to whom, from where to
where; and the conflicts they make across articles (claimcheck.compare.quotes, .relations)."""

from __future__ import annotations

import pytest

from claimcheck import api
from claimcheck.roles import quote_spans, quotes


# ------------------------------------------------------------------------------- quotation marks
@pytest.mark.parametrize(
    "text, expected",
    [
        ("« Nous ne lâcherons rien sur les salaires », a dit Marie Dupont.", ["Nous ne lâcherons rien sur les salaires"]),
        ("Il a lancé : “La route restera fermée jusqu'à lundi.”", ["La route restera fermée jusqu'à lundi."]),
        ('Elle a répondu : "Nous ne fermerons aucune école cette année".', ["Nous ne fermerons aucune école cette année"]),
        # a quotation begun in the previous sentence, or going on into the next
        ("pas avant la fin de l'hiver prochain », a ajouté le maire.", ["pas avant la fin de l'hiver prochain"]),
        ("Le maire a prévenu : « Les travaux dureront au moins deux ans.", ["Les travaux dureront au moins deux ans."]),
        # two quotations in one sentence
        ("« Nous avons tout donné ce soir », dit-il, « et nous reviendrons plus forts encore ».",
         ["Nous avons tout donné ce soir", "et nous reviendrons plus forts encore"]),
        # too short to be recognised elsewhere, or no quotation at all
        ("Une décision « historique », selon la mairie.", []),
        ("Le conseil municipal a voté le budget mardi soir.", []),
    ],
)
def test_quote_spans(text, expected):
    assert [text[a:b] for a, b in quote_spans(text)] == expected


# ------------------------------------------------------------------------------------ speakers
@pytest.mark.parametrize(
    "sentence, speaker",
    [
        ("« Nous avons tout donné sur ce parcours difficile », a confié Mulugeta Uma après la course.", "Mulugeta Uma"),
        ("« Cette réforme ne changera rien à notre stratégie », a déclaré le ministre de l'Économie, Bruno Le Maire.", "Bruno Le Maire"),
        ("Marie Dupont a déclaré : « Nous ne fermerons aucune école cette année ».", "Marie Dupont"),
        ("Selon Jean Martin, « la route restera fermée jusqu'à lundi au moins ».", "Jean Martin"),
        ("« La situation reste très tendue dans tout le département », a souligné Emmanuel Macron.", "Emmanuel Macron"),
        # a pronoun or a role names nobody: another sentence or article says who
        ("« Nous ne fermerons aucune école cette année », a-t-il déclaré.", None),
        ("« Nous ne fermerons aucune école cette année », a prévenu le maire.", None),
        # a name the quotation contains is not its speaker
        ("« Jean Martin ne viendra pas à la réunion de jeudi », a annoncé la mairie.", None),
        # no speech verb: a quotation of a title, not of a speaker
        ("Le film « Les Misérables de la banlieue nord » sort en salles mercredi.", None),
        # a short quotation that opens the sentence, its incise after the comma
        ("« Des chiffres stratosphériques », a résumé Christian Troadec, le maire de Carhaix.", "Christian Troadec"),
        # … but a short one inside the sentence is a word someone used, not a statement
        ("Joe Biden a salué une « prouesse diplomatique » de ses alliés.", None),
        # … unless it is a phrase of three words and more that a verb of speech takes ("en raillant une « … »")
        ("La députée, Claire Morin, a conclu son discours en dénonçant un « naufrage budgétaire annoncé ».", "Claire Morin"),
        # the name the incise inverts after its verb, whatever the parser made of it: a day, a place
        # or a role between; a name after a preposition is whom it was said to
        ("« C'est bien trop peu », avait balayé vendredi soir Paul Girard, le président du syndicat.", "Paul Girard"),
        ("« Le bateau était très frêle », a souligné mardi Lucie Benoît, la porte-parole de la préfecture.", "Lucie Benoît"),
        ("« Ce projet coûtera des millions », a lancé en séance l'écologiste Claire Vasseur.", "Claire Vasseur"),
        ("« Le pays est de retour », a martelé Hugo Lemaire, le directeur de l'agence, en quittant la salle.", "Hugo Lemaire"),
        ("« Nous ne céderons pas », a déclaré à l'AFP le maire, Jean Dupont.", "Jean Dupont"),
        # any verb of the incise is a verb of speech there, listed or not
        ("« Il y a un peu moins de monde que l'an dernier », a relativisé Jérôme Tréhorel, le directeur.", "Jérôme Tréhorel"),
        # the role first, the name in apposition after it
        ("« La situation est globalement stable », a commenté la ministre du Travail, Astrid Panosyan-Bouvet, mardi.",
         "Astrid Panosyan-Bouvet"),
        # a short quotation that a verb of speech takes as its object
        ("Le maire de Cholet, Gilles Bourdouleix, a dénoncé « un meurtre prémédité ».", "Gilles Bourdouleix"),
        # no verb of speech: the named subject of the clause a colon closes, or a noun of speech
        ("Yannick Neuder a pointé le relâchement des gestes : « Pendant le Covid, on se lavait les mains ».", "Yannick Neuder"),
        ("« Un système organisé au service d'un seul homme » : la formule de Me Sophie Rambert a marqué l'audience.",
         "Me Sophie Rambert"),
    ],
)
def test_speaker_of_a_quotation(nlp, sentence, speaker):
    doc = nlp(sentence)
    (sent,) = list(doc.sents)[:1]
    found = quotes(sent, [(e, e.text) for e in doc.ents])
    assert (found[0].speaker.text if found and found[0].speaker is not None else None) == speaker


@pytest.mark.parametrize(
    "paragraph, speaker",
    [
        # a pronoun stands for the person the paragraph named last
        ("Marie Dupont est arrivée en retard au conseil. « Nous ne fermerons aucune école cette année », a-t-elle déclaré.",
         "Marie Dupont"),
        # a sentence that is all quotation goes on with the speech of the person named before
        ("Pour Catherine Vautrin, le relâchement des gestes explique la flambée. « Pendant le Covid, on se lavait les mains. »",
         "Catherine Vautrin"),
        # nobody named before in the paragraph: nobody
        ("« Nous ne fermerons aucune école cette année », a-t-il déclaré.", None),
    ],
)
def test_speaker_named_in_an_earlier_sentence(write_articles, paragraph, speaker):
    folder = write_articles({"a": "Conseil municipal\n\n" + paragraph + "\n"})
    found = [c for c in api.diff([folder], None).claims if c.event == "quote"]
    assert [c.source for c in found] == ([speaker] if speaker else [])
    for c in found:  # the row is anchored to the speaker's name, in the sentence that names her
        assert (c.text, c.object[:6]) == (speaker, "« Nous" if "Nous" in paragraph else "« Pend")
        assert speaker in c.sentence and "«" not in c.sentence


def test_a_nationality_stands_for_the_person_the_article_gives_it(write_articles):
    folder = write_articles({"a": "Tour de France\n\nLe Slovène Tadej Pogačar et le Danois Jonas Vingegaard ont attaqué."
                                  " Au sommet, le Slovène est passé en tête avec sept secondes d'avance sur le Danois.\n"})
    (act,) = [c for c in api.diff([folder], None).claims if c.event == "relation" and c.predicate == "devancer"]
    assert (act.subject, act.object) == ("Tadej Pogačar", "Jonas Vingegaard")


def test_a_nationality_given_to_two_people_stands_for_nobody(write_articles):
    folder = write_articles({"a": "Tennis\n\nLe Français Ugo Humbert a battu le Français Arthur Fils."
                                  " Le Français est passé en tête avec deux jeux d'avance sur Carlos Alcaraz.\n"})
    acts = [c for c in api.diff([folder], None).claims if c.event == "relation" and c.predicate == "devancer"]
    assert all(c.subject not in {"Ugo Humbert", "Arthur Fils"} for c in acts)


def test_speaker_claim_carries_source_verb_and_words(nlp, write_articles):
    folder = write_articles({"a": "Le marathon de Paris\n\n« Le public parisien m'a porté jusqu'au bout », a confié Mulugeta Uma dimanche.\n"})
    result = api.diff([folder], None)
    (c,) = [c for c in result.claims if c.event == "quote"]
    assert (c.kind, c.text, c.source, c.predicate) == ("entity", "Mulugeta Uma", "Mulugeta Uma", "confier")
    assert c.object == "« Le public parisien m'a porté jusqu'au bout »"


# ------------------------------------------------------------------------------------ comparison
STORY = (
    "Marathon de Paris : victoire éthiopienne sous la pluie\n\n"
    "Le marathon de Paris a réuni dimanche plus de cinquante mille coureurs sous une pluie battante."
    " La course a été remportée par un Éthiopien au terme d'un final très disputé sur l'avenue Foch.\n\n"
    "{quote}\n"
)


@pytest.fixture()
def diff(write_articles):
    def _diff(quote_a: str, quote_b: str):
        folder = write_articles({"a": STORY.format(quote=quote_a), "b": STORY.format(quote=quote_b)},
                                meta={"a": "2024-04-07", "b": "2024-04-08"})
        return [d for d in api.diff([folder], folder / "meta.csv").discrepancies if d.kind == "attribution"]
    return _diff


def test_a_quotation_reworded_after_the_same_opening_words_is_one_quotation(diff):
    rows = diff("« J'ai suivi la moto qui sortait du parcours, alors que je devais aller tout droit », a raconté Mulugeta Uma.",
                "« J'ai suivi la moto qui quittait le parcours au lieu d'aller vers la ligne », a confié Titus Kipruto.")
    assert [(d.value_a, d.value_b) for d in rows] == [("Mulugeta Uma", "Titus Kipruto")]


@pytest.mark.parametrize(
    "words_a, words_b, same",
    [
        # a phrase of four words kept, and most words
        ("« Depuis la création du festival, jamais autant de spectateurs ne s'étaient pressés sur la plaine »",
         "« Depuis la création du festival, on n'avait jamais vu autant de spectateurs sur la plaine »", True),
        # the same four words opening two different statements
        ("« Depuis la guerre froide, les deux pays se méfient l'un de l'autre »",
         "« Depuis la guerre froide, aucun président n'était venu à Moscou »", False),
    ],
)
def test_a_reworded_quotation_keeps_a_phrase_and_most_words(words_a, words_b, same):
    from claimcheck.compare.quotes import similarity
    from claimcheck.records import Claim

    def said(words: str) -> Claim:
        return Claim("x", "a", kind="entity", text="X", start=0, end=1, value="X", sentence=words, sent_start=0,
                     sent_end=len(words), object=words, source="X", event="quote", unit="PER")

    assert (similarity(said(words_a), said(words_b)) > 0) is same


def test_same_words_given_to_two_speakers_is_an_attribution_conflict(diff):
    rows = diff("« Le public parisien m'a porté jusqu'au bout, je n'avais jamais entendu autant de bruit », a confié Mulugeta Uma.",
                "« Le public parisien m'a porté jusqu'au bout », a lancé Tigst Assefa à l'arrivée.")
    assert [(d.doc_a, d.doc_b, d.value_a, d.value_b) for d in rows] == [("a", "b", "Mulugeta Uma", "Tigst Assefa")]
    assert "porté jusqu'au bout" in rows[0].explanation


@pytest.mark.parametrize(
    "quote_a, quote_b",
    [
        pytest.param("« Le public parisien m'a porté jusqu'au bout », a confié Mulugeta Uma.",
                     "« Le public parisien m'a porté jusqu'au bout », a lancé Uma à l'arrivée.", id="same-speaker-surname"),
        pytest.param("« Le public parisien m'a porté jusqu'au bout », a confié Mulugeta Uma.",
                     "« Je n'ai jamais eu aussi froid sur une course », a lancé Tigst Assefa.", id="other-words"),
        pytest.param("« C'est une victoire historique pour notre pays », a déclaré Mulugeta Uma.",
                     "« C'est une défaite historique pour notre pays », a déclaré Tigst Assefa.", id="few-shared-words"),
        # a person and an organisation she may speak for
        pytest.param("« Le public parisien m'a porté jusqu'au bout », a confié Mulugeta Uma.",
                     "« Le public parisien m'a porté jusqu'au bout », a indiqué la Fédération française d'athlétisme.",
                     id="person-and-organisation"),
    ],
)
def test_other_words_or_the_same_speaker_are_quiet(diff, quote_a, quote_b):
    assert diff(quote_a, quote_b) == []


# ------------------------------------------------------------------------ who did what to whom
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Le Paris Saint-Germain a battu l'Olympique de Marseille dimanche soir au Vélodrome.",
         ("Paris Saint-Germain", "battre", "Olympique de Marseille")),
        # the passive voice undone
        ("L'Olympique de Marseille a été battu par le Paris Saint-Germain dimanche soir.",
         ("Paris Saint-Germain", "battre", "Olympique de Marseille")),
        ("Jannik Sinner a dominé Carlos Alcaraz en finale à Roland-Garros.", ("Jannik Sinner", "dominer", "Carlos Alcaraz")),
        # placings: who is ahead of whom
        ("Tadej Pogačar est passé en tête avec sept secondes d'avance sur Jonas Vingegaard.",
         ("Tadej Pogačar", "devancer", "Jonas Vingegaard")),
        ("François Ruffin est arrivé en tête au premier tour devant Nathalie Ribeiro-Billet.",
         ("François Ruffin", "devancer", "Nathalie Ribeiro-Billet")),
        ("Nathalie Ribeiro-Billet a terminé derrière François Ruffin.", ("François Ruffin", "devancer", "Nathalie Ribeiro-Billet")),
        # "devant" of a place, not of a placing
        ("Emmanuel Macron a parlé devant l'Assemblée nationale mardi.", None),
        # a pronoun, or a party inside someone's quotation, is no named party of the article's account
        ("Il a battu Carlos Alcaraz en finale.", None),
        ("« Jannik Sinner a dominé Carlos Alcaraz », a estimé l'entraîneur.", None),
        # who gave to whom: one party may be a role, written as a common noun
        ("La société Batiouest a versé 50 000 euros à l'ancien maire en 2019.", ("Batiouest", "verser", "maire")),
        ("L'ancien maire a versé 50 000 euros à la société Batiouest en 2019.", ("maire", "verser", "Batiouest")),
        ("Jean Dupont a payé 3 000 euros à son avocat.", ("Jean Dupont", "payer", "avocat")),
        # two roles name nobody another article could name alike
        ("Le maire a versé une somme importante à la société.", None),
        # a compound preposition names no receiver; the receiver after the verb is the one
        ("Aux termes de l'accord, ArianeGroup versera aux États membres 340 millions d'euros par an.",
         ("ArianeGroup", "verser", "États")),
        # of two subjects the parser gives a verb, the one nearest before it
        ("D'où le compromis trouvé à Bruxelles en mars : les États membres de l'Union verseront à Airbus jusqu'à"
         " 200 millions d'euros par an.", ("États", "verser", "Airbus")),
        # an acronym the tagger takes for a pronoun is a party all the same
        ("La Région versera 800 millions d'euros à IDFM en 2025.", ("Région", "verser", "IDFM")),
        # a cleft puts the doer first ("c'est X qui …")
        ("C'est Jannik Sinner qui a battu Carlos Alcaraz en finale.", ("Jannik Sinner", "battre", "Carlos Alcaraz")),
        ("Au sommet, c'est Jonas Vingegaard qui a basculé en tête, avec sept secondes d'avance sur Tadej Pogačar.",
         ("Jonas Vingegaard", "devancer", "Tadej Pogačar")),
    ],
)
def test_relation_of_two_named_parties(nlp, sentence, expected):
    from claimcheck.roles import relations

    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    found = [(r.agent.text, r.verb, r.patient.text) for r in relations(sent, [(e, e.text) for e in doc.ents])]
    assert (found[0] if found else None) == expected


MATCH = (
    "Ligue 1 : le classique a tenu ses promesses\n\n"
    "Le classique de Ligue 1 s'est joué dimanche soir devant un stade plein, sous une pluie fine."
    " {act} Les supporters ont chanté jusqu'au bout de la rencontre.\n"
)


@pytest.mark.parametrize(
    "act_a, act_b, reported",
    [
        pytest.param("Le Paris Saint-Germain a battu l'Olympique de Marseille.",
                     "L'Olympique de Marseille a battu le Paris Saint-Germain.", True, id="swapped"),
        pytest.param("Le Paris Saint-Germain a battu l'Olympique de Marseille.",
                     "L'Olympique de Marseille a été battu par le Paris Saint-Germain.", False, id="passive-same-act"),
        pytest.param("Le Paris Saint-Germain a battu l'Olympique de Marseille.",
                     "Le Paris Saint-Germain a dominé l'Olympique de Marseille.", False, id="same-order-other-verb"),
        pytest.param("Le Paris Saint-Germain a battu l'Olympique de Marseille.",
                     "L'Olympique de Marseille a dominé le Paris Saint-Germain.", True, id="swapped-verb-of-one-class"),
        pytest.param("Le Paris Saint-Germain a battu l'Olympique de Marseille.",
                     "L'Olympique de Marseille a terminé devant le Paris Saint-Germain.", True, id="swapped-placing"),
        pytest.param("Le Paris Saint-Germain a battu l'Olympique de Marseille.",
                     "L'Olympique de Marseille a terminé derrière le Paris Saint-Germain.", False, id="same-placing"),
        pytest.param("Le Paris Saint-Germain a versé 40 millions d'euros à l'Olympique de Marseille.",
                     "L'Olympique de Marseille a versé 40 millions d'euros au Paris Saint-Germain.", True, id="swapped-giving"),
        pytest.param("La société Batiouest a versé 50 000 euros à l'ancien maire.",
                     "L'ancien maire a versé 50 000 euros à la société Batiouest.", True, id="swapped-giving-to-a-role"),
        pytest.param("La société Batiouest a versé 50 000 euros à l'ancien maire.",
                     "L'ancien maire a reçu 50 000 euros de la société Batiouest.", False, id="giving-told-as-receiving"),
        pytest.param("La Région versera 800 millions d'euros à IDFM.",
                     "Île-de-France Mobilités versera 800 millions d'euros à la Région.", True, id="swapped-giving-acronym"),
    ],
)
def test_swapped_parties_are_a_direction_conflict(write_articles, act_a, act_b, reported):
    folder = write_articles({"a": MATCH.format(act=act_a), "b": MATCH.format(act=act_b)},
                            meta={"a": "2024-10-27", "b": "2024-10-27"})
    rows = [d for d in api.diff([folder], folder / "meta.csv").discrepancies if d.kind == "direction"]
    assert [(d.doc_a, d.doc_b) for d in rows] == ([("a", "b")] if reported else [])
    if reported:
        # the act with its roles reversed, or the money sent the other way: one row either way
        assert "roles reversed" in rows[0].explanation or "opposite direction" in rows[0].explanation


# ---------------------------------------------------------------------------- from where to where
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Les coureurs ont emprunté les quais hauts, du tunnel Henri-IV jusqu'à celui des Tuileries.", ("tunnel Henri-IV", "Tuileries")),
        ("Quatorze patients ont été transférés du centre hospitalier d'Avignon vers le CHU de Nîmes dans la nuit.", ("Avignon", "CHU de Nîmes")),
        ("Il faut remonter à Mathieu Bodmer, parti de Lyon pour Paris en 2010.", ("Lyon", "Paris")),
        # "pour" ends a way only after leaving; dates and figures are no places
        ("Le ministre de Lyon pour Paris a parlé.", None),
        ("La compétition se déroulera du 13 au 15 juillet à Lyon.", None),
        ("« Nous irons de Lyon à Marseille à pied », a dit le maire.", None),
    ],
)
def test_route_between_two_named_places(nlp, sentence, expected):
    from claimcheck.roles import routes

    doc = nlp(sentence)
    sent = next(iter(doc.sents))
    found = [(r.origin.text, r.destination.text) for r in routes(sent, [(e, e.text) for e in doc.ents])]
    assert (found[0] if found else None) == expected


RUN = (
    "Marathon de Paris : la crue impose un détour\n\n"
    "La crue de la Seine a bouleversé le parcours du marathon de Paris dimanche matin."
    " {way} Les organisateurs ont salué la patience des coureurs.\n"
)


@pytest.mark.parametrize(
    "way_a, way_b, reported",
    [
        pytest.param("Les coureurs ont emprunté les quais hauts, du tunnel Henri-IV jusqu'aux Tuileries.",
                     "Les coureurs ont emprunté les quais hauts, des Tuileries jusqu'au tunnel Henri-IV.", True, id="reversed"),
        pytest.param("Les coureurs ont emprunté les quais hauts, du tunnel Henri-IV jusqu'aux Tuileries.",
                     "Les coureurs ont emprunté les quais hauts, du tunnel Henri-IV jusqu'aux Tuileries.", False, id="same-way"),
        pytest.param("Les coureurs ont emprunté les quais hauts, du tunnel Henri-IV jusqu'aux Tuileries.",
                     "Les bus de la RATP circuleront des Tuileries jusqu'au tunnel Henri-IV.", False, id="nothing-else-shared"),
    ],
)
def test_a_way_told_the_other_way_round_is_a_direction_conflict(write_articles, way_a, way_b, reported):
    folder = write_articles({"a": RUN.format(way=way_a), "b": RUN.format(way=way_b)},
                            meta={"a": "2024-04-07", "b": "2024-04-07"})
    rows = [d for d in api.diff([folder], folder / "meta.csv").discrepancies if d.kind == "direction"]
    assert [(d.doc_a, d.doc_b) for d in rows] == ([("a", "b")] if reported else [])


@pytest.mark.parametrize(
    "act_a, act_b, reported",
    [
        # the act the other way round at another moment (the May semi-final) does not hide the reversal
        pytest.param("En finale à Rome, à la mi-mai, Carlos Alcaraz avait battu Jannik Sinner.",
                     "Jannik Sinner avait dominé Carlos Alcaraz en finale à Rome, à la mi-mai. Dimanche, Carlos Alcaraz"
                     " a battu Jannik Sinner en finale de Roland-Garros.", True, id="other-moment"),
    ],
)
def test_a_reversal_hidden_only_by_an_act_of_the_same_moment(write_articles, act_a, act_b, reported):
    folder = write_articles({"a": MATCH.format(act=act_a), "b": MATCH.format(act=act_b)},
                            meta={"a": "2025-06-09", "b": "2025-06-09"})
    rows = [d for d in api.diff([folder], folder / "meta.csv").discrepancies if d.kind == "direction"]
    assert bool(rows) is reported

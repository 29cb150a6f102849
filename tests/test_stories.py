"""Stories: one event's articles stay one story over days and outlets, different events stay apart,
and the stories of a folder do not change when unrelated articles are added to it."""

from __future__ import annotations

import pytest

from claimcheck import api
from claimcheck.compare.stories import rarity, stories

# One cyclone told by four outlets over five days, with different words and figures.
CYCLONE = {
    "cyc_a": "Le cyclone Chido frappe Mayotte\n\nLe cyclone Chido a balayé Mayotte samedi avec des rafales de 220 km/h."
             " Au moins 14 morts ont été recensés à Mamoudzou, selon la préfecture.\n",
    "cyc_b": "Mayotte : le bilan de Chido s'alourdit\n\nDeux jours après le passage de Chido, la préfecture de Mayotte"
             " fait état de 21 morts et de 1 400 blessés. Les bidonvilles de Mamoudzou ont été rasés.\n",
    "cyc_c": "Après Chido, Mayotte manque d'eau\n\nLes habitants de Mayotte attendent l'eau potable, une semaine après"
             " le cyclone. Un pont aérien depuis La Réunion achemine 80 tonnes de vivres par jour.\n",
    "cyc_d": "Chido : Emmanuel Macron attendu à Mayotte\n\nLe président Emmanuel Macron se rendra jeudi à Mayotte,"
             " dévastée par le cyclone Chido qui a fait 35 morts, selon le dernier bilan.\n",
}
# Another event in the same kind of words (a storm, a toll, a prefecture).
STORM = {
    "tem_a": "Tempête Ciaran : la Bretagne balayée\n\nLa tempête Ciaran a frappé le Finistère jeudi avec des rafales de"
             " 207 km/h. Un homme est mort à Brest, selon la préfecture.\n",
    "tem_b": "Ciaran : le Finistère privé d'électricité\n\nAprès le passage de Ciaran, 780 000 foyers bretons restaient"
             " privés d'électricité jeudi soir, selon Enedis. Les écoles du Finistère sont fermées.\n",
}
# Unrelated articles that share words with both (a toll, a prefecture, a president, islands).
UNRELATED = {
    "oth_a": "Séisme en Turquie\n\nLe séisme qui a frappé le sud de la Turquie a fait 2 300 morts, selon le président"
             " Recep Tayyip Erdogan. Les secours fouillent les décombres à Gaziantep.\n",
    "oth_b": "Grève à la SNCF\n\nLa grève des contrôleurs a entraîné l'annulation de 300 trains vendredi, selon la"
             " direction de la SNCF. Le trafic reprendra lundi.\n",
    "oth_c": "La Réunion : saison cyclonique\n\nMétéo-France prévoit une saison cyclonique active à La Réunion, avec"
             " dix tempêtes attendues, selon la préfecture. Les habitants sont invités à se préparer.\n",
    "oth_d": "Football : Lyon s'impose\n\nL'Olympique lyonnais a battu Nantes 3 à 1 samedi devant 45 000 spectateurs."
             " Le président du club a salué la victoire.\n",
}


def _groups(story_of: dict[str, int], docs) -> set[frozenset[str]]:
    by: dict[int, set[str]] = {}
    for d in docs:
        by.setdefault(story_of[d], set()).add(d)
    return {frozenset(v) for v in by.values()}


@pytest.fixture()
def claims_of(nlp, write_articles):
    def _claims(articles: dict[str, str]):
        return api.extract([write_articles(articles)])
    return _claims


def test_one_event_over_days_is_one_story_and_another_event_stays_apart(claims_of):
    found = _groups(stories(claims_of({**CYCLONE, **STORM})), [*CYCLONE, *STORM])
    assert found == {frozenset(CYCLONE), frozenset(STORM)}


def test_unrelated_articles_added_to_the_folder_change_no_story(claims_of):
    alone = stories(claims_of({**CYCLONE, **STORM}))
    more = stories(claims_of({**CYCLONE, **STORM, **UNRELATED}))
    docs = [*CYCLONE, *STORM]
    assert _groups(alone, docs) == _groups(more, docs)
    assert all(more[u] not in {more[d] for d in docs} for u in UNRELATED)


@pytest.mark.parametrize(
    "rare, common",
    [("mayotte", "personnes"), ("chido", "cyclone"), ("séisme", "faire"), ("erdogan", "président")],
)
def test_a_word_is_weighed_by_its_rarity_in_french(rare, common):
    assert rarity(rare) > rarity(common)


def test_each_story_is_named_by_its_distinctive_words(claims_of):
    from claimcheck.compare.stories import labels

    claims = claims_of({**CYCLONE, **STORM})
    story_of = stories(claims)
    named = labels(claims, story_of)
    cyclone, storm = named[story_of["cyc_a"]], named[story_of["tem_a"]]
    assert "chido" in cyclone.split(" · ") and "mayotte" in cyclone.split(" · ")
    assert "ciaran" in storm.split(" · ") and cyclone != storm


def test_the_report_has_a_story_column(nlp, write_articles):
    a = CYCLONE["cyc_a"]
    b = CYCLONE["cyc_a"].replace("220 km/h", "180 km/h")
    result = api.diff([write_articles({"cyc_a": a, "cyc_z": b}, meta={"cyc_a": "2024-12-15", "cyc_z": "2024-12-15"})],
                      meta=None)
    assert result.discrepancies and all("chido" in d.story for d in result.discrepancies)
    assert "story" in result.discrepancies[0].row()

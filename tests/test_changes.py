"""A change of a figure ("de X à Y") told the other way round by another article (claimcheck.compare.changes)."""

from __future__ import annotations

import pytest

from claimcheck import api

STORY = (
    "Chômage : l'Insee révise ses chiffres\n\n"
    "L'Insee a publié jeudi ses chiffres du chômage au sens du BIT pour le troisième trimestre."
    " {change} Le nombre de demandeurs d'emploi reste élevé dans les régions du Nord.\n"
)


@pytest.mark.parametrize(
    "change_a, change_b, reported",
    [
        pytest.param("Le taux du deuxième trimestre a été relevé de 7,5 % à 7,6 %.",
                     "Le taux du deuxième trimestre a été ramené de 7,6 % à 7,5 %.", True, id="rise-against-fall"),
        pytest.param("Le tarif mensuel passera de 86,40 euros à 88,80 euros en janvier.",
                     "Le tarif mensuel était passé de 88,80 euros à 86,40 euros en janvier.", True, id="two-figures"),
        pytest.param("Le taux du deuxième trimestre a été relevé de 7,5 % à 7,6 %.",
                     "Le taux du deuxième trimestre est passé de 7,5 % à 7,6 % selon l'institut.", False, id="same-change"),
        pytest.param("Le taux du deuxième trimestre a été relevé de 7,5 % à 7,6 %, puis ramené de 7,6 % à 7,5 %.",
                     "Le taux du deuxième trimestre a été ramené de 7,6 % à 7,5 %.", False, id="both-told"),
    ],
)
def test_a_change_told_the_other_way_round(write_articles, change_a, change_b, reported):
    folder = write_articles({"a": STORY.format(change=change_a), "b": STORY.format(change=change_b)},
                            meta={"a": "2025-11-13", "b": "2025-11-13"})
    rows = [d for d in api.diff([folder], folder / "meta.csv").discrepancies if d.kind == "direction"]
    assert [(d.doc_a, d.doc_b) for d in rows] == ([("a", "b")] if reported else [])
    if reported:
        assert "the other way round" in rows[0].explanation

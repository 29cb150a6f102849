"""The spaCy pipeline and the extraction stream: sentence boundaries, the attribute rules, worker
processes, Docs sent between processes, laziness, and failures in the middle of a stream."""

from __future__ import annotations

import numpy
import pytest
from typer.testing import CliRunner

from claimcheck import api, pipeline
from claimcheck.claims import extract_claims
from claimcheck.cli import app
from claimcheck.records import Article

SMALL = [
    "Séisme : le bilan s'alourdit\n\nSelon la protection civile, 120 personnes sont mortes à Tiznit.\n",
    "Le séisme a fait 45 morts dans la région de Tiznit, selon la protection civile.\n",
    "La Corée du Nord a expédié environ 11\u202f000 conteneurs vers la Russie, selon Washington.\n",
    "Points clés\n• 1,2 million de foyers privés d'électricité\n• Rafales de 207 km/h à la pointe du Raz\n",
    "À Paris, 81.000 manifestants pour la préfecture, 700.000 pour la CGT, le 7 mars 2023.\n",
    "Il y avait 3 chats. « Ils sont partis. » Et puis plus rien.\n",
]


def _articles(texts=SMALL) -> list[Article]:
    return [Article(doc_id=f"d{i}", text=t, path=f"d{i}.txt", published="2023-09-09") for i, t in enumerate(texts)]


# ------------------------------------------------------------------------------ components
@pytest.mark.parametrize("number", ["11 000", "11\u00a0000", "11\u202f000", "1 200 000", "3,5 millions"])
def test_sentences_never_cut_a_number(nlp, number):
    doc = nlp(f"Les États-Unis estiment que {number} conteneurs ont été expédiés. Moscou dément.")
    sents = [s.text for s in doc.sents]
    assert len(sents) == 2 and number in sents[0]


def test_every_line_starts_a_sentence(nlp):
    doc = nlp("Titre sans point final\nPar Jean Martin\n\n• premier point\n• deuxième point\nLe texte suit.")
    starts = [s[0].text for s in doc.sents if s.text.strip()]
    assert starts[:5] == ["Titre", "Par", "•", "•", "Le"]


def test_closing_quote_after_final_mark_ends_the_sentence(nlp):
    doc = nlp("« Ils sont partis. » Et puis plus rien. il continue en minuscule.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ["« Ils sont partis. »", "Et puis plus rien. il continue en minuscule."]


def test_attribute_rules_match_the_stock_attribute_ruler(nlp):
    from spacy.attrs import DEP, MORPH, POS, TAG
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

    rules = nlp.get_pipe("attribute_ruler")
    assert isinstance(rules, pipeline.AttributeRules)
    stock = AttributeRuler(nlp.vocab)
    stock.add_patterns(rules.patterns)
    before = nlp.pipe_names.index("attribute_ruler")
    for text in SMALL + ["  \n\n  Deux  espaces\tet une tabulation.\n\n\n"]:
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline[:before]:
            doc = proc(doc)
        copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        mine, theirs = rules(doc), stock(copy)
        assert numpy.array_equal(mine.to_array([POS, TAG, DEP, MORPH]), theirs.to_array([POS, TAG, DEP, MORPH]))
        assert [str(t.morph) for t in mine] == [str(t.morph) for t in theirs]


def test_array_lemmatizer_gives_the_stock_lemmas(nlp):
    from spacy.attrs import LEMMA
    from spacy.tokens import Doc

    lemmas = nlp.get_pipe("lemmatizer")
    assert isinstance(lemmas, pipeline.ArrayLemmatizer)
    stock = lemmas.lemmatizer
    before = nlp.pipe_names.index("lemmatizer")
    texts = SMALL + ["  \n\n  Deux  espaces\tet une tabulation.\n\n\n", "Les élections ont été remportées par les Verts."]
    for text in texts + texts:  # the second time from the cache
        doc = nlp.make_doc(text)
        for _, proc in nlp.pipeline[:before]:
            doc = proc(doc)
        copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
        mine, theirs = lemmas(doc), stock(copy)
        assert numpy.array_equal(mine.to_array([LEMMA]), theirs.to_array([LEMMA]))
        assert all(t.lemma for t in mine)


def test_a_token_with_a_lemma_keeps_it(nlp):
    doc = nlp.make_doc("Ils partent.")
    for _, proc in nlp.pipeline[: nlp.pipe_names.index("lemmatizer")]:
        doc = proc(doc)
    doc[1].lemma_ = "s'en aller"
    nlp.get_pipe("lemmatizer")(doc)
    assert [t.lemma_ for t in doc] == ["il", "s'en aller", "."]


# ------------------------------------------------------------------- between processes
def test_docs_sent_by_a_worker_give_the_same_claims(nlp):
    """The one-worker mode: the worker's DocBin read back with a blank French vocabulary."""
    import spacy

    articles = _articles()
    expected = pipeline.extract_docs(articles)
    blank = spacy.blank("fr").vocab
    docs = pipeline.docs_from_bytes(pipeline.parse_batch([a.text for a in articles]), blank)
    assert [extract_claims(d, a) for d, a in zip(docs, articles)] == expected


def test_two_workers_give_the_same_claims(nlp):
    articles = _articles()  # more than INLINE_MAX: worker processes (forked from this one)
    assert len(articles) > api.INLINE_MAX
    inline = list(api.extract_articles(articles[: api.INLINE_MAX]))
    workers = list(api.extract_articles(articles, workers=2, batch_size=2))
    assert [a.doc_id for a, _ in workers] == [a.doc_id for a in articles]
    assert workers[: api.INLINE_MAX] == inline
    assert all(claims for _, claims in workers)


# ---------------------------------------------------------------------------- streaming
def test_articles_are_taken_as_needed(nlp):
    taken = []

    def feed():
        for i in range(200):
            taken.append(i)
            yield Article(doc_id=f"n{i}", text=f"Il y a {i + 3} chats.", path="")

    stream = api.extract_articles(feed(), batch_size=8)
    first_article, _ = next(stream)
    assert first_article.doc_id == "n0"
    assert len(taken) <= 8 + api.INLINE_MAX + 1
    stream.close()


runner = CliRunner()


def test_bad_file_found_while_streaming_leaves_no_output(nlp, write_articles, tmp_path):
    texts = {f"a{i}": t for i, t in enumerate(SMALL)}
    folder = write_articles(texts)
    (folder / "z_blank.txt").write_text(" " * 5000 + "\n")  # blank beyond the first 4 KB checked up front
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", str(folder), "-o", str(out), "--no-cache"])
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.splitlines() if x.strip()]
    assert len(lines) == 1 and "z_blank.txt: empty file" in lines[0]
    assert not out.exists() and not list(tmp_path.glob(".claims.csv.*"))


def test_bad_file_is_found_before_any_output(nlp, write_articles):
    folder = write_articles({f"a{i}": t for i, t in enumerate(SMALL)})
    (folder / "z_image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 40)
    result = runner.invoke(app, ["extract", str(folder), "--no-cache"])  # to standard output
    assert result.exit_code == 2
    assert "claim_id" not in result.output and "z_image.txt: binary file" in result.output


def test_array_lemmatizer_across_memory_zones(nlp):
    for _ in range(2):  # the second time, the lemma comes from the cache, its string from the zone's store
        with nlp.memory_zone():
            doc = nlp("Les zorglubettes chantaient.")
            assert [t.lemma_ for t in doc] == ["le", "zorglubette", "chanter", "."]


def test_the_french_tokenizer_gets_exactly_the_pattern_python_compiles(nlp):
    """The model is loaded through claimcheck.regex_cache (conftest points it at a directory of the session)."""
    import re

    from claimcheck import regex_cache

    token_match = nlp.tokenizer.token_match.__self__
    assert len(token_match.pattern) >= regex_cache.MIN_LENGTH
    if regex_cache.default_directory() is not None:  # not turned off for this session
        assert regex_cache._compiled.get((token_match.pattern, 0)) is token_match  # served by the cache
    assert token_match == re.compile(token_match.pattern)  # ~3 s: the compile the cache saves
    words = [t.text for t in nlp("Aujourd'hui, peut-être, l'arrière-grand-mère est-elle à Saint-Étienne ?")]
    assert "Aujourd'hui" in words and "peut-être" in words and "arrière-grand-mère" in words


@pytest.mark.parametrize(
    "sentence, form, lemma",
    [
        ("Yanis Belkacem quitte l'OM pour Nice.", "quitte", "quitter"),
        ("La CGT estime que 300 000 personnes ont manifesté.", "estime", "estimer"),
        ("Il reste douze disparus.", "reste", "rester"),
        ("Le ministère indique 40 morts.", "indique", "indiquer"),
    ],
)
def test_a_first_group_verb_gets_its_infinitive(sentence, form, lemma):
    from claimcheck.pipeline import load_pipeline

    doc = load_pipeline()(sentence)
    (token,) = [t for t in doc if t.text == form]
    assert token.lemma_ == lemma

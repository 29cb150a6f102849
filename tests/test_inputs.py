"""Inputs other than .txt files: saved web pages (trafilatura), corpus files, standard input, and
the meta file's delimiters and notes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from saved_pages import QUAKE_A, QUAKE_B, news_page
from typer.testing import CliRunner

from claimcheck import api, reading
from claimcheck.cli import app
from claimcheck.errors import InputError

runner = CliRunner()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def run(*args: object, input: str | bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ------------------------------------------------------------------------------- web pages
def test_a_saved_page_gives_its_main_text_and_metadata(tmp_path):
    path = tmp_path / "seisme.html"
    path.write_text(news_page(*QUAKE_A), encoding="utf-8")
    article = reading.read_article(path)
    assert article.doc_id == "seisme"
    assert article.text.splitlines()[0] == QUAKE_A[0]  # the title is the first line
    assert QUAKE_A[1][0] in article.text and QUAKE_A[1][1] in article.text
    for furniture in ("Accueil", "cookies", "Tous droits réservés", "Ligue 1", "dataLayer", "<p>", "DOCTYPE"):
        assert furniture not in article.text, furniture
    assert (article.published, article.outlet, article.url, article.title) == (
        "2023-09-09", "Le Courrier du Sud", "https://www.courrier-sud.example/monde/seisme-bilan", QUAKE_A[0])


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"jsonld": False}, ("2023-09-09", "Le Courrier du Sud")),  # meta tags alone
        ({"published": None, "site": None, "url": None}, (None, None)),  # nothing said: nothing guessed
        ({"published": "2024-03-02T23:10:00Z"}, ("2024-03-02", "Le Courrier du Sud")),
    ],
)
def test_page_metadata_comes_from_meta_tags_and_json_ld_only(tmp_path, given, expected):
    path = tmp_path / "p.htm"
    path.write_text(news_page(*QUAKE_B, **given), encoding="utf-8")
    article = reading.read_article(path)
    assert (article.published, article.outlet) == expected  # "© 2023" in the footer is no publication date


def test_the_meta_file_wins_over_the_page(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(news_page(*QUAKE_A), encoding="utf-8")
    article = reading.read_article(path, {"p": {"doc_id": "p", "published": "2023-09-10", "outlet": "AFP", "url": ""}})
    assert (article.published, article.outlet) == ("2023-09-10", "AFP")
    assert article.url == "https://www.courrier-sud.example/monde/seisme-bilan"  # an empty cell says nothing


def test_a_page_in_cp1252_is_decoded(tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(news_page(*QUAKE_A, charset="windows-1252").encode("cp1252"))
    stream = api.stream_articles([path])
    (article,) = list(stream)
    assert "région de Tiznit" in article.text
    assert stream.notes == [f"{path}: not UTF-8, decoded as cp1252"]


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (news_page("Menu", []).replace("<p class=\"byline\">Par la rédaction</p>", ""), "no article text found in the page"),
        ("<!DOCTYPE html><html><head><title>404</title></head><body></body></html>", "no article text found"),
        ("Juste du texte sans balise, dans un fichier nommé .html.", "no HTML markup"),
        ("   \n", "empty file"),
    ],
)
def test_a_page_without_an_article_is_one_error_and_no_output(tmp_path, page, message):
    good = tmp_path / "good.html"
    good.write_text(news_page(*QUAKE_A), encoding="utf-8")
    bad = tmp_path / "bad.html"
    bad.write_text(page, encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = run("extract", good, bad, "-o", out)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and f"{bad}: {message}" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.html", "good.html"]  # no output, no temporary file


def test_a_folder_of_pages_is_compared_with_outlets_and_dates(nlp, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "courrier.html").write_text(news_page(*QUAKE_A), encoding="utf-8")
    (folder / "gazette.htm").write_text(
        news_page(*QUAKE_B, site="La Gazette", url="https://gazette.example/a/45-morts"), encoding="utf-8")
    (folder / "notes.md").write_text("pas un article", encoding="utf-8")
    out = tmp_path / "claims.csv"
    result = run("extract", folder, "-o", out)
    assert result.exit_code == 0, result.output
    rows = _rows(out.read_text(encoding="utf-8"))
    assert {r["doc_id"] for r in rows} == {"courrier", "gazette"}
    assert not any("DOCTYPE" in r["text"] or "<" in r["sentence"] for r in rows)
    texts = {a.doc_id: a.text for a in api.load_articles([folder])[0]}
    for r in rows:
        assert texts[r["doc_id"]][int(r["start"]):int(r["end"])] == r["text"]
    result = api.diff([folder])
    (found,) = [d for d in result.discrepancies if d.kind == "quantity"]
    assert {found.doc_a, found.doc_b} == {"courrier", "gazette"}
    assert {found.value_a.split()[0], found.value_b.split()[0]} == {"120", "45"}
    assert result.documents["gazette"].outlet == "La Gazette"
    assert result.documents["courrier"].published == "2023-09-09"
    assert result.documents["gazette"].url == "https://gazette.example/a/45-morts"


# --------------------------------------------------------------------------------- corpora
CORPUS = [
    {"id": "courrier", "date": "2023-09-09", "outlet": "Le Courrier", "url": "https://c.example/1",
     "text": QUAKE_A[0] + "\n\n" + "\n\n".join(QUAKE_A[1])},
    {"id": "gazette", "date": "2023-09-09T10:00:00+02:00", "outlet": "La Gazette", "url": "",
     "text": QUAKE_B[0] + "\n\n" + "\n\n".join(QUAKE_B[1])},
]


def _write_corpus(path: Path, records: list[dict[str, str]], *, delimiter: str = ",", text_key: str = "text") -> Path:
    records = [{(text_key if k == "text" else k): v for k, v in r.items()} for r in records]
    if path.suffix == ".csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(records[0]), delimiter=delimiter, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(records)
        path.write_text(buffer.getvalue(), encoding="utf-8")
    elif path.suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    else:
        path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "delimiter"), [("c.csv", ","), ("c.csv", ";"), ("c.csv", "\t"), ("c.jsonl", ","),
                                                 ("c.json", ",")])
def test_a_corpus_file_gives_one_article_per_row(tmp_path, name, delimiter):
    path = _write_corpus(tmp_path / name, CORPUS, delimiter=delimiter)
    articles, notes = api.load_articles([path])
    assert [a.doc_id for a in articles] == ["courrier", "gazette"] and notes == []
    assert [a.published for a in articles] == ["2023-09-09", "2023-09-09"]
    assert [a.outlet for a in articles] == ["Le Courrier", "La Gazette"]
    assert [a.url for a in articles] == ["https://c.example/1", None]
    assert articles[1].text == CORPUS[1]["text"]


def test_a_corpus_without_ids_numbers_its_rows_and_takes_another_text_column(tmp_path):
    records = [{"body": r["text"]} for r in CORPUS]
    path = _write_corpus(tmp_path / "lot.csv", records)
    with pytest.raises(InputError, match="lacks the text column 'text' .*columns: body; name it with --text-column"):
        api.load_articles([path])
    articles = list(api.stream_articles([path], text_column="body"))
    assert [a.doc_id for a in articles] == ["lot-1", "lot-2"]


@pytest.mark.parametrize(
    ("name", "records", "message"),
    [
        ("c.csv", [CORPUS[0], {**CORPUS[1], "text": "  "}], "row 3: empty text"),
        ("c.csv", [CORPUS[0], {**CORPUS[1], "id": "courrier"}], "row 3: id 'courrier' is also the id of row 2"),
        ("c.jsonl", [CORPUS[0], {**CORPUS[1], "date": "9 septembre"}], "line 2: date '9 septembre' is not YYYY-MM-DD"),
        ("c.json", [CORPUS[0], {**CORPUS[1], "text": 45}], "record 2: column text is not text"),
        ("c.jsonl", [{"titre": "x"}], "no record has the text column 'text'"),
    ],
)
def test_a_bad_corpus_row_is_one_error_naming_it(tmp_path, name, records, message):
    path = _write_corpus(tmp_path / name, records)
    out = tmp_path / "claims.csv"
    result = run("extract", path, "-o", out)
    assert result.exit_code == 2 and message in result.output and result.output.count("\n") == 1, result.output
    assert not out.exists()


def test_diff_tells_a_corpus_from_a_claim_table(nlp, tmp_path):
    corpus = _write_corpus(tmp_path / "corpus.csv", CORPUS)
    table = tmp_path / "claims.csv"
    assert run("extract", corpus, "-o", table).exit_code == 0
    result = run("extract", table)
    assert result.exit_code == 2 and "a claim table is not an article" in result.output
    from_corpus, from_table = tmp_path / "a.csv", tmp_path / "b.csv"
    assert run("diff", corpus, "--format", "csv", "-o", from_corpus).exit_code == 0
    assert run("diff", table, "--format", "csv", "-o", from_table).exit_code == 0
    rows = _rows(from_corpus.read_text(encoding="utf-8"))
    assert rows and rows == _rows(from_table.read_text(encoding="utf-8"))
    assert any({r["doc_a"], r["doc_b"]} == {"courrier", "gazette"} and r["kind"] == "quantity" for r in rows)


# ---------------------------------------------------------------------------- standard input
@pytest.mark.parametrize("kind", ["text", "page"])
def test_standard_input_is_one_article(nlp, kind):
    title, paragraphs = QUAKE_A
    given = news_page(title, paragraphs) if kind == "page" else title + "\n\n" + "\n\n".join(paragraphs)
    result = run("extract", "-", input=given.encode("utf-8"))
    assert result.exit_code == 0, result.output
    rows = _rows(result.stdout)
    assert rows and {r["doc_id"] for r in rows} == {"stdin"}
    assert any(r["kind"] == "quantity" and r["value"] == "120" for r in rows)
    assert not any("<" in r["sentence"] for r in rows)


def test_empty_standard_input_is_one_error():
    result = run("extract", "-", input=b"")
    assert result.exit_code == 2 and "claimcheck: error: -: empty file" in result.output


# ------------------------------------------------------------------------------------- meta
@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_meta_files_are_read_with_either_delimiter(tmp_path, delimiter):
    path = tmp_path / "meta.csv"
    rows = [["doc_id", "published", "outlet", "url"], ["a", "2024-06-19", "Le Monde, édition du soir", ""],
            ["b", "2024-05", "", "https://b.example/x;y"]]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    meta = reading.read_meta(path)
    assert meta["a"]["published"] == "2024-06-19" and meta["a"]["outlet"] == "Le Monde, édition du soir"
    assert meta["b"]["url"] == "https://b.example/x;y"


def test_a_note_names_undated_documents_and_meta_rows_that_match_nothing(nlp, write_articles, tmp_path):
    folder = write_articles({"a": "Le séisme a fait 45 morts.\n", "b": "Le séisme a fait 120 morts.\n"})
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id;published\na;2023-09-09\nbb;2023-09-09\ncc;\n", encoding="utf-8")
    result = run("extract", folder, "--meta", meta, "-o", tmp_path / "c.csv")
    assert result.exit_code == 0, result.output
    assert "claimcheck: note: no publication date for 1 document (b): their relative dates stay as the text says" in result.output
    assert "claimcheck: note: 2 rows of the meta file match no document read (bb, cc)" in result.output
    quiet = run("diff", folder, "--meta", meta, "--quiet", "--format", "csv", "-o", tmp_path / "d.csv")
    assert quiet.exit_code == 0 and quiet.output == ""


# ---------------------------------------------------------------------------------- web addresses
@pytest.fixture()
def site(tmp_path):
    """A local web server on 127.0.0.1 serving saved pages (and nothing else)."""
    import functools
    import http.server
    import threading

    root = tmp_path / "site"
    (root / "monde").mkdir(parents=True)
    (root / "monde" / "seisme-bilan.html").write_text(news_page(*QUAKE_A), encoding="utf-8")
    (root / "depeche.html").write_text(news_page(*QUAKE_B, site="La Gazette", url=None), encoding="utf-8")
    (root / "vide.html").write_text("<html><body><nav>Accueil</nav></body></html>", encoding="utf-8")
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # type: ignore[no-untyped-def]
            pass  # no request lines on the test's stderr

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_web_address_is_fetched_and_read_as_a_page(site):
    articles, _ = api.load_articles([f"{site}/monde/seisme-bilan.html", f"{site}/depeche.html"])
    first, second = articles
    assert (first.doc_id, first.outlet, first.published) == ("seisme-bilan", "Le Courrier du Sud", "2023-09-09")
    assert first.url == "https://www.courrier-sud.example/monde/seisme-bilan"  # the page's canonical URL
    assert second.url == f"{site}/depeche.html"  # no canonical URL: the one fetched
    assert QUAKE_B[1][0] in second.text and "Accueil" not in second.text


def test_diff_of_web_addresses_end_to_end(nlp, site, tmp_path):
    out = tmp_path / "d.csv"
    result = run("diff", f"{site}/monde/seisme-bilan.html", f"{site}/depeche.html", "-o", out, "--quiet")
    assert result.exit_code == 0, result.output
    rows = _rows(out.read_text(encoding="utf-8"))
    assert any({r["doc_a"], r["doc_b"]} == {"seisme-bilan", "depeche"} and r["kind"] == "quantity" for r in rows)


@pytest.mark.parametrize(
    ("path", "message"),
    [("/absent.html", "cannot fetch (HTTP 404 File not found)"), ("/vide.html", "no article text found in the page (no paragraph of 10 words or more)")],
)
def test_a_bad_web_address_is_one_error_and_no_output(site, tmp_path, path, message):
    out = tmp_path / "c.csv"
    result = run("extract", f"{site}/monde/seisme-bilan.html", site + path, "-o", out)
    assert result.exit_code == 2 and result.output == f"claimcheck: error: {site}{path}: {message}\n"
    assert not out.exists()


def test_an_address_no_one_answers_is_a_clear_error(tmp_path):
    import socket

    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens there now
    result = run("extract", f"http://127.0.0.1:{port}/a.html")
    assert result.exit_code == 2 and "cannot fetch (Connection refused)" in result.output


def test_a_server_that_never_answers_times_out(monkeypatch):
    import socket

    monkeypatch.setattr(reading, "FETCH_TIMEOUT", 0.5)
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)  # accepts the connection, never answers
    try:
        with pytest.raises(InputError, match=r"cannot fetch \(no answer within 0.5 s\)"):
            reading.read_url(f"http://127.0.0.1:{silent.getsockname()[1]}/a.html")
    finally:
        silent.close()

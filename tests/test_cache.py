"""The claim cache: hits give back the same claims, every input of the claims is in the key, runs
can share it, and a broken cache never breaks a run."""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
import zlib
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck import api
from claimcheck.cache import FILENAME, KEYFILE, LAYOUT, ClaimCache, _encode, _seal, article_key, open_cache
from claimcheck.cli import app
from claimcheck.records import Article, Claim

TEXT = "Selon la préfecture, 12 500 personnes ont manifesté à Grenoble le 7 mars.\n"


def _article(text: str = TEXT, published: str | None = "2023-03-08", doc_id: str = "a") -> Article:
    return Article(doc_id=doc_id, text=text, path=f"{doc_id}.txt", published=published)


def _claims(doc_id: str = "a") -> list[Claim]:
    return [
        Claim(claim_id=f"{doc_id}:0001", doc_id=doc_id, kind="quantity", text="12 500", start=21, end=27,
              value="12500", unit="personne", qualifier="eq", low=12500.0, high=None, sentence="Selon …",
              paragraph=3, sent_start=0, sent_end=70),
        Claim(claim_id=f"{doc_id}:0002", doc_id=doc_id, kind="date", text="7 mars", start=66, end=72,
              value="2023-03-07", low=None, high=1.5, entities="Grenoble; préfecture"),
    ]


def test_hit_returns_identical_claims(tmp_path):
    with ClaimCache(tmp_path) as cache:
        assert cache.get(_article()) is None
        cache.put(_article(), _claims())
        assert cache.get(_article()) == _claims()
        assert cache.get(_article()) is not None and cache.hits == 2 and cache.misses == 1


def test_empty_claim_list_is_a_hit(tmp_path):
    with ClaimCache(tmp_path) as cache:
        cache.put(_article(), [])
        assert cache.get(_article()) == []


@pytest.mark.parametrize(
    "changed",
    [
        _article(text=TEXT.replace("12 500", "12 600")),
        _article(published="2023-03-09"),
        _article(published=None),
        _article(doc_id="b"),
    ],
    ids=["text", "published", "no-published", "doc_id"],
)
def test_any_change_of_input_misses(tmp_path, changed):
    with ClaimCache(tmp_path) as cache:
        cache.put(_article(), _claims())
        assert article_key(changed) != article_key(_article())
        assert cache.get(changed) is None


def test_outlet_and_path_are_not_in_the_key(tmp_path):
    with ClaimCache(tmp_path) as cache:
        cache.put(_article(), _claims())
        assert cache.get(replace(_article(), path="ailleurs/a.txt", outlet="Le Fil")) == _claims()


def test_two_caches_on_one_directory(tmp_path):
    first, second = ClaimCache(tmp_path), ClaimCache(tmp_path)
    first.put(_article(), _claims())
    assert second.get(_article()) == _claims()
    second.put_many([(_article(doc_id="b"), _claims("b")), (_article(doc_id="c"), [])])
    assert first.get(_article(doc_id="b")) == _claims("b")
    assert first.get(_article(doc_id="c")) == []
    first.close()
    second.close()


def test_writer_blocked_by_another_run_gives_up_without_error(tmp_path):
    holder = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    with ClaimCache(tmp_path, timeout=0.1) as cache:
        holder.execute("BEGIN IMMEDIATE")  # another run in the middle of a write
        cache.put(_article(), _claims())  # waits 0.1 s, then skips
        assert cache.disabled and "locked" in cache.disabled
        assert cache.get(_article()) is None
        holder.execute("ROLLBACK")
    holder.close()


def test_a_damaged_cache_file_is_moved_aside_and_the_cache_rebuilt(tmp_path):
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    cache, problem = open_cache(tmp_path)
    assert problem is None and cache is not None and cache.rebuilt and "moved aside" in cache.rebuilt
    (aside,) = tmp_path.glob(f"{FILENAME}.damaged-*")
    assert aside.read_bytes().startswith(b"this is not a database")
    cache.put(_article(), _claims())
    assert cache.get(_article()) == _claims()
    cache.close()
    again, _ = open_cache(tmp_path)
    assert again is not None and again.rebuilt is None and again.get(_article()) == _claims()
    again.close()


def test_a_well_formed_row_that_is_not_the_articles_claims_is_not_served(tmp_path):
    cache = ClaimCache(tmp_path)
    other = _article(text="Un tout autre texte, où rien n'est à la même place que dans l'article.\n")
    cache.put(other, _claims())  # planted: claims whose offsets do not name this text
    assert cache.get(other) is None
    cache.put(_article(), [replace(_claims()[0], low=float("inf"))])
    assert cache.get(_article()) is None
    cache.close()


def _raw(cache: ClaimCache, key: str) -> bytes:
    return cache.db.execute(f"SELECT claims FROM claims_v{LAYOUT} WHERE key = ?", (key,)).fetchone()[0]


def _store(cache: ClaimCache, key: str, blob: bytes) -> None:
    cache.db.execute(f"INSERT OR REPLACE INTO claims_v{LAYOUT} (key, claims) VALUES (?, ?)", (key, blob))


def test_an_entry_whose_seal_does_not_match_is_not_served(tmp_path):
    """Rows edited in the database (well formed, anchored in the article: only the seal tells),
    rows copied from another entry, or sealed under another cache's secret are parsed again."""
    cache = ClaimCache(tmp_path)
    art, other = _article(), _article(doc_id="b")
    cache.put(art, _claims())
    cache.put(other, _claims("b"))
    edited = [replace(_claims()[0], value="99999")]  # the same anchor, a poisoned value
    _store(cache, article_key(art), zlib.compress(b"\x00" * 32 + _encode(edited)))
    assert cache.get(art) is None
    _store(cache, article_key(art), _raw(cache, article_key(other)))  # another entry's sealed rows
    assert cache.get(art) is None
    _store(cache, article_key(art), _seal(os.urandom(32), article_key(art), _encode(edited)))
    assert cache.get(art) is None
    cache.put(art, _claims())
    assert cache.get(art) == _claims()  # replaced by a fresh parse's rows
    cache.close()


def test_the_cache_secret_is_readable_by_its_owner_only_and_kept(tmp_path):
    with ClaimCache(tmp_path) as cache:
        cache.put(_article(), _claims())
    key = tmp_path / KEYFILE
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    with ClaimCache(tmp_path) as again:
        assert again.get(_article()) == _claims()  # the same secret on the next run


def test_a_damaged_key_file_turns_the_cache_off(tmp_path):
    (tmp_path / KEYFILE).write_bytes(b"x")
    cache, why = open_cache(tmp_path)
    assert cache is None and "key file" in why


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root ignores file permissions")
def test_unwritable_cache_directory_is_reported_not_raised(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        cache, problem = open_cache(locked / "sub")
        assert cache is None and problem
    finally:
        locked.chmod(stat.S_IRWXU)


def test_cache_directory_that_is_a_file_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache, problem = open_cache(blocker)
    assert cache is None and problem


# ---------------------------------------------------------------------------- with the pipeline
def test_extract_articles_reads_and_fills_the_cache(nlp, tmp_path):
    articles = [_article(), _article(TEXT.replace("Grenoble", "Lyon"), doc_id="b")]
    with ClaimCache(tmp_path) as cache:
        fresh = list(api.extract_articles(articles, cache=cache))
        assert cache.misses == 2 and cache.hits == 0
        again = list(api.extract_articles(articles, cache=cache))
        assert cache.hits == 2
    assert again == fresh
    assert any(c.kind == "quantity" and c.value == "12500" for c in fresh[0][1])


runner = CliRunner()


def _diff(folder: Path, out: Path, cache_dir: Path, *extra: str):
    args = ["diff", str(folder), "--meta", str(folder / "meta.csv"), "--format", "csv", "-o", str(out),
            "--cache-dir", str(cache_dir), *extra]
    return runner.invoke(app, args)


@pytest.fixture()
def small_story(write_articles):
    return write_articles(
        {
            "a": "Séisme : le bilan s'alourdit\n\nSelon la protection civile, 120 personnes sont mortes à Tiznit.\n",
            "b": "Le séisme a fait 45 morts dans la région de Tiznit, selon la protection civile.\n",
        },
        meta={"a": "2023-09-09", "b": "2023-09-09"},
    )


def test_second_diff_reads_the_cache_and_reports_the_same(nlp, small_story, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    first = _diff(small_story, tmp_path / "1.csv", cache_dir)
    assert first.exit_code == 0, first.output

    def no_parsing(*args, **kwargs):
        raise AssertionError("a cached article was parsed again")

    monkeypatch.setattr("claimcheck.pipeline.extract_docs", no_parsing)
    second = _diff(small_story, tmp_path / "2.csv", cache_dir)
    assert second.exit_code == 0, second.output
    assert (tmp_path / "1.csv").read_text() == (tmp_path / "2.csv").read_text()
    # --no-cache parses again (and so fails here), and leaves no report behind.
    bypass = _diff(small_story, tmp_path / "3.csv", cache_dir, "--no-cache")
    assert bypass.exit_code != 0 and not (tmp_path / "3.csv").exists()


def test_no_cache_neither_reads_nor_writes(nlp, small_story, tmp_path):
    cache_dir = tmp_path / "cache"
    result = _diff(small_story, tmp_path / "1.csv", cache_dir, "--no-cache")
    assert result.exit_code == 0, result.output
    assert not cache_dir.exists()


def test_corrupt_cache_does_not_break_a_run(nlp, small_story, tmp_path):
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    (cache_dir / FILENAME).write_bytes(b"garbage" * 1000)
    result = _diff(small_story, tmp_path / "1.csv", cache_dir)
    assert result.exit_code == 0, result.output
    assert "claim cache" in result.output and "moved aside" in result.output
    assert (tmp_path / "1.csv").read_text().startswith("kind,")


def test_cache_dir_that_is_a_file_does_not_break_extract(nlp, small_story, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    out = tmp_path / "claims.csv"
    result = runner.invoke(app, ["extract", str(small_story), "-o", str(out), "--cache-dir", str(blocker)])
    assert result.exit_code == 0, result.output
    assert "claim cache disabled" in result.output
    assert out.read_text().startswith("claim_id,")


def test_a_second_diff_of_unchanged_articles_reads_the_report_back(nlp, tmp_path, monkeypatch):
    """The comparison itself is cached: nothing is parsed or compared again."""
    from claimcheck import api
    from claimcheck.cache import ClaimCache

    folder = tmp_path / "arts"
    folder.mkdir()
    (folder / "a.txt").write_text("Le séisme a fait 120 morts à Tiznit, selon la protection civile.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Selon la protection civile, le séisme a fait 45 morts à Tiznit.\n", encoding="utf-8")
    cache = ClaimCache(tmp_path / "cache")
    first = api.diff([folder], cache=cache)
    assert first.discrepancies

    def boom(*args, **kwargs):
        raise AssertionError("compared again")

    monkeypatch.setattr(api, "compare_claims", boom)
    second = api.diff([folder], cache=cache)
    assert second.discrepancies == first.discrepancies
    (folder / "b.txt").write_text("Selon la protection civile, le séisme a fait 46 morts à Tiznit.\n", encoding="utf-8")
    monkeypatch.undo()
    third = api.diff([folder], cache=cache)
    assert third.discrepancies != first.discrepancies


def test_report_key_follows_the_comparison_code(monkeypatch):
    from claimcheck import cache as cache_mod

    before = cache_mod.report_key(["article:x"], False)
    assert before != cache_mod.report_key(["article:x"], True)
    monkeypatch.setattr(cache_mod, "comparison_version", lambda: "another version of compare.py")
    assert cache_mod.report_key(["article:x"], False) != before

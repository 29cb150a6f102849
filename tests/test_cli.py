"""End-to-end tests of the command line: the seeds, small articles written here, and bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.records import CLAIM_COLUMNS, DISCREPANCY_COLUMNS

runner = CliRunner()


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ------------------------------------------------------------------------------------ seeds
def test_extract_seeds_csv_offsets_match_every_article(nlp, seeds_dir, tmp_path):
    out = tmp_path / "claims.csv"
    result = run("extract", seeds_dir, "--meta", seeds_dir / "meta.csv", "-o", out)
    assert result.exit_code == 0, result.output
    rows = _rows(out.read_text(encoding="utf-8"))
    assert list(rows[0].keys()) == list(CLAIM_COLUMNS)
    texts = {p.stem: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    assert {r["doc_id"] for r in rows} == set(texts)
    for r in rows:
        assert texts[r["doc_id"]][int(r["start"]):int(r["end"])] == r["text"], r
    kinds = {r["kind"] for r in rows}
    assert kinds == {"quantity", "date", "entity"}
    assert len({r["claim_id"] for r in rows}) == len(rows)


def test_extract_seeds_finds_the_container_figures(nlp, seeds_dir, tmp_path):
    out = tmp_path / "claims.jsonl"
    result = run("extract", seeds_dir, "--meta", seeds_dir / "meta.csv", "--format", "jsonl", "-o", out)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    quantities = [r for r in rows if r["kind"] == "quantity" and r["unit"] == "conteneur"]
    values = {(r["doc_id"][:3], r["value"], r["qualifier"]) for r in quantities}
    assert ("000", "11000", "approx") in values
    assert ("000", "9000", "gt") in values or ("000", "9000", "ge") in values
    assert ("004", "1000", "eq") in values


def test_diff_seeds_reports_the_three_known_discrepancies(nlp, seeds_dir, tmp_path):
    out = tmp_path / "d.csv"
    result = run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    rows = _rows(out.read_text(encoding="utf-8"))
    assert list(rows[0].keys()) == list(DISCREPANCY_COLUMNS)
    kinds = {r["kind"] for r in rows}
    assert "date" in kinds and "quantity" in kinds
    assert any("11 000 conteneurs" in r["text_a"] + r["text_b"] and "1 000 conteneurs de matériel" in r["text_a"] + r["text_b"] for r in rows)
    assert any("9 000 conteneurs" in r["text_a"] + r["text_b"] for r in rows)
    assert any("En mars" in r["text_a"] + r["text_b"] and "mai dernier" in r["text_a"] + r["text_b"] for r in rows)
    for r in rows:
        assert 0.0 <= float(r["severity"]) <= 1.0
        assert r["explanation"]


def test_diff_table_is_the_default_and_readable(nlp, seeds_dir):
    result = run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv")
    assert result.exit_code == 0, result.output
    assert "discrepanc" in result.output
    assert "conteneur" in result.output


def test_diff_html_and_jsonl(nlp, seeds_dir, tmp_path):
    html = tmp_path / "r.html"
    assert run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--format", "html", "-o", html).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "conteneur" in page
    jl = tmp_path / "r.jsonl"
    assert run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--format", "jsonl", "-o", jl).exit_code == 0
    rows = [json.loads(x) for x in jl.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["evidence"] for r in rows)


def test_diff_accepts_claim_tables(nlp, seeds_dir, tmp_path):
    table = tmp_path / "claims.csv"
    assert run("extract", seeds_dir, "--meta", seeds_dir / "meta.csv", "-o", table).exit_code == 0
    from_articles = tmp_path / "a.csv"
    from_table = tmp_path / "b.csv"
    assert run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--format", "csv", "-o", from_articles).exit_code == 0
    assert run("diff", table, "--meta", seeds_dir / "meta.csv", "--format", "csv", "-o", from_table).exit_code == 0
    assert _rows(from_articles.read_text()) == _rows(from_table.read_text())


# ------------------------------------------------------------------------- small articles
def test_small_articles_quantity_conflict_and_agreement(nlp, write_articles, tmp_path):
    folder = write_articles(
        {
            "a": "Séisme : le bilan s'alourdit\n\nSelon la protection civile, 120 personnes sont mortes dans la région de Tiznit.\n",
            "b": "Le séisme a fait 45 morts dans la région de Tiznit, selon la protection civile.\n",
            "c": "Selon la protection civile, environ 120 personnes sont mortes dans la région de Tiznit.\n",
        },
        meta={"a": "2023-09-09", "b": "2023-09-09", "c": "2023-09-09"},
    )
    out = tmp_path / "d.csv"
    result = run("diff", folder, "--meta", folder / "meta.csv", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    rows = _rows(out.read_text(encoding="utf-8"))
    pairs = {tuple(sorted((r["doc_a"], r["doc_b"]))) for r in rows if r["kind"] == "quantity"}
    assert ("a", "b") in pairs and ("b", "c") in pairs
    assert ("a", "c") not in pairs  # 120 and "environ 120" agree


def test_extract_small_article_to_stdout(nlp, write_articles):
    folder = write_articles({"x": "La ville compte 12 500 habitants depuis 2019.\n"})
    result = run("extract", folder / "x.txt", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    q = [r for r in rows if r["kind"] == "quantity"]
    assert q and q[0]["value"] == "12500" and q[0]["unit"] == "habitant"


# ------------------------------------------------------------------------------ bad input
def _assert_clean_failure(result, needle: str, out: Path | None = None) -> None:
    assert result.exit_code == 2, result.output
    lines = [x for x in result.output.strip().splitlines() if x.strip()]
    assert len(lines) == 1, result.output
    assert needle in lines[0]
    assert "Traceback" not in result.output
    if out is not None:
        assert not out.exists()
        assert not list(out.parent.glob(f".{out.name}.*"))


@pytest.mark.parametrize("command", ["extract", "diff"])
def test_missing_path(command, tmp_path):
    out = tmp_path / "o.csv"
    _assert_clean_failure(run(command, tmp_path / "nope.txt", "-o", out), "nope.txt", out)


@pytest.mark.parametrize("command", ["extract", "diff"])
def test_directory_without_article(command, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "README.md").write_text("# not an article\n")
    (empty / "meta.csv").write_text("doc_id,published\n")
    out = tmp_path / "o.csv"
    _assert_clean_failure(run(command, empty, "-o", out), "no article", out)


@pytest.mark.parametrize("command", ["extract", "diff"])
def test_empty_file(command, tmp_path):
    f = tmp_path / "vide.txt"
    f.write_text("  \n\n")
    out = tmp_path / "o.csv"
    _assert_clean_failure(run(command, f, "-o", out), "vide.txt: empty file", out)


@pytest.mark.parametrize("command", ["extract", "diff"])
def test_binary_file(command, tmp_path):
    f = tmp_path / "image.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    out = tmp_path / "o.csv"
    _assert_clean_failure(run(command, f, "-o", out), "image.txt: binary file", out)


@pytest.mark.parametrize(
    "content, needle",
    [
        ("id,date\na,2024-01-01\n", "lacks column"),
        ("doc_id,published\na,19/06/2024\n", "not YYYY-MM-DD"),
        ("doc_id,published\na,2024-13-01\n", "not YYYY-MM-DD"),
        ("doc_id,published\n,2024-01-01\n", "empty doc_id"),
    ],
)
def test_malformed_meta(content, needle, tmp_path, write_articles):
    folder = write_articles({"a": "Il y a 3 chats.\n"})
    meta = tmp_path / "bad_meta.csv"
    meta.write_text(content)
    out = tmp_path / "o.csv"
    _assert_clean_failure(run("diff", folder, "--meta", meta, "-o", out), "bad_meta.csv", out)
    _assert_clean_failure(run("extract", folder, "--meta", meta, "-o", out), needle, out)


def test_claim_table_with_missing_columns(tmp_path):
    table = tmp_path / "claims.csv"
    table.write_text("claim_id,doc_id,kind\n1,a,quantity\n")
    out = tmp_path / "o.csv"
    _assert_clean_failure(run("diff", table, "-o", out), "claims.csv: claim table lacks column(s)", out)


def test_missing_meta_file(tmp_path, write_articles):
    folder = write_articles({"a": "Il y a 3 chats.\n"})
    _assert_clean_failure(run("extract", folder, "--meta", tmp_path / "absent.csv"), "absent.csv")


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encoding_is_decoded_and_announced(encoding, nlp, tmp_path):
    f = tmp_path / "ancien.txt"
    text = "Le préfet a compté 2 500 manifestants à Besançon, où l'été fut chaud.\n"
    f.write_bytes(text.encode(encoding))
    out = tmp_path / "c.jsonl"
    result = runner.invoke(app, ["extract", str(f), "--format", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "ancien.txt" in result.output and "decoded as" in result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert any(r["text"] == "Besançon" for r in rows)
    q = [r for r in rows if r["kind"] == "quantity"]
    assert q and q[0]["value"] == "2500"


def test_unknown_format_is_a_usage_error(tmp_path, write_articles):
    folder = write_articles({"a": "Il y a 3 chats.\n"})
    result = run("diff", folder, "--format", "pdf")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_every_command_has_help():
    for command in ([], ["extract"], ["diff"]):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "Usage" in result.output


def test_help_does_not_import_spacy():
    code = "import sys; import claimcheck.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# ------------------------------------------------------------- hostile outputs and inputs (issue 17)
ARTICLE = "Séisme : 120 morts\n\nLe séisme a fait 120 morts vendredi, selon le ministère de l'Intérieur.\n"


def _one_error_line(result, *words: str) -> None:
    assert result.exit_code == 2, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("claimcheck: error: "), result.output
    for w in words:
        assert w in lines[0], lines[0]


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_output_onto_a_directory_is_one_error_line(nlp, article, tmp_path):
    _one_error_line(run("extract", article, "-o", tmp_path), "is a directory")
    _one_error_line(run("diff", article, "--format", "csv", "-o", tmp_path), "is a directory")


def test_output_onto_a_symlink_is_refused_and_the_link_kept(nlp, article, tmp_path):
    target = tmp_path / "kept.csv"
    target.write_text("précieux\n", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    _one_error_line(run("extract", article, "-o", link), "symbolic link")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "précieux\n"


def test_output_onto_a_device_is_refused(nlp, article):
    _one_error_line(run("extract", article, "-o", "/dev/null"), "not a regular file")


def test_dash_output_is_standard_output(nlp, article, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("extract", article, "-o", "-", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("claim_id,") and not (tmp_path / "-").exists()


def test_an_existing_output_keeps_its_mode(nlp, article, tmp_path):
    out = tmp_path / "claims.csv"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert run("extract", article, "-o", out, "--quiet").exit_code == 0
    assert out.stat().st_mode & 0o777 == 0o640 and out.read_text(encoding="utf-8").startswith("claim_id,")


def test_a_fifo_is_refused_not_waited_on(nlp, tmp_path):
    import os

    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    _one_error_line(run("extract", fifo), "not a regular file")


def test_an_empty_cache_dir_variable_is_an_error(nlp, article, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "")
    _one_error_line(run("extract", article, "--quiet"), "CLAIMCHECK_CACHE_DIR")


def test_a_cache_dir_with_a_tilde_is_expanded(nlp, article, tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", "~/cc")
    assert run("extract", article, "--quiet").exit_code == 0
    assert (tmp_path / "cc").is_dir() and not (Path.cwd() / "~").exists()


def test_error_lines_show_control_characters_instead_of_obeying_them(nlp, article, tmp_path):
    result = run("extract", article, "-o", tmp_path / "no\x1b[2Jdir" / "o.csv")
    _one_error_line(result, "output directory does not exist")
    assert "\x1b" not in result.output and "\ufffd[2J" in result.output


def test_an_article_over_the_length_limit_is_one_error_line_and_no_output(nlp, tmp_path):
    from claimcheck.reading import MAX_ARTICLE_CHARS

    big = tmp_path / "big.txt"
    sentence = "Le séisme a fait 120 morts selon le ministère. "
    big.write_text("Titre\n\n" + sentence * (MAX_ARTICLE_CHARS // len(sentence) + 10) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    _one_error_line(run("extract", big, "-o", out, "--quiet", "--no-cache"), "more than an article may have")
    assert not out.exists() and not list(tmp_path.glob(".out.csv.*"))


def test_a_typo_in_a_figure_does_not_stop_the_run(nlp, tmp_path):
    path = tmp_path / "typo.txt"
    path.write_text("Titre\n\nLe prix est de 1.234.5 euros, et 192.168.1.2 est l'adresse du serveur.\n", encoding="utf-8")
    assert run("extract", path, "--quiet", "--no-cache").exit_code == 0


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")
@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP"])
def test_a_terminated_run_leaves_no_temporary_file_and_no_worker(nlp, tmp_path, sig):
    import os
    import signal
    import time

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(150):
        (folder / f"a{i:03d}.txt").write_text(f"Titre {i}\n\n" + ARTICLE.split("\n\n", 1)[1] * 20, encoding="utf-8")
    out = tmp_path / "out.csv"
    env = dict(os.environ, CLAIMCHECK_CACHE_DIR=str(tmp_path / "cache"))
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "extract", str(folder), "-o", str(out), "--quiet",
                             "--no-cache", "--workers", "2"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".out.csv.*.tmp")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = []
        while len(workers) < 2 and proc.poll() is None and time.monotonic() < deadline:
            workers = _children(proc.pid)
            time.sleep(0.1)
        if proc.poll() is not None:
            pytest.skip("the run ended before it could be interrupted")
        proc.send_signal(getattr(signal, sig))
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 128 + getattr(signal, sig)  # the shell's status for a run ended by that signal
    assert not out.exists() and not list(tmp_path.glob(".out.csv.*"))
    time.sleep(1)
    assert [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().split(")")[1][:3]] == []


def test_a_sentence_lost_to_an_unexpected_error_is_one_warning_line_and_the_run_goes_on(nlp, tmp_path, failing_sentence):
    path = tmp_path / "a.txt"
    path.write_text("Titre\n\nLe séisme a fait 120 morts mardi.\n\nBOOM : 30 maisons détruites.\n", encoding="utf-8")
    out = tmp_path / "c.csv"
    result = run("extract", path, "-o", out, "--quiet", "--no-cache")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("claimcheck: warning:")]
    assert len(warnings) == 1 and "a.txt: line 5" in warnings[0] and "sentence skipped" in warnings[0]
    assert "120" in out.read_text(encoding="utf-8")


def test_a_full_disk_while_writing_is_one_error_line_and_no_temporary_file(nlp, article, tmp_path, monkeypatch):
    import errno

    from claimcheck import report

    def full(items, fmt, handle, **context):  # type: ignore[no-untyped-def]
        handle.write("kind,topic\n")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(report, "render_discrepancies", full)
    out = tmp_path / "d.csv"
    _one_error_line(run("diff", article, "--format", "csv", "-o", out, "--quiet"), "cannot write", "No space left")
    assert not out.exists() and not list(tmp_path.glob(".d.csv.*"))


# ------------------------------------------------------------------------- diff --explain (issue 13)
def test_explain_says_why_two_claims_were_linked(nlp, seeds_dir):
    result = run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--quiet",
                 "--explain", "000_7196ffcea5eb9519:0071", "004_110a115a5bf18778:0003")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("A 000_7196ffcea5eb9519:0071") and "environ 11 000" in lines[0]
    assert any(line.startswith("score ") and "same origin or destination" in line for line in lines)
    assert "linked: same fact, values disagree (reported)" in lines[-1]


def test_explain_names_the_veto_of_claims_that_count_different_things(nlp, seeds_dir):
    result = run("diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--quiet",
                 "--explain", "000_7196ffcea5eb9519:0071", "001_deaf7d7c7531e0ec:0049")
    assert result.exit_code == 0, result.output
    assert "not compared: they count different things" in result.output


def test_explain_with_an_unknown_claim_id_is_one_error_line(nlp, seeds_dir):
    result = run("diff", seeds_dir, "--quiet", "--explain", "000_7196ffcea5eb9519:0071", "nope:9999")
    _one_error_line(result, "no claim with id 'nope:9999'")

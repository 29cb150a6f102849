"""Claim tables read back: every column typed, absent columns defaulted, bad cells named."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from claimcheck import reading, report
from claimcheck.errors import InputError
from claimcheck.records import CLAIM_COLUMNS, REQUIRED_CLAIM_COLUMNS, Claim

CLAIMS = [
    Claim("d:0001", "d", "quantity", "11 000", 10, 16, "11000", unit="conteneur", qualifier="approx", low=9900.0,
          high=12100.0, sentence="Environ 11 000 conteneurs, « au moins ».", modality="reported", paragraph=3,
          sent_start=0, sent_end=40),
    Claim("d:0002", "d", "date", "mars", 50, 54, "2023-03", sentence="En mars.", section="title"),
]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_a_written_claim_table_reads_back_the_same_claims(tmp_path, fmt):
    path = tmp_path / f"claims.{fmt}"
    with open(path, "w", encoding="utf-8", newline="") as out:
        report.render_claims(CLAIMS, fmt, out)
    assert reading.read_claim_table(path) == CLAIMS


def test_absent_optional_columns_take_their_defaults(tmp_path):
    path = tmp_path / "claims.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REQUIRED_CLAIM_COLUMNS)
    writer.writerow([getattr(CLAIMS[1], c) for c in REQUIRED_CLAIM_COLUMNS])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    (claim,) = reading.read_claim_table(path)
    assert claim.modality == "asserted" and claim.section == "body" and claim.low is None and claim.paragraph == 0


def test_a_short_row_reads_its_missing_cells_as_empty(tmp_path):
    path = tmp_path / "claims.csv"
    path.write_text(",".join(CLAIM_COLUMNS) + "\nd:0001,d,entity,Paris,0,5,Paris\n", encoding="utf-8")
    (claim,) = reading.read_claim_table(path)
    assert (claim.kind, claim.end, claim.unit, claim.low, claim.sent_end) == ("entity", 5, "", None, 0)


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [("start", "dix", "column start is not an integer: 'dix'"), ("low", "beaucoup", "column low is not a number")],
)
def test_a_bad_cell_is_named_with_its_row(tmp_path, column, cell, message):
    path = tmp_path / "claims.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        report.render_claims(CLAIMS, "csv", out)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[2][rows[0].index(column)] = cell
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    with pytest.raises(InputError) as error:
        reading.read_claim_table(path)
    assert "row 3" in str(error.value) and message in str(error.value)


def test_a_jsonl_table_with_nulls_reads_them_as_empty(tmp_path):
    path = tmp_path / "claims.jsonl"
    record = {c: getattr(CLAIMS[1], c) for c in CLAIM_COLUMNS} | {"unit": None, "low": None}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    (claim,) = reading.read_claim_table(path)
    assert claim.unit == "" and claim.low is None and claim.start == 50


def test_blank_lines_and_extra_cells_are_not_claims(tmp_path):
    path = tmp_path / "claims.csv"
    header = ",".join(REQUIRED_CLAIM_COLUMNS)
    path.write_text(f"{header}\na:1,a,entity,Paris,0,5,Paris,LOC,,S\n\nb:1,b,entity,Lyon,0,4,Lyon,LOC,,S,extra,7\n",
                    encoding="utf-8")
    claims = reading.read_claim_table(path)
    assert [c.claim_id for c in claims] == ["a:1", "b:1"]
    assert claims[1].paragraph == 0 and claims[1].low is None  # the extra cells fill no absent column


def test_jsonl_records_each_keep_their_own_keys_and_defaults(tmp_path):
    path = tmp_path / "claims.jsonl"
    base = {c: getattr(CLAIMS[1], c) for c in REQUIRED_CLAIM_COLUMNS}
    first = base | {"modality": "reported", "section": "title"}
    second = base | {"claim_id": "d:0003", "place": "Rennes", "paragraph": 3}
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (first, second)) + "\n", encoding="utf-8")
    a, b = reading.read_claim_table(path)
    assert (a.modality, a.section) == ("reported", "title")
    assert (b.modality, b.section, b.place, b.paragraph) == ("asserted", "body", "Rennes", 3)


def test_a_jsonl_record_without_a_required_key_is_named(tmp_path):
    path = tmp_path / "claims.jsonl"
    full = {c: getattr(CLAIMS[1], c) for c in REQUIRED_CLAIM_COLUMNS}
    partial = {k: v for k, v in full.items() if k != "value"}
    path.write_text(json.dumps(full) + "\n" + json.dumps(partial) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 2: no value"):
        reading.read_claim_table(path)


# ------------------------------------------------------------------ hostile claim tables (issue 17)
def _table(tmp_path) -> tuple[Path, str]:
    path = tmp_path / "claims.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        report.render_claims(CLAIMS, "csv", out)
    return path, path.read_text(encoding="utf-8")


def test_a_table_cut_off_mid_row_is_refused_with_its_row(tmp_path):
    path, text = _table(tmp_path)
    path.write_text(text[: text.rindex(",", 0, len(text) - 2)], encoding="utf-8")  # cut inside the last row
    with pytest.raises(InputError, match=r"row \d+: the table ends in the middle of a row"):
        reading.read_claim_table(path)


def test_an_unclosed_quote_is_refused(tmp_path):
    path, text = _table(tmp_path)
    path.write_text(text + 'z:1,z,entity,"Paris,0,5', encoding="utf-8")
    with pytest.raises(InputError, match=r"row \d+: not CSV"):
        reading.read_claim_table(path)


@pytest.mark.parametrize("cell", ["1e999", "nan", "-inf", "NaN"])
def test_non_finite_numbers_are_refused(tmp_path, cell):
    path, text = _table(tmp_path)
    rows = list(csv.reader(io.StringIO(text)))
    quantity = next(i for i, r in enumerate(rows) if r[rows[0].index("kind")] == "quantity")
    for column in ("low", "value"):
        bad = [list(r) for r in rows]
        bad[quantity][rows[0].index(column)] = cell
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(bad)
        path.write_text(buf.getvalue(), encoding="utf-8")
        with pytest.raises(InputError, match=f"column {column} is not a finite number"):
            reading.read_claim_table(path)


def test_a_very_long_cell_is_read(tmp_path):
    path, text = _table(tmp_path)
    rows = list(csv.reader(io.StringIO(text)))
    rows[1][rows[0].index("sentence")] = "mot " * 50_000  # 200 000 characters, over csv's default limit
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    assert len(reading.read_claim_table(path)[0].sentence) == 200_000


@pytest.mark.parametrize(
    "line, message",
    [("[" * 100_000 + "]" * 100_000, "nested too deeply"), ('{"start": ' + "9" * 5000 + "}", "line 1")],
)
def test_hostile_json_lines_are_one_error(tmp_path, line, message):
    path = tmp_path / "claims.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=message):
        reading.read_claim_table(path)

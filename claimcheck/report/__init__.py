"""Rows → files and screens: CSV, JSON Lines, HTML and rich terminal tables.

Files are written to a temporary file beside the target and moved into place only when complete
(`claimcheck.files.atomic_writer`), so a failed run never leaves a half-written report.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Iterator

from claimcheck.errors import OutputError
from claimcheck.files import atomic_path, atomic_writer  # noqa: F401  (the CLI writes reports with it)
from claimcheck.records import CLAIM_COLUMNS, DISCREPANCY_COLUMNS, Article, Claim, Discrepancy, claim_values

# The format an output file's extension names, when --format is not given.
FORMAT_BY_SUFFIX = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".html": "html", ".htm": "html",
                    ".xlsx": "xlsx", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".db": "sqlite"}
# Formats written to a named file by a library that opens it itself (never to standard output).
FILE_FORMATS = frozenset({"xlsx", "sqlite"})


def format_for(path: str | Path | None) -> str | None:
    """The format named by an output path's extension (None: no path, or an extension not known)."""
    if path is None or str(path) == "-":
        return None
    return FORMAT_BY_SUFFIX.get(Path(path).suffix.lower())


def write_file(
    path: str | Path,
    fmt: str,
    *,
    claims: Iterable[Claim] = (),
    discrepancies: Sequence[Discrepancy] | None = None,
    documents: Mapping[str, Article] | None = None,
) -> None:
    """Write an xlsx workbook or an SQLite database at `path`, whole or not at all."""
    with atomic_path(path) as tmp:
        try:
            if fmt == "xlsx":
                from claimcheck.report.spreadsheet import write_workbook

                write_workbook(str(tmp), discrepancies=discrepancies, claims=claims, documents=documents)
            elif fmt == "sqlite":
                tmp.unlink()  # sqlite3 makes its own file (an empty one would also do)
                from claimcheck.report.sqlite import write_database

                write_database(str(tmp), claims=claims, discrepancies=discrepancies, documents=documents)
            else:
                raise ValueError(f"{fmt} is not a file format")
        except ValueError as exc:
            if fmt not in FILE_FORMATS:
                raise
            raise OutputError(path, str(exc)) from None


def _cell(value: object) -> object:
    return "" if value is None else value


def write_csv(rows: Iterable[dict[str, object]], columns: Sequence[str], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})


def write_jsonl(rows: Iterable[dict[str, object]], out: IO[str]) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def claim_rows(claims: Iterable[Claim]) -> Iterator[dict[str, object]]:
    for c in claims:
        yield c.row()


def discrepancy_rows(items: Iterable[Discrepancy], *, evidence: bool = False) -> Iterator[dict[str, object]]:
    for d in items:
        row = d.row()
        if evidence:
            row["claim_a"], row["claim_b"] = d.claim_a, d.claim_b
            row["evidence"] = list(d.evidence)
        yield row


def write_claims_csv(claims: Iterable[Claim], out: IO[str]) -> None:
    """The claim table as CSV: what `write_csv` writes for claim rows, without a dict per row (the
    claim table of 10 000 articles has ~750 000 rows; this is ~3× faster)."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLAIM_COLUMNS)
    for claim in claims:
        writer.writerow(["" if v is None else v for v in claim_values(claim)])


def render_claims(claims: Iterable[Claim], fmt: str, out: IO[str], *, excel: bool = False) -> None:
    """Claims as `csv` (with `excel`: the CSV Excel reads, see `spreadsheet`) or `jsonl`."""
    if fmt == "csv" and excel:
        from claimcheck.report.spreadsheet import claim_cells, write_excel_csv

        write_excel_csv(claim_cells(claims), CLAIM_COLUMNS, out)
    elif fmt == "csv":
        write_claims_csv(claims, out)
    elif fmt == "jsonl":
        write_jsonl(claim_rows(claims), out)
    else:
        raise ValueError(f"unknown claim format {fmt}")


def render_discrepancies(
    items: Sequence[Discrepancy], fmt: str, out: IO[str], *, excel: bool = False, **context: object
) -> None:
    """Discrepancies as `csv` (with `excel`: the CSV Excel reads), `jsonl`, `html` or `table`.
    `context` is what the html and table renderers use when given: `documents` (outlet, date, URL
    and text of each document), `claims` (to mark each side's figure), `width` (of the table)."""
    if fmt == "csv" and excel:
        from claimcheck.report.spreadsheet import discrepancy_cells, write_excel_csv

        write_excel_csv(discrepancy_cells(items), DISCREPANCY_COLUMNS, out)
    elif fmt == "csv":
        write_csv(discrepancy_rows(items), DISCREPANCY_COLUMNS, out)
    elif fmt == "jsonl":
        write_jsonl(discrepancy_rows(items, evidence=True), out)
    elif fmt == "html":
        from claimcheck.report.html import render_html

        out.write(render_html(items, **context))  # type: ignore[arg-type]
    elif fmt == "table":
        from claimcheck.report.terminal import render_table

        render_table(items, out, **context)  # type: ignore[arg-type]
    else:
        raise ValueError(f"unknown report format {fmt}")


def to_string(render, *args) -> str:  # type: ignore[no-untyped-def]
    buffer = io.StringIO()
    render(*args, buffer)
    return buffer.getvalue()

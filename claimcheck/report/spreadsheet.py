"""Reports for spreadsheets: an Excel workbook (XlsxWriter) and a CSV that Excel opens as it should.

Formula injection: a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return)
is run as a formula by a spreadsheet that opens a CSV, and by Excel once such a cell is edited —
an article's sentence can be written to do so ("=HYPERLINK(…)"). Both writers here neutralise them:
the Excel CSV puts an apostrophe before the cell (the OWASP advice; Excel shows the text without
it); the workbook writes every text as a string (never `write_formula`) with Excel's quote-prefix
format, so the cell stays text even when edited. The plain CSV of `--format csv` is data for
programs and keeps every cell as written (`-5`, `+3 %`): SPEC.md's columns stay machine-readable.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

from claimcheck.records import CLAIM_COLUMNS, DISCREPANCY_COLUMNS, Article, Claim, Discrepancy, claim_values

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXCEL_DELIMITER = ";"  # what Excel expects in a French (and most European) locale, where ',' is the decimal mark


def neutralised(value: object) -> object:
    """A cell a spreadsheet will not run as a formula: text that starts like one gets a leading `'`."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_excel_csv(rows: Iterable[Sequence[object]], columns: Sequence[str], out: IO[str]) -> None:
    """CSV as Excel reads it in a French locale: UTF-8 with a byte-order mark (else Excel assumes
    the ANSI code page and shows mojibake), `;` between cells, CRLF, formula cells neutralised,
    decimal numbers with a comma."""
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=EXCEL_DELIMITER, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_excel_cell(v) for v in row])


def _excel_cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return neutralised(value)


def claim_cells(claims: Iterable[Claim]) -> Iterable[tuple[object, ...]]:
    return (claim_values(c) for c in claims)


def discrepancy_cells(items: Iterable[Discrepancy]) -> Iterable[tuple[object, ...]]:
    return (tuple(getattr(d, c) for c in DISCREPANCY_COLUMNS) for d in items)


# ----------------------------------------------------------------------------------- workbook
# Column widths (characters) of the sheets; columns not named get DEFAULT_WIDTH.
DEFAULT_WIDTH = 14
WIDTHS = {"kind": 11, "topic": 30, "doc_a": 18, "doc_b": 18, "outlet_a": 18, "outlet_b": 18, "text_a": 60,
          "text_b": 60, "value_a": 16, "value_b": 16, "severity": 9, "explanation": 60, "claim_id": 22,
          "doc_id": 18, "text": 18, "value": 16, "sentence": 70, "start": 7, "end": 7, "unit": 12}
WRAPPED = frozenset({"text_a", "text_b", "explanation", "topic"})
# Severity bands and their fill colours (the terminal's red / yellow / dim, as cell fills).
SEVERITY_COLOURS = ((0.7, "#F4C7C3"), (0.4, "#FCE8B2"), (0.0, "#EEEEEE"))
MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header


def write_workbook(
    path: str,
    *,
    discrepancies: Sequence[Discrepancy] | None = None,
    claims: Iterable[Claim] = (),
    documents: Mapping[str, Article] | None = None,
) -> None:
    """An .xlsx file: a sheet of discrepancies (when given; with each side's outlet when known) and
    a sheet of claims, each with a frozen header row, a filter, set widths; discrepancy rows are
    coloured by severity. `path` is written whole (the caller's temporary file)."""
    import xlsxwriter

    book = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                      "strings_to_urls": False, "strings_to_numbers": False})
    try:
        header = book.add_format({"bold": True, "bg_color": "#DDDDDD", "bottom": 1, "text_wrap": True, "valign": "top"})
        plain = book.add_format({"valign": "top"})
        text = book.add_format({"valign": "top", "quote_prefix": True})
        wrap = book.add_format({"valign": "top", "text_wrap": True})
        number = book.add_format({"valign": "top", "num_format": "0.00"})
        docs = documents or {}
        if discrepancies is not None:
            columns = list(DISCREPANCY_COLUMNS)
            with_outlets = any(d.outlet for d in docs.values())
            if with_outlets:
                columns[4:4] = ["outlet_a", "outlet_b"]
            sheet = book.add_worksheet("discrepancies")
            _head(sheet, columns, header)
            bands = [(floor, book.add_format({"valign": "top", "bg_color": colour})) for floor, colour in SEVERITY_COLOURS]
            bands_wrapped = [(floor, book.add_format({"valign": "top", "text_wrap": True, "bg_color": colour}))
                             for floor, colour in SEVERITY_COLOURS]
            bands_number = [(floor, book.add_format({"valign": "top", "num_format": "0.00", "bg_color": colour}))
                            for floor, colour in SEVERITY_COLOURS]
            for r, d in enumerate(discrepancies, 1):
                values: dict[str, object] = {c: getattr(d, c) for c in DISCREPANCY_COLUMNS}
                if with_outlets:
                    values["outlet_a"] = _outlet(docs, d.doc_a)
                    values["outlet_b"] = _outlet(docs, d.doc_b)
                fill = next(f for floor, f in bands if d.severity >= floor)
                fill_wrapped = next(f for floor, f in bands_wrapped if d.severity >= floor)
                for c, name in enumerate(columns):
                    value = values[name]
                    if name == "severity":
                        shade = next(f for floor, f in bands_number if d.severity >= floor)
                        sheet.write_number(r, c, float(d.severity), shade)
                    else:
                        _text(sheet, r, c, value, fill_wrapped if name in WRAPPED else fill, text)
            sheet.autofilter(0, 0, max(len(discrepancies), 1), len(columns) - 1)
        sheet = book.add_worksheet("claims")
        _head(sheet, CLAIM_COLUMNS, header)
        rows = 0
        for r, values in enumerate(claim_cells(claims), 1):
            if r > MAX_ROWS:
                raise ValueError(f"more than {MAX_ROWS:,} claims: more than an Excel sheet holds (use csv or sqlite)")
            rows = r
            for c, value in enumerate(values):
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    sheet.write_number(r, c, value, number if isinstance(value, float) else plain)
                elif value is not None:
                    _text(sheet, r, c, value, wrap if CLAIM_COLUMNS[c] == "sentence" else plain, text)
        sheet.autofilter(0, 0, max(rows, 1), len(CLAIM_COLUMNS) - 1)
    finally:
        book.close()


def _head(sheet: Any, columns: Sequence[str], fmt: Any) -> None:
    for c, name in enumerate(columns):
        sheet.set_column(c, c, WIDTHS.get(name, DEFAULT_WIDTH))
        sheet.write_string(0, c, name, fmt)
    sheet.freeze_panes(1, 0)


def _text(sheet: Any, r: int, c: int, value: object, fmt: Any, quoted: Any) -> None:
    value = "" if value is None else str(value)
    if not value:
        sheet.write_blank(r, c, None, fmt)  # an empty cell, not an empty string
    elif value.startswith(FORMULA_START):
        sheet.write_string(r, c, value, quoted)  # text, and stays text when edited (quote prefix)
    else:
        sheet.write_string(r, c, value, fmt)


def _outlet(documents: Mapping[str, Article], doc_id: str) -> str:
    doc = documents.get(doc_id)
    return (doc.outlet or "") if doc is not None else ""

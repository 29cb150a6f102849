"""Files → records: article files and directories, the meta CSV, claim tables written by `extract`.

Every problem becomes an `InputError(path, reason)`; nothing here prints.
"""

from __future__ import annotations

import csv
import io
import json
import math
import operator
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.records import CLAIM_COLUMNS, REQUIRED_CLAIM_COLUMNS, Article, Claim

ARTICLE_SUFFIXES = frozenset({".txt", ".text"})
CLAIM_TABLE_SUFFIXES = frozenset({".csv", ".jsonl"})
# Files that sit beside articles but are never articles.
NOT_ARTICLES = frozenset({"meta.csv", "readme.md", "readme.txt", "gold.json", "license", "license.txt"})
# Legacy encodings tried, in order, when a file is not UTF-8 (LIBRARIES.md: unrestricted guesses on
# short French texts choose cp1250).
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the command line named: article files and claim tables, in a stable order."""

    articles: tuple[Path, ...]
    claim_tables: tuple[Path, ...]


def collect(paths: Iterable[str | Path], *, allow_claim_tables: bool = False) -> Inputs:
    """Expand files and directories into article files (and claim tables when allowed)."""
    articles: list[Path] = []
    tables: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(path, "no such file or directory")
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and p.name.lower() not in NOT_ARTICLES
            )
            if not found:
                raise InputError(path, "directory holds no article (.txt) file")
            articles.extend(found)
        elif not path.is_file():
            raise InputError(path, "not a regular file (a pipe, a device or a socket); only files and directories are read")
        elif path.suffix.lower() in CLAIM_TABLE_SUFFIXES and path.name.lower() != "meta.csv":
            if not allow_claim_tables:
                raise InputError(path, "a claim table is not an article (extract reads .txt articles)")
            tables.append(path)
        else:
            articles.append(path)
    ids: dict[str, Path] = {}
    for p in articles:
        if p.stem in ids and ids[p.stem].resolve() != p.resolve():
            raise InputError(p, f"document id '{p.stem}' is also the id of {ids[p.stem]}")
        ids[p.stem] = p
    return Inputs(tuple(dict.fromkeys(articles)), tuple(tables))


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). UTF-8 (with or without BOM) first, then French legacy encodings."""
    if not data.strip():
        raise InputError(path, "empty file")
    if b"\x00" in data[:4096]:
        raise InputError(path, "binary file (NUL bytes), not a text article")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    encoding = best.encoding if best is not None else "cp1252"
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text, encoding = data.decode("latin_1"), "latin_1"
    controls = sum(1 for c in text[:4096] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > 0.05 * min(len(text), 4096):
        raise InputError(path, "binary file, not a text article")
    return text, encoding


# The longest article read: spaCy's own limit (`nlp.max_length`, which its parser needs memory for),
# refused here with a clear message instead of a traceback from inside the pipeline.
MAX_ARTICLE_CHARS = 1_000_000


def read_article(path: Path, meta: dict[str, dict[str, str]] | None = None) -> Article:
    """Read one article file; its id is the file name without extension."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    text, encoding = decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(path, "empty file")
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(path, f"{len(text):,} characters, more than an article may have ({MAX_ARTICLE_CHARS:,}); split it")
    info = (meta or {}).get(path.stem, {})
    return Article(
        doc_id=path.stem,
        text=text,
        path=str(path),
        published=info.get("published") or None,
        outlet=info.get("outlet") or None,
        encoding=encoding,
    )


def read_articles(paths: Iterable[Path], meta: dict[str, dict[str, str]] | None = None) -> Iterator[Article]:
    for path in paths:
        yield read_article(path, meta)


def read_meta(path: str | Path) -> dict[str, dict[str, str]]:
    """The meta CSV: header with `doc_id,published` (+ optional `outlet,url`) → {doc_id: row}."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such meta file")
    text, _ = decode(path, path.read_bytes())
    reader = csv.DictReader(text.splitlines())
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in ("doc_id", "published") if c not in header]
    if missing:
        raise InputError(path, f"meta CSV lacks column(s) {', '.join(missing)} (header: {','.join(header) or 'none'})")
    rows: dict[str, dict[str, str]] = {}
    for line_no, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        doc_id, published = row.get("doc_id", ""), row.get("published", "")
        if not doc_id:
            raise InputError(path, f"line {line_no}: empty doc_id")
        if published and not _valid_published(published):
            raise InputError(path, f"line {line_no}: published '{published}' is not YYYY-MM-DD or YYYY-MM")
        rows[doc_id] = row
    return rows


def _valid_published(value: str) -> bool:
    if not _ISO_DAY.match(value):
        return False
    from datetime import date

    parts = [int(x) for x in value.split("-")]
    try:
        date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    except ValueError:
        return False
    return True


_FLOAT_FIELDS = {f.name for f in fields(Claim) if f.name in {"low", "high"}}
_INT_FIELDS = {"start", "end", "paragraph", "sent_start", "sent_end"}


_ABSENT = object()  # a field the table does not give: the Claim default applies


def read_claim_table(path: Path) -> list[Claim]:
    """A claim table written by `extract` (CSV or JSON Lines) → claims.

    Columns (keys) the table lacks take their default; empty cells read as 0 (integers), None
    (bounds) or "" (text); blank lines are skipped; a cell of the wrong type stops the reading with
    its row named."""
    text, _ = decode(path, path.read_bytes())
    if path.suffix.lower() == ".jsonl":
        return [_claim(path, label, values) for label, values in _jsonl_rows(path, text)]
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise InputError(path, f"row 1: not CSV ({exc})") from None
    _check_columns(path, header)
    # Each field of Claim read from its column with one C-level pick per row; a field whose column
    # the table lacks is picked from one blank cell past the header's width, then given its default.
    position = {name: i for i, name in enumerate(header)}
    width = len(header)
    pick = operator.itemgetter(*[position.get(name, width) for name in _NAMES])
    absent = [i for i, name in enumerate(_NAMES) if name not in position]
    claims = []
    last = width  # cells of the last row read
    try:
        for row in reader:
            if not row:
                continue  # a blank line
            last = len(row)
            cells = row[:width]
            cells.extend([""] * (width + 1 - len(cells)))
            values = list(pick(cells))
            for i in absent:
                values[i] = _DEFAULTS[i]  # every field without a default is a required column
            claims.append(_claim(path, f"row {reader.line_num}", values, text_cells=True))
    except csv.Error as exc:
        raise InputError(path, f"row {reader.line_num}: not CSV ({exc}); a truncated table?") from None
    if last < width and not text.endswith(("\n", "\r")):
        # A table cut off mid-row (an interrupted copy, a full disk) ends without its newline, its
        # last row short: its last claims would be lost or read half empty.
        raise InputError(path, f"row {reader.line_num}: the table ends in the middle of a row (truncated?)")
    return claims


_NAMES = CLAIM_COLUMNS  # the fields of Claim, in order
_DEFAULTS = tuple(f.default for f in fields(Claim))
_INT_POSITIONS = tuple(i for i, name in enumerate(_NAMES) if name in _INT_FIELDS)
_FLOAT_POSITIONS = tuple(i for i, name in enumerate(_NAMES) if name in _FLOAT_FIELDS)
_TEXT_POSITIONS = tuple(i for i in range(len(_NAMES)) if i not in _INT_POSITIONS + _FLOAT_POSITIONS)
# Number fields: position, conversion, value of an empty cell, what the error calls the type.
_NUMBER_FIELDS: tuple[tuple[int, Callable[[Any], object], object, str], ...] = (
    *((i, int, 0, "an integer") for i in _INT_POSITIONS),
    *((i, float, None, "a number") for i in _FLOAT_POSITIONS),
)


def _check_columns(path: Path, columns: Iterable[str]) -> None:
    have = set(columns)
    missing = [c for c in REQUIRED_CLAIM_COLUMNS if c not in have]
    if missing:
        raise InputError(path, f"claim table lacks column(s) {', '.join(missing)}")


def _jsonl_rows(path: Path, text: str) -> Iterator[tuple[str, list[object]]]:
    records = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"line {n}: not JSON ({exc.msg})") from None
        except RecursionError:
            raise InputError(path, f"line {n}: JSON nested too deeply") from None
        except ValueError as exc:  # e.g. an integer of more digits than Python converts
            raise InputError(path, f"line {n}: not usable JSON ({exc})") from None
        if not isinstance(record, dict):
            raise InputError(path, f"line {n}: not a JSON object")
        records.append((n, record))
    _check_columns(path, {key for _, record in records for key in record})
    for n, record in records:
        yield f"line {n}", [record.get(name, _ABSENT) for name in _NAMES]


def _claim(path: Path, label: str, values: list[object], *, text_cells: bool = False) -> Claim:
    """A Claim from one row's raw values, in field order (`_ABSENT` where the table is silent)."""
    for i, convert, empty, kind in _NUMBER_FIELDS:
        value = values[i]
        if value is _ABSENT:
            values[i] = _DEFAULTS[i]
            continue
        try:
            values[i] = convert(value) if value not in (None, "") else empty
        except (TypeError, ValueError, OverflowError):
            raise InputError(path, f"{label}: column {_NAMES[i]} is not {kind}: {_shown(value)}") from None
        if isinstance(values[i], float) and not math.isfinite(values[i]):  # type: ignore[arg-type]
            raise InputError(path, f"{label}: column {_NAMES[i]} is not a finite number: {_shown(value)}")
    if not text_cells:  # JSON values may be null, numbers or absent; CSV cells are text already
        for i in _TEXT_POSITIONS:
            value = values[i]
            if value is _ABSENT:
                if _DEFAULTS[i] is MISSING:
                    raise InputError(path, f"{label}: no {_NAMES[i]}")
                values[i] = _DEFAULTS[i]
            else:
                values[i] = "" if value is None else str(value)
    value = values[_VALUE]
    if values[_KIND] == "quantity" and value and not str(value).isdigit() and str(value)[0] in _NUMBER_START:
        # a figure, or a range "2000/10000": each end must be finite
        for part in str(value).split("/"):
            try:
                number = float(part)
            except ValueError:
                continue
            if not math.isfinite(number):
                raise InputError(path, f"{label}: column value is not a finite number: {_shown(value)}")
    return Claim(*values)  # type: ignore[arg-type]


_VALUE = _NAMES.index("value")
_KIND = _NAMES.index("kind")
_NUMBER_START = frozenset("0123456789+-.niINI")  # digits, signs, and the starts of nan / inf
# Longest CSV cell read (a sentence of a very long paragraph): far above any real one, below memory trouble.
_CSV_FIELD_LIMIT = 16 * 1024 * 1024


def _shown(value: object, limit: int = 40) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"

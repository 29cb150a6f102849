"""Files → records: article files and directories, the meta CSV, claim tables written by `extract`.

Every problem becomes an `InputError(path, reason)`; nothing here prints.
"""

from __future__ import annotations

import csv
import io
import json
import operator
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from claimcheck.errors import InputError
from claimcheck.records import REQUIRED_CLAIM_COLUMNS, Article, Claim

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


def read_claim_table(path: Path) -> list[Claim]:
    """A claim table written by `extract` (CSV or JSON Lines) → claims."""
    text, _ = decode(path, path.read_bytes())
    if path.suffix.lower() == ".jsonl":
        records = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise InputError(path, f"line {n}: not JSON ({exc.msg})") from None
        header = list(records[0].keys()) if records else []
        rows: Iterable[Sequence[object]] = ([record.get(k) for k in header] for record in records)
        is_csv = False
    else:
        is_csv = True
        reader = csv.reader(io.StringIO(text, newline=""))
        header = next(reader, [])
        rows = reader
    missing = [c for c in REQUIRED_CLAIM_COLUMNS if c not in header]
    if missing:
        raise InputError(path, f"claim table lacks column(s) {', '.join(missing)}")
    # Each field of Claim, in order, read from its column (one C-level pick per row); then the
    # integer and float fields converted, and columns absent from this table given their default.
    names = [f.name for f in fields(Claim)]
    position = {name: i for i, name in enumerate(header)}
    width = len(header)
    pick = operator.itemgetter(*[position.get(name, width) for name in names])  # width: a blank cell
    ints = [i for i, name in enumerate(names) if name in _INT_FIELDS]
    floats = [i for i, name in enumerate(names) if name in _FLOAT_FIELDS]
    absent = [(i, f.default) for i, f in enumerate(fields(Claim)) if f.name not in position and i not in ints + floats]
    claims = []
    for n, row in enumerate(rows, 2):
        cells = [*row, *([""] * (width + 1 - len(row)))] if len(row) <= width else row
        values = list(pick(cells))
        for i in ints:
            value = values[i]
            try:
                values[i] = int(value) if value not in (None, "") else 0
            except (TypeError, ValueError):
                raise InputError(path, f"row {n}: column {names[i]} is not an integer: {value!r}") from None
        for i in floats:
            value = values[i]
            try:
                values[i] = float(value) if value not in (None, "") else None
            except (TypeError, ValueError):
                raise InputError(path, f"row {n}: column {names[i]} is not a number: {value!r}") from None
        for i, default in absent:
            values[i] = default
        if not is_csv:
            values = [("" if v is None else str(v)) if i not in ints and i not in floats else v for i, v in enumerate(values)]
        claims.append(Claim(*values))
    return claims

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
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.pages import looks_like_html
from claimcheck.records import CLAIM_COLUMNS, REQUIRED_CLAIM_COLUMNS, Article, Claim

ARTICLE_SUFFIXES = frozenset({".txt", ".text"})
PAGE_SUFFIXES = frozenset({".html", ".htm"})  # saved web pages, read through trafilatura (pages.py)
CLAIM_TABLE_SUFFIXES = frozenset({".csv", ".jsonl"})
# A corpus: one file of many articles, one per row or record, with a text column.
CORPUS_SUFFIXES = frozenset({".csv", ".jsonl", ".json"})
STDIN = Path("-")  # `-` on the command line: one article (text or web page) on standard input
STDIN_ID = "stdin"
# Files that sit beside articles but are never articles.
NOT_ARTICLES = frozenset({"meta.csv", "readme.md", "readme.txt", "gold.json", "license", "license.txt"})
# Legacy encodings tried, in order, when a file is not UTF-8 (LIBRARIES.md: unrestricted guesses on
# short French texts choose cp1250).
LEGACY_ENCODINGS = ("cp1252", "iso8859_15", "latin_1")
_ISO_DAY = re.compile(r"^\d{4}-\d{2}(?:-\d{2})?$")
_ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the command line named, in a stable order: articles (text files, web pages, `-`),
    corpus files (many articles each) and claim tables."""

    articles: tuple[Path, ...]
    claim_tables: tuple[Path, ...]
    corpora: tuple[Path, ...] = ()
    urls: tuple[str, ...] = ()  # http(s) addresses of pages to fetch


def collect(paths: Iterable[str | Path], *, allow_claim_tables: bool = False) -> Inputs:
    """Expand files and directories into article files, corpus files (and claim tables when allowed).

    A `.csv` or `.jsonl` file is a claim table when its header (first record) has `claim_id` and
    `kind`, else a corpus; a `.json` file is a corpus."""
    articles: list[Path] = []
    tables: list[Path] = []
    corpora: list[Path] = []
    urls: list[str] = []
    for raw in paths:
        path = Path(raw)
        if str(raw).lower().startswith(("http://", "https://")):
            urls.append(str(raw))
            continue
        if str(raw).lower().startswith(("http:/", "https:/")):  # Path() folded the '//'
            raise InputError(raw, "a URL needs its '//' (http://…); a path made it lose one")
        if str(raw) == "-":
            if STDIN in articles:
                raise InputError("-", "standard input is named twice")
            articles.append(STDIN)
            continue
        if not path.exists():
            raise InputError(path, "no such file or directory")
        if path.is_dir():
            found = sorted(
                p for p in path.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES | PAGE_SUFFIXES
                and p.name.lower() not in NOT_ARTICLES
            )
            if not found:
                raise InputError(path, "directory holds no article (.txt, .html or .htm) file")
            articles.extend(found)
        elif not path.is_file():
            raise InputError(path, "not a regular file (a pipe, a device or a socket); only files and directories are read")
        elif path.suffix.lower() in CORPUS_SUFFIXES:
            if path.suffix.lower() in CLAIM_TABLE_SUFFIXES and _is_claim_table(path):
                if not allow_claim_tables:
                    raise InputError(path, "a claim table is not an article (extract reads articles, pages and corpora)")
                tables.append(path)
            else:
                corpora.append(path)
        else:
            articles.append(path)
    ids: dict[str, Path] = {}
    for p in articles:
        doc_id = doc_id_of(p)
        if doc_id in ids and ids[doc_id].resolve() != p.resolve():
            raise InputError(p, f"document id '{doc_id}' is also the id of {ids[doc_id]}")
        ids[doc_id] = p
    return Inputs(tuple(dict.fromkeys(articles)), tuple(tables), tuple(dict.fromkeys(corpora)), tuple(dict.fromkeys(urls)))


def doc_id_of(path: Path) -> str:
    """The document id of an article file: its name without extension (`stdin` for `-`)."""
    return STDIN_ID if path == STDIN else path.stem


def _is_claim_table(path: Path) -> bool:
    """Whether a .csv/.jsonl file is a claim table written by `extract` (judged on its first line)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    first = next((line for line in head.splitlines() if line.strip()), b"").decode("utf-8-sig", "replace")
    if path.suffix.lower() == ".jsonl":
        try:
            record = json.loads(first)
        except ValueError:
            return True  # not JSON: the claim-table reader names the line
        return isinstance(record, dict) and "claim_id" in record and "kind" in record
    header = set(_header(first)[1])
    return "claim_id" in header and "kind" in header


def _header(line: str, wanted: str = "") -> tuple[str, list[str]]:
    """A CSV header line → (delimiter, column names). The delimiter is `,`, `;` or a tab: the first
    that splits out the column `wanted`, else the one that gives the most columns (a French Excel
    writes `;`)."""
    best = (",", [line.strip()])
    for delimiter in (",", ";", "\t"):
        cells = [c.strip() for c in next(csv.reader([line], delimiter=delimiter), [])]
        if wanted and wanted in cells:
            return delimiter, cells
        if len(cells) > len(best[1]):
            best = (delimiter, cells)
    return best


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
    """Read one article file (text, or a web page for .html/.htm; `-` is standard input); its id is
    the file name without extension. The meta row of the id wins over what a page says of itself."""
    if path == STDIN:
        data = sys.stdin.buffer.read()
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(path, exc.strerror or "cannot be read") from None
    shown = "-" if path == STDIN else path
    text, encoding = decode(shown, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(shown, "empty file")
    page = None
    if path.suffix.lower() in PAGE_SUFFIXES or (path == STDIN and looks_like_html(text)):
        from claimcheck.pages import NoArticle, extract_page

        try:
            page = extract_page(text)
        except NoArticle as exc:
            raise InputError(shown, str(exc)) from None
        text = page.text
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(shown, f"{len(text):,} characters, more than an article may have ({MAX_ARTICLE_CHARS:,}); split it")
    doc_id = doc_id_of(path)
    return make_article(doc_id, text, (meta or {}).get(doc_id, {}), page=page, path=str(path), encoding=encoding)


def make_article(doc_id: str, text: str, info: dict[str, str], *, page: object = None, **more: Any) -> Article:
    """An Article with its metadata: the meta row first, then what the page or corpus row says."""
    found = {k: getattr(page, k, None) for k in ("published", "outlet", "url", "title")}
    published = info.get("published") or None
    if not published and found["published"] and _valid_published(str(found["published"])):
        published = found["published"]
    return Article(
        doc_id=doc_id,
        text=text,
        published=published,
        outlet=info.get("outlet") or found["outlet"] or None,
        url=info.get("url") or found["url"] or None,
        title=found["title"] or None,
        **more,
    )


# Seconds a page may take to answer (connect, then each read).
FETCH_TIMEOUT = 20.0
MAX_FETCH_BYTES = 64 * 1024 * 1024


def url_doc_id(url: str) -> str:
    """A document id for a URL: the last part of its path without extension, else its host."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    name = Path(parts.path.rstrip("/")).stem or parts.hostname or "page"
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "page"


def read_url(url: str, meta: dict[str, dict[str, str]] | None = None, *, timeout: float | None = None) -> Article:
    """Fetch one web page (or plain text) and read it as an article; its URL is the article's URL
    unless the meta file or the page's canonical URL says otherwise."""
    import socket
    import urllib.error
    import urllib.request

    from claimcheck import __version__

    request = urllib.request.Request(url, headers={"User-Agent": f"claimcheck/{__version__}", "Accept": "text/html,text/plain"})
    wait = FETCH_TIMEOUT if timeout is None else timeout
    try:
        with urllib.request.urlopen(request, timeout=wait) as response:  # noqa: S310 - http(s) only, checked by collect
            data = response.read(MAX_FETCH_BYTES + 1)
            kind = response.headers.get_content_type()
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"cannot fetch (HTTP {exc.code} {exc.reason})") from None
    except (TimeoutError, socket.timeout):
        raise InputError(url, f"cannot fetch (no answer within {wait:g} s)") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise InputError(url, f"cannot fetch (no answer within {wait:g} s)") from None
        text = getattr(reason, "strerror", None) or str(reason)
        hint = "; offline, or no such host?" if isinstance(reason, socket.gaierror) else ""
        raise InputError(url, f"cannot fetch ({text}{hint})") from None
    except (OSError, ValueError) as exc:
        raise InputError(url, f"cannot fetch ({getattr(exc, 'strerror', None) or exc})") from None
    if len(data) > MAX_FETCH_BYTES:
        raise InputError(url, f"more than {MAX_FETCH_BYTES:,} bytes; not an article page")
    if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise InputError(url, f"not a web page or a text ({kind})")
    text, encoding = None, "utf-8"
    if charset:
        try:
            text = data.decode(charset)
            encoding = charset.lower().replace("-", "_") if charset.lower() not in ("utf-8", "utf8") else "utf-8"
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text, encoding = decode(Path(url), data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(url, "empty page")
    page = None
    if kind != "text/plain":
        from claimcheck.pages import NoArticle, extract_page

        try:
            page = extract_page(text)
        except NoArticle as exc:
            raise InputError(url, str(exc)) from None
        text = page.text
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(url, f"{len(text):,} characters, more than an article may have ({MAX_ARTICLE_CHARS:,})")
    doc_id = url_doc_id(url)
    info = dict((meta or {}).get(doc_id, {}))
    article = make_article(doc_id, text, info, page=page, path=url, encoding=encoding)
    if article.url is None:
        from dataclasses import replace

        article = replace(article, url=url)
    return article


def read_articles(paths: Iterable[Path], meta: dict[str, dict[str, str]] | None = None) -> Iterator[Article]:
    for path in paths:
        yield read_article(path, meta)


def read_meta(path: str | Path) -> dict[str, dict[str, str]]:
    """The meta CSV: header with `doc_id,published` (+ optional `outlet,url`), delimited by `,`,
    `;` or a tab → {doc_id: row}."""
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such meta file")
    text, _ = decode(path, path.read_bytes())
    lines = text.splitlines()
    delimiter, _cells = _header(lines[0] if lines else "", "doc_id")
    reader = csv.DictReader(lines, delimiter=delimiter)
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


# Columns of a corpus file other than the text, by what they give (the first present is used).
CORPUS_COLUMNS = {"id": ("id", "doc_id"), "published": ("date", "published"), "outlet": ("outlet", "source"),
                  "url": ("url",), "title": ("title",)}


def read_corpus(path: Path, meta: dict[str, dict[str, str]] | None = None, *, text_column: str = "text") -> list[Article]:
    """A corpus file → its articles, one per row (CSV delimited by `,`, `;` or a tab) or record (JSON
    Lines; a JSON array of objects).

    The text is in `text_column`; `id` (else `<file name>-<row>`), `date` (YYYY-MM-DD, YYYY-MM or
    an ISO date-time), `outlet`, `url` and `title` are read when present. A row without text, a
    repeated id or a bad date stops the reading with its row named."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or "cannot be read") from None
    text, encoding = decode(path, data)
    records = list(_corpus_records(path, text, text_column))
    if not records:
        raise InputError(path, "corpus holds no article (no row after the header)")
    articles: list[Article] = []
    seen: dict[str, str] = {}
    for label, record in records:
        body = record.get(text_column)
        if not isinstance(body, str):
            if body is not None:
                raise InputError(path, f"{label}: column {text_column} is not text")
            body = ""
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        if not body.strip():
            raise InputError(path, f"{label}: empty {text_column}")
        if len(body) > MAX_ARTICLE_CHARS:
            raise InputError(path, f"{label}: {len(body):,} characters, more than an article may have ({MAX_ARTICLE_CHARS:,})")
        given = {key: _first(record, names) for key, names in CORPUS_COLUMNS.items()}
        doc_id = given["id"] or f"{path.stem}-{len(articles) + 1}"
        if ":" in doc_id or "\n" in doc_id:
            raise InputError(path, f"{label}: id {doc_id!r} holds ':' or a line break (claim ids are doc_id:NNNN)")
        if doc_id in seen:
            raise InputError(path, f"{label}: id '{doc_id}' is also the id of {seen[doc_id]}")
        seen[doc_id] = label
        published = given["published"]
        if published:
            moment = _ISO_DATETIME.match(published)
            published = moment.group(1) if moment else published
            if not _valid_published(published):
                raise InputError(path, f"{label}: date {given['published']!r} is not YYYY-MM-DD, YYYY-MM or an ISO date-time")
        if given["title"] and not body.lstrip().startswith(given["title"]):
            body = f"{given['title']}\n\n{body}"  # the first line is the title, as in a page
        row = _CorpusRow(published or None, given["outlet"], given["url"], given["title"])
        articles.append(make_article(doc_id, body, (meta or {}).get(doc_id, {}), page=row, path=f"{path} ({label})",
                                 encoding=encoding))
    return articles


@dataclass(frozen=True, slots=True)
class _CorpusRow:
    published: str | None
    outlet: str | None
    url: str | None
    title: str | None


def _first(record: dict[str, Any], names: Iterable[str]) -> str | None:
    for name in names:
        value = record.get(name)
        if value not in (None, ""):
            return " ".join(str(value).split()) or None
    return None


def _corpus_records(path: Path, text: str, text_column: str) -> Iterator[tuple[str, dict[str, Any]]]:
    suffix = path.suffix.lower()
    if suffix == ".json":
        try:
            data = json.loads(text)
        except RecursionError:
            raise InputError(path, "JSON nested too deeply") from None
        except ValueError as exc:
            raise InputError(path, f"not JSON ({getattr(exc, 'msg', exc)})") from None
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise InputError(path, "a JSON corpus is an array of objects, one per article")
        if data and not any(text_column in r for r in data):
            raise InputError(path, f"no record has the text column '{text_column}' (name it with --text-column)")
        for n, record in enumerate(data, 1):
            yield f"record {n}", record
        return
    if suffix == ".jsonl":
        records = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except RecursionError:
                raise InputError(path, f"line {n}: JSON nested too deeply") from None
            except ValueError as exc:
                raise InputError(path, f"line {n}: not JSON ({getattr(exc, 'msg', exc)})") from None
            if not isinstance(record, dict):
                raise InputError(path, f"line {n}: not a JSON object")
            records.append((f"line {n}", record))
        if records and not any(text_column in r for _, r in records):
            raise InputError(path, f"no record has the text column '{text_column}' (name it with --text-column)")
        yield from records
        return
    csv.field_size_limit(_CSV_FIELD_LIMIT)
    lines = text.splitlines(keepends=True)
    delimiter, header = _header(lines[0] if lines else "", text_column)
    if text_column not in header:
        raise InputError(path, f"corpus CSV lacks the text column '{text_column}' (columns: {', '.join(header) or 'none'};"
                               " name it with --text-column)")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    number = 1  # rows as a spreadsheet numbers them (the header is row 1), whatever line breaks the texts hold
    try:
        for row in reader:
            number += 1
            if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
                continue  # a blank line
            yield f"row {number}", {(k or "").strip(): v for k, v in row.items() if k is not None}
    except csv.Error as exc:
        raise InputError(path, f"line {reader.line_num}: not CSV ({exc})") from None


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

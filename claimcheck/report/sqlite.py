"""The claim table (and the discrepancies) as an SQLite database, to browse with Datasette or
sqlite-utils or to query in SQL.

Tables: `claims` (the claim table's columns, in order), `discrepancies` (the report's columns, plus
`claim_a`/`claim_b`, the claim ids of its first pair) and `documents` (what is known of each
document: outlet, date, URL, title), with indexes on what one filters by.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence

from claimcheck.records import CLAIM_COLUMNS, DISCREPANCY_COLUMNS, Article, Claim, Discrepancy, claim_values

_INTEGER = frozenset({"start", "end", "paragraph", "sent_start", "sent_end"})
_REAL = frozenset({"low", "high", "severity"})
DOCUMENT_COLUMNS = ("doc_id", "published", "outlet", "url", "title")
INDEXES = (
    ("claims", ("doc_id",)), ("claims", ("kind", "unit")), ("claims", ("value",)),
    ("discrepancies", ("kind",)), ("discrepancies", ("doc_a",)), ("discrepancies", ("doc_b",)),
    ("discrepancies", ("severity",)),
)
BATCH = 10_000


def _columns(names: Sequence[str]) -> str:
    def kind(name: str) -> str:
        return "INTEGER" if name in _INTEGER else "REAL" if name in _REAL else "TEXT"

    return ", ".join(f'"{n}" {kind(n)}' + (" PRIMARY KEY" if n in ("claim_id", "doc_id") and i == 0 else "")
                     for i, n in enumerate(names))


def write_database(
    path: str,
    *,
    claims: Iterable[Claim] = (),
    discrepancies: Sequence[Discrepancy] | None = None,
    documents: Mapping[str, Article] | None = None,
) -> None:
    """Write a new database at `path` (a fresh temporary file of the caller)."""
    connection = sqlite3.connect(path)
    try:
        with connection:
            connection.execute(f"CREATE TABLE claims ({_columns(CLAIM_COLUMNS)})")
            insert = f"INSERT INTO claims VALUES ({', '.join('?' * len(CLAIM_COLUMNS))})"
            batch: list[tuple[object, ...]] = []
            for claim in claims:
                batch.append(claim_values(claim))
                if len(batch) >= BATCH:
                    connection.executemany(insert, batch)
                    batch.clear()
            connection.executemany(insert, batch)
            if discrepancies is not None:
                columns = (*DISCREPANCY_COLUMNS, "claim_a", "claim_b")
                connection.execute(f"CREATE TABLE discrepancies (id INTEGER PRIMARY KEY, {_columns(columns)})")
                connection.executemany(
                    f"INSERT INTO discrepancies ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    [tuple(getattr(d, c) for c in columns) for d in discrepancies],
                )
            connection.execute(f"CREATE TABLE documents ({_columns(DOCUMENT_COLUMNS)})")
            connection.executemany(
                "INSERT INTO documents VALUES (?, ?, ?, ?, ?)",
                [tuple(getattr(a, c) for c in DOCUMENT_COLUMNS) for a in (documents or {}).values()],
            )
            for table, keys in INDEXES:
                if table == "discrepancies" and discrepancies is None:
                    continue
                connection.execute(f"CREATE INDEX {table}_{'_'.join(keys)} ON {table} ({', '.join(keys)})")
    finally:
        connection.close()

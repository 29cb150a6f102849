"""The library API: what the CLI, the tests and other programs call.

    from claimcheck import api
    claims = api.extract(["data/seeds"], meta="data/seeds/meta.csv")
    report = api.diff(["data/seeds"], meta="data/seeds/meta.csv")

Nothing here prints or exits; problems are raised as `claimcheck.errors` exceptions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from claimcheck import reading
from claimcheck.records import Article, Claim, Discrepancy

Progress = Callable[[Article, int], None]  # called once per article done, with its word count


@dataclass(frozen=True, slots=True)
class DiffResult:
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    notes: tuple[str, ...]  # e.g. which legacy encoding was assumed for which file


def load_articles(paths: Iterable[str | Path], meta: str | Path | None = None) -> tuple[list[Article], list[str]]:
    """Read every article named (files or directories); returns the articles and notes for the user."""
    inputs = reading.collect(paths)
    meta_rows = reading.read_meta(meta) if meta else None
    articles = [reading.read_article(p, meta_rows) for p in inputs.articles]
    return articles, _encoding_notes(articles)


def _encoding_notes(articles: Iterable[Article]) -> list[str]:
    return [f"{a.path}: not UTF-8, decoded as {a.encoding}" for a in articles if a.encoding != "utf-8"]


def extract_articles(
    articles: Sequence[Article],
    *,
    workers: int = 1,
    cache: object | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims of each article, in order. Parsed articles come from the cache when it has them."""
    from claimcheck.claims import extract_claims
    from claimcheck.pipeline import parse

    todo: list[Article] = []
    cached: dict[int, list[Claim]] = {}
    for i, article in enumerate(articles):
        hit = cache.get(article) if cache is not None else None  # type: ignore[attr-defined]
        if hit is not None:
            cached[i] = hit
        else:
            todo.append(article)
    docs = iter(parse((a.text for a in todo), n_process=workers)) if todo else iter(())
    for i, article in enumerate(articles):
        if i in cached:
            claims = cached[i]
        else:
            doc = next(docs)
            claims = extract_claims(doc, article)
            if cache is not None:
                cache.put(article, claims)  # type: ignore[attr-defined]
        if progress is not None:
            progress(article, len(article.text.split()))
        yield article, claims


def extract(paths: Iterable[str | Path], meta: str | Path | None = None, *, workers: int = 1) -> list[Claim]:
    """All claims of the articles named by `paths`."""
    articles, _ = load_articles(paths, meta)
    return [c for _, claims in extract_articles(articles, workers=workers) for c in claims]


def compare_claims(
    claims: Sequence[Claim], published: dict[str, str | None], *, include_all: bool = False
) -> list[Discrepancy]:
    from claimcheck.compare import Options, compare

    return compare(claims, published, Options(include_all=include_all))


def diff(
    paths: Iterable[str | Path],
    meta: str | Path | None = None,
    *,
    include_all: bool = False,
    workers: int = 1,
    cache: object | None = None,
    progress: Progress | None = None,
) -> DiffResult:
    """Discrepancies among articles (files, directories) and claim tables written by `extract`."""
    inputs = reading.collect(paths, allow_claim_tables=True)
    meta_rows = reading.read_meta(meta) if meta else None
    articles = [reading.read_article(p, meta_rows) for p in inputs.articles]
    claims: list[Claim] = []
    for table in inputs.claim_tables:
        claims.extend(reading.read_claim_table(table))
    for _, doc_claims in extract_articles(articles, workers=workers, cache=cache, progress=progress):
        claims.extend(doc_claims)
    published: dict[str, str | None] = {a.doc_id: a.published for a in articles}
    for doc_id in {c.doc_id for c in claims} - set(published):
        published[doc_id] = (meta_rows or {}).get(doc_id, {}).get("published") or None
    discrepancies = compare_claims(claims, published, include_all=include_all)
    return DiffResult(tuple(claims), tuple(discrepancies), tuple(_encoding_notes(articles)))

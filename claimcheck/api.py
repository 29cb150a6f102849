"""The library API: what the CLI, the tests and other programs call.

    from claimcheck import api
    claims = api.extract(["data/seeds"], meta="data/seeds/meta.csv")
    report = api.diff(["data/seeds"], meta="data/seeds/meta.csv")

Nothing here prints or exits; problems are raised as `claimcheck.errors` exceptions.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimcheck import reading
from claimcheck.errors import InputError
from claimcheck.records import Article, Claim, Discrepancy

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import ProcessPoolExecutor
    from typing import Protocol

    from claimcheck.cache import ClaimCache

    class _Task(Protocol):
        def result(self) -> Any: ...

Progress = Callable[[Article, int], None]  # called once per article done, with its word count


@dataclass(frozen=True, slots=True)
class DiffResult:
    claims: tuple[Claim, ...]
    discrepancies: tuple[Discrepancy, ...]
    notes: tuple[str, ...]  # e.g. which legacy encoding was assumed for which file
    # What is known of each document (outlet, date, URL, title), by id; with `keep_texts`, its text
    # too (the HTML report embeds the articles), else the text is "".
    documents: dict[str, Article] = field(default_factory=dict)


def load_articles(paths: Iterable[str | Path], meta: str | Path | None = None) -> tuple[list[Article], list[str]]:
    """Read every article named (files, pages, corpora, directories); returns the articles and notes for the user."""
    stream = stream_articles(paths, meta)
    articles = list(stream)
    return articles, list(stream.notes)


def _encoding_notes(articles: Iterable[Article]) -> list[str]:
    return [f"{a.path}: not UTF-8, decoded as {a.encoding}" for a in articles if a.encoding != "utf-8"]


def meta_notes(meta: dict[str, dict[str, str]] | None, published: dict[str, str | None], *, shown: int = 5) -> list[str]:
    """What the user should know of a meta file: documents it gives no date for (their relative
    dates stay as the text says), and rows that name no document read (a typo in a doc_id?)."""
    if meta is None:
        return []

    def listed(ids: Sequence[str]) -> str:
        head = ", ".join(ids[:shown])
        return head + (f" and {len(ids) - shown} more" if len(ids) > shown else "")

    notes = []
    undated = sorted(d for d, p in published.items() if not p)
    if undated:
        notes.append(f"no publication date for {len(undated)} document{'s' if len(undated) > 1 else ''} ({listed(undated)}):"
                     " their relative dates stay as the text says")
    unmatched = sorted(set(meta) - set(published))
    if unmatched:
        many = len(unmatched) > 1
        notes.append(f"{len(unmatched)} row{'s' if many else ''} of the meta file match{'' if many else 'es'} no document"
                     f" read ({listed(unmatched)})")
    return notes


# ------------------------------------------------------------------------------ streaming
class ArticleStream:
    """Articles read one at a time, in order, so that memory does not grow with the corpus.

    Every input is checked when the stream is made, so that a bad one stops a run before any
    output: a text file must exist, open, and not be empty or binary (judged on its first 4 KB; the
    rest is read and decoded only when its turn comes). Web pages, standard input and corpus files
    are read whole now (a page's main text is what is checked). What the run reports afterwards —
    encoding notes, publication dates — is collected on the way.
    """

    HEAD = 4096
    MAX_PAGE_BYTES = 64 * 1024 * 1024  # a saved page carries scripts and styles: far more bytes than text

    def __init__(
        self, paths: Sequence[Path], meta: dict[str, dict[str, str]] | None = None, *, corpora: Sequence[Path] = (),
        text_column: str = "text", urls: Sequence[str] = (),
    ) -> None:
        self.meta = meta
        self.notes: list[str] = []
        self.published: dict[str, str | None] = {}
        self.documents: dict[str, Article] = {}  # each article read, without its text: outlet, date, URL
        self.items: list[Path | Article] = []
        for path in paths:
            if path == reading.STDIN or path.suffix.lower() in reading.PAGE_SUFFIXES:
                self._check(path, self.MAX_PAGE_BYTES)
                article = reading.read_article(path, meta)
                self.notes.extend(_encoding_notes([article]))
                self.items.append(article)
            else:
                self._check(path)
                self.items.append(path)
        ids = {reading.doc_id_of(p) if isinstance(p, Path) else p.doc_id for p in self.items}
        for url in urls:
            article = reading.read_url(url, meta)
            if article.doc_id in ids:
                raise InputError(url, f"document id '{article.doc_id}' is also the id of another input")
            ids.add(article.doc_id)
            self.items.append(article)
        for corpus in corpora:
            self._check(corpus, None)
            articles = reading.read_corpus(corpus, meta, text_column=text_column)
            for article in articles:
                if article.doc_id in ids:
                    raise InputError(corpus, f"document id '{article.doc_id}' ({article.path}) is also the id of another input")
                ids.add(article.doc_id)
            if articles and articles[0].encoding != "utf-8":
                self.notes.append(f"{corpus}: not UTF-8, decoded as {articles[0].encoding}")
            self.items.extend(articles)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def paths(self) -> tuple[Path, ...]:
        """The text files of the stream (read lazily)."""
        return tuple(p for p in self.items if isinstance(p, Path))

    def _check(self, path: Path, limit: int | None = 4 * reading.MAX_ARTICLE_CHARS) -> None:
        if path == reading.STDIN:
            return  # read whole, and judged, right after
        try:
            with open(path, "rb") as handle:
                head = handle.read(self.HEAD)
                size = os.fstat(handle.fileno()).st_size
        except OSError as exc:
            raise InputError(path, exc.strerror or "cannot be read") from None
        if limit is not None and size > limit:  # more characters than allowed whatever the encoding
            raise InputError(path, f"{size:,} bytes, more than an article may have ({reading.MAX_ARTICLE_CHARS:,} characters); split it")
        if len(head) == self.HEAD:
            if not head.strip():
                return  # blank first 4 KB of a longer file: judged when read
            cut = max(head.rfind(b" "), head.rfind(b"\n"))
            head = head[: cut + 1] if cut > 0 else head  # never cut a UTF-8 sequence in two
        reading.decode(path, head)  # raises InputError for an empty or binary file

    def __iter__(self) -> Iterator[Article]:
        for item in self.items:
            if isinstance(item, Article):
                article = item
            else:
                article = reading.read_article(item, self.meta)
                self.notes.extend(_encoding_notes([article]))
            self.published[article.doc_id] = article.published
            self.documents[article.doc_id] = replace(article, text="")
            yield article


def stream_articles(
    paths: Iterable[str | Path], meta: str | Path | None = None, *, text_column: str = "text"
) -> ArticleStream:
    """The articles named by `paths` (files, pages, corpora, directories, `-`), checked now and read lazily."""
    return open_sources(paths, meta, text_column=text_column).articles


@dataclass(frozen=True, slots=True)
class Sources:
    """What a run reads: the articles (checked, read lazily), claim tables, and the meta rows."""

    articles: ArticleStream
    claim_tables: tuple[Path, ...]
    meta: dict[str, dict[str, str]] | None


def open_sources(
    paths: Iterable[str | Path], meta: str | Path | None = None, *, allow_claim_tables: bool = False,
    text_column: str = "text",
) -> Sources:
    """Check every input named and open the article stream (see `ArticleStream`)."""
    inputs = reading.collect(paths, allow_claim_tables=allow_claim_tables)
    meta_rows = reading.read_meta(meta) if meta else None
    stream = ArticleStream(inputs.articles, meta_rows, corpora=inputs.corpora, text_column=text_column, urls=inputs.urls)
    return Sources(stream, inputs.claim_tables, meta_rows)


# Up to this many articles to parse, the parse runs in this process: a worker would load the model
# just the same, and there is nothing to overlap.
INLINE_MAX = 4


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask on Linux)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class _Done:
    """A finished task, for the in-process engine (the Future API that the loop uses)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def result(self) -> Any:
        return self.value


class _Batch:
    def __init__(self) -> None:
        self.articles: list[Article] = []
        self.task: _Task | None = None  # a Future (or _Done) once submitted
        self.claims: list[list[Claim]] | None = None


class _Engine:
    """Where batches are parsed and their claims extracted.

    - inline: in this process (few articles, or the pipeline is loaded here already, as in tests);
    - split (one worker): a worker process parses, this process rebuilds the Docs and extracts the
      claims while the worker parses the next batch — the two stages overlap on two cores;
    - workers (two or more): each worker parses and extracts; only claims come back;
    - dask: the same on the workers of a Dask scheduler (`claimcheck.cluster`), whatever the number
      of articles.
    """

    def __init__(self, workers: int, articles_hint: int | None, batch_size: int, scheduler: str | None = None) -> None:
        loaded_here = "claimcheck.pipeline" in sys.modules and sys.modules["claimcheck.pipeline"].pipeline_loaded()
        self.batch_size = batch_size
        self.executor: ProcessPoolExecutor | None = None
        self.scheduler = scheduler
        self.cluster: Any = None  # a claimcheck.cluster.Cluster once started
        few = articles_hint is not None and articles_hint <= INLINE_MAX
        if scheduler is not None:
            self.mode = "dask"
            self.workers = 1  # until the cluster says how many threads it has
        elif few or (workers == 1 and (loaded_here or usable_cpus() < 2)):
            self.mode = "inline"
        else:
            self.mode = "split" if workers == 1 else "workers"
            self.workers = workers

    @property
    def max_inflight(self) -> int:
        return 1 if self.mode == "inline" else 2 * self.workers

    def start(self) -> None:
        """Start the worker processes now (they load the model as soon as they exist)."""
        if self.mode == "dask":
            if self.cluster is None:
                self.cluster = connect(self.scheduler or "")
                self.workers = self.cluster.threads
        elif self.mode != "inline" and self.executor is None:
            self._start()

    def _start(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from claimcheck import pipeline

        # Fork where it is safe (Linux): workers share what this process has loaded already (all
        # of the pipeline in tests), and a calling script needs no `if __name__ == "__main__"`
        # guard. The CLI runs no thread by then (its progress bar refreshes without one).
        method = "fork" if sys.platform.startswith("linux") else "spawn"
        self.executor = ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context(method), initializer=pipeline.worker_init
        )
        # Processes are made at the first submit: a task that does nothing makes them now.
        self.executor.submit(pipeline.worker_ready)

    def submit(self, batch: _Batch) -> None:
        from claimcheck import pipeline

        if self.mode == "inline":
            batch.task = _Done(pipeline.extract_docs(batch.articles, batch_size=self.batch_size))
            return
        self.start()
        if self.mode == "dask":
            batch.task = self.cluster.submit(batch.articles, self.batch_size)
            return
        assert self.executor is not None
        if self.mode == "split":
            batch.task = self.executor.submit(pipeline.parse_batch, [a.text for a in batch.articles], self.batch_size)
            pipeline.reading_vocab()  # built once (cached), at the first batch, while the worker loads the model
        else:
            batch.task = self.executor.submit(pipeline.extract_batch, batch.articles, self.batch_size)

    def claims(self, batch: _Batch) -> list[list[Claim]]:
        from concurrent.futures.process import BrokenProcessPool

        from claimcheck.errors import ClaimcheckError

        try:
            assert batch.task is not None
            result = self.cluster.result(batch.task) if self.mode == "dask" else batch.task.result()
        except BrokenProcessPool:
            raise ClaimcheckError("a worker process died (out of memory?); try fewer --workers") from None
        from claimcheck import pipeline

        if self.mode == "inline":
            return result  # type: ignore[no-any-return]
        if self.mode in ("workers", "dask"):
            return pipeline.claims_from_rows(result)
        from claimcheck.claims import extract_claims

        docs = pipeline.docs_from_bytes(result, pipeline.reading_vocab())
        return [extract_claims(doc, article) for doc, article in zip(docs, batch.articles)]

    def close(self, *, abort: bool, inflight: Sequence[_Batch] = ()) -> None:
        """Stop the workers: at once when the run stops early, else once they are idle. A Dask
        cluster started for the run is stopped; one reached by address is left running, the
        partitions still in flight cancelled."""
        if self.cluster is not None:
            self.cluster.close([b.task for b in inflight if b.task is not None] if abort else ())
            self.cluster = None
        if self.executor is None:
            return
        if abort:  # do not wait for batches in flight
            for process in list((getattr(self.executor, "_processes", None) or {}).values()):
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = None


def extract_articles(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    cache: ClaimCache | None = None,
    progress: Progress | None = None,
    batch_size: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[Article, list[Claim]]]:
    """Claims of each article, in order, as a stream.

    Articles are taken from `articles` only as fast as they are parsed, in batches; claims come out
    as soon as an article and all those before it are done, so memory stays flat whatever the
    corpus size. Articles in `cache` are not parsed again, and newly extracted claims go into it.
    With `workers` > 1, that many processes parse; with one, a worker process parses while this
    one extracts (see `_Engine`). With `scheduler` (a Dask scheduler's address, or `local[:N]`),
    the workers of that cluster parse and extract instead (`workers` is then not read), and this
    process alone reads and writes the cache.
    """
    from collections import deque
    from itertools import chain, islice

    source = iter(articles)
    head = list(islice(source, INLINE_MAX + 1))
    hint = len(head) if len(head) <= INLINE_MAX else None
    size = batch_size or 0  # the pipeline's batch size, looked up at the first article to parse
    engine: _Engine | None = None
    pending: deque[tuple[Article, list[Claim] | None, _Batch | None, int]] = deque()
    inflight: deque[_Batch] = deque()
    batch = _Batch()

    def submit() -> None:
        nonlocal batch
        if batch.articles:
            assert engine is not None
            engine.submit(batch)
            inflight.append(batch)
            batch = _Batch()

    def ready(block: bool) -> Iterator[tuple[Article, list[Claim]]]:
        while pending:
            article, claims, owner, index = pending[0]
            if owner is not None:
                if owner.claims is None:
                    if owner.task is None or (not block and not _finished(owner.task)):
                        return
                    assert engine is not None
                    owner.claims = engine.claims(owner)
                    inflight.remove(owner)
                    if cache is not None:
                        cache.put_many(zip(owner.articles, owner.claims))
                claims = owner.claims[index]
            pending.popleft()
            if progress is not None:
                progress(article, len(article.text.split()))
            yield article, claims  # type: ignore[misc]
            block = False  # after one blocking wait, only take what is done

    finished = False
    try:
        for article in chain(head, source):
            hit = cache.get(article) if cache is not None else None
            if hit is not None:
                pending.append((article, hit, None, 0))
            else:
                if engine is None:  # the first article to parse: only now is spaCy imported
                    from claimcheck.pipeline import BATCH_SIZE

                    size = size or BATCH_SIZE
                    engine = _Engine(workers, hint, size, scheduler)
                    engine.start()  # the workers load the model while this batch is read
                pending.append((article, None, batch, len(batch.articles)))
                batch.articles.append(article)
                if len(batch.articles) >= size:
                    submit()
            if batch.articles and len(pending) > 4 * size and pending[0][2] is batch:
                submit()  # a long run of cached articles waits behind a few to parse
            yield from ready(block=False)
            while engine is not None and len(inflight) >= engine.max_inflight:
                yield from ready(block=True)
        submit()
        yield from ready(block=True)
        while pending:
            yield from ready(block=True)
        finished = True
    finally:
        if engine is not None:
            engine.close(abort=not finished, inflight=list(inflight))


def connect(scheduler: str) -> Any:
    """A `claimcheck.cluster.Cluster` on `scheduler`; ClaimcheckError when Dask is not installed
    or the scheduler cannot be reached."""
    from claimcheck.errors import ClaimcheckError

    if not dask_available():
        raise ClaimcheckError(f"--scheduler {scheduler}: Dask is not installed (pip install 'claimcheck[dask]')")
    from claimcheck import cluster

    return cluster.Cluster(scheduler)


def dask_available() -> bool:
    """Whether `dask.distributed` can be imported (the `dask` extra)."""
    from importlib.util import find_spec

    try:
        return find_spec("distributed") is not None and find_spec("dask") is not None
    except (ImportError, ValueError):
        return False


def _finished(task: object) -> bool:
    done = getattr(task, "done", None)
    return True if done is None else bool(done())


def extract(
    paths: Iterable[str | Path], meta: str | Path | None = None, *, workers: int = 1, cache: ClaimCache | None = None,
    scheduler: str | None = None,
) -> list[Claim]:
    """All claims of the articles named by `paths` (on a Dask cluster with `scheduler`)."""
    stream = stream_articles(paths, meta)
    return [c for _, claims in extract_articles(stream, workers=workers, cache=cache, scheduler=scheduler) for c in claims]


def compare_claims(
    claims: Sequence[Claim], published: dict[str, str | None], *, include_all: bool = False
) -> list[Discrepancy]:
    from claimcheck.compare import Options, compare

    with paused_gc():
        return compare(claims, published, Options(include_all=include_all))


def explain(
    paths: Iterable[str | Path] | Sources, meta: str | Path | None, claim_a: str, claim_b: str, *, include_all: bool = False,
    workers: int = 1, cache: ClaimCache | None = None, scheduler: str | None = None,
):  # type: ignore[no-untyped-def]
    """Why two claims (ids of the claim table) were or were not compared by `diff`, and what came of it.

    Raises InputError when an id names no claim of the inputs."""
    from claimcheck.compare import Options
    from claimcheck.compare import explain as explain_pair
    from claimcheck.errors import InputError

    sources = paths if isinstance(paths, Sources) else open_sources(paths, meta, allow_claim_tables=True)
    meta_rows, articles = sources.meta, sources.articles
    claims: list[Claim] = []
    for table in sources.claim_tables:
        claims.extend(reading.read_claim_table(table))
    for _article, doc_claims in extract_articles(articles, workers=workers, cache=cache, scheduler=scheduler):
        claims.extend(doc_claims)
    published: dict[str, str | None] = dict(articles.published)
    for doc_id in {c.doc_id for c in claims} - set(published):
        published[doc_id] = (meta_rows or {}).get(doc_id, {}).get("published") or None
    ids = {c.claim_id for c in claims}
    for cid in (claim_a, claim_b):
        if cid not in ids:
            where = ", ".join(str(p) for p in (sources.articles.paths + sources.claim_tables))
            raise InputError(where, f"no claim with id {cid!r} (ids are the claim_id column of `claimcheck extract`)")
    return explain_pair(claims, published, claim_a, claim_b, Options(include_all=include_all))


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside: for bulk work that makes many objects and no cycles
    (reading a claim table, comparing claims). Python's collector runs every few hundred new
    objects and, as they pile up, rescans them all: on the claim table of 10 000 articles (746 000
    claims) reading took 9.3 s with it and 4.5 s without. Reference counting still frees memory."""
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def diff(
    paths: Iterable[str | Path] | Sources,
    meta: str | Path | None = None,
    *,
    include_all: bool = False,
    workers: int = 1,
    cache: ClaimCache | None = None,
    progress: Progress | None = None,
    keep_texts: bool = False,
    scheduler: str | None = None,
) -> DiffResult:
    """Discrepancies among articles (files, pages, corpora, directories) and claim tables written by
    `extract`. `paths` may be `Sources` opened already (then `meta` is not read again). With
    `keep_texts`, `DiffResult.documents` keeps each article's text (for the HTML report). With
    `scheduler`, the articles are extracted on that Dask cluster; the comparison runs here (it is a
    few per cent of a run: see the README's performance section)."""
    sources = paths if isinstance(paths, Sources) else open_sources(paths, meta, allow_claim_tables=True)
    meta_rows, articles = sources.meta, sources.articles  # articles read lazily: only the claims stay
    claims: list[Claim] = []
    keys: list[str] = []  # every input's own key, for the comparison cache
    documents: dict[str, Article] = {}
    for table in sources.claim_tables:
        with paused_gc():
            claims.extend(reading.read_claim_table(table))
        if cache is not None:
            keys.append("table:" + hashlib.sha256(table.read_bytes()).hexdigest())
    for article, doc_claims in extract_articles(articles, workers=workers, cache=cache, progress=progress,
                                                scheduler=scheduler):
        claims.extend(doc_claims)
        documents[article.doc_id] = article if keep_texts else replace(article, text="")
        if cache is not None:
            from claimcheck.cache import article_key

            keys.append("article:" + article_key(article))
    published: dict[str, str | None] = dict(articles.published)
    for doc_id in {c.doc_id for c in claims} - set(published):
        info = (meta_rows or {}).get(doc_id, {})
        published[doc_id] = info.get("published") or None
        documents[doc_id] = reading.make_article(doc_id, "", info)  # a claim table's document: the meta row only
    notes = (*articles.notes, *meta_notes(meta_rows, published))
    report_key = None
    if cache is not None:
        from claimcheck.cache import report_key as make_key

        # Claim tables carry no publication date of their own: the meta file is an input too.
        report_key = make_key([*keys, *(f"meta:{d}={p}" for d, p in sorted(published.items()))], include_all)
        cached = cache.get_report(report_key)
        if cached is not None:
            return DiffResult(tuple(claims), tuple(cached), notes, documents)
    discrepancies = compare_claims(claims, published, include_all=include_all)
    if cache is not None and report_key is not None:
        cache.put_report(report_key, discrepancies)
    return DiffResult(tuple(claims), tuple(discrepancies), notes, documents)

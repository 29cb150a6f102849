"""The `claimcheck` command: thin typer wrappers over `claimcheck.api`.

Only typer, rich and the standard library are imported at module level, so `--help` is fast; the
spaCy pipeline is loaded inside the commands that need it.
"""

from __future__ import annotations

import logging
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, Self

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Extract the claims of news articles (French first) and report where articles disagree.",
)


class _StderrLines(logging.Handler):
    """A library warning as one visible line on whatever stderr is now (control characters shown,
    not obeyed)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            sys.stderr.write("claimcheck: warning: " + _visible(record.getMessage().replace("\n", " ")) + "\n")
        except Exception:  # noqa: BLE001 - logging must never stop the run
            self.handleError(record)


_RECEIVED: list[int] = []  # the terminating signal received, if any (its exit status is 128 + its number)


def _interrupted(signum: int, frame: object) -> None:
    _RECEIVED.append(signum)
    raise KeyboardInterrupt  # the way Ctrl-C ends a run: outputs removed, worker processes ended


@app.callback()
def _setup(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """SIGTERM and SIGHUP end a run as SIGINT does (no temporary output left, workers stopped);
    warnings of the library (a sentence skipped after an unexpected error) go to stderr as one
    `claimcheck: warning:` line each, with --quiet too (they say what is missing from the output)."""
    import signal

    log = logging.getLogger("claimcheck")
    if not any(isinstance(h, _StderrLines) for h in log.handlers):
        log.addHandler(_StderrLines())
        log.propagate = False
        log.setLevel(logging.WARNING)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            signal.signal(sig, _interrupted)


class ClaimFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    xlsx = "xlsx"
    sqlite = "sqlite"


class ReportFormat(str, Enum):
    table = "table"
    csv = "csv"
    jsonl = "jsonl"
    html = "html"
    xlsx = "xlsx"
    sqlite = "sqlite"


def _version(value: bool) -> None:
    if value:
        from claimcheck import __version__

        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


def _choose_format(fmt: Enum | None, output: Path | None, excel: bool, allowed: type[Enum], default: str) -> str:
    """--format, else the one the -o extension names, else `default`; refused when the command does
    not write it, when a file format would go to standard output, or --excel is not for csv."""
    from claimcheck.report import FILE_FORMATS, format_for

    chosen = fmt.value if fmt is not None else format_for(output) or default
    if chosen not in allowed.__members__:
        names = ", ".join(allowed.__members__)
        _fail(f"{output}: this command writes {names}; the extension names {chosen} (give --format)")
    to_stdout = output is None or str(output) == "-"
    if chosen in FILE_FORMATS and to_stdout:
        _fail(f"--format {chosen} writes a file: name it with -o FILE")
    if excel and chosen != "csv":
        _fail(f"--excel makes a CSV for Excel; it does not apply to --format {chosen}")
    return chosen


PathsArg = Annotated[
    list[str],  # not Path: a Path folds the '//' of an http:// address
    typer.Argument(
        help="Articles: text files (.txt), saved web pages (.html/.htm), directories of them, corpus files"
        " (.csv/.jsonl/.json with a text column), http(s):// addresses of pages, or '-' for standard input;"
        " diff also takes claim tables written by extract (.csv/.jsonl).",
        metavar="PATH...",
    ),
]
ExcelOpt = Annotated[
    bool,
    typer.Option("--excel", help="CSV for Excel: UTF-8 with BOM, ';' between cells, formula-like cells neutralised."),
]
TextColumnOpt = Annotated[
    str, typer.Option("--text-column", help="The column (key) that holds the article text in a corpus file.")
]
OutputOpt = Annotated[
    Optional[Path], typer.Option("-o", "--output", help="Write to this file instead of standard output ('-': standard output).")
]
MetaOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--meta",
        help="CSV (',' or ';') with doc_id,published[,outlet,url]: publication dates anchor relative dates;"
        " it wins over what a page or a corpus row says.",
    ),
]
WorkersOpt = Annotated[
    Optional[int],
    typer.Option(
        "--workers", min=1, max=64, show_default="1",
        help="Processes that parse the articles. With 1, one parses while the main process extracts claims.",
    ),
]
SchedulerOpt = Annotated[
    Optional[str],
    typer.Option(
        "--scheduler", envvar="CLAIMCHECK_SCHEDULER", metavar="ADDRESS",
        help="Parse on a Dask cluster: a scheduler's address (tcp://host:8786), or local[:N] for N local worker"
        " processes. Needs claimcheck[dask]; not with --workers.",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, notes or summary line on stderr.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Parse every article again; do not read or write the claim cache.")]
CacheDirOpt = Annotated[
    Optional[Path],
    typer.Option("--cache-dir", envvar="CLAIMCHECK_CACHE_DIR", help="Where the claim cache lives (default: the user cache directory)."),
]


def _visible(message: str) -> str:
    """One line, with control characters (from a file name, a table cell) shown, not obeyed."""
    from claimcheck.report.terminal import safe

    return safe(message, one_line=True)


def _fail(message: str) -> None:
    typer.echo(f"claimcheck: error: {_visible(message)}", err=True)
    raise typer.Exit(code=2)


def _note(message: str, quiet: bool) -> None:
    if not quiet:
        typer.echo(f"claimcheck: note: {_visible(message)}", err=True)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else many or word + 's'}".replace(",", "\u202f")


def _summary(started: float, quiet: bool, articles: int, claims: int, discrepancies: int | None = None) -> None:
    """The last line on stderr: what was read and found, and how long it took."""
    if quiet:
        return
    import time

    parts = [_plural(articles, "article"), _plural(claims, "claim")]
    if discrepancies is not None:
        parts.append(_plural(discrepancies, "discrepancy", "discrepancies"))
    typer.echo(f"claimcheck: {', '.join(parts)}, {time.monotonic() - started:.1f} s", err=True)


class _ProgressBar:
    """A rich progress bar on stderr: articles done, words/s, time left. Silent when stderr is not a
    terminal, with --quiet, or for a handful of articles (MIN_ARTICLES)."""

    MIN_ARTICLES = 4

    def __init__(self, total: int, quiet: bool) -> None:
        self.progress = None
        if quiet or total < self.MIN_ARTICLES or not sys.stderr.isatty():
            return
        import time

        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.clock = time.monotonic
        self.words = 0
        self.first: float | None = None  # when the first article came out (the model is loaded)
        self.progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
            # No refresh thread: worker processes are forked while the bar is up (see api._Engine).
            auto_refresh=False,
        )
        self.shown = 0.0
        self.task = self.progress.add_task("loading the model", total=total, rate="")

    def __enter__(self) -> Self:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def advance(self, _article: object, words: int) -> None:
        """Called once per article done, with its word count."""
        if self.progress is None:
            return
        now = self.clock()
        if self.first is None:
            self.first = now
            self.progress.update(self.task, advance=1, description="extracting")
        else:
            # The rate counts from the first article out, so that start-up does not drag it down.
            self.words += words
            rate = self.words / max(now - self.first, 1e-9)
            self.progress.update(self.task, advance=1, rate=f"{rate:,.0f} words/s")
        if now - self.shown >= 0.1 or self.progress.finished:
            self.shown = now
            self.progress.refresh()


def _where(workers: int | None, scheduler: str | None) -> tuple[int, str | None]:
    """--workers and --scheduler, checked: (workers, scheduler or None)."""
    if scheduler is not None and not scheduler.strip():
        scheduler = None  # CLAIMCHECK_SCHEDULER= (empty) is no scheduler
    if scheduler is None:
        return workers or 1, None
    if workers is not None:
        _fail(f"--workers and --scheduler {scheduler} (or CLAIMCHECK_SCHEDULER) do not go together: the cluster's"
              " workers parse; for N local worker processes use --scheduler local:N")
    from claimcheck import api

    if not api.dask_available():
        _fail(f"--scheduler {scheduler}: Dask is not installed (pip install 'claimcheck[dask]')")
    from claimcheck.cluster import parse_address
    from claimcheck.errors import ClaimcheckError

    try:
        parse_address(scheduler)
    except ClaimcheckError as exc:
        _fail(str(exc))
    return 1, scheduler


def _open_cache(no_cache: bool, cache_dir: Path | None, quiet: bool):  # type: ignore[no-untyped-def]
    if no_cache:
        return None
    import os

    from claimcheck.cache import open_cache

    if cache_dir is None and os.environ.get("CLAIMCHECK_CACHE_DIR", None) == "":
        _fail("CLAIMCHECK_CACHE_DIR is set but empty: name a directory, unset it, or pass --no-cache")
    if cache_dir is not None:
        if str(cache_dir) == "":
            _fail("--cache-dir is empty: name a directory")
        cache_dir = cache_dir.expanduser()

    cache, problem = open_cache(cache_dir)
    if problem:  # an unusable cache must never stop the work
        _note(f"claim cache disabled ({problem})", quiet)
    if cache is not None and cache.rebuilt:
        _note(f"claim cache {cache.rebuilt}", quiet)
    return cache


def _close_cache(cache, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    if cache is None:
        return
    if cache.disabled:
        _note(f"claim cache disabled during the run ({cache.disabled})", quiet)
    cache.close()


@app.command()
def extract(
    paths: PathsArg,
    output: OutputOpt = None,
    fmt: Annotated[
        Optional[ClaimFormat],
        typer.Option("--format", "-f", help="Output format (default: from the -o extension, else csv)."),
    ] = None,
    meta: MetaOpt = None,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    text_column: TextColumnOpt = "text",
    excel: ExcelOpt = False,
) -> None:
    """Write the claim table of the articles: quantities, dates and entities with their frames."""
    import time

    from claimcheck import api, report
    from claimcheck.errors import ClaimcheckError

    started = time.monotonic()
    chosen = _choose_format(fmt, output, excel, ClaimFormat, "csv")
    workers, scheduler = _where(workers, scheduler)
    count = 0
    cache = None
    try:
        # Every file is checked now, before any output; each is read only when its turn comes, and
        # claim rows are written as they come, so memory does not grow with the corpus.
        sources = api.open_sources(paths, meta, text_column=text_column)
        articles = sources.articles
        cache = _open_cache(no_cache, cache_dir, quiet)
        with _ProgressBar(len(articles), quiet) as bar:
            found = api.extract_articles(articles, workers=workers, cache=cache, progress=bar.advance, scheduler=scheduler)

            def counted(claims: list) -> list:  # type: ignore[type-arg]
                nonlocal count
                count += len(claims)
                return claims

            stream = (claim for _, claims in found for claim in counted(claims))
            if chosen in report.FILE_FORMATS:
                assert output is not None
                report.write_file(output, chosen, claims=stream, documents=articles.documents)
            elif output is None or str(output) == "-":
                report.render_claims(stream, chosen, sys.stdout, excel=excel)
            else:
                with report.atomic_writer(output) as handle:
                    report.render_claims(stream, chosen, handle, excel=excel)
        for note in [*articles.notes, *api.meta_notes(sources.meta, articles.published)]:
            _note(note, quiet)
        _summary(started, quiet, len(articles.documents), count)
    except ClaimcheckError as exc:
        _fail(str(exc))
    finally:
        _close_cache(cache, quiet)


@app.command()
def diff(
    paths: PathsArg,
    output: OutputOpt = None,
    fmt: Annotated[
        Optional[ReportFormat],
        typer.Option("--format", "-f", help="Report format (default: from the -o extension, else table)."),
    ] = None,
    meta: MetaOpt = None,
    include_all: Annotated[
        bool, typer.Option("--include-all", help="Also compare reader comments and page boilerplate.")
    ] = False,
    workers: WorkersOpt = None,
    scheduler: SchedulerOpt = None,
    quiet: QuietOpt = False,
    no_cache: NoCacheOpt = False,
    cache_dir: CacheDirOpt = None,
    explain: Annotated[
        Optional[tuple[str, str]],
        typer.Option(
            "--explain", metavar="CLAIM_A CLAIM_B",
            help="Instead of the report, say why two claims (claim_id of `extract`) were or were not compared:"
            " the evidence features, their weights, the threshold, the linking.",
        ),
    ] = None,
    text_column: TextColumnOpt = "text",
    excel: ExcelOpt = False,
) -> None:
    """Report where the articles disagree: quantities, dates, reversed flows, sources."""
    import time

    from claimcheck import api, report
    from claimcheck.errors import ClaimcheckError

    started = time.monotonic()
    chosen = _choose_format(fmt, output, excel, ReportFormat, "table")
    workers, scheduler = _where(workers, scheduler)
    cache = None
    try:
        sources = api.open_sources(paths, meta, allow_claim_tables=True, text_column=text_column)
        cache = _open_cache(no_cache, cache_dir, quiet)
        if explain is not None:
            why = api.explain(sources, None, explain[0], explain[1], include_all=include_all, workers=workers, cache=cache,
                              scheduler=scheduler)
            typer.echo(why.text())
            return
        with _ProgressBar(len(sources.articles), quiet) as bar:
            result = api.diff(sources, include_all=include_all, workers=workers, cache=cache, progress=bar.advance,
                              keep_texts=chosen == "html", scheduler=scheduler)
        for note in result.notes:
            _note(note, quiet)
        items = list(result.discrepancies)
        context = {"documents": result.documents, "claims": result.claims} if chosen in ("html", "table") else {}
        if chosen in report.FILE_FORMATS:
            assert output is not None
            report.write_file(output, chosen, claims=result.claims, discrepancies=items, documents=result.documents)
        elif output is None or str(output) == "-":
            report.render_discrepancies(items, chosen, sys.stdout, excel=excel, **context)
        else:
            with report.atomic_writer(output) as handle:
                report.render_discrepancies(items, chosen, handle, excel=excel, **context)
        _summary(started, quiet, len(result.documents), len(result.claims), len(items))
    except ClaimcheckError as exc:
        _fail(str(exc))
    finally:
        _close_cache(cache, quiet)


def main() -> None:
    """The `claimcheck` command: the typer app, with the shell's exit status for a run ended by a
    signal (SIGINT 130, SIGTERM 143, SIGHUP 129), so that a supervisor sees why it stopped."""
    try:
        app(prog_name="claimcheck")
    except SystemExit as stop:
        if _RECEIVED and stop.code in (1, 130):
            raise SystemExit(128 + _RECEIVED[0]) from None
        raise

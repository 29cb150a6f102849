"""Extraction on a Dask cluster: `--scheduler tcp://host:8786`, or `--scheduler local[:N]`.

Imported only when a scheduler is asked for; it needs the `dask` extra (`dask[distributed]`).

What runs where:

- this process (the parent) reads the articles, looks each up in the claim cache, sends the
  articles not cached to the cluster in partitions, puts the claims it gets back in order and
  writes them — and writes the cache. Workers never touch the cache: on other machines they do not
  share the parent's disk, and its entries are sealed with an HMAC secret that stays with the
  parent (`claimcheck.cache`);
- each worker loads the spaCy pipeline once, when it joins (`ModelLoader`, a worker plugin: a
  worker restarted after a crash loads it again), then parses and extracts whole partitions
  (`claimcheck.pipeline.extract_batch`); only claim rows come back.

A partition whose worker dies is run again on another worker by Dask (the parent holds its future;
nothing of it was written yet), so no article is lost or written twice.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Sequence
from typing import Any

import dask
from distributed import Client, Future, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from claimcheck.errors import ClaimcheckError

ENVVAR = "CLAIMCHECK_SCHEDULER"
# Dask's nannies start workers with MALLOC_TRIM_THRESHOLD_=65536, so that freed memory goes back to
# the system at once. spaCy allocates and frees a batch's arrays over and over: with it, a worker
# took 40x the page faults and ran 13 % slower here (5 832 vs 6 734 words/s, one process). The
# workers of `local[:N]` start without it; for `dask worker`, see the README.
LOCAL_TRIM = "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_"
# Seconds to reach the scheduler, and for it to have at least one worker.
CONNECT_TIMEOUT = 10.0
_LOCAL = re.compile(r"local(?::(\d+))?")


class ModelLoader(WorkerPlugin):
    """Loads the pipeline in each worker as it joins, and checks that the worker runs the same
    claimcheck code and model as the parent (else its claims would differ from a local run)."""

    name = "claimcheck-model"
    idempotent = True

    def __init__(self, version: str) -> None:
        self.version = version

    async def setup(self, worker: Any) -> None:
        from claimcheck.cache import pipeline_version
        from claimcheck.pipeline import load_pipeline

        if pipeline_version() != self.version:
            raise RuntimeError(
                f"worker {worker.address} runs another version of claimcheck or of its model"
                f" ({pipeline_version()}, the parent {self.version}): install the same one everywhere"
            )
        # In a thread: the worker's event loop keeps answering the scheduler while the model loads.
        await asyncio.to_thread(load_pipeline)


def parse_address(address: str) -> tuple[str, int | None]:
    """("local", N workers) for `local` / `local:N`, else (the scheduler's address, None)."""
    address = address.strip()
    m = _LOCAL.fullmatch(address)
    if m:
        from claimcheck.api import usable_cpus

        workers = int(m.group(1)) if m.group(1) else max(1, usable_cpus())
        if not 1 <= workers <= 64:
            raise ClaimcheckError(f"--scheduler {address}: between 1 and 64 local workers")
        return "local", workers
    if not address:
        raise ClaimcheckError("--scheduler is empty: name a scheduler (tcp://host:8786) or local[:N]")
    return address, None


class Cluster:
    """A connection to a Dask scheduler (or a LocalCluster started for the run) that extracts partitions."""

    def __init__(self, address: str) -> None:
        self.address = address
        where, workers = parse_address(address)
        self.local: LocalCluster | None = None
        quiet = logging.ERROR  # a worker restarted after a crash is not the user's business
        try:
            if where == "local":
                with dask.config.set({LOCAL_TRIM: None}):
                    self.local = LocalCluster(
                        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                        silence_logs=quiet,
                    )
                self.client = Client(self.local, timeout=CONNECT_TIMEOUT)
            else:
                logging.getLogger("distributed").setLevel(quiet)
                self.client = Client(where, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            self.close()
            raise ClaimcheckError(f"cannot reach the Dask scheduler at {address}: {_reason(exc)}") from None
        except (ValueError, TypeError) as exc:  # "tcp://host:x"
            self.close()
            raise ClaimcheckError(f"--scheduler {address}: not a scheduler address (tcp://host:8786) nor local[:N]"
                                  f" ({_reason(exc)})") from None
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError):
            self.close()
            raise ClaimcheckError(f"the Dask scheduler at {address} has no worker (start one: dask worker {address})") from None
        from claimcheck.cache import pipeline_version

        try:
            self.client.register_plugin(ModelLoader(pipeline_version()))
        except Exception as exc:  # noqa: BLE001 - whatever a worker raised, one line for the user
            self.close()
            raise ClaimcheckError(f"Dask worker could not load the pipeline: {exc}") from None

    @property
    def threads(self) -> int:
        """Tasks the cluster runs at once (its workers' threads)."""
        try:
            return max(1, sum(self.client.nthreads().values()))
        except (OSError, TimeoutError):  # pragma: no cover - the scheduler went away
            return 1

    def submit(self, articles: Sequence[Any], batch_size: int) -> Future:
        from claimcheck import pipeline

        # pure=False: a key of its own per partition, without hashing the texts for one.
        return self.client.submit(pipeline.extract_batch, list(articles), batch_size, pure=False)

    def result(self, future: Future) -> Any:
        from distributed.client import FutureCancelledError

        try:
            from distributed.scheduler import KilledWorker
        except ImportError:  # pragma: no cover - older distributed
            KilledWorker = ()  # type: ignore[assignment]  # noqa: N806
        try:
            return future.result()
        except KilledWorker:
            raise ClaimcheckError(
                "Dask workers died again and again on one partition (out of memory?); give the workers more memory"
            ) from None
        except (FutureCancelledError, asyncio.CancelledError, OSError) as exc:
            raise ClaimcheckError(f"lost the Dask scheduler at {self.address}: {_reason(exc)}") from None

    def close(self, futures: Sequence[Future] = ()) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            try:
                if futures:
                    client.cancel(list(futures))
                client.close()
            except Exception:  # noqa: BLE001 - closing must not hide why the run stopped
                pass
            self.client = None  # type: ignore[assignment]
        if self.local is not None:
            try:
                self.local.close()
            except Exception:  # noqa: BLE001
                pass
            self.local = None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]

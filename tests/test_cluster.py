"""Extraction on a Dask cluster (`--scheduler`): the same bytes as a local run, a worker that dies
mid-run loses and duplicates nothing, and the errors are one line.

One LocalCluster of two worker processes serves the whole module; each worker loads the model
once (claimcheck.cluster.ModelLoader), as this process does through the `nlp` fixture. Tests reach
it by its address, as `--scheduler tcp://host:8786` reaches a real scheduler.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from distributed import LocalCluster  # noqa: E402
from distributed.diagnostics.plugin import WorkerPlugin  # noqa: E402

from claimcheck import api  # noqa: E402
from claimcheck.cli import app  # noqa: E402

runner = CliRunner()

# Enough small articles for several partitions of BATCH_SIZE (16), with figures, dates and names.
_TEMPLATES = (
    "Selon la préfecture, {n} 000 manifestants ont défilé le {d} mars à Lyon contre la réforme.\n\n"
    "Les syndicats affirment que {m} 000 personnes étaient présentes, un chiffre contesté par la police.",
    "Le ministère a annoncé mardi le déblocage de {n} millions d'euros pour {m} communes touchées par la tempête.\n\n"
    "D'après Météo-France, des rafales de {d}0 km/h ont été mesurées dans la nuit du {d} au {e} novembre.",
    "La Corée du Nord aurait expédié environ {n} 000 conteneurs vers la Russie depuis septembre, selon Washington.\n\n"
    "Le Pentagone évoque plutôt {m} 000 conteneurs, livrés entre le {d} et le {e} mai.",
)


def _corpus(count: int) -> dict[str, str]:
    return {
        f"a{i:03d}": _TEMPLATES[i % len(_TEMPLATES)].format(n=i + 2, m=i + 5, d=i % 20 + 1, e=i % 20 + 3)
        for i in range(count)
    }


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CLAIMCHECK_SCHEDULER", raising=False)


@pytest.fixture(scope="module")
def scheduler(nlp):
    """The address of a LocalCluster of two single-threaded worker processes."""
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


def run(*args: object, **kwargs: object):
    return runner.invoke(app, [str(a) for a in args], **kwargs)  # type: ignore[arg-type]


def _both(tmp_path: Path, scheduler: str, *args: object, suffix: str) -> tuple[bytes, bytes]:
    """The output of one command run here and on the cluster (no cache: both parse)."""
    outputs = []
    for name, extra in (("local", ()), ("dask", ("--scheduler", scheduler))):
        out = tmp_path / f"{name}.{suffix}"
        result = run(*args, "-o", out, "--no-cache", "--quiet", *extra)
        assert result.exit_code == 0, result.output
        outputs.append(out.read_bytes())
    return outputs[0], outputs[1]


# ----------------------------------------------------------------------------- same output
def test_extract_seeds_csv_is_byte_identical(scheduler, seeds_dir, tmp_path):
    local, dask = _both(tmp_path, scheduler, "extract", seeds_dir, "--meta", seeds_dir / "meta.csv", suffix="csv")
    assert local == dask and local.count(b"\n") > 100


def test_extract_of_several_partitions_is_byte_identical_and_in_order(scheduler, write_articles, tmp_path):
    folder = write_articles(_corpus(40))
    local, dask = _both(tmp_path, scheduler, "extract", folder, "--format", "jsonl", suffix="jsonl")
    assert local == dask
    ids = [json.loads(line)["doc_id"] for line in dask.splitlines()]
    assert ids == sorted(ids) and len(set(ids)) == 40


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_diff_of_the_seeds_is_byte_identical(scheduler, seeds_dir, tmp_path, fmt):
    local, dask = _both(tmp_path, scheduler, "diff", seeds_dir, "--meta", seeds_dir / "meta.csv", "--format", fmt,
                        suffix=fmt)
    assert local == dask and local.count(b"\n") >= 4


def test_api_diff_on_the_cluster_gives_the_local_report(scheduler, seeds_dir, seed_result):
    result = api.diff([seeds_dir], seeds_dir / "meta.csv", scheduler=scheduler)
    assert result.discrepancies == seed_result.discrepancies
    assert result.claims == seed_result.claims


def test_the_scheduler_comes_from_the_environment_too(scheduler, seeds_dir, tmp_path):
    out = tmp_path / "env.csv"
    result = run("extract", seeds_dir, "-o", out, "--no-cache", "-q", env={"CLAIMCHECK_SCHEDULER": scheduler})
    assert result.exit_code == 0, result.output
    local = tmp_path / "local.csv"
    assert run("extract", seeds_dir, "-o", local, "--no-cache", "-q").exit_code == 0
    assert out.read_bytes() == local.read_bytes()


# ----------------------------------------------------------------------------------- cache
def test_the_parent_alone_writes_the_cache_and_serves_it_without_a_cluster(scheduler, write_articles, tmp_path):
    folder = write_articles(_corpus(20))
    cache = tmp_path / "cache"
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    result = run("extract", folder, "-o", first, "--cache-dir", cache, "-q", "--scheduler", scheduler)
    assert result.exit_code == 0, result.output
    # Every article is cached now: a second run needs no worker at all, even with no scheduler there.
    result = run("extract", folder, "-o", second, "--cache-dir", cache, "-q", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()


# ----------------------------------------------------------------------------------- errors
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_scheduler_is_one_line_and_exit_2(nlp, seeds_dir, tmp_path, monkeypatch):
    from claimcheck import cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    out = tmp_path / "claims.csv"
    result = run("extract", seeds_dir, "-o", out, "--no-cache", "--scheduler", f"tcp://127.0.0.1:{_free_port()}")
    assert result.exit_code == 2
    assert result.output.startswith("claimcheck: error: cannot reach the Dask scheduler at tcp://127.0.0.1:")
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1
    assert not out.exists()


@pytest.mark.parametrize("address, says", [("local:0", "between 1 and 64"), ("tcp://host:port", "not a scheduler address")])
def test_a_bad_address_is_one_line_and_exit_2(nlp, seeds_dir, tmp_path, address, says):
    out = tmp_path / "claims.csv"
    result = run("extract", seeds_dir, "-o", out, "--no-cache", "--scheduler", address)
    assert result.exit_code == 2 and says in result.output
    assert len(result.output.strip().splitlines()) == 1 and not out.exists()


def test_without_dask_installed_scheduler_is_refused(nlp, seeds_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # what `import distributed` meets without the extra
    result = run("diff", seeds_dir, "--scheduler", "local:2")
    assert result.exit_code == 2
    assert result.output.strip() == ("claimcheck: error: --scheduler local:2: Dask is not installed"
                                     " (pip install 'claimcheck[dask]')")


def test_workers_and_scheduler_do_not_go_together(nlp, seeds_dir):
    result = run("extract", seeds_dir, "--workers", "2", "--scheduler", "local:2")
    assert result.exit_code == 2 and "--workers and --scheduler local:2" in result.output
    result = run("extract", seeds_dir, "--workers", "2", env={"CLAIMCHECK_SCHEDULER": "local:2"})
    assert result.exit_code == 2 and "do not go together" in result.output


# ------------------------------------------------------------------- a worker dies mid-run
class _DieOnce(WorkerPlugin):
    """Kills the worker process the first time any worker starts a task (a marker file, shared by
    the workers of this machine, says whether it has happened)."""

    name = "test-die-once"

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key, start, finish, *args, **kwargs):  # type: ignore[no-untyped-def]
        if finish == "executing":
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.write(fd, str(key).encode())
            os.close(fd)
            os._exit(1)  # like the OOM killer: no clean-up, the partition's task in flight is lost


def test_a_worker_killed_mid_run_loses_and_duplicates_no_article(scheduler, write_articles, tmp_path):
    from distributed import Client

    folder = write_articles(_corpus(40))  # three partitions
    local = tmp_path / "local.csv"
    assert run("extract", folder, "-o", local, "--no-cache", "-q").exit_code == 0
    marker = tmp_path / "died"
    with Client(scheduler) as client:
        client.register_plugin(_DieOnce(str(marker)))
        try:
            out = tmp_path / "dask.csv"
            result = run("extract", folder, "-o", out, "--no-cache", "-q", "--scheduler", scheduler)
        finally:
            client.unregister_worker_plugin(_DieOnce.name)
    assert marker.exists(), "no worker was killed: the test proved nothing"
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == local.read_bytes()


def test_a_worker_with_other_code_or_model_is_refused(nlp):
    import asyncio
    from types import SimpleNamespace

    from claimcheck.cluster import ModelLoader

    with pytest.raises(RuntimeError, match="another version of claimcheck"):
        asyncio.run(ModelLoader("0000000000000000").setup(SimpleNamespace(address="tcp://w:1")))


@pytest.mark.parametrize("address, expected", [
    ("local", ("local", None)), ("local:3", ("local", 3)), (" tcp://10.0.0.5:8786 ", ("tcp://10.0.0.5:8786", None)),
])
def test_scheduler_addresses(address, expected):
    from claimcheck.cluster import parse_address

    where, workers = parse_address(address)
    assert where == expected[0] and (workers == expected[1] or expected[1] is None and (where != "local" or workers >= 1))

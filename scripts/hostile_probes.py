"""Run the hostile-input probes of issue 17 against the installed `claimcheck` and print a table:
probe, exit status, lines on stderr, the first stderr line, and whether anything was left behind.

    .venv/bin/python scripts/hostile_probes.py            # all probes, in a temporary directory

Each probe builds its input in a fresh temporary directory; nothing outside it is touched (the cache
is pointed inside it too). The tests of tests/test_hostile*.py assert the same behaviours; this script
is the table a reviewer reads.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

BIN = Path(sys.executable).with_name("claimcheck")
GOOD = "Le port a reçu 1 200 conteneurs le 3 mars 2024, selon la capitainerie.\n"


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(cwd / "cache"), "COLUMNS": "120", **(env or {})}
    return subprocess.run([str(BIN), *args], cwd=cwd, env=full_env, input=stdin, capture_output=True, text=True, timeout=600)


def article(d: Path, name: str, text: str) -> Path:
    (d / "in").mkdir(exist_ok=True)
    p = d / "in" / name
    p.write_text(text, encoding="utf-8")
    return p


def leftovers(d: Path) -> list[str]:
    return sorted(str(p.relative_to(d)) for p in d.rglob("*") if ".tmp" in p.name or p.name.startswith(".claimcheck"))


Probe = Callable[[Path], tuple[subprocess.CompletedProcess, str]]
PROBES: list[tuple[str, Probe]] = []


def probe(name: str):
    def wrap(fn: Probe) -> Probe:
        PROBES.append((name, fn))
        return fn
    return wrap


@probe("typo '1.234.5' in an article")
def _typo(d):
    article(d, "a.txt", "Il y avait 1.234.5 personnes et 192.168.1.2 machines. " + GOOD)
    return run(["extract", "in", "-f", "csv", "-o", "out.csv"], d), "out.csv written"


@probe("published 9999-12-31 (calendar end)")
def _cal_end(d):
    article(d, "a.txt", "Demain, l'an prochain, " + GOOD)
    (d / "meta.csv").write_text("doc_id,published\na,9999-12-31\n")
    return run(["extract", "in", "--meta", "meta.csv", "-o", "out.csv"], d), ""


@probe("published 0001-01-01 (calendar start)")
def _cal_start(d):
    article(d, "a.txt", "Hier, la veille, l'an dernier, " + GOOD)
    (d / "meta.csv").write_text("doc_id,published\na,0001-01-01\n")
    return run(["extract", "in", "--meta", "meta.csv", "-o", "out.csv"], d), ""


@probe("article of 1 200 000 characters")
def _huge(d):
    article(d, "a.txt", ("Un paragraphe sans chiffre ni date, assez long pour compter. " * 20 + "\n\n") * 1000)
    return run(["extract", "in", "-o", "out.csv"], d), ""


@probe("'[/]' and '[link=…]' in a sentence, table output")
def _markup(d):
    article(d, "a.txt", "Le [/] port [link=https://evil.example]a reçu[/link] 1 200 conteneurs.\nLe port a reçu 1 000 conteneurs.\n")
    r = run(["diff", "in"], d)
    return r, "hyperlink escape in stdout: " + ("YES" if "\x1b]8;" in r.stdout else "no")


@probe("ESC clear-screen in an article and a file name")
def _esc(d):
    article(d, "a\x1b[2Jb.txt", "Le port a reçu \x1b[2J\x1b[31m1 200 conteneurs.\nLe port a reçu 1 000 conteneurs.\n")
    r = run(["diff", "in"], d)
    return r, "ESC in stdout/stderr: " + ("YES" if "\x1b[2J" in r.stdout + r.stderr else "no")


@probe("corpus CSV with a field over 131 072 characters")
def _csv_field(d):
    (d / "corpus.csv").write_text("id,text\na," + '"' + ("mot " * 40000) + GOOD + '"\n', encoding="utf-8")
    return run(["extract", "corpus.csv", "-o", "out.csv"], d), ""


@probe("JSON corpus with a number of 400 digits")
def _json_digits(d):
    (d / "corpus.json").write_text('[{"id": "a", "text": "x", "n": ' + "9" * 400 + "}]")
    return run(["extract", "corpus.json", "-o", "out.csv"], d), ""


@probe("JSON corpus nested 100 000 deep")
def _json_deep(d):
    (d / "corpus.json").write_text("[" * 100000 + "]" * 100000)
    return run(["extract", "corpus.json", "-o", "out.csv"], d), ""


@probe("-o onto a directory")
def _o_dir(d):
    article(d, "a.txt", GOOD)
    (d / "outdir").mkdir()
    return run(["extract", "in", "-o", "outdir"], d), ""


@probe("-o ''")
def _o_empty(d):
    article(d, "a.txt", GOOD)
    return run(["extract", "in", "-o", ""], d), ""


@probe("-o /dev/full (disk full)")
def _o_full(d):
    article(d, "a.txt", GOOD)
    return run(["extract", "in", "-o", "/dev/full"], d), ""


@probe("-o onto a symlink")
def _o_link(d):
    article(d, "a.txt", GOOD)
    (d / "target.txt").write_text("keep me\n")
    (d / "link.csv").symlink_to(d / "target.txt")
    r = run(["extract", "in", "-o", "link.csv"], d)
    return r, "target kept: " + str((d / "target.txt").read_text() == "keep me\n")


@probe("-o onto an existing file of mode 0640 (mode kept)")
def _o_mode(d):
    article(d, "a.txt", GOOD)
    out = d / "out.csv"
    out.write_text("old\n")
    out.chmod(0o640)
    r = run(["extract", "in", "-o", "out.csv"], d)
    return r, f"mode {oct(out.stat().st_mode & 0o777)}"


@probe("-o - (standard output)")
def _o_dash(d):
    article(d, "a.txt", GOOD)
    r = run(["extract", "in", "-f", "csv", "-o", "-"], d)
    return r, "claim rows on stdout: " + str(max(0, r.stdout.count("\n") - 1))


@probe("a named FIFO as input")
def _fifo(d):
    (d / "in").mkdir()
    os.mkfifo(d / "in" / "a.txt")
    return run(["extract", "in/a.txt", "-o", "out.csv"], d), ""


@probe("claim table truncated mid-row")
def _truncated(d):
    article(d, "a.txt", GOOD + "Le port a reçu 1 000 conteneurs le 3 mars 2024.\n")
    run(["extract", "in", "-f", "csv", "-o", "claims.csv"], d)
    text = (d / "claims.csv").read_text(encoding="utf-8")
    (d / "cut.csv").write_text(text[: len(text) * 2 // 3], encoding="utf-8")
    return run(["diff", "cut.csv", "-o", "out.csv"], d), ""


def _bad_value_probe(bad: str):
    """A claim table whose first quantity has `bad` as its value."""
    def fn(d: Path):
        article(d, "a.txt", GOOD + "Le port a reçu 1 000 conteneurs le 3 mars 2024.\n")
        run(["extract", "in", "-f", "jsonl", "-o", "claims.jsonl"], d)
        rows = [json.loads(line) for line in (d / "claims.jsonl").read_text(encoding="utf-8").splitlines()]
        next(row for row in rows if row.get("kind") == "quantity")["value"] = bad
        (d / "bad.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        return run(["diff", "bad.jsonl", "-o", "out.csv"], d), ""
    return fn


PROBES.append(("claim table with a value of 1e999", _bad_value_probe("1e999")))
PROBES.append(("claim table with a value of nan", _bad_value_probe("nan")))


@probe("damaged cache (entries overwritten with garbage)")
def _cache_damaged(d):
    article(d, "a.txt", GOOD)
    run(["extract", "in", "-o", "first.csv"], d)
    for p in (d / "cache").rglob("*"):
        if p.is_file() and "key" not in p.name:
            p.write_bytes(b"\x00garbage")
    r = run(["extract", "in", "-o", "out.csv"], d)
    same = (d / "first.csv").read_bytes() == (d / "out.csv").read_bytes() if (d / "out.csv").exists() else False
    return r, f"claims identical to the first run: {same}"


@probe("CLAIMCHECK_CACHE_DIR=''")
def _cache_empty(d):
    article(d, "a.txt", GOOD)
    return run(["extract", "in", "-o", "out.csv"], d, env={"CLAIMCHECK_CACHE_DIR": ""}), ""


@probe("CLAIMCHECK_CACHE_DIR='~/…' (expanded)")
def _cache_tilde(d):
    article(d, "a.txt", GOOD)
    r = run(["extract", "in", "-o", "out.csv"], d, env={"CLAIMCHECK_CACHE_DIR": "~/cc", "HOME": str(d / "home")})
    return r, "cache under $HOME/cc: " + str((d / "home" / "cc").exists()) + ", literal '~' dir: " + str((d / "~").exists())


def _signal_probe(sig: int):
    def fn(d: Path):
        for i in range(400):
            article(d, f"a{i:03}.txt", (GOOD * 30))
        env = {**os.environ, "CLAIMCHECK_CACHE_DIR": str(d / "cache")}
        p = subprocess.Popen([str(BIN), "extract", "in", "--workers", "2", "-o", "out.csv"], cwd=d, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
        time.sleep(12)
        p.send_signal(sig)
        out, err = p.communicate(timeout=60)
        time.sleep(1)
        orphans = subprocess.run(["pgrep", "-s", str(p.pid)], capture_output=True, text=True).stdout.split()
        r = subprocess.CompletedProcess(p.args, p.returncode, out, err)
        return r, f"leftover files: {leftovers(d) or 'none'}, out.csv: {(d / 'out.csv').exists()}, orphan processes: {len(orphans)}"
    return fn


PROBES.append(("SIGTERM during extract --workers 2", _signal_probe(signal.SIGTERM)))
PROBES.append(("SIGHUP during extract --workers 2", _signal_probe(signal.SIGHUP)))
PROBES.append(("SIGINT during extract --workers 2", _signal_probe(signal.SIGINT)))


def main() -> None:
    print(f"{'probe':52} exit  lines  first stderr line / observation")
    for name, fn in PROBES:
        with tempfile.TemporaryDirectory() as tmp:
            d = Path(tmp)
            try:
                r, seen = fn(d)
            except Exception as exc:  # the probe itself failed: show it, go on
                print(f"{name:52} ---   ---    probe failed: {exc!r}")
                continue
            lines = [line for line in r.stderr.splitlines() if line.strip()]
            first = next((line for line in lines if "claimcheck:" in line or "rror" in line), lines[0] if lines else "")
            first = first.encode("unicode_escape").decode()[:110]
            tb = " TRACEBACK" if "Traceback" in r.stderr else ""
            print(f"{name:52} {r.returncode:<5} {len(lines):<6} {first}{tb}" + (f"  [{seen}]" if seen else ""))


if __name__ == "__main__":
    main()

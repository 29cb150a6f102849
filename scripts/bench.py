#!/usr/bin/env python
"""`make bench`: throughput, diff scaling, start-up time and peak memory of claimcheck.

A benchmark, not a test. It builds synthetic corpora (default 100, 1 000 and 10 000 articles) from
the sentences of data/seeds and data/bench/dev, then measures on this machine, in one run:

  (a) raw spaCy: nlp.pipe of fr_core_news_md with every component, words/s (model load excluded);
  (b) `claimcheck extract` (whole process, start-up included), words/s and its ratio to (a);
  (c) the same with --workers 2, and its ratio to (b);
  (d) `claimcheck diff` on the claim table of each corpus, and its growth per 10x articles; plus a
      first and a second diff over the 1 000 articles with a fresh claim cache;
  (e) `claimcheck --help`;
  (f) the peak memory (RSS summed over the process and all its children) of every step.

It prints a table and writes every figure to reports/bench.json. Corpora and outputs go to
reports/bench/ (git-ignored) and are rebuilt on each run.

    python scripts/bench.py                      # everything (about 40 minutes on 2 cores)
    python scripts/bench.py --sizes 100 1000     # a quicker run
"""

from __future__ import annotations

import argparse
import csv
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
    r"|(?P<year>(?<![\d\u00a0\u202f ,.])(?:19[5-9]\d|20[0-3]\d)(?![\d,]|[ \u00a0\u202f.]\d{3}))"
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

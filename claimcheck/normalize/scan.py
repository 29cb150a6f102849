"""Run many regular expressions over a long text without scanning every line with each of them.

The finders (dates, quantities) try a few dozen patterns on every article. Each pattern opens with a
look-behind ("not after a letter"), so Python's `re` cannot jump to the places where it might match:
it tries every position of the text, pattern after pattern, and that was a quarter of the cost of
extracting claims from a parsed article. Yet most patterns need a word that few lines hold (a month,
a weekday, "nuit"), a sign ("/", "+") or at least a digit.

`LineIndex` reads a text once: where each line starts and ends, which lines hold a digit, and which
hold each key word of the patterns made so far (case-folded, in one pass per line; any other key
is looked up when first asked for). `LineIndex.finditer(regex, keys)` then runs the regex only over
the runs of lines that hold one of `keys`, and yields exactly the matches `regex.finditer(text)`
would, provided that

- no match of the regex crosses a line break (its consuming parts never match "\\n"),
- every match holds one of `keys` (case aside): a key made of word characters as a whole word,
  any other key ("/", "://") as it is, `DIGIT` as any decimal digit,
- its look-aheads read at most `PAD` characters past a line break.

tests/test_scan.py checks the first and the last on the parsed form of every gated pattern, and the
second by comparing gated and full scans over every article the project ships and awkward texts.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

# A key standing for "any decimal digit" (what `\d` matches).
DIGIT = "\\d"
# How far past a line's end a look-ahead may read ("1987\n250 …": `(?!\s\d{3})` reads 4 characters).
PAD = 16

_WORD = re.compile(r"\w+")
_DIGIT_RE = re.compile(r"\d")


def fold(text: str) -> str:
    """Text as keys are compared, of the same length: each character in lower case, as
    `re.IGNORECASE` compares them ("İ" → "i", not "i̇"), and "ı", "ſ" taken for "i", "s" as it
    takes them too — so that a key is never missed where a pattern matches."""
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


def key_words(forms: Iterable[str]) -> frozenset[str]:
    """One key word per vocabulary form — its longest word — so that a line holding none of them
    holds none of the forms ("avant-veille" → "veille", "aujourd'hui" → "aujourd")."""
    keys = set()
    for form in forms:
        words = _WORD.findall(fold(form))
        if not words:
            raise ValueError(f"vocabulary form with no word: {form!r}")
        keys.add(max(words, key=lambda w: (len(w), w)))
    return frozenset(keys)


@lru_cache(maxsize=None)
def _key_regex(key: str) -> re.Pattern[str]:
    """Where a key stands in folded text: a word key as a whole word. The key comes first and the
    word boundary before it is a look-behind after it, so that `re` finds each occurrence with its
    fast literal search instead of trying every position (folding keeps what is a word character)."""
    literal = re.escape(key)
    if _WORD.fullmatch(key) is None:
        return re.compile(literal)
    return re.compile(rf"{literal}(?<!\w{literal})(?!\w)")


# The word keys of every `Gated` pattern made so far: a `LineIndex` finds them all in one pass over
# its text; any other key it looks for on demand.
_INDEXED_WORDS: set[str] = set()


@dataclass(frozen=True, slots=True)
class Gated:
    """A pattern with its keys: `Gated(regex, keys).finditer(text)` is `regex.finditer(text)`,
    run only over the lines that hold a key (see the module doc). A key made of word characters
    must stand as a whole word; any other key ("://", "@") is looked for as it is."""

    regex: re.Pattern[str]
    keys: frozenset[str]

    def __post_init__(self) -> None:
        _INDEXED_WORDS.update(key for key in self.keys if _WORD.fullmatch(key))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return line_index(text).finditer(self.regex, self.keys)


@lru_cache(maxsize=8)
def line_index(text: str) -> LineIndex:
    """The `LineIndex` of a text, shared by the finders that read it one after the other."""
    return LineIndex(text)


class LineIndex:
    """The lines of one text, and which of them hold a key, for gated scans (see the module doc)."""

    __slots__ = ("text", "folded", "starts", "ends", "_indexed", "_lines", "_ranges")

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.starts: list[int] = []
        self.ends: list[int] = []  # the index of the line's "\n", or len(text)
        self._indexed = frozenset(_INDEXED_WORDS)
        lines: dict[str, list[int]] = {DIGIT: []}  # key → the lines holding it, in order
        start = 0
        # Folding keeps the line breaks where they are, and what is a word character.
        for i, (line, folded) in enumerate(zip(text.split("\n"), self.folded.split("\n"))):
            self.starts.append(start)
            self.ends.append(start + len(line))
            start += len(line) + 1
            if _DIGIT_RE.search(line):
                lines[DIGIT].append(i)
            for word in self._indexed.intersection(_WORD.findall(folded)):
                lines.setdefault(word, []).append(i)
        self._lines = lines
        self._ranges: dict[frozenset[str], list[tuple[int, int]]] = {}

    def lines_of(self, key: str) -> list[int]:
        """The lines holding `key` (any case; as a whole word if it is one), in order."""
        found = self._lines.get(key)
        if found is None:
            found = []
            if key in self._indexed:  # a word the index looked for, absent
                return found
            starts = self.starts
            for m in _key_regex(key).finditer(self.folded):
                line = bisect_right(starts, m.start()) - 1
                if not found or found[-1] != line:
                    found.append(line)
            self._lines[key] = found
        return found

    def ranges(self, keys: frozenset[str]) -> list[tuple[int, int]]:
        """(start, end) of each run of consecutive lines holding a key; cached per key set."""
        found = self._ranges.get(keys)
        if found is None:
            lines = sorted({i for key in keys for i in self.lines_of(key)})
            found = []
            for i in lines:
                if found and found[-1][1] + 1 == self.starts[i]:
                    found[-1] = (found[-1][0], self.ends[i])
                else:
                    found.append((self.starts[i], self.ends[i]))
            self._ranges[keys] = found
        return found

    def finditer(self, regex: re.Pattern[str], keys: frozenset[str]) -> Iterator[re.Match[str]]:
        """The matches of `regex.finditer(text)`, looked for only on lines holding one of `keys`."""
        text, size = self.text, len(self.text)
        for start, end in self.ranges(keys):
            for m in regex.finditer(text, start, min(size, end + PAD)):
                if m.start() >= end:
                    break
                yield m

"""Gated scans (claimcheck.normalize.scan): the same matches as a full scan, found faster.

A gated pattern is tried only on the lines holding one of its keys. That is exact when no match
crosses a line break, every match holds a key, and look-aheads read at most `scan.PAD` characters
past a line break: the first and the last are checked here on the parsed form of every gated
pattern; the second by comparing gated and full scans over every article the project ships and
over texts made to be awkward.
"""

from __future__ import annotations

import re
from pathlib import Path
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

import pytest

from claimcheck.normalize import dates, numbers, scan

ROOT = Path(__file__).resolve().parents[1]
NEWLINE = ord("\n")
INFINITE = float("inf")


def _gated() -> list[tuple[str, re.Pattern[str], frozenset[str]]]:
    found = [(f"dates:{r.name}", r.pattern.regex, r.pattern.keys) for r in dates._rules()]
    for module in (numbers, dates):  # and the gated patterns of module level (clock times, ordinals)
        for name, value in vars(module).items():
            items = value if isinstance(value, list) else [value]
            for i, item in enumerate(items):
                if isinstance(item, scan.Gated):
                    found.append((f"{module.__name__.rsplit('.', 1)[1]}:{name}[{i}]", item.regex, item.keys))
    return found


GATED = _gated()


# ------------------------------------------------------------------ the parsed form of a pattern
def _char_matches_newline(op, av) -> bool | None:
    """Whether a one-character node can match "\\n" (None: not a one-character node)."""
    if op is C.LITERAL:
        return av == NEWLINE
    if op is C.NOT_LITERAL:
        return av != NEWLINE
    if op is C.ANY:
        return False  # no pattern here uses DOTALL (checked below)
    if op is C.IN:
        negate, hit = False, False
        for item_op, item_av in av:
            if item_op is C.NEGATE:
                negate = True
            elif item_op is C.LITERAL:
                hit |= item_av == NEWLINE
            elif item_op is C.RANGE:
                hit |= item_av[0] <= NEWLINE <= item_av[1]
            elif item_op is C.CATEGORY:
                hit |= item_av in (C.CATEGORY_SPACE, C.CATEGORY_NOT_DIGIT, C.CATEGORY_NOT_WORD, C.CATEGORY_LINEBREAK)
            else:
                raise AssertionError(f"set item not handled: {item_op}")
        return hit != negate
    return None


def _consumers_of_newline(items) -> list[str]:
    """Nodes outside look-arounds that can consume a line break."""
    found = []
    for op, av in items:
        single = _char_matches_newline(op, av)
        if single is not None:
            if single:
                found.append(str(op))
        elif op in (C.ASSERT, C.ASSERT_NOT, C.AT, C.GROUPREF):
            continue  # zero width; a back-reference repeats what a checked group consumed
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            found += _consumers_of_newline(av[2])
        elif op is C.SUBPATTERN:
            found += _consumers_of_newline(av[-1])
        elif op is C.ATOMIC_GROUP:
            found += _consumers_of_newline(av)
        elif op is C.BRANCH:
            for branch in av[1]:
                found += _consumers_of_newline(branch)
        else:
            raise AssertionError(f"node not handled: {op}")
    return found


def _width(items) -> float:
    """The most characters a sequence reads, look-aheads included."""
    total = 0.0
    for op, av in items:
        if _char_matches_newline(op, av) is not None:
            total += 1
        elif op in (C.AT,):
            continue
        elif op in (C.ASSERT, C.ASSERT_NOT):
            total += _width(av[1]) if av[0] == 1 else 0
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            total += INFINITE if av[1] == C.MAXREPEAT else av[1] * _width(av[2])
        elif op is C.SUBPATTERN:
            total += _width(av[-1])
        elif op is C.ATOMIC_GROUP:
            total += _width(av)
        elif op is C.BRANCH:
            total += max(_width(b) for b in av[1])
        elif op is C.GROUPREF:
            total += INFINITE
        else:
            raise AssertionError(f"node not handled: {op}")
    return total


def _reach(items) -> float:
    """How far a sequence may read from the first line break it may consume (-1: none)."""
    reach = -1.0
    for op, av in items:
        if reach >= 0:
            reach += _width([(op, av)])
            continue
        single = _char_matches_newline(op, av)
        if single is not None:
            reach = 1 if single else -1
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            inner = _reach(av[2])
            if inner >= 0:
                reach = INFINITE if av[1] == C.MAXREPEAT else inner + (av[1] - 1) * _width(av[2])
        elif op is C.SUBPATTERN:
            reach = _reach(av[-1])
        elif op is C.ATOMIC_GROUP:
            reach = _reach(av)
        elif op is C.BRANCH:
            reach = max(_reach(b) for b in av[1])
        elif op in (C.ASSERT, C.ASSERT_NOT) and av[0] == 1:
            reach = _reach(av[1])
    return reach


def _lookaheads(items):
    for op, av in items:
        if op in (C.ASSERT, C.ASSERT_NOT):
            if av[0] == 1:
                yield av[1]
            yield from _lookaheads(av[1])
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            yield from _lookaheads(av[2])
        elif op is C.SUBPATTERN:
            yield from _lookaheads(av[-1])
        elif op is C.ATOMIC_GROUP:
            yield from _lookaheads(av)
        elif op is C.BRANCH:
            for branch in av[1]:
                yield from _lookaheads(branch)


@pytest.mark.parametrize("name, regex, keys", GATED, ids=[g[0] for g in GATED])
def test_gated_pattern_stays_on_its_line(name, regex, keys):
    assert not regex.flags & (re.DOTALL | re.MULTILINE)
    parsed = P.parse(regex.pattern, regex.flags)
    assert _consumers_of_newline(parsed) == [], "a match could cross a line break"
    for lookahead in _lookaheads(parsed):
        assert _reach(lookahead) <= scan.PAD, "a look-ahead reads too far past a line break"
    assert keys, "no key: the pattern would never be tried"


def test_the_checks_catch_what_they_guard_against():
    def parsed(pattern: str):
        return P.parse(pattern, 0)

    assert _consumers_of_newline(parsed(r"a\s+b")) and _consumers_of_newline(parsed(r"[^x]"))
    assert not _consumers_of_newline(parsed(r"a[^\S\n]+b(?=\s)"))
    outer, inner = _lookaheads(parsed(r"1(?!\s\d{3}(?!\d))"))
    assert _reach(outer) == 5 and _reach(inner) == -1
    (lookahead,) = _lookaheads(parsed(r"1(?=[^\S\n]*(?:,|\n|\Z))"))
    assert _reach(lookahead) == 1
    (lookahead,) = _lookaheads(parsed(r"1(?=\s*x)"))
    assert _reach(lookahead) == INFINITE


# ---------------------------------------------------------------- same matches as a full scan
def _shipped_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "data").rglob("*.txt")):
        texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


AWKWARD = [
    "",
    "\n\n",
    "Le 3 mars 2023",  # no line break at all
    "Titre\nLe 3 MARS, puis le 14-Juillet.\nRien ici.\nJEUDI 12, la nuit du 3 au 4 mai\n",
    "En 1987\n250 personnes\nen 1987\n25 personnes",  # a look-ahead that reads past the line
    "Depuis 23\n» suite",
    "ſamedi 4 et jeudı 5 ; le 1er AVRIL 2021 à 14:30, 06 12 34 56 78.\nLa moitié\ndes dizaines de milliers",
    "www.exemple.fr et https://exemple.fr/a ; @compte #mot\nun sur trois, deux tiers, une demi-heure",
    "mars\nmars\n\nmars » avril 2023 ; l'été dernier, la veille, hier soir, il y a 3 ans",
    "entre le 2 et le 5 juin\nentre mars et mai\nles années 90\ndu lundi 3 au mardi 4 avril",
    "quatre-vingt-dix-sept\ntrois cent mille\nune vingtaine de milliers\nplusieurs, quelques",
    "cette semaine, le week-end dernier, ce matin, début d'année, le premier trimestre 2024",
    # forms of issue 14 / 18: numeric days, holidays, weekday phrases, shifts, clocks, ordinals
    "le 17/02\ndu 17/02 au 21/02 ; le 20 02 2014, 2016-11, 2015-3-3, mi-2025\nà Noël, la Toussaint, Pâques 2024",
    "mardi en huit\nmercredi de la semaine prochaine, en fin de mois\ntrois semaines plus tard\nDeux jours après",
    "à 23h11\nvers 22 heures, à midi, 20:45\nPREMIÈRE, 2e, XXIe, vingt et unième\nLouis XIV",
]


@pytest.mark.parametrize("name, regex, keys", GATED, ids=[g[0] for g in GATED])
def test_gated_scan_finds_what_a_full_scan_finds(name, regex, keys):
    for text in [*AWKWARD, *_shipped_texts()]:
        full = [(m.span(), m.groups()) for m in regex.finditer(text)]
        gated = [(m.span(), m.groups()) for m in scan.LineIndex(text).finditer(regex, keys)]
        assert gated == full, text[:80]


def test_shipped_texts_are_there():
    assert len(_shipped_texts()) >= 40


# --------------------------------------------------------------------------------- the index
@pytest.mark.parametrize(
    "text, key, lines",
    [
        ("mars\nun mars\nmarsupial\nMARS.", "mars", [0, 1, 3]),  # whole words only, any case
        ("ſamedi\nsamedi", "samedi", [0, 1]),
        ("jeudı", "jeudi", [0]),
        ("İle\nile", "ile", [0, 1]),  # the same length after folding: offsets stay put
        ("a://b\nab", "://", [0]),  # a key that is not a word: anywhere
        ("x\n1\ny\n٣", scan.DIGIT, [1, 3]),  # any decimal digit, as `\d`
    ],
)
def test_lines_of_a_key(text, key, lines):
    assert scan.LineIndex(text).lines_of(key) == lines


def test_ranges_merge_neighbouring_lines():
    index = scan.LineIndex("mai\nmai\nrien\nmai")
    assert index.ranges(frozenset({"mai"})) == [(0, 7), (13, 16)]


@pytest.mark.parametrize("form, key", [("avant-veille", "veille"), ("aujourd'hui", "aujourd"), ("Été", "été")])
def test_key_words(form, key):
    assert scan.key_words([form]) == {key}


def test_fold_keeps_length():
    text = "İSTANBUL ſ ı Straße ÉTÉ"
    assert len(scan.fold(text)) == len(text)


def test_folding_keeps_word_characters_and_line_breaks():
    # LineIndex finds keys in the folded text and word boundaries there: both must be the text's own.
    for code in range(0x2FFFF):
        char = chr(code)
        folded = scan.fold(char)
        assert len(folded) == 1, hex(code)
        assert folded.isalnum() == char.isalnum() and (folded == "\n") == (char == "\n"), hex(code)

"""Numbers and quantity expressions in French text, as pure functions (no spaCy).

`parse_number` reads one number expression alone ("7 500", "1,5 milliard", "septante",
"trois quarts"); `find_quantities` finds every quantity expression of a text with its qualifier
("plus de", "environ"), its measure unit ("%", "EUR", "km/h") and exact character offsets, and
leaves out what only looks like a quantity: years (also "même en 87"), dates, clock times ("à
14 heures de Montparnasse", "hier 23h"), ordinals, phone numbers, identifiers ("article 7",
"A320"; but "la CFTC 2,1 millions" counts), "un mois de novembre", "brisé en deux" and "un"/"une"
used as articles. "degrés" is a temperature (°C) only in a temperature context.

Language knowledge lives in ``claimcheck/resources`` (``qualifiers.tsv``, ``units.tsv``,
``numerals.tsv``); number words are valued by text2num, called only on runs of number words.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from text_to_num import Token, find_numbers, text2num

from claimcheck.normalize import scan
from claimcheck.normalize.types import OrdinalMatch, QuantityMatch
from claimcheck.resources import read_table

__all__ = ["find_clock_times", "find_ordinals", "find_quantities", "parse_number"]

# Horizontal spaces only: a line break never joins a number to its unit or qualifier.
_SP = "[ \\t\\u00a0\\u202f]"
_APOS = "['’ʼ]"
_ONE = Decimal(1)
_HALF = Decimal("0.5")


# --------------------------------------------------------------------------- data files


@dataclass(frozen=True, slots=True)
class _Qualifier:
    form: str
    qualifier: str
    bounds: str
    needs_negation: bool


@dataclass(frozen=True, slots=True)
class _Unit:
    canonical: str
    factor: Decimal
    scaled_only: bool


def _norm(text: str) -> str:
    """Lower-case, one apostrophe, single spaces: the key under which a surface form is looked up."""
    text = re.sub(_APOS, "'", text.lower())
    return re.sub(rf"{_SP}+", " ", text).strip()


def _phrase(form: str) -> str:
    """Regex of a data-file form: its spaces match any run of spaces, its "'" any apostrophe."""
    return f"{_SP}+".join(re.escape(w).replace("'", _APOS) for w in form.split(" "))


def _form_pattern(form: str, *, elide: bool) -> str:
    """Regex of a qualifier followed by its space; with ``elide`` a final "de"/"que" also matches
    its elided form ("plus d'un", "qu'une")."""
    words = _phrase
    head, _, last = form.rpartition(" ")
    if elide and last == "de":
        return (
            rf"{words(form)}{_SP}+|{words(head)}{_SP}+d{_APOS}{_SP}*" if head else rf"de{_SP}+|d{_APOS}{_SP}*"
        )
    if elide and last == "que":
        stem = f"{words(head)}{_SP}+" if head else ""
        return rf"{words(form)}{_SP}+|{stem}qu{_APOS}{_SP}*"
    return rf"{words(form)}{_SP}+"


def _load_qualifiers() -> tuple[dict[str, _Qualifier], dict[str, _Qualifier]]:
    pre: dict[str, _Qualifier] = {}
    post: dict[str, _Qualifier] = {}
    for row in read_table("qualifiers.tsv"):
        form, qualifier, bounds, position = row[:4]
        entry = _Qualifier(form, qualifier, bounds, len(row) > 4 and row[4] == "neg")
        (pre if position == "pre" else post)[_norm(form)] = entry
    return pre, post


def _load_units() -> dict[str, _Unit]:
    units: dict[str, _Unit] = {}
    for form, canonical, factor, where in read_table("units.tsv"):
        units[re.sub(_APOS, "'", form)] = _Unit(canonical, Decimal(factor), where == "scaled")
    return units


def _load_numerals() -> dict[str, dict[str, tuple[str, str, str]]]:
    table: dict[str, dict[str, tuple[str, str, str]]] = {}
    for kind, form, value, low, high in read_table("numerals.tsv"):
        table.setdefault(kind, {})[form] = (value, low, high)
    return table


_PRE_QUALIFIERS, _POST_QUALIFIERS = _load_qualifiers()
_UNITS = _load_units()
_NUMERALS = _load_numerals()


def _words(kind: str) -> frozenset[str]:
    return frozenset(_norm(form) for form in _NUMERALS.get(kind, {}))


_SCALES = {form: (Decimal(v), low == "glued") for form, (v, low, _) in _NUMERALS["scale"].items()}
_COLLECTIVES = {
    form: (Decimal(v), Decimal(lo), Decimal(hi)) for form, (v, lo, hi) in _NUMERALS["collective"].items()
}
_VAGUE_PLURALS = {form: Decimal(v) for form, (v, _, _) in _NUMERALS["vague_plural"].items()}
_VAGUE_DETS = {
    form: (Decimal(lo), None if hi == "-" else Decimal(hi))
    for form, (_, lo, hi) in _NUMERALS["vague_det"].items()
}
_FRACTIONS = {form: Decimal(v) for form, (v, _, _) in _NUMERALS["fraction"].items()}
_MONTHS = _words("month")
_YEAR_INTRO = _words("year_intro") | {m.rstrip(".") for m in _MONTHS}
_CLOCK_PREPS = _words("clock_prep")
_CLOCK_AFTER = [_norm(f) for f in _NUMERALS["clock_after"]]
_IDENT_WORDS = _words("ident")
_STREET_WORDS = _words("street")
_CHANGE_STEMS = _words("change_verb")
_ORDINAL_SUFFIXES = _words("ordinal")
_FUNCTION_WORDS = _words("function_word")
_LEAD_WORDS = _words("lead_word")
_CLOCK_DATE_WORDS = _words("clock_date") | _words("weekday") | {m.rstrip(".") for m in _MONTHS}
_CUT_VERBS = _words("cut_verb")
_EN_FOLLOWERS = _words("en_follower")
_UNIT_ADJECTIVES = _words("unit_adjective")
_TIME_UNITS = ("heure", "minute", "seconde", "jour", "semaine", "mois", "an", "décennie", "siècle")


# --------------------------------------------------------------------------- regexes


def _alternation(forms: Iterable[str], pattern: Callable[[str], str]) -> str:
    """One regex alternation of ``forms``, longest first so that "km/h" wins over "km"."""
    return "|".join(pattern(f) for f in sorted(forms, key=len, reverse=True))


def _unit_form(form: str) -> str:
    return _phrase(form) + (r"(?![\w'’])" if form[-1].isalnum() else "")


_NUMBER_WORDS = [
    *("zéro", "zero", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"),
    *("dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts", "trente"),
    *("quarante", "cinquante", "soixante", "septante", "huitante", "octante", "nonante", "cent"),
    *("cents", "mille", "mil", "million", "millions", "milliard", "milliards"),
]
_W = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_WTOKEN = rf"(?:{_W})(?:-(?:{_W}|et))*(?!\w)(?!-\w)"
_WORD_RUN_RE = re.compile(
    rf"(?<![\w-])({_WTOKEN}(?:{_SP}+(?:et{_SP}+(?=(?:une|un|onze)(?!\w)))?{_WTOKEN})*)", re.IGNORECASE
)
# Thousands apart by spaces, dots, or (Swiss) apostrophes ("700’000", "245'000"); an exponent
# ("1e10", "6,02e23") has at most two digits, so that a value stays a finite float.
_DIGITS_RE = re.compile(
    r"(?<![\w.,])(?:\d{1,3}(?:(?:[ \u00a0\u202f]|[.'’](?=\d{3}(?!\d)))\d{3})+(?!\d)|\d+)(?:[.,]\d+)?"
    r"(?:[eE][+\-−]?\d{1,2}(?!\w))?"
)
_GROUPED_DOTS_RE = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_SCALE_RE = re.compile(rf"({_SP}*)({_alternation(_SCALES, _unit_form)})")
_UNIT_RE = re.compile(rf"({_SP}*)(de{_SP}+|d{_APOS}{_SP}*)?({_alternation(_UNITS, _unit_form)})")
_ET_DEMI_RE = re.compile(rf"{_SP}+et{_SP}+demie?(?!\w)", re.IGNORECASE)
_DEMI_SCALE_RE = re.compile(rf"{_SP}+demi-?{_SP}*(millions?|milliards?)(?!\w)", re.IGNORECASE)
_MINUTES_RE = re.compile(rf"{_SP}*[hH]{_SP}*(\d{{2}})(?!\d)")
_PRE_QUAL_RE = re.compile(
    # not inside a word nor a hyphenated compound; a dash glued to the qualifier after a space is a
    # separator ("PARIS (Reuters) -Au moins 11 personnes")
    r"(?<!\w)(?<!\w-)(?:"
    + "|".join(
        f"(?:{_form_pattern(q.form, elide=True)})"
        for q in sorted(_PRE_QUALIFIERS.values(), key=lambda q: len(q.form), reverse=True)
    )
    + r")\Z",
    re.IGNORECASE,
)
_POST_QUAL_RE = re.compile(
    rf"{_SP}*,?{_SP}*("
    + _alternation(_POST_QUALIFIERS, _phrase)
    + rf")(?![\w'’-])(?!{_SP}+(?:de|d{_APOS}|que|qu{_APOS}|des|du)(?!\w))",
    re.IGNORECASE,
)
_NEGATION_RE = re.compile(rf"(?<!\w)(?:ne(?!\w)|n{_APOS})[^.;!?]*\Z", re.IGNORECASE)
_RANGE_SEP_RE = re.compile(rf"{_SP}*(et|à|ou|-|–){_SP}*", re.IGNORECASE)
_FOIS_RE = re.compile(rf"{_SP}+fois(?!\w)", re.IGNORECASE)
_SEUL_RE = re.compile(rf"{_SP}+seule?s?(?!\w)", re.IGNORECASE)
_CLOCK_AFTER_RE = re.compile(
    rf"{_SP}*\(?(?:{_alternation(_CLOCK_AFTER, _phrase)})(?![\w])",
    re.IGNORECASE,
)
# "14 heures de route", "deux heures d'attente": a duration; after "de" a place name or a
# determiner ("à 14 heures de Denfert-Rochereau", "à 15 heures de la place de la Bastille") is no such noun.
_DE_NOUN_RE = re.compile(
    rf"{_SP}+(?:[dD]e{_SP}+(?!(?:la|le|les|l{_APOS}|leur|leurs|son|sa|ses|ce|cette|cet)(?![\w-]))"
    rf"|[dD]{_APOS}{_SP}*)[a-zà-öø-ÿœæ]"
)
_NEXT_WORD_RE = re.compile(rf"{_SP}+([^\W\d_][\w'’-]*)")
_PREV_TOKEN_RE = re.compile(rf"(\S+){_SP}*\Z")
_STREET_RE = re.compile(
    rf"{_SP}*,?{_SP}*(?:(?:bis|ter){_SP}+)?(?:{'|'.join(re.escape(w) for w in sorted(_STREET_WORDS, key=len, reverse=True))})(?!\w)",
    re.IGNORECASE,
)
_CAPITALIZED_NEXT_RE = re.compile(rf"{_SP}+[A-ZÀ-ÖØ-Þ]")
_MONTH_ALT = "|".join(
    re.escape(m) + ("" if m.endswith(".") else r"(?!\w)") for m in sorted(_MONTHS, key=len, reverse=True)
)
_MONTH_AFTER_RE = re.compile(rf"{_SP}+(?:{_MONTH_ALT})", re.IGNORECASE)
# "un mois de novembre": a month of the calendar, not a duration.
_MONTH_NAME_AFTER_RE = re.compile(rf"{_SP}+(?:de{_SP}+|d{_APOS}{_SP}*)(?:{_MONTH_ALT})", re.IGNORECASE)
_TEMPERATURE_RE = re.compile(
    r"(?<![\w'’])(?:"
    + "|".join(_phrase(f) for f in sorted(_words("temperature"), key=len, reverse=True))
    + ")",
    re.IGNORECASE,
)
_SENTENCE_END_RE = re.compile(r"[.!?…](?=\s|\Z)|\n")
_UNIT_ADJECTIVE_RE = re.compile(
    rf"{_SP}+(?:{'|'.join(sorted(_UNIT_ADJECTIVES, key=len, reverse=True))})(?=[ \t\u00a0\u202f])",
    re.IGNORECASE,
)
_CLAUSE_END_AFTER_RE = re.compile(rf"{_SP}*(?:[,.;:!?…»”)\"]|\n|\Z)")

# Spans that hold digits but no quantity: dates, clock times, year spans, phone numbers, links.
# Each with what every match holds, so that it is tried only on the lines holding it (see
# claimcheck.normalize.scan): a digit, a sign, a piece of an address, a month or a weekday.
_DIGIT_KEY = frozenset({scan.DIGIT})
_MASKS = [
    scan.Gated(re.compile(r"(?<![\w.,])\d{1,2}([/.\-])\d{1,2}\1\d{2,4}(?!\d)"), _DIGIT_KEY),
    scan.Gated(re.compile(r"(?<![\w.,])\d{4}-\d{2}-\d{2}(?!\d)"), frozenset({"-"})),
    scan.Gated(re.compile(r"(?<![\w.,])\d{1,2}/\d{1,2}(?![\d/])"), frozenset({"/"})),
    scan.Gated(re.compile(r"(?<![\w.,])\d{1,2}:\d{2}(?::\d{2})?(?!\d)"), frozenset({":"})),
    scan.Gated(
        re.compile(rf"(?<![\w.,])(?:1\d{{3}}|20\d{{2}}){_SP}*[-–/]{_SP}*(?:(?:1\d|20)\d{{2}}|\d{{2}})(?![\d])"),
        frozenset({"-", "–", "/"}),
    ),
    scan.Gated(
        re.compile(rf"(?<![\w+])\+\d{{1,3}}(?:{_SP}?\(0\))?(?:[ .\-\u00a0\u202f]?\d{{1,4}}){{3,6}}(?!\d)"),
        frozenset({"+"}),
    ),
    scan.Gated(re.compile(r"(?<![\w+,.])0\d{1,3}(?:[ .\-/\u00a0\u202f]\d{2,3}){2,4}(?!\d)"), _DIGIT_KEY),
    scan.Gated(re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\w+|#\w+"), frozenset({"://", "www.", "@", "#"})),
    scan.Gated(
        re.compile(
            rf"(?<![\w.,])\d{{1,2}}(?:er|ᵉʳ)?(?:{_SP}*(?:,|et|au|à|-|–|ou){_SP}*(?:le{_SP}+)?\d{{1,2}}(?:er|ᵉʳ)?)*"
            rf"{_SP}+(?:{_MONTH_ALT})",
            re.IGNORECASE,
        ),
        scan.key_words(_MONTHS),
    ),
    scan.Gated(
        re.compile(
            rf"(?<!\w)(?:{'|'.join(sorted(_words('weekday'), key=len, reverse=True))}){_SP}+\d{{1,2}}(?:er|ᵉʳ)?(?!\d)"
            # "jeudi 2,4 millions", "lundi 2 500 personnes": a figure after a weekday, not a day number
            rf"(?![.,]\d)(?!{_SP}\d{{3}}(?!\d))(?!{_SP}*(?:millions?|milliards?)(?!\w))"
            # "mardi 11 h", "jeudi 7 heures": a clock time after a weekday (left to the clock rules)
            rf"(?!{_SP}*(?:h|heures?)(?![^\W\d_]))",
            re.IGNORECASE,
        ),
        scan.key_words(_words("weekday")),
    ),
]

_VAGUE_PLURAL_RE = re.compile(
    rf"(?<![\w-])(?:(des|plusieurs|quelques|par){_SP}+)({'|'.join(sorted(_VAGUE_PLURALS, key=len, reverse=True))})(?!\w)"
    rf"(?:{_SP}+(?:de{_SP}+|d{_APOS}{_SP}*)(milliers|millions|milliards)(?!\w))?",
    re.IGNORECASE,
)
_COLLECTIVE_RE = re.compile(
    rf"(?<![\w-])(une?){_SP}+(?:(?:bonne|petite|grosse|large){_SP}+)?"
    rf"({'|'.join(sorted(_COLLECTIVES, key=len, reverse=True))})(?!\w)"
    rf"(?:{_SP}+(?:de{_SP}+|d{_APOS}{_SP}*)(milliers|millions|milliards)(?!\w))?",
    re.IGNORECASE,
)
_VAGUE_DET_RE = re.compile(rf"(?<![\w'’-])({'|'.join(_VAGUE_DETS)})(?![\w'’-])", re.IGNORECASE)
# Numerators and denominators of shares ("un sur trois", "deux tiers"), valued by text2num.
_SMALL_WORDS = {
    w: int(text2num(w, "fr"))
    for w in ("un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix")
    + ("onze", "douze", "quinze", "vingt", "cent", "mille")
}
_SMALL_ALT = "|".join(sorted(_SMALL_WORDS, key=len, reverse=True))


def _numerator(word: str) -> Decimal:
    """Value of the small number of a share: digits, a small number word, or "le" ("le tiers")."""
    word = word.lower()
    if word.isdigit():
        return Decimal(word)
    return _ONE if word == "le" else Decimal(_SMALL_WORDS[word])


_FRACTION_RE = re.compile(
    rf"(?<![\w-])(?:(la){_SP}+(moitié)|(?:les{_SP}+)?(le|{_SMALL_ALT}|\d{{1,2}}){_SP}+"
    rf"({'|'.join(sorted((f for f in _FRACTIONS if f not in ('moitié', 'demi')), key=len, reverse=True))}))"
    rf"(?![\w-])(?!{_SP}+(?:de{_SP}+finale|payant|de{_SP}+confiance|provisionnel))"
    rf"({_SP}*d{_APOS}{_SP}*heure(?!\w))?",
    re.IGNORECASE,
)
_SUR_RE = re.compile(
    rf"(?<![\w-])({_SMALL_ALT}|\d{{1,3}}){_SP}+((?:[^\W\d_][\w’'-]*{_SP}+){{0,2}}?)sur{_SP}+"
    rf"({_SMALL_ALT}|\d{{1,4}})(?![\w,.]\d)(?!\w)",
    re.IGNORECASE,
)
_DEMI_UNIT_RE = re.compile(rf"(?<![\w'’-])(une?){_SP}+demi-(heure|journée|siècle)(?!\w)", re.IGNORECASE)
_DEMI_UNITS = {"heure": "heure", "journée": "jour", "siècle": "siècle"}

# The other patterns scanned over whole texts, with what every match of them holds (as above).
_DIGITS_SCAN = scan.Gated(_DIGITS_RE, _DIGIT_KEY)
_WORD_RUN_SCAN = scan.Gated(_WORD_RUN_RE, scan.key_words(_NUMBER_WORDS))
_VAGUE_PLURAL_SCAN = scan.Gated(_VAGUE_PLURAL_RE, scan.key_words(_VAGUE_PLURALS))
_COLLECTIVE_SCAN = scan.Gated(_COLLECTIVE_RE, scan.key_words(_COLLECTIVES))
_VAGUE_DET_SCAN = scan.Gated(_VAGUE_DET_RE, scan.key_words(_VAGUE_DETS))
_FRACTION_SCAN = scan.Gated(_FRACTION_RE, scan.key_words(_FRACTIONS))
_SUR_SCAN = scan.Gated(_SUR_RE, frozenset({"sur"}))
_DEMI_UNIT_SCAN = scan.Gated(_DEMI_UNIT_RE, frozenset({"demi"}))


# --------------------------------------------------------------------------- text2num


class _Word(Token):
    """A whitespace-separated word for text2num (its Rust side needs a `Token` subclass)."""

    __slots__ = ("word",)

    def __init__(self, word: str) -> None:
        self.word = word

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: Token) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


_WORD_SPLIT_RE = re.compile(r"[^ \t\u00a0\u202f]+")


def _word_numbers(text: str, start: int, end: int) -> list[tuple[int, int, Decimal]]:
    """Numbers written in words inside text[start:end] (a run of number words), with offsets."""
    spans = [(m.start(), m.end()) for m in _WORD_SPLIT_RE.finditer(text, start, end)]
    words = [text[s:e].lower() for s, e in spans]
    # A run cannot start with a bare scale word ("millions de ..." belongs to a vague amount).
    skip = 0
    while skip < len(words) and words[skip] in ("million", "millions", "milliard", "milliards"):
        skip += 1
    spans, words = spans[skip:], words[skip:]
    # "mil neuf cent vingt" (the old spelling of "mille" in dates); a "mil" with no number after it
    # is the cereal (millet), not a thousand.
    for i, word in enumerate(words):
        if word == "mil":
            if i + 1 < len(words):
                words[i] = "mille"
            else:
                spans, words = spans[:i], words[:i]
                break
    if not words:
        return []
    found = []
    for occ in find_numbers([_Word(w) for w in words], "fr", threshold=0):
        if occ.is_ordinal:
            continue
        found.append((spans[occ.start][0], spans[occ.end - 1][1], Decimal(repr(occ.value))))
    return found


# --------------------------------------------------------------------------- atoms


@dataclass(slots=True)
class _Atom:
    """A bare number found in the text: digits ("7 500", "1,5") or words ("sept mille")."""

    start: int
    end: int
    value: Decimal
    words: bool
    bare: bool = False  # plain digits without separator or decimals (years, postal codes)
    scale: Decimal | None = None  # last scale word inside a word number ("trois millions")


@dataclass(slots=True)
class _Core:
    """A number with what directly follows it: scale, "et demi", measure unit."""

    num_start: int
    num_end: int
    end: int
    value: Decimal
    scale: Decimal | None
    unit: str | None
    unit_form: str | None


def _digits_value(raw: str) -> Decimal | None:
    """The value of a run of digits and separators, or None when it is no number ("192.168.1.2",
    "1.2.3": dotted identifiers, not thousands groups)."""
    raw = re.sub("[ \u00a0\u202f'’]", "", raw).replace("−", "-")
    if "." in raw and _GROUPED_DOTS_RE.fullmatch(raw):
        raw = raw.replace(".", "")
    try:
        return Decimal(raw.replace(",", "."))
    except InvalidOperation:
        return None


def _atoms(text: str) -> list[_Atom]:
    atoms = []
    for m in _DIGITS_SCAN.finditer(text):
        raw = m.group()
        value = _digits_value(raw)
        if value is not None:
            atoms.append(_Atom(m.start(), m.end(), value, False, bare=raw.isdigit()))
    for m in _WORD_RUN_SCAN.finditer(text):
        for start, end, value in _word_numbers(text, m.start(), m.end()):
            last = text[start:end].split()[-1].lower()
            scale = (
                Decimal("1e6")
                if last.startswith("million")
                else (
                    Decimal("1e9")
                    if last.startswith("milliard")
                    else (Decimal("1e3") if last == "mille" else None)
                )
            )
            atoms.append(_Atom(start, end, value, True, scale=scale))
    atoms.sort(key=lambda a: a.start)
    return _spoken_decimals(text, atoms)


_VIRGULE_RE = re.compile(rf"{_SP}+virgule{_SP}+", re.IGNORECASE)
_ZERO_WORD_RE = re.compile(rf"(?:z[ée]ro{_SP}+)*", re.IGNORECASE)


def _spoken_decimals(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """"zéro virgule cinq" → 0.5, "deux virgule trois millions" → 2 300 000: a number in words,
    "virgule", and its decimals in words (leading "zéro"s kept: "zéro virgule zéro cinq" → 0.05)."""
    if not any(a.words for a in atoms):
        return atoms
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        m = _VIRGULE_RE.match(text, a.end) if a.words and a.scale is None else None
        if m:
            zeros = _ZERO_WORD_RE.match(text, m.end())
            frac_start = zeros.end() if zeros else m.end()
            j = next((k for k in range(i + 1, len(atoms)) if atoms[k].start >= m.end()), None)
            b = atoms[j] if j is not None else None
            if b is not None and b.words and b.start in (m.end(), frac_start):
                leading = len(text[m.end() : b.start].split())
                base = b.value / b.scale if b.scale else b.value
                head = text[b.start : b.end].split()
                while head and head[0].lower() in ("zéro", "zero") and base != 0:
                    leading, head = leading + 1, head[1:]  # "zéro cinq" read as one run
                if base == base.to_integral_value() and base >= 0:
                    digits = "0" * leading + str(int(base))
                    value = Decimal(f"{int(a.value)}.{digits}") * (b.scale or _ONE)
                    out.append(_Atom(a.start, b.end, value, True, scale=b.scale))
                    i = j + 1
                    continue
        out.append(a)
        i += 1
    return out


def _read_core(text: str, atom: _Atom, *, allow_unit: bool = True) -> _Core:
    """Extend a number with its scale ("1,5 milliard", "100K"), "et demi" and its measure unit."""
    pos, value, scale = atom.end, atom.value, atom.scale
    m = _SCALE_RE.match(text, pos)
    if m:
        factor, glued_only = _SCALES[m.group(2)]
        word = m.group(2).lower()
        applies = (not atom.words) or word.startswith("billion")
        if glued_only and m.group(1):
            applies = False
        if applies:
            value, scale, pos = value * factor, factor, m.end()
    if atom.words and value == _ONE and scale is None:
        m = _DEMI_SCALE_RE.match(text, pos)
        if m:
            scale = Decimal("1e6") if m.group(1).lower().startswith("million") else Decimal("1e9")
            value, pos = scale * _HALF, m.end()
    if scale is not None:
        m = _ET_DEMI_RE.match(text, pos)
        if m:
            value, pos = value + scale * _HALF, m.end()
    num_end = end = pos
    unit = unit_form = None
    if allow_unit:
        m = _UNIT_RE.match(text, pos)
        adjective = None
        if not m and scale is None:
            # "les 10 dernières années": an adjective between the number and its time unit
            adjective = _UNIT_ADJECTIVE_RE.match(text, pos)
            if adjective:
                m = _UNIT_RE.match(text, adjective.end())
                if m and (m.group(2) or _UNITS[_unit_key(m.group(3))].canonical not in _TIME_UNITS):
                    m = None
        if m:
            form = _unit_key(m.group(3))
            entry = _UNITS.get(form)
            linked = m.group(2) is not None
            ok = entry is not None and (not linked or scale is not None) and (not entry.scaled_only or linked)
            if ok and not m.group(1) and not linked and atom.words:
                ok = False
            if ok and entry is not None and entry.canonical == "°C" and form.startswith("degr"):
                ok = _temperature_context(text, atom.start, m.end())
            if ok and entry is not None:
                unit, unit_form, end = entry.canonical, form, m.end()
                if entry.factor != _ONE:
                    value *= entry.factor
                elif unit in _CENTS_OF and scale is None and not atom.words:
                    cents = _cents(text, end)
                    if cents is not None:  # "15 dollars et 15 cents", "2 euros 50"
                        value, end = value + cents[0], cents[1]
                if (
                    unit in ("heure", "minute", "seconde", "jour", "semaine", "mois", "an", "siècle")
                    and scale is None
                ):
                    d = _ET_DEMI_RE.match(text, end)
                    if d:
                        value, end = value + _HALF, d.end()
    return _Core(atom.start, num_end, end, value, scale, unit, unit_form)


# Currencies whose hundredth is named after the amount ("3 euros et 50 centimes", "15 dollars et 15 cents").
_CENTS_OF = frozenset(("EUR", "USD", "CHF", "GBP", "XOF"))
_CENTS_RE = re.compile(
    rf"{_SP}+(?:(et){_SP}+)?(\d{{1,2}})(?!\d|[.,]\d)(?:{_SP}+(cents?|centimes?|pence|penny))?(?![\w'’])", re.IGNORECASE
)
# After "2 euros 50" with no "centimes": the clause ends, or a price goes on ("le kilo", "pièce").
_CENTS_TAIL_RE = re.compile(
    rf"{_SP}*(?:[,.;:!?)»]|\Z|\n)|{_SP}+(?:le|la|les|l['’]|pièce|par|au|TTC|HT|chacun|chacune)(?![\w'’])"
)


def _cents(text: str, pos: int) -> tuple[Decimal, int] | None:
    """The hundredths written after an amount of money at ``pos``, and where they end."""
    m = _CENTS_RE.match(text, pos)
    if m is None:
        return None
    if not m.group(3) and (m.group(1) or len(m.group(2)) != 2 or not _CENTS_TAIL_RE.match(text, m.end())):
        return None
    return Decimal(m.group(2)) / 100, m.end()


def _unit_key(form: str) -> str:
    return re.sub(_APOS, "'", re.sub(rf"{_SP}+", " ", form))


def _temperature_context(text: str, start: int, end: int) -> bool:
    """Whether "N degrés" at text[start:end] is a temperature: a sign ("-5 degrés", "moins 5"),
    or a word of weather or heat in the same sentence ("températures", "il fait", "mercure")."""
    before = text[max(0, start - 2) : start]
    if re.search(r"[-−]\Z", before) or re.search(r"(?<!\w)moins\s+\Z", text[max(0, start - 8) : start], re.I):
        return True
    lo = max(0, start - 200)
    cuts = list(_SENTENCE_END_RE.finditer(text, lo, start))
    if cuts:
        lo = cuts[-1].end()
    hi = min(len(text), end + 150)
    cut = _SENTENCE_END_RE.search(text, end, hi)
    if cut:
        hi = cut.start()
    return _TEMPERATURE_RE.search(text, lo, hi) is not None


# --------------------------------------------------------------------------- context helpers


def _prev_tokens(text: str, pos: int, count: int = 2) -> list[tuple[str, str, int]]:
    """The words right before ``pos`` (nearest first) as (normalized, raw, start).

    Stops at a line break or at punctuation that closes a clause; a normalized word loses the
    elided article glued to it ("l'article" -> "article").
    """
    tokens: list[tuple[str, str, int]] = []
    while len(tokens) < count and pos > 0:
        m = _PREV_TOKEN_RE.search(text, max(0, pos - 40), pos)
        if not m:
            break
        raw = m.group(1)
        if (
            raw[-1] in ',;:.!?)»”"'
            and len(raw) > 1
            and not raw.endswith(("p.", "vol.", "art.", "réf.", "av."))
        ):
            break
        if raw in ',;:.!?)»”"(«“–—':
            break
        word = _norm(raw).lstrip('(«“"[')
        if "'" in word[:-1]:
            word = word.rsplit("'", 1)[1] or word
        tokens.append((word, raw, m.start(1)))
        pos = m.start(1)
    return tokens


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 5) : pos].rstrip(" \t\u00a0\u202f")
    return not before or before[-1] in '\n.!?…:;«"“(—–-[•*'


def _is_identifier_context(
    text: str, num_start: int, num_end: int, atom: _Atom, counted: bool = False
) -> bool:
    """Whether the number names something ("article 7", "Windows 11", "12 rue de la Paix").

    ``counted``: the number has a scale word, thousands groups or a measure unit ("la CFTC
    2,1 millions", "la CFTC 400 000"), which a name after a capitalized word never has.
    """
    prev = _prev_tokens(text, num_start, 1)
    if prev:
        word, raw, start = prev[0]
        if word in _IDENT_WORDS or word.rstrip(".") in _IDENT_WORDS:
            return True
        if (
            not counted
            and any(c.isupper() for c in raw)
            and raw[0] not in "'’"
            and (not _sentence_initial(text, start) or word not in _LEAD_WORDS)
        ):
            return True
    if _STREET_RE.match(text, num_end) and not atom.words:
        return True
    if atom.bare and not atom.words and _CAPITALIZED_NEXT_RE.match(text, num_end):
        digits = num_end - num_start
        if digits == 5 or (digits == 4 and (not prev or _sentence_initial(text, num_start))):
            return True
    return False


def _is_year(text: str, atom: _Atom, core: _Core, qualifier: _Qualifier | None) -> bool:
    if atom.words or not atom.bare or atom.end - atom.start != 4 or core.unit or core.scale is not None:
        return False
    if not Decimal(1000) <= atom.value <= Decimal(2100):
        return False
    if qualifier is not None and qualifier.form != "jusqu'à":
        return False
    prev = _prev_tokens(text, atom.start, 1)
    word = prev[0][0] if prev else ""
    if word in _YEAR_INTRO:
        return True
    if word in {"les", "des", "ces", "ses", "leurs", "nos", "vos", "quelque"}:
        return False
    nxt = _NEXT_WORD_RE.match(text, atom.end)
    if nxt:
        noun = nxt.group(1)
        if noun.islower() and noun[-1] in "sx" and len(noun) >= 4 and _norm(noun) not in _FUNCTION_WORDS:
            return False
    if word in {"de", "d'", "du"}:
        return True
    return Decimal(1900) <= atom.value <= Decimal(2100)


def _is_short_year(text: str, atom: _Atom, core: _Core, qualifier: _Qualifier | None) -> bool:
    """"même en 87", "depuis 99": a two-digit year closing its clause (not "coupé en 12")."""
    if atom.words or not atom.bare or atom.end - atom.start != 2 or core.unit or core.scale is not None:
        return False
    if qualifier is not None or not _CLAUSE_END_AFTER_RE.match(text, core.end):
        return False
    prev = _prev_tokens(text, atom.start, 2)
    if not prev or prev[0][0] not in ("en", "depuis", "dès"):
        return False
    return not (len(prev) > 1 and any(prev[1][0].startswith(stem) for stem in _CUT_VERBS))


def _is_clock(
    text: str, expr_start: int, end: int, value: Decimal, qualifier: _Qualifier | None, last_clock_end: int
) -> bool:
    """Whether "N heures" at text[..end] is a clock time (not a duration)."""
    if _CLOCK_AFTER_RE.match(text, end):
        return True
    if value > 24 or value != value.to_integral_value():
        return False
    if _DE_NOUN_RE.match(text, end):
        return False
    if qualifier is not None:
        return qualifier.form in ("jusqu'à", "autour de", "aux alentours de")
    prev = _prev_tokens(text, expr_start, 2)
    words = [p[0] for p in prev]
    if words and (words[0] in _CLOCK_PREPS or words[0] in _CLOCK_DATE_WORDS):
        return True  # "à 14 heures", "hier 23h", "jeudi 7 heures"
    if words[:2] == ["de", "partir"]:
        return True
    gap = text[last_clock_end:expr_start] if 0 <= last_clock_end <= expr_start else None
    return gap is not None and re.fullmatch(rf"{_SP}*(?:et|à|au|-|–){_SP}*", gap) is not None


def _change_verb(word: str) -> bool:
    for stem in _CHANGE_STEMS:
        if word.startswith(stem) and re.fullmatch(
            r"(?:|é|ée|és|ées|er|e|es|ent|era|eront|ait|aient|i|ie|is|it|u|ue|us|ra|t)", word[len(stem) :]
        ):
            return True
    return False


def _interval(value: Decimal, qualifier: _Qualifier | None) -> tuple[Decimal | None, Decimal | None]:
    bounds = qualifier.bounds if qualifier else "exact"
    low: Decimal | None
    high: Decimal | None
    if bounds == "approx":
        low, high = value * Decimal("0.9"), value * Decimal("1.1")
    elif bounds == "near":
        low, high = value * Decimal("0.9"), value
    elif bounds == "above":
        low, high = value, None
    elif bounds == "below":
        low, high = None, value
    elif bounds == "upto":
        low, high = Decimal(0), value
    else:
        low, high = value, value
    if low is not None and high is not None and low > high:
        low, high = high, low
    return low, high


def _pre_qualifier(text: str, pos: int) -> tuple[_Qualifier, int] | None:
    window_start = max(0, pos - 40)
    m = _PRE_QUAL_RE.search(text, window_start, pos)
    if not m:
        return None
    key = _norm(m.group())
    if key.endswith("d'"):
        key = key[:-2] + "de"
    elif key.endswith("qu'"):
        key = key[:-3] + "que"
    entry = _PRE_QUALIFIERS.get(key.strip())
    if entry is None:
        return None
    if entry.needs_negation and not _NEGATION_RE.search(text, max(0, m.start() - 60), m.start()):
        return None
    return entry, m.start()


def _post_qualifier(text: str, pos: int) -> tuple[_Qualifier, int] | None:
    m = _POST_QUAL_RE.match(text, pos)
    if not m:
        return None
    entry = _POST_QUALIFIERS.get(_norm(m.group(1)))
    return (entry, m.end()) if entry else None


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _match(
    start: int,
    end: int,
    num_start: int,
    num_end: int,
    value: Decimal,
    low: Decimal | None,
    high: Decimal | None,
    qualifier: str,
    unit: str | None,
    vague: bool = False,
) -> QuantityMatch:
    return QuantityMatch(
        start, end, num_start, num_end, float(value), _float(low), _float(high), qualifier, unit, vague
    )


# --------------------------------------------------------------------------- finders


class _Masks:
    """Merged spans of the text where digits are no quantity (dates, clock times, phones ...)."""

    def __init__(self, text: str) -> None:
        spans = sorted((m.start(), m.end()) for rx in _MASKS for m in rx.finditer(text))
        merged: list[list[int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def hit(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


def _glued_context(text: str, atom: _Atom) -> str:
    """How digits touch their neighbours: 'ok', 'skip' (identifier, ordinal), 'dash' (3-0, 20-30)."""
    if atom.words:
        return "ok"
    if text[atom.start] == "0" and atom.end - atom.start > 1 and text[atom.start + 1].isdigit():
        if atom.end - atom.start == 2 and _MINUTES_RE.match(text, atom.end):
            return "ok"  # "09h15": a clock time (read as such in _Finder._number)
        return "skip"
    before = text[atom.start - 1] if atom.start else " "
    before2 = text[atom.start - 2] if atom.start > 1 else " "
    if before in "-−+–" and before2.isalnum():
        return "skip"
    if before in "$£€¥":
        return "ok"  # "$10", "€15": a currency written before its figure (read in _Finder._number)
    if before in "°#@№/:_" or before.isalpha():
        return "skip"
    after = text[atom.end] if atom.end < len(text) else " "
    if after.isalpha() or after in "ᵉʳ":
        suffix = re.match(r"[^\W\d_]+", text[atom.end : atom.end + 12])
        word = suffix.group().lower() if suffix else after
        if word in _ORDINAL_SUFFIXES:
            return "skip"
        if after in "hH" and (len(word) == 1 or _MINUTES_RE.match(text, atom.end)):
            return "ok"
        if _SCALE_RE.match(text, atom.end) or _UNIT_RE.match(text, atom.end):
            return "ok"
        return "skip"
    if after in "-–" and atom.end + 1 < len(text) and text[atom.end + 1].isdigit():
        return "dash"
    if after in "-" and atom.end + 1 < len(text) and text[atom.end + 1].isalpha():
        return "skip"
    if after in "/:" and atom.end + 1 < len(text) and text[atom.end + 1].isdigit():
        return "skip"
    if after == "." and atom.end + 1 < len(text) and text[atom.end + 1].isdigit():
        return "skip"
    return "ok"


def _sign(text: str, atom: _Atom) -> int:
    before = text[atom.start - 1] if atom.start else " "
    before2 = text[atom.start - 2] if atom.start > 1 else " "
    if before in "-−" and not before2.isalnum() and not atom.words:
        return -1
    return 1


_CLOCK_RANGE = QuantityMatch(0, 0, 0, 0, 0.0, None, None, "range")  # sentinel: "de 9 h à 19 h"

# A currency written before its figure: "$10", "EUR 20", "€ 15", "US$ 2 milliards", "CHF 300".
_CURRENCY_FORMS = ("US$", "$US", "$", "€", "£", "¥", "EUR", "USD", "GBP", "CHF", "JPY")
_CURRENCY_BEFORE_RE = re.compile(
    rf"(?<![\w$€£¥])({'|'.join(re.escape(f) for f in _CURRENCY_FORMS)})[ \u00a0\u202f]?\Z"
)
# "moins" after these is no sign: "au moins 12", "pas moins 12", "un peu moins", "deux fois moins".
_NOT_A_MINUS = frozenset(("au", "pas", "du", "le", "de", "non", "ou", "rien", "tout", "peu", "bien", "fois", "encore"))
_BELOW_ZERO_RE = re.compile(rf"{_SP}+(?:en{_SP}+dessous|au[-{_SP[1:-1]}]?dessous){_SP}+de{_SP}+z[ée]ro(?!\w)", re.IGNORECASE)
# The seconds of a race time: "2h20'48", "1h59'40''".
_SECONDS_RE = re.compile(r"['’]([0-5]\d)(?!\d)(?:['’]{1,2}|\")?")


def _currency_before(text: str, pos: int) -> tuple[str, int] | None:
    """(canonical unit, start) of a currency sign or code right before the figure at ``pos``."""
    before = text[max(0, pos - 2) : pos].rstrip(" \u00a0\u202f")
    if not before or not (before[-1] in "$€£¥" or before[-1].isupper()):
        return None
    m = _CURRENCY_BEFORE_RE.search(text, max(0, pos - 5), pos)
    if m is None:
        return None
    entry = _UNITS.get(m.group(1))
    return (entry.canonical, m.start()) if entry is not None else None


# --------------------------------------------------------------------------- ordinals

_ORDINAL_DIGITS_SCAN = scan.Gated(
    re.compile(
        rf"(?<![\w.,])(\d{{1,4}})({'|'.join(sorted((re.escape(f) for f in _ORDINAL_SUFFIXES), key=len, reverse=True))})"
        r"(?![\w'’-])",
        re.IGNORECASE,
    ),
    _DIGIT_KEY,
)
_ROMAN_SUFFIXES = ("er", "re", "ère", "ème", "e", "è", "ᵉʳ", "ᵉ")
# The pattern opens with its letters (no look-behind) so that `re` skips to them; the character
# before is checked in code.
_ROMAN_ORDINAL_RE = re.compile(rf"[IVXLCDM]{{1,7}}(?:{'|'.join(_ROMAN_SUFFIXES)})(?![\w'’-])")
_REGNAL_RE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?[ \u00a0]([IVXLCDM]{1,7})(?![\w'’-])")
_IEME_RE = re.compile(r"ièmes?(?![\w-])", re.IGNORECASE)
_ORDINAL_WORDS_RE = re.compile(
    rf"(?<![\w-])(?:{_WTOKEN}{_SP}+(?:et{_SP}+)?)*[^\W\d_]+(?:-[^\W\d_]+)*\Z", re.IGNORECASE
)
_PREMIER_SCAN = scan.Gated(
    re.compile(r"(?<![\w-])premi(?:er|ère)s?(?![\w-])", re.IGNORECASE),
    frozenset({"premier", "première", "premiers", "premières"}),
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def _roman(numeral: str) -> int | None:
    """The value of a well-formed Roman numeral ("XXI" → 21), or None ("IIII", "VX")."""
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -v if v < nxt else v
    if not 0 < total < 4000:
        return None
    canonical = ""
    n = total
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            canonical, n = canonical + letters, n - value
    return total if canonical == numeral else None


def _word_ordinals(text: str) -> list[OrdinalMatch]:
    """Ordinals in words: "deuxième", "onzième", "vingt et unième", "quatre-vingt-dixième",
    "premier"; "trois cinquièmes" is a share, not a rank."""
    from text_to_num import alpha2digit

    found = []
    for m in _IEME_RE.finditer(text):
        w = _ORDINAL_WORDS_RE.search(text, max(0, m.start() - 80), m.end())
        if w is None:
            continue
        phrase = w.group()
        last = phrase.split()[-1].lower()
        if len(phrase.split()) > 1 and last in _FRACTIONS:
            continue  # "trois cinquièmes", "deux dixièmes": a fraction
        digits = re.match(r"\d+", alpha2digit(phrase, "fr", threshold=0))
        if digits is None or len(digits.group()) > 7 or int(digits.group()) == 0:
            continue
        found.append(OrdinalMatch(w.start(), w.end(), int(digits.group())))
    for m in _PREMIER_SCAN.finditer(text):
        found.append(OrdinalMatch(m.start(), m.end(), 1))
    return found


def find_ordinals(text: str) -> list[OrdinalMatch]:
    """Every rank of a French text, sorted by start: "1er", "2e", "12ème", "deuxième", "onzième",
    "vingt et unième", "XXIe", "François Ier", "Louis XIV". None of them is a quantity."""
    found = _word_ordinals(text)
    for m in _ORDINAL_DIGITS_SCAN.finditer(text):
        if int(m.group(1)) > 0:  # "0e" ranks nothing
            found.append(OrdinalMatch(m.start(), m.end(), int(m.group(1))))
    for m in _ROMAN_ORDINAL_RE.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-'’"):
            continue
        letters = re.match(r"[IVXLCDM]+", m.group()).group()  # type: ignore[union-attr]
        if len(letters) == 1 and letters not in "IVX":
            continue  # "Ce", "De", "Le", "Me" (Maître) are words
        rank = _roman(letters)
        if rank is not None:
            found.append(OrdinalMatch(m.start(), m.end(), rank))
    for m in _REGNAL_RE.finditer(text):
        letters = m.group(1)
        if len(letters) == 1 and letters not in "IVX":
            continue
        rank = _roman(letters)
        if rank is not None:
            found.append(OrdinalMatch(m.start(1), m.end(1), rank))
    found.sort(key=lambda o: (o.start, -o.end))
    chosen: list[OrdinalMatch] = []
    for o in found:
        if not chosen or o.start >= chosen[-1].end:
            chosen.append(o)
    return chosen


class _Finder:
    """One pass over a text: atoms in order, each turned into at most one candidate."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.masks = _Masks(text)
        # A rank is not a count: the number words of "vingt et unième" are no atoms.
        ranks = [(o.start, o.end) for o in _word_ordinals(text)] if "ième" in text.lower() else []
        self.atoms = [
            a
            for a in _atoms(text)
            if not self.masks.hit(a.start, a.end) and not any(s < a.end and a.start < e for s, e in ranks)
        ]
        self.by_start = {a.start: a for a in self.atoms}
        self.last_clock_end = -1
        self.candidates: list[QuantityMatch] = []
        # Clock times passed over (start, end, hour, minute), for find_clock_times.
        self.clocks: list[tuple[int, int, int, int]] = []

    # -- numbers
    def run(self) -> list[QuantityMatch]:
        for atom in self.atoms:
            self._number(atom)
        self._vague()
        self._fractions()
        return self.candidates

    def _skip_word(self, atom: _Atom) -> bool:
        text = self.text
        raw = text[atom.start : atom.end]
        if raw[0].isupper() and not _sentence_initial(text, atom.start):
            return True
        if raw.isupper() and len(raw) > 1 and not raw[0].isupper():
            return True
        if _MONTH_AFTER_RE.match(text, atom.end):
            return True
        low = raw.lower()
        if (
            low == "sept"
            and text[atom.end : atom.end + 1] == "."
            and re.match(rf"\.{_SP}*(?:\d|[a-zà-ÿ])", text[atom.end : atom.end + 3])
        ):
            return True
        if low == "neuf":
            prev = _prev_tokens(text, atom.start, 1)
            if prev and prev[0][0] in {
                "à",
                "de",
                "du",
                "tout",
                "flambant",
                "quoi",
                "rien",
                "un",
                "une",
                "le",
                "la",
                "ce",
                "cet",
                "cette",
                "état",
                "comme",
                "est",
                "sont",
            }:
                return True
            if not _NEXT_WORD_RE.match(text, atom.end) and not re.match(rf"{_SP}+\d", text[atom.end :]):
                return True
        return False

    def _article_allowed(self, atom: _Atom, core: _Core, qualifier: _Qualifier | None) -> bool:
        """'un'/'une' is a number only when something says so (scale, unit, qualifier, 'seul')."""
        text = self.text
        if core.scale is not None or (qualifier is not None and not qualifier.needs_negation):
            return True
        before = text[max(0, atom.start - 2) : atom.start]
        nxt = _NEXT_WORD_RE.match(text, atom.end)
        if nxt and _norm(nxt.group(1)) in {"des", "d'entre", "de", "d'"}:
            return False
        if re.search(rf"l{_APOS}\Z", before, re.IGNORECASE):
            return False
        if core.unit is not None and core.unit_form and core.unit_form.isalpha() and len(core.unit_form) > 1:
            if core.unit == "jour":
                prev = _prev_tokens(text, atom.start, 1)
                return bool(prev) and prev[0][0] in {"pendant", "durant", "depuis"}
            return True
        return bool(_SEUL_RE.match(text, core.end))

    def _number(self, atom: _Atom) -> None:
        text = self.text
        if atom.start < self.last_clock_end:
            return
        glue = _glued_context(text, atom)
        if glue == "skip":
            return
        if atom.words and self._skip_word(atom):
            return
        core = _read_core(text, atom)
        currency = _currency_before(text, atom.start) if not atom.words else None
        if currency is not None and core.unit not in (None, currency[0]):
            currency = None
        sign = _sign(text, atom)
        if sign < 0:
            core.num_start -= 1
            core.value = -core.value
        elif (
            not atom.words
            and atom.start
            and text[atom.start - 1] == "+"
            and not (atom.start > 1 and text[atom.start - 2].isalnum())
        ):
            core.num_start -= 1
        lead = core.num_start
        if currency is not None:
            core.unit, lead = currency
            core.end = max(core.end, core.num_end)
        pre = _pre_qualifier(text, lead)
        qualifier = pre[0] if pre else None
        expr_start = pre[1] if pre else lead

        # "19 h 30": a clock time, or a duration after "pendant", "en", a qualifier.
        minutes = None
        if not atom.words and core.scale is None and core.unit_form in (None, "h"):
            minutes = _MINUTES_RE.match(text, atom.end)
        if minutes and atom.value <= 24 and atom.value == atom.value.to_integral_value():
            prev = _prev_tokens(text, expr_start, 1)
            clock_q = qualifier is not None and qualifier.form in ("jusqu'à", "autour de", "aux alentours de")
            seconds = _SECONDS_RE.match(text, minutes.end())
            if seconds or (qualifier is not None and not clock_q) or (
                prev and (prev[0][0] in {"pendant", "durant", "en"} or prev[0][0].startswith("dur"))
            ):
                unit, end = "heure", minutes.end()
                value = atom.value + Decimal(minutes.group(1)) / Decimal(60)
                if seconds:  # "2h20'48": a race time, in seconds
                    unit, end = "seconde", seconds.end()
                    value = atom.value * 3600 + Decimal(minutes.group(1)) * 60 + Decimal(seconds.group(1))
                low, high = _interval(value, qualifier)
                self.candidates.append(
                    _match(
                        expr_start,
                        end,
                        core.num_start,
                        end,
                        value,
                        low,
                        high,
                        qualifier.qualifier if qualifier else "eq",
                        unit,
                    )
                )
            else:
                self.last_clock_end = minutes.end()
                self.clocks.append((core.num_start, minutes.end(), int(atom.value), int(minutes.group(1))))
            return

        if _is_year(text, atom, core, qualifier) or _is_short_year(text, atom, core, qualifier):
            return
        raw = text[atom.start : atom.end]
        counted = core.scale is not None or core.unit is not None or bool(re.search(r"\d[ .\u00a0\u202f]\d{3}", raw))
        if currency is None and _is_identifier_context(text, atom.start, atom.end, atom, counted) and qualifier is None:
            return
        if core.unit == "mois" and _MONTH_NAME_AFTER_RE.match(text, core.end):
            return  # "un record pour un mois de février"
        if core.unit == "heure" and _is_clock(
            text, expr_start, core.end, core.value, qualifier, self.last_clock_end
        ):
            self.last_clock_end = core.end
            self.clocks.append((core.num_start, core.end, int(core.value), 0))
            return
        if _FOIS_RE.match(text, core.end) or self._factor_context(expr_start):
            return

        rng = self._range(atom, core, qualifier)
        if rng is _CLOCK_RANGE:
            return
        if rng is not None:
            self.candidates.append(rng)
            return
        if glue == "dash":
            return
        if atom.words and atom.value == _ONE and not self._article_allowed(atom, core, qualifier):
            return
        if self._idiom_en(atom, core, qualifier):
            return

        # A sign written out: "moins 5 degrés", "à moins 12", "moins 2,3 %" (not "au moins 12",
        # "pas moins 12": those are read as qualifiers or left alone).
        if qualifier is None and core.value > 0 and text[max(0, expr_start - 7) : expr_start].rstrip().lower().endswith("moins"):
            prev = _prev_tokens(text, expr_start, 2)
            if prev and prev[0][0] == "moins" and (len(prev) < 2 or prev[1][0] not in _NOT_A_MINUS):
                core.value = -core.value
                core.num_start = expr_start = prev[0][2]
        end = core.end
        if core.unit in ("°C", "°F"):
            below = _BELOW_ZERO_RE.match(text, end)
            if below and core.value > 0:  # "10 degrés en dessous de zéro"
                core.value, end = -core.value, below.end()
        if qualifier is None:
            post = _post_qualifier(text, end)
            if post:
                qualifier, end = post
        low, high = _interval(core.value, qualifier)
        self.candidates.append(
            _match(
                expr_start,
                end,
                core.num_start,
                core.num_end,
                core.value,
                low,
                high,
                qualifier.qualifier if qualifier else "eq",
                core.unit,
            )
        )

    def _idiom_en(self, atom: _Atom, core: _Core, qualifier: _Qualifier | None) -> bool:
        """"brisé en deux", "coupé en quatre sur le quai": parts, with nothing counted after."""
        if not atom.words or qualifier is not None or core.unit is not None or core.scale is not None:
            return False
        prev = _prev_tokens(self.text, atom.start, 1)
        if not prev or prev[0][0] != "en":
            return False
        if _CLAUSE_END_AFTER_RE.match(self.text, core.end):
            return True
        nxt = _NEXT_WORD_RE.match(self.text, core.end)
        return nxt is not None and _norm(nxt.group(1)) in _EN_FOLLOWERS

    def _factor_context(self, pos: int) -> bool:
        prev = _prev_tokens(self.text, pos, 2)
        return len(prev) == 2 and prev[0][0] == "par" and prev[1][0].startswith(("multipli", "divis"))

    def _range(self, atom: _Atom, core: _Core, qualifier: _Qualifier | None) -> QuantityMatch | None:
        """'entre 20 et 30', 'de 3 à 5', '12 000 à 15 000', 'deux ou trois', '20-30 ans'."""
        text = self.text
        sep = _RANGE_SEP_RE.match(text, core.end)
        if not sep or qualifier is not None:
            return None
        other = self.by_start.get(sep.end())
        if other is None:
            return None
        word = sep.group(1).lower()
        prev = _prev_tokens(text, core.num_start, 2)
        prev_word = prev[0][0] if prev else ""
        start = core.num_start
        if word == "et":
            if prev_word != "entre":
                return None
            start = prev[0][2]
        elif word == "à" and prev_word in ("de", "d'"):
            if len(prev) > 1 and _change_verb(prev[1][0]):
                return None
            start = prev[0][2]
        elif word in ("-", "–") and (atom.words or other.words):
            return None
        second = _read_core(text, other)
        low, high = core.value, second.value
        unit = core.unit or second.unit
        if core.unit and core.unit != second.unit:  # "1,2 % à 7 500 points" is no range
            return None
        base = other.value / other.scale if other.words and other.scale else other.value
        if core.scale is None and second.scale is not None and low < base:
            low *= second.scale
        if core.unit is None and second.unit is not None and _UNITS[second.unit_form or ""].factor != _ONE:
            low *= _UNITS[second.unit_form or ""].factor
        if core.unit == "heure" == second.unit and max(low, high) <= 24 and word in ("à", "et", "-", "–"):
            self.last_clock_end = second.end
            if low == low.to_integral_value() and high == high.to_integral_value():
                self.clocks.append((core.num_start, core.end, int(low), 0))
                self.clocks.append((other.start, second.end, int(high), 0))
            return _CLOCK_RANGE
        if unit == "heure" and _CLOCK_AFTER_RE.match(text, second.end):
            self.last_clock_end = second.end
            return _CLOCK_RANGE
        if not low < high:
            return None
        if (
            other.bare
            and not other.words
            and other.end - other.start == 4
            and Decimal(1000) <= high <= 2100
            and unit is None
            and second.scale is None
        ):
            return None
        if _FOIS_RE.match(text, second.end):
            return None
        return _match(start, second.end, core.num_start, second.num_end, low, low, high, "range", unit)

    # -- vague amounts
    def _vague(self) -> None:
        text = self.text
        for m in _VAGUE_PLURAL_SCAN.finditer(text):
            if m.group(1)[0].isupper() and not _sentence_initial(text, m.start()):
                continue
            unit_value = _VAGUE_PLURALS[m.group(2).lower()]
            if m.group(3):
                unit_value *= _VAGUE_PLURALS[m.group(3).lower()]
            self._vague_match(m.start(), m.end(), unit_value * 2, unit_value * 2, unit_value * 10)
        for m in _COLLECTIVE_SCAN.finditer(text):
            value, low, high = _COLLECTIVES[m.group(2).lower()]
            if m.group(3):
                factor = _VAGUE_PLURALS[m.group(3).lower()]
                value, low, high = value * factor, low * factor, high * factor
            self._vague_match(m.start(), m.end(), value, low, high)
        for m in _VAGUE_DET_SCAN.finditer(text):
            least, most = _VAGUE_DETS[m.group(1).lower()]
            self._vague_match(m.start(), m.end(), least, least, most)

    def _vague_match(
        self, start: int, end: int, value: Decimal, low: Decimal | None, high: Decimal | None
    ) -> None:
        text = self.text
        pos, unit = end, None
        m = _UNIT_RE.match(text, end)
        if m and m.group(1):
            form = re.sub(_APOS, "'", re.sub(rf"{_SP}+", " ", m.group(3)))
            entry = _UNITS.get(form)
            linked = m.group(2) is not None
            direct = (
                entry is not None
                and not entry.scaled_only
                and text[start:end].lower().split()[0] in _VAGUE_DETS
            )
            if entry is not None and entry.factor == _ONE and (linked or direct):
                unit, pos = entry.canonical, m.end()
        pre = _pre_qualifier(text, start)
        qualifier = "approx"
        expr_start = start
        if pre:
            entry_q, expr_start = pre
            qualifier = entry_q.qualifier
            if entry_q.bounds != "approx":
                low, high = _interval(value, entry_q)
        self.candidates.append(_match(expr_start, pos, start, end, value, low, high, qualifier, unit, True))

    # -- fractions
    def _fractions(self) -> None:
        text = self.text
        for m in _FRACTION_SCAN.finditer(text):
            if m.group(2):
                num, den = _ONE, Decimal(2)
            else:
                num, den = _numerator(m.group(3)), _FRACTIONS[m.group(4).lower()]
            if text[m.start()].isupper() and not _sentence_initial(text, m.start()):
                continue
            if not num < den:
                continue
            if m.group(5):  # "trois quarts d'heure"
                self._share(m.start(), m.end(), num / den, "heure")
            else:
                self._share(m.start(), m.end(), Decimal(round(100 * num / den, 2)), "%")
        for m in _SUR_SCAN.finditer(text):
            a, b = _numerator(m.group(1)), _numerator(m.group(3))
            between = m.group(2).split()
            if not a < b or any(re.sub(_APOS, "'", w) in _UNITS for w in between):
                continue
            if m.group(1)[0].isdigit() and (a > 10 or b > 100):
                # "140 postes supprimés sur 260": a count out of a total, both figures stand alone
                continue
            if m.group(1)[0].isupper() and not _sentence_initial(text, m.start()):
                continue
            unit_after = _UNIT_RE.match(text, m.end())
            if unit_after and unit_after.group(1) and not unit_after.group(2):  # "5 km sur 10 km"
                continue
            self._share(m.start(), m.end(), Decimal(round(100 * a / b, 2)), "%")
        for m in _DEMI_UNIT_SCAN.finditer(text):
            self._share(m.start(), m.end(), _HALF, _DEMI_UNITS[m.group(2).lower()])

    def _share(self, start: int, end: int, value: Decimal, unit: str) -> None:
        """A share or a fraction: the whole expression is its number ("un sur trois", "la moitié")."""
        pre = _pre_qualifier(self.text, start)
        qualifier = pre[0] if pre else None
        low, high = _interval(value, qualifier)
        self.candidates.append(
            _match(
                pre[1] if pre else start,
                end,
                start,
                end,
                value,
                low,
                high,
                qualifier.qualifier if qualifier else "eq",
                unit,
            )
        )


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity expression of a French text, sorted by start and non-overlapping.

    ``text[m.start:m.end]`` is the whole expression (qualifier and measure unit included) and
    ``text[m.num_start:m.num_end]`` its number. Years, dates, clock times, ordinals, phone numbers,
    identifiers and "un"/"une" as articles are left out.
    """
    candidates = _Finder(text).run()
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[QuantityMatch] = []
    last_end = -1
    for cand in candidates:
        if cand.start >= last_end:
            chosen.append(cand)
            last_end = cand.end
    return _join_durations(text, chosen)


_DURATION_SECONDS = {"heure": 3600, "minute": 60, "seconde": 1}
# What may stand between the parts of one duration: "2 heures 5 minutes 33 secondes", "1 heure et 45 minutes".
_DURATION_GLUE = re.compile(r"^[\s\u00a0\u202f]*(?:,|et)?[\s\u00a0\u202f]*$")


def _join_durations(text: str, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """Hours, minutes and seconds written in a row, each smaller than the one before, are one
    duration in seconds (as "2h05'33" is): "2 heures 5 minutes 33 secondes" is 7 533 s, not three
    figures. Later parts must be exact; the first part's qualifier is the duration's ("environ 2
    heures et 30 minutes")."""
    out: list[QuantityMatch] = []
    last_part: list[str | None] = []  # the unit of the last part joined into each output quantity
    for q in found:
        prev = out[-1] if out else None
        part = last_part[-1] if last_part else None
        if (prev is not None and q.unit in _DURATION_SECONDS and part in _DURATION_SECONDS
                and _DURATION_SECONDS[q.unit] < _DURATION_SECONDS[part] and not q.vague and not prev.vague
                and q.qualifier == "eq" and _DURATION_GLUE.match(text[prev.end:q.start])):
            scale = _DURATION_SECONDS[prev.unit or "seconde"]
            add = q.value * _DURATION_SECONDS[q.unit]

            def seconds(v: float | None) -> float | None:
                return None if v is None else round(v * scale + add, 6)

            out[-1] = QuantityMatch(prev.start, q.end, prev.num_start, q.num_end, seconds(prev.value) or 0.0,
                                    seconds(prev.low), seconds(prev.high), prev.qualifier, "seconde")
            last_part[-1] = q.unit
            continue
        out.append(q)
        last_part.append(q.unit)
    return out


def find_clock_times(text: str) -> list[tuple[int, int, int, int]]:
    """The clock times find_quantities leaves out, as (start, end, hour, minute), sorted: "23h11",
    "à 23 h" (the "23 h"), "vers 22 heures", "mardi 11 h", both ends of "de 9 h à 17 h". Durations
    ("pendant 3 heures", "en 1 h 45", "2h20'48") are quantities, not clock times."""
    finder = _Finder(text)
    finder.run()
    return sorted(set(finder.clocks))


def parse_number(text: str) -> float | None:
    """The value of one number expression alone, or None when ``text`` is not one.

    "7 500" -> 7500, "1,5 milliard" -> 1.5e9, "2 millions et demi" -> 2.5e6, "100K" -> 1e5,
    "soixante et onze" -> 71, "septante" -> 70, "un billion" -> 1e12, "trois quarts" -> 0.75.
    """
    s = text.strip()
    if not s:
        return None
    m = _FRACTION_RE.fullmatch(s)
    if m and not m.group(5):
        if m.group(2):
            return 0.5
        return float(_numerator(m.group(3)) / _FRACTIONS[m.group(4).lower()])
    sign = 1
    if s[0] in "-−+":
        sign = -1 if s[0] != "+" else 1
        s = s[1:].lstrip()
    elif re.match(rf"moins{_SP}+(?=\w)", s, re.IGNORECASE):
        sign = -1
        s = s[5:].lstrip()
    atoms = [a for a in _atoms(s) if a.start == 0]
    if not atoms:
        return None
    atom = max(atoms, key=lambda a: a.end)
    core = _read_core(s, atom, allow_unit=False)
    if core.num_end != len(s):
        return None
    return float(core.value) * sign

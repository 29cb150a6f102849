"""Find French date expressions in a text and normalize them to ISO 8601 values.

Pure functions, no spaCy. Short candidate spans are found with compiled regular expressions
built from the vocabulary in ``resources/dates_fr.tsv`` and normalized with explicit rules (not
dateparser: its answers disagree with the conventions below, e.g. "mercredi" on a Wednesday is a
week earlier there and "mai dernier" or "ce mardi" give nothing, and the rules are ten times
faster than a parser call per span). dateparser was also weighed as a fallback on short spans
the rules leave: the absolute forms it read that the rules did not ("2022/04/05", "le
14-Juillet") are now rules, and on the rest it guesses wrong ("3 janv. 24" → 1924, "23h" or
"14 heures" → a time hours away, "87" → 1987 with today's month and day), so it is not used.

Value conventions (``DateMatch.value``):

- day ``'2024-06-19'``, month ``'2024-05'``, year ``'2023'``; a year the text does not give and no
  publication date can supply is ``XXXX``: ``'XXXX-03'``, ``'XXXX-03-01'``.
- week: ISO week ``'2024-W24'`` (precision ``week``), e.g. "la semaine dernière".
- interval ``'A/B'``: both ends are inclusive at their own precision (``'1950/1953'`` covers
  1950-01-01 to 1953-12-31; ``'2023-07-13/2023-07-15'`` three days); an open end is ``..``:
  "depuis septembre" → ``'2023-09/..'``, "jusqu'en 2025" / "d'ici 2030" → ``'../2025'``
  (precision ``range``). A week-end is ``'2024-06-15/2024-06-16'`` (``range``).
- night ``'2022-04-04T20:00/2022-04-05T08:00'`` (precision ``night``).
- decade ``'1990/1999'`` (``decade``); season ``'2023-06/2023-08'`` (``season``, meteorological).
- "début/mi/fin" + period keep the period's value and precision ("fin mars" → ``'XXXX-03'``).

Spans (``text[start:end]``): determiners are kept ("le 1er mars", "ce mardi", "la veille"),
plain prepositions are not ("en mars" → "mars"), words that change the value are ("depuis
septembre", "du 13 au 15 juillet", "il y a deux jours", "fin 2023"); a clock time after a date is
left out ("le 5 avril 2022" in "le 5 avril 2022 à 09h15").

Anchoring on the publication date: a day and month without year is the most recent such date
not after publication (a weekday written next to it may move it to the year where it fits); a
bare month likewise ("en mars"); "mai dernier" is the most recent May before the publication
month; a weekday alone ("mercredi", "ce mercredi") is the most recent one on or before the
publication day, "mercredi dernier" strictly before, "mercredi prochain" strictly after. "la
veille" / "le lendemain" are anchored on the closest day date before them in the text, else on
the publication day. Relative expressions that need a missing anchor are not returned.

The tense of the clause can move those defaults after publication: when the nearest tense cue
around a weekday, a bare month or a day without year is a future one ("aura lieu samedi", "à
prévoir vendredi", "prochain rendez-vous : samedi", "se tiendra en mars", "d'ici lundi"), the
date is the coming one (publication day included, except after "d'ici"); a past cue nearer to
the date keeps the default ("adopté mardi, le texte sera promulgué"). A bare "le week-end" is
dated only by such a cue. "un mois de novembre", "chaque mardi" are any such month or day and
not dates; "sans courant lundi" is an electric current, not "dans le courant de". A two-digit
year closing a clause after "en", "depuis", "dès" ("même en 87") is the latest such year not
after publication.

Forms added for issue 14: numeric days without year after a word that makes them a date ("le
17/02", "du 17/02 au 21/02", "mardi 18/06"), "le 20 02 2014", "17.02.24", "2016-11", "2015-3-3";
capitalised names mid-sentence where a word says they are dates ("en Février", "a annoncé
Mercredi", "Lundi prochain"); "mardi en huit", "mercredi de la semaine prochaine", "ce vendredi"
(with no tense cue: the Friday of the week of publication); "en fin de mois", "en début de semaine
prochaine", "cette fin de semaine" (the week, month or year, at that precision); "trois semaines plus
tard", "dix jours plus tôt", "deux jours après" counted from the previous date of the text (never from
the publication date), or from the date right after "après"/"avant"; "l'hiver 87"; public holidays
("à Noël", "la Toussaint", "Pâques 2024", "le lundi de Pentecôte"), Easter computed for each year.
Clock times are not dates: `find_times` reads them ("à 23h11", "vers 22 heures").
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources

from claimcheck.normalize import scan
from claimcheck.normalize.scan import DIGIT
from claimcheck.normalize.types import DateMatch

__all__ = ["date_bounds", "dates_compatible", "find_dates", "find_times", "load_vocabulary", "parse_date"]

# --------------------------------------------------------------------------------------------
# Vocabulary


def _norm(word: str) -> str:
    """Case-fold a word and unify apostrophes and hyphens, for table look-ups."""
    return word.casefold().replace("’", "'").replace("ʼ", "'").replace("‑", "-")


_TOKEN_RE = re.compile(r"[^\W\d_]+['’ʼ]?|\d+|[^\w\s'’ʼ\-‑]")


def _tokens(text: str) -> list[str]:
    """Split into normalized words ("d'" and "l'" keep their apostrophe), numbers and punctuation."""
    return [_norm(t) for t in _TOKEN_RE.findall(text)]


@dataclass(frozen=True, slots=True)
class DateVocabulary:
    """The French calendar words of ``resources/dates_fr.tsv``, by kind (see the file header)."""

    months: dict[str, int]
    month_abbr: dict[str, int]
    month_abbr_dot: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbr: dict[str, int]
    day_words: dict[str, int]
    parts_of_day: frozenset[str]
    directions: dict[str, int]
    anaphors: dict[str, int]
    seasons: dict[str, tuple[int, int]]
    units: dict[str, str]
    modifiers: frozenset[str]
    op_from: frozenset[str]
    op_to: frozenset[str]
    trigger_strong: tuple[tuple[str, ...], ...]
    trigger_weak: tuple[tuple[str, ...], ...]
    blockers: tuple[tuple[str, ...], ...]
    planet_context: frozenset[str]
    after_year: frozenset[str]
    year_parts: dict[str, int]
    ordinals: dict[str, int]
    generic: tuple[tuple[str, ...], ...] = ()
    future_cues: tuple[tuple[str, ...], ...] = ()
    past_cues: tuple[tuple[str, ...], ...] = ()
    clause_stops: frozenset[str] = frozenset()
    modifier_blocks: frozenset[str] = frozenset()
    cut_verbs: frozenset[str] = frozenset()
    holidays: dict[str, str] = field(default_factory=dict)  # form as capitalised -> "MM-DD" | "easter±N"
    holiday_triggers: tuple[tuple[str, ...], ...] = ()
    week_offsets: dict[str, int] = field(default_factory=dict)
    shift_after: dict[str, int] = field(default_factory=dict)
    day_leads: frozenset[str] = frozenset()

    def month_of(self, token: str) -> int:
        key = _norm(token).rstrip(".")
        for table in (self.months, self.month_abbr, self.month_abbr_dot):
            if key in table:
                return table[key]
        raise KeyError(token)

    def weekday_of(self, token: str) -> int:
        key = _norm(token).rstrip(".")
        return self.weekdays[key] if key in self.weekdays else self.weekday_abbr[key]


@lru_cache(maxsize=1)
def load_vocabulary() -> DateVocabulary:
    """Read ``claimcheck/resources/dates_fr.tsv`` once."""
    text = resources.files("claimcheck").joinpath("resources/dates_fr.tsv").read_text(encoding="utf-8")
    rows: dict[str, list[tuple[str, str]]] = {}
    holidays: dict[str, str] = {}
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, form, value = (line.split("\t") + ["", ""])[:3]
        if not header_seen:
            header_seen = True
            if kind == "kind":
                continue
        rows.setdefault(kind, []).append((_norm(form), value.strip()))
        if kind == "holiday":
            holidays[form.replace("’", "'")] = value.strip()

    def ints(kind: str) -> dict[str, int]:
        return {f: int(v) for f, v in rows.get(kind, [])}

    def words(kind: str) -> frozenset[str]:
        return frozenset(f for f, _ in rows.get(kind, []))

    def phrases(kind: str) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(_tokens(f)) for f, _ in rows.get(kind, []))

    seasons = {}
    for form, value in rows.get("season", []):
        first, last = value.split("-")
        seasons[form] = (int(first), int(last))
    return DateVocabulary(
        months=ints("month"),
        month_abbr=ints("month_abbr"),
        month_abbr_dot=ints("month_abbr_dot"),
        weekdays=ints("weekday"),
        weekday_abbr=ints("weekday_abbr"),
        day_words=ints("day_word"),
        parts_of_day=words("part_of_day"),
        directions=ints("direction"),
        anaphors=ints("anaphor"),
        seasons=seasons,
        units={f: v for f, v in rows.get("unit", [])},
        modifiers=words("modifier"),
        op_from=words("op_from"),
        op_to=words("op_to"),
        trigger_strong=phrases("trigger_strong"),
        trigger_weak=phrases("trigger_weak"),
        blockers=phrases("blocker"),
        planet_context=words("planet_context"),
        after_year=words("after_year"),
        year_parts=ints("year_part"),
        ordinals=ints("ordinal"),
        generic=phrases("generic"),
        future_cues=phrases("future_cue"),
        past_cues=phrases("past_cue"),
        clause_stops=words("clause_stop"),
        modifier_blocks=words("modifier_block"),
        cut_verbs=words("cut_verb"),
        holidays=holidays,
        holiday_triggers=phrases("holiday_trigger"),
        week_offsets=ints("week_offset"),
        shift_after=ints("shift_after"),
        day_leads=words("day_lead"),
    )


# --------------------------------------------------------------------------------------------
# Regular expressions, built from the vocabulary

_SP = r"[^\S\n]+"  # spaces (incl. U+00A0, U+202F), never a line break
_SP0 = r"[^\S\n]*"
_AP = r"['’ʼ]"
_YEAR = r"(?:1\d{3}|20\d{2})(?!\d|[.,]\d)"
_DAY = r"(?:1er|1ᵉʳ|premier|0?[1-9]|[12]\d|3[01])(?!\d)"
_NB = r"(?<![\w.,/:°#\-–‑+])"  # a number starts here, not inside "2,5" / "13-15" / "n°3"


def _form_re(form: str) -> str:
    out = []
    for ch in form:
        if ch == "'":
            out.append(_AP)
        elif ch == "-":
            out.append(r"[-‑]")
        elif ch == " ":
            out.append(_SP)
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _alt(forms: list[str] | frozenset[str] | dict[str, object]) -> str:
    """An alternation of vocabulary forms, longest first so that "septembre" wins over "sept"."""
    return "(?:" + "|".join(_form_re(f) for f in sorted(forms, key=lambda f: (-len(f), f))) + ")"


def _holiday_alt(forms: dict[str, str]) -> str:
    """Holiday names, longest first; a capital of the data file must be a capital in the text."""
    out = []
    for form in sorted(forms, key=lambda f: (-len(f), f)):
        out.append("".join(f"(?-i:{re.escape(ch)})" if ch.isupper() else _form_re(ch) for ch in form))
    return "|".join(out)


@dataclass(frozen=True, slots=True)
class _Rule:
    name: str
    pattern: scan.Gated  # its regex, and what every match holds (see normalize.scan)
    handler: Callable[[re.Match[str], _Ctx], _Cand | None]


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    v = load_vocabulary()
    month_parts = [(f, _form_re(f)) for f in v.months]
    month_parts += [(f, _form_re(f) + r"\.?") for f in v.month_abbr]
    month_parts += [(f, _form_re(f) + rf"(?:\.|(?={_SP}{_YEAR}))") for f in v.month_abbr_dot]
    month_any = "|".join(p for _, p in sorted(month_parts, key=lambda fp: (-len(fp[0]), fp[0])))
    wd_abbr = "(?:" + "|".join(_form_re(f) + r"\." for f in sorted(v.weekday_abbr)) + ")"
    return {
        "SP": _SP,
        "SP0": _SP0,
        "AP": _AP,
        "HY": r"[-‑]",
        "DASH": r"[-–—‑]",
        "NB": _NB,
        "YEAR": _YEAR,
        "DAY": _DAY,
        "MONTH": rf"(?<!\w)(?:{month_any})(?!\w)",
        "MONTHF": rf"(?<!\w){_alt(v.months)}(?!\w)",
        "WD": rf"(?<!\w){_alt(v.weekdays)}(?!\w)",
        "WDX": rf"(?<!\w)(?:{_alt(v.weekdays)}|{wd_abbr})(?!\w)",
        "DIR": rf"{_alt(v.directions)}(?!\w)",
        "POD": rf"{_alt(v.parts_of_day)}(?!\w)",
        "UNIT": rf"{_alt(v.units)}(?!\w)",
        "SEASON": rf"(?<!\w){_alt(v.seasons)}(?!\w)",
        "ORD": rf"(?<!\w){_alt(v.ordinals)}(?!\w)",
        "YPART": rf"{_alt(v.year_parts)}(?!\w)",
        "DAYWORD": rf"(?<![\w\-‑]){_alt(v.day_words)}(?!\w)",
        "ANAPHOR": rf"(?<![\w\-‑]){_alt(v.anaphors)}(?!\w)",
        "HOLIDAY": rf"(?<![\w\-‑])(?:{_holiday_alt(v.holidays)})(?![\w\-‑])",
        "DAYLEAD": rf"(?<![\w'’]){_alt(v.day_leads)}",
        "WEEKOFF": rf"{_alt(v.week_offsets)}(?!\w)",
        "SHIFT": rf"{_alt(v.shift_after)}(?!\w)",
    }


_PLACEHOLDER = re.compile(r"§(\w+)(?::(\w+))?§")


def _rx(template: str) -> re.Pattern[str]:
    """Compile a rule template: ``§SP§`` is a piece, ``§DAY:d1§`` a piece captured as group d1."""
    pieces = _pieces()

    def repl(m: re.Match[str]) -> str:
        piece = pieces[m.group(1)]
        return f"(?P<{m.group(2)}>{piece})" if m.group(2) else piece

    return re.compile(_PLACEHOLDER.sub(repl, template.replace("\n", "").replace(" ", "")), re.IGNORECASE)


# --------------------------------------------------------------------------------------------
# Reference (publication) date and calendar helpers


@dataclass(frozen=True, slots=True)
class _Ref:
    year: int
    month: int
    day: int | None

    @property
    def date(self) -> date | None:
        return date(self.year, self.month, self.day) if self.day else None


_PUBLISHED_RE = re.compile(r"^\s*(\d{4})-(\d{2})(?:-(\d{2}))?(?:[T ].*)?$")


def _parse_published(published: str | None) -> _Ref | None:
    if published is None or not published.strip():
        return None
    m = _PUBLISHED_RE.match(published)
    if not m:
        raise ValueError(f"published must be 'YYYY-MM-DD' or 'YYYY-MM', not {published!r}")
    y, mo = int(m.group(1)), int(m.group(2))
    d = int(m.group(3)) if m.group(3) else None
    if not 1 <= mo <= 12 or (d is not None and not _valid(y, mo, d)):
        raise ValueError(f"published is not a valid date: {published!r}")
    return _Ref(y, mo, d)


def _valid(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists; with an unknown year, 29 February is allowed."""
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= calendar.monthrange(2000 if year is None else year, month)[1]


def _fmt_day(year: int | None, month: int, day: int) -> str:
    return f"{'XXXX' if year is None else f'{year:04d}'}-{month:02d}-{day:02d}"


def _fmt_month(year: int | None, month: int) -> str:
    return f"{'XXXX' if year is None else f'{year:04d}'}-{month:02d}"


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def _year_for_month(month: int, direction: int, ref: _Ref) -> int:
    """Year of a month named without year: most recent not after publication (or before/after)."""
    if direction < 0:
        return ref.year if month < ref.month else ref.year - 1
    if direction > 0:
        return ref.year if month > ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


# A day named without year is the nearest such day: the most recent one, unless it lies more than
# half a year back while the next one is at most two months ahead.
_NEAR_FUTURE_DAYS = 60
_FAR_PAST_DAYS = 180


def _year_for_day(
    month: int, day: int, ref: _Ref, direction: int = 0, weekday: int | None = None, nearest: bool = False
) -> int | None:
    """Year of a day and month named without year, anchored on the publication date."""
    candidates = [y for y in range(ref.year - 4, ref.year + 5) if _valid(y, month, day)]
    rd = ref.date

    def key(y: int) -> tuple[int, int, int]:
        return (y, month, day if rd else 0)

    refkey = (ref.year, ref.month, ref.day if rd else 0)
    if direction > 0:
        later = [y for y in candidates if key(y) > refkey or (not rd and key(y) >= refkey)]
        chosen = min(later) if later else None
    else:
        strict = direction < 0 and rd is not None
        earlier = [y for y in candidates if key(y) < refkey or (not strict and key(y) <= refkey)]
        chosen = max(earlier) if earlier else None
        if nearest and direction == 0 and rd is not None and chosen is not None:
            # With no tense to go by, a day a few weeks ahead is meant rather than one most of a
            # year ago ("rendez-vous à Nantes le 18 juin" written on 10 June).
            later = [y for y in candidates if key(y) > refkey]
            if later:
                ahead = (date(min(later), month, day) - rd).days
                back = (rd - date(chosen, month, day)).days
                if ahead <= _NEAR_FUTURE_DAYS and back > _FAR_PAST_DAYS:
                    chosen = min(later)
    if chosen is None:
        return None
    if weekday is not None and date(chosen, month, day).weekday() != weekday:
        # the weekday written beside the date says which year is meant ("dimanche 9 avril")
        anchor = rd or date(ref.year, ref.month, 15)
        fitting = [
            y
            for y in (chosen - 1, chosen, chosen + 1)
            if y in candidates and date(y, month, day).weekday() == weekday
        ]
        if fitting:
            chosen = min(fitting, key=lambda y: abs((date(y, month, day) - anchor).days))
    return chosen


def _weekday_date(weekday: int, ref_day: date, direction: int) -> date:
    """The weekday on or before the reference day (direction 0), strictly before (-1) or after (+1)."""
    if direction > 0:
        return ref_day + timedelta(days=(weekday - ref_day.weekday()) % 7 or 7)
    back = (ref_day.weekday() - weekday) % 7
    if direction < 0 and back == 0:
        back = 7
    return ref_day - timedelta(days=back)


def _day_number(token: str) -> int:
    t = _norm(token)
    return 1 if t in ("1er", "1ᵉʳ", "premier") else int(t)


def _direction(token: str | None) -> int:
    return load_vocabulary().directions[_norm(token)] if token else 0


# --------------------------------------------------------------------------------------------
# Candidates and context checks


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    value: str
    precision: str
    relative: bool = False
    kind: str = ""  # "anaphor": la veille / le lendemain, resolved after selection
    shift: int = 0  # days, for anaphors
    link: int | None = None  # anaphor followed by "de/du": where its anchoring date must start
    unit: str = ""  # for a shift ("trois semaines plus tard"): day | week | month | year
    origin: str = field(default="")  # name of the rule that found it


@dataclass(frozen=True, slots=True)
class _Ctx:
    text: str
    ref: _Ref | None
    strict: bool  # False in parse_date: the caller says the text is a date expression


def _last_tokens(text: str, pos: int, n: int = 4) -> list[str]:
    return _tokens(text[max(0, pos - 60) : pos])[-n:]


def _ends_with(tokens: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(len(p) <= len(tokens) and tuple(tokens[-len(p) :]) == p for p in phrases)


_OPENERS = frozenset(" \t\u00a0\u202f«»\"“”'‘’—–-•*([")


def _at_sentence_start(text: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    return i < 0 or text[i] in ".!?:;\n…"


def _casing_ok(text: str, pos: int, token: str) -> bool:
    """Month and weekday names are lowercase in French; capitalized, only at a sentence start."""
    return token.islower() or (token[:1].isupper() and token[1:].islower() and _at_sentence_start(text, pos))


_NEXT_WORD_RE = re.compile(rf"{_SP0}([^\W\d_]+['’ʼ]?)")


def _year_followed_ok(text: str, end: int) -> bool:
    """A bare number followed by a noun counts things ("2000 soldats"); a year is followed by a
    function word, a capitalized word or punctuation ("en 2017, Scholz", "en 2017 la Suède")."""
    rest = text[end : end + 3]
    if re.match(r"[-‑/]\d", rest):
        return False
    m = _NEXT_WORD_RE.match(text, end)
    if not m:
        return True
    word = m.group(1)
    return not word.islower() or _norm(word) in load_vocabulary().after_year


# --------------------------------------------------------------------------------------------
# Tense of the clause around a date: does it point after publication?

# A clause ends at sentence punctuation followed by a space or a quote, or at a line break.
_CLAUSE_CUT_RE = re.compile(r"[.!?;…](?=[\s»\"”)]|\Z)|\n")
# Futur simple, third person ("reprendra", "manifesteront", "finira"); first and second persons
# are left out: "-erons", "-irons", "-erai" also end common nouns ("vignerons", "environs", "minerai").
_FUTURE_FORM_RE = re.compile(r"[^\W\d_]{2,}(?:era|eront|ira|iront|dra|dront)")
_PARTICIPLE_RE = re.compile(r"[^\W\d_]{2,}(?:é|ée|és|ées)")
_IMPERFECT_RE = re.compile(r"[^\W\d_]{2,}(?:ait|aient)")
_BEFORE_WINDOW, _AFTER_WINDOW = 8, 6
_HAVE_AUXILIARIES = frozenset(("a", "ont", "avait", "avaient"))
_CONDITIONAL_BE = frozenset(("serait", "seraient"))
# Past participles of the verbs that take "être" in their compound tenses (general French grammar):
# after "serait" they make a conditional past, not a passive.
_BE_VERB_PARTICIPLES = frozenset((
    "parti", "reparti", "arrivé", "venu", "revenu", "devenu", "intervenu", "parvenu", "survenu", "provenu",
    "mort", "décédé", "né", "tombé", "retombé", "resté", "entré", "rentré", "sorti", "ressorti", "monté",
    "remonté", "descendu", "redescendu", "retourné", "allé", "passé", "repassé",
))
_BE_AUXILIARIES = frozenset(("est", "sont", "était", "étaient"))
_ANY_PARTICIPLE_RE = re.compile(r"[^\W\d_]{2,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ert|erte|eint|einte)")
_AUXILIARIES = frozenset(("a", "ont", "avait", "avaient", "est", "sont", "était", "étaient", "été", "fut", "furent"))
# Words that may stand before a date opening its clause ("Et le 20 juin, ...", "Dès lundi, ...").
_CLAUSE_OPENERS = frozenset(
    ("le", "la", "les", "l'", "ce", "cet", "cette", "en", "dès", "à", "au", "et", "puis", "alors",
     "dans", "pour", "depuis", "ensuite", "enfin", "donc", "ainsi", "mais")
)


def _phrase_at(tokens: list[str], j: int, phrases: tuple[tuple[str, ...], ...], ending: bool) -> tuple[str, ...] | None:
    """The longest phrase that ends (``ending``) or starts at token ``j``."""
    held, lookup, longest = _PHRASE_SETS.get(id(phrases)) or _phrase_set(phrases)
    for n in range(min(longest, j + 1 if ending else len(tokens) - j), 0, -1):
        window = tuple(tokens[j - n + 1 : j + 1] if ending else tokens[j : j + n])
        if window in lookup:
            return window
    return None


# id(phrases) → (phrases, the same as a set, the longest's length); the tuple is held so that its id
# stays its own.
_PHRASE_SETS: dict[int, tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]], int]] = {}


def _phrase_set(
    phrases: tuple[tuple[str, ...], ...],
) -> tuple[tuple[tuple[str, ...], ...], frozenset[tuple[str, ...]], int]:
    entry = (phrases, frozenset(phrases), max(map(len, phrases), default=0))
    _PHRASE_SETS[id(phrases)] = entry
    return entry


def _cue_at(tokens: list[str], j: int, ending: bool) -> tuple[int, bool, bool] | None:
    """(+1 future | -1 past, introduced by "d'ici", weak) when token ``j`` is a tense cue; weak
    cues are an imperfect (also a habit) and a participle without auxiliary (or a noun: "musées")."""
    v = load_vocabulary()
    future = _phrase_at(tokens, j, v.future_cues, ending)
    if future is not None:
        return 1, future == ("d'", "ici"), False
    if _phrase_at(tokens, j, v.past_cues, ending) is not None:
        return -1, False, False
    tok = tokens[j]
    if _FUTURE_FORM_RE.fullmatch(tok):
        return 1, False, False
    # A compound past whatever the participle's ending ("il est revenu", "elle a pris").
    nxt = tokens[j + 1] if j + 1 < len(tokens) else ""
    if not ending and nxt.isalpha() and (
        tok in _HAVE_AUXILIARIES or (tok in _BE_AUXILIARIES and _ANY_PARTICIPLE_RE.fullmatch(nxt))
    ):
        return -1, False, False
    if _PARTICIPLE_RE.fullmatch(tok) or (j > 0 and tokens[j - 1] in _CONDITIONAL_BE and _ANY_PARTICIPLE_RE.fullmatch(tok)):
        prev = tokens[j - 1] if j > 0 else ""
        if prev == "être" or (prev,) in v.future_cues or _FUTURE_FORM_RE.fullmatch(prev):
            return None  # "doit être voté jeudi", "sera jugé mardi": the auxiliary tells
        if prev in _CONDITIONAL_BE and re.sub(r"(?:e|s|es)$", "", tok) not in _BE_VERB_PARTICIPLES:
            # "le blocage serait levé samedi": a passive in the conditional, what was to come (the
            # future of reported speech); "il serait parti samedi" (a verb of "être") is a past
            return 1, False, True
        return -1, False, prev not in _AUXILIARIES
    if _IMPERFECT_RE.fullmatch(tok):
        return -1, False, True
    return None


def _tense(text: str, start: int, end: int) -> tuple[int, bool, bool]:
    """Whether the clause around ``text[start:end]`` speaks of the future (+1), the past (-1) or
    says nothing (0), from the nearest tense cue before or after it; and whether that cue is
    "d'ici" (strictly after publication: "d'ici lundi" said on a Monday is the next one); and
    whether the cue is weak: an imperfect, which may tell a habit ("le week-end, il pêchait"), or
    a word that only looks like a participle ("les musées").

    A date completing a noun ("les chiffres de mars", "le record du 31 janvier") takes no tense.
    Only the nearest cue counts ("adopté mardi, le texte sera promulgué" stays past); the search
    stops at a subordinate clause ("il annonce mardi qu'il partira" says nothing about mardi) and,
    after the date, at a comma unless the date opens its clause ("Samedi, ils manifesteront");
    a clause without any cue is 0: the caller keeps its default (at or before publication).
    """
    v = load_vocabulary()
    before_text = text[max(0, start - 200) : start]
    cuts = list(_CLAUSE_CUT_RE.finditer(before_text))
    if cuts:
        before_text = before_text[cuts[-1].end() :]
    after_text = text[end : end + 200]
    cut = _CLAUSE_CUT_RE.search(after_text)
    if cut:
        after_text = after_text[: cut.start()]
    found: list[tuple[int, int, int, bool, bool]] = []  # (distance, side: 0 before / 1 after, *cue)
    before = _tokens(before_text)
    if before[-2:] in (["mois", "d'"], ["mois", "de"]):
        before = before[:-2]  # "(dès le début) du mois d'octobre": the month itself
        if before and before[-1] == "du":
            before = before[:-1]
        elif len(before) > 1 and before[-1] == "au":
            before = before[:-1]
    if before and before[-1] in ("de", "du", "d'", "des"):
        return 0, False, False  # "les chiffres de mars seront publiés": the verb is not the date's
    for dist in range(min(len(before), _BEFORE_WINDOW)):
        j = len(before) - 1 - dist
        cue = _cue_at(before, j, ending=True)
        if cue is not None:
            found.append((dist, 0, *cue))
            break
        if before[j] in v.clause_stops:
            break
    after = _tokens(after_text)
    opens = all(not t[0].isalpha() or t in _CLAUSE_OPENERS for t in before)
    for dist in range(min(len(after), _AFTER_WINDOW)):
        if after[dist] in v.clause_stops or (after[dist] == "," and not opens):
            break  # past a comma, only a date opening its clause takes the main verb's tense
        cue = _cue_at(after, dist, ending=False)
        if cue is not None:
            found.append((dist, 1, *cue))
            break
    if not found:
        return 0, False, False
    _, _, sign, strict, weak = min(found)
    return sign, strict, weak


# --------------------------------------------------------------------------------------------
# Rule handlers: one regex match -> one candidate (or None)


def _c(
    m: re.Match[str], value: str, precision: str, relative: bool = False, start: int | None = None
) -> _Cand:
    return _Cand(m.start() if start is None else start, m.end(), value, precision, relative)


def _h_numeric_dmy(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    d, mo, ys = int(m["d"]), int(m["m"]), m["y"]
    if len(ys) == 2:
        if m["sep"] != "/" and (len(m["d"]) != 2 or len(m["m"]) != 2):
            return None  # "17.02.24", "17-02-24"; not "1.2.10", a version number
        y = 2000 + int(ys) if int(ys) < 70 else 1900 + int(ys)
    else:
        y = int(ys)
    if mo > 12 and d <= 12:  # an English month/day/year on a French page
        d, mo = mo, d
    if not _valid(y, mo, d):
        return None
    return _c(m, _fmt_day(y, mo, d), "day")


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"2024-06-19", and year-first with slashes or dots ("2024/06/19", "2024.06.19")."""
    y, mo, d = int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"])
    return _c(m, _fmt_day(y, mo, d), "day") if _valid(y, mo, d) else None


def _h_numeric_my(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    return _c(m, _fmt_month(int(m["y"]), int(m["m"])), "month")


def _h_day_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    v = load_vocabulary()
    day, month = _day_number(m["d"]), v.month_of(m["m"])
    weekday = v.weekday_of(m["wd"]) if m.groupdict().get("wd") else None
    if m.groupdict().get("y"):
        y = int(m["y"])
        return _c(m, _fmt_day(y, month, day), "day") if _valid(y, month, day) else None
    return _day_without_year(m, ctx, month, day, weekday, _direction(m.groupdict().get("dir")))


def _day_without_year(
    m: re.Match[str], ctx: _Ctx, month: int, day: int, weekday: int | None, direction: int, start: int | None = None
) -> _Cand | None:
    """A day and month the text gives without year: the year from the publication date and the
    tense of the clause (see the module doc)."""
    if not _valid(None, month, day):
        return None
    if ctx.ref is None:
        return _c(m, _fmt_day(None, month, day), "day", start=start)
    lo = m.start() if start is None else start
    tense = _tense(ctx.text, lo, m.end())[0] if direction == 0 and weekday is None else 0
    if tense > 0:
        # "le 20 juin, il reviendra": the coming 20 June (today included)
        rd = ctx.ref.date
        if rd is not None and (rd.month, rd.day) == (month, day):
            return _c(m, _fmt_day(ctx.ref.year, month, day), "day", relative=True, start=start)
        direction = 1
    # No tense at all, and not a noun's complement ("le défilé du 14-Juillet"): the nearest such day.
    untensed = tense == 0 and not re.search(r"\b(?:de|du|des|d['’])\s*$", ctx.text[max(0, lo - 5):lo], re.I)
    y = _year_for_day(month, day, ctx.ref, direction, weekday, nearest=direction == 0 and weekday is None and untensed)
    if y is None:
        return None
    return _c(m, _fmt_day(y, month, day), "day", relative=True, start=start)


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    v = load_vocabulary()
    tok = m["m"]
    if ctx.strict and not tok.islower() and not _at_sentence_start(ctx.text, m.start()):
        prev = _last_tokens(ctx.text, m.start(), 1)
        if prev and prev[-1] in v.planet_context:  # "la mission Mars 2020"
            return None
    return _c(m, _fmt_month(int(m["y"]), v.month_of(tok)), "month")


# Words after which a capitalised month name mid-sentence is still the month ("en Février",
# "depuis Janvier", "fin Septembre").
_MONTH_LEADS = frozenset(("en", "depuis", "dès", "début", "fin", "mi", "courant", "milieu", "jusqu'en", "ici", "avant", "après"))
# Words after which a capitalised weekday mid-sentence is still the day ("dès Lundi", "ce Jeudi").
_WEEKDAY_LEADS = frozenset(("ce", "dès", "depuis", "ici", "à", "avant", "après", "pour", "jusqu'à"))


def _weekday_capital_ok(text: str, m: re.Match[str]) -> bool:
    """A capitalised weekday mid-sentence ("a annoncé Mercredi", "Lundi prochain", "dès Lundi
    matin") is a day when a word around it says so; "la série Mercredi" is a title."""
    tok = m["wd"]
    if not tok[1:].islower():
        return False
    if m["dir"] or m["dir2"] or m["pod"] or (m["det"] and _norm(m["det"]) == "ce"):
        return True
    prev = _last_tokens(text, m.start(), 1)
    if not prev:
        return False
    word = prev[-1]
    return (
        word in _WEEKDAY_LEADS
        or word in _AUXILIARIES
        or _PARTICIPLE_RE.fullmatch(word) is not None
        or _FUTURE_FORM_RE.fullmatch(word) is not None
    )


_YEAR_PHRASE_OFFSET = {
    "dernière": -1,
    "passée": -1,
    "dernier": -1,
    "passé": -1,
    "prochaine": 1,
    "prochain": 1,
}


def _h_bare_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    v = load_vocabulary()
    tok = m["m"]
    has_dir = bool(m["dir"] or m["yp"])
    if ctx.strict:
        prev = _last_tokens(ctx.text, m.start(), 1)
        if prev and prev[-1].isdigit():
            return None  # "le 31 février": not a day of February, and not the month either
        if tok.islower():
            if not has_dir and prev and prev[-1] in v.planet_context:
                return None
        elif not (
            (has_dir and _casing_ok(ctx.text, m.start(), tok))
            or (tok[1:].islower() and bool(prev) and prev[-1] in _MONTH_LEADS)
        ):
            return None  # "Mars" mid-sentence is the planet, "Mai" a first name; not "en Février"
        if not has_dir and _ends_with(_last_tokens(ctx.text, m.start(), 4), v.generic):
            return None  # "un mois de novembre": any November
    month = v.month_of(tok)
    if m["yp"]:
        if ctx.ref is None:
            return None
        words = _tokens(m["yp"])
        offset = _YEAR_PHRASE_OFFSET.get(words[-1], 0)
        return _c(m, _fmt_month(ctx.ref.year + offset, month), "month", relative=True)
    if ctx.ref is None:
        return _c(m, _fmt_month(None, month), "month")
    direction = _direction(m["dir"])
    if direction == 0 and _tense(ctx.text, m.start(), m.end())[0] > 0:
        # "le sommet aura lieu en mars": the coming March (this month included)
        y = ctx.ref.year if month >= ctx.ref.month else ctx.ref.year + 1
        return _c(m, _fmt_month(y, month), "month", relative=True)
    y = _year_for_month(month, direction, ctx.ref)
    return _c(m, _fmt_month(y, month), "month", relative=True)


def _span_years(
    m1: int, d1: int, y1: int | None, m2: int, d2: int, y2: int | None, ref: _Ref | None
) -> tuple[int | None, int | None, bool] | None:
    """Years of both ends of a day range; the end is never before the start."""
    relative = False
    if y2 is not None and y1 is None:
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    elif y1 is not None and y2 is None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    elif y1 is None and ref is not None:
        y1 = _year_for_day(m1, d1, ref)
        if y1 is None:
            return None
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
        relative = True
    if y1 is not None and y2 is not None and date(y2, m2, d2) <= date(y1, m1, d1):
        return None
    if y1 is None and (m1, d1) == (m2, d2):
        return None
    return y1, y2, relative


def _range_groups(m: re.Match[str]) -> tuple[int, int, int | None, int, int, int | None] | None:
    v = load_vocabulary()
    g = m.groupdict()
    d1, d2 = _day_number(g["d1"]), _day_number(g["d2"])
    m2 = v.month_of(g["m2"])
    m1 = v.month_of(g["m1"]) if g.get("m1") else m2
    y1 = int(g["y1"]) if g.get("y1") else None
    y2 = int(g["y2"]) if g.get("y2") else None
    if not (_valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    return m1, d1, y1, m2, d2, y2


def _h_day_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    groups = _range_groups(m)
    if groups is None:
        return None
    m1, d1, y1, m2, d2, y2 = groups
    years = _span_years(m1, d1, y1, m2, d2, y2, ctx.ref)
    if years is None:
        return None
    y1, y2, relative = years
    value = f"{_fmt_day(y1, m1, d1)}/{_fmt_day(y2, m2, d2)}"
    return _c(m, value, "range", relative)


def _h_night_dates(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    groups = _range_groups(m)
    if groups is None:
        return None
    m1, d1, y1, m2, d2, y2 = groups
    years = _span_years(m1, d1, y1, m2, d2, y2, ctx.ref)
    if years is None:
        return None
    y1, y2, relative = years
    start = date(2001 if y1 is None else y1, m1, d1)
    end = date(2001 if y2 is None else y2, m2, d2)
    if y1 is not None and (end - start).days != 1:
        return None
    value = f"{_fmt_day(y1, m1, d1)}T20:00/{_fmt_day(y2, m2, d2)}T08:00"
    return _c(m, value, "night", relative)


def _h_month_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    v = load_vocabulary()
    m1, m2 = v.month_of(m["m1"]), v.month_of(m["m2"])
    y1 = int(m["y1"]) if m["y1"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    relative = False
    if y2 is not None and y1 is None:
        y1 = y2 if m1 <= m2 else y2 - 1
    elif y1 is not None and y2 is None:
        y2 = y1 if m2 >= m1 else y1 + 1
    elif y1 is None and ctx.ref is not None:
        y2 = _year_for_month(m2, 0, ctx.ref)
        y1 = y2 if m1 <= m2 else y2 - 1
        relative = True
    if y1 is not None and y2 is not None and (y2, m2) <= (y1, m1):
        return None
    if y1 is None and m1 == m2:
        return None
    return _c(m, f"{_fmt_month(y1, m1)}/{_fmt_month(y2, m2)}", "range", relative)


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y1 = int(m["y1"])
    if m["y2"]:
        y2 = int(m["y2"])
    else:
        y2 = (y1 // 100) * 100 + int(m["yy"])
        if y2 != y1 + 1:  # "2023-24" is a season; "2011-12" alone is too ambiguous otherwise
            return None
    if not 0 < y2 - y1 <= 200:
        return None
    if ctx.strict and not _year_followed_ok(ctx.text, m.end()):
        return None
    return _c(m, f"{y1}/{y2}", "range")


def _h_short_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"en 87", "depuis 99" closing a clause: the latest such year not after publication."""
    if ctx.ref is None:
        return None
    prev = _last_tokens(ctx.text, m.start(), 1)
    if prev and any(prev[-1].startswith(stem) for stem in load_vocabulary().cut_verbs):
        return None  # "coupé en 12": twelve parts
    yy = int(m["yy"])
    y = 2000 + yy if 2000 + yy <= ctx.ref.year else 1900 + yy
    return _c(m, f"{y:04d}", "year", relative=True, start=m.start("yy"))


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    dec = m["dec"]
    start = int(dec) if len(dec) == 4 else 1900 + int(dec)
    if len(dec) == 2 and dec == "00":
        start = 2000
    return _c(m, f"{start}/{start + 9}", "decade")


def _h_day_word(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.ref is None or ctx.ref.date is None:
        return None
    offset = load_vocabulary().day_words[_norm(m["w"])]
    if offset > 0 and ctx.strict:
        prev = _last_tokens(ctx.text, m.start(), 1)
        if prev and prev[-1] in ("de", "d'"):  # "le monde de demain"
            return None
    return _c(m, (ctx.ref.date + timedelta(days=offset)).isoformat(), "day", relative=True)


def _h_this_part_of_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.ref is None or ctx.ref.date is None:
        return None
    return _c(m, ctx.ref.date.isoformat(), "day", relative=True)


_FOLLOWING_RE = re.compile(rf"{_SP}(?:suivante?|précédente?|d{_AP}(?:avant|après))(?!\w)", re.IGNORECASE)


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.ref is None or ctx.ref.date is None:
        return None
    tok = m["wd"]
    if ctx.strict:
        if not (_casing_ok(ctx.text, m.start("wd"), tok) or _weekday_capital_ok(ctx.text, m)):
            return None  # "la série Mercredi", "Vendredi" (Robinson's)
        if not m["det"] and _ends_with(_last_tokens(ctx.text, m.start(), 4), load_vocabulary().generic):
            return None  # "chaque mardi", "un lundi matin": any such day
        if _FOLLOWING_RE.match(ctx.text, m.end()):
            return None  # "le mardi suivant" counts from a date of the text, not publication
    weekday = load_vocabulary().weekday_of(tok)
    direction = _direction(m["dir"] or m["dir2"])
    if direction == 0:
        tense, strict, _ = _tense(ctx.text, m.start(), m.end())
        if tense > 0:
            # "aura lieu samedi", "à prévoir vendredi": the next one (today included, but not
            # after "d'ici")
            rd = ctx.ref.date
            ahead = (weekday - rd.weekday()) % 7
            d = rd + timedelta(days=ahead or (7 if strict else 0))
            return _c(m, d.isoformat(), "day", relative=True)
        if tense == 0 and m["det"] and _norm(m["det"]) == "ce":
            # "ce vendredi" with no tense to go by: the Friday of the week of publication
            rd = ctx.ref.date
            d = rd + timedelta(days=weekday - rd.weekday())
            return _c(m, d.isoformat(), "day", relative=True)
    d = _weekday_date(weekday, ctx.ref.date, direction)
    return _c(m, d.isoformat(), "day", relative=True)


def _h_weekday_day(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """Resolve "mercredi 12": the 12th of a month near publication that falls on a Wednesday."""
    if ctx.ref is None or ctx.ref.date is None:
        return None
    v = load_vocabulary()
    weekday, day = v.weekday_of(m["wd"]), _day_number(m["d"])
    rd = ctx.ref.date
    options = []
    for n in (-2, -1, 0, 1):
        y, mo = _add_months(rd.year, rd.month, n)
        if _valid(y, mo, day):
            options.append(date(y, mo, day))
    fitting = [d for d in options if d.weekday() == weekday]
    if not fitting:
        return None
    past = [d for d in fitting if d <= rd]
    coming = [d for d in fitting if d >= rd]
    if coming and _tense(ctx.text, m.start(), m.end())[0] > 0:
        chosen = min(coming)  # "la réunion aura lieu jeudi 13"
    else:
        chosen = max(past) if past else min(fitting)
    return _c(m, chosen.isoformat(), "day", relative=True)


def _night(end_day: date) -> str:
    return f"{(end_day - timedelta(days=1)).isoformat()}T20:00/{end_day.isoformat()}T08:00"


def _h_night_weekdays(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.ref is None or ctx.ref.date is None:
        return None
    v = load_vocabulary()
    w1, w2 = v.weekday_of(m["wd1"]), v.weekday_of(m["wd2"])
    if (w1 + 1) % 7 != w2:
        return None
    return _c(m, _night(_weekday_date(w2, ctx.ref.date, 0)), "night", relative=True)


def _h_night_last(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.ref is None or ctx.ref.date is None:
        return None
    return _c(m, _night(ctx.ref.date), "night", relative=True)


def _weekend(ref_day: date, direction: int) -> date:
    """Saturday of the week-end meant by "le week-end dernier" (-1), "ce week-end" (0), "prochain" (+1)."""
    wd = ref_day.weekday()
    since_saturday = (wd - 5) % 7
    if direction < 0:
        return ref_day - timedelta(days=since_saturday + (7 if wd >= 5 else 0))
    if direction > 0:
        return ref_day + timedelta(days=(5 - wd) % 7 or 7)
    if wd >= 5 or wd <= 2:  # on a week-end, or early in the week: the one just lived
        return ref_day - timedelta(days=since_saturday)
    return ref_day + timedelta(days=5 - wd)


def _h_relative_period(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    ref = ctx.ref
    if ref is None:
        return None
    words = _tokens(m["noun"] or m["noun2"])
    noun = next((w for w in ("semaine", "mois", "an", "année") if w in words), "week-end")
    direction = _direction(m["dir"]) if m["dir"] else 0
    if noun in ("an", "année"):
        return _c(m, f"{ref.year + direction:04d}", "year", relative=True)
    if noun == "mois":
        y, mo = _add_months(ref.year, ref.month, direction)
        return _c(m, _fmt_month(y, mo), "month", relative=True)
    if ref.date is None:
        return None
    if noun == "semaine":
        return _c(m, _iso_week(ref.date + timedelta(days=7 * direction)), "week", relative=True)
    saturday = _weekend(ref.date, direction)  # week-end
    return _c(
        m, f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "range", relative=True
    )


def _h_weekend_tense(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"Le week-end a été pluvieux": the week-end the tense points to; a bare "le week-end"
    without a clear tense cue is a habit ("le week-end, il pêchait", "les musées sont gratuits")."""
    if ctx.ref is None or ctx.ref.date is None:
        return None
    tense, _, weak = _tense(ctx.text, m.start(), m.end())
    if tense == 0 or weak:
        return None
    rd = ctx.ref.date
    if rd.weekday() >= 5:  # published on the week-end: the one under way
        saturday = rd - timedelta(days=rd.weekday() - 5)
    else:
        saturday = _weekend(rd, tense)
    return _c(m, f"{saturday.isoformat()}/{(saturday + timedelta(days=1)).isoformat()}", "range", relative=True)


def _h_part_of_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    if ctx.ref is None:
        return None
    return _c(m, f"{ctx.ref.year:04d}", "year", relative=True)


def _number_value(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    from text_to_num import text2num  # imported here: only "il y a deux ans" needs it

    try:
        return int(text2num(_norm(token), "fr"))
    except ValueError:
        return None


def _h_ago(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    ref = ctx.ref
    n = _number_value(m["n"])
    if ref is None or n is None or n <= 0:
        return None
    sign = -1 if m["op"].lower().startswith("il") else 1
    unit = load_vocabulary().units[_norm(m["u"])]
    if unit == "year":
        y = ref.year + sign * n
        return _c(m, f"{y:04d}", "year", relative=True) if 0 < y < 10000 else None
    if unit == "month":
        y, mo = _add_months(ref.year, ref.month, sign * n)
        return _c(m, _fmt_month(y, mo), "month", relative=True) if 0 < y < 10000 else None
    if ref.date is None or n > 3660:
        return None
    if unit == "week":
        return _c(m, _iso_week(ref.date + timedelta(weeks=sign * n)), "week", relative=True)
    return _c(m, (ref.date + timedelta(days=sign * n)).isoformat(), "day", relative=True)


def _h_bare_year(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    y = int(m["y"])
    if ctx.strict:
        v = load_vocabulary()
        text = ctx.text
        prev = _last_tokens(text, m.start(), 4)
        if _ends_with(prev, v.blockers):
            return None
        in_parens = bool(prev) and prev[-1] == "(" and text[m.end() : m.end() + 1] == ")"
        listed = (
            len(prev) >= 2
            and prev[-1] in ("et", "ou", ",")
            and re.fullmatch(r"1\d{3}|20\d{2}", prev[-2]) is not None
        )
        triggered = (
            _ends_with(prev, v.trigger_strong) or (y >= 1800 and _ends_with(prev, v.trigger_weak)) or listed
        )
        if not (triggered or (in_parens and y >= 1800)):
            return None
        if not _year_followed_ok(text, m.end()):
            return None
    return _c(m, f"{y:04d}", "year")


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    first, last = load_vocabulary().seasons[_norm(m["s"])]
    det = _norm(m["det"]).strip() if m["det"] else ""
    start = m.start("s") if det in ("au", "en") else m.start()
    across = first > last  # winter, named by the year of its December

    def instance(y: int) -> str:
        return f"{_fmt_month(y, first)}/{_fmt_month(y + 1 if across else y, last)}"

    if m["yy"]:
        # "l'hiver 87", "l'été 76": a two-digit year, the latest such year not after publication
        if ctx.ref is None or not det:
            return None
        yy = int(m["yy"])
        y = 2000 + yy if 2000 + yy <= ctx.ref.year else 1900 + yy
        return _c(m, instance(y), "season", relative=True, start=start)
    if m["y"]:
        y = int(m["y"])
        if m["y2"]:
            return _c(m, instance(y), "season", start=start) if across and int(m["y2"]) == y + 1 else None
        # "l'hiver 2023" may be either winter touching 2023: keep the year
        return _c(m, f"{y:04d}" if across else instance(y), "season", start=start)
    ref = ctx.ref
    if ref is None or not (m["dir"] or det in ("cet", "ce")):
        return None  # a bare "l'été" is generic more often than not
    now = (ref.year, ref.month)
    spans = {y: ((y, first), (y + 1 if across else y, last)) for y in range(ref.year - 2, ref.year + 2)}
    direction = _direction(m["dir"]) if m["dir"] else 0
    if direction < 0:
        y = max(y for y, (_, end) in spans.items() if end < now)
    elif direction > 0:
        y = min(y for y, (begin, _) in spans.items() if begin > now)
    else:
        inside = [y for y, (begin, end) in spans.items() if begin <= now <= end]
        y = inside[0] if inside else ref.year  # "cet été" in October is this year's
    return _c(m, instance(y), "season", relative=True, start=start)


def _h_year_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """Resolve "le premier trimestre 2024" → '2024-01/2024-03'."""
    v = load_vocabulary()
    length = v.year_parts[_norm(m["p"])]
    rank = v.ordinals[_norm(m["o"])]
    count = 12 // length
    if rank == -1:
        rank = count
    if not 1 <= rank <= count:
        return None
    y = int(m["y"])
    first = (rank - 1) * length + 1
    return _c(m, f"{_fmt_month(y, first)}/{_fmt_month(y, first + length - 1)}", "range")


def _h_anaphor(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    cand = _Cand(m.start(), m.end(), "", "day", True, kind="anaphor")
    cand.shift = load_vocabulary().anaphors[_norm(m["a"])]
    if m["de"]:
        cand.end = m.start("de")
        cand.link = m.end("de")
    return cand


# --------------------------------------------------------------------------------------------
# Numeric days without year, holidays, weekday phrases, parts of a week or month, shifts


def _h_numeric_dm(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"le 17/02", "mardi 18/06", "jusqu'au 30/06": a day and month after a word that makes it a
    date (a bare "1/2" or "3/4" is a fraction)."""
    d, mo = int(m["d"]), int(m["m"])
    if not 1 <= mo <= 12:
        return None
    weekday = load_vocabulary().weekday_of(m["wd"]) if m["wd"] else None
    if weekday is not None and ctx.strict and not _casing_ok(ctx.text, m.start("wd"), m["wd"]):
        return None
    return _day_without_year(m, ctx, mo, d, weekday, 0, start=m.start("wd") if m["wd"] else m.start("d"))


def _h_numeric_range(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"du 17/02 au 21/02", "entre le 3/06 et le 10/06/2024"."""
    d1, m1, d2, m2 = (int(m[g]) for g in ("d1", "m1", "d2", "m2"))
    y1 = int(m["y1"]) if m["y1"] else None
    y2 = int(m["y2"]) if m["y2"] else None
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and _valid(y1, m1, d1) and _valid(y2, m2, d2)):
        return None
    years = _span_years(m1, d1, y1, m2, d2, y2, ctx.ref)
    if years is None:
        return None
    y1, y2, relative = years
    return _c(m, f"{_fmt_day(y1, m1, d1)}/{_fmt_day(y2, m2, d2)}", "range", relative)


def _h_spaced_dmy(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"le 20 02 2014": day, month and year apart by single spaces, after "le", "du"..."""
    if not _day_lead_re().search(ctx.text, max(0, m.start() - 20), m.start()):
        return None  # "20 02 2014" with no "le" before: digits of a table, a phone number...
    d, mo, y = int(m["d"]), int(m["m"]), int(m["y"])
    return _c(m, _fmt_day(y, mo, d), "day") if _valid(y, mo, d) else None


@lru_cache(maxsize=1)
def _day_lead_re() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’]){_alt(load_vocabulary().day_leads)}{_SP}\Z", re.IGNORECASE)


def _h_iso_month(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"2016-11": a year and a month; "2011-12" is left to the year range (a season)."""
    y, mo = int(m["y"]), int(m["m"])
    if mo == (y + 1) % 100:
        return None
    return _c(m, _fmt_month(y, mo), "month")


def _h_year_with_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"mi-2025", "fin-2023": a part of a year keeps the year's value and precision."""
    return _c(m, m["y"], "year")


@lru_cache(maxsize=1)
def _holiday_lookup() -> dict[str, str]:
    return {" ".join(_norm(form).split()): value for form, value in load_vocabulary().holidays.items()}


def _holiday_day(rule: str, year: int) -> date | None:
    """The day of a holiday in a year: "12-25", or "easter+1" counted from Easter Sunday."""
    if rule.startswith("easter"):
        from dateutil.easter import easter  # dateparser's dependency; Gregorian computus

        try:
            return easter(year) + timedelta(days=int(rule[6:] or 0))
        except (ValueError, OverflowError):
            return None
    month, day = (int(x) for x in rule.split("-"))
    return date(year, month, day) if _valid(year, month, day) else None


def _h_holiday(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"à Noël", "la Toussaint", "Pâques 2024", "le lundi de Pentecôte": a day computed for the year
    given, else for the year of publication (the most recent one, the coming one when the clause
    speaks of the future, "dernier"/"prochain" strictly before/after)."""
    v = load_vocabulary()
    rule = _holiday_lookup().get(" ".join(_norm(m["h"]).split()))
    if rule is None:
        return None
    if ctx.strict and not (m["y"] or m["dir"] or m["det"]):
        if not _ends_with(_last_tokens(ctx.text, m.start(), 3), v.holiday_triggers):
            return None  # "le père Noël", "les marchés de Noël"
        if re.match(rf"{_SP}[A-ZÀ-Ý]", ctx.text[m.end() : m.end() + 3]):
            return None  # "à Noël Mamère"
    if m["y"]:
        day = _holiday_day(rule, int(m["y"]))
        return _c(m, day.isoformat(), "day") if day is not None else None
    direction = _direction(m["dir"])
    if not rule.startswith("easter"):
        month, dom = (int(x) for x in rule.split("-"))
        return _day_without_year(m, ctx, month, dom, None, direction)
    ref = ctx.ref
    if ref is None:
        return None  # Easter moves: without a year there is no day
    rd = ref.date or date(ref.year, ref.month, 15)
    days = [d for d in (_holiday_day(rule, y) for y in (ref.year - 1, ref.year, ref.year + 1)) if d is not None]
    if direction == 0 and _tense(ctx.text, m.start(), m.end())[0] > 0:
        chosen = min((d for d in days if d >= rd), default=None)
    elif direction > 0:
        chosen = min((d for d in days if d > rd), default=None)
    else:
        chosen = max((d for d in days if d < rd or (direction == 0 and d <= rd)), default=None)
    return _c(m, chosen.isoformat(), "day", relative=True) if chosen is not None else None


def _h_week_offset(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"mardi en huit" (the Tuesday after next Tuesday), "demain en quinze"."""
    if ctx.ref is None or ctx.ref.date is None:
        return None
    v = load_vocabulary()
    rd = ctx.ref.date
    if m["wd"]:
        base = _weekday_date(v.weekday_of(m["wd"]), rd, 1)
    else:
        base = rd + timedelta(days=v.day_words[_norm(m["dw"])])
    return _c(m, (base + timedelta(days=v.week_offsets[" ".join(_tokens(m["off"]))])).isoformat(), "day", relative=True)


def _h_weekday_of_week(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"mercredi de la semaine prochaine", "jeudi de la semaine dernière", "vendredi de cette semaine"."""
    if ctx.ref is None or ctx.ref.date is None:
        return None
    rd = ctx.ref.date
    monday = rd - timedelta(days=rd.weekday()) + timedelta(weeks=_direction(m["dir"]))
    return _c(m, (monday + timedelta(days=load_vocabulary().weekday_of(m["wd"]))).isoformat(), "day", relative=True)


def _h_period_part(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"en fin de mois", "en début de semaine prochaine", "cette fin de semaine": the week, month or
    year of publication (or the one before or after), at that precision."""
    ref = ctx.ref
    if ref is None:
        return None
    noun = _norm(m["noun"])
    direction = _direction(m["dir"])
    if noun == "année":
        return _c(m, f"{ref.year + direction:04d}", "year", relative=True)
    if noun == "mois":
        y, mo = _add_months(ref.year, ref.month, direction)
        return _c(m, _fmt_month(y, mo), "month", relative=True)
    if ref.date is None:
        return None
    return _c(m, _iso_week(ref.date + timedelta(weeks=direction)), "week", relative=True)


def _h_shift(m: re.Match[str], ctx: _Ctx) -> _Cand | None:
    """"trois semaines plus tard", "dix jours plus tôt", "deux jours après": counted from the previous
    date of the text (resolved after selection), or from the date right after "après"/"avant"."""
    n = _number_value(m["n"])
    if n is None or not 0 < n <= 3660:
        return None
    v = load_vocabulary()
    cand = _Cand(m.start(), m.end(), "", "day", True, kind="shift")
    cand.shift = n * v.shift_after[" ".join(_tokens(m["dir"]))]
    cand.unit = v.units[_norm(m["u"])]
    if _norm(m["dir"]) in ("après", "avant") and not re.match(r"[^\S\n]*(?:[,.;:!?)»”]|\n|\Z)", ctx.text[m.end() :]):
        cand.link = m.end()  # "deux jours après le 3 mars"; "deux jours avant le scrutin" dates nothing
    return cand


# --------------------------------------------------------------------------------------------
# The rules


@lru_cache(maxsize=1)
def _rules() -> tuple[_Rule, ...]:
    day_range_tail = "§SP§ §DAY:d2§ §SP§ §MONTH:m2§ (?: ,?§SP§ §YEAR:y2§)?"
    # Each rule: name, template, handler, and what every match of it holds — a digit, a word of
    # a vocabulary piece ("MONTH": a month name or abbreviation), or one of the words or signs listed —
    # so that it is tried only on the lines that hold it (see claimcheck.normalize.scan).
    specs: list[tuple[str, str, Callable[[re.Match[str], _Ctx], _Cand | None], str | tuple[str, ...]]] = [
        (
            "numeric_dmy",
            (
                r"§NB§ (?P<d>[0-3]?\d) (?P<sep>[/.\-]) (?P<m>[0-3]?\d) (?P=sep) (?P<y>(?:1\d|20)\d{2}|\d{2})"
                r" (?![\w/]|[.,\-]\d)"
            ),
            _h_numeric_dmy,
            DIGIT,
        ),
        (
            "iso",
            (
                r"§NB§ (?P<y>(?:1\d|20)\d{2}) (?: - (?P<m>0?[1-9]|1[0-2]) - (?P<d>0?[1-9]|[12]\d|3[01])"
                r" | (?P<sep>[/.]) (?P<m2>0[1-9]|1[0-2]) (?P=sep) (?P<d2>0[1-9]|[12]\d|3[01]) ) (?![\d\-/]|[.]\d)"
            ),
            _h_iso,
            DIGIT,
        ),
        ("numeric_my", r"§NB§ (?P<m>0?[1-9]|1[0-2]) / (?P<y>(?:19|20)\d{2}) (?![\w/]|[.,]\d)", _h_numeric_my, ("/",)),
        (
            "day_month",
            (
                # "le 14-Juillet", "le 8-Mai": a holiday written with a hyphen and a capital
                r"(?: §WDX:wd§ ,?§SP§ )? §NB§ §DAY:d§ (?: §SP§ | §HY§ (?=[A-ZÀ-Ý]) ) §MONTH:m§"
                r" (?: ,?§SP§ §YEAR:y§ | §SP§ (?P<dir>dernier|prochain)(?!\w) )?"
            ),
            _h_day_month,
            "MONTH",
        ),
        ("month_day_year", r"§MONTH:m§ §SP§ §NB§ §DAY:d§ ,?§SP§ §YEAR:y§", _h_day_month, "MONTH"),
        ("month_year", r"§MONTH:m§ §SP§ §YEAR:y§", _h_month_year, "MONTH"),
        (
            "bare_month",
            (
                r"§MONTHF:m§ (?: §SP§ (?P<dir>dernier|prochain|passé)(?!\w) )?"
                r" (?: §SP§ (?P<yp> de §SP§ l§AP§ (?:année|an) §SP§ (?:dernière|passée|prochaine|dernier|passé|prochain)"
                r" | de §SP§ cette §SP§ année )(?!\w) )?"
            ),
            _h_bare_month,
            "MONTHF",
        ),
        (
            "day_range",
            r"(?<!\w)du §SP§ (?: §WD§ §SP§ )? §NB§ §DAY:d1§ (?: §SP§ §MONTH:m1§ (?: §SP§ §YEAR:y1§ )? )?"
            r" §SP§ au (?: §SP§ §WD§ )?" + day_range_tail,
            _h_day_range,
            "MONTH",
        ),
        (
            "day_range_between",
            r"(?<!\w)entre §SP§ le §SP§ §DAY:d1§ (?: §SP§ §MONTH:m1§ (?: §SP§ §YEAR:y1§ )? )?"
            r" §SP§ et §SP§ le" + day_range_tail,
            _h_day_range,
            ("entre",),
        ),
        (
            "day_pair",
            r"(?<!\w)les §SP§ §DAY:d1§ (?: §SP§ §MONTH:m1§ )? §SP§ et" + day_range_tail,
            _h_day_range,
            "MONTH",
        ),
        (
            "day_dash",
            r"§NB§ §DAY:d1§ §SP0§ [-–‑] §SP0§ §DAY:d2§ §SP§ §MONTH:m2§ (?: §SP§ §YEAR:y2§)?",
            _h_day_range,
            "MONTH",
        ),
        (
            "night_dates",
            r"(?<!\w)(?:la §SP§)? nuit §SP§ du §SP§ §DAY:d1§ (?: §SP§ §MONTH:m1§ )? §SP§ au" + day_range_tail,
            _h_night_dates,
            ("nuit",),
        ),
        (
            "month_range",
            (
                r"(?<!\w)(?: de §SP§ | d§AP§ §SP0§ ) §MONTHF:m1§ (?: §SP§ §YEAR:y1§ )?"
                r" §SP§ (?:à|au §SP§ mois §SP§ de) §SP§ §MONTHF:m2§ (?: §SP§ §YEAR:y2§ )?"
            ),
            _h_month_range,
            "MONTHF",
        ),
        (
            "month_range_between",
            r"(?<!\w)entre §SP§ §MONTHF:m1§ (?: §SP§ §YEAR:y1§ )? §SP§ et §SP§ §MONTHF:m2§ (?: §SP§ §YEAR:y2§ )?",
            _h_month_range,
            ("entre",),
        ),
        (
            "year_range",
            r"(?<!\w)(?: de §SP§ | entre §SP§ ) §YEAR:y1§ §SP§ (?: à | et | jusqu§AP§ (?:à|en) ) §SP§ §YEAR:y2§",
            _h_year_range,
            DIGIT,
        ),
        (
            "year_dash",
            r"§NB§ §YEAR:y1§ §SP0§ [-–—/] §SP0§ (?: §YEAR:y2§ | (?P<yy>\d{2})(?![\d\-/.]) )",
            _h_year_range,
            ("-", "–", "—", "/"),
        ),
        (
            "year_part",
            r"(?:(?<!\w)le §SP§)? §ORD:o§ §SP§ §YPART:p§ §SP§ (?: de §SP§ | d§AP§ §SP0§ )? (?:l§AP§ §SP0§ année §SP§)? §YEAR:y§",
            _h_year_part,
            "YPART",
        ),
        ("decade", r"(?<!\w)(?:les §SP§)? années §SP§ (?P<dec>(?:19|20)\d0|\d0)(?!\d)", _h_decade, ("années",)),
        (
            "numeric_dm",
            (
                r"(?: §DAYLEAD:lead§ §SP§ | §WDX:wd§ §SP§ ) (?P<d>[0-3]?\d) / (?P<m>[01]?\d)"
                r" (?![\d/]|[.,]\d) (?! §SP§ (?:des|du|de|d§AP§)(?!\w) )"
            ),
            _h_numeric_dm,
            ("/",),
        ),
        (
            "numeric_range",
            (
                r"(?<!\w)du §SP§ (?P<d1>[0-3]?\d) / (?P<m1>[01]?\d) (?: / §YEAR:y1§ )? §SP§ au §SP§"
                r" (?P<d2>[0-3]?\d) / (?P<m2>[01]?\d) (?: / §YEAR:y2§ )? (?![\d/]|[.,]\d)"
            ),
            _h_numeric_range,
            ("/",),
        ),
        (
            "numeric_range_between",
            (
                r"(?<!\w)entre §SP§ le §SP§ (?P<d1>[0-3]?\d) / (?P<m1>[01]?\d) (?: / §YEAR:y1§ )? §SP§ et §SP§ le §SP§"
                r" (?P<d2>[0-3]?\d) / (?P<m2>[01]?\d) (?: / §YEAR:y2§ )? (?![\d/]|[.,]\d)"
            ),
            _h_numeric_range,
            ("/",),
        ),
        (
            # opens with a digit (no look-behind) so that `re` skips to digits; the word before is
            # checked by the handler
            "spaced_dmy",
            r"(?P<d>[0-3]\d) \x20 (?P<m>0[1-9]|1[0-2]) \x20 (?P<y>(?:1\d|20)\d{2}) (?!\d|[.,]\d)",
            _h_spaced_dmy,
            DIGIT,
        ),
        ("iso_month", r"§NB§ (?P<y>(?:1\d|20)\d{2}) - (?P<m>0[1-9]|1[0-2]) (?![\d\-‑/]|[.,]\d)", _h_iso_month, ("-",)),
        ("year_with_part", r"(?<![\w\-‑])(?:mi|fin|début) [-‑] §YEAR:y§", _h_year_with_part, ("mi", "fin", "début")),
        (
            "holiday",
            (
                r"(?: (?<![\w'’]) (?P<det> (?:la|le) §SP§ | l§AP§ §SP0§ ) )? (?P<h>§HOLIDAY§)"
                r" (?: §SP§ §YEAR:y§ | §SP§ (?P<dir>dernier|prochain)(?!\w) )?"
            ),
            _h_holiday,
            # the rarer word of each name ("mardi gras" → "gras", "Vendredi saint" → "saint")
            ("noël", "pâques", "toussaint", "ascension", "pentecôte", "assomption", "sylvestre", "travail",
             "gras", "cendres", "saint", "an"),
        ),
        (
            "week_offset",
            (
                r"(?: (?<!\w)(?:le|ce) §SP§ )? (?: §WD:wd§ | (?P<dw>(?<![\w\-‑])(?:demain|aujourd§AP§hui)) )"
                r" §SP§ (?P<off>§WEEKOFF§)"
            ),
            _h_week_offset,
            ("huit", "quinze"),
        ),
        (
            "weekday_of_week",
            (
                r"(?: (?<!\w)(?:le|ce) §SP§ )? §WD:wd§ (?: §SP§ (?:au §SP§)? §POD§ )? §SP§"
                r" (?: de §SP§ la §SP§ semaine §SP§ (?P<dir>prochaine|dernière|passée) | de §SP§ cette §SP§ semaine )(?!\w)"
            ),
            _h_weekday_of_week,
            ("semaine",),
        ),
        (
            "period_part",
            (
                r"(?<!\w)(?: (?:cette|ce) §SP§ )? (?:début|fin|milieu) §SP§ (?: de §SP§ | d§AP§ §SP0§ | du §SP§ )"
                r" (?: la §SP§ | l§AP§ §SP0§ | cette §SP§ | ce §SP§ )? (?P<noun>semaine|mois|année)"
                r" (?: §SP§ (?P<dir>prochaine|prochain|dernière|dernier|passée|passé) )? (?!\w)"
                r" (?! §SP§ (?:de|du|des)(?!\w) | §SP0§ d§AP§ | §SP§ \d )"
            ),
            _h_period_part,
            ("semaine", "mois", "année"),
        ),
        (
            "shift",
            r"(?<![\w\-‑])(?P<n>\d{1,4}|[^\W\d_]+(?:[-‑][^\W\d_]+)*) §SP§ §UNIT:u§ §SP§ (?P<dir>§SHIFT§)",
            _h_shift,
            ("tard", "tôt", "après", "avant", "auparavant"),
        ),
        (
            "short_year",
            r"(?<!\w)(?:en|depuis|dès) §SP§ (?P<yy>\d{2}) (?= §SP0§ (?:[,.;:!?»)”\"]|\n|\Z) | §SP§ (?:à|au) §SP§ [A-ZÀ-Ý] )(?![.,]\d)",
            _h_short_year,
            DIGIT,
        ),
        ("day_word", r"§DAYWORD:w§ (?: §SP§ (?:au §SP§)? §POD§ )?", _h_day_word, "DAYWORD"),
        (
            "this_part_of_day",
            r"(?<!\w)(?: ce §SP§ (?:matin|soir|midi) | cet §SP§ après-midi | cette §SP§ (?:matinée|soirée) )(?!\w)",
            _h_this_part_of_day,
            ("matin", "soir", "midi", "matinée", "soirée"),
        ),
        (
            "weekday",
            (
                r"(?: (?<!\w)(?P<det>ce|le) §SP§ )? §WD:wd§ (?: §SP§ (?P<dir>dernier|prochain|passé)(?!\w) )?"
                r" (?: §SP§ (?:au §SP§)? §POD:pod§ )? (?: §SP§ (?P<dir2>dernier|prochain)(?!\w) )?"
            ),
            _h_weekday,
            "WD",
        ),
        (
            "weekday_day",
            r"§WD:wd§ §SP§ §NB§ §DAY:d§ (?= §SP0§ (?:[,.;:)!?]|\n|\Z) | §SP§ (?:à|au|et|dans|lors|en|pour)(?!\w) )",
            _h_weekday_day,
            "WD",
        ),
        (
            "night_weekdays",
            r"(?<!\w)(?:la §SP§)? nuit §SP§ (?:de|du) §SP§ §WD:wd1§ §SP§ (?:à|au) §SP§ §WD:wd2§",
            _h_night_weekdays,
            ("nuit",),
        ),
        (
            "night_last",
            r"(?<!\w)(?: la §SP§ nuit §SP§ (?:dernière|passée) | cette §SP§ nuit )(?!\w)",
            _h_night_last,
            ("nuit",),
        ),
        (
            "relative_period",
            (
                r"(?<!\w)(?: (?P<noun> la §SP§ semaine | le §SP§ mois | l§AP§ an | l§AP§ année | le §SP§ week-?end )"
                r" §SP§ (?P<dir>dernière|dernier|passée|passé|prochaine|prochain)"
                r" | (?P<noun2> cette §SP§ semaine | ce §SP§ mois (?:-ci)? | cette §SP§ année | ce §SP§ week-?end ))"
                r"(?!\w)(?! §SP§ d(?:e|§AP§))"
            ),
            _h_relative_period,
            ("semaine", "mois", "an", "année", "week", "weekend"),
        ),
        (
            "weekend_tense",
            (
                r"(?<!\w)le §SP§ week[-‑]?end(?!\w)"
                r"(?! §SP§ (?:dernier|prochain|passé|suivant|précédent|d(?:e|u|§AP§))(?!\w))"
            ),
            _h_weekend_tense,
            ("week", "weekend"),
        ),
        (
            "part_of_year",
            (
                r"(?<!\w)(?:début|fin|milieu) §SP§ (?: d§AP§ §SP0§ année | de §SP§ l§AP§ année | de §SP§ cette §SP§ année )"
                r"(?!\w)(?! §SP§ (?:dernière|passée|prochaine|précédente|suivante|\d))"
            ),
            _h_part_of_year,
            ("année",),
        ),
        (
            "ago",
            r"(?<!\w)(?P<op> il §SP§ y §SP§ a | dans ) §SP§ (?P<n>\d{1,4}|[^\W\d_]+(?:[-‑][^\W\d_]+)*) §SP§ §UNIT:u§",
            _h_ago,
            "UNIT",
        ),
        (
            "bare_year",
            r"§NB§ (?<!\d\s) (?P<y>1\d{3}|20\d{2}) (?!\d|[.,]\d|§SP0§[%€$£]|\s\d{3}(?!\d))",
            _h_bare_year,
            DIGIT,
        ),
        (
            "season",
            (
                r"(?: (?<!\w)(?P<det> l§AP§ | le §SP§ | cet §SP§ | ce §SP§ | au §SP§ | en §SP§ ) )? §SEASON:s§"
                r" (?: §SP§ §YEAR:y§ (?: [-–/] §YEAR:y2§ )? | §SP§ (?P<yy>\d{2})(?!\d|[.,]\d|§SP§\d)"
                r" | §SP§ (?P<dir>dernier|prochain|passé)(?!\w) )?"
            ),
            _h_season,
            "SEASON",
        ),
        (
            "anaphor",
            (
                r"(?: (?<!\w)(?: la | le | l§AP§ ) §SP0§ )? §ANAPHOR:a§"
                r" (?: §SP§ (?:au §SP§)? §POD§ )? (?: §SP§ (?P<de> de | du | des | d§AP§ )(?=[\s\w]) )?"
            ),
            _h_anaphor,
            "ANAPHOR",
        ),
    ]
    return tuple(_Rule(name, scan.Gated(_rx(template), _keys(key)), handler) for name, template, handler, key in specs)


def _keys(spec: str | tuple[str, ...]) -> frozenset[str]:
    """The key words of a rule (see `_rules`)."""
    if isinstance(spec, tuple):
        return frozenset(scan.fold(word) for word in spec)
    if spec == DIGIT:
        return frozenset({DIGIT})
    v = load_vocabulary()
    forms = {
        "MONTH": [*v.months, *v.month_abbr, *v.month_abbr_dot],
        "MONTHF": list(v.months),
        "WD": list(v.weekdays),
        "UNIT": list(v.units),
        "SEASON": list(v.seasons),
        "YPART": list(v.year_parts),
        "DAYWORD": list(v.day_words),
        "ANAPHOR": list(v.anaphors),
        "HOLIDAY": list(v.holidays),
    }[spec]
    return scan.key_words(forms)


@lru_cache(maxsize=2)
def _prefix_re(with_modifier: bool = True) -> re.Pattern[str]:
    """Words before a date that belong to it: an operator, a modifier, a determiner."""
    v = load_vocabulary()
    ops = _alt(v.op_from | v.op_to)
    mods = _alt(v.modifiers)
    det = rf"(?:(?:le|la|les|ce|cette|cet){_SP}|l{_AP}{_SP0})"
    month_of = rf"{_SP}mois{_SP}(?:de{_SP}|d{_AP}{_SP0})"  # "début du mois d'octobre"
    conn = rf"(?:{_SP}du{month_of}|{_SP}(?:de|du|des){_SP}|{_SP}d{_AP}{_SP0}|{_SP0}[-‑]{_SP0}|{_SP})"
    modifier = rf"(?:(?<![\w'’])(?P<mod>(?:la{_SP})?{mods}){conn})?" if with_modifier else ""
    return re.compile(
        rf"(?:(?<![\w'’])(?P<op>{ops})(?:{_SP}|(?<=['’])))?"
        rf"(?:(?<![\w'’]){det})?"
        rf"{modifier}"
        rf"(?:(?<![\w'’]){det})?\Z",
        re.IGNORECASE,
    )


def _modifier_applies(text: str, m: re.Match[str], cand: _Cand) -> bool:
    """"fin mars", "courant 2024": a part of a period longer than a day. "courant" after "de",
    "sans", "le"... is the noun ("privés de courant lundi soir"), and no modifier splits a day."""
    if cand.precision in ("day", "night"):
        return False
    linked = re.match(rf"{_SP}(?:de|du|des|d{_AP})", text[m.end("mod") :], re.IGNORECASE)
    if _norm(m["mod"]).split()[-1] == "courant" and not linked:  # "dans le courant de mars" is fine
        prev = _last_tokens(text, m.start("mod"), 1)
        if prev and prev[-1] in load_vocabulary().modifier_blocks:
            return False
    return True


# --------------------------------------------------------------------------------------------
# Finding


def _candidates(ctx: _Ctx) -> list[_Cand]:
    found = []
    for rule in _rules():
        for m in rule.pattern.finditer(ctx.text):
            try:
                cand = rule.handler(m, ctx)
            except (OverflowError, ValueError):
                # A day the calendar does not have ("il y a dix jours" published on 0001-01-01,
                # "dans trois jours" on 9999-12-31): no date, rather than no article.
                continue
            if cand is not None and cand.end > cand.start:
                cand.origin = rule.name
                found.append(cand)
    return found


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Longest first, then leftmost; no overlaps."""
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= o.start or c.start >= o.end for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_DAY_VALUE_RE = re.compile(r"^(\d{4}|XXXX)-(\d{2})-(\d{2})$")
# A year the calendar (and ISO 8601's four digits) does not have: "l'an prochain" written in 9999.
_OFF_CALENDAR = re.compile(r"(?<![\d-])(?:\d{5,}|0000)(?![\d])")


def _shift_day(value: str, days: int) -> str | None:
    m = _DAY_VALUE_RE.match(value)
    if not m:
        return None
    known = m.group(1) != "XXXX"
    year = int(m.group(1)) if known else (2000 if m.group(2) == "02" and m.group(3) == "29" else 2001)
    try:
        d = date(year, int(m.group(2)), int(m.group(3))) + timedelta(days=days)
    except (OverflowError, ValueError):
        return None  # past an end of the calendar: no such day
    return d.isoformat() if known else f"XXXX-{d.month:02d}-{d.day:02d}"


def _resolve_anaphors(text: str, cands: list[_Cand], ref: _Ref | None) -> list[_Cand]:
    out: list[_Cand] = []
    skip: set[int] = set()
    for i, c in enumerate(cands):
        if i in skip:
            continue
        if c.kind == "shift":
            resolved = _resolve_shift(text, c, cands[i + 1] if i + 1 < len(cands) else None, out)
            if resolved is not None:
                cand, used_next = resolved
                if used_next:
                    skip.add(i + 1)
                out.append(cand)
            continue
        if c.kind != "anaphor":
            out.append(c)
            continue
        if c.link is not None:
            # "la veille du 7 octobre": the date that follows is the anchor; "au lendemain de
            # la réunion" names an event we cannot date
            nxt = cands[i + 1] if i + 1 < len(cands) else None
            if nxt is None or nxt.kind or text[c.link : nxt.start].strip():
                continue
            value = _shift_day(nxt.value, c.shift)
            if value is None:
                continue
            skip.add(i + 1)
            out.append(_Cand(c.start, nxt.end, value, "day", nxt.relative))
            continue
        anchor = next((o.value for o in reversed(out) if _DAY_VALUE_RE.match(o.value)), None)
        if anchor is None and ref is not None and ref.date is not None:
            anchor = ref.date.isoformat()
        value = _shift_day(anchor, c.shift) if anchor else None
        if value is not None:
            out.append(_Cand(c.start, c.end, value, "day", True))
    return out


_MONTH_VALUE_RE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_VALUE_RE = re.compile(r"^(\d{4})$")


def _shifted(value: str, n: int, unit: str) -> tuple[str, str] | None:
    """A date value moved by n units (value, precision): a day by days or weeks, a day or a month by
    months, any of them by years; None when the value is too coarse for the unit."""
    day = _DAY_VALUE_RE.match(value)
    month = _MONTH_VALUE_RE.match(value)
    year = _YEAR_VALUE_RE.match(value)
    try:
        if unit in ("day", "week"):
            if not day or day.group(1) == "XXXX":
                return None
            d = date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
            return (d + timedelta(days=n * (7 if unit == "week" else 1))).isoformat(), "day"
        if unit == "month":
            found = day or month
            if not found or found.group(1) == "XXXX":
                return None
            y, mo = _add_months(int(found.group(1)), int(found.group(2)), n)
            return (_fmt_month(y, mo), "month") if 0 < y < 10000 else None
        found = day or month or year
        if not found or found.group(1) == "XXXX":
            return None
        y = int(found.group(1)) + n
        return (f"{y:04d}", "year") if 0 < y < 10000 else None
    except (OverflowError, ValueError):
        return None


def _resolve_shift(text: str, c: _Cand, nxt: _Cand | None, out: list[_Cand]) -> tuple[_Cand, bool] | None:
    """"trois semaines plus tard": counted from the previous date of the text, never from the
    publication date (an article tells what followed an event, not what follows its own day);
    "deux jours après le 3 mars": from the date right after it."""
    if c.link is not None:
        if nxt is None or nxt.kind or text[c.link : nxt.start].strip():
            return None
        moved = _shifted(nxt.value, c.shift, c.unit)
        return (_Cand(c.start, nxt.end, moved[0], moved[1], True), True) if moved else None
    anchor = next((o for o in reversed(out) if "/" not in o.value), None)
    if anchor is None:
        return None
    between = text[anchor.end : c.start]
    if "\n" in between and not between.split("\n", 1)[0].rstrip().endswith((".", "!", "?", "…", "»", '"', "”", ")")):
        return None  # the date of a byline or a heading ("Par X · mercredi 10 juillet 2024 · 4 min")
    moved = _shifted(anchor.value, c.shift, c.unit)
    return (_Cand(c.start, c.end, moved[0], moved[1], True), False) if moved else None


def _apply_prefixes(text: str, cands: list[_Cand]) -> list[_Cand]:
    v = load_vocabulary()
    prefix = _prefix_re()
    prev_end = 0
    for c in cands:
        lo = max(prev_end, c.start - 60)
        m = prefix.search(text, lo, c.start)
        if m and m["mod"] and not _modifier_applies(text, m, c):
            m = _prefix_re(False).search(text, lo, c.start)
        if m and m.start() < c.start:
            op = _norm(m["op"]) if m["op"] else None
            if op and c.origin in ("day_range", "day_range_between", "day_pair", "month_range", "year_range"):
                op = None  # "depuis du 13 au 15": leave ranges as they are
            if op is None:
                c.start = _skip_space(text, m.end("op") if m["op"] else m.start(), c.end)
            else:
                first, _, last = c.value.partition("/")
                last = last or first
                if op in v.op_from and first != "..":
                    c.value, c.precision, c.start = f"{first}/..", "range", m.start()
                elif op in v.op_to and last != "..":
                    c.value, c.precision, c.start = f"../{last}", "range", m.start()
        prev_end = c.end
    return cands


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _find(text: str, ref: _Ref | None, strict: bool) -> list[_Cand]:
    ctx = _Ctx(text, ref, strict)
    cands = _select(_candidates(ctx))
    cands = _resolve_anaphors(text, cands, ref)
    return _apply_prefixes(text, cands)


def find_dates(text: str, published: str | None = None) -> list[DateMatch]:
    """Every date expression of a text (a sentence or a whole article), in text order.

    Args:
        text: the text to search.
        published: the publication date, 'YYYY-MM-DD' or 'YYYY-MM'; it anchors relative
            expressions ("hier", "mardi", "mai dernier") and gives a year to "le 1er mars".
            Without it, relative expressions are skipped and year-less dates keep 'XXXX'.

    Returns:
        Non-overlapping matches with ``text[m.start:m.end]`` the expression (see the module
        docstring for the value conventions).

    Raises:
        ValueError: when ``published`` is not an ISO date or month.
    """
    ref = _parse_published(published)
    return [DateMatch(c.start, c.end, c.value, c.precision, c.relative) for c in _find(text, ref, True)
            if not _OFF_CALENDAR.search(c.value)]


def parse_date(text: str, published: str | None = None) -> DateMatch | None:
    """Normalize one date expression given alone ("mars", "2019", "mardi dernier").

    Context checks that guard against false dates in running text (a bare year needs "en",
    "depuis"...) are relaxed: the caller says this is a date. Returns the longest match, with
    offsets relative to ``text``, or None.
    """
    ref = _parse_published(published)
    found = _find(text, ref, False)
    if not found:
        return None
    best = max(found, key=lambda c: (c.end - c.start, -c.start))
    return DateMatch(best.start, best.end, best.value, best.precision, best.relative)


# --------------------------------------------------------------------------------------------
# Clock times

# Words before a clock time that belong to it ("peu avant 23 h", "vers 22 heures"); a plain "à" or
# "de" does not.
_TIME_LEAD_RE = re.compile(
    rf"(?<![\w'’])(?:peu{_SP}(?:avant|après)|aux{_SP}alentours{_SP}de|autour{_SP}de|vers|dès|"
    rf"à{_SP}partir{_SP}de|avant|après|jusqu{_AP}à|depuis|environ){_SP}\Z",
    re.IGNORECASE,
)
# Words after it: the part of the day moves the hour ("9 heures du soir" is 21:00).
_TIME_TAIL_RE = re.compile(
    rf"{_SP}(?:(?P<pod>du{_SP}matin|du{_SP}soir|de{_SP}l{_AP}après-midi|de{_SP}la{_SP}nuit)"
    rf"|pile|précises|tapantes|heures?{_SP}locales?|locales?|heure{_SP}de{_SP}Paris|heure{_SP}française|GMT|UTC|HEC)(?![\w'’-])",
    re.IGNORECASE,
)
_TIME_COLON = scan.Gated(
    re.compile(r"(?<![\w.,:/])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:]|[.,]\d)"), frozenset({":"})
)
_TIME_WORD = scan.Gated(
    re.compile(
        rf"(?<![\w'’-])(?P<pre>à|vers|dès|avant|jusqu{_AP}à|peu{_SP}avant|peu{_SP}après|aux{_SP}alentours{_SP}de|autour{_SP}de)"
        rf"{_SP}(?P<w>midi|minuit)(?![\w-])",
        re.IGNORECASE,
    ),
    frozenset({"midi", "minuit"}),
)
_TIME_RANGE_GAP_RE = re.compile(rf"{_SP}?(?:à|et|-|–){_SP}?\Z", re.IGNORECASE)
_TIME_RANGE_OPEN_RE = re.compile(rf"(?<![\w'’])(?:de{_SP}|d{_AP}|entre{_SP})\Z", re.IGNORECASE)
_DURATION_WORDS = frozenset(("pendant", "durant", "en"))


def find_times(text: str) -> list[DateMatch]:
    """Every clock time of a French text, in text order, as a time of day: precision ``time``, value
    ISO 8601 ``'T23:11'`` (``'T09:00/T17:00'`` for "de 9 h à 17 h"), never a quantity of hours.

    "à 23h11" → ``'T23:11'`` ("23h11"); "peu avant 23 h", "vers 22 heures" keep their words in the
    span; "9 heures du soir" → ``'T21:00'``; "à midi", "à 20:45". A date of the same sentence
    stays a date of its own (find_dates): the time is kept off it. Durations ("pendant 3 heures",
    "en 1 h 45", "2h20'48") are quantities (numbers.find_quantities)."""
    from claimcheck.normalize.numbers import find_clock_times

    found: list[tuple[int, int, int, int, int]] = []  # start, end, hour, minute, second (-1: none)
    for s, e, h, mi in find_clock_times(text):
        found.append((s, e, h, mi, -1))
    for m in _TIME_COLON.finditer(text):
        prev = _last_tokens(text, m.start(), 1)
        if prev and prev[-1] in _DURATION_WORDS:
            continue  # "en 2:05:30": a race time
        found.append((m.start(), m.end(), int(m.group(1)), int(m.group(2)), int(m.group(3)) if m.group(3) else -1))
    for m in _TIME_WORD.finditer(text):
        start = m.start("w") if _norm(m["pre"]) == "à" else m.start()
        found.append((start, m.end(), 12 if _norm(m["w"]) == "midi" else 0, 0, -1))
    found.sort()
    points: list[tuple[int, int, str]] = []
    for s, e, h, mi, sec in found:
        if points and s < points[-1][1]:
            continue
        tail = _TIME_TAIL_RE.match(text, e)
        if tail:
            e = tail.end()
            pod = _norm(tail["pod"] or "")
            if ("soir" in pod or "après-midi" in pod) and h < 12:
                h += 12
            elif "nuit" in pod and 7 <= h < 12:
                h += 12
        if h > 24 or mi > 59:
            continue
        lead = _TIME_LEAD_RE.search(text, max(0, s - 30), s)
        if lead:
            s = lead.start()
        value = f"T{h % 24:02d}:{mi:02d}" + (f":{sec:02d}" if sec >= 0 else "")
        points.append((s, e, value))
    out: list[DateMatch] = []
    i = 0
    while i < len(points):
        s, e, value = points[i]
        if i + 1 < len(points):
            s2, e2, value2 = points[i + 1]
            opener = _TIME_RANGE_OPEN_RE.search(text, max(0, s - 8), s)
            if opener and _TIME_RANGE_GAP_RE.search(text, e, s2) and text[e:s2].strip():
                out.append(DateMatch(opener.start(), e2, f"{value}/{value2}", "time"))
                i += 2
                continue
        out.append(DateMatch(s, e, value, "time"))
        i += 1
    return out


# --------------------------------------------------------------------------------------------
# Intervals and compatibility

_POINT_RE = re.compile(
    r"^(?P<y>\d{4}|XXXX)(?:-W(?P<w>\d{2})|-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<H>\d{2}):(?P<M>\d{2}))?)?)?$"
)


def _point(value: str, year: int | None, end: bool) -> datetime | None:
    """Start (or end, exclusive) of one ISO point value; ``year`` replaces an 'XXXX'."""
    m = _POINT_RE.match(value)
    if not m:
        raise ValueError(value)
    y = year if m["y"] == "XXXX" else int(m["y"])
    if y is None:
        return None
    if m["w"]:
        monday = date.fromisocalendar(y, int(m["w"]), 1)
        d = monday + timedelta(days=7 if end else 0)
        return datetime(d.year, d.month, d.day)
    if m["H"]:
        # an instant: as the end of an interval it is exact ("…T08:00" is 8 o'clock)
        return datetime(y, int(m["m"]), int(m["d"]), int(m["H"]), int(m["M"]))
    if m["d"]:
        start = datetime(y, int(m["m"]), int(m["d"]))
        return start + timedelta(days=1) if end else start
    if m["m"]:
        mo = int(m["m"])
        if not 1 <= mo <= 12:
            raise ValueError(value)
        if end:
            ny, nm = _add_months(y, mo, 1)
            return datetime(ny, nm, 1)
        return datetime(y, mo, 1)
    return datetime(y + 1, 1, 1) if end else datetime(y, 1, 1)


def _bounds(value: str, year: int | None) -> tuple[datetime, datetime] | None:
    value = value.strip()
    first, sep, last = value.partition("/")
    if not sep:
        last = first
    if first == ".." and last == "..":
        raise ValueError(value)
    start = datetime.min if first == ".." else _point(first, year, end=False)
    stop = datetime.max if last == ".." else _point(last, year, end=True)
    if start is None or stop is None:
        return None
    if not sep and "T" in first:
        stop = start + timedelta(minutes=1)
    if year is not None and stop <= start and "XXXX" in last:
        # a year-less interval across New Year ("du 28 décembre au 3 janvier")
        stop = _point(last, year + 1, end=True) or stop
    if stop <= start:
        raise ValueError(value)
    return start, stop


@lru_cache(maxsize=65536)
def date_bounds(value: str) -> tuple[datetime, datetime] | None:
    """The [start, end) interval a date value covers, or None when its year is unknown (cached:
    the comparison asks for the bounds of each claim's date once per pair it is in).

    '2024-05' → (2024-05-01, 2024-06-01); '1950/1953' → (1950-01-01, 1954-01-01); an open end
    '..' is ``datetime.min`` / ``datetime.max``; a night's ends are its exact times. Values that
    cannot be read also give None.
    """
    if "XXXX" in value:
        return None
    try:
        return _bounds(value, None)
    except (ValueError, OverflowError):
        return None


def _overlap(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _instantiate(value: str, year: int) -> tuple[datetime, datetime] | None:
    try:
        return _bounds(value, year)
    except (ValueError, OverflowError):
        return None


def dates_compatible(a: str, b: str) -> bool:
    """Whether two date values can denote the same time (their intervals overlap).

    With an unknown year only the known parts are compared: 'XXXX-03' fits '2024-03-28' but not
    '2024-05'. Values that cannot be read are compatible with everything (no evidence of a
    contradiction).
    """
    a, b = a.strip(), b.strip()
    if not a or not b:
        return True
    known_a, known_b = "XXXX" not in a, "XXXX" not in b
    if known_a and known_b:
        ba, bb = date_bounds(a), date_bounds(b)
        return True if ba is None or bb is None else _overlap(ba, bb)
    if known_a or known_b:
        known, unknown = (a, b) if known_a else (b, a)
        kb = date_bounds(known)
        if kb is None:
            return True
        if kb[0] == datetime.min or kb[1] == datetime.max or kb[1].year - kb[0].year > 3:
            return True  # every month and day recurs inside such a span
        results = [_instantiate(unknown, y) for y in range(kb[0].year - 1, kb[1].year + 1)]
        if all(r is None for r in results):
            return True
        return any(r is not None and _overlap(r, kb) for r in results)
    pairs = [(2000, 2000), (2000, 2001), (2001, 2000), (2001, 2001)]
    readable = False
    for ya, yb in pairs:
        ra, rb = _instantiate(a, ya), _instantiate(b, yb)
        if ra is None or rb is None:
            continue
        readable = True
        if _overlap(ra, rb):
            return True
    return not readable

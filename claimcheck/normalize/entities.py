"""Entity names: one canonical name per real-world entity across spelling variants.

Claims from different articles can only be aligned when "Downing Street", "Londres" and
"les Britanniques" are known to stand for the same actor. Identity is decided by the gazetteer
(``resources/gazetteer.tsv``, general knowledge with its sources in its header) and by exact
comparison of folded names; fuzzy scores are only offered as suggestions, because
"Soudan"/"Soudan du Sud" or "Jean-Marie Le Pen"/"Marine Le Pen" are close strings and different
entities.

All functions are pure; the data files are read once, on first use.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from rapidfuzz import fuzz

__all__ = [
    "ENTITY_TYPES",
    "EntityResolver",
    "GazetteerEntry",
    "canonical",
    "country_of",
    "demonym_lemma",
    "fold",
    "gazetteer",
    "lookup",
    "place_of",
    "same_entity",
    "source_class",
    "source_classes",
    "suggest_same",
]

#: Entry types, in the order `canonical` prefers them when one alias has several readings
#: ("Luxembourg" is a country before it is a capital; "Berlin" a capital before a city).
ENTITY_TYPES: tuple[str, ...] = ("person", "org", "seat", "country", "capital", "region", "city", "demonym")
_PLACE_TYPES: tuple[str, ...] = ("country", "region", "city", "demonym")
# A capital, a seat of power or a country quoted as a source speaks for the state.
_AUTHORITY_TYPES = frozenset({"seat", "capital", "country"})

_GAZETTEER = "gazetteer.tsv"
_SOURCE_CLASSES = "source_classes.tsv"


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One reading of an alias: ``alias`` (as written) means ``canonical``, an entity of ``type``.

    ``country`` is the canonical country the entity belongs to, None for international ones.
    """

    alias: str
    canonical: str
    type: str
    country: str | None


# --- folding -------------------------------------------------------------------------------

_FOLD_TABLE = str.maketrans(
    {
        "œ": "oe",
        "æ": "ae",
        "ø": "o",
        "đ": "d",
        "ł": "l",
        "ı": "i",
        **{c: " " for c in "-‐‑‒–—―'’‘ʼʻ`´.«»\"“”„()[],;:/"},
    }
)
_LEADING_ARTICLE = re.compile(r"^(?:la|le|les|l) ")
# Honorifics dropped before a look-up: "M. Scholz" is "Scholz".
_TITLES = frozenset({"m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr"})


@lru_cache(maxsize=262144)
def fold(text: str) -> str:
    """Comparison key of a name: no accents, casefolded, no punctuation, no leading article.

    "Jean-Luc Mélenchon" and "Jean Luc Melenchon" fold equal; "la Côte d'Ivoire" → "cote d ivoire".
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = " ".join(stripped.casefold().translate(_FOLD_TABLE).split())
    return _LEADING_ARTICLE.sub("", folded, count=1)


_CLEAN_ARTICLE = re.compile(r"^(?:(?:la|le|les)\s+|l['’]\s*)(?=\S)")
_CLEAN_CAP_ARTICLE = re.compile(r"^(?:(?:La|Le|Les|LA|LE|LES)\s+|[Ll]['’]\s*)(?=[^\W\d_])")
_CLEAN_TITLE = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Dr|Pr)\.?\s+(?=\S)")


def _clean(name: str) -> str:
    """The name as written, trimmed, spaces collapsed, without a leading article or honorific.

    A capitalised article before a capitalised word belongs to the name ("Le Mans",
    "La Poste") and is kept; "La centrale" at the start of a sentence loses it.
    """
    text = " ".join(unicodedata.normalize("NFC", name).split())
    text = _CLEAN_TITLE.sub("", text)
    if _CLEAN_ARTICLE.match(text):
        return _CLEAN_ARTICLE.sub("", text, count=1)
    match = _CLEAN_CAP_ARTICLE.match(text)
    if match and text[match.end()].islower():
        return text[match.end() :]
    return text


def _drop_title(key: str) -> str:
    head, _, rest = key.partition(" ")
    return _LEADING_ARTICLE.sub("", rest, count=1) if head in _TITLES and rest else key


# --- data ----------------------------------------------------------------------------------


def _data_lines(filename: str) -> Iterable[list[str]]:
    text = resources.files("claimcheck").joinpath("resources", filename).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


@cache
def gazetteer() -> tuple[GazetteerEntry, ...]:
    """All rows of ``resources/gazetteer.tsv`` (alias, canonical, type, country)."""
    entries = []
    for fields in _data_lines(_GAZETTEER):
        if len(fields) != 4 or fields[2] not in ENTITY_TYPES:
            raise ValueError(f"{_GAZETTEER}: malformed row {fields!r}")
        alias, canon, kind, country = fields
        entries.append(GazetteerEntry(alias, canon, kind, country or None))
    return tuple(entries)


@cache
def _index() -> dict[str, tuple[GazetteerEntry, ...]]:
    index: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in gazetteer():
        index[fold(entry.alias)].append(entry)
    return {key: tuple(entries) for key, entries in index.items()}


@cache
def _max_alias_tokens() -> int:
    return max(len(key.split()) for key in _index())


@cache
def source_classes() -> dict[str, str]:
    """``resources/source_classes.tsv`` as {alias as written: class}."""
    classes = {}
    for fields in _data_lines(_SOURCE_CLASSES):
        if len(fields) != 2 or not all(fields):
            raise ValueError(f"{_SOURCE_CLASSES}: malformed row {fields!r}")
        classes[fields[0]] = fields[1]
    return classes


# --- demonyms ------------------------------------------------------------------------------

_DEMONYM_FEMININE = (("cque", "c"), ("que", "c"), ("esse", "e"), ("nne", "n"), ("elle", "eau"), ("e", ""))


def _demonym_forms(key: str) -> list[str]:
    """Candidate masculine singular forms of a folded demonym, most literal first.

    "sud africaines" → [..., "sud africain"]; "grecques" → [..., "grec"];
    "provencaux" → [..., "provencal"]; "tourangelles" → [..., "tourangeau"].
    The gazetteer decides which candidate is a word ("suisses" → "suisse", not "suiss").
    """
    bases = [key]
    if key.endswith("eaux"):
        bases.append(key[:-1])
    if key.endswith("aux"):
        bases.append(key[:-3] + "al")
    if key.endswith("s") and not key.endswith("ss"):
        bases.append(key[:-1])
    forms = []
    for base in bases:
        forms.append(base)
        forms.extend(base[: -len(end)] + repl for end, repl in _DEMONYM_FEMININE if base.endswith(end))
    return list(dict.fromkeys(forms))


_GUESS_PLURAL = (("eaux", "eau"), ("aux", "al"))
_GUESS_FEMININE = (
    ("cque", "c"),
    ("esse", "e"),
    ("enne", "en"),
    ("onne", "on"),
    ("anne", "an"),
    ("aise", "ais"),
    ("oise", "ois"),
    ("ine", "in"),
    ("ane", "an"),
    ("ande", "and"),
    ("ée", "é"),
)


def _guess_lemma(word: str) -> str:
    for end, repl in _GUESS_PLURAL:
        if word.endswith(end):
            return word[: -len(end)] + repl
    if word.endswith("s") and not word.endswith(("ss", "ais", "ois", "us")):
        word = word[:-1]
    for end, repl in _GUESS_FEMININE:
        if word.endswith(end):
            return word[: -len(end)] + repl
    return word


def demonym_lemma(word: str) -> str:
    """Masculine singular of a demonym or place adjective ("Sud-Africaines" → "sud-africain").

    Known demonyms come back as the gazetteer spells them; for unknown words the French
    plural and feminine endings are removed by rule ("vaudoises" → "vaudois").
    """
    index = _index()
    for form in _demonym_forms(fold(word)):
        for entry in index.get(form, ()):
            if entry.type == "demonym":
                return entry.alias
    return _guess_lemma(" ".join(word.casefold().split()))


# --- look-up -------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def lookup(name: str) -> tuple[GazetteerEntry, ...]:
    """All gazetteer readings of a mention: exact folded alias, else without an honorific,
    else as an inflected demonym ("Sud-Africaines"). Empty when the name is unknown."""
    index = _index()
    key = fold(name)
    for candidate in (key, _drop_title(key)):
        if candidate in index:
            return index[candidate]
    for form in _demonym_forms(_drop_title(key)):
        demonyms = tuple(e for e in index.get(form, ()) if e.type == "demonym")
        if demonyms:
            return demonyms
    return ()


def _pick(entries: Iterable[GazetteerEntry], types: tuple[str, ...]) -> GazetteerEntry | None:
    """The reading of the most preferred type; None when that type is ambiguous ("congolais")."""
    by_type: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for entry in entries:
        by_type[entry.type].append(entry)
    for kind in types:
        readings = by_type.get(kind)
        if readings:
            if len({fold(e.canonical) for e in readings}) > 1:
                return None
            return readings[0]
    return None


@lru_cache(maxsize=262144)
def canonical(name: str) -> str:
    """Canonical display name of an entity mention; the cleaned mention when unknown.

    "Iraniens", "Téhéran", "iranien" → "Iran"; "Downing Street" → "Royaume-Uni";
    "Merkel" → "Angela Merkel"; "Quai d'Orsay" → "ministère des Affaires étrangères".
    Foreign capitals stand for their country (metonymy of the press); French cities and
    Brussels (Belgium or the EU?) stay themselves.
    """
    entry = _pick(lookup(name), ENTITY_TYPES)
    return entry.canonical if entry else _clean(name)


@lru_cache(maxsize=262144)
def place_of(name: str) -> str | None:
    """The canonical place (country, region, city) a mention names or qualifies, else None.

    "iranien" → "Iran", "Berlin" → "Berlin", "bavaroise" → "Bavière";
    "Downing Street", "OTAN" or a person → None.
    """
    entry = _pick(lookup(name), _PLACE_TYPES)
    return entry.canonical if entry else None


@lru_cache(maxsize=262144)
def country_of(name: str) -> str | None:
    """The country a mention belongs to (country, demonym, capital, seat, city, organisation).

    "Downing Street" → "Royaume-Uni", "Pretoria" → "Afrique du Sud", "l'Élysée" → "France"; None for
    international organisations and unknown names.
    """
    entry = _pick(lookup(name), ENTITY_TYPES)
    return entry.country if entry else None


def same_entity(a: str, b: str, resolver: EntityResolver | None = None) -> bool:
    """True when two mentions have the same canonical form (through ``resolver`` if given)."""
    resolve = resolver.resolve if resolver is not None else canonical
    return fold(resolve(a)) == fold(resolve(b))


def suggest_same(a: str, b: str) -> float:
    """Similarity 0–100 of the folded canonical forms: a suggestion for review, never a decision
    ("Soudan"/"Soudan du Sud" score 63 and are different countries)."""
    return float(fuzz.ratio(fold(canonical(a)), fold(canonical(b))))


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    tokens = iter(long)
    return all(token in tokens for token in short)


_NAME_TOKEN = re.compile(r"[^\W\d_]")


class EntityResolver:
    """Resolves short forms against the names of one corpus.

    ``add`` every mention of the corpus, then ``resolve("Lemoine")`` → "Claire Lemoine" when
    exactly one longer name contains the short one as a token subsequence. Only proper-name
    shaped short forms (each word capitalised) unknown to the gazetteer are resolved, and only
    to persons or names unknown to the gazetteer, so "Guinée" never becomes "Guinée-Bissau".
    """

    def __init__(self, names: Iterable[str] = ()) -> None:
        self._names: dict[tuple[str, ...], str] = {}
        self._by_token: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for name in names:
            self.add(name)

    def add(self, name: str) -> None:
        """Record a mention of the corpus."""
        entries = lookup(name)
        if entries and all(e.type != "person" for e in entries):
            return  # places and organisations never absorb short forms
        display = canonical(name)
        key = tuple(fold(display).split())
        if key and key not in self._names:
            self._names[key] = display
            for token in key:
                self._by_token[token].add(key)

    def resolve(self, name: str) -> str:
        """The unique longer corpus name containing ``name``, else ``canonical(name)``."""
        display = canonical(name)
        if lookup(name) or not _looks_like_a_name(display):
            return display
        short = tuple(fold(display).split())
        if not short:
            return display
        pools = [self._by_token.get(token, set()) for token in set(short)]
        candidates = [
            key for key in set.intersection(*pools) if len(key) > len(short) and _is_subsequence(short, key)
        ]
        maximal = [
            key
            for key in candidates
            if not any(len(other) > len(key) and _is_subsequence(key, other) for other in candidates)
        ]
        return self._names[maximal[0]] if len(maximal) == 1 else display


# Lower-case particles inside person names ("Ursula von der Leyen", "Charles de Gaulle").
_NAME_PARTICLES = frozenset({"al", "el", "ben", "bin", "da", "de", "del", "der", "di", "du", "van", "von"})


def _looks_like_a_name(text: str) -> bool:
    words = [w for w in text.split() if _NAME_TOKEN.search(w)]
    capitalised = [w[0].isupper() for w in words if w.casefold().split("-")[0] not in _NAME_PARTICLES]
    return bool(capitalised) and all(capitalised)


# --- attribution sources ---------------------------------------------------------------------


def _singular(token: str) -> str:
    return token[:-1] if len(token) > 3 and token.endswith(("s", "x")) and not token.endswith("ss") else token


@cache
def _source_index() -> tuple[dict[tuple[str, ...], str], int]:
    index = {tuple(_singular(t) for t in fold(alias).split()): cls for alias, cls in source_classes().items()}
    return index, max(len(key) for key in index)


def _class_of_entry(entry: GazetteerEntry) -> str | None:
    if entry.type in _AUTHORITY_TYPES:
        return "authorities"
    if entry.type == "org":
        # The whole name, else its head ("préfecture de police de Paris" → "préfecture de police").
        index, max_source = _source_index()
        toks = tuple(_singular(t) for t in fold(entry.canonical).split())
        for n in range(min(max(max_source, len(toks)), len(toks)), 0, -1):
            if toks[:n] in index:
                return index[toks[:n]]
    return None


@lru_cache(maxsize=262144)
def source_class(name: str) -> str | None:
    """Class of an attribution source ("authorities", "unions", "company", ...), else None.

    Scans the folded name from the left; at each word the longest known source alias wins
    ("préfecture de police" → authorities, "syndicat de police" → unions, "la centrale
    syndicale" → unions), unless a longer gazetteer name starts there ("Afrique du Sud" is a
    country, not the union Sud). Capitals, countries and seats of power speak for the
    authorities ("Téhéran", "Downing Street").
    """
    index, max_source = _source_index()
    gaz = _index()
    raw = fold(name).split()
    written = name.split()
    written = written if len(written) == len(raw) else []
    tokens = [_singular(t) for t in raw]
    i = 0
    while i < len(tokens):
        source_len = next(
            (n for n in range(min(max_source, len(tokens) - i), 0, -1) if tuple(tokens[i : i + n]) in index),
            0,
        )
        gaz_len = next(
            (
                n
                for n in range(min(_max_alias_tokens(), len(raw) - i), 0, -1)
                if " ".join(raw[i : i + n]) in gaz
            ),
            0,
        )
        if source_len and source_len >= gaz_len:
            return index[tuple(tokens[i : i + source_len])]
        if gaz_len:
            entry = _pick(gaz[" ".join(raw[i : i + gaz_len])], ENTITY_TYPES)
            # A place speaks for its authorities only as a name: "le cap des 250 000" is no Le Cap
            named = not written or written[i][:1].isupper() or getattr(entry, "type", "") not in {"capital", "city", "country", "region"}
            cls = _class_of_entry(entry) if entry and named else None
            if cls:
                return cls
            i += gaz_len
        else:
            i += 1
    return None


_FUNCTION_WORDS = frozenset({"de", "du", "des", "d", "la", "le", "les", "l", "et", "en", "pour", "sur", "à", "au", "aux"})


def is_acronym_of(short: str, long: str) -> bool:
    """Whether `short` is written as the initials of `long`: "IDFM" / "Île-de-France Mobilités",
    "SNCF" / "Société nationale des chemins de fer français" (function words counted or not)."""
    s = short.replace(".", "").strip()
    if not (2 <= len(s) <= 8 and s.isupper() and s.isalpha()):
        return False
    words = [w for w in re.split(r"[\s\-'’]+", long.strip()) if w]
    if len(words) < 2:
        return False
    folded = fold(s).replace(" ", "")
    every = "".join(fold(w)[:1] for w in words)
    content = "".join(fold(w)[:1] for w in words if fold(w) not in _FUNCTION_WORDS)
    return folded in {every, content}

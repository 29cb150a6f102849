"""Doc → claims: every quantity, date and entity anchor of an article, with its frame.

A frame says who did what to whom, when, where, according to whom, and how firmly — the fields
that decide later whether two claims state the same fact. Frames come from the dependency parse
where it is reliable (subjects, objects, the governing verb) and from the words around the anchor
where it is not (prepositions of origin and destination, "selon X", aspect markers), because the
parser's attachment of prepositional phrases is the weakest part of a small model.
"""

from __future__ import annotations

import bisect
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Span

from claimcheck import lexicon as lexicon_mod
from claimcheck import roles
from claimcheck.components.anchors import quantities_of
from claimcheck.normalize import dates as dates_mod
from claimcheck.normalize import entities as ent_mod
from claimcheck.normalize.numbers import find_quantities
from claimcheck.records import Article, Claim
from claimcheck.sections import Line, split_lines

_LOG = logging.getLogger("claimcheck")

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Token

    from claimcheck.normalize.types import DateMatch, QuantityMatch

# Tokens that close the clause segment of a quantity inside a sentence.
_SEPARATORS = frozenset({",", ";", ":", "(", ")", "et", "dont", "tandis", "mais", "contre", "soit", "—", "–"})
# …and, for the window of words read around a figure, quotation marks too.
_WINDOW_SEPARATORS = _SEPARATORS | {"«", "»"}
# Participles that count people when written right after a figure ("12 morts", "trois grièvement
# blessés"), whatever part of speech the tagger gives them, with the unit they count.
_CASUALTY_WORDS = {
    "mort": "mort", "morts": "mort",
    "blessé": "blessé", "blessés": "blessé", "blessée": "blessé", "blessées": "blessé",
}
_PRONOUN_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on", "celui-ci", "celle-ci"})
_NEGATIONS = frozenset({"pas", "jamais", "ne", "n'", "n’", "aucun", "aucune", "nullement"})
_SOURCE_PREP = re.compile(r"\b(?:selon|d['’]apr[èe]s|de\s+source)\s+", re.I)
# "pour la CGT, 45 %": a source; "pour la plupart", "pour l'instant", "pour la première fois" are idioms.
_POUR_SOURCE = re.compile(
    r"\bpour\s+(?:(?:la|le|les)\s+|l['’]\s*)(?!(?:plupart|plus\s+part|essentiel|instant|heure|moment|reste|moitié|part|"
    r"premi[èe]re|derni[èe]re|deuxi[èe]me|seconde|troisi[èe]me|fois|ensemble|mieux|pire|occasion|suite)\b)", re.I)
_COORDINATED = re.compile(r"\s*(?:,|et|puis|ou|voire|,\s*puis|,\s*et)\s+(?:(?:de|du|des|d['’]|à|au|aux|en|vers)\s*)?(?:(?:la|le|les)\s+|l['’])?", re.I)
_SITE_OF = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<prep>vers|en\s+direction\s+(?:de|du|des|d['’])|[àa]\s+destination\s+(?:de|du|des|d['’])|jusqu['’][àa]|pour)"
    r"\s+(?:(?:son|sa|ses|leur|leurs|le|la|les|l['’]|un|une|notre|nos)\s*)?[\w-]+(?:\s+[\w-]+)?\s+(?:de|du|des|d['’])\s*(?:la\s+|le\s+|les\s+|l['’])?$",
    re.I,
)
_RELATIVE_POSITION = re.compile(
    r"(?:\b(?:au|à\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?|\b(?:près|autour|proche|loin|non\s+loin|aux\s+abords|à\s+\w+\s+(?:km|kilomètres?)))\s+(?:de|du|des|d['’])\s*(?:la\s+|le\s+|les\s+|l['’])?$",
    re.I,
)
_ANAPHORIC_TIME = re.compile(
    r"\b(?:à\s+ce\s+moment(?:-là)?|à\s+cette\s+(?:heure|date|époque)(?:-là)?|ce\s+jour-là|à\s+ce\s+stade|entre-temps|depuis\s+lors)\b",
    re.I,
)
# Nouns that stand for a place when they are the subject ("la région de Murcie, qui concentre …").
_PLACE_NOUNS = frozenset({
    "province", "région", "département", "commune", "ville", "village", "pays", "canton", "district", "comté",
    "état", "île", "quartier", "arrondissement", "agglomération", "métropole", "territoire", "zone", "secteur",
    "site", "usine", "station", "port", "aéroport", "gare", "hôpital", "douar", "localité", "bourg", "capitale",
})
# Verbs that give the level of their subject: "X atteint / s'établit à / progresse à N".
_LEVEL_VERBS = frozenset({
    "être", "atteindre", "établir", "élever", "progresser", "reculer", "augmenter", "baisser", "passer",
    "représenter", "totaliser", "dépasser", "grimper", "chuter", "bondir", "s'établir", "culminer", "plafonner",
    "stagner", "croître", "diminuer", "rester", "demeurer", "afficher", "ressortir",
})
_MONEY = frozenset({"EUR", "USD", "GBP", "CHF", "JPY", "CNY"})
_DISTANCES = frozenset({"km", "m", "mile", "mille"})
_FRAME_OPENER = re.compile(r"(?:au|aux|à|a|dans|en|lors|pendant|après|avant|depuis|sur)\s", re.I)
_CAPITAL_WORD = re.compile(r"\b(?:dans|[àa])\s+la\s+capitale\b", re.I)
_NAMED_PLACE_HEADS = frozenset({
    "place", "côte", "pointe", "île", "rue", "avenue", "boulevard", "gare", "port", "cap", "baie", "golfe",
    "mont", "vallée", "rive", "quartier", "aéroport", "pont", "porte", "cours", "quai", "région", "département",
})
_DIRECTION_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?P<prep>en\s+direction\s+(?:de|du|des|d['’])|[àa]\s+destination\s+(?:de|du|des|d['’])|jusqu['’][àa]|jusqu['’]au|"
    r"vers|en\s+provenance\s+(?:de|du|des|d['’])|au\s+d[ée]part\s+(?:de|du|des|d['’])|depuis|aupr[èe]s\s+(?:de|du|des|d['’])|"
    r"pour\s+rejoindre|pour|aux|au|[àa]|en|dans|sur|de|du|des|d['’]|par)\s*(?:l['’]|la\s+|le\s+|les\s+)?$",
    re.I,
)

# "et non 3 200", "non plus de 40": a figure the writer denies (not "non loin de 300 mètres").
_DENIED_FIGURE = re.compile(
    r"\bnon\s+(?:pas\s+)?(?:(?:plus|moins)\s+de\s+|environ\s+|pr[èe]s\s+de\s+)?\d", re.I
)
_DESTINATION_GAP = re.compile(
    r"\s*(?:vers|en\s+direction\s+(?:de|du|des|d['’])|[àa]\s+destination\s+(?:de|du|des|d['’])|jusqu['’](?:[àa]|au|aux))"
    r"\s*(?:l['’]|la\s+|le\s+|les\s+)?",
    re.I,
)


@dataclass(slots=True)
class _Flow:
    """A transfer or a movement: who or what moved, from where, to where."""

    verb: Token
    mover: str
    mover_token: Token | None
    origins: list[str] = field(default_factory=list)
    destinations: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _SentInfo:
    span: Span
    section: str
    paragraph: int
    entities: list[tuple[Span, str]]  # (span, canonical)
    dates: list[DateMatch]
    quantities: list[QuantityMatch]
    flows: list[_Flow]
    frame_place: str = ""
    times: list[DateMatch] = field(default_factory=list)  # clock times ("à 23h11"), value 'T23:11'
    text: str = ""  # the sentence's text (Span.text rebuilds it token by token on every call)


class ClaimExtractor:
    """Turns one parsed article into claims. One instance per article (it keeps paragraph context)."""

    def __init__(self, doc: Doc, article: Article) -> None:
        if len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(article.text):
            raise ValueError(f"{article.doc_id}: the Doc was not parsed from this article's text")
        self.doc = doc
        self.article = article
        self.text = article.text
        self.lex = lexicon_mod.load()
        self.lines = split_lines(self.text)
        self._line_starts = [line.start for line in self.lines]
        # Words the article writes as lowercase common nouns ("la tempête"), to tell "Tempête
        # Xynthia" in a title from a two-word name.
        self._common = _lowercase_nouns(doc)
        self._ents = list(doc.ents)
        # The last person each paragraph named outside quotations: who "a-t-elle dit" stands for.
        self._last_person: dict[int, tuple[str, int, int, _SentInfo]] = {}
        # Per token, read once from arrays (a Token object per look is what costs in this module).
        lower, self._lemma = _token_strings(doc)
        offsets = doc.to_array([IDX, LENGTH])
        self._tok_start: list[int] = offsets[:, 0].tolist()
        self._tok_end: list[int] = (offsets[:, 0] + offsets[:, 1]).tolist()  # without the space after
        self._pred_lemmas: dict[int, str] = {}
        # Char offsets of the tokens that cut a figure's clause (see _segments, _window).
        self._cuts: list[int] = []
        self._window_cuts: list[int] = []
        for idx, word in zip(doc.to_array("IDX").tolist(), lower):
            if word in _WINDOW_SEPARATORS:
                self._window_cuts.append(idx)
                if word in _SEPARATORS:
                    self._cuts.append(idx)
        self.resolver = ent_mod.EntityResolver()
        for ent in self._ents:
            if ent.label_ == "PER":  # "Scholz" → "Olaf Scholz"; never "Dijon" → "usine de Dijon"
                self.resolver.add(_name_part(ent, self._common).text)
        self._named_nouns = self._appositive_names()
        self._demonyms = self._designations()
        self._movers: set[str] = set()
        self._date_chars: list[tuple[int, int]] = []
        # Per sentence (keyed by its first token): its lemmas, as a set and as text, and its lowercased text.
        self._sentence_forms: dict[int, tuple[frozenset[str], str, str]] = {}

    # ----------------------------------------------------------------- layout
    def _line_of(self, char: int) -> Line | None:
        i = bisect.bisect_right(self._line_starts, char) - 1
        return self.lines[i] if i >= 0 else None

    def _appositive_names(self) -> dict[str, str]:
        """Common nouns the article names once ("la tempête Xynthia", "le président Macron"), so that a
        later "la tempête" can stand for the name."""
        names: dict[str, str] = {}
        for ent in self._ents:
            name = _name_part(ent, self._common)
            if any(t.pos_ == "ADP" for t in ent[: name.start - ent.start]):
                continue  # "ministère de l'Intérieur" does not make every "ministère" the Interior
            noun = ent[0] if name.start > ent.start else (self.doc[ent.start - 1] if ent.start > 0 else None)
            if noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() not in names:
                names[noun.lemma_.lower()] = self.resolver.resolve(ent_mod.canonical(name.text))
        return names

    def _designations(self) -> dict[str, str]:
        """Nationalities the article gives its people ("le Slovène Tadej Pogačar", "Tadej Pogačar,
        le Slovène", "l'Éthiopien Mulugeta Uma"), so that a later "le Slovène" stands for the
        person: folded demonym → name. A nationality given to two people stands for nobody."""
        found: dict[str, set[str]] = defaultdict(set)
        for ent in self._ents:
            if ent.label_ != "PER":
                continue
            name = self.resolver.resolve(ent_mod.canonical(_name_part(ent, self._common).text))
            before = self.doc[ent.start - 1] if ent.start > 0 else None
            after = [t for t in self.doc[ent.end:ent.end + 3] if not t.is_punct and t.pos_ != "DET"][:1]
            for tok in ([before] if before is not None else []) + after:
                if tok.text[:1].isupper() and _is_demonym(tok.text):
                    found[ent_mod.fold(tok.text)].add(name)
        return {d: next(iter(names)) for d, names in found.items() if len(names) == 1}

    def designated(self, text: str) -> str:
        """The person a nationality written as a noun stands for in this article ("le Slovène" →
        "Tadej Pogačar"), or ""."""
        words = [w for w in text.replace("’", "'").split() if w.lower() not in {"le", "la", "l'", "les"}]
        word = words[0].split("'")[-1] if len(words) == 1 else ""
        return self._demonyms.get(ent_mod.fold(word), "") if word[:1].isupper() and _is_demonym(word) else ""

    # ------------------------------------------------------------------- main
    def extract(self) -> list[Claim]:
        """The claims of the article. An unexpected error in one sentence costs that sentence only
        (one warning on the `claimcheck` logger, naming the file and the sentence); an error of a
        normalizer over the whole text makes it run line by line, losing only the lines it fails on."""
        doc, text = self.doc, self.text
        try:
            quantities = quantities_of(doc, text)  # by the claimcheck_quantities component, or now
        except Exception as exc:  # noqa: BLE001 - one odd line must not cost the article
            self._warn(0, exc, "quantities read line by line")
            quantities = self._line_by_line(find_quantities, text)
        try:
            dates = dates_mod.find_dates(text, self.article.published)
        except Exception as exc:  # noqa: BLE001
            self._warn(0, exc, "dates read line by line")
            dates = self._line_by_line(lambda line: dates_mod.find_dates(line, self.article.published), text)
        try:
            times = dates_mod.find_times(text)  # clock times: rows of their own, never dates of events
        except Exception as exc:  # noqa: BLE001
            self._warn(0, exc, "clock times read line by line")
            times = self._line_by_line(dates_mod.find_times, text)
        # A date is never also a quantity.
        quantities = [q for q in quantities if not any(d.start <= q.num_start < d.end for d in dates)]
        quantities = sorted(quantities + self._single_casualties(quantities), key=lambda q: q.start)
        self._date_chars = [(d.start, d.end) for d in dates]
        infos = self._sentence_infos(quantities, dates)
        for info in infos:
            info.times = [t for t in times if info.span.start_char <= t.start < info.span.end_char]
        claims: list[Claim] = []
        para_place: dict[int, str] = {}
        para_source: dict[int, str] = {}
        para_unit: dict[int, list] = {}
        for info in infos:
            try:
                if info.frame_place:
                    para_place[info.paragraph] = info.frame_place
                found = [
                    *self._quantity_claims(info, para_place, para_source, para_unit),
                    *self._date_claims(info),
                    *self._entity_claims(info),
                ]
            except Exception as exc:  # noqa: BLE001 - one sentence lost, not the article nor the run
                self._warn(info.span.start_char, exc, "sentence skipped")
                continue
            claims.extend(found)
        claims.sort(key=lambda c: (c.start, c.kind))
        for n, claim in enumerate(claims, 1):
            claim.claim_id = f"{self.article.doc_id}:{n:04d}"  # made here, not shared yet
        return claims

    def _warn(self, char: int, exc: BaseException, what: str) -> None:
        where = self.article.path or self.article.doc_id
        line = self.text.count("\n", 0, char) + 1
        snippet = " ".join(self.text[char:char + 60].split())
        _LOG.warning("%s: line %d (%s…): %s after an unexpected error (%s: %s)", where, line, snippet, what,
                     type(exc).__name__, exc)

    def _line_by_line(self, find, text: str) -> list:  # type: ignore[no-untyped-def]
        """A normalizer run on each line alone, offsets moved back into the text; a line it fails
        on is skipped with a warning."""
        from dataclasses import replace as _replace

        out = []
        offset = 0
        for line in text.split("\n"):
            if line.strip():
                try:
                    found = find(line)
                except Exception as exc:  # noqa: BLE001
                    self._warn(offset, exc, "line skipped")
                    found = []
                for m in found:
                    shift = {f: getattr(m, f) + offset for f in ("start", "end", "num_start", "num_end") if hasattr(m, f)}
                    out.append(_replace(m, **shift))
            offset += len(line) + 1
        return out

    def _single_casualties(self, found: Sequence[QuantityMatch]) -> list[QuantityMatch]:
        """"une personne", "une victime" count one person when the sentence tells of deaths or
        injuries ("l'avalanche a coûté la vie à une personne"); elsewhere "un"/"une" is an article."""
        from claimcheck.normalize.types import QuantityMatch

        taken = {q.num_start for q in found}
        extra = []
        casualty = self.lex.events.get("death", frozenset()) | self.lex.events.get("injury", frozenset())
        for sent in self.doc.sents:
            if not self._mentions(sent, casualty):
                continue
            for tok in sent[:-1]:
                nxt = self.doc[tok.i + 1]
                if tok.lower_ in {"un", "une"} and nxt.lemma_.lower() in {"personne", "victime", "mort", "blessé"}:
                    if tok.i > 0 and self.doc[tok.i - 1].lower_ in {"l'", "l’", "d'", "d’", "de", "chaque"}:
                        continue
                    if tok.idx not in taken:
                        extra.append(QuantityMatch(tok.idx, tok.idx + len(tok.text), tok.idx, tok.idx + len(tok.text), 1.0, 1.0, 1.0, "eq"))
        return extra

    def _pred_lemma(self, token: Token) -> str:
        """`_lemma(token)`, once per token."""
        lemma = self._pred_lemmas.get(token.i)
        if lemma is None:
            lemma = self._pred_lemmas[token.i] = _lemma(token)
        return lemma

    def _mentions(self, sent: Span, words: Iterable[str]) -> bool:
        """Does the sentence use one of these lemmas or multiword expressions ("coûter la vie")?"""
        forms = self._sentence_forms.get(sent.start)
        if forms is None:
            lemmas = self._lemma[sent.start:sent.end]
            forms = (frozenset(lemmas), " " + " ".join(lemmas) + " ", " " + self.text[sent.start_char:sent.end_char].lower() + " ")
            self._sentence_forms[sent.start] = forms
        lemmas, lemma_text, text = forms  # type: ignore[assignment]
        for word in words:
            if " " in word:
                if f" {word} " in text or f" {_lemma_phrase(word)} " in lemma_text:
                    return True
            elif word in lemmas:
                return True
        return False

    def _date_event(self, sent: Span, pred: Token | None) -> str:
        """Event classes of a dated predicate; a verb that only schedules or reports ("une réunion
        est prévue le 11 juin", "rendez-vous est pris") takes the class of its subject or object."""
        if pred is None:
            return ""
        classes = set(filter(None, self._event_classes(sent, pred, "").split(";")))
        for child in pred.children:
            if child.dep_ in {"nsubj", "nsubj:pass", "obj"} and child.pos_ in {"NOUN", "PROPN"}:
                phrase = self.doc[child.i:min(child.i + 3, sent.end)].text.lower()
                classes |= self.lex.event_classes(child.lemma_)
                for name, words in self.lex.events.items():
                    if any((" " in w or "-" in w) and phrase.startswith(w) for w in words):
                        classes.add(name)
        return ";".join(sorted(classes))

    def _event_classes(self, sent: Span, pred: Token | None, unit: str) -> str:
        """Event classes of a claim: from its predicate, what it counts, and multiword expressions."""
        lemma = self._pred_lemma(pred) if pred is not None else ""
        classes = set(self.lex.event_classes(lemma)) if pred is not None else set()
        if pred is not None and not lemma.startswith("se "):
            classes |= self.lex.event_classes(pred.lemma_)  # "se déclarer" (a fire) is not "déclarer"
        if unit:
            classes |= self.lex.event_classes(unit)
        for name in ("death", "injury", "outage"):
            words = [w for w in self.lex.events.get(name, ()) if " " in w]
            if words and self._mentions(sent, words):
                classes.add(name)
        return ";".join(sorted(classes))

    def _sentence_infos(self, quantities: Sequence[QuantityMatch], dates: Sequence[DateMatch]) -> list[_SentInfo]:
        infos = []
        q_i = d_i = 0
        ents = list(self._ents)
        e_i = 0
        for sent in self.doc.sents:
            s_start, s_end = sent.start_char, sent.end_char
            sent_text = self.text[s_start:s_end]
            if not sent_text.strip():
                continue
            sq = []
            while q_i < len(quantities) and quantities[q_i].start < s_end:
                if quantities[q_i].start >= s_start:
                    sq.append(quantities[q_i])
                q_i += 1
            sd = []
            while d_i < len(dates) and dates[d_i].start < s_end:
                if dates[d_i].start >= s_start:
                    sd.append(dates[d_i])
                d_i += 1
            se = []
            while e_i < len(ents) and ents[e_i].start_char < s_end:
                if ents[e_i].start_char >= s_start:
                    se.append((ents[e_i], self.resolver.resolve(ent_mod.canonical(_name_part(ents[e_i], self._common).text))))
                e_i += 1
            first_char = s_start + (len(sent_text) - len(sent_text.lstrip()))
            line = self._line_of(first_char)
            section = line.section if line else "body"
            paragraph = line.paragraph if line else 0
            info = _SentInfo(sent, section, paragraph, se, sd, sq, [], text=sent_text)
            info.flows = self._flows(sent)
            self._movers.update(ent_mod.fold(f.mover) for f in info.flows if f.mover)
            infos.append(info)
        for info in infos:
            info.frame_place = self._frame_place(info)
        return infos

    # --------------------------------------------------------------- helpers
    def _tokens(self, start: int, end: int) -> Span | None:
        """`doc.char_span(start, end, alignment_mode="expand")`, found with two bisections of the
        token offsets instead of the Token objects spaCy's version makes."""
        if not (0 <= start < len(self.text) and 0 < end <= len(self.text)):
            return None
        first = bisect.bisect_right(self._tok_start, start) - 1
        last = bisect.bisect_right(self._tok_start, end - 1) - 1
        if start == self._tok_end[first]:  # in the space after a token: the span starts after it
            first += 1
        return Span(self.doc, first, last + 1)

    def _place_name(self, ent: Span) -> str:
        """Canonical name of a place mention; a named square or coast keeps its common noun."""
        name = _name_part(ent, self._common)
        if name.start > ent.start and name.text[:1].isupper() and ent[0].lemma_.lower() not in _NAMED_PLACE_HEADS:
            return ent_mod.canonical(name.text)  # "l'usine de Dijon" → Dijon
        if ent.start > 0:
            head = self.doc[ent.start - 1]
            if head.text in {"de", "d'", "d’", "du", "des"} and ent.start > 1:
                noun = self.doc[ent.start - 2]
                # "la place de la Nation" names a site; "les rues de Rennes" is just Rennes.
                if noun.lemma_.lower() in _NAMED_PLACE_HEADS and "Plur" not in noun.morph.get("Number"):
                    return f"{noun.text} {head.text}{'' if head.text.endswith(('’', chr(39))) else ' '}{ent.text}"
        first = ent[0].lemma_.lower()
        if first in _NAMED_PLACE_HEADS and len(ent) > 1:
            return ent.text
        return ent_mod.canonical(ent.text)

    def _frame_place(self, info: _SentInfo) -> str:
        """A place framing the whole sentence: "À Rennes, …", "Rennes : …", "Dans la capitale, …"."""
        sent = info.span
        head_text = info.text.lstrip("•·-–—* \t")
        m = re.match(r"(?:(?:[àa]|au|aux|dans|en|sur)\s+(?:la\s+|le\s+|les\s+|l['’])?)?([^,:;]{2,60}?)\s*[,:]", head_text, re.I)
        if not m:
            if _CAPITAL_WORD.match(head_text):
                return "capitale"
            return ""
        phrase = m.group(1)
        if re.fullmatch(r"(?:la\s+)?capitale", phrase.strip(), re.I) or _CAPITAL_WORD.match(head_text):
            return "capitale"
        prepositional = bool(re.match(r"(?:[àa]|au|aux|dans|en|sur|chez)\s", head_text, re.I))
        if not prepositional and not (head_text[m.end() - 1] == ":" and len(phrase.split()) <= 4):
            return ""  # "Une coalition avec les Verts, forte de …" is no frame; "Rennes : 12 000" is
        offset = sent.start_char + (len(info.text) - len(head_text)) + m.start(1)
        scoped = bool(re.match(r"(?:[àa]|au|aux|dans|chez)\s", head_text, re.I))
        for ent, canonical in info.entities:
            if offset <= ent.start_char < offset + len(phrase) + 1:
                if self._is_place(ent):
                    return self._place_name(ent)
                if scoped and ent.label_ in {"ORG", "MISC"}:
                    return canonical  # "À la RATP, …", "Dans les hôpitaux publics, …": the figure's scope
        return ""

    def _segments(self, info: _SentInfo) -> list[tuple[int, int]]:
        """Char ranges of the clause segment of each quantity of the sentence (see module doc)."""
        sent = info.span
        bounds = []
        qs = info.quantities
        for i, q in enumerate(qs):
            left = sent.start_char if i == 0 else bounds[-1][1]
            if i + 1 < len(qs):
                nxt = qs[i + 1]
                right = nxt.start
                k = bisect.bisect_left(self._cuts, max(q.end, sent.start_char))
                if k < len(self._cuts) and self._cuts[k] < min(nxt.start, sent.end_char):
                    right = self._cuts[k]  # the first separator between the two figures
                right = max(right, q.end)
            else:
                right = sent.end_char
            bounds.append((left, right))
        return bounds

    def _counted(self, q: QuantityMatch, sent: Span) -> tuple[Token | None, str]:
        """The noun a quantity counts ("camions") and its complement ("de bois" → "bois")."""
        span = self._tokens(q.num_start, q.end)
        if span is None:
            return None, ""
        i = span.end
        steps = 0
        while i < sent.end and steps < 3:
            tok = self.doc[i]
            if tok.is_space:
                i += 1
                continue
            before_casualty = self.doc[min(i + 1, sent.end - 1)].lower_ in _CASUALTY_WORDS
            if tok.lower_ in {"de", "d'", "d’", "des"} or (
                tok.lower_.endswith("ment") and (tok.pos_ == "ADV" or before_casualty)
            ) or (tok.pos_ == "ADJ" and tok.lower_ not in _CASUALTY_WORDS and i + 1 < sent.end and self.doc[i + 1].pos_ == "NOUN"):
                # "les deux premières équipes", "trois nouvelles séances": an adjective before the noun
                # "trois grièvement blessés": a degree adverb (whatever its tag) between a figure and its noun
                i += 1
                steps += 1
                continue
            if tok.pos_ in {"NOUN", "PROPN"} or (tok.pos_ in {"ADJ", "VERB"} and tok.lower_ in _CASUALTY_WORDS):
                if tok.like_num or tok.is_punct:
                    return None, ""
                complement = ""
                j = tok.i + 1
                if j + 1 < sent.end and self.doc[j].lower_ in {"de", "d'", "d’"} and self.doc[j + 1].pos_ == "NOUN":
                    complement = self.doc[j + 1].lemma_.lower()
                return tok, complement
            return None, ""
        return None, ""

    def _concept_before(self, q: QuantityMatch, *, through_a: bool = True) -> str:
        """The noun a figure is the value of, written before it: "une magnitude de 3,7", "un chiffre
        d'affaires de 3,4 milliards", "une perte nette de près de 35 millions"."""
        span = self._tokens(q.start, q.end)
        if span is None or span.start == 0:
            return ""
        i = span.start - 1
        if self.doc[i].lower_ not in ({"de", "d'", "d’", "à"} if through_a else {"de", "d'", "d’"}):
            if self.doc[i].pos_ == "NOUN" and self.doc[i].lemma_.lower() in self.lex.measure_before:
                return self.doc[i].lemma_.lower()  # "magnitude 3,7"
            return ""
        i -= 1
        while i >= 0 and self.doc[i].pos_ == "ADJ":
            i -= 1
        if i < 0 or self.doc[i].pos_ != "NOUN":
            return ""
        return self._compound_noun(self.doc[i])

    def _concept_after(self, q: QuantityMatch) -> str:
        """…or after it: "3 400 millions d'euros de chiffre d'affaires"."""
        span = self._tokens(q.start, q.end)
        if span is None:
            return ""
        i = span.end
        if i + 1 < len(self.doc) and self.doc[i].lower_ in {"de", "d'", "d’"} and self.doc[i + 1].pos_ == "NOUN":
            return self._compound_noun(self.doc[i + 1])
        return ""

    def _compound_noun(self, tok: Token) -> str:
        """A noun with the "de" complement that makes it one term: "chiffre d'affaires"; a rate or
        a share names what it measures ("le taux de participation" → participation)."""
        lemma = tok.lemma_.lower()
        doc = self.doc
        if lemma in self.lex.measure_before and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in {"de", "d'", "d’", "du", "des"}:
            nxt = doc[tok.i + 2]
            if nxt.pos_ == "NOUN":
                return nxt.lemma_.lower()
        if tok.i > 1 and doc[tok.i - 1].lower_ in {"d'", "d’", "de"} and doc[tok.i - 2].pos_ == "NOUN" and lemma.endswith("affaire"):
            return f"{doc[tok.i - 2].lemma_.lower()} d'{tok.lower_}"
        if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ in {"d'", "d’"} and doc[tok.i + 2].lower_ == "affaires":
            return f"{lemma} d'affaires"
        return lemma

    def _among(self, q: QuantityMatch, info) -> bool:
        """A part named by "parmi": "Dix femmes figurent parmi les victimes", "Parmi les blessés,
        trois enfants" (the figure counts some of a group another figure counts)."""
        after = re.split(r"[,;:.!?(]", self.text[q.end:min(info.span.end_char, q.end + 60)], maxsplit=1)[0]
        if re.search(r"\bparmi\b(?!\s+(?:lesquel|eux|elles|celles?|ceux|ces\s+derni))", after, re.I):
            return True
        before = self.text[info.span.start_char:q.start]
        # "Parmi les blessés, trois enfants" (not "Parmi eux, 54 175 ont rallié l'arrivée": a pronoun
        # names no group another figure counts, and the figure is then a count of its own)
        return bool(re.match(r"\s*[«\"]?\s*parmi\s+(?!(?:eux|elles|lesquel|celles?|ceux)\b)[^,;:]*,\s*(?:\S+\s+){0,2}$", before, re.I))

    def _out_of(self, q: QuantityMatch, info) -> bool:
        """Whether a figure is what another is out of: "120 sièges sur les 577", "trois sur dix",
        "Sur les 14 lots, trois…". A verb's own "sur" ("il porte sur les 14 lots", "elle table sur
        200 ventes") is not: "sur" counts as "out of" after a figure or at the head of the clause."""
        before = self.text[max(info.span.start_char, q.start - 60):q.start]
        m = re.search(r"\bsur\s+(?:les\s+|un\s+total\s+de\s+|l['’]ensemble\s+des\s+)?(?:quelque\s+)?$", before, re.I)
        if not m:
            return False
        lead = before[:m.start()]
        if not lead.strip(" \t\n«»\"'’-—–") or re.search(r"[,;:(]\s*$", lead):
            return True  # "Sur les 577 députés, …", "…, sur un total de 40"
        return bool(re.search(rf"(?:\d|\b{_NUMBER_WORD})(?:\s*%)?(?:\s+[\w'’-]+){{0,3}}\s*$", lead, re.I))

    def _distance_reference(self, q: QuantityMatch) -> str:
        """The landmark a distance is measured from: "à 35 km au nord-est de Grenade"."""
        m = re.match(
            r"\s*(?:(?:au|à\s+l['’])\s*[\w-]+\s+)?(?:de|du|d['’]|des)\s*(?:la\s+|le\s+|l['’]|les\s+)?"
            r"((?:(?:cap|pointe|île|ile|lac|col|mont|plage|port|baie|golfe|côtes?|massif|pic|centre|gare|aéroport)\s+(?:de\s+|du\s+|d['’])?)?"
            r"[A-ZÉÈÎ][\w'’-]+(?:\s+[A-ZÉÈÎ][\w'’-]+)*)", self.text[q.end:q.end + 80])
        return m.group(1) if m else ""

    def _predicate(self, token: Token, *, include_self: bool = False) -> Token | None:
        """The verb or event noun that governs a token (a few steps up the tree); with
        `include_self`, the token itself may be the event noun ("la suppression de 95 postes")."""
        cur = token
        for _ in range(5):
            if cur.is_punct and cur.text not in {"%", "‰"}:
                return None
            if cur.pos_ == "VERB" or ((include_self or cur.i != token.i) and cur.pos_ == "NOUN" and self.lex.event_classes(cur.lemma_)):
                return cur
            if cur.head.i == cur.i:  # the root: a verb, or an event noun even when it is the token itself
                return cur if cur.pos_ == "VERB" or (cur.pos_ == "NOUN" and self.lex.event_classes(cur.lemma_)) else None
            cur = cur.head
        return cur if cur.pos_ == "VERB" else None

    def _modality(self, pred: Token | None, seg_text: str) -> str:
        if re.search(r"\bpas\s+(?:\S+\s+){0,2}\d", seg_text, re.I) or _DENIED_FIGURE.search(seg_text):
            return "negated"
        if pred is None:
            return "asserted"
        kids = list(pred.children)
        if any(k.lower_ in _NEGATIONS and k.lower_ not in {"ne", "n'", "n’"} and k.dep_.startswith("advmod") and _with_ne(k, pred) for k in kids):
            return "negated"
        # "n'a presque pas baissé": the "pas" may hang on the adverb before the verb
        near = pred.doc[max(pred.sent.start, pred.i - 4):pred.i]
        if any(t.lower_ in {"n'", "n’", "ne"} for t in near) and any(t.lower_ in {"pas", "jamais", "guère", "nullement"} for t in near):
            return "negated"
        if "Cnd" in pred.morph.get("Mood") or any("Cnd" in k.morph.get("Mood") for k in kids if k.pos_ == "AUX"):
            return "hedged"
        head = pred.head  # the verb the predicate depends on, or the predicate itself at the root
        if head.lemma_ in self.lex.hedge and head.pos_ in {"VERB", "AUX"} and not _done_modal(head):
            return "hedged"
        if any(k.lemma_ in self.lex.hedge and k.pos_ in {"VERB", "AUX", "ADV"} and not _done_modal(k) for k in kids):
            return "hedged"
        return "asserted"

    def _np_text(self, token: Token, limit: int = 8) -> str:
        """A short noun phrase around a head token (determiners dropped, clauses cut)."""
        cut: set[int] = set()
        for t in token.subtree:
            if t.i != token.i and t.dep_ in {"acl:relcl", "acl", "appos", "punct", "conj", "cc"}:
                cut.update(x.i for x in t.subtree)
        toks = [t for t in token.subtree if t.i not in cut and abs(t.i - token.i) <= limit]
        toks = sorted(toks, key=lambda t: t.i)
        while toks and toks[0].pos_ in {"DET", "ADP"}:
            toks = toks[1:]
        return _join(toks)

    def _source(self, q_span: tuple[int, int], seg: tuple[int, int], pred: Token | None, paragraph_source: str) -> str:
        """Who gives the figure: "selon X", "pour X", "X 2,1 millions", or the subject of a reporting verb.
        A count is nobody's voice: "selon un dernier bilan du ministère" is the ministry's figure,
        "un précédent bilan faisait état de" names no source (`_count_source`)."""
        found = self._source_phrase(q_span, seg, pred, paragraph_source)
        return _count_source(found, self.lex.count_nouns) if found else found

    def _source_phrase(self, q_span: tuple[int, int], seg: tuple[int, int], pred: Token | None, paragraph_source: str) -> str:
        seg_text = self.text[seg[0]:seg[1]]
        m = _SOURCE_PREP.search(seg_text)
        if m:
            rest = seg_text[m.end():]
            np = re.split(r"[,;:.()«»\"]|\s(?:et|qui|dont|mais|tandis)\s", rest)[0]
            return _clean_np(np)
        after = seg_text[max(0, q_span[1] - seg[0]):]
        m = _POUR_SOURCE.search(after)
        if m:
            np = _clean_np(re.split(r"[,;:.()]|\s(?:et|qui|dont)\s", after[m.end():])[0])
            if np and (ent_mod.source_class(np) or np[:1].isupper()):
                return np
        # "la CFTC 2,1 millions", "les syndicats, 45 %": a source noun right before the figure.
        np_before = self._np_before(q_span[0], seg[0])
        if np_before and ent_mod.source_class(np_before):
            return np_before
        cur = pred
        for _ in range(4):
            if cur is None:
                break
            lemma = cur.lemma_.lower()
            reporting = bool(_verb_lemmas(cur) & self.lex.report) or (
                lemma == "faire" and any(k.lemma_ == "état" for k in cur.children)
            )
            if reporting:
                subj = next((k for k in cur.children if k.dep_ in {"nsubj", "nsubj:pass"}), None)
                if subj is not None:
                    if subj.lower_ in _PRONOUN_SUBJECTS:
                        return paragraph_source
                    if subj.lower_ == "qui" and cur.dep_ == "acl:relcl":
                        return self._np_text(cur.head, 5)
                    ent = next((e for e in self._ents if e.start <= subj.i < e.end), None)
                    if ent is not None and ent.start_char >= subj.sent.start_char and len(ent) <= 6:
                        # A name the parser split in two subjects ("Amnesty" and "International") is one source.
                        return _clean_np(_name_part(ent, self._common).text)
                    return self._np_text(subj, 6)
            if cur.head.i == cur.i:
                break
            cur = cur.head
        # A figure in a paragraph that names its source goes on quoting it ("Le décompte officiel.
        # Le ministère a recensé … C'est un peu moins que le 12 octobre (845 000)").
        return paragraph_source

    def _np_before(self, char: int, floor: int) -> str:
        """The noun phrase written right before a figure, with no verb in between."""
        span = self._tokens(char, char + 1)
        if span is None:
            return ""
        i = span.start - 1
        while i >= 0 and self.doc[i].idx >= floor and (self.doc[i].is_space or self.doc[i].text == ","):
            i -= 1
        toks = []
        while i >= 0 and self.doc[i].idx >= floor and self.doc[i].pos_ in {"NOUN", "PROPN", "ADJ", "DET", "ADP"}:
            toks.insert(0, self.doc[i])
            i -= 1
        while toks and toks[0].pos_ in {"ADP", "DET"}:
            toks = toks[1:]
        return _join(toks) if toks and len(toks) <= 6 else ""

    def _aspect(self, window: str, pred: Token | None) -> str:
        """Which moment of a running figure: peak, remaining, change, total or a forecast."""
        low = window.lower()
        if pred is not None and pred.lemma_.lower() in self.lex.aspects.get("forecast", ()) and not _waiting(pred):
            return "forecast"
        for name in ("forecast", "remaining", "peak", "change", "total"):
            if self.lex.aspect_pattern(name).search(low):
                return name
        return ""

    def _event_date(self, info: _SentInfo, window: tuple[int, int], anchor: int) -> str:
        if _ANAPHORIC_TIME.search(self.text[info.span.start_char:anchor]):
            return "?"  # "À ce moment-là, 900 hectares": dated by another sentence, unknown here
        return self._written_date(info, window, anchor)

    def _opening_apposition(self, info: _SentInfo) -> tuple[int, int]:
        """An opening participial phrase describes the subject, not the figure: "Fondé en 1975 à
        Annecy, le groupe emploie 6 200 salariés" (neither 1975 nor Annecy is the
        figure's date or place)."""
        sent = info.span
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        if first is None or "Part" not in first.morph.get("VerbForm") or first.i > sent.start + 1:
            return (0, 0)
        comma = next((t for t in sent if t.text == "," and t.i > first.i), None)
        return (sent.start_char, comma.idx) if comma is not None else (0, 0)

    def _written_date(self, info: _SentInfo, window: tuple[int, int], anchor: int) -> str:
        """The date of the event a figure belongs to: one in its own clause, else the nearest one
        written before it in the sentence ("Le 12 octobre, … avait réuni 845 000")."""
        skip = self._opening_apposition(info)
        dates = [d for d in info.dates if not (skip[0] <= d.start < skip[1])]
        inside = [d for d in dates if window[0] <= d.start < window[1]]
        pool = inside or [d for d in dates if d.end <= anchor]
        if not pool:
            return ""
        best = min(pool, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))
        if re.match(r"depuis\b", self.text[best.start:best.end], re.I):
            return ""  # "650 hectares brûlés depuis lundi": a total as of publication, not of lundi
        return best.value

    def _places(
        self, info: _SentInfo, seg: tuple[int, int], exclude: set[str], para_place: str, *, fallback: bool = True
    ) -> str:
        found = []
        skip = self._opening_apposition(info)
        for ent, _canonical in info.entities:
            if not (seg[0] <= ent.start_char < seg[1]) or not self._is_place(ent):
                continue
            if skip[0] <= ent.start_char < skip[1] or self._office_seat(ent):
                continue
            name = self._place_name(ent)
            if ent_mod.fold(name) in exclude:
                continue
            found.append(name)
        if not found and _CAPITAL_WORD.search(self.text[seg[0]:seg[1]]):
            found.append("capitale")
        if not fallback:
            return "; ".join(dict.fromkeys(found))
        if not found and info.frame_place:
            found.append(info.frame_place)
        if not found and para_place and not any(self._is_place(e) for e, _ in info.entities):
            found.append(para_place)
        return "; ".join(dict.fromkeys(found))

    def _office_seat(self, ent: Span) -> bool:
        """A town that names an office's seat: "le procureur de la République de Boulogne-sur-Mer",
        "le parquet de Foix" (who speaks, not where the figure holds)."""
        before = self.text[max(0, ent.start_char - 40):ent.start_char]
        m = re.search(r"(?<!\w)([\w-]+)(?:\s+de\s+la\s+r[ée]publique)?\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?$", before, re.I)
        if m is None and ent[0].lower_ in {"république"}:
            m = re.search(r"(?<!\w)([\w-]+)\s+(?:de|d['’])\s*(?:la\s+)?$", before, re.I)
        return bool(m) and m.group(1).lower() in self.lex.seat_nouns

    def _subject_place(self, pred: Token | None, exclude: set[str]) -> str:
        """A place that is the subject of the figure's verb: "la région de Murcie, qui concentre
        … 312 morts", "Le Var est le département le plus touché (95 000 foyers)"."""
        verb = pred
        for _ in range(3):
            if verb is None or verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb is None or verb.pos_ != "VERB":
            return ""
        subj = self._subject_token(verb)
        if subj is None:
            return ""
        if subj.pos_ == "NOUN" and subj.lemma_.lower() not in _PLACE_NOUNS:
            return ""  # "le natif de Besançon percevra …": a birthplace is not where the figure holds
        ids = {t.i for t in subj.subtree if abs(t.i - subj.i) <= 4}
        for ent in self._ents:
            if ent.start in ids and self._is_place(ent):
                name = self._place_name(ent)
                if ent_mod.fold(name) not in exclude:
                    return name
        return ""

    def _is_place(self, ent: Span) -> bool:
        """A place mention: a known place, a named site ("île de Ré"), or a proper noun the model
        calls a location — not a storm, a ministry or a capitalised adverb."""
        if ent.label_ != "LOC" or ent_mod.fold(ent.text) in self._movers:
            return False
        name = _name_part(ent, self._common)
        if name.start > ent.start and name.text[:1].isupper() and ent[0].lemma_.lower() not in _NAMED_PLACE_HEADS:
            ent = name  # "l'usine de Dijon": the town is the place
        entry = ent_mod.lookup(ent.text) if hasattr(ent_mod, "lookup") else None
        if entry:
            types = {e.type for e in entry} if isinstance(entry, (list, tuple)) else {getattr(entry, "type", "")}
            if types & {"org", "seat", "person"} and not types & {"country", "region", "city", "capital"}:
                return False
            return True
        first = ent[0]
        if first.lemma_.lower() in _NAMED_PLACE_HEADS:
            return True
        if len(ent) == 1 and first.text.isupper() and len(first.text) <= 5:
            return False  # "(UDI)", "PRG": an acronym the gazetteer does not know is a party or a body
        return first.text[:1].isupper() and first.pos_ in {"PROPN", "NOUN"} and not (first.i == ent.sent.start and first.pos_ == "NOUN" and len(ent) == 1)

    def _in_date(self, token: Token) -> bool:
        return any(start <= token.idx < end for start, end in self._date_chars)

    # ---------------------------------------------------------------- flows
    def _endpoint(self, span_tokens: Sequence[Token], *, keep_city: bool = False) -> str:
        """Canonical name of a flow's endpoint: "Berlin" → Allemagne, "aux Allemands" → Allemagne,
        "les côtes vendéennes" → Vendée, "le régime iranien" → Iran."""
        toks = list(span_tokens)
        while toks and toks[0].pos_ in {"DET", "ADP"}:
            toks = toks[1:]
        while toks and toks[-1].pos_ in {"DET", "ADP", "PUNCT"}:
            toks = toks[:-1]
        if not toks:
            return ""
        text = _join(toks)
        if not any(ch.isupper() for ch in text) and not any(e.type == "demonym" for t in toks for e in ent_mod.lookup(t.text)):
            # Common words are no place names: "à l'aube" is no Aube, "vers le sud" no Afrique du
            # Sud, "le cap" no Le Cap (a demonym, "les côtes vendéennes", is written in lower case).
            return text
        if keep_city:
            city = ent_mod.place_of(text)
            if city and ent_mod.fold(city) == ent_mod.fold(text):
                return city  # a move from Hamburg to Munich stays between cities, not "Allemagne"
        name = ent_mod.canonical(text)
        if ent_mod.fold(name) != ent_mod.fold(text):
            return name
        for tok in toks:
            if (tok.pos_ == "ADJ" or tok.text[:1].islower()) and any(e.type == "demonym" for e in ent_mod.lookup(tok.text)):
                demonym = ent_mod.canonical(tok.text)
                if ent_mod.fold(demonym) != ent_mod.fold(tok.text) and ent_mod.place_of(tok.text):
                    return demonym
        return name

    def _flows(self, sent: Span) -> list[_Flow]:
        flows = []
        transfer = self.lex.events.get("transfer", frozenset())
        receive = self.lex.events.get("receive", frozenset())
        move = self.lex.events.get("move", frozenset())
        flow_verbs = transfer | receive | move
        flow_nouns = transfer | move
        for i in range(sent.start, sent.end):
            lemma = self._lemma[i]
            if lemma not in flow_verbs:
                continue
            verb = self.doc[i]
            if verb.pos_ == "NOUN" and lemma in flow_nouns:
                flow = self._noun_flow(verb, sent, kind="transfer" if lemma in transfer else "move")
                if flow is not None:
                    flows.append(flow)
                continue
            if verb.pos_ != "VERB":
                continue
            if verb.dep_ == "advcl" and any(c.lower_ == "après" for c in verb.children):
                continue  # the "après avoir balayé X" clause belongs to the main verb's flow
            kind = "transfer" if lemma in transfer else "receive" if lemma in receive else "move"
            flow = _Flow(verb, "", None)
            subj = self._subject_token(verb)
            subj_pass = next((k for k in verb.children if k.dep_ == "nsubj:pass"), None)
            if (subj is None and subj_pass is None and verb.dep_ == "xcomp" and verb.head.pos_ == "VERB"
                    and any(k.dep_ == "aux:pass" for k in verb.children)):
                # "une dizaine de patients ont dû être transférés": what moved is the modal verb's subject
                subj_pass = self._subject_token(verb.head)
            obj = next((k for k in verb.children if k.dep_ == "obj"), None)
            places = self._place_phrases(verb, sent)
            ends = [self._endpoint(toks, keep_city=kind == "move") for toks, _ in places]
            for k, (toks, prep) in enumerate(places):
                name = ends[k]
                if not name:
                    continue
                if subj is not None and any(t.i == subj.i for t in toks):
                    continue
                prep = prep.lower()
                if prep.startswith(("vers", "en direction", "à destination", "a destination", "jusqu", "pour rejoindre")) or (
                    prep == "pour" and kind == "move"
                ):
                    flow.destinations.append(name)
                elif prep.startswith(("en provenance", "au départ", "au depart", "depuis", "auprès", "aupres")):
                    flow.origins.append(name)
                elif prep in {"de", "du", "des", "d'", "d’"}:
                    if kind in {"move", "receive"} or lemma in {"partir", "venir"}:
                        flow.origins.append(name)
                    elif _attached_to(toks, verb) or self._before_destination(toks, places[k + 1:]):
                        # "envoyées de l'Espagne": a place the verb itself takes with "de" is where
                        # the goods left (a "de" inside a noun phrase, "le café d'Éthiopie", is not),
                        # and so is "de X" right before "vers Y", wherever the parser hung it.
                        flow.origins.append(name)
                elif prep in {"à", "a", "au", "aux", "en"} and not any(ch.isupper() for ch in name) and name == _join(
                        [t for t in toks if t.pos_ not in {"DET", "ADP"}]).lower():
                    continue  # "parti à l'aube", "au nord": a time or a bearing, no place reached
                elif prep in {"à", "a", "au", "aux", "en"}:
                    # "livrer à X", "envoyés en X", "arrivé à X"; but "évacués à X" is where it happened
                    # — unless an origin "de W" comes right before: "mutés de W à X" is a way.
                    after_origin = k > 0 and places[k - 1][1].lower() in {"de", "du", "des", "d'", "d’"} and ends[k - 1] in flow.origins
                    if kind == "move" or after_origin or (kind == "transfer" and lemma in self.lex.roles.get("dative", ())):
                        flow.destinations.append(name)
                elif prep == "par" and subj_pass is not None:
                    flow.origins.append(name)
                elif prep == "" and kind == "move" and obj is not None and any(t.i == obj.i for t in toks):
                    if lemma in self.lex.roles.get("dest_verb", ()):
                        flow.destinations.append(name)
                    elif lemma in self.lex.roles.get("origin_verb", ()):
                        flow.origins.append(name)
            # "Après avoir balayé X, … a atteint Y": X came first.
            for child in verb.children:
                if child.dep_ == "advcl" and any(c.lower_ == "après" for c in child.children):
                    cobj = [k for k in child.children if k.dep_ == "obj"]
                    for o in cobj:
                        for t in [o, *[c for c in o.children if c.dep_ == "conj"]]:
                            name = self._endpoint(self._np_tokens(t))
                            if name:
                                flow.origins.append(name)
            if kind == "transfer":
                if subj is not None and subj.lower_ not in _PRONOUN_SUBJECTS:
                    name = self._endpoint(self._np_tokens(subj))
                    if name and self._is_place_like(subj):
                        flow.origins.insert(0, name)
                moved = _partitive_head(subj_pass or obj)
                flow.mover_token = moved
                flow.mover = "" if moved is None else self._mover_name(moved) if moved.pos_ == "PROPN" else moved.lemma_.lower()
            elif kind == "receive":
                if subj is not None and self._is_place_like(subj):
                    flow.destinations.insert(0, self._endpoint(self._np_tokens(subj)))
                flow.mover_token = obj
                flow.mover = obj.lemma_.lower() if obj is not None else ""
            else:
                if subj is None and verb.dep_.startswith("acl") and verb.head.pos_ in {"NOUN", "PROPN"}:
                    subj = verb.head  # "le bus, parti de Limoges à destination de Poitiers, …"
                elif subj is None and verb.dep_ == "xcomp" and verb.head.pos_ in {"VERB", "AUX"}:
                    subj = self._subject_token(verb.head)  # "Nathalie, qui devait rejoindre Toulouse depuis Paris"
                if subj is not None:
                    subj = _partitive_head(subj)
                    flow.mover_token = subj
                    flow.mover = self._mover_name(subj)
            flow.origins = list(dict.fromkeys(x for x in flow.origins if x))
            flow.destinations = list(dict.fromkeys(x for x in flow.destinations if x and x not in flow.origins))
            if flow.origins or flow.destinations:
                flows.append(flow)
        return _joined_moves(flows, move)

    def _noun_flow(self, noun: Token, sent: Span, *, kind: str) -> _Flow | None:
        """A movement told by its noun: "le transfert en France de fonctions assurées depuis l'Inde",
        "le transfert de la production vers la Pologne". Where it went: the noun's own "vers",
        "en", "à", "jusqu'à" phrases; where from: "depuis", "de" a place; what moved: its "de"
        complement that is not a place. Both ends must be read from the noun's own phrase."""
        flow = _Flow(noun, "", None)
        for toks, prep in self._place_phrases(noun, sent):
            name = self._endpoint(toks, keep_city=kind == "move")
            if not name or not any(ch.isupper() for ch in name):
                continue
            prep = prep.lower()
            if prep.startswith(("vers", "en direction", "à destination", "a destination", "jusqu")) or prep in {"à", "a", "au", "aux", "en"}:
                flow.destinations.append(name)
            elif prep.startswith(("depuis", "en provenance", "au départ", "au depart")) or prep in {"de", "du", "des", "d'", "d’"}:
                flow.origins.append(name)
        moved = next((c for c in noun.children if c.dep_ == "nmod" and c.pos_ == "NOUN" and not c.ent_type_
                      and any(x.dep_ == "case" and x.lower_ in {"de", "des", "du", "d'", "d’"} for x in c.children)), None)
        if moved is None:
            return None  # nothing said to move: "le départ de Lyon" may be anyone's
        for part in (c for c in noun.subtree if c.dep_ == "acl" and c.pos_ == "VERB" and c.i > moved.i):
            # "des fonctions jusqu'ici assurées depuis l'Inde": where what moves was until then
            for toks, prep in self._place_phrases(part, sent):
                name = self._endpoint(toks)
                if name and any(ch.isupper() for ch in name) and prep.lower().startswith("depuis"):
                    flow.origins.append(name)
        flow.origins = list(dict.fromkeys(flow.origins))
        flow.destinations = list(dict.fromkeys(x for x in flow.destinations if x not in flow.origins))
        if not flow.origins and not flow.destinations:
            return None
        moved = _partitive_head(moved)
        flow.mover_token, flow.mover = moved, moved.lemma_.lower()
        return flow

    def _before_destination(self, toks: Sequence[Token], following: Sequence[tuple[list[Token], str]]) -> bool:
        """Is the place phrase directly followed by a destination phrase ("de X vers Y")?"""
        if not following:
            return False
        nxt, prep = following[0]
        gap = self.text[toks[-1].idx + len(toks[-1].text):nxt[0].idx]
        return bool(_DESTINATION_GAP.fullmatch(gap)) and prep.lower().startswith(
            ("vers", "en direction", "à destination", "a destination", "jusqu")
        )

    def _is_place_like(self, token: Token) -> bool:
        """A state, a region, a city or a people ("les Allemands", "le régime iranien") — what a
        transfer leaves or reaches; not a person."""
        if token.ent_type_ == "PER":
            return False
        if token.ent_type_ == "LOC":
            return True
        text = self._np_text(token)
        return bool(ent_mod.place_of(text) or any(ent_mod.place_of(t.text) for t in token.subtree if t.pos_ == "ADJ"))

    def _mover_name(self, token: Token) -> str:
        if token.pos_ == "PROPN":
            ent = next((e for e in self._ents if e.start <= token.i < e.end), None)
            text = _name_part(ent, self._common).text if ent is not None else self._np_text(token)
            return self.resolver.resolve(ent_mod.canonical(text))
        lemma = token.lemma_.lower()
        return self._named_nouns.get(lemma, lemma)

    def _np_tokens(self, token: Token) -> list[Token]:
        toks = [t for t in token.subtree if t.dep_ not in {"conj", "cc", "acl:relcl", "punct", "appos"}]
        sub_conj = set()
        for t in token.subtree:
            if t.dep_ == "conj" and t.head.i == token.i:
                sub_conj.update(x.i for x in t.subtree)
        toks = [t for t in toks if t.i not in sub_conj and t.pos_ != "DET"]
        return sorted(toks, key=lambda t: t.i)

    def _place_phrases(self, verb: Token, sent: Span) -> list[tuple[list[Token], str]]:
        """Place phrases in a verb's clause with the preposition written before each."""
        clause = {t.i for t in verb.subtree}
        # Nested clauses keep their own phrases, except "pour rejoindre X" which completes this one;
        # so do relative clauses ("…, où des averses sont attendues sur la côte").
        for t in verb.subtree:
            if t.i == verb.i:
                continue
            if (t.pos_ == "VERB" and t.dep_ not in {"advcl", "xcomp"}) or t.dep_ == "acl:relcl":
                clause -= {x.i for x in t.subtree}
        phrases = []
        seen: set[int] = set()
        candidates: list[list[Token]] = []
        for ent in sent.ents:
            if ent.label_ in {"LOC", "ORG"} or ent_mod.country_of(ent.text):
                candidates += _verbless_parts(list(ent))
        for tok in sent:
            if tok.pos_ in {"NOUN", "ADJ", "PROPN"} and tok.ent_iob_ == "O" and ent_mod.country_of(tok.text):
                candidates.append([tok])
            if tok.lemma_.lower() in _NAMED_PLACE_HEADS and tok.i + 1 < sent.end:
                tail = [t for t in tok.subtree if t.i >= tok.i and t.dep_ not in {"acl:relcl", "punct"}]
                tail = [t for t in tail if t.i - tok.i <= 4]
                if any(t.pos_ in {"PROPN", "ADJ"} for t in tail[1:]):
                    candidates.append(tail)
        # A place never runs into a date ("la place du Capitole dimanche matin" as one
        # entity): cut a candidate at the first token of a date expression.
        candidates = [c[: next((k for k, t in enumerate(c) if self._in_date(t)), len(c))] for c in candidates]
        candidates = [c for c in candidates if c]
        candidates.sort(key=lambda c: (c[0].i, -len(c)))
        for toks in candidates:
            if toks[0].i not in clause or toks[0].i in seen:
                continue
            seen.update(t.i for t in toks)
            if phrases:
                last_toks, last_prep = phrases[-1]
                gap = self.text[last_toks[-1].idx + len(last_toks[-1].text):toks[0].idx]
                if last_prep and _COORDINATED.fullmatch(gap):
                    # "en direction de la Bourgogne puis des Vosges": the same role again
                    phrases.append((toks, last_prep))
                    continue
            opening = self.text[sent.start_char:toks[0].idx]
            if toks[0].idx < verb.idx and re.fullmatch(r"\W*(?:[àa]|au|aux|en|dans|sur)\s+(?:la\s+|le\s+|les\s+|l['’])?", opening, re.I) and "," in self.text[toks[-1].idx:verb.idx]:
                continue  # "À Dijon, 120 personnes ont été évacuées": where it happened, not where they went
            between = self.text[min(verb.idx, toks[0].idx):max(verb.idx, toks[0].idx)]
            if re.search(r"(?:^|[\s,])(?:avec|sans|selon|malgré)\s", between):
                continue  # "…, avec des vagues de 8 m au cap Ferret": not where it went
            before = self.text[max(sent.start_char, toks[0].idx - 40):toks[0].idx]
            m = _DIRECTION_BEFORE.search(before)
            prep = re.sub(r"\s+(?:l['’]|la|le|les)$", "", m.group("prep")) if m else ""
            if _RELATIVE_POSITION.search(before):
                prep = ""  # "au nord-est de Grenade": where it lies, not where it went
            site = _SITE_OF.search(before)
            if site and prep.lower() in {"de", "du", "des", "d'", "d’"}:
                prep = site.group("prep")  # "vers son usine de Brno": the direction governs the site
            phrases.append((toks, prep.strip()))
        return phrases

    # ---------------------------------------------------------------- claims
    def _base(self, info: _SentInfo, kind: str, start: int, end: int, value: str) -> dict:
        sent = info.span
        return {
            "claim_id": "",
            "doc_id": self.article.doc_id,
            "kind": kind,
            "text": self.text[start:end],
            "start": start,
            "end": end,
            "value": value,
            "sentence": info.text.strip(),
            "section": info.section,
            "paragraph": info.paragraph,
            "sent_start": sent.start_char,
            "sent_end": sent.end_char,
        }

    def _quantity_claims(
        self, info: _SentInfo, para_place: dict[int, str], para_source: dict[int, str], para_unit: dict[int, list]
    ) -> Iterable[Claim]:
        segments = self._segments(info)
        units = para_unit.setdefault(info.paragraph, [])
        prev_part: int | None = None
        for q, seg in zip(info.quantities, segments):
            counted_tok, complement = self._counted(q, info.span)
            unit = q.unit or ""
            measure_tok = None
            if q.unit and q.unit != "%" and q.unit not in _MONEY:
                # "deux jours de fermeture", "14 mètres de haut": the unit is the anchor, the noun after
                # it says what is measured
                span = self._tokens(q.num_start, q.end)
                measure_tok = span[-1] if span is not None and len(span) else None
                if counted_tok is not None:
                    complement = counted_tok.lemma_.lower()
                    counted_tok = None
            place_from_unit = ""
            if counted_tok is not None:
                for child in counted_tok.children:
                    if child.dep_ == "amod" and child.pos_ == "ADJ" and ent_mod.place_of(child.text):
                        place_from_unit = ent_mod.place_of(child.text) or ""
            if not unit and counted_tok is not None:
                lemma = _CASUALTY_WORDS.get(counted_tok.lower_) or counted_tok.lemma_.lower()
                if counted_tok.text[:1].isupper() and ent_mod.place_of(counted_tok.text):
                    place_from_unit = ent_mod.place_of(counted_tok.text) or ""
                    lemma = "personne"
                unit = lemma
            if not unit and counted_tok is None:
                before = self._concept_before(q)
                if before in self.lex.measure_before:
                    unit = before  # "une secousse de magnitude 3,7", "un taux de 12 %"
            if counted_tok is not None and not q.unit and unit:
                # "emplois saisonniers", "blessés légers": a subset of what the bare noun counts
                restrict = sorted({c.lemma_.lower() for c in counted_tok.children if c.dep_ == "amod" and c.lemma_.lower() in self.lex.restrictive})
                if restrict:
                    unit = " ".join([unit, *restrict])
            if not complement and (not q.unit or measure_tok is not None):
                before = self._concept_before(q)
                if before and before not in self.lex.measure_before:
                    complement = before  # "une fermeture administrative de quatre jours": four days of closure
            label = self._label(info, q)
            if q.unit in _MONEY:
                # What a sum measures: "un chiffre d'affaires de 3,4 milliards", "une perte de 27 M€"
                complement = self._concept_before(q, through_a=False) or self._concept_after(q) or complement
            if q.unit in _MONEY or q.unit == "%":
                complement = complement or (label if label[:1].islower() else "")
            if q.unit == "%" and not complement:
                complement = self._concept_before(q)  # "une participation de près de 57 %"
            reference = ""
            if q.unit in _DISTANCES:
                reference = self._distance_reference(q)
                if reference:
                    complement = f"de {reference}"
            if not unit and _AMONG.match(self.text[q.end:q.end + 24]):
                # "52 400 d'entre eux": a part of what an earlier figure of the article counted
                earlier = [u for p in sorted(para_unit) if p <= info.paragraph for u in para_unit[p]]
                unit = _inherited_unit(earlier, q.value)
            if not unit:
                unit = _inherited_unit(units, q.value)
            if counted_tok is not None and not q.unit:
                units.append((unit, q.value))
            elif q.unit == "%" and counted_tok is not None:
                complement = counted_tok.lemma_.lower()  # "18,4 % de grévistes": a share of grévistes
                units.append((complement, None))  # "75 % des abonnés" → later bare figures count abonnés
            noun = counted_tok if counted_tok is not None else measure_tok
            anchor = noun if noun is not None else self._first_token(q)
            start_tok = anchor.head if noun is not None and anchor is not None and anchor.head.i != anchor.i else anchor
            pred = self._predicate(start_tok, include_self=True) if start_tok is not None else None
            if noun is not None and (pred is None or pred.is_punct or pred.i == noun.i):
                # "• 140 postes supprimés": the participle that qualifies the counted noun
                pred = next((c for c in noun.children if c.dep_ in {"acl", "amod"} and c.pos_ == "VERB"), pred)
            if not unit and pred is not None:
                unit = _counted_by_subject(pred)  # "le nombre de chômeurs a progressé de 54 000"
            seg_text = self.text[seg[0]:seg[1]]
            window = self._window(info, seg, q)
            source = self._source((q.start, q.end), seg, pred, para_source.get(info.paragraph, ""))
            if source:
                para_source[info.paragraph] = source
            flow = self._flow_for(info, anchor, q)
            exclude = {ent_mod.fold(x) for x in ((flow.origins + flow.destinations) if flow else [])}
            exclude |= {ent_mod.fold(w) for w in re.findall(r"[A-ZÉÈ][\w'’-]+", source)} if source else set()
            if reference:
                exclude.add(ent_mod.fold(reference))  # "à 40 km de Grenade": a landmark, not the place
            if counted_tok is not None:
                exclude.add(ent_mod.fold(counted_tok.text))  # "six hélicoptères": what is counted is no place
            if flow:
                place = ""  # a transfer's endpoints say where; its "place" would only repeat them
            else:
                place = (
                    place_from_unit
                    or self._places(info, seg, exclude, "", fallback=False)
                    or self._subject_place(pred, exclude)
                    or self._places(info, seg, exclude, para_place.get(info.paragraph, ""))
                )
            before = self.text[max(info.span.start_char, q.start - 24):q.start].lower()
            scope = "part" if re.search(r"\bdont\s*$", before) or self._among(q, info) else ""
            if self._out_of(q, info) or re.search(
                rf"(?:\d|\b{_NUMBER_WORD})\s+(?:des|d['’]entre\s+les)\s+$",
                before,
                re.I,
            ):
                scope = "base"  # "120 sièges sur les 577 attribués": 577 is what the figure is out of
            elif unit == "an" and re.search(r"(?:^|\s)[àa]\s+$", before):
                scope = "age-at"  # "lancé en Top 14 à 20 ans": an age at a past event
            if not scope and prev_part is not None and re.fullmatch(r"[^;.:]*?\bet\s*", self.text[prev_part:q.start]):
                scope = "part"  # "dont 21,5 % dans les collèges et 17,2 % dans les lycées"
            prev_part = q.end if scope else None
            if q.qualifier == "range" or q.vague:
                value = f"{_fmt_number(q.low)}/{_fmt_number(q.high)}"
            else:
                value = _fmt_number(q.value)
            if (q.unit == "%" or q.unit in _MONEY) and not complement and pred is not None and pred.lemma_.lower() in _LEVEL_VERBS:
                # "Le taux de participation s'établit à 58,3 %", "Le bénéfice progresse à 145 M€":
                # the subject of a verb of level is what the figure measures
                subj = self._subject_token(pred)
                if subj is not None and subj.pos_ == "NOUN":
                    complement = self._compound_noun(subj)
            subject = self._subject(pred) or (label if label[:1].isupper() and not ent_mod.place_of(label) else "")
            base = self._base(info, "quantity", q.start, q.end, value)
            modality = self._final_modality(pred, seg_text, source)
            qualifier, low, high = q.qualifier, q.low, q.high
            if modality == "negated" and q.qualifier == "eq" and pred is not None and pred.lemma_.lower() in _THRESHOLD_VERBS:
                # "le cap des 250 000 spectateurs n'a pas été franchi": fewer than 250 000, a figure
                # the sentence asserts as a bound
                qualifier, low, high, modality = "lt", None, q.value, "asserted" if not source else "reported"
            yield Claim(
                **base,
                unit=unit,
                qualifier=qualifier,
                low=low,
                high=high,
                counted=complement,
                subject=subject,
                predicate=self._pred_lemma(pred) if pred is not None else "",
                object=flow.mover if flow else "",
                origin="; ".join(flow.origins) if flow else "",
                destination="; ".join(flow.destinations) if flow else "",
                place=place,
                event_date=self._event_date(info, window, q.start),
                source=ent_mod.canonical(source) if source else "",
                modality=modality,
                aspect="change" if _DIFFERENCE.match(self.text, q.end) or _margin(self.text, q, info.span.start_char) else self._aspect(
                    self.text[window[0]:window[1]] + " " + self._frame_text(info, q), pred),
                scope=scope,
                entities=self._sentence_entities(info),
                event=self._event_classes(info.span, pred, unit),
            )

    def _window(self, info: _SentInfo, seg: tuple[int, int], q: QuantityMatch) -> tuple[int, int]:
        """The figure's own clause: from the separator before it to the separator after it."""
        left, right = seg
        cuts, sent = self._window_cuts, info.span
        k = bisect.bisect_left(cuts, min(q.start, sent.end_char)) - 1
        if k >= 0 and cuts[k] >= max(seg[0], sent.start_char):
            left = cuts[k]  # the last separator before the figure
        k = bisect.bisect_left(cuts, max(q.end, sent.start_char))
        if k < len(cuts) and cuts[k] < min(seg[1], sent.end_char):
            right = cuts[k]  # the first one after it
        return left, right

    def _label(self, info: _SentInfo, q: QuantityMatch) -> str:
        """The label of a "Label : figure" line (key points, tables): "Budget : 2,4 M€" → budget; of
        each item of such a line ("Nouveau Front populaire : 182 sièges ; Ensemble : 168" → the name
        before each figure); or the name a figure is set in brackets after ("Mulugeta Uma (2h05'33)")."""
        sent_start = info.span.start_char
        before = self.text[sent_start:q.start]
        bracket = re.search(r"([A-ZÉÈÀÎÔ][\w'’\-]+(?:\s+(?:de\s+|d['’]|du\s+|la\s+|le\s+)?[A-ZÉÈÀÎÔ][\w'’\-]+){0,4})\s*\(\s*$", before)
        if bracket and re.match(r"\s*(?:[^\W\d]+\s*){0,2}\)", self.text[q.end:q.end + 24]):
            span = self._tokens(sent_start + bracket.start(1), sent_start + bracket.end(1))
            if span is not None and any(t.pos_ == "PROPN" for t in span):
                return self.resolver.resolve(ent_mod.canonical(bracket.group(1)))
        cut = max(before.rfind(x) for x in (";", "•", "|", "·"))
        seg_start = cut + 1 if cut >= 0 else 0
        seg = before[seg_start:]
        m = re.match(r"[\s•·\-–—*]*([^\W\d][^:;,.()]{0,40}?)\s*:\s+(?:[^\s:;]+\s+){0,2}$", seg)
        if not m or len(m.group(1).split()) > 4:
            return ""
        at = sent_start + seg_start + m.start(1)
        span = self._tokens(at, at + len(m.group(1)))
        if span is None:
            return ""
        nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"}]
        if not nouns:
            return ""
        if cut >= 0 and m.group(1)[:1].isupper():
            return m.group(1).strip()  # "… ; RN et alliés : 143": the item's name
        head = nouns[0]
        if head.pos_ == "PROPN" and head.lower_ not in self._common:
            return head.text  # "SPD : 120 sièges": a name
        return head.lemma_.lower()  # "Budget : 2,4 M€": what the figure is

    def _frame_text(self, info: _SentInfo, q: QuantityMatch) -> str:
        """The sentence's opening phrase before its first comma ("Au plus fort de la crue, …"), when the
        figure is not in it: it frames every figure of the sentence."""
        text = info.text.lstrip("•·-–—* \t")
        cut = text.find(",")
        offset = info.span.start_char + len(info.text) - len(text)
        if cut < 0 or offset + cut > q.start or not _FRAME_OPENER.match(text):
            return ""
        return text[:cut]

    def _final_modality(self, pred: Token | None, seg_text: str, source: str) -> str:
        modality = self._modality(pred, seg_text)
        if modality == "asserted" and source:
            return "reported"
        return modality

    def _first_token(self, q: QuantityMatch) -> Token | None:
        span = self._tokens(q.num_start, q.num_end)
        return span[0] if span is not None and len(span) else None

    def _flow_for(self, info: _SentInfo, anchor: Token | None, q: QuantityMatch | None = None) -> _Flow | None:
        if anchor is None:
            return None
        # The moved thing is the counted noun, or the measure word of the figure itself
        # ("500 000 tonnes de blé": the verb's object is "tonnes", the counted noun "blé").
        own = {anchor.i}
        if q is not None:
            span = self._tokens(q.num_start, q.end)
            own |= {t.i for t in span} if span is not None else set()
        for flow in info.flows:
            if flow.mover_token is not None and flow.mover_token.i in own:
                return flow
        for flow in info.flows:
            if anchor.i in {t.i for t in flow.verb.subtree} and flow.mover_token is None:
                return flow
        return None

    def _subject(self, pred: Token | None) -> str:
        if pred is None:
            return ""
        subj = self._subject_token(pred) or next((k for k in pred.children if k.dep_ == "nsubj:pass"), None)
        if subj is None or subj.lower_ in _PRONOUN_SUBJECTS:
            return ""
        named_noun = subj.text[:1].isupper() and subj.i > subj.sent.start and subj.lower_ not in self._common
        person = self.designated(subj.text)
        if person:
            return person  # "le Slovène" for the one person the article calls so
        if subj.pos_ == "PROPN" or (len(subj.text) > 1 and subj.text.isupper()) or named_noun:
            ent = next((e for e in self._ents if e.start <= subj.i < e.end), None)
            text = _name_part(ent, self._common).text if ent is not None else self._np_text(subj, 5)
            return self.resolver.resolve(ent_mod.canonical(text))
        return self._named_nouns.get(subj.lemma_.lower(), subj.lemma_.lower())

    def _subject_token(self, verb: Token) -> Token | None:
        """The verb's subject; when the parser took a noun from before a colon ("Vitrines brisées,
        rues bloquées : le cortège a traversé …"), the first noun between the colon and the verb."""
        subj = next((k for k in verb.children if k.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in {"qui", "lequel", "laquelle"} and verb.dep_ == "acl:relcl":
            # "l'orage qui a frappé …": the antecedent, the noun written right before "qui" (the
            # parser may hang the clause elsewhere: "D'après X, vice-président …, la voiture, qui venait …")
            i = subj.i - 1
            while i > verb.sent.start and (self.doc[i].is_punct or self.doc[i].pos_ == "ADJ"):
                i -= 1
            before = self.doc[i]
            if before.pos_ in {"NOUN", "PROPN"} and not any(c.dep_ == "nummod" for c in before.children):
                return before if before.dep_ not in {"flat:name", "flat"} else before.head
            return verb.head  # "Nathalie, 52 ans, qui …": an age in apposition is not what "qui" stands for
        if subj is None or subj.i > verb.i:
            return subj
        colons = [t for t in self.doc[subj.i:verb.i] if t.text == ":"]
        if colons:
            nouns = [t for t in self.doc[colons[-1].i + 1:verb.i] if t.pos_ in {"NOUN", "PROPN"}]
            if nouns:
                return nouns[0]
        return subj

    def _object(self, pred: Token | None) -> str:
        """What the event moves: the subject of a movement ("la tempête" → its name), the object
        of a transfer ("des médicaments" → médicament)."""
        if pred is None:
            return ""
        if pred.lemma_.lower() in self.lex.events.get("move", ()):
            subj = self._subject_token(pred)
            return self._mover_name(subj) if subj is not None and subj.lower_ not in _PRONOUN_SUBJECTS else ""
        obj = next((k for k in pred.children if k.dep_ in {"obj", "nsubj:pass"}), None)
        return obj.lemma_.lower() if obj is not None and obj.pos_ == "NOUN" else ""

    def _clause_entities(self, info: _SentInfo, pred: Token | None) -> str:
        """The actors of a dated event: the names inside its predicate's clause (for "une rencontre
        avec le Japon en 2017", Japan — not the Germany of the main clause)."""
        if pred is None:
            return self._sentence_entities(info)
        subtree = list(pred.subtree)
        ids = {t.i for t in subtree}
        if pred.pos_ == "VERB":  # a relative clause inside is another event's
            ids -= {x.i for a in subtree if a.dep_ == "acl:relcl" and a.i != pred.i for x in a.subtree}
        names = [c for e, c in info.entities if e.start in ids and c]
        return "; ".join(dict.fromkeys(names))

    def _sentence_entities(self, info: _SentInfo) -> str:
        return "; ".join(dict.fromkeys(c for _, c in info.entities if c))

    def _date_claims(self, info: _SentInfo) -> Iterable[Claim]:
        for d in (*info.dates, *info.times):
            span = self._tokens(d.start, d.end)
            anchor = span.root if span is not None and len(span) else None
            pred = None
            if anchor is not None and anchor.head.i != anchor.i:
                head = anchor.head
                # "l'orage du 14 mai": the event noun the date completes; otherwise the verb
                opener = self.text[max(0, d.start - 4):d.start].lower()
                if head.pos_ == "NOUN" and self.lex.event_classes(head.lemma_) and re.search(r"\b(?:du|de|d['’])\s*$", opener):
                    pred = head
                else:
                    pred = self._predicate(head)
                    if pred is not None and pred.pos_ != "VERB":
                        pred = None  # a headline's root noun is no event the date belongs to
            elif anchor is not None:
                pred = anchor
            if pred is not None and pred.pos_ not in {"VERB", "NOUN"}:
                pred = None
            if pred is None and span is not None:
                pred = self._apposed_to(span)
            predicate = self._pred_lemma(pred) if pred is not None else ""
            # Light verbs take their meaning from their noun: "la décision prise en mai".
            if pred is not None and pred.dep_ in {"acl", "amod"} and pred.head.pos_ == "NOUN":
                predicate = pred.head.lemma_.lower()
            seg = (info.span.start_char, info.span.end_char)
            base = self._base(info, "date", d.start, d.end, d.value)
            flow = next((f for f in info.flows if pred is not None and f.verb.i == pred.i), None)
            yield Claim(
                **base,
                unit=d.precision,
                qualifier="range" if "/" in d.value else "eq",
                subject=pred.lemma_.lower() if pred is not None and pred.pos_ == "NOUN" else self._subject(pred),
                predicate=predicate,
                object=flow.mover if flow else self._object(pred),
                origin="; ".join(flow.origins) if flow else "",
                destination="; ".join(flow.destinations) if flow else "",
                event_date=d.value,
                place=self._places(info, seg, set(), ""),
                modality=self._modality(pred, ""),
                entities=self._clause_entities(info, pred),
                event=self._date_event(info.span, pred),
            )

    def _date_of_verb(self, info: _SentInfo, lemma: str, verb_i: int = -1) -> str:
        """The date of an act told by a verb: the sentence's date that hangs on that verb, else one
        that hangs on no other verb ("selon le budget voté hier, IDFM versera l'an prochain …" dates
        the payment to next year, not to the vote)."""
        free = ""
        for d in info.dates:
            span = self._tokens(d.start, d.end)
            if span is None or not len(span):
                continue
            verb = span.root
            for _ in range(4):
                if verb.pos_ == "VERB" or verb.head.i == verb.i:
                    break
                verb = verb.head
            if verb.pos_ != "VERB":
                free = free or d.value
            elif verb.i == verb_i or (verb_i < 0 and verb.lemma_.lower() == lemma):
                return d.value
        return free

    def _apposed_to(self, span: Span) -> Token | None:
        """The noun a date is set off after by commas: "Après la démission, le 29 novembre, de
        l'éclaireur …" dates the resignation, whatever the parser made of the sentence."""
        i = span.start - 1
        doc = self.doc
        while i >= 0 and doc[i].pos_ == "DET":
            i -= 1
        if i < 1 or doc[i].text != "," or span.end >= len(doc) or doc[span.end].text != ",":
            return None
        noun = doc[i - 1]
        return noun if noun.pos_ == "NOUN" else None

    def _unnamed_quotes(self, info: _SentInfo, unnamed: list) -> Iterable[Claim]:  # type: ignore[type-arg]
        """Quotations whose speaker a pronoun stands for, or that go on with the speech of a person
        named before in the paragraph: given to the last person the paragraph named (outside
        quotations), the row anchored, as every speaker's, to that person's name — in the sentence
        that names who speaks ("Pour Catherine Vautrin, … . « … », a-t-elle ajouté")."""
        last = self._last_person.get(info.paragraph)
        if not last:
            return
        person, start, end, where = last
        for q in unnamed:
            base = self._base(where, "entity", start, end, person)
            yield Claim(**base, unit="PER", source=person, predicate=q.verb, object=f"« {q.text} »", event="quote",
                        entities=self._sentence_entities(where))

    def _entity_claims(self, info: _SentInfo) -> Iterable[Claim]:
        flows_by_mover = {f.mover_token.i: f for f in info.flows if f.mover_token is not None}
        found = roles.quotes(info.span, info.entities)
        said: dict[int, list] = {}  # type: ignore[type-arg]
        for q in found:
            if q.speaker is not None:
                said.setdefault(q.speaker.start, []).append(q)  # each quotation of a speaker is a row
        yield from self._unnamed_quotes(info, [q for q in found if q.speaker is None])
        quoted = roles.quoted_ranges(info.span)
        for ent, canonical in info.entities:
            if ent.label_ == "PER" and not any(a <= ent.start_char < b for a, b in quoted):
                self._last_person[info.paragraph] = (canonical or ent.text, ent.start_char, ent.end_char, info)
        names = {ent.start: canonical for ent, canonical in info.entities}
        # An act is told on its named doer's row, or on its receiver's when the doer is a role.
        acts = {}
        for r in roles.relations(info.span, info.entities):
            acts.setdefault(r.agent.start if r.agent.start in names else r.patient.start, r)
        ways = {r.origin.start: r for r in roles.routes(info.span, info.entities)}
        for ent, canonical in info.entities:
            flow = next((flows_by_mover[t.i] for t in ent if t.i in flows_by_mover), None)
            base = self._base(info, "entity", ent.start_char, ent.end_char, canonical)
            said_here = said.get(ent.start) if flow is None else None
            if said_here:
                # The speaker of a quotation: who said it (source), the speech verb, what was said.
                for quote in said_here:
                    yield Claim(**base, unit=ent.label_, source=canonical or ent.text, predicate=quote.verb,
                                object=f"« {quote.text} »", event="quote", entities=self._sentence_entities(info))
                continue
            way = ways.get(ent.start) if flow is None else None
            if way is not None and not any(f.origins or f.destinations for f in info.flows):
                # One end of a way written "de P à Q" that no movement of the sentence carries.
                yield Claim(**base, unit=ent.label_, origin=canonical or ent.text,
                            destination=names.get(way.destination.start) or way.destination.text, event="route",
                            event_date=info.dates[0].value if info.dates else "", entities=self._sentence_entities(info))
                continue
            act = acts.get(ent.start) if flow is None else None
            if act is not None:
                # Who did what to whom: a named doer, a named receiver (one may be a role).
                yield Claim(**base, unit=ent.label_, subject=_party_name(act.agent, names, self.designated), predicate=act.verb,
                            object=_party_name(act.patient, names, self.designated), event="relation",
                            event_date=self._date_of_verb(info, act.verb, act.verb_i), entities=self._sentence_entities(info))
                continue
            yield Claim(**base, unit=ent.label_, **self._flow_fields(flow, info))
        # A movement whose mover is a common noun ("le cortège", "la crue") gets its own row.
        quantity_tokens = set()
        for q in info.quantities:
            span = self._tokens(q.start, q.end)
            if span is not None:
                quantity_tokens.update(t.i for t in span)
                quantity_tokens.update(t.i for t in span[-1:] for t in [span[-1]])
        for flow in info.flows:
            tok = flow.mover_token
            if tok is None or tok.ent_type_:
                continue
            if any(c.i in quantity_tokens and c.dep_ == "nummod" for c in tok.children) or tok.i in quantity_tokens:
                continue  # a counted mover ("500 camions") is carried by its quantity row (not "une fillette de 4 ans")
            base = self._base(info, "entity", tok.idx, tok.idx + len(tok.text), flow.mover)
            yield Claim(**base, unit="MOVER", **self._flow_fields(flow, info))

    def _flow_fields(self, flow: _Flow | None, info: _SentInfo) -> dict:
        if flow is None:
            return {}
        return {
            "predicate": flow.verb.lemma_.lower(),
            "object": flow.mover,
            "origin": "; ".join(flow.origins),
            "destination": "; ".join(flow.destinations),
            "modality": self._modality(flow.verb, ""),
            "event_date": info.dates[0].value if info.dates else "",
            "entities": self._sentence_entities(info),
        }


def _join(tokens: Sequence[Token]) -> str:
    """Tokens back to text: the article's own spacing where tokens are adjacent, one space elsewhere."""
    out = []
    for i, tok in enumerate(tokens):
        out.append(tok.text)
        if i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt.i == tok.i + 1:
                out.append(tok.whitespace_)
            elif not tok.text.endswith(("'", "’")):
                out.append(" ")
    return "".join(out).strip(" ,-–")


def _is_demonym(word: str) -> bool:
    entries = ent_mod.lookup(word)
    return bool(entries) and all(getattr(e, "type", "") == "demonym" for e in (entries if isinstance(entries, (list, tuple)) else [entries]))


# Verbs of reaching a mark: negated, they bound the figure from above ("n'a pas franchi la barre
# des 250 000", "n'a pas dépassé les 30 %", "sans atteindre 5 000").
_THRESHOLD_VERBS = frozenset({"franchir", "dépasser", "atteindre", "passer", "excéder", "égaler"})


def _verbless_parts(tokens: list[Token]) -> list[list[Token]]:
    """An entity the recogniser ran across a verb ("TER parti de Clermont-Ferrand"), cut at the verb
    and the preposition after it: ["TER"], ["Clermont-Ferrand"]; one it began with a preposition
    ("de Nîmes"), without it, so that the preposition is read before the place. Any other, whole."""
    while len(tokens) > 1 and tokens[0].pos_ == "ADP":
        tokens = tokens[1:]
    if not any(t.pos_ == "VERB" for t in tokens):
        return [tokens]
    parts: list[list[Token]] = [[]]
    for t in tokens:
        if t.pos_ in {"VERB", "AUX"} or (t.pos_ == "ADP" and not parts[-1]):
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(t)
    return [p for p in parts if p and any(t.pos_ in {"PROPN", "NOUN"} for t in p)]


def _party_name(span: Span, names: dict[int, str], designated=lambda text: "") -> str:  # type: ignore[no-untyped-def]
    """The name of a party of an act: the person a nationality stands for ("le Slovène"), its
    entity's canonical name, or a role's head noun lemma."""
    person = designated(span.text)
    if person:
        return person
    if span.start in names:
        return names[span.start] or span.text
    if len(span) == 1 and span[0].pos_ == "NOUN" and not (span[0].text.isupper() and len(span[0].text) > 1):
        return span[0].lemma_.lower()  # a role ("l'ancien maire" → maire); an acronym ("IDFM") stays as written
    return span.text


# Nouns that name a share of a group ("une partie des ouvriers", "la moitié des détenus"): what
# moved is the group they are of.
_PARTITIVE_HEADS = frozenset({"partie", "moitié", "majorité", "minorité", "tiers", "quart", "plupart",
                              "ensemble", "groupe", "reste", "dizaine", "centaine", "millier", "nombre"})


def _partitive_head(token: Token | None) -> Token | None:
    """The group a share is of: "une partie des ouvriers" → ouvriers; any other noun as it is."""
    if token is None or token.lemma_.lower() not in _PARTITIVE_HEADS:
        return token
    for child in token.children:
        if child.dep_ == "nmod" and child.pos_ in {"NOUN", "PROPN"} and any(
                c.dep_ == "case" and c.lower_ in {"de", "des", "d'", "d’", "du"} for c in child.children):
            return child
    return token


def _attached_to(tokens: Sequence[Token], verb: Token) -> bool:
    """Is the phrase an oblique of the verb itself (not a noun's complement)?"""
    ids = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    return any(r.head.i == verb.i and r.dep_.startswith("obl") for r in roots)


def _name_part(ent: Span, common: frozenset[str] = frozenset()) -> Span:
    """The name in a mention that starts with a common noun: "tempête Xynthia" → "Xynthia" (also
    "Tempête Xynthia" in a title, when the article writes "tempête" as a common noun elsewhere)."""
    i = 0
    while i < len(ent) - 1 and (
        (ent[i].text[:1].islower() and ent[i].pos_ in {"NOUN", "DET"}) or ent[i].lower_ in common
        or (i and ent[i].pos_ == "ADP")  # "usine de Dijon" → "Dijon"
    ):
        i += 1
    return ent[i:] if i and ent[i].text[:1].isupper() else ent


def _verb_lemmas(token: Token) -> set[str]:
    """The verb's lemma, and the infinitive of a present-tense -er form the lemmatizer left as
    written ("indique" → "indiquer", "signalent" → "signaler")."""
    lemma = token.lemma_.lower()
    forms = {lemma}
    if token.pos_ == "VERB" and lemma == token.lower_:
        forms |= {re.sub(r"(?:e|es|ent)$", "er", lemma)}
    return forms


@lru_cache(maxsize=4096)
def _lemma_phrase(phrase: str) -> str:
    """A multiword entry as the lemmatizer writes it ("coûter la vie" → "coûter le vie")."""
    return " ".join("le" if w in {"la", "les", "l'"} else w for w in phrase.split())


def _lemma(token: Token) -> str:
    """The predicate's lemma; pronominal verbs keep their "se" ("se rendre" is not "rendre")."""
    lemma = token.lemma_.lower()
    if any(k.lemma_ == "se" and k.dep_.startswith("expl") for k in token.children):
        return f"se {lemma}"
    return lemma


# A number written in words, by its first word ("trois", "vingt-deux", "cent cinquante").
_NUMBER_WORD = (r"(?:une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt|"
                r"trente|quarante|cinquante|soixante|cent|mille)\w*")
# A difference, not a level: "100 000 de plus que jeudi", "245 000 manifestants de moins", "2 points de plus".
_DIFFERENCE = re.compile(r"(?:\s+[^\W\d_]+){0,2}\s+de\s+(?:plus|moins)\b(?!\s+en\s+plus)(?!\s+d(?:e|u|es|['’]))", re.I)
# A margin is a difference, not a level: "sept secondes d'avance", "deux points d'écart", "avec un
# retard de 12 minutes", "n'a devancé Enat Tirusew que de deux secondes", "battu de trois longueurs".
_MARGIN_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,2}?\s*d['’]\s*(?:avance|écart|ecart|retard|avantage)\b", re.I)
_MARGIN_BEFORE = re.compile(
    r"(?:\b(?:avance|écart|ecart|retard|avantage|marge)\s+(?:de|d['’])\s*"
    r"|\b(?:devanc|battu|batt|précéd|preced|distanc|dominé|l['’]emport)\w*\s+(?:[^\s,;.]+\s+){0,4}?(?:que\s+)?(?:de|d['’])\s*)$",
    re.I,
)


def _margin(text: str, q: QuantityMatch, floor: int) -> bool:
    return bool(_MARGIN_AFTER.match(text, q.end) or _MARGIN_BEFORE.search(text[max(floor, q.start - 80):q.start]))


# "52 400 d'entre eux", "trois d'entre elles"
_AMONG = re.compile(r"\s*d['’]\s*entre\s+(?:eux|elles)\b", re.I)
# Subjects that name a count of what their complement says: "le nombre de chômeurs", "l'effectif des salariés".
_COUNT_NOUNS = frozenset({"nombre", "effectif", "total"})


def _counted_by_subject(pred: Token) -> str:
    """What a bare figure counts when its verb's subject is a count ("le nombre de chômeurs a
    progressé de 54 000" counts chômeurs)."""
    for subj in pred.children:
        if subj.dep_ in {"nsubj", "nsubj:pass"} and subj.lemma_.lower() in _COUNT_NOUNS:
            for c in subj.children:
                if c.dep_ == "nmod" and c.pos_ == "NOUN":
                    return _CASUALTY_WORDS.get(c.lower_) or c.lemma_.lower()
    return ""


def _inherited_unit(units: Sequence[tuple[str, float | None]], value: float) -> str:
    """A bare figure counts what the latest figure of a similar size counted ("6 300 manifestants
    selon la préfecture, plus de 22 000 selon les syndicats"); magnitudes a thousand times apart
    ("deux côtés" vs "2,4 millions") are not the same kind of count."""
    for unit, other in reversed(units):
        if not unit:
            continue
        if other is None or (other and value and 1e-3 <= abs(value / other) <= 1e3):
            return unit
    return ""


_COUNT_OWNER = re.compile(r"\b(?:du|de\s+la|de\s+l['’]|des|d['’]|par(?:\s+(?:les|le|la)\b|\s+l['’]|\s))\s*(?P<owner>.+)$", re.I)


def _count_source(np: str, count_nouns: frozenset[str]) -> str:
    """The source named by a phrase whose head is a count ("bilan", "décompte", "chiffres"): who
    made it ("selon le dernier bilan en date du ministère de la Santé" → "ministère de la Santé"),
    or nobody ("un précédent bilan" → ""). Any other phrase is kept as it is."""
    words = np.split()
    head = next((i for i, w in enumerate(words[:3]) if w.lower().rstrip("s") in count_nouns or w.lower() in count_nouns), None)
    if head is None:
        return np
    rest = " ".join(words[head + 1:])
    m = _COUNT_OWNER.search(rest)
    return _clean_np(m.group("owner")) if m else ""


def _clean_np(np: str) -> str:
    np = np.strip(" \t,;:.«»\"'’")
    np = re.sub(r"^(?:les|la|le|l['’]|des|du|de|d['’])(?:\s+|(?<=['’]))", "", np, flags=re.I)
    words = np.split()
    return " ".join(words[:10])


def _fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    if not math.isfinite(value):
        return ""
    if float(value).is_integer():
        return str(int(value))
    # The shortest decimal that reads back as the same float, never in exponent notation and never
    # rounded ("1 234 567,89" is 1234567.89, not 1.23457e+06).
    return format(Decimal(repr(float(value))), "f")


def _token_strings(doc: Doc) -> tuple[list[str], list[str]]:
    """Each token's lowercase form and lowercase lemma (one string lookup per distinct hash)."""
    import numpy
    from spacy.attrs import LEMMA, LOWER

    strings = doc.vocab.strings
    cols = doc.to_array([LOWER, LEMMA])
    hashes, inverse = numpy.unique(cols, return_inverse=True)
    texts = numpy.array([strings[h].lower() for h in hashes.tolist()], dtype=object)[inverse.reshape(cols.shape)]
    return texts[:, 0].tolist(), texts[:, 1].tolist()


def _lowercase_nouns(doc: Doc) -> frozenset[str]:
    """The words a Doc writes as lowercase common nouns (read from arrays: one look per distinct word)."""
    import numpy
    from spacy.attrs import ORTH, POS
    from spacy.parts_of_speech import NOUN

    cols = doc.to_array([ORTH, POS])
    strings = doc.vocab.strings
    words = (strings[h] for h in numpy.unique(cols[cols[:, 1] == NOUN, 0]).tolist())
    return frozenset(w.lower() for w in words if w[:1].islower())


def extract_claims(doc: Doc, article: Article) -> list[Claim]:
    """All claims of one parsed article, in text order, with stable ids `doc_id:NNNN`."""
    return ClaimExtractor(doc, article).extract()


def _joined_moves(flows: list[_Flow], move: frozenset[str]) -> list[_Flow]:
    """One movement told by two verbs is one flow: "la voiture, qui venait de Toulouse et filait
    vers Foix" (coordinated verbs), "le canot, parti du cap Gris-Nez, a dérivé vers Ambleteuse"
    (a participle on the subject of the other verb). The second verb's ends join the first's when
    one gives only where it came from and the other only where it went."""
    out: list[_Flow] = []
    for f in flows:
        host = next((g for g in out if _one_move(g, f, move)), None)
        if host is None:
            out.append(f)
            continue
        host.origins = list(dict.fromkeys([*host.origins, *f.origins]))
        host.destinations = list(dict.fromkeys(x for x in [*host.destinations, *f.destinations] if x not in host.origins))
        if host.mover_token is None:
            host.mover_token, host.mover = f.mover_token, f.mover
    return out


def _one_move(g: _Flow, f: _Flow, move: frozenset[str]) -> bool:
    if g.verb.lemma_.lower() not in move or f.verb.lemma_.lower() not in move:
        return False
    if not ((g.origins and not g.destinations and f.destinations and not f.origins)
            or (g.destinations and not g.origins and f.origins and not f.destinations)):
        return False
    x, y = g.verb, f.verb
    if (y.dep_ == "conj" and y.head.i == x.i) or (x.dep_ == "conj" and x.head.i == y.i):
        return True
    first, second = (x, y) if x.i < y.i else (y, x)
    doc = x.doc
    if second.dep_ == "conj" and doc[second.i - 1].lower_ in {"et", "puis"} and not any(
            t.pos_ in {"VERB", "AUX"} or t.text in {".", ";", ":"} for t in doc[first.i + 1:second.i - 1]):
        return True  # "qui venait de Toulouse et filait vers Foix", however the parser hung the second verb
    # a participle on the noun the other verb has for subject ("le canot, parti de X, a dérivé vers Y")
    for part, main in ((x, y), (y, x)):
        if part.dep_.startswith("acl") and any(c.i == part.head.i and c.dep_.startswith("nsubj") for c in main.children):
            return True
    return False


def _waiting(pred: Token) -> bool:
    """"attendre de savoir", "attendent que l'enquête aboutisse": to wait for something, not to
    expect a figure ("on attend 200 000 visiteurs")."""
    if pred.lemma_.lower() != "attendre":
        return False
    for k in pred.children:
        if k.dep_ in {"xcomp", "ccomp", "advcl"} and any(m.lower_ in {"de", "d'", "d’", "que", "qu'", "qu’"} and m.dep_ == "mark" for m in k.children):
            return True
    return False


def _with_ne(neg: Token, pred: Token) -> bool:
    """A "pas"/"jamais" that negates its verb comes with "ne" before the verb ("n'a pas pris",
    "ne sera jamais"); a "pas" without it is a phrase of its own ("Pas question de lever le camp",
    where the parser may hang it on a verb of the sentence before)."""
    lo, hi = min(neg.i, pred.i), max(neg.i, pred.i)
    return any(t.lower_ in {"ne", "n'", "n’"} for t in pred.doc[max(pred.sent.start, lo - 4):hi])


def _done_modal(token: Token) -> bool:
    """A modal verb in a compound past ("ont dû quitter", "a pu rentrer"): what had to or could be
    done was done — an obligation or an ability met, not a hedge. (In the conditional, "auraient dû",
    the auxiliary's mood makes it hedged before this is asked.)"""
    return "Part" in token.morph.get("VerbForm") and any(c.pos_ == "AUX" for c in token.children)

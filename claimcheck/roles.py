"""Who said it, who did it to whom, from where to where: the roles of named parties in a sentence.

- `quotes`: the quotations of a sentence and the named speaker each is given to ("« Le public
  m'a porté jusqu'au bout », a confié Mulugeta Uma"): the named subject of a speech verb outside
  the quotation, or "selon X". Only a speaker the parse names (a person, an organisation) is kept:
  "a prévenu le Premier ministre" names a role, which another article may fill with a name.
- `relations`: an act with a named doer and a named receiver, the voice undone ("Vingegaard a été
  battu par Pogačar" is Pogačar → battre → Vingegaard).
- `routes`: a way from one named place to another written "de P à Q", "du P jusqu'à Q", "quitter
  P pour Q" — whoever or whatever goes along it.

The speech verbs are general French (resources/speech_verbs_fr.txt). The comparison across
articles is in `claimcheck.compare.quotes` and `claimcheck.compare.relations`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Span, Token

# Opening mark → closing mark. Straight double quotes open and close alike.
_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}
_CLOSERS = {"»", "”"}
# A quotation shorter than this says too little to be recognised in another article ("historique") …
MIN_WORDS = 4
# … unless it opens its sentence and a comma follows it: then it is a statement of its own, given
# to whoever the incise names ("« Des chiffres stratosphériques », a résumé le maire").
MIN_WORDS_OPENING = 2
_NAMED = {"PER", "ORG", "MISC"}
_PRONOUNS = {"il", "elle", "ils", "elles", "on", "je", "nous", "vous", "tu", "celui-ci", "celle-ci", "ce", "c'", "qui"}
_WORDS = re.compile(r"\w+", re.UNICODE)
_SELON = re.compile(r"\b(?:selon|d['’]après)\s", re.I)


@dataclass(frozen=True, slots=True)
class Quote:
    text: str  # the quoted words, whitespace collapsed
    start: int  # offsets of the quoted words in the article
    end: int
    speaker: Span | None  # the named entity the quotation is given to (None: another sentence names who)
    verb: str  # lemma of the speech verb ("" for "selon X")


@lru_cache(maxsize=1)
def speech_verbs() -> frozenset[str]:
    text = resources.files("claimcheck.resources").joinpath("speech_verbs_fr.txt").read_text(encoding="utf-8")
    return frozenset(w.strip() for line in text.splitlines() if not line.startswith("#") for w in line.split(",") if w.strip())


def quote_spans(text: str, min_words: int = MIN_WORDS) -> list[tuple[int, int]]:
    """(start, end) of the quoted words of a sentence, marks and the spaces inside them excluded. A closing mark with no
    opening one closes a quotation begun in an earlier sentence; an opening one left open runs to
    the end of the sentence (a quotation of several sentences)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch in _CLOSERS and not spans:
            spans.append((0, i))
        elif ch in _PAIRS:
            close = text.find(_PAIRS[ch], i + 1)
            spans.append((i + 1, close if close >= 0 else n))
            if close < 0:
                break
            i = close
        i += 1
    trimmed = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if len(_WORDS.findall(text[a:b])) >= min_words:
            trimmed.append((a, b))
    return trimmed


_INCISE_GAP = re.compile(r"[\s»”\"]*,")


def _statement_spans(text: str, after_speech_verb=lambda at, end: False) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The quotations of a sentence worth giving to a speaker: those of MIN_WORDS words and more;
    a shorter one that opens the sentence and is followed by a comma (an incise comes next), or
    that a verb of speech takes as its object ("a dénoncé « un meurtre prémédité »")."""
    out = []
    for a, b in quote_spans(text, MIN_WORDS_OPENING):
        if len(_WORDS.findall(text[a:b])) >= MIN_WORDS or (
                not _WORDS.search(text[:a]) and _INCISE_GAP.match(text, b)) or after_speech_verb(a, b):
            out.append((a, b))
    return out


def _incise_verb(tok: Token, text: str, base: int, spans: list[tuple[int, int]]) -> bool:
    """A verb that comes right after a quotation and its comma, with at most its auxiliary and a
    reflexive pronoun between ("», a relativisé X", "», s'est agacé Y"): French inverts the
    subject of a verb of speech there, whatever the verb (the lexicon cannot list them all)."""
    for _, b in spans:
        gap = text[b:tok.idx - base]
        m = _INCISE_GAP.match(gap)
        if m and re.fullmatch(r"\s*(?:(?:a|ont|avait|avaient|aura|est|sont|était|s['’]|se|s['’]est|s['’]était|t)\s*)*", gap[m.end():]):
            return True
    return False


def quotes(sent: Span, entities: list[tuple[Span, str]]) -> list[Quote]:
    """Each quotation of the sentence that a named speaker is given, with that speaker."""
    base = sent.start_char
    verbs = speech_verbs()

    def after_speech_verb(at: int, end: int) -> bool:
        # the quotation right after a verb of speech (a colon between at most)
        before = [t for t in sent if t.idx - base < at and not (t.is_punct and t.text in {":", "«", "“", "„", '"'})]
        if before and before[-1].pos_ == "DET":
            # "en raillant une « anatomie de l'ingratitude »": a phrase of three words and more after an
            # article is the speaker's; two ("a salué une « prouesse diplomatique »") are a word used
            if len(_WORDS.findall(sent.text[at:end])) < 3:
                return False
            before = before[:-1]
        if not before or before[-1].pos_ != "VERB" or before[-1].lemma_.lower() not in verbs:
            return False
        gap = sent.text[before[-1].idx - base + len(before[-1].text):at].replace("«", "")
        return not re.search(r"\w", re.sub(r"^\s*(?:une?|des|les?|la|l['’])(?!\w)", "", gap, flags=re.I))

    spans = _statement_spans(sent.text, after_speech_verb)
    if not spans:
        return []

    def inside(tok: Token) -> bool:
        at = tok.idx - base
        return any(a <= at < b for a, b in spans)

    def entity_of(tok: Token, labels: set[str] | None = None) -> Span | None:
        for ent, _ in entities:
            if ent.start <= tok.i < ent.end and (labels is None or ent.label_ in labels):
                return ent
        return None

    speaker: Span | None = None
    verb = ""
    for tok in sent:
        if inside(tok) or tok.pos_ not in {"VERB", "AUX"}:
            continue
        if tok.lemma_.lower() not in verbs and not (tok.pos_ == "VERB" and _incise_verb(tok, sent.text, base, spans)):
            continue
        after_quote = any(b <= tok.idx - base for _, b in spans)
        found = _subject_entity(tok, inside, entity_of, after_quote)
        if found is not None:
            speaker, verb = found, tok.lemma_.lower()
            break
    if speaker is None:
        speaker, verb = _introduced(sent, spans, inside, entity_of)
    if speaker is None:
        # "Selon Jake Sullivan, « … »"
        for m in _SELON.finditer(sent.text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            after = [t for t in sent if t.idx - base >= m.end()][:3]
            ent = next((entity_of(t, _NAMED) for t in after if entity_of(t, _NAMED) is not None), None)
            if ent is not None:
                speaker = ent
                break
    text = sent.text
    if speaker is None:
        # Whose words, another sentence says: "« … », a-t-elle souligné", or a sentence that is all
        # quotation (the speech of the speaker named before goes on). The caller may know who.
        said_by_pronoun = any(
            (tok.lemma_.lower() in verbs or _incise_verb(tok, text, base, spans)) and any(
                c.lower_.lstrip("-") in {"il", "elle"} and not inside(c) for c in tok.children if c.dep_ in {"nsubj", "expl:subj"})
            for tok in sent if tok.pos_ in {"VERB", "AUX"} and not inside(tok))
        all_quotation = not _WORDS.search("".join(text[b:a] for (_, b), (a, _) in zip([(0, 0), *spans], [*spans, (len(text), 0)])))
        if not (said_by_pronoun or all_quotation):
            return []
        return [Quote(" ".join(text[a:b].split()), base + a, base + b, None, "") for a, b in spans]
    return [Quote(" ".join(text[a:b].split()), base + a, base + b, speaker, verb) for a, b in spans]


def quoted_ranges(sent: Span) -> list[tuple[int, int]]:
    """The article offsets of the quoted words of a sentence (quotations of two words and more)."""
    base = sent.start_char
    return [(base + a, base + b) for a, b in quote_spans(sent.text, MIN_WORDS_OPENING)]


# Nouns that name what someone said: "« … » : la formule de Me Rambert", "selon les mots de X".
SPEECH_NOUNS = frozenset({"formule", "mot", "phrase", "propos", "expression", "déclaration", "slogan", "message",
                          "cri", "réponse", "avertissement", "aveu"})


def _introduced(sent: Span, spans, inside, entity_of) -> tuple[Span | None, str]:  # type: ignore[no-untyped-def]
    """A speaker named without a verb of speech: the named subject of the clause a colon closes
    right before the quotation ("Yannick Neuder a pointé le relâchement : « … »"), or the name a
    noun of speech is of ("« … » : la formule de Me Sophie Rambert")."""
    base = sent.start_char
    for a, _ in spans:
        colon = [t for t in sent if t.text == ":" and not inside(t) and t.idx - base < a]
        if colon and not re.search(r"\w", sent.text[colon[-1].idx - base + 1:a]):
            verbs_before = [t for t in sent if t.i < colon[-1].i and t.pos_ == "VERB" and not inside(t)]
            for verb in reversed(verbs_before):
                subj = next((c for c in verb.children if c.dep_ == "nsubj" and not inside(c)), None)
                if subj is not None and subj.lower_ not in _PRONOUNS:
                    named = _named(subj, inside, entity_of)
                    if named is not None:
                        return named, verb.lemma_.lower()
                    break
    for tok in sent:
        if inside(tok) or tok.pos_ != "NOUN" or tok.lemma_.lower() not in SPEECH_NOUNS:
            continue
        for child in tok.children:
            if child.dep_ == "nmod" and any(c.dep_ == "case" and c.lower_ in {"de", "du", "d'", "d’"} for c in child.children):
                named = _named(child, inside, entity_of) or entity_of(child, {"PER", "ORG"})
                if named is not None and not inside(child):
                    return named, ""
    return None, ""


def _subject_entity(verb: Token, inside, entity_of, after_quote: bool) -> Span | None:  # type: ignore[no-untyped-def]
    """The named subject of a speech verb: the subject itself or a name in apposition to it ("le
    représentant russe, Vassily Nebenzia"). After a quotation French inverts the subject ("», a
    confié Mulugeta Uma"), which the parser often attaches as an object: then the first phrase after
    the verb is the speaker."""
    if verb.dep_ == "advcl" and not any(c.dep_.startswith("nsubj") for c in verb.children) and verb.head.pos_ == "VERB":
        verb = verb.head  # "Roland Lescure a joué sur le titre en raillant une « … »": the main verb's subject speaks
    for child in verb.children:
        if child.i > verb.i or child.dep_ not in {"nsubj", "nsubj:pass"} or inside(child):
            continue
        if child.lower_ in _PRONOUNS:
            return None  # "a-t-il dit": who "il" is, another sentence says
        named = _named(child, inside, entity_of)
        if named is not None or not after_quote:
            return named
        break
    if not after_quote:
        return None
    after = [c for c in verb.children if c.i > verb.i and not inside(c) and not c.is_punct
             and c.dep_ not in {"aux:tense", "aux:pass", "expl:comp", "iobj", "advmod"}
             and not any(x.dep_ == "case" for x in c.children)]  # "a déclaré à l'AFP": whom it was said to
    if after and after[0].lower_ in _PRONOUNS:
        return None
    if not after:
        return _inverted_name(verb, inside, entity_of)
    named = _named(after[0], inside, entity_of)
    if named is None and after[0].pos_ == "NOUN" and len(after) > 1:
        # "», a commenté la ministre du Travail, Astrid Panosyan-Bouvet": the name in apposition
        # to the role, which the parser hangs on the verb beside it.
        between = verb.doc[after[0].i:after[1].i]
        if any(t.text == "," for t in between):
            named = entity_of(after[1], {"PER", "ORG"})
    return named or _inverted_name(verb, inside, entity_of)


def _inverted_name(verb: Token, inside, entity_of) -> Span | None:  # type: ignore[no-untyped-def]
    """The speaker an incise names after its verb, read in the words whatever the parse: "», a
    souligné mardi Étienne Baggio", "», avait balayé vendredi soir Arnaud Gaillot", "», a lancé en
    séance l'écologiste Claire Vasseur". The first name before another verb or a stop; a name
    after a preposition is whom it was said to ("a déclaré à l'AFP"), not who said it."""
    doc = verb.doc
    for t in doc[verb.i + 1:min(verb.sent.end, verb.i + 10)]:
        if inside(t) or t.pos_ in {"VERB", "AUX"} or t.text in {".", ";", ":", "«", "»", "“", "”", "!", "?"}:
            return None
        if t.lower_.lstrip("-") in _PRONOUNS:
            return None
        ent = entity_of(t, {"PER", "ORG"})
        if ent is not None and ent.start == t.i:
            j = t.i - 1
            while j > verb.i and doc[j].pos_ == "DET":
                j -= 1
            if j > verb.i and doc[j].pos_ == "ADP":
                continue
            return ent
    return None


def _named(head: Token, inside, entity_of) -> Span | None:  # type: ignore[no-untyped-def]
    # A name in apposition to a role ("le secrétaire d'État, Antony Blinken", "le syndicat FO"); a
    # name the role governs through a preposition ("le ministre de l'Industrie") is not the speaker.
    for t in head.children:
        apposed = t.dep_ == "appos" or (t.dep_ in {"nmod", "flat", "flat:name"} and not any(c.dep_ == "case" for c in t.children))
        ent = None if inside(t) or not apposed else entity_of(t, {"PER", "ORG"})
        if ent is not None:
            return ent
    for t in head.children:
        # "le maire de Cholet, Gilles Bourdouleix": the parser hangs the name on the role's complement
        for g in t.children if t.dep_ == "nmod" else ():
            # (or as a conjunct of it, after a comma: "le ministre délégué à l'Industrie, Roland Lescure")
            apposed = g.dep_ == "appos" or (g.dep_ == "conj" and g.i > 0 and g.doc[g.i - 1].text == ","
                                            and not any(c.dep_ == "cc" for c in g.children))
            ent = entity_of(g, {"PER"}) if apposed and not inside(g) else None
            if ent is not None:
                return ent
    ent = entity_of(head)
    # An entity written in lower case is a role the recogniser took for a name ("ministre de l'Économie").
    if ent is not None and ent.text[:1].isupper():
        return ent
    return None  # a role ("le Premier ministre"): not a name


# ------------------------------------------------------------------------------ who did what to whom
@dataclass(frozen=True, slots=True)
class Relation:
    agent: Span  # the named doer (for a giving, maybe a role: the head noun of "l'ancien maire")
    verb: str  # lemma
    patient: Span  # the named one it was done to (the same)
    verb_i: int = -1  # the verb's token index (which of two "battu" of a sentence tells the act)


_AGENT_DEPS = {"obl:agent"}


def relations(sent: Span, entities: list[tuple[Span, str]]) -> list[Relation]:
    """Acts with a named doer and a named receiver, the voice undone: "Pogačar a battu Vingegaard"
    and "Vingegaard a été battu par Pogačar" are one relation (agent Pogačar, verb battre). A
    participle's receiver is the noun it qualifies or the subject of its clause ("Détrônées par le
    Hellfest, les Vieilles Charrues …"). Words inside a quotation are someone's speech, not the
    article's account: left out."""
    base = sent.start_char
    spans = quote_spans(sent.text)

    def inside(tok: Token) -> bool:
        return any(a <= tok.idx - base < b for a, b in spans)

    def entity_of(tok: Token, labels: set[str] | None = None) -> Span | None:
        for ent, _ in entities:
            if ent.start <= tok.i < ent.end and (labels is None or ent.label_ in labels):
                return ent
        return None

    out = []
    for verb in sent:
        if verb.pos_ != "VERB" or inside(verb):
            continue
        kids = {c.dep_: c for c in verb.children if not inside(c)}
        agent = patient = None
        if "obl:agent" in kids:
            agent = kids["obl:agent"]
            patient = kids.get("nsubj:pass")
            if patient is None and verb.dep_ == "acl":
                patient = verb.head
            elif patient is None and verb.dep_ in {"advcl", "acl"} or (patient is None and verb.dep_ == "ROOT"):
                patient = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubj:pass"}), None) if verb.dep_ != "ROOT" else None
        elif "nsubj" in kids and ("obj" in kids or ("xcomp" in kids and kids["xcomp"].pos_ == "PROPN")):
            # (a name the parser took for a complement, "Alcaraz avait battu Sinner" with Sinner as xcomp)
            agent = _antecedent(_nearest_subject(verb, [c for c in verb.children if not inside(c)]))
            patient = kids.get("obj") or kids["xcomp"]
        if agent is None or patient is None or agent.lower_ in _PRONOUNS or patient.lower_ in _PRONOUNS:
            continue
        a, p = _named(agent, inside, entity_of), _named(patient, inside, entity_of)
        if a is not None and p is not None and a != p:
            out.append(Relation(a, verb.lemma_.lower(), p, verb.i))
    out += _givings(sent, inside, entity_of)
    out += _rankings(sent, inside, entity_of)
    return out


@lru_cache(maxsize=1)
def giving_verbs() -> frozenset[str]:
    """Verbs whose receiver is written with "à" ("verser X à Y"): role `dative` of the lexicon."""
    from claimcheck import lexicon as lexicon_mod

    return frozenset(lexicon_mod.load().roles.get("dative", ()))


_TO = {"à", "au", "aux"}


# How the parser hangs a relative clause ("qui a battu …") on the noun it qualifies.
_RELATIVE_DEPS = frozenset({"acl:relcl", "acl", "dep"})


def _nearest_subject(verb: Token, kids: list[Token]) -> Token | None:
    """The subject of a verb; of two the parser gave it ("D'où l'accord arraché à Séville : les
    États membres verseront …"), the one nearest before the verb."""
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    before = [c for c in subjects if c.i < verb.i]
    return max(before, key=lambda c: c.i) if before else (subjects[0] if subjects else None)


def _antecedent(tok: Token | None) -> Token | None:
    """The noun a relative "qui" stands for ("c'est Jonas Vingegaard qui a basculé en tête",
    "le festival qui avait détrôné le Hellfest"): the head of its relative clause."""
    if tok is not None and tok.lower_ == "qui" and tok.head.dep_ in _RELATIVE_DEPS and tok.head.head.pos_ in {"NOUN", "PROPN"}:
        return tok.head.head
    return tok


def _party(tok: Token, inside, entity_of) -> Span | None:  # type: ignore[no-untyped-def]
    """A named party, or a role written as a common noun ("l'ancien maire", "la société"): its head."""
    named = _named(tok, inside, entity_of)
    if named is not None:
        return named
    for t in tok.children:  # "la société Batiouest", whatever the recogniser's label of the name
        named_child = t.dep_ in {"flat", "flat:name", "appos"} or (t.pos_ == "PROPN" and not any(c.dep_ == "case" for c in t.children))
        ent = entity_of(t) if named_child and not inside(t) else None
        if ent is not None:
            return ent
    if tok.pos_ == "NOUN" and not inside(tok):
        return tok.doc[tok.i:tok.i + 1]
    if tok.text.isupper() and len(tok.text) >= 2 and tok.text.isalpha() and not inside(tok):
        return tok.doc[tok.i:tok.i + 1]  # an acronym the tagger took for a pronoun ("à IDFM")
    return None


def _givings(sent: Span, inside, entity_of) -> list[Relation]:  # type: ignore[no-untyped-def]
    """Who gave to whom: the giver (subject, or "par" agent of the passive) and the receiver ("à
    Y") of a verb of giving ("la société a versé 50 000 euros à l'ancien maire"), one of the two
    at least named; the other may be a role ("l'ancien maire"), which another article of the
    story writes alike. The parser may hang "à Y" on the thing given ("800 millions à IDFM")."""
    out = []
    verbs = giving_verbs()
    for verb in sent:
        if verb.pos_ != "VERB" or inside(verb) or verb.lemma_.lower() not in verbs:
            continue
        kids = [c for c in verb.children if not inside(c)]
        giver = next((c for c in kids if c.dep_ == "obl:agent"), None) or _antecedent(_nearest_subject(verb, kids))
        given = next((c for c in kids if c.dep_ in {"obj", "nsubj:pass"}), None)
        places = kids + ([c for c in given.children if c.dep_ == "nmod"] if given is not None else [])
        # After the verb first ("ArianeGroup versera aux États membres"); a compound preposition
        # ("aux termes de l'accord", "au titre de", "à la suite de") names no receiver.
        receiver = next((c for c in sorted(places, key=lambda c: (c.i < verb.i, c.i)) if c.dep_ in {"iobj", "obl:arg", "obl", "obl:mod", "nmod"}
                         and c.lemma_.lower() not in _LOCUTION_NOUNS
                         and any(x.dep_ == "case" and x.lower_ in _TO for x in c.children)), None)
        if giver is None or receiver is None or giver.lower_ in _PRONOUNS or receiver.lower_ in _PRONOUNS:
            continue
        a, p = _party(giver, inside, entity_of), _party(receiver, inside, entity_of)
        if a is None or p is None or a == p or not (_is_named(a, entity_of) or _is_named(p, entity_of)):
            continue
        out.append(Relation(a, verb.lemma_.lower(), p, verb.i))
    return out


# Nouns of compound prepositions built on "à": "aux termes de", "au titre de", "à la suite de",
# "au cours de", "à l'issue de", "au sein de", "à l'occasion de" (general French).
_LOCUTION_NOUNS = frozenset({
    "terme", "titre", "suite", "cours", "issue", "sein", "occasion", "lieu", "place", "côté", "moment", "fin",
    "début", "hauteur", "égard", "regard", "niveau", "lumière", "faveur", "demande", "initiative", "heure",
})


def _is_named(party: Span, entity_of) -> bool:  # type: ignore[no-untyped-def]
    ent = entity_of(party[0])
    return ent is not None and ent.start == party.start and ent.end == party.end


# Verbs of a placing ("arrivé en tête devant Y", "a terminé derrière Y") — general French.
_RANK_VERBS = frozenset({
    "arriver", "finir", "terminer", "classer", "placer", "passer", "imposer", "gagner", "emporter", "figurer",
    "hisser", "basculer", "franchir", "devancer", "précéder", "rester", "pointer", "sortir", "virer", "s'imposer",
})
# "sept secondes d'avance sur Y", "deux points d'écart sur Y"
_LEAD_NOUNS = frozenset({"avance", "écart", "avantage", "longueur"})


def _rankings(sent: Span, inside, entity_of) -> list[Relation]:  # type: ignore[no-untyped-def]
    """Placings between two named parties: "X est arrivé en tête devant Y", "X … avec sept secondes
    d'avance sur Y" (X ahead: verb "devancer"), "X a terminé derrière Y" (Y ahead)."""
    out = []
    for tok in sent:
        word = tok.lower_
        if tok.dep_ != "case" or inside(tok) or word not in {"devant", "derrière", "sur"}:
            continue
        other = tok.head
        if word == "sur" and not ({other.head.lemma_.lower(), other.head.lower_}
                                  | {c.lower_ for c in other.head.children if c.i < other.i}) & _LEAD_NOUNS:
            continue  # "sur" of a lead: "d'avance sur Y" (the parser may hang "Y" on the figure, beside "avance")
        verb = other
        for _ in range(4):
            if verb.pos_ == "VERB" or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.pos_ in {"PROPN", "NOUN"}:
            # "c'est Jonas Vingegaard qui a basculé en tête, avec sept secondes d'avance sur Y": the
            # lead hangs on the name the cleft puts first, the placing on its relative clause
            verb = next((c for c in verb.children if c.pos_ == "VERB" and c.dep_ in _RELATIVE_DEPS
                         and any(x.lower_ == "qui" for x in c.children)), verb)
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _RANK_VERBS:
            continue
        subj = _antecedent(next((c for c in verb.children if c.dep_ in {"nsubj", "nsubj:pass"} and not inside(c)), None))
        if subj is None and verb.dep_ == "acl" and verb.head.pos_ == "PROPN":
            subj = verb.head  # "Mulugeta Uma s'est imposé …" parsed as a name qualified by the verb
        if subj is None or subj.lower_ in _PRONOUNS:
            continue
        ahead, behind = _named(subj, inside, entity_of), _named(other, inside, entity_of)
        if ahead is None or behind is None or ahead == behind:
            continue
        if word == "derrière":
            ahead, behind = behind, ahead
        out.append(Relation(ahead, "devancer", behind, verb.i))
    return out


# ------------------------------------------------------------------------------ from where to where
@dataclass(frozen=True, slots=True)
class Route:
    origin: Span
    destination: Span


_ARTICLE = r"(?:l['’]\s*|la\s+|le\s+|les\s+)?"
# What is written between the two places: "… Henri-IV jusqu'à celui des Tuileries", "… Lyon pour Paris".
_BETWEEN = re.compile(
    r"^\s*,?\s*(?:jusqu['’]\s*(?:à|au|aux)|à\s+destination\s+d(?:e|u|es|['’])|en\s+direction\s+d(?:e|u|es|['’])|vers|pour|à|au|aux)\s+"
    r"(?:(?:celui|celle|ceux|celles)\s+d(?:e|u|es|['’])\s*)?" + _ARTICLE
    # a common noun before the name: "vers le centre hospitalier d'Avignon"
    + r"(?:(?:[a-zàâçéèêëîïôûùüÿœ-]+\s+){1,3}d(?:e|u|es|['’])\s*" + _ARTICLE + r")?$",
    re.I,
)
# What is written before the first: "du tunnel …", "depuis …", "quitte l'OM …", "parti de Lyon …".
_BEFORE = re.compile(r"(?:\b(?:de|du|des|depuis)\s+|\bd['’]\s*|\bquitt\w*\s+)" + _ARTICLE + r"$", re.I)
_PLACES = {"LOC", "ORG", "MISC"}


def routes(sent: Span, entities: list[tuple[Span, str]]) -> list[Route]:
    """Named places (or organisations: "quitte l'OM pour l'OGC Nice") written as the two ends of a
    way, outside quotations. "Pour" ends a way only after "quitter" or "parti de" ("la liaison de
    Lyon pour Paris" aside); "à" only after "de"/"depuis" (the "de … à …" of a route)."""
    base = sent.start_char
    text = sent.text
    spans = quote_spans(text)
    named = sorted((e for e, _ in entities if e.label_ in _PLACES and e.start >= sent.start and e.end <= sent.end),
                   key=lambda e: e.start_char)
    out = []
    for first, second in zip(named, named[1:]):
        a, b = first.start_char - base, second.start_char - base
        if any(x <= a < y or x <= b < y for x, y in spans):
            continue
        between = text[first.end_char - base:b]
        m = _BETWEEN.match(between)
        before = _BEFORE.search(text[max(0, a - 30):a])
        if m is None or before is None:
            continue
        leaving = before.group(0).lower().startswith("quitt") or re.search(r"\bparti\w*\s+$", text[max(0, a - 40):before.start() + max(0, a - 30)] or "", re.I)
        if re.match(r"^\s*,?\s*pour\b", between, re.I) and not leaving:
            continue
        out.append(Route(first, second))
    return out

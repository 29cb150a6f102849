"""Plain results of the pure normalizers: what was found in a text, where, and its normalized value.

They carry character offsets relative to the text they were given, so the spaCy components can
snap them onto tokens and the claim table can anchor them in the article.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class QuantityMatch:
    """A quantity expression such as "plus de 2 000", "environ 1,4 million", "30 %", "entre 20 et 30".

    Attributes:
        start, end: offsets of the whole expression, qualifier and measure unit included
            ("plus de 2 000", "environ 25 secondes", "2,3 Md€").
        num_start, num_end: offsets of the number itself ("2 000").
        value: the representative value (the number; for a range its lower bound; for a vague
            amount such as "des dizaines de millions" its lower bound).
        low, high: the interval the expression allows, qualifier included (None = unbounded).
        qualifier: eq | approx | ge | gt | le | lt | range.
        unit: a measure unit written inside the expression ('%', 'EUR', 'USD', 'km/h', 'km',
            'm', 't', '°C', 'heure', 'minute', 'seconde', 'jour', 'an', ...), or None when the
            counted thing is a noun after the expression (the claims layer finds it).
        vague: True for "des milliers", "plusieurs centaines", "une quinzaine".
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None = None
    vague: bool = False


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression such as "19 juin 2024", "en mars", "mai dernier", "du 13 au 15 juillet".

    Attributes:
        start, end: offsets of the expression in the text given.
        value: ISO 8601 text: '2024-06-19', '2024-05', 'XXXX-03', '2023', an interval 'A/B'
            ('1950/1953', '2023-07-13/2023-07-15', open end '2023-09/..'), a night as
            '2022-04-04T20:00/2022-04-05T08:00'.
        precision: day | month | year | week | night | range | decade | season.
        relative: True when the value was anchored on the publication date ("hier", "mardi",
            "mai dernier"); the value is then only as good as that date.
    """

    start: int
    end: int
    value: str
    precision: str
    relative: bool = False


@dataclass(frozen=True, slots=True)
class OrdinalMatch:
    """A rank such as "1er", "12e", "deuxième", "vingt et unième", "XXIe", "Louis XIV": a rank is
    not a count, so it is never a quantity.

    Attributes:
        start, end: offsets of the ordinal in the text given.
        rank: its value (1 for "1er" and "premier", 21 for "XXIe").
    """

    start: int
    end: int
    rank: int

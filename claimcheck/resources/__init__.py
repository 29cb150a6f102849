"""Language data of claimcheck (qualifiers, units, number words ...), each file naming its source.

Data files are UTF-8, tab-separated, one entry a line; lines starting with ``#`` (the header naming
the source and the columns) and blank lines are skipped.
"""

from __future__ import annotations

from importlib import resources


def read_table(name: str) -> list[list[str]]:
    """Return the rows of the tab-separated data file ``name`` of this package, comments skipped.

    Each row is the list of its fields with surrounding spaces stripped.
    """
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows: list[list[str]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append([field.strip() for field in line.split("\t")])
    return rows

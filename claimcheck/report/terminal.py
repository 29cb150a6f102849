"""A readable terminal table of discrepancies (rich), as wide as the terminal.

The width is rich's own detection (the terminal's size; `COLUMNS`; 80 when the output is not a
terminal). From `NARROW` columns on, one row per discrepancy with the two sides side by side;
below, each discrepancy is a stacked block (A over B), readable at 80 columns. Each side is named
by its outlet (and date) when the documents are known, else by its doc id.

Everything that comes from an article, a file name or a table is given to rich as `Text`, never as
markup: "[aligned by …]", "[/]" or "[link=…]" in a sentence are printed as written, and control
characters (ESC sequences that could clear or retitle a terminal) are replaced by U+FFFD.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import IO

from claimcheck.records import Article, Claim, Discrepancy

# C0 and C1 control characters other than tab and newline, and DEL; with the newline too.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
NARROW = 100  # below this many columns, the stacked layout


def safe(text: object, *, one_line: bool = False) -> str:
    """Text with its control characters made visible (U+FFFD) instead of obeyed; with `one_line`,
    tabs and line breaks too (an error or note line of the CLI)."""
    return (_CONTROL_ONE_LINE if one_line else _CONTROL).sub("\ufffd", str(text))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(safe(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def side_names(items: Sequence[Discrepancy], documents: Mapping[str, Article] | None) -> dict[str, str]:
    """How each document is named: its outlet (with its date) when known, else its doc id; an
    outlet that names several documents of the report keeps the doc id too."""
    docs = documents or {}
    ids = sorted({d.doc_a for d in items} | {d.doc_b for d in items})
    outlets = Counter(docs[i].outlet for i in ids if i in docs and docs[i].outlet)
    names = {}
    for doc_id in ids:
        doc = docs.get(doc_id)
        if doc is None or not doc.outlet:
            names[doc_id] = doc_id
            continue
        name = doc.outlet + (f", {doc.published}" if doc.published else "")
        names[doc_id] = name if outlets[doc.outlet] == 1 else f"{name} ({doc_id})"
    return names


def named(explanation: str, d: Discrepancy, names: Mapping[str, str]) -> str:
    """The explanation with the two doc ids it cites replaced by the names of their documents."""
    for doc in {d.doc_a, d.doc_b}:
        if names.get(doc, doc) != doc:  # the id as a whole word only ("a" is not the a of "says")
            explanation = re.sub(rf"(?<![\w-]){re.escape(doc)}(?![\w-])", lambda _m: names[doc], explanation)
    return explanation


def render_table(
    items: Sequence[Discrepancy],
    out: IO[str],
    *,
    width: int | None = None,
    documents: Mapping[str, Article] | None = None,
    claims: Sequence[Claim] | None = None,  # noqa: ARG001 - the HTML report's context, unused here
) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width, force_terminal=getattr(out, "isatty", lambda: False)())
    if not items:
        console.print("No discrepancy found.")
        return
    names = {k: safe(v) for k, v in side_names(items, documents).items()}
    title = f"{len(items)} discrepanc{'y' if len(items) == 1 else 'ies'}"

    def colour(d: Discrepancy) -> str:
        return "red" if d.severity >= 0.7 else "yellow" if d.severity >= 0.4 else "dim"

    def side(doc: str, value: str, text: str, limit: int = 160) -> Text:
        cell = Text(names.get(doc, safe(doc)), style="bold")
        cell.append(f" · {safe(value)}\n{_short(text, limit)}", style="")
        return cell

    if console.width < NARROW:
        console.print(Text(title, style="bold"))
        for d in items:
            console.rule(style="dim")
            head = Text(f"{d.severity:.2f}", style=colour(d))
            head.append(f" {safe(d.kind)} · ", style="bold")
            head.append(safe(d.topic))
            console.print(head)
            grid = Table.grid(padding=(0, 1), expand=True)
            grid.add_column(no_wrap=True, style="bold")
            grid.add_column(ratio=1)
            grid.add_row("A", side(d.doc_a, d.value_a, d.text_a, 240))
            grid.add_row("B", side(d.doc_b, d.value_b, d.text_b, 240))
            grid.add_row("why", Text(safe(named(d.explanation, d, names))))
            console.print(grid)
        return
    table = Table(title=title, show_lines=True, expand=True)
    table.add_column("sev", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=console.width >= 120)
    table.add_column("topic", ratio=1)
    table.add_column("A", ratio=2)
    table.add_column("B", ratio=2)
    table.add_column("why", ratio=2)
    for d in items:
        table.add_row(
            Text(f"{d.severity:.2f}", style=colour(d)),
            Text(safe(d.kind)),
            Text(safe(d.topic)),
            side(d.doc_a, d.value_a, d.text_a),
            side(d.doc_b, d.value_b, d.text_b),
            Text(safe(named(d.explanation, d, names))),
        )
    console.print(table)

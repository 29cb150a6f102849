"""A readable terminal table of discrepancies (rich).

Everything that comes from an article, a file name or a table is given to rich as `Text`, never as
markup: "[aligned by …]", "[/]" or "[link=…]" in a sentence are printed as written, and control
characters (ESC sequences that could clear or retitle a terminal) are replaced by U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import IO

from claimcheck.records import Discrepancy

# C0 and C1 control characters other than tab and newline, and DEL; with the newline too.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def safe(text: object, *, one_line: bool = False) -> str:
    """Text with its control characters made visible (U+FFFD) instead of obeyed; with `one_line`,
    tabs and line breaks too (an error or note line of the CLI)."""
    return (_CONTROL_ONE_LINE if one_line else _CONTROL).sub("\ufffd", str(text))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(safe(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_table(items: Sequence[Discrepancy], out: IO[str], *, width: int | None = None, documents=None, claims=None) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(file=out, width=width or 160, force_terminal=getattr(out, "isatty", lambda: False)())
    if not items:
        console.print("No discrepancy found.")
        return
    table = Table(title=f"{len(items)} discrepanc{'y' if len(items) == 1 else 'ies'}", show_lines=True, expand=True)
    table.add_column("sev", justify="right", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("topic", ratio=1)
    table.add_column("A", ratio=2)
    table.add_column("B", ratio=2)
    table.add_column("why", ratio=2)

    def side(doc: str, value: str, text: str) -> Text:
        cell = Text(safe(doc), style="bold")
        cell.append(f" · {safe(value)}\n{_short(text)}", style="")
        return cell

    for d in items:
        colour = "red" if d.severity >= 0.7 else "yellow" if d.severity >= 0.4 else "dim"
        table.add_row(
            Text(f"{d.severity:.2f}", style=colour),
            Text(safe(d.kind)),
            Text(safe(d.topic)),
            side(d.doc_a, d.value_a, d.text_a),
            side(d.doc_b, d.value_b, d.text_b),
            Text(safe(d.explanation)),
        )
    console.print(table)

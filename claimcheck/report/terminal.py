"""A readable terminal table of discrepancies (rich)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO

from claimcheck.records import Discrepancy


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_table(items: Sequence[Discrepancy], out: IO[str], *, width: int | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

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
    for d in items:
        colour = "red" if d.severity >= 0.7 else "yellow" if d.severity >= 0.4 else "dim"
        table.add_row(
            f"[{colour}]{d.severity:.2f}[/{colour}]",
            d.kind,
            d.topic,
            f"[bold]{d.doc_a}[/bold] · {d.value_a}\n{_short(d.text_a)}",
            f"[bold]{d.doc_b}[/bold] · {d.value_b}\n{_short(d.text_b)}",
            d.explanation,
        )
    console.print(table)

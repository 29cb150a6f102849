"""A self-contained HTML report a person can read in a browser (Jinja2, autoescaped)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone

from claimcheck.records import Discrepancy


def render_html(items: Sequence[Discrepancy], *, documents=None, claims=None) -> str:  # type: ignore[no-untyped-def]
    from importlib import resources

    from jinja2 import Environment

    source = resources.files("claimcheck.report").joinpath("templates/report.html.j2").read_text(encoding="utf-8")
    env = Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(source)
    docs = sorted({d.doc_a for d in items} | {d.doc_b for d in items})
    return template.render(
        items=items,
        docs=docs,
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    )

"""Report writers: the fast claim-table writer writes what the generic CSV writer writes."""

from __future__ import annotations

import io

import pytest

from claimcheck import report
from claimcheck.records import CLAIM_COLUMNS, Claim


def test_claim_table_writer_matches_the_generic_csv_writer():
    claims = [
        Claim("d:0001", "d", "quantity", "11 000", 10, 16, "11000", unit="conteneur", low=11000.0, high=11000.0,
              sentence='Il a dit : « 11 000, au moins », puis "non".', paragraph=2, sent_start=0, sent_end=40),
        Claim("d:0002", "d", "date", "mars", 50, 54, "2023-03", low=None, high=None, sentence="En mars;\tvoilà\n"),
        Claim("d:0003", "d", "entity", "Paris", 60, 65, "Paris", unit="LOC", place="Paris, France"),
    ]
    generic, fast = io.StringIO(), io.StringIO()
    report.write_csv(report.claim_rows(claims), CLAIM_COLUMNS, generic)
    report.write_claims_csv(claims, fast)
    assert fast.getvalue() == generic.getvalue()
    assert fast.getvalue().splitlines()[0].split(",") == list(CLAIM_COLUMNS)


def _discrepancy(text_a: str, explanation: str = "x"):
    from claimcheck.records import Discrepancy

    return Discrepancy("quantity", "mort", "a", "b", text_a, "Le séisme a fait 45 morts.", "120 mort", "45 mort", 0.8,
                       explanation)


def test_terminal_table_prints_article_text_as_written_never_as_markup():
    from claimcheck.report.terminal import render_table

    out = io.StringIO()
    text = "Bilan [/] : [link=https://evil.example]120 morts[/link] [bold]selon[/bold] la préfecture."
    render_table([_discrepancy(text, "a says 120 [aligned by score 3.52: same place (+1.5)]")], out, width=400)
    printed = out.getvalue()
    assert "[/]" in printed and "[link=https://evil.example]" in printed and "[bold]selon[/bold]" in printed
    assert "[aligned by score 3.52: same place (+1.5)]" in printed


def test_terminal_table_neutralises_control_characters():
    from claimcheck.report.terminal import render_table

    out = io.StringIO()
    render_table([_discrepancy("Clear\x1b[2J the screen\x07 and 120 morts.")], out, width=400)
    printed = out.getvalue()
    assert "\x1b" not in printed and "\x07" not in printed
    assert "\ufffd[2J the screen" in printed


# ------------------------------------------------------------------ terminal width (issue 15)
@pytest.mark.parametrize("width", [80, 120, 200])
def test_the_table_fits_the_terminal_width(seed_result, width):
    from rich.cells import cell_len

    from claimcheck.report.terminal import render_table

    out = io.StringIO()
    render_table(seed_result.discrepancies, out, width=width, documents=seed_result.documents)
    lines = out.getvalue().splitlines()
    assert max(cell_len(line) for line in lines) <= width
    stacked = width < 100
    assert any(line.lstrip().startswith("┃  sev") for line in lines) is not stacked
    assert any(line.startswith("A ") for line in lines) is stacked
    printed = " ".join(" ".join(line.strip("│ ").split()) for line in lines)
    assert "NewsWorld, 2024-06" in printed  # the outlet, not the doc id 000_7196ffcea5eb9519
    assert "000_7196ffcea5eb9519" not in printed
    assert "004_110a115a5bf18778" in printed  # no outlet known: the doc id


def test_an_outlet_of_two_documents_keeps_their_ids():
    from claimcheck.records import Article
    from claimcheck.report.terminal import side_names

    docs = {"a": Article("a", "", outlet="AFP", published="2024-05-02"), "b": Article("b", "", outlet="AFP"),
            "c": Article("c", "", outlet="Le Monde")}
    items = [_discrepancy("x"), _discrepancy("y")]
    items[1] = items[1].__class__(*[getattr(items[1], f) for f in ("kind", "topic")], "b", "c",
                                  *[getattr(items[1], f) for f in ("text_a", "text_b", "value_a", "value_b", "severity",
                                                                   "explanation")])
    assert side_names(items, docs) == {"a": "AFP, 2024-05-02 (a)", "b": "AFP (b)", "c": "Le Monde"}

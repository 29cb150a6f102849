"""Report writers: the fast claim-table writer writes what the generic CSV writer writes."""

from __future__ import annotations

import io

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

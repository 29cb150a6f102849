"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"

# Compiled regexes (claimcheck.regex_cache) go to the project's pytest cache, not the user's cache
# directory (unless CLAIMCHECK_REGEX_CACHE says otherwise); set at import, before any test loads the
# model, and inherited by the processes tests start.
os.environ.setdefault("CLAIMCHECK_REGEX_CACHE", str(ROOT / ".pytest_cache" / "claimcheck-regex"))


@pytest.fixture(scope="session")
def nlp():
    from claimcheck.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_result(nlp):
    """`api.diff` over the seeds, computed once for every test that reads it."""
    from claimcheck import api

    return api.diff([SEEDS], SEEDS / "meta.csv")


@pytest.fixture()
def write_articles(tmp_path: Path):
    """Write small articles into a temporary folder: write_articles({"a": "texte", ...}, meta={...})."""

    def _write(articles: dict[str, str], meta: dict[str, str] | None = None) -> Path:
        folder = tmp_path / "articles"
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir()
        for doc_id, text in articles.items():
            (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        if meta:
            lines = ["doc_id,published"] + [f"{k},{v}" for k, v in meta.items()]
            (folder / "meta.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        return folder

    return _write


@pytest.fixture()
def failing_sentence(monkeypatch):
    """Make the extractor raise (RuntimeError "simulated") on every sentence that contains "BOOM"."""
    from claimcheck import claims as claims_mod

    original = claims_mod.ClaimExtractor._date_claims

    def failing(self, info):  # type: ignore[no-untyped-def]
        if "BOOM" in info.text:
            raise RuntimeError("simulated")
        return original(self, info)

    monkeypatch.setattr(claims_mod.ClaimExtractor, "_date_claims", failing)

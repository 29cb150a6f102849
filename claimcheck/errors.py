"""One exception tree. The library raises these; only the CLI turns them into exit codes."""

from __future__ import annotations

from pathlib import Path


class ClaimcheckError(Exception):
    """Base class of every error claimcheck reports to its user."""


class InputError(ClaimcheckError):
    """An input (article, directory, meta CSV, claim table) cannot be used.

    The message always names the file and the reason, in one line.
    """

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class OutputError(ClaimcheckError):
    """The output file cannot be written."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

"""Library API helpers that the CLI relies on."""

from __future__ import annotations

import gc

import pytest

from claimcheck import api


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_collector_as_it_was(enabled):
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        with api.paused_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(RuntimeError), api.paused_gc():
            raise RuntimeError("stops halfway")
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()

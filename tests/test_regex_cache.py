"""The on-disk cache of compiled long patterns (claimcheck.regex_cache): same patterns, never a failure."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck import regex_cache
from claimcheck.regex_cache import cached_compile, compiled_on_disk, default_directory

COMPILE = re.compile  # the standard library's, whatever a test does to re.compile
# Patterns from this length on go through the cache in these tests (quicker to compile than the
# real threshold's); tests/test_pipeline.py checks the real pattern the threshold is for.
SHORT_THRESHOLD = 2_000


def long_pattern(prefix: str = "") -> str:
    """A pattern past the threshold, shaped like spaCy's token_match: flags, groups, classes, anchors."""
    words = [f"(?:^{prefix}mot{i}[-–](?:t-)?[a-z\u00e0-\u00ff]+$)" for i in range(SHORT_THRESHOLD // 20)]
    return r"(?iu)(?P<first>^\d{1,3}(?: \d{3})+$)|" + "|".join(words)


@pytest.fixture(autouse=True)
def fresh_process(monkeypatch):
    """Each test starts as a new process would: nothing compiled in memory yet."""
    monkeypatch.setattr(regex_cache, "_compiled", {})
    monkeypatch.setattr(regex_cache, "MIN_LENGTH", SHORT_THRESHOLD)


def test_this_interpreter_takes_the_fast_route():
    assert regex_cache._route_works()


@pytest.mark.parametrize("flags", [0, re.IGNORECASE, re.MULTILINE | re.DOTALL])
def test_a_long_pattern_compiles_to_the_same_pattern_and_is_stored(tmp_path, flags):
    pattern = long_pattern()
    with compiled_on_disk(tmp_path):
        got = re.compile(pattern, flags)
    expected = COMPILE(pattern, flags)
    assert got == expected  # Pattern equality compares the compiled code
    assert (got.groups, got.groupindex, got.flags) == (expected.groups, expected.groupindex, expected.flags)
    assert len(list(tmp_path.glob("*.bin"))) == 1
    for text in ["mot7-truc", "MOT7-t-Élan", "mot7 truc", "1 200 000", "1 20", ""]:
        assert bool(got.match(text)) == bool(expected.match(text)), text


@pytest.mark.parametrize("flags", [0, re.IGNORECASE | re.MULTILINE])
def test_the_next_process_reads_the_file_instead_of_compiling(tmp_path, monkeypatch, flags):
    pattern = long_pattern()
    with compiled_on_disk(tmp_path):
        first = re.compile(pattern, flags)
    monkeypatch.setattr(regex_cache, "_compiled", {})
    compiled_again = []
    monkeypatch.setattr(regex_cache, "_compile_parts", lambda *args: compiled_again.append(args))
    with compiled_on_disk(tmp_path):
        second = re.compile(pattern, flags)
    assert compiled_again == []
    assert regex_cache._compiled[(pattern, int(flags))] is second  # served by the cache, not re.compile
    assert second == first == COMPILE(pattern, flags)
    assert (second.groups, second.groupindex) == (first.groups, first.groupindex)
    match = second.match("1 200 000")
    assert match is not None and match.lastgroup == "first"


def test_one_process_compiles_a_pattern_once(tmp_path, monkeypatch):
    pattern = long_pattern()
    with compiled_on_disk(tmp_path):
        first = re.compile(pattern)
    (path,) = tmp_path.glob("*.bin")
    path.unlink()
    with compiled_on_disk(tmp_path):
        assert re.compile(pattern) is first
    assert regex_cache._compiled[(pattern, 0)] is first
    assert not path.exists()  # neither read nor written: kept in memory


def test_blocks_nest_and_restore_re_compile(tmp_path):
    with compiled_on_disk(tmp_path / "outer"):
        inner_compile = re.compile
        with compiled_on_disk(tmp_path / "inner"):
            assert re.compile is inner_compile
            re.compile(long_pattern())
        assert re.compile is inner_compile
    assert re.compile is COMPILE
    assert list((tmp_path / "outer").glob("*.bin")) and not (tmp_path / "inner").exists()


@pytest.mark.parametrize("flags", [re.DEBUG, re.LOCALE, re.TEMPLATE if hasattr(re, "TEMPLATE") else re.DEBUG])
def test_flags_beyond_the_plain_ones_are_left_to_the_standard_library(tmp_path, flags):
    assert cached_compile(long_pattern(), int(flags), tmp_path) is None
    assert not list(tmp_path.iterdir())


def test_debug_output_is_the_standard_librarys(tmp_path, capsys):
    pattern = long_pattern()
    with compiled_on_disk(tmp_path):
        re.compile(pattern, re.DEBUG)
    ours = capsys.readouterr().out
    re.purge()
    COMPILE(pattern, re.DEBUG)
    assert ours == capsys.readouterr().out != ""


def test_short_patterns_and_bytes_are_left_to_the_standard_library(tmp_path):
    with compiled_on_disk(tmp_path):
        assert re.compile(r"\d+") is COMPILE(r"\d+")  # from the standard library's own cache
        long_bytes = long_pattern().replace("(?iu)", "(?i)").replace("\u00e0-\u00ff", "").encode()
        assert re.compile(long_bytes) == COMPILE(long_bytes)
    assert not list(tmp_path.iterdir())


def test_re_compile_is_restored_after_the_block_even_on_error(tmp_path):
    with pytest.raises(KeyError), compiled_on_disk(tmp_path):
        assert re.compile is not COMPILE
        raise KeyError
    assert re.compile is COMPILE


def test_no_directory_changes_nothing():
    with compiled_on_disk(None):
        assert re.compile is COMPILE


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other pattern", "empty", "one byte changed"])
def test_a_damaged_file_is_compiled_again_and_replaced(tmp_path, damage):
    pattern = long_pattern()
    with compiled_on_disk(tmp_path):
        re.compile(pattern)
    (path,) = tmp_path.glob("*.bin")
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"\x00\xff" * 100)
    elif damage == "truncated":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "other pattern":  # a file of another pattern under this name
        other = tmp_path / "other"
        with compiled_on_disk(other):
            regex_cache._compiled.clear()
            re.compile(long_pattern("x"))
        path.write_bytes(next(other.glob("*.bin")).read_bytes())
    elif damage == "one byte changed":  # same length, well-formed: only the content hash tells
        index = len(data) - 20
        path.write_bytes(data[:index] + bytes([data[index] ^ 1]) + data[index + 1:])
    else:
        path.write_bytes(b"")
    regex_cache._compiled.clear()
    with compiled_on_disk(tmp_path):
        got = re.compile(pattern)
    assert got == COMPILE(pattern)
    assert path.read_bytes() == data


def test_an_unwritable_directory_only_costs_the_compile(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    pattern = long_pattern()
    with compiled_on_disk(blocker / "regex"):
        assert re.compile(pattern) == COMPILE(pattern)


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch):
    def disk_full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(regex_cache.os, "replace", disk_full)
    with compiled_on_disk(tmp_path):
        assert re.compile(long_pattern()) == COMPILE(long_pattern())
    assert not list(tmp_path.iterdir())


def test_a_bad_long_pattern_raises_the_usual_error(tmp_path):
    bad = long_pattern() + "|(unclosed"
    with pytest.raises(re.error) as got, compiled_on_disk(tmp_path):
        re.compile(bad)
    with pytest.raises(re.error) as expected:
        COMPILE(bad)
    assert str(got.value) == str(expected.value)
    assert cached_compile(bad, 0, tmp_path) is None
    assert not list(tmp_path.glob("*.bin"))


@pytest.mark.parametrize(("value", "expected"), [("off", None), ("", None), ("OFF", None), ("/some/dir", Path("/some/dir"))])
def test_the_directory_comes_from_the_environment(monkeypatch, value, expected):
    monkeypatch.setenv(regex_cache.ENV, value)
    assert default_directory() == expected


def test_the_default_directory_is_in_the_user_cache(monkeypatch):
    from platformdirs import user_cache_dir

    monkeypatch.delenv(regex_cache.ENV, raising=False)
    assert default_directory() == Path(user_cache_dir("claimcheck")) / "regex"

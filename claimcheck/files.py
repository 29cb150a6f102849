"""Files written whole or not at all: a temporary file beside the target, moved into place at the end."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from claimcheck.errors import OutputError


@contextmanager
def atomic_writer(path: str | Path, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Open a temporary file beside `path` (text in UTF-8, or bytes); replace `path` with it only
    if the block succeeds, else remove it.

    Only a new path or an existing regular file is written (its mode is kept): an empty path, a
    directory, a symbolic link, a device or a pipe is refused with an `OutputError`, and so is a
    failure of the file system (full disk, no permission) while writing."""
    with _temporary(path) as (fd, _tmp):
        handle: IO[Any]
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as handle:
            yield handle


@contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """The path of an empty temporary file beside `path`, for writers that open files by name
    (XlsxWriter, sqlite3); `path` is replaced by it only if the block succeeds, with the checks and
    errors of `atomic_writer`."""
    with _temporary(path) as (fd, tmp):
        os.close(fd)
        yield Path(tmp)


@contextmanager
def _temporary(path: str | Path) -> Iterator[tuple[int, str]]:
    if str(path) == "":
        raise OutputError("''", "empty output path")
    target = Path(path)
    mode = None
    if target.is_symlink():
        raise OutputError(target, "is a symbolic link; refusing to replace it (name the file it points to)")
    if target.exists():
        info = target.stat()
        if stat.S_ISDIR(info.st_mode):
            raise OutputError(target, "is a directory; name a file to write")
        if not stat.S_ISREG(info.st_mode):
            raise OutputError(target, "is not a regular file (a device, a pipe or a socket); refusing to write onto it")
        mode = stat.S_IMODE(info.st_mode)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise OutputError(target, "output directory does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise OutputError(target, f"cannot write ({exc.strerror or exc})") from None
    try:
        yield fd, tmp
        if mode is None:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask  # mkstemp makes 0600; these are ordinary files
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError) and exc.errno in _WRITE_ERRORS:
            raise OutputError(target, f"cannot write ({exc.strerror or exc})") from None
        raise


# File-system failures of writing the output (not of reading an input).
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO,
                           errno.EISDIR, errno.EBUSY})

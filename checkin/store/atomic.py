"""Crash-safe file writes: temp file in the same folder, fsync, ``os.replace``, fsync of
the folder. A reader sees the old file or the new one, never half of one.

(TinyDB's JSONStorage rewrote its file in place and re-parsed it on every access; the data
files are now the line format of ``checkin.store.lines``, held by ``datafile.DataFile``.)
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import orjson

from checkin.errors import StoreError
from checkin.store.regular_file import NotAFile, read_regular_file

FILE_MODE = 0o600
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_durable = True  # False only inside ``unsynced`` (bulk generators of throwaway data)


@contextmanager
def unsynced() -> Iterator[None]:
    """Write in place without fsync within the block: for writers of throwaway data
    (benchmark histories), where a crash costs nothing and the disk's flush and rename
    times would dominate."""
    global _durable
    _durable = False
    try:
        yield
    finally:
        _durable = True


def temp_path(path: Path) -> Path:
    """An unpredictable temp name beside ``path`` (short enough for any legal name)."""
    # os.urandom is what secrets.token_hex reads; importing secrets (hmac, OpenSSL's
    # hashlib, random) took ~12 ms of `checkin export`.
    return path.with_name(f".{path.name[:32]}.{os.urandom(8).hex()}.tmp")


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. under a file, name too long: nothing to clean
        tmp.unlink(missing_ok=True)


def atomic_write(path: Path, data: bytes, *, keep_mode: bool = False,
                 sync: bool = True) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    New files are owner-only; ``keep_mode`` keeps an existing file's permissions. The temp
    file has an unpredictable name and is created with ``O_EXCL | O_NOFOLLOW``: a planted
    file or symlink is never written through. ``sync=False`` keeps the temp file and the
    rename (a reader sees the old file or the new one) but not the fsyncs: for derived
    data that a crash may lose (``facts``), not worth a disk flush in the event loop.
    """
    tmp = temp_path(path) if _durable else path
    try:
        mode = path.stat().st_mode & 0o777 if keep_mode and path.exists() else FILE_MODE
        # in place (unsynced): no O_TRUNC, which frees every block (slow with discard)
        flags = os.O_CREAT | os.O_EXCL | NOFOLLOW if _durable else os.O_CREAT
        fd = os.open(tmp, os.O_WRONLY | flags, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if not _durable:
                os.ftruncate(fd, len(data))
            if keep_mode and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # the umask may have narrowed it
            if _durable and sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        if tmp != path:
            os.replace(tmp, path)
    except OSError as exc:
        if tmp != path:
            _discard(tmp)
        raise StoreError(
            f"{path}: cannot save ({exc.strerror or exc}); free disk space or fix the "
            "folder's permissions, then try again (nothing was changed)"
        ) from exc
    if _durable and sync:
        _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - e.g. Windows cannot open folders
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - some file systems refuse
        pass
    finally:
        os.close(fd)


def read_bytes(path: Path) -> bytes | None:
    """A data file's bytes; None if it does not exist. A folder, fifo or device in its
    place is a StoreError, never a wait (``regular_file``)."""
    try:
        return read_regular_file(path)
    except FileNotFoundError:
        return None
    except NotAFile:
        raise StoreError(f"{path}: not a regular file (a folder, fifo or device is in its "
                         "place); move it aside — nothing was changed") from None
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot read ({exc.strerror or exc}); check its permissions"
        ) from None


def read_json(path: Path) -> Any | None:
    """Parse a JSON data file; None if it does not exist. Corrupt files raise StoreError."""
    raw = read_bytes(path)
    if raw is None:
        return None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise StoreError(
            f"{path}: not a readable checkin data file ({'empty' if not raw else exc}); "
            "restore it from a backup or move it aside — it was left untouched"
        ) from None
    if not isinstance(data, dict):
        raise StoreError(
            f"{path}: not a checkin data file (expected a JSON object); "
            "restore it from a backup or move it aside — it was left untouched"
        )
    return data

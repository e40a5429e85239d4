"""Crash-safe file writes and a TinyDB storage built on them.

TinyDB's JSONStorage rewrites its file in place and re-parses it on every access
(see DESIGN.md, "Known traps"). ``AtomicJSONStorage`` keeps the parsed data in memory
and replaces the file atomically: temp file in the same folder, fsync, ``os.replace``,
fsync of the folder. A reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from checkin.errors import StoreError

FILE_MODE = 0o600
NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def temp_path(path: Path) -> Path:
    """An unpredictable temp name beside ``path`` (short enough for any legal name)."""
    return path.with_name(f".{path.name[:32]}.{secrets.token_hex(8)}.tmp")


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):  # e.g. under a file, name too long: nothing to clean
        tmp.unlink(missing_ok=True)


def atomic_write(path: Path, data: bytes, *, keep_mode: bool = False) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    New files are owner-only; ``keep_mode`` keeps an existing file's permissions. The temp
    file has an unpredictable name and is created with ``O_EXCL | O_NOFOLLOW``: a planted
    file or symlink is never written through.
    """
    tmp = temp_path(path)
    try:
        mode = path.stat().st_mode & 0o777 if keep_mode and path.exists() else FILE_MODE
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
            if keep_mode and hasattr(os, "fchmod"):
                os.fchmod(fd, mode)  # the umask may have narrowed it
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise StoreError(
            f"{path}: cannot save ({exc.strerror or exc}); free disk space or fix the "
            "folder's permissions, then try again (nothing was changed)"
        ) from exc
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


def read_json(path: Path) -> Any | None:
    """Parse a JSON data file; None if it does not exist. Corrupt files raise StoreError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StoreError(
            f"{path}: cannot read ({exc.strerror or exc}); check its permissions"
        ) from None
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


class AtomicJSONStorage(Storage):
    """TinyDB storage: parsed once, cached in memory, written atomically.

    ``check`` validates (and may migrate) the raw data the first time it is read.
    """

    def __init__(self, path: Path, check: Callable[[Path, dict], dict] | None = None,
                 readonly: bool = False) -> None:
        self.path = Path(path)
        self._check = check
        self._readonly = readonly
        self._data: dict[str, Any] | None = None
        self._loaded = False

    def read(self) -> dict[str, Any] | None:
        if not self._loaded:
            data = read_json(self.path)
            if data is not None and self._check is not None:
                data = self._check(self.path, data)
            self._data, self._loaded = data, True
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        if self._readonly:
            raise StoreError(f"{self.path}: opened read-only; close the other checkin first")
        try:
            atomic_write(self.path, orjson.dumps(data))
        except StoreError:
            self._loaded = False  # the in-memory copy may be ahead of the disk: re-read
            raise
        self._data = data

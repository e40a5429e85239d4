"""One writer per data directory: an advisory lock that names its holder."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

from checkin import clock
from checkin.errors import LockedError, StoreError

try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True


LOCK_NAME = ".lock"


class DirLock:
    """Exclusive lock on a data dir, released by ``release`` or when the process dies."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            raise StoreError(
                f"{self.path}: cannot create the lock file ({exc.strerror}); "
                "check the data folder's permissions or use --data DIR"
            ) from None
        if not _try_lock(fd):
            holder = self.holder()
            os.close(fd)
            raise LockedError(
                f"{self.path.parent}: in use by another checkin ({holder}); "
                "close it first, or open a copy with --data DIR"
            )
        info = {"pid": os.getpid(), "host": socket.gethostname(),
                "since": clock.now().isoformat(timespec="minutes")}
        os.ftruncate(fd, 0)
        os.write(fd, json.dumps(info).encode())
        os.fsync(fd)
        self._fd = fd

    def holder(self) -> str:
        """Who holds the lock, as written by the holder."""
        try:
            info = json.loads(self.path.read_text() or "{}")
            return f"pid {info['pid']} on {info['host']} since {info['since']}"
        except (OSError, ValueError, KeyError, TypeError):
            return "process unknown"

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None

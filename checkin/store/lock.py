"""One writer per data directory: an advisory lock that names its holder.

On POSIX the lock is an ``flock`` on the data directory itself (an fd opened on the
folder), so deleting or replacing ``.lock`` under a running writer cannot let a second
writer in. ``.lock`` only says who holds it; it is created fresh by the holder with
``O_EXCL | O_NOFOLLOW`` and never followed if it is a symbolic link. On Windows, where a
folder cannot be locked, ``.lock`` itself is locked (opened without following links).
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

from checkin import clock
from checkin.errors import LockedError, StoreError

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
DIRECTORY = getattr(os, "O_DIRECTORY", 0)
LOCK_NAME = ".lock"

try:  # POSIX
    import fcntl

    LOCK_THE_FOLDER = True

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    LOCK_THE_FOLDER = False

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True


HOLDER_WAIT = 0.5  # seconds a refused writer waits for the holder to say who it is


class DirLock:
    """Exclusive lock on a data dir, released by ``release`` or when the process dies."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / LOCK_NAME
        self._fd: int | None = None

    def _fail(self, what: str, exc: OSError) -> StoreError:
        if exc.errno == errno.ELOOP:
            return StoreError(
                f"{self.path}: is a symbolic link, which checkin never follows; "
                "remove it (rm) and start again"
            )
        return StoreError(
            f"{self.path}: cannot {what} ({exc.strerror or exc}); "
            "check the data folder's permissions or use --data DIR"
        )

    def _open_target(self) -> int:
        """The fd that carries the flock: the folder itself (POSIX) or ``.lock``."""
        try:
            if LOCK_THE_FOLDER:
                return os.open(self.folder, os.O_RDONLY | DIRECTORY)
            return os.open(self.path, os.O_RDWR | os.O_CREAT | NOFOLLOW, 0o600)
        except OSError as exc:
            raise self._fail("lock the data folder", exc) from None

    def acquire(self) -> None:
        fd = self._open_target()
        if not _try_lock(fd):
            holder = self.holder()
            os.close(fd)
            raise LockedError(
                f"{self.folder}: in use by another checkin ({holder}); "
                "close it first, or open a copy with --data DIR"
            )
        try:
            self._write_holder(fd)
        except StoreError:
            os.close(fd)
            raise
        self._fd = fd

    def _write_holder(self, lock_fd: int) -> None:
        """Write who we are to ``.lock``: a new file, never through a link."""
        import socket  # only a writer takes the lock (~4 ms to import)

        info = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                           "since": clock.now().isoformat(timespec="minutes")}).encode()
        try:
            if LOCK_THE_FOLDER:
                if self.path.is_symlink():
                    raise OSError(errno.ELOOP, os.strerror(errno.ELOOP))
                self.path.unlink(missing_ok=True)  # we hold the folder: the file is stale
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | NOFOLLOW, 0o600)
            else:  # pragma: no cover - Windows: the locked file is the holder file
                fd = lock_fd
                os.ftruncate(fd, 0)
            try:
                os.write(fd, info)
                os.fsync(fd)
            finally:
                if fd != lock_fd:
                    os.close(fd)
        except OSError as exc:
            raise self._fail("write the lock file", exc) from None

    def holder(self, wait: float = HOLDER_WAIT) -> str:
        """Who holds the lock, as written by the holder. A holder writes ``.lock`` just
        after taking the lock: asked in between, the file is missing or empty, so it is
        read again for up to ``wait`` seconds before saying "process unknown"."""
        import time

        deadline = time.monotonic() + wait
        while True:
            try:
                fd = os.open(self.path, os.O_RDONLY | NOFOLLOW)
                with os.fdopen(fd, "rb") as f:
                    info = json.loads(f.read(4096) or b"{}")
                return f"pid {info['pid']} on {info['host']} since {info['since']}"
            except (OSError, ValueError, KeyError, TypeError):
                if time.monotonic() >= deadline:
                    return "process unknown"
                time.sleep(0.01)

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None

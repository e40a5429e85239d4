"""Writing a file the user named (minutes, digests): atomically, and never anywhere else.

- A regular file (new or existing) is replaced atomically (see ``atomic_write``: temp file
  with an unpredictable name, ``O_EXCL | O_NOFOLLOW``, fsync, rename). A new file is
  owner-only (0600: minutes can be confidential); an existing one keeps its mode.
- ``-`` and ``/dev/stdout`` mean standard output; a character device or a fifo
  (``/dev/null``, a named pipe) is written *into*, never replaced by a regular file.
- Nothing is ever written inside the data folder (its register, meetings, archive, lock).
- Every failure is one CheckinError line naming the path and saying what to do.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from checkin.errors import CheckinError
from checkin.render.terminal import safe
from checkin.store.atomic import atomic_write

STDOUT_NAMES = ("-", "/dev/stdout")


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` (resolved, links followed) is ``folder`` or lies under it."""
    try:
        real, top = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    except (OSError, ValueError):
        return False
    return real == top or top in real.parents


def _refuse(path: Path, why: str) -> CheckinError:
    return CheckinError(f"{path}: {why}")


def _write_into(path: Path, data: bytes) -> None:
    """Write into a device or fifo that already exists (no create, no truncate, no rename)."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOCTTY", 0))
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
    except OSError as exc:
        raise _refuse(path, f"cannot write ({exc.strerror or exc}); "
                      "choose a regular file with -o FILE") from None


def write_file(text: str, path: Path, *, data_dir: Path | None = None) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path``; see the module docstring.

    ``data_dir`` is the checkin data folder: writing inside it is refused.
    """
    path = Path(path)
    text = safe(text)  # minutes get `cat`: a typed escape sequence is shown, not obeyed
    data = text.encode("utf-8")
    if str(path) in STDOUT_NAMES:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    if data_dir is not None and _inside(path, data_dir):
        raise _refuse(path, f"is inside the checkin data folder {data_dir}; "
                      "write the file somewhere else (e.g. -o ./minutes.md)")
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:  # a path under a file, a name too long, no permission
        raise _refuse(path, f"cannot write here ({exc.strerror or exc}); "
                      "choose another file with -o FILE") from None
    if info is not None:
        if stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode):
            _write_into(path, data)
            return
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(path, "is a folder; add a file name, e.g. -o DIR/minutes.md")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, "is not a regular file (a socket or block device); "
                          "choose a regular file with -o FILE")
        if os.path.islink(path):  # write the file the link names, not over the link
            path = Path(os.path.realpath(path))
    atomic_write(path, data, keep_mode=True)


def make_folder(folder: Path) -> None:
    """Create ``folder`` and any missing parents (a CheckinError naming it on failure)."""
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckinError(
            f"{folder}: cannot create the folder ({exc.strerror or exc}); choose another "
            "place or fix the permissions of the folder above it") from exc


__all__ = ["make_folder", "write_file"]

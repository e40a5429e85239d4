"""Reading a data file without waiting on something that is not one.

A plain ``open`` of a fifo waits for a writer: a fifo planted at a data file's name hung
``checkin actions`` for good. Every reader of the data dir (the store, the fast paths of
``store.quick``, the facts cache) reads through ``read_regular_file``, which opens
without blocking and refuses anything but a regular file. Only ``os`` and ``stat``: the
fast paths import it too.
"""

from __future__ import annotations

import errno
import os
import stat

NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
NONBLOCK = getattr(os, "O_NONBLOCK", 0)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike


class NotAFile(OSError):
    """A folder, fifo, socket or device where a data file should be."""


def read_regular_file(path: str | PathLike[str], *, follow: bool = True) -> bytes:
    """The bytes of the regular file at ``path``: NotAFile for anything else, without
    waiting on it; with ``follow=False`` a symbolic link is refused too (an OSError)."""
    fd = os.open(path, os.O_RDONLY | NONBLOCK | (0 if follow else NOFOLLOW))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(errno.EINVAL, "not a regular file", os.fspath(path))
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as file:
        return file.read()

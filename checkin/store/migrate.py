"""Opening an older data dir: schema 1 and 2 moved to schema 3 (see ``schema``).

A mixin of ``Store``: a reader gets the old files' data in memory and writes nothing; a
writer backs up what it replaces, writes the new files, and the register last.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from checkin import clock
from checkin.store import lines, schema
from checkin.store.datafile import DataFile, parse


class Migrations:
    """The migrations half of ``Store`` (a mixin: it sets the store's files)."""

    root: Path
    readonly: bool
    _register: DataFile | None
    _index: DataFile | None
    _v2_index: lines.Tables | None
    _archives: dict[int, DataFile]
    _meetings: dict[str, DataFile]

    if TYPE_CHECKING:  # provided by Store
        register: DataFile
        index: DataFile
        register_path: Path
        index_path: Path

    def _migrate_v2(self, raw: bytes) -> None:
        """Schema 2 -> 3: the register's ``meetings`` table becomes ``index.json``; in
        memory for a reader; for a writer the register is backed up, the index written,
        then the register without it (a crash in between: the next writer does it again)."""
        path = self.register_path
        index, rest = schema.split_v2(parse(path, raw, "register"))
        if self.readonly:
            self._register = DataFile(path, "register", rest)
            self._v2_index = index
            return
        schema.backup_v2(self.root)
        self._index = DataFile(self.index_path, "index", index)
        self._index.save()
        since = os.stat(path)
        self._register = DataFile(path, "register", rest)
        self._register.save()
        # Its items are as they were: so is its time, which tells an archive written
        # after it (a move a crash stopped half-way, see ``_repair_moves``).
        os.utime(path, ns=(since.st_atime_ns, since.st_mtime_ns))

    def _migrate_v1(self) -> None:
        """Schema 1 -> 3: in memory for a reader; backed up and written for a writer."""
        files = schema.split_v1(self.root, clock.today())
        for path, tables in files.items():
            kind = next(iter(tables[schema.META_TABLE].values()))["kind"]
            data = DataFile(path, kind, tables)
            if kind == "archive":
                self._archives[int(path.stem)] = data
            elif kind == "meeting":
                self._meetings[path.stem] = data
            elif kind == "index":
                self._index = data
            else:
                self._register = data
        if self.readonly:
            return
        schema.backup_v1(self.root)
        written = {self.register_path: self.register, self.index_path: self.index}
        for path in sorted(files, key=lambda p: (p == self.register_path,
                                                  p == self.index_path)):  # index, register last
            (written.get(path) or self._archives.get(_int(path.stem))
             or self._meetings[path.stem]).save()
        self._meetings.clear()  # read again when asked: memory stays flat


def _int(text: str) -> int:
    return int(text) if text.isdigit() else -1

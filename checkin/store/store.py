"""The data directory: open items, the meeting index, a yearly archive, one file a meeting.

Layout (every file in the line format of ``checkin.store.lines``)::

    DATA/register.json            open action items, id counters, moves under way
    DATA/index.json               the meeting index: one summary row a meeting
    DATA/archive/<year>.json      action items closed (done, dropped) in that year
    DATA/meetings/<id>.json       one meeting each
    DATA/agendas/                 the user's own agenda templates
    DATA/.lock                    held by the one writer

What a file holds does not grow with the years when the work does not: today's open
items are read from the register alone, marking one done rewrites the register (open
items only) and one archive year; neither reads the index (``Store.index`` is loaded when
first asked for, as every meeting's summary is, and once by a writer's open).

The index is a cache of the meeting files: a meeting's file is written first, its index
row after, so a crash between leaves a file ahead of its row, which the next writer
indexes again (``_reconcile``: rows missing, or still in progress). Discarding a meeting
deletes its row first, then its file (a file left over is indexed again, never a row left
dangling). A new item's meeting count goes to the register first, then the index (a
crash between: the count of a live meeting is made good by ``_reconcile``).

Moving a closed item: closed in a meeting, it stays in the register (the meeting can
still undo it) until that meeting ends; closed between meetings, it moves at once. The
archive is written before the register. An id found in both (a crash between the two
writes) is read from the archive and removed from the register by the next writer; an
archive file written after the register is how a reader or writer knows to look. Moving
an item out of an archive year (reopened, or closed again in another year) is recorded
in the register's ``_moves`` table first, so the copy left behind is known as stale.
"""

from __future__ import annotations

import bisect
import itertools
import os
from contextlib import suppress
from datetime import date
from pathlib import Path

from checkin.core.data import from_data_many, to_data
from checkin.core.model import ActionItem, Meeting, MeetingSummary, summarize
from checkin.errors import CheckinError, StoreError
from checkin.store import lines, schema
from checkin.store.columns import ActionColumns
from checkin.store.datafile import DataFile, parse, read_bytes
from checkin.store.items import ACTIONS, MEETINGS, MOVES, parse_doc
from checkin.store.lock import DirLock
from checkin.store.migrate import Migrations

DIR_MODE = 0o700


def _same_listing(old: MeetingSummary, new: MeetingSummary) -> bool:
    if new.status == "in-progress" and old.status == "in-progress":
        return (old.date, old.facilitator, old.rating, old.roadblocks, old.actions) == (
            new.date, new.facilitator, new.rating, new.roadblocks, new.actions)
    return old == new


class Store(ActionColumns, Migrations):
    """All reads and writes of one data directory. Nothing touches the disk until ``open``."""

    def __init__(self, root: Path, *, readonly: bool = False) -> None:
        self.root = Path(root)
        self.readonly = readonly
        self._lock = DirLock(self.root)
        self._register: DataFile | None = None
        self._index: DataFile | None = None  # loaded when first asked for
        self._v2_index: lines.Tables | None = None  # a schema-2 register's, for a reader
        self._archives: dict[int, DataFile] = {}
        self._meetings: dict[str, DataFile] = {}
        self._items: dict[str, ActionItem] = {}  # converted documents, by id
        self._summary: dict[str, MeetingSummary] = {}
        self._prefix: str | None = None
        self._by_date: list[tuple[str, str]] | None = None  # (date, id) of the index, sorted
        self.damaged: dict[str, str] = {}  # meeting files found unreadable on open: why

    # ------------------------------------------------------------ lifecycle
    def open(self) -> Store:
        if self.readonly:
            if not self.register_path.exists():
                raise StoreError(
                    f"{self.root}: no checkin data here; run `checkin demo` or start a "
                    "meeting first, or point --data / $CHECKIN_DATA at your data"
                )
        else:
            self._make_dirs()
            self._lock.acquire()
            self._remove_stale_temp_files()
        try:
            self._load_register()
            if not self.readonly:
                self._repair_moves()
                self._reconcile()
                self._sweep()
        except CheckinError:
            self.close()
            raise
        return self

    def close(self) -> None:
        self._meetings.clear()
        self._archives.clear()
        self._items.clear()
        self._summary.clear()
        self._by_date = None
        self._id_floor = None
        self._register = None
        self._index = None
        self._v2_index = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def register_path(self) -> Path:
        return self.root / "register.json"

    @property
    def index_path(self) -> Path:
        return self.root / "index.json"

    def archive_path(self, year: int) -> Path:
        return self.root / "archive" / f"{year}.json"

    def _make_dirs(self) -> None:
        try:
            for folder in (self.root, self.root / "meetings", self.root / "archive"):
                if not folder.is_dir():
                    folder.mkdir(mode=DIR_MODE, parents=True)
                    os.chmod(folder, DIR_MODE)
        except OSError as exc:
            raise StoreError(
                f"{self.root}: cannot create the data folder ({exc.strerror}); "
                "choose another with --data DIR or $CHECKIN_DATA"
            ) from None

    def _remove_stale_temp_files(self) -> None:
        """Temp files of writers killed mid-save (we hold the lock: none is live)."""
        for folder in (self.root, self.root / "meetings", self.root / "archive"):
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)

    def _load_register(self) -> None:
        path = self.register_path
        raw = read_bytes(path)
        if raw is not None and raw[:1] == b"{":
            self._migrate_v1()
            return
        if raw is None:
            self._register = DataFile(path, "register")
            if not self.readonly:
                self._register.save()
            return
        version = (lines.meta_of(parse(path, raw, "register", tables=[])) or {})["schema"]
        if version == 2:
            self._migrate_v2(raw)
        elif self.readonly:
            self._register = DataFile.lazy(path, "register", raw)
        else:
            self._register = DataFile(path, "register", parse(path, raw, "register"), raw)

    @property
    def register(self) -> DataFile:
        if self._register is None:
            raise RuntimeError("Store.open() first")
        return self._register

    @property
    def index(self) -> DataFile:
        """The meeting index (``index.json``), read when first asked for."""
        if self._index is None:
            if self._register is None:
                raise RuntimeError("Store.open() first")
            if self._v2_index is not None:  # a reader of a schema-2 dir: from its register
                self._index = DataFile(self.index_path, "index", self._v2_index)
            else:
                self._index = DataFile.load(self.index_path, "index")
        return self._index

    def _save_index(self) -> None:
        try:
            self.index.save()
        except StoreError:
            self._index = None  # memory may be ahead of the disk: read again when asked
            self._summary.clear()
            self._by_date = None
            raise

    # ------------------------------------------------------------ archive
    def archive_years(self) -> list[int]:
        """Years that have an archive file (or one in memory), oldest first."""
        folder = self.root / "archive"
        years = {int(p.stem) for p in folder.glob("*.json") if p.stem.isdigit()} \
            if folder.is_dir() else set()
        return sorted(years | set(self._archives))

    def _archive(self, year: int) -> DataFile:
        data = self._archives.get(year)
        if data is None:
            data = self._archives[year] = DataFile.load(self.archive_path(year), "archive")
        return data

    def _newer_archives(self) -> list[int]:
        """Archive years written after the register: a move may have stopped half-way."""
        try:
            since = self.register_path.stat().st_mtime_ns
        except FileNotFoundError:
            return []
        folder = self.root / "archive"
        if not folder.is_dir():
            return []
        with os.scandir(folder) as entries:
            return sorted(int(e.name[:-5]) for e in entries if e.name.endswith(".json")
                          and e.name[:-5].isdigit() and e.stat().st_mtime_ns >= since)

    def _repair_moves(self) -> None:
        """Finish the moves a crash stopped half-way (see ``ActionItems._save_actions``).

        An id in the register and in an archive written after it: the archive's copy
        wins (a move into the archive). An id the register says is leaving archive year
        Y (``_moves``): once it is where it went, Y's copy is stale and deleted; the
        record is dropped either way. Any other id found twice is left as it is (reported
        where it is read).
        """
        register = self.register.table(ACTIONS)
        moving = list(self.register.table(MOVES))
        stale = [i for y in self._newer_archives() for i in self._archive(y).table(ACTIONS)
                 if i in register and i not in moving]
        for action_id in stale:
            self.register.delete(ACTIONS, action_id)
            self._items.pop(action_id, None)
        for action_id in moving:
            year = self._moving_from(action_id)
            if (year is not None and self._stale(action_id, year)
                    and self._archive(year).delete(ACTIONS, action_id)):
                self._save(self._archive(year))  # the archive first, then the record
            self.register.delete(MOVES, action_id)
        if stale or moving:
            self.register.save()

    # ------------------------------------------------------------ meetings
    def meeting_path(self, meeting_id: str) -> Path:
        return self.root / "meetings" / f"{meeting_id}.json"

    def _meeting_file(self, meeting_id: str, *, new: bool = False) -> DataFile:
        """The meeting's file; a missing one is an error unless ``new`` (being saved): a
        read never creates it, so a lost file is reported, not replaced by an empty one."""
        data = self._meetings.get(meeting_id)
        if data is None:
            path = self.meeting_path(meeting_id)
            raw = read_bytes(path)
            if raw is None and not new:
                raise StoreError(
                    f"{path}: missing, though the meeting index in {self.index_path.name} "
                    "lists it; restore the file from a backup")
            if raw is not None and raw[:1] == b"{":  # schema 1 (a reader of an old dir)
                doc = schema.read_v1(path).get("meeting", {}).get("1")
                tables = {"meeting": {meeting_id: doc}} if doc is not None else {}
                data = DataFile(path, "meeting", tables)
            elif raw is None:
                data = DataFile(path, "meeting")
            else:
                data = DataFile(path, "meeting", parse(path, raw, "meeting"), raw)
            self._meetings[meeting_id] = data
        return data

    def load_meeting(self, meeting_id: str) -> Meeting:
        data = self._meeting_file(meeting_id)
        doc = next(iter(data.table("meeting").values()), None)
        if doc is None:
            raise StoreError(f"{self.meeting_path(meeting_id)}: holds no meeting")
        return parse_doc(Meeting, doc, f"{self.meeting_path(meeting_id)}: the meeting")

    def save_meeting(self, meeting: Meeting) -> None:
        """Write the meeting's own file; touch the register only if its summary changed."""
        data = self._meeting_file(meeting.id, new=True)
        data.put("meeting", meeting.id, to_data(meeting))
        try:
            data.save()
        except StoreError:
            self._meetings.pop(meeting.id, None)  # memory may be ahead of the disk: re-read
            raise
        self._index_meeting(meeting)

    def _index_meeting(self, meeting: Meeting, *, force: bool = False,
                       recount: bool = False) -> None:
        """Update the meeting's index row when it changed in a way lists show.

        While a meeting is in progress its readings are left out of the comparison, so
        typing a metric value costs one meeting file, not an index rewrite; ending the
        meeting (or the next open, see ``_reconcile``) brings them into the index. Ending
        it also moves the items it closed to the archive (after the index is written).
        ``recount``: its item count is at least the items the register holds made in it.
        """
        old = self._summary_of(meeting.id)
        created = old.actions if old is not None else 0
        if old is None or recount:
            created = max(created, sum(1 for d in self.register.table(ACTIONS).values()
                                       if d.get("created_in") == meeting.id))
        summary = summarize(meeting, created)
        if old is not None and not force and _same_listing(old, summary):
            return
        self.index.put(MEETINGS, meeting.id, to_data(summary))
        self._summary[meeting.id] = summary
        if self._by_date is not None and (old is None or old.date != summary.date):
            if old is not None:
                self._by_date.remove((old.date.isoformat(), old.id))
            bisect.insort(self._by_date, (summary.date.isoformat(), summary.id))
        self._save_index()
        if summary.status != "in-progress" and (old is None or old.status == "in-progress"):
            self._sweep(meeting.id)  # ended: its closed items to the archive

    def _reconcile(self) -> None:
        """Bring the index up to date with meeting files a crash may have left ahead of it."""
        index = self.index.table(MEETINGS)
        folder = self.root / "meetings"
        found = {p.stem for p in folder.glob("*.json")} if folder.is_dir() else set()
        stale = [i for i in found if i not in index or index[i].get("status") == "in-progress"]
        for meeting_id in sorted(stale):
            try:
                meeting = self.load_meeting(meeting_id)
            except StoreError as exc:  # reported where it is used; every other one works
                self._meetings.pop(meeting_id, None)
                self.damaged[meeting_id] = str(exc)
                continue
            old = self._summary_of(meeting_id)
            live = old is not None and old.status == "in-progress"
            self._index_meeting(meeting, force=old is None
                                or summarize(meeting, 0).readings != old.readings,
                                recount=live)

    def _summary_of(self, meeting_id: str) -> MeetingSummary | None:
        summary = self._summary.get(meeting_id)
        if summary is None:
            doc = self.index.table(MEETINGS).get(meeting_id)
            if doc is None:
                return None
            summary = self._summary[meeting_id] = parse_doc(
                MeetingSummary, doc,
                lambda: f"{self.index_path}: meeting index {meeting_id!r}", meeting_id)
        return summary

    def meetings(self, agenda_id: str | None = None, *, limit: int | None = None,
                 before: tuple[date, str] | None = None,
                 status: str | None = None) -> list[MeetingSummary]:
        """Meeting summaries, newest first: only those of ``status`` and older than
        ``before`` (date, id), and the first ``limit`` only, if given.

        Rows are ordered on the raw index; only the rows returned are converted.
        """
        index = self.index.table(MEETINGS)
        if self._by_date is None:
            days = [(d.get("date", ""), i) for i, d in index.items()]
            for day, i in days:
                if not isinstance(day, str):
                    self._summary_of(i)  # raises: names the row and what is wrong
            self._by_date = sorted(days)
        order = self._by_date
        end = len(order) if before is None else bisect.bisect_left(
            order, (before[0].isoformat(), before[1]))
        keys = (order[n][1] for n in range(end - 1, -1, -1))  # newest first, lazily
        if agenda_id is not None:
            keys = (i for i in keys if index[i].get("agenda_id") == agenda_id)
        if status is not None:
            keys = (i for i in keys if index[i].get("status") == status)
        ids = list(itertools.islice(keys, limit))
        todo = [i for i in ids if i not in self._summary]
        many = from_data_many(MeetingSummary, [index[i] for i in todo])
        if many is not None and [s.id for s in many] == todo:  # else one by one: named
            self._summary.update(zip(todo, many))
        rows = [self._summary_of(i) for i in ids]
        return [r for r in rows if r is not None]

    def meeting_agendas(self) -> list[str]:
        """Ids of the agendas that have meetings, sorted."""
        return sorted({d.get("agenda_id", "") for d in self.index.table(MEETINGS).values()})

    def meeting_count(self, agenda_id: str | None = None) -> int:
        index = self.index.table(MEETINGS)
        return len(index) if agenda_id is None else sum(
            1 for d in index.values() if d.get("agenda_id") == agenda_id)

    def new_meeting_id(self, on: date, agenda_id: str) -> str:
        base = f"{on.isoformat()}-{agenda_id}"
        taken = self.index.table(MEETINGS)
        candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, 1000))
        return next(c for c in candidates if c not in taken and not self.meeting_path(c).exists())

    def find_meeting(self, ref: str) -> MeetingSummary:
        """A meeting by id, by date (the latest that day) or ``last``."""
        latest = self.meetings(limit=3)
        if not latest:
            raise CheckinError(f"{self.root}: no meetings yet; start one with `checkin run`")
        if ref == "last":
            return latest[0]
        if ref in self.index.table(MEETINGS):
            found = self._summary_of(ref)
            if found is not None:
                return found
        same_day = [i for i, d in self.index.table(MEETINGS).items() if d.get("date") == ref]
        if same_day:
            return self.meetings_by_id(same_day)[0]
        names = ", ".join(r.id for r in latest)
        raise CheckinError(
            f"no meeting {ref!r}; give an id, a date (YYYY-MM-DD) or `last` (latest: {names})"
        )

    def meetings_by_id(self, meeting_ids: list[str]) -> list[MeetingSummary]:
        rows = [s for s in map(self._summary_of, meeting_ids) if s is not None]
        return sorted(rows, key=lambda s: (s.date, s.id), reverse=True)

    def in_progress(self, agenda_id: str | None = None) -> MeetingSummary | None:
        live = [i for i, d in self.index.table(MEETINGS).items()
                if d.get("status") == "in-progress"
                and (agenda_id is None or d.get("agenda_id") == agenda_id)]
        return next(iter(self.meetings_by_id(live)), None)

    def forget_meeting_db(self, meeting_id: str) -> None:
        """Drop a meeting file's cached copy (bulk writers keep memory flat)."""
        with suppress(KeyError):
            self._meetings.pop(meeting_id)

    # ------------------------------------------------------------ discarding
    def remove_meeting(self, meeting_id: str) -> None:
        """Delete a meeting: its index row first, then its file (a crash in between
        leaves the file, which the next open indexes again, never a dangling row)."""
        if self.index.delete(MEETINGS, meeting_id):
            self._summary.pop(meeting_id, None)
            self._by_date = None
            self._save_index()
        self.forget_meeting_db(meeting_id)
        self.meeting_path(meeting_id).unlink(missing_ok=True)


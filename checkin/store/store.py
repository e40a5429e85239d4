"""The data directory: open items and the meeting index, a yearly archive, one file a meeting.

Layout (every file in the line format of ``checkin.store.lines``)::

    DATA/register.json            open action items, the meeting index, id counters
    DATA/archive/<year>.json      action items closed (done, dropped) in that year
    DATA/meetings/<id>.json       one meeting each
    DATA/agendas/                 the user's own agenda templates
    DATA/.lock                    held by the one writer

What a file holds does not grow with the years when the work does not: today's open
items are read from the register alone, marking one done rewrites the register (open
items + index) and one archive year.

Moving a closed item: closed in a meeting, it stays in the register (the meeting can
still undo it) until that meeting ends; closed between meetings, it moves at once. The
archive is written before the register. An id found in both (a crash between the two
writes) is read from the archive and removed from the register by the next writer; an
archive file written after the register is how a reader or writer knows to look.
"""

from __future__ import annotations

import bisect
import itertools
import os
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from checkin import clock
from checkin.core.model import ActionItem, Meeting, MeetingSummary, from_data, summarize, to_data
from checkin.errors import CheckinError, StoreError
from checkin.store import schema
from checkin.store.datafile import DataFile, parse, read_bytes
from checkin.store.lock import DirLock

DIR_MODE = 0o700
T = TypeVar("T")
ACTIONS, MEETINGS, IDS = "actions", "meetings", "_ids"


def _parse(cls: type[T], doc: dict[str, Any], where: str) -> T:
    """A stored document as ``cls``; a damaged one is a one-line StoreError."""
    try:
        return from_data(cls, dict(doc))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreError(
            f"{where} is damaged ({exc}); restore the file from a backup — it was left "
            "untouched"
        ) from None


def _same_listing(old: MeetingSummary, new: MeetingSummary) -> bool:
    if new.status == "in-progress" and old.status == "in-progress":
        return (old.date, old.facilitator, old.rating, old.roadblocks, old.actions) == (
            new.date, new.facilitator, new.rating, new.roadblocks, new.actions)
    return old == new


def _closed_year(item: ActionItem) -> int:
    return (item.closed_on or clock.today()).year


class Store:
    """All reads and writes of one data directory. Nothing touches the disk until ``open``."""

    def __init__(self, root: Path, *, readonly: bool = False) -> None:
        self.root = Path(root)
        self.readonly = readonly
        self._lock = DirLock(self.root)
        self._register: DataFile | None = None
        self._archives: dict[int, DataFile] = {}
        self._meetings: dict[str, DataFile] = {}
        self._items: dict[str, ActionItem] = {}  # converted documents, by id
        self._summary: dict[str, MeetingSummary] = {}
        self._prefix: str | None = None
        self._by_date: list[tuple[str, str]] | None = None  # (date, id) of the index, sorted

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
        self._register = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def register_path(self) -> Path:
        return self.root / "register.json"

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
        elif self.readonly:
            self._register = DataFile.lazy(path, "register", raw)
        else:
            self._register = DataFile(path, "register", parse(path, raw, "register"), raw)

    def _migrate_v1(self) -> None:
        """Schema 1 -> 2: in memory for a reader; backed up and written for a writer."""
        files = schema.split_v1(self.root, clock.today())
        for path, tables in files.items():
            kind = next(iter(tables[schema.META_TABLE].values()))["kind"]
            data = DataFile(path, kind, tables)
            if kind == "archive":
                self._archives[int(path.stem)] = data
            elif kind == "meeting":
                self._meetings[path.stem] = data
            else:
                self._register = data
        if self.readonly:
            return
        schema.backup_v1(self.root)
        for path in sorted(files, key=lambda p: p == self.register_path):  # register last
            (self._register if path == self.register_path
             else self._archives.get(_int(path.stem)) or self._meetings[path.stem]).save()
        self._meetings.clear()  # read again when asked: memory stays flat

    @property
    def register(self) -> DataFile:
        if self._register is None:
            raise RuntimeError("Store.open() first")
        return self._register

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
        """An id in both the register and an archive: the archive's copy wins."""
        register = self.register.table(ACTIONS)
        stale = [i for y in self._newer_archives() for i in self._archive(y).table(ACTIONS)
                 if i in register]
        for action_id in stale:
            self.register.delete(ACTIONS, action_id)
            self._items.pop(action_id, None)
        if stale:
            self.register.save()

    # ------------------------------------------------------------ meetings
    def meeting_path(self, meeting_id: str) -> Path:
        return self.root / "meetings" / f"{meeting_id}.json"

    def _meeting_file(self, meeting_id: str) -> DataFile:
        data = self._meetings.get(meeting_id)
        if data is None:
            path = self.meeting_path(meeting_id)
            raw = read_bytes(path)
            if raw is None and self.readonly:
                raise StoreError(f"{path}: missing; the meeting index points at it")
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
        return _parse(Meeting, doc, f"{self.meeting_path(meeting_id)}: the meeting")

    def save_meeting(self, meeting: Meeting) -> None:
        """Write the meeting's own file; touch the register only if its summary changed."""
        data = self._meeting_file(meeting.id)
        data.put("meeting", meeting.id, to_data(meeting))
        try:
            data.save()
        except StoreError:
            self._meetings.pop(meeting.id, None)  # memory may be ahead of the disk: re-read
            raise
        self._index_meeting(meeting)

    def _index_meeting(self, meeting: Meeting, *, force: bool = False) -> None:
        """Update the meeting's index row when it changed in a way lists show.

        While a meeting is in progress its readings are left out of the comparison, so
        typing a metric value costs one meeting file, not a register rewrite; ending the
        meeting (or the next open, see ``_reconcile``) brings them into the index. Ending
        it also moves the items it closed to the archive.
        """
        old = self._summary_of(meeting.id)
        created = old.actions if old is not None else sum(
            1 for d in self.register.table(ACTIONS).values() if d.get("created_in") == meeting.id)
        summary = summarize(meeting, created)
        if old is not None and not force and _same_listing(old, summary):
            return
        self.register.put(MEETINGS, meeting.id, to_data(summary))
        self._summary[meeting.id] = summary
        if self._by_date is not None and (old is None or old.date != summary.date):
            if old is not None:
                self._by_date.remove((old.date.isoformat(), old.id))
            bisect.insort(self._by_date, (summary.date.isoformat(), summary.id))
        ended = summary.status != "in-progress" and (old is None or old.status == "in-progress")
        if not ended or not self._sweep(meeting.id):
            self._save_register()

    def _reconcile(self) -> None:
        """Bring the index up to date with meeting files a crash may have left ahead of it."""
        index = self.register.table(MEETINGS)
        folder = self.root / "meetings"
        found = {p.stem for p in folder.glob("*.json")} if folder.is_dir() else set()
        stale = [i for i in found if i not in index or index[i].get("status") == "in-progress"]
        for meeting_id in sorted(stale):
            meeting = self.load_meeting(meeting_id)
            old = self._summary_of(meeting_id)
            self._index_meeting(meeting, force=old is None
                                or summarize(meeting, 0).readings != old.readings)

    def _summary_of(self, meeting_id: str) -> MeetingSummary | None:
        summary = self._summary.get(meeting_id)
        if summary is None:
            doc = self.register.table(MEETINGS).get(meeting_id)
            if doc is None:
                return None
            summary = self._summary[meeting_id] = _parse(
                MeetingSummary, doc, f"{self.register_path}: meeting index {meeting_id!r}")
        return summary

    def meetings(self, agenda_id: str | None = None, *, limit: int | None = None,
                 before: tuple[date, str] | None = None,
                 status: str | None = None) -> list[MeetingSummary]:
        """Meeting summaries, newest first: only those of ``status`` and older than
        ``before`` (date, id), and the first ``limit`` only, if given.

        Rows are ordered on the raw index; only the rows returned are converted.
        """
        index = self.register.table(MEETINGS)
        if self._by_date is None:
            self._by_date = sorted((d.get("date", ""), i) for i, d in index.items())
        order = self._by_date
        end = len(order) if before is None else bisect.bisect_left(
            order, (before[0].isoformat(), before[1]))
        keys = (order[n][1] for n in range(end - 1, -1, -1))  # newest first, lazily
        if agenda_id is not None:
            keys = (i for i in keys if index[i].get("agenda_id") == agenda_id)
        if status is not None:
            keys = (i for i in keys if index[i].get("status") == status)
        rows = [self._summary_of(i) for i in itertools.islice(keys, limit)]
        return [r for r in rows if r is not None]

    def meeting_agendas(self) -> list[str]:
        """Ids of the agendas that have meetings, sorted."""
        return sorted({d.get("agenda_id", "") for d in self.register.table(MEETINGS).values()})

    def meeting_count(self, agenda_id: str | None = None) -> int:
        index = self.register.table(MEETINGS)
        return len(index) if agenda_id is None else sum(
            1 for d in index.values() if d.get("agenda_id") == agenda_id)

    def new_meeting_id(self, on: date, agenda_id: str) -> str:
        base = f"{on.isoformat()}-{agenda_id}"
        taken = self.register.table(MEETINGS)
        candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, 1000))
        return next(c for c in candidates if c not in taken and not self.meeting_path(c).exists())

    def find_meeting(self, ref: str) -> MeetingSummary:
        """A meeting by id, by date (the latest that day) or ``last``."""
        latest = self.meetings(limit=3)
        if not latest:
            raise CheckinError(f"{self.root}: no meetings yet; start one with `checkin run`")
        if ref == "last":
            return latest[0]
        if ref in self.register.table(MEETINGS):
            found = self._summary_of(ref)
            if found is not None:
                return found
        same_day = [i for i, d in self.register.table(MEETINGS).items() if d.get("date") == ref]
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
        live = [i for i, d in self.register.table(MEETINGS).items()
                if d.get("status") == "in-progress"
                and (agenda_id is None or d.get("agenda_id") == agenda_id)]
        return next(iter(self.meetings_by_id(live)), None)

    def forget_meeting_db(self, meeting_id: str) -> None:
        """Drop a meeting file's cached copy (bulk writers keep memory flat)."""
        with suppress(KeyError):
            self._meetings.pop(meeting_id)

    # ------------------------------------------------------------ action items
    def _item(self, doc: dict[str, Any], where: Path) -> ActionItem:
        action_id = doc.get("id")
        item = self._items.get(action_id) if isinstance(action_id, str) else None
        if item is None:
            item = _parse(ActionItem, doc, f"{where}: action item {action_id!r}")
            self._items[item.id] = item
        return item

    def _register_items(self, where: Callable[[dict[str, Any]], bool] | None = None
                        ) -> list[ActionItem]:
        docs = self.register.table(ACTIONS)
        moved = {i for y in self._newer_archives() for i in self._archive(y).table(ACTIONS)} \
            if self.readonly and docs else set()
        return [self._item(d, self.register_path) for i, d in docs.items()
                if i not in moved and (where is None or where(d))]

    def closed_actions(self, years: list[int] | None = None,
                       where: Callable[[dict[str, Any]], bool] | None = None) -> list[ActionItem]:
        """Archived items of ``years`` (every year if None): only those files are read.

        ``where`` picks stored documents before any is converted.
        """
        out = []
        for year in self.archive_years() if years is None else years:
            if year in self._archives or self.archive_path(year).exists():
                out += [self._item(d, self.archive_path(year))
                        for d in self._archive(year).table(ACTIONS).values()
                        if where is None or where(d)]
        return out

    def created_in(self, meeting_id: str) -> list[ActionItem]:
        """Items created in a meeting: from the register and the archive of the meeting's
        year on (an item is closed on or after the day it was made)."""
        summary = self._summary_of(meeting_id)
        first = summary.date.year if summary else clock.today().year
        items = {a.id: a for a in self._register_items(
            lambda d: d.get("created_in") == meeting_id)}
        items.update((a.id, a) for a in self.closed_actions(
            [y for y in self.archive_years() if y >= first],
            lambda d: d.get("created_in") == meeting_id))
        return sorted(items.values(), key=lambda a: _id_order(a.id))

    def owner_names(self) -> set[str]:
        """Everyone who ever owned an item, read from the stored documents unconverted."""
        return {d.get("owner") or "" for d in self.action_docs()} - {""}

    def department_names(self) -> list[str]:
        """Every department an item was ever filed under, sorted, from the raw documents."""
        return sorted({d.get("department") or "" for d in self.action_docs()} - {""})

    def action_docs(self) -> list[dict[str, Any]]:
        """Every item as stored (raw documents, not converted; the archive wins): for
        one-pass aggregates over the whole history such as trends."""
        docs = dict(self.register.table(ACTIONS))
        for year in self.archive_years():
            docs.update(self._archive(year).table(ACTIONS))
        return list(docs.values())

    def actions(self, status: str | None = None) -> list[ActionItem]:
        """Action items (all, or of one ``status``), oldest first.

        ``open`` reads the register alone; a closed status or all of them reads every
        archive year (use ``closed_actions(years)`` to read fewer).
        """
        items = {a.id: a for a in self._register_items()}
        if status != "open":
            items.update((a.id, a) for a in self.closed_actions())  # the archive wins
        rows = [a for a in items.values() if status is None or a.status == status]
        return sorted(rows, key=lambda a: _id_order(a.id))

    def register_actions(self, where: Callable[[dict[str, Any]], bool] | None = None
                         ) -> list[ActionItem]:
        """Every item in the register: open ones, and those closed in a live meeting."""
        items = self._register_items(where)
        return sorted(items, key=lambda a: _id_order(a.id))

    def action(self, action_id: str) -> ActionItem:
        """One item by id: the register, else the archive (newest year first)."""
        doc = self.register.table(ACTIONS).get(action_id)
        year = self._where(action_id) if doc is None or self.readonly else None
        if year is not None:
            return self._item(self._archive(year).table(ACTIONS)[action_id],
                              self.archive_path(year))
        if doc is not None:
            return self._item(doc, self.register_path)
        raise CheckinError(f"no action item {action_id!r}")

    def _where(self, action_id: str) -> int | None:
        """The archive year holding ``action_id``, if any (reads archives until found)."""
        for year in reversed(self.archive_years()):
            if action_id in self._archive(year).table(ACTIONS):
                return year
        return None

    def add_action(self, item: ActionItem) -> ActionItem:
        """Store a new item; its id is assigned here (``A1``, ``A2``... see ``ids``)."""
        return self.add_actions([item])[0]

    def _new_ids(self, count: int) -> list[str]:
        from checkin.store import ids

        if self._prefix is None:
            self._prefix = ids.prefix_for(self.root, set(self.register.table(IDS)))
        counter = self.register.table(IDS).get(self._prefix, {}).get("next")
        if counter is None:  # a data dir from before the counter (or a new one)
            numbers = [s[1] for s in map(ids.split_id, self.register.table(ACTIONS))
                       if s and s[0] == self._prefix]
            if self._prefix == ids.LEGACY and self.archive_years():
                numbers += [s[1] for s in map(ids.split_id, (a.id for a in
                            self.closed_actions())) if s and s[0] == ids.LEGACY]
            counter = max(numbers, default=0) + 1
        self.register.put(IDS, self._prefix, {"next": counter + count})
        return [f"{self._prefix}{counter + n}" for n in range(count)]

    def save_action(self, item: ActionItem) -> None:
        """Write one item: to the register, or (closed, not in a live meeting) the archive."""
        self._save_actions([item])

    def add_actions(self, items: list[ActionItem]) -> list[ActionItem]:
        """Store many new items with one write per file (seeding, imports)."""
        for item, new_id in zip(items, self._new_ids(len(items))):
            item.id = new_id
        for item in items:
            summary = self._summary_of(item.created_in) if item.created_in else None
            if summary is not None:
                summary.actions += 1
                self.register.put(MEETINGS, summary.id, to_data(summary))
        self._save_actions(items, new=True)
        return items

    def _archivable(self, item: ActionItem) -> bool:
        if item.status == "open":
            return False
        live = self._summary_of(item.closed_in) if item.closed_in else None
        return live is None or live.status != "in-progress"

    def _save_actions(self, items: list[ActionItem], *, new: bool = False) -> None:
        register = self.register.table(ACTIONS)
        to_archive: dict[int, list[ActionItem]] = {}
        reopened: dict[int, list[str]] = {}
        for item in items:
            was = None if new or item.id in register else self._where(item.id)
            if self._archivable(item):
                to_archive.setdefault(_closed_year(item), []).append(item)
                if was is not None and was != _closed_year(item):
                    reopened.setdefault(was, []).append(item.id)
            else:
                self.register.put(ACTIONS, item.id, to_data(item))
                if was is not None:
                    reopened.setdefault(was, []).append(item.id)
            self._items[item.id] = item
        for year, batch in sorted(to_archive.items()):  # the archive first ...
            archive = self._archive(year)
            for item in batch:
                archive.put(ACTIONS, item.id, to_data(item))
            self._save(archive)
        for batch in to_archive.values():
            for item in batch:
                self.register.delete(ACTIONS, item.id)
        self._save_register()  # ... then the register
        for year, gone in sorted(reopened.items()):
            archive = self._archive(year)
            if any([archive.delete(ACTIONS, i) for i in gone]):
                self._save(archive)

    def _sweep(self, meeting_id: str | None = None) -> bool:
        """Move closed items out of the register once no live meeting can undo them.

        Returns whether it saved the register.
        """
        done = [self._item(d, self.register_path)
                for d in self.register.table(ACTIONS).values()
                if d.get("status") != "open" and (meeting_id is None
                                                  or d.get("closed_in") == meeting_id)]
        done = [a for a in done if self._archivable(a)]
        if done:
            self._save_actions(done)
        return bool(done)

    def _save(self, data: DataFile) -> None:
        try:
            data.save()
        except StoreError:
            self._archives = {y: a for y, a in self._archives.items() if a is not data}
            raise

    def _save_register(self) -> None:
        try:
            self.register.save()
        except StoreError:
            self._items.clear()
            self._summary.clear()
            self._by_date = None
            self._load_register()  # memory may be ahead of the disk: re-read
            raise


def _int(text: str) -> int:
    return int(text) if text.isdigit() else -1


def _id_order(action_id: str) -> tuple[Any, ...]:
    from checkin.store.lines import id_key

    return id_key(action_id)

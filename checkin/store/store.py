"""The data directory: a register (action items, meeting index) and one file per meeting.

Layout::

    DATA/register.json            action items + meeting index (TinyDB)
    DATA/meetings/<id>.json       one meeting each (TinyDB), so an autosave costs the
                                  size of that meeting, not of the whole history
    DATA/agendas/                 the user's own agenda templates
    DATA/.lock                    held by the one writer
"""

from __future__ import annotations

import os
from collections import Counter
from contextlib import suppress
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.table import Document, Table

from checkin.core.model import ActionItem, Meeting, MeetingSummary, from_data, summarize, to_data
from checkin.errors import CheckinError, StoreError
from checkin.store import schema
from checkin.store.atomic import AtomicJSONStorage
from checkin.store.lock import DirLock

DIR_MODE = 0o700
T = TypeVar("T")


def _parse(cls: type[T], doc: Document, where: str) -> T:
    """A stored document as ``cls``; a damaged one is a one-line StoreError."""
    try:
        return from_data(cls, dict(doc))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise StoreError(
            f"{where} is damaged ({exc}); restore the file from a backup — it was left "
            "untouched"
        ) from None


def _put(table: Table, doc_id: int, data: dict[str, Any]) -> None:
    """Insert or replace one document with one file write.

    TinyDB's ``upsert`` by doc_id writes twice for a new document (an empty update, then
    the insert), which made every new action item rewrite the register twice.
    """
    if table.contains(doc_id=doc_id):
        table.update(data, doc_ids=[doc_id])
    else:
        table.insert(Document(data, doc_id=doc_id))


def _same_listing(old: MeetingSummary, new: MeetingSummary) -> bool:
    if new.status == "in-progress" and old.status == "in-progress":
        return (old.date, old.facilitator, old.rating, old.roadblocks, old.actions) == (
            new.date, new.facilitator, new.rating, new.roadblocks, new.actions)
    return old == new


class Store:
    """All reads and writes of one data directory. Nothing touches the disk until ``open``."""

    def __init__(self, root: Path, *, readonly: bool = False) -> None:
        self.root = Path(root)
        self.readonly = readonly
        self._lock = DirLock(self.root)
        self._register: TinyDB | None = None
        self._meeting_dbs: dict[str, TinyDB] = {}
        self._actions: dict[str, ActionItem] | None = None
        self._created: Counter[str | None] = Counter()  # action items per meeting
        self._index: dict[str, MeetingSummary] | None = None
        self._index_ids: dict[str, int] = {}  # meeting id -> its index row's doc_id

    # ------------------------------------------------------------ lifecycle
    def open(self) -> Store:
        if self.readonly:
            if not (self.root / "register.json").exists():
                raise StoreError(
                    f"{self.root}: no checkin data here; run `checkin demo` or start a "
                    "meeting first, or point --data / $CHECKIN_DATA at your data"
                )
        else:
            self._make_dirs()
            self._lock.acquire()
            self._remove_stale_temp_files()
        try:
            self._register = self._db(self.root / "register.json", "register")
            if not self.readonly:
                self._reconcile()
        except CheckinError:
            self.close()
            raise
        return self

    def close(self) -> None:
        for db in self._meeting_dbs.values():
            db.close()
        self._meeting_dbs.clear()
        if self._register is not None:
            self._register.close()
            self._register = None
        self._lock.release()

    def __enter__(self) -> Store:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _make_dirs(self) -> None:
        try:
            for folder in (self.root, self.root / "meetings"):
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
        for folder in (self.root, self.root / "meetings"):
            for tmp in folder.glob(".*.tmp"):
                tmp.unlink(missing_ok=True)

    def _db(self, path: Path, kind: str) -> TinyDB:
        check = partial(schema.check, readonly=self.readonly)
        db = TinyDB(path, storage=AtomicJSONStorage, check=check, readonly=self.readonly)
        meta = db.table(schema.META_TABLE)
        if not meta.contains(doc_id=1) and not self.readonly:
            meta.insert(Document(schema.meta_doc(kind), doc_id=1))
        return db

    @property
    def register(self) -> TinyDB:
        if self._register is None:
            raise RuntimeError("Store.open() first")
        return self._register

    # ------------------------------------------------------------ meetings
    def meeting_path(self, meeting_id: str) -> Path:
        return self.root / "meetings" / f"{meeting_id}.json"

    def _meeting_db(self, meeting_id: str) -> TinyDB:
        db = self._meeting_dbs.get(meeting_id)
        if db is None:
            path = self.meeting_path(meeting_id)
            if not path.exists() and self.readonly:
                raise StoreError(f"{path}: missing; the meeting index points at it")
            db = self._meeting_dbs[meeting_id] = self._db(path, "meeting")
        return db

    def load_meeting(self, meeting_id: str) -> Meeting:
        doc = self._meeting_db(meeting_id).table("meeting").get(doc_id=1)
        if doc is None:
            raise StoreError(f"{self.meeting_path(meeting_id)}: holds no meeting")
        return _parse(Meeting, doc, f"{self.meeting_path(meeting_id)}: the meeting")

    def save_meeting(self, meeting: Meeting) -> None:
        """Write the meeting's own file; touch the register only if its summary changed."""
        _put(self._meeting_db(meeting.id).table("meeting"), 1, to_data(meeting))
        self._index_meeting(meeting)

    def _index_meeting(self, meeting: Meeting, *, force: bool = False) -> None:
        """Update the meeting's index row when it changed in a way lists show.

        While a meeting is in progress its readings are left out of the comparison, so
        typing a metric value costs one meeting file, not a register rewrite; ending the
        meeting (or the next open, see ``_reconcile``) brings them into the index.
        """
        self._action_map()
        summary = summarize(meeting, self._created.get(meeting.id, 0))
        old = self._summaries().get(meeting.id)
        if old is not None and not force and _same_listing(old, summary):
            return
        _put(self.register.table("meetings"), self._index_doc_id(meeting.id), to_data(summary))
        self._summaries()[meeting.id] = summary

    def _reconcile(self) -> None:
        """Bring the index up to date with meeting files a crash may have left ahead of it."""
        known = self._summaries()
        folder = self.root / "meetings"
        ids = {p.stem for p in folder.glob("*.json")} if folder.is_dir() else set()
        stale = [i for i in ids if i not in known or known[i].status == "in-progress"]
        for meeting_id in sorted(stale):
            meeting = self.load_meeting(meeting_id)
            self._index_meeting(meeting, force=meeting_id not in known
                                or summarize(meeting, 0).readings != known[meeting_id].readings)

    def _index_doc_id(self, meeting_id: str) -> int:
        self._summaries()
        if meeting_id not in self._index_ids:
            self._index_ids[meeting_id] = max(self._index_ids.values(), default=0) + 1
        return self._index_ids[meeting_id]

    def _summaries(self) -> dict[str, MeetingSummary]:
        if self._index is None:
            rows = self.register.table("meetings").all()
            rows.sort(key=lambda d: d.doc_id)
            self._index = {}
            for row in rows:
                summary = self._row(MeetingSummary, row, "meeting index")
                self._index[summary.id] = summary
                self._index_ids[summary.id] = row.doc_id
        return self._index

    def meetings(self, agenda_id: str | None = None) -> list[MeetingSummary]:
        """Meeting summaries, newest first."""
        rows = [s for s in self._summaries().values()
                if agenda_id is None or s.agenda_id == agenda_id]
        return sorted(rows, key=lambda s: (s.date, s.id), reverse=True)

    def new_meeting_id(self, on: date, agenda_id: str) -> str:
        base = f"{on.isoformat()}-{agenda_id}"
        taken = set(self._summaries())
        candidates = (base if n == 1 else f"{base}-{n}" for n in range(1, 1000))
        return next(c for c in candidates if c not in taken and not self.meeting_path(c).exists())

    def find_meeting(self, ref: str) -> MeetingSummary:
        """A meeting by id, by date (the latest that day) or ``last``."""
        rows = self.meetings()
        if not rows:
            raise CheckinError(f"{self.root}: no meetings yet; start one with `checkin run`")
        if ref == "last":
            return rows[0]
        for row in rows:
            if row.id == ref or row.date.isoformat() == ref:
                return row
        latest = ", ".join(r.id for r in rows[:3])
        raise CheckinError(
            f"no meeting {ref!r}; give an id, a date (YYYY-MM-DD) or `last` (latest: {latest})"
        )

    def in_progress(self, agenda_id: str | None = None) -> MeetingSummary | None:
        return next((s for s in self.meetings(agenda_id) if s.status == "in-progress"), None)

    # ------------------------------------------------------------ action items
    def _action_map(self) -> dict[str, ActionItem]:
        if self._actions is None:
            rows = sorted(self.register.table("actions").all(), key=lambda d: d.doc_id)
            self._actions = {}
            for row in rows:
                item = self._row(ActionItem, row, "action item")
                self._actions[item.id] = item
            self._created = Counter(a.created_in for a in self._actions.values())
        return self._actions

    def _row(self, cls: type[T], row: Document, what: str) -> T:
        """One stored row as a dataclass; a damaged row is a StoreError naming it."""
        return _parse(cls, row, f"{self.root / 'register.json'}: {what} #{row.doc_id}")

    def actions(self, status: str | None = None) -> list[ActionItem]:
        """Action items (all, or of one ``status``), oldest first.

        A one-off reader asking for one status converts only those rows: `checkin actions`
        on five years of history builds 11 open items, not 2,600.
        """
        if status is None or self._actions is not None:
            items = self._action_map().values()
            return [a for a in items if status is None or a.status == status]
        raw = (self.register.storage.read() or {}).get("actions", {})  # no Document per row
        rows = sorted((int(k), v) for k, v in raw.items() if v.get("status") == status)
        return [self._row(ActionItem, Document(v, doc_id=k), "action item") for k, v in rows]

    def action(self, action_id: str) -> ActionItem:
        try:
            return self._action_map()[action_id]
        except KeyError:
            raise CheckinError(f"no action item {action_id!r}") from None

    def add_action(self, item: ActionItem) -> ActionItem:
        """Store a new item; its id is assigned here (``A1``, ``A2``...)."""
        item.id = f"A{self._next_action_number()}"
        self.save_action(item)
        return item

    def _next_action_number(self) -> int:
        return max((int(a[1:]) for a in self._action_map()), default=0) + 1

    def save_action(self, item: ActionItem) -> None:
        """Write one item (one register write)."""
        amap = self._action_map()
        if item.id not in amap:
            self._created[item.created_in] += 1
        _put(self.register.table("actions"), int(item.id[1:]), to_data(item))
        amap[item.id] = item

    def add_actions(self, items: list[ActionItem]) -> list[ActionItem]:
        """Store many new items in one register write (seeding, imports)."""
        first = self._next_action_number()
        for n, item in enumerate(items):
            item.id = f"A{first + n}"
        docs = [Document(to_data(i), doc_id=int(i.id[1:])) for i in items]
        self.register.table("actions").insert_multiple(docs)
        self._action_map().update((i.id, i) for i in items)
        self._created.update(i.created_in for i in items)
        return items

    def forget_meeting_db(self, meeting_id: str) -> None:
        with suppress(KeyError):
            self._meeting_dbs.pop(meeting_id).close()

    # ------------------------------------------------------------ discarding
    def remove_actions(self, action_ids: list[str]) -> None:
        """Delete items outright (one register write): only for a discarded meeting's."""
        amap = self._action_map()
        gone = [i for i in action_ids if i in amap]
        if gone:
            self.register.table("actions").remove(doc_ids=[int(i[1:]) for i in gone])
        for i in gone:
            self._created[amap.pop(i).created_in] -= 1

    def remove_meeting(self, meeting_id: str) -> None:
        """Delete a meeting: its index row first, then its file (a crash in between
        leaves the file, which the next open indexes again, never a dangling row)."""
        if meeting_id in self._summaries():
            self.register.table("meetings").remove(doc_ids=[self._index_ids[meeting_id]])
            del self._summaries()[meeting_id]
            del self._index_ids[meeting_id]
        self.forget_meeting_db(meeting_id)
        self.meeting_path(meeting_id).unlink(missing_ok=True)

"""Action items of the data directory: open ones in the register, closed ones in
``archive/<year>.json``; the rules that move an item between them (see ``store``).
Nothing here reads the meeting index (``index.json``) but a meeting's own row."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from checkin import clock
from checkin.core.data import fields_data, from_data, to_data
from checkin.core.model import ActionItem, MeetingSummary
from checkin.errors import CheckinError, StoreError
from checkin.store.lines import id_key
from checkin.store.schema import INDEX_TABLE

if TYPE_CHECKING:
    from checkin.store.datafile import DataFile

T = TypeVar("T")
ACTIONS, MEETINGS, IDS = "actions", INDEX_TABLE, "_ids"
MOVES = "_moves"  # register: id -> {"from": year}, an item leaving that archive year


Where = str | Callable[[], str]  # what a damaged row's message names (made when needed)


def parse_doc(cls: type[T], doc: dict[str, Any], where: Where, key: str | None = None) -> T:
    """A stored document as ``cls``; a damaged one is a one-line StoreError.

    ``key``: the row's id, which the document's own ``id`` must repeat.
    """
    try:
        obj = from_data(cls, doc)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _damaged(where, exc) from None
    _same_id(getattr(obj, "id", key), key, where)
    return obj


def parse_fields(cls: type, doc: dict[str, Any], names: tuple[str, ...],
                 where: Where, key: str | None = None) -> dict[str, Any]:
    """Some fields of a stored document, checked as ``parse_doc`` checks them."""
    try:
        out = fields_data(cls, doc, names)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _damaged(where, exc) from None
    _same_id(out.get("id", key), key, where)
    return out


def _same_id(found: object, key: str | None, where: Where) -> None:
    if key is not None and found != key:
        where = where if isinstance(where, str) else where()
        raise StoreError(f"{where} is damaged (the row holds {found!r}); give the row back "
                         f"its id {key!r} — the file was left untouched")


def _damaged(where: Where, exc: Exception) -> StoreError:
    where = where if isinstance(where, str) else where()
    what = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
    return StoreError(
        f"{where} is damaged ({what}); fix or remove that row, or restore the file from a "
        "backup — it was left untouched")


def _closed_year(item: ActionItem) -> int:
    return (item.closed_on or clock.today()).year


def _id_order(action_id: str) -> tuple[Any, ...]:
    return id_key(action_id)


class ActionItems:
    """The action-item half of ``Store`` (a mixin: it uses the store's files)."""

    root: Path
    readonly: bool
    _items: dict[str, ActionItem]
    _summary: dict[str, MeetingSummary]
    _prefix: str | None
    _archives: dict[int, DataFile]
    _by_date: list[tuple[str, str]] | None
    _id_floor: int | None = None  # highest id number of our series seen anywhere

    if TYPE_CHECKING:  # provided by Store
        register: DataFile
        register_path: Path
        index: DataFile

        def _save_index(self) -> None: ...

        def archive_path(self, year: int) -> Path: ...
        def archive_years(self) -> list[int]: ...
        def _archive(self, year: int) -> DataFile: ...
        def _newer_archives(self) -> list[int]: ...
        def _summary_of(self, meeting_id: str) -> MeetingSummary | None: ...
        def _load_register(self) -> None: ...

    def _item(self, key: str, doc: dict[str, Any], where: Path) -> ActionItem:
        """The row ``key`` of ``where`` as an item (converted once, then cached)."""
        item = self._items.get(key)
        if item is None:
            item = parse_doc(ActionItem, doc, f"{where}: action item {key!r}", key)
            self._items[key] = item
        return item

    def _moving_from(self, action_id: str) -> int | None:
        """The archive year ``action_id`` is leaving, if a move out of it is under way."""
        doc = self.register.table(MOVES).get(action_id)
        year = doc.get("from") if isinstance(doc, dict) else None
        return year if isinstance(year, int) and not isinstance(year, bool) else None

    def _stale(self, action_id: str, year: int) -> bool:
        """Is the copy in archive ``year`` one a move left behind (a crash came before its
        delete)? Only if the register says the item is leaving that year and the item is
        already where it went (the register, or another archive year)."""
        if not self.register.table(MOVES) or self._moving_from(action_id) != year:
            return False
        return action_id in self.register.table(ACTIONS) or any(
            y != year and action_id in self._archive(y).table(ACTIONS)
            for y in self.archive_years())

    def _register_items(self, where: Callable[[dict[str, Any]], bool] | None = None
                        ) -> list[ActionItem]:
        docs = self.register.table(ACTIONS)
        moved = {i for y in self._newer_archives() for i in self._archive(y).table(ACTIONS)
                 if not self._stale(i, y)} if self.readonly and docs else set()
        return [self._item(i, d, self.register_path) for i, d in docs.items()
                if i not in moved and (where is None or where(d))]

    def closed_actions(self, years: list[int] | None = None,
                       where: Callable[[dict[str, Any]], bool] | None = None) -> list[ActionItem]:
        """Archived items of ``years`` (every year if None): only those files are read.

        ``where`` picks stored documents before any is converted.
        """
        out: dict[str, ActionItem] = {}
        seen: dict[str, int] = {}
        for year in self.archive_years() if years is None else years:
            path = self.archive_path(year)  # once a year, not once an item: ~5 µs each
            if year in self._archives or path.exists():
                for i, d in self._archive(year).table(ACTIONS).items():
                    if self._stale(i, year):
                        continue
                    if i in seen:
                        raise self._duplicate(i, self.archive_path(seen[i]), path)
                    seen[i] = year
                    if where is None or where(d):
                        out[i] = self._item(i, d, path)
        return list(out.values())

    def _duplicate(self, action_id: str, first: Path, second: Path) -> StoreError:
        return StoreError(
            f"{second}: action item {action_id!r} is also in {first} (an item is stored "
            "once); remove the stale line from one of the two files — both were left "
            "untouched")

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
        """Everyone who ever owned an item (only that field of each row is converted)."""
        return {d.get("owner") or "" for d in self.action_fields(("owner",))} - {""}

    def department_names(self) -> list[str]:
        """Every department an item was ever filed under, sorted."""
        return sorted({d.get("department") or ""
                       for d in self.action_fields(("department",))} - {""})

    def _all_docs(self) -> dict[str, tuple[dict[str, Any], Path]]:
        docs = {i: (d, self.register_path) for i, d in self.register.table(ACTIONS).items()}
        for year in self.archive_years():
            path = self.archive_path(year)
            docs.update((i, (d, path)) for i, d in self._archive(year).table(ACTIONS).items()
                        if not self._stale(i, year))
        return docs

    def actions(self, status: str | None = None) -> list[ActionItem]:
        """Action items (all, or of one ``status``), oldest first.

        ``open`` reads the register alone; a closed status or all of them reads every
        archive year (use ``closed_actions(years)`` to read fewer).
        """
        items = {a.id: a for a in self._register_items()}
        if status != "open":
            closed = self.closed_actions()
            both = next((a.id for a in closed if a.id in items), None)
            if both is not None:  # not a move a crash stopped (``_repair_moves`` did those)
                raise self._duplicate(both, self.register_path,
                                      self.archive_path(self._where(both) or 0))
            items.update((a.id, a) for a in closed)
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
            return self._item(action_id, self._archive(year).table(ACTIONS)[action_id],
                              self.archive_path(year))
        if doc is not None:
            return self._item(action_id, doc, self.register_path)
        raise CheckinError(f"no action item {action_id!r}")

    def _where(self, action_id: str) -> int | None:
        """The archive year holding ``action_id``, if any (reads archives until found)."""
        for year in reversed(self.archive_years()):
            if action_id in self._archive(year).table(ACTIONS) and not self._stale(
                    action_id, year):
                return year
        return None

    def add_action(self, item: ActionItem) -> ActionItem:
        """Store a new item; its id is assigned here (``A1``, ``A2``... see ``ids``)."""
        return self.add_actions([item])[0]

    def _new_ids(self, count: int) -> list[str]:
        """``count`` fresh ids: from the series' counter, but never one seen anywhere
        (the register or any archive year), so a counter behind the data (a damaged or
        hand-merged register) skips ahead instead of overwriting an item."""
        from checkin.store import ids

        if self._prefix is None:
            self._prefix = ids.prefix_for(self.root, set(self.register.table(IDS)))
        counter = self.register.table(IDS).get(self._prefix, {}).get("next")
        if not isinstance(counter, int) or isinstance(counter, bool):
            counter = 1
        if self._id_floor is None:
            self._id_floor = self._highest_id(self._prefix)
        counter = max(counter, self._id_floor + 1)
        self._id_floor = counter + count - 1
        self.register.put(IDS, self._prefix, {"next": counter + count})
        return [f"{self._prefix}{counter + n}" for n in range(count)]

    def _highest_id(self, prefix: str) -> int:
        """The highest number of ``prefix`` in the register and every archive year (the
        archives are scanned as bytes, not parsed: once per writer session)."""
        from checkin.store import ids
        from checkin.store.datafile import read_bytes

        numbers = [s[1] for s in map(ids.split_id, self.register.table(ACTIONS))
                   if s and s[0] == prefix]
        for year in self.archive_years():
            if year in self._archives:
                found = self._archives[year].table(ACTIONS)
                numbers += [s[1] for s in map(ids.split_id, found) if s and s[0] == prefix]
            else:
                numbers += ids.numbers_in(prefix, read_bytes(self.archive_path(year)) or b"")
        return max(numbers, default=0)

    def save_action(self, item: ActionItem) -> None:
        """Write one item: to the register, or (closed, not in a live meeting) the archive."""
        self._save_actions([item])

    def add_actions(self, items: list[ActionItem]) -> list[ActionItem]:
        """Store many new items with one write per file (seeding, imports): the items
        first, then the count of the meetings they were made in (the index)."""
        for item, new_id in zip(items, self._new_ids(len(items))):
            item.id = new_id
        counted = False
        for item in items:
            summary = self._summary_of(item.created_in) if item.created_in else None
            if summary is not None:
                summary.actions += 1
                self.index.put(MEETINGS, summary.id, to_data(summary))
                counted = True
        self._save_actions(items, new=True)
        if counted:
            self._save_index()
        return items

    def _archivable(self, item: ActionItem) -> bool:
        if item.status == "open":
            return False
        live = self._summary_of(item.closed_in) if item.closed_in else None
        return live is None or live.status != "in-progress"

    def _save_actions(self, items: list[ActionItem], *, new: bool = False) -> None:
        """Write items where they belong: a closed one in its archive year, the rest in
        the register. A crash between any two writes loses and duplicates nothing:

        - into the archive: the archive first, then the register (an id in both, the
          archive the newer file: the archive wins, ``Store._repair_moves``);
        - out of archive year Y (reopened, or closed again in another year): the register
          first records ``_moves: id -> {from: Y}`` (with the item itself when it goes to
          the register), then the item is written where it goes, then deleted from Y,
          then the record is dropped. While the record stands, the copy in Y is stale if
          the item is already where it went (``_stale``), and the next writer deletes it.
        """
        register = self.register.table(ACTIONS)
        to_archive: dict[int, list[ActionItem]] = {}
        leaving: dict[int, list[str]] = {}
        across = False  # an item moving from one archive year to another
        for item in items:
            was = None if new or item.id in register else self._where(item.id)
            if self._archivable(item):
                to_archive.setdefault(_closed_year(item), []).append(item)
                if was is not None and was != _closed_year(item):
                    leaving.setdefault(was, []).append(item.id)
                    across = True
            else:
                self.register.put(ACTIONS, item.id, to_data(item))
                if was is not None:
                    leaving.setdefault(was, []).append(item.id)
            self._items[item.id] = item
        for year, gone in leaving.items():
            for action_id in gone:
                self.register.put(MOVES, action_id, {"from": year})
        if across:
            self._save_register()  # the record is on disk before the second copy is
        for year, batch in sorted(to_archive.items()):  # the archive first ...
            archive = self._archive(year)
            for item in batch:
                archive.put(ACTIONS, item.id, to_data(item))
            self._save(archive)
        dropped = [self.register.delete(ACTIONS, item.id)
                   for batch in to_archive.values() for item in batch]
        if not across or any(dropped):  # (across: the register was saved just before)
            self._save_register()  # ... then the register
        for year, gone in sorted(leaving.items()):
            archive = self._archive(year)
            if any([archive.delete(ACTIONS, i) for i in gone]):
                self._save(archive)
        if leaving:
            for action_id in (i for gone in leaving.values() for i in gone):
                self.register.delete(MOVES, action_id)
            self._save_register()

    def remove_actions(self, action_ids: list[str]) -> None:
        """Delete items outright: only a discarded meeting's, which never happened."""
        gone = set(action_ids)
        if not gone:
            return
        for year in self.archive_years():
            archive = self._archive(year)
            if any([archive.delete(ACTIONS, i) for i in gone]):
                self._save(archive)
        for i in gone:
            self.register.delete(ACTIONS, i)
            self.register.delete(MOVES, i)
            self._items.pop(i, None)
        self._save_register()

    def _sweep(self, meeting_id: str | None = None) -> bool:
        """Move closed items out of the register once no live meeting can undo them.

        Returns whether it saved the register.
        """
        done = [self._item(i, d, self.register_path)
                for i, d in self.register.table(ACTIONS).items()
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

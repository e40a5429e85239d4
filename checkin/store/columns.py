"""Action items read as columns: the few fields of every item that an aggregate (the
completion rate of trends and wrap-up) reads from 10,000 rows, checked a column at a time
rather than built item by item; archive years come from ``facts``' cache when it is true."""

from __future__ import annotations

from collections.abc import Callable
from itertools import compress, repeat
from operator import eq, methodcaller
from pathlib import Path
from typing import Any

from checkin.core.data import fields_columns
from checkin.core.model import ActionItem
from checkin.errors import StoreError
from checkin.store import facts
from checkin.store.datafile import DataFile
from checkin.store.items import ACTIONS, MOVES, ActionItems, parse_fields


class ActionColumns(ActionItems):
    """``ActionItems`` and the column readers (the store is both)."""

    _v2_index: Any  # set by a reader of a schema-2 folder, which it leaves as it is

    def action_fields(self, names: tuple[str, ...],
                      where: Callable[[dict[str, Any]], bool] | None = None
                      ) -> list[dict[str, Any]]:
        """Every item (the archive wins) as just the fields ``names`` (and ``id``),
        each checked like a whole row: for one-pass aggregates such as trends.

        ``where`` picks stored documents before any is checked or converted.
        """
        names = ("id", *names)
        return [parse_fields(ActionItem, doc, names,
                             lambda i=i, path=path: f"{path}: action item {i!r}", i)
                for i, (doc, path) in self._all_docs().items() if where is None or where(doc)]

    def action_values(self, names: tuple[str, ...], agenda_id: str | None = None
                      ) -> list[tuple[Any, ...]]:
        """Every item (of ``agenda_id`` if given; the archive wins) as a tuple of the values
        of ``names`` (an absent one: its default), checked column by column, one file at a
        time: what trends reads from 10,000 rows. An archive year not in memory comes from
        its ``facts`` cache when that holds ``names`` and is true to the file's bytes; else
        it is parsed whole, checked, cached and let go (memory stays one year's worth)."""
        found: dict[str, tuple[Any, ...]] = {}  # the archive wins, as in ``_all_docs``
        want = ("id", "agenda_id", *names)
        sources: list[tuple[int | None, Callable[[], list[list[Any]]]]] = [
            (None, lambda: self._columns(self.register_path, self.register.table(ACTIONS),
                                         want, agenda_id))]
        for year in self.archive_years():
            path = self.archive_path(year)
            sources.append((year, lambda y=year, p=path: (
                self._columns(p, self._archives[y].table(ACTIONS), want, agenda_id)
                if y in self._archives else self._year_columns(y, p, want, agenda_id))))
        moving = bool(self.register.table(MOVES))
        for year, get in sources:
            columns = get()
            keep = None
            if agenda_id is not None:  # in C: 10,000 rows
                keep = list(map(eq, repeat(agenda_id), columns[1]))
            if moving and year is not None:  # a copy a stopped move left behind: not read
                fresh = [not self._stale(i, year) for i in columns[0]]
                keep = fresh if keep is None else list(map(min, keep, fresh))
            if keep is not None:
                columns = [list(compress(c, keep)) for c in columns]
            found.update(zip(columns[0], zip(*columns[2:])))
        return list(found.values())

    def _year_columns(self, year: int, path: Path, want: tuple[str, ...],
                      agenda_id: str | None) -> list[list[Any]]:
        """``want`` of the items of an archive year not in memory: every item's from the
        ``facts`` cache (built by checking them all); if one is damaged, only those of
        ``agenda_id`` are checked, as without a cache (another agenda's damaged row does not
        stop this one's trends), and nothing is cached."""
        if set(want) <= set(facts.FIELDS):
            try:
                columns = facts.year_columns(self.root, year, path,
                                             lambda docs: self._columns(path, docs, facts.FIELDS),
                                             keep=self._v2_index is None)
                return [columns[facts.FIELDS.index(name)] for name in want]
            except StoreError:
                if agenda_id is None:
                    raise
        return self._columns(path, DataFile.load(path, "archive").table(ACTIONS), want,
                             agenda_id)

    def _columns(self, path: Path, docs: dict[str, dict[str, Any]], want: tuple[str, ...],
                 agenda_id: str | None = None) -> list[list[Any]]:
        """``want`` (``id`` first) of the documents ``docs`` (only those of ``agenda_id``
        if given), checked as columns; a damaged row raises, naming it."""
        ids, rows = list(docs), list(docs.values())
        if agenda_id is not None:  # only these rows are checked
            keep = list(map(eq, repeat(agenda_id), map(methodcaller("get", "agenda_id"), rows)))
            ids, rows = list(compress(ids, keep)), list(compress(rows, keep))
        try:
            columns = fields_columns(ActionItem, rows, want)
        except (KeyError, TypeError, ValueError, AttributeError):
            columns = None
        if columns is None or columns[0] != ids:
            for i, doc in zip(ids, rows):  # raises, naming the damaged row
                parse_fields(ActionItem, doc, want, f"{path}: action item {i!r}", i)
            raise AssertionError("a row failed as a column, not alone")  # pragma: no cover
        return columns

"""`checkin actions` reads today's items straight from the register (``store.quick``):
the same items as the store gives, or None wherever the store must decide."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import typing
from datetime import date
from pathlib import Path

import orjson
import pytest

from checkin.core.data import to_data
from checkin.core.model import ActionItem, Change, MeetingSummary
from checkin.core.stored import CHANGE_FIELDS, ITEM_FIELDS, REQUIRED, SUMMARY_FIELDS
from checkin.store import Store
from checkin.store.quick import meeting_rows, register_items

REPO = Path(__file__).resolve().parents[2]
KINDS = {str: "str", date: "date", str | None: "str?", date | None: "date?",
         list[Change]: "changes", int: "int", float | None: "float?",
         dict[str, float | None]: "floats", dict[str, bool | None]: "bools"}


@pytest.mark.parametrize("cls, fields", [(ActionItem, ITEM_FIELDS), (Change, CHANGE_FIELDS),
                                         (MeetingSummary, SUMMARY_FIELDS)])
def test_plain_fields_are_the_dataclass_fields(cls: type, fields: dict) -> None:
    """The fast path checks every field the model declares, as the model types it."""
    hints = typing.get_type_hints(cls)
    assert list(fields) == [f.name for f in dataclasses.fields(cls)]
    for f in dataclasses.fields(cls):
        kind, default = fields[f.name]
        assert KINDS[hints[f.name]] == kind, f.name
        if f.default is not dataclasses.MISSING:
            assert default == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert len(default) == 0 and f.default_factory() in ([], {}), f.name
        else:
            assert default is REQUIRED, f.name


def same(root: Path) -> None:
    quick = register_items(root)
    assert quick is not None
    with Store(root, readonly=True) as store:
        full = store.register_actions()
    assert [vars_of(i) for i in quick] == [vars_of(i) for i in full]
    assert [i.history for i in quick] == [to_data(i.history) for i in full]


def vars_of(item: object) -> dict:
    return {name: getattr(item, name) for name in ITEM_FIELDS if name != "history"}


def test_the_register_read_directly_is_what_the_store_reads(demo_dir: Path) -> None:
    same(demo_dir)
    with Store(demo_dir) as store:  # a live meeting's closed item stays in the register
        item = store.actions("open")[0]
        item.mark_done(date(2026, 11, 23), store.meetings(limit=1)[0].id)
        store.register.put("actions", item.id, orjson.loads(orjson.dumps(item)))
        store.register.save()
    same(demo_dir)


def test_an_item_in_a_newer_archive_is_not_listed_from_the_register(demo_dir: Path) -> None:
    """A move that stopped half way: the archive year written after the register wins."""
    register = demo_dir / "register.json"
    lines = register.read_bytes().splitlines(keepends=True)
    moved = next(line for line in lines if line.startswith(b'["actions",'))
    archive = sorted((demo_dir / "archive").glob("*.json"))[-1]
    rows = archive.read_bytes().splitlines(keepends=True)
    archive.write_bytes(b"".join(sorted(rows[1:] + [moved], key=lambda r: r[:12])).join(
        [rows[0], b""]))
    os.utime(register, ns=(0, 0))
    assert register_items(demo_dir) is not None
    ids = [i.id for i in register_items(demo_dir) or []]
    assert orjson.loads(moved)[1] not in ids
    with Store(demo_dir, readonly=True) as store:
        assert ids == [i.id for i in store.register_actions()]


@pytest.mark.parametrize("edit", [
    lambda doc: doc.update(owner=None),
    lambda doc: doc.update(due="2026-02-30"),
    lambda doc: doc.update(history=[{"on": "2026-01-01"}]),
    lambda doc: doc.update(title="bell\a"),  # stored as \u0007: orjson decides
    lambda doc: doc.update(id="other"),
])
def test_anything_not_plain_is_left_to_the_store(demo_dir: Path, edit: typing.Callable) -> None:
    register = demo_dir / "register.json"
    rows = [orjson.loads(line) for line in register.read_bytes().splitlines()]
    edit(next(r for r in rows if r[0] == "actions")[2])
    register.write_bytes(b"".join(orjson.dumps(r) + b"\n" for r in rows))
    assert register_items(demo_dir) is None


def test_missing_cut_short_or_old_registers_are_left_to_the_store(demo_dir: Path,
                                                                  tmp_path: Path) -> None:
    assert register_items(tmp_path / "nothing") is None
    register = demo_dir / "register.json"
    raw = register.read_bytes()
    register.write_bytes(raw[:-1])
    assert register_items(demo_dir) is None
    register.write_bytes(b'{"_default": {}}\n')
    assert register_items(demo_dir) is None


@pytest.mark.parametrize("agenda, limit", [(None, 20), (None, 2), ("weekly", None),
                                           ("nope", 20)])
def test_the_index_read_directly_is_what_the_store_reads(demo_dir: Path, agenda: str | None,
                                                         limit: int | None) -> None:
    quick = meeting_rows(demo_dir, agenda, limit)
    assert quick is not None
    with Store(demo_dir, readonly=True) as store:
        full = store.meetings(agenda, limit=limit)
    assert [{n: getattr(r, n) for n in SUMMARY_FIELDS} for r in quick] == [
        dataclasses.asdict(r) for r in full]


def test_titles_with_escapes_are_ordered_as_the_store_orders_them(demo_dir: Path) -> None:
    """A quote or backslash in an agenda title is escaped in the row; the index is still
    read directly, and the same as the store reads it."""
    register = demo_dir / "index.json"
    lines = register.read_bytes().splitlines(keepends=True)
    for n, line in enumerate(lines):
        if line.startswith(b'["meetings",'):
            table, doc_id, doc = orjson.loads(line)
            doc["agenda_title"] = f'Say "hi" \\ {n} \\'
            lines[n] = orjson.dumps([table, doc_id, doc], option=orjson.OPT_SORT_KEYS) + b"\n"
    register.write_bytes(b"".join(lines))
    quick = meeting_rows(demo_dir, None, None)
    assert quick is not None and '"hi" \\' in quick[0].agenda_title
    with Store(demo_dir, readonly=True) as store:
        full = store.meetings()
    assert [{n: getattr(r, n) for n in SUMMARY_FIELDS} for r in quick] == [
        dataclasses.asdict(r) for r in full]


@pytest.mark.parametrize("agenda, limit", [("weekly", 6), (None, 2), ("weekly", None)])
def test_the_index_before_a_meeting_is_what_the_store_reads(demo_dir: Path, agenda: str | None,
                                                            limit: int | None) -> None:
    """``before`` (what `checkin export` asks for the minutes' trends) cuts where the store
    cuts: on (date, id), the meeting itself left out."""
    with Store(demo_dir, readonly=True) as store:
        rows = store.meetings()
        for at in (rows[0], rows[2], rows[-1]):
            full = store.meetings(agenda, limit=limit, before=(at.date, at.id))
            quick = meeting_rows(demo_dir, agenda, limit, before=(at.date.isoformat(), at.id))
            assert quick is not None
            assert [r.id for r in quick] == [r.id for r in full]
        assert len(store.meetings("weekly", before=(rows[0].date, rows[0].id))) > 2
    assert [r.id for r in full] == []  # the oldest has nothing before it


def test_an_index_row_not_as_the_store_writes_it_is_left_to_the_store(demo_dir: Path) -> None:
    """Rows are ordered on their first keys; a row whose keys are not those goes to the
    store (which reads it whole and orders it the same)."""
    register = demo_dir / "index.json"
    lines = register.read_bytes().splitlines(keepends=True)
    n = next(k for k, line in enumerate(lines) if line.startswith(b'["meetings",'))
    table, doc_id, doc = orjson.loads(lines[n])
    lines[n] = orjson.dumps([table, doc_id, dict(reversed(doc.items()))]) + b"\n"
    register.write_bytes(b"".join(lines))
    assert meeting_rows(demo_dir, None, 20) is None


@pytest.mark.parametrize("command", [["actions", "--overdue"], ["meetings"]])
def test_listings_import_no_model_store_or_typing(demo_dir: Path, command: list[str]) -> None:
    """What makes `checkin actions` and `meetings` start fast: they never import these."""
    code = ("import sys, runpy\n"
            f"sys.argv = ['checkin', '--data', {str(demo_dir)!r}, *{command!r}]\n"
            "try:\n    runpy.run_module('checkin', run_name='__main__')\n"
            "except SystemExit as exc:\n    assert exc.code == 0\n"
            "heavy = {'dataclasses', 'typing', 'orjson', 'pathlib', 'checkin.core.model',\n"
            "         'checkin.store.store', 'platformdirs', 'shutil', 'secrets', 'socket'}\n"
            "print(sorted(heavy & set(sys.modules)))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=REPO, env={**os.environ, "CHECKIN_NOW": "2026-11-23T09:00"},
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"


def test_a_move_under_way_is_left_to_the_store(demo_dir: Path) -> None:
    register = demo_dir / "register.json"
    lines = register.read_bytes().splitlines(keepends=True)
    record = orjson.dumps(["_moves", "A1", {"from": 2026}]) + b"\n"
    register.write_bytes(b"".join(sorted(lines[1:] + [record])).join([lines[0], b""]))
    assert register_items(demo_dir) is None
    assert meeting_rows(demo_dir, None, 20) is None


def checkin(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", "--data", str(root), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=60)


def test_listing_the_items_never_reads_the_index(demo_dir: Path) -> None:
    """`checkin actions` (fast path or store) works with a damaged index.json: it never
    reads it (`checkin meetings` does, and says what is wrong)."""
    index = demo_dir / "index.json"
    expected = checkin(demo_dir, "actions", "--overdue")
    assert expected.returncode == 0 and expected.stdout.count("\n") > 2
    index.write_bytes(index.read_bytes()[:-5])  # cut short: any read of it fails
    assert checkin(demo_dir, "actions", "--overdue").stdout == expected.stdout
    with Store(demo_dir, readonly=True) as store:  # the store's reader, likewise
        listed = {line.split()[0] for line in expected.stdout.splitlines()[1:-1]}
        assert listed <= {a.id for a in store.actions("open")} and store.actions()
    meetings = checkin(demo_dir, "meetings")
    assert meetings.returncode == 2 and "index.json: cut short" in meetings.stderr

"""The split register on real files: archive moves, crashes between writes, migration from
schema 1, byte-for-byte determinism, and action ids that never collide across clones."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import orjson
import pytest

from checkin.core.model import Agenda
from checkin.errors import StoreError
from checkin.services.meetings import end_meeting, new_action, start_meeting
from checkin.store import Store
from checkin.store.ids import LETTERS, split_id
from checkin.store.lines import format_lines, id_key, parse_lines
from tests.conftest import NOW, TODAY

FIXTURE = Path(__file__).parent / "fixtures" / "v1"  # `checkin demo --weeks 4`, schema 1


def tables(path: Path) -> dict:
    return parse_lines(path.read_bytes())


def item(store: Store, title: str = "t", **kw: object):  # noqa: ANN201
    return new_action(store, title=title, owner="o", due=TODAY, today=TODAY, **kw)


def test_closed_between_meetings_moves_at_once(data_dir: Path) -> None:
    with Store(data_dir) as store:
        a, b = item(store, "a"), item(store, "b")
        a.mark_done(TODAY)
        store.save_action(a)
    assert list(tables(data_dir / "register.json")["actions"]) == [b.id]
    archived = tables(data_dir / "archive" / f"{TODAY.year}.json")["actions"]
    assert list(archived) == [a.id] and archived[a.id]["status"] == "done"
    with Store(data_dir, readonly=True) as store:
        assert [i.id for i in store.actions("open")] == [b.id]
        assert [i.id for i in store.actions()] == [a.id, b.id]
        assert store.action(a.id).status == "done"
        assert [i.id for i in store.closed_actions([TODAY.year - 1])] == []


def test_closed_in_a_meeting_moves_when_it_ends(data_dir: Path,
                                                weekly_agenda: Agenda) -> None:
    with Store(data_dir) as store:
        a = item(store, "a")
        m = start_meeting(store, weekly_agenda, now=NOW)
        a.mark_done(TODAY, m.id)
        store.save_action(a)
        assert a.id in tables(data_dir / "register.json")["actions"]  # still undoable
        a.reopen(TODAY, m.id)
        store.save_action(a)
        a.drop(TODAY, m.id)
        store.save_action(a)
        assert not (data_dir / "archive" / f"{TODAY.year}.json").exists()
        end_meeting(store, m, now=NOW)
        assert a.id not in tables(data_dir / "register.json").get("actions", {})
    archived = tables(data_dir / "archive" / f"{TODAY.year}.json")["actions"]
    assert archived[a.id]["status"] == "dropped"


def test_reopening_an_archived_item_brings_it_back(data_dir: Path) -> None:
    with Store(data_dir) as store:
        a = item(store)
        a.mark_done(TODAY - timedelta(days=400))
        store.save_action(a)
    with Store(data_dir) as store:
        again = store.action(a.id)
        again.reopen(TODAY)
        store.save_action(again)
    assert a.id in tables(data_dir / "register.json")["actions"]
    assert not tables(data_dir / "archive" / f"{TODAY.year - 1}.json").get("actions")


CRASH = """
import os, sys
from datetime import date
from checkin.store import Store, datafile
root, action_id = sys.argv[1], sys.argv[2]
real = datafile.atomic_write
def die_before_register(path, data, **kw):
    if path.name == "register.json":
        os._exit(9)  # killed between the archive write and the register write
    real(path, data, **kw)
datafile.atomic_write = die_before_register
with Store(root) as store:
    item = store.action(action_id)
    item.mark_done(date(2026, 11, 23))
    store.save_action(item)
"""


def test_crash_between_archive_and_register_loses_and_duplicates_nothing(
        data_dir: Path) -> None:
    with Store(data_dir) as store:
        a, b = item(store, "a"), item(store, "b")
    proc = subprocess.run([sys.executable, "-c", CRASH, str(data_dir), a.id],
                          capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    assert a.id in tables(data_dir / "register.json")["actions"]  # in both files now
    assert a.id in tables(data_dir / "archive" / f"{TODAY.year}.json")["actions"]
    with Store(data_dir, readonly=True) as reader:  # a reader believes the archive
        assert [i.id for i in reader.actions("open")] == [b.id]
        assert [(i.id, i.status) for i in reader.actions()] == [(a.id, "done"), (b.id, "open")]
    with Store(data_dir):  # the next writer cleans the register
        pass
    assert list(tables(data_dir / "register.json")["actions"]) == [b.id]
    assert list(tables(data_dir / "archive" / f"{TODAY.year}.json")["actions"]) == [a.id]


def test_migration_from_todays_release(tmp_path: Path) -> None:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    old = json.loads((root / "register.json").read_text())
    old_ids = {d["id"]: d for d in old["actions"].values()}
    with Store(root, readonly=True) as reader:  # a reader migrates in memory only
        assert len(reader.actions()) == len(old_ids)
    assert (root / "register.json").read_bytes()[:1] == b"{"
    with Store(root) as store:
        items = {a.id: a for a in store.actions()}
        meetings = store.meetings()
        new = item(store, "after the upgrade")
    assert set(items) == set(old_ids)
    assert len(meetings) == len(old["meetings"])
    assert new.id == f"A{max(int(i[1:]) for i in old_ids) + 1}"  # numbering continues
    register = tables(root / "register.json")
    assert register["_meta"]["schema"]["schema"] == 3  # straight from 1 to 3
    assert "meetings" not in register
    index = tables(root / "index.json")
    assert index["_meta"]["schema"] == {"kind": "index", "schema": 3}
    assert set(index["meetings"]) == {d["id"] for d in old["meetings"].values()}
    assert {i for i, d in old_ids.items() if d["status"] == "open"} | {new.id} \
        == set(register["actions"])
    archived = {i for p in (root / "archive").glob("*.json") for i in tables(p)["actions"]}
    assert archived == {i for i, d in old_ids.items() if d["status"] != "open"}
    for path in (root / "meetings").glob("*.json"):
        assert tables(path)["meeting"][path.stem]["id"] == path.stem
    backup = root / "backup-v1"
    assert (backup / "register.json").read_bytes() == (FIXTURE / "register.json").read_bytes()
    assert sorted(p.name for p in (backup / "meetings").iterdir()) == sorted(
        p.name for p in (FIXTURE / "meetings").iterdir())


def test_same_data_same_bytes_one_change_one_line(demo_dir: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(demo_dir, copy)
    for name in ("register.json", f"archive/{TODAY.year}.json"):
        raw = (demo_dir / name).read_bytes()
        assert format_lines(parse_lines(raw)) == raw  # canonical as written
    with Store(copy) as store:
        open_items = store.actions("open")
        target = open_items[len(open_items) // 2]
        target.redate(target.due + timedelta(days=7), TODAY)
        store.save_action(target)
    before = (demo_dir / "register.json").read_bytes().splitlines()
    after = (copy / "register.json").read_bytes().splitlines()
    changed = [(x, y) for x, y in zip(before, after) if x != y]
    assert len(before) == len(after) and len(changed) == 1
    assert orjson.loads(changed[0][1])[1] == target.id


def test_line_order_is_numeric_aware() -> None:
    ids = ["A10", "A9", "KQ2", "A100", "B1"]
    assert sorted(ids, key=id_key) == ["A9", "A10", "A100", "B1", "KQ2"]
    raw = format_lines({"_meta": {"schema": {"schema": 2}}, "x": {i: {} for i in ids}})
    assert [orjson.loads(line)[1] for line in raw.splitlines()] == [
        "schema", "A9", "A10", "A100", "B1", "KQ2"]


def test_damaged_line_is_named(demo_dir: Path) -> None:
    reg = demo_dir / "register.json"
    lines = reg.read_bytes().splitlines()
    lines[2] = lines[2][:20]
    reg.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(StoreError, match=r"register.json: .*line 3"):
        Store(demo_dir, readonly=True).open().actions()


def test_ids_in_clones_of_a_git_data_dir_never_collide(data_dir: Path, tmp_path: Path) -> None:
    with Store(data_dir) as store:
        legacy = item(store)
    assert legacy.id == "A1"  # not a git working tree: the A series
    (data_dir / ".git").mkdir()
    clone = tmp_path / "clone"
    shutil.copytree(data_dir, clone)
    with Store(data_dir) as store:
        mine = [item(store).id for _ in range(2)]
    with Store(clone) as store:  # a copy of the folder: .clone names another folder
        theirs = [item(store).id for _ in range(2)]
    tag, other = split_id(mine[0])[0], split_id(theirs[0])[0]
    assert tag != other and {tag[0], tag[1], other[0], other[1]} <= set(LETTERS)
    assert [split_id(i) for i in mine] == [(tag, 1), (tag, 2)]
    assert not set(mine) & set(theirs)
    with Store(data_dir) as store:  # the tag stays with its folder
        assert split_id(item(store).id) == (tag, 3)
    assert "/.clone" in (data_dir / ".git" / "info" / "exclude").read_text()

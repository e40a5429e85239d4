"""The meeting index in its own file (schema 3): the migration of a schema-2 data dir made
by the store before the split, crashes between a meeting file and its index row, and the
merge of a register from either side of the split."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checkin.errors import StoreError
from checkin.services.sync import merge_file
from checkin.store import Store
from checkin.store.lines import format_lines, parse_lines
from tests.conftest import TODAY

FIXTURE = Path(__file__).parent / "fixtures" / "v2"  # made by make_v2.py at main ad1f67f
REPO = Path(__file__).resolve().parents[2]
LIVE = "2026-11-23-weekly"  # the fixture's meeting in progress


def tables(path: Path) -> dict:
    return parse_lines(path.read_bytes())


def digest(root: Path) -> dict[str, str]:
    """Every file under ``root`` by its bytes: to prove nothing was written."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


@pytest.fixture
def v2(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    shutil.copytree(FIXTURE, root)
    return root


def checkin(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", "--data", str(root), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=60)


def test_a_schema_2_dir_migrates_with_every_meeting_and_item(v2: Path) -> None:
    old = tables(FIXTURE / "register.json")
    before = digest(v2)
    with Store(v2) as store:
        meetings = {s.id: s for s in store.meetings()}
        items = {a.id for a in store.actions()}
        assert store.in_progress().id == LIVE
    index, register = tables(v2 / "index.json"), tables(v2 / "register.json")
    assert index["meetings"] == old["meetings"]  # every row as it was, byte for byte
    assert set(meetings) == set(old["meetings"]) and len(meetings) == 5
    assert index["_meta"]["schema"] == {"kind": "index", "schema": 3}
    assert register["_meta"]["schema"] == {"kind": "register", "schema": 3}
    assert "meetings" not in register
    assert {t: d for t, d in register.items() if t != "_meta"} == {
        t: d for t, d in old.items() if t not in ("_meta", "meetings")}
    archived = set(tables(v2 / "archive" / "2026.json")["actions"])
    assert items == set(old["actions"]) | archived and len(items) == 16
    assert (v2 / "backup-v2" / "register.json").read_bytes() == (
        FIXTURE / "register.json").read_bytes()
    after = digest(v2)  # the archive and meeting files are read as they are: not rewritten
    assert {k: v for k, v in after.items() if k.startswith(("archive", "meetings"))} == {
        k: v for k, v in before.items() if k.startswith(("archive", "meetings"))}
    with Store(v2):  # a second writer changes nothing
        pass
    assert digest(v2) == after and not (v2 / "backup-v2-2").exists()


def test_readers_of_a_schema_2_dir_work_and_write_nothing(v2: Path) -> None:
    before = digest(v2)
    with Store(v2, readonly=True) as reader:
        assert [s.id for s in reader.meetings(limit=2)] == [LIVE, "2026-11-16-weekly"]
        assert reader.in_progress().id == LIVE
        assert {a.id for a in reader.register_actions()} == set(
            tables(FIXTURE / "register.json")["actions"])
    for args in (["meetings"], ["actions", "--overdue"], ["export", "last"],
                 ["trends", "weekly"]):
        proc = checkin(v2, *args)
        assert proc.returncode == 0, (args, proc.stderr)
    assert LIVE in checkin(v2, "meetings").stdout
    assert digest(v2) == before


@pytest.mark.parametrize("damage", ["newer", "damaged-row"])
def test_a_refused_migration_leaves_the_data_untouched(v2: Path, damage: str) -> None:
    register = v2 / "register.json"
    raw = register.read_bytes()
    if damage == "newer":
        raw = raw.replace(b'"schema":2}', b'"schema":4}', 1)
        expected = "written by a newer checkin (schema 4"
    else:
        lines = raw.splitlines(keepends=True)
        lines[-1] = lines[-1][:40] + b"\n"  # a meeting row cut in the middle
        raw = b"".join(lines)
        expected = "not a readable checkin data file"
    register.write_bytes(raw)
    before = digest(v2)
    with pytest.raises(StoreError, match=re.escape(expected)):
        Store(v2).open()
    proc = checkin(v2, "add", "@Priya a new item due:fri")
    assert proc.returncode == 2 and expected in proc.stderr
    assert proc.stderr.count("\n") == 1
    assert digest(v2) == before and not (v2 / "backup-v2").exists()


DIE_AT = """
import os, sys
from pathlib import Path
from checkin.store import datafile
real = datafile.atomic_write
def die_at(path, data, **kw):
    if path.name == sys.argv[2]:
        os._exit(9)  # killed just before this file's write: every earlier one is on disk
    real(path, data, **kw)
datafile.atomic_write = die_at
"""


def crash(code: str, *args: str) -> None:
    proc = subprocess.run([sys.executable, "-c", DIE_AT + code, *args], capture_output=True,
                          text=True, cwd=REPO, timeout=60)
    assert proc.returncode == 9, proc.stderr


def test_a_crash_in_the_migration_leaves_a_dir_the_next_writer_migrates(v2: Path) -> None:
    crash("from checkin.store import Store\nStore(Path(sys.argv[1])).open()",
          str(v2), "register.json")
    assert tables(v2 / "register.json")["_meta"]["schema"]["schema"] == 2  # untouched
    assert (v2 / "index.json").exists()
    with Store(v2, readonly=True) as reader:  # the register says: schema 2, read from it
        assert len(reader.meetings()) == 5
    with Store(v2) as store:
        assert len(store.meetings()) == 5
    assert tables(v2 / "index.json")["meetings"] == tables(FIXTURE / "register.json")["meetings"]
    assert "meetings" not in tables(v2 / "register.json")
    assert (v2 / "backup-v2-2" / "register.json").read_bytes() == (
        FIXTURE / "register.json").read_bytes()


END = """
from checkin import clock
from checkin.services.meetings import end_meeting
from checkin.store import Store
with Store(Path(sys.argv[1])) as store:
    end_meeting(store, store.load_meeting(sys.argv[3]), now=clock.now())
"""


def test_a_crash_between_meeting_file_and_index_is_reconciled(v2: Path) -> None:
    with Store(v2):  # migrated first
        pass
    closed = [i for i, d in tables(v2 / "register.json")["actions"].items()
              if d.get("closed_in") == LIVE]
    assert closed  # the fixture's live meeting closed an item: it waits in the register
    crash(END, str(v2), "index.json", LIVE)
    assert tables(v2 / f"meetings/{LIVE}.json")["meeting"][LIVE]["status"] == "ended"
    assert tables(v2 / "index.json")["meetings"][LIVE]["status"] == "in-progress"
    with Store(v2) as store:  # the next writer brings the index up to the file
        assert store.find_meeting(LIVE).status == "ended"
        assert store.in_progress() is None
    assert tables(v2 / "index.json")["meetings"][LIVE]["status"] == "ended"
    register = tables(v2 / "register.json")["actions"]
    assert not set(closed) & set(register)  # and the items it closed move to the archive
    assert set(closed) <= set(tables(v2 / "archive" / "2026.json")["actions"])


ADD = """
from datetime import date
from checkin.services.meetings import new_action
from checkin.store import Store
with Store(Path(sys.argv[1])) as store:
    new_action(store, title="made in the meeting", owner="o", due=date(2026, 11, 27),
               today=date(2026, 11, 23), meeting=store.load_meeting(sys.argv[3]))
"""


def test_a_crash_between_a_new_item_and_its_meeting_count_is_reconciled(v2: Path) -> None:
    with Store(v2) as store:
        count = store.find_meeting(LIVE).actions
    crash(ADD, str(v2), "index.json", LIVE)
    made = [i for i, d in tables(v2 / "register.json")["actions"].items()
            if d["title"] == "made in the meeting"]
    assert len(made) == 1  # the item is on disk, its meeting's count is not
    assert tables(v2 / "index.json")["meetings"][LIVE]["actions"] == count
    with Store(v2) as store:
        assert store.find_meeting(LIVE).actions == count + 1
    assert tables(v2 / "index.json")["meetings"][LIVE]["actions"] == count + 1


START = """
from checkin import clock, locations
from checkin.core.agenda import load_agenda
from checkin.services.meetings import start_meeting
from checkin.store import Store
with Store(Path(sys.argv[1])) as store:
    start_meeting(store, load_agenda(locations.bundled_agendas_dir() / "weekly.toml"),
                  now=clock.now())
"""


def test_a_new_meeting_is_written_before_its_index_row(data_dir: Path) -> None:
    crash(START, str(data_dir), "index.json")
    assert not (data_dir / "index.json").exists()
    assert [p.stem for p in (data_dir / "meetings").iterdir()] == [f"{TODAY}-weekly"]
    with Store(data_dir) as store:
        assert store.in_progress().id == f"{TODAY}-weekly"
    assert list(tables(data_dir / "index.json")["meetings"]) == [f"{TODAY}-weekly"]


def test_a_move_a_crash_stopped_in_a_schema_2_dir_is_still_repaired(v2: Path) -> None:
    """An item in the register and in an archive written after it (a crash between the
    two writes of its move): the migration keeps the register's time, so the next writer
    still knows the archive's copy is the newer one."""
    register = tables(v2 / "register.json")
    item_id, doc = next((i, d) for i, d in register["actions"].items() if d["status"] == "open")
    archive = tables(v2 / "archive" / "2026.json")
    archive["actions"][item_id] = {**doc, "status": "done", "closed_on": str(TODAY)}
    (v2 / "archive" / "2026.json").write_bytes(format_lines(archive))  # newer than the register
    with Store(v2) as store:
        assert store.action(item_id).status == "done"
        assert item_id not in {a.id for a in store.actions("open")}
    assert item_id not in tables(v2 / "register.json")["actions"]
    with Store(v2, readonly=True) as reader:
        assert len([a for a in reader.actions() if a.id == item_id]) == 1


def test_a_register_from_before_the_split_merges_with_one_after(v2: Path,
                                                                tmp_path: Path) -> None:
    """One clone upgraded (its register lost the meetings table), the other, still on
    schema 2, changed a meeting row: the merged register keeps no meeting index (the
    index is rebuilt from the meeting files), and the items merge as always."""
    base = tables(v2 / "register.json")
    theirs = {t: {i: dict(d) for i, d in docs.items()} for t, docs in base.items()}
    theirs["meetings"][LIVE]["rating"] = 9
    first = next(iter(theirs["actions"]))
    theirs["actions"][first]["title"] = "renamed over there"
    with Store(v2):
        pass
    files = {"base": base, "theirs": theirs}
    for name, data in files.items():
        (tmp_path / name).write_bytes(format_lines(data))
    ours = tmp_path / "ours"
    shutil.copy(v2 / "register.json", ours)
    assert merge_file(tmp_path / "base", ours, tmp_path / "theirs", "register.json") == []
    merged = tables(ours)
    assert "meetings" not in merged and merged["_meta"]["schema"]["schema"] == 3
    assert merged["actions"][first]["title"] == "renamed over there"

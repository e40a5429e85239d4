"""A crash at every write of an item's move between the register and the archive years.

Closing an item moves it from the register to ``archive/<year>.json``; reopening one (the
action register's ``d`` on a done item) moves it back; closing a dropped item again in a
later year (``d`` on it) moves it between archive years. A child process makes the move
with the real store and dies (``os._exit``) just before its Nth file write, for every N.
After each crash: readers see the item exactly once, either as it was or as it became,
and agree with one another; the next writer repairs the files silently (the item in one
file, no move record left) to what the readers saw; a second writer changes no byte.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checkin.services.meetings import new_action
from checkin.store import Store
from checkin.store.lines import parse_lines

from .conftest import REPO, child_env, tree_digest
from .test_bad_input import assert_refused, run_in_process

TODAY = date(2026, 11, 23)
LAST_YEAR = date(2025, 3, 2)

CHILD = """
import os, sys
from datetime import date
from checkin.store import Store, datafile
root, op, action_id, die_at = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
real, writes = datafile.atomic_write, [0]
def counted(path, data, **kw):
    writes[0] += 1
    if writes[0] == die_at:
        os._exit(9)  # killed before this write: every earlier one is on disk
    real(path, data, **kw)
datafile.atomic_write = counted
with Store(root) as store:
    writes[0] = 0  # count the move's writes only, not the open's
    item = store.action(action_id)
    today = date(2026, 11, 23)
    item.reopen(today) if op == "reopen" else item.mark_done(today)
    store.save_action(item)
    print(writes[0])
"""

# op -> (item, status before, status after)
MOVES = {
    "close": ("open", "open", "done"),  # register -> archive 2026
    "reopen": ("done-2025", "done", "open"),  # archive 2025 -> register
    "reclose": ("dropped-2025", "dropped", "done"),  # archive 2025 -> archive 2026
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("moves") / "data"
    ids = {}
    with Store(root) as store:
        for title in ("open", "done-2025", "dropped-2025", "bystander", "done-2026"):
            item = new_action(store, title=title, owner="Dana", due=TODAY, today=LAST_YEAR)
            if title.startswith("done"):
                item.mark_done(LAST_YEAR if "2025" in title else TODAY)
            elif title.startswith("dropped"):
                item.drop(LAST_YEAR, reason="not needed")
            store.save_action(item)
            ids[title] = item.id
    return root, ids


def run_move(root: Path, op: str, action_id: str, die_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", CHILD, str(root), op, action_id, str(die_at)],
                          capture_output=True, text=True, env=child_env(), cwd=REPO,
                          timeout=60)


def files_holding(root: Path, action_id: str) -> list[str]:
    paths = [root / "register.json", *sorted((root / "archive").glob("*.json"))]
    return [p.name for p in paths if action_id in parse_lines(p.read_bytes()).get("actions", {})]


def read_status(root: Path, action_id: str, ids: dict[str, str]) -> str:
    """The item as every reader sees it (they must agree); exactly once everywhere."""
    with Store(root, readonly=True) as reader:
        listed = [(a.id, a.status) for a in reader.actions()]
        assert sorted(i for i, _ in listed) == sorted(ids.values()), listed
        status = dict(listed)[action_id]
        assert reader.action(action_id).status == status
        assert (action_id in [a.id for a in reader.actions("open")]) == (status == "open")
        assert [a.id for a in reader.closed_actions() if a.id == action_id] == (
            [] if status == "open" else [action_id])
        fields = [d for d in reader.action_fields(("status",)) if d["id"] == action_id]
        assert [d["status"] for d in fields] == [status]
    result = run_in_process("--data", str(root), "actions", "--status", "all",
                            "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = [r for r in json.loads(result.stdout) if r["id"] == action_id]
    assert [r["status"] for r in rows] == [status]
    for title, other in ids.items():  # every other item as it was
        if other != action_id:
            assert dict(listed)[other] == ("open" if title in ("open", "bystander")
                                           else title.split("-")[0])
    return status


def data_files(root: Path) -> dict[str, str]:
    return {k: v for k, v in tree_digest(root).items() if k != ".lock"}


@pytest.mark.parametrize("op", sorted(MOVES))
def test_a_crash_before_any_write_of_a_move_loses_and_duplicates_nothing(
        pristine: tuple[Path, dict[str, str]], tmp_path: Path, op: str) -> None:
    source, ids = pristine
    title, before, after = MOVES[op]
    action_id = ids[title]
    done = tmp_path / "done"
    shutil.copytree(source, done)
    whole = run_move(done, op, action_id, 0)
    assert whole.returncode == 0, whole.stderr
    writes = int(whole.stdout)
    assert read_status(done, action_id, ids) == after
    assert len(files_holding(done, action_id)) == 1
    seen = []
    for die_at in range(1, writes + 1):
        root = tmp_path / f"crash{die_at}"
        shutil.copytree(source, root)
        crashed = run_move(root, op, action_id, die_at)
        assert crashed.returncode == 9, crashed.stderr
        status = read_status(root, action_id, ids)
        assert status in (before, after)
        with Store(root):  # the next writer repairs, silently
            pass
        assert len(files_holding(root, action_id)) == 1, (die_at, files_holding(root, action_id))
        register = parse_lines((root / "register.json").read_bytes())
        assert not register.get("_moves"), (die_at, register.get("_moves"))
        assert read_status(root, action_id, ids) == status  # the repair kept what was seen
        again = data_files(root)
        with Store(root):
            pass
        assert data_files(root) == again  # nothing left to repair
        seen.append(status)
    assert seen[0] == before  # nothing was written yet
    assert seen == sorted(seen, key=lambda s: s == after)  # once moved, it stays moved
    assert after in seen or writes == 1


def test_a_move_record_does_not_hide_a_genuine_duplicate(
        pristine: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    """The same id in the register and an older archive with no move under way: still
    refused by readers, and the next writer leaves every byte as it is."""
    source, ids = pristine
    root = tmp_path / "data"
    shutil.copytree(source, root)
    archive, register = root / "archive" / "2025.json", root / "register.json"
    lines = archive.read_bytes().splitlines(keepends=True)
    stale = next(n for n, line in enumerate(lines) if ids["done-2025"].encode() in line)
    opened = lines[stale].replace(b'"status":"done"', b'"status":"open"')
    body = register.read_bytes().splitlines(keepends=True)
    at = next(n for n, line in enumerate(body) if line.startswith(b'["actions"'))
    register.write_bytes(b"".join([*body[:at], opened, *body[at:]]))
    os.utime(archive, ns=(1, 1))  # older than the register: not a move into the archive
    before = data_files(root)
    with Store(root):
        pass
    assert data_files(root) == before
    assert_refused(["--data", str(root), "actions", "--status", "all"], root,
                   str(register), str(archive), repr(ids["done-2025"]))

"""The lock under attack: a planted ``.lock`` symlink is never followed, and deleting or
replacing ``.lock`` under a running writer never lets a second writer in (real processes)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from checkin.errors import LockedError, StoreError
from checkin.store import Store

from .conftest import HERE, REPO, child_env, tree_digest
from .test_bad_input import assert_refused
from .test_two_writers import Holder


def race(root: Path, title: str) -> str:
    result = subprocess.run(
        [sys.executable, str(HERE / "writer_child.py"), str(root), "race", title],
        capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=30,
    )
    return result.stdout


@pytest.mark.parametrize("target", ["victim", "missing", "dir"])
def test_symlinked_lock_is_never_followed(demo_dir: Path, tmp_path: Path,
                                          target: str) -> None:
    victim = tmp_path / "victim"
    if target == "victim":
        victim.write_text("precious\n")
    elif target == "dir":
        victim.mkdir()
    (demo_dir / ".lock").unlink(missing_ok=True)
    (demo_dir / ".lock").symlink_to(victim)
    before = tree_digest(tmp_path)
    line = assert_refused(["--data", str(demo_dir), "run"], demo_dir, ".lock",
                          "symbolic link", process=target == "victim")
    assert str(demo_dir / ".lock") in line
    assert tree_digest(tmp_path) == before  # the victim and everything else untouched
    assert target == "missing" or victim.exists()
    assert not (target == "missing" and victim.exists())
    with pytest.raises(StoreError):
        Store(demo_dir).open()
    (demo_dir / ".lock").unlink()  # what the message says to do
    Store(demo_dir).open().close()


def test_planted_lock_writer_child_refused(demo_dir: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("precious\n")
    (demo_dir / ".lock").unlink(missing_ok=True)
    (demo_dir / ".lock").symlink_to(victim)
    with pytest.raises(StoreError) as caught:
        Store(demo_dir).open()
    assert "symbolic link" in str(caught.value)
    assert victim.read_text() == "precious\n"


@pytest.mark.parametrize("how", ["deleted", "replaced", "symlinked"])
def test_lock_file_gone_under_a_writer_keeps_second_writer_out(demo_dir: Path,
                                                                how: str) -> None:
    holder = Holder(demo_dir)
    try:
        first = holder.add("before")
        lock = demo_dir / ".lock"
        lock.unlink()
        if how == "replaced":
            lock.write_text('{"pid": 1, "host": "x", "since": "y"}')
        elif how == "symlinked":
            lock.symlink_to(demo_dir / "register.json")
        reply = race(demo_dir, "intruder")
        assert reply.startswith("locked "), reply
        with pytest.raises(LockedError):
            Store(demo_dir).open()
        second = holder.add("after")
    finally:
        holder.quit()
    assert first != second
    with Store(demo_dir, readonly=True) as reader:
        titles = {a.id: a.title for a in reader.actions()}
    assert titles[first] == "before" and titles[second] == "after"
    assert "intruder" not in titles.values()
    if how == "symlinked":
        os.unlink(demo_dir / ".lock")


def test_lock_file_is_fresh_owner_only_and_not_a_link(demo_dir: Path) -> None:
    (demo_dir / ".lock").write_text("stale junk from a crash")
    with Store(demo_dir):
        info = os.lstat(demo_dir / ".lock")
        assert (info.st_mode & 0o777) == 0o600
        assert b'"pid"' in (demo_dir / ".lock").read_bytes()

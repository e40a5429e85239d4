"""Two checkin processes on one data dir: the second writer is refused, naming the holder;
readers keep working; no write from either is lost."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkin.errors import LockedError
from checkin.services.meetings import new_action
from checkin.store import Store

from .conftest import HERE, REPO, child_env, run_checkin, tree_digest


class Holder:
    """writer_child.py in ``serve`` mode: holds the lock, adds items on request."""

    def __init__(self, root: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(HERE / "writer_child.py"), str(root), "serve"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=child_env(),
            cwd=REPO,
        )
        assert self.proc.stdout.readline().strip() == "held"

    @property
    def pid(self) -> int:
        return self.proc.pid

    def add(self, title: str) -> str:
        self.proc.stdin.write(f"add {title}\n")
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline().split()
        assert reply[0] == "saved", reply
        return reply[1]

    def quit(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.write("quit\n")
            self.proc.stdin.flush()
            assert self.proc.wait(timeout=10) == 0
        self.proc.stdin.close()
        self.proc.stdout.close()


@pytest.fixture
def holder(demo_dir: Path) -> Iterator[Holder]:
    h = Holder(demo_dir)
    try:
        yield h
    finally:
        if h.proc.poll() is None:
            h.quit()


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("checkin: error: "), result.stderr
    return lines[0]


def test_second_store_is_refused_and_names_the_holder(demo_dir: Path, holder: Holder) -> None:
    holder.add("first")
    before = tree_digest(demo_dir)
    with pytest.raises(LockedError) as caught:
        Store(demo_dir).open()
    message = str(caught.value)
    assert f"pid {holder.pid}" in message and socket.gethostname() in message
    assert str(demo_dir) in message
    assert tree_digest(demo_dir) == before  # the refused writer changed nothing


def test_second_process_is_refused_and_names_the_holder(demo_dir: Path, holder: Holder) -> None:
    result = subprocess.run(
        [sys.executable, str(HERE / "writer_child.py"), str(demo_dir), "race", "second"],
        capture_output=True, text=True, env=child_env(), cwd=REPO, timeout=30,
    )
    assert result.returncode == 2
    assert result.stdout.startswith("locked ") and f"pid {holder.pid}" in result.stdout


def test_cli_writers_refused_with_one_line(demo_dir: Path, holder: Holder) -> None:
    before = tree_digest(demo_dir)
    line = one_error_line(run_checkin("--data", str(demo_dir), "demo", "--no-ui"))
    assert str(demo_dir) in line
    # `checkin run` opens the store (and its lock) before Textual starts
    line = one_error_line(run_checkin("--data", str(demo_dir), "run"))
    assert f"pid {holder.pid}" in line and str(demo_dir) in line
    assert tree_digest(demo_dir) == before


def test_readers_work_while_locked_and_see_saved_writes(demo_dir: Path,
                                                        holder: Holder) -> None:
    new_id = holder.add("Written by the holder")
    before = tree_digest(demo_dir)
    for args in (("actions", "--status", "all", "--format", "csv"), ("meetings",),
                 ("export", "last")):
        result = run_checkin("--data", str(demo_dir), *args)
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr == ""
    listed = run_checkin("--data", str(demo_dir), "actions", "--format", "csv").stdout
    assert f"{new_id},Two Writers,Written by the holder" in listed
    assert tree_digest(demo_dir) == before


def test_no_write_from_either_writer_is_lost(demo_dir: Path) -> None:
    first = Holder(demo_dir)
    ids = [first.add(f"holder {n}") for n in range(5)]
    with pytest.raises(LockedError):  # refused in the middle of the holder's writes
        Store(demo_dir).open()
    ids += [first.add(f"holder {n}") for n in range(5, 10)]
    first.quit()
    with Store(demo_dir) as second:  # the lock was released: the next writer gets it
        today = second.meetings()[0].date
        for n in range(3):
            ids.append(new_action(second, title=f"second {n}", owner="B", due=today,
                                  today=today, agenda_id="weekly").id)
    with Store(demo_dir, readonly=True) as reader:
        titles = {a.id: a.title for a in reader.actions()}
    assert [titles[i] for i in ids] == [f"holder {n}" for n in range(10)] + [
        f"second {n}" for n in range(3)]


def test_racing_writers_each_win_or_are_refused_nothing_lost(demo_dir: Path) -> None:
    procs = [subprocess.Popen(
        [sys.executable, str(HERE / "writer_child.py"), str(demo_dir), "race", f"racer {n}"],
        stdout=subprocess.PIPE, text=True, env=child_env(), cwd=REPO) for n in range(3)]
    outs = [p.communicate(timeout=30)[0] for p in procs]
    winners = [o for o in outs if o.startswith("saved")]
    losers = [o for o in outs if o.startswith("locked")]
    assert len(winners) >= 1 and len(winners) + len(losers) == 3
    with Store(demo_dir, readonly=True) as reader:
        titles = [a.title for a in reader.actions() if a.title.startswith("racer")]
    assert len(titles) == len(winners)  # every winner's write is there, no loser's
    assert all("pid " in o and str(os.uname().nodename) in o for o in losers)


def test_a_writer_refused_while_the_holder_writes_its_name_still_names_it(
        tmp_path: Path) -> None:
    """The holder takes the lock, then writes ``.lock``: a writer refused in between
    (seen in CI: three racing writers) waits for the name instead of "process unknown"."""
    import fcntl
    import json
    import threading

    from checkin.store.lock import DirLock

    folder = tmp_path / "data"
    folder.mkdir()
    fd = os.open(folder, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # the holder, before it wrote its name

    def write_name() -> None:
        (folder / ".lock").write_text(json.dumps(
            {"pid": 4242, "host": "laptop", "since": "2026-11-30T09:00"}))

    timer = threading.Timer(0.1, write_name)
    timer.start()
    try:
        with pytest.raises(LockedError, match="pid 4242 on laptop"):
            DirLock(folder).acquire()
    finally:
        timer.join()
        os.close(fd)

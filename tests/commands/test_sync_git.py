"""`checkin sync` with real git: a bare repo and two clones in a temp dir."""

from __future__ import annotations

import os
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

from checkin.core.agenda import load_agenda
from checkin.locations import bundled_agendas_dir
from checkin.services.demo import seed_history
from checkin.services.meetings import start_meeting
from checkin.store import Store
from checkin.store.lines import parse_lines
from tests.commands.test_cli import assert_one_line_error, checkin
from tests.conftest import TODAY

GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
           "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV}, check=True)


def sync(clone: Path) -> subprocess.CompletedProcess:
    return checkin("--data", str(clone), "sync", env=GIT_ENV)


@pytest.fixture
def clones(tmp_path: Path) -> tuple[Path, Path]:
    """Two clones of one bare repo; the first seeded with demo history and synced."""
    remote = tmp_path / "team.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(remote))
    a, b = tmp_path / "alice", tmp_path / "bob"
    git(tmp_path, "clone", "-q", str(remote), str(a))
    agenda = load_agenda(bundled_agendas_dir() / "weekly.toml")
    with Store(a) as store:
        seed_history(store, agenda, weeks=3, today=TODAY)
    first = sync(a)
    assert first.returncode == 0, first.stderr
    assert "pushed to origin/main" in first.stdout
    git(tmp_path, "clone", "-q", str(remote), str(b))
    return a, b


def items(root: Path) -> dict:
    with Store(root, readonly=True) as store:
        return {i.id: i for i in store.actions()}


def test_first_sync_ignores_machine_files_and_registers_the_driver(
        clones: tuple[Path, Path]) -> None:
    a, b = clones
    tracked = git(b, "ls-files").stdout.split()
    assert "register.json" in tracked and ".lock" not in tracked
    assert ".lock" in (b / ".gitignore").read_text()
    assert "merge=checkin" in (b / ".gitattributes").read_text()
    assert "merge-driver" in git(a, "config", "merge.checkin.driver").stdout
    log = git(a, "log", "--format=%s").stdout
    assert log.startswith("checkin: ") and "meeting" in log
    assert "index.json" in tracked and "index" not in log  # the meetings say what changed


def test_two_clones_changing_different_items_merge(clones: tuple[Path, Path]) -> None:
    a, b = clones
    first, second = sorted(i for i, x in items(a).items() if x.status == "open")[:2]
    assert checkin("--data", str(a), "done", first).returncode == 0
    assert checkin("--data", str(b), "redate", second, "next fri").returncode == 0
    assert sync(a).returncode == 0
    out = sync(b)
    assert out.returncode == 0, out.stderr
    assert "pulled from origin/main" in out.stdout
    assert sync(a).returncode == 0
    for clone in (a, b):
        now = items(clone)
        assert now[first].status == "done"
        assert now[second].due.isoformat() == "2026-12-04" and now[second].slips >= 1
    assert git(a, "log", "-1", "--format=%s").stdout  # history kept, no conflict
    assert f"{first} done" in git(a, "log", "--format=%s").stdout


def test_two_clones_adding_items_merge(clones: tuple[Path, Path]) -> None:
    a, b = clones
    assert checkin("--data", str(a), "add", "@dana one due:fri").returncode == 0
    assert checkin("--data", str(b), "add", "@dana two due:fri").returncode == 0
    assert sync(a).returncode == 0
    assert sync(b).returncode == 0
    assert sync(a).returncode == 0
    for clone in (a, b):
        titles = {i.title for i in items(clone).values()}
        assert {"one", "two"} <= titles
    ids = [i.id for i in items(b).values() if i.title in ("one", "two")]
    assert len(set(ids)) == 2 and all(len(i) <= 5 for i in ids)  # short to type


def test_same_field_changed_on_both_sides_stops_with_one_line(
        clones: tuple[Path, Path]) -> None:
    a, b = clones
    item = sorted(i for i, x in items(a).items() if x.status == "open")[0]
    assert checkin("--data", str(a), "redate", item, "next fri").returncode == 0
    assert checkin("--data", str(b), "redate", item, "+3w").returncode == 0
    assert sync(a).returncode == 0
    proc = sync(b)
    assert_one_line_error(proc, item, "'due'", "checkin sync")
    status = git(b, "status").stdout
    assert "register.json" in status and "Unmerged" in status
    assert parse_lines((b / "register.json").read_bytes())  # still a valid file: ours
    assert_one_line_error(sync(b), "register.json")  # again: names what waits
    git(b, "add", "register.json")  # keep ours
    done = sync(b)
    assert done.returncode == 0, done.stderr
    assert sync(a).returncode == 0
    assert items(a)[item].due == items(b)[item].due


def test_both_starting_the_same_meeting_stops_with_one_line(
        clones: tuple[Path, Path]) -> None:
    a, b = clones
    agenda = load_agenda(bundled_agendas_dir() / "weekly.toml")
    for clone, who in ((a, "Alice"), (b, "Bob")):
        with Store(clone) as store:
            start_meeting(store, agenda, now=datetime(2026, 11, 30, 9), facilitator=who)
    assert sync(a).returncode == 0
    proc = sync(b)
    assert_one_line_error(proc, "both", "started the meeting 2026-11-30-weekly")


def test_sync_refuses_outside_git_and_while_the_app_is_open(
        clones: tuple[Path, Path], demo_dir: Path) -> None:
    assert_one_line_error(sync(demo_dir), "not a git working tree")
    a, _ = clones
    with Store(a):
        assert_one_line_error(sync(a), "in use")

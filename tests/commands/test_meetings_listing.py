"""`checkin meetings` lists the last 20 by default and every one with --all."""

from __future__ import annotations

from pathlib import Path

from checkin.core.model import Agenda
from checkin.services.demo import seed_history
from checkin.store import Store
from tests.commands.test_cli import checkin
from tests.conftest import TODAY


def test_last_twenty_by_default_all_with_flag(tmp_path: Path, weekly_agenda: Agenda) -> None:
    root = tmp_path / "data"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=23, today=TODAY)
        newest = [s.id for s in store.meetings()]
    assert len(newest) == 23
    default = checkin("--data", str(root), "meetings")
    every = checkin("--data", str(root), "meetings", "--all")
    assert default.returncode == every.returncode == 0, default.stderr + every.stderr
    rows = [line.split()[0] for line in default.stdout.splitlines()[1:]]
    assert rows == newest[:20]
    assert [line.split()[0] for line in every.stdout.splitlines()[1:]] == newest

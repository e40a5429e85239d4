"""Minutes can be confidential: the data dir is 0700 and every data file 0600, whatever the
umask, after seeding and after a live meeting saves (meeting file, register, action items)."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from checkin import clock
from checkin.core.agenda import load_agenda
from checkin.locations import bundled_agendas_dir
from checkin.services.meetings import start_or_resume
from checkin.store import Store
from checkin.tui.session import MeetingSession

from .conftest import run_checkin

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture(autouse=True)
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # a typical default: files 0644, folders 0755 unless we say so
    try:
        yield
    finally:
        os.umask(old)


def modes(root: Path) -> dict[str, str]:
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def assert_owner_only(root: Path) -> None:
    for name, mode in modes(root).items():
        path = root / name
        want = "0o700" if path.is_dir() else "0o600"
        assert mode == want, f"{name}: {mode}, want {want}"


def test_demo_seeded_by_the_cli_is_owner_only(tmp_path: Path) -> None:
    root = tmp_path / "deep" / "data"
    result = run_checkin("--data", str(root), "demo", "--no-ui", "--weeks", "3")
    assert result.returncode == 0, result.stderr
    assert len(list((root / "meetings").glob("*.json"))) == 3
    assert_owner_only(root)


def test_live_meeting_saves_stay_owner_only(demo_dir: Path) -> None:
    agenda = load_agenda(bundled_agendas_dir() / "weekly.toml")
    with Store(demo_dir) as store:
        meeting = start_or_resume(store, agenda, now=clock.now())
        session = MeetingSession(store, meeting, today=clock.today())
        meeting.notes = "Confidential: reorg next quarter"
        meeting.readings[0].value = 1.0  # changes the index row: rewrites the register
        session.changed()
        session.flush()
        session.add_action(title="Tell nobody", owner="Dana Lee",
                           due=session.today + timedelta(days=2))
        session.flush()
    assert (demo_dir / "meetings" / f"{meeting.id}.json").exists()
    assert_owner_only(demo_dir)


def test_files_in_a_user_made_loose_dir_are_owner_only(tmp_path: Path) -> None:
    """A data dir the user created with their umask (0755) gets files that are 0600."""
    root = tmp_path / "mine"
    root.mkdir(mode=0o755)
    with Store(root):
        pass
    for path in [root / "register.json", root / ".lock"]:
        assert oct(stat.S_IMODE(path.stat().st_mode)) == "0o600", path
    assert oct(stat.S_IMODE((root / "meetings").stat().st_mode)) == "0o700"

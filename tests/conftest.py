"""Shared fixtures: a fixed clock, a seeded data dir, the bundled weekly agenda."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from checkin import locations
from checkin.core.agenda import load_agenda
from checkin.core.model import Agenda
from checkin.services.demo import seed_history
from checkin.store import Store

NOW = datetime(2026, 11, 23, 9, 0, 0)  # a Monday
TODAY: date = NOW.date()


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> datetime:
    """Every test (and every subprocess it starts) sees the same "now"."""
    monkeypatch.setenv("CHECKIN_NOW", NOW.isoformat())
    monkeypatch.delenv("CHECKIN_DATA", raising=False)
    return NOW


@pytest.fixture(autouse=True)
def isolated_config(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
                    ) -> Path:
    """No test (nor its subprocesses) reads the user's real config file or hooks."""
    path = tmp_path_factory.mktemp("config") / "config.toml"
    monkeypatch.setenv("CHECKIN_CONFIG", str(path))
    return path


@pytest.fixture
def weekly_agenda() -> Agenda:
    return load_agenda(locations.bundled_agendas_dir() / "weekly.toml")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty data dir path (not created)."""
    return tmp_path / "data"


@pytest.fixture
def demo_dir(tmp_path: Path, weekly_agenda: Agenda) -> Path:
    """A data dir holding six weeks of seeded weekly meetings, closed and unlocked."""
    root = tmp_path / "demo"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=6, today=TODAY)
    return root

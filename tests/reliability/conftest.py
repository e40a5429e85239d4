"""Reliability tests: the ``slow`` marker, long mode (``CHECKIN_LONG=1``), child helpers."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from checkin import locations
from checkin.core.agenda import load_agenda
from checkin.services.demo import seed_history
from checkin.store import Store

SEEDED_TODAY = date(2026, 11, 23)  # the day the six seeded weeks end

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LONG = os.environ.get("CHECKIN_LONG") == "1"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "slow: long-mode reliability test; runs only with CHECKIN_LONG=1"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if LONG:
        return
    skip = pytest.mark.skip(reason="long mode only: set CHECKIN_LONG=1")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child python: this checkout importable, fixed clock kept."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), env.get("PYTHONPATH", "")) if p
    )
    env.pop("CHECKIN_DATA", None)
    env.update(extra)
    return env


def run_checkin(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """`python -m checkin ARGS` as a user would run it (no tty, so no UI)."""
    return subprocess.run(
        [sys.executable, "-m", "checkin", *args], capture_output=True, text=True,
        env=child_env(), cwd=REPO, timeout=timeout, stdin=subprocess.DEVNULL,
    )


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> sha256 and mode), to prove nothing moved;
    but ``cache/``, derived data a reader may refresh (``store.facts``: its own tests)."""
    if not root.exists():
        return {}
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.relative_to(root).parts[0] != "cache":
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = f"{digest} {path.stat().st_mode:o}"
    return out


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six seeded weeks, written once per module (tests damage a copy)."""
    root = tmp_path_factory.mktemp("pristine") / "demo"
    agenda = load_agenda(locations.bundled_agendas_dir() / "weekly.toml")
    with Store(root) as store:
        seed_history(store, agenda, weeks=6, today=SEEDED_TODAY)
    return root


@pytest.fixture
def seeded(pristine: Path, tmp_path: Path) -> Iterator[Path]:
    """A fresh copy of the six seeded weeks for one test."""
    root = tmp_path / "demo"
    shutil.copytree(pristine, root)
    yield root

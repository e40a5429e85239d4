"""Reliability tests: the ``slow`` marker, long mode (``CHECKIN_LONG=1``), child helpers."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
    """Every file under ``root`` (relative path -> sha256 and mode), to prove nothing moved."""
    if not root.exists():
        return {}
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
            out[str(path.relative_to(root))] = f"{digest} {path.stat().st_mode:o}"
    return out

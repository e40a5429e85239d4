"""Core, render, services, store and the read-only commands never import Textual or the UI:
the import-linter contracts in pyproject.toml hold, and they bite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LINT_IMPORTS = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")


def lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """Run lint-imports on the package tree under ``root`` (its pyproject.toml)."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([LINT_IMPORTS, "--no-cache"], capture_output=True, text=True,
                          cwd=root, env=env, timeout=180)


def test_import_contracts_hold() -> None:
    proc = lint_imports(REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "0 broken" in proc.stdout


def test_the_contract_bites_when_a_core_module_imports_textual(tmp_path: Path) -> None:
    """A copy of the tree with ``import textual`` added to a core module must fail."""
    shutil.copytree(REPO / "checkin", tmp_path / "checkin",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    module = tmp_path / "checkin" / "core" / "rules.py"
    module.write_text(module.read_text() + "\nimport textual  # noqa: E402,F401\n")
    proc = lint_imports(tmp_path)
    assert proc.returncode != 0, proc.stdout
    assert "checkin.core.rules -> textual" in proc.stdout
    assert "BROKEN" in proc.stdout

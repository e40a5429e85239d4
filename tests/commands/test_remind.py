"""`checkin remind`: per owner, items due within N days or overdue; digest, eml, --send."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import timedelta
from email import message_from_bytes
from email.policy import default as policy
from pathlib import Path

from checkin import locations
from checkin.store import Store
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]


def checkin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ), timeout=60)


def expected(root: Path, days: int) -> dict[str, list[str]]:
    with Store(root, readonly=True) as store:
        items = [a for a in store.actions("open") if a.due <= TODAY + timedelta(days=days)]
    owners: dict[str, list[str]] = {}
    for a in items:
        owners.setdefault(a.owner, []).append(a.title)
    return owners


def test_digest_lists_due_soon_and_overdue_per_owner(demo_dir: Path) -> None:
    soon = expected(demo_dir, 2)
    later = expected(demo_dir, 30)
    assert soon and sum(map(len, later.values())) > sum(map(len, soon.values()))
    proc = checkin("--data", str(demo_dir), "remind", "--days", "2")
    assert proc.returncode == 0, proc.stderr
    for owner, titles in soon.items():
        assert f"## {owner}" in proc.stdout
        assert all(f"- {t} — " in proc.stdout for t in titles)
    missing = {t for titles in later.values() for t in titles} - {
        t for titles in soon.values() for t in titles}
    assert not any(f"- {t} — " in proc.stdout for t in missing)


def with_addresses(root: Path) -> None:
    """A user copy of the weekly agenda that gives Sales and Marketing addresses."""
    text = (locations.bundled_agendas_dir() / "weekly.toml").read_text()
    for dept in ("Sales", "Marketing"):
        text = text.replace(f'name = "{dept}"\n',
                            f'name = "{dept}"\nemail = "{dept.lower()}@example.com"\n', 1)
    (root / "agendas").mkdir(exist_ok=True)
    (root / "agendas" / "weekly.toml").write_text(text)


def test_eml_per_owner_and_send(demo_dir: Path, tmp_path: Path,
                                isolated_config: Path) -> None:
    with_addresses(demo_dir)
    out = tmp_path / "out"
    proc = checkin("--data", str(demo_dir), "remind", "--days", "30", "--format", "eml",
                   "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    owners = expected(demo_dir, 30)
    files = sorted(out.glob("*.eml"))
    assert len(files) == len(owners)
    addressed = 0
    for path in files:
        msg = message_from_bytes(path.read_bytes(), policy=policy)
        assert msg.get_content_type() == "multipart/alternative"
        owner = msg["Subject"].split(": ", 1)[1].rsplit(" (", 1)[0]
        plain = next(msg.iter_parts()).get_content()
        assert all(t in plain for t in owners[owner])
        if msg["To"]:
            addressed += 1
            assert msg["To"].addresses[0].addr_spec.endswith("@example.com")
    assert addressed
    # --send: the addressed ones go to the fake sendmail; the rest are named, exit 2
    log = tmp_path / "sent"
    script = tmp_path / "fake-sendmail"
    script.write_text(f"#!/bin/sh\ncat >> '{log}'\necho '--next--' >> '{log}'\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    isolated_config.write_text(f'sendmail_command = ["{script}"]\n')
    proc = checkin("--data", str(demo_dir), "remind", "--days", "30", "--format", "eml",
                   "--send")
    assert log.read_text().count("--next--") == addressed
    if addressed < len(files):
        assert proc.returncode == 2 and "no address for" in proc.stderr
        assert proc.stderr.count("\n") == 1


def test_bad_options_are_one_line(demo_dir: Path) -> None:
    for args, needle in ((["--days", "-1"], "--days"), (["--format", "eml"], "-o DIR"),
                         (["--send"], "--format eml")):
        proc = checkin("--data", str(demo_dir), "remind", *args)
        assert proc.returncode == 2 and needle in proc.stderr, proc.stderr
        assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr

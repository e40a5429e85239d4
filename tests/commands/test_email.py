"""`checkin export --format eml` and `--send`: a real message, a fake sendmail outside us."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from email import message_from_bytes
from email.policy import default as policy
from pathlib import Path

import pytest

from checkin.core.model import Agenda
from checkin.services.demo import seed_history
from checkin.store import Store
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parents[2]


def checkin(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "checkin", *args], capture_output=True,
                          text=True, cwd=REPO, env=dict(os.environ), timeout=60)


@pytest.fixture
def mail_dir(tmp_path: Path, weekly_agenda: Agenda) -> Path:
    """Seeded meetings of an agenda whose departments (but IT) have addresses."""
    for d in weekly_agenda.departments:
        if d.name != "IT":
            d.email = f"{d.name.split()[0].lower()}@example.com"
    weekly_agenda.title = "Weekly check-in\nBcc: evil@example.com"  # header injection try
    root = tmp_path / "data"
    with Store(root) as store:
        seed_history(store, weekly_agenda, weeks=3, today=TODAY)
    return root


def fake_sendmail(tmp_path: Path, config: Path, code: int = 0) -> Path:
    got = tmp_path / "sent.eml"
    script = tmp_path / "fake-sendmail"
    script.write_text(f"#!/bin/sh\ncat > '{got}'\necho 'relay said no' >&2\nexit {code}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    config.write_text(f'sendmail_command = "{script} -t"\n')
    return got


def test_eml_is_multipart_alternative_to_the_attendees(mail_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.eml"
    proc = checkin("--data", str(mail_dir), "export", "last", "--format", "eml", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    msg = message_from_bytes(out.read_bytes(), policy=policy)
    assert msg.get_content_type() == "multipart/alternative"
    with Store(mail_dir, readonly=True) as store:
        last = store.meetings()[0]
    title = "Weekly check-in Bcc: evil@example.com"
    assert msg["Subject"] == f"{title}: minutes {last.date.isoformat()}"
    assert msg["Bcc"] is None
    to = {a.addr_spec for a in msg["To"].addresses}
    assert to and to <= {"marketing@example.com", "sales@example.com", "product@example.com",
                         "customer@example.com"}
    plain, html = (part.get_content() for part in msg.iter_parts())
    md = checkin("--data", str(mail_dir), "export", "last").stdout
    assert plain == md
    assert html.startswith("<!DOCTYPE html>") and "<h2>Summary</h2>" in html
    again = tmp_path / "again.eml"
    checkin("--data", str(mail_dir), "export", "last", "--format", "eml", "-o", str(again))
    assert again.read_bytes() == out.read_bytes()  # same meeting, same bytes


def test_send_pipes_to_the_configured_command_only(mail_dir: Path, tmp_path: Path,
                                                   isolated_config: Path) -> None:
    proc = checkin("--data", str(mail_dir), "export", "last", "--format", "eml", "--send")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "sendmail_command: not set" in proc.stderr and proc.stdout == ""
    got = fake_sendmail(tmp_path, isolated_config)
    proc = checkin("--data", str(mail_dir), "export", "last", "--format", "eml", "--send")
    assert proc.returncode == 0, proc.stderr
    assert message_from_bytes(got.read_bytes(), policy=policy)["Subject"].startswith("Weekly")


def test_failing_sendmail_is_one_line(mail_dir: Path, tmp_path: Path,
                                      isolated_config: Path) -> None:
    fake_sendmail(tmp_path, isolated_config, code=75)
    proc = checkin("--data", str(mail_dir), "export", "last", "--format", "eml", "--send")
    assert proc.returncode == 2
    assert proc.stderr.startswith("checkin: error: ") and proc.stderr.count("\n") == 1
    assert "exit status 75 (relay said no)" in proc.stderr and "Traceback" not in proc.stderr
    proc = checkin("--data", str(mail_dir), "export", "last", "--send")
    assert proc.returncode == 2 and "--format eml" in proc.stderr

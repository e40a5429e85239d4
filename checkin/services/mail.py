"""Mail out: minutes as a message, writing ``.eml`` files, and handing a message to the
``sendmail_command`` of the config file (never to anything else)."""

from __future__ import annotations

import subprocess
from email.message import EmailMessage
from pathlib import Path

from checkin.config import Config
from checkin.core.model import Meeting
from checkin.errors import CheckinError
from checkin.render.mail import minutes_message
from checkin.services.files import write_file
from checkin.services.minutes import minutes_text
from checkin.store import Store

SEND_TIMEOUT = 60  # seconds


def minutes_email(store: Store, meeting: Meeting) -> EmailMessage:
    return minutes_message(meeting, minutes_text(store, meeting, "md"),
                           minutes_text(store, meeting, "html"))


def write_eml(message: EmailMessage, path: Path) -> None:
    """Write ``message`` as an ``.eml`` file any mail client opens (atomically)."""
    write_file(message.as_string(), path)


def send(message: EmailMessage, config: Config) -> None:
    """Pipe ``message`` to the config's ``sendmail_command``; CheckinError when none is set,
    it cannot start, fails or hangs."""
    command = config.sendmail_command
    where = config.path or "the config file"
    if not command:
        raise CheckinError(f"{where}: sendmail_command: not set, so --send has nothing to "
                           'hand the message to; add e.g. sendmail_command = "msmtp -t"')
    if not message["To"]:
        raise CheckinError(f"{message['Subject']}: no recipient; add email = \"...\" to the "
                           "departments of the agenda, or write the message with -o")
    try:
        proc = subprocess.run(command, input=message.as_bytes(), capture_output=True,
                              timeout=SEND_TIMEOUT, check=False)
    except OSError as exc:
        raise CheckinError(f"{where}: sendmail_command: cannot run {command[0]!r} "
                           f"({exc.strerror}); fix the command") from None
    except subprocess.TimeoutExpired:
        raise CheckinError(f"{where}: sendmail_command: {command[0]!r} did not finish in "
                           f"{SEND_TIMEOUT} s; nothing was sent, try again") from None
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        said_clean = "".join(c for c in said[0] if c.isprintable())[:200]
        raise CheckinError(f"{where}: sendmail_command: {command[0]!r} failed with exit "
                           f"status {proc.returncode} ({said_clean}); the message was not sent")
